// ScdlMapper: turns one deliberation record into one SCDL « Délibérations » row.
//
//   COLL_NOM <- authority.name            COLL_SIRET <- SiretDirectory (user-given)
//   DELIB_ID <- number                    DELIB_DATE <- session.date
//   DELIB_MATIERE_CODE/NOM <- matter.code (printed ACTES code, cut to level 2, named from
//     the nomenclature), else MatterClassifier on the object (counted as inferred)
//   DELIB_OBJET <- object                 PREF_DATE <- publication.transmitted
//   VOTE_POUR/CONTRE/ABSTENTION <- vote.for/against/abstention, VOTE_REEL <- their sum,
//   VOTE_EFFECTIF <- attendance.members_in_office, else attendance.voting_count; the five
//     are filled only when all five are known (SCDL: all or none)
//   BUDGET_ANNEE, BUDGET_NOM, PREF_ID, DELIB_URL: left empty (records do not hold them).
// Nothing is guessed beyond the subject inference: a value the record lacks stays empty and
// the mapping says why in `notes` (checked afterwards by CheckScdlRow).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/matter_classifier.h"
#include "output/scdl/scdl_rules.h"
#include "output/scdl/siret_directory.h"

namespace registre {

struct ScdlMapping {
  ScdlRow row;
  bool matter_inferred = false;
  std::vector<ScdlViolation> notes;  // values that could not be mapped, and why
};

class ScdlMapper {
 public:
  // Both must outlive the mapper.
  ScdlMapper(const SiretDirectory& sirets, const MatterClassifier& matters)
      : sirets_(sirets), matters_(matters) {}

  ScdlMapping Map(const nlohmann::json& record) const;

 private:
  void MapMatter(const nlohmann::json& record, ScdlMapping& out) const;
  void MapVote(const nlohmann::json& record, ScdlMapping& out) const;

  const SiretDirectory& sirets_;
  const MatterClassifier& matters_;
};

}  // namespace registre
