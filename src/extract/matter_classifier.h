// MatterClassifier: infers a deliberation's ACTES subject (SCDL DELIB_MATIERE_CODE/NOM)
// from its object when the document prints no classification.
//
// Rules come from grammars/matieres.rules (format described at the top of that file):
// `CODE | NOM | keyword, keyword*, ...`. Keywords match the object case- and
// accent-insensitively on whole words (a trailing `*` matches any word ending); the first
// rule in file order with a matching keyword wins, so specific rules go first. The result
// is a guess, so records it is applied to carry `matter.derived: true` and a warning.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace registre {

struct InferredMatter {
  std::string code;     // "7.5"
  std::string name;     // "finances locales/subventions"
  std::string keyword;  // the keyword that matched, as written in the grammar
  int line = 0;         // the rule's line in the grammar
};

class MatterClassifier {
 public:
  // Errors name the file and line (unknown code, NOM not the nomenclature's, no keyword).
  static Result<std::unique_ptr<MatterClassifier>> Load(const std::string& path);
  static Result<std::unique_ptr<MatterClassifier>> Parse(std::string_view text,
                                                         const std::string& origin);
  ~MatterClassifier();

  std::optional<InferredMatter> Infer(std::string_view object) const;

  // When record.matter.code is null and the object matches a rule: sets matter.code and
  // matter.name, matter.derived = true, appends a "matter_inferred" warning, returns true.
  bool ApplyTo(nlohmann::json& record) const;

 private:
  struct Keyword {
    std::string written;
    std::string folded;
    bool prefix;
  };
  struct Rule {
    std::string code;
    std::string name;
    std::vector<Keyword> keywords;
    int line;
  };
  MatterClassifier(std::vector<Rule> rules, std::unique_ptr<RE2::Set> keywords,
                   std::vector<std::pair<int, int>> keyword_at);

  std::vector<Rule> rules_;
  // Every keyword as " word " (" word" for a prefix) in one set, in rule then keyword order:
  // one pass over the object finds them all, and the lowest index is the first rule's.
  std::unique_ptr<RE2::Set> keywords_;
  std::vector<std::pair<int, int>> keyword_at_;  // set index -> (rule, keyword)
};

// matieres.rules under `grammar_dir`; when empty, under DefaultGrammarDir() (base/home.h).
std::string MatterGrammarPath(const std::string& grammar_dir);

}  // namespace registre
