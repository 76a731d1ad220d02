#include "read/pdf_input.h"

#include <mutex>
#include <string>
#include <vector>

#include "read/image_input.h"
#include "read/pdf/pdf_plugin.h"
#include "read/plugin_loader.h"

namespace registre {
namespace {

struct Plugin {
  PdfPluginRead read = nullptr;
  std::string error;
};

const Plugin& LoadedPlugin() {
  // Loaded once per process, then only read: safe from every thread.
  static std::once_flag once;
  static Plugin plugin;
  std::call_once(once, [] {
    std::vector<void*> entries =
        LoadPluginEntries("REGISTRE_PDF_PLUGIN", kPdfPluginFile, REGISTRE_PDF_PLUGIN_PATH,
                          {kPdfPluginEntry}, &plugin.error);
    if (!entries.empty()) plugin.read = reinterpret_cast<PdfPluginRead>(entries[0]);
  });
  return plugin;
}

Result<SourceText> ReadWithPlugin(std::string_view bytes) {
  const Plugin& plugin = LoadedPlugin();
  if (!plugin.read) return Status::Internal("PDF input is not available: " + plugin.error);
  Result<SourceText> out = Status::Internal("PDF plugin returned nothing");
  plugin.read(bytes, &out);
  if (out.ok()) ReadScanPages(&out.value());  // here, in the worker when supervised
  return out;
}

}  // namespace

Result<SourceText> ReadPdfInput(std::string_view bytes, const ReadLimits& limits) {
  // Loaded before any worker is forked: a worker never loads a library.
  const Plugin& plugin = LoadedPlugin();
  if (!plugin.read) return Status::Internal("PDF input is not available: " + plugin.error);
  return ReadSupervised(ReadWithPlugin, bytes, limits);
}

}  // namespace registre
