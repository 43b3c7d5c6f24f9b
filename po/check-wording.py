#!/usr/bin/python3
"""check-wording.py PO_DIR [HELP_DIR] — the second reader's rules for nb.po and nn.po
(and the nb/nn help pages), as a test.

Fails (and says where) when a translation
  * is fuzzy or empty, or has a msgstr identical to its English msgid that is
    not on the allow-list below (a string left in English);
  * uses English quotes “ ” (Norwegian uses « »), or the English «pp» for
    percentage points (the app says «%-poeng» or «prosentpoeng»);
  * in nn.po uses a Bokmål word where Nynorsk has its own («ikke», «hva»,
    «hvordan», «fravær», «sykefravær», «enhet», «ansatt», «leder», «oppgi»,
    «ukjent», «bruker», «også» — the app writes «òg» …);
  * in nb.po uses a Nynorsk or dialect form («ikkje», «sjukefråvær», «eining»,
    «tilsett» …);
  * ends a menu item with «…» without a space before it, or uses the English
    em dash « — » where Norwegian writes the en dash « – »;
  * in either uses a wording the second reader replaced: «prosjektering» for
    projection (it means engineering design), «Gjort» for a done step
    («Utført»), «Forfalt»/«Forfallen» as the overdue label («Over fristen», as
    Measures says), «NAV bransje» («NAV-bransje»), «løynd» for masked
    («skjult», the one word for it), «Sammenlign» as the Compare tab.
The help pages (HELP_DIR/nb, HELP_DIR/nn) get the same word rules, and every
<gui> label they name must be a label the app shows in that language.
Literal CSV column names and command-line values (enhet;ansatt;…, «annet»)
are exempt: they are data the user types, not prose.
"""
import ast
import re
import sys

ALLOWED_IDENTICAL = {
    "Nærvær", "OK", "Status", "Start", "start", "Tema", "Type", "Sektor",
    "Kommune", "Faktor", "Autonomi", "Idé", "Notat", "Rolle", "Tid", "Tabell",
    "Rad", "PDF", "Esc", "–", "—", " and ", "%s: %s", "%s — %s", "%s – %s",
    "%c (%s)", "%c: %s", "%s %d", "%s · %s · %s", "%s · %s → %s", "%s of %s",
    "%s (%s)", "%s, %s", "%s av %s", "%s:", ": %s", "PATH",
    # Norwegian already in the source, the Nynorsk adjective, a file name
    "NED med sykefraværet hos %s", "under 5", "open", "naervaer-data-%s.txt",
}

# Word (case-insensitive, whole word) → what to write instead; nn.po
NN_FORBIDDEN = {
    "ikke": "ikkje", "hva": "kva", "hvordan": "korleis", "hvem": "kven",
    "hvilke": "kva for", "hvilken": "kva for", "hvis": "viss/dersom/om",
    "noen": "nokon/nokre", "noe": "noko", "mye": "mykje", "bare": "berre",
    "også": "òg", "fravær": "fråvær", "sykefravær": "sjukefråvær",
    "sykefraværet": "sjukefråværet", "sykmeldt": "sjukmeld(t)",
    "enhet": "eining", "enheten": "eininga", "enheter": "einingar",
    "ansatt": "tilsett", "ansatte": "tilsette", "leder": "leiar",
    "lederen": "leiaren", "oppgi": "oppgje", "ukjent": "ukjend",
    "bruker": "brukar", "brukeren": "brukaren", "fra": "frå", "nå": None,
    "kommer": "kjem", "ble": "vart/blei", "uke": "veke", "uker": "veker",
    "måned": "månad", "måneder": "månader", "mulig": "mogleg",
    "egen": "eigen", "eget": "eige", "egne": "eigne", "selv": "sjølv",
    "ennå": "enno", "tidligere": "tidlegare", "senere": "seinare",
    "velg": "vel", "gjør": "gjer", "følger": "følgjer", "mellomrom": None,
    "tallene": "tala", "dagene": "dagane", "allerede": "alt/allereie",
    "fortsatt": "framleis", "forrige": "førre", "lesa": "lese",
    "løynde": "skjulte", "løynd": "skjult", "løynt": "skjult",
    "fråvers": "fråværs",
}
# «nå» is also the Nynorsk verb «reach»; not forbidden (None entries are skipped).

NB_FORBIDDEN = {
    "ikkje": "ikke", "kva": "hva", "korleis": "hvordan", "sjukefråvær": "sykefravær",
    "fråvær": "fravær", "eining": "enhet", "eininga": "enheten", "tilsett": "ansatt",
    "tilsette": "ansatte", "leiar": "leder", "berre": "bare", "frå": "fra",
    "sjukmeld": "sykmeldt", "eigenmeldt": "egenmeldt",
}

