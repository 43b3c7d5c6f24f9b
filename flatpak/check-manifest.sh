#!/bin/sh
# Lints the Flatpak manifest offline: valid JSON that flatpak-builder accepts,
# no unknown keys, no filesystem access, network only with its reason.
set -eu
manifest="$1"
if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "flatpak-builder not installed; skipping"
  exit 77
fi
err=$(mktemp)
trap 'rm -f "$err"' EXIT
flatpak-builder --show-manifest "$manifest" >/dev/null 2>"$err" || { cat "$err"; exit 1; }
if grep -q WARNING "$err"; then cat "$err"; exit 1; fi
if grep -qE '"--filesystem=' "$manifest"; then
  echo "the sandbox must not have filesystem access (files go through portals)"; exit 1
fi
# Network is allowed for «Update from SSB» alone, and the manifest must say so
# in a comment right above the permission.
if grep -q '"--share=network"' "$manifest" &&
   ! grep -B8 '"--share=network"' "$manifest" | grep -q 'Update from SSB'; then
  echo "--share=network needs the comment that says what it is for"; exit 1
fi
# The shared database needs PostgreSQL's client library built in (the runtime
# has none), and the network comment must name that use too.
if ! grep -q '"name": "libpq"' "$manifest"; then
  echo "the manifest has no libpq module: the Flatpak could not reach the municipality's server"; exit 1
fi
if ! grep -B12 '"--share=network"' "$manifest" | grep -q 'PostgreSQL'; then
  echo "the --share=network comment must name the PostgreSQL server too"; exit 1
fi
echo "manifest ok"
