#include "read/pdf/pdf_lexer.h"

#include <cmath>

namespace registre::pdf {

bool IsPdfWhitespace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

bool IsPdfDelimiter(unsigned char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

namespace {

int HexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses a PDF number leniently ("-.5", "3.", "--2" -> -2). Returns false if `s` is
// not numeric at all.
bool ParseNumber(std::string_view s, double& out) {
  std::size_t i = 0;
  bool negative = false;
  while (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') negative = !negative;
    ++i;
  }
  double value = 0;
  bool digits = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    value = value * 10 + (s[i] - '0');
    digits = true;
    ++i;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    double scale = 0.1;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      value += (s[i] - '0') * scale;
      scale *= 0.1;
      digits = true;
      ++i;
    }
  }
  if (!digits || i != s.size()) return false;
  if (!std::isfinite(value)) value = 0;
  out = negative ? -value : value;
  return true;
}

}  // namespace

void PdfLexer::SkipWhitespaceAndComments() {
  while (pos_ < data_.size()) {
    unsigned char c = data_[pos_];
    if (IsPdfWhitespace(c)) {
      ++pos_;
    } else if (c == '%') {
      while (pos_ < data_.size() && data_[pos_] != '\n' && data_[pos_] != '\r') ++pos_;
    } else {
      break;
    }
  }
}

bool PdfLexer::Next(Token& out) {
  SkipWhitespaceAndComments();
  out.text.clear();
  out.number = 0;
  if (pos_ >= data_.size()) {
    out.kind = TokenKind::kEnd;
    return false;
  }
  unsigned char c = data_[pos_];
  switch (c) {
    case '<':
      if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '<') {
        pos_ += 2;
        out.kind = TokenKind::kDictOpen;
        return true;
      }
      break;
    case '>':
      pos_ += (pos_ + 1 < data_.size() && data_[pos_ + 1] == '>') ? 2 : 1;
      out.kind = TokenKind::kDictClose;
      return true;
    case '(':
    case '[':
    case ']':
    case '/':
    case '{':
    case '}':
    case ')': break;
    default: ReadRegular(out); return true;
  }
  // A token its first byte names.
  ++pos_;
  switch (c) {
    case '(':
      out.kind = TokenKind::kString;
      ReadLiteralString(out.text);
      break;
    case '<':
      out.kind = TokenKind::kString;
      ReadHexString(out.text);
      break;
    case '[': out.kind = TokenKind::kArrayOpen; break;
    case ']': out.kind = TokenKind::kArrayClose; break;
    case '/':
      out.kind = TokenKind::kName;
      ReadName(out.text);
      break;
    default:  // '{', '}', ')'
      out.kind = TokenKind::kKeyword;
      out.text.assign(1, static_cast<char>(c));
      break;
  }
  return true;
}

void PdfLexer::ReadLiteralString(std::string& out) {
  int depth = 1;
  while (pos_ < data_.size()) {
    unsigned char c = data_[pos_++];
    if (c == '\\') {
      if (pos_ >= data_.size()) break;
      unsigned char e = data_[pos_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case '\r':
          if (pos_ < data_.size() && data_[pos_] == '\n') ++pos_;
          break;
        case '\n': break;
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int k = 0;
                 k < 2 && pos_ < data_.size() && data_[pos_] >= '0' && data_[pos_] <= '7'; ++k) {
              value = value * 8 + (data_[pos_++] - '0');
            }
            out.push_back(static_cast<char>(value & 0xFF));
          } else {
            out.push_back(static_cast<char>(e));
          }
      }
    } else if (c == '(') {
      ++depth;
      out.push_back('(');
    } else if (c == ')') {
      if (--depth == 0) return;
      out.push_back(')');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

void PdfLexer::ReadHexString(std::string& out) {
  int high = -1;
  while (pos_ < data_.size()) {
    unsigned char c = data_[pos_++];
    if (c == '>') break;
    int v = HexValue(c);
    if (v < 0) continue;  // whitespace or junk
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<char>(high * 16 + v));
      high = -1;
    }
  }
  if (high >= 0) out.push_back(static_cast<char>(high * 16));
}

void PdfLexer::ReadName(std::string& out) {
  while (pos_ < data_.size()) {
    unsigned char c = data_[pos_];
    if (IsPdfWhitespace(c) || IsPdfDelimiter(c)) break;
    ++pos_;
    if (c == '#' && pos_ + 1 < data_.size() && HexValue(data_[pos_]) >= 0 &&
        HexValue(data_[pos_ + 1]) >= 0) {
      out.push_back(static_cast<char>(HexValue(data_[pos_]) * 16 + HexValue(data_[pos_ + 1])));
      pos_ += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

void PdfLexer::ReadRegular(Token& out) {
  std::size_t start = pos_;
  while (pos_ < data_.size()) {
    unsigned char c = data_[pos_];
    if (IsPdfWhitespace(c) || IsPdfDelimiter(c)) break;
    ++pos_;
  }
  if (pos_ == start) ++pos_;  // a lone delimiter we do not know: always progress
  std::string_view word = data_.substr(start, pos_ - start);
  double value = 0;
  if (ParseNumber(word, value)) {
    out.kind = TokenKind::kNumber;
    out.number = value;
  } else {
    out.kind = TokenKind::kKeyword;
    out.text.assign(word);
  }
}

void PdfLexer::SkipInlineImage() {
  if (pos_ < data_.size() && IsPdfWhitespace(data_[pos_])) ++pos_;
  while (pos_ + 1 < data_.size()) {
    if (data_[pos_] == 'E' && data_[pos_ + 1] == 'I' &&
        (pos_ == 0 || IsPdfWhitespace(data_[pos_ - 1])) &&
        (pos_ + 2 >= data_.size() || IsPdfWhitespace(data_[pos_ + 2]) ||
         IsPdfDelimiter(data_[pos_ + 2]))) {
      pos_ += 2;
      return;
    }
    ++pos_;
  }
  pos_ = data_.size();
}

}  // namespace registre::pdf
