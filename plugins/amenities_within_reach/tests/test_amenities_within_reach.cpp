// amenities_within_reach: the farthest of the nearest shop, stop and day
// centre along the roads, worked out by hand (see README.md).
#include "TestKit.h"

#include "io/PortfolioReader.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::WithinAbs;

namespace {

constexpr double kCm = 0.01;

Road road(double x0, double x1) {
    Road r;
    r.roadClass = "residential";
    r.line = {{x0, 0}, {x1, 0}};
    return r;
}

Poi amenity(const std::string& category, double x, double y) { return Poi{category, category, std::nullopt, Point(x, y)}; }

Site siteAt(double cx, double cy) {
    Site s;
    s.id = "s1";
    Polygon fp;
    fp.outer() = {{cx - 5, cy - 5}, {cx + 5, cy - 5}, {cx + 5, cy + 5}, {cx - 5, cy + 5}, {cx - 5, cy - 5}};
    s.footprints.push_back(fp);
    s.plot.push_back(fp);
    return s;
}

Context village() {
    Context c;
    c.hasRoads = c.hasPois = true;
    c.roads = {road(0, 2000)};
    c.pois = {amenity("pt_stop", 150, -10), amenity("shop", 600, 10), amenity("daycare", 1500, 30),
              amenity("shop", 1600, 10)};
    return c;
}

RuleResult runFixture(const std::string& file) {
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("plugins/amenities_within_reach/tests/" + file), issues);
    REQUIRE_FALSE(p.sites.empty());
    return runRule("amenities_within_reach", nullptr, &p.sites.front(), &p.context);
}

}  // namespace

TEST_CASE("along the road: the farthest of the nearest per category") {
    const Site s = siteAt(100, -20);
    const Context c = village();
    RuleResult r = runRule("amenities_within_reach", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(1450.0, kCm));
    CHECK_THAT(figure(r, "pt_stop_distance_m"), WithinAbs(80.0, kCm));
    CHECK_THAT(figure(r, "shop_distance_m"), WithinAbs(530.0, kCm));
    CHECK(figure(r, "shop_within_reach") == 2);  // 530 m and 20 + 1500 + 10 = 1530 m
    CHECK_THAT(figure(r, "pt_stop_travel_time_min"), WithinAbs(80.0 / (4800.0 / 60.0), 1e-9));
    CHECK(figure(r, "estimated") == 0.0);
    // The ambulant limit, 800 m: the day centre is too far.
    r = runRule("amenities_within_reach", nullptr, &s, &c, {{"max_distance_m", 800.0}});
    CHECK(r.status == Status::Fail);
    CHECK(findingFor(r, "daycare", "too far: nearest daycare"));
}

TEST_CASE("no roads: straight line x 1.3, a warning, never a silent pass") {
    const Site s = siteAt(0, 0);
    Context c;
    c.hasPois = true;
    c.pois = {amenity("pt_stop", 0, 300), amenity("shop", 800, 0), amenity("daycare", 0, -500)};
    const RuleResult r = runRule("amenities_within_reach", nullptr, &s, &c);
    CHECK(r.status == Status::Warn);
    CHECK_THAT(*r.value, WithinAbs(1040.0, kCm));  // 800 x 1.3
    CHECK(figure(r, "estimated") == 1.0);
    CHECK(findingFor(r, "s1", "no roads layer"));
}

TEST_CASE("a category with none: unknown; no poi layer: unknown") {
    const Site s = siteAt(100, -20);
    Context c = village();
    c.pois.erase(c.pois.begin() + 2);  // no day centre
    RuleResult r = runRule("amenities_within_reach", nullptr, &s, &c);
    CHECK(r.status == Status::Unknown);
    CHECK_THAT(*r.value, WithinAbs(530.0, kCm));
    CHECK(findingFor(r, "s1", "no 'daycare' in the poi layer"));
    Context none;
    none.hasRoads = true;
    none.roads = {road(0, 100)};
    r = runRule("amenities_within_reach", nullptr, &s, &none);
    CHECK(r.status == Status::Unknown);
    CHECK_FALSE(r.value);
}

TEST_CASE("fixtures: the figures of the portfolios") {
    RuleResult r = runFixture("pass-amenities_within_reach-village_centre.gpkg");
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(1450.0, kCm));
    r = runFixture("fail-amenities_within_reach-day_centre_far.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(4940.0, kCm));
}
