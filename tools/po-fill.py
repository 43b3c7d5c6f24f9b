#!/usr/bin/python3
"""Writes a .po fragment: the messages of a template (.pot) with translations
from a Python dict file {msgid: msgstr} (msgctxt as "ctx\\x04msgid").

usage: po-fill.py TEMPLATE.pot TRANSLATIONS.py LANG OUT.po
Untranslated messages are left out of the output and listed on stderr.
"""
import ast
import sys


def unquote(s):
    return ast.literal_eval(s)


def parse(path):
    entries, cur, key = [], {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                entries.append(cur)
            cur, key = {}, None
            continue
        if line.startswith("#"):
            cur.setdefault("comments", []).append(line)
            continue
        if line.startswith('"'):
            cur[key] += unquote(line)
            continue
        k, v = line.split(" ", 1)
        key = k
        cur[key] = unquote(v)
    if cur:
        entries.append(cur)
    return entries


def quote(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{s}"'


def main():
    pot, tr_file, lang, out = sys.argv[1:5]
    tr = ast.literal_eval(open(tr_file, encoding="utf-8").read())
    missing = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Project-Id-Version: naervaer\\n"\n'
                f'"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n'
                '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Content-Transfer-Encoding: 8bit\\n"\n'
                '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
        for e in parse(pot):
            mid = e.get("msgid", "")
            if mid == "":
                continue
            key = (e["msgctxt"] + "\x04" + mid) if "msgctxt" in e else mid
            if key not in tr:
                missing += 1
                print("untranslated:", repr(key), file=sys.stderr)
                continue
            t = tr[key]
            for c in e.get("comments", []):
                if c.startswith("#,"):
                    f.write(c + "\n")
            if "msgctxt" in e:
                f.write(f"msgctxt {quote(e['msgctxt'])}\n")
            f.write(f"msgid {quote(mid)}\n")
            if "msgid_plural" in e:
                f.write(f"msgid_plural {quote(e['msgid_plural'])}\n")
                forms = t if isinstance(t, (list, tuple)) else [t, t]
                for i, form in enumerate(forms):
                    f.write(f"msgstr[{i}] {quote(form)}\n")
            else:
                f.write(f"msgstr {quote(t)}\n")
            f.write("\n")
    print(f"{out}: {missing} untranslated", file=sys.stderr)


main()
