// sight_lines: visible shares on plans whose answer is worked out by hand
// (triangle geometry; see tests/README.md), and the awkward cases.
#include "TestKit.h"

#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "rules/Rule.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <boost/geometry.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

const char* kRule = "sight_lines";

StaffPost post(const std::string& id, double x, double y, const std::string& group = "", int storey = 0) {
    StaffPost p;
    p.id = id;
    p.position = Point(x, y);
    p.group = group;
    p.storey = storey;
    return p;
}

Space polygon(const std::string& id, SpaceUse use, std::vector<Point> outer, const std::string& group = "A",
              std::vector<std::vector<Point>> holes = {}) {
    Space s;
    s.id = id;
    s.use = use;
    s.group = group;
    outer.push_back(outer.front());
    s.shape.outer().assign(outer.begin(), outer.end());
    for (auto& h : holes) {
        h.push_back(h.front());
        s.shape.inners().emplace_back(h.begin(), h.end());
    }
    bg::correct(s.shape);
    s.area = bg::area(s.shape);
    return s;
}

// 10 x 10 living room with a 2 x 2 column in the middle: 96 m² of floor.
FloorPlan columnRoom(Point at) {
    FloorPlan p;
    p.spaces = {polygon("living", SpaceUse::Living, {{0, 0}, {10, 0}, {10, 10}, {0, 10}}, "A",
                        {{{4, 4}, {6, 4}, {6, 6}, {4, 6}}})};
    p.staffPosts = {post("post1", at.x(), at.y())};
    return p;
}

// L-shaped living room: a 10 x 4 leg [0,10]x[0,4] and a 4 x 6 arm [0,4]x[4,10]; 64 m².
FloorPlan lRoom(std::vector<StaffPost> posts) {
    FloorPlan p;
    p.spaces = {polygon("living", SpaceUse::Living, {{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}})};
    p.staffPosts = std::move(posts);
    return p;
}

// An area as the rule words it in a finding ("0.93 m2").
std::string kit_fmt_area(double a) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", a);
    std::string t(buf);
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
    return t + " m2";
}

// The shapes drawn for the staff posts (not the best post's).
size_t postShapes(const RuleResult& r) {
    size_t n = 0;
    for (const auto& s : r.shapes) n += s.label.rfind("visible from ", 0) == 0 ? 1 : 0;
    return n;
}

double shapeArea(const RuleResult& r, const std::string& label) {
    for (const auto& s : r.shapes)
        if (s.label == label) return bg::area(s.area);
    FAIL("no shape " << label);
    return 0;
}

}  // namespace

TEST_CASE("column room, post at (1,5): CGAL's 76 of 96 m2 = 79.2 %; fail at 90") {
    FloorPlan p = columnRoom({1, 5});
    RuleResult r = runRule(kRule, &p);
    CHECK(r.status == Status::Fail);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(100.0 * 76 / 96).margin(0.05));
    CHECK(r.unit == "%");
    CHECK(r.threshold == ">= 90");
    REQUIRE(postShapes(r) == 1);
    CHECK(r.shapes[0].label == "visible from post1");
    CHECK(r.shapes[0].object == "post1");
    CHECK(shapeArea(r, "visible from post1") == Approx(76.0).margin(1e-6));
    // The blind spot behind the column: 20 m2, named on the room.
    const Finding* f = findingFor(r, "living");
    REQUIRE(f);
    CHECK(f->message.find("20 m2") != std::string::npos);
    REQUIRE(f->location);
    CHECK(f->location->x() > 6.0);  // behind the column, away from the post
    // Passes with a lower threshold.
    CHECK(runRule(kRule, &p, nullptr, nullptr, {{"min_visible_share_pct", 79.0}}).status == Status::Pass);
    RuleResult warn = runRule(kRule, &p, nullptr, nullptr, {{"warn_visible_share_pct", 75.0}});
    CHECK(warn.status == Status::Warn);
    CHECK(warn.threshold == ">= 90 (warn from 75)");
}

