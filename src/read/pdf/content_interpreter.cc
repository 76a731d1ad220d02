#include "read/pdf/content_interpreter.h"

#include <cmath>

#include "read/pdf/unicode_util.h"

namespace registre::pdf {
namespace {

constexpr std::size_t kMaxOperands = 65536;
constexpr std::size_t kMaxStateDepth = 1024;

// The last `n` operands as numbers (missing or non-numeric -> 0). Returns false when there
// are fewer than n numeric operands at the end of the stack.
bool Numbers(const std::vector<Token>& ops, std::size_t n, double* out) {
  if (ops.size() < n) return false;
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = ops[ops.size() - n + i];
    if (t.kind != TokenKind::kNumber) return false;
    out[i] = t.number;
  }
  return true;
}

const Token* LastOf(const std::vector<Token>& ops, TokenKind kind) {
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    if (it->kind == kind) return &*it;
  }
  return nullptr;
}

}  // namespace

ContentInterpreter::ContentInterpreter(FontCache& fonts, const InterpreterLimits& limits,
                                       std::vector<PositionedGlyph>& out)
    : fonts_(fonts), limits_(limits), out_(out) {}

bool ContentInterpreter::Budget() {
  if (truncated_) return false;
  if (++operators_ > limits_.max_operators || out_.size() >= limits_.max_glyphs) {
    truncated_ = true;
    return false;
  }
  return true;
}

void ContentInterpreter::Reset(const Matrix& ctm) {
  gs_ = GraphicsState();
  gs_.ctm = ctm;
  stack_.clear();
  marked_.clear();
}

void ContentInterpreter::Run(std::string_view content, const PdfObject* resources,
                             const Matrix& ctm) {
  Reset(ctm);
  Execute(content, resources, 0);
}

void ContentInterpreter::RunForm(const PdfObject* form, const PdfObject* parent_resources,
                                 const Matrix& ctm) {
  Reset(ctm);
  RunFormAt(form, parent_resources, 0);
}

void ContentInterpreter::Execute(std::string_view content, const PdfObject* resources, int depth) {
  PdfLexer lexer(content);
  std::vector<Token> operands;
  Token token;
  while (!truncated_ && lexer.Next(token)) {
    if (token.kind != TokenKind::kKeyword) {
      if (operands.size() >= kMaxOperands) operands.clear();  // absurd operand runs are dropped
      operands.push_back(std::move(token));
      continue;
    }
    if (!Budget()) break;
    DoOperator(token.text, operands, lexer, resources, depth);
    operands.clear();
  }
}

