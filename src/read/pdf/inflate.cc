#include "read/pdf/inflate.h"

#include <zlib.h>

#include <algorithm>

namespace registre::pdf {

bool Inflate(std::string_view in, std::size_t max_out, std::string& out) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 0x7fffffff));
  char buffer[65536];
  int rc = Z_OK;
  while (rc == Z_OK && out.size() < max_out) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
    if (z.avail_out == sizeof buffer && rc == Z_OK) break;  // no progress
  }
  inflateEnd(&z);
  return !out.empty();
}

}  // namespace registre::pdf
