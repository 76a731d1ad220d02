// ContentInterpreter: runs page content streams and reports every shown glyph with its
// position, in content-stream order.
//
// Contract: implements the text state (BT/ET, Tf Tc Tw Tz TL Ts Td TD Tm T* ' " Tj TJ),
// the graphics state stack (q/Q/cm), Form XObjects (recursively, cycles cut, at most
// `max_form_depth` deep), marked content with /ActualText (the replacement text is given
// to the first glyph of the span, the others get empty text), inline images (skipped).
// Positions are in display space (page /Rotate applied by the caller's initial CTM) and
// then rotated into the glyph's own reading direction (`orientation` 0..3 quarter turns),
// so x always runs along the text and y is the baseline. Never throws; stops quietly when
// an operator, glyph or byte budget is spent and says so through truncated().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "read/pdf/geometry.h"
#include "read/pdf/pdf_font.h"
#include "read/pdf/pdf_lexer.h"
#include "read/pdf/pdf_objects.h"

namespace registre::pdf {

struct PositionedGlyph {
  std::string text;       // UTF-8; empty for ActualText continuations and unmapped glyphs
  double x0 = 0, x1 = 0;  // start and end of the glyph's advance (without Tc/Tw)
  double y = 0;           // baseline
  double size = 0;        // font size (em height) in display space
  int orientation = 0;    // quarter turns of the text direction, counter-clockwise
  bool blank = false;     // whitespace glyph: never used for geometry
};

struct InterpreterLimits {
  std::size_t max_operators = 5'000'000;
  std::size_t max_glyphs = 2'000'000;
  std::size_t max_stream_bytes = 64u << 20;
  int max_form_depth = 12;
};

class ContentInterpreter {
 public:
  ContentInterpreter(FontCache& fonts, const InterpreterLimits& limits,
                     std::vector<PositionedGlyph>& out);

  // Runs `content` with `resources` (may be null) under `ctm`.
  void Run(std::string_view content, const PdfObject* resources, const Matrix& ctm);
  // Runs a Form XObject (its /Matrix and /Resources, `parent_resources` if it has none).
  void RunForm(const PdfObject* form, const PdfObject* parent_resources, const Matrix& ctm);

  bool truncated() const { return truncated_; }
  bool form_depth_exceeded() const { return form_depth_exceeded_; }

 private:
  struct TextState {
    double char_spacing = 0, word_spacing = 0, scale = 1, leading = 0, size = 0, rise = 0;
    const Font* font = nullptr;
  };
  struct GraphicsState {
    Matrix ctm;
    TextState text;
  };
  struct MarkedContent {
    bool has_actual_text = false;
    bool emitted = false;
    std::string actual_text;
  };

  // A fresh graphics state under `ctm`, no operands, no marked content.
  void Reset(const Matrix& ctm);
  void Execute(std::string_view content, const PdfObject* resources, int depth);
  void DoOperator(const std::string& op, std::vector<Token>& operands, PdfLexer& lexer,
                  const PdfObject* resources, int depth);
  void ShowString(const std::string& bytes);
  void EmitGlyph(const std::string& text, double width);
  void BeginMarkedContent(const std::vector<Token>& operands, const PdfObject* resources);
  void RunFormAt(const PdfObject* form, const PdfObject* parent_resources, int depth);
  bool Budget();

  FontCache& fonts_;
  InterpreterLimits limits_;
  std::vector<PositionedGlyph>& out_;

  GraphicsState gs_;
  std::vector<GraphicsState> stack_;
  Matrix tm_, tlm_;
  std::vector<MarkedContent> marked_;
  std::vector<const PdfObject*> active_forms_;
  std::unordered_map<const PdfObject*, std::string> form_cache_;
  std::size_t cached_bytes_ = 0;
  std::size_t operators_ = 0;
  bool truncated_ = false;
  bool form_depth_exceeded_ = false;
  std::string scratch_;
};

}  // namespace registre::pdf
