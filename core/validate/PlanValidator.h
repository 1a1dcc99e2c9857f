#pragma once
// Turns a plan that was read into a list of clear problems: broken or
// overlapping space polygons, duplicate ids, openings that name unknown spaces
// or lie far from them, staff posts outside every space.
#include "io/InputError.h"
#include "model/Model.h"

#include <vector>

namespace vgscan {

struct PlanTolerances {
    double openingMaxDistance = 0.5;  // m from an opening to each space it joins (a thick wall)
    double overlapMinArea = 0.01;     // m²: smaller overlaps are drawing noise, not an error
    double minSpaceArea = 0.5;        // m²: smaller spaces suggest degrees or millimetres
    double maxOpeningWidth = 50.0;    // m: wider suggests millimetres ('width_m' 850 for a 0.85 m door)
};

// How an opening's distance to a space it joins is judged. BoundFirst: the
// distance from its ends to the space's nearest outer edge, worked out by
// hand, bounds the distance from above; only when that bound is not well
// within openingMaxDistance is the distance measured (bg::distance), as
// Always (the former way, the reference of test_validation and
// bench_plan_read) does for every opening. The same issues either way.
enum class OpeningDistance { BoundFirst, Always };

// How spaces are checked. BoxesFirst: two spaces of a storey whose boxes
// overlap by less than half of overlapMinArea are not intersected (their
// overlap is no larger than their boxes'), and a polygon's validity is asked
// without the reason (Boost.Geometry writes one through a string stream even
// for a valid polygon), then again with it only when it is invalid. Always
// (the former way, the reference of test_validation and bench_plan_read):
// every pair whose boxes meet intersected, every reason written. The same
// issues either way.
enum class SpaceChecks { BoxesFirst, Always };

void validatePlan(const FloorPlan& plan, std::vector<InputIssue>& issues, const PlanTolerances& tol = {},
                  OpeningDistance how = OpeningDistance::BoundFirst, SpaceChecks spaces = SpaceChecks::BoxesFirst);

}  // namespace vgscan
