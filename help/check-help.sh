#!/bin/sh
# check-help.sh YELP_CHECK COMMAND DIR — runs `yelp-check COMMAND` on DIR's
# pages and fails when it prints anything (ids and links only report).
set -eu
out=$("$1" "$2" "$3"/*.page 2>&1) || { printf '%s\n' "$out"; exit 1; }
if [ -n "$out" ]; then
  printf '%s\n' "$out"
  exit 1
fi
