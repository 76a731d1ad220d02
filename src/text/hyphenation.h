// Line-end hyphenation: how a line ending in '-' (or OCR's '¬') joins the next content line.
// "com-\nmune" is one word (the hyphen goes); "Jean-\nPierre", "vingt-\ndeux" and
// "peut-\nêtre" keep their hyphen; " -" list dashes and "2022-" are no word break.
#pragma once

#include <string_view>

#include "text/text_rules.h"

namespace registre {

enum class Join {
  kNone,         // the lines stay apart
  kDropHyphen,   // one word: the hyphen was the break's
  kKeepHyphen,   // one word with its hyphen (a compound, a capital after the break)
  kOcrToHyphen,  // OCR '¬' before a capital: a real hyphen
  kOcrDrop,      // OCR '¬' before a lower-case letter: dropped
};

// How line `s` joins the next content line `n` (both without their '\n'); the compounds
// that keep their hyphen are those of `rules`.
Join HyphenJoin(std::string_view s, std::string_view n, const TextRules& rules);

}  // namespace registre
