#include "output/akn/akn_document.h"

#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "output/akn/xml_text.h"
#include "output/record_fields.h"
#include "text/folding.h"

namespace registre {
namespace {

using nlohmann::json;

constexpr const char* kNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// "2023-07-10" -> "10 juillet 2023" (the way the documents print it).
std::string FrenchDate(const std::string& iso) {
  static constexpr const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                                            "mai",       "juin",    "juillet",  "août",
                                            "septembre", "octobre", "novembre", "décembre"};
  if (iso.size() != 10) return iso;
  int month = std::stoi(iso.substr(5, 2));
  int day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12) return iso;
  return (day == 1 ? std::string("1er") : std::to_string(day)) + " " + kMonths[month - 1] + " " +
         iso.substr(0, 4);
}

std::string Attr(const std::string& name, const std::string& value) {
  return " " + name + "=\"" + XmlEscape(value) + "\"";
}

// Builds one document; holds the references met while writing the body.
class Builder {
 public:
  explicit Builder(const json& record) : r_(record) {}

  Result<AknDocument> Build() {
    std::optional<std::string> date = OptString(r_, "/session/date");
    for (const char* p : {"/closing/date", "/publication/transmitted", "/publication/published"}) {
      if (!date) date = OptString(r_, p);
    }
    if (!date)
      return Status::InvalidInput("no date (sitting, closing or transmission) to name it by");
    date_ = *date;
    std::string authority = OptString(r_, "/authority/name").value_or("");
    authority_slug_ = Slug(authority, "autorite-inconnue");
    std::optional<std::string> number = OptString(r_, "/number");
    std::string number_slug = Slug(number.value_or(""), "");
    if (number_slug.empty()) number_slug = "rec-" + Slug(r_.value("id", ""), "sans-id");
    AknDocument doc;
    doc.work_uri =
        "/akn/fr/statement/deliberation/" + authority_slug_ + "/" + date_ + "/" + number_slug;
    doc.file_name = authority_slug_ + "_" + date_ + "_" + number_slug + ".xml";
    std::string preface = Preface();
    std::string preamble = Preamble();
    std::string body = MainBody();
    std::string conclusions = Conclusions();
    std::string analysis = Analysis();
    std::ostringstream xml;
    xml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<akomaNtoso xmlns=\"" << kNamespace << "\">\n"
        << "  <statement name=\"deliberation\">\n"
        << "    <meta>\n"
        << Identification(doc.work_uri, number) << analysis << References() << "    </meta>\n"
        << preface << preamble << body << conclusions << "  </statement>\n"
        << "</akomaNtoso>\n";
    doc.xml = xml.str();
    return doc;
  }

 private:
  // A lower-case ASCII id part: "Métropole de Lyon" -> "metropole-de-lyon".
  std::string Slug(const std::string& text, const std::string& fallback) const {
    std::string slug = FoldKey(text);
    for (char& c : slug) {
      if (c == ' ') c = '-';
    }
    return slug.empty() ? fallback : slug;
  }

  // Registers the person and returns the inline element naming it.
  std::string Person(const json& person, const std::string& role = "") {
    std::string name = person.value("name", "");
    std::string id = "person_" + Slug(name, "sans-nom");
    persons_.emplace(id, name);
    std::string shown = name;
    if (person.contains("civility") && person["civility"].is_string()) {
      shown = person["civility"].get<std::string>() + " " + name;
    }
    std::string as;
    if (!role.empty()) {
      roles_.insert(role);
      as = Attr("as", "#" + role);
    }
    return "<person" + Attr("refersTo", "#" + id) + as + ">" + XmlEscape(shown) + "</person>";
  }

  std::string PersonList(const json& people) {
    std::string out;
    for (const json& p : people) {
      if (!out.empty()) out += ", ";
      out += Person(p);
      if (p.contains("proxy_to") && p["proxy_to"].is_object()) {
        out += " (pouvoir à " + Person(p["proxy_to"]) + ")";
      }
      if (auto note = OptString(p, "/note")) out += " (" + XmlEscape(*note) + ")";
    }
    return out;
  }

  // Registers what a count or outcome refers to; ids are prefixed to stay apart from the
  // counts' own eIds (the XSD wants every eId unique).
  std::string Concept(const std::string& key, const std::string& shown) {
    std::string id = "concept_" + key;
    concepts_.emplace(id, shown);
    return "#" + id;
  }

