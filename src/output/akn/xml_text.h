// Escaping text for XML 1.0 content and attribute values: & < > " ' become entities, and
// characters XML 1.0 forbids (C0 controls other than tab, LF, CR) are dropped, since no
// escape can carry them.
#pragma once

#include <string>
#include <string_view>

namespace registre {

std::string XmlEscape(std::string_view text);

}  // namespace registre
