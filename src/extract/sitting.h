// Sitting: the facts shared by every deliberation of one sitting (séance): authority,
// assembly, date, convocation, president, secretaries, attendance and printed counts.
//
// SittingReader reads them from a range of the document (the head of a procès-verbal, or the
// head of a single extract). Each field is empty/absent when the range does not state it;
// nothing is guessed. Attendance lists are read from labelled values ("Présents :",
// "Absents excusés :", "Pouvoirs :"...), each running to the next label or stop pattern
// (grammars/10-sitting.grammar).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/french_words.h"
#include "extract/persons.h"
#include "extract/word_readers.h"
#include "read/source_text.h"
#include "rules/grammar.h"
#include "text/document.h"

namespace registre {

struct Attendance {
  std::optional<int> members_in_office, present_count, voting_count;
  std::vector<Person> present, excused, absent;
  bool has_lists = false;  // some list label was found
  Range span;              // folded range covering the attendance values
  bool operator==(const Attendance&) const = default;
};

struct Sitting {
  std::string authority, authority_type;  // type: commune, metropole, communaute, ...
  std::string assembly, assembly_kind;
  std::string date, convocation_date;  // ISO
  bool date_in_formula = false;        // the date stands in the sentence opening the sitting
  std::string time;                    // "HH:MM" when printed
  std::string place;                   // as printed
  std::optional<Person> president;
  std::vector<Person> secretaries;
  Attendance attendance;
  std::vector<Warning> warnings;
};

// The words of [table.sitting_words], [table.time_words] and the patterns of
// [sitting.authority_type], resolved once from the grammar (sitting.cc).
struct SittingLexicon;

class SittingReader : private WordReaders {
 public:
  SittingReader(const Grammar& grammar, const FrenchWords& words, const PersonParser& persons);

  // Reads every field of the sitting stated in `r`. With `known` (a procès-verbal's head,
  // which a record's own values only complete), fields `known` already has are not read:
  // they stay empty in the result.
  Sitting Read(const Document& doc, Range r, const Sitting* known = nullptr) const;
  // Attendance only (used for a record's own head, where the sitting's lists may be restated).
  Attendance ReadAttendance(const Document& doc, Range r, std::vector<Person>* secretaries,
                            std::vector<Warning>* warnings) const;

  // The counts only (members in office, present, voting), as ReadAttendance reads them:
  // for a record's own vote block, after its decision ("Membres en exercice : 40 ... Votants :
  // 25" under the articles of an extract).
  Attendance ReadCounts(const Document& doc, Range r) const;

  std::string ReadAuthority(const Document& doc, Range r, std::string* type) const;
  std::string ReadAssembly(const Document& doc, Range r, std::string* kind) const;
  void ReadDates(const Document& doc, Range r, Sitting* s) const;
  // The ranges of the sentences that open a sitting ("L'an deux mille vingt ...", "le
  // conseil ... s'est réuni") in the part of r that ReadDates reads; empty when there is none,
  // and then ReadDates sets no date_in_formula.
  std::vector<Range> SittingFormulas(const Document& doc, Range r) const;
  void ReadTimeAndPlace(const Document& doc, Range r, Sitting* s) const;

 private:
  std::optional<Person> ReadPresident(const Document& doc, Range r) const;
  // Fills the counts of *a still empty; matched: the [attendance.counts] entries the screen
  // found in r.
  void ReadCounts(const Document& doc, Range r, const std::vector<int>& matched,
                  Attendance* a) const;
  std::shared_ptr<const SittingLexicon> lexicon_;
  // The attendance sections are always read over the same range: screened in one pass.
  SectionScreen attendance_screen_;
};

}  // namespace registre
