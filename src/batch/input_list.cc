#include "batch/input_list.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "read/image_input.h"

namespace registre {
namespace fs = std::filesystem;

namespace {

bool GlobMatches(const std::string& glob, const std::string& relative) {
  if (glob.find('/') != std::string::npos) {
    return fnmatch(glob.c_str(), relative.c_str(), 0) == 0;
  }
  std::size_t slash = relative.rfind('/');
  std::string name = slash == std::string::npos ? relative : relative.substr(slash + 1);
  return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
}

// The first bytes of a file (for NotADocument), "" when it cannot be read.
std::string Head(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
  return head;
}

// Appends the documents under `dir`, sorted, filtered by the globs; what it leaves out goes
// to `skipped`.
Status WalkDirectory(const std::string& dir, const InputSelection& sel,
                     std::vector<std::string>& found, SkippedInputs* skipped) {
  std::vector<std::string> files;
  std::error_code ec;
  // Symbolic links to directories are not followed: a link cycle would never end and a
  // link into another part of the archive would process it twice.
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  if (ec) return Status::Io(dir + ": cannot list directory: " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::Io(dir + ": cannot list directory: " + ec.message());
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) {
      const fs::file_status st = it->symlink_status(type_ec);
      if (skipped && !type_ec &&
          (fs::is_fifo(st) || fs::is_socket(st) || fs::is_block_file(st) ||
           fs::is_character_file(st)))
        skipped->special.push_back(it->path().generic_string());
      continue;
    }
    std::string relative = fs::relative(it->path(), dir, type_ec).generic_string();
    if (type_ec) relative = it->path().filename().string();
    if (!GlobsAccept(relative, sel.includes, sel.excludes)) continue;
    // An --include glob forces a file in; otherwise only documents are taken.
    if (sel.includes.empty()) {
      const std::string why = NotADocument(it->path().filename().string(), Head(it->path()));
      if (!why.empty()) {
        if (skipped) ++skipped->by_reason[why];
        continue;
      }
    }
    files.push_back(it->path().generic_string());
  }
  if (ec) return Status::Io(dir + ": cannot list directory: " + ec.message());
  std::sort(files.begin(), files.end());
  found.insert(found.end(), files.begin(), files.end());
  return Status::Ok();
}

Status AddPath(const std::string& path, const InputSelection& sel, std::vector<std::string>& found,
               SkippedInputs* skipped) {
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) return WalkDirectory(path, sel, found, skipped);
  found.push_back(path);
  return Status::Ok();
}

}  // namespace

std::string NotADocument(const std::string& name, std::string_view head) {
  if (head.starts_with("%PDF-") || LooksLikeImage(head)) return "";  // scans are read by OCR
  std::string ext;
  if (const std::size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0)
    ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "json" || ext == "jsonl") return "JSON";
  if (ext == "md" || ext == "markdown") return "Markdown";
  if (ext == "pdf") return "";  // a damaged PDF is read, and its failure said
  if (!ext.empty() && ext != "txt" && ext != "text") return "other";
  if (head.find('\0') != std::string_view::npos) return "binary";
  return "";
}

bool GlobsAccept(const std::string& relative, const std::vector<std::string>& includes,
                 const std::vector<std::string>& excludes) {
  bool included = includes.empty() ||
                  std::any_of(includes.begin(), includes.end(),
                              [&](const std::string& g) { return GlobMatches(g, relative); });
  if (!included) return false;
  return std::none_of(excludes.begin(), excludes.end(),
                      [&](const std::string& g) { return GlobMatches(g, relative); });
}

Result<std::vector<std::string>> CollectInputs(const InputSelection& selection,
                                               std::istream& list_stream, SkippedInputs* skipped) {
  std::vector<std::string> found;
  for (const std::string& p : selection.paths) {
    Status s = AddPath(p, selection, found, skipped);
    if (!s.ok()) return s;
  }
  if (!selection.files_from.empty()) {
    std::ifstream file;
    std::istream* in = &list_stream;
    if (selection.files_from != "-") {
      file.open(selection.files_from);
      if (!file) return Status::Io(selection.files_from + ": cannot open the list of files");
      in = &file;
    }
    std::string line;
    while (std::getline(*in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      Status s = AddPath(line, selection, found, skipped);
      if (!s.ok()) return s;
    }
    if (in->bad()) return Status::Io(selection.files_from + ": read error");
  }
  std::vector<std::string> unique;
  unique.reserve(found.size());
  std::unordered_set<std::string> seen;
  for (std::string& p : found) {
    if (seen.insert(p).second) unique.push_back(std::move(p));
  }
  return unique;
}

}  // namespace registre
