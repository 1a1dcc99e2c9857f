// liveability: the Leefbaarometer class of the site's neighbourhood, worked
// out by hand (see README.md).
#include "TestKit.h"

#include "io/PortfolioReader.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::WithinAbs;

namespace {

Polygon box(double x0, double y0, double x1, double y1) {
    Polygon p;
    p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    return p;
}

// A 10 x 10 m building centred on the origin: the site's point is (0,0).
Site theSite() {
    Site s;
    s.id = "s1";
    s.plot.push_back(box(-20, -20, 20, 20));
    s.footprints.push_back(box(-5, -5, 5, 5));
    return s;
}

LiveabilityArea area(const std::string& id, double score, const Polygon& shape) {
    LiveabilityArea a;
    a.id = id;
    a.score = score;
    a.area.push_back(shape);
    return a;
}

RuleResult runFixture(const std::string& file) {
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("plugins/liveability/tests/" + file), issues);
    REQUIRE_FALSE(p.sites.empty());
    return runRule("liveability", nullptr, &p.sites.front(), &p.context);
}

}  // namespace

TEST_CASE("the class of the area the site stands in; the lower where two hold it") {
    const Site s = theSite();
    Context c;
    c.hasLiveability = true;
    c.liveability = {area("cell", 6, box(-50, -50, 50, 50))};
    RuleResult r = runRule("liveability", nullptr, &s, &c);
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == 6);
    CHECK(r.summary == "Leefbaarometer class 6 (ruim voldoende)");
    // A buurt scored 4 holds the site too: the lower class counts.
    c.liveability.push_back(area("buurt", 4, box(-500, -500, 500, 500)));
    r = runRule("liveability", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == 4);
    CHECK(findingFor(r, "buurt", "liveability under pressure"));
    // Class 5 (voldoende) is the lowest that passes.
    c.liveability = {area("cell", 5, box(-50, -50, 50, 50))};
    CHECK(runRule("liveability", nullptr, &s, &c).status == Status::Pass);
}

TEST_CASE("a site in an unscored spot takes the nearest scored area within 200 m") {
    const Site s = theSite();
    Context c;
    c.hasLiveability = true;
    c.liveability = {area("east", 4, box(60, -50, 160, 50)), area("farther", 8, box(300, -50, 400, 50))};
    const RuleResult r = runRule("liveability", nullptr, &s, &c);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == 4);
    CHECK_THAT(figure(r, "distance_to_area_m"), WithinAbs(60.0, 1e-9));
    CHECK(findingFor(r, "east", "the nearest scored area"));
}

TEST_CASE("no scored area near: na in the countryside, unknown beyond the layer; no layer: unknown") {
    const Site s = theSite();
    Context c;
    c.hasLiveability = true;
    c.liveability = {area("far", 4, box(1000, -50, 1100, 50))};
    CHECK(runRule("liveability", nullptr, &s, &c).status == Status::NotApplicable);
    c.liveability = {area("very far", 4, box(3000, -50, 3100, 50))};
    RuleResult r = runRule("liveability", nullptr, &s, &c);
    CHECK(r.status == Status::Unknown);
    CHECK(r.summary.find("does not cover the site") != std::string::npos);
    Context none;
    r = runRule("liveability", nullptr, &s, &none);
    CHECK(r.status == Status::Unknown);
    CHECK(r.summary.find("no liveability layer") != std::string::npos);
}

TEST_CASE("fixtures: the figures of the portfolios") {
    RuleResult r = runFixture("pass-liveability-ruim_voldoende.gpkg");
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == 6);
    r = runFixture("fail-liveability-onvoldoende.gpkg");
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == 3);
    r = runFixture("na-liveability-countryside.gpkg");
    CHECK(r.status == Status::NotApplicable);
}
