// The pipeline for one input: read (text or PDF) -> normalise -> segment -> extract ->
// validate. Stateless apart from the loaded grammar and schema, so one Pipeline may serve
// many threads at once (per-thread caches live inside the stages).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "read/source_text.h"
#include "read/supervised_read.h"

namespace registre {

class Document;
class Grammar;
class SchemaValidator;
struct PipelineStages;
class MatterClassifier;

struct DocumentResult {
  DocumentResult() = default;
  DocumentResult(DocumentResult&&) = default;
  DocumentResult& operator=(DocumentResult&&) = default;
  DocumentResult(const DocumentResult&) = default;
  DocumentResult& operator=(const DocumentResult&) = default;
  ~DocumentResult();  // frees the records leaves first (Dismantle, json_object.h): cheaper

  std::vector<nlohmann::json> records;  // validated, in document order
  std::vector<Warning> warnings;        // about the document as a whole (no record, ...)
  // Per record: its "attendance" is the previous record's, value for value (the items of a
  // procès-verbal share one list). Writers may reuse what they wrote for it.
  std::vector<bool> repeats_attendance;
};

class Pipeline {
 public:
  // Loads the grammar directory and the record schema; errors name the file and line.
  static Result<std::unique_ptr<Pipeline>> Create(const std::string& grammar_dir,
                                                  const std::string& schema_path);
  ~Pipeline();

  // Decodes `bytes` (PDF or text, detected from the content).
  Result<SourceText> Read(std::string_view bytes) const;

  // Runs the whole pipeline. `display_name` is stored as source.file in each record;
  // `sha256` is the hex SHA-256 of `bytes` when the caller has it already (else computed).
  Result<DocumentResult> Extract(std::string_view bytes, const std::string& display_name,
                                 const std::string& sha256 = "") const;

  // How the document was cut into records, for people and for scripts/crossval: each
  // record's range and heading, every heading candidate with its kind and fate (why it
  // opens a record or not), and the warnings. Offsets are UTF-8 byte offsets into the
  // decoded text (what `registre extract --text-only` prints), lines 1-based there.
  Result<nlohmann::json> Explain(std::string_view bytes) const;

  // How long a PDF may take to read and how much memory its reader may use: past them the
  // reader is stopped and the file fails alone (kDeadline, kResourceLimit). Set before use;
  // none by default.
  void set_read_limits(const ReadLimits& limits) { read_limits_ = limits; }

  const SchemaValidator& validator() const { return *validator_; }
  // The grammar's warnings so far (Grammar::warnings): patterns found uncompilable when a
  // document first needed them. For the caller to show; the library does not print.
  std::vector<std::string> grammar_warnings() const;

 private:
  Pipeline() = default;
  // Normalises, unwraps and reflows `source`; adds the warnings of those stages.
  Document Prepare(const SourceText& source, std::vector<Warning>* warnings) const;
  std::unique_ptr<Grammar> grammar_;
  std::unique_ptr<SchemaValidator> validator_;
  std::unique_ptr<PipelineStages> stages_;
  std::unique_ptr<MatterClassifier> matters_;
  ReadLimits read_limits_;
};

}  // namespace registre
