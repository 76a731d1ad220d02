// WordReaders: what the extractors read a document with, the grammar and the two readers of
// words built on it (numbers and dates; persons). The sitting and record-part readers hold
// them the same way, so they share this base instead of declaring the three references
// each. All three must outlive the reader.
#pragma once

#include "extract/french_words.h"
#include "extract/persons.h"
#include "rules/grammar.h"

namespace registre {

struct WordReaders {
  const Grammar& grammar_;
  const FrenchWords& words_;
  const PersonParser& persons_;
};

}  // namespace registre