BOTH_FORBIDDEN = [
    (r"\bprosjektering", "storskjermvisning/-vising (projection), not «prosjektering»"),
    (r"\bpp\b", "«%-poeng» or «prosentpoeng», not the English «pp»"),
    (r"^Gjort\b", "«Utført» for a done step (issue 18: «Gjort dato»)"),
    (r"^(Forfalt|Forfallen|Forfalle)$", "«Over fristen», as Measures says"),
    (r"NAV bransje", "«NAV-bransje»"),
    (r"totalt\) — totalt", "the series already names its measure"),
    (r"[“”]", "Norwegian quotes « »"),
    (r"[^\s«]…$", "a space before a closing «…», as in the other menu items («Rediger …»)"),
    (r"(^| )— ", "the Norwegian dash is the en dash: « – »"),
]

# Data literals the user types or reads in files: exempt from the word lists.
LITERALS = [
    r"\S*;\S*",                      # CSV column lists
    r"\benhet-kolonne\w*", r"\benhet\b(?=[- ]kolonne)", r"«annet»", r"\bannet\)?",
    r"\bhelse-omsorg\b", r"\b(egenmeldt|legemeldt|totalt)\b(?= (eller|for|\(standard\)|,))",
    r"«[^»]*»", r"\$\w+", r"--[\w-]+",
]


def parse(path):
    entries, cur, key = [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#,"):
            if cur is None or "msgid" in cur:
                cur = {"flags": line}
                entries.append(cur)
            else:
                cur["flags"] = line
            continue
        m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line)
        if m:
            k = m.group(1)
            if k == "msgctxt" or (k == "msgid" and (cur is None or "msgid" in cur)):
                flags = cur.get("flags") if cur is not None and "msgid" not in cur else None
                cur = {"flags": flags} if flags else {}
                if not entries or entries[-1] is not cur:
                    entries.append(cur)
            cur[k] = ast.literal_eval(m.group(2))
            key = k
        elif line.startswith('"') and cur is not None and key:
            cur[key] += ast.literal_eval(line)
    return [e for e in entries if e.get("msgid")]


def strip_literals(text):
    for pattern in LITERALS:
        text = re.sub(pattern, " ", text)
    return text


def check(lang, path):
    problems = []
    forbidden = NN_FORBIDDEN if lang == "nn" else NB_FORBIDDEN
    for e in parse(path):
        msgid = e["msgid"]
        strs = [v for k, v in sorted(e.items()) if k.startswith("msgstr")]
        where = f"{lang}.po: «{msgid[:70]}»"
        if e.get("flags") and "fuzzy" in e["flags"]:
            problems.append(f"{where}: fuzzy")
        if not strs or any(s == "" for s in strs):
            problems.append(f"{where}: not translated")
            continue
        if "msgid_plural" not in e and strs[0] == msgid and msgid not in ALLOWED_IDENTICAL \
                and re.search(r"[A-Za-z]{3}", msgid):
            problems.append(f"{where}: left in English")
        for s in strs:
            for pattern, advice in BOTH_FORBIDDEN:
                if re.search(pattern, s):
                    problems.append(f"{where}: «{s[:60]}» — {advice}")
            prose = strip_literals(s)
            for word in re.findall(r"[^\W\d_]+", prose):
                better = forbidden.get(word.lower())
                if better:
                    problems.append(f"{where}: «{word}» — write «{better}»")
    return problems


def check_help(lang, help_dir, po_path):
    import glob
    problems = []
    forbidden = NN_FORBIDDEN if lang == "nn" else NB_FORBIDDEN
    labels = set()
    for e in parse(po_path):
        labels.update(v.replace("_", "") for k, v in e.items() if k.startswith("msgstr"))
    for page in sorted(glob.glob(f"{help_dir}/{lang}/*.page")):
        name = f"help/{lang}/{page.rsplit('/', 1)[-1]}"
        text = open(page, encoding="utf-8").read()
        for gui in re.findall(r"<gui>(.*?)</gui>", text, re.S):
            gui = " ".join(gui.split())
            if gui not in labels:
                problems.append(f"{name}: <gui>{gui}</gui> is not a label the app shows in {lang}")
        prose = re.sub(r"<code>.*?</code>|<(key|cmd)>.*?</\1>", " ", text, flags=re.S)
        prose = re.sub(r"<[^>]*>", " ", prose)
        prose = prose.replace("NED med sykefraværet", " ")  # the programme's name
        for pattern, advice in BOTH_FORBIDDEN[:2] + BOTH_FORBIDDEN[-3:]:
            for line in prose.splitlines():
                if re.search(pattern, line.strip()):
                    problems.append(f"{name}: «{line.strip()[:60]}» — {advice}")
        for word in re.findall(r"[^\W\d_]+", strip_literals(prose)):
            better = forbidden.get(word.lower())
            if better:
                problems.append(f"{name}: «{word}» — write «{better}»")
    return problems


def main():
    po_dir = sys.argv[1]
    help_dir = sys.argv[2] if len(sys.argv) > 2 else None
    problems = []
    for lang in ("nb", "nn"):
        problems += check(lang, f"{po_dir}/{lang}.po")
        if help_dir:
            problems += check_help(lang, help_dir, f"{po_dir}/{lang}.po")
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
