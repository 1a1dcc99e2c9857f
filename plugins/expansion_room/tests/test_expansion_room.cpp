// expansion_room: free buildable area and whether a 12 x 25 m module fits,
// on plots whose answers are worked out by hand (see tests/README.md).
#include "TestKit.h"

#include "io/PortfolioReader.h"

#include <boost/geometry.hpp>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <cmath>
#include <ctime>
#include <numbers>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

constexpr double kPi = std::numbers::pi;
// Area of a quarter circle of radius r drawn as the rule draws it: 16
// segments circumscribing the arc (64 to the full circle).
double quarterArc(double r) { return 16.0 * r * r * std::tan(kPi / 64.0); }

Polygon box(double x0, double y0, double x1, double y1) {
    Polygon p;
    bg::append(p.outer(), Point(x0, y0));
    bg::append(p.outer(), Point(x1, y0));
    bg::append(p.outer(), Point(x1, y1));
    bg::append(p.outer(), Point(x0, y1));
    bg::append(p.outer(), Point(x0, y0));
    return p;
}

Polygon poly(std::initializer_list<std::pair<double, double>> pts) {
    Polygon p;
    for (auto [x, y] : pts) bg::append(p.outer(), Point(x, y));
    bg::append(p.outer(), p.outer().front());
    return p;
}

Point turn(Point q, double deg) {
    const double a = deg * kPi / 180.0;
    return Point(q.x() * std::cos(a) - q.y() * std::sin(a), q.x() * std::sin(a) + q.y() * std::cos(a));
}

Polygon turned(const Polygon& p, double deg) {
    Polygon out;
    for (const auto& q : p.outer()) out.outer().push_back(turn(q, deg));
    return out;
}

Polygon moved(const Polygon& p, double dx, double dy) {
    Polygon out;
    for (const auto& q : p.outer()) out.outer().push_back(Point(q.x() + dx, q.y() + dy));
    for (const auto& ring : p.inners()) {
        out.inners().emplace_back();
        for (const auto& q : ring) out.inners().back().push_back(Point(q.x() + dx, q.y() + dy));
    }
    return out;
}

Site makeSite(MultiPolygon plot, std::vector<Polygon> footprints = {}) {
    Site s;
    s.id = "s1";
    s.plot = std::move(plot);
    s.footprints = std::move(footprints);
    return s;
}

const Shape* shape(const RuleResult& r, const std::string& label) {
    for (const auto& s : r.shapes)
        if (s.label == label) return &s;
    return nullptr;
}

// The module the rule reports lies in the free area it reports (to the
// 1 mm fit tolerance: less than 0.05 m² outside) and has the module's area.
void checkModuleInsideFreeArea(const RuleResult& r, double moduleArea = 300.0) {
    const Shape* module = shape(r, "module that fits");
    const Shape* free = shape(r, "free buildable area");
    REQUIRE(module);
    REQUIRE(free);
    CHECK(bg::area(module->area) == Approx(moduleArea).margin(1e-6));
    MultiPolygon outside;
    bg::difference(module->area, free->area, outside);
    CHECK(bg::area(outside) < 0.05);
}

}  // namespace

TEST_CASE("40 x 40 plot, setback 5: 30 x 30 = 900 m2 buildable; the module fits at 0 degrees") {
    Site s = makeSite({box(0, 0, 40, 40)});
    RuleResult r = runRule("expansion_room", nullptr, &s);
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(900.0).margin(1e-6));
    CHECK(*figureOf(r, "plot_area_m2") == Approx(1600.0).margin(1e-6));
    CHECK(*figureOf(r, "buildable_area_m2") == Approx(900.0).margin(1e-6));
    CHECK(*figureOf(r, "largest_free_piece_m2") == Approx(900.0).margin(1e-6));
    CHECK(*figureOf(r, "module_fits") == 1.0);
    CHECK(*figureOf(r, "module_rotation_deg") == Approx(0.0).margin(1e-9));
    CHECK(*figureOf(r, "orientations_tried") == 1.0);  // the first candidate, along the longest edge
    REQUIRE(r.findings.size() == 1);
    // Centres that fit: x in [11, 29], y in [17.5, 22.5]; the middle is (20, 20).
    REQUIRE(r.findings[0].location);
    CHECK(r.findings[0].location->x() == Approx(20.0).margin(0.005));
    CHECK(r.findings[0].location->y() == Approx(20.0).margin(0.005));
    CHECK(r.threshold == "room for a 12 x 25 m module");
    checkModuleInsideFreeArea(r);
}

