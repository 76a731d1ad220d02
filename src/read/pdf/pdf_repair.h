// RebuildPdf: a best-effort re-indexing of a PDF whose cross-reference table PoDoFo 0.9.8
// cannot read (it has no repair mode of its own).
//
// Contract: scans the bytes for "N G obj ... endobj" objects (the last definition of a
// number wins), unpacks object streams (/Type /ObjStm, decoded with at most
// `max_stream_bytes`), and writes a fresh PDF with a classic xref table and a trailer
// whose /Root is the catalog found (and /Info, /Encrypt, /ID copied from the last
// trailer if any). Without a catalog (truncated files lose it first), it makes one whose
// page tree lists every /Type /Page object found. Returns "" when there is neither a
// catalog nor a page. Never throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace registre::pdf {

std::string RebuildPdf(std::string_view bytes, std::size_t max_stream_bytes);

}  // namespace registre::pdf