  std::string Location(const std::string& place) {
    std::string id = "place_" + Slug(place, "lieu");
    locations_.emplace(id, place);
    return "<location" + Attr("refersTo", "#" + id) + ">" + XmlEscape(place) + "</location>";
  }

  std::string Identification(const std::string& work, const std::optional<std::string>& number) {
    std::string expression = work + "/fra@";
    std::string author = "#" + AuthorityId();
    std::string date = "<FRBRdate" + Attr("date", date_) + Attr("name", "adoption") + "/>\n";
    std::ostringstream o;
    o << "      <identification source=\"#registre\">\n"
      << "        <FRBRWork>\n"
      << "          <FRBRthis" << Attr("value", work + "/!main") << "/>\n"
      << "          <FRBRuri" << Attr("value", work) << "/>\n"
      << "          " << date << "          <FRBRauthor" << Attr("href", author) << "/>\n"
      << "          <FRBRcountry value=\"fr\"/>\n";
    if (number) o << "          <FRBRnumber" << Attr("value", *number) << "/>\n";
    o << "          <FRBRname value=\"deliberation\"/>\n"
      << "        </FRBRWork>\n"
      << "        <FRBRExpression>\n"
      << "          <FRBRthis" << Attr("value", expression + "/!main") << "/>\n"
      << "          <FRBRuri" << Attr("value", expression) << "/>\n"
      << "          " << date << "          <FRBRauthor" << Attr("href", author) << "/>\n"
      << "          <FRBRlanguage language=\"fra\"/>\n"
      << "        </FRBRExpression>\n"
      << "        <FRBRManifestation>\n"
      << "          <FRBRthis" << Attr("value", expression + "/!main.xml") << "/>\n"
      << "          <FRBRuri" << Attr("value", expression + ".akn") << "/>\n"
      << "          " << date << "          <FRBRauthor href=\"#registre\"/>\n"
      << "        </FRBRManifestation>\n"
      << "      </identification>\n";
    return o.str();
  }

  std::string AuthorityId() const { return "org_" + authority_slug_; }

  std::string Count(const char* element, const std::string& id, long long value,
                    const std::string& concept_id, const std::string& shown) {
    return std::string("            <") + element + Attr("eId", id) +
           Attr("value", std::to_string(value)) + Attr("refersTo", Concept(concept_id, shown)) +
           "/>\n";
  }

  std::string Analysis() {
    std::ostringstream o;
    o << "      <analysis source=\"#registre\">\n        <parliamentary>\n"
      << "          <quorumVerification eId=\"attendance\">\n";
    if (auto n = OptInt(r_, "/attendance/members_in_office")) {
      o << Count("quorum", "attendance_inOffice", *n, "membersInOffice", "membres en exercice");
    }
    const std::pair<const char*, const char*> kComputed[] = {{"present", "présents"},
                                                             {"excused", "excusés"},
                                                             {"absent", "absents"},
                                                             {"proxies", "pouvoirs"},
                                                             {"voting", "votants"}};
    for (const auto& [key, shown] : kComputed) {
      auto n = OptInt(r_, std::string("/attendance/computed/") + key);
      if (n) o << Count("count", std::string("attendance_") + key, *n, key, shown);
    }
    o << "          </quorumVerification>\n"
      << Voting() << "        </parliamentary>\n"
      << "      </analysis>\n";
    return o.str();
  }

  std::string Voting() {
    const std::pair<const char*, const char*> kCounts[] = {{"for", "pour"},
                                                           {"against", "contre"},
                                                           {"abstention", "abstentions"},
                                                           {"not_voting", "ne prennent pas part"}};
    std::string counts;
    for (const auto& [key, shown] : kCounts) {
      auto n = OptInt(r_, std::string("/vote/") + key);
      if (n)
        counts += Count("count", std::string("vote_") + key, *n, std::string("vote_") + key, shown);
    }
    if (counts.empty()) return "";  // voting needs at least one count
    std::string outcome;
    if (auto result = OptString(r_, "/vote/result")) {
      outcome = Attr("outcome", Concept(*result, *result == "adopted" ? "adopté" : "rejeté"));
    }
    return "          <voting eId=\"vote\"" + outcome + ">\n" + counts + "          </voting>\n";
  }