TEST_CASE("L-shaped room, post deep in the long leg at (9,2): 40 + 3.2 = 43.2 of 64 m2 = 67.5 %") {
    // The sight line over the inner corner (4,4) from (9,2) has slope -2/5 and
    // meets the far wall x = 0 at y = 4 + 4 * 2/5 = 5.6: the arm shows a
    // triangle of 4 x 1.6 / 2 = 3.2 m2.
    FloorPlan p = lRoom({post("post1", 9, 2)});
    RuleResult r = runRule(kRule, &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(67.5).margin(0.05));
    CHECK(shapeArea(r, "visible from post1") == Approx(43.2).margin(1e-6));
    const Finding* f = findingFor(r, "living");
    REQUIRE(f);
    CHECK(f->message.find("20.8 m2") != std::string::npos);
    REQUIRE(f->location);
    CHECK(f->location->y() > 5.0);  // the hidden corner is up in the arm
    const Finding* g = findingFor(r, "A");
    REQUIRE(g);
    CHECK(g->objectType == "group");
    CHECK(g->observed == "67.5 %");
}

TEST_CASE("overlapping views are unioned, not added: posts (9,2) and (9,1) see 44.8 of 64 m2 = 70 %") {
    // From (9,1) the corner line reaches x = 0 at y = 4 + 4 * 3/5 = 6.4: a
    // triangle of 4.8 m2 that contains the 3.2 m2 one. Union: 40 + 4.8.
    // Adding the two views would give 88 m2 (137.5 %).
    FloorPlan p = lRoom({post("post1", 9, 2), post("post2", 9, 1)});
    RuleResult r = runRule(kRule, &p);
    CHECK(*r.value == Approx(70.0).margin(0.05));
    CHECK(shapeArea(r, "visible from post2") == Approx(44.8).margin(1e-6));
    CHECK(postShapes(r) == 2);

    // A post in each leg sees everything: 100 %, pass.
    FloorPlan both = lRoom({post("post1", 9, 2), post("post2", 2, 9)});
    RuleResult rb = runRule(kRule, &both);
    CHECK(rb.status == Status::Pass);
    CHECK(*rb.value == Approx(100.0).margin(0.05));
    CHECK_FALSE(findingFor(rb, "living"));
}

TEST_CASE("a post exactly on a wall face sees from the wall: (0,5) sees 79 of 96 m2") {
    // Column shadow from (0,5): between the lines through (4,4) and (4,6),
    // slope -+1/4, from x = 4 (2 m wide) to x = 10 (5 m wide): 6 x 3.5 = 21,
    // of which 4 is the column: 96 - 17 = 79.
    FloorPlan p = columnRoom({0, 5});
    RuleResult r = runRule(kRule, &p);
    CHECK(*r.value == Approx(100.0 * 79 / 96).margin(0.05));
    CHECK(shapeArea(r, "visible from post1") == Approx(79.0).margin(1e-6));
    const Finding* f = findingFor(r, "post1");
    REQUIRE(f);
    CHECK(f->message.find("wall face") != std::string::npos);
}

TEST_CASE("a post on a room corner or a column corner is moved 1 mm into the room") {
    // (10,10): the column hides the region behind it between the lines
    // through (4,6) and (6,4), which meet the walls at (0,10/3) and (10/3,0):
    // hidden polygon (4,6) (0,10/3) (0,0) (10/3,0) (6,4) (4,4) = 21.33 m2,
    // visible 96 - 21.33 = 74.67 m2 = 77.78 %.
    FloorPlan corner = columnRoom({10, 10});
    RuleResult rc = runRule(kRule, &corner);
    CHECK(*rc.value == Approx(100.0 * (96 - 64.0 / 3) / 96).margin(0.05));
    REQUIRE(findingFor(rc, "post1"));
    CHECK(findingFor(rc, "post1")->message.find("corner") != std::string::npos);

    // (4,4), the column's near corner: the quadrant [4,10]x[4,10] behind the
    // column (36 - 4 = 32 m2) is hidden: 64 of 96 m2 = 66.67 %.
    FloorPlan column = columnRoom({4, 4});
    RuleResult rk = runRule(kRule, &column);
    CHECK(*rk.value == Approx(100.0 * 64 / 96).margin(0.05));

    // The L's inner corner (4,4) sees all of both legs.
    FloorPlan l = lRoom({post("post1", 4, 4)});
    CHECK(*runRule(kRule, &l).value == Approx(100.0).margin(0.05));
}

