// gp_access and the travel engine of ContextIndex: hand-worked road networks
// drawn in code (metres), so every distance below is worked out on paper.
#include "TestKit.h"

#include "derive/ContextIndex.h"
#include "io/PortfolioReader.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

constexpr double kCm = 0.01;

Road road(std::initializer_list<Point> points, bool oneway = false, const std::string& cls = "residential") {
    Road r;
    r.roadClass = cls;
    r.oneway = oneway;
    r.line.assign(points.begin(), points.end());
    return r;
}

Poi gp(const std::string& name, double x, double y, std::optional<bool> wlz = true) {
    Poi p;
    p.category = "gp";
    p.name = name;
    p.acceptsWlz = wlz;
    p.position = Point(x, y);
    return p;
}

// A 10 m x 10 m footprint centred on (cx, cy): the site point is (cx, cy).
Site siteAt(double cx, double cy) {
    Site s;
    s.id = "s1";
    Polygon fp;
    fp.outer() = {{cx - 5, cy - 5}, {cx + 5, cy - 5}, {cx + 5, cy + 5}, {cx - 5, cy + 5}, {cx - 5, cy - 5}};
    s.footprints.push_back(fp);
    s.plot.push_back(fp);
    return s;
}

// A U of roads: A along y=0, B up x=1000, C back along y=400.
//   GP Noord (100,420): 440 m as the crow flies, 2240 m by road
//   GP Oost (1030,200): 955.67 m as the crow flies, 1150 m by road
Context uNetwork() {
    Context c;
    c.hasRoads = c.hasPois = true;
    c.roads = {road({{0, 0}, {1000, 0}}), road({{1000, 0}, {1000, 400}}), road({{1000, 400}, {0, 400}})};
    c.pois = {gp("Noord", 100, 420), gp("Oost", 1030, 200)};
    return c;
}

}  // namespace

