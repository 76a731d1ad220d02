#!/usr/bin/env bash
# scripts/mutate-check: mutants of two fixture PDFs and a text give no crash, hang or
# schema break with registre (exit 0), nothing is written beside the inputs, and a binary
# that crashes is reported with the mutation and a command to rerun it (exit 1).
# usage: tests/scripts/mutate_check_test.sh [REGISTRE_BINARY]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
registre="$(realpath "${1:-$repo/build/registre}")"
tmp="$(mktemp -d /tmp/registre-mutate.XXXXXX)"
report="$(mktemp /tmp/registre-mutate-report.XXXXXX)"
trap 'rm -rf "$tmp" "$report"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cp "$repo/fixtures/pdf/lo_fodt_lyon.pdf" "$repo/fixtures/pdf/cairo_budget.pdf" \
  "$repo/fixtures/dev-001.txt" "$tmp/"
before="$(ls "$tmp" | sort)"
"$repo/scripts/mutate-check" --bin "$registre" --mutants 15 --timeout 5 "$tmp" > "$report" ||
  fail "registre failed on mutants: $(cat "$report")"
grep -q "^45 mutants of 3 files: 0 crashed" "$report" || fail "$(cat "$report")"
[ "$(ls "$tmp" | sort)" = "$before" ] || fail "files written beside the inputs: $(ls "$tmp")"

# A binary that crashes on every input is caught.
cat > "$tmp/crasher" <<'SH'
#!/bin/sh
kill -SEGV $$
SH
chmod +x "$tmp/crasher"
mkdir "$tmp/in" && cp "$repo/fixtures/dev-001.txt" "$tmp/in/"
if "$repo/scripts/mutate-check" --bin "$tmp/crasher" --mutants 2 "$tmp/in" > "$tmp/out"; then
  fail "a crashing binary passed: $(cat "$tmp/out")"
fi
grep -q "crash: signal 11" "$tmp/out" || fail "no crash reported: $(cat "$tmp/out")"
grep -q "rerun: " "$tmp/out" || fail "no command to rerun: $(cat "$tmp/out")"
echo ok
