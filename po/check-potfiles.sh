#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in.
set -eu
top="$1"
cd "$top"
status=0
for f in $(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"' \
             src data --include='*.c' --include='*.h' --include='*.ui' --include='*.in' --include='*.xml' \
             --include='*.json' 2>/dev/null | sort); do
  case "$f" in *.gresource.xml) continue ;; esac
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "missing from po/POTFILES.in: $f"
    status=1
  fi
done
# and every listed file must exist
while read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  [ -e "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done < po/POTFILES.in
exit $status
