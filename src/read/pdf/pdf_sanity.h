// NestingDepth: how deeply arrays and dictionaries nest in a PDF file's object syntax.
//
// Contract: a single linear pass that skips strings, comments and stream data; never
// throws. PoDoFo 0.9.8 parses nested dictionaries recursively and overflows the stack on
// a few ten thousand levels, so the reader refuses files deeper than a sane limit.
#pragma once

#include <cstddef>
#include <string_view>

namespace registre::pdf {

std::size_t NestingDepth(std::string_view bytes);

}  // namespace registre::pdf
