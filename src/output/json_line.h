// JsonLine: a JSON value written on one line exactly as nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes it (keys in order, no spaces, UTF-8
// kept, control characters escaped), only faster: nlohmann decodes every byte of every
// string, and writing the records is a large part of a batch's work. A string that is not
// valid UTF-8 is handed to nlohmann (which replaces the bad bytes with U+FFFD), and so are
// floating-point numbers, so the bytes are always dump's.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace registre {

void AppendJsonLine(const nlohmann::json& value, std::string* out);
std::string JsonLine(const nlohmann::json& value);

}  // namespace registre