TEST_CASE("the same plot in RD coordinates gives the same figures, placed in RD") {
    Site s = makeSite({moved(box(0, 0, 40, 40), 155000.0, 463000.0)});
    RuleResult r = runRule("expansion_room", nullptr, &s);
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(900.0).margin(1e-6));
    REQUIRE(r.findings[0].location);
    CHECK(r.findings[0].location->x() == Approx(155020.0).margin(0.005));
    CHECK(r.findings[0].location->y() == Approx(463020.0).margin(0.005));
    checkModuleInsideFreeArea(r);
}

TEST_CASE("20 x 60 plot turned 30 degrees, setback 2: fits only along the long axis (module turned 120)") {
    // Buildable: a 16 x 56 strip = 896 m2 along 30 degrees. The module (12
    // wide, 25 deep) fits with its depth along the strip: turned 120 degrees
    // (width along 120). Axis-parallel it would need 12 cos 60 + 25 sin 60 =
    // 27.65 m across the 16 m strip.
    Site s = makeSite({turned(box(0, 0, 60, 20), 30.0)});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"setback_m", 2.0}});
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(896.0).margin(0.001));
    CHECK(*figureOf(r, "module_rotation_deg") == Approx(120.0).margin(1e-6));
    CHECK(*figureOf(r, "orientations_tried") == 2.0);  // 30 (no), 120 (yes)
    // The centres that fit form a rectangle round the plot's centre (30, 10) turned 30 degrees.
    const Point c = turn(Point(30, 10), 30.0);
    REQUIRE(r.findings[0].location);
    CHECK(r.findings[0].location->x() == Approx(c.x()).margin(0.005));
    CHECK(r.findings[0].location->y() == Approx(c.y()).margin(0.005));
    checkModuleInsideFreeArea(r);
}

TEST_CASE("the same strip is too narrow for a 17 m wide module in any orientation") {
    // 17 x 25 = 425 m2 < 896 m2, but the strip is 16 m wide.
    Site s = makeSite({turned(box(0, 0, 60, 20), 30.0)});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"setback_m", 2.0}, {"module_width_m", 17.0}});
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(896.0).margin(0.001));
    CHECK(*figureOf(r, "module_fits") == 0.0);
    CHECK_FALSE(figureOf(r, "module_rotation_deg"));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].message == "the free area is too narrow for the module in every orientation");
    CHECK(r.threshold == "room for a 17 x 25 m module");
}

TEST_CASE("a strip 12.2 m wide at 32 degrees: only the edge direction finds the fit the 5-degree grid misses") {
    // 16.2 x 60 plot turned 32 degrees, setback 2: a 12.2 x 56 strip. The
    // module fits only within 0.46 degrees of 122 (12 cos a + 25 sin a <= 12.2);
    // the grid (120, 125) misses it, the plot edge direction (32 + 90) hits it.
    Site s = makeSite({turned(box(0, 0, 60, 16.2), 32.0)});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"setback_m", 2.0}});
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(12.2 * 56.0).margin(0.001));
    CHECK(*figureOf(r, "module_rotation_deg") == Approx(122.0).margin(1e-6));
    checkModuleInsideFreeArea(r);
}

// The orientations are screened in doubles before the exact sieve; only a
// clear "fits nowhere" skips it. By hand: a 16.0005 x 60 plot turned 32
// degrees, setback 2, leaves a 12.0005 x 56 strip (672.028 m2). The module
// less the 1 mm tolerance is 11.999 x 24.999: across the strip (turned 122)
// it has 1.5 mm to spare; 32 degrees (along) does not fit, so 2 orientations
// are tried. A 15.9985 m plot leaves 11.9985 m, 0.5 mm short of 11.999, and
// any turn a needs 11.999 cos a + 24.999 sin a >= 11.999: no fit anywhere.
TEST_CASE("fits with 1.5 mm to spare and misses by 0.5 mm: the screen in doubles decides neither wrongly") {
    Site wide = makeSite({turned(box(0, 0, 60, 16.0005), 32.0)});
    RuleResult r = runRule("expansion_room", nullptr, &wide, nullptr, {{"setback_m", 2.0}});
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(12.0005 * 56.0).margin(0.001));
    CHECK(*figureOf(r, "module_rotation_deg") == Approx(122.0).margin(1e-6));
    CHECK(*figureOf(r, "orientations_tried") == 2.0);
    checkModuleInsideFreeArea(r);

    Site narrow = makeSite({turned(box(0, 0, 60, 15.9985), 32.0)});
    RuleResult n = runRule("expansion_room", nullptr, &narrow, nullptr, {{"setback_m", 2.0}});
    CHECK(n.status == Status::Fail);
    CHECK(*n.value == Approx(11.9985 * 56.0).margin(0.001));
    CHECK(*figureOf(n, "module_fits") == 0.0);
    CHECK(*figureOf(n, "orientations_tried") > 2.0);
}

