#include "read/pdf/pdf_objects.h"

#include <podofo/podofo.h>

#include <cmath>

namespace registre::pdf {

using namespace PoDoFo;

const PdfObject* Deref(const PdfObject* obj) {
  for (int hop = 0; obj && hop < 8; ++hop) {
    if (!obj->IsReference()) return obj;
    try {
      PdfVecObjects* owner = obj->GetOwner();
      if (!owner) return nullptr;
      obj = owner->GetObject(obj->GetReference());
    } catch (...) {
      return nullptr;
    }
  }
  return (obj && !obj->IsReference()) ? obj : nullptr;
}

bool IsDict(const PdfObject* obj) {
  try {
    return obj && obj->IsDictionary();
  } catch (...) {
    return false;
  }
}

bool IsArrayObject(const PdfObject* obj) {
  try {
    return obj && obj->IsArray();
  } catch (...) {
    return false;
  }
}

bool HasStream(const PdfObject* obj) {
  try {
    return obj && obj->HasStream();
  } catch (...) {
    return false;
  }
}

const PdfObject* DictGet(const PdfObject* dict, const char* key) {
  try {
    dict = Deref(dict);
    if (!dict || !dict->IsDictionary()) return nullptr;
    const PdfObject* value = dict->GetDictionary().GetKey(PdfName(key));
    if (!value) return nullptr;
    if (value->IsReference()) {
      // Owner of a direct value inside an indirect object is the document's vector.
      PdfVecObjects* owner = value->GetOwner() ? value->GetOwner() : dict->GetOwner();
      if (!owner) return nullptr;
      value = owner->GetObject(value->GetReference());
      return Deref(value);
    }
    return value;
  } catch (...) {
    return nullptr;
  }
}

std::size_t ArraySize(const PdfObject* array) {
  try {
    array = Deref(array);
    if (!array || !array->IsArray()) return 0;
    return array->GetArray().size();
  } catch (...) {
    return 0;
  }
}

const PdfObject* ArrayAt(const PdfObject* array, std::size_t index) {
  try {
    array = Deref(array);
    if (!array || !array->IsArray()) return nullptr;
    const PdfArray& a = array->GetArray();
    if (index >= a.size()) return nullptr;
    const PdfObject* item = &a[index];
    if (item->IsReference()) {
      PdfVecObjects* owner = item->GetOwner() ? item->GetOwner() : array->GetOwner();
      if (!owner) return nullptr;
      return Deref(owner->GetObject(item->GetReference()));
    }
    return item;
  } catch (...) {
    return nullptr;
  }
}

bool GetNumber(const PdfObject* obj, double& out) {
  try {
    obj = Deref(obj);
    if (!obj) return false;
    if (obj->IsReal()) {
      out = obj->GetReal();
    } else if (obj->IsNumber()) {
      out = static_cast<double>(obj->GetNumber());
    } else {
      return false;
    }
    if (!std::isfinite(out)) return false;
    return true;
  } catch (...) {
    return false;
  }
}

double NumberOr(const PdfObject* obj, double fallback) {
  double v = 0;
  return GetNumber(obj, v) ? v : fallback;
}

std::string NameOr(const PdfObject* obj, const std::string& fallback) {
  try {
    obj = Deref(obj);
    if (obj && obj->IsName()) return obj->GetName().GetName();
  } catch (...) {
  }
  return fallback;
}

bool GetStringBytes(const PdfObject* obj, std::string& out) {
  try {
    obj = Deref(obj);
    if (!obj || !(obj->IsString() || obj->IsHexString())) return false;
    const PdfString& s = obj->GetString();
    if (!s.IsValid()) return false;
    out.assign(s.GetString(), static_cast<std::size_t>(s.GetLength()));
    return true;
  } catch (...) {
    return false;
  }
}

std::vector<double> NumberArray(const PdfObject* obj, std::size_t max_items) {
  std::vector<double> values;
  std::size_t n = std::min(ArraySize(obj), max_items);
  values.reserve(n);
  for (std::size_t i = 0; i < n; ++i) values.push_back(NumberOr(ArrayAt(obj, i), 0));
  return values;
}

namespace {

// Collects decoded bytes and stops the decoder (by throwing) past the limit.
class CappedOutputStream : public PdfOutputStream {
 public:
  CappedOutputStream(std::string& out, std::size_t max) : out_(out), max_(max) {}
  pdf_long Write(const char* buffer, pdf_long len) override {
    if (len <= 0) return 0;
    std::size_t room = max_ - std::min(max_, out_.size());
    std::size_t n = std::min<std::size_t>(room, static_cast<std::size_t>(len));
    out_.append(buffer, n);
    if (n < static_cast<std::size_t>(len)) {
      cut_ = true;
      PODOFO_RAISE_ERROR_INFO(ePdfError_OutOfMemory, "stream size limit");
    }
    return len;
  }
  void Close() override {}
  bool cut() const { return cut_; }

 private:
  std::string& out_;
  std::size_t max_;
  bool cut_ = false;
};

// The stream's bytes into `out`, decoded by its filters or as stored.
bool CopyStream(const PdfObject* obj, std::size_t max_bytes, bool decoded, std::string& out) {
  out.clear();
  obj = Deref(obj);
  if (!obj) return false;
  CappedOutputStream sink(out, max_bytes);
  try {
    if (!obj->HasStream()) return false;
    const PdfStream* stream = obj->GetStream();
    if (!stream) return false;
    if (decoded)
      stream->GetFilteredCopy(&sink);
    else
      stream->GetCopy(&sink);
    return !sink.cut();
  } catch (...) {
    return false;
  }
}

}  // namespace

bool ReadStream(const PdfObject* obj, std::size_t max_bytes, std::string& out) {
  return CopyStream(obj, max_bytes, true, out);
}

bool ReadRawStream(const PdfObject* obj, std::size_t max_bytes, std::string& out) {
  return CopyStream(obj, max_bytes, false, out);
}

}  // namespace registre::pdf
