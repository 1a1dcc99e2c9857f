// quiet_room: figures on plans whose answer is worked out by hand.
#include "TestKit.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

// One living group, shifted north by dy: corridor [0,14.3]x[0,1.8]; living
// [14.4,20.4]x[0,6] (passage from the corridor); bed1 [0,3.5] and bed2
// [3.6,7.1] x [1.9,5.9] off the corridor. Ids get the suffix `tag`.
void addGroup(FloorPlan& p, const std::string& group, double dy = 0, const std::string& tag = "") {
    p.spaces.push_back(rect("corridor" + tag, SpaceUse::Corridor, 0, dy, 14.3, dy + 1.8, group));
    p.spaces.push_back(rect("living" + tag, SpaceUse::Living, 14.4, dy, 20.4, dy + 6, group));
    p.spaces.push_back(rect("bed1" + tag, SpaceUse::Bedroom, 0, dy + 1.9, 3.5, dy + 5.9, group));
    p.spaces.push_back(rect("bed2" + tag, SpaceUse::Bedroom, 3.6, dy + 1.9, 7.1, dy + 5.9, group));
    p.openings.push_back(door("pl" + tag, "corridor" + tag, "living" + tag, 14.35, dy + 0.45, 14.35, dy + 1.35,
                              OpeningKind::Passage));
    p.openings.push_back(door("d1" + tag, "corridor" + tag, "bed1" + tag, 1, dy + 1.85, 1.9, dy + 1.85));
    p.openings.push_back(door("d2" + tag, "corridor" + tag, "bed2" + tag, 4.6, dy + 1.85, 5.5, dy + 1.85));
}

// A quiet room [7.2,x1]x[1.9,5.9] off the corridor, 4.2 m or more from the living room.
void addQuietOffCorridor(FloorPlan& p, double x1, const std::string& group = "A", int storey = 0) {
    p.spaces.push_back(rect("quiet", SpaceUse::Quiet, 7.2, 1.9, x1, 5.9, group, storey));
    p.openings.push_back(door("dq", "corridor", "quiet", 8, 1.85, 8.9, 1.85, OpeningKind::Door, storey));
}

}  // namespace

TEST_CASE("two groups, each with a 12 m2 quiet room off its corridor: 2 of 2 = 100 %; pass") {
    FloorPlan p = loadFixture("plugins/quiet_room/tests/pass-quiet_room-two_groups.geojson");
    RuleResult r = runRule("quiet_room", &p);
    CHECK(r.status == Status::Pass);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(100.0));
    CHECK(r.findings.empty());
    CHECK(r.threshold == ">= 100");
    CHECK(r.shapes.size() == 2);  // the fitting quiet rooms, for the report
}

TEST_CASE("the only quiet room opens off a bedroom: 0 of 1; fail") {
    FloorPlan p = loadFixture("plugins/quiet_room/tests/fail-quiet_room-through_bedroom.geojson");
    RuleResult r = runRule("quiet_room", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(0.0));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].object == "A");
    CHECK(r.findings[0].observed == "only through a bedroom");
    CHECK(r.findings[0].location->x() == Approx(17.4));  // centroid of the living room
    CHECK(r.findings[0].location->y() == Approx(3.0));
}

TEST_CASE("no bedrooms: na") {
    FloorPlan p = loadFixture("plugins/quiet_room/tests/na-quiet_room-no_bedrooms.geojson");
    RuleResult r = runRule("quiet_room", &p);
    CHECK(r.status == Status::NotApplicable);
    CHECK_FALSE(r.value);
    CHECK(r.findings.empty());
}

TEST_CASE("a quiet room of 7.9 m2 fails at 8; 8.0 m2 passes") {
    FloorPlan p;
    addGroup(p, "A");
    addQuietOffCorridor(p, 9.175);  // 1.975 x 4 = 7.9 m2
    RuleResult r = runRule("quiet_room", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(0.0));
    CHECK(r.findings.at(0).observed == "7.9 m2");

    FloorPlan q;
    addGroup(q, "A");
    addQuietOffCorridor(q, 9.2);  // 2.0 x 4 = 8.0 m2
    CHECK(runRule("quiet_room", &q).status == Status::Pass);
    CHECK(runRule("quiet_room", &p, nullptr, nullptr, {{"min_area_m2", 7.9}}).status == Status::Pass);
}