TEST_CASE("30 x 30 plot, setback 5: 400 m2 buildable but 20 x 20 is too short for 25 m: fail") {
    Site s = makeSite({box(0, 0, 30, 30)});
    RuleResult r = runRule("expansion_room", nullptr, &s);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(400.0).margin(1e-6));
    CHECK(*figureOf(r, "module_fits") == 0.0);
    // 0 and 90 (the edges), then 5 ... 175: 36 distinct orientations.
    CHECK(*figureOf(r, "orientations_tried") == 36.0);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].message == "the free area is too narrow for the module in every orientation");
    CHECK(r.findings[0].observed == "largest free piece 400 m²; 36 orientations tried");
}

TEST_CASE("20 x 20 plot, setback 2: 256 m2 < 300 m2 fails fast, no orientation tried") {
    Site s = makeSite({box(0, 0, 20, 20)});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"setback_m", 2.0}});
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(256.0).margin(1e-6));
    CHECK(*figureOf(r, "orientations_tried") == 0.0);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].message == "the free buildable area is smaller than one module");
    CHECK(r.findings[0].observed == "256 m²");
}

TEST_CASE("60 x 40 plot with a 20 x 30 building in a corner: room beside it") {
    // Buildable [5,55] x [5,35] = 1500. The building [0,20] x [0,30] grown by
    // 5 covers of it [5,25] x [5,30] = 500, [5,20] x [30,35] = 75 and a
    // quarter circle round (20,30) (16 circumscribed segments).
    Site s = makeSite({box(0, 0, 60, 40)}, {box(0, 0, 20, 30)});
    RuleResult r = runRule("expansion_room", nullptr, &s);
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(1500.0 - 575.0 - quarterArc(5.0)).margin(1e-4));
    CHECK(*r.value == Approx(905.35).margin(0.005));
    CHECK(*figureOf(r, "buildable_area_m2") == Approx(1500.0).margin(1e-6));
    CHECK(*figureOf(r, "module_rotation_deg") == Approx(0.0).margin(1e-9));
    // Centres: x in [31, 49], y in [17.5, 22.5]: the middle is (40, 20).
    REQUIRE(r.findings[0].location);
    CHECK(r.findings[0].location->x() == Approx(40.0).margin(0.005));
    CHECK(r.findings[0].location->y() == Approx(20.0).margin(0.005));
    checkModuleInsideFreeArea(r);
    // The module keeps 5 m from the building.
    CHECK(bg::distance(shape(r, "module that fits")->area, box(0, 0, 20, 30)) >= 5.0 - 0.001);
}

TEST_CASE("60 x 40 plot with a 40 x 30 building: 305 m2 free, more than the module, but only 10 m wide: fail") {
    // Free: [45,55] x [5,35] = 300 plus [40,45] x [30,35] less the quarter circle round (40,30).
    Site s = makeSite({box(0, 0, 60, 40)}, {box(0, 0, 40, 30)});
    RuleResult r = runRule("expansion_room", nullptr, &s);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(300.0 + 25.0 - quarterArc(5.0)).margin(1e-4));
    CHECK(*figureOf(r, "largest_free_piece_m2") == Approx(*r.value).margin(1e-6));
    // No 12 m disc fits in 10 m: the module fails in every orientation before any is tried.
    CHECK(*figureOf(r, "orientations_tried") == 0.0);
    CHECK(r.findings[0].message == "the free area is too narrow for the module in every orientation");
}

