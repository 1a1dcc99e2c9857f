// outdoor_space: figures on plans whose answer is worked out by hand.
#include "TestKit.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

// One living group shifted north by dy: corridor [0,14.3]x[0,1.8], living
// [14.4,20.4]x[0,6], `beds` bedrooms 3.5 x 4 m off the corridor. Ids get `tag`.
void addGroup(FloorPlan& p, const std::string& group, int beds, double dy = 0, const std::string& tag = "") {
    p.spaces.push_back(rect("corridor" + tag, SpaceUse::Corridor, 0, dy, 14.3, dy + 1.8, group));
    p.spaces.push_back(rect("living" + tag, SpaceUse::Living, 14.4, dy, 20.4, dy + 6, group));
    p.openings.push_back(door("pl" + tag, "corridor" + tag, "living" + tag, 14.35, dy + 0.45, 14.35, dy + 1.35,
                              OpeningKind::Passage));
    for (int i = 0; i < beds; ++i) {
        const std::string bed = "bed" + std::to_string(i + 1) + tag;
        p.spaces.push_back(rect(bed, SpaceUse::Bedroom, i * 3.6, dy + 1.9, i * 3.6 + 3.5, dy + 5.9, group));
        p.openings.push_back(door("d" + bed, "corridor" + tag, bed, i * 3.6 + 1, dy + 1.85, i * 3.6 + 1.9, dy + 1.85));
    }
}

// A garden [14.4,20.4]x[6.1,6.1+depth] (6 m wide) north of the living room, door from it.
void addGardenOffLiving(FloorPlan& p, double depth, const std::string& group = "A") {
    p.spaces.push_back(rect("garden", SpaceUse::Outdoor, 14.4, 6.1, 20.4, 6.1 + depth, group));
    p.openings.push_back(door("dg", "living", "garden", 16, 6.05, 17, 6.05));
}

}  // namespace

TEST_CASE("a garden off the group's corridor counts: 85.8 m2 / 2 residents = 42.9; pass") {
    FloorPlan p = loadFixture("plugins/outdoor_space/tests/pass-outdoor_space-garden_off_corridor.geojson");
    RuleResult r = runRule("outdoor_space", &p);
    CHECK(r.status == Status::Pass);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(42.9).margin(0.005));
    CHECK(r.findings.empty());
    CHECK(r.unit == "m2/resident");
    CHECK(r.threshold == ">= 15 (fail when a group has none)");
    REQUIRE(r.shapes.size() == 1);
}

TEST_CASE("group B reaches a garden only through a shared hall: none; fail with headline 0") {
    FloorPlan p = loadFixture("plugins/outdoor_space/tests/fail-outdoor_space-garden_via_hall.geojson");
    RuleResult r = runRule("outdoor_space", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(0.0));
    REQUIRE(r.findings.size() == 1);
    const Finding* b = findingFor(r, "B");
    REQUIRE(b);
    CHECK(b->observed == "none");
    CHECK(b->message.find("gardenB opens onto hall") != std::string::npos);
    CHECK(b->location->x() == Approx(17.4));  // centroid of livingB [14.4,20.4]x[20,26]
    CHECK(b->location->y() == Approx(23.0));
}

TEST_CASE("no bedrooms: na") {
    FloorPlan p = loadFixture("plugins/outdoor_space/tests/na-outdoor_space-no_bedrooms.geojson");
    RuleResult r = runRule("outdoor_space", &p);
    CHECK(r.status == Status::NotApplicable);
    CHECK_FALSE(r.value);
}

TEST_CASE("area per resident: 36 m2 / 2 = 18 pass; 30 / 2 = 15 pass; 24 / 2 = 12 warn") {
    for (auto [depth, perResident, status] :
         {std::tuple{6.0, 18.0, Status::Pass}, {5.0, 15.0, Status::Pass}, {4.0, 12.0, Status::Warn}}) {
        FloorPlan p;
        addGroup(p, "A", 2);
        addGardenOffLiving(p, depth);
        RuleResult r = runRule("outdoor_space", &p);
        INFO("garden depth " << depth);
        CHECK(*r.value == Approx(perResident));
        CHECK(r.status == status);
        if (status == Status::Warn) CHECK(r.findings.at(0).observed == "12 m2/resident");
    }
}

TEST_CASE("a garden reached only through a bedroom is none") {
    FloorPlan p;
    addGroup(p, "A", 2);
    p.spaces.push_back(rect("garden", SpaceUse::Outdoor, 0, 6.0, 7.1, 12, "A"));
    p.openings.push_back(door("dg", "bed1", "garden", 1, 5.95, 1.9, 5.95));
    RuleResult r = runRule("outdoor_space", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(0.0));
    CHECK(r.findings.at(0).message.find("garden opens onto bed1") != std::string::npos);
}

TEST_CASE("a shared garden is split over the residents of all groups using it") {
    // A (2 beds) and B (3 beds) both open onto the garden between their living rooms
    // (36 m2): 7.2 m2 each resident. A also has its own patio of 4 x 5 = 20 m2: A = 10 + 7.2.
    FloorPlan p;
    addGroup(p, "A", 2);
    addGroup(p, "B", 3, 12.2, "B");
    addGardenOffLiving(p, 6.0, "");
    p.openings.push_back(door("dgB", "livingB", "garden", 16, 12.15, 17, 12.15));
    p.spaces.push_back(rect("patio", SpaceUse::Outdoor, 20.5, 0, 24.5, 5, "A"));
    p.openings.push_back(door("dp", "living", "patio", 20.45, 1, 20.45, 2));
    RuleResult r = runRule("outdoor_space", &p);
    CHECK(*r.value == Approx(7.2));
    CHECK(r.status == Status::Warn);
    REQUIRE(r.findings.size() == 1);  // A has 17.2: passes
    CHECK(findingFor(r, "B")->observed == "7.2 m2/resident");
    CHECK(findingFor(r, "B")->message.find("shared with group A") != std::string::npos);
    CHECK(runRule("outdoor_space", &p, nullptr, nullptr, {{"min_area_per_resident_m2", 7.2}}).status ==
          Status::Pass);
}

TEST_CASE("outdoor spaces beyond the first count (patio -> lawn); a window is no way out") {
    // patio 4 x 5 = 20 m2 off the living room, lawn 6 x 5 = 30 m2 off the patio: 50 / 2 = 25
    FloorPlan p;
    addGroup(p, "A", 2);
    p.spaces.push_back(rect("patio", SpaceUse::Outdoor, 20.5, 0, 24.5, 5, "A"));
    p.spaces.push_back(rect("lawn", SpaceUse::Outdoor, 24.6, 0, 30.6, 5, "A"));
    p.openings.push_back(door("dp", "living", "patio", 20.45, 1, 20.45, 2));
    p.openings.push_back(door("dl", "patio", "lawn", 24.55, 1, 24.55, 2, OpeningKind::Passage));
    CHECK(*runRule("outdoor_space", &p).value == Approx(25.0));

    p.openings[p.openings.size() - 2].kind = OpeningKind::Window;
    RuleResult r = runRule("outdoor_space", &p);
    CHECK(*r.value == Approx(0.0));
    CHECK(r.status == Status::Fail);
}

TEST_CASE("a plan without groups is one group") {
    FloorPlan p;
    addGroup(p, "", 3);
    addGardenOffLiving(p, 6.0, "");
    RuleResult r = runRule("outdoor_space", &p);
    CHECK(*r.value == Approx(12.0));  // 36 / 3
    CHECK(r.status == Status::Warn);
    CHECK(r.findings.at(0).object == "(whole plan)");
}
