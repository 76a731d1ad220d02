// Reading input files for the commands: whole files into memory with a size limit, and
// standard input for "-". Errors name the file and the cause.
#pragma once

#include <cstddef>
#include <string>

#include "base/status.h"

namespace registre {

constexpr std::size_t kMaxInputBytes = 256u << 20;

Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

}  // namespace registre
