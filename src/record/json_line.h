// JsonLine: a JSON value written on one line exactly as nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes it (keys in order, no spaces, UTF-8
// kept, control characters escaped), only faster: nlohmann decodes every byte of every
// string, and writing the records is a large part of a batch's work. A string that is not
// valid UTF-8 is handed to nlohmann (which replaces the bad bytes with U+FFFD), and so are
// floating-point numbers, so the bytes are always dump's.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace registre {

void AppendJsonLine(const nlohmann::json& value, std::string* out);
std::string JsonLine(const nlohmann::json& value);

// A record written as AppendJsonLine writes it, except for the value of its top-level `key`:
// when `repeats` (the caller vouches that it is the value of the record written before, as
// DocumentResult::repeats_attendance does) its bytes are copied from *value_bytes; otherwise
// it is written and its bytes kept in *value_bytes for the next record.
void AppendRecordLine(const nlohmann::json& record, std::string_view key, bool repeats,
                      std::string* value_bytes, std::string* out);

}  // namespace registre
