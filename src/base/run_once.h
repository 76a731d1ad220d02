// RunOnce: std::call_once whose common case, already done, is one atomic load.
//
// libstdc++'s call_once sets two thread-locals and calls pthread_once on every call, done or
// not. Patterns and sets are compiled on first use and asked for hundreds of thousands of
// times a run, so that cost showed in profiles.
#pragma once

#include <atomic>
#include <mutex>

namespace registre {

class RunOnce {
 public:
  // Runs f the first time, once across threads; later calls return at once. Callers that
  // return after Run see everything f wrote.
  template <class F>
  void Run(F&& f) {
    if (done_.load(std::memory_order_acquire)) return;
    std::call_once(flag_, [&] {
      f();
      done_.store(true, std::memory_order_release);
    });
  }

 private:
  std::atomic<bool> done_{false};
  std::once_flag flag_;
};

}  // namespace registre
