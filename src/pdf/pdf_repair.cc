#include "pdf/pdf_repair.h"

namespace registre::pdf {

std::string RebuildPdf(std::string_view, std::size_t) { return {}; }

}  // namespace registre::pdf
