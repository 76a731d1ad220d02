#include "batch/shard.h"

#include <charconv>

namespace registre {

namespace {

bool ParseUint(std::string_view s, uint32_t& out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

Result<Shard> ParseShard(std::string_view text) {
  std::size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string_view::npos || !ParseUint(text.substr(0, slash), shard.index) ||
      !ParseUint(text.substr(slash + 1), shard.count) || shard.count == 0 ||
      shard.index >= shard.count) {
    return Status::Usage("--shard expects K/N with 0 <= K < N (e.g. 0/4), not '" +
                         std::string(text) + "'");
  }
  return shard;
}

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::vector<std::string> SelectShard(const std::vector<std::string>& inputs, Shard shard) {
  std::vector<std::string> out;
  for (const std::string& p : inputs) {
    if (InShard(p, shard)) out.push_back(p);
  }
  return out;
}

}  // namespace registre
