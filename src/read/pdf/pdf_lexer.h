// PdfLexer: tokenizer for PDF content streams and CMaps (PostScript-like syntax).
//
// Contract: reads tokens from a byte range it does not own; never throws, never reads
// past the end, and always makes progress, so any input terminates. Strings come back
// decoded (escapes, hex), names with #xx decoded. Unknown bytes become keywords.
// `SkipInlineImage` jumps over the binary data of an inline image (after "ID").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace registre::pdf {

enum class TokenKind {
  kEnd,
  kNumber,
  kString,
  kName,
  kKeyword,
  kArrayOpen,
  kArrayClose,
  kDictOpen,
  kDictClose
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  double number = 0;
  std::string text;  // string bytes, name (without '/'), or keyword
};

class PdfLexer {
 public:
  explicit PdfLexer(std::string_view data) : data_(data) {}

  // Reads the next token into `out` (reusing its buffer). Returns false at the end.
  bool Next(Token& out);

  // After the "ID" keyword: skips the image bytes up to and including "EI".
  void SkipInlineImage();

  std::size_t position() const { return pos_; }

 private:
  void SkipWhitespaceAndComments();
  void ReadLiteralString(std::string& out);
  void ReadHexString(std::string& out);
  void ReadName(std::string& out);
  void ReadRegular(Token& out);

  std::string_view data_;
  std::size_t pos_ = 0;
};

bool IsPdfWhitespace(unsigned char c);
bool IsPdfDelimiter(unsigned char c);

}  // namespace registre::pdf
