// How far the extractors look: every window, in bytes of the folded text (lines where it
// says so), in one place. A window bounds how far after (or around) what announces a value
// the value may stand; each keeps a rule from reading a whole long procès-verbal for a
// value that real documents print close by, which also keeps extraction linear.
#pragma once

#include <cstddef>

namespace registre {

// The sitting (sitting.cc, sitting_inheritance.cc).
// How far the facts of a sitting are looked for. The sitting is stated at the top: a long
// single record need not be read to its end.
inline constexpr std::size_t kSittingHeadBytes = 12000;
// In a procès-verbal an item restates attendance, if at all, in its first lines.
inline constexpr std::size_t kItemHeadBytes = 2500;
// The head of a record or sitting, where its authority, assembly, time and place are printed.
inline constexpr std::size_t kSittingFieldsBytes = 3000;
// How far after an attendance label its list may run, at most: the longest lists (sixty
// councillors with their proxies) fit.
inline constexpr std::size_t kAttendanceValueBytes = 6000;
// The authority is first looked for in a record's title lines, then in its head.
inline constexpr std::size_t kAuthorityTitleBytes = 400;
// How far before an authority's name the words making it a place ("réuni en la") stand.
inline constexpr std::size_t kAuthorityContextBytes = 40;
// Dates of the sitting and of its convocation are printed near the top.
inline constexpr std::size_t kDatesHeadBytes = 4000;
// How far before a date the words saying what it is ("convoqué le") may stand.
inline constexpr std::size_t kBeforeDateBytes = 80;
// The president may be named after the attendance lists.
inline constexpr std::size_t kPresidentHeadBytes = 6000;

// Headings and segments (headings.cc, agenda.cc, segmenter.cc).
// A line longer than this is running text, never a heading.
inline constexpr std::size_t kHeadingLineBytes = 400;
// Items numbered 1, 2, 3... before any deliberation number are a structure of their own
// when at least this many follow each other, each at most kItemRunGap after the last.
inline constexpr std::size_t kItemRunMin = 3;
inline constexpr int kItemRunGap = 4;
// A heading line that runs on this far past its title holds its item's text: no agenda entry.
inline constexpr std::size_t kHeadingBodyBytes = 80;
// Paragraphs opening with 1, 2, 3...: page numbers when there are at least this many.
inline constexpr int kPageNumberRunMin = 3;
// A title goes on over the next lines of its block only when each is at most this long.
inline constexpr std::size_t kTitleLineBytes = 160;
// At most this many lines under a heading continue its title.
inline constexpr std::size_t kTitleMaxExtraLines = 3;
// A title opening with this many words in capitals, whose line runs on, ends before the
// first capitalised word in lower case ("I ADOPTION DU PROCES-VERBAL Le procès-verbal ...").
inline constexpr int kCapitalsTitleWords = 3;
// A title cut before a vote keeps at least this much.
inline constexpr std::size_t kTitleMinBytes = 8;
// Titles are compared (agenda.cc) on their first this many folded bytes, and only when they
// have at least kTitleKeyMinBytes ("Budget" alone names no item).
inline constexpr std::size_t kTitleKeyBytes = 120;
inline constexpr std::size_t kTitleKeyMinBytes = 12;
// A heading's title is found printed earlier (an agenda) on this many letters and digits.
inline constexpr std::size_t kEarlierTitleBytes = 24;
// The entries an agenda's announcement heads: at least this many lines, at most that many.
inline constexpr std::size_t kAgendaBlockMin = 2;
inline constexpr std::size_t kAgendaBlockMaxLines = 60;
// An agenda line is followed by the next heading within this many lines of text.
inline constexpr std::size_t kListGapLines = 3;
// How far around a heading table-of-contents references ("(p. 5)") are counted.
inline constexpr std::size_t kTocWindow = 1500;
// An extract of a register prints its deliberation number within its first lines (lines).
inline constexpr std::size_t kExtractHeadLines = 15;

// A record's parts (record_parts.cc).
// How far into a record its "Objet :" label is looked for when a heading gave an object.
inline constexpr std::size_t kObjectTopBytes = 2500;
// An article's text is cut at this length (a record's article may quote a whole annex).
inline constexpr std::size_t kArticleTextBytes = 4000;
// Without articles, a decision is its formula and what follows it up to this length.
inline constexpr std::size_t kDecisionBytes = 200;
// A vote printed before the formula stands in the record's first bytes.
inline constexpr std::size_t kVoteBeforeFormulaBytes = 600;
// A vote's window: its line and the next lines of its paragraph, while under this length.
inline constexpr std::size_t kVoteWindowBytes = 400;
// How far before a list label a parenthesis it stands in may open ("(2 + 3 procurations :").
inline constexpr std::size_t kRemarkBytes = 120;
// How far before a vote statement its sentence may start (a sentence longer than that,
// a list or an exposé printed without stops, is not the vote's).
inline constexpr std::size_t kVoteSentenceBytes = 200;
// How many vote statements are tried, in order, until one states a vote (a tally pattern
// in running text whose numbers are no counts is passed over).
inline constexpr int kVoteWindowTries = 12;
// The vote's text as stored is cut at this length.
inline constexpr std::size_t kVoteTextBytes = 600;
// The names of those against or abstaining may follow the vote's window by this much.
inline constexpr std::size_t kVoteNamesBytes = 300;
// The place and date of a closing ("Fait à X, le ...") follow it by at most this much.
inline constexpr std::size_t kClosingPlaceBytes = 200;
// A transmission or publication date follows its label by at most this much.
inline constexpr std::size_t kPublicationDateBytes = 40;

}  // namespace registre
