#!/usr/bin/python3
"""Prints `N passed, N failed, N skipped` from meson's JSON test logs (one or more).

With --failures, prints instead each failed test's name, result and the last
lines of its output, so that a CI log cut to its tail still names what failed.
"""
import json
import sys

args = sys.argv[1:]
show_failures = False
if args and args[0] == "--failures":
    show_failures = True
    args = args[1:]

passed = failed = skipped = 0
failures = []
for path in args:
    try:
        log = open(path, encoding="utf-8")
    except OSError:
        continue
    with log:
        for line in log:
            if not line.strip():
                continue
            entry = json.loads(line)
            result = entry["result"]
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
                failures.append((path, entry))

if show_failures:
    for path, entry in failures:
        print(f"=== FAILED: {entry.get('name')} ({entry['result']}, "
              f"{entry.get('duration', 0):.1f} s) in {path}")
        output = (entry.get("stdout") or "") + (entry.get("stderr") or "")
        for text in output.splitlines()[-40:]:
            print(f"    {text}")
else:
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
