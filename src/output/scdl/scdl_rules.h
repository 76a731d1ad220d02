// The SCDL « Délibérations » 2.1.3 row: its 17 columns and the rules a row must satisfy.
//
// CheckScdlRow applies every field rule and cross-field check of
// ../shared/standards/scdl-deliberations.md to one row and returns what fails (empty = the
// row is valid). Each violation names the column it is blamed on and whether that column
// is required: a failing required column makes the row unpublishable, a failing optional
// column can be emptied instead (cross-field checks blame the optional column).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace registre {

enum ScdlColumn : size_t {
  kCollNom,
  kCollSiret,
  kDelibId,
  kDelibDate,
  kDelibMatiereCode,
  kDelibMatiereNom,
  kDelibObjet,
  kBudgetAnnee,
  kBudgetNom,
  kPrefId,
  kPrefDate,
  kVoteEffectif,
  kVoteReel,
  kVotePour,
  kVoteContre,
  kVoteAbstention,
  kDelibUrl,
  kScdlColumnCount
};

// Header names, in the order SCDL 2.1.3 lists them.
inline constexpr std::array<std::string_view, kScdlColumnCount> kScdlColumnNames = {
    "COLL_NOM",          "COLL_SIRET",    "DELIB_ID",     "DELIB_DATE", "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM", "DELIB_OBJET",   "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
    "PREF_DATE",         "VOTE_EFFECTIF", "VOTE_REEL",    "VOTE_POUR",  "VOTE_CONTRE",
    "VOTE_ABSTENTION",   "DELIB_URL"};

// One CSV row; an empty string is an empty (absent) value.
using ScdlRow = std::array<std::string, kScdlColumnCount>;

bool IsScdlRequired(ScdlColumn column);

struct ScdlViolation {
  ScdlColumn column;
  std::string reason;  // English, names the rule: "not a valid SIRET (checksum)"
};

// 14 digits whose Luhn sum is a multiple of 10 (La Poste establishments, SIREN 356000000,
// use a sum of digits that is a multiple of 5 instead, as INSEE specifies).
bool IsValidSiret(std::string_view siret);

// A real calendar date written AAAA-MM-JJ.
bool IsIsoDate(std::string_view text);

std::vector<ScdlViolation> CheckScdlRow(const ScdlRow& row);

}  // namespace registre
