// TextFolder: folds French text to a key for case- and accent-insensitive matching.
//
// Fold("Émeline  BAUME-Durand") == "emeline baume durand": ICU "Latin-ASCII; Lower" (so é->e,
// œ->oe, ’->'), then every run of characters other than ASCII letters and digits becomes one
// space, trimmed. Two names or keywords match when their folds are equal (or, for keywords,
// when the fold of one occurs in the other on word boundaries: see ContainsWords).
// Folding itself is folding.h's FoldString (Latin-ASCII, lower case, per-thread cache), so
// Fold is const and safe to call from several threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace registre {

class TextFolder {
 public:
  static Result<std::unique_ptr<TextFolder>> Create();
  ~TextFolder();

  std::string Fold(std::string_view text) const;

  // True when the folded `words` occur in the folded `text` as whole words.
  // Both arguments must already be folded.
  static bool ContainsWords(std::string_view folded_text, std::string_view folded_words);

 private:
  TextFolder();
};

}  // namespace registre
