#include "extract/record_parts.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace registre {
namespace {

Parts Read(const Document& doc) {
  static const FrenchWords words(testing::BundledGrammar());
  static const PersonParser persons(testing::BundledGrammar());
  RecordPartsReader reader(testing::BundledGrammar(), words, persons);
  return reader.Read(doc, Range{0, doc.folded().size()}, Range{});
}

TEST(RecordPartsTest, VisasConsiderantsFormulaAndArticles) {
  Document doc = testing::MakeDocument(
      "Objet : Tarifs de la cantine\n\nVu le code général des collectivités territoriales ;\n"
      "Vu la délibération du 3 mars 2020 ;\nConsidérant qu’il convient de fixer\nles tarifs ;\n\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE :\n\nArticle 1er : Les tarifs sont "
      "fixés.\n"
      "Article 2 : Le Maire est chargé de l’exécution.\n\nAdopté à l’unanimité.\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.object, "Tarifs de la cantine");
  EXPECT_EQ(p.visas.size(), 2u);
  ASSERT_EQ(p.considerants.size(), 1u);
  EXPECT_EQ(p.considerants[0], "Considérant qu’il convient de fixer les tarifs ;");
  EXPECT_EQ(p.formula, "DÉCIDE");
  ASSERT_EQ(p.articles.size(), 2u);
  EXPECT_EQ(p.articles[0].label, "Article 1er");
  EXPECT_EQ(p.articles[0].number, 1);
  EXPECT_EQ(p.articles[0].text, "Les tarifs sont fixés");
  EXPECT_EQ(p.vote.unanimous, true);
  EXPECT_EQ(p.vote.result, "adopted");
}

TEST(RecordPartsTest, SplitVoteInWordsAndFigures) {
  Document doc = testing::MakeDocument(
      "DELIBERE\n\nArticle unique : Le projet est refusé.\n\n"
      "Résultat du vote : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.vote.for_count, 2);
  EXPECT_EQ(p.vote.against, 11);
  EXPECT_EQ(p.vote.abstention, 1);
  EXPECT_EQ(p.vote.unanimous, false);
  EXPECT_EQ(p.vote.result, "rejected");
}

TEST(RecordPartsTest, TallyStyleDecidesWhichNumberBelongsToWhichWord) {
  Document keyword_first =
      testing::MakeDocument("DÉLIBÉRATION APPROUVÉE : Pour 86\n\nContre 0 Abstentions 5\n");
  Parts a = Read(keyword_first);
  EXPECT_EQ(a.vote.for_count, 86);
  EXPECT_EQ(a.vote.against, 0);
  EXPECT_EQ(a.vote.abstention, 5);
  Document number_first = testing::MakeDocument("Vote : 3 abstentions 8 votes pour\n");
  Parts b = Read(number_first);
  EXPECT_EQ(b.vote.for_count, 8);
  EXPECT_EQ(b.vote.abstention, 3);
}

// A form block: each label takes the number after its colon, never the one before it.
TEST(RecordPartsTest, FormBlockBindsEachNumberToItsLabel) {
  Document form = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nVotants : 25 Abstention : M. Paul DURAND\nPour : 24\n");
  Parts a = Read(form);
  EXPECT_EQ(a.vote.voting, 25);
  EXPECT_EQ(a.vote.for_count, 24);
  EXPECT_EQ(a.vote.abstention, std::nullopt);  // 25 is the voters, not the abstentions
  Document tally = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nPour : 21 Contre : 0 Abstention : 2\n");
  Parts b = Read(tally);
  EXPECT_EQ(b.vote.for_count, 21);
  EXPECT_EQ(b.vote.against, 0);
  EXPECT_EQ(b.vote.abstention, 2);
}

TEST(RecordPartsTest, TallySplitByLineBreaks) {
  Document before = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nAdopté par 20 voix pour et 2\nabstentions.\n");
  Parts a = Read(before);
  EXPECT_EQ(a.vote.for_count, 20);
  EXPECT_EQ(a.vote.abstention, 2);
  Document colon = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nPour : 18\nAbstention\n : 1 – M. Paul DURAND\n");
  Parts b = Read(colon);
  EXPECT_EQ(b.vote.for_count, 18);
  EXPECT_EQ(b.vote.abstention, 1);
  // The split label opens the tally: the window starts at it, not at the next line.
  Document first = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nAbstention\n: 1 – M. Paul DURAND\nPour : 22\n");
  Parts d = Read(first);
  EXPECT_EQ(d.vote.for_count, 22);
  EXPECT_EQ(d.vote.abstention, 1);
  Document words = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nVote : 2 contre 3 absentions 6 votes pour\n");
  Parts c = Read(words);
  EXPECT_EQ(c.vote.for_count, 6);
  EXPECT_EQ(c.vote.against, 2);
  EXPECT_EQ(c.vote.abstention, 3);
}

TEST(RecordPartsTest, VoteWordsInFiguresAndInWords) {
  Document doc = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nVotants : vingt-cinq ; suffrages exprimés : 23 ; "
      "Pour : vingt et un ; Contre : 2 ; Abstentions : 2 ; ne prend pas part au vote : 1\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.vote.voting, 25);
  EXPECT_EQ(p.vote.expressed, 23);
  EXPECT_EQ(p.vote.for_count, 21);
  EXPECT_EQ(p.vote.against, 2);
  EXPECT_EQ(p.vote.abstention, 2);
  EXPECT_EQ(p.vote.not_voting, 1);
  Document labels = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nVote : Approbation : 20, Opposition : 2\n");
  Parts q = Read(labels);
  EXPECT_EQ(q.vote.for_count, 20);
  EXPECT_EQ(q.vote.against, 2);
  // "Approbation du budget 2024" is a title, not a tally.
  Document title = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nApprobation du budget 2024 : adopté à "
      "l'unanimité\n");
  Parts t = Read(title);
  EXPECT_EQ(t.vote.for_count, std::nullopt);
  EXPECT_EQ(t.vote.unanimous, true);
}

// The opposite cases: numbers beside "pour" or "contre" in running text are no votes, and
// the tally printed after them is the record's.
TEST(RecordPartsTest, NumbersInRunningTextAreNoVotes) {
  Document doc = testing::MakeDocument(
      "Il est proposé de céder la parcelle SA 112 pour un montant de 5 000 euros, et la "
      "parcelle 44 pour 127 m2.\nM. X demande une contre-expertise avant le vote du budget "
      "2024.\n\n. Pour : 56\n. Contre : 2\n. Adopté à la majorité.\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.vote.for_count, 56);
  EXPECT_EQ(p.vote.against, 2);
  EXPECT_EQ(p.vote.abstention, std::nullopt);
  Document none = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve la vente de la parcelle 112 pour un montant de 10 "
      "euros.\nM. X réclame une contre-expertise.\n");
  Parts q = Read(none);
  EXPECT_EQ(q.vote.for_count, std::nullopt);
  EXPECT_EQ(q.vote.against, std::nullopt);
  // "pour 44 et 112 euros" enumerates amounts; "pour 20 et 3 contre" is a tally.
  Document amounts = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\nLe conseil vend la parcelle SA 112 pour 44 et 112 "
      "euros. M. X dit qu'il va voter contre.\nAdopté à la majorité.\n");
  EXPECT_EQ(Read(amounts).vote.for_count, std::nullopt);
  Document tally = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nAdopté à la majorité : pour 20 et 3 contre.\n");
  Parts t = Read(tally);
  EXPECT_EQ(t.vote.for_count, 20);
  EXPECT_EQ(t.vote.against, 3);
}

TEST(RecordPartsTest, TallyThatDoesNotAddUpIsAWarning) {
  Vote v;
  v.for_count = 112;
  v.against = 1;
  std::vector<Warning> warnings;
  CheckTally(29, std::nullopt, &v, &warnings);
  EXPECT_EQ(v.for_count, std::nullopt);  // above the members in office: no vote count
  EXPECT_EQ(v.against, 1);
  ASSERT_FALSE(warnings.empty());
  EXPECT_EQ(warnings[0].code, "vote_count_dropped");
  Vote w;
  w.for_count = 20;
  w.abstention = 3;
  w.voting = 25;
  std::vector<Warning> mismatch;
  CheckTally(29, std::nullopt, &w, &mismatch);
  EXPECT_EQ(w.for_count, 20);  // kept, with a warning
  ASSERT_EQ(mismatch.size(), 1u);
  EXPECT_EQ(mismatch[0].code, "vote_mismatch");
  Vote ok;
  ok.for_count = 22;
  ok.abstention = 3;
  ok.voting = 25;
  std::vector<Warning> none;
  CheckTally(29, 25, &ok, &none);
  EXPECT_TRUE(none.empty());
}

// The rapporteur only where labelled; "Madame le Maire expose" and a title ("Rapporteur
// Général de la CDCI") name none.
TEST(RecordPartsTest, RapporteurOnlyWhenLabelled) {
  Document labelled = testing::MakeDocument(
      "Objet : Tarifs\nM. Jean DUPONT, rapporteur, expose :\nLe Conseil, après en avoir "
      "délibéré, DÉCIDE :\nArticle 1 : Les tarifs sont fixés.\n");
  Parts a = Read(labelled);
  ASSERT_TRUE(a.rapporteur);
  EXPECT_EQ(a.rapporteur->name, "Jean DUPONT");
  Document expose = testing::MakeDocument(
      "Objet : Tarifs\nMadame le Maire expose :\nLe Conseil, après en avoir délibéré, DÉCIDE "
      ":\nArticle 1 : Les tarifs sont fixés.\n");
  EXPECT_FALSE(Read(expose).rapporteur.has_value());
  Document title = testing::MakeDocument(
      "Etaient invités : Monsieur André MARTIN, Rapporteur Général de la CDCI.\n"
      "Le compte rendu est approuvé à l'unanimité.\n");
  EXPECT_FALSE(Read(title).rapporteur.has_value());
}

// A line opening with the assembly and its verb is the decision; the same words after
// "que" inside a sentence are not.
TEST(RecordPartsTest, FormulaOfTheAssemblyAndItsVerb) {
  Document doc = testing::MakeDocument(
      "Approbation du procès-verbal\n\nLe conseil municipal APPROUVE à l'unanimité le "
      "procès-verbal du 16 juillet 2019.\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.formula, "APPROUVE");
  EXPECT_EQ(p.vote.unanimous, true);
  Document proposal = testing::MakeDocument(
      "Subvention\n\nIl est proposé que le conseil municipal approuve la subvention.\n");
  EXPECT_EQ(Read(proposal).formula, "");
  Document result = testing::MakeDocument("Adjoints\n\nLe Conseil Adopte.\n");
  EXPECT_EQ(Read(result).formula, "");  // a result, not a formula
}

TEST(RecordPartsTest, PrefectureAcknowledgementAndClosing) {
  Document doc = testing::MakeDocument(
      "DELIBERE\n\nArticle 1 : Approuve.\n\nFait à Lyon, le 10 juillet 2023\n"
      "Reçu en préfecture le 12/07/2023\nID : 069-200046977-20230710-254316-DE-1-1\n");
  Parts p = Read(doc);
  EXPECT_EQ(p.closing_place, "Lyon");
  EXPECT_EQ(p.closing_date, "2023-07-10");
  EXPECT_EQ(p.transmitted, "2023-07-12");
  EXPECT_EQ(p.prefecture_id, "069-200046977-20230710-254316-DE");
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// A tally printed as a Markdown table: each count read from its column. A header row whose
// cells are not all vote words, or a row of as many cells that are not numbers, is no tally.
TEST(RecordPartsTest, TallyAsATablesColumns) {
  Parts p = Read(testing::MakeDocument(
      "Le conseil municipal, après en avoir délibéré, approuve le compte de gestion.\n\n"
      "| Pour | Contre | Abstention |\n| --- | --- | --- |\n| 14 | 2 | 3 |\n"));
  EXPECT_EQ(p.vote.for_count, 14);
  EXPECT_EQ(p.vote.against, 2);
  EXPECT_EQ(p.vote.abstention, 3);
  p = Read(testing::MakeDocument(
      "Le conseil municipal, après en avoir délibéré, approuve le tableau.\n\n"
      "| Pour | Montant | Année |\n| --- | --- | --- |\n| 14 | 2 | 3 |\n"));
  EXPECT_FALSE(p.vote.for_count.has_value());
  EXPECT_FALSE(p.vote.against.has_value());
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// The vote's text opens where its sentence does, whatever the line breaks: the same on a
// wrapped page and on a flattened one; it never takes the heading's title running on
// before it; a statement with no stop near opens at its line.
TEST(RecordPartsTest, TheVoteTextOpensWhereItsSentenceDoes) {
  static const FrenchWords words(testing::BundledGrammar());
  static const PersonParser persons(testing::BundledGrammar());
  RecordPartsReader reader(testing::BundledGrammar(), words, persons);
  Document wrapped = testing::MakeDocument(
      "Le Maire présente le dossier. Le procès-verbal\nest adopté à l'unanimité.\n");
  Document flat = testing::MakeDocument(
      "Le Maire présente le dossier. Le procès-verbal est adopté à l'unanimité.\n");
  const std::string want = "Le procès-verbal est adopté à l'unanimité.";
  EXPECT_EQ(Read(wrapped).vote.text, want);
  EXPECT_EQ(Read(flat).vote.text, want);

  Document titled = testing::MakeDocument(
      "I ADOPTION DU PROCES-VERBAL Le procès-verbal est adopté à l'unanimité.\n");
  const std::string& f = titled.folded();
  Range title{0, f.find(" le proces")};
  Parts p = reader.Read(titled, Range{0, f.size()}, title);
  EXPECT_EQ(p.vote.text, want);

  Document list = testing::MakeDocument("Tarifs :\n- repas " + std::string(300, 'x') +
                                        "\nPar 13 voix POUR – 1 ABSTENTION\n");
  EXPECT_EQ(Read(list).vote.text, "Par 13 voix POUR – 1 ABSTENTION");
}

}  // namespace
}  // namespace registre
