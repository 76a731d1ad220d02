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
#include "extract/sitting_inheritance.h"
#include "read/pdf_input.h"
#include "read/text_reader.h"
#include "record/record_builder.h"
#include "record/schema_validator.h"
#include "rules/grammar.h"
#include "text/document.h"
#include "text/normaliser.h"
#include "text/reflow.h"
#include "text/text_rules.h"

namespace registre {

// The extraction stages, built once from the grammar and shared by every document.
struct PipelineStages {
  PipelineStages(const Grammar& g, TextRules text)
      : text_rules(std::move(text)),
        words(g),
        persons(g),
        sitting(g, words, persons),
        segmenter(g),
        parts(g, words, persons) {}
  TextRules text_rules;
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
  auto validator = SchemaValidator::Load(schema_path);
  if (!validator.ok()) return validator.status();
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->grammar_ = std::move(grammar).value();
  p->validator_ = std::move(validator).value();
  auto text_rules = TextRules::FromGrammar(*p->grammar_);
  if (!text_rules.ok()) return text_rules.status().Annotate(grammar_dir);
  p->stages_ = std::make_unique<PipelineStages>(*p->grammar_, std::move(text_rules).value());
  // Subject inference is optional: a grammar directory without matieres.rules has none.
  std::string rules = MatterGrammarPath(grammar_dir);
  if (std::filesystem::exists(rules)) {
    auto matters = MatterClassifier::Load(rules);
    if (!matters.ok()) return matters.status();
    p->matters_ = std::move(matters).value();
  }
  return p;
}

std::vector<std::string> Pipeline::grammar_warnings() const { return grammar_->warnings(); }

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
  NormalisedText normalised = Normalise(source.value(), stages_->text_rules);
  Unwrap(*grammar_, stages_->text_rules, &normalised);
  if (int breaks = Reflow(*grammar_, &normalised)) {
    result.warnings.push_back(
        {"reflowed", "long lines without structure: " + std::to_string(breaks) +
                         " line breaks restored before labels and sentences"});
  }
  Document doc(std::move(normalised));
  for (const Warning& w : doc.normalised().warnings) result.warnings.push_back(w);
  Segmentation seg = stages_->segmenter.Split(doc);
  for (const Warning& w : seg.warnings) result.warnings.push_back(w);
  SittingInheritance sittings(stages_->sitting, doc, seg);
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
    in.sitting = sittings.ForRecord(segment.range, in.parts);
    CheckTally(in.sitting.attendance.members_in_office, in.sitting.attendance.voting_count,
               &in.parts.vote, &in.parts.warnings);
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
