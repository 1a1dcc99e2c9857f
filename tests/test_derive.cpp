// Derived structures: the space–opening graph and the free space per storey.
#include "PlanDump.h"
#include "TestKit.h"

#include "derive/BuildingGraph.h"
#include "derive/Placement.h"
#include "io/PlanReader.h"

#include <boost/geometry.hpp>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <filesystem>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {
// Two 4 x 4 rooms with a 0.1 m wall between them; a 0.9 m door in the wall.
FloorPlan twoRooms(bool withDoor) {
    FloorPlan p;
    p.spaces = {rect("a", SpaceUse::Bedroom, 0, 0, 4, 4, "A"), rect("b", SpaceUse::Corridor, 4.1, 0, 8.1, 4, "A"),
                rect("up", SpaceUse::Bedroom, 0, 0, 4, 4, "", 1)};
    if (withDoor) p.openings.push_back(door("d", "a", "b", 4.05, 1, 4.05, 1.9));
    p.openings.push_back(door("w", "a", "outside", 1, -0.15, 2, -0.15, OpeningKind::Window));
    return p;
}
}  // namespace

TEST_CASE("the graph links spaces through doors and passages; not windows") {
    FloorPlan p = twoRooms(true);
    BuildingGraph g(p);
    int a = g.indexOf("a"), b = g.indexOf("b");
    REQUIRE(g.neighbours(a) == std::vector<int>{b});
    CHECK(g.links(a).size() == 1);  // the window is no link
    CHECK(g.indexOf("nope") == -1);
    CHECK(g.spacesOnStorey(1).size() == 1);
    CHECK(g.groups().at("A").size() == 2);
    CHECK(g.spacesWithUse(SpaceUse::Bedroom).size() == 2);
}

TEST_CASE("free space joins rooms through the doorway strip only") {
    FloorPlan with = twoRooms(true);
    BuildingGraph g(with);
    const MultiPolygon& fs = g.freeSpace(0);
    REQUIRE(fs.size() == 1);
    // 16 + 16 m² of rooms + the 0.9 m x 0.1 m strip in the wall gap.
    CHECK(bg::area(fs) == Approx(32.0 + 0.09).margin(1e-9));
    FloorPlan without = twoRooms(false);
    BuildingGraph g2(without);
    CHECK(g2.freeSpace(0).size() == 2);
    CHECK(g2.freeSpace(1).size() == 1);
    CHECK(g2.freeSpace(7).empty());
}

TEST_CASE("free space: halves whose boxes are apart side by side, the same bits as the overlay of every pair") {
    // Hand-known: rooms sharing a wall line (boxes touch) are one polygon;
    // an L-shaped room round a small one (boxes overlap, polygons apart)
    // stays two; rooms apart stay apart, joined by a door strip.
    FloorPlan p;
    p.spaces = {rect("a", SpaceUse::Bedroom, 0, 0, 4, 4), rect("b", SpaceUse::Corridor, 4, 0, 8, 4),
                rect("c", SpaceUse::Bedroom, 20, 0, 24, 4), rect("d", SpaceUse::Bedroom, 24.1, 0, 28.1, 4)};
    Space l = rect("l", SpaceUse::Living, 0, 10, 10, 20);
    l.shape.outer() = {{0, 10}, {10, 10}, {10, 12}, {2, 12}, {2, 20}, {0, 20}, {0, 10}};
    bg::correct(l.shape);
    p.spaces.push_back(l);
    p.spaces.push_back(rect("in", SpaceUse::Wc, 4, 14, 8, 18));
    p.openings.push_back(door("cd", "c", "d", 24.05, 1, 24.05, 1.9));  // the doorway strip joins c and d
    BuildingGraph g(p);
    const MultiPolygon fast = g.makeFreeSpace(0, BuildingGraph::Union::SkipApart);
    const MultiPolygon ref = g.makeFreeSpace(0, BuildingGraph::Union::EveryPair);
    CHECK(ref.size() == 4);  // a+b, c+d with the strip, l, in
    CHECK(fast.size() == ref.size());
    CHECK(bg::area(fast) == Approx(bg::area(ref)).epsilon(0));
    CHECK(sameBits(fast, ref));
    CHECK(sameBits(g.makeFreeSpace(0, BuildingGraph::Union::SkipPolygonsApart), ref));
    CHECK(sameBits(g.freeSpace(0), ref));

    // Every storey of the sample plans.
    int storeys = 0;
    for (const auto& e : std::filesystem::directory_iterator(VGSCAN_TEST_SOURCE_DIR "/floorplans/plans")) {
        std::vector<InputIssue> issues;
        const FloorPlan plan = readPlan(e.path().string(), issues);
        const BuildingGraph pg(plan);
        for (int storey : plan.storeys()) {
            ++storeys;
            INFO(e.path().filename().string() << " storey " << storey);
            const MultiPolygon ref = pg.makeFreeSpace(storey, BuildingGraph::Union::EveryPair);
            CHECK(sameBits(pg.freeSpace(storey), ref));
            CHECK(sameBits(pg.makeFreeSpace(storey, BuildingGraph::Union::SkipApart), ref));
            CHECK(sameBits(pg.makeFreeSpace(storey, BuildingGraph::Union::SkipPolygonsApart), ref));
        }
    }
    CHECK(storeys >= 10);
}

