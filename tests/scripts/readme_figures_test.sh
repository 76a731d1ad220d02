#!/usr/bin/env bash
# The README's "Measured" table is what docs/figures.json renders (scripts/readme-figures
# writes both from the commands the table names), and a figure edited by hand in a copy of
# the README is caught.
# usage: tests/scripts/readme_figures_test.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d /tmp/registre-figures.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
"$repo/scripts/readme-figures" --check-table > "$tmp/out" || fail "$(cat "$tmp/out")"
sed 's/overall \*\*0\.[0-9]*\*\*/overall **0.999**/' "$repo/README.md" > "$tmp/README.md"
cmp -s "$repo/README.md" "$tmp/README.md" && fail "the edit did not apply: no 'overall **0.x**' figure"
if "$repo/scripts/readme-figures" --check-table --readme "$tmp/README.md" > "$tmp/out"; then
  fail "a figure edited by hand passed"
fi
grep -q "differs from what docs/figures.json renders" "$tmp/out" || fail "$(cat "$tmp/out")"
echo ok
