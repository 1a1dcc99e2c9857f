#include "derive/Placement.h"

#include <cmath>
#include <numbers>

namespace vgscan {

Point toWorld(const Point& p, const PlanPlacement& at) {
    const double a = at.rotationDeg * std::numbers::pi / 180.0;
    const double c = std::cos(a), s = std::sin(a);
    return Point(at.x + c * p.x() - s * p.y(), at.y + s * p.x() + c * p.y());
}

Polygon toWorld(const Polygon& poly, const PlanPlacement& at) {
    Polygon out;
    for (const auto& p : poly.outer()) out.outer().push_back(toWorld(p, at));
    for (const auto& ring : poly.inners()) {
        out.inners().emplace_back();
        for (const auto& p : ring) out.inners().back().push_back(toWorld(p, at));
    }
    return out;  // a rotation keeps orientation and validity
}

LineString toWorld(const LineString& line, const PlanPlacement& at) {
    LineString out;
    for (const auto& p : line) out.push_back(toWorld(p, at));
    return out;
}

MultiPolygon toWorld(const MultiPolygon& mp, const PlanPlacement& at) {
    MultiPolygon out;
    for (const auto& p : mp) out.push_back(toWorld(p, at));
    return out;
}

}  // namespace vgscan