TEST_CASE("road network: the nearest GP by road is not the nearest as the crow flies") {
    Context c = uNetwork();
    Site s = siteAt(100, -20);  // joins road A at (100,0), 20 m access
    RuleResult r = runRule("gp_access", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    // 20 (access) + 900 (A to x=1000) + 200 (up B) + 30 (access) = 1150
    CHECK_THAT(*r.value, Catch::Matchers::WithinAbs(1150.0, kCm));
    CHECK(figure(r, "estimated") == 0.0);
    CHECK_THAT(figure(r, "straight_distance_m"), Catch::Matchers::WithinAbs(std::sqrt(930.0 * 930 + 220 * 220), kCm));
    CHECK(figure(r, "travel_time_min") == Approx(1150.0 / 500.0));  // 30 km/h = 500 m/min
    CHECK(figure(r, "gps_within_max") == 2);  // Noord is 2240 m by road
    REQUIRE_FALSE(r.findings.empty());
    CHECK(r.findings[0].object == "Oost");

    ContextIndex index(c);
    auto all = index.allWithinTravel(Point(100, -20), PoiFilter{"gp"}, 5000);
    REQUIRE(all.size() == 2);
    CHECK_THAT(all[0].distance, Catch::Matchers::WithinAbs(1150.0, kCm));
    // 20 + 900 + 400 + 900 + 20 = 2240
    CHECK_THAT(all[1].distance, Catch::Matchers::WithinAbs(2240.0, kCm));
    CHECK(index.nodeCount() == 4);
    CHECK(index.edgeCount() == 6);
}

TEST_CASE("max distance and the count within reach come from parameters") {
    Context c = uNetwork();
    Site s = siteAt(100, -20);
    RuleResult r = runRule("gp_access", nullptr, &s, &c, {{"max_distance_m", 2000.0}});
    CHECK(r.status == Status::Pass);
    CHECK(figure(r, "gps_within_max") == 1);
    r = runRule("gp_access", nullptr, &s, &c, {{"max_distance_m", 1149.0}});
    CHECK(r.status == Status::Fail);
    CHECK(figure(r, "gps_within_max") == 0);
    CHECK(r.threshold == "<= 1149");
}

TEST_CASE("a one-way street forces a detour round the block") {
    // A square block; A (y=0) may only be driven east. Site joins A at
    // (900,0), the GP at (100,0): 800 m apart along A, but westward is banned.
    Context c;
    c.hasRoads = c.hasPois = true;
    c.roads = {road({{0, 0}, {1000, 0}}, /*oneway=*/true), road({{1000, 0}, {1000, 400}}),
               road({{1000, 400}, {0, 400}}), road({{0, 400}, {0, 0}})};
    c.pois = {gp("West", 100, -30)};
    Site s = siteAt(900, -20);
    RuleResult r = runRule("gp_access", nullptr, &s, &c);
    // 20 + 100 (east to the corner) + 400 + 1000 + 400 + 100 (east along A) + 30 = 2050
    CHECK_THAT(*r.value, Catch::Matchers::WithinAbs(2050.0, kCm));
    CHECK(r.status == Status::Pass);

    // The other way round the trip goes with the traffic: 20 + 800 + 30 = 850.
    c.pois = {gp("Oost", 900, -30)};
    Site west = siteAt(100, -20);
    CHECK_THAT(*runRule("gp_access", nullptr, &west, &c).value, Catch::Matchers::WithinAbs(850.0, kCm));

    // Two-way: straight along A, 850 m.
    c.roads[0].oneway = false;
    c.pois = {gp("West", 100, -30)};
    CHECK_THAT(*runRule("gp_access", nullptr, &s, &c).value, Catch::Matchers::WithinAbs(850.0, kCm));

    // The bounded search agrees with the multi-source one.
    c.roads[0].oneway = true;
    ContextIndex index(c);
    auto all = index.allWithinTravel(Point(900, -20), PoiFilter{"gp"}, 5000);
    REQUIRE(all.size() == 1);
    CHECK_THAT(all[0].distance, Catch::Matchers::WithinAbs(2050.0, kCm));
    CHECK(index.allWithinTravel(Point(900, -20), PoiFilter{"gp"}, 2049).empty());
}

TEST_CASE("a point snaps to the middle of a segment") {
    // One 1000 m road; the site (500,50) joins it half way, at (500,0); the
    // GP (0,-40) at its west end. 50 + 500 + 40 = 590; straight 508.04.
    Context c;
    c.hasRoads = c.hasPois = true;
    c.roads = {road({{0, 0}, {1000, 0}})};
    c.pois = {gp("End", 0, -40)};
    Site s = siteAt(500, 50);
    RuleResult r = runRule("gp_access", nullptr, &s, &c);
    CHECK_THAT(*r.value, Catch::Matchers::WithinAbs(590.0, kCm));
    CHECK_THAT(figure(r, "straight_distance_m"), Catch::Matchers::WithinAbs(std::hypot(500.0, 90.0), kCm));
    // GP on the same segment, beyond the site: 50 + 300 + 10 = 360, straight along the segment.
    c.pois = {gp("Same", 800, 10)};
    CHECK_THAT(*runRule("gp_access", nullptr, &s, &c).value, Catch::Matchers::WithinAbs(360.0, kCm));
    // ... and behind it on a one-way road: round trip impossible -> estimate.
    c.roads[0].oneway = true;
    c.pois = {gp("Behind", 200, 10)};
    r = runRule("gp_access", nullptr, &s, &c);
    CHECK(figure(r, "estimated") == 1.0);
    CHECK_THAT(*r.value, Catch::Matchers::WithinAbs(std::hypot(300.0, 40.0) * 1.3, kCm));
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[1].message.find("does not connect") != std::string::npos);
}

TEST_CASE("road ends within 0.5 m are one node; 0.6 m apart they are not") {
    Context c;
    c.hasRoads = c.hasPois = true;
    c.roads = {road({{0, 0}, {500, 0}}), road({{500.4, 0}, {1000, 0}})};
    c.pois = {gp("Far", 900, -10)};
    Site s = siteAt(100, -10);
    // 10 + 400 + (900 - 500.4) + 10 = 819.6: the 0.4 m gap is bridged, not driven.
    RuleResult r = runRule("gp_access", nullptr, &s, &c);
    CHECK_THAT(*r.value, Catch::Matchers::WithinAbs(819.6, kCm));
    CHECK(figure(r, "estimated") == 0.0);
    c.roads[1].line.front() = Point(500.6, 0);
    r = runRule("gp_access", nullptr, &s, &c);
    CHECK(figure(r, "estimated") == 1.0);
    CHECK_THAT(*r.value, Catch::Matchers::WithinAbs(800.0 * 1.3, kCm));
    ContextIndex index(c);
    CHECK(index.nodeCount() == 4);
}

