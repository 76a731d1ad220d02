#!/usr/bin/env bash
# scripts/merge-shards without Slurm: 4 shards run here one after the other must merge into
# the single-process output; a shard set where an input was done twice must be refused.
# usage: tests/scripts/merge_shards_test.sh [REGISTRE_BINARY]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
registre="$(realpath "${1:-$repo/build/registre}")"
tmp="$(mktemp -d /tmp/registre-merge.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$repo"
"$registre" extract --list fixtures > "$tmp/inputs.txt"
for k in 0 1 2 3; do
  "$registre" extract -q -j 2 --files-from "$tmp/inputs.txt" --shard "$k/4" \
    -o "$tmp/shard-$k.jsonl" --errors "$tmp/shard-$k.errors.jsonl"
done
"$registre" extract -q -j 1 -o "$tmp/single.jsonl" fixtures
scripts/merge-shards --dir "$tmp" --shards 4 --list "$tmp/inputs.txt" --output "$tmp/merged.jsonl"
cmp "$tmp/single.jsonl" "$tmp/merged.jsonl" || fail "merged output differs from the single run"
cmp "$tmp/single.jsonl.done" "$tmp/merged.jsonl.done" || fail "merged done log differs"

# The same input done by two shards: refused, and nothing written.
used=()
for k in 0 1 2 3; do [ -s "$tmp/shard-$k.jsonl.done" ] && used+=("$k"); done
[ ${#used[@]} -ge 2 ] || fail "fewer than 2 shards did any work"
head -n 1 "$tmp/shard-${used[0]}.jsonl.done" >> "$tmp/shard-${used[1]}.jsonl.done"
rm "$tmp/merged.jsonl"
if scripts/merge-shards --dir "$tmp" --shards 4 --list "$tmp/inputs.txt" \
     --output "$tmp/merged.jsonl" 2> "$tmp/err"; then
  fail "a twice-done input was accepted"
fi
grep -q "done by shards" "$tmp/err" || fail "unexpected message: $(cat "$tmp/err")"
[ ! -e "$tmp/merged.jsonl" ] || fail "output written despite the problem"
echo "PASS: merge-shards"
