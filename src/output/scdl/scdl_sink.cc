#include "output/scdl/scdl_sink.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "extract/matter_classifier.h"
#include "output/record_fields.h"
#include "output/scdl/csv_writer.h"
#include "output/scdl/scdl_mapping.h"
#include "output/scdl/scdl_rules.h"
#include "output/scdl/siret_directory.h"

namespace registre {
namespace {

std::string Param(const SinkOptions& options, const std::string& key) {
  auto it = options.params.find(key);
  return it == options.params.end() ? "" : it->second;
}

Result<char> SeparatorParam(const SinkOptions& options) {
  std::string s = Param(options, "separator");
  if (s.empty()) return ',';
  if (s == "tab" || s == "\\t") return '\t';
  if (s.size() != 1 || s == "\"" || s == "\r" || s == "\n") {
    return Status::Usage("separator must be one character other than a quote or newline, not '" +
                         s + "'");
  }
  return s[0];
}

// The columns emptied together when one of them fails: SCDL wants the vote and the budget
// columns all or none.
std::vector<ScdlColumn> GroupOf(ScdlColumn column) {
  if (column >= kVoteEffectif && column <= kVoteAbstention) {
    return {kVoteEffectif, kVoteReel, kVotePour, kVoteContre, kVoteAbstention};
  }
  if (column == kBudgetAnnee || column == kBudgetNom) return {kBudgetAnnee, kBudgetNom};
  return {column};
}

// Where rejected rows go when the `rejects` param is absent: beside a file output.
std::string DefaultRejectsPath(const std::string& output) {
  if (output.empty() || output == "-") return "";
  std::string base = output;
  if (base.size() > 4 && base.compare(base.size() - 4, 4, ".csv") == 0)
    base.resize(base.size() - 4);
  return base + ".rejects.csv";
}

struct Components {
  std::unique_ptr<SiretDirectory> sirets;
  std::unique_ptr<MatterClassifier> matters;
};

Result<Components> LoadComponents(const SinkOptions& options) {
  Components c;
  auto sirets =
      SiretDirectory::Create(Param(options, "authority-siret"), Param(options, "siret-map"));
  if (!sirets.ok()) return sirets.status();
  c.sirets = std::move(sirets).value();
  auto matters = MatterClassifier::Load(MatterGrammarPath(Param(options, "grammar-dir")));
  if (!matters.ok()) return matters.status();
  c.matters = std::move(matters).value();
  return c;
}

class ScdlSink : public RecordSink {
 public:
  // Writes rows to `file`, or to `standard_output` when there is no file.
  ScdlSink(Components components, char separator, std::unique_ptr<std::ofstream> file,
           std::ostream* standard_output, std::string path, std::unique_ptr<std::ofstream> rejects,
           std::string rejects_path)
      : c_(std::move(components)),
        mapper_(*c_.sirets, *c_.matters),
        separator_(separator),
        file_(std::move(file)),
        standard_output_(standard_output),
        path_(std::move(path)),
        rejects_(std::move(rejects)),
        rejects_path_(std::move(rejects_path)) {
    WriteCsvRecord(out(), kScdlColumnNames, separator_);
    if (rejects_) {
      std::vector<std::string_view> header = {"RECORD_ID", "SOURCE_FILE", "OUTCOME", "FIELD",
                                              "REASON"};
      header.insert(header.end(), kScdlColumnNames.begin(), kScdlColumnNames.end());
      WriteCsvRecord(*rejects_, header, separator_);
    }
  }

  Status Write(const nlohmann::json& record) override {
    ScdlMapping mapping = mapper_.Map(record);
    std::vector<ScdlViolation> violations = CheckScdlRow(mapping.row);
    std::vector<ScdlViolation> required;
    for (const ScdlViolation& v : violations) {
      if (IsScdlRequired(v.column)) required.push_back(Explained(v, mapping));
    }
    if (!required.empty()) return Reject(record, mapping, required);
    EmptyFailingOptionals(record, mapping, violations);
    if (mapping.matter_inferred) ++inferred_;
    WriteCsvRecord(out(), Cells(mapping.row), separator_);
    ++written_;
    return StreamStatus(out(), path_);
  }

  Status Finish() override {
    out().flush();
    Status status = StreamStatus(out(), path_);
    if (rejects_) {
      rejects_->close();
      if (status.ok()) status = StreamStatus(*rejects_, rejects_path_);
    }
    if (file_) file_->close();
    return status;
  }

  std::vector<std::string> Summary() const override {
    std::string where = rejects_ ? " (see " + rejects_path_ + ")" : "";
    std::vector<std::string> lines = {"scdl: " + std::to_string(written_) + " rows written to " +
                                      path_};
    lines.push_back("scdl: " + std::to_string(rejected_.size()) +
                    " rows rejected for a required column" + (rejected_.empty() ? "" : where));
    for (const std::string& r : rejected_) lines.push_back("scdl:   rejected " + r);
    lines.push_back("scdl: " + std::to_string(inferred_) +
                    " subjects inferred from the object (matter.derived)");
    if (emptied_ > 0) {
      lines.push_back("scdl: " + std::to_string(emptied_) +
                      " rows written with optional columns emptied" + where);
    }
    return lines;
  }

