#include "extract/matter_classifier.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/home.h"
#include "base/text_util.h"
#include "extract/actes_nomenclature.h"
#include "text/folding.h"

namespace registre {
namespace {

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    parts.push_back(Trim(s.substr(start, pos - start)));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

}  // namespace

MatterClassifier::MatterClassifier(std::vector<Rule> rules, std::unique_ptr<RE2::Set> keywords,
                                   std::vector<std::pair<int, int>> keyword_at)
    : rules_(std::move(rules)),
      keywords_(std::move(keywords)),
      keyword_at_(std::move(keyword_at)) {}
MatterClassifier::~MatterClassifier() = default;

Result<std::unique_ptr<MatterClassifier>> MatterClassifier::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open subject rules");
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

Result<std::unique_ptr<MatterClassifier>> MatterClassifier::Parse(std::string_view text,
                                                                  const std::string& origin) {
  std::vector<Rule> rules;
  std::istringstream lines{std::string(text)};
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::string where = origin + ":" + std::to_string(number) + ": ";
    std::vector<std::string> fields = Split(trimmed, '|');
    if (fields.size() != 3) return Status::BadGrammar(where + "expected CODE | NOM | keywords");
    auto canonical = ActesScdlName(fields[0]);
    if (!canonical)
      return Status::BadGrammar(where + "'" + fields[0] + "' is no ACTES level-2 code");
    if (fields[1] != *canonical) {
      return Status::BadGrammar(where + "NOM for " + fields[0] + " must be '" +
                                std::string(*canonical) + "'");
    }
    Rule rule{fields[0], fields[1], {}, number};
    for (const std::string& written : Split(fields[2], ',')) {
      if (written.empty()) continue;
      bool prefix = written.back() == '*';
      std::string folded = FoldKey(prefix ? written.substr(0, written.size() - 1) : written);
      if (folded.empty()) return Status::BadGrammar(where + "empty keyword '" + written + "'");
      rule.keywords.push_back({written, folded, prefix});
    }
    if (rule.keywords.empty()) return Status::BadGrammar(where + "rule has no keyword");
    rules.push_back(std::move(rule));
  }
  RE2::Options options;
  options.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::vector<std::pair<int, int>> keyword_at;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (std::size_t k = 0; k < rules[r].keywords.size(); ++k) {
      const Keyword& kw = rules[r].keywords[k];
      // The object is folded to words separated by single spaces and padded with one on
      // each side, so " word " is a whole word and " word" a word's beginning.
      std::string pattern = RE2::QuoteMeta(" " + kw.folded + (kw.prefix ? "" : " "));
      std::string error;
      if (set->Add(pattern, &error) < 0) {
        return Status::BadGrammar(origin + ":" + std::to_string(rules[r].line) + ": keyword '" +
                                  kw.written + "': " + error);
      }
      keyword_at.emplace_back(static_cast<int>(r), static_cast<int>(k));
    }
  }
  if (!set->Compile()) return Status::BadGrammar(origin + ": too many keywords to compile");
  return std::unique_ptr<MatterClassifier>(
      new MatterClassifier(std::move(rules), std::move(set), std::move(keyword_at)));
}

std::optional<InferredMatter> MatterClassifier::Infer(std::string_view object) const {
  std::string folded = " " + FoldKey(object) + " ";
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{};
  if (!keywords_->Match(folded, &hits, &error) || hits.empty()) return std::nullopt;
  // The set's DFA has a memory budget; past it (an absurdly long object) it reports an
  // error rather than a wrong answer, and the object is left without a guess.
  if (error.kind != RE2::Set::kNoError) return std::nullopt;
  auto [r, k] = keyword_at_[static_cast<std::size_t>(*std::min_element(hits.begin(), hits.end()))];
  const Rule& rule = rules_[static_cast<std::size_t>(r)];
  return InferredMatter{rule.code, rule.name, rule.keywords[static_cast<std::size_t>(k)].written,
                        rule.line};
}

bool MatterClassifier::ApplyTo(nlohmann::json& record) const {
  const nlohmann::json& matter = record["matter"];
  const nlohmann::json& object = record["object"];
  if (!matter.is_object() || !matter.value("code", nlohmann::json()).is_null()) return false;
  if (!object.is_string()) return false;
  auto inferred = Infer(object.get<std::string>());
  if (!inferred) return false;
  record["matter"]["code"] = inferred->code;
  record["matter"]["name"] = inferred->name;
  record["matter"]["derived"] = true;
  if (!record["warnings"].is_array()) record["warnings"] = nlohmann::json::array();
  record["warnings"].push_back(
      {{"code", "matter_inferred"},
       {"message", "subject " + inferred->code + " inferred from the object (keyword '" +
                       inferred->keyword + "', matieres.rules line " +
                       std::to_string(inferred->line) + ")"}});
  return true;
}

std::string MatterGrammarPath(const std::string& grammar_dir) {
  if (!grammar_dir.empty()) return grammar_dir + "/matieres.rules";
  return DefaultGrammarDir() + "/matieres.rules";
}

}  // namespace registre
