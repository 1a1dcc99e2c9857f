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
#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace vgscan;
using namespace vgscan::test;

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The former code (decomposeFormer) gives the reference's points bit for bit;
// decompose() the same topology: the same counts, the points in the same
// order, each within 1e-6 m (the reference's doubles of crossings never made
// exact are the middles of Epeck's intervals: up to some 1e-7 m off where two
// lines are nearly parallel; the canonical ones are the exact crossings
// rounded, tested below).
void requireSame(const MultiPolygon& floor, const std::vector<Point>& targets) {
    const sight::Decomposition d = sight::decompose(floor, targets);
    const sight::Decomposition f = sight::decomposeFormer(floor, targets);
    const sight::Decomposition r = sight::decomposeReference(floor, targets);
    CHECK(d.reflexVertices == r.reflexVertices);
    CHECK(d.criticalSegments == r.criticalSegments);
    REQUIRE(f.vertices.size() == r.vertices.size());
    REQUIRE(f.facePoints.size() == r.facePoints.size());
    for (size_t i = 0; i < f.vertices.size(); ++i) {
        INFO("vertex " << i);
        CHECK(sameBits(f.vertices[i].x(), r.vertices[i].x()));
        CHECK(sameBits(f.vertices[i].y(), r.vertices[i].y()));
    }
    for (size_t i = 0; i < f.facePoints.size(); ++i) {
        INFO("face point " << i);
        CHECK(sameBits(f.facePoints[i].x(), r.facePoints[i].x()));
        CHECK(sameBits(f.facePoints[i].y(), r.facePoints[i].y()));
    }
    REQUIRE(d.vertices.size() == r.vertices.size());
    REQUIRE(d.facePoints.size() == r.facePoints.size());
    for (size_t i = 0; i < d.vertices.size(); ++i) {
        INFO("vertex " << i << ": " << d.vertices[i].x() << " " << d.vertices[i].y());
        CHECK(boost::geometry::distance(d.vertices[i], r.vertices[i]) <= 1e-6);
    }
    for (size_t i = 0; i < d.facePoints.size(); ++i) {
        INFO("face point " << i);
        CHECK(boost::geometry::distance(d.facePoints[i], r.facePoints[i]) <= 1e-6);
    }
}

// The points sorted (x, then y), to compare as sets.
std::vector<Point> sorted(std::vector<Point> v) {
    std::sort(v.begin(), v.end(), [](const Point& a, const Point& b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    });
    return v;
}

bool sameBits(const std::vector<Point>& a, const std::vector<Point>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!sameBits(a[i].x(), b[i].x()) || !sameBits(a[i].y(), b[i].y())) return false;
    return true;
}

// A ring (closed) started at its k-th corner.
template <class Ring>
Ring rotated(const Ring& r, size_t k) {
    const size_t n = r.size() - 1;
    Ring out;
    for (size_t i = 0; i <= n; ++i) out.push_back(r[(k + i) % n]);
    return out;
}

