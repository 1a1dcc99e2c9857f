// neighbour_distance: the plot's distance to the nearest neighbouring home and
// the homes within a radius, worked out by hand (see README.md).
#include "TestKit.h"

#include "io/PortfolioReader.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::WithinAbs;

namespace {

constexpr double kCm = 0.01;

Polygon square(double cx, double cy, double half) {
    Polygon p;
    p.outer() = {{cx - half, cy - half}, {cx + half, cy - half}, {cx + half, cy + half}, {cx - half, cy + half},
                 {cx - half, cy - half}};
    return p;
}

// Plot 40 x 40 m, building 10 x 10 m, centred on the origin.
Site theSite() {
    Site s;
    s.id = "s1";
    s.plot.push_back(square(0, 0, 20));
    s.footprints.push_back(square(0, 0, 5));
    return s;
}

Context homes(std::initializer_list<std::pair<double, double>> points) {
    Context c;
    c.hasDwellings = true;
    int i = 0;
    for (const auto& [x, y] : points) c.dwellings.push_back({"h" + std::to_string(i++), Point(x, y)});
    return c;
}

RuleResult runFixture(const std::string& file) {
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("plugins/neighbour_distance/tests/" + file), issues);
    REQUIRE_FALSE(p.sites.empty());
    return runRule("neighbour_distance", nullptr, &p.sites.front(), &p.context);
}

}  // namespace

TEST_CASE("the nearest neighbouring home from the plot; the site's own homes do not count") {
    const Site s = theSite();
    // Own home at the centre; (60,60) is hypot(40,40) from the plot corner; (0,80) is 60 m.
    const Context c = homes({{0, 0}, {0, 80}, {60, 60}, {150, 0}});
    const RuleResult r = runRule("neighbour_distance", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(std::hypot(40.0, 40.0), kCm));
    CHECK(figure(r, "homes_within_radius") == 2);
    REQUIRE(findingFor(r, "h2", "nearest neighbouring home"));
    // Tighter: one home within 100 m allowed.
    CHECK(runRule("neighbour_distance", nullptr, &s, &c, {{"max_homes_within_radius", 1.0}}).status == Status::Fail);
}

TEST_CASE("a home exactly at the minimum passes; nearer fails") {
    const Site s = theSite();
    Context c = homes({{45, 0}});  // 45 - 20 = 25 m
    RuleResult r = runRule("neighbour_distance", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(25.0, kCm));
    c = homes({{44, 0}});  // 24 m
    r = runRule("neighbour_distance", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK(findingFor(r, "h0", "too close"));
}

TEST_CASE("no neighbouring home: pass without a figure; no dwellings layer: unknown") {
    const Site s = theSite();
    Context c = homes({{0, 0}, {10, 10}});  // both on the plot
    RuleResult r = runRule("neighbour_distance", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK_FALSE(r.value);
    CHECK(figure(r, "homes_within_radius") == 0);
    Context none;
    r = runRule("neighbour_distance", nullptr, &s, &none);
    CHECK(r.status == Status::Unknown);
    CHECK(r.summary.find("no dwellings layer") != std::string::npos);
}

TEST_CASE("fixtures: the figures of the portfolios") {
    RuleResult r = runFixture("pass-neighbour_distance-edge_of_village.gpkg");
    CHECK(r.status == Status::Pass);
    CHECK_THAT(*r.value, WithinAbs(56.57, kCm));
    r = runFixture("fail-neighbour_distance-semi_detached.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(10.0, kCm));
    r = runFixture("fail-neighbour_distance-busy_street.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK_THAT(*r.value, WithinAbs(40.0, kCm));
    CHECK(figure(r, "homes_within_radius") == 41);
}
