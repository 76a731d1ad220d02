#include "read/pdf/pdf_reader.h"

#include <openssl/provider.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>
#include <mutex>
#include <set>

#include "read/pdf/content_interpreter.h"
#include "read/pdf/layout.h"
#include "read/pdf/page_image.h"
#include "read/pdf/pdf_layout_reader.h"
#include "read/pdf/pdf_repair.h"
#include "read/pdf/pdf_sanity.h"

namespace registre {
namespace {

using namespace registre::pdf;

// PoDoFo logs to stderr and RC4/AES-128 need OpenSSL's legacy provider: set up once.
void InitializeLibraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
    OSSL_PROVIDER_load(nullptr, "legacy");
    OSSL_PROVIDER_load(nullptr, "default");
  });
}

std::string ErrorText(const PoDoFo::PdfError& e) {
  const char* name = PoDoFo::PdfError::ErrorName(e.GetError());
  return name ? name : "unknown PoDoFo error";
}

enum class LoadResult { kOk, kPassword, kFailed };

LoadResult Load(PoDoFo::PdfMemDocument& doc, std::string_view bytes, std::string& error) {
  try {
    doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    return LoadResult::kOk;
  } catch (const PoDoFo::PdfError& e) {
    error = ErrorText(e);
    if (e.GetError() == PoDoFo::ePdfError_InvalidPassword) return LoadResult::kPassword;
    return LoadResult::kFailed;
  } catch (const std::exception& e) {
    error = e.what();
    return LoadResult::kFailed;
  } catch (...) {
    error = "unknown error";
    return LoadResult::kFailed;
  }
}

Matrix RotationMatrix(int rotation) {
  switch (((rotation % 360) + 360) % 360) {
    case 90: return {0, -1, 1, 0, 0, 0};
    case 180: return {-1, 0, 0, -1, 0, 0};
    case 270: return {0, 1, -1, 0, 0, 0};
    default: return {};
  }
}

struct PageOutcome {
  std::vector<LayoutLine> lines;
  PageFrame frame;
  double width = 0, height = 0;
  bool truncated = false;
  bool form_depth = false;
};

// The appearance stream of an annotation whose text belongs to the page (stamps, free text).
void RunAnnotations(const PdfObject* page, const PdfObject* resources, const Matrix& ctm,
                    ContentInterpreter& interpreter) {
  const PdfObject* annots = DictGet(page, "Annots");
  std::size_t n = std::min<std::size_t>(ArraySize(annots), 10000);
  for (std::size_t i = 0; i < n; ++i) {
    const PdfObject* annot = ArrayAt(annots, i);
    std::string subtype = NameOr(DictGet(annot, "Subtype"));
    if (subtype != "Stamp" && subtype != "FreeText") continue;
    int flags = static_cast<int>(NumberOr(DictGet(annot, "F"), 0));
    if (flags & 2) continue;  // hidden
    const PdfObject* normal = DictGet(DictGet(annot, "AP"), "N");
    if (normal && !HasStream(normal)) {
      normal = DictGet(normal, NameOr(DictGet(annot, "AS")).c_str());
    }
    if (!HasStream(normal)) continue;
    std::vector<double> rect = NumberArray(DictGet(annot, "Rect"), 4);
    std::vector<double> bbox = NumberArray(DictGet(normal, "BBox"), 4);
    std::vector<double> m = NumberArray(DictGet(normal, "Matrix"), 6);
    if (rect.size() != 4) continue;
    Matrix form_matrix;
    if (m.size() == 6) form_matrix = {m[0], m[1], m[2], m[3], m[4], m[5]};
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    if (bbox.size() == 4) {
      Point corners[4] = {
          Apply(form_matrix, bbox[0], bbox[1]), Apply(form_matrix, bbox[2], bbox[1]),
          Apply(form_matrix, bbox[0], bbox[3]), Apply(form_matrix, bbox[2], bbox[3])};
      minx = maxx = corners[0].x;
      miny = maxy = corners[0].y;
      for (const Point& p : corners) {
        minx = std::min(minx, p.x);
        maxx = std::max(maxx, p.x);
        miny = std::min(miny, p.y);
        maxy = std::max(maxy, p.y);
      }
    }
    double rx0 = std::min(rect[0], rect[2]), rx1 = std::max(rect[0], rect[2]);
    double ry0 = std::min(rect[1], rect[3]), ry1 = std::max(rect[1], rect[3]);
    double sx = (maxx - minx) > 1e-6 ? (rx1 - rx0) / (maxx - minx) : 1;
    double sy = (maxy - miny) > 1e-6 ? (ry1 - ry0) / (maxy - miny) : 1;
    Matrix a{sx, 0, 0, sy, rx0 - minx * sx, ry0 - miny * sy};
    if (!a.finite()) continue;
    interpreter.RunForm(normal, resources, Multiply(a, ctm));
  }
}

