// RecordBuilder: assembles the JSON record of record.md from what the stages read, and adds
// the checks that only make sense on the whole record (count_mismatch...).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "document.h"
#include "record_parts.h"
#include "sitting.h"

namespace registre {

struct SourceInfo {
  std::string file, sha256, format;
};

struct RecordInputs {
  const Document* doc = nullptr;
  SourceInfo source;
  int index = 0;
  Range range;   // the record's own text
  Range number;  // folded range of the number, when found
  Sitting sitting;
  Parts parts;
  std::vector<Warning> warnings;
};

nlohmann::json BuildRecord(const RecordInputs& in);

}  // namespace registre
