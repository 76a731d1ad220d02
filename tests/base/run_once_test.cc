#include "base/run_once.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace registre {
namespace {

// Many threads ask at once: the function runs once, and every caller sees what it wrote.
TEST(RunOnceTest, RunsOnceAcrossThreadsAndPublishesWhatItWrote) {
  for (int round = 0; round < 50; ++round) {
    RunOnce once;
    std::atomic<int> runs{0};
    int value = 0;  // written by the function, read by every caller after Run
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&] {
        once.Run([&] {
          ++runs;
          value = 42;
        });
        if (value != 42) ++wrong;
      });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(runs.load(), 1);
    EXPECT_EQ(wrong.load(), 0);
    once.Run([&] { ++runs; });
    EXPECT_EQ(runs.load(), 1);
  }
}

}  // namespace
}  // namespace registre
