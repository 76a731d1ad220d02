#include "extract/actes_nomenclature.h"

#include <array>
#include <cctype>

namespace registre {
namespace {

constexpr std::array<ActesMatter, 57> kMatters = {{
    {"1.1", "commande publique/marchés publics"},
    {"1.2", "commande publique/délégation de service public"},
    {"1.3", "commande publique/conventions de mandat"},
    {"1.4", "commande publique/autres types de contrats"},
    {"1.5", "commande publique/transactions protocole d'accord transactionnel"},
    {"1.6", "commande publique/actes relatifs à la maîtrise d'œuvre"},
    {"1.7", "commande publique/actes spéciaux et divers"},
    {"2.1", "urbanisme/documents d'urbanisme"},
    {"2.2", "urbanisme/actes relatifs au droit d'occupation ou d'utilisation des sols"},
    {"2.3", "urbanisme/droit de préemption urbain"},
    {"3.1", "domaine et patrimoine/acquisitions"},
    {"3.2", "domaine et patrimoine/aliénations"},
    {"3.3", "domaine et patrimoine/locations"},
    {"3.4", "domaine et patrimoine/limites territoriales"},
    {"3.5", "domaine et patrimoine/autres actes de gestion du domaine public"},
    {"3.6", "domaine et patrimoine/autres actes de gestion du domaine privé"},
    {"4.1", "fonction publique/personnels titulaires et stagiaires de la f.p.t."},
    {"4.2", "fonction publique/personnel contractuel"},
    {"4.3", "fonction publique/fonction publique hospitalière"},
    {"4.4", "fonction publique/autres catégories de personnels"},
    {"4.5", "fonction publique/régime indemnitaire"},
    {"5.1", "institutions et vie politique/élection exécutif"},
    {"5.2", "institutions et vie politique/fonctionnement des assemblées"},
    {"5.3", "institutions et vie politique/désignation de représentants"},
    {"5.4", "institutions et vie politique/délégation de fonctions"},
    {"5.5", "institutions et vie politique/délégation de signature"},
    {"5.6", "institutions et vie politique/exercice des mandats locaux"},
    {"5.7", "institutions et vie politique/intercommunalité"},
    {"5.8", "institutions et vie politique/décision d'ester en justice"},
    {"6.1", "libertés publiques et pouvoirs de police/police municipale"},
    {"6.2", "libertés publiques et pouvoirs de police/pouvoir du président du conseil général"},
    {"6.3", "libertés publiques et pouvoirs de police/pouvoir du président du conseil régional"},
    {"6.4", "libertés publiques et pouvoirs de police/autres actes réglementaires"},
    {"6.5",
     "libertés publiques et pouvoirs de police/actes pris au nom de l'état et soumis au contrôle "
     "hiérarchique"},
    {"7.1", "finances locales/décisions budgétaires"},
    {"7.2", "finances locales/fiscalité"},
    {"7.3", "finances locales/emprunts"},
    {"7.4", "finances locales/interventions économiques"},
    {"7.5", "finances locales/subventions"},
    {"7.6", "finances locales/contributions budgétaires"},
    {"7.7", "finances locales/avances"},
    {"7.8", "finances locales/fonds de concours"},
    {"7.9", "finances locales/prise de participation sem etc"},
    {"7.10", "finances locales/divers"},
    {"8.1", "domaines de compétences par thèmes/enseignement"},
    {"8.2", "domaines de compétences par thèmes/aide sociale"},
    {"8.3", "domaines de compétences par thèmes/voirie"},
    {"8.4", "domaines de compétences par thèmes/aménagement du territoire"},
    {"8.5", "domaines de compétences par thèmes/politique de la ville-habitat-logement"},
    {"8.6", "domaines de compétences par thèmes/emploi-formation professionnelle"},
    {"8.7", "domaines de compétences par thèmes/transports"},
    {"8.8", "domaines de compétences par thèmes/environnement"},
    {"8.9", "domaines de compétences par thèmes/culture"},
    {"9.1", "autres domaines de compétences/autres domaines de compétences des communes"},
    {"9.2", "autres domaines de compétences/autres domaines de compétences des départements"},
    {"9.3", "autres domaines de compétences/autres domaines de compétences des régions"},
    {"9.4", "autres domaines de compétences/vœux et motions"},
}};

constexpr std::array<std::string_view, 9> kLevel1 = {
    "commande publique",
    "urbanisme",
    "domaine et patrimoine",
    "fonction publique",
    "institutions et vie politique",
    "libertés publiques et pouvoirs de police",
    "finances locales",
    "domaines de compétences par thèmes",
    "autres domaines de compétences",
};

}  // namespace

std::span<const ActesMatter> ActesMatters() { return kMatters; }

std::span<const std::string_view> ActesLevel1Labels() { return kLevel1; }

std::optional<std::string_view> ActesScdlName(std::string_view code) {
  for (const ActesMatter& m : kMatters) {
    if (m.code == code) return m.scdl_name;
  }
  return std::nullopt;
}

std::optional<std::string> ActesLevel2Code(std::string_view printed) {
  size_t i = 0;
  while (i < printed.size() && std::isspace(static_cast<unsigned char>(printed[i]))) ++i;
  auto digit = [&](size_t k) {
    return k < printed.size() && std::isdigit(static_cast<unsigned char>(printed[k]));
  };
  if (!digit(i) || i + 1 >= printed.size() || printed[i + 1] != '.' || !digit(i + 2)) {
    return std::nullopt;
  }
  // Longest code first: "7.10" must not be read as "7.1".
  for (size_t len : {4, 3}) {
    if (i + len > printed.size()) continue;
    std::string code(printed.substr(i, len));
    if (len == 4 && !digit(i + 3)) continue;
    if (digit(i + len)) continue;  // "7.123" is no level-2 code
    if (ActesScdlName(code)) return code;
  }
  return std::nullopt;
}

}  // namespace registre
