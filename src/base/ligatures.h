// The Latin ligatures U+FB00..U+FB06 spelt out ("ﬁ" -> "fi"): the PDF reader writes them so,
// and the normaliser does for text extracts that kept them, so no rule ever meets one.
#pragma once

namespace registre {

// The letters of ligature `cp`, or nullptr when `cp` is no Latin ligature. Inline: the
// normaliser asks for nearly every non-ASCII letter.
inline const char* LigatureLetters(char32_t cp) {
  switch (cp) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05:
    case 0xFB06: return "st";
    default: return nullptr;
  }
}

}  // namespace registre
