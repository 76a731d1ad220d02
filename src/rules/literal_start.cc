#include "rules/literal_start.h"

#include <algorithm>
#include <cctype>

namespace registre {
namespace {

// Bytes that stand for themselves in RE2 syntax (outside a class, without the x flag).
bool Literal(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         c == ' ' || c == ',' || c == '"' || c == ';' || c == '/' || c == '<' || c == '>' ||
         c == '=' || c == '@' || c == '&' || c == '%' || c == '_' || c == '~';
}

bool Quantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

// The literal at the start of `p`, less its last byte when a quantifier makes that optional
// ("tenue?" -> "tenu").
std::string_view LeadingLiteral(std::string_view p) {
  std::size_t n = 0;
  while (n < p.size() && Literal(p[n])) ++n;
  if (n > 0 && n < p.size() && Quantifier(p[n])) --n;
  return p.substr(0, n);
}

// Index past the class that opens at p[i] == '[' (a ']' right after "[" or "[^" is literal).
std::size_t SkipClass(std::string_view p, std::size_t i) {
  ++i;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;
  while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
  return i + 1;
}

// The top-level alternatives of `p` (split at '|' outside groups and classes); empty when the
// pattern's structure is not understood here.
std::vector<std::string_view> Alternatives(std::string_view p) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t from = 0;
  for (std::size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') return {};  // \Q...\E quotes anything
      i += 2;
      continue;
    }
    if (c == '[') {
      if (p.substr(i, 2) == "[[") return {};  // a POSIX class holds ']'
      i = SkipClass(p, i);
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return {};
    if (c == '|' && depth == 0) {
      out.push_back(p.substr(from, i - from));
      from = i + 1;
    }
    ++i;
  }
  if (depth != 0) return {};
  out.push_back(p.substr(from));
  return out;
}

// The length of the group that opens `p` ("(?:...)"), or npos.
std::size_t GroupLength(std::string_view p) {
  int depth = 0;
  for (std::size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '[') {
      i = SkipClass(p, i);
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return i + 1;
    ++i;
  }
  return std::string_view::npos;
}

// Where the body of the group opening `group` begins: after "(?:", "(?P<name>" or "("; 0
// for anything else (flags such as "(?m)" or "(?i:").
std::size_t GroupBodyStart(std::string_view group) {
  if (group.substr(0, 3) == "(?:") return 3;
  if (group.substr(0, 4) == "(?P<") {
    std::size_t name_end = group.find('>');
    if (name_end == std::string_view::npos) return 0;
    for (std::size_t k = 4; k < name_end; ++k)
      if (!std::isalnum(static_cast<unsigned char>(group[k])) && group[k] != '_') return 0;
    return name_end + 1;
  }
  return group.substr(0, 2) == "(?" ? 0 : 1;
}

// `literals` sorted, without those another one begins (the shorter finds both).
std::vector<std::string> WithoutExtensions(std::vector<std::string> literals) {
  std::sort(literals.begin(), literals.end());
  std::vector<std::string> kept;
  for (std::string& s : literals)
    if (kept.empty() || s.compare(0, kept.back().size(), kept.back()) != 0)
      kept.push_back(std::move(s));
  return kept;
}

// Appends to *out the literals one of which begins every match of `p`; false when a match
// may begin otherwise. A top-level alternation needs starts in every alternative; a group
// ("(?:...)", "(?P<name>...)", "(...)"), not optional, opening an alternative gives the
// starts of its own.
bool StartsOf(std::string_view p, std::size_t min_length, int depth,
              std::vector<std::string>* out) {
  std::vector<std::string_view> alternatives = Alternatives(p);
  if (alternatives.empty() || depth > 8) return false;
  for (std::string_view a : alternatives) {
    if (a.substr(0, 2) == "\\b") a.remove_prefix(2);
    if (a.empty() || a[0] != '(') {
      std::string_view literal = LeadingLiteral(a);
      if (literal.size() < min_length) return false;
      out->emplace_back(literal);
      continue;
    }
    const std::size_t open = GroupBodyStart(a);
    if (open == 0) return false;  // flags
    std::size_t length = GroupLength(a);
    if (length == std::string_view::npos) return false;
    // An optional or repeated group need not begin the match.
    if (length < a.size() && Quantifier(a[length])) return false;
    if (!StartsOf(a.substr(open, length - 1 - open), min_length, depth + 1, out)) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> LiteralStarts(std::string_view pattern, std::size_t min_length) {
  std::vector<std::string> out;
  if (min_length == 0 || pattern.find("\\Q") != std::string_view::npos ||
      !StartsOf(pattern, min_length, 0, &out))
    return {};
  return WithoutExtensions(std::move(out));
}

std::vector<std::vector<std::string>> RequiredLiterals(std::string_view p, std::size_t min_length) {
  std::vector<std::vector<std::string>> out;
  if (min_length == 0 || p.find("\\Q") != std::string_view::npos) return {};
  auto add = [&](std::vector<std::string> any_of) {
    out.push_back(WithoutExtensions(std::move(any_of)));
  };
  // One pass over the top-level concatenation; a top-level '|' ends it with nothing known.
  for (std::size_t i = 0; i < p.size();) {
    char c = p[i];
    std::size_t end = i + 1;  // past the element at i
    if (c == '|') return {};
    if (c == '\\') {
      end = std::min(p.size(), i + 2);
    } else if (c == '[') {
      end = std::min(SkipClass(p, i), p.size());
    } else if (c == '(') {
      std::size_t length = GroupLength(p.substr(i));
      if (length == std::string_view::npos) return {};
      end = i + length;
      std::string_view group = p.substr(i, length);
      bool optional = end < p.size() && (p[end] == '?' || p[end] == '*' || p[end] == '{');
      const std::size_t open = GroupBodyStart(group);
      if (open == 0) {
        // Flags ("(?m)", "(?s:...)"): case folding or free spacing change what a literal is.
        std::size_t flags_end = group.find_first_of(":)");
        std::string_view flags = group.substr(2, flags_end - 2);
        if (flags.find('i') != std::string_view::npos || flags.find('x') != std::string_view::npos)
          return {};
      } else if (!optional) {
        std::vector<std::string> starts;
        if (StartsOf(group.substr(open, length - 1 - open), min_length, 1, &starts))
          add(std::move(starts));
      }
    } else if (Literal(c)) {
      while (end < p.size() && Literal(p[end])) ++end;
      std::string_view run = p.substr(i, end - i);
      if (end < p.size() && Quantifier(p[end])) run.remove_suffix(1);
      if (run.size() >= min_length) add({std::string(run)});
    }
    // A quantifier after the element: skip it (and its lazy mark).
    if (end < p.size() && (p[end] == '?' || p[end] == '*' || p[end] == '+')) {
      ++end;
    } else if (end < p.size() && p[end] == '{') {
      std::size_t close = p.find('}', end);
      if (close != std::string_view::npos) end = close + 1;
    }
    if (end < p.size() && p[end] == '?') ++end;
    i = end;
  }
  return out;
}

std::string WithoutUpperBounds(std::string_view p) {
  std::string out;
  out.reserve(p.size());
  for (std::size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '\\') {  // an escape, braces included ("\\{", "\\x{2013}", "\\p{L}")
      std::size_t n = std::min<std::size_t>(2, p.size() - i);
      if (n == 2 && (p[i + 1] == 'x' || p[i + 1] == 'p' || p[i + 1] == 'P') && i + 2 < p.size() &&
          p[i + 2] == '{') {
        std::size_t close = p.find('}', i + 2);
        n = close == std::string_view::npos ? p.size() - i : close + 1 - i;
      }
      out.append(p.substr(i, n));
      i += n;
      continue;
    }
    if (c == '[') {
      std::size_t end = std::min(SkipClass(p, i), p.size());
      out.append(p.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '{') {
      // "{m,n}": digits, a comma, digits, a brace; anything else is left as written.
      std::size_t j = i + 1;
      while (j < p.size() && p[j] >= '0' && p[j] <= '9') ++j;
      if (j > i + 1 && j < p.size() && p[j] == ',') {
        std::size_t k = j + 1;
        while (k < p.size() && p[k] >= '0' && p[k] <= '9') ++k;
        if (k > j + 1 && k < p.size() && p[k] == '}') {
          out.append(p.substr(i, j + 1 - i));
          out.push_back('}');
          i = k + 1;
          continue;
        }
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

}  // namespace registre
