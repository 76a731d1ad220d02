#include "extract/sitting_inheritance.h"

#include <algorithm>

namespace registre {
namespace {

// The head of a record: its text before its first visa, considérant or decision.
Range RecordHead(const Parts& parts, Range r) {
  std::size_t end = r.end;
  for (Range x : {parts.visas_range, parts.considerants_range, parts.decision_range})
    if (!x.empty()) end = std::min(end, x.start);
  return Range{r.start, end};
}

bool Complete(const Sitting& s) {
  return !s.authority.empty() && !s.assembly.empty() && !s.date.empty() && s.president.has_value();
}

}  // namespace

void Inherit(Sitting& own, const Sitting& shared) {
  if (own.authority.empty()) {
    own.authority = shared.authority;
    own.authority_type = shared.authority_type;
  }
  if (own.assembly.empty()) {
    own.assembly = shared.assembly;
    own.assembly_kind = shared.assembly_kind;
  }
  if (own.date.empty()) own.date = shared.date;
  if (own.convocation_date.empty()) own.convocation_date = shared.convocation_date;
  if (own.time.empty()) own.time = shared.time;
  if (own.place.empty()) own.place = shared.place;
  if (!own.president) own.president = shared.president;
  if (own.secretaries.empty()) own.secretaries = shared.secretaries;
  Attendance& a = own.attendance;
  const Attendance& b = shared.attendance;
  if (!a.has_lists) {
    a.present = b.present;
    a.excused = b.excused;
    a.absent = b.absent;
    a.has_lists = b.has_lists;
    a.span = b.span;
  }
  if (!a.members_in_office) a.members_in_office = b.members_in_office;
  if (!a.present_count) a.present_count = b.present_count;
  if (!a.voting_count) a.voting_count = b.voting_count;
}

SittingInheritance::SittingInheritance(const SittingReader& reader, const Document& doc,
                                       const Segmentation& seg)
    : reader_(reader), doc_(doc), seg_(seg) {
  if (seg.head.empty()) return;
  Range sitting = seg.sitting.empty() ? seg.head : seg.sitting;
  sitting.end = std::min(sitting.end, sitting.start + kSittingHeadBytes);
  shared_ = reader_.Read(doc_, sitting);
}

const Sitting& SittingInheritance::WholeDocument() {
  if (!document_wide_) {
    const Range whole{0, doc_.folded().size()};
    document_wide_.emplace();
    document_wide_->authority = reader_.ReadAuthority(doc_, whole, &document_wide_->authority_type);
    document_wide_->assembly = reader_.ReadAssembly(doc_, whole, &document_wide_->assembly_kind);
  }
  return *document_wide_;
}

Sitting SittingInheritance::ForRecord(Range range, const Parts& parts) {
  const bool has_head = !seg_.head.empty();
  Range head = RecordHead(parts, range);
  if (has_head) head.end = std::min(head.end, head.start + kItemHeadBytes);
  head.end = std::min(head.end, head.start + kSittingHeadBytes);
  // Items of a procès-verbal whose head named the sitting only restate attendance.
  Sitting own;
  if (!has_head || !Complete(shared_)) {
    // Own values only fill what the sitting's head left empty (Inherit below).
    own = reader_.Read(doc_, head, has_head ? &shared_ : nullptr);
  } else {
    own.attendance = reader_.ReadAttendance(doc_, head, &own.secretaries, &own.warnings);
  }
  Sitting sitting;
  if (!has_head) {
    sitting = std::move(own);
  } else {
    sitting = shared_;
    if (own.attendance.has_lists) sitting.attendance = own.attendance;
    // The authority of a procès-verbal is the document's, not a commune its items name.
    if (sitting.authority.empty()) Inherit(sitting, WholeDocument());
    Inherit(sitting, own);
  }
  if (sitting.authority.empty() || sitting.assembly.empty()) Inherit(sitting, WholeDocument());
  // A head's date read outside the sentence opening the sitting (a page header, a blog
  // post's date) gives way to one read in that sentence in the record's own head.
  // Most heads have no such sentence, and it is cheaper to look for than their dates.
  if (has_head && !shared_.date_in_formula && !reader_.SittingFormulas(doc_, head).empty()) {
    Sitting dates;
    reader_.ReadDates(doc_, head, &dates);
    if (dates.date_in_formula) {
      sitting.date = dates.date;
      sitting.date_in_formula = true;
      if (!dates.convocation_date.empty()) sitting.convocation_date = dates.convocation_date;
    }
  }
  // Counts the heads left unread, printed in the record's own decision or vote block
  // ("Membres en exercice : 40 ... Votants : 25" under an extract's articles).
  Attendance& a = sitting.attendance;
  if ((!a.members_in_office || !a.present_count || !a.voting_count) &&
      !parts.decision_range.empty() && parts.decision_range.start < range.end) {
    Attendance own_counts = reader_.ReadCounts(doc_, Range{parts.decision_range.start, range.end});
    if (!a.members_in_office) a.members_in_office = own_counts.members_in_office;
    if (!a.present_count) a.present_count = own_counts.present_count;
    if (!a.voting_count) a.voting_count = own_counts.voting_count;
  }
  return sitting;
}

}  // namespace registre
