#include "read/ocr/ocr_reader.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace registre {
namespace {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// The engine of this thread, with the language it was built for.
struct Engine {
  std::unique_ptr<tesseract::TessBaseAPI> api;
  std::string language;
};

// Tesseract prints to standard error when a model is missing, before any setting can
// send its messages elsewhere: the model is looked for first, where Tesseract would.
bool ModelExists(const std::string& language) {
  std::vector<std::string> dirs;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) {
    dirs.push_back(prefix);
  } else {
    dirs = {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tessdata",
            "/usr/local/share/tessdata"};
  }
  for (const std::string& dir : dirs) {
    if (std::filesystem::exists(dir + "/" + language + ".traineddata")) return true;
  }
  return false;
}

Result<tesseract::TessBaseAPI*> ThreadEngine(const std::string& language) {
  thread_local Engine engine;
  if (engine.api && engine.language == language) return engine.api.get();
  if (!ModelExists(language)) {
    return Status::InvalidInput("OCR needs Tesseract's model for '" + language + "' (" +
                                language + ".traineddata): apt-get install tesseract-ocr-" +
                                language);
  }
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Tesseract's diagnostics ("Estimating resolution as ...") go to its debug file: the
  // library never prints.
  std::vector<std::string> names = {"debug_file"}, values = {"/dev/null"};
  if (api->Init(nullptr, language.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values,
                false) != 0) {
    return Status::InvalidInput("OCR needs Tesseract's model for '" + language + "' (" +
                                language + ".traineddata): apt-get install tesseract-ocr-" +
                                language);
  }
  api->SetPageSegMode(tesseract::PSM_AUTO_OSD);
  engine.api = std::move(api);
  engine.language = language;
  return engine.api.get();
}

int ResolutionOf(Pix* pix, int forced) {
  if (forced > 0) return forced;
  int label = pixGetXRes(pix);
  if (label >= 100 && label <= 1200) return label;
  // No plausible label (scanners often write 72): the width taken as an A4 page's.
  int dpi = static_cast<int>(std::lround(pixGetWidth(pix) / 8.27));
  return std::clamp(dpi, 70, 1200);
}

struct PageText {
  std::string text;
  int words = 0, low_words = 0;
  double confidence_sum = 0;
};

PageText Recognise(tesseract::TessBaseAPI& api) {
  PageText page;
  if (api.Recognize(nullptr) != 0) return page;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return page;
  bool first_line = true;
  do {
    if (it->Empty(tesseract::RIL_TEXTLINE)) continue;
    if (!first_line && it->IsAtBeginningOf(tesseract::RIL_PARA)) page.text += '\n';
    first_line = false;
    std::string line;
    do {
      std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!word || !*word.get()) continue;
      if (!line.empty()) line += ' ';
      line += word.get();
      float confidence = it->Confidence(tesseract::RIL_WORD);
      ++page.words;
      page.confidence_sum += confidence;
      if (confidence < kLowWordConfidence) ++page.low_words;
    } while (!it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD) &&
             it->Next(tesseract::RIL_WORD));
    page.text += line;
    page.text += '\n';
  } while (it->Next(tesseract::RIL_TEXTLINE));
  return page;
}

// Page `n` (0-based) of the image, nullptr past the last. Only TIFF holds several.
PixPtr DecodePage(std::string_view bytes, int format, int n) {
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  if (format == IFF_TIFF || format == IFF_TIFF_G3 || format == IFF_TIFF_G4 ||
      format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE || format == IFF_TIFF_LZW ||
      format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG) {
    return PixPtr(pixReadMemTiff(data, bytes.size(), n));
  }
  if (n > 0) return nullptr;
  return PixPtr(pixReadMem(data, bytes.size()));
}

std::string Pages(const std::vector<int>& pages) {
  std::string out;
  for (int p : pages) out += (out.empty() ? "" : ", ") + std::to_string(p);
  return out;
}

}  // namespace