void ContentInterpreter::DoOperator(const std::string& op, std::vector<Token>& ops, PdfLexer& lexer,
                                    const PdfObject* resources, int depth) {
  double v[6];
  TextState& ts = gs_.text;
  switch (op.size()) {
    case 1:
      switch (op[0]) {
        case 'q':
          if (stack_.size() < kMaxStateDepth) stack_.push_back(gs_);
          return;
        case 'Q':
          if (!stack_.empty()) {
            gs_ = stack_.back();
            stack_.pop_back();
          }
          return;
        case '\'':
          tlm_ = Multiply(Matrix::Translate(0, -ts.leading), tlm_);
          tm_ = tlm_;
          if (const Token* s = LastOf(ops, TokenKind::kString)) ShowString(s->text);
          return;
        case '"':
          if (ops.size() >= 3 && ops[ops.size() - 3].kind == TokenKind::kNumber &&
              ops[ops.size() - 2].kind == TokenKind::kNumber) {
            ts.word_spacing = ops[ops.size() - 3].number;
            ts.char_spacing = ops[ops.size() - 2].number;
          }
          tlm_ = Multiply(Matrix::Translate(0, -ts.leading), tlm_);
          tm_ = tlm_;
          if (const Token* s = LastOf(ops, TokenKind::kString)) ShowString(s->text);
          return;
        default: return;
      }
    case 2:
      if (op == "cm") {
        if (Numbers(ops, 6, v)) {
          Matrix m{v[0], v[1], v[2], v[3], v[4], v[5]};
          Matrix next = Multiply(m, gs_.ctm);
          if (next.finite()) gs_.ctm = next;
        }
      } else if (op == "BT") {
        tm_ = Matrix();
        tlm_ = Matrix();
      } else if (op == "Tj") {
        if (const Token* s = LastOf(ops, TokenKind::kString)) ShowString(s->text);
      } else if (op == "TJ") {
        std::size_t start = 0;
        for (std::size_t i = ops.size(); i-- > 0;) {
          if (ops[i].kind == TokenKind::kArrayOpen) {
            start = i + 1;
            break;
          }
        }
        for (std::size_t i = start; i < ops.size(); ++i) {
          if (ops[i].kind == TokenKind::kString) {
            ShowString(ops[i].text);
          } else if (ops[i].kind == TokenKind::kNumber) {
            double tx = -ops[i].number / 1000.0 * ts.size * ts.scale;
            if (std::isfinite(tx)) tm_ = Multiply(Matrix::Translate(tx, 0), tm_);
          }
        }
      } else if (op == "Td" || op == "TD") {
        if (Numbers(ops, 2, v)) {
          if (op == "TD") ts.leading = -v[1];
          tlm_ = Multiply(Matrix::Translate(v[0], v[1]), tlm_);
          tm_ = tlm_;
        }
      } else if (op == "Tm") {
        if (Numbers(ops, 6, v)) {
          Matrix m{v[0], v[1], v[2], v[3], v[4], v[5]};
          if (m.finite()) {
            tlm_ = m;
            tm_ = m;
          }
        }
      } else if (op == "T*") {
        tlm_ = Multiply(Matrix::Translate(0, -ts.leading), tlm_);
        tm_ = tlm_;
      } else if (op == "Tf") {
        const Token* name = LastOf(ops, TokenKind::kName);
        if (Numbers(ops, 1, v)) ts.size = v[0];
        if (name) {
          const PdfObject* font_dict = DictGet(DictGet(resources, "Font"), name->text.c_str());
          ts.font = font_dict ? fonts_.Get(font_dict) : fonts_.fallback();
        }
      } else if (op == "Tc") {
        if (Numbers(ops, 1, v)) ts.char_spacing = v[0];
      } else if (op == "Tw") {
        if (Numbers(ops, 1, v)) ts.word_spacing = v[0];
      } else if (op == "Tz") {
        if (Numbers(ops, 1, v)) ts.scale = v[0] / 100.0;
      } else if (op == "TL") {
        if (Numbers(ops, 1, v)) ts.leading = v[0];
      } else if (op == "Ts") {
        if (Numbers(ops, 1, v)) ts.rise = v[0];
      } else if (op == "Do") {
        const Token* name = LastOf(ops, TokenKind::kName);
        if (!name) return;
        const PdfObject* xobject = DictGet(DictGet(resources, "XObject"), name->text.c_str());
        if (xobject && NameOr(DictGet(xobject, "Subtype")) == "Form") {
          RunFormAt(xobject, resources, depth);
        }
      } else if (op == "BI") {
        // Inline image: skip its dictionary up to ID, then its data up to EI.
        Token t;
        while (lexer.Next(t)) {
          if (t.kind == TokenKind::kKeyword && t.text == "ID") {
            lexer.SkipInlineImage();
            break;
          }
        }
      }
      return;
    case 3:
      if (op == "BDC") {
        BeginMarkedContent(ops, resources);
      } else if (op == "BMC") {
        if (marked_.size() < kMaxStateDepth) marked_.emplace_back();
      } else if (op == "EMC") {
        if (!marked_.empty()) marked_.pop_back();
      }
      return;
    default: return;
  }
}

void ContentInterpreter::BeginMarkedContent(const std::vector<Token>& ops,
                                            const PdfObject* resources) {
  if (marked_.size() >= kMaxStateDepth) return;
  MarkedContent mc;
  for (std::size_t i = 0; i + 1 < ops.size(); ++i) {
    if (ops[i].kind == TokenKind::kName && ops[i].text == "ActualText" &&
        ops[i + 1].kind == TokenKind::kString) {
      mc.has_actual_text = true;
      mc.actual_text = DecodePdfTextString(ops[i + 1].text);
      break;
    }
  }
  if (!mc.has_actual_text && !ops.empty() && ops.back().kind == TokenKind::kName &&
      ops.size() >= 2) {
    const PdfObject* props = DictGet(DictGet(resources, "Properties"), ops.back().text.c_str());
    std::string bytes;
    if (props && GetStringBytes(DictGet(props, "ActualText"), bytes)) {
      mc.has_actual_text = true;
      mc.actual_text = DecodePdfTextString(bytes);
    }
  }
  marked_.push_back(std::move(mc));
}

