#include "cli/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace registre {

Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes) {
  if (path == "-") {
    std::string data;
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      data.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (data.size() > max_bytes) return Status::ResourceLimit("standard input too large");
    }
    return data;
  }
  // One open and one fstat (not a stream, a stat and two seeks): a batch reads thousands.
  // Non-blocking, so that a named pipe is refused below instead of waiting for a writer
  // (regular files ignore the flag).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Status::Io(std::string("cannot open: ") + std::strerror(errno));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Status::Io(std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status::InvalidInput("is a directory");
  if (!S_ISREG(st.st_mode))
    return Status::InvalidInput("not a regular file (a pipe, a device or a socket)");
  auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes) {
    return Status::ResourceLimit("file too large (" + std::to_string(size) + " bytes; limit " +
                                 std::to_string(max_bytes) + ")");
  }
  std::string data(size, '\0');
  std::size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, data.data() + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Io(std::string("read error: ") + std::strerror(errno));
    if (n == 0) break;  // shorter than when it was measured: keep what is there
    got += static_cast<std::size_t>(n);
  }
  data.resize(got);
  return data;
}

}  // namespace registre