TEST_CASE("free space: halves whose polygons' boxes are apart side by side, though the halves' boxes overlap") {
    // Hand-known: a and b (opposite corners of a 14 x 14 square), then c and
    // d (the other two corners): each pair's boxes are apart, and the pairs'
    // boxes are the same square, but no room's box meets another's. The free
    // space is the four rooms as they are, in plan order.
    FloorPlan p;
    p.spaces = {rect("a", SpaceUse::Bedroom, 0, 0, 4, 4), rect("b", SpaceUse::Bedroom, 10, 10, 14, 14),
                rect("c", SpaceUse::Bedroom, 10, 0, 14, 4), rect("d", SpaceUse::Bedroom, 0, 10, 4, 14)};
    BuildingGraph g(p);
    const MultiPolygon fast = g.makeFreeSpace(0, BuildingGraph::Union::SkipPolygonsApart);
    REQUIRE(fast.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        INFO(p.spaces[i].id);
        CHECK(sameBits(MultiPolygon{fast[i]}, MultiPolygon{p.spaces[i].shape}));
    }
    CHECK(sameBits(fast, g.makeFreeSpace(0, BuildingGraph::Union::EveryPair)));
    CHECK(sameBits(fast, g.makeFreeSpace(0, BuildingGraph::Union::SkipApart)));

    // Rooms whose boxes only touch (c at a's corner, d along b's side, c and
    // d joined by a door strip) go through the overlay, as before.
    FloorPlan q;
    q.spaces = {rect("a", SpaceUse::Bedroom, 0, 0, 4, 4), rect("b", SpaceUse::Bedroom, 10, 10, 14, 14),
                rect("c", SpaceUse::Bedroom, 4, 4, 8, 8), rect("d", SpaceUse::Bedroom, 8.1, 4, 10, 10)};
    q.openings.push_back(door("cd", "c", "d", 8.05, 5, 8.05, 5.9));
    BuildingGraph h(q);
    const MultiPolygon ref = h.makeFreeSpace(0, BuildingGraph::Union::EveryPair);
    CHECK(ref.size() < 4);  // something was joined
    CHECK(sameBits(h.makeFreeSpace(0, BuildingGraph::Union::SkipPolygonsApart), ref));
    CHECK(sameBits(h.freeSpace(0), ref));
}

TEST_CASE("free space: self turns are not looked for only where the rounding grid keeps polygons apart") {
    // a and b meet (nearly) at a corner; c crosses b. a and b are put side by
    // side (their boxes are apart), then joined with c by bg::union_. Apart by
    // 1e-9 m, less than Boost.Geometry's rounding grid (about 1e-6 m here),
    // they meet on that grid: the union looks for their self turns, and
    // without them gives other bits (the polygons in the other order, b's
    // corner moved). Apart by 0.1 mm, more than the margin (1e-6 x 9 m), it
    // need not look: the same bits, a as it is and b joined with c.
    for (const double gap : {1e-9, 1e-4}) {
        INFO("gap " << gap);
        FloorPlan p;
        p.spaces = {rect("a", SpaceUse::Bedroom, 0, 0, 4, 4), rect("b", SpaceUse::Bedroom, 4 + gap, 4 + gap, 8, 8),
                    rect("c", SpaceUse::Corridor, 2.5, 5, 5, 9)};
        BuildingGraph g(p);
        const MultiPolygon now = g.makeFreeSpace(0, BuildingGraph::Union::NoSelfTurnsApart);
        CHECK(sameBits(now, g.makeFreeSpace(0, BuildingGraph::Union::SkipPolygonsApart)));
        CHECK(sameBits(g.freeSpace(0), now));
        REQUIRE(now.size() == 2);
        // a, b, c less c's overlap with b (up to the grid's rounding of the crossings)
        CHECK(bg::area(now) == Approx(16 + (4 - gap) * (4 - gap) + 2.5 * 4 - (5 - 4 - gap) * 3).margin(1e-6));
    }
}

TEST_CASE("placing a plan: rotate counter-clockwise about the origin; then move") {
    PlanPlacement at{100, 200, 90, true};
    Point p = toWorld(Point(1, 0), at);
    CHECK(p.x() == Approx(100).margin(1e-12));
    CHECK(p.y() == Approx(201));
    Polygon sq = rect("a", SpaceUse::Other, 0, 0, 4, 2).shape;
    Polygon w = toWorld(sq, PlanPlacement{10, 0, 30, true});
    CHECK(bg::area(w) == Approx(8.0));
    CHECK(bg::is_valid(w));
}
