// SourceText: what a reader (text or PDF) hands to the normaliser.
//
// `text` is valid UTF-8 with '\n' line ends and '\f' between pages (page 1 first). Readers
// never interpret content; they only decode. Warnings are things a user should know about
// the input itself (encoding guessed, pages without a text layer...).
#pragma once

#include <string>
#include <vector>

namespace registre {

struct Warning {
  std::string code;     // stable, machine-readable: "encoding_guessed", "no_text_layer"...
  std::string message;  // for people, in English
};

struct SourceText {
  std::string text;      // UTF-8, '\n' line ends, '\f' page breaks
  std::string format;    // "text", "pdf" or "ocr" (record.md source.format)
  std::string encoding;  // what the bytes were decoded from: "UTF-8", "windows-1252"...
  std::vector<Warning> warnings;
};

}  // namespace registre
