#include "pipeline/pipeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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
#include "read/image_input.h"
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
  if (LooksLikePdf(bytes)) return ReadPdfInput(bytes, read_limits_);
  if (LooksLikeImage(bytes)) return ReadImageInput(bytes, read_limits_);
  return ReadText(bytes);
}

Document Pipeline::Prepare(const SourceText& source, std::vector<Warning>* warnings) const {
  NormalisedText normalised = Normalise(source, stages_->text_rules);
  JoinLoneLabels(*grammar_, &normalised);
  Unwrap(*grammar_, stages_->text_rules, &normalised);
  if (int breaks = Reflow(*grammar_, &normalised)) {
    warnings->push_back({"reflowed", "long lines without structure: " + std::to_string(breaks) +
                                         " line breaks restored before labels and sentences"});
  }
  Document doc(std::move(normalised));
  for (const Warning& w : doc.normalised().warnings) warnings->push_back(w);
  return doc;
}

namespace {

// A folded range as the user finds it: offsets into the decoded text `--text-only` prints
// (SourceText.text, UTF-8 bytes), its 1-based line there, and the text as normalised.
nlohmann::json ExplainRange(const Document& doc, const std::string& source, Range r) {
  const NormalisedText& n = doc.normalised();
  std::size_t start = n.source_offsets[doc.TextOffset(r.start)];
  std::size_t end = n.source_offsets[doc.TextOffset(r.end)];
  start = std::min(start, source.size());
  end = std::max(start, std::min(end, source.size()));
  auto line =
      1 + std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(start), '\n');
  return {{"start", start},
          {"end", end},
          {"line", line},
          {"page", doc.PageAt(r.start)},
          {"text", doc.Text(r)}};
}

// A score's margin as people read it: two decimals, its sign.
std::string Margin(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", score);
  return buf;
}

}  // namespace

Result<nlohmann::json> Pipeline::Explain(std::string_view bytes) const {
  Result<SourceText> source = Read(bytes);
  if (!source.ok()) return source.status();
  std::vector<Warning> warnings = source.value().warnings;
  Document doc = Prepare(source.value(), &warnings);
  Segmentation seg = stages_->segmenter.Split(doc, /*weigh_all=*/true);
  const std::string& text = source.value().text;
  nlohmann::json out = nlohmann::json::object();
  nlohmann::json candidates = nlohmann::json::array();
  std::vector<HeadingTrace> trace = seg.trace;
  std::stable_sort(trace.begin(), trace.end(), [](const HeadingTrace& a, const HeadingTrace& b) {
    return a.line.start < b.line.start;
  });
  for (const HeadingTrace& t : trace) {
    nlohmann::json c = ExplainRange(doc, text, t.line);
    c["kind"] = t.kind;
    c["fate"] = t.fate;
    if (!t.number.empty()) c["number"] = doc.Text(t.number);
    if (!t.title.empty()) c["title"] = doc.Text(t.title);
    candidates.push_back(std::move(c));
  }
  nlohmann::json records = nlohmann::json::array();
  for (const RecordSegment& r : seg.records) {
    nlohmann::json j = nlohmann::json::object();
    j["range"] = ExplainRange(doc, text, r.range);
    j["range"].erase("text");
    if (!r.heading.empty()) j["heading"] = ExplainRange(doc, text, r.heading);
    if (!r.number.empty()) j["number"] = doc.Text(r.number);
    if (!r.title.empty()) j["title"] = doc.Text(r.title);
    if (r.procedural) j["procedural"] = true;
    records.push_back(std::move(j));
  }
  nlohmann::json warn = nlohmann::json::array();
  for (const Warning& w : warnings) warn.push_back({{"code", w.code}, {"message", w.message}});
  for (const Warning& w : seg.warnings) warn.push_back({{"code", w.code}, {"message", w.message}});
  out["records"] = std::move(records);
  out["candidates"] = std::move(candidates);
  nlohmann::json weak = nlohmann::json::array();
  for (const ScoredTitle& s : seg.weak_titles) {
    nlohmann::json j = ExplainRange(doc, text, doc.LineRange(s.line));
    j["title"] = doc.Text(s.title);
    j["score"] = std::round(s.score * 1000) / 1000;
    nlohmann::json evidence = nlohmann::json::object();
    for (std::size_t f = 0; f < kWeakTitleEvidenceCount; ++f)
      if (s.evidence[f] != 0) evidence[kWeakTitleEvidence[f]] = s.evidence[f];
    j["evidence"] = std::move(evidence);
    weak.push_back(std::move(j));
  }
  out["weak_titles"] = std::move(weak);
  out["warnings"] = std::move(warn);
  return out;
}

Result<DocumentResult> Pipeline::Extract(std::string_view bytes, const std::string& display_name,
                                         const std::string& sha256) const {
  Result<SourceText> source = Read(bytes);
  if (!source.ok()) return source.status();
  DocumentResult result;
  result.warnings = source.value().warnings;
  Document doc = Prepare(source.value(), &result.warnings);
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
    if (segment.weak_heading) {
      in.parts.warnings.push_back(
          {"weak_heading", "record opened by a title line with no number nor label (\"" +
                               doc.Text(segment.title) + "\"), kept on weighed evidence (" +
                               Margin(segment.margin) +
                               " over the threshold, scripts/train): check where it starts "
                               "and ends"});
    }
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
