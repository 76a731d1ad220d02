// Google Benchmark targets for the hot stages on the seed document
// (fixtures/lyon-cp-2023-2459.txt): decode+normalise, segment, the whole extraction, and the
// start-up (grammar compilation and schema loading). Throughput is reported in bytes/s of
// the input file. Patterns compile on first use: BM_StartUpAndFirstDocument is the start-up
// a user sees.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>

#include "base/home.h"
#include "extract/segmenter.h"
#include "pipeline/pipeline.h"
#include "read/text_reader.h"
#include "rules/grammar.h"
#include "text/document.h"
#include "text/normaliser.h"
#include "text/text_rules.h"

namespace registre {
namespace {

const std::string& Seed() {
  static const std::string bytes = [] {
    std::ifstream in(std::string(REGISTRE_SOURCE_DIR) + "/fixtures/lyon-cp-2023-2459.txt",
                     std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  return bytes;
}

// The normaliser's rules from the bundled grammar (loaded once).
const TextRules& Rules() {
  static const std::unique_ptr<Grammar> grammar =
      std::move(Grammar::LoadDirectory(DefaultGrammarDir())).value();
  static const TextRules rules = std::move(TextRules::FromGrammar(*grammar)).value();
  return rules;
}

void BM_Normalise(benchmark::State& state) {
  const std::string& bytes = Seed();
  for (auto _ : state) {
    auto source = ReadText(bytes);
    NormalisedText text = Normalise(source.value(), Rules());
    benchmark::DoNotOptimize(text.text.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_Normalise);

void BM_Segment(benchmark::State& state) {
  auto grammar = Grammar::LoadDirectory(DefaultGrammarDir());
  if (!grammar.ok()) {
    state.SkipWithError(grammar.status().message().c_str());
    return;
  }
  Segmenter segmenter(*grammar.value());
  const Document doc(Normalise(ReadText(Seed()).value(), Rules()));
  for (auto _ : state) {
    Segmentation seg = segmenter.Split(doc);
    benchmark::DoNotOptimize(seg.records.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Seed().size()));
}
BENCHMARK(BM_Segment);

void BM_Extract(benchmark::State& state) {
  auto pipeline = Pipeline::Create(DefaultGrammarDir(), DefaultSchemaPath());
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    auto result = pipeline.value()->Extract(Seed(), "lyon-cp-2023-2459.txt");
    benchmark::DoNotOptimize(result.ok());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Seed().size()));
}
BENCHMARK(BM_Extract);

void BM_StartUp(benchmark::State& state) {
  for (auto _ : state) {
    auto pipeline = Pipeline::Create(DefaultGrammarDir(), DefaultSchemaPath());
    benchmark::DoNotOptimize(pipeline.ok());
  }
}
BENCHMARK(BM_StartUp)->Unit(benchmark::kMillisecond);

// Patterns and sets compile on first use, so start-up is only over once a first document is
// through: loading plus one extraction of the seed, from a fresh grammar each time.
void BM_StartUpAndFirstDocument(benchmark::State& state) {
  const std::string& text = Seed();
  for (auto _ : state) {
    auto pipeline = Pipeline::Create(DefaultGrammarDir(), DefaultSchemaPath());
    auto result = pipeline.value()->Extract(text, "seed.txt");
    benchmark::DoNotOptimize(result.ok());
  }
}
BENCHMARK(BM_StartUpAndFirstDocument)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace registre

BENCHMARK_MAIN();