  std::string References() {
    std::ostringstream o;
    o << "      <references source=\"#registre\">\n";
    std::string authority = OptString(r_, "/authority/name").value_or("autorité inconnue");
    o << "        <TLCOrganization" << Attr("eId", AuthorityId())
      << Attr("href", "/akn/ontology/organization/fr/" + authority_slug_)
      << Attr("showAs", authority) << "/>\n";
    if (auto assembly = OptString(r_, "/assembly/name")) {
      o << "        <TLCOrganization" << Attr("eId", "body_" + Slug(*assembly, "assemblee"))
        << Attr("href", "/akn/ontology/organization/fr/" + authority_slug_ + "/" +
                            Slug(*assembly, "assemblee"))
        << Attr("showAs", *assembly) << "/>\n";
    }
    o << "        <TLCOrganization eId=\"registre\" href=\"/akn/ontology/organization/registre\" "
         "showAs=\"registre (extraction automatique)\"/>\n";
    for (const auto& [id, name] : persons_) {
      o << "        <TLCPerson" << Attr("eId", id)
        << Attr("href", "/akn/ontology/person/fr/" + authority_slug_ + "/" + id.substr(7))
        << Attr("showAs", name) << "/>\n";
    }
    static const std::map<std::string, std::string> kRoleNames = {
        {"president", "Président"}, {"rapporteur", "Rapporteur"}, {"secretary", "Secrétaire"}};
    for (const std::string& role : roles_) {
      o << "        <TLCRole" << Attr("eId", role) << Attr("href", "/akn/ontology/role/fr/" + role)
        << Attr("showAs", kRoleNames.at(role)) << "/>\n";
    }
    for (const auto& [id, place] : locations_) {
      o << "        <TLCLocation" << Attr("eId", id)
        << Attr("href", "/akn/ontology/location/fr/" + id.substr(6)) << Attr("showAs", place)
        << "/>\n";
    }
    for (const auto& [id, shown] : concepts_) {
      o << "        <TLCConcept" << Attr("eId", id)
        << Attr("href", "/akn/ontology/concept/fr/deliberation/" + id.substr(8))
        << Attr("showAs", shown) << "/>\n";
    }
    o << "      </references>\n";
    return o.str();
  }

  std::string Preface() {
    std::ostringstream o;
    o << "    <preface>\n";
    std::string authority = OptString(r_, "/authority/name").value_or("");
    if (!authority.empty()) {
      o << "      <p><organization" << Attr("refersTo", "#" + AuthorityId()) << ">"
        << XmlEscape(authority) << "</organization>";
      if (auto assembly = OptString(r_, "/assembly/name")) o << " – " << XmlEscape(*assembly);
      o << "</p>\n";
    }
    if (auto number = OptString(r_, "/number")) {
      o << "      <p>Délibération n° <docNumber>" << XmlEscape(*number) << "</docNumber></p>\n";
    }
    if (auto date = OptString(r_, "/session/date")) {
      o << "      <p>Séance du <docDate" << Attr("date", *date) << ">" << FrenchDate(*date)
        << "</docDate></p>\n";
    }
    if (auto object = OptString(r_, "/object")) {
      o << "      <p><docTitle>" << XmlEscape(*object) << "</docTitle></p>\n";
    }
    o << Roles() << Attendance();
    o << "    </preface>\n";
    return o.str();
  }

  std::string Roles() {
    std::string out;
    if (r_.value("president", json()).is_object()) {
      out += "      <p>Président : " + Person(r_["president"], "president") + "</p>\n";
    }
    if (r_.value("rapporteur", json()).is_object()) {
      out += "      <p>Rapporteur : " + Person(r_["rapporteur"], "rapporteur") + "</p>\n";
    }
    for (const json& s : ArrayAt(r_, "/secretaries")) {
      out += "      <p>Secrétaire : " + Person(s, "secretary") + "</p>\n";
    }
    return out;
  }

  std::string Attendance() {
    std::string lines;
    if (auto n = OptInt(r_, "/attendance/members_in_office")) {
      lines += "        <p>Membres en exercice : " + std::to_string(*n) + "</p>\n";
    }
    const std::pair<const char*, const char*> kLists[] = {
        {"present", "Présents"}, {"excused", "Excusés"}, {"absent", "Absents"}};
    for (const auto& [key, label] : kLists) {
      const json& people = ArrayAt(r_, std::string("/attendance/") + key);
      if (people.empty()) continue;
      lines += std::string("        <p class=\"") + key + "\">" + label + " : " +
               PersonList(people) + "</p>\n";
    }
    if (lines.empty()) return "";
    return "      <container name=\"attendance\">\n" + lines + "      </container>\n";
  }

