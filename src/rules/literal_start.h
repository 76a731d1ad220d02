// What the text of a pattern tells, for cheaper searches: the literals one of which begins
// every match (so that a search can run the pattern only where one of them occurs:
// AcceleratedRE2::Search), and a looser pattern for screening.
//
// RE2's DFA reads every byte of a text at a few cycles each, and accelerates only a single
// literal prefix by its first byte, which in French text ("a" of "après") is everywhere.
// A literal search skips to a rare literal at a fraction of a cycle a byte, and an anchored match
// there costs only the length of the attempt. The answer is the same: the leftmost match
// starts where some literal start occurs, and the anchored match there is the match the
// unanchored search would return.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace registre {

// Literals, each at least `min_length` bytes, such that every match of `pattern` begins with
// one of them; empty when that cannot be shown from the text of the pattern. Recognised
// shapes: an optional leading `\b`, then a literal ("apres\s+...") or a group (any kind
// but flags), whose every alternative starts so ("\b(?:reuni|rassemble|tenue?)\b..."), and a
// top-level alternation of such. Anything else (a leading `^`, a class, a flag, an optional
// group, one alternative that starts otherwise) gives none, so the answer is always safe.
// A literal one of the others begins is dropped (the shorter finds both).
std::vector<std::string> LiteralStarts(std::string_view pattern, std::size_t min_length = 4);

// Sets of literals, each set holding one literal that every match of `pattern` contains:
// the literal runs of its top-level concatenation (at least `min_length` bytes, not made
// optional by a quantifier) and the literal starts of its groups that are not optional
// ("\b(?:conseil|...)\s+(?P<f>prend\s+acte|prennent\s+acte)" -> {{"assemblee", ...,
// "syndical"}, {"prend"}}). A text that lacks every literal of one set holds no match.
// Empty when nothing is known (a top-level alternation, case folding).
std::vector<std::vector<std::string>> RequiredLiterals(std::string_view pattern,
                                                       std::size_t min_length = 4);

// `pattern` with the upper bound of every counted repetition removed ("[a-z' -]{1,40}?" ->
// "[a-z' -]{1,}?"). It matches wherever `pattern` matches, and more; its DFA has far fewer
// states (a bounded repetition is a chain of states per count, and a set of such patterns
// multiplies them), which makes it the cheaper screen when every hit is confirmed after.
std::string WithoutUpperBounds(std::string_view pattern);

}  // namespace registre
