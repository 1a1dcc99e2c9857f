// White-box check of the walking network against a brute-force one: every
// pair of reflex corners and points joined when Boost.Geometry says the
// segment is covered by the free space, then Dijkstra. On the sample plans
// the rule's headline (with its corner pruning, tangent filter and grid sight
// test) must equal the brute-force walk.
#include "TestKit.h"

#include "../WalkNetwork.cpp"  // compiled into the test: the network is internal to the plugin
#include "PlanPoints.h"
#include "derive/BuildingGraph.h"
#include "io/PlanReader.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <boost/geometry.hpp>

#include <QFile>

#include <limits>
#include <queue>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

// A polygon of the corners given, closed (not corrected).
Polygon polygonOf(std::initializer_list<std::pair<double, double>> pts) {
    Polygon p;
    for (auto [x, y] : pts) bg::append(p.outer(), Point(x, y));
    bg::append(p.outer(), p.outer().front());
    return p;
}

// Builds a network both ways, Pairs::SamePiece (what the rule uses) and
// Pairs::All (the former construction, the reference): `run` adds storeys
// and points to the empty network, builds it with the pairs given, checks
// what is known by hand and returns the distances to compare. Both ways
// must give the same edges and the same distances to the bit.
template <class Run>
void checkBothWays(Run run) {
    std::vector<double> dist[2];
    size_t edges[2] = {0, 0};
    int k = 0;
    for (auto pairs : {routing::WalkNetwork::Pairs::SamePiece, routing::WalkNetwork::Pairs::All}) {
        routing::WalkNetwork net;
        dist[k] = run(net, pairs);
        edges[k++] = net.edgeCount();
    }
    CHECK(dist[0] == dist[1]);
    CHECK(edges[0] == edges[1]);
}

bool isSanitaryUse(SpaceUse u) { return u == SpaceUse::Bathroom || u == SpaceUse::Wc || u == SpaceUse::Shower; }

// Geodesic distances from `from` to every point of `pts` on one storey, by brute force.
std::vector<double> bruteForce(const MultiPolygon& free, const Point& from, const std::vector<Point>& pts) {
    std::vector<Point> nodes{from};
    for (const auto& poly : free) {
        auto ring = [&](const auto& r, bool outer) {
            size_t n = r.size() - 1;
            double area2 = 0;
            for (size_t i = 0; i < n; ++i) area2 += r[i].x() * r[i + 1].y() - r[i + 1].x() * r[i].y();
            bool ccw = area2 > 0;
            for (size_t i = 0; i < n; ++i) {
                const Point& a = r[(i + n - 1) % n];
                const Point& v = r[i];
                const Point& b = r[(i + 1) % n];
                double c = (v.x() - a.x()) * (b.y() - v.y()) - (v.y() - a.y()) * (b.x() - v.x());
                // free space on the left: outer rings counter-clockwise, holes clockwise
                bool freeLeft = outer ? ccw : !ccw;
                if ((freeLeft && c < -1e-12) || (!freeLeft && c > 1e-12)) nodes.push_back(v);
            }
        };
        ring(poly.outer(), true);
        for (const auto& h : poly.inners()) ring(h, false);
    }
    size_t firstTarget = nodes.size();
    nodes.insert(nodes.end(), pts.begin(), pts.end());
    const size_t n = nodes.size();
    std::vector<std::vector<std::pair<size_t, double>>> adj(n);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
            if (i >= firstTarget && j >= firstTarget) continue;
            LineString seg{nodes[i], nodes[j]};
            if (!bg::covered_by(seg, free)) continue;
            double d = bg::distance(nodes[i], nodes[j]);
            adj[i].push_back({j, d});
            adj[j].push_back({i, d});
        }
    std::vector<double> dist(n, std::numeric_limits<double>::infinity());
    using Item = std::pair<double, size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    dist[0] = 0;
    heap.push({0, 0});
    while (!heap.empty()) {
        auto [d, u] = heap.top();
        heap.pop();
        if (d > dist[u]) continue;
        if (u >= firstTarget) continue;  // targets are end points
        for (auto [v, w] : adj[u])
            if (d + w < dist[v]) {
                dist[v] = d + w;
                heap.push({dist[v], v});
            }
    }
    return {dist.begin() + static_cast<long>(firstTarget), dist.end()};
}

}  // namespace

