// The grammar names C++ reads: every section, key and named group that some stage asks the
// grammar for by name, declared here once and required when a grammar directory is loaded
// (Grammar::LoadDirectory calls Grammar::CheckDeclared). A grammar that lacks one is refused
// at start-up with an error naming the directory or file and the missing section, key or
// group, rather than matching nothing at run time.
//
// `keys` are the keys C++ names (Pattern, Patterns, Lookup, Union, `e.key == ...`); a
// section's other keys are free (alternatives, or values printed into records). `groups`
// are the named groups C++ reads (Group(re, groups, "n")): each must be defined by some
// pattern of the section. Both are space-separated lists. A new name read in C++ goes here
// too: tests/rules/rule_names_test.cc fails when a section quoted in src/ is missing.
#pragma once

#include <string_view>

namespace registre {

struct DeclaredSection {
  std::string_view name;
  std::string_view keys;    // space-separated; "" when C++ names none
  std::string_view groups;  // space-separated; "" when C++ reads none
};

inline constexpr DeclaredSection kDeclaredSections[] = {
    // extract/french_words.cc: ParseNumber looks each number word up.
    {"table.numbers", "", ""},
    // extract/french_words.cc (ParseNumber skips it) and text/text_rules.cc (a number word
    // for hyphenation): the connector of number words.
    {"table.number_words", "connector", ""},
    // extract/persons.cc: the articles of a person named by function, and the word between
    // two names of a list.
    {"table.person_words", "function_article name_separator abbreviation", ""},
    // text/text_rules.cc: the endings a justification split pushes away, the first parts of
    // compound first names and the civilities before them (line_repair.cc).
    {"table.line_repair", "split_ending compound_first civility", ""},
    {"table.latex", "circ", ""},
    // extract/french_words.cc: Month looks month words up.
    {"table.months", "", ""},
    // extract/french_words.cc: FindDates runs every entry but year_words; YearInWords runs
    // year_words.
    {"dates", "year_words", "d dw m y yw"},
    // extract/headings.cc: heading kinds by key; n number, l label, t title.
    {"segment.heading", "numbered numbered_title number_line title_number item", "n l t"},
    // extract/headings.cc: an item title that is the rest of a date.
    {"segment.not_item_title", "t", ""},
    // extract/segmenter.cc: a title line, and what is not one.
    {"segment.title", "title not_title", "t"},
    // extract/segmenter.cc: procedural items (t their title).
    {"segment.procedural", "t", "t"},
    // extract/headings.cc: a title that its decision follows on its line ("Subvention : Après
    // en avoir délibéré, ...").
    {"segment.inline_title", "t label", "t"},
    // extract/headings.cc: the weight of each evidence of a weak title (kWeakTitleEvidence,
    // fitted by scripts/train); every value a number.
    {"table.weak_title_weights",
     "bias blank_before blank_after capitals bullet ends_colon ends_figure long after_decision "
     "decided_inline section_decides section_act opens_visas inside_item item_undecided",
     ""},
    // extract/segmenter.cc: CutTitle's length limit.
    {"table.title", "max_length", ""},
    // extract/segmenter.cc: CutTitle's words that start a sentence.
    {"table.sentence_start", "", ""},
    // extract/headings.cc: CutTitle's words a title does not end on.
    {"table.title_glue", "", ""},
    // extract/record_parts.cc: the "Objet :" label (t the object).
    {"segment.object", "object", "t"},
    // extract/headings.cc (ExtendTitle), record_parts.cc (Continued): a label line.
    {"segment.label", "label", ""},
    // extract/headings.cc (ExtendTitle): a speaker or label opening the body.
    {"segment.body_label", "label", ""},
    // extract/agenda.cc (MarkSubItems): a heading that names itself an item.
    {"segment.explicit_item", "start before", ""},
    // extract/headings.cc (ExtendTitle): a line that starts the body.
    {"segment.body_start", "start", ""},
    // extract/record_parts.cc: article numbers meaning 1, words a value goes on after.
    {"table.record_words", "first open_end", ""},
    // extract/segmenter.cc: a title's number (n).
    {"segment.title_number", "n", "n"},
    // extract/segmenter.cc: headings that start no record.
    {"segment.not_record", "t", ""},
    // extract/segmenter.cc: items that are records only when their text shows an act.
    {"segment.needs_act", "t", ""},
    // extract/headings.cc: numbers whose letters are a word, not a code.
    {"segment.not_number", "n", ""},
    // extract/segmenter.cc: a table of contents' reference line.
    {"segment.toc", "ref", ""},
    // extract/segmenter.cc, record_parts.cc: text that shows a decision.
    {"segment.decision_evidence", "", ""},
    // extract/segmenter.cc: text that shows an act (a headless document's one record).
    {"segment.act_evidence", "", ""},
    // extract/segmenter.cc: text that shows the minutes of a sitting.
    {"segment.sitting_evidence", "", ""},
    {"segment.sitting_opening", "", ""},
    {"segment.delegated_decisions", "heading", ""},
    // extract/agenda.cc: the agenda's announcement, lines holding only a bullet, list entries.
    {"segment.agenda_label", "e bullet bulleted", ""},
    // extract/segmenter.cc: text that shows an extract of a register.
    {"segment.extract_evidence", "", ""},
    // extract/segmenter.cc: a number in a record's head (n).
    {"segment.head_number", "n", "n"},
    // extract/record_parts.cc: the lines of visas, considérants and opinions.
    {"section.visa", "", ""},
    {"section.considerant", "", ""},
    {"section.opinion", "", ""},
    // extract/record_parts.cc: the decision formula (f the verb) by line, after "après en
    // avoir délibéré", or "prend acte".
    {"section.formula", "line after_deliberation prend_acte subject", "f"},
    // extract/record_parts.cc: article headings (l label, n number; degree: "1°").
    {"section.article", "degree", "l n"},
    // extract/record_parts.cc: numbered decision points.
    {"section.decision_point", "point", "l n"},
    // extract/record_parts.cc: ReadHeadFields, by key (v the value).
    {"record.fields", "rapporteur service for_opinion for_information matter_code report_date",
     "v"},
    // extract/sitting.cc: ReadAuthority (name, or town: "Maire de X").
    {"sitting.authority", "name", "name town"},
    // extract/sitting.cc: ReadAuthority, what before a name makes it a place.
    {"sitting.authority_context", "", ""},
    // extract/sitting.cc (SittingLexicon): the words applied to names, lists and towns.
    {"table.sitting_words",
     "preposition article particle kind_prefix town_prefix suffix determiner civility generic "
     "not_town",
     ""},
    // extract/sitting.cc: TypeOfAuthority, the first matching key; its default and the
    // types that are a context.
    {"sitting.authority_type", "", ""},
    {"table.authority_type", "default context", ""},
    // extract/sitting.cc: minutes in words ("et demie").
    {"table.time_words", "", ""},
    // extract/sitting.cc: words that end an authority's name.
    {"table.authority_stop", "", ""},
    // extract/sitting.cc: ReadAssembly (the key is the assembly kind).
    {"sitting.assembly", "", "name"},
    // extract/sitting.cc: ReadDates, the words before a date that is not the sitting's.
    {"sitting.dates", "not_session convocation formula", ""},
    // extract/sitting.cc: ReadTimeAndPlace (h, m in figures; hw, mw in words).
    {"sitting.time", "figures", "h m hw mw"},
    {"sitting.place", "place", "place"},
    // extract/sitting.cc: words that end a place.
    {"table.place_stop", "", ""},
    // extract/sitting.cc: ReadPresident (p the person; function: named by function).
    {"sitting.president", "function", "p"},
    // extract/sitting.cc: ReadAttendance, the list labels by key.
    {"attendance.labels",
     "present excused absent proxies absent_proxies represented secretary guests", ""},
    {"attendance.stop", "", ""},
    {"attendance.counts", "members_in_office present_count voting_count", "n"},
    {"attendance.leading_count", "n", "n"},
    {"attendance.list_line", "line", ""},
    {"attendance.not_counted", "n", "n"},
    {"sitting.secretary", "", "p"},
    // extract/persons.cc: civilities (plural: "Mesdames et Messieurs").
    {"persons.civility", "plural", ""},
    {"persons.plural_civility", "mixed", ""},
    {"persons.mention", "start bound only_civility", ""},
    {"persons.status", "", ""},
    {"persons.not_a_name", "", ""},
    {"persons.strip_suffix", "", ""},
    {"persons.role_suffix", "", "role"},
    {"persons.proxy", "", "giver holder"},
    {"persons.proxy_in_list", "to by elliptic", "giver holder"},
    {"persons.parenthesis", "from", "holder giver"},
    {"persons.relation_after", "proxy", "holder"},
    {"persons.substitute", "sentence parenthesis", "giver holder"},
    // extract/record_parts.cc: ReadVote, where a vote is stated.
    {"vote.unanimous", "", ""},
    {"vote.majority", "", ""},
    {"vote.for", "", ""},
    {"vote.against", "", ""},
    {"vote.abstention", "", ""},
    {"vote.not_voting", "", ""},
    // extract/record_parts.cc: ReadTally, the vote words by what they count, the numbers
    // (n), the links between them, and the words of [table.vote_words].
    {"vote.tally", "for against abstention not_voting voting expressed", ""},
    {"vote.tally_number", "n", "n"},
    {"vote.tally_link", "colon after before strong weak_end number_end not_a_count", ""},
    {"table.vote_words", "weak colon_only article", ""},
    // extract/record_parts.cc: the key of the first match is the record's vote.result.
    {"vote.result", "", ""},
    {"vote.names", "against abstention", "v"},
    // extract/record_parts.cc: ReadClosing.
    {"closing", "text place", "place"},
    {"publication", "prefecture_id transmitted published", "id"},
    // text/text_rules.cc (page_furniture.cc): a page counter line (page the word, open and
    // close around n, total), a counter with a running title; the word "page".
    {"page.furniture", "counter title", "page open n close total"},
    {"table.page_furniture", "page_word", ""},
    // text/text_rules.cc (hyphenation.cc): compounds that keep a line-end hyphen.
    {"table.hyphenation", "left right", ""},
    // text/reflow.cc: the line length of reflowed text, and where a line break stays.
    {"table.reflow", "min_line max_wrap", ""},
    {"reflow.break_before", "upper", ""},
    {"reflow.keep_break", "", ""},
    {"reflow.lone_label", "label", ""},
};

}  // namespace registre
