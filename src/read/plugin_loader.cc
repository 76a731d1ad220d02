#include "read/plugin_loader.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace registre {
namespace {

std::string ExecutableDir() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : self.parent_path().string();
}

}  // namespace

std::vector<void*> LoadPluginEntries(const char* env_var, const char* file_name,
                                     const char* build_path,
                                     std::initializer_list<const char*> entries,
                                     std::string* error) {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv(env_var); env && *env) {
    candidates.push_back(env);
  } else {
    if (std::string dir = ExecutableDir(); !dir.empty())
      candidates.push_back(dir + "/" + file_name);
    candidates.push_back(build_path);
  }
  error->clear();
  for (const std::string& path : candidates) {
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      *error += (error->empty() ? "" : "; ") + std::string(dlerror());
      continue;
    }
    std::vector<void*> symbols;
    for (const char* entry : entries) {
      void* symbol = dlsym(handle, entry);
      if (!symbol) {
        *error += (error->empty() ? "" : "; ") + path + ": no " + entry;
        break;
      }
      symbols.push_back(symbol);
    }
    if (symbols.size() == entries.size()) return symbols;
  }
  return {};
}

}  // namespace registre