// The same floor in another order: the polygons and each polygon's holes
// reversed, every ring started at another corner; the targets reversed.
// decompose() must give the same points, bit for bit (as sets: the
// arrangement lists them in its own order).
void requireCanonical(const MultiPolygon& floor, const std::vector<Point>& targets) {
    MultiPolygon other;
    size_t k = 1;
    for (auto it = floor.rbegin(); it != floor.rend(); ++it) {
        Polygon p;
        p.outer() = rotated(it->outer(), k++ % (it->outer().size() - 1));
        for (auto h = it->inners().rbegin(); h != it->inners().rend(); ++h)
            p.inners().push_back(rotated(*h, k++ % (h->size() - 1)));
        other.push_back(p);
    }
    const std::vector<Point> back(targets.rbegin(), targets.rend());
    const sight::Decomposition a = sight::decompose(floor, targets);
    const sight::Decomposition b = sight::decompose(other, back);
    CHECK(a.criticalSegments == b.criticalSegments);
    CHECK(sameBits(sorted(a.vertices), sorted(b.vertices)));
    CHECK(sameBits(sorted(a.facePoints), sorted(b.facePoints)));
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
            requireCanonical(group.domain, {});
            requireCanonical(group.domain, group.doorEnds);
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
            requireCanonical(MultiPolygon{q}, {});
            // Targets on corners, on walls and inside (sources of lines too).
            requireSame(MultiPolygon{q}, {q.outer()[1], Point(q.outer()[0].x() + 0.5, q.outer()[0].y()),
                                          Point(q.outer()[0].x() + 1.25, q.outer()[0].y() + 1.75)});
        }
        ++n;
    }
    // Two of them side by side in one floor (a multipolygon).
    requireSame(MultiPolygon{comb, moved(stairs, 20, 0)}, {});
    requireCanonical(MultiPolygon{comb, moved(stairs, 20, 0), moved(pillars, 0, 20)}, {Point(1, 1), Point(21, 1)});
    // Floors that are not plain where a sight ray passes (decompose's exit
    // by predicates on doubles gives way to the exact one): an L and a
    // square touching at a corner on the line of the L's walls, and a room
    // whose hole touches its wall at a point.
    const Polygon ell = ring({{0, 0}, {4, 0}, {4, 2}, {2, 2}, {2, 4}, {0, 4}});
    const Polygon touching = ring({{4, 2}, {6, 2}, {6, 4}, {4, 4}});
    requireSame(MultiPolygon{ell, touching}, {});
    requireCanonical(MultiPolygon{ell, touching}, {});
    const Polygon pinched = ring({{0, 0}, {8, 0}, {8, 6}, {0, 6}}, {{{3, 0}, {5, 2}, {3, 2}}});
    requireSame(MultiPolygon{pinched}, {Point(1, 5)});
    requireCanonical(MultiPolygon{pinched}, {Point(1, 5)});
}

TEST_CASE("decompose: vertices are the exact crossings rounded, on a floor worked out by hand") {
    // An 8 x 8 m room with a 2 x 2 m pillar at (2..4, 2..4), and a door end
    // at (1, 0) and (0, 1). The pillar's corners are the reflex corners;
    // their walls' extensions run to the room's walls (x = 4 from (4, 4) up
    // to (4, 8), y = 4 from (4, 4) right to (8, 4), ...). From (1, 0) the
    // line through (4, 2) goes on to the wall x = 8 at y = 2 + 4 * 2/3 =
    // 14/3 and crosses y = 4 at (7, 4); from (0, 1) the line through (2, 4)
    // goes on to y = 8 at x = 2 + 2 * 4/3 = 14/3 and crosses x = 4 at (4, 7).
    const Polygon room = ring({{0, 0}, {8, 0}, {8, 8}, {0, 8}}, {{{2, 2}, {2, 4}, {4, 4}, {4, 2}}});
    const sight::Decomposition d = sight::decompose(MultiPolygon{room}, {Point(1, 0), Point(0, 1)});
    auto has = [&](double x, double y) {
        for (const auto& v : d.vertices)
            if (sameBits(v.x(), x) && sameBits(v.y(), y)) return true;
        return false;
    };
    CHECK(has(7, 4));
    CHECK(has(4, 7));
    CHECK(has(8, 14.0 / 3.0));  // IEEE division: the nearest double of 14/3
    CHECK(has(14.0 / 3.0, 8));
    CHECK(has(4, 8));
    CHECK(has(8, 4));
    requireSame(MultiPolygon{room}, {Point(1, 0), Point(0, 1)});
    requireCanonical(MultiPolygon{room}, {Point(1, 0), Point(0, 1)});
}