 public:
  void set_neutralise_formulas(bool on) { neutralise_formulas_ = on; }

 private:
  // The cells as written: formulas neutralised unless the user asked for raw values.
  template <typename Row>
  std::vector<std::string> Cells(const Row& row) const {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const auto& v : row)
      cells.push_back(neutralise_formulas_ ? NeutraliseFormula(v) : std::string(v));
    return cells;
  }

  std::ostream& out() { return file_ ? static_cast<std::ostream&>(*file_) : *standard_output_; }

  static Status StreamStatus(const std::ostream& s, const std::string& path) {
    if (s) return Status::Ok();
    return Status::Io(path + ": write failed: " + std::strerror(errno));
  }

  // The mapper knows why a value is missing better than the rule that finds it missing.
  static ScdlViolation Explained(const ScdlViolation& v, const ScdlMapping& mapping) {
    for (const ScdlViolation& note : mapping.notes) {
      if (note.column == v.column && mapping.row[v.column].empty()) return note;
    }
    return v;
  }

  Status Reject(const nlohmann::json& record, const ScdlMapping& mapping,
                const std::vector<ScdlViolation>& required) {
    std::string id = OptString(record, "/id").value_or("?");
    std::string message = "record " + id + ": SCDL row rejected:";
    for (const ScdlViolation& v : required) {
      LogReject(record, mapping.row, "rejected", v);
      message += std::string(" ") + std::string(kScdlColumnNames[v.column]) + " (" + v.reason + ")";
    }
    rejected_.push_back(message.substr(7));
    return Status::InvalidInput(message);
  }

  void EmptyFailingOptionals(const nlohmann::json& record, ScdlMapping& mapping,
                             const std::vector<ScdlViolation>& violations) {
    std::set<ScdlColumn> emptied;
    ScdlRow as_mapped = mapping.row;
    auto empty = [&](const ScdlViolation& v) {
      LogReject(record, as_mapped, "emptied", v);
      for (ScdlColumn c : GroupOf(v.column)) {
        mapping.row[c].clear();
        emptied.insert(c);
      }
    };
    for (const ScdlViolation& v : violations) empty(v);
    // Counts the record could not fill are no failure, but the publisher should know.
    for (const ScdlViolation& note : mapping.notes) {
      if (!IsScdlRequired(note.column)) LogReject(record, as_mapped, "emptied", note);
    }
    if (!emptied.empty()) ++emptied_;
  }

  void LogReject(const nlohmann::json& record, const ScdlRow& row, const std::string& outcome,
                 const ScdlViolation& v) {
    if (!rejects_) return;
    std::vector<std::string> fields = {OptString(record, "/id").value_or(""),
                                       OptString(record, "/source/file").value_or(""), outcome,
                                       std::string(kScdlColumnNames[v.column]), v.reason};
    fields.insert(fields.end(), row.begin(), row.end());
    WriteCsvRecord(*rejects_, Cells(fields), separator_);
  }

  Components c_;
  ScdlMapper mapper_;
  char separator_;
  bool neutralise_formulas_ = true;
  std::unique_ptr<std::ofstream> file_;
  std::ostream* standard_output_;
  std::string path_;
  std::unique_ptr<std::ofstream> rejects_;
  std::string rejects_path_;
  size_t written_ = 0;
  size_t inferred_ = 0;
  size_t emptied_ = 0;
  std::vector<std::string> rejected_;
};

Result<std::unique_ptr<std::ofstream>> OpenFile(const std::string& path) {
  auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*file) return Status::Io(path + ": cannot open for writing: " + std::strerror(errno));
  return file;
}

}  // namespace

Result<std::unique_ptr<RecordSink>> MakeScdlSink(const SinkOptions& options) {
  auto separator = SeparatorParam(options);
  if (!separator.ok()) return separator.status();
  const std::string formulas = Param(options, "formulas");
  if (!formulas.empty() && formulas != "keep" && formulas != "neutralise")
    return Status::Usage("formulas must be 'neutralise' or 'keep', not '" + formulas + "'");
  auto components = LoadComponents(options);
  if (!components.ok()) return components.status();
  std::unique_ptr<std::ofstream> file;
  std::string path = "standard output";
  if (!options.output.empty() && options.output != "-") {
    auto opened = OpenFile(options.output);
    if (!opened.ok()) return opened.status();
    file = std::move(opened).value();
    path = options.output;
  } else if (!options.standard_output) {
    return Status::Internal("scdl sink: no stream given for standard output");
  }
  std::string rejects_path = Param(options, "rejects");
  if (rejects_path.empty()) rejects_path = DefaultRejectsPath(options.output);
  std::unique_ptr<std::ofstream> rejects;
  if (!rejects_path.empty()) {
    auto opened = OpenFile(rejects_path);
    if (!opened.ok()) return opened.status();
    rejects = std::move(opened).value();
  }
  auto sink =
      std::make_unique<ScdlSink>(std::move(components).value(), separator.value(), std::move(file),
                                 options.standard_output, path, std::move(rejects), rejects_path);
  sink->set_neutralise_formulas(formulas != "keep");
  return std::unique_ptr<RecordSink>(std::move(sink));
}

}  // namespace registre
