// Folding: the matching view of a text. Lower-case ASCII where the Latin script allows it
// (accents removed and Œ/Æ/ß expanded with ICU's Latin-ASCII transliteration), apostrophes
// unified to ', dashes to -. RE2's \b, \w and case folding are ASCII-only, so every rule in
// grammars/ is written against this view, and one rule serves DÉLIBÈRE, Délibère, DELIBERE.
//
// FoldedText keeps, for every byte of the folded string, the offset of the code point in the
// original it came from, so a match can be mapped back and its value copied from the
// original. Folding is per code point with a per-thread cache (ICU transliterators are slow
// and not thread-safe to share); ASCII takes a fast path.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/offset_map.h"

namespace registre {

struct FoldedText {
  std::string text;                 // the folded view
  OffsetMap to_source;  // size text.size() + 1: offset in the original
  // The folded offset where original offset `source_offset` begins (first byte at or after).
  std::size_t FromSource(std::size_t source_offset) const;
};

FoldedText Fold(std::string_view utf8);

// Fold a short string without offsets (for tables, names, comparisons).
std::string FoldString(std::string_view utf8);

// A key for matching names and labels whatever their case, accents and punctuation:
// FoldString, then every run of characters other than ASCII letters and digits becomes one
// space, trimmed. FoldKey("Émeline  BAUME-Durand") == "emeline baume durand", and two
// spellings of one name (`ROGER Mickaël`, `Roger Mickael`) have the same key. Code points
// Latin-ASCII leaves outside ASCII (Greek, Cyrillic...) count as punctuation. Safe to call
// from several threads (FoldString's cache is per thread).
std::string FoldKey(std::string_view utf8);

// Code points below this are folded from a table generated from ICU's "Latin-ASCII; Lower"
// transliterator (src/text/latin_ascii_table.inc) or by plain lower-casing; only code points past
// it need the transliterator itself, which is slow to build.
inline constexpr char32_t kLatinAsciiTableEnd = 0x20000;

// What ICU's "Latin-ASCII; Lower" makes of `cp` (below kLatinAsciiTableEnd), without building
// the transliterator. Fold() applies the project's own choices (quotes, dashes, ordinals)
// before this.
std::string LatinAsciiLower(char32_t cp);

// The case of a text's letters: kNone without a letter ("2016", "–"), kUpper when none is
// in lower case ("ADOPTION", "L'EAU"), kMixed otherwise ("Le", "1er"). Headings are printed
// in capitals, their text is not: layout evidence that survives a lost line break.
enum class LetterCase { kNone, kUpper, kMixed };
LetterCase CaseOfLetters(std::string_view utf8);

}  // namespace registre