namespace {
using Q = boost::multiprecision::cpp_rational;
// The nearest double of q, ties to even, by exact comparison with the
// neighbours of a first guess.
double nearestOf(const Q& q) {
    const double g = static_cast<double>(q);
    double best = g;
    Q bestErr = abs(q - Q(g));
    for (double c : {std::nextafter(g, -HUGE_VAL), std::nextafter(g, HUGE_VAL)}) {
        const Q err = abs(q - Q(c));
        if (err < bestErr) {
            best = c;
            bestErr = err;
        } else if (err == bestErr) {
            uint64_t bits;
            std::memcpy(&bits, &c, sizeof bits);
            if ((bits & 1) == 0) best = c;
        }
    }
    return best;
}
Point exactlyRounded(const Point& a, const Point& b, const Point& c, const Point& d) {
    const Q ax(a.x()), ay(a.y()), bx(b.x()), by(b.y()), cx(c.x()), cy(c.y()), dx(d.x()), dy(d.y());
    const Q D = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    const Q t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / D;
    return Point(nearestOf(ax + (bx - ax) * t), nearestOf(ay + (by - ay) * t));
}
}  // namespace

TEST_CASE("roundedCrossing: the nearest double of the exact crossing, ties to even") {
    // Halfway cases (decided in rationals): the line y = 0 crossed at
    // x = 1 + 2^-53 (halfway between 1 and 1 + 2^-52: to the even 1) and at
    // x = 1 + 3 * 2^-53 (to the even 1 + 2^-51).
    const double e = 0x1p-52;
    Point p = sight::roundedCrossing({0, 0}, {1, 0}, {1, 1}, {1 + e, -1});
    CHECK(sameBits(p.x(), 1.0));
    CHECK(sameBits(p.y(), 0.0));
    p = sight::roundedCrossing({0, 0}, {1, 0}, {1, 1}, {1 + 3 * e, -1});
    CHECK(sameBits(p.x(), 1 + 2 * e));
    // Known by hand: y = x and x + 2y = 1 cross at (1/3, 1/3).
    p = sight::roundedCrossing({0, 0}, {3, 3}, {1, 0}, {-1, 1});
    CHECK(sameBits(p.x(), 1.0 / 3.0));
    CHECK(sameBits(p.y(), 1.0 / 3.0));
    // The order of the lines and of each line's points does not matter.
    const Point a(0.1, 0.7), b(12.35, 3.3), c(4.05, -2.2), d(5.95, 9.15);
    const Point r = sight::roundedCrossing(a, b, c, d);
    for (const auto& q : {sight::roundedCrossing(b, a, c, d), sight::roundedCrossing(c, d, a, b),
                          sight::roundedCrossing(d, c, b, a)}) {
        CHECK(sameBits(q.x(), r.x()));
        CHECK(sameBits(q.y(), r.y()));
    }
    // Against exact rationals: plan-like coordinates (multiples of 5 mm and
    // arbitrary doubles), nearly parallel lines, and crossings at corners.
    std::mt19937_64 rng(17);
    std::uniform_real_distribution<double> u(-50, 300);
    std::uniform_int_distribution<int> mm(-10000, 60000);
    int checked = 0, differ = 0;
    for (int i = 0; i < 5000; ++i) {
        Point q[4];
        for (auto& x : q) x = (i % 3 == 0) ? Point(mm(rng) * 0.005, mm(rng) * 0.005) : Point(u(rng), u(rng));
        if (i % 5 == 1) q[3] = Point(q[2].x() + (q[1].x() - q[0].x()) * 0.999999, q[2].y() + (q[1].y() - q[0].y()));
        if (i % 7 == 2) q[2] = q[0];  // crossing at a corner
        const Q D = (Q(q[1].x()) - Q(q[0].x())) * (Q(q[3].y()) - Q(q[2].y())) -
                    (Q(q[1].y()) - Q(q[0].y())) * (Q(q[3].x()) - Q(q[2].x()));
        if (D == 0) continue;
        const Point got = sight::roundedCrossing(q[0], q[1], q[2], q[3]);
        const Point want = exactlyRounded(q[0], q[1], q[2], q[3]);
        ++checked;
        if (!sameBits(got.x(), want.x()) || !sameBits(got.y(), want.y())) ++differ;
    }
    CHECK(checked > 4700);
    CHECK(differ == 0);
}
