#include "read/pdf/pdf_repair.h"


#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "read/pdf/inflate.h"

namespace registre::pdf {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses "N G obj" ending right before `obj_pos` (the 'o' of "obj"); returns N or nullopt.
std::optional<std::pair<long, long>> HeaderBefore(std::string_view s, std::size_t obj_pos,
                                                  std::size_t& header_start) {
  std::size_t i = obj_pos;
  auto skip_spaces = [&]() {
    std::size_t n = 0;
    while (i > 0 && IsSpace(s[i - 1])) --i, ++n;
    return n;
  };
  auto read_number = [&](long& value) {
    std::size_t end = i;
    while (i > 0 && IsDigit(s[i - 1]) && end - i < 10) --i;
    if (i == end) return false;
    value = std::stol(std::string(s.substr(i, end - i)));
    return true;
  };
  long gen = 0, num = 0;
  if (skip_spaces() == 0) return std::nullopt;
  if (!read_number(gen)) return std::nullopt;
  if (skip_spaces() == 0) return std::nullopt;
  if (!read_number(num)) return std::nullopt;
  if (i > 0 && !IsSpace(s[i - 1]) && s[i - 1] != '>' && s[i - 1] != ']' && s[i - 1] != ')')
    return std::nullopt;
  header_start = i;
  return std::make_pair(num, gen);
}

struct Object {
  long gen = 0;
  std::string body;  // between "obj" and "endobj", stream lengths fixed
};

// Replaces the value of /Length in the dictionary part of `body` by `length`.
void FixLength(std::string& body, std::size_t dict_end, std::size_t length) {
  std::size_t key = body.rfind("/Length", dict_end);
  if (key == std::string::npos) {
    std::size_t open = body.find("<<");
    if (open != std::string::npos && open < dict_end)
      body.insert(open + 2, " /Length " + std::to_string(length) + " ");
    return;
  }
  std::size_t p = key + 7;
  if (p < body.size() && !IsSpace(body[p]) && body[p] != '-' && !IsDigit(body[p]))
    return;  // /Length1 etc.
  std::size_t start = p;
  while (p < body.size() && IsSpace(body[p])) ++p;
  std::size_t value_end = p;
  while (value_end < body.size() && (IsDigit(body[value_end]) || body[value_end] == '-' ||
                                     body[value_end] == '+' || body[value_end] == '.'))
    ++value_end;
  // An indirect length: "N G R".
  std::size_t q = value_end;
  while (q < body.size() && IsSpace(body[q])) ++q;
  std::size_t gen_end = q;
  while (gen_end < body.size() && IsDigit(body[gen_end])) ++gen_end;
  std::size_t r = gen_end;
  while (r < body.size() && IsSpace(body[r])) ++r;
  if (gen_end > q && r < body.size() && body[r] == 'R') value_end = r + 1;
  body.replace(start, value_end - start, " " + std::to_string(length));
}

// Parses one object body starting after "obj" at `pos`; returns its end (after "endobj"
// when present). Fixes the stream length to the bytes actually present.
// The next place of a keyword at or after a position that only moves forward: each search
// resumes where the last one stopped, so that finding every object's end and stream keyword
// reads the file once (searched from each object to the end of the file, a file of many
// small objects took quadratic time: 25 s for a 200,000-link reference chain).
class ForwardFinder {
 public:
  ForwardFinder(std::string_view s, std::string_view word) : s_(s), word_(word) {}
  std::size_t From(std::size_t pos) {
    if (!searched_ || (next_ != std::string_view::npos && next_ < pos)) {
      next_ = s_.find(word_, pos);
      searched_ = true;
    }
    return next_;
  }

