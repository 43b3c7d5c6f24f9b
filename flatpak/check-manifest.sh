#!/bin/sh
# Lints the Flatpak manifest offline: valid JSON that flatpak-builder accepts,
# no unknown keys, no network access, no broad filesystem access.
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
if grep -qE '"--share=network"|"--filesystem=' "$manifest"; then
  echo "the sandbox must not have network or filesystem access"; exit 1
fi
echo "manifest ok"