TEST_CASE("L-shaped plot: the setback rounds the reflex corner") {
    // L = [0,40] x [0,20] + [0,20] x [0,40], setback 2. Strips along the
    // edges leave [2,38] x [2,18] + [2,18] x [2,38] + [18,20] x [18,20] = 900;
    // the points within 2 m of the reflex corner (20,20) are a quarter circle.
    Site s = makeSite({poly({{0, 0}, {40, 0}, {40, 20}, {20, 20}, {20, 40}, {0, 40}})});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"setback_m", 2.0}});
    CHECK(*figureOf(r, "buildable_area_m2") == Approx(900.0 - quarterArc(2.0)).margin(1e-4));
    CHECK(*r.value == Approx(896.856).margin(0.001));
    CHECK(r.status == Status::Pass);  // 12 x 25 in either 16 m wide arm
    checkModuleInsideFreeArea(r);
}

TEST_CASE("two separate 20 x 20 parcels: 512 m2 free, but no piece holds the module") {
    Site s = makeSite({box(0, 0, 20, 20), box(30, 0, 50, 20)}, {});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"setback_m", 2.0}});
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(512.0).margin(1e-6));
    CHECK(*figureOf(r, "largest_free_piece_m2") == Approx(256.0).margin(1e-6));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].message == "the free area is split into pieces each smaller than one module");
}

TEST_CASE("a courtyard building: the module fits in the courtyard, 5 m from the walls") {
    // Plot and building [0,60]^2, courtyard [10,50]^2: free [15,45]^2 = 900.
    Polygon building = box(0, 0, 60, 60);
    Polygon yard = box(10, 10, 50, 50);
    building.inners().emplace_back(yard.outer().rbegin(), yard.outer().rend());  // clockwise hole
    Site s = makeSite({box(0, 0, 60, 60)}, {building});
    RuleResult r = runRule("expansion_room", nullptr, &s);
    CHECK(*r.value == Approx(900.0).margin(1e-6));
    CHECK(r.status == Status::Pass);
    REQUIRE(r.findings[0].location);
    CHECK(r.findings[0].location->x() == Approx(30.0).margin(0.005));
    CHECK(r.findings[0].location->y() == Approx(30.0).margin(0.005));
}

TEST_CASE("setback and clearance 0: the plot less the bare footprint") {
    Site s = makeSite({box(0, 0, 40, 40)}, {box(0, 0, 20, 20)});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"setback_m", 0.0}, {"building_clearance_m", 0.0}});
    CHECK(*r.value == Approx(1200.0).margin(1e-6));
    CHECK(r.status == Status::Pass);
}

TEST_CASE("a self-intersecting footprint is replaced by its convex hull, with a finding") {
    Site s = makeSite({box(0, 0, 40, 40)}, {poly({{0, 0}, {10, 10}, {10, 0}, {0, 10}})});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"setback_m", 0.0}, {"building_clearance_m", 0.0}});
    CHECK(*r.value == Approx(1500.0).margin(1e-6));
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].object == "s1/building 1");
}

TEST_CASE("no plot, or no site: unknown") {
    Site s = makeSite({});
    RuleResult r = runRule("expansion_room", nullptr, &s);
    CHECK(r.status == Status::Unknown);
    CHECK_FALSE(r.value);
    CHECK(r.summary == "the site has no plot geometry");
    CHECK(runRule("expansion_room", nullptr, nullptr).status == Status::Unknown);
}

TEST_CASE("module size from the parameters: 10 x 18 fits on the 30 x 30 plot") {
    Site s = makeSite({box(0, 0, 30, 30)});
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr, {{"module_width_m", 10.0}, {"module_depth_m", 18.0}});
    CHECK(r.status == Status::Pass);
    checkModuleInsideFreeArea(r, 180.0);
}

// The sides may be given either way round: a 25 x 12 module (width the long
// side) on a 40 x 20 plot without setback fits at 0 degrees (25 along x, 12
// along y: 7.5 m to spare across); it holds a 12 m disc, not a 25 m one, so
// the sieve by the short side must not reject the 20 m wide plot.
TEST_CASE("a module given long side first (25 x 12) fits on a 40 x 20 plot, as 12 x 25 does") {
    Site s = makeSite({box(0, 0, 40, 20)});
    for (auto [w, d] : {std::pair{25.0, 12.0}, std::pair{12.0, 25.0}}) {
        CAPTURE(w, d);
        RuleResult r = runRule("expansion_room", nullptr, &s, nullptr,
                               {{"setback_m", 0.0}, {"module_width_m", w}, {"module_depth_m", d}});
        CHECK(r.status == Status::Pass);
        CHECK(*figureOf(r, "module_fits") == 1.0);
        checkModuleInsideFreeArea(r, 300.0);
    }
    // 26 x 21 holds a 21 m disc, which the 20 m wide plot does not: no room.
    RuleResult r = runRule("expansion_room", nullptr, &s, nullptr,
                           {{"setback_m", 0.0}, {"module_width_m", 26.0}, {"module_depth_m", 21.0}});
    CHECK(*figureOf(r, "module_fits") == 0.0);
}