TEST_CASE("a post inside a wall is taken from the nearest wall face; one far outside sees nothing") {
    // 0.1 m into the west wall: as on the wall face (0,5), 79 of 96 m2.
    FloorPlan p = columnRoom({-0.1, 5});
    RuleResult r = runRule(kRule, &p);
    CHECK(*r.value == Approx(100.0 * 79 / 96).margin(0.05));
    REQUIRE(findingFor(r, "post1"));
    CHECK(findingFor(r, "post1")->message.find("0.1 m inside a wall") != std::string::npos);

    FloorPlan far = columnRoom({-3, 5});
    RuleResult rf = runRule(kRule, &far);
    CHECK(rf.status == Status::Fail);
    CHECK(*rf.value == Approx(0.0));
    REQUIRE(findingFor(rf, "post1"));
    CHECK(findingFor(rf, "post1")->observed == "outside");
    CHECK(postShapes(rf) == 0);
}

TEST_CASE("a post on the doorway line sees into both rooms through the door") {
    // living [0,5]x[0,4] and corridor [0,5]x[4.1,8.1] (group A), passage
    // x 2..3 in the middle of the 0.1 m wall (y = 4.05).
    FloorPlan p;
    p.spaces = {rect("living", SpaceUse::Living, 0, 0, 5, 4, "A"),
                rect("corridor", SpaceUse::Corridor, 0, 4.1, 5, 8.1, "A")};
    p.openings = {door("d1", "living", "corridor", 2, 4.05, 3, 4.05, OpeningKind::Passage)};

    // At the middle (2.5, 4.05), 0.05 m from each wall face: the lines over
    // the jambs have slope 0.05/0.5 and hide a triangle of 2 x 0.2 / 2 = 0.2
    // m2 in each corner along the wall: 4 x 0.2 = 0.8 of 40 m2 -> 98 %.
    p.staffPosts = {post("post1", 2.5, 4.05)};
    RuleResult r = runRule(kRule, &p);
    CHECK(*r.value == Approx(98.0).margin(0.05));
    CHECK(r.status == Status::Pass);

    // At its end (2, 4.05) the post stands on the jamb: it sees only what lies
    // east of x = 2 in each room, less a triangle of 2 x 0.1 / 2 = 0.1 m2 at
    // the far jamb: 2 x (12 - 0.1) = 23.8 of 40 m2 = 59.5 %.
    p.staffPosts = {post("post1", 2, 4.05)};
    RuleResult e = runRule(kRule, &p);
    CHECK(*e.value == Approx(59.5).margin(0.05));
}

TEST_CASE("walls block sight; a window does not let it through, a door does at its width") {
    // living [0,5]x[0,4] with the post at (2.5,2); kitchen [0,5]x[4.1,8.1].
    FloorPlan p;
    p.spaces = {rect("living", SpaceUse::Living, 0, 0, 5, 4, "A"),
                rect("kitchen", SpaceUse::Kitchen, 0, 4.1, 5, 8.1, "A")};
    p.staffPosts = {post("post1", 2.5, 2, "A")};
    p.openings = {door("w1", "living", "kitchen", 2, 4.05, 3, 4.05, OpeningKind::Window)};
    CHECK(*runRule(kRule, &p).value == Approx(50.0).margin(0.05));

    // A door x 2..3 in the 0.1 m wall: a sight line must pass the gap at
    // both wall faces; the kitchen-side jambs (2,4.1) and (3,4.1) bind, so
    // the cone is x = 2.5 -+ (y - 2) / 4.2. In the kitchen (y 4.1..8.1) it is
    // 1.0 m wide at the wall and 6.1/2.1 = 2.905 m at the far wall, never
    // reaching the side walls: 4 x (1 + 2.905) / 2 = 7.81 m2.
    // (20 + 7.81) / 40 = 69.52 %.
    p.openings = {door("d1", "living", "kitchen", 2, 4.05, 3, 4.05)};
    RuleResult r = runRule(kRule, &p);
    CHECK(*r.value == Approx(100.0 * (20 + 2 * (1 + 6.1 / 2.1)) / 40).margin(0.05));
}

