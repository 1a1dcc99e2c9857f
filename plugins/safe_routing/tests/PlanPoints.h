#pragma once
// The points bench_safe_routing's BM_WalkNetwork and test_walk_network put
// on a plan's walking network: the free space of every storey, every
// space's inner point (a target) and every walkable opening (a source).
#include "../WalkNetwork.h"
#include "derive/BuildingGraph.h"
#include "model/Model.h"

#include <boost/geometry.hpp>
#include <boost/geometry/algorithms/point_on_surface.hpp>

#include <vector>

namespace vgscan::routing {

// Adds the storeys and the points to `net` (not yet built); returns the sources.
inline std::vector<int> addPlanPoints(WalkNetwork& net, const FloorPlan& plan, const BuildingGraph& g) {
    for (int storey : plan.storeys()) net.addStorey(storey, g.freeSpace(storey));
    for (const auto& sp : plan.spaces) {
        Point inner;
        bg::point_on_surface(sp.shape, inner);
        net.addPoint(sp.storey, inner, NodeRole::Target);
    }
    std::vector<int> sources;
    for (const auto& o : plan.openings)
        if (o.walkable())
            if (int n = net.addPoint(o.storey, o.position, NodeRole::Source); n >= 0) sources.push_back(n);
    return sources;
}

}  // namespace vgscan::routing
