#include "support/test_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "base/home.h"
#include "read/text_reader.h"
#include "text/normaliser.h"

namespace registre::testing {

const Grammar& BundledGrammar() {
  static const std::unique_ptr<Grammar> grammar = [] {
    auto g = Grammar::LoadDirectory(DefaultGrammarDir());
    if (!g.ok()) throw std::runtime_error(g.status().message());
    return std::move(g).value();
  }();
  return *grammar;
}

const TextRules& BundledTextRules() {
  static const TextRules rules = [] {
    auto r = TextRules::FromGrammar(BundledGrammar());
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return rules;
}

const Pipeline& BundledPipeline() {
  static const std::unique_ptr<Pipeline> pipeline = [] {
    auto p = Pipeline::Create(DefaultGrammarDir(), DefaultSchemaPath());
    if (!p.ok()) throw std::runtime_error(p.status().message());
    return std::move(p).value();
  }();
  return *pipeline;
}

Document MakeDocument(const std::string& text) {
  SourceText source;
  source.text = text;
  source.format = "text";
  return Document(Normalise(source, BundledTextRules()));
}

std::string FixturesDir() { return std::string(REGISTRE_SOURCE_DIR) + "/fixtures"; }

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace registre::testing
