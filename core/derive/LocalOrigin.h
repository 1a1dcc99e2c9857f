#pragma once
// Rules compute on a plan near (0, 0). A plan drawn in RD (EPSG:28992) has
// coordinates of about 155 000 and 463 000, where doubles step by 3e-11 m
// and products of coordinates (areas, orientation tests, visibility) lose
// seven digits: the same building gave other figures in RD than in local
// metres. So the engine moves such a plan to a local origin, runs the rules,
// and moves every location they give back (findings, drawn shapes).
#include "model/Model.h"
#include "rules/RuleResult.h"

namespace vgscan {

// The whole kilometre nearest the lower left of the plan's box, per axis:
// (0, 0) for a plan drawn from within 500 m of its origin (it is computed as
// it is, bit for bit), else a point within 500 m of the plan's lower left
// corner. A plan drawn in local metres and placed in RD by whole kilometres
// (or one drawn in RD with its corner near a whole kilometre) is computed on
// its local coordinates again.
Point localOrigin(const FloorPlan& plan);

// The plan with every coordinate less `origin` (on a nanometre grid, see
// LocalOrigin.cpp), its spaces' areas and its doors' widths and middles
// measured again there, and `origin` added to plan.origin.
FloorPlan movedToOrigin(const FloorPlan& plan, const Point& origin);

// A rule's locations (findings, shapes) computed on the moved plan, given in
// the plan's own coordinates again.
void moveBack(RuleResult& result, const Point& origin);

}  // namespace vgscan
