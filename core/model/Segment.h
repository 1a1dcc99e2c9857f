#pragma once
// The point of a segment nearest to a point, in doubles: one expression for
// every caller, so that their distances round alike.
#include "model/Geometry.h"

#include <algorithm>

namespace vgscan {

// The point of segment a-b nearest to p (a, for a segment of no length).
inline Point nearestOnSegment(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2, 0.0, 1.0) : 0.0;
    return Point(a.x() + t * dx, a.y() + t * dy);
}

}  // namespace vgscan
