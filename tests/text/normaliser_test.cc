#include "text/normaliser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "read/text_reader.h"
#include "support/test_support.h"

namespace registre {
namespace {

using testing::BundledTextRules;

NormalisedText Normalised(const std::string& text) {
  SourceText source;
  source.text = text;
  source.format = "text";
  return Normalise(source, BundledTextRules());
}

std::string Norm(const std::string& text) { return Normalised(text).text; }

bool HasWarning(const NormalisedText& n, const std::string& code) {
  for (const Warning& w : n.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

// The offset maps' contract: sizes, monotonic, and each normalised byte maps to a source
// byte that is the same character when both are ASCII letters or digits.
void ExpectMapsConsistent(const std::string& source, const NormalisedText& n) {
  ASSERT_EQ(n.source_offsets.size(), n.text.size() + 1);
  ASSERT_EQ(n.folded.to_source.size(), n.folded.text.size() + 1);
  EXPECT_EQ(n.source_offsets.back(), source.size());
  EXPECT_EQ(n.folded.to_source.back(), n.text.size());
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    ASSERT_LT(n.source_offsets[i], source.size());
    if (i > 0) {
      ASSERT_LE(n.source_offsets[i - 1], n.source_offsets[i]) << "at " << i;
    }
    if (std::isalnum(static_cast<unsigned char>(n.text[i])) &&
        std::isalnum(static_cast<unsigned char>(source[n.source_offsets[i]]))) {
      ASSERT_EQ(n.text[i], source[n.source_offsets[i]]) << "at " << i;
    }
  }
  for (std::size_t i = 1; i < n.folded.to_source.size(); ++i) {
    ASSERT_LE(n.folded.to_source[i - 1], n.folded.to_source[i]);
  }
}

TEST(NormaliserTest, NfcComposesDecomposedAccents) {
  EXPECT_EQ(Norm("De\u0301libe\u0301ration"), "Délibération");
  EXPECT_EQ(Norm("E\u0301COLE"), "ÉCOLE");
  EXPECT_EQ(Norm("\u212B"), "\u00C5");  // ANGSTROM SIGN is a singleton NFC replaces
}

// Precomposed Latin letters are copied as they are; both bytes map to the letter's start,
// and a combining mark after one still composes with it (or stays, when nothing composes).
TEST(NormaliserTest, LatinLettersKeepTheirBytesAndOffsets) {
  NormalisedText t = Normalised("façade ÿ ʼ ǅ");
  EXPECT_EQ(t.text, "façade ÿ ʼ ǅ");
  EXPECT_EQ(t.source_offsets[2], 2u);  // the two bytes of ç
  EXPECT_EQ(t.source_offsets[3], 2u);
  EXPECT_EQ(t.source_offsets[4], 4u);  // 'a' after it
  EXPECT_EQ(Norm("o\u0302 \u00f4\u0301 \u00e7\u0327"), "\u00f4 \u1ed1 \u00e7\u0327");
}

// Columns of spaces (pdftotext -layout) fold to one space mapped to the last of the run,
// beside letter-spaced words and split endings, which take the token pass.
TEST(NormaliserTest, RunsOfSpacesFoldToTheirLastSpace) {
  NormalisedText t = Normalised("Vu   le    code\nD E L I B E R E  :  Présent  s   :  M. A\n");
  EXPECT_EQ(t.text, "Vu le code\nDELIBERE : Présents : M. A");
  EXPECT_EQ(t.source_offsets[2], 4u);  // the space after "Vu" stands for the third space
  EXPECT_EQ(t.source_offsets[5], 10u);
}

TEST(NormaliserTest, EverySpaceIsFoldedToOne) {
  EXPECT_EQ(Norm("Vu\u00A0le\u202Fcode\tgénéral \u2009 des   collectivités  \n"),
            "Vu le code général des collectivités");
  EXPECT_EQ(Norm("   indented line\nnext"), "indented line\nnext");
}

TEST(NormaliserTest, SoftHyphensAndZeroWidthCharactersRemoved) {
  EXPECT_EQ(Norm("délibé\u00ADration"), "délibération");
  EXPECT_EQ(Norm("com\u00AD\nmune de Lyon"), "commune de Lyon");
  EXPECT_EQ(Norm("con\u200Bseil\uFEFF"), "conseil");
}

TEST(NormaliserTest, OcrHyphensRemoved) {
  EXPECT_EQ(Norm("la com\u00AC\nmune de"), "la commune de");
  EXPECT_EQ(Norm("la com\u00AC mune de"), "la commune de");
  EXPECT_EQ(Norm("M. Jean\u00AC\nPierre Martin"), "M. Jean-Pierre Martin");
}

TEST(NormaliserTest, LineEndHyphenationRepaired) {
  EXPECT_EQ(Norm("la com-\nmune de Pornic"), "la commune de Pornic");
  EXPECT_EQ(Norm("M. Jean-\nPierre DUPONT"), "M. Jean-Pierre DUPONT");
  // Compounds keep their hyphen.
  EXPECT_EQ(Norm("soit vingt-\ndeux voix"), "soit vingt-deux voix");
  EXPECT_EQ(Norm("il peut-\nêtre dit"), "il peut-être dit");
  EXPECT_EQ(Norm("visés ci-\ndessus"), "visés ci-dessus");
  // Not a hyphenated word: a list dash, a year range, a paragraph break.
  EXPECT_EQ(Norm("budget -\nsuite"), "budget -\nsuite");
  EXPECT_EQ(Norm("exercice 2022-\n2023"), "exercice 2022-\n2023");
  EXPECT_EQ(Norm("com-\n\nmune"), "com-\n\nmune");
}

TEST(NormaliserTest, HyphenationAcrossAPageBreakSkipsFurniture) {
  std::string text = "la com-\n\n          Page 1/2\n\f\n\nmune de Lyon\nPage 2/2";
  NormalisedText n = Normalised(text);
  EXPECT_EQ(n.text, "la commune de Lyon");
  EXPECT_EQ(n.page_count(), 2);
  std::size_t mune = n.text.find("mune");
  EXPECT_EQ(n.PageAt(mune - 1), 1);
  EXPECT_EQ(n.PageAt(mune), 2);
  ExpectMapsConsistent(text, n);
}

// A list or a sentence cut by a page end reads on: the blank lines around the counter go
// with it, with a form feed or without.
TEST(NormaliserTest, BlankLinesAtAPageEndGoWhenTheTextContinues) {
  EXPECT_EQ(Norm("M. Seguin,\n\nPage 1/2\n\nMme Vacher.\nPage 2/2"), "M. Seguin,\nMme Vacher.");
  EXPECT_EQ(Norm("a délégué une\n\n\f\n\npartie de ses attributions"),
            "a délégué une\npartie de ses attributions");
}

// The opposite cases: a line that may end its paragraph keeps the blank line, and so does a
// blank line with no page break around it.
TEST(NormaliserTest, BlankLinesAtAPageEndStayAfterAParagraphsEnd) {
  EXPECT_EQ(
      Norm("Secrétaire de séance : M. CORDIER\n\nPage 1/2\nLe compte rendu est lu.\nPage 2/2"),
      "Secrétaire de séance : M. CORDIER\n\nLe compte rendu est lu.");
  EXPECT_EQ(Norm("DELIBERE\n\n\f\n1° - Approuve"), "DELIBERE\n\n\n1° - Approuve");
  EXPECT_EQ(Norm("les membres présents,\n\nMme Vacher"), "les membres présents,\n\nMme Vacher");
}

TEST(NormaliserTest, LigaturesExpanded) {
  EXPECT_EQ(Norm("of\uFB01ce e\uFB00ectif \uFB02eur"), "office effectif fleur");
}

TEST(NormaliserTest, LetterSpacedWordsRejoined) {
  EXPECT_EQ(Norm("D E L I B E R E"), "DELIBERE");
  EXPECT_EQ(Norm("LE CONSEIL, D É L I B È R E :"), "LE CONSEIL, DÉLIBÈRE :");
  // Wider gaps separate the words.
  EXPECT_EQ(Norm("V I L L E  D E  P O R N I C"), "VILLE DE PORNIC");
  EXPECT_EQ(Norm("V I L L E   D E   P O R N I C"), "VILLE DE PORNIC");
  // One gap width: the words cannot be told apart, the run stays one word.
  EXPECT_EQ(Norm("V I L L E D E P O R N I C"), "VILLEDEPORNIC");
  EXPECT_EQ(Norm("D é l i b é r a t i o n"), "Délibération");
  // Real one-letter words are left alone.
  EXPECT_EQ(Norm("il y a à voir"), "il y a à voir");
  EXPECT_EQ(Norm("annexe A et B"), "annexe A et B");
  EXPECT_EQ(Norm("vote à D E L I B E R E"), "vote à DELIBERE");
}

TEST(NormaliserTest, JustificationSplitsRepaired) {
  EXPECT_EQ(Norm("Présent  s   : M. Athanaze"), "Présents : M. Athanaze");
  EXPECT_EQ(Norm("Absent  s   excusé  s   : M. Artigny"), "Absents excusés : M. Artigny");
  EXPECT_EQ(Norm("PRÉSENT  S  :"), "PRÉSENTS :");
  EXPECT_EQ(Norm("Absent  e  s"), "Absentes");
  EXPECT_EQ(Norm("de  la  commune"), "de la commune");
  // A checkbox column in an attendance table is not a split ending.
  EXPECT_EQ(Norm("Aimé Combaret          X"), "Aimé Combaret X");
  EXPECT_EQ(Norm("Aimé Combaret           s"), "Aimé Combaret s");
}

TEST(NormaliserTest, PageCountersAreFurniture) {
  NormalisedText n =
      Normalised("Vu le code\nPage 1/14\nVu la loi\n- 2 -\nVu le décret\n3/6\nfin\n");
  EXPECT_EQ(n.text, "Vu le code\nVu la loi\nVu le décret\nfin");
  EXPECT_EQ(n.furniture, (std::vector<std::string>{"Page 1/14", "- 2 -", "3/6"}));
  // Not counters: a count, a vote, a bigger first number.
  EXPECT_EQ(Norm("Pour : 12\n12\n14/3\n-43\n(7"), "Pour : 12\n12\n14/3\n-43\n(7");
}

TEST(NormaliserTest, BarePageNumbersAtPageEdgesAreFurniture) {
  NormalisedText n =
      Normalised("Titre\ncontenu un\n1\n\fcontenu deux\nsuite\n2\n\fcontenu trois\n3");
  EXPECT_EQ(n.text, "Titre\ncontenu un\ncontenu deux\nsuite\ncontenu trois");
  EXPECT_EQ(n.page_count(), 3);
}

std::string Page(const std::string& header, const std::string& body, const std::string& footer) {
  return header + "\n\n" + body + "\n\n" + footer + "\n\f";
}

TEST(NormaliserTest, RunningHeadersAndFootersAreFurniture) {
  std::string text;
  for (int p = 1; p <= 4; ++p) {
    std::string n = std::to_string(p);
    std::string body = "Délibération " + n + "\nVu le code, article " + n + ",\n";
    // Page 2 holds a short record whose vote line also stands mid-page.
    if (p == 2) body += "DÉCIDE\nArticle unique\nAdopté à l'unanimité\nDélibération 2 bis\n";
    for (int k = 0; k < 6; ++k) body += "Considérant le point " + std::to_string(k * p) + ",\n";
    body += "Après en avoir délibéré, DÉCIDE\nArticle " + n + "\nAdopté à l'unanimité";
    text +=
        Page("Conseil municipal du 3 mai 2021", body, "Ville de Pornic - page " + n + " - CM 2021");
  }
  NormalisedText n = Normalised(text);
  // The header stays once, as the heading of page 1; footers go; vote lines stay.
  EXPECT_EQ(n.text.find("Conseil municipal du 3 mai 2021"), 0u);
  EXPECT_EQ(n.text.find("Conseil municipal du 3 mai 2021", 1), std::string::npos);
  EXPECT_EQ(n.text.find("Ville de Pornic"), std::string::npos);
  std::size_t votes = 0;
  for (std::size_t at = n.text.find("Adopté"); at != std::string::npos;
       at = n.text.find("Adopté", at + 1)) {
    ++votes;
  }
  EXPECT_EQ(votes, 5u);
  EXPECT_EQ(n.page_count(), 5);  // the last '\f' opens an empty page
  EXPECT_EQ(n.PageAt(n.text.find("Délibération 3")), 3);
  EXPECT_EQ(n.PageAt(n.text.find_last_not_of('\n', n.text.find("Délibération 3") - 1)), 2);
  ExpectMapsConsistent(text, n);
}

TEST(NormaliserTest, RunningFooterNumberedPastNineIsOneFooter) {
  std::string text;
  for (int p = 1; p <= 12; ++p) {
    std::string body;
    for (int k = 0; k < 8; ++k) body += "Ligne " + std::to_string(p * 100 + k) + " du texte.\n";
    text += body + "\nCommune de Pierrefonds - Conseil du 10 mai 2024 – Page " + std::to_string(p) +
            " / 12\n\f";
  }
  NormalisedText n = Normalised(text);
  EXPECT_EQ(n.text.find("Pierrefonds"), std::string::npos) << n.text;
  EXPECT_EQ(n.furniture.size(), 12u);
}

TEST(NormaliserTest, RepeatedHeaderBlockWithoutFormFeedIsFurniture) {
  std::string head =
      "Commission permanente du 10 juillet 2023\n\nDélibération n° CP-2023-2459\n\n"
      "Objet : Guichet numérique métropolitain Toodego - Avenant de prolongation\n";
  std::string text = "EXTRAIT DU REGISTRE\n\n" + head + "\nPrésents : M. A, M. B,\nM. C.\n " +
                     head + "\nLa Commission permanente,\nVu le rapport\n";
  NormalisedText n = Normalised(text);
  EXPECT_EQ(n.text,
            "EXTRAIT DU REGISTRE\n\nCommission permanente du 10 juillet 2023\n\nDélibération n° "
            "CP-2023-2459\n\nObjet : Guichet numérique métropolitain Toodego - Avenant de "
            "prolongation\n\nPrésents : M. A, M. B,\nM. C.\n\n\n\n"
            "La Commission permanente,\nVu le rapport");
  EXPECT_EQ(n.furniture.size(), 3u);
}

TEST(NormaliserTest, LyonSeedDropsItsRepeatedHeaderBlock) {
  std::ifstream in(std::string(REGISTRE_SOURCE_DIR) + "/fixtures/lyon-cp-2023-2459.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  auto source = ReadText(ss.str());
  ASSERT_TRUE(source.ok());
  NormalisedText n = Normalise(source.value(), BundledTextRules());
  auto count = [&](const std::string& s) {
    std::size_t k = 0;
    for (std::size_t at = n.text.find(s); at != std::string::npos; at = n.text.find(s, at + 1)) ++k;
    return k;
  };
  EXPECT_EQ(count("Délibération n° CP-2023-2459"), 1u);
  EXPECT_EQ(count("Objet : Guichet numérique"), 1u);
  EXPECT_EQ(count("Présents : M. Athanaze"), 1u);
  EXPECT_EQ(count("Absents excusés : M. Artigny"), 1u);
  ExpectMapsConsistent(source.value().text, n);
}

TEST(NormaliserTest, MojibakeRepairedWithAWarning) {
  NormalisedText n =
      Normalised("DÃ©libÃ©ration nÂ° 12 : lâ€™assemblÃ©e, Ã  lâ€™unanimitÃ©, Å“uvre");
  EXPECT_EQ(n.text, "Délibération n° 12 : l’assemblée, à l’unanimité, œuvre");
  EXPECT_TRUE(HasWarning(n, "mojibake_repaired"));
  EXPECT_EQ(Norm("RÃ‰PUBLIQUE FRANÃ‡AISE"), "RÉPUBLIQUE FRANÇAISE");
}

// Each signature alone is enough: "Ã" + a Latin-1 byte, "â€" + one, "Å“".
TEST(NormaliserTest, EachMojibakeSignatureAloneIsRepaired) {
  EXPECT_EQ(Norm("la dÃ©cision"), "la décision");
  EXPECT_EQ(Norm("lâ€™assemblee"), "l’assemblee");
  EXPECT_EQ(Norm("Å“uvre sociale"), "œuvre sociale");
}

TEST(NormaliserTest, TextWithoutMojibakeIsLeftAlone) {
  // "É" + no-break space, "Â" in a word, "JOÃO": legitimate, and no mojibake signature.
  NormalisedText n = Normalised("ADOPTÉ\u00A0: CHÂTEAU DE JOÃO, Ãgua");
  EXPECT_EQ(n.text, "ADOPTÉ : CHÂTEAU DE JOÃO, Ãgua");
  EXPECT_FALSE(HasWarning(n, "mojibake_repaired"));
}

TEST(NormaliserTest, OffsetsMapBackToTheSource) {
  std::string text =
      "  Vu\u00A0le  code\n\nDE\u0301LIBE\u0301RE : com-\nmune\fPage 2/2\nfin \uFB01nale";
  NormalisedText n = Normalised(text);
  EXPECT_EQ(n.text, "Vu le code\n\nDÉLIBÉRE : commune\nfin finale");
  ExpectMapsConsistent(text, n);
  // Every normalised character points at where it came from.
  EXPECT_EQ(n.source_offsets[n.text.find("code")], text.find("code"));
  EXPECT_EQ(n.source_offsets[n.text.find("mune")], text.find("mune"));
  EXPECT_EQ(n.source_offsets[n.text.find("fin ")], text.find("fin "));
  EXPECT_EQ(n.source_offsets[n.text.find("finale")], text.find("\uFB01"));
  // A line break maps to the source line break.
  EXPECT_EQ(text[n.source_offsets[n.text.find('\n')]], '\n');
  // The folded view maps into the normalised text.
  std::size_t f = n.folded.text.find("deliberee");
  ASSERT_EQ(f, std::string::npos);  // "DÉLIBÉRE" folds to "deliberee"? no: one É each
  f = n.folded.text.find("delibere");
  ASSERT_NE(f, std::string::npos);
  EXPECT_EQ(n.folded.to_source[f], n.text.find("DÉLIBÉRE"));
  EXPECT_EQ(n.folded.FromSource(n.text.find("commune")), n.folded.text.find("commune"));
}

TEST(NormaliserTest, PageAtAcrossFormFeeds) {
  std::string text = "un\fdeux\n\f\ftrois\n";
  NormalisedText n = Normalised(text);
  EXPECT_EQ(n.text, "un\ndeux\ntrois");
  EXPECT_EQ(n.page_count(), 4);
  EXPECT_EQ(n.PageAt(0), 1);
  EXPECT_EQ(n.PageAt(n.text.find("deux")), 2);
  EXPECT_EQ(n.PageAt(n.text.find("deux") + 3), 2);
  EXPECT_EQ(n.PageAt(n.text.find("trois")), 4);  // page 3 is empty
  EXPECT_EQ(n.PageAt(n.text.size()), 4);
  ExpectMapsConsistent(text, n);
}

TEST(NormaliserTest, EmptyAndReplacementCharacters) {
  NormalisedText empty = Normalised("\n\n");
  EXPECT_EQ(empty.text, "");
  EXPECT_EQ(empty.source_offsets.size(), 1u);
  EXPECT_EQ(empty.PageAt(0), 1);
  EXPECT_TRUE(HasWarning(Normalised("Vu \uFFFD code"), "replacement_characters"));
}

TEST(NormaliserTest, LongRunsOfFurnitureAndBlankLinesStayLinear) {
  // 100 000 page counters between blank lines: a per-line forward scan would take minutes.
  std::string text = "Délibération\n";
  for (int i = 0; i < 100000; ++i) text += "Page 1/2\n\n";
  auto started = std::chrono::steady_clock::now();
  NormalisedText n = Normalised(text);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(n.text, "Délibération");
  EXPECT_EQ(n.furniture.size(), 100000u);
  EXPECT_LT(seconds, 10.0);
}

TEST(NormaliserTest, CorpusOffsetsStayExact) {
  for (const char* name : {"dev-001.txt", "dev-023.txt", "dev-048-debate.txt"}) {
    std::ifstream in(std::string(REGISTRE_SOURCE_DIR) + "/fixtures/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    auto source = ReadText(ss.str());
    ASSERT_TRUE(source.ok()) << name;
    SCOPED_TRACE(name);
    ExpectMapsConsistent(source.value().text, Normalise(source.value(), BundledTextRules()));
  }
}

}  // namespace
}  // namespace registre
