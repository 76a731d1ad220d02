#include "pipeline/pipeline.h"

#include <filesystem>
#include <optional>

#include "base/json_object.h"
#include "base/sha256.h"
#include "extract/french_words.h"
#include "extract/matter_classifier.h"
#include "extract/persons.h"
#include "extract/record_parts.h"
#include "extract/segmenter.h"
#include "extract/sitting.h"
#include "read/pdf_input.h"
#include "read/text_reader.h"
#include "record/record_builder.h"
#include "record/schema_validator.h"
#include "rules/grammar.h"
#include "text/document.h"
#include "text/normaliser.h"
#include "text/reflow.h"

namespace registre {
namespace {

// Fills the empty fields of `own` from `shared` (the sitting's head).
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

constexpr std::size_t kItemHeadBytes = 2500;
constexpr std::size_t kSittingHeadBytes = 12000;

// The head of a record: its text before its first visa, considérant or decision.
Range RecordHead(const Parts& parts, Range r) {
  std::size_t end = r.end;
  for (Range x : {parts.visas_range, parts.considerants_range, parts.decision_range})
    if (!x.empty()) end = std::min(end, x.start);
  return Range{r.start, end};
}

}  // namespace

struct PipelineStages {
  explicit PipelineStages(const Grammar& g)
      : words(g), persons(g), sitting(g, words, persons), segmenter(g), parts(g, words, persons) {}
  FrenchWords words;
  PersonParser persons;
  SittingReader sitting;
  Segmenter segmenter;
  RecordPartsReader parts;
};

Pipeline::~Pipeline() = default;

DocumentResult::~DocumentResult() {
  for (nlohmann::json& record : records) Dismantle(record);
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const std::string& grammar_dir,
                                                   const std::string& schema_path) {
  auto grammar = Grammar::LoadDirectory(grammar_dir);
  if (!grammar.ok()) return grammar.status();
  Status required = grammar.value()->Require({{"segment.heading", "item"},
                                              {"attendance.labels", "present"},
                                              {"section.formula", "line"},
                                              {"table.months", "janvier"},
                                              {"dates", "textual"}});
  if (!required.ok()) return required.Annotate(grammar_dir);
  auto validator = SchemaValidator::Load(schema_path);
  if (!validator.ok()) return validator.status();
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->grammar_ = std::move(grammar).value();
  p->validator_ = std::move(validator).value();
  p->stages_ = std::make_unique<PipelineStages>(*p->grammar_);
  // Subject inference is optional: a grammar directory without matieres.rules has none.
  std::string rules = MatterGrammarPath(grammar_dir);
  if (std::filesystem::exists(rules)) {
    auto matters = MatterClassifier::Load(rules);
    if (!matters.ok()) return matters.status();
    p->matters_ = std::move(matters).value();
  }
  return p;
}

Result<SourceText> Pipeline::Read(std::string_view bytes) const {
  if (LooksLikePdf(bytes)) return ReadPdfInput(bytes);
  return ReadText(bytes);
}

Result<DocumentResult> Pipeline::Extract(std::string_view bytes, const std::string& display_name,
                                         const std::string& sha256) const {
  Result<SourceText> source = Read(bytes);
  if (!source.ok()) return source.status();
  DocumentResult result;
  result.warnings = source.value().warnings;
  NormalisedText normalised = Normalise(source.value());
  if (int breaks = Reflow(*grammar_, &normalised)) {
    result.warnings.push_back(
        {"reflowed", "long lines without structure: " + std::to_string(breaks) +
                         " line breaks restored before labels and sentences"});
  }
  Document doc(std::move(normalised));
  for (const Warning& w : doc.normalised().warnings) result.warnings.push_back(w);
  Segmentation seg = stages_->segmenter.Split(doc);
  for (const Warning& w : seg.warnings) result.warnings.push_back(w);
  const Range whole{0, doc.folded().size()};
  Sitting shared;
  if (!seg.head.empty()) {
    Range sitting = seg.sitting.empty() ? seg.head : seg.sitting;
    sitting.end = std::min(sitting.end, sitting.start + kSittingHeadBytes);
    shared = stages_->sitting.Read(doc, sitting);
  }
  // Values the head does not print may still be named further on (the authority in a body).
  // Read once, and only when some record's head does not name them.
  std::optional<Sitting> document_wide;
  auto whole_document = [&]() -> const Sitting& {
    if (!document_wide) {
      document_wide.emplace();
      document_wide->authority =
          stages_->sitting.ReadAuthority(doc, whole, &document_wide->authority_type);
      document_wide->assembly =
          stages_->sitting.ReadAssembly(doc, whole, &document_wide->assembly_kind);
    }
    return *document_wide;
  };

  // A rapporteur printed once in the head applies to every item below it.
  std::optional<Person> head_rapporteur;
  if (!seg.head.empty()) head_rapporteur = stages_->parts.ReadRapporteur(doc, seg.head);
  SourceInfo info{display_name, sha256.empty() ? Sha256Hex(bytes) : sha256, source.value().format};
  int index = 0;
  RecordBuilder builder;
  for (const RecordSegment& segment : seg.records) {
    RecordInputs in;
    in.doc = &doc;
    in.source = info;
    in.index = index;
    in.range = segment.range;
    in.number = segment.number;
    in.parts = stages_->parts.Read(doc, segment.range, segment.title);
    if (!in.parts.rapporteur) in.parts.rapporteur = head_rapporteur;
    Range head = RecordHead(in.parts, segment.range);
    // In a procès-verbal an item restates attendance, if at all, in its first lines.
    if (!seg.head.empty()) head.end = std::min(head.end, head.start + kItemHeadBytes);
    // The sitting is stated at the top; a long single record need not be read to its end.
    head.end = std::min(head.end, head.start + kSittingHeadBytes);
    // Items of a procès-verbal whose head named the sitting only restate attendance.
    Sitting own;
    bool shared_complete = !shared.authority.empty() && !shared.assembly.empty() &&
                           !shared.date.empty() && shared.president.has_value();
    if (seg.head.empty() || !shared_complete) {
      // Own values only fill what the sitting's head left empty (Inherit below).
      own = stages_->sitting.Read(doc, head, seg.head.empty() ? nullptr : &shared);
    } else {
      own.attendance = stages_->sitting.ReadAttendance(doc, head, &own.secretaries, &own.warnings);
    }
    if (seg.head.empty()) {
      in.sitting = std::move(own);
    } else {
      // The sitting's head speaks for every record; a record's own head fills its gaps and
      // restates the attendance when it prints its own lists.
      in.sitting = shared;
      if (own.attendance.has_lists) in.sitting.attendance = own.attendance;
      // The authority of a procès-verbal is the document's, not a commune its items name.
      if (in.sitting.authority.empty()) Inherit(in.sitting, whole_document());
      Inherit(in.sitting, own);
    }
    if (in.sitting.authority.empty() || in.sitting.assembly.empty())
      Inherit(in.sitting, whole_document());
    nlohmann::json record = builder.Build(in);
    const bool repeated = builder.attendance_repeated();
    // No ACTES code printed: infer one from the object, marked matter.derived (record.md).
    if (matters_) matters_->ApplyTo(record);
    // A repeated attendance was checked in the record before, which passed.
    Status valid = validator_->Validate(record, repeated ? "attendance" : "");
    if (!valid.ok()) {
      return Status::Internal("internal error: record " + std::to_string(index) + " " +
                              valid.message());
    }
    result.records.push_back(std::move(record));
    result.repeats_attendance.push_back(repeated);
    ++index;
  }
  return result;
}

}  // namespace registre
