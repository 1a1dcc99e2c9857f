// busy_area_buffer: distances from a 10 x 10 m footprint centred on (0,0)
// (faces at x, y = +-5) to busy roads and places, worked out by hand.
#include "TestKit.h"

#include "derive/ContextIndex.h"
#include "io/PortfolioReader.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <QJsonArray>

#include <cmath>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::WithinAbs;

namespace {

constexpr double kCm = 0.01;

Road road(std::initializer_list<Point> points, const std::string& cls, std::optional<double> aadt = std::nullopt) {
    Road r;
    r.roadClass = cls;
    r.aadt = aadt;
    r.line.assign(points.begin(), points.end());
    return r;
}

Poi place(const std::string& category, double x, double y) { return Poi{category, category + " 1", std::nullopt, Point(x, y)}; }

Polygon square(double cx, double cy, double half) {
    Polygon p;
    p.outer() = {{cx - half, cy - half}, {cx + half, cy - half}, {cx + half, cy + half}, {cx - half, cy + half},
                 {cx - half, cy - half}};
    return p;
}

Site building() {
    Site s;
    s.id = "s1";
    s.plot.push_back(square(0, 0, 20));
    s.footprints.push_back(square(0, 0, 5));
    return s;
}

Context both() {
    Context c;
    c.hasRoads = c.hasPois = true;
    return c;
}

}  // namespace

TEST_CASE("primary road 150 m and school 300 m away: pass; headline the nearer (150 m)") {
    Context c = both();
    c.roads = {road({{-500, 155}, {500, 155}}, "primary")};
    c.pois = {place("school", 0, 305)};
    Site s = building();
    RuleResult r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(150.0, kCm));
    CHECK_THAT(*figureOf(r, "road_distance_m"), WithinAbs(150.0, kCm));
    CHECK_THAT(*figureOf(r, "place_distance_m"), WithinAbs(300.0, kCm));
    CHECK(r.threshold == "road >= 100; place >= 200");
    REQUIRE(r.shapes.size() == 2);
    CHECK(r.shapes[0].line.front().y() == 5.0);  // from the north face ...
    CHECK(r.shapes[0].line.back().y() == 155.0);  // ... straight to the road
}

TEST_CASE("primary road 80 m away: fail (< 100), though the school passes") {
    Context c = both();
    c.roads = {road({{-500, 85}, {500, 85}}, "primary")};
    c.pois = {place("school", 0, 305)};
    Site s = building();
    RuleResult r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(80.0, kCm));
    CHECK(r.findings[0].message == "too close to a busy road: primary road");
    CHECK(r.findings[0].observed == "80 m from the footprint");
    // min_road_distance_m from the rule set
    CHECK(runRule("busy_area_buffer", nullptr, &s, &c, {{"min_road_distance_m", 80.0}}).status == Status::Pass);
}

TEST_CASE("school 150 m away: fail (< 200); the corner distance is exact") {
    Context c = both();
    c.roads = {road({{-500, 305}, {500, 305}}, "secondary")};
    c.pois = {place("school", 0, 155), place("shop", 305, 405)};
    Site s = building();
    RuleResult r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(150.0, kCm));
    CHECK_THAT(*figureOf(r, "road_distance_m"), WithinAbs(300.0, kCm));
    // Only the shop: from the corner (5,5): hypot(300, 400) = 500.
    c.pois = {place("shop", 305, 405)};
    r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*figureOf(r, "place_distance_m"), WithinAbs(500.0, kCm));
    // Not a busy category: a GP next door does not count.
    c.pois = {place("gp", 0, 10)};
    r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK_FALSE(figureOf(r, "place_distance_m"));
    CHECK_THAT(*r.value, WithinAbs(300.0, kCm));
    // ... unless the rule set says so.
    r = runRule("busy_area_buffer", nullptr, &s, &c, {{"busy_categories", QJsonArray{"gp"}}});
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(5.0, kCm));
}

