#include "output/akn/akn_sink.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "output/akn/akn_document.h"
#include "output/record_fields.h"

namespace registre {
namespace {

class AknSink : public RecordSink {
 public:
  explicit AknSink(std::filesystem::path directory) : directory_(std::move(directory)) {}

  Status Write(const nlohmann::json& record) override {
    std::string id = OptString(record, "/id").value_or("");
    auto doc = MakeAknDocument(record);
    if (!doc.ok()) return doc.status().Annotate("record " + id + ": no Akoma Ntoso document");
    std::string name = doc.value().file_name;
    if (!used_.insert(name).second) {
      name = id + ".xml";
      used_.insert(name);
    }
    std::filesystem::path path = directory_ / name;
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
