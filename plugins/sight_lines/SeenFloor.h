#pragma once
// The part of a floor inside a view, by CGAL's exact Boolean set operations
// (SeenFloor.cpp; CGAL stays out of headers). Boost.Geometry's overlay of a
// view with a needle's tip (two corners a hair apart, from a sight ray
// through two nearly aligned corners) with the floor can be wrong by whole
// rooms: on grouphome_1996_b it counted 51.1 m² seen inside a 35.2 m² view.
#include "model/Geometry.h"

#include <memory>

namespace vgscan::sight {

// A storey's floor as an exact polygon set, built once and intersected with
// every view.
class ExactFloor {
public:
    explicit ExactFloor(const MultiPolygon& floor);
    ~ExactFloor();
    ExactFloor(const ExactFloor&) = delete;
    ExactFloor& operator=(const ExactFloor&) = delete;

    // view ∩ floor, the view's double corners taken as exact numbers; `area`
    // its exact area (rounded once). False, and nothing set, when the view's
    // ring is not a simple polygon (CGAL's set operations need one).
    bool seen(const Polygon& view, MultiPolygon& out, double& area) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The exact area of a ∩ b (both sets of valid polygons with holes); a
// negative value when either is not valid for CGAL.
double exactCommonArea(const MultiPolygon& a, const MultiPolygon& b);

}  // namespace vgscan::sight
