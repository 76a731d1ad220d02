// RecordBuilder: assembles the JSON record of record.md from what the stages read, and adds
// the checks that only make sense on the whole record (count_mismatch...).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract/record_parts.h"
#include "extract/sitting.h"
#include "text/document.h"

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

// Builds the records of one document. A record's attendance is its largest part and, in a
// procès-verbal, the same for every item: it is built once for each distinct attendance in a
// row and copied into the records that share it. The records are those BuildRecord makes.
class RecordBuilder {
 public:
  nlohmann::json Build(const RecordInputs& in);
  // True when the record last built has the attendance of the record built before it.
  bool attendance_repeated() const { return repeated_; }

 private:
  std::optional<Attendance> last_;  // the attendance last built
  bool repeated_ = false;
  nlohmann::json last_json_;
  std::vector<Warning> last_warnings_;
};

// One record, built from scratch.
nlohmann::json BuildRecord(const RecordInputs& in);

}  // namespace registre