TEST_CASE("no roads: straight line x 1.3, marked as an estimate") {
    Context c;
    c.hasPois = true;
    c.pois = {gp("Plein", 300, 400)};
    Site s = siteAt(0, 0);
    RuleResult r = runRule("gp_access", nullptr, &s, &c);
    // Within 5000 m, but without a roads layer that is an estimate: a warning, with a finding on the site.
    CHECK(r.status == Status::Warn);
    CHECK_THAT(*r.value, Catch::Matchers::WithinAbs(650.0, kCm));  // 500 x 1.3
    CHECK(figure(r, "estimated") == 1.0);
    CHECK(r.summary.rfind("warning: the portfolio has no roads layer", 0) == 0);
    CHECK(findingFor(r, "s1", "no roads layer"));
    CHECK(r.findings[0].observed.find("estimated") != std::string::npos);
    CHECK_THAT(*runRule("gp_access", nullptr, &s, &c, {{"detour_factor", 1.5}}).value,
               Catch::Matchers::WithinAbs(750.0, kCm));
    // 4000 m straight -> 5200 m estimated: too far.
    c.pois = {gp("Ver", 0, 4000)};
    r = runRule("gp_access", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, Catch::Matchers::WithinAbs(5200.0, kCm));
}

TEST_CASE("accepts_wlz: only GPs that take Wlz clients count, unknown only when asked") {
    Context c;
    c.hasPois = true;
    c.pois = {gp("Nee", 0, 100, false), gp("Onbekend", 0, 200, std::nullopt), gp("Ja", 0, 300, true)};
    Site s = siteAt(0, 0);
    CHECK_THAT(*runRule("gp_access", nullptr, &s, &c).value, Catch::Matchers::WithinAbs(390.0, kCm));
    CHECK_THAT(*runRule("gp_access", nullptr, &s, &c, {{"count_unknown_wlz", true}}).value,
               Catch::Matchers::WithinAbs(260.0, kCm));
    CHECK_THAT(*runRule("gp_access", nullptr, &s, &c, {{"require_accepts_wlz", false}}).value,
               Catch::Matchers::WithinAbs(130.0, kCm));
    // Only a 'no' and an unknown: unknown (missing data neither passes nor fails).
    c.pois.pop_back();
    CHECK(runRule("gp_access", nullptr, &s, &c).status == Status::Unknown);
    // Only 'no': fail.
    c.pois.pop_back();
    CHECK(runRule("gp_access", nullptr, &s, &c).status == Status::Fail);
}

TEST_CASE("missing poi layer or no GP at all: unknown") {
    Context c = uNetwork();
    Site s = siteAt(100, -20);
    c.hasPois = false;
    c.pois.clear();
    RuleResult r = runRule("gp_access", nullptr, &s, &c);
    CHECK(r.status == Status::Unknown);
    CHECK_FALSE(r.value.has_value());
    c.hasPois = true;
    c.pois = {Poi{"shop", "Spar", std::nullopt, Point(0, 0)}};
    CHECK(runRule("gp_access", nullptr, &s, &c).status == Status::Unknown);
    CHECK(runRule("gp_access", nullptr, &s).status == Status::Unknown);  // no context at all
}

TEST_CASE("site point: centroid of the footprints, else of the plot") {
    Site s = siteAt(100, -20);
    Point p = ContextIndex::sitePoint(s);
    CHECK(p.x() == Approx(100));
    CHECK(p.y() == Approx(-20));
    s.footprints.clear();
    s.plot.front().outer() = {{0, 0}, {40, 0}, {40, 20}, {0, 20}, {0, 0}};
    p = ContextIndex::sitePoint(s);
    CHECK(p.x() == Approx(20));
    CHECK(p.y() == Approx(10));
}

