#include "read/image_input.h"

#include <cstdlib>
#include <mutex>
#include <string>

#include "read/ocr/ocr_plugin.h"
#include "read/plugin_loader.h"

namespace registre {
namespace {

struct Plugin {
  OcrPluginRead read = nullptr;
  std::string error;
};

const Plugin& LoadedPlugin() {
  static std::once_flag once;
  static Plugin plugin;
  std::call_once(once, [] {
    // Tesseract's OpenMP reads this when its library loads: one thread per engine (the
    // default costs 4x the CPU for the same page; parallelism is across files).
    setenv("OMP_THREAD_LIMIT", "1", 0);
    plugin.read = reinterpret_cast<OcrPluginRead>(
        LoadPluginEntry("REGISTRE_OCR_PLUGIN", kOcrPluginFile, REGISTRE_OCR_PLUGIN_PATH,
                        kOcrPluginEntry, &plugin.error));
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

}  // namespace registre
