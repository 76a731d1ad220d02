#include "read/supervised_read.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <vector>

namespace registre {
namespace {

// Messages are a 64-bit length then that many bytes. An answer is a status code byte, a
// "retiring" byte (the worker leaves after it), then length-prefixed strings: the message,
// or the text, format, encoding, number of warnings and each warning's code and message.
void PutString(std::string& out, std::string_view s) {
  const std::uint64_t n = s.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(s);
}

bool GetString(std::string_view& in, std::string* s) {
  std::uint64_t n = 0;
  if (in.size() < sizeof n) return false;
  std::memcpy(&n, in.data(), sizeof n);
  in.remove_prefix(sizeof n);
  if (in.size() < n) return false;
  s->assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

std::string Encode(const Result<SourceText>& r, bool retiring) {
  std::string out;
  out += static_cast<char>(r.ok() ? StatusCode::kOk : r.status().code());
  out += static_cast<char>(retiring ? 1 : 0);
  if (!r.ok()) {
    PutString(out, r.status().message());
    return out;
  }
  const SourceText& t = r.value();
  PutString(out, t.text);
  PutString(out, t.format);
  PutString(out, t.encoding);
  PutString(out, std::to_string(t.warnings.size()));
  for (const Warning& w : t.warnings) {
    PutString(out, w.code);
    PutString(out, w.message);
  }
  return out;
}

Result<SourceText> Decode(std::string_view in, bool* retiring) {
  const Status broken = Status::Internal("the supervised reader sent an unreadable answer");
  if (in.size() < 2) return broken;
  const auto code = static_cast<StatusCode>(in[0]);
  *retiring = in[1] != 0;
  in.remove_prefix(2);
  if (code != StatusCode::kOk) {
    std::string message;
    // kInternal is the last code: a worker's internal error (a reader that threw) is an answer.
    if (!GetString(in, &message) || code > StatusCode::kInternal) return broken;
    return Status::WithCode(code, message);
  }
  SourceText t;
  std::string count;
  if (!GetString(in, &t.text) || !GetString(in, &t.format) || !GetString(in, &t.encoding) ||
      !GetString(in, &count))
    return broken;
  std::size_t n = 0;
  for (char c : count) {
    if (c < '0' || c > '9' || n > 1'000'000) return broken;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  for (std::size_t k = 0; k < n; ++k) {
    Warning w;
    if (!GetString(in, &w.code) || !GetString(in, &w.message)) return broken;
    t.warnings.push_back(std::move(w));
  }
  return t;
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool SendMessage(int fd, std::string_view body) {
  const std::uint64_t n = body.size();
  return WriteAll(fd, std::string_view(reinterpret_cast<const char*>(&n), sizeof n)) &&
         WriteAll(fd, body);
}

// Blocking read of exactly `n` bytes (the worker's side); false at end of input.
bool ReadExactly(int fd, char* out, std::size_t n) {
  while (n > 0) {
    const ssize_t got = read(fd, out, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out += got;
    n -= static_cast<std::size_t>(got);
  }
  return true;
}

// The process's address space now, in bytes (/proc/self/statm, first field in pages).
std::size_t AddressSpaceBytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::string MemoryMessage(std::size_t budget) {
  return "memory budget of " + std::to_string(budget >> 20) +
         " MB used up while reading (--max-memory)";
}

// The worker: answers requests until its input ends, its creator thread ends, or its memory
// grew past half its budget.
[[noreturn]] void WorkerLoop(int fd, pid_t parent, SupervisedReader reader,
                             const ReadLimits& limits) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);
  const std::size_t base = AddressSpaceBytes();
  if (limits.max_memory_bytes > 0) {
    const rlim_t cap = base + limits.max_memory_bytes;
    const rlimit limit{cap, cap};
    setrlimit(RLIMIT_AS, &limit);
  }
  for (;;) {
    std::uint64_t n = 0;
    if (!ReadExactly(fd, reinterpret_cast<char*>(&n), sizeof n)) _exit(0);
    std::string answer;
    try {
      std::string bytes(n, '\0');
      if (!ReadExactly(fd, bytes.data(), n)) _exit(0);
      Result<SourceText> r = reader(bytes);
      const bool retiring =
          limits.max_memory_bytes > 0 && AddressSpaceBytes() > base + limits.max_memory_bytes / 2;
      answer = Encode(r, retiring);
    } catch (const std::bad_alloc&) {
      answer = Encode(Status::ResourceLimit(MemoryMessage(limits.max_memory_bytes)), true);
    } catch (const std::exception& e) {
      answer = Encode(Status::Internal(std::string("reader failed: ") + e.what()), true);
    }
    if (!SendMessage(fd, answer)) _exit(3);
    if (answer[1] != 0) _exit(0);
  }
}

struct Worker {
  SupervisedReader reader = nullptr;
  ReadLimits limits;
  pid_t pid = -1;
  int fd = -1;
  bool own = true;  // forked by this process (else by the zygote: not ours to wait for)
};

void Stop(Worker& w, bool kill_it) {
  if (w.fd >= 0) close(w.fd);
  if (w.pid > 0) {
    if (kill_it) kill(w.pid, SIGKILL);
    int status = 0;
    while (w.own && waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  w.pid = -1;
  w.fd = -1;
}

// The workers of one thread, stopped when the thread ends.
struct ThreadWorkers {
  std::vector<Worker> workers;
  ~ThreadWorkers() {
    for (Worker& w : workers) Stop(w, /*kill_it=*/true);
  }
};

// The zygote: a process forked while the program was single-threaded, that forks the
// workers on request. A worker forked from a thread of a busy process inherits the locks
// other threads held at that moment: one was stuck forever on ICU's one-time initialisation
// another thread was running (1 run in 150 of a PDF and a text with --jobs 2).
struct ZygoteRequest {
  SupervisedReader reader;
  ReadLimits limits;
};

struct Zygote {
  std::mutex mu;
  int fd = -1;
};

Zygote& TheZygote() {
  static Zygote z;
  return z;
}

// Sends `fd` and `pid` over the socket `to` (SCM_RIGHTS).
bool SendFd(int to, int fd, pid_t pid) {
  char control[CMSG_SPACE(sizeof(int))] = {};
  iovec io{&pid, sizeof pid};
  msghdr msg{};
  msg.msg_iov = &io;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
  return sendmsg(to, &msg, MSG_NOSIGNAL) == static_cast<ssize_t>(sizeof pid);
}

bool ReceiveFd(int from, int* fd, pid_t* pid) {
  char control[CMSG_SPACE(sizeof(int))] = {};
  iovec io{pid, sizeof *pid};
  msghdr msg{};
  msg.msg_iov = &io;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  if (recvmsg(from, &msg, MSG_CMSG_CLOEXEC) != static_cast<ssize_t>(sizeof *pid)) return false;
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  if (c == nullptr || c->cmsg_type != SCM_RIGHTS) return false;
  std::memcpy(fd, CMSG_DATA(c), sizeof *fd);
  return true;
}

[[noreturn]] void ZygoteLoop(int fd, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);
  signal(SIGCHLD, SIG_IGN);  // its workers are reaped by the kernel
  for (;;) {
    ZygoteRequest request{};
    if (!ReadExactly(fd, reinterpret_cast<char*>(&request), sizeof request)) _exit(0);
    int pair[2];
    pid_t pid = -1;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) == 0) {
      const pid_t self = getpid();
      pid = fork();
      if (pid == 0) {
        close(fd);
        close(pair[0]);
        signal(SIGCHLD, SIG_DFL);
        WorkerLoop(pair[1], self, request.reader, request.limits);
      }
      close(pair[1]);
    } else {
      pair[0] = -1;
    }
    if (pid < 0 || !SendFd(fd, pair[0], pid)) {
      const pid_t none = -1;
      if (!WriteAll(fd, std::string_view(reinterpret_cast<const char*>(&none), sizeof none)))
        _exit(0);
    }
    if (pair[0] >= 0) close(pair[0]);
  }
}

// A worker from the zygote, when it runs.
std::optional<Worker> WorkerFromZygote(SupervisedReader reader, const ReadLimits& limits) {
  Zygote& z = TheZygote();
  std::lock_guard<std::mutex> lock(z.mu);
  if (z.fd < 0) return std::nullopt;
  const ZygoteRequest request{reader, limits};
  int fd = -1;
  pid_t pid = -1;
  if (!WriteAll(z.fd, std::string_view(reinterpret_cast<const char*>(&request), sizeof request)) ||
      !ReceiveFd(z.fd, &fd, &pid) || pid <= 0) {
    close(z.fd);  // the zygote is gone: workers are forked here from now on
    z.fd = -1;
    return std::nullopt;
  }
  return Worker{reader, limits, pid, fd, /*own=*/false};
}

Result<Worker*> WorkerFor(ThreadWorkers& all, SupervisedReader reader, const ReadLimits& limits) {
  for (Worker& w : all.workers)
    if (w.reader == reader && w.limits.max_memory_bytes == limits.max_memory_bytes && w.pid > 0)
      return &w;
  auto slot = [&]() -> Worker* {
    auto free = std::find_if(all.workers.begin(), all.workers.end(),
                             [](const Worker& w) { return w.pid <= 0; });
    if (free == all.workers.end()) free = all.workers.insert(all.workers.end(), Worker{});
    return &*free;
  };
  if (std::optional<Worker> spawned = WorkerFromZygote(reader, limits)) {
    Worker* w = slot();
    *w = *spawned;
    return w;
  }
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    return Status::Internal(std::string("cannot start the supervised reader: ") + strerror(errno));
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return Status::Internal(std::string("cannot start the supervised reader: ") + strerror(errno));
  }
  if (pid == 0) {
    close(fds[0]);
    WorkerLoop(fds[1], parent, reader, limits);
  }
  close(fds[1]);
  Worker* w = slot();
  *w = Worker{reader, limits, pid, fds[0], /*own=*/true};
  return w;
}

std::string Seconds(double s) {
  std::string out = std::to_string(s);
  while (out.size() > 1 && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

// Why a worker ended without answering, from its exit status when it is this process's.
Status Died(Worker& w) {
  int status = 0;
  const pid_t pid = w.pid;
  close(w.fd);
  w.fd = -1;
  w.pid = -1;
  if (!w.own)
    return Status::Internal("the reader stopped without an answer (it crashed or was killed)");
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGKILL && w.limits.max_memory_bytes > 0)
      return Status::ResourceLimit(MemoryMessage(w.limits.max_memory_bytes));
    return Status::Internal("the reader stopped on signal " + std::to_string(sig) + " (" +
                            strsignal(sig) + ")");
  }
  return Status::Internal("the reader ended without an answer (exit status " +
                          std::to_string(WEXITSTATUS(status)) + ")");
}

}  // namespace

void StartReadSupervisor() {
  Zygote& z = TheZygote();
  std::lock_guard<std::mutex> lock(z.mu);
  if (z.fd >= 0) return;
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return;
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return;
  }
  if (pid == 0) {
    close(fds[0]);
    ZygoteLoop(fds[1], parent);
  }
  close(fds[1]);
  z.fd = fds[0];
}

