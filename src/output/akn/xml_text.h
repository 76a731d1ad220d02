// Escaping text for XML 1.0 content and attribute values: & < > " ' become entities, and
// what XML 1.0 cannot carry at all is replaced or dropped, since no escape can carry it:
// C0 controls other than tab, LF and CR, U+FFFE and U+FFFF are dropped; bytes that are not
// UTF-8 (and encoded surrogates) become U+FFFD. The result is always well-formed XML text.
#pragma once

#include <string>
#include <string_view>

namespace registre {

std::string XmlEscape(std::string_view text);

}  // namespace registre
