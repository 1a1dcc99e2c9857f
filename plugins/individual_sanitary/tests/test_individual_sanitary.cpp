// individual_sanitary: figures on plans whose answer is worked out by hand.
#include "TestKit.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

// corridor y 0..1.8; bed1 [0,4]x[1.9,5.9] (16 m²) with bath1 [0,2.2]x[6,8] (4.4 m²) behind it.
FloorPlan oneEnsuite() {
    FloorPlan p;
    p.name = "one_ensuite";
    p.spaces = {rect("corridor", SpaceUse::Corridor, 0, 0, 8.1, 1.8), rect("bed1", SpaceUse::Bedroom, 0, 1.9, 4, 5.9),
                rect("bath1", SpaceUse::Bathroom, 0, 6.0, 2.2, 8.0)};
    p.openings = {door("d1", "corridor", "bed1", 2.5, 1.85, 3.4, 1.85), door("d2", "bed1", "bath1", 0.5, 5.95, 1.3, 5.95)};
    return p;
}

}  // namespace

TEST_CASE("two ensuite bedrooms: 2 of 2 = 100 %; pass") {
    FloorPlan p = loadFixture("plugins/individual_sanitary/tests/pass-individual_sanitary-two_ensuites.geojson");
    RuleResult r = runRule("individual_sanitary", &p);
    CHECK(r.status == Status::Pass);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(100.0));
    CHECK(r.findings.empty());
    CHECK(r.unit == "%");
    CHECK(r.threshold == ">= 100");
}

TEST_CASE("shared bathroom: only bed3 (wc + shower chain) has its own: 1 of 3 = 33.3 %; fail") {
    FloorPlan p = loadFixture("plugins/individual_sanitary/tests/fail-individual_sanitary-shared_bathroom.geojson");
    RuleResult r = runRule("individual_sanitary", &p);
    CHECK(r.status == Status::Fail);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(100.0 / 3.0).margin(0.05));
    REQUIRE(r.findings.size() == 2);
    const Finding* f1 = findingFor(r, "bed1");
    REQUIRE(f1);
    CHECK(f1->observed == "shared");
    CHECK(f1->message.find("bed2") != std::string::npos);  // names who else it serves
    REQUIRE(f1->location);
    CHECK(f1->location->x() == Approx(2.0));  // centroid of [0,4]x[1.9,5.9]
    CHECK(f1->location->y() == Approx(3.9));
    CHECK(findingFor(r, "bed2"));
    CHECK_FALSE(findingFor(r, "bed3"));
}

TEST_CASE("no bedrooms: na") {
    FloorPlan p = loadFixture("plugins/individual_sanitary/tests/na-individual_sanitary-office_only.geojson");
    RuleResult r = runRule("individual_sanitary", &p);
    CHECK(r.status == Status::NotApplicable);
    CHECK_FALSE(r.value);
}

TEST_CASE("a bathroom that also opens onto the corridor serves others") {
    FloorPlan p = oneEnsuite();
    p.openings.push_back(door("d3", "bath1", "corridor", 2.25, 6.5, 2.25, 7.3));  // distance does not matter here
    RuleResult r = runRule("individual_sanitary", &p);
    CHECK(*r.value == Approx(0.0));
    CHECK(r.findings.at(0).message.find("corridor") != std::string::npos);
}

TEST_CASE("a wc alone is not own sanitary; a window is not a way in") {
    FloorPlan p = oneEnsuite();
    p.spaces[2].use = SpaceUse::Wc;
    RuleResult r = runRule("individual_sanitary", &p);
    CHECK(*r.value == Approx(0.0));
    CHECK(r.findings.at(0).observed == "wc only");

    FloorPlan w = oneEnsuite();
    w.openings[1].kind = OpeningKind::Window;
    RuleResult rw = runRule("individual_sanitary", &w);
    CHECK(*rw.value == Approx(0.0));
    CHECK(rw.findings.at(0).observed == "none");
}

TEST_CASE("minimum bathroom area and door width are parameters") {
    FloorPlan p = oneEnsuite();  // bathroom 2.2 x 2.0 = 4.4 m², door 0.8 m
    CHECK(*runRule("individual_sanitary", &p, nullptr, nullptr, {{"min_bathroom_area_m2", 4.4}}).value == Approx(100));
    RuleResult small = runRule("individual_sanitary", &p, nullptr, nullptr, {{"min_bathroom_area_m2", 4.5}});
    CHECK(*small.value == Approx(0));
    CHECK(small.findings.at(0).observed == "4.4 m2");
    CHECK(*runRule("individual_sanitary", &p, nullptr, nullptr, {{"min_door_width_m", 0.8}}).value == Approx(100));
    RuleResult narrow = runRule("individual_sanitary", &p, nullptr, nullptr, {{"min_door_width_m", 0.85}});
    CHECK(*narrow.value == Approx(0));
    CHECK(narrow.findings.at(0).observed == "0.8 m");
}

TEST_CASE("a warning band between warn_share_pct and min_share_pct") {
    FloorPlan p = loadFixture("plugins/individual_sanitary/tests/fail-individual_sanitary-shared_bathroom.geojson");
    auto r = runRule("individual_sanitary", &p, nullptr, nullptr, {{"min_share_pct", 50.0}, {"warn_share_pct", 30.0}});
    CHECK(r.status == Status::Warn);
    CHECK(r.threshold == ">= 50 (warn from 30)");
}
