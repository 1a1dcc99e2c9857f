// sight_lines: the visibility decomposition (candidates of the best-post
// search) against the former code (decomposeReference): the same counts, the
// same vertices and face points, bit for bit and in the same order, on the
// sample plans' group floors and storeys and on synthetic floors with
// collinear walls, holes and sight lines through corners.
#include "TestKit.h"

#include "SightView.h"
#include "derive/BuildingGraph.h"
#include "io/PlanReader.h"

#include <catch2/catch_test_macros.hpp>

#include <boost/geometry.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace vgscan;
using namespace vgscan::test;

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void requireSame(const MultiPolygon& floor, const std::vector<Point>& targets) {
    const sight::Decomposition d = sight::decompose(floor, targets);
    const sight::Decomposition r = sight::decomposeReference(floor, targets);
    CHECK(d.reflexVertices == r.reflexVertices);
    CHECK(d.criticalSegments == r.criticalSegments);
    REQUIRE(d.vertices.size() == r.vertices.size());
    REQUIRE(d.facePoints.size() == r.facePoints.size());
    for (size_t i = 0; i < d.vertices.size(); ++i) {
        INFO("vertex " << i);
        CHECK(sameBits(d.vertices[i].x(), r.vertices[i].x()));
        CHECK(sameBits(d.vertices[i].y(), r.vertices[i].y()));
    }
    for (size_t i = 0; i < d.facePoints.size(); ++i) {
        INFO("face point " << i);
        CHECK(sameBits(d.facePoints[i].x(), r.facePoints[i].x()));
        CHECK(sameBits(d.facePoints[i].y(), r.facePoints[i].y()));
    }
}

Polygon ring(std::vector<Point> outer, std::vector<std::vector<Point>> holes = {}) {
    Polygon p;
    outer.push_back(outer.front());
    p.outer().assign(outer.begin(), outer.end());
    for (auto& h : holes) {
        h.push_back(h.front());
        p.inners().emplace_back(h.begin(), h.end());
    }
    boost::geometry::correct(p);
    return p;
}

Polygon moved(const Polygon& p, double dx, double dy) {
    Polygon out;
    for (const auto& q : p.outer()) out.outer().emplace_back(q.x() + dx, q.y() + dy);
    for (const auto& in : p.inners()) {
        out.inners().emplace_back();
        for (const auto& q : in) out.inners().back().emplace_back(q.x() + dx, q.y() + dy);
    }
    return out;
}

// The shared floors of each group per storey (living, dining, kitchen,
// corridor, hall, activity), with the doorways between two of them, as the
// rule builds its group domains; and the doors' ends as targets.
struct Group {
    MultiPolygon domain;
    std::vector<Point> doorEnds;
};
std::map<std::pair<std::string, int>, Group> groupFloors(const BuildingGraph& g) {
    std::map<std::pair<std::string, int>, Group> out;
    const FloorPlan& p = g.plan();
    auto sharedUse = [](SpaceUse u) {
        return u == SpaceUse::Living || u == SpaceUse::Dining || u == SpaceUse::Kitchen || u == SpaceUse::Corridor ||
               u == SpaceUse::Hall || u == SpaceUse::Activity;
    };
    auto add = [](MultiPolygon& acc, const Polygon& poly) {
        MultiPolygon next;
        boost::geometry::union_(acc, poly, next);
        acc = std::move(next);
    };
    for (const auto& s : p.spaces)
        if (sharedUse(s.use)) add(out[{s.group, s.storey}].domain, s.shape);
    for (int k = 0; k < static_cast<int>(p.openings.size()); ++k) {
        const Opening& o = p.openings[k];
        int a = g.indexOf(o.from), b = g.indexOf(o.to);
        if (a < 0 || b < 0) continue;
        const Space& sa = g.space(a);
        const Space& sb = g.space(b);
        if (sharedUse(sa.use) && sharedUse(sb.use) && sa.group == sb.group) {
            Group& gr = out[{sa.group, o.storey}];
            add(gr.domain, g.doorway(k));
            for (const auto& q : o.line) gr.doorEnds.push_back(q);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("decompose: the former code's vertices and face points on every sample plan's group floors and storeys") {
    const std::vector<std::string> files = samplePlanFiles();
    REQUIRE(files.size() >= 10);
    int floors = 0;
    for (const auto& file : files) {
        const FloorPlan plan = loadPlan(file);
        BuildingGraph g(plan);
        for (const auto& [key, group] : groupFloors(g)) {
            INFO(file << " group " << key.first << " storey " << key.second);
            requireSame(group.domain, {});
            requireSame(group.domain, group.doorEnds);
            ++floors;
        }
        for (int storey : storeysOf(plan)) {
            INFO(file << " free space, storey " << storey);
            requireSame(g.freeSpace(storey), {});
        }
    }
    CHECK(floors >= 10);
}

TEST_CASE("decompose: the former code's answer on floors with collinear walls, holes and rays through corners") {
    // A comb: teeth whose reflex corners all lie on one line (y = 4), so the
    // sight lines between them run through corners and along the line.
    const Polygon comb = ring({{0, 0}, {12, 0}, {12, 6}, {10, 6}, {10, 4}, {8, 4}, {8, 6}, {6, 6}, {6, 4}, {4, 4},
                               {4, 6}, {2, 6}, {2, 4}, {0, 4}});
    // Walls split into collinear pieces (extra corners on straight walls).
    const Polygon collinear = ring({{0, 0}, {3, 0}, {6, 0}, {6, 2}, {6, 4}, {4, 4}, {4, 7}, {4, 10}, {2, 10}, {0, 10},
                                    {0, 5}});
    // A room with two square pillars in line with a reflex corner and with
    // each other, and a staircase whose reflex corners lie on a diagonal.
    const Polygon pillars = ring({{0, 0}, {10, 0}, {10, 8}, {6, 8}, {6, 10}, {0, 10}},
                                 {{{2, 2}, {3, 2}, {3, 3}, {2, 3}}, {{4, 4}, {5, 4}, {5, 5}, {4, 5}}});
    const Polygon stairs = ring({{0, 0}, {8, 0}, {8, 2}, {6, 2}, {6, 4}, {4, 4}, {4, 6}, {2, 6}, {2, 8}, {0, 8}});
    // An L with a hole touching nothing, and a U corridor.
    const Polygon lHole = ring({{0, 0}, {6, 0}, {6, 4}, {4, 4}, {4, 10}, {0, 10}}, {{{1, 6}, {2, 6}, {2, 8}, {1, 8}}});
    const Polygon u = ring({{0, 0}, {10, 0}, {10, 10}, {8, 10}, {8, 2}, {2, 2}, {2, 10}, {0, 10}});
    int n = 0;
    for (const Polygon& p : {comb, collinear, pillars, stairs, lHole, u}) {
        for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{{0, 0}, {0.1, 12.3}, {-7.77, 0.3}}) {
            INFO("floor " << n << " moved by " << dx << ", " << dy);
            const Polygon q = moved(p, dx, dy);
            requireSame(MultiPolygon{q}, {});
            // Targets on corners, on walls and inside (sources of lines too).
            requireSame(MultiPolygon{q}, {q.outer()[1], Point(q.outer()[0].x() + 0.5, q.outer()[0].y()),
                                          Point(q.outer()[0].x() + 1.25, q.outer()[0].y() + 1.75)});
        }
        ++n;
    }
    // Two of them side by side in one floor (a multipolygon).
    requireSame(MultiPolygon{comb, moved(stairs, 20, 0)}, {});
}