PageOutcome ReadPage(PoDoFo::PdfPage& page, FontCache& fonts, const InterpreterLimits& limits) {
  PageOutcome outcome;
  Matrix ctm = RotationMatrix(page.GetRotation());
  PoDoFo::PdfRect box = page.GetMediaBox();
  {
    double l = box.GetLeft(), b = box.GetBottom(), w = box.GetWidth(), h = box.GetHeight();
    Point c[4] = {Apply(ctm, l, b), Apply(ctm, l + w, b), Apply(ctm, l, b + h),
                  Apply(ctm, l + w, b + h)};
    double minx = c[0].x, maxx = c[0].x, miny = c[0].y, maxy = c[0].y;
    for (const Point& p : c) {
      minx = std::min(minx, p.x);
      maxx = std::max(maxx, p.x);
      miny = std::min(miny, p.y);
      maxy = std::max(maxy, p.y);
    }
    outcome.frame = {miny, maxy};
    outcome.width = maxx - minx;
    outcome.height = maxy - miny;
  }
  const PdfObject* page_object = page.GetObject();
  const PdfObject* resources = page.GetResources();
  // Content: one stream or an array of streams, concatenated.
  std::string content;
  const PdfObject* contents = DictGet(page_object, "Contents");
  std::string part;
  if (IsArrayObject(contents)) {
    std::size_t n = std::min<std::size_t>(ArraySize(contents), 100000);
    for (std::size_t i = 0; i < n && content.size() < limits.max_stream_bytes; ++i) {
      ReadStream(ArrayAt(contents, i), limits.max_stream_bytes - content.size(), part);
      content += part;
      content += '\n';
    }
  } else if (contents) {
    ReadStream(contents, limits.max_stream_bytes, content);
  }
  std::vector<PositionedGlyph> glyphs;
  ContentInterpreter interpreter(fonts, limits, glyphs);
  interpreter.Run(content, resources, ctm);
  RunAnnotations(page_object, resources, ctm, interpreter);
  outcome.truncated = interpreter.truncated();
  outcome.form_depth = interpreter.form_depth_exceeded();
  outcome.lines = BuildLines(glyphs);
  return outcome;
}

// The page tree's leaves in order, each once, with their ancestors (for inherited
// /Resources). Ours rather than PoDoFo's: PoDoFo gives up on a tree that contains itself
// (a /Kids entry pointing back to an ancestor) and then every page is lost; here the
// repeated node is skipped and the walk goes on. Depth and pages are bounded.
struct PageNode {
  PdfObject* object;
  std::deque<PdfObject*> parents;
};

struct PageTreeWalk {
  std::vector<PageNode> pages;
  bool repeated = false;  // a node reached twice (a cycle or a shared subtree)
  bool too_deep = false;
};

void WalkPages(PdfObject* node, std::deque<PdfObject*>& parents, std::set<const PdfObject*>& seen,
               std::size_t max_pages, PageTreeWalk& walk) {
  if (!node || walk.pages.size() >= max_pages) return;
  if (!seen.insert(node).second) {
    walk.repeated = true;
    return;
  }
  constexpr std::size_t kMaxDepth = 256;
  const PdfObject* kids = DictGet(node, "Kids");
  if (!IsArrayObject(kids)) {
    if (IsDict(node)) walk.pages.push_back({node, parents});
    return;
  }
  if (parents.size() >= kMaxDepth) {
    walk.too_deep = true;
    return;
  }
  parents.push_back(node);
  std::size_t n = ArraySize(kids);
  for (std::size_t i = 0; i < n && walk.pages.size() < max_pages; ++i)
    WalkPages(const_cast<PdfObject*>(ArrayAt(kids, i)), parents, seen, max_pages, walk);
  parents.pop_back();
}