TEST_CASE("fixtures: pass, fail and na portfolios") {
    // Worked out in tests/README.md; the conventions test checks the statuses too.
    auto run = [](const std::string& file) {
        std::vector<InputIssue> issues;
        Portfolio p = readPortfolio(sourcePath("plugins/gp_access/tests/" + file), issues);
        REQUIRE_FALSE(p.sites.empty());
        return runRule("gp_access", nullptr, &p.sites.front(), &p.context);
    };
    RuleResult pass = run("pass-gp_access-gp_by_road.gpkg");
    CHECK(pass.status == Status::Pass);
    CHECK_THAT(*pass.value, Catch::Matchers::WithinAbs(1150.0, kCm));
    CHECK(figure(pass, "gps_within_max") == 2);
    RuleResult fail = run("fail-gp_access-gp_beyond_oneway.gpkg");
    CHECK(fail.status == Status::Fail);
    CHECK_THAT(*fail.value, Catch::Matchers::WithinAbs(5450.0, kCm));
    RuleResult estimate = run("warn-gp_access-no_roads_estimate.gpkg");
    CHECK(estimate.status == Status::Warn);  // no roads layer: an estimate never passes silently
    CHECK_THAT(*estimate.value, Catch::Matchers::WithinAbs(650.0, kCm));
    CHECK(figure(estimate, "estimated") == 1.0);
}

namespace {

double lengthOf(const LineString& l) {
    double d = 0;
    for (std::size_t i = 1; i < l.size(); ++i) d += std::hypot(l[i].x() - l[i - 1].x(), l[i].y() - l[i - 1].y());
    return d;
}

void requirePath(const LineString& got, const std::vector<Point>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        INFO("vertex " << i);
        CHECK_THAT(got[i].x(), Catch::Matchers::WithinAbs(want[i].x(), kCm));
        CHECK_THAT(got[i].y(), Catch::Matchers::WithinAbs(want[i].y(), kCm));
    }
}

}  // namespace

TEST_CASE("the route is drawn along the roads it took") {
    // The U: from the site (100,-20) to its foot (100,0) on A, east to the
    // corner (1000,0), up B to Oost's foot (1000,200), across to Oost
    // (1030,200): 20 + 900 + 200 + 30 = 1150 m, the figure itself.
    Context c = uNetwork();
    Site s = siteAt(100, -20);
    RuleResult r = runRule("gp_access", nullptr, &s, &c);
    REQUIRE(r.shapes.size() == 1);
    const Shape& line = r.shapes[0];
    requirePath(line.line, {{100, -20}, {100, 0}, {1000, 0}, {1000, 200}, {1030, 200}});
    CHECK_FALSE(line.straight);
    CHECK_THAT(lengthOf(line.line), Catch::Matchers::WithinAbs(*r.value, kCm));

    // Against the one-way street: round the block, 2050 m (worked out above).
    Context block;
    block.hasRoads = block.hasPois = true;
    block.roads = {road({{0, 0}, {1000, 0}}, /*oneway=*/true), road({{1000, 0}, {1000, 400}}),
                   road({{1000, 400}, {0, 400}}), road({{0, 400}, {0, 0}})};
    block.pois = {gp("West", 100, -30)};
    ContextIndex index(block);
    const auto t = index.nearestByTravel(Point(900, -20), PoiFilter{"gp"});
    REQUIRE(t);
    CHECK_THAT(t->distance, Catch::Matchers::WithinAbs(2050.0, kCm));
    requirePath(t->path, {{900, -20}, {900, 0}, {1000, 0}, {1000, 400}, {0, 400}, {0, 0}, {100, 0}, {100, -30}});
    CHECK_THAT(lengthOf(t->path), Catch::Matchers::WithinAbs(t->distance, kCm));

    // The GP on the site's own segment: along it, no node on the way.
    block.pois = {gp("Oost", 950, -30)};
    ContextIndex same(block);
    const auto u = same.nearestByTravel(Point(900, -20), PoiFilter{"gp"});
    REQUIRE(u);
    requirePath(u->path, {{900, -20}, {900, 0}, {950, 0}, {950, -30}});
    CHECK_THAT(u->distance, Catch::Matchers::WithinAbs(20.0 + 50 + 30, kCm));
}

TEST_CASE("no roads: the line is the straight one, marked as such") {
    Context c = uNetwork();
    c.roads.clear();
    c.hasRoads = false;
    Site s = siteAt(100, -20);
    RuleResult r = runRule("gp_access", nullptr, &s, &c);
    REQUIRE(r.shapes.size() == 1);
    CHECK(r.shapes[0].straight);
    // Noord (100,420) is nearest as the crow flies: 440 m.
    requirePath(r.shapes[0].line, {{100, -20}, {100, 420}});
}
