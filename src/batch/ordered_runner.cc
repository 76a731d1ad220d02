#include "batch/ordered_runner.h"

#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <exception>
#include <memory>

namespace registre {

Status RunOrdered(const std::vector<std::string>& inputs, const RunnerOptions& options,
                  const std::function<void(WorkItem&)>& process,
                  const std::function<Status(WorkItem&)>& deliver) {
  const int jobs = options.jobs < 1 ? 1 : options.jobs;
  const std::size_t tokens =
      options.max_in_flight > 0 ? options.max_in_flight : 2 * static_cast<std::size_t>(jobs);
  std::size_t next = 0;
  std::atomic<bool> stop{false};
  Status failure;

  // The arena caps the threads at `jobs`; the caller's thread is one of them.
  tbb::task_arena arena(jobs);
  arena.execute([&] {
    tbb::parallel_pipeline(
        tokens, tbb::make_filter<void, WorkItem*>(tbb::filter_mode::serial_in_order,
                                                  [&](tbb::flow_control& fc) -> WorkItem* {
                                                    if (next >= inputs.size() || stop.load()) {
                                                      fc.stop();
                                                      return nullptr;
                                                    }
                                                    auto* item = new WorkItem();
                                                    item->index = next;
                                                    item->path = inputs[next];
                                                    ++next;
                                                    return item;
                                                  }) &
                    tbb::make_filter<WorkItem*, WorkItem*>(
                        tbb::filter_mode::parallel,
                        [&](WorkItem* item) -> WorkItem* {
                          if (stop.load()) return item;
                          try {
                            process(*item);
                          } catch (const std::exception& e) {
                            item->outcome = WorkItem::Outcome::kFailed;
                            item->stage = "internal";
                            item->message = std::string("unexpected exception: ") + e.what();
                          } catch (...) {
                            item->outcome = WorkItem::Outcome::kFailed;
                            item->stage = "internal";
                            item->message = "unexpected exception";
                          }
                          return item;
                        }) &
                    tbb::make_filter<WorkItem*, void>(tbb::filter_mode::serial_in_order,
                                                      [&](WorkItem* item) {
                                                        std::unique_ptr<WorkItem> owned(item);
                                                        if (stop.load()) return;
                                                        Status s = deliver(*owned);
                                                        if (!s.ok()) {
                                                          failure = s;
                                                          stop.store(true);
                                                        }
                                                      }));
  });
  return failure;
}

}  // namespace registre
