// SiretDirectory: the SIRET to publish for a record's authority (SCDL COLL_SIRET), which
// documents almost never print.
//
// Sources, most specific first: a mapping file whose keys are SIRENs (9 digits) or
// authority names (matched case- and accent-insensitively), looked up with the record's
// SIREN (authority.siren, else the one inside the @ctes identifier
// publication.prefecture_id "069-200046977-...") and then its authority name; then one
// default SIRET for the whole run. A SIRET whose first nine digits contradict the record's
// SIREN is refused. Every SIRET given is checked (Luhn) when loaded.
//
// Mapping file: UTF-8 CSV, two columns `authority,siret` (comma or semicolon), optional
// header row, '#' comments; e.g. `200046977,20004697700019` or
// `Commune de Sourdeval;21500535100016`.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace registre {

class SiretDirectory {
 public:
  static Result<std::unique_ptr<SiretDirectory>> Create(const std::string& default_siret,
                                                        const std::string& map_path);
  static Result<std::unique_ptr<SiretDirectory>> Parse(const std::string& default_siret,
                                                       std::string_view map_text,
                                                       const std::string& origin);
  ~SiretDirectory();

  // The SIRET for the record, or an error saying why there is none.
  Result<std::string> Find(const nlohmann::json& record) const;

 private:
  explicit SiretDirectory(std::string default_siret);
  Status AddLine(const std::string& line, const std::string& where);

  std::string default_siret_;
  std::map<std::string, std::string> by_siren_;
  std::map<std::string, std::string> by_name_;  // FoldKey(name) -> SIRET
};

// The record's SIREN: authority.siren, else the 9 digits after the department in the
// @ctes identifier (publication.prefecture_id), else nullopt.
std::optional<std::string> RecordSiren(const nlohmann::json& record);

}  // namespace registre
