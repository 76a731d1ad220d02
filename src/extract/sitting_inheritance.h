// The sitting each record of a document speaks for.
//
// A single extract states its own sitting in its head. The items of a procès-verbal share
// the sitting its head states: an item's own head only fills what the sitting's head left
// empty, and restates the attendance when it prints its own lists (a member leaving after
// item 12). The authority and assembly a head does not print may still be named further on
// (in a body, a signature): those are read once from the whole document, only when some
// record needs them, and for a procès-verbal before any commune its items name.
#pragma once

#include <cstddef>
#include <optional>

#include "extract/record_parts.h"
#include "extract/segmenter.h"
#include "extract/sitting.h"
#include "extract/windows.h"
#include "text/document.h"

namespace registre {

class SittingInheritance {
 public:
  // Reads the sitting's head of `seg` (if it has one) from `doc`; the readers, the document
  // and the segmentation must outlive this object.
  SittingInheritance(const SittingReader& reader, const Document& doc, const Segmentation& seg);

  // The sitting of the record `range`, whose parts (visas, decision...) are `parts`.
  Sitting ForRecord(Range range, const Parts& parts);

 private:
  const Sitting& WholeDocument();

  const SittingReader& reader_;
  const Document& doc_;
  const Segmentation& seg_;
  Sitting shared_;                        // the sitting's head
  std::optional<Sitting> document_wide_;  // authority and assembly read from the whole text
};

// Fills the empty fields of `own` from `shared`; attendance lists go together.
void Inherit(Sitting& own, const Sitting& shared);

}  // namespace registre