// A convex footprint's clearance is made as one polygon (its strips' outer
// edges and its corners' fans) instead of a Boolean union of the strips and
// fans. The same footprint drawn with a vertex in the middle of every edge
// (collinear, so not strictly convex) takes the union; both must give the
// same free area. An octagon with integer corners 16 x 16 (corners cut 4 x 4:
// 224 m2) in the middle of a 60 x 60 plot (setback 5: 2500 m2 buildable),
// clearance 5: strips 5 x the perimeter (32 + 16 sqrt 2 = 54.63 m), and fans
// round the eight 45-degree corners, 64 segments of 5.625 degrees in all
// (four of the test's quarter arcs). Free: 2500 - 224 - 273.14 - 4 arcs.
// The free strips beside the flat sides are 50 - 26 = 24 / 2 = 12 m wide:
// the 12 x 25 module fits.
TEST_CASE("a convex footprint's clearance made as one polygon equals the union of its strips and fans") {
    const Polygon octagon = poly({{4, 0}, {12, 0}, {16, 4}, {16, 12}, {12, 16}, {4, 16}, {0, 12}, {0, 4}});
    const Polygon midpoints = poly({{4, 0}, {8, 0}, {12, 0}, {14, 2}, {16, 4}, {16, 8}, {16, 12}, {14, 14}, {12, 16},
                                    {8, 16}, {4, 16}, {2, 14}, {0, 12}, {0, 8}, {0, 4}, {2, 2}});
    const double hand = 2500.0 - 224.0 - 5.0 * (32.0 + 16.0 * std::sqrt(2.0)) - 4.0 * quarterArc(5.0);
    for (auto [dx, dy] : {std::pair{0.0, 0.0}, {155000.0, 463000.0}}) {
        const Polygon plot = moved(box(-30, -30, 30, 30), dx + 8, dy + 8);
        const Site a = makeSite({plot}, {moved(octagon, dx, dy)}), b = makeSite({plot}, {moved(midpoints, dx, dy)});
        const RuleResult convex = runRule("expansion_room", nullptr, &a, nullptr);
        const RuleResult united = runRule("expansion_room", nullptr, &b, nullptr);
        CHECK(*convex.value == Approx(hand).margin(1e-6));
        CHECK(*convex.value == Approx(*united.value).margin(1e-9));
        CHECK(*figureOf(convex, "largest_free_piece_m2") == Approx(*figureOf(united, "largest_free_piece_m2")).margin(1e-9));
        CHECK(convex.status == Status::Pass);
        CHECK(united.status == Status::Pass);
        checkModuleInsideFreeArea(convex);
        // The free area drawn is the same region (its holes and outline).
        MultiPolygon apart;
        bg::sym_difference(shape(convex, "free buildable area")->area, shape(united, "free buildable area")->area, apart);
        CHECK(bg::area(apart) < 1e-6);
    }
}

TEST_CASE("timing on a round plot with three buildings", "[.perf]") {
    Polygon round;
    for (int i = 0; i < 48; ++i) {
        const double a = 2 * kPi * i / 48;
        bg::append(round.outer(), Point(155000 + 35 * std::cos(a), 463000 + 35 * std::sin(a)));
    }
    bg::append(round.outer(), round.outer().front());
    std::vector<Polygon> fps{moved(box(-25, -10, -5, 10), 155000, 463000), moved(box(-15, -28, -5, -12), 155000, 463000),
                             moved(turned(box(0, 0, 12, 8), 17), 154990, 463020)};
    // Modules that fit, one that may not (26 x 30), and one that fails fast
    // (the cost of the free area alone).
    for (auto [width, depth] : {std::pair{12.0, 25.0}, {19.0, 25.0}, {26.0, 30.0}, {12.0, 1000.0}}) {
        Site s = makeSite({round}, fps);
        auto t0 = std::chrono::steady_clock::now();
        RuleResult r;
        for (int k = 0; k < 10; ++k)
            r = runRule("expansion_room", nullptr, &s, nullptr, {{"module_width_m", width}, {"module_depth_m", depth}});
        auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 10;
        WARN(width << " x " << depth << ": " << toString(r.status) << ", free " << *r.value << " m2, "
                   << *figureOf(r, "orientations_tried") << " orientations, " << ms << " ms per site");
    }
}

