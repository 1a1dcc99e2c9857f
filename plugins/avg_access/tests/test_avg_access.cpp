// avg_access: the farther of the nearest AVG base and crisis service, by road
// (or straight x 1.3 without roads), worked out by hand.
#include "TestKit.h"

#include "derive/ContextIndex.h"
#include "io/PortfolioReader.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::WithinAbs;

namespace {

constexpr double kCm = 0.01;

Road road(std::initializer_list<Point> points, bool oneway = false) {
    Road r;
    r.roadClass = "secondary";
    r.oneway = oneway;
    r.line.assign(points.begin(), points.end());
    return r;
}

Poi service(const std::string& category, double x, double y) { return Poi{category, category + " team", std::nullopt, Point(x, y)}; }

Site siteAt(double cx, double cy) {
    Site s;
    s.id = "s1";
    Polygon fp;
    fp.outer() = {{cx - 5, cy - 5}, {cx + 5, cy - 5}, {cx + 5, cy + 5}, {cx - 5, cy + 5}, {cx - 5, cy - 5}};
    s.footprints.push_back(fp);
    s.plot.push_back(fp);
    return s;
}

}  // namespace

TEST_CASE("by road: headline the farther service; both in the figures") {
    // U of roads: AVG at (1030,200) is 20 + 900 + 200 + 30 = 1150 m; crisis at
    // (100,420) is 20 + 900 + 400 + 900 + 20 = 2240 m (440 m as the crow flies).
    Context c;
    c.hasRoads = c.hasPois = true;
    c.roads = {road({{0, 0}, {1000, 0}}), road({{1000, 0}, {1000, 400}}), road({{1000, 400}, {0, 400}})};
    c.pois = {service("avg", 1030, 200), service("crisis", 100, 420)};
    Site s = siteAt(100, -20);
    RuleResult r = runRule("avg_access", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(2240.0, kCm));
    CHECK_THAT(*figureOf(r, "avg_distance_m"), WithinAbs(1150.0, kCm));
    CHECK_THAT(*figureOf(r, "crisis_distance_m"), WithinAbs(2240.0, kCm));
    CHECK_THAT(*figureOf(r, "crisis_travel_time_min"), WithinAbs(2240.0 / (50000.0 / 60.0), 1e-6));
    CHECK(*figureOf(r, "estimated") == 0.0);
    CHECK(r.status == Status::Pass);
    // A tighter limit between the two fails on the crisis service alone.
    r = runRule("avg_access", nullptr, &s, &c, {{"max_distance_m", 2000.0}});
    CHECK(r.status == Status::Fail);
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].message == "nearest avg");
    CHECK(r.findings[1].message == "too far: nearest crisis");
}

TEST_CASE("no roads: straight line x 1.3, marked as an estimate") {
    Context c;
    c.hasPois = true;
    c.pois = {service("avg", 0, 3000), service("crisis", 4000, 0)};
    Site s = siteAt(0, 0);
    RuleResult r = runRule("avg_access", nullptr, &s, &c);
    // Both within 25 km, but without a roads layer that is an estimate: a warning, never a silent pass.
    CHECK(r.status == Status::Warn);
    CHECK_THAT(*r.value, WithinAbs(5200.0, kCm));  // 4000 x 1.3
    CHECK_THAT(*figureOf(r, "avg_distance_m"), WithinAbs(3900.0, kCm));
    CHECK(*figureOf(r, "estimated") == 1.0);
    CHECK(r.summary.rfind("warning: the portfolio has no roads layer, so the distance is only estimated; estimated", 0) == 0);
    CHECK(findingFor(r, "s1", "no roads layer"));
    // Crisis 20 km as the crow flies: 26 km estimated > 25 km.
    c.pois[1] = service("crisis", 20000, 0);
    r = runRule("avg_access", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(26000.0, kCm));
}

TEST_CASE("a missing service: unknown, unless the other is already too far") {
    Context c;
    c.hasPois = true;
    c.pois = {service("avg", 0, 3000)};
    Site s = siteAt(0, 0);
    RuleResult r = runRule("avg_access", nullptr, &s, &c);
    CHECK(r.status == Status::Unknown);
    CHECK_THAT(*r.value, WithinAbs(3900.0, kCm));
    CHECK(r.findings.back().message == "no 'crisis' in the poi layer: its distance is unknown");
    c.pois = {service("avg", 0, 30000)};
    CHECK(runRule("avg_access", nullptr, &s, &c).status == Status::Fail);
}

TEST_CASE("missing poi layer: unknown") {
    Context c;
    c.hasRoads = true;
    c.roads = {road({{0, 0}, {1000, 0}})};
    Site s = siteAt(100, -20);
    RuleResult r = runRule("avg_access", nullptr, &s, &c);
    CHECK(r.status == Status::Unknown);
    CHECK_FALSE(r.value);
}

TEST_CASE("fixtures: the figures of the portfolios") {
    auto run = [](const std::string& file) {
        std::vector<InputIssue> issues;
        Portfolio p = readPortfolio(sourcePath("plugins/avg_access/tests/" + file), issues);
        REQUIRE_FALSE(p.sites.empty());
        return runRule("avg_access", nullptr, &p.sites.front(), &p.context);
    };
    RuleResult r = run("pass-avg_access-both_near.gpkg");
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(2240.0, kCm));
    r = run("fail-avg_access-crisis_far.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(25950.0, kCm));
    CHECK_THAT(*figureOf(r, "avg_distance_m"), WithinAbs(5050.0, kCm));
}
