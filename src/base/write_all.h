// Writing a whole buffer to a file descriptor: write(2) may write less than asked, and a
// signal may interrupt it (EINTR); both are retried until every byte is out.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace registre {

// Writes all of `data` to `fd`; an I/O error names `name` (the file) and the cause.
Status WriteAll(int fd, std::string_view data, const std::string& name);

}  // namespace registre