TEST_CASE("the rule's longest walk equals a brute-force geodesic on the one-storey sample plans") {
    int checked = 0;
    for (const char* name : {"grouphome_1994_a", "farmhouse_1985", "studios_2008", "pavilion_1978_b", "newbuild_vg7_2026"}) {
        std::string rel = std::string("floorplans/plans/") + name + ".geojson";
        if (!QFile::exists(QString::fromStdString(sourcePath(rel)))) continue;  // samples are made elsewhere
        INFO(name);
        FloorPlan p = loadFixture(rel);
        if (p.storeys().size() != 1) continue;
        BuildingGraph g(p);
        const MultiPolygon& free = g.freeSpace(p.storeys().front());
        double longest = 0;
        for (int b : g.spacesWithUse(SpaceUse::Bedroom)) {
            const Space& bed = g.space(b);
            std::vector<Point> doors;
            for (const auto& l : g.links(b))
                if (l.neighbour >= 0 && !isSanitaryUse(g.space(l.neighbour).use))
                    doors.push_back(p.openings[l.opening].position);
            double best = std::numeric_limits<double>::infinity();
            bool groupHasPost = false;
            for (const auto& post : p.staffPosts)
                groupHasPost |= post.group.empty() || bed.group.empty() || post.group == bed.group;
            for (const auto& post : p.staffPosts) {
                bool serves = post.group.empty() || bed.group.empty() || post.group == bed.group;
                if (groupHasPost && !serves) continue;
                for (double d : bruteForce(free, post.position, doors)) best = std::min(best, d);
            }
            longest = std::max(longest, best);
        }
        RuleResult r = runRule("safe_routing", &p);
        REQUIRE(r.value);
        CHECK(*r.value == Approx(longest).margin(1e-6));
        ++checked;
    }
    WARN("compared on " << checked << " sample plans");
}

