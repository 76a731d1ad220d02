#!/usr/bin/env bash
# kill -9 during `registre extract --resume`: a run over 2,000 files is killed at 20 random
# moments (and each time resumed); the final output holds every record exactly once, no
# truncated line, and equals a run never interrupted (same records, by file).
# usage: tests/scripts/resume_kill_test.sh [REGISTRE_BINARY] [FILES] [KILLS]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
registre="$(realpath "${1:-$repo/build/registre}")"
files="${2:-2000}"
kills="${3:-20}"
tmp="$(mktemp -d /tmp/registre-resume.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$tmp/in"
texts=("$repo"/fixtures/*.txt)
for ((k = 0; k < files; ++k)); do
  cp "${texts[k % ${#texts[@]}]}" "$tmp/in/$(printf '%05d' "$k").txt"
done
"$registre" extract -q -j 2 -o "$tmp/clean.jsonl" "$tmp/in"

RANDOM=26  # the same moments on every run of the test
killed=0
for ((round = 0; round < kills; ++round)); do
  "$registre" extract -q -j 2 --resume -o "$tmp/out.jsonl" "$tmp/in" &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 400)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
done
"$registre" extract -q -j 2 --resume -o "$tmp/out.jsonl" "$tmp/in" ||
  fail "the last --resume run failed"

python3 - "$tmp/clean.jsonl" "$tmp/out.jsonl" <<'PY' || fail "records lost, doubled or cut"
import collections, json, sys
def by_file(path):
    per = collections.defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.endswith("\n"), f"{path}:{n}: truncated line"
            r = json.loads(line)
            per[r["source"]["file"]].append(r["id"])
    return per
clean, out = by_file(sys.argv[1]), by_file(sys.argv[2])
assert set(clean) == set(out), f"files: {len(clean)} clean, {len(out)} resumed"
for f in clean:
    assert sorted(clean[f]) == sorted(out[f]), f"{f}: {len(clean[f])} records, {len(out[f])} resumed"
print(f"{len(out)} files, {sum(map(len, out.values()))} records, each once")
PY
[ "$killed" -ge $((kills / 2)) ] || fail "only $killed of $kills runs were killed before they ended"
echo "ok ($killed runs killed)"
