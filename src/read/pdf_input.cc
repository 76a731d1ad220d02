#include "read/pdf_input.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "read/pdf/pdf_plugin.h"

namespace registre {
namespace {

struct Plugin {
  PdfPluginRead read = nullptr;
  std::string error;
};

std::string ExecutableDir() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : self.parent_path().string();
}

Plugin LoadPlugin() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("REGISTRE_PDF_PLUGIN"); env && *env) {
    candidates.push_back(env);
  } else {
    if (std::string dir = ExecutableDir(); !dir.empty())
      candidates.push_back(dir + "/" + kPdfPluginFile);
    candidates.push_back(REGISTRE_PDF_PLUGIN_PATH);
  }
  Plugin plugin;
  for (const std::string& path : candidates) {
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      plugin.error += (plugin.error.empty() ? "" : "; ") + std::string(dlerror());
      continue;
    }
    // Kept loaded for the life of the process.
    plugin.read = reinterpret_cast<PdfPluginRead>(dlsym(handle, kPdfPluginEntry));
    if (plugin.read) return plugin;
    plugin.error += "; " + path + ": no " + kPdfPluginEntry;
  }
  return plugin;
}

const Plugin& LoadedPlugin() {
  // Loaded once per process, then only read: safe from every thread.
  static std::once_flag once;
  static Plugin plugin;
  std::call_once(once, [] { plugin = LoadPlugin(); });
  return plugin;
}

Result<SourceText> ReadWithPlugin(std::string_view bytes) {
  const Plugin& plugin = LoadedPlugin();
  if (!plugin.read) return Status::Internal("PDF input is not available: " + plugin.error);
  Result<SourceText> out = Status::Internal("PDF plugin returned nothing");
  plugin.read(bytes, &out);
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
