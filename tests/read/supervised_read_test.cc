// ReadSupervised: a reader that never returns is stopped at the deadline, one that eats
// memory at its budget, one that crashes is reported; the worker that took the blow is
// replaced and the next read works; what a reader returns comes back whole.
#include "read/supervised_read.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace registre {
namespace {

Result<SourceText> Echo(std::string_view bytes) {
  SourceText t;
  t.text = std::string(bytes);
  t.format = "pdf";
  t.encoding = "UTF-8";
  t.warnings.push_back({"no_text_layer", "no text layer on page 2"});
  return t;
}

Result<SourceText> Refuse(std::string_view) { return Status::InvalidInput("encrypted"); }
Result<SourceText> Unavailable(std::string_view) {
  return Status::Internal("OCR input is not available: no plugin");
}

Result<SourceText> Spin(std::string_view bytes) {
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
  return Echo(bytes);
}

Result<SourceText> Crash(std::string_view) {
  std::raise(SIGSEGV);
  return Status::Internal("not reached");
}

Result<SourceText> Hog(std::string_view) {
  std::vector<std::string> blocks;
  for (int k = 0; k < 4096; ++k) blocks.emplace_back(1 << 20, 'x');  // 4 GB
  return Status::Internal("not stopped");
}

const ReadLimits kLimits{2, std::size_t{256} << 20};

TEST(ReadSupervised, WhatTheReaderReturnsComesBackWhole) {
  const std::string bytes("%PDF-1.4\0binary\xff", 16);
  for (int round = 0; round < 3; ++round) {  // the same worker serves them all
    Result<SourceText> r = ReadSupervised(Echo, bytes, kLimits);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r.value().text, bytes);
    EXPECT_EQ(r.value().format, "pdf");
    EXPECT_EQ(r.value().encoding, "UTF-8");
    ASSERT_EQ(r.value().warnings.size(), 1u);
    EXPECT_EQ(r.value().warnings[0].message, "no text layer on page 2");
  }
  Result<SourceText> refused = ReadSupervised(Refuse, "x", kLimits);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(refused.status().message(), "encrypted");
  // Every code comes back, the last one (kInternal) included.
  Result<SourceText> unavailable = ReadSupervised(Unavailable, "x", kLimits);
  EXPECT_EQ(unavailable.status().code(), StatusCode::kInternal);
  EXPECT_EQ(unavailable.status().message(), "OCR input is not available: no plugin");
}

TEST(ReadSupervised, AReaderThatNeverReturnsIsStoppedAtTheDeadline) {
  const auto started = std::chrono::steady_clock::now();
  Result<SourceText> r = ReadSupervised(Spin, "x", ReadLimits{0.5, 0});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(r.status().code(), StatusCode::kDeadline);
  EXPECT_NE(r.status().message().find("deadline of 0.5 s"), std::string::npos)
      << r.status().message();
  EXPECT_LT(seconds, 30);  // it returned: the spinning worker was stopped
  // The next file gets a new worker.
  EXPECT_TRUE(ReadSupervised(Echo, "y", ReadLimits{0.5, 0}).ok());
}

TEST(ReadSupervised, AReaderThatCrashesOrEatsMemoryFailsAlone) {
  Result<SourceText> crashed = ReadSupervised(Crash, "x", kLimits);
  EXPECT_EQ(crashed.status().code(), StatusCode::kInternal);
  // "stopped on signal 11" from a worker of this process; from the zygote's, no signal.
  EXPECT_NE(crashed.status().message().find("stopped"), std::string::npos)
      << crashed.status().message();
  Result<SourceText> hog = ReadSupervised(Hog, "x", ReadLimits{30, std::size_t{256} << 20});
  EXPECT_EQ(hog.status().code(), StatusCode::kResourceLimit) << hog.status().message();
  EXPECT_NE(hog.status().message().find("memory budget of 256 MB"), std::string::npos);
  EXPECT_TRUE(ReadSupervised(Echo, "y", kLimits).ok());
}

// Workers forked by the zygote (the way `registre extract` runs them) serve, stop at the
// deadline, and are replaced, from any thread.
TEST(ReadSupervised, TheZygotesWorkersServeEveryThread) {
  StartReadSupervisor();
  StartReadSupervisor();  // idempotent
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&ok, t] {
      for (int k = 0; k < 5; ++k) {
        Result<SourceText> r = ReadSupervised(Echo, std::to_string(t * 10 + k), kLimits);
        ok[t] += r.ok() && r.value().text == std::to_string(t * 10 + k);
      }
    });
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(ok, (std::vector<int>{5, 5, 5, 5}));
  EXPECT_EQ(ReadSupervised(Spin, "x", ReadLimits{0.3, 0}).status().code(), StatusCode::kDeadline);
  EXPECT_EQ(ReadSupervised(Crash, "x", kLimits).status().code(), StatusCode::kInternal);
  EXPECT_TRUE(ReadSupervised(Echo, "y", kLimits).ok());
}

TEST(ReadSupervised, WithoutLimitsTheReaderRunsInTheCallingThread) {
  Result<SourceText> r = ReadSupervised(Echo, "z", ReadLimits{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().text, "z");
}

}  // namespace
}  // namespace registre
