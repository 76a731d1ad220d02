// registre-pdftext: prints ReadPdf's text for one PDF (what `registre extract --text-only`
// prints), warnings on stderr. Exit status: 0 ok, 1 read error, 2 usage / I/O error.
//   registre-pdftext [--layout-info] FILE.pdf
// --layout-info prints one line per text line: page, orientation, x0, y, size, blank lines
// before it, furniture flag.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "read/pdf/pdf_layout_reader.h"
#include "read/pdf/pdf_reader.h"

int main(int argc, char** argv) {
  bool layout_info = false;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--layout-info") {
      layout_info = true;
    } else if (path.empty()) {
      path = arg;
    } else {
      std::cerr << "usage: registre-pdftext [--layout-info] FILE.pdf\n";
      return 2;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: registre-pdftext [--layout-info] FILE.pdf\n";
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot open " << path << "\n";
    return 2;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (layout_info) {
    auto layout = registre::ReadPdfLayout(bytes);
    if (!layout.ok()) {
      std::cerr << "error: " << layout.status().message() << "\n";
      return 1;
    }
    for (const auto& page : layout.value().pages) {
      for (const auto& line : page.lines) {
        std::printf("p%d o%d x=%.1f y=%.1f s=%.1f b%d %s| %s\n", page.number, line.orientation,
                    line.x0, line.y, line.font_size, line.blank_before, line.furniture ? "F" : " ",
                    line.text.c_str());
      }
    }
    for (const auto& w : layout.value().warnings)
      std::cerr << "warning: " << w.code << ": " << w.message << "\n";
    return 0;
  }
  auto text = registre::ReadPdf(bytes);
  if (!text.ok()) {
    std::cerr << "error: " << text.status().message() << "\n";
    return 1;
  }
  std::fwrite(text.value().text.data(), 1, text.value().text.size(), stdout);
  for (const auto& w : text.value().warnings)
    std::cerr << "warning: " << w.code << ": " << w.message << "\n";
  return 0;
}
