// MakeAknDocument: one deliberation record as an Akoma Ntoso 3.0 document,
// `<akomaNtoso><statement name="deliberation">`, valid against akomantoso30.xsd.
//
//   meta/identification  FRBR work /akn/fr/statement/deliberation/AUTHORITY/DATE/NUMBER,
//                        expression .../fra@, manifestation .../fra@.akn (all dated with
//                        the sitting, so the output is reproducible)
//   meta/analysis        parliamentary/quorumVerification: members in office (quorum), and
//                        counts present, excused, absent, proxies, voting; voting: for,
//                        against, abstention, not voting, with outcome adopted/rejected
//   meta/references      TLCOrganization (authority, assembly, registre), TLCPerson (every
//                        person named), TLCRole (president, rapporteur, secretary),
//                        TLCConcept (what the counts and the outcome refer to)
//   preface              docNumber, docDate, docTitle, persons in their roles, and a
//                        container "attendance" naming who was present, excused (with the
//                        proxy holder) or absent
//   preamble             citations/citation per visa, a p per opinion, recitals/recital per
//                        considérant, formula name="enactingFormula"
//   mainBody             one paragraph (num + content) per article
//   conclusions          container "vote" (sentence and named positions), closing text,
//                        place and date, signature of the president
// Person ids are made from folded names (FoldKey), so one name printed two ways is one
// TLCPerson. Records without any date (sitting, closing, transmission) cannot be named and
// are refused.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/status.h"

namespace registre {

struct AknDocument {
  std::string work_uri;   // "/akn/fr/statement/deliberation/metropole-de-lyon/2023-07-10/..."
  std::string file_name;  // "metropole-de-lyon_2023-07-10_cp-2023-2459.xml"
  std::string xml;
};

Result<AknDocument> MakeAknDocument(const nlohmann::json& record);

}  // namespace registre
