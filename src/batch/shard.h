// Sharding: N independent workers (a Slurm job array) each take one deterministic slice of
// the same input list, so that together they cover it exactly once.
//
// Contract: a path belongs to shard FNV-1a-64(path) mod N, computed on the path as listed
// (bytes, no normalisation): every worker must be given the same inputs spelled the same
// way. The hash is fixed (not std::hash) so that it is stable across builds and machines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace registre {

struct Shard {
  uint32_t index = 0;  // K, 0 <= K < count
  uint32_t count = 1;  // N
};

// Parses "K/N" (0 <= K < N, N >= 1).
Result<Shard> ParseShard(std::string_view text);

uint64_t Fnv1a64(std::string_view bytes);

inline bool InShard(std::string_view path, Shard shard) {
  return Fnv1a64(path) % shard.count == shard.index;
}

// The paths of `inputs` that belong to `shard`, in their order.
std::vector<std::string> SelectShard(const std::vector<std::string>& inputs, Shard shard);

}  // namespace registre