Result<SourceText> ReadSupervised(SupervisedReader reader, std::string_view bytes,
                                  const ReadLimits& limits) {
  if (!limits.any()) return reader(bytes);
  thread_local ThreadWorkers workers;
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(limits.deadline_seconds));
  Result<Worker*> got = WorkerFor(workers, reader, limits);
  if (!got.ok()) return got.status();
  Worker* w = got.value();
  if (!SendMessage(w->fd, bytes)) {
    // A worker that left since its last answer: one new one, once.
    Stop(*w, /*kill_it=*/true);
    got = WorkerFor(workers, reader, limits);
    if (!got.ok()) return got.status();
    w = got.value();
    if (!SendMessage(w->fd, bytes)) return Died(*w);
  }
  std::string answer;
  std::uint64_t expected = 0;
  bool have_length = false;
  char buffer[65536];
  for (;;) {
    if (have_length && answer.size() >= expected) break;
    int wait_ms = -1;
    if (limits.deadline_seconds > 0) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        Stop(*w, /*kill_it=*/true);
        return Status::Deadline("not read within the deadline of " +
                                Seconds(limits.deadline_seconds) +
                                " s (--timeout); the reader was stopped");
      }
      wait_ms = static_cast<int>(std::min<long long>(left, 1 << 30));
    }
    pollfd p{w->fd, POLLIN, 0};
    const int ready = poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // the loop checks the deadline
    const ssize_t n = ready < 0 ? -1 : read(w->fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Died(*w);
    answer.append(buffer, static_cast<std::size_t>(n));
    if (!have_length && answer.size() >= sizeof expected) {
      std::memcpy(&expected, answer.data(), sizeof expected);
      answer.erase(0, sizeof expected);
      have_length = true;
    }
  }
  bool retiring = false;
  Result<SourceText> r = Decode(answer, &retiring);
  if (retiring) Stop(*w, /*kill_it=*/false);
  return r;
}

}  // namespace registre
