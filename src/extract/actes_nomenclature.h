// The ACTES nomenclature at level 2 (the codes SCDL DELIB_MATIERE_CODE takes), with each
// code's DELIB_MATIERE_NOM in the form SCDL asks for when the subject comes from ACTES:
// "niveau 1/niveau 2", accented lower case, no comma, no parenthesis, no space around "/"
// (so "Prise de participation (SEM, etc.)" is written "prise de participation sem etc").
// Source: ../shared/standards/scdl-deliberations.md. Read-only data.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace registre {

struct ActesMatter {
  std::string_view code;       // "7.5"
  std::string_view scdl_name;  // "finances locales/subventions"
};

std::span<const ActesMatter> ActesMatters();

// The nine level-1 labels, accented lower case ("commande publique", ...).
std::span<const std::string_view> ActesLevel1Labels();

// The SCDL name of a level-2 code, or nullopt when the code is not in the nomenclature.
std::optional<std::string_view> ActesScdlName(std::string_view code);

// The level-2 code a printed classification starts with: "7.5.2 Subventions" -> "7.5",
// "7.10" -> "7.10"; nullopt when the text does not start with a level-2 code of the table.
std::optional<std::string> ActesLevel2Code(std::string_view printed);

}  // namespace registre