void ContentInterpreter::RunFormAt(const PdfObject* form, const PdfObject* parent_resources,
                                   int depth) {
  form = Deref(form);
  if (!form) return;
  if (depth >= limits_.max_form_depth) {
    form_depth_exceeded_ = true;
    return;
  }
  for (const PdfObject* active : active_forms_) {
    if (active == form) return;  // a form that draws itself
  }
  auto it = form_cache_.find(form);
  if (it == form_cache_.end()) {
    std::string data;
    ReadStream(form, limits_.max_stream_bytes, data);
    if (cached_bytes_ + data.size() > 4 * limits_.max_stream_bytes) {
      truncated_ = true;
      return;
    }
    cached_bytes_ += data.size();
    it = form_cache_.emplace(form, std::move(data)).first;
  }
  const PdfObject* resources = DictGet(form, "Resources");
  if (!resources) resources = parent_resources;
  std::vector<double> m = NumberArray(DictGet(form, "Matrix"), 6);

  GraphicsState saved = gs_;
  Matrix saved_tm = tm_, saved_tlm = tlm_;
  std::size_t saved_stack = stack_.size();
  std::size_t saved_marked = marked_.size();
  if (m.size() == 6) {
    Matrix matrix{m[0], m[1], m[2], m[3], m[4], m[5]};
    Matrix next = Multiply(matrix, gs_.ctm);
    if (next.finite()) gs_.ctm = next;
  }
  active_forms_.push_back(form);
  Execute(it->second, resources, depth + 1);
  active_forms_.pop_back();
  stack_.resize(std::min(stack_.size(), saved_stack));
  if (marked_.size() > saved_marked) marked_.resize(saved_marked);
  gs_ = saved;
  tm_ = saved_tm;
  tlm_ = saved_tlm;
}

void ContentInterpreter::ShowString(const std::string& bytes) {
  TextState& ts = gs_.text;
  const Font* font = ts.font ? ts.font : fonts_.fallback();
  DecodedChar ch;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    scratch_.clear();
    pos += static_cast<std::size_t>(font->Decode(bytes, pos, scratch_, ch));
    EmitGlyph(scratch_, ch.width);
    double tx =
        (ch.width * ts.size + ts.char_spacing + (ch.word_space ? ts.word_spacing : 0)) * ts.scale;
    if (std::isfinite(tx)) {
      tm_.e += tx * tm_.a;
      tm_.f += tx * tm_.b;
    }
    if (out_.size() >= limits_.max_glyphs) {
      truncated_ = true;
      return;
    }
  }
}

void ContentInterpreter::EmitGlyph(const std::string& decoded, double width) {
  const TextState& ts = gs_.text;
  const Font* font = ts.font ? ts.font : fonts_.fallback();
  Matrix m = Multiply(tm_, gs_.ctm);
  Point origin = Apply(m, 0, ts.rise);
  Point end = Apply(m, width * ts.size * ts.scale, ts.rise);
  double size = std::fabs(ts.size) * std::hypot(m.c, m.d) * font->size_scale();
  if (!std::isfinite(origin.x) || !std::isfinite(origin.y) || !std::isfinite(end.x) ||
      !std::isfinite(end.y) || !std::isfinite(size)) {
    return;
  }
  double dx = m.a * (ts.size * ts.scale >= 0 ? 1 : -1),
         dy = m.b * (ts.size * ts.scale >= 0 ? 1 : -1);
  int orientation = 0;
  if (std::fabs(dx) >= std::fabs(dy)) {
    orientation = dx >= 0 ? 0 : 2;
  } else {
    orientation = dy > 0 ? 1 : 3;
  }
  PositionedGlyph g;
  // Rotate by -orientation quarter turns so the text runs along +x.
  auto rotate = [orientation](Point p) -> Point {
    switch (orientation) {
      case 1: return {p.y, -p.x};
      case 2: return {-p.x, -p.y};
      case 3: return {-p.y, p.x};
      default: return p;
    }
  };
  Point o = rotate(origin), e = rotate(end);
  g.x0 = o.x;
  g.x1 = e.x;
  g.y = o.y;
  g.size = size;
  g.orientation = orientation;
  // ActualText: the innermost span with replacement text takes over.
  MarkedContent* span = nullptr;
  for (auto it = marked_.rbegin(); it != marked_.rend(); ++it) {
    if (it->has_actual_text) {
      span = &*it;
      break;
    }
  }
  if (span) {
    if (!span->emitted) {
      g.text = span->actual_text;
      span->emitted = true;
    }
  } else {
    g.text = decoded;
  }
  g.blank = !g.text.empty() && IsBlankText(g.text);
  out_.push_back(std::move(g));
}

}  // namespace registre::pdf
