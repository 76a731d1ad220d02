#include "output/scdl/scdl_rules.h"

#include <re2/re2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "extract/actes_nomenclature.h"
#include "text/folding.h"

namespace registre {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<long long> ToInteger(std::string_view s) {
  if (!AllDigits(s)) return std::nullopt;
  long long value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

bool IsLowerCase(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString lower = u;
  lower.toLower();
  return u == lower;
}

// A URI as Table Schema's `format: uri` means it: a scheme, a colon, no spaces.
bool LooksLikeUri(const std::string& text) {
  static const RE2 kUri(R"([A-Za-z][A-Za-z0-9+.-]*:\S+)");
  return RE2::FullMatch(text, kUri);
}

constexpr std::array<ScdlColumn, 5> kVoteGroup = {kVoteEffectif, kVoteReel, kVotePour, kVoteContre,
                                                  kVoteAbstention};

}  // namespace

bool IsScdlRequired(ScdlColumn column) { return column <= kDelibObjet; }

bool IsValidSiret(std::string_view siret) {
  if (siret.size() != 14 || !AllDigits(siret)) return false;
  if (siret.substr(0, 9) == "356000000" && siret != "35600000000048") {
    int sum = 0;
    for (char c : siret) sum += c - '0';
    return sum % 5 == 0;
  }
  int sum = 0;
  for (size_t i = 0; i < siret.size(); ++i) {
    int d = siret[siret.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto year = ToInteger(text.substr(0, 4));
  auto month = ToInteger(text.substr(5, 2));
  auto day = ToInteger(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  if (*month == 2 && !leap) return *day <= 28;
  return *day <= kDays[*month - 1];
}

namespace {

// nomenclature-actes-value: "niveau 1/niveau 2", accented lower case, no comma or
// parenthesis, no space around the slash, level 1 one of the nine labels.
void CheckMatiereNom(const std::string& nom, std::vector<ScdlViolation>& out) {
  size_t slash = nom.find('/');
  if (slash == std::string::npos || nom.find('/', slash + 1) != std::string::npos) {
    out.push_back({kDelibMatiereNom, "must be \"niveau 1/niveau 2\" with exactly one slash"});
    return;
  }
  if (nom.find_first_of(",()") != std::string::npos) {
    out.push_back({kDelibMatiereNom, "must not contain a comma or a parenthesis"});
  }
  if ((slash > 0 && nom[slash - 1] == ' ') || (slash + 1 < nom.size() && nom[slash + 1] == ' ')) {
    out.push_back({kDelibMatiereNom, "must not have a space around the slash"});
  }
  if (!IsLowerCase(nom)) out.push_back({kDelibMatiereNom, "must be in lower case"});
  std::string level1 = FoldKey(nom.substr(0, slash));
  auto labels = ActesLevel1Labels();
  bool known = std::any_of(labels.begin(), labels.end(),
                           [&](std::string_view label) { return FoldKey(label) == level1; });
  if (!known) {
    out.push_back({kDelibMatiereNom, "level 1 is not one of the nine ACTES level-1 labels"});
  }
}

void CheckFields(const ScdlRow& row, std::vector<ScdlViolation>& out) {
  if (!row[kCollSiret].empty() && !IsValidSiret(row[kCollSiret])) {
    out.push_back({kCollSiret, "not a valid SIRET (14 digits with a Luhn checksum)"});
  }
  for (ScdlColumn date : {kDelibDate, kPrefDate}) {
    if (!row[date].empty() && !IsIsoDate(row[date])) {
      out.push_back({date, "not an ISO date AAAA-MM-JJ"});
    }
  }
  static const RE2 kCode(R"(\d\.\d{1,2})");
  const std::string& code = row[kDelibMatiereCode];
  if (!code.empty() && (!RE2::FullMatch(code, kCode) || !ActesScdlName(code))) {
    out.push_back({kDelibMatiereCode, "not a level-2 code of the ACTES nomenclature"});
  }
  if (!row[kDelibMatiereNom].empty()) CheckMatiereNom(row[kDelibMatiereNom], out);
  static const RE2 kBudgetYear(R"([0-9]{4}(/[0-9]{4})?)");
  if (!row[kBudgetAnnee].empty() && !RE2::FullMatch(row[kBudgetAnnee], kBudgetYear)) {
    out.push_back({kBudgetAnnee, "not a year AAAA or AAAA/AAAA"});
  }
  for (ScdlColumn c : kVoteGroup) {
    if (!row[c].empty() && !ToInteger(row[c])) out.push_back({c, "not a non-negative integer"});
  }
  if (!row[kDelibUrl].empty() && !LooksLikeUri(row[kDelibUrl])) {
    out.push_back({kDelibUrl, "not a URI"});
  }
}

void CheckGroups(const ScdlRow& row, std::vector<ScdlViolation>& out) {
  if (row[kBudgetAnnee].empty() != row[kBudgetNom].empty()) {
    out.push_back({row[kBudgetAnnee].empty() ? kBudgetNom : kBudgetAnnee,
                   "BUDGET_ANNEE and BUDGET_NOM come together"});
  }
  size_t filled = std::count_if(kVoteGroup.begin(), kVoteGroup.end(),
                                [&](ScdlColumn c) { return !row[c].empty(); });
  if (filled != 0 && filled != kVoteGroup.size()) {
    for (ScdlColumn c : kVoteGroup) {
      if (!row[c].empty()) out.push_back({c, "the five VOTE_ columns come together"});
    }
  }
  if (IsIsoDate(row[kPrefDate]) && IsIsoDate(row[kDelibDate]) && row[kPrefDate] < row[kDelibDate]) {
    out.push_back({kPrefDate, "PREF_DATE is before DELIB_DATE"});
  }
}

void CheckVoteArithmetic(const ScdlRow& row, std::vector<ScdlViolation>& out) {
  auto effectif = ToInteger(row[kVoteEffectif]);
  auto reel = ToInteger(row[kVoteReel]);
  auto pour = ToInteger(row[kVotePour]);
  auto contre = ToInteger(row[kVoteContre]);
  auto abstention = ToInteger(row[kVoteAbstention]);
  if (effectif && reel && *effectif < *reel) {
    out.push_back({kVoteEffectif, "VOTE_EFFECTIF is smaller than VOTE_REEL"});
  }
  if (!reel || !pour || !contre || !abstention) return;
  if (*reel < *pour || *reel < *contre || *reel < *abstention) {
    out.push_back({kVoteReel, "VOTE_REEL is smaller than one of pour, contre, abstention"});
  }
  if (*reel != *pour + *contre + *abstention) {
    out.push_back({kVoteReel, "VOTE_REEL is not pour + contre + abstention"});
  }
}

}  // namespace

std::vector<ScdlViolation> CheckScdlRow(const ScdlRow& row) {
  std::vector<ScdlViolation> out;
  for (size_t c = 0; c < kScdlColumnCount; ++c) {
    if (IsScdlRequired(static_cast<ScdlColumn>(c)) && row[c].empty()) {
      out.push_back({static_cast<ScdlColumn>(c), "required value is missing"});
    }
  }
  CheckFields(row, out);
  CheckGroups(row, out);
  CheckVoteArithmetic(row, out);
  return out;
}

}  // namespace registre