Result<SourceText> ReadImage(std::string_view bytes, const OcrOptions& options) {
  setMsgSeverity(L_SEVERITY_NONE);
  int format = 0, width = 0, height = 0, bps = 0, spp = 0, cmap = 0;
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  if (bytes.size() < 8 ||
      pixReadHeaderMem(data, bytes.size(), &format, &width, &height, &bps, &spp, &cmap) != 0) {
    return Status::InvalidInput("not an image that can be decoded (PNG, JPEG or TIFF expected)");
  }
  if (width <= 0 || height <= 0)
    return Status::InvalidInput("the image has no pixels (" + std::to_string(width) + " x " +
                                std::to_string(height) + ")");
  if (static_cast<std::size_t>(width) * static_cast<std::size_t>(height) > options.max_pixels) {
    return Status::ResourceLimit("the image is " + std::to_string(width) + " x " +
                                 std::to_string(height) + " pixels, over the limit of " +
                                 std::to_string(options.max_pixels));
  }
  Result<tesseract::TessBaseAPI*> engine = ThreadEngine(options.language);
  if (!engine.ok()) return engine.status();
  tesseract::TessBaseAPI& api = *engine.value();

  SourceText source;
  source.format = "ocr";
  source.encoding = "UTF-8";
  std::vector<int> low_pages, empty_pages, failed_pages;
  int low_words = 0, words = 0, pages = 0;
  for (int n = 0; n < options.max_pages; ++n) {
    PixPtr pix = DecodePage(bytes, format, n);
    if (!pix) {
      if (n == 0) return Status::InvalidInput("the image could not be decoded (damaged?)");
      break;
    }
    ++pages;
    if (n > 0) source.text += '\f';
    if (static_cast<std::size_t>(pixGetWidth(pix.get())) * pixGetHeight(pix.get()) >
        options.max_pixels) {
      failed_pages.push_back(n + 1);
      continue;
    }
    int dpi = ResolutionOf(pix.get(), options.dpi);
    if (pixGetDepth(pix.get()) == 1 && dpi < 250) {
      // Bilevel and coarse: scaled up (grey, smoothed) before recognition.
      if (PixPtr scaled{pixScale(pix.get(), 1.5f, 1.5f)}) {
        pix = std::move(scaled);
        dpi = dpi * 3 / 2;
      }
    }
    api.SetImage(pix.get());
    api.SetSourceResolution(dpi);
    PageText page = Recognise(api);
    api.Clear();
    source.text += page.text;
    words += page.words;
    low_words += page.low_words;
    if (page.words == 0) {
      empty_pages.push_back(n + 1);
    } else if (page.confidence_sum / page.words < kLowPageConfidence) {
      low_pages.push_back(n + 1);
    }
  }
  if (!failed_pages.empty()) {
    source.warnings.push_back({"page_failed", "page" + std::string(failed_pages.size() > 1 ? "s " : " ") +
                                                  Pages(failed_pages) +
                                                  " over the pixel limit, not read"});
  }
  if (!empty_pages.empty()) {
    source.warnings.push_back({"no_text_layer", "no text recognised on page" +
                                                    std::string(empty_pages.size() > 1 ? "s " : " ") +
                                                    Pages(empty_pages)});
  }
  if (!low_pages.empty()) {
    source.warnings.push_back(
        {"ocr_low_confidence", "mean word confidence below " + std::to_string(kLowPageConfidence) +
                                   " on page" + std::string(low_pages.size() > 1 ? "s " : " ") +
                                   Pages(low_pages) + ": check its values against the scan"});
  }
  if (low_words > 0) {
    source.warnings.push_back({"ocr_doubtful_words",
                               std::to_string(low_words) + " of " + std::to_string(words) +
                                   " words read with confidence below " +
                                   std::to_string(kLowWordConfidence)});
  }
  if (pages == options.max_pages) {
    source.warnings.push_back({"page_truncated", "reading stopped after " +
                                                     std::to_string(options.max_pages) + " pages"});
  }
  return source;
}

}  // namespace registre
