#!/usr/bin/env bash
# The library never prints: no file of src/ outside cli/ and main/ writes to the process's
# standard output or standard error (std::cout, std::cerr, std::clog, stdout, stderr, printf,
# puts, perror, write(2) on descriptor 1 or 2). Diagnostics come back as values and the
# command decides where they go. Comments are ignored; snprintf into a buffer is fine.
# Checks the tree given, then plants a print in a copy of it to see the check fail.
set -euo pipefail
source=$1
w='[^[:alnum:]_]'
pattern="std::(cout|cerr|clog)($w|\$)|(^|$w)(stdout|stderr)($w|\$)|(^|$w)(printf|puts|perror)\\(|::write\\([[:space:]]*[12][[:space:]]*,"

# Prints "file:line: text" for each print outside cli/ and main/ of the tree at $1.
prints() (
  cd "$1"
  find src \( -path src/cli -o -path src/main \) -prune -o \
    \( -name '*.cc' -o -name '*.h' -o -name '*.inc' \) -print | sort |
    xargs awk -v pattern="$pattern" \
      '{ code = $0; sub(/\/\/.*/, "", code); if (code ~ pattern) print FILENAME ":" FNR ":" $0 }' |
    cat
)

found=$(prints "$source")
if [ -n "$found" ]; then
  echo "library files that print (only src/cli/ and src/main/ may):"
  echo "$found"
  exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$source/src" "$scratch/src"
printf 'void Planted() { std::cerr << "x"; }\n' >> "$scratch/src/output/sink.cc"
found=$(prints "$scratch")
grep -q "^src/output/sink.cc:" <<<"$found" || { echo "a planted std::cerr was not found"; exit 1; }
echo "no library file prints"