 private:
  std::string_view s_, word_;
  std::size_t next_ = std::string_view::npos;
  bool searched_ = false;
};

std::size_t ReadBody(std::string_view s, std::size_t pos, std::size_t limit, Object& obj,
                     ForwardFinder& endobjs, ForwardFinder& streams, ForwardFinder& endstreams) {
  std::size_t endobj = endobjs.From(pos);
  if (endobj > limit) endobj = std::string_view::npos;
  std::size_t stream = streams.From(pos);
  if (stream != std::string_view::npos && stream < limit &&
      (endobj == std::string_view::npos || stream < endobj) &&
      !(stream >= 3 && s.compare(stream - 3, 3, "end") == 0)) {
    std::size_t data = stream + 6;
    if (data < s.size() && s[data] == '\r') ++data;
    if (data < s.size() && s[data] == '\n') ++data;
    std::size_t endstream = endstreams.From(data);
    if (endstream == std::string_view::npos || endstream > limit)
      endstream = std::min(limit, s.size());
    std::size_t data_end = endstream;
    if (data_end > data && s[data_end - 1] == '\n') --data_end;
    if (data_end > data && s[data_end - 1] == '\r') --data_end;
    obj.body.assign(s.substr(pos, stream - pos));
    std::size_t dict_end = obj.body.size();
    FixLength(obj.body, dict_end, data_end - data);
    obj.body += "stream\n";
    obj.body.append(s.substr(data, data_end - data));
    obj.body += "\nendstream";
    std::size_t after = endobjs.From(endstream);
    return after == std::string_view::npos || after > limit ? std::min(limit, s.size()) : after + 6;
  }
  std::size_t end = endobj == std::string_view::npos ? std::min(limit, s.size()) : endobj;
  obj.body.assign(s.substr(pos, end - pos));
  return endobj == std::string_view::npos ? end : endobj + 6;
}

bool HasName(const std::string& dict, const char* key, const char* value) {
  std::size_t p = dict.find(key);
  while (p != std::string::npos) {
    std::size_t q = p + std::char_traits<char>::length(key);
    while (q < dict.size() && IsSpace(dict[q])) ++q;
    if (dict.compare(q, std::char_traits<char>::length(value), value) == 0) return true;
    p = dict.find(key, p + 1);
  }
  return false;
}

long NumberAfter(const std::string& dict, const char* key) {
  std::size_t p = dict.find(key);
  if (p == std::string::npos) return -1;
  p += std::char_traits<char>::length(key);
  while (p < dict.size() && IsSpace(dict[p])) ++p;
  long v = 0;
  bool any = false;
  while (p < dict.size() && IsDigit(dict[p]) && v < 100000000)
    v = v * 10 + (dict[p++] - '0'), any = true;
  return any ? v : -1;
}

// "/Key N G R" -> "N G R" copied from `text`, or "".
std::string RefAfter(std::string_view text, const char* key) {
  std::size_t p = text.rfind(key);
  if (p == std::string_view::npos) return {};
  p += std::char_traits<char>::length(key);
  std::size_t end = p;
  int parts = 0;
  while (end < text.size() && parts < 3) {
    while (end < text.size() && IsSpace(text[end])) ++end;
    std::size_t start = end;
    while (end < text.size() && (IsDigit(text[end]) || text[end] == 'R')) ++end;
    if (end == start) break;
    ++parts;
  }
  std::string ref(text.substr(p, end - p));
  return parts == 3 && !ref.empty() && ref.back() == 'R' ? ref : std::string();
}

std::string ArrayAfter(std::string_view text, const char* key) {
  std::size_t p = text.rfind(key);
  if (p == std::string_view::npos) return {};
  std::size_t open = text.find('[', p);
  std::size_t close = text.find(']', open == std::string_view::npos ? p : open);
  if (open == std::string_view::npos || close == std::string_view::npos || close - open > 400)
    return {};
  return std::string(text.substr(open, close - open + 1));
}

}  // namespace

// PoDoFo's own bound on object numbers (PdfParser::s_nMaxObjects): an object past it, from a
// damaged header or an object stream's index, could not be loaded anyway.
constexpr long kMaxObjectNumber = 8'388'607;