// The national benchmark's site (bench::nationalRegion): a 60 x 60 m plot
// with a 20 x 30 m building in its middle. Setback 5: 50 x 50 buildable;
// clearance 5 round the building leaves a ring 10 m wide at the sides and
// 5 m at the ends: no 12 m disc fits, so the rule fails without a sieve and
// its cost is that of the free area alone (about 5,000 of these a scan).
TEST_CASE("timing on the national benchmark's site", "[.perf]") {
    Site s = makeSite({moved(box(-30, -30, 30, 30), 150000, 450000)}, {moved(box(-10, -15, 10, 15), 150000, 450000)});
    RuleResult r;
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();  // CPU time: the machine is shared
    for (int k = 0; k < 500; ++k) r = runRule("expansion_room", nullptr, &s, nullptr);
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 500;
    const double cpuMs = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC / 500;
    // 2500 - (30 x 40 - the four square corners + four 5 m quarter arcs)
    CHECK(*r.value == Approx(2500.0 - (1200.0 - 100.0 + 4.0 * quarterArc(5.0))).margin(1e-6));
    WARN("national site: " << toString(r.status) << ", free " << *r.value << " m2, " << ms << " ms per site (" << cpuMs << " ms CPU)");
}

namespace {

RuleResult runPortfolio(const std::string& name) {
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("plugins/expansion_room/tests/" + name), issues);
    REQUIRE_FALSE(hasErrors(issues));
    REQUIRE(p.sites.size() == 1);
    return runRule("expansion_room", nullptr, &p.sites.front(), &p.context);
}

}  // namespace

TEST_CASE("fixture portfolios (RD New), default parameters") {
    RuleResult r = runPortfolio("pass-expansion_room-beside_building.gpkg");
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(1500.0 - 575.0 - quarterArc(5.0)).margin(1e-4));
    REQUIRE(r.findings[0].location);
    CHECK(r.findings[0].location->x() == Approx(136040.0).margin(0.005));
    CHECK(r.findings[0].location->y() == Approx(455020.0).margin(0.005));

    r = runPortfolio("pass-expansion_room-skew_plot.gpkg");
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(16.0 * 50.0).margin(0.001));
    CHECK(*figureOf(r, "module_rotation_deg") == Approx(120.0).margin(1e-6));

    r = runPortfolio("fail-expansion_room-square_30m.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(400.0).margin(1e-6));

    r = runPortfolio("fail-expansion_room-narrow_beside_building.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(325.0 - quarterArc(5.0)).margin(1e-4));
}

TEST_CASE("pinched free areas (pieces touching at a corner) are handled") {
    // Two 40 x 40 parcels touching at (40,40): 3200 m2, the module fits in either.
    Site a = makeSite({box(0, 0, 40, 40), box(40, 40, 80, 80)});
    RuleResult r = runRule("expansion_room", nullptr, &a, nullptr, {{"setback_m", 0.0}});
    CHECK(*r.value == Approx(3200.0).margin(1e-6));
    CHECK(r.status == Status::Pass);
    checkModuleInsideFreeArea(r);
    // Two buildings touching at a corner split an 80 x 40 plot into two 20 m
    // wide pieces that touch at (40,20): 3200 - 800 = 2400 m2; a 30 x 30
    // module fits in neither piece (each 20 deep), and not across the pinch.
    Site b = makeSite({box(0, 0, 80, 40)}, {box(20, 0, 40, 20), box(40, 20, 60, 40)});
    QJsonObject bare{{"setback_m", 0.0}, {"building_clearance_m", 0.0}};
    r = runRule("expansion_room", nullptr, &b, nullptr, bare);
    CHECK(*r.value == Approx(2400.0).margin(1e-6));
    CHECK(r.status == Status::Pass);  // 12 x 25 fits, e.g. in [0,20] x [0,40]
    checkModuleInsideFreeArea(r);
    QJsonObject big = bare;
    big["module_width_m"] = 21.0;
    big["module_depth_m"] = 21.0;
    r = runRule("expansion_room", nullptr, &b, nullptr, big);
    CHECK(r.status == Status::Fail);
}
