#include "text/page_furniture.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace registre {
namespace {

using testing::BundledTextRules;

// Pages of lines, laid out as the normaliser gives them to FindFurniture.
struct Paged {
  MappedText text;
  std::vector<Line> lines;
  int pages = 0;
  explicit Paged(const std::vector<std::vector<std::string>>& pages_of_lines) {
    for (const auto& page : pages_of_lines) {
      ++pages;
      for (const std::string& l : page) {
        std::size_t start = text.s.size();
        text.Append(l, static_cast<uint32_t>(start));
        lines.push_back({start, text.s.size(), static_cast<uint32_t>(text.s.size()), pages});
        text.Push('\n', static_cast<uint32_t>(text.s.size()));
      }
    }
  }
  std::vector<std::string> Furniture() const {
    std::vector<bool> f = FindFurniture(text, lines, pages, BundledTextRules());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (f[i]) out.emplace_back(LineText(text, lines[i]));
    return out;
  }
};

TEST(PageFurnitureTest, PageCountersWhereverTheyStand) {
  Paged p({{"Délibération n° 1", "Page 1/2", "Le conseil décide."}, {"- 2 -", "Suite."}});
  EXPECT_EQ(p.Furniture(), (std::vector<std::string>{"Page 1/2", "- 2 -"}));
}

TEST(PageFurnitureTest, RunningFooterOnEveryPage) {
  std::vector<std::vector<std::string>> pages;
  for (int k = 1; k <= 4; ++k)
    pages.push_back({"Article " + std::to_string(k), "Premier alinéa " + std::to_string(k),
                     "Second alinéa " + std::to_string(k), "Troisième alinéa " + std::to_string(k),
                     "Quatrième alinéa " + std::to_string(k), "Séance du 3 mai 2024"});
  Paged p(pages);
  std::vector<std::string> f = p.Furniture();
  EXPECT_EQ(f, std::vector<std::string>(4, "Séance du 3 mai 2024"));
}

// The opposite case: a line numbered like the pages but not saying "page" is content
// (record headings "Délibération n° 2", "n° 3"...).
TEST(PageFurnitureTest, NumberedHeadingsAreContent) {
  std::vector<std::vector<std::string>> pages;
  for (int k = 1; k <= 4; ++k)
    pages.push_back(
        {"Délibération n° " + std::to_string(k), "Le conseil décide " + std::to_string(k)});
  EXPECT_TRUE(Paged(pages).Furniture().empty());
}

}  // namespace
}  // namespace registre

namespace registre {
namespace {

// Lines of a text without form feeds, all on page 1 as the normaliser first gives them.
struct Unpaged {
  MappedText text;
  std::vector<Line> lines;
  explicit Unpaged(const std::vector<std::string>& all) {
    for (const std::string& l : all) {
      std::size_t start = text.s.size();
      text.Append(l, static_cast<uint32_t>(start));
      lines.push_back({start, text.s.size(), static_cast<uint32_t>(text.s.size()), 1});
      text.Push('\n', static_cast<uint32_t>(text.s.size()));
    }
  }
  std::vector<int> Pages() {
    PagesFromCounters(text, lines, testing::BundledTextRules());
    std::vector<int> out;
    for (const Line& l : lines) out.push_back(l.page);
    return out;
  }
};

TEST(PagesFromCountersTest, CountersClosingPagesStartTheNextAfterThem) {
  Unpaged t({"REPUBLIQUE FRANCAISE", "M. Seguin,", "Page 1/3", "REPUBLIQUE FRANCAISE",
             "Mme Vacher.", "Page 2/3", "REPUBLIQUE FRANCAISE", "fin", "Page 3/3"});
  EXPECT_EQ(t.Pages(), (std::vector<int>{1, 1, 1, 2, 2, 2, 3, 3, 3}));
}

TEST(PagesFromCountersTest, ACounterBeforeTheTextHeadsItsPage) {
  Unpaged t({"Page 1/2", "Le conseil", "Page 2/2", "suite"});
  EXPECT_EQ(t.Pages(), (std::vector<int>{1, 1, 2, 2}));
}

// The opposite cases: one counter alone is no pagination, and form feeds are left alone.
TEST(PagesFromCountersTest, OneCounterOrFormFeedsChangeNothing) {
  Unpaged one({"Le conseil", "1/2", "suite"});
  EXPECT_EQ(one.Pages(), (std::vector<int>{1, 1, 1}));
  Unpaged fed({"Le conseil", "Page 1/2", "suite", "Page 2/2"});
  fed.lines[2].page = fed.lines[3].page = 2;
  EXPECT_EQ(fed.Pages(), (std::vector<int>{1, 1, 2, 2}));
}

}  // namespace
}  // namespace registre
