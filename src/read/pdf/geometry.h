// Matrix: a PDF affine transform [a b c d e f] with PDF's row-vector convention
// (p' = p x M), so `Multiply(m, ctm)` is "m then ctm" as in the `cm` operator.
#pragma once

#include <cmath>

namespace registre::pdf {

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

  static Matrix Translate(double tx, double ty) { return {1, 0, 0, 1, tx, ty}; }
  bool finite() const {
    return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d) &&
           std::isfinite(e) && std::isfinite(f);
  }
};

inline Matrix Multiply(const Matrix& m, const Matrix& n) {
  return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d,       m.c * n.a + m.d * n.c,
          m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

struct Point {
  double x = 0, y = 0;
};

inline Point Apply(const Matrix& m, double x, double y) {
  return {x * m.a + y * m.c + m.e, x * m.b + y * m.d + m.f};
}

}  // namespace registre::pdf
