#include "cli/input_files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace registre {

Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes) {
  if (path == "-") {
    std::string data;
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      data.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (data.size() > max_bytes) return Status::Error("standard input too large");
    }
    return data;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::Error("is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(std::string("cannot open: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return Status::Error("cannot read (not a regular file?)");
  if (static_cast<std::size_t>(size) > max_bytes) {
    return Status::Error("file too large (" + std::to_string(size) + " bytes; limit " +
                         std::to_string(max_bytes) + ")");
  }
  in.seekg(0, std::ios::beg);
  std::string data(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(data.data(), size)) return Status::Error("read error");
  return data;
}

}  // namespace registre