TEST_CASE("R-tree boxes mislead: a diagonal road with a near box is far; the exact distance decides") {
    // The diagonal's box starts 21.2 m from the footprint's box, but the road
    // itself is (1020 - 10) / sqrt 2 = 714.18 m from the corner (5,5). The
    // straight road's box is 195 m away, and so is the road.
    Context c;
    c.hasRoads = true;
    c.roads = {road({{20, 1000}, {1000, 20}}, "primary"), road({{-100, -200}, {100, -200}}, "primary")};
    Site s = building();
    RuleResult r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK_THAT(*r.value, WithinAbs(195.0, kCm));
    CHECK(r.status == Status::Pass);
    // Only the diagonal:
    c.roads.pop_back();
    CHECK_THAT(*runRule("busy_area_buffer", nullptr, &s, &c).value, WithinAbs(1010.0 / std::sqrt(2.0), kCm));
}

TEST_CASE("busy by traffic: aadt >= 5000 makes any road busy") {
    Context c = both();
    c.roads = {road({{-300, 55}, {300, 55}}, "residential", 6000.0)};
    c.pois = {place("school", 0, 305)};
    Site s = building();
    RuleResult r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(50.0, kCm));
    c.roads[0].aadt = 4999.0;
    r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK_FALSE(figureOf(r, "road_distance_m"));
    CHECK_THAT(*r.value, WithinAbs(300.0, kCm));
    CHECK(r.findings[0].message == "no busy road in the context layer");
}

TEST_CASE("crossing and inside: distance 0") {
    Context c = both();
    c.roads = {road({{-100, 0}, {100, 0}}, "trunk")};  // through the building
    c.pois = {place("station", 2, 2)};                 // inside the footprint
    Site s = building();
    RuleResult r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK(*figureOf(r, "road_distance_m") == 0.0);
    CHECK(*figureOf(r, "place_distance_m") == 0.0);
}

TEST_CASE("several footprints: the nearest one counts; no footprints: the plot") {
    Context c = both();
    c.roads = {road({{-500, 155}, {500, 155}}, "primary")};
    Site s = building();
    s.footprints.push_back(square(0, 100, 5));  // a second building 50 m from the road
    CHECK_THAT(*runRule("busy_area_buffer", nullptr, &s, &c).value, WithinAbs(50.0, kCm));
    s.footprints.clear();  // plot: north edge y = 20
    RuleResult r = runRule("busy_area_buffer", nullptr, &s, &c);
    CHECK_THAT(*r.value, WithinAbs(135.0, kCm));
    CHECK(r.findings[0].observed == "135 m from the plot (no footprints)");
}

TEST_CASE("missing layers: both missing unknown; one missing is reported unknown, the other decides") {
    Site s = building();
    Context none;
    RuleResult r = runRule("busy_area_buffer", nullptr, &s, &none);
    CHECK(r.status == Status::Unknown);
    CHECK_FALSE(r.value);

    Context roadsOnly;
    roadsOnly.hasRoads = true;
    roadsOnly.roads = {road({{-500, 155}, {500, 155}}, "primary")};
    r = runRule("busy_area_buffer", nullptr, &s, &roadsOnly);
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(150.0, kCm));
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[1].message == "no poi layer: distance to busy places unknown");
    CHECK(r.findings[1].observed == "unknown");

    Context poisOnly;
    poisOnly.hasPois = true;
    poisOnly.pois = {place("nightlife", 0, -105)};
    r = runRule("busy_area_buffer", nullptr, &s, &poisOnly);
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(100.0, kCm));
    CHECK(r.findings[0].message == "no roads layer: distance to busy roads unknown");
}

TEST_CASE("fixtures: the figures of the portfolios") {
    auto run = [](const std::string& file) {
        std::vector<InputIssue> issues;
        Portfolio p = readPortfolio(sourcePath("plugins/busy_area_buffer/tests/" + file), issues);
        REQUIRE_FALSE(p.sites.empty());
        return runRule("busy_area_buffer", nullptr, &p.sites.front(), &p.context);
    };
    RuleResult r = run("pass-busy_area_buffer-quiet_street.gpkg");
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(150.0, kCm));
    CHECK_THAT(*figureOf(r, "place_distance_m"), WithinAbs(300.0, kCm));
    r = run("fail-busy_area_buffer-school_next_door.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(120.0, kCm));
    CHECK_THAT(*figureOf(r, "road_distance_m"), WithinAbs(250.0, kCm));
    r = run("fail-busy_area_buffer-busy_by_aadt.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(60.0, kCm));
}
