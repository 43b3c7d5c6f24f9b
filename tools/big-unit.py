#!/usr/bin/env python3
"""Fills a database with one big unit for looking at the Follow-up section at
scale: 1 700 employees and about 100 000 spells over ten years up to today,
imported through naervaer-cli (so the import sets «follow-up tracked from»
unless --no-history-date is given, which clears it again).

    tools/big-unit.py --cli build/src/cli/naervaer-cli --database /tmp/big.db
"""
import argparse
import datetime
import os
import random
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--database", required=True)
    ap.add_argument("--unit", default="Storheimen sjukeheim")
    ap.add_argument("--employees", type=int, default=1700)
    ap.add_argument("--spells", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--no-history-date", action="store_true",
                    help="clear «follow-up tracked from» after the import")
    args = ap.parse_args()

    rnd = random.Random(args.seed)
    today = datetime.date.today()
    first = today - datetime.timedelta(days=3650)
    per = args.spells // args.employees

    def run(*a):
        subprocess.run([args.cli, "--database", args.database, *a], check=True)

    run("unit", "add", args.unit, "--sector", "helse-omsorg")
    with tempfile.TemporaryDirectory() as tmp:
        roster = os.path.join(tmp, "roster.csv")
        spells = os.path.join(tmp, "spells.csv")
        with open(roster, "w") as f:
            f.write("employee,fte,from\n")
            for e in range(args.employees):
                f.write(f"S{e:04d},{rnd.choice([50, 75, 80, 100])},{first.isoformat()}\n")
        rows = []
        for e in range(args.employees):
            day = first + datetime.timedelta(days=rnd.randrange(0, 40))
            for _ in range(per):
                length = rnd.choice([1, 1, 2, 2, 3, 3, 4, 5, 8, 14, 20, 30, 45, 60])
                end = day + datetime.timedelta(days=length - 1)
                if end >= today:
                    break
                kind = "egenmeldt" if length <= 3 else "legemeldt"
                grade = 100 if kind == "egenmeldt" else rnd.choice([100, 100, 100, 50])
                rows.append((day, f"S{e:04d},{day},{end},{grade},{kind}\n"))
                day = end + datetime.timedelta(days=rnd.randrange(2, 60))
            if rnd.random() < 0.05:  # sick now
                start = today - datetime.timedelta(days=rnd.randrange(1, 120))
                if start > day:
                    rows.append((start, f"S{e:04d},{start},,100,legemeldt\n"))
        rows.sort()
        with open(spells, "w") as f:
            f.write("employee,start,end,grade,type\n")
            f.writelines(r[1] for r in rows)
        run("import", "roster", "--unit", args.unit, roster)
        run("import", "spells", "--unit", args.unit, spells)
        print(f"{len(rows)} spells for {args.employees} employees")
    if args.no_history_date:
        run("unit", "set", args.unit, "--followup-from", "none")


if __name__ == "__main__":
    main()
