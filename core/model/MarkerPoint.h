#pragma once
// The point a finding about a polygon (a room, a blind spot) is marked at on
// the plan and looked at from in BCF: its centroid when that lies inside it,
// else the middle of the polygon's widest stretch along the centroid's
// horizontal. The centroid of an L-shaped corridor, or of the blind part of
// one, lies off the L, in the room inside its corner: a marker there points
// at the wrong room.
#include "model/Geometry.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <vector>

namespace vgscan {

inline Point markerPoint(const Polygon& poly) {
    Point c;
    bg::centroid(poly, c);
    if (bg::within(c, poly)) return c;
    // Where the horizontal through c crosses the rings (an edge counts when
    // its ends lie either side, one end on the line taken as above it, so a
    // vertex on the line counts once), in order: inside lies between the
    // 1st and 2nd crossing, the 3rd and 4th, ...
    const double y = c.y();
    std::vector<double> xs;
    auto crossings = [&](const auto& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point& a = ring[i];
            const Point& b = ring[i + 1];
            if ((a.y() > y) != (b.y() > y)) xs.push_back(a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
        }
    };
    crossings(poly.outer());
    for (const auto& hole : poly.inners()) crossings(hole);
    std::sort(xs.begin(), xs.end());
    double widest = 0, middle = c.x();
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > widest) {
            widest = xs[i + 1] - xs[i];
            middle = (xs[i] + xs[i + 1]) / 2;
        }
    return widest > 0 ? Point(middle, y) : c;
}

}  // namespace vgscan