TEST_CASE("walls of zero thickness between touching spaces block sight too") {
    // living [0,5]x[0,4] and kitchen [0,5]x[4,8] share the wall y = 4.
    FloorPlan p;
    p.spaces = {rect("living", SpaceUse::Living, 0, 0, 5, 4, "A"), rect("kitchen", SpaceUse::Kitchen, 0, 4, 5, 8, "A")};
    p.staffPosts = {post("post1", 2.5, 2, "A")};
    CHECK(*runRule(kRule, &p).value == Approx(50.0).margin(0.05));
    // A passage x 2..3 in that wall: cone x = 2.5 -+ 0.25 (y - 2) from y = 4
    // (1 m wide) to y = 8 (3 m wide): 4 x 2 = 8 m2. (20 + 8) / 40 = 70 %.
    p.openings = {door("d1", "living", "kitchen", 2, 4, 3, 4, OpeningKind::Passage)};
    CHECK(*runRule(kRule, &p).value == Approx(70.0).margin(0.05));
}

TEST_CASE("the worst group decides; a group without a staff post fails and is named") {
    FloorPlan p;
    p.spaces = {rect("livingA", SpaceUse::Living, 0, 0, 5, 4, "A"), rect("livingB", SpaceUse::Living, 10, 0, 15, 4, "B")};
    p.staffPosts = {post("postA", 2.5, 2, "A")};
    RuleResult r = runRule(kRule, &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(0.0));
    const Finding* b = findingFor(r, "B");
    REQUIRE(b);
    CHECK(b->objectType == "group");
    CHECK(b->observed == "no staff post");
    CHECK(b->message.find("group B") != std::string::npos);
    CHECK(figure(r, "visible_share_pct:A") == Approx(100.0));
    CHECK(figure(r, "visible_share_pct:B") == Approx(0.0));

    // A post of group A does not watch group B's room, even when it could see
    // it; a post without group serves both.
    p.spaces[1] = rect("livingB", SpaceUse::Living, 5.0, 0, 10, 4, "B");  // touching: one open room
    p.openings = {door("p1", "livingA", "livingB", 5.0, 0, 5.0, 4, OpeningKind::Passage)};
    CHECK(*runRule(kRule, &p).value == Approx(0.0));
    p.staffPosts[0].group = "";
    RuleResult both = runRule(kRule, &p);
    CHECK(*both.value == Approx(100.0).margin(0.05));
    CHECK(both.status == Status::Pass);
}

TEST_CASE("each storey's shared spaces are measured with the posts on that storey") {
    // Same outline on two storeys; the post on storey 0 does not see storey 1.
    FloorPlan p;
    p.spaces = {rect("living", SpaceUse::Living, 0, 0, 6, 5, "A"), rect("corridor", SpaceUse::Corridor, 0, 0, 6, 2, "A", 1)};
    p.staffPosts = {post("post0", 3, 2.5, "A", 0)};
    RuleResult r = runRule(kRule, &p);
    CHECK(*r.value == Approx(100.0 * 30 / 42).margin(0.05));  // 30 of 30 + 12 m2
    REQUIRE(findingFor(r, "corridor"));
    CHECK(findingFor(r, "corridor")->storey == 1);
    p.staffPosts.push_back(post("post1", 3, 1, "A", 1));
    CHECK(*runRule(kRule, &p).value == Approx(100.0).margin(0.05));
}

