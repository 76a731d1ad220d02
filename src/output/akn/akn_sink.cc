#include "output/akn/akn_sink.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/sha256.h"
#include "output/akn/akn_document.h"
#include "output/record_fields.h"

namespace registre {
namespace {

constexpr std::size_t kNameBytes = 100;  // a file name's readable part, before its hash

// A file name made from `text` (a record's id, or the name the document proposes) that
// cannot leave the output directory nor be too long for it: ASCII letters, digits, '-' and
// '_' kept, every other run of bytes one '-', no dash first, at most kNameBytes, then, when
// anything was changed or `always_hash`, '-' and 12 hex digits of the SHA-256 of the whole text, so
// that two texts never share a name.
std::string SafeFileName(std::string_view text, bool always_hash) {
  std::string name;
  bool changed = false;
  for (char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    if (!keep) changed = true;
    if (!keep && !name.empty() && name.back() == '-') continue;
    name += keep ? c : '-';
    if (name.size() >= kNameBytes) {
      changed = changed || name.size() < text.size();
      break;
    }
  }
  // Nor does it start with a dash (an option to the tools people use on it).
  const std::size_t lead = name.find_first_not_of('-');
  name.erase(0, lead == std::string::npos ? name.size() : lead);
  if (name.empty() || changed || always_hash)
    name += (name.empty() ? "" : "-") + Sha256Hex(text).substr(0, 12);
  return name + ".xml";
}

class AknSink : public RecordSink {
 public:
  explicit AknSink(std::filesystem::path directory) : directory_(std::move(directory)) {}

  Status Write(const nlohmann::json& record) override {
    std::string id = OptString(record, "/id").value_or("");
    auto doc = MakeAknDocument(record);
    if (!doc.ok()) return doc.status().Annotate("record " + id + ": no Akoma Ntoso document");
    std::string proposed = doc.value().file_name;
    if (proposed.ends_with(".xml")) proposed.resize(proposed.size() - 4);
    std::string name = SafeFileName(proposed, /*always_hash=*/false);
    // Two records that would share a name: the second is named from its id, hashed.
    if (!used_.insert(name).second) {
      name = SafeFileName(id, /*always_hash=*/true);
      for (int k = 2; !used_.insert(name).second; ++k)
        name = SafeFileName(id + "#" + std::to_string(k), /*always_hash=*/true);
    }
    std::filesystem::path path = directory_ / name;
    // By construction inside the directory; said once more where the file is opened.
    if (name.find('/') != std::string::npos || name.front() == '.')
      return Status::Internal("record " + id + ": unsafe file name " + name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << doc.value().xml;
    out.close();
    if (!out) return Status::Io(path.string() + ": write failed: " + std::strerror(errno));
    ++written_;
    return Status::Ok();
  }

  Status Finish() override { return Status::Ok(); }

  std::vector<std::string> Summary() const override {
    return {"akn: " + std::to_string(written_) + " documents written to " + directory_.string()};
  }

 private:
  std::filesystem::path directory_;
  std::set<std::string> used_;
  size_t written_ = 0;
};

}  // namespace

Result<std::unique_ptr<RecordSink>> MakeAknSink(const std::string& directory) {
  if (directory.empty() || directory == "-") {
    return Status::Usage("the akn format writes one file per record: give a directory with -o");
  }
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec || !std::filesystem::is_directory(directory)) {
    return Status::InvalidInput(
        directory + ": cannot create directory: " + (ec ? ec.message() : "not a directory"));
  }
  return std::unique_ptr<RecordSink>(new AknSink(directory));
}

}  // namespace registre
