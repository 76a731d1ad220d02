#!/usr/bin/env bash
# scripts/metamorphic on the bundled fixtures: the layout transforms must keep the records
# (a pass rate of at least MIN_PASS), and the script must see a difference when there is
# one: a stub registre whose record counts the input's lines fails flatten and wrap, and a
# stub giving the same record for any input passes everything.
# usage: tests/scripts/metamorphic_test.sh [REGISTRE_BINARY] [MIN_PASS]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
registre="$(realpath "${1:-$repo/build/registre}")"
min_pass="${2:-0.72}"
tmp="$(mktemp -d /tmp/registre-metamorphic.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$repo"

# The fixtures themselves, written to nowhere but $tmp.
touch "$tmp/stamp"
scripts/metamorphic --registre "$registre" --min-pass "$min_pass" --out "$tmp/out" \
  fixtures/*.txt > "$tmp/report" || fail "pass rate below $min_pass: $(tail -n 1 "$tmp/report")"
grep -q '^overall ' "$tmp/report" || fail "no summary line"
[ -z "$(find fixtures -newer "$tmp/stamp")" ] || fail "wrote beside its inputs"
[ -s "$tmp/out/flatten/0/$(basename "$(ls fixtures/*.txt | head -n 1)")" ] ||
  fail "--out does not keep the transformed texts"

# A stub whose one record holds the number of lines: flattening changes it.
cat > "$tmp/lines-stub" <<'STUB'
#!/usr/bin/env bash
printf '{"id":"x","number":"%s","warnings":[]}\n' "$(wc -l < "${@: -1}")"
STUB
# A stub whose record is the same for any input, but for its provenance (ignored fields).
cat > "$tmp/same-stub" <<'STUB'
#!/usr/bin/env bash
printf '{"id":"%s","source":{"file":"%s"},"number":"1","warnings":[]}\n' "$RANDOM" "${@: -1}"
STUB
chmod +x "$tmp/lines-stub" "$tmp/same-stub"
doc=fixtures/dev-001.txt
if scripts/metamorphic --registre "$tmp/lines-stub" --transforms flatten,wrap60 "$doc" \
     > "$tmp/stub-report"; then
  fail "a changed record passed: $(cat "$tmp/stub-report")"
fi
grep -q "^FAIL $doc flatten: \[0\]\.number$" "$tmp/stub-report" ||
  fail "the differing field is not named: $(cat "$tmp/stub-report")"
scripts/metamorphic --registre "$tmp/same-stub" "$doc" > "$tmp/same-report" ||
  fail "ignored fields made a difference: $(cat "$tmp/same-report")"
grep -q '^overall .* 1\.000 ' "$tmp/same-report" || fail "unexpected: $(tail -n 1 "$tmp/same-report")"
echo "PASS: metamorphic ($(grep '^overall ' "$tmp/report"))"