TEST_CASE("bedroom doors: seen on the corridor side even at a grazing angle; around a corner not") {
    // corridor [0,20]x[0,2] (A); bedrooms [x,x+4]x[2.1,6.1] with doors x+2..x+3 at y = 2.05.
    FloorPlan p;
    p.spaces = {rect("corridor", SpaceUse::Corridor, 0, 0, 20, 2, "A")};
    for (int i = 0; i < 4; ++i) {
        double x = 0.5 + 5 * i;
        std::string id = "bed" + std::to_string(i + 1);
        p.spaces.push_back(rect(id, SpaceUse::Bedroom, x, 2.1, x + 4, 6.1, "A"));
        p.openings.push_back(door("d" + std::to_string(i + 1), "corridor", id, x + 2, 2.05, x + 3, 2.05));
    }
    // bed4's ensuite bathroom and its garden door: not doors staff watch.
    p.spaces.push_back(rect("bath4", SpaceUse::Bathroom, 15.5, 6.2, 17.5, 8.2, "A"));
    p.openings.push_back(door("e4", "bed4", "bath4", 16, 6.15, 16.8, 6.15));
    p.openings.push_back(door("o4", "bed4", "outside", 19.6, 3, 19.6, 4));
    // Post near the corridor's west end, 0.05 m below the door wall: a sight
    // line entering a door gap (y = 2) at x_e climbs to the door line
    // (y = 2.05) at x = 2 x_e - 0.2, past the gap's far jamb for every door
    // (gaps start at x >= 2.5): no door line is seen, but every door's mouth
    // (1 cm inside the corridor) is in full view of the convex corridor.
    p.staffPosts = {post("post1", 0.2, 1.95, "A")};
    RuleResult r = runRule(kRule, &p);
    CHECK(figure(r, "bedroom_doors") == Approx(4));
    CHECK(figure(r, "bedroom_doors_seen") == Approx(4));
    CHECK(figure(r, "bedroom_doors_seen_pct") == Approx(100));
    CHECK(r.status == Status::Pass);

    // Move the post into a living room behind the corridor's west end wall,
    // with a door x = -0.1..0, y 0.2..1.0 in it. From (-5.9, 0.1) the highest
    // sight line into the corridor passes the jamb (0, 1.0) with slope
    // 0.9/5.9 and meets the bedroom wall y = 2 at x = -5.9 + 1.9 x 5.9/0.9 =
    // 6.56: doors d2..d4 (x >= 7.5) are seen, d1 (x 2.5..3.5) is not: 3 of 4.
    FloorPlan q = p;
    q.spaces.push_back(rect("living", SpaceUse::Living, -6, 0, -0.1, 2, "A"));
    q.openings.push_back(door("dl", "living", "corridor", -0.05, 0.2, -0.05, 1.0));
    q.staffPosts = {post("post1", -5.9, 0.1, "A")};
    RuleResult rq = runRule(kRule, &q);
    CHECK(figure(rq, "bedroom_doors") == Approx(4));
    CHECK(figure(rq, "bedroom_doors_seen") == Approx(3));
    CHECK(figure(rq, "bedroom_doors_seen_pct") == Approx(75));
    CHECK(rq.status == Status::Fail);
    REQUIRE(findingFor(rq, "d1"));
    CHECK(findingFor(rq, "d1")->objectType == "opening");
    CHECK_FALSE(findingFor(rq, "d2"));
}

TEST_CASE("a studio's own kitchenette is not a shared space; no shared space at all is na") {
    FloorPlan p;
    p.spaces = {rect("bed1", SpaceUse::Bedroom, 0, 0, 4, 4, "A"), rect("kit1", SpaceUse::Kitchen, 4.1, 0, 6, 4, "A"),
                rect("office", SpaceUse::Office, 0, 4.1, 4, 8)};
    p.openings = {door("k1", "bed1", "kit1", 4.05, 1, 4.05, 3, OpeningKind::Passage),
                  door("o1", "bed1", "office", 1, 4.05, 2, 4.05)};
    p.staffPosts = {post("post1", 2, 6)};
    RuleResult r = runRule(kRule, &p);
    CHECK(r.status == Status::NotApplicable);
    CHECK_FALSE(r.value);
}

TEST_CASE("a plan without groups is one group served by every post") {
    FloorPlan p = columnRoom({1, 5});
    p.spaces[0].group = "";
    RuleResult r = runRule(kRule, &p);
    CHECK(*r.value == Approx(100.0 * 76 / 96).margin(0.05));
    CHECK(figure(r, "visible_share_pct:building") == Approx(100.0 * 76 / 96).margin(0.05));
}

