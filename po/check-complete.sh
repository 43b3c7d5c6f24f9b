#!/bin/sh
# Fails when nb or nn lacks a translation of any string in the sources listed in
# POTFILES.in, or has a fuzzy one. Works on a fresh template, so a .po that was
# never updated after new strings were added fails too.
set -eu
top="$1"
dir="$top/po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$top" && xgettext --package-name=naervaer --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --flag=g_strdup_printf:1:c-format \
  -f po/POTFILES.in -o "$tmp/naervaer.pot" 2>"$tmp/xgettext.log") || { cat "$tmp/xgettext.log"; exit 1; }
status=0
for lang in $(cat "$dir/LINGUAS"); do
  msgmerge --quiet --no-fuzzy-matching "$dir/$lang.po" "$tmp/naervaer.pot" -o "$tmp/$lang.po"
  stats=$(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      status=1
      msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | head -n 0
      msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid' | head -n 20 ;;
  esac
done
exit $status
