#pragma once
// The part of a floor inside a view, by CGAL's exact Boolean set operations
// (SeenFloor.cpp; CGAL stays out of headers). Boost.Geometry's overlay of a
// view with a needle's tip (two corners a hair apart, from a sight ray
// through two nearly aligned corners) with the floor can be wrong by whole
// rooms: on grouphome_1996_b it counted 51.1 m² seen inside a 35.2 m² view.
#include "model/Geometry.h"

#include <memory>
#include <vector>

namespace vgscan::sight {

// A storey's floor as an exact polygon set, built once and intersected with
// every view.
class ExactFloor {
public:
    explicit ExactFloor(const MultiPolygon& floor);
    ~ExactFloor();
    ExactFloor(const ExactFloor&) = delete;
    ExactFloor& operator=(const ExactFloor&) = delete;

    // view ∩ floor, the view's double corners taken as exact numbers: `out`
    // its corners and `area` its exact area, rounded to within 1e-13
    // (relative). False, and nothing set, when the view's ring is not a
    // simple polygon (CGAL's set operations need one) or the floor was not
    // valid for CGAL.
    bool seen(const Polygon& view, MultiPolygon& out, double& area) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The exact area of the intersection of all the sets (each of valid
// polygons with holes, their corners taken as exact numbers), rounded to
// within 1e-13 (relative); a negative value when one is not valid for CGAL.
// A measure for tests (it shares no state with ExactFloor).
double exactCommonArea(const std::vector<MultiPolygon>& sets);

// The exact area of space ∩ (the union of the views), the corners taken as
// exact numbers, rounded within 1e-13 (relative): what several staff posts
// see of one space together, each part counted once. Negative when a view's
// ring is not simple or the space is not valid for CGAL.
double exactSeenArea(const Polygon& space, const std::vector<Polygon>& views);

}  // namespace vgscan::sight
