#include "derive/LocalOrigin.h"

#include "derive/Placement.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vgscan {

namespace {

// A coordinate of about 155 000 is held to 3e-11 m, so moved near (0, 0) it
// is the drawn figure plus that noise: 2.95 comes back as 2.9499999999825.
// Predicates on near-degenerate drawings (a door exactly in line with a wall,
// a width exactly at its threshold) then answer otherwise than for the plan
// drawn in local metres. On a grid of a nanometre, far finer than any drawing
// and far coarser than the noise, it is 2.95 again.
constexpr double kGrid = 1e9;  // steps per metre
double onGrid(double v) { return std::round(v * kGrid) / kGrid; }
Point moved(const Point& p, const Point& origin) {
    return Point(onGrid(p.x() - origin.x()), onGrid(p.y() - origin.y()));
}

template <typename Range>
void moveAll(Range& points, const Point& origin) {
    for (auto& p : points) p = moved(p, origin);
}

void movePolygon(Polygon& poly, const Point& origin) {
    moveAll(poly.outer(), origin);
    for (auto& ring : poly.inners()) moveAll(ring, origin);
}

}  // namespace

Point localOrigin(const FloorPlan& plan) {
    constexpr double kStep = 1000.0;
    double minX = std::numeric_limits<double>::infinity(), minY = minX;
    auto see = [&](const Point& p) {
        minX = std::min(minX, p.x());
        minY = std::min(minY, p.y());
    };
    for (const auto& s : plan.spaces)
        for (const auto& p : s.shape.outer()) see(p);
    for (const auto& o : plan.openings) {
        see(o.position);
        for (const auto& p : o.line) see(p);
    }
    for (const auto& p : plan.staffPosts) see(p.position);
    if (!std::isfinite(minX) || !std::isfinite(minY)) return Point(0.0, 0.0);
    return Point(std::round(minX / kStep) * kStep, std::round(minY / kStep) * kStep);
}

FloorPlan movedToOrigin(const FloorPlan& plan, const Point& origin) {
    FloorPlan local = plan;
    // What the reader derived from the coordinates is derived again from the
    // moved ones, as the reader does (io/PlanReader.cpp): measured in RD, an
    // area kept only seven digits, a door's width and middle the noise.
    for (auto& s : local.spaces) {
        movePolygon(s.shape, origin);
        s.area = bg::area(s.shape);
    }
    for (auto& o : local.openings) {
        if (o.line.size() < 2) {
            o.position = moved(o.position, origin);
            continue;
        }
        const bool widthOfLine = o.width == bg::length(o.line);  // else 'width_m' gave it
        moveAll(o.line, origin);
        if (widthOfLine) o.width = bg::length(o.line);
        const Point& a = o.line.front();
        const Point& b = o.line.back();
        o.position = Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }
    for (auto& p : local.staffPosts) p.position = moved(p.position, origin);
    for (auto& r : local.rejectedSpaces)
        if (r.shape) movePolygon(*r.shape, origin);
    local.origin = Point(plan.origin.x() + origin.x(), plan.origin.y() + origin.y());
    return local;
}

void moveBack(RuleResult& result, const Point& origin) {
    // Back by the placement a site gives a plan, unrotated: exactly + origin.
    const PlanPlacement back{origin.x(), origin.y(), 0.0, true};
    for (auto& f : result.findings)
        if (f.location) f.location = toWorld(*f.location, back);
    for (auto& s : result.shapes) {
        s.area = toWorld(s.area, back);
        s.line = toWorld(s.line, back);
    }
}

}  // namespace vgscan
