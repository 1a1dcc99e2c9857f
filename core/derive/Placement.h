#pragma once
// Placing a plan drawn in local metres on its site: world = (plan_x, plan_y)
// + R(plan_rotation_deg) · (x, y), rotating counter-clockwise about the plan's
// origin (docs/floorplan-format.md).
#include "model/Model.h"

namespace vgscan {

Point toWorld(const Point& p, const PlanPlacement& at);
Polygon toWorld(const Polygon& poly, const PlanPlacement& at);
LineString toWorld(const LineString& line, const PlanPlacement& at);
MultiPolygon toWorld(const MultiPolygon& mp, const PlanPlacement& at);

// Throws InputError naming the site and its plan when the portfolio places
// (plan_x, plan_y, plan_rotation_deg) a plan that is already placed in the
// world by its projected CRS: the evidence would be drawn at the sum of the
// two, kilometres off the plot. An identity placement is no conflict.
void requireOnePlacement(const Site& site, const FloorPlan& plan);

}  // namespace vgscan
