#!/usr/bin/env bash
# The include check refuses an upward include: a copy of src/ whose text/ includes an
# output/ header must fail cmake/check_layers.cmake, naming the file; the untouched copy
# must pass.
set -euo pipefail
cmake=$1 table=$2 source=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$source/src" "$scratch/src"
check() { "$cmake" -DTABLE="$table" -DSRC="$scratch/src" -P "$source/cmake/check_layers.cmake"; }
check >/dev/null 2>&1 || { echo "the untouched copy fails the check"; exit 1; }
printf '#include "output/sink.h"\n' >> "$scratch/src/text/document.cc"
if out=$(check 2>&1); then
  echo "an upward include (text/ -> output/) passed the check"
  exit 1
fi
grep -q "text/document.cc" <<<"$out" || { echo "the error does not name the file: $out"; exit 1; }
echo "upward include refused"
