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

void* LoadPluginEntry(const char* env_var, const char* file_name, const char* build_path,
                      const char* entry, std::string* error) {
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
    if (void* symbol = dlsym(handle, entry)) return symbol;
    *error += (error->empty() ? "" : "; ") + path + ": no " + entry;
  }
  return nullptr;
}

}  // namespace registre
