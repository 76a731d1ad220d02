#include "read/image_input.h"

#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

#include "read/ocr/ocr_plugin.h"
#include "read/plugin_loader.h"

namespace registre {
namespace {

struct Plugin {
  OcrPluginRead read = nullptr;
  OcrPluginReadAt read_at = nullptr;
  std::string error;
};

const Plugin& LoadedPlugin() {
  static std::once_flag once;
  static Plugin plugin;
  std::call_once(once, [] {
    // Tesseract's OpenMP reads this when its library loads: one thread per engine (the
    // default costs 4x the CPU for the same page; parallelism is across files).
    setenv("OMP_THREAD_LIMIT", "1", 0);
    std::vector<void*> entries =
        LoadPluginEntries("REGISTRE_OCR_PLUGIN", kOcrPluginFile, REGISTRE_OCR_PLUGIN_PATH,
                          {kOcrPluginEntry, kOcrPluginEntryAt}, &plugin.error);
    if (!entries.empty()) {
      plugin.read = reinterpret_cast<OcrPluginRead>(entries[0]);
      plugin.read_at = reinterpret_cast<OcrPluginReadAt>(entries[1]);
    }
  });
  return plugin;
}

Result<SourceText> ReadWithPlugin(std::string_view bytes) {
  const Plugin& plugin = LoadedPlugin();
  if (!plugin.read) return Status::Internal("OCR input is not available: " + plugin.error);
  Result<SourceText> out = Status::Internal("OCR plugin returned nothing");
  plugin.read(bytes, &out);
  return out;
}

}  // namespace

bool LooksLikeImage(std::string_view bytes) {
  return bytes.starts_with("\x89PNG\r\n\x1A\n") || bytes.starts_with("\xFF\xD8\xFF") ||
         bytes.starts_with(std::string_view("II*\0", 4)) ||
         bytes.starts_with(std::string_view("MM\0*", 4));
}

Result<SourceText> ReadImageInput(std::string_view bytes, const ReadLimits& limits) {
  // Supervised, the plugin is loaded in the worker (a process with one thread, where
  // setenv is safe); unsupervised, here.
  return limits.any() ? ReadSupervised(ReadWithPlugin, bytes, limits) : ReadWithPlugin(bytes);
}

void ReadScanPages(SourceText* source) {
  std::vector<ScanPage> scans = std::move(source->scan_pages);
  source->scan_pages.clear();
  if (scans.empty()) return;
  const Plugin& plugin = LoadedPlugin();
  if (!plugin.read_at) {
    source->warnings.push_back({"ocr_unavailable", "pages without a text layer not read: "
                                                   "OCR input is not available: " +
                                                       plugin.error});
    return;
  }
  // The text's pages, to put each scan's text in its place.
  std::vector<std::string> pages;
  for (std::size_t start = 0;;) {
    std::size_t end = source->text.find('\f', start);
    pages.push_back(source->text.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::string read;
  for (const ScanPage& scan : scans) {
    const auto at = static_cast<std::size_t>(scan.page - 1);
    if (scan.page < 1 || at >= pages.size()) continue;
    Result<SourceText> ocr = Status::Internal("OCR plugin returned nothing");
    plugin.read_at(scan.encoded, scan.dpi, &ocr);
    const std::string page = "page " + std::to_string(scan.page) + ": ";
    if (!ocr.ok()) {
      source->warnings.push_back({"ocr_failed", page + ocr.status().message()});
      continue;
    }
    pages[at] = std::move(ocr.value().text);
    for (Warning& w : ocr.value().warnings) source->warnings.push_back({w.code, page + w.message});
    read += (read.empty() ? "" : ", ") + std::to_string(scan.page);
  }
  if (read.empty()) return;
  source->text.clear();
  for (std::size_t k = 0; k < pages.size(); ++k) {
    if (k > 0) source->text += '\f';
    source->text += pages[k];
  }
  source->format = "ocr";
  source->warnings.push_back({"ocr_pages", "read by OCR (no text layer): page" +
                                               std::string(read.find(',') != std::string::npos ? "s " : " ") +
                                               read});
}

}  // namespace registre