  // <outer> holding one <inner><p>text</p></inner> per item of `items`; nothing when empty.
  static void AppendTexts(std::ostringstream& o, const json& items, const char* outer,
                          const char* inner) {
    if (items.empty()) return;
    o << "      <" << outer << ">\n";
    for (const json& item : items) {
      o << "        <" << inner << "><p>" << XmlEscape(item.value("text", "")) << "</p></" << inner
        << ">\n";
    }
    o << "      </" << outer << ">\n";
  }

  std::string Preamble() {
    std::ostringstream o;
    AppendTexts(o, ArrayAt(r_, "/visas"), "citations", "citation");
    for (const json& opinion : ArrayAt(r_, "/opinions")) {
      o << "      <p class=\"opinion\">" << XmlEscape(opinion.value("text", "")) << "</p>\n";
    }
    AppendTexts(o, ArrayAt(r_, "/considerants"), "recitals", "recital");
    if (auto formula = OptString(r_, "/decision/formula")) {
      o << "      <formula name=\"enactingFormula\"><p>" << XmlEscape(*formula)
        << "</p></formula>\n";
    }
    std::string inner = o.str();
    return inner.empty() ? "" : "    <preamble>\n" + inner + "    </preamble>\n";
  }

  std::string MainBody() {
    std::ostringstream o;
    o << "    <mainBody>\n";
    const json& articles = ArrayAt(r_, "/decision/articles");
    int n = 0;
    for (const json& a : articles) {
      o << "      <paragraph eId=\"para_" << ++n << "\"><num>" << XmlEscape(a.value("label", ""))
        << "</num><content><p>" << XmlEscape(a.value("text", "")) << "</p></content></paragraph>\n";
    }
    if (articles.empty()) o << "      <p/>\n";  // no article printed; mainBody cannot be empty
    o << "    </mainBody>\n";
    return o.str();
  }

  std::string VoteContainer() {
    std::string lines;
    if (auto text = OptString(r_, "/vote/text"))
      lines += "        <p>" + XmlEscape(*text) + "</p>\n";
    const std::pair<const char*, const char*> kNamed[] = {
        {"against_names", "Contre"},
        {"abstention_names", "Abstentions"},
        {"not_voting_names", "Ne prennent pas part au vote"}};
    for (const auto& [key, label] : kNamed) {
      const json& people = ArrayAt(r_, std::string("/vote/") + key);
      if (people.empty()) continue;
      lines += std::string("        <p>") + label + " : " + PersonList(people) + "</p>\n";
    }
    if (lines.empty()) return "";
    return "      <container name=\"vote\">\n" + lines + "      </container>\n";
  }

  std::string Conclusions() {
    std::string out = VoteContainer();
    if (auto text = OptString(r_, "/closing/text"))
      out += "      <p>" + XmlEscape(*text) + "</p>\n";
    auto place = OptString(r_, "/closing/place");
    auto date = OptString(r_, "/closing/date");
    if (place || date) {
      out += "      <p>";
      if (place) out += Location(*place);
      if (place && date) out += ", le ";
      if (date) out += "<date" + Attr("date", *date) + ">" + FrenchDate(*date) + "</date>";
      out += "</p>\n";
    }
    if (r_.value("president", json()).is_object()) {
      out += "      <p><signature>" + Person(r_["president"], "president") + "</signature></p>\n";
    }
    return out.empty() ? "" : "    <conclusions>\n" + out + "    </conclusions>\n";
  }

  const json& r_;
  std::string date_;
  std::string authority_slug_;
  std::map<std::string, std::string> persons_;  // eId -> name as first printed
  std::set<std::string> roles_;
  std::map<std::string, std::string> concepts_;   // eId -> shown
  std::map<std::string, std::string> locations_;  // eId -> place as printed
};

}  // namespace

Result<AknDocument> MakeAknDocument(const nlohmann::json& record) {
  return Builder(record).Build();
}

}  // namespace registre
