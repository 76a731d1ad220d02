// Akoma Ntoso output: every document written from the sample records validates against
// the AKN 3.0 XSD (xmllint, as the issue asks), and carries what a legal-informatics user
// looks for (FRBR URIs, persons in their roles, citations, articles, attendance, votes).
#include "output/akn/akn_sink.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

#include "output/akn/akn_document.h"
#include "output/akn/xml_text.h"
#include "support/test_util.h"

namespace registre {
namespace {

using testing::ReadFile;
using testing::ScratchDir;

std::string XsdPath() { return testing::SourceDir() + "/schemas/akn/akomantoso30.xsd"; }

bool HaveXmllint() { return std::system("xmllint --version >/dev/null 2>&1") == 0; }
constexpr const char* kNoXmllint = "xmllint is not installed (libxml2-utils: scripts/install-deps)";

// Runs a shell command, returns its exit status and standard output + error.
std::pair<int, std::string> Shell(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return {-1, ""};
  std::array<char, 4096> buffer;
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  int status = pclose(pipe);
  return {WEXITSTATUS(status), output};
}

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

std::vector<std::string> WriteFixtures(const ScratchDir& dir) {
  auto sink = MakeAknSink(dir.path());
  EXPECT_TRUE(sink.ok()) << sink.status().message();
  if (!sink.ok()) return {};
  for (const auto& record : testing::AllFixtureRecords()) {
    Status s = sink.value()->Write(record);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  EXPECT_TRUE(sink.value()->Finish().ok());
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The text of an XPath over an AKN file, namespace-agnostic via local-name().
std::string XPath(const std::string& file, const std::string& expr) {
  // XPath literals use single quotes, so the expression goes in double quotes.
  std::string out = Shell("xmllint --xpath \"" + expr + "\" " + Quoted(file)).second;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

TEST(AknSink, EveryDocumentValidatesAgainstTheXsd) {
  ASSERT_TRUE(std::filesystem::exists(XsdPath())) << XsdPath();
  ASSERT_TRUE(HaveXmllint()) << kNoXmllint;
  ScratchDir dir("akn-xsd");
  std::vector<std::string> files = WriteFixtures(dir);
  ASSERT_EQ(files.size(), testing::AllFixtureRecords().size());
  for (const std::string& file : files) {
    auto [code, output] =
        Shell("xmllint --noout --schema " + Quoted(XsdPath()) + " " + Quoted(file));
    EXPECT_EQ(code, 0) << output;
  }
}

TEST(AknSink, LyonDocumentContent) {
  ASSERT_TRUE(HaveXmllint()) << kNoXmllint;
  ScratchDir dir("akn-lyon");
  WriteFixtures(dir);
  std::string file = dir / "metropole-de-lyon_2023-07-10_cp-2023-2459.xml";
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(XPath(file, "string(//*[local-name()='FRBRWork']/*[local-name()='FRBRuri']/@value)"),
            "/akn/fr/statement/deliberation/metropole-de-lyon/2023-07-10/cp-2023-2459");
  EXPECT_EQ(XPath(file, "string(//*[local-name()='statement']/@name)"), "deliberation");
  EXPECT_EQ(XPath(file, "string(//*[local-name()='docNumber'])"), "CP-2023-2459");
  EXPECT_EQ(XPath(file, "string(//*[local-name()='docDate']/@date)"), "2023-07-10");
  EXPECT_EQ(XPath(file, "count(//*[local-name()='citation'])"), "2");
  EXPECT_EQ(XPath(file, "string(//*[local-name()='formula']/@name)"), "enactingFormula");
  EXPECT_EQ(XPath(file, "count(//*[local-name()='mainBody']/*[local-name()='paragraph'])"), "2");
  EXPECT_EQ(XPath(file, "string(//*[local-name()='paragraph'][2]/*[local-name()='num'])"), "2°");
  // Attendance: 65 in office, 59 present, 6 proxies; every member named once in references.
  EXPECT_EQ(XPath(file, "string(//*[local-name()='quorum']/@value)"), "65");
  EXPECT_EQ(XPath(file, "string(//*[@eId='attendance_present']/@value)"), "59");
  EXPECT_EQ(XPath(file, "string(//*[@eId='attendance_proxies']/@value)"), "6");
  EXPECT_EQ(XPath(file,
                  "count(//*[local-name()='container'][@name='attendance']"
                  "//*[local-name()='person'])"),
            "71");  // 59 present + 6 excused + 6 proxy holders
  EXPECT_EQ(XPath(file, "count(//*[local-name()='TLCPerson'])"), "68");  // 65 + 3 full names
  EXPECT_EQ(XPath(file, "string(//*[local-name()='person'][@as='#president'][1])"),
            "M. Bruno Bernard");
  EXPECT_EQ(XPath(file, "string(//*[local-name()='TLCRole'][@eId='president']/@showAs)"),
            "Président");
  EXPECT_EQ(XPath(file, "count(//*[local-name()='voting'])"), "0");  // no vote printed
}

TEST(AknSink, SplitVoteGoesToAnalysisAndConclusions) {
  ASSERT_TRUE(HaveXmllint()) << kNoXmllint;
  ScratchDir dir("akn-vote");
  WriteFixtures(dir);
  std::string file = dir / "commune-de-sourdeval_2021-02-09_2021-004.xml";
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(XPath(file, "string(//*[local-name()='voting']/@outcome)"), "#concept_adopted");
  EXPECT_EQ(XPath(file, "string(//*[@eId='vote_for']/@value)"), "20");
  EXPECT_EQ(XPath(file, "string(//*[@eId='vote_against']/@value)"), "3");
  EXPECT_EQ(XPath(file,
                  "count(//*[local-name()='container'][@name='vote']"
                  "//*[local-name()='person'])"),
            "5");
  EXPECT_EQ(XPath(file, "count(//*[local-name()='recital'])"), "1");
  // "ROGER Mickael" in the vote and "ROGER Mickaël" present are one TLCPerson.
  EXPECT_EQ(XPath(file, "count(//*[local-name()='TLCPerson'][@eId='person_roger-mickael'])"), "1");
  EXPECT_EQ(XPath(file, "string(//*[local-name()='conclusions']//*[local-name()='date']/@date)"),
            "2021-02-09");
}

TEST(AknDocument, EscapesMarkupInText) {
  nlohmann::json record = testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
  record["object"] = "Tarifs <2024> & \"frais\" d'accès\x01";
  record["decision"]["articles"][0]["label"] = "Art. 1<";
  auto doc = MakeAknDocument(record);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_NE(doc.value().xml.find(
                "<docTitle>Tarifs &lt;2024&gt; &amp; &quot;frais&quot; d&apos;accès</docTitle>"),
            std::string::npos);
  if (!HaveXmllint() || !std::filesystem::exists(XsdPath())) return;
  ScratchDir dir("akn-escape");
  std::ofstream(dir / "doc.xml") << doc.value().xml;
  EXPECT_EQ(
      Shell("xmllint --noout --schema " + Quoted(XsdPath()) + " " + Quoted(dir / "doc.xml")).first,
      0);
  EXPECT_EQ(XPath(dir / "doc.xml", "string(//*[local-name()='docTitle'])"),
            "Tarifs <2024> & \"frais\" d'accès");
}

TEST(AknDocument, RecordWithoutAnyDateIsRefused) {
  nlohmann::json record = testing::FixtureRecord("lyon-cp-2023-2459.jsonl", 0);
  record["session"]["date"] = nullptr;
  record["publication"]["transmitted"] = nullptr;
  record["publication"]["published"] = nullptr;
  auto doc = MakeAknDocument(record);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("no date"), std::string::npos);
}

TEST(AknDocument, RecordWithoutNumberIsNamedByItsId) {
  auto doc = MakeAknDocument(testing::FixtureRecord("saclas-cm-2011-05-12.jsonl", 0));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value().work_uri,
            "/akn/fr/statement/deliberation/commune-de-saclas/2011-05-12/rec-c8747ded880477ad-0");
}

TEST(AknSink, NeedsADirectory) { EXPECT_FALSE(MakeAknSink("").ok()); }

// Records that would share a file name are named from their ids; an id that is a path
// ("../../x", "/abs/x") writes only inside the output directory, under a name that says
// where it came from, and two such ids never share a name.
TEST(AknSink, AnIdThatIsAPathWritesOnlyInsideTheDirectory) {
  ScratchDir dir("akn-ids");
  const std::string out = dir.path() + "/out";
  auto sink = MakeAknSink(out);
  ASSERT_TRUE(sink.ok()) << sink.status().message();
  // A record with a number: the four would share the name its authority, date and number
  // make.
  nlohmann::json record;
  for (const auto& r : testing::AllFixtureRecords())
    if (r.contains("number") && r["number"].is_string()) record = r;
  ASSERT_FALSE(record.is_null());
  for (const char* id : {"first", "../../x", "/abs/x", "../../x/"}) {
    record["id"] = id;
    Status s = sink.value()->Write(record);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  ASSERT_TRUE(sink.value()->Finish().ok());
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path()))
    if (e.is_regular_file()) {
      EXPECT_EQ(e.path().parent_path(), std::filesystem::path(out)) << e.path();
      names.push_back(e.path().filename().string());
    }
  ASSERT_EQ(names.size(), 4u);
  for (const std::string& name : names) {
    EXPECT_NE(name.front(), '-') << name;
    EXPECT_NE(name.front(), '.') << name;
  }
  EXPECT_EQ(
      std::count_if(names.begin(), names.end(),
                    [](const std::string& n) { return n.find("abs-x") != std::string::npos; }),
      1);
}

// Text holding code points XML 1.0 cannot carry (U+0001, U+FFFE, U+FFFF) or bytes that
// are no UTF-8 gives a well-formed document that still validates.
TEST(AknSink, CodePointsXmlForbidsAreDropped) {
  ASSERT_TRUE(HaveXmllint()) << kNoXmllint;
  ScratchDir dir("akn-forbidden");
  auto sink = MakeAknSink(dir.path());
  ASSERT_TRUE(sink.ok());
  nlohmann::json record = testing::FixtureRecord("saclas-cm-2011-05-12.jsonl", 0);
  record["object"] = "Tarifs\x01 de la \xEF\xBF\xBE cantine \xEF\xBF\xBF & <b>";
  ASSERT_TRUE(sink.value()->Write(record).ok());
  ASSERT_TRUE(sink.value()->Finish().ok());
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    auto [code, output] =
        Shell("xmllint --noout --schema " + Quoted(XsdPath()) + " " + Quoted(e.path().string()));
    EXPECT_EQ(code, 0) << output;
    const std::string xml = ReadFile(e.path().string());
    EXPECT_NE(xml.find("Tarifs de la  cantine  &amp; &lt;b&gt;"), std::string::npos);
  }
}

TEST(XmlEscape, KeepsWhatXmlCarriesAndDropsTheRest) {
  EXPECT_EQ(XmlEscape("a\tb\nc é € 𝄞 \"'"), "a\tb\nc é € 𝄞 &quot;&apos;");
  EXPECT_EQ(XmlEscape("x\x01\x1Fy\xEF\xBF\xBE\xEF\xBF\xBFz"), "xyz");
  // Not UTF-8 (a lone continuation byte, a truncated sequence, an encoded surrogate): U+FFFD.
  EXPECT_EQ(XmlEscape("a\x80"
                      "b\xC3"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace registre
