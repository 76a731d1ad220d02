#include "extract/sitting_inheritance.h"

#include <gtest/gtest.h>

#include "extract/segmenter.h"
#include "support/test_support.h"

namespace registre {
namespace {

Person Named(const std::string& name) {
  Person p;
  p.name = name;
  return p;
}

TEST(InheritTest, EmptyFieldsAreFilledAndOwnFieldsKept) {
  Sitting own, shared;
  own.date = "2024-05-03";
  shared.date = "2024-01-01";
  shared.authority = "COMMUNE DE PORNIC";
  shared.authority_type = "commune";
  shared.president = Named("Jean DUPONT");
  Inherit(own, shared);
  EXPECT_EQ(own.date, "2024-05-03");
  EXPECT_EQ(own.authority, "COMMUNE DE PORNIC");
  EXPECT_EQ(own.authority_type, "commune");
  ASSERT_TRUE(own.president);
  EXPECT_EQ(own.president->name, "Jean DUPONT");
}

// Lists go together: a record that prints its own lists keeps all of them, even empty ones.
TEST(InheritTest, AttendanceListsAreTakenWholeOrNotAtAll) {
  Sitting own, shared;
  shared.attendance.has_lists = true;
  shared.attendance.present = {Named("A"), Named("B")};
  shared.attendance.excused = {Named("C")};
  shared.attendance.members_in_office = 29;
  own.attendance.has_lists = true;
  own.attendance.present = {Named("A")};
  Inherit(own, shared);
  EXPECT_EQ(own.attendance.present.size(), 1u);
  EXPECT_TRUE(own.attendance.excused.empty());
  EXPECT_EQ(own.attendance.members_in_office, 29);
}

// A procès-verbal: every item speaks for the sitting its head states.
TEST(SittingInheritanceTest, ItemsOfAProcesVerbalTakeTheHeadsSitting) {
  Document doc = testing::MakeDocument(
      "COMMUNE DE PORNIC\nPROCÈS-VERBAL DU CONSEIL MUNICIPAL\nSéance du 3 mai 2024\n"
      "Présidence : M. Jean DUPONT, Maire\nPrésents : Anne MARTIN, Paul DURAND\n\n"
      "1. Travaux de voirie\nLe conseil municipal, après en avoir délibéré, DÉCIDE d'approuver "
      "les travaux.\nAdopté à l'unanimité.\n\n"
      "2. Subvention au club\nLe conseil municipal, après en avoir délibéré, DÉCIDE d'accorder "
      "la subvention.\nAdopté à l'unanimité.\n");
  const Grammar& g = testing::BundledGrammar();
  FrenchWords words(g);
  PersonParser persons(g);
  SittingReader reader(g, words, persons);
  RecordPartsReader parts_reader(g, words, persons);
  Segmentation seg = Segmenter(g).Split(doc);
  ASSERT_EQ(seg.records.size(), 2u);
  ASSERT_FALSE(seg.head.empty());
  SittingInheritance sittings(reader, doc, seg);
  for (const RecordSegment& r : seg.records) {
    Sitting s = sittings.ForRecord(r.range, parts_reader.Read(doc, r.range, r.title));
    EXPECT_EQ(s.authority, "COMMUNE DE PORNIC");
    EXPECT_EQ(s.date, "2024-05-03");
    EXPECT_EQ(s.attendance.present.size(), 2u);
  }
}

// An extract printing its counts under its decision: they are the record's when its head
// printed none; a head's own counts are not replaced.
TEST(SittingInheritanceTest, CountsPrintedUnderTheDecisionFillWhatTheHeadLacks) {
  const Grammar& g = testing::BundledGrammar();
  FrenchWords words(g);
  PersonParser persons(g);
  SittingReader reader(g, words, persons);
  RecordPartsReader parts_reader(g, words, persons);
  auto counts = [&](const std::string& text) {
    Document doc = testing::MakeDocument(text);
    Segmentation seg = Segmenter(g).Split(doc);
    EXPECT_EQ(seg.records.size(), 1u);
    SittingInheritance sittings(reader, doc, seg);
    const RecordSegment& r = seg.records.at(0);
    Attendance a = sittings.ForRecord(r.range, parts_reader.Read(doc, r.range, r.title)).attendance;
    return std::vector<std::optional<int>>{a.members_in_office, a.present_count, a.voting_count};
  };
  const std::string head =
      "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nCOMMUNE DE PORNIC\nSéance du 3 mai 2024\n";
  const std::string body =
      "Objet : Travaux de voirie\n\nLe conseil municipal, après en avoir délibéré, DÉCIDE "
      "d'approuver les travaux.\n\nMembres en exercice : 19\nPrésents : 15\nVotants : 17\n";
  EXPECT_EQ(counts(head + body), (std::vector<std::optional<int>>{19, 15, 17}));
  EXPECT_EQ(counts(head + "Nombre de conseillers en exercice : 23\n\n" + body),
            (std::vector<std::optional<int>>{23, 15, 17}));
}

}  // namespace
}  // namespace registre