TEST_CASE("a quiet room beside the living room shares 4.67 m of wall") {
    // quiet [10.3,14.3]x[1.9,5.9], living from x = 14.4: gap 0.1 m. Within 0.35 m of the
    // quiet room: the living's west edge for y in [1.9 - 0.3354, 6] = 4.4354 m, and its
    // north edge up to x = 14.3 + sqrt(0.35^2 - 0.1^2) = 14.6354, i.e. 0.2354 m: 4.6708 m.
    FloorPlan p;
    addGroup(p, "A");
    p.spaces.push_back(rect("quiet", SpaceUse::Quiet, 10.3, 1.9, 14.3, 5.9, "A"));
    p.openings.push_back(door("dq", "corridor", "quiet", 11, 1.85, 11.9, 1.85));
    RuleResult r = runRule("quiet_room", &p);
    CHECK(r.status == Status::Fail);
    CHECK(r.findings.at(0).observed == "shares 4.67 m of wall");
    CHECK(runRule("quiet_room", &p, nullptr, nullptr, {{"forbid_shared_wall_with_living", false}}).status ==
          Status::Pass);
    // walls thinner than the 0.1 m gap do not join them
    CHECK(runRule("quiet_room", &p, nullptr, nullptr, {{"wall_max_m", 0.09}}).status == Status::Pass);
}

TEST_CASE("touching the living room only at a corner is no shared wall (0.47 m < 1 m)") {
    // quiet [20.5,24]x[6.1,9] reached through corridor2 north of the living room; its
    // corner (20.5,6.1) is 0.1 m + 0.1 m off the living's corner (20.4,6): within 0.35 m lie
    // 0.2354 m of the living's east edge and 0.2354 m of its north edge = 0.4708 m.
    FloorPlan p;
    addGroup(p, "A");
    p.spaces.push_back(rect("corridor2", SpaceUse::Corridor, 14.4, 6.1, 20.4, 7.9, "A"));
    p.spaces.push_back(rect("quiet", SpaceUse::Quiet, 20.5, 6.1, 24, 9, "A"));
    p.openings.push_back(door("dc2", "living", "corridor2", 15, 6.05, 15.9, 6.05));
    p.openings.push_back(door("dq", "corridor2", "quiet", 20.45, 6.5, 20.45, 7.4));
    CHECK(runRule("quiet_room", &p).status == Status::Pass);
    RuleResult strict = runRule("quiet_room", &p, nullptr, nullptr, {{"min_shared_wall_m", 0.4}});
    CHECK(strict.status == Status::Fail);
    CHECK(strict.findings.at(0).observed == "shares 0.47 m of wall");
}

TEST_CASE("a group without a quiet room: 1 of 2 = 50 %") {
    FloorPlan p;
    addGroup(p, "A");
    addQuietOffCorridor(p, 10.2);
    addGroup(p, "B", 20, "B");
    RuleResult r = runRule("quiet_room", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(50.0));
    REQUIRE(r.findings.size() == 1);
    CHECK(findingFor(r, "B")->observed == "none");
}

TEST_CASE("a quiet room without a group serves the only group on its storey, not others") {
    FloorPlan p;
    addGroup(p, "A");
    addQuietOffCorridor(p, 10.2, "");
    CHECK(runRule("quiet_room", &p).status == Status::Pass);

    FloorPlan upstairs;
    addGroup(upstairs, "A");
    upstairs.spaces.push_back(rect("quiet", SpaceUse::Quiet, 7.2, 1.9, 10.2, 5.9, "", 1));
    CHECK(runRule("quiet_room", &upstairs).findings.at(0).observed == "none");

    FloorPlan two;  // with two groups an ungrouped quiet room belongs to neither
    addGroup(two, "A");
    addQuietOffCorridor(two, 10.2, "");
    addGroup(two, "B", 20, "B");
    CHECK(*runRule("quiet_room", &two).value == Approx(0.0));
}

TEST_CASE("a plan without groups is one group; a window is no way in; no living room") {
    FloorPlan p;
    addGroup(p, "");
    addQuietOffCorridor(p, 10.2, "");
    CHECK(*runRule("quiet_room", &p).value == Approx(100.0));

    FloorPlan w = p;
    w.openings.back().kind = OpeningKind::Window;
    CHECK(runRule("quiet_room", &w).findings.at(0).observed == "not reachable");

    FloorPlan n = p;
    n.spaces.erase(n.spaces.begin() + 1);  // the living room
    RuleResult r = runRule("quiet_room", &n);
    CHECK(r.status == Status::Fail);
    CHECK(r.findings.at(0).observed == "no living room");
}
