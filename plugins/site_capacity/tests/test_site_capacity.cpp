// site_capacity: places counted from the plan's bedrooms or the site's `places`.
#include "TestKit.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

TEST_CASE("12 bedrooms: pass (<= 16)") {
    FloorPlan p = loadFixture("plugins/site_capacity/tests/pass-site_capacity-twelve_bedrooms.geojson");
    RuleResult r = runRule("site_capacity", &p);
    CHECK(r.status == Status::Pass);
    CHECK(*r.value == Approx(12));
    CHECK(r.threshold == "<= 16 (warn up to 21)");
}

TEST_CASE("24 bedrooms: fail (> 21)") {
    FloorPlan p = loadFixture("plugins/site_capacity/tests/fail-site_capacity-twentyfour_bedrooms.geojson");
    RuleResult r = runRule("site_capacity", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(24));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].observed == "24 places");
}

TEST_CASE("office only; no site: na") {
    FloorPlan p = loadFixture("plugins/site_capacity/tests/na-site_capacity-office_only.geojson");
    CHECK(runRule("site_capacity", &p).status == Status::NotApplicable);
}

TEST_CASE("boundaries: 16 passes; 17 and 21 warn; 22 fails (site places; no plan)") {
    Site s;
    s.id = "s1";
    for (auto [places, status] : {std::pair{16, Status::Pass}, {17, Status::Warn}, {21, Status::Warn}, {22, Status::Fail}}) {
        s.places = places;
        RuleResult r = runRule("site_capacity", nullptr, &s);
        CHECK(r.status == status);
        CHECK(*r.value == Approx(places));
    }
}

TEST_CASE("no plan and no places: unknown; plan wins over places; with a finding") {
    Site s;
    s.id = "s1";
    CHECK(runRule("site_capacity", nullptr, &s).status == Status::Unknown);
    FloorPlan p = loadFixture("plugins/site_capacity/tests/pass-site_capacity-twelve_bedrooms.geojson");
    s.places = 14;
    RuleResult r = runRule("site_capacity", &p, &s);
    CHECK(*r.value == Approx(12));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].observed == "14 (places attribute)");
}

TEST_CASE("thresholds come from parameters") {
    Site s;
    s.id = "s1";
    s.places = 14;
    CHECK(runRule("site_capacity", nullptr, &s, nullptr, {{"max_places", 12.0}, {"preferred_max_places", 10.0}}).status ==
          Status::Fail);
}
