#include "derive/Placement.h"

#include "io/Gdal.h"
#include "io/InputError.h"

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

void requireOnePlacement(const Site& site, const FloorPlan& plan) {
    const PlanPlacement& at = site.placement;
    if (plan.localMetres || !at.given || (at.x == 0.0 && at.y == 0.0 && at.rotationDeg == 0.0)) return;
    throw InputError(site.planFile, "site '" + site.id + "'",
                     "the plan is in a projected CRS, so it is placed in the world already, and the portfolio places "
                     "it again (plan_x " + gdal::show(at.x) + ", plan_y " + gdal::show(at.y) + ", plan_rotation_deg " +
                         gdal::show(at.rotationDeg) +
                         "): its rooms would be drawn that far off the plot. Empty plan_x, plan_y and "
                         "plan_rotation_deg for a plan in RD, or give the plan without a CRS (local metres)");
}

}  // namespace vgscan
