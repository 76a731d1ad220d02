// Safe access to PoDoFo objects: reference resolution, typed lookups, capped stream decoding.
//
// Contract: none of these functions throw; a missing key, wrong type or broken reference
// gives nullptr / the default. Resolution follows at most a few reference hops, so
// reference cycles terminate. ReadStream decodes at most `max_bytes` and keeps what it
// decoded before a filter error (partial content is better than none).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace PoDoFo {
class PdfObject;
}

namespace registre::pdf {

using PoDoFo::PdfObject;

const PdfObject* Deref(const PdfObject* obj);
const PdfObject* DictGet(const PdfObject* dict, const char* key);     // dereferenced
const PdfObject* ArrayAt(const PdfObject* array, std::size_t index);  // dereferenced
std::size_t ArraySize(const PdfObject* array);                        // 0 if not an array

bool IsDict(const PdfObject* obj);
bool IsArrayObject(const PdfObject* obj);
bool HasStream(const PdfObject* obj);
bool GetNumber(const PdfObject* obj, double& out);
double NumberOr(const PdfObject* obj, double fallback);
std::string NameOr(const PdfObject* obj, const std::string& fallback = "");
bool GetStringBytes(const PdfObject* obj, std::string& out);  // raw bytes of a string
std::vector<double> NumberArray(const PdfObject* obj, std::size_t max_items = 1u << 20);

// Decoded bytes of a stream object. Returns false if the stream could not be decoded
// completely (out then holds what was decoded) or was cut at `max_bytes`.
bool ReadStream(const PdfObject* obj, std::size_t max_bytes, std::string& out);
// The stream's bytes as stored (still encoded by its filters), same limits: for images whose
// encoding is itself an image file (DCT is a JPEG) or is decoded elsewhere (CCITT).
bool ReadRawStream(const PdfObject* obj, std::size_t max_bytes, std::string& out);

}  // namespace registre::pdf
