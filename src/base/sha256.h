// SHA-256 of a byte string, as lower-case hex (OpenSSL's EVP interface).
#pragma once

#include <string>
#include <string_view>

namespace registre {

std::string Sha256Hex(std::string_view bytes);

}  // namespace registre
