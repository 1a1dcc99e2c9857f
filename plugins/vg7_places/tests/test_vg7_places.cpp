// vg7_places: places after conversion on plans worked out by hand.
#include "TestKit.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <boost/geometry.hpp>

#include <algorithm>

using namespace vgscan;
using namespace vgscan::test;

namespace {
double figureValue(const RuleResult& r, const std::string& name) {
    auto it = std::find_if(r.figures.begin(), r.figures.end(), [&](const Figure& f) { return f.name == name; });
    REQUIRE(it != r.figures.end());
    return it->value;
}
}  // namespace

// The row (pass-vg7_places-matching_beats_greedy): one group, bedrooms off a
// corridor, 0.1 m walls.
//   A [0,3]x[1.9,4.9]      3 x 3 =  9 m2
//   B [3.1,6.1]x[1.9,5.9]  3 x 4 = 12 m2
//   C [6.2,9.2]x[1.9,5.9]  3 x 4 = 12 m2
//   D [9.3,12.3]x[1.9,4.9] 3 x 3 =  9 m2
//   E [13,18]x[1.9,5.9]    5 x 4 = 20 m2
// An en-suite room needs 12 + 3.5 = 15.5 m2, 3 m wide and 3 + 1.6 = 4.6 m long:
// only E (20 m2, 4 x 5 m) -> 1 place, "build an en-suite into bedroom E".
// Small: A, B, C, D. Shared walls (gap 0.1 <= 0.35): A-B 3 m (A's height),
// B-C 4 m, C-D 3 m; D-E 0.7 m apart: none. Each pair has >= 15.5 m2 (21, 24,
// 21) and a side of 3 m: edges A-B, B-C, C-D, a path.
// Greedy by the longest wall takes B-C first (4 m); A and D are then left
// alone: 1 pair. The maximum matching takes A-B and C-D: 2 pairs.
// Places: 5 now -> 1 + 2 = 3 after (cap 6 per group, 21 per site).
TEST_CASE("a row of small rooms: the matching joins A-B and C-D where greedy would join B-C only") {
    FloorPlan p = loadFixture("plugins/vg7_places/tests/pass-vg7_places-matching_beats_greedy.geojson");
    RuleResult r = runRule("vg7_places", &p);
    CHECK(r.status == Status::Pass);
    REQUIRE(r.value);
    CHECK(*r.value == 3);
    CHECK(figureValue(r, "places_now") == 5);
    CHECK(figureValue(r, "ensuite_to_build") == 1);
    CHECK(figureValue(r, "merged_pairs") == 2);
    CHECK(figureValue(r, "rooms_given_up") == 0);
    CHECK(figureValue(r, "capped") == 0);
    std::vector<std::string> objects;
    for (const auto& f : r.findings) objects.push_back(f.object);
    CHECK(objects == std::vector<std::string>{"E", "A+B", "C+D"});
    // the wall A-B is A's east side, x = 3, y 1.9..4.9: 3 m, drawn on the plan
    CHECK(r.findings[1].message == "remove the wall between bedrooms A and B (3 m) and build one room with an en-suite");
    REQUIRE(r.findings[1].location);
    CHECK(r.findings[1].location->x() == 3.0);
    CHECK(r.findings[1].location->y() == Catch::Approx(3.4));
    REQUIRE(r.shapes.size() == 3);
    CHECK(r.shapes[1].label == "wall to remove");
    CHECK(bg::length(r.shapes[1].line) == Catch::Approx(3.0));
}

TEST_CASE("the caps: at most max_group_places per group") {
    FloorPlan p = loadFixture("plugins/vg7_places/tests/pass-vg7_places-matching_beats_greedy.geojson");
    // the same 3 places, a group cap of 2 -> 2, 1 capped
    RuleResult r = runRule("vg7_places", &p, nullptr, nullptr, {{"max_group_places", 2}});
    CHECK(*r.value == 2);
    CHECK(figureValue(r, "capped") == 1);
    // larger rooms needed (bedroom 13 m2: 16.5 m2 with the en-suite): E (20)
    // still fits; A+B 21, B+C 24, C+D 21 still pair -> unchanged 3
    CHECK(*runRule("vg7_places", &p, nullptr, nullptr, {{"bedroom_min_area_m2", 13}}).value == 3);
    // bedroom 18 m2 (21.5 with the en-suite): E is small now; only B+C (24 m2)
    // can pair -> 1 place, A, D and E given up
    r = runRule("vg7_places", &p, nullptr, nullptr, {{"bedroom_min_area_m2", 18}});
    CHECK(*r.value == 1);
    CHECK(figureValue(r, "rooms_given_up") == 3);
}

// Two 3 x 3 m bedrooms across the corridor (3.1 - ... no wall within 0.35 m):
// each 9 m2 < 15.5 and no partner -> 0 places; fail (needs >= 1).
TEST_CASE("two small rooms apart: no place after conversion") {
    FloorPlan p = loadFixture("plugins/vg7_places/tests/fail-vg7_places-small_rooms_apart.geojson");
    RuleResult r = runRule("vg7_places", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == 0);
    CHECK(figureValue(r, "rooms_given_up") == 2);
}

TEST_CASE("no bedroom: na") {
    FloorPlan p = loadFixture("plugins/vg7_places/tests/na-vg7_places-no_bedroom.geojson");
    CHECK(runRule("vg7_places", &p).status == Status::NotApplicable);
}