PageTreeWalk PageObjects(PoDoFo::PdfMemDocument& doc, std::size_t max_pages) {
  PageTreeWalk walk;
  PdfObject* root = nullptr;
  try {
    root = const_cast<PdfObject*>(DictGet(doc.GetCatalog(), "Pages"));
  } catch (...) {
    return walk;
  }
  std::deque<PdfObject*> parents;
  std::set<const PdfObject*> seen;
  WalkPages(root, parents, seen, max_pages, walk);
  return walk;
}

std::string PageList(const std::vector<int>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) out += "-" + std::to_string(pages[j]);
    i = j;
  }
  return out;
}

}  // namespace

Result<PdfLayout> ReadPdfLayout(std::string_view bytes, const PdfReaderOptions& options) {
  InitializeLibraries();
  std::size_t header = bytes.substr(0, 1024).find("%PDF");
  if (header == std::string_view::npos)
    return Status::InvalidInput("not a PDF file (no %PDF header)");
  // PoDoFo parses nested dictionaries recursively: refuse what would overflow its stack.
  constexpr std::size_t kMaxNesting = 1000;
  if (NestingDepth(bytes) > kMaxNesting) {
    return Status::ResourceLimit("the PDF nests arrays or dictionaries more than " +
                                 std::to_string(kMaxNesting) +
                                 " levels deep; refused as malformed");
  }
  PdfLayout layout;
  std::string repaired;  // must outlive the document
  auto doc = std::make_unique<PoDoFo::PdfMemDocument>();
  std::string error;
  LoadResult loaded = Load(*doc, bytes, error);
  if (loaded == LoadResult::kPassword) {
    return Status::InvalidInput(
        "the PDF is encrypted with a password (only an empty user password is supported)");
  }
  if (loaded == LoadResult::kFailed) {
    repaired = pdf::RebuildPdf(bytes, options.max_stream_bytes);
    std::string repair_error;
    if (!repaired.empty()) {
      doc = std::make_unique<PoDoFo::PdfMemDocument>();
      loaded = Load(*doc, repaired, repair_error);
    }
    if (loaded == LoadResult::kPassword) {
      return Status::InvalidInput(
          "the PDF is encrypted with a password (only an empty user password is supported)");
    }
    if (loaded != LoadResult::kOk) {
      return Status::InvalidInput(
          "cannot read the PDF (truncated or damaged beyond repair, no page "
          "could be recovered): " +
          error +
          (repair_error.empty()
               ? ""
               : "; rebuilding its cross-reference table failed: " + repair_error));
    }
    layout.warnings.push_back(
        {"xref_repaired", "the cross-reference table was broken (" + error +
                              "); the file was re-indexed, some content may be lost"});
  }
  if (doc->GetEncrypt()) {
    layout.warnings.push_back(
        {"encrypted", "the PDF is encrypted; it was opened with the empty user password"});
  }
  PageTreeWalk tree;
  try {
    tree = PageObjects(*doc, 100000);
  } catch (...) {
    tree = {};
  }
  if (tree.pages.empty()) return Status::InvalidInput("the PDF has no readable page");
  if (tree.repeated || tree.too_deep) {
    layout.warnings.push_back(
        {"page_tree_damaged", std::string("the page tree ") +
                                  (tree.repeated ? "reaches a node twice (a cycle)"
                                                 : "is nested too deep") +
                                  "; each page was read once, in tree order"});
  }
  const int page_count = static_cast<int>(tree.pages.size());

  InterpreterLimits limits;
  limits.max_operators = options.max_operators;
  limits.max_stream_bytes = options.max_stream_bytes;
  limits.max_form_depth = options.max_form_depth;
  FontCache fonts(options.max_stream_bytes);
  std::vector<std::vector<LayoutLine>> page_lines(static_cast<std::size_t>(page_count));
  std::vector<PageFrame> frames(static_cast<std::size_t>(page_count));
  std::vector<int> failed, no_text, truncated, deep_forms, unsupported_scans;
  std::string unsupported_kind;
  layout.pages.resize(static_cast<std::size_t>(page_count));
  for (int i = 0; i < page_count; ++i) {
    PdfPageLayout& out = layout.pages[static_cast<std::size_t>(i)];
    out.number = i + 1;
    try {
      const PageNode& node = tree.pages[static_cast<std::size_t>(i)];
      PoDoFo::PdfPage page(node.object, node.parents);
      PageOutcome outcome = ReadPage(page, fonts, limits);
      if (outcome.lines.empty()) {
        std::string unsupported;
        if (auto image = PageScanImage(page.GetResources(), outcome.width,
                                       options.max_stream_bytes, &unsupported)) {
          out.scan_image = std::move(image->encoded);
          out.scan_dpi = image->dpi;
        } else if (!unsupported.empty()) {
          unsupported_scans.push_back(i + 1);
          unsupported_kind = unsupported;
        }
      }
      out.width = outcome.width;
      out.height = outcome.height;
      frames[static_cast<std::size_t>(i)] = outcome.frame;
      page_lines[static_cast<std::size_t>(i)] = std::move(outcome.lines);
      if (outcome.truncated) truncated.push_back(i + 1);
      if (outcome.form_depth) deep_forms.push_back(i + 1);
    } catch (const PoDoFo::PdfError& e) {
      out.failed = true;
      failed.push_back(i + 1);
      layout.warnings.push_back(
          {"page_failed", "page " + std::to_string(i + 1) + " could not be read: " + ErrorText(e)});
    } catch (const std::exception& e) {
      out.failed = true;
      failed.push_back(i + 1);
      layout.warnings.push_back(
          {"page_failed", "page " + std::to_string(i + 1) + " could not be read: " + e.what()});
    } catch (...) {
      out.failed = true;
      failed.push_back(i + 1);
      layout.warnings.push_back(
          {"page_failed", "page " + std::to_string(i + 1) + " could not be read"});
    }
  }
  MarkFurniture(page_lines, frames);
  for (int i = 0; i < page_count; ++i) {
    PdfPageLayout& out = layout.pages[static_cast<std::size_t>(i)];
    for (LayoutLine& line : page_lines[static_cast<std::size_t>(i)]) {
      out.lines.push_back({std::move(line.text), line.x0, line.x1, line.y, line.size,
                           line.orientation, line.furniture, line.blank_before});
    }
    out.has_text = !out.lines.empty();
    if (!out.has_text && !out.failed) no_text.push_back(i + 1);
  }
  if (!no_text.empty()) {
    layout.warnings.push_back({"no_text_layer", "no text layer on page" +
                                                    std::string(no_text.size() > 1 ? "s " : " ") +
                                                    PageList(no_text)});
  }
  if (!unsupported_scans.empty()) {
    layout.warnings.push_back(
        {"scan_unsupported", "the scan of page" +
                                 std::string(unsupported_scans.size() > 1 ? "s " : " ") +
                                 PageList(unsupported_scans) + " is not read: " +
                                 unsupported_kind + " are not decoded yet"});
  }
  if (!truncated.empty()) {
    layout.warnings.push_back(
        {"page_truncated", "reading stopped at a size limit on page" +
                               std::string(truncated.size() > 1 ? "s " : " ") +
                               PageList(truncated)});
  }
  if (!deep_forms.empty()) {
    layout.warnings.push_back(
        {"form_depth", "nested forms deeper than the limit were skipped on page" +
                           std::string(deep_forms.size() > 1 ? "s " : " ") + PageList(deep_forms)});
  }
  if (failed.size() == static_cast<std::size_t>(page_count)) {
    return Status::InvalidInput("no page of the PDF could be read (" +
                                layout.warnings.front().message + ")");
  }
  return layout;
}

SourceText LayoutToSourceText(const PdfLayout& layout) {
  SourceText source;
  source.format = "pdf";
  source.encoding = "UTF-8";
  for (std::size_t p = 0; p < layout.pages.size(); ++p) {
    if (p > 0) source.text += '\f';
    bool first = true;
    for (const PdfLine& line : layout.pages[p].lines) {
      if (!first)
        source.text.append(static_cast<std::size_t>(std::clamp(line.blank_before, 0, 4)), '\n');
      first = false;
      source.text += line.text;
      source.text += '\n';
    }
    if (!layout.pages[p].scan_image.empty()) {
      source.scan_pages.push_back({layout.pages[p].number, layout.pages[p].scan_image,
                                   layout.pages[p].scan_dpi});
    }
  }
  source.warnings = layout.warnings;
  return source;
}

Result<SourceText> ReadPdf(std::string_view bytes, const PdfReaderOptions& options) {
  Result<PdfLayout> layout = ReadPdfLayout(bytes, options);
  if (!layout.ok()) return layout.status();
  return LayoutToSourceText(layout.value());
}

}  // namespace registre
