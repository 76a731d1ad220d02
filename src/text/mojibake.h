// Mojibake: UTF-8 bytes that were read as Windows-1252 (or Latin-1) and written out again
// as UTF-8, so "é" (C3 A9) shows as "Ã©" and "’" (E2 80 99) as "â€™". The character pass
// (char_pass.h) repairs such sequences, and only in a text that holds one no real text
// explains (HasMojibake), so a genuine "Ã" in a correct text is left alone.
#pragma once

#include <cstddef>
#include <string_view>

namespace registre {

// True when `in` holds a sequence only mojibake explains: "Ã" + a Windows-1252 byte
// 0x80-0xBF ("Ã©", "Ã¨", "Ã‰"), or "â€" + one ("â€™"), or "Å“" / "Å’" (œ / Œ).
bool HasMojibake(std::string_view in);

// Tries to read a mojibake sequence starting at in[i] (whose code point `lead` has already
// been decoded, `next` is the offset after it). On success returns true with the repaired
// code point in *repaired and *end past the sequence.
bool RepairMojibake(std::string_view in, char32_t lead, std::size_t next, char32_t* repaired,
                    std::size_t* end);

}  // namespace registre