TEST_CASE("fixture open_plan: 99.0 %, 4 of 4 bedroom doors; pass") {
    // Living 8 x 6 (48 m2, convex, post inside: all seen); corridor 16.4 x 2
    // (32.8 m2) straight ahead through a passage as wide as itself, its axis
    // through the post: all seen; kitchen 4 x 3 (12 m2) through a passage
    // x 0.5..3.5 in a 0.1 m wall, seen from (1,3) past the kitchen-side jambs
    // (0.5,6.1) and (3.5,6.1): hidden west a trapezoid 3 x (0.5 + 0.0161) / 2
    // = 0.7742 m2, east a triangle 0.5 x 0.62 / 2 = 0.155 m2.
    // (92.8 - 0.9292) / 92.8 = 99.00 %.
    FloorPlan p = loadFixture("plugins/sight_lines/tests/pass-sight_lines-open_plan.geojson");
    RuleResult r = runRule(kRule, &p);
    CHECK(r.status == Status::Pass);
    const double hidden = 3 * (0.5 + (1 - 6.1 * 0.5 / 3.1)) / 2 + 0.5 * 0.62 / 2;
    CHECK(*r.value == Approx(100.0 * (92.8 - hidden) / 92.8).margin(0.05));
    CHECK(figure(r, "bedroom_doors_seen") == Approx(4));
    CHECK(figure(r, "bedroom_doors_seen_pct") == Approx(100));
    const Finding* k = findingFor(r, "kitchen");
    REQUIRE(k);
    CHECK(k->message.find(kit_fmt_area(hidden)) != std::string::npos);
}

TEST_CASE("fixture l_shaped_living: 67.5 %; fail") {
    FloorPlan p = loadFixture("plugins/sight_lines/tests/fail-sight_lines-l_shaped_living.geojson");
    RuleResult r = runRule(kRule, &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(67.5).margin(0.05));
}

TEST_CASE("fixture group_without_post: group B has no post (0 %), 1 of 2 bedroom doors seen; fail") {
    FloorPlan p = loadFixture("plugins/sight_lines/tests/fail-sight_lines-group_without_post.geojson");
    RuleResult r = runRule(kRule, &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(0.0));
    CHECK(figure(r, "visible_share_pct:A") == Approx(100.0).margin(0.05));
    CHECK(findingFor(r, "B")->observed == "no staff post");
    CHECK(figure(r, "bedroom_doors_seen") == Approx(1));
    REQUIRE(findingFor(r, "d_bedB"));
}

TEST_CASE("fixture bedrooms_only: no shared space; na") {
    FloorPlan p = loadFixture("plugins/sight_lines/tests/na-sight_lines-bedrooms_only.geojson");
    RuleResult r = runRule(kRule, &p);
    CHECK(r.status == Status::NotApplicable);
    CHECK_FALSE(r.value);
}

TEST_CASE("posts on every corner, wall midpoint and doorway end of a plan: always a view, within 0..100 %") {
    // Robustness sweep over the degenerate spots CGAL dislikes.
    FloorPlan base = loadFixture("plugins/sight_lines/tests/pass-sight_lines-open_plan.geojson");
    std::vector<Point> spots;
    for (const auto& s : base.spaces) {
        const auto& ring = s.shape.outer();
        for (size_t i = 0; i + 1 < ring.size(); ++i) {
            spots.push_back(ring[i]);
            spots.emplace_back((ring[i].x() + ring[i + 1].x()) / 2, (ring[i].y() + ring[i + 1].y()) / 2);
        }
    }
    for (const auto& o : base.openings)
        if (o.walkable() && o.to != "outside")
            for (const auto& pt : o.line) spots.push_back(pt);
    int placed = 0;
    for (const auto& at : spots) {
        FloorPlan p = base;
        p.staffPosts = {post("probe", at.x(), at.y(), "A")};
        RuleResult r = runRule(kRule, &p);
        REQUIRE(r.value);
        CHECK(*r.value >= 0.0);
        CHECK(*r.value <= 100.0 + 1e-9);
        for (const auto& sh : r.shapes) {
            CHECK(bg::area(sh.area) > 0.0);
            if (sh.object == "probe") ++placed;
        }
    }
    CHECK(placed == static_cast<int>(spots.size()));  // every spot is on a wall face or corner: all get a view
}

