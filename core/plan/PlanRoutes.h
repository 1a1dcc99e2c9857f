#pragma once
// The routes the regional plan's map draws (plan.html): each demand point's
// way to its chosen location of each kind, measured as its cost was.
//
// The costs (core/cli/PlanCommand) are ContextIndex::routes from every site
// of a location to every demand point, driving (oneway followed), the
// straight line x the detour factor where the roads give no route; a
// location's cost is that of its nearest site. The routes here are the same
// searches again, for the chosen locations only: one Dijkstra per site of a
// chosen location (k <= 3 per kind), its tree read back for the demand
// points assigned to the location, each from the site its cost came from. So
// a route's length is its cost (tests/plan/test_plan_routes.cpp).
//
// Drawn without repeating a stretch: the routes of one location are merged
// into runs (each road segment once, cut where another route's point lies on
// it, joined where no other route branches off), each with the demand weight
// whose routes run along it. The page
// grows with the roads the routes use, not with the number of demand points.
#include "derive/ContextIndex.h"
#include "model/Geometry.h"
#include "plan/RegionalPlan.h"

#include <cstddef>
#include <functional>
#include <vector>

namespace vgscan::plan {

// A stretch of road that the same demand points' routes share.
struct RouteRun {
    LineString line;
    double weight = 0;  // the demand weight whose routes run along it
};

// The routes to one chosen location of one kind.
struct RouteDrawing {
    int kind = VG7;
    int location = -1;                // index in Problem::locations
    std::vector<RouteRun> runs;       // along the roads; every segment once
    std::vector<LineString> straight; // demand point to site, two points: no route along the roads (cost estimated)
    std::size_t routed = 0;           // demand points (weight > 0) routed along the roads
};

struct PlanRoutes {
    std::vector<RouteDrawing> drawings;  // VG7's chosen locations, then ambulant's, in the plan's order
    std::size_t routed = 0, estimated = 0;
    double maxWeight = 0;                // the largest run weight (for the widths)
};

// Called for each demand point with weight > 0 and each kind: the route
// from the location's nearest site (as routes() returns it: the straight
// line when estimated) and its length as the search measured it.
using RouteVisit = std::function<void(int kind, std::size_t demand, int location, const LineString& route,
                                      double distance, bool estimated)>;

// `sitesAt`: per location, its sites' points (the points the costs were
// measured from); `demandAt`: per demand point. `options`: those of the
// costs (walking, detour factor); paths are asked for here.
PlanRoutes planRoutes(const Problem& problem, const Result& result, const std::vector<std::vector<Point>>& sitesAt,
                      const std::vector<Point>& demandAt, const ContextIndex& index, RouteOptions options,
                      const RouteVisit& visit = {});

}  // namespace vgscan::plan
