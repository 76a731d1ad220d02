#include "text/markup.h"

#include <gtest/gtest.h>

#include <string>

namespace registre {
namespace {

const std::vector<std::pair<std::string, std::string>> kLatex = {{"circ", "°"}, {"euro", "€"}};

MappedText Identity(const std::string& s) {
  MappedText t;
  for (std::size_t i = 0; i < s.size(); ++i) t.Push(s[i], static_cast<uint32_t>(i));
  t.src.push_back(static_cast<uint32_t>(s.size()));
  return t;
}

struct Stripped {
  MappedText text;
  std::vector<uint32_t> pages;
  MarkupCounts counts;
};

Stripped Strip(const std::string& s, std::vector<uint32_t> pages = {0}) {
  Stripped r;
  r.pages = std::move(pages);
  r.text = StripMarkup(Identity(s), kLatex, &r.pages, &r.counts);
  return r;
}

const char kMarkdown[] =
    "# COMMUNE DE X\n"
    "\n"
    "## Délibération $n^{\\circ}$ 2024-01 : Tarifs ##\n"
    "**Présents :** M. Jean DUPONT\n"
    "| Nom | Observation |\n"
    "|---|:---:|\n"
    "| Mme LEROY | Pouvoir à M. DUPONT |\n"
    "* le $1^{\\text{er}}$ avril\n";

TEST(MarkupTest, MarkdownBecomesItsText) {
  Stripped r = Strip(kMarkdown);
  EXPECT_EQ(r.text.s,
            "COMMUNE DE X\n"
            "\n"
            "Délibération n° 2024-01 : Tarifs\n"
            "Présents : M. Jean DUPONT\n"
            "Nom ; Observation\n"
            "\n"
            "Mme LEROY ; Pouvoir à M. DUPONT\n"
            "- le 1er avril\n");
  EXPECT_EQ(r.counts.latex, 2u);
  EXPECT_GE(r.counts.markdown, 5u);
}

TEST(MarkupTest, EveryByteKeepsItsSourceOffset) {
  const std::string in = kMarkdown;
  Stripped r = Strip(in);
  ASSERT_EQ(r.text.src.size(), r.text.s.size() + 1);
  std::size_t at = r.text.s.find("LEROY");
  EXPECT_EQ(in.substr(r.text.src[at], 5), "LEROY");
  at = r.text.s.find("Tarifs");
  EXPECT_EQ(in.substr(r.text.src[at], 6), "Tarifs");
  EXPECT_EQ(r.text.src.back(), in.size());
}

TEST(MarkupTest, PlainTextIsLeftAlone) {
  // No Markdown: asterisks, hashes and a lone dollar stay; nothing is counted.
  const std::string plain = "# 3 items\nPrix : 500 $ et *note* 12 # fin\nM² de terrain\n";
  EXPECT_FALSE(HasMarkup("Le conseil décide.\n"));
  Stripped r = Strip(plain);
  EXPECT_EQ(r.text.s, plain);
  EXPECT_FALSE(r.counts.any());
}

TEST(MarkupTest, GlyphCodesAndSquaredNumberSigns) {
  Stripped r = Strip("Délibération n² 12 (cid:3)(cid:41)Objet\nun terrain de 40 m² 2\n");
  EXPECT_EQ(r.text.s, "Délibération n° 12 Objet\nun terrain de 40 m² 2\n");
  EXPECT_EQ(r.counts.cid, 2u);
}

TEST(MarkupTest, PageStartsMoveWithTheText) {
  // Page 2 starts at "## Page deux" (offset 18 in the input); its markers go.
  const std::string in = "# Titre\n## Un\ntexte\n## Page deux\n";
  Stripped r = Strip(in, {0, static_cast<uint32_t>(in.find("## Page"))});
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.text.s.substr(r.pages[1]), "Page deux\n");
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// An empty cell stays a place between two separators: a cell's column is its rank.
TEST(MarkupTest, AnEmptyCellKeepsItsColumn) {
  Stripped r =
      Strip("| Présents | Excusés |\n| --- | --- |\n| Anne MARTIN | |\n| | Paul DURAND |\n");
  EXPECT_NE(r.text.s.find("Anne MARTIN ;"), std::string::npos) << r.text.s;
  EXPECT_NE(r.text.s.find("; Paul DURAND"), std::string::npos) << r.text.s;
  EXPECT_EQ(r.text.s.find("Anne MARTIN\n"), std::string::npos) << r.text.s;
}

}  // namespace
}  // namespace registre
