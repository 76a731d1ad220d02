#include "record/record_builder.h"

#include <set>

#include "base/json_object.h"

namespace registre {
namespace {

using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json OrNull(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json Persons(const std::vector<Person>& list, bool with_proxy) {
  json out = json::array();
  for (const Person& p : list) out.push_back(PersonToJson(p, with_proxy));
  return out;
}

json Texts(const std::vector<std::string>& items) {
  json out = json::array();
  for (const std::string& t : items) out.push_back(Obj("text", t, "references", json::array()));
  return out;
}

json Span(const Document& doc, Range r) {
  std::size_t start = doc.TextOffset(r.start), end = doc.TextOffset(r.end);
  return Obj("page", doc.normalised().PageAt(start), "start", start, "end", std::max(start, end));
}

json AttendanceJson(const Attendance& a, std::vector<Warning>* warnings) {
  int proxies = 0;
  for (const Person& p : a.excused) proxies += p.proxy_to ? 1 : 0;
  int present = static_cast<int>(a.present.size());
  json computed =
      Obj("present", present, "excused", static_cast<int>(a.excused.size()), "proxies", proxies,
          "absent", static_cast<int>(a.absent.size()), "voting", present + proxies);
  if (a.present_count && present > 0 && *a.present_count != present) {
    warnings->push_back(
        {"count_mismatch", "printed present count " + std::to_string(*a.present_count) + " but " +
                               std::to_string(present) + " names listed as present"});
  }
  if (a.voting_count && present > 0 && *a.voting_count != present + proxies) {
    warnings->push_back(
        {"count_mismatch", "printed voting count " + std::to_string(*a.voting_count) +
                               " but present + proxies = " + std::to_string(present + proxies)});
  }
  int listed = present + static_cast<int>(a.excused.size() + a.absent.size());
  if (a.members_in_office && listed > *a.members_in_office) {
    warnings->push_back({"count_mismatch", std::to_string(listed) + " members listed but " +
                                               std::to_string(*a.members_in_office) +
                                               " printed as in office"});
  }
  return Obj("members_in_office", OrNull(a.members_in_office), "present_count",
             OrNull(a.present_count), "voting_count", OrNull(a.voting_count), "present",
             Persons(a.present, false), "excused", Persons(a.excused, true), "absent",
             Persons(a.absent, false), "computed", std::move(computed));
}

json VoteJson(const Vote& v) {
  return Obj("unanimous", v.unanimous ? json(*v.unanimous) : json(nullptr), "for",
             OrNull(v.for_count), "against", OrNull(v.against), "abstention", OrNull(v.abstention),
             "not_voting", OrNull(v.not_voting), "result", OrNull(v.result), "against_names",
             Persons(v.against_names, false), "abstention_names",
             Persons(v.abstention_names, false), "not_voting_names",
             Persons(v.not_voting_names, false), "text", OrNull(v.text));
}

json Assemble(const RecordInputs& in, json attendance,
              const std::vector<Warning>& attendance_warnings) {
  const Document& doc = *in.doc;
  const Sitting& s = in.sitting;
  const Parts& p = in.parts;
  std::vector<Warning> warnings = in.warnings;
  for (const Warning& w : s.warnings) warnings.push_back(w);
  for (const Warning& w : p.warnings) warnings.push_back(w);

  std::set<int> pages;
  int first = doc.PageAt(in.range.start),
      last = doc.PageAt(in.range.end > in.range.start ? in.range.end - 1 : in.range.start);
  for (int k = first; k <= last; ++k) pages.insert(k);

  json articles = json::array();
  for (const Article& a : p.articles) {
    articles.push_back(Obj("label", a.label, "number", OrNull(a.number), "text", a.text));
  }
  json spans = Obj("record", Span(doc, in.range));
  if (!s.attendance.span.empty()) spans["attendance"] = Span(doc, s.attendance.span);
  if (!p.object_range.empty()) spans["object"] = Span(doc, p.object_range);
  if (!p.visas_range.empty()) spans["visas"] = Span(doc, p.visas_range);
  if (!p.considerants_range.empty()) spans["considerants"] = Span(doc, p.considerants_range);
  if (!p.report_range.empty()) spans["report"] = Span(doc, p.report_range);
  if (!p.decision_range.empty()) spans["decision"] = Span(doc, p.decision_range);
  if (!p.vote.range.empty()) spans["vote"] = Span(doc, p.vote.range);

  warnings.insert(warnings.end(), attendance_warnings.begin(), attendance_warnings.end());
  json warn = json::array();
  for (const Warning& w : warnings) warn.push_back(Obj("code", w.code, "message", w.message));

  std::string siren;
  if (p.prefecture_id.size() > 13) siren = p.prefecture_id.substr(4, 9);

  return Obj(
      "schema_version", "1.0", "id",
      in.source.sha256.substr(0, 16) + "-" + std::to_string(in.index), "source",
      Obj("file", in.source.file, "sha256", in.source.sha256, "format", in.source.format, "index",
          in.index, "pages", std::vector<int>(pages.begin(), pages.end())),
      "authority",
      Obj("name", OrNull(s.authority), "type", OrNull(s.authority_type), "siren", OrNull(siren)),
      "assembly", Obj("name", OrNull(s.assembly), "kind", OrNull(s.assembly_kind)), "session",
      Obj("date", OrNull(s.date), "convocation_date", OrNull(s.convocation_date), "place",
          OrNull(s.place), "time", OrNull(s.time)),
      "number", in.number.empty() ? json(nullptr) : json(doc.Text(in.number)), "object",
      OrNull(p.object), "matter", Obj("code", OrNull(p.matter_code), "name", nullptr), "service",
      OrNull(p.service), "commissions",
      Obj("for_opinion", p.for_opinion, "for_information", p.for_information), "president",
      s.president ? PersonToJson(*s.president, false) : json(nullptr), "rapporteur",
      p.rapporteur ? PersonToJson(*p.rapporteur, false) : json(nullptr), "secretaries",
      Persons(s.secretaries, false), "attendance", std::move(attendance), "report",
      Obj("date", OrNull(p.report_date), "text", OrNull(p.report_text)), "visas", Texts(p.visas),
      "considerants", Texts(p.considerants), "opinions", Texts(p.opinions), "decision",
      Obj("formula", OrNull(p.formula), "articles", std::move(articles)), "vote", VoteJson(p.vote),
      "closing",
      Obj("text", OrNull(p.closing_text), "place", OrNull(p.closing_place), "date",
          OrNull(p.closing_date)),
      "publication",
      Obj("prefecture_id", OrNull(p.prefecture_id), "transmitted", OrNull(p.transmitted),
          "published", OrNull(p.published)),
      "spans", std::move(spans), "warnings", std::move(warn));
}

}  // namespace

nlohmann::json RecordBuilder::Build(const RecordInputs& in) {
  repeated_ = last_ && *last_ == in.sitting.attendance;
  if (!repeated_) {
    last_warnings_.clear();
    last_json_ = AttendanceJson(in.sitting.attendance, &last_warnings_);
    last_ = in.sitting.attendance;
  }
  return Assemble(in, last_json_, last_warnings_);
}

nlohmann::json BuildRecord(const RecordInputs& in) {
  std::vector<Warning> warnings;
  json attendance = AttendanceJson(in.sitting.attendance, &warnings);
  return Assemble(in, std::move(attendance), warnings);
}

}  // namespace registre
