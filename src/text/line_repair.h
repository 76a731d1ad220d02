// The line pass: within one line, letter-spaced words are rejoined ("D E L I B E R E" ->
// "DELIBERE"; wider gaps separate words), justification splits repaired ("Présent  s   :"
// -> "Présents :"), compound first names closed ("Jean- Luc", and "Jean - Luc" after a
// known first part, are "Jean-Luc") and runs of spaces folded to one, each kept space
// mapped to the last of the spaces it replaces.
#pragma once

#include <cstddef>
#include <vector>

#include "text/mapped_text.h"

namespace registre {

class LineRepairer {
 public:
  // `split_endings`: the endings a justification split pushes away, lower case ("s", "es";
  // [table.line_repair]); their upper-case forms count too.
  // `compound_first`: first parts of compound first names, folded ("jean", "marie";
  // [table.line_repair] compound_first), which close a spaced hyphen ("Jean - Luc").
  // `civilities`: folded ("m.", "mme"; [table.line_repair] civility): before a first name
  // and a surname in capitals, they close any spaced hyphen ("M. Mohamed - Ali MOHAMED").
  LineRepairer(const MappedText& in, MappedText& out, const std::vector<std::string>& split_endings,
               const std::vector<std::string>& compound_first = {},
               const std::vector<std::string>& civilities = {})
      : in_(in),
        out_(out),
        split_endings_(split_endings),
        compound_first_(compound_first),
        civilities_(civilities) {}

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
  // The tokens from k that close a compound first name with token k-1, or 0.
  std::size_t CompoundTail(std::size_t k) const;
  bool IsCivility(std::string_view t) const;

  const MappedText& in_;
  MappedText& out_;
  const std::vector<std::string>& split_endings_;
  const std::vector<std::string>& compound_first_;
  const std::vector<std::string>& civilities_;
  std::vector<Token> tokens_;
  std::size_t line_start_ = 0;
};

}  // namespace registre