TEST_CASE("WalkNetwork: a square room with a square pillar; the walk wraps two pillar corners") {
    // Room [0,10]^2 with a hole [4,6]^2. From (1,5) to (9,5): round (4,6) and (6,6)
    // (or the lower pair): sqrt(3^2 + 1^2) + 2 + sqrt(3^2 + 1^2) = 8.32456 m.
    Polygon room;
    room.outer() = {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
    room.inners().push_back({{4, 4}, {4, 6}, {6, 6}, {6, 4}, {4, 4}});
    bg::correct(room);
    MultiPolygon free{room};
    routing::WalkNetwork net;
    net.addStorey(0, free);
    int a = net.addPoint(0, Point(1, 5), routing::NodeRole::Source);
    int b = net.addPoint(0, Point(9, 5), routing::NodeRole::Target);
    CHECK(net.addPoint(0, Point(5, 5), routing::NodeRole::Target) == -1);  // inside the pillar
    net.build();
    auto tree = net.shortestFrom({a});
    CHECK(tree.dist[b] == Approx(2 * std::hypot(3.0, 1.0) + 2).margin(1e-9));
    CHECK(net.route(tree, b).size() == 4);
}

// One storey, three pieces of free space (no doorway joins them):
//  - an L-shaped room, outer (0,0) (10,0) (10,4) (4,4) (4,10) (0,10): from
//    (9,2) to (2,9) the walk bends round the reflex corner (4,4):
//    hypot(5, 2) + hypot(2, 5) = 2 sqrt(29) = 10.7703 m;
//  - a separate room [20,30] x [0,10]: nothing in it is reached from the L;
//  - two rooms [40,50] x [0,10] and [50,60] x [10,20] touching at (50,10):
//    from (45,5) to (55,15) the line through the touching corner is free,
//    hypot(10, 10) = 14.1421 m (the pieces count as one).
// Sight tests only within a piece (what the rule uses) give the same
// network, edge for edge and distance for distance, as every pair.
TEST_CASE("WalkNetwork: sight tests only within a piece of free space give the hand-worked walks of every pair") {
    MultiPolygon free{polygonOf({{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}}),
                      polygonOf({{20, 0}, {30, 0}, {30, 10}, {20, 10}}),
                      polygonOf({{40, 0}, {50, 0}, {50, 10}, {40, 10}}),
                      polygonOf({{50, 10}, {60, 10}, {60, 20}, {50, 20}})};
    bg::correct(free);
    checkBothWays([&](routing::WalkNetwork& net, routing::WalkNetwork::Pairs pairs) {
        net.addStorey(0, free);
        const int a = net.addPoint(0, Point(9, 2), routing::NodeRole::Source);
        const int pinchFrom = net.addPoint(0, Point(45, 5), routing::NodeRole::Source);
        const int b = net.addPoint(0, Point(2, 9), routing::NodeRole::Target);
        const int apart = net.addPoint(0, Point(25, 5), routing::NodeRole::Target);
        const int pinchTo = net.addPoint(0, Point(55, 15), routing::NodeRole::Target);
        net.build(pairs);
        const auto fromL = net.shortestFrom({a});
        CHECK(fromL.dist[b] == Approx(2 * std::sqrt(29.0)).margin(1e-9));
        CHECK(net.route(fromL, b).size() == 3);  // start, (4,4), end
        CHECK(fromL.dist[apart] == std::numeric_limits<double>::infinity());
        CHECK(fromL.dist[pinchTo] == std::numeric_limits<double>::infinity());
        const auto fromPinch = net.shortestFrom({pinchFrom});
        CHECK(fromPinch.dist[pinchTo] == Approx(std::hypot(10.0, 10.0)).margin(1e-9));
        return net.shortestFrom({a, pinchFrom}).dist;
    });
}

// The wall that hid one node is tested first for the next (Pairs::SamePiece);
// the reference (Pairs::All) tests every wall in grid order. A hall 20 x 10
// with two pillars [4,6] x [4,6] and [14,16] x [4,6]; from (1,5):
//  - (9,5) is hidden by the first pillar: round its corners (4,6), (6,6):
//    2 hypot(3,1) + 2 = 8.3246 m;
//  - (19,5) is hidden by both (the first pillar's wall, tested first, blocks):
//    (4,6) to (16,6) runs along both tops: 2 hypot(3,1) + 12 = 18.3246 m;
//  - (11,1): the line y = 5 - 0.4 (x - 1) passes x = 4..6 at y = 3.8..3.0,
//    below the first pillar: seen, hypot(10, 4) = 10.7703 m (the wall tested
//    first does not block it);
//  - (19,9): the line y = 5 + (x - 1) 4/18 meets the first pillar's top
//    y = 6 at x = 5.5, so it runs inside the pillar from x = 4 to 5.5:
//    hidden; the walk bends at (4,6), then passes above both pillars
//    (y = 6.4 at x = 6, 8 at x = 14): hypot(3,1) + hypot(15,3).
TEST_CASE("WalkNetwork: testing the last hiding wall first gives the edges and walks of the plain grid order") {
    Polygon hall = polygonOf({{0, 0}, {20, 0}, {20, 10}, {0, 10}});
    hall.inners().push_back(polygonOf({{4, 4}, {6, 4}, {6, 6}, {4, 6}}).outer());
    hall.inners().push_back(polygonOf({{14, 4}, {16, 4}, {16, 6}, {14, 6}}).outer());
    bg::correct(hall);
    const MultiPolygon free{hall};
    checkBothWays([&](routing::WalkNetwork& net, routing::WalkNetwork::Pairs pairs) {
        net.addStorey(0, free);
        const int a = net.addPoint(0, Point(1, 5), routing::NodeRole::Source);
        const int near = net.addPoint(0, Point(9, 5), routing::NodeRole::Target);
        const int far = net.addPoint(0, Point(19, 5), routing::NodeRole::Target);
        const int below = net.addPoint(0, Point(11, 1), routing::NodeRole::Target);
        const int corner = net.addPoint(0, Point(19, 9), routing::NodeRole::Target);
        net.build(pairs);
        const auto t = net.shortestFrom({a});
        CHECK(t.dist[near] == Approx(2 * std::hypot(3.0, 1.0) + 2).margin(1e-9));
        CHECK(t.dist[far] == Approx(2 * std::hypot(3.0, 1.0) + 12).margin(1e-9));
        CHECK(t.dist[below] == Approx(std::hypot(10.0, 4.0)).margin(1e-9));
        CHECK(net.route(t, below).size() == 2);
        CHECK(t.dist[corner] == Approx(std::hypot(3.0, 1.0) + std::hypot(15.0, 3.0)).margin(1e-9));
        return t.dist;
    });
}

// Pairs::SamePiece makes blocks()'s first test (both ends of an edge clearly
// on one side of the sight line) in place, on the cell's copy of the edge's
// ends; Pairs::All calls blocks() for every edge. Sight lines that run along
// walls and through corners are the ones that test is not allowed to pass:
// a room 20 x 10 with two teeth hanging from its top wall down to y = 4
// (x 6..8 and 12..14). From (1,4):
//  - (19,4): the line y = 4 runs along both teeth's bottoms, on the
//    boundary of the free space: seen, 18 m;
//  - (19,4.5): the line rises into the first tooth (y = 4.14 at x = 6): the
//    walk runs along y = 4 to the second tooth's corner (14,4), then rises:
//    13 + hypot(5, 0.5) m;
//  - (10,2): the line y = 4 - (x - 1) 2/9 passes below the first tooth: seen,
//    hypot(9, 2) m.
TEST_CASE("WalkNetwork: walls along a sight line and corners on it give the hand-worked walks either way") {
    const MultiPolygon free{polygonOf(
        {{0, 0}, {20, 0}, {20, 10}, {14, 10}, {14, 4}, {12, 4}, {12, 10}, {8, 10}, {8, 4}, {6, 4}, {6, 10}, {0, 10}})};
    checkBothWays([&](routing::WalkNetwork& net, routing::WalkNetwork::Pairs pairs) {
        net.addStorey(0, free);
        const int a = net.addPoint(0, Point(1, 4), routing::NodeRole::Source);
        const int along = net.addPoint(0, Point(19, 4), routing::NodeRole::Target);
        const int rising = net.addPoint(0, Point(19, 4.5), routing::NodeRole::Target);
        const int below = net.addPoint(0, Point(10, 2), routing::NodeRole::Target);
        net.build(pairs);
        const auto t = net.shortestFrom({a});
        CHECK(t.dist[along] == Approx(18.0).margin(1e-9));
        CHECK(net.route(t, along).size() == 2);
        CHECK(t.dist[rising] == Approx(13.0 + std::hypot(5.0, 0.5)).margin(1e-9));
        CHECK(t.dist[below] == Approx(std::hypot(9.0, 2.0)).margin(1e-9));
        CHECK(net.route(t, below).size() == 2);
        return t.dist;
    });
}

// The same on every storey of the 10 sample plans: the reflex corners of
// the free space, every space's inner point (targets) and every walkable
// opening (sources), as bench_safe_routing's BM_WalkNetwork. The same edges
// and, from every source, the same distance to every node, to the bit.
TEST_CASE("WalkNetwork: on the sample plans, sight tests per piece with the first test in place give the network of every pair") {
    size_t plans = 0, nodes = 0, edges = 0;
    for (const std::string& file : samplePlanFiles()) {
        INFO(file);
        const FloorPlan plan = loadPlan(file);
        const BuildingGraph g(plan);
        checkBothWays([&](routing::WalkNetwork& net, routing::WalkNetwork::Pairs pairs) {
            const std::vector<int> sources = routing::addPlanPoints(net, plan, g);
            net.build(pairs);
            if (pairs == routing::WalkNetwork::Pairs::All) {
                nodes += net.nodeCount();
                edges += net.edgeCount();
            }
            std::vector<double> dist;
            for (int s : sources) {
                const auto t = net.shortestFrom({s});
                dist.insert(dist.end(), t.dist.begin(), t.dist.end());
            }
            return dist;
        });
        ++plans;
    }
    CHECK(plans == 10);
    WARN(plans << " sample plans: " << nodes << " nodes, " << edges << " edges, the same either way");
}

// Pairs::SamePiece dismisses a pair whose line passes between a corner's
// walls before it takes the pair's length, with a tolerance no smaller than
// the tangent test's own (kTouch times the length): lines from the corner
// that run along a wall's extension, off it by less than, about and more
// than that tolerance. An L of [0,10] x [0,4] and [0,4] x [0,10], reflex
// corner (4,4), whose wall from (10,4) extends to (1,4): the line from the
// corner to (1, 4 - d) passes between its walls by 6 d against 3e-7.
//  - from (2,9) to (9, 4 - d) the walk bends at the corner: hypot(2, 5) + hypot(5, d);
//  - from (9,2) to (1, 4 - d) and (1, 4 + d) it is straight: hypot(8, 2 -+ d).
TEST_CASE("WalkNetwork: lines that graze a corner's wall within the tangent tolerance give the same network either way") {
    const MultiPolygon free{polygonOf({{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}})};
    const std::vector<double> offsets{0.0, 1e-8, 4e-8, 5e-8, 6e-8, 1e-7, 1e-6};
    checkBothWays([&](routing::WalkNetwork& net, routing::WalkNetwork::Pairs pairs) {
        net.addStorey(0, free);
        const int top = net.addPoint(0, Point(2, 9), routing::NodeRole::Source, 0);
        const int right = net.addPoint(0, Point(9, 2), routing::NodeRole::Source, 1);
        std::vector<int> bent, below, above;
        for (double d : offsets) {
            bent.push_back(net.addPoint(0, Point(9, 4 - d), routing::NodeRole::Target, 0));
            below.push_back(net.addPoint(0, Point(1, 4 - d), routing::NodeRole::Target, 1));
            above.push_back(net.addPoint(0, Point(1, 4 + d), routing::NodeRole::Target, 1));
        }
        net.build(pairs);
        const auto fromTop = net.shortestFrom({top}), fromRight = net.shortestFrom({right});
        for (std::size_t k = 0; k < offsets.size(); ++k) {
            const double d = offsets[k];
            CHECK(fromTop.dist[bent[k]] == Approx(std::hypot(2.0, 5.0) + std::hypot(5.0, d)).margin(1e-9));
            CHECK(fromRight.dist[below[k]] == Approx(std::hypot(8.0, 2.0 - d)).margin(1e-9));
            CHECK(fromRight.dist[above[k]] == Approx(std::hypot(8.0, 2.0 + d)).margin(1e-9));
        }
        std::vector<double> dist = fromTop.dist;
        dist.insert(dist.end(), fromRight.dist.begin(), fromRight.dist.end());
        return dist;
    });
}

// Pairs::SamePiece passes the walls at a sight line's own ends without
// blocks(): one that ends exactly on the line with its start clearly off it,
// and one that starts at a corner node's own vertex. A point of interest
// that lies exactly on a corner is not that corner's node: its walls still
// go through blocks() and the cone test there. The L of [0,10] x [0,4] and
// [0,4] x [0,10], reflex corner (4,4):
//  - from a source at (4,4) (on the corner node): to the convex corners
//    (10,0), (0,10) straight, hypot(6, 4); along the walls to (10,4) and
//    (4,10), 6 m;
//  - from a source at (10,4) to (0,10): the line leaves the L at once, the
//    walk bends at (4,4): 6 + hypot(4, 6); to (10,0) along the wall, 4 m.
TEST_CASE("WalkNetwork: walls at a sight line's ends, at corner nodes and at points on corners, give the hand-worked walks either way") {
    const MultiPolygon free{polygonOf({{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}})};
    checkBothWays([&](routing::WalkNetwork& net, routing::WalkNetwork::Pairs pairs) {
        net.addStorey(0, free);
        const int corner = net.addPoint(0, Point(4, 4), routing::NodeRole::Source, 0);
        const int end = net.addPoint(0, Point(10, 4), routing::NodeRole::Source, 1);
        std::vector<int> fromCorner, fromEnd;
        for (auto [x, y] : {std::pair{10.0, 0.0}, {0.0, 10.0}, {10.0, 4.0}, {4.0, 10.0}})
            fromCorner.push_back(net.addPoint(0, Point(x, y), routing::NodeRole::Target, 0));
        for (auto [x, y] : {std::pair{0.0, 10.0}, {10.0, 0.0}})
            fromEnd.push_back(net.addPoint(0, Point(x, y), routing::NodeRole::Target, 1));
        REQUIRE(corner >= 0);
        REQUIRE(end >= 0);
        net.build(pairs);
        const auto a = net.shortestFrom({corner}), b = net.shortestFrom({end});
        CHECK(a.dist[fromCorner[0]] == Approx(std::hypot(6.0, 4.0)).margin(1e-9));
        CHECK(a.dist[fromCorner[1]] == Approx(std::hypot(4.0, 6.0)).margin(1e-9));
        CHECK(a.dist[fromCorner[2]] == Approx(6.0).margin(1e-9));
        CHECK(a.dist[fromCorner[3]] == Approx(6.0).margin(1e-9));
        CHECK(net.route(a, fromCorner[1]).size() == 2);
        CHECK(b.dist[fromEnd[0]] == Approx(6.0 + std::hypot(4.0, 6.0)).margin(1e-9));
        CHECK(net.route(b, fromEnd[0]).size() == 3);
        CHECK(b.dist[fromEnd[1]] == Approx(4.0).margin(1e-9));
        std::vector<double> dist = a.dist;
        dist.insert(dist.end(), b.dist.begin(), b.dist.end());
        return dist;
    });
}

// Pairs::SamePiece answers in place, without blocks(), the walls whose
// answer the doubles make plain: an end on the line with the start clearly
// off it (passes), and a wall that clearly crosses the line, beyond the
// segment (passes) or between its ends (blocks); nearer the tolerances
// blocks() decides. One storey per offset e: the room [0,20] x [0,10], a
// tooth hanging from the top to y = 5 + e (x 6..8) and a thin wall rising
// from the bottom, slanted: from (19.5,0) to (19.6,7), back from (19.7,7)
// to (19.6,0). From (1,5):
//  - to (19,5): the line passes the tooth's bottom at e (within kTouch:
//    along it), the thin wall's side crosses the line's extension beyond
//    the end: 18 m, straight where e >= 0 (bent round the tooth's corners
//    where e is clearly below 0: hypot(5, e) + 2 + hypot(11, e), 18 m to
//    1e-12);
//  - to (19.5 - |e|, 5), at |e| from the foot of the thin wall's line: the
//    wall crosses the line's extension: 18.5 - |e| m;
//  - to points on the slanted side (x = 19.5 + y / 70 in doubles, y = 1 ..
//    4.5, where covered): the lines pass below the tooth, straight; the side
//    crosses each line at its end, where the rounding puts the end a hair
//    either side of it.
TEST_CASE("WalkNetwork: walls answered in place, at and around the tolerances, give the hand-worked walks either way") {
    const std::vector<double> offsets{-1e-6, -2e-7, -1.0000001e-7, -1e-7, -0.99999999e-7, -5e-8, -1e-9, 0.0,
                                      1e-9, 5e-8, 0.99999999e-7, 1e-7, 1.0000001e-7, 2e-7, 1e-6};
    std::vector<Point> onSide;
    for (double y : {1.0, 1.3, 2.0, 2.2, 3.0, 3.1, 3.7, 4.0, 4.1, 4.5}) onSide.emplace_back(19.5 + y / 70.0, y);
    size_t onSideAdded = 0;
    checkBothWays([&](routing::WalkNetwork& net, routing::WalkNetwork::Pairs pairs) {
        std::vector<int> from, along, atFoot;
        std::vector<std::vector<int>> atSide(offsets.size());
        for (std::size_t k = 0; k < offsets.size(); ++k) {
            const double e = offsets[k];
            const int storey = static_cast<int>(k);
            MultiPolygon free{polygonOf({{0, 0}, {19.5, 0}, {19.6, 7}, {19.7, 7}, {19.6, 0}, {20, 0}, {20, 10}, {8, 10},
                                         {8, 5 + e}, {6, 5 + e}, {6, 10}, {0, 10}})};
            bg::correct(free);
            net.addStorey(storey, free);
            from.push_back(net.addPoint(storey, Point(1, 5), routing::NodeRole::Source));
            along.push_back(net.addPoint(storey, Point(19, 5), routing::NodeRole::Target));
            atFoot.push_back(net.addPoint(storey, Point(19.5 - std::abs(e), 5), routing::NodeRole::Target));
            for (const Point& q : onSide) atSide[k].push_back(net.addPoint(storey, q, routing::NodeRole::Target));
        }
        net.build(pairs);
        std::vector<double> dist;
        onSideAdded = 0;
        for (std::size_t k = 0; k < offsets.size(); ++k) {
            INFO("e = " << offsets[k]);
            REQUIRE(from[k] >= 0);
            REQUIRE(atFoot[k] >= 0);
            const auto t = net.shortestFrom({from[k]});
            CHECK(t.dist[along[k]] == Approx(18.0).margin(1e-9));
            CHECK(t.dist[atFoot[k]] == Approx(18.5 - std::abs(offsets[k])).margin(1e-9));
            if (offsets[k] >= 0) CHECK(net.route(t, along[k]).size() == 2);
            if (offsets[k] < -2 * 1e-7) CHECK(net.route(t, along[k]).size() == 4);
            for (std::size_t i = 0; i < onSide.size(); ++i) {
                if (atSide[k][i] < 0) continue;
                ++onSideAdded;
                CHECK(t.dist[atSide[k][i]] == Approx(std::hypot(onSide[i].x() - 1, onSide[i].y() - 5)).margin(1e-9));
                CHECK(net.route(t, atSide[k][i]).size() == 2);
            }
            dist.insert(dist.end(), t.dist.begin(), t.dist.end());
        }
        return dist;
    });
    CHECK(onSideAdded > 0);
}
