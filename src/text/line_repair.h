// The line pass: within one line, letter-spaced words are rejoined ("D E L I B E R E" ->
// "DELIBERE"; wider gaps separate words), justification splits repaired ("Présent  s   :"
// -> "Présents :") and runs of spaces folded to one, each kept space mapped to the last of
// the spaces it replaces.
#pragma once

#include <cstddef>
#include <vector>

#include "text/mapped_text.h"

namespace registre {

class LineRepairer {
 public:
  // `split_endings`: the endings a justification split pushes away, lower case ("s", "es";
  // [table.line_repair]); their upper-case forms count too.
  LineRepairer(const MappedText& in, MappedText& out, const std::vector<std::string>& split_endings)
      : in_(in), out_(out), split_endings_(split_endings) {}

  // Appends the repaired form of in[start, end) (one line, without its '\n') to out.
  void Repair(std::size_t start, std::size_t end);

 private:
  struct Token {
    std::size_t start, end, spaces_before;
  };

  bool FoldSpaces(std::size_t start, std::size_t end);
  // "Présent  s   :": a plural or feminine ending pushed away by justification.
  bool IsSplitEnding(std::string_view t, bool upper) const;
  std::string_view Text(const Token& t) const;
  void Copy(const Token& t);
  void Separator(std::size_t k);
  std::size_t LetterRun(std::size_t k) const;
  void EmitLetterRun(std::size_t k, std::size_t run);

  const MappedText& in_;
  MappedText& out_;
  const std::vector<std::string>& split_endings_;
  std::vector<Token> tokens_;
  std::size_t line_start_ = 0;
};

}  // namespace registre
