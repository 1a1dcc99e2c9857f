// Derived structures: the space–opening graph and the free space per storey.
#include "TestKit.h"

#include "derive/BuildingGraph.h"
#include "derive/Placement.h"

#include <boost/geometry.hpp>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

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
