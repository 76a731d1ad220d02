#!/usr/bin/env bash
# scripts/train on a corpus made here: the weak titles that registre weighs are labelled by
# the heading files, the fitted weights replace the section between the markers of the
# weights file, the same rows give the same file, and registre reads the new weights at
# start-up (a title after a vote then opens a record); a weight that is no number stops
# registre with the file and key named. scripts/crossval --train runs on the same corpus.
# usage: tests/scripts/train_test.sh [REGISTRE_BINARY]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
registre="$(realpath "${1:-$repo/build/registre}")"
tmp="$(mktemp -d /tmp/registre-train.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
corpus="$tmp/shared/corpus/dev"
mkdir -p "$corpus"
# Minutes whose items are bare titles between votes, under a numbered theme.
for n in 1 2 3 4; do
  printf '%s\n' "PROCES-VERBAL DU CONSEIL MUNICIPAL DE VILLE$n" "" "1. Finances :" "" \
    "Approbation du compte de gestion $n" "" "Le compte de gestion est conforme." \
    "Vote : pour à l'unanimité" "" "Fixation des taux des taxes communales" "" \
    "Le conseil décide de maintenir les taux." "Vote : pour à l'unanimité" "" \
    "Subventions aux associations sportives" "" "Le conseil attribue les subventions." \
    "Vote : pour à l'unanimité" "" "Taxe foncière sur le bâti 40.92" "" "Le taux est inchangé." \
    > "$corpus/00$n.txt"
  cat > "$corpus/00$n.gold.json" <<JSON
{"records": [{"number": "1", "object": "Approbation du compte de gestion $n"},
             {"number": null, "object": "Fixation des taux des taxes communales"},
             {"number": null, "object": "Subventions aux associations sportives"}]}
JSON
  echo "{\"authority\": \"Commune de Ville$n\"}" > "$corpus/00$n.meta.json"
done
"$repo/scripts/project-headings" --bin "$registre" --shared "$tmp/shared" --out "$tmp/headings" dev \
  >/dev/null
home="$tmp/home"
mkdir -p "$home"
cp -r "$repo/grammars" "$home/grammars"
ln -s "$repo/schemas" "$home/schemas"
weights="$home/grammars/40-weights.grammar"
before="$("$registre" extract -q --format jsonl "$corpus/001.txt" | wc -l)"

"$repo/scripts/train" --bin "$registre" --shared "$tmp/shared" --headings "$tmp/headings" \
  --weights "$weights" dev > "$tmp/train.out"
# 4 bare titles a document (the last one's text decides nothing), 3 of them headings.
grep -q "^16 weak titles, 12 headings; on the training rows 12 chosen right, 0 wrongly, 0 missed" \
  "$tmp/train.out" || fail "rows: $(head -n1 "$tmp/train.out")"
decides="$(sed -n 's/^section_decides = //p' "$weights")"
python3 -c "import sys; sys.exit(0 if float('$decides') > 0 else 1)" ||
  fail "a title whose text decides got weight $decides"
grep -q '^\[table.weak_title_weights\]' "$weights" || fail "section lost: $(cat "$weights")"
[ "$(grep -c '^# BEGIN scripts/train weak_title' "$weights")" = 1 ] || fail "markers doubled"
cp "$weights" "$tmp/first"
"$repo/scripts/train" --bin "$registre" --shared "$tmp/shared" --headings "$tmp/headings" \
  --weights "$weights" dev > /dev/null
cmp -s "$weights" "$tmp/first" || fail "the same rows gave other weights: $(diff "$tmp/first" "$weights")"

after="$(REGISTRE_HOME="$home" "$registre" extract -q --format jsonl "$corpus/001.txt" | wc -l)"
[ "$after" -gt "$before" ] || fail "fitted weights not read: $before records, then $after"

sed -i 's/^bias = .*/bias = low/' "$weights"
if REGISTRE_HOME="$home" "$registre" extract -q "$corpus/001.txt" > /dev/null 2> "$tmp/err"; then
  fail "a weight that is no number was accepted"
fi
grep -q "40-weights.grammar: section \[table.weak_title_weights\] key 'bias': 'low' is no number" \
  "$tmp/err" || fail "unclear error: $(cat "$tmp/err")"

# crossval reads the shared scorer; a minimal one (records paired in order) stands in for it.
mkdir -p "$tmp/shared/tools"
cat > "$tmp/shared/tools/score" <<'PY'
def extracted_view(record):
    return record
def align(gold, views):
    return [i if i < len(views) else None for i in range(len(gold))]
def score_record(gold, view, tally, misses, name):
    tally["records"][0 if view else 2] += 1
PY
"$repo/scripts/crossval" --bin "$registre" --shared "$tmp/shared" --headings "$tmp/headings" \
  --train --folds 2 dev > "$tmp/crossval.out" || fail "crossval --train: $(cat "$tmp/crossval.out")"
grep -q "^all " "$tmp/crossval.out" || fail "crossval --train printed: $(cat "$tmp/crossval.out")"
echo ok
