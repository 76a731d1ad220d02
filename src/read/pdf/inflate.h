// zlib inflation with a bound on the output, for the two places that inflate Flate data
// themselves rather than through PoDoFo: object streams in a file being repaired
// (pdf_repair.cc) and page images whose PNG predictors PoDoFo gets wrong (page_image.cc).
//
// Contract: appends to `out` what `in` inflates to, stopping at `max_out` bytes (a bomb
// costs at most that); damaged data keeps what was inflated before the damage. True when
// anything came out. Never throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace registre::pdf {

bool Inflate(std::string_view in, std::size_t max_out, std::string& out);

}  // namespace registre::pdf