std::string RebuildPdf(std::string_view s, std::size_t max_stream_bytes) {
  try {
    std::map<long, Object> objects;
    std::size_t pos = 0;
    // Every search of the scan goes forward (pos never goes back), so each keyword is
    // looked for once over the file.
    ForwardFinder endobjs(s, "endobj"), streams(s, "stream"), endstreams(s, "endstream");
    constexpr std::size_t kMaxObjects = 2'000'000;
    while (objects.size() < kMaxObjects) {
      std::size_t obj = s.find("obj", pos);
      if (obj == std::string_view::npos) break;
      pos = obj + 3;
      if (obj >= 3 && s.compare(obj - 3, 3, "end") == 0) continue;
      if (pos < s.size() && !IsSpace(s[pos]) && s[pos] != '<' && s[pos] != '[' && s[pos] != '/' &&
          s[pos] != '(' && s[pos] != '%')
        continue;
      std::size_t header = 0;
      auto id = HeaderBefore(s, obj, header);
      if (!id || id->first <= 0 || id->first > kMaxObjectNumber) continue;
      // The object ends at its endobj (or, with a stream, after its endstream).
      Object o;
      o.gen = id->second;
      pos = ReadBody(s, pos, s.size(), o, endobjs, streams, endstreams);
      objects[id->first] = std::move(o);
    }
    // Unpack object streams (not for encrypted files: their data needs the key).
    bool encrypted = s.find("/Encrypt") != std::string_view::npos;
    std::map<long, Object> unpacked;
    std::size_t budget = max_stream_bytes;
    if (!encrypted) {
      for (auto& [num, o] : objects) {
        if (!HasName(o.body, "/Type", "/ObjStm")) continue;
        std::size_t data = o.body.find("stream\n");
        std::size_t end = o.body.rfind("\nendstream");
        if (data == std::string::npos || end == std::string::npos || end < data + 7) continue;
        std::string dict = o.body.substr(0, data);
        std::string raw;
        std::string_view encoded(o.body.data() + data + 7, end - data - 7);
        if (dict.find("/FlateDecode") != std::string::npos) {
          if (!Inflate(encoded, budget, raw)) continue;
        } else if (dict.find("/Filter") == std::string::npos) {
          raw.assign(encoded);
        } else {
          continue;
        }
        budget -= std::min(budget, raw.size());
        long n = NumberAfter(dict, "/N"), first = NumberAfter(dict, "/First");
        if (n <= 0 || first < 0 || static_cast<std::size_t>(first) > raw.size()) continue;
        std::vector<std::pair<long, long>> index;
        std::size_t p = 0;
        for (long k = 0; k < n && k < 1000000; ++k) {
          long values[2] = {0, 0};
          for (long& v : values) {
            while (p < static_cast<std::size_t>(first) && IsSpace(raw[p])) ++p;
            bool any = false;
            while (p < static_cast<std::size_t>(first) && IsDigit(raw[p]) && v < 100000000)
              v = v * 10 + (raw[p++] - '0'), any = true;
            if (!any) v = -1;
          }
          if (values[0] <= 0 || values[1] < 0) break;
          index.emplace_back(values[0], values[1]);
        }
        for (std::size_t k = 0; k < index.size(); ++k) {
          std::size_t start = static_cast<std::size_t>(first + index[k].second);
          std::size_t stop = k + 1 < index.size()
                                 ? static_cast<std::size_t>(first + index[k + 1].second)
                                 : raw.size();
          if (start >= raw.size() || stop <= start || stop > raw.size()) continue;
          Object inner;
          inner.body = raw.substr(start, stop - start);
          unpacked[index[k].first] = std::move(inner);
        }
      }
    }
    for (auto& [num, o] : unpacked) {
      if (num > 0 && num <= kMaxObjectNumber && !objects.count(num)) objects[num] = std::move(o);
    }
    // Drop the indexes we replace.
    long root = -1;
    for (auto it = objects.begin(); it != objects.end();) {
      const std::string& body = it->second.body;
      std::size_t dict_len = std::min<std::size_t>(body.find("stream"), body.size());
      std::string head = body.substr(0, std::min<std::size_t>(dict_len, 4096));
      if (!encrypted && (HasName(head, "/Type", "/XRef") || HasName(head, "/Type", "/ObjStm"))) {
        it = objects.erase(it);
        continue;
      }
      if (HasName(head, "/Type", "/Catalog")) root = it->first;
      ++it;
    }
    if (objects.empty()) return {};
    if (root < 0) {
      // No catalog (a truncated file loses it first: producers write it last). Make one
      // with a page tree holding every page object found, in object-number order.
      std::string kids;
      int count = 0;
      for (const auto& [num, o] : objects) {
        std::string head = o.body.substr(0, std::min<std::size_t>(o.body.find("stream"), 4096));
        if (HasName(head, "/Type", "/Page") && !HasName(head, "/Type", "/Pages")) {
          kids += std::to_string(num) + " " + std::to_string(o.gen) + " R ";
          ++count;
        }
      }
      if (count == 0) return {};
      long pages = objects.rbegin()->first + 1;
      objects[pages].body =
          "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(count) + " >>";
      objects[pages + 1].body = "<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>";
      root = pages + 1;
    }
    std::string trailer_info;
    std::size_t trailer = s.rfind("trailer");
    std::string_view trailer_text =
        trailer == std::string_view::npos ? std::string_view() : s.substr(trailer, 2000);
    std::string info = RefAfter(trailer_text, "/Info");
    std::string encrypt = RefAfter(s, "/Encrypt");
    std::string id = ArrayAfter(s, "/ID");

    std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    long max_num = objects.rbegin()->first;
    std::vector<std::pair<long, std::size_t>> offsets;  // object number, offset: in order
    offsets.reserve(objects.size());
    for (const auto& [num, o] : objects) {
      offsets.push_back({num, out.size()});
      out += std::to_string(num) + " " + std::to_string(o.gen) + " obj\n";
      out += o.body;
      out += "\nendobj\n";
    }
    // One subsection per run of consecutive numbers: the table's size follows the objects
    // found, not the largest number a damaged file names.
    std::size_t xref = out.size();
    out += "xref\n0 1\n0000000000 65535 f \n";
    char line[32];
    for (std::size_t i = 0; i < offsets.size();) {
      std::size_t j = i + 1;
      while (j < offsets.size() && offsets[j].first == offsets[j - 1].first + 1) ++j;
      out += std::to_string(offsets[i].first) + " " + std::to_string(j - i) + "\n";
      for (; i < j; ++i) {
        std::snprintf(line, sizeof line, "%010zu %05ld n \n", offsets[i].second,
                      objects[offsets[i].first].gen % 100000);
        out += line;
      }
    }
    out += "trailer\n<< /Size " + std::to_string(max_num + 1) + " /Root " + std::to_string(root) +
           " " + std::to_string(objects[root].gen) + " R";
    if (!info.empty()) out += " /Info " + info;
    if (!encrypt.empty()) out += " /Encrypt " + encrypt;
    if (!id.empty()) out += " /ID " + id;
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  } catch (...) {
    return {};
  }
}

}  // namespace registre::pdf
