#include "output/scdl/siret_directory.h"

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/text_util.h"
#include "output/scdl/scdl_rules.h"
#include "text/folding.h"

namespace registre {
namespace {

// Quotes too: CSV cells may be quoted.
std::string Trim(std::string_view s) { return std::string(TrimView(s, " \t\r\"")); }

bool IsSiren(const std::string& s) {
  return s.size() == 9 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string StringAt(const nlohmann::json& record, const char* pointer) {
  nlohmann::json::json_pointer p(pointer);
  if (!record.contains(p) || !record.at(p).is_string()) return "";
  return record.at(p).get<std::string>();
}

}  // namespace

std::optional<std::string> RecordSiren(const nlohmann::json& record) {
  std::string siren = StringAt(record, "/authority/siren");
  if (IsSiren(siren)) return siren;
  static const RE2 kActes(R"(^\s*[0-9A-Za-z]{3}-([0-9]{9})-)");
  std::string from_actes;
  if (RE2::PartialMatch(StringAt(record, "/publication/prefecture_id"), kActes, &from_actes))
    return from_actes;
  return std::nullopt;
}

SiretDirectory::SiretDirectory(std::string default_siret)
    : default_siret_(std::move(default_siret)) {}
SiretDirectory::~SiretDirectory() = default;

Result<std::unique_ptr<SiretDirectory>> SiretDirectory::Create(const std::string& default_siret,
                                                               const std::string& map_path) {
  if (map_path.empty()) return Parse(default_siret, "", "");
  std::ifstream in(map_path, std::ios::binary);
  if (!in) return Status::Io(map_path + ": cannot open SIRET map");
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(default_siret, text.str(), map_path);
}

Result<std::unique_ptr<SiretDirectory>> SiretDirectory::Parse(const std::string& default_siret,
                                                              std::string_view map_text,
                                                              const std::string& origin) {
  if (!default_siret.empty() && !IsValidSiret(default_siret)) {
    return Status::Usage("authority SIRET '" + default_siret + "' is not a valid SIRET");
  }
  std::unique_ptr<SiretDirectory> dir(new SiretDirectory(default_siret));
  std::istringstream lines{std::string(map_text)};
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    Status s = dir->AddLine(line, origin + ":" + std::to_string(number) + ": ");
    if (!s.ok()) return s;
  }
  return dir;
}

Status SiretDirectory::AddLine(const std::string& line, const std::string& where) {
  std::string trimmed = Trim(line);
  if (trimmed.empty() || trimmed[0] == '#') return Status::Ok();
  size_t sep = trimmed.find_last_of(",;");
  if (sep == std::string::npos) return Status::InvalidInput(where + "expected authority,siret");
  std::string key = Trim(trimmed.substr(0, sep));
  std::string siret = Trim(trimmed.substr(sep + 1));
  if (!IsValidSiret(siret)) {
    if (by_siren_.empty() && by_name_.empty() && siret.find_first_of("0123456789") == siret.npos) {
      return Status::Ok();  // a header row such as "authority,siret"
    }
    return Status::InvalidInput(where + "'" + siret + "' is not a valid SIRET");
  }
  if (IsSiren(key)) {
    by_siren_[key] = siret;
  } else {
    by_name_[FoldKey(key)] = siret;
  }
  return Status::Ok();
}

Result<std::string> SiretDirectory::Find(const nlohmann::json& record) const {
  std::optional<std::string> siren = RecordSiren(record);
  std::string name = StringAt(record, "/authority/name");
  std::string siret;
  if (auto it = siren ? by_siren_.find(*siren) : by_siren_.end(); it != by_siren_.end()) {
    siret = it->second;
  } else if (auto by = by_name_.find(FoldKey(name)); !name.empty() && by != by_name_.end()) {
    siret = by->second;
  } else {
    siret = default_siret_;
  }
  if (siret.empty()) {
    return Status::InvalidInput("no SIRET known for authority '" + name +
                                "' (give --authority-siret or --siret-map)");
  }
  if (siren && siret.compare(0, 9, *siren) != 0) {
    return Status::InvalidInput("SIRET " + siret + " does not belong to the authority's SIREN " +
                                *siren);
  }
  return siret;
}

}  // namespace registre
