#!/usr/bin/env bash
# scripts/project-headings on a corpus made here: each gold record's heading is placed on
# the item, not on the agenda line that lists it first, nor on a page header repeating its
# number; a row corrected by hand survives --update; heading_data.match_headings pairs a
# heading printed a line above its title and refuses one far away.
# usage: tests/scripts/project_headings_test.sh [REGISTRE_BINARY]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
registre="$(realpath "${1:-$repo/build/registre}")"
tmp="$(mktemp -d /tmp/registre-headings.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$tmp/shared/corpus/dev"
doc="$tmp/shared/corpus/dev/a.txt"
printf '%s\n' "Ordre du jour :" "1. Tarifs de la cantine" "2. Travaux de voirie" "" \
  "Délibération n° 2019-12" "Objet : Tarifs de la cantine" "Le conseil décide." \
  "Page 2 - Délibération n° 2019-12" "" "2. Travaux de voirie" "Le conseil décide." > "$doc"
cat > "$tmp/shared/corpus/dev/a.gold.json" <<'JSON'
{"records": [{"number": "2019-12", "object": "Tarifs de la cantine"},
             {"number": null, "object": "Travaux de voirie"}]}
JSON
out="$tmp/headings"
"$repo/scripts/project-headings" --bin "$registre" --shared "$tmp/shared" --out "$out" dev
file="$out/dev/a.tsv"
[ -f "$file" ] || fail "no heading file"
want0=$(grep -b -o "Délibération n° 2019-12" "$doc" | head -n1 | cut -d: -f1)
want1=$(grep -b -o "2. Travaux de voirie" "$doc" | tail -n1 | cut -d: -f1)
row0=$(grep -P '^0\t' "$file"); row1=$(grep -P '^1\t' "$file")
[ "$(cut -f2 <<<"$row0")" = "$((want0 + 19))" ] || fail "record 0 placed at: $row0 (want the number at $((want0 + 19)))"
[ "$(cut -f4 <<<"$row0")" = "number" ] || fail "record 0 not placed by its number: $row0"
[ "$(cut -f2 <<<"$row1")" = "$((want1 + 3))" ] || fail "record 1 placed at: $row1 (want $((want1 + 3)))"
[ "$(cut -f3 <<<"$row1")" = "10" ] || fail "record 1 line: $row1"

# A row corrected by hand is kept by --update; the others are projected again.
sed -i -E 's/^1\t[0-9]+\t10\tobject/1\t5\t1\thand/' "$file"
"$repo/scripts/project-headings" --bin "$registre" --shared "$tmp/shared" --out "$out" --update dev
grep -qP '^1\t5\t1\thand' "$file" || fail "--update rewrote a hand row: $(cat "$file")"
grep -qP "^0\t$((want0 + 19))\t" "$file" || fail "--update lost record 0"

PYTHONDONTWRITEBYTECODE=1 python3 - "$repo/scripts" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import heading_data as hd
assert hd.match_headings([1000], [950]) == 1, "a heading a line above its title"
assert hd.match_headings([1000], [400]) == 0, "a heading 600 bytes away"
assert hd.match_headings([1000, 1100], [990]) == 1, "one predicted heading pairs once"
assert hd.authority_key("Ville de Montpellier (Hérault) - Conseil municipal") == \
    hd.authority_key("Commune de Montpellier"), "one authority, one fold"
PY
echo ok
