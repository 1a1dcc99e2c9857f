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

}  // namespace vgscan