TEST_CASE("a 200-space plan with 10 posts: one arrangement per storey, well within budget") {
    // 10 groups side by side: a 40 x 2 m corridor, 16 bedrooms and a living
    // room, a kitchen and a store each = 20 spaces a group, 200 in all.
    FloorPlan p;
    for (int gi = 0; gi < 10; ++gi) {
        std::string g = "G" + std::to_string(gi);
        double y0 = gi * 12.0;
        p.spaces.push_back(rect("cor" + g, SpaceUse::Corridor, 0, y0 + 4.1, 40, y0 + 6.1, g));
        for (int b = 0; b < 8; ++b) {
            for (int side = 0; side < 2; ++side) {
                std::string id = "bed" + g + "_" + std::to_string(b) + "_" + std::to_string(side);
                double x = b * 4.1;
                double ya = side ? y0 + 6.2 : y0, yb = side ? y0 + 10.2 : y0 + 4.0;
                p.spaces.push_back(rect(id, SpaceUse::Bedroom, x, ya, x + 4, yb, g));
                double yd = side ? y0 + 6.15 : y0 + 4.05;
                p.openings.push_back(door("d" + id, "cor" + g, id, x + 1, yd, x + 2, yd));
            }
        }
        p.spaces.push_back(rect("liv" + g, SpaceUse::Living, 40.1, y0, 48, y0 + 6.1, g));
        p.spaces.push_back(rect("kit" + g, SpaceUse::Kitchen, 40.1, y0 + 6.2, 48, y0 + 10.2, g));
        p.openings.push_back(door("dl" + g, "cor" + g, "liv" + g, 40.05, y0 + 4.2, 40.05, y0 + 6.0, OpeningKind::Passage));
        p.openings.push_back(door("dk" + g, "liv" + g, "kit" + g, 44, y0 + 6.15, 46, y0 + 6.15, OpeningKind::Passage));
        p.spaces.push_back(rect("store" + g, SpaceUse::Storage, -2.1, y0 + 4.1, -0.1, y0 + 6.1, g));
        p.openings.push_back(door("ds" + g, "cor" + g, "store" + g, -0.05, y0 + 4.6, -0.05, y0 + 5.4));
        p.staffPosts.push_back(post("post" + g, 41, y0 + 5.1, g));
    }
    REQUIRE(p.spaces.size() == 200);
    // Time the rule alone (the graph, with its free-space unions, is built
    // once per building by the engine and shared by all rules).
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    BuildingGraph graph(p);
    auto t1 = Clock::now();
    auto rule = registry().create(kRule);
    RuleContext ctx(&p, &graph, nullptr, nullptr, registry().resolveParams(kRule, {}));
    RuleResult r = rule->evaluate(ctx);
    auto t2 = Clock::now();
    rule->evaluate(ctx);  // again, with the free space already unioned
    auto t3 = Clock::now();
    auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    std::cout << "200 spaces / 10 posts: graph " << ms(t1 - t0) << " ms, sight_lines " << ms(t2 - t1)
              << " ms (incl. the lazy free-space union), again " << ms(t3 - t2) << " ms\n";
    CHECK(postShapes(r) == 10);
    REQUIRE(r.value);
    // The ten groups are drawn alike, so their shares must come out equal.
    CHECK(figure(r, "visible_share_pct:G0") == Approx(figure(r, "visible_share_pct:G9")).margin(1e-6));
    // No time limit here (no timed unit tests on a noisy machine): bench/ holds the speed.
    // Speed is measured in bench/bench_posts (with the best-post search).
    // The ten groups are drawn alike, 12 m apart, so their best figures must
    // be equal too. (They were not: G0's best single post came out at 97.5 %,
    // the others' at 94.9 %. From (48, 6) on G0's living-room wall a sight
    // ray passes the kitchen passage's corners (46, 6.1) and (44, 6.2) in a
    // wedge some 1e-15 m wide; rounded to doubles the view's ring folded and
    // Boost's overlay counted the whole kitchen as seen. The 12 m shift
    // rounds the corners differently, so only G0 had the wedge.)
    for (int gi = 0; gi < 10; ++gi) {
        const std::string g = "G" + std::to_string(gi);
        INFO(g);
        CHECK(figure(r, "best_post_share_pct:" + g) == Approx(figure(r, "best_post_share_pct:G1")).margin(1e-6));
        CHECK(figure(r, "best_pair_share_pct:" + g) == Approx(figure(r, "best_pair_share_pct:G1")).margin(1e-6));
        CHECK(figure(r, "best_post_doors_seen:" + g) == figure(r, "best_post_doors_seen:G1"));
        // The same number of candidates from the (exact) decomposition.
        auto candidatesOf = [&](const std::string& group) {
            const Finding* f = findingFor(r, group + ":best_post");
            REQUIRE(f);
            const auto end = f->message.find(" candidates of the visibility decomposition");
            REQUIRE(end != std::string::npos);
            const auto start = f->message.rfind(' ', end - 1);
            return f->message.substr(start + 1, end - start - 1);
        };
        CHECK(candidatesOf(g) == candidatesOf("G1"));
        CHECK(figure(r, "best_pair_share_pct:" + g) >= figure(r, "best_post_share_pct:" + g) - 1e-9);
        CHECK(figure(r, "best_post_share_pct:" + g) <= 100.0 + 1e-9);
    }
}

