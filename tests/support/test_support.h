// Helpers shared by the tests: the bundled pipeline and grammar, documents from strings,
// and the fixtures directory.
#pragma once

#include <memory>
#include <string>

#include "pipeline/pipeline.h"
#include "rules/grammar.h"
#include "text/document.h"
#include "text/text_rules.h"

namespace registre::testing {

const Grammar& BundledGrammar();
// The normaliser's rules from the bundled grammar.
const TextRules& BundledTextRules();
const Pipeline& BundledPipeline();
Document MakeDocument(const std::string& text);
std::string FixturesDir();
std::string ReadFileOrDie(const std::string& path);

}  // namespace registre::testing
