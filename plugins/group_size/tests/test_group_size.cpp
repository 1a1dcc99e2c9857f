// group_size: figures on plans whose answer is counted by hand.
#include "TestKit.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

// A corridor with `n` bedrooms (3.5 x 4 m) north of it, all in `group`.
void addWing(FloorPlan& p, const std::string& group, int n, double y0, const std::string& tag) {
    const double len = n * 3.6;
    p.spaces.push_back(rect("corridor" + tag, SpaceUse::Corridor, 0, y0, len, y0 + 1.8, group));
    for (int i = 0; i < n; ++i) {
        const std::string bed = "bed" + tag + std::to_string(i + 1);
        p.spaces.push_back(rect(bed, SpaceUse::Bedroom, i * 3.6, y0 + 1.9, i * 3.6 + 3.5, y0 + 5.9, group));
        p.openings.push_back(door("d" + bed, "corridor" + tag, bed, i * 3.6 + 1, y0 + 1.85, i * 3.6 + 1.9, y0 + 1.85));
    }
}

}  // namespace

TEST_CASE("two groups of 4 and 6 bedrooms: largest 6; pass") {
    FloorPlan p = loadFixture("plugins/group_size/tests/pass-group_size-two_groups.geojson");
    RuleResult r = runRule("group_size", &p);
    CHECK(r.status == Status::Pass);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(6.0));
    CHECK(r.threshold == "<= 6 (warn up to 10)");
    REQUIRE(r.findings.size() == 2);
    CHECK(findingFor(r, "A")->observed == "4 bedrooms");
    CHECK(findingFor(r, "B")->observed == "6 bedrooms");
    // centroid of the 4 bedrooms of A: x = mean(1.75, 5.35, 8.95, 12.55) = 7.15, y = 3.9
    CHECK(findingFor(r, "A")->location->x() == Approx(7.15));
    CHECK(findingFor(r, "A")->location->y() == Approx(3.9));
}

TEST_CASE("a plan without any group property is one group: 11 bedrooms; fail") {
    FloorPlan p = loadFixture("plugins/group_size/tests/fail-group_size-no_groups_eleven.geojson");
    RuleResult r = runRule("group_size", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(11.0));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].object == "(whole plan)");
}

TEST_CASE("no bedrooms: na") {
    FloorPlan p = loadFixture("plugins/group_size/tests/na-group_size-day_centre.geojson");
    RuleResult r = runRule("group_size", &p);
    CHECK(r.status == Status::NotApplicable);
    CHECK_FALSE(r.value);
}

TEST_CASE("the cut-offs: 6 pass, 7 warn, 10 warn, 11 fail") {
    for (auto [n, status] : {std::pair{6, Status::Pass}, {7, Status::Warn}, {10, Status::Warn}, {11, Status::Fail}}) {
        FloorPlan p;
        addWing(p, "A", n, 0, "A");
        RuleResult r = runRule("group_size", &p);
        INFO(n << " bedrooms");
        CHECK(r.status == status);
        CHECK(*r.value == Approx(n));
    }
}

TEST_CASE("the largest group decides, not the total") {
    FloorPlan p;
    addWing(p, "A", 5, 0, "A");
    addWing(p, "B", 5, 10, "B");
    addWing(p, "C", 8, 20, "C");
    RuleResult r = runRule("group_size", &p);
    CHECK(*r.value == Approx(8.0));
    CHECK(r.status == Status::Warn);
    CHECK(r.summary.find("C with 8") != std::string::npos);
}

TEST_CASE("bedrooms without a group in a plan with groups are their own group, with a finding") {
    FloorPlan p;
    addWing(p, "A", 5, 0, "A");
    addWing(p, "", 2, 10, "X");  // bedX1, bedX2 carry no group
    RuleResult r = runRule("group_size", &p);
    CHECK(*r.value == Approx(5.0));
    CHECK(r.status == Status::Pass);
    REQUIRE(r.findings.size() == 2);
    const Finding* f = findingFor(r, "(no group)");
    REQUIRE(f);
    CHECK(f->observed == "2 bedrooms");
    CHECK(f->message.find("bedX1, bedX2") != std::string::npos);

    // ... and they are not added to group A: with 8 ungrouped bedrooms the largest "group" is them
    FloorPlan q;
    addWing(q, "A", 5, 0, "A");
    addWing(q, "", 8, 10, "X");
    CHECK(*runRule("group_size", &q).value == Approx(8.0));
}

TEST_CASE("the cut-offs are parameters") {
    FloorPlan p;
    addWing(p, "A", 7, 0, "A");
    CHECK(runRule("group_size", &p, nullptr, nullptr, {{"max_bedrooms", 7}}).status == Status::Pass);
    RuleResult r = runRule("group_size", &p, nullptr, nullptr, {{"max_bedrooms", 4}, {"warn_bedrooms", 6}});
    CHECK(r.status == Status::Fail);
    CHECK(r.threshold == "<= 4 (warn up to 6)");
}