TEST_CASE("markerPoint: inside the polygon it marks, by hand") {
    // A convex room: its centroid.
    const Space square = polygon("s", SpaceUse::Living, {{0, 0}, {4, 0}, {4, 4}, {0, 4}});
    CHECK(bg::equals(markerPoint(square.shape), Point(2, 2)));
    // An L corridor 1.6 m wide with 14 m legs: centroid (3.76.., 3.76..) lies
    // off it, in the corner; the horizontal there meets only the upright leg
    // [0, 1.6], so its middle x = 0.8.
    const Space l = polygon("l", SpaceUse::Corridor, {{0, 0}, {14, 0}, {14, 1.6}, {1.6, 1.6}, {1.6, 14}, {0, 14}});
    Point c;
    bg::centroid(l.shape, c);
    REQUIRE_FALSE(bg::within(c, l.shape));
    const Point m = markerPoint(l.shape);
    CHECK(m.x() == Approx(0.8));
    CHECK(m.y() == Approx(c.y()));
    CHECK(bg::within(m, l.shape));
    // A room round a 2 x 2 column: the centroid (5, 5) is in the column; the
    // horizontal y = 5 crosses at 0, 4, 6, 10: the first of the two 4 m spans.
    const FloorPlan column = columnRoom({1, 5});
    CHECK(bg::equals(markerPoint(column.spaces[0].shape), Point(2, 5)));
}

TEST_CASE("the blind part of an L corridor is marked in the corridor, not in the room inside its corner") {
    // The L corridor above round a 6.3 x 6.3 living room in its corner, the
    // post in the living room and the door between them near the far end of
    // the lower leg: the corridor's blind part is an L too, whose centroid
    // lay 5 cm inside the living room.
    FloorPlan p;
    p.spaces = {polygon("gang", SpaceUse::Corridor, {{0, 0}, {14, 0}, {14, 1.6}, {1.6, 1.6}, {1.6, 14}, {0, 14}}),
                polygon("living", SpaceUse::Living, {{1.7, 1.7}, {8, 1.7}, {8, 8}, {1.7, 8}})};
    p.openings = {door("d2", "living", "gang", 6.5, 1.65, 7.5, 1.65)};
    p.staffPosts = {post("p1", 5, 5, "A")};
    const RuleResult r = runRule(kRule, &p);
    const Finding* f = findingFor(r, "gang");
    REQUIRE(f);
    REQUIRE(f->location);
    CHECK(bg::within(*f->location, p.spaces[0].shape));
    CHECK_FALSE(bg::covered_by(*f->location, p.spaces[1].shape));
}

TEST_CASE("a plan without groups: the building's finding is on group '(whole plan)', as the other rules name it") {
    // Before, its object was empty: 'group : 67.5 % of ...' in the text and the report.
    FloorPlan p = lRoom({post("post1", 9, 2)});
    p.spaces[0].group.clear();
    const RuleResult r = runRule(kRule, &p);
    const Finding* f = findingFor(r, "(whole plan)");
    REQUIRE(f);
    CHECK(f->objectType == "group");
    CHECK(f->observed == "67.5 %");
    CHECK(f->message.find("of the building") != std::string::npos);
    for (const auto& finding : r.findings) CHECK_FALSE(finding.object.empty());
    // And without a post: the finding that says so.
    p.staffPosts.clear();
    const RuleResult none = runRule(kRule, &p);
    const Finding* n = findingFor(none, "(whole plan)");
    REQUIRE(n);
    CHECK(n->observed == "no staff post");
}
