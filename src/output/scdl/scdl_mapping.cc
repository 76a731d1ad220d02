#include "output/scdl/scdl_mapping.h"

#include "extract/actes_nomenclature.h"
#include "output/record_fields.h"

namespace registre {

ScdlMapping ScdlMapper::Map(const nlohmann::json& record) const {
  ScdlMapping out;
  ScdlRow& row = out.row;
  row[kCollNom] = OptString(record, "/authority/name").value_or("");
  if (auto siret = sirets_.Find(record); siret.ok()) {
    row[kCollSiret] = siret.value();
  } else {
    out.notes.push_back({kCollSiret, siret.status().message()});
  }
  row[kDelibId] = OptString(record, "/number").value_or("");
  if (row[kDelibId].empty()) out.notes.push_back({kDelibId, "the record has no number"});
  row[kDelibDate] = OptString(record, "/session/date").value_or("");
  if (row[kDelibDate].empty()) out.notes.push_back({kDelibDate, "the record has no session date"});
  row[kDelibObjet] = OptString(record, "/object").value_or("");
  if (row[kDelibObjet].empty()) out.notes.push_back({kDelibObjet, "the record has no object"});
  if (row[kCollNom].empty()) out.notes.push_back({kCollNom, "the record has no authority name"});
  MapMatter(record, out);
  row[kPrefDate] = OptString(record, "/publication/transmitted").value_or("");
  MapVote(record, out);
  return out;
}

void ScdlMapper::MapMatter(const nlohmann::json& record, ScdlMapping& out) const {
  std::optional<std::string> printed = OptString(record, "/matter/code");
  if (printed) {
    if (auto code = ActesLevel2Code(*printed)) {
      out.row[kDelibMatiereCode] = *code;
      out.row[kDelibMatiereNom] = std::string(*ActesScdlName(*code));
      return;
    }
    out.notes.push_back({kDelibMatiereCode,
                         "printed subject '" + *printed + "' is no ACTES level-2 code; inferring"});
  }
  std::optional<std::string> object = OptString(record, "/object");
  auto inferred = object ? matters_.Infer(*object) : std::nullopt;
  if (!inferred) {
    out.notes.push_back(
        {kDelibMatiereCode, "no subject printed and no rule of matieres.rules matches the object"});
    return;
  }
  out.row[kDelibMatiereCode] = inferred->code;
  out.row[kDelibMatiereNom] = inferred->name;
  out.matter_inferred = true;
}

void ScdlMapper::MapVote(const nlohmann::json& record, ScdlMapping& out) const {
  auto pour = OptInt(record, "/vote/for");
  auto contre = OptInt(record, "/vote/against");
  auto abstention = OptInt(record, "/vote/abstention");
  if (!pour && !contre && !abstention) return;
  if (!pour || !contre || !abstention) {
    out.notes.push_back({kVotePour,
                         "vote counts not all printed (for, against, abstention); "
                         "VOTE_ columns left empty"});
    return;
  }
  auto effectif = OptInt(record, "/attendance/members_in_office");
  if (!effectif) effectif = OptInt(record, "/attendance/voting_count");
  if (!effectif) {
    out.notes.push_back({kVoteEffectif,
                         "neither members in office nor voting count printed; "
                         "VOTE_ columns left empty"});
    return;
  }
  out.row[kVoteEffectif] = std::to_string(*effectif);
  out.row[kVoteReel] = std::to_string(*pour + *contre + *abstention);
  out.row[kVotePour] = std::to_string(*pour);
  out.row[kVoteContre] = std::to_string(*contre);
  out.row[kVoteAbstention] = std::to_string(*abstention);
}

}  // namespace registre
