#include "text/text_fold.h"

#include "text/folding.h"

namespace registre {

TextFolder::TextFolder() = default;
TextFolder::~TextFolder() = default;

Result<std::unique_ptr<TextFolder>> TextFolder::Create() {
  return std::unique_ptr<TextFolder>(new TextFolder());
}

std::string TextFolder::Fold(std::string_view text) const {
  // The pipeline's folding (per-thread cache, ASCII fast path): a shared ICU
  // transliterator is neither fast nor safe to use from several threads at once.
  std::string ascii = FoldString(text);
  std::string folded;
  folded.reserve(ascii.size());
  bool pending_space = false;
  for (char c : ascii) {
    bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word_char) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) folded += ' ';
    pending_space = false;
    folded += c;
  }
  return folded;
}

bool TextFolder::ContainsWords(std::string_view folded_text, std::string_view folded_words) {
  if (folded_words.empty()) return false;
  std::string text = " " + std::string(folded_text) + " ";
  std::string words = " " + std::string(folded_words) + " ";
  return text.find(words) != std::string::npos;
}

}  // namespace registre
