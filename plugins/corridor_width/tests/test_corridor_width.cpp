// corridor_width: figures on plans whose answer is worked out by hand (to 1 cm).
#include "TestKit.h"

#include <boost/geometry.hpp>

#include <QJsonArray>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <random>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

using Ring = std::vector<std::pair<double, double>>;

// A space from an outline (any orientation) and optional holes (columns).
Space shape(const std::string& id, SpaceUse use, const Ring& outer, const std::vector<Ring>& holes = {}, int storey = 0) {
    Space s;
    s.id = id;
    s.use = use;
    s.storey = storey;
    for (auto [x, y] : outer) s.shape.outer().push_back(Point(x, y));
    s.shape.outer().push_back(s.shape.outer().front());
    for (const auto& h : holes) {
        Polygon::ring_type r;
        for (auto [x, y] : h) r.push_back(Point(x, y));
        r.push_back(r.front());
        s.shape.inners().push_back(r);
    }
    bg::correct(s.shape);
    s.area = bg::area(s.shape);
    return s;
}

double widthOf(const FloorPlan& p, const QJsonObject& params = {}) {
    RuleResult r = runRule("corridor_width", &p, nullptr, nullptr, params);
    REQUIRE(r.value);
    return *r.value;
}

// Corridor [0,20] x [0,w] with a door in each end wall (to the outside).
FloorPlan straight(double w) {
    FloorPlan p;
    p.spaces = {rect("c1", SpaceUse::Corridor, 0, 0, 20, w)};
    p.openings = {door("west", "c1", "outside", -0.05, w / 2 - 0.45, -0.05, w / 2 + 0.45),
                  door("east", "c1", "outside", 20.05, w / 2 - 0.45, 20.05, w / 2 + 0.45)};
    return p;
}

}  // namespace

TEST_CASE("straight 1.5 x 20 m corridor: 1.50 m on its centre line; warn") {
    FloorPlan p = straight(1.5);
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(1.50).margin(0.005));
    CHECK(r.status == Status::Warn);  // 1.20 <= 1.50 < 1.80
    CHECK(r.unit == "m");
    CHECK(r.threshold == ">= 1.8 (warn from 1.2)");
    REQUIRE(r.findings.size() == 1);
    const Finding& f = r.findings[0];
    CHECK(f.object == "c1");
    CHECK(f.observed == "1.5 m");
    CHECK(f.expected == ">= 1.8 m");
    REQUIRE(f.location);
    CHECK(f.location->y() == Approx(0.75).margin(0.005));
    CHECK(f.location->x() > 0.7);
    CHECK(f.location->x() < 19.3);
    CHECK(f.message.find("west and east") != std::string::npos);
    REQUIRE(r.shapes.size() == 1);
    CHECK(r.shapes[0].line.size() == 3);
}

TEST_CASE("door widths are not corridor widths; a narrow door is its own finding") {
    FloorPlan p = straight(2.0);
    p.spaces.push_back(rect("bed1", SpaceUse::Bedroom, 5, 2.1, 9, 6));
    p.openings.push_back(door("d_bed1", "c1", "bed1", 6.0, 2.05, 6.8, 2.05));  // 0.80 m
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(2.00).margin(0.005));
    CHECK(r.status == Status::Pass);
    const Finding* d = findingFor(r, "d_bed1");
    REQUIRE(d);
    CHECK(d->objectType == "opening");
    CHECK(d->observed == "0.8 m");
    CHECK(d->expected == ">= 0.85 m");
    REQUIRE(d->location);
    CHECK(d->location->x() == Approx(6.4));
    CHECK_FALSE(findingFor(r, "west"));  // 0.90 m is wide enough
    // The corridor stays 2.00 m: the 0.80 m door does not narrow it, whatever the door threshold.
    CHECK(widthOf(p, QJsonObject{{"min_door_width_m", 0.0}}) == Approx(2.00).margin(0.005));
    RuleResult noCheck = runRule("corridor_width", &p, nullptr, nullptr, QJsonObject{{"min_door_width_m", 0.8}});
    CHECK_FALSE(findingFor(noCheck, "d_bed1"));  // 0.80 is not below 0.80
}

TEST_CASE("a door tucked into a corner does not narrow the corridor (door_reach_m 0.5)") {
    // 2.0 m corridor; the east door is in the south wall at x = 19.10..19.95, 0.05 m from
    // the east end wall. A disc touching the doorway itself is at most 2 x 0.90 = 1.80 m
    // (tangent at x = 19.1, against the end wall); with the reach the door's zone is
    // x = 18.60..20.00 and the 2.00 m disc tangent at x = 19.0 touches it.
    FloorPlan p = straight(2.0);
    p.openings[1] = door("east", "c1", "outside", 19.1, -0.05, 19.95, -0.05);
    CHECK(widthOf(p) == Approx(2.00).margin(0.005));
    CHECK(widthOf(p, QJsonObject{{"door_reach_m", 0.0}}) == Approx(1.80).margin(0.005));
    // A 5 x 5 m hall with both doors in corners: zones x = 0..1.40 and y = 3.60..5.00;
    // the largest disc tangent there has r = 1.40: 2.80 (without reach 2 x 0.90 = 1.80).
    FloorPlan hall;
    hall.spaces = {rect("h1", SpaceUse::Hall, 0, 0, 5, 5)};
    hall.openings = {door("a", "h1", "outside", 0.05, -0.05, 0.9, -0.05),
                     door("b", "h1", "outside", 5.05, 4.1, 5.05, 4.95)};
    CHECK(widthOf(hall) == Approx(2.80).margin(0.005));
    CHECK(widthOf(hall, QJsonObject{{"door_reach_m", 0.0}}) == Approx(1.80).margin(0.005));
    // The reach stops at the wall's corner: a notch right beside the door is still found.
    // 1.5 m corridor, a 0.3 m deep notch in the south wall at x = 18.0..18.6 (1.20 m clear),
    // the east door in the south wall at x = 18.7..19.6, 0.1 m past the notch.
    FloorPlan n = straight(1.5);
    n.spaces[0] = shape("c1", SpaceUse::Corridor,
                        {{0, 0}, {18, 0}, {18, 0.3}, {18.6, 0.3}, {18.6, 0}, {20, 0}, {20, 1.5}, {0, 1.5}});
    n.openings[1] = door("east", "c1", "outside", 18.7, -0.05, 19.6, -0.05);
    CHECK(widthOf(n) == Approx(1.20).margin(0.005));
}

TEST_CASE("2.0 m corridor with a 0.4 x 0.4 column at the side wall: 1.60 m at the column") {
    FloorPlan p;
    p.spaces = {shape("c1", SpaceUse::Corridor,
                      {{0, 0}, {20, 0}, {20, 2}, {10.4, 2}, {10.4, 1.6}, {10, 1.6}, {10, 2}, {0, 2}})};
    p.openings = {door("west", "c1", "outside", -0.05, 0.55, -0.05, 1.45),
                  door("east", "c1", "outside", 20.05, 0.55, 20.05, 1.45)};
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(1.60).margin(0.005));
    CHECK(r.status == Status::Warn);
    const Finding* f = findingFor(r, "c1");
    REQUIRE(f);
    REQUIRE(f->location);
    CHECK(f->location->x() >= 10.0 - 0.005);
    CHECK(f->location->x() <= 10.4 + 0.005);
    CHECK(f->location->y() == Approx(0.80).margin(0.005));
}

TEST_CASE("2.0 m corridor with a centred 0.3 m column: two passages of 0.85 m, width 0.85; fail") {
    FloorPlan p = straight(2.0);
    p.spaces[0] = shape("c1", SpaceUse::Corridor, {{0, 0}, {20, 0}, {20, 2}, {0, 2}},
                        {{{10, 0.85}, {10.3, 0.85}, {10.3, 1.15}, {10, 1.15}}});
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(0.85).margin(0.005));
    CHECK(r.status == Status::Fail);
    const Finding* f = findingFor(r, "c1");
    REQUIRE(f->location);
    CHECK(f->location->x() >= 10.0 - 0.005);
    CHECK(f->location->x() <= 10.3 + 0.005);
    bool belowOrAbove = std::abs(f->location->y() - 0.425) < 0.005 || std::abs(f->location->y() - 1.575) < 0.005;
    CHECK(belowOrAbove);
}

TEST_CASE("an off-centre column: the route takes the wider passage (1.20, not 0.50)") {
    FloorPlan p = straight(2.0);
    p.spaces[0] = shape("c1", SpaceUse::Corridor, {{0, 0}, {20, 0}, {20, 2}, {0, 2}},
                        {{{10, 0.5}, {10.3, 0.5}, {10.3, 0.8}, {10, 0.8}}});
    CHECK(widthOf(p) == Approx(1.20).margin(0.005));
}

TEST_CASE("L-bend with 1.8 m legs: 1.80; the inner corner gives nothing smaller; pass") {
    FloorPlan p;
    p.spaces = {shape("c1", SpaceUse::Corridor, {{0, 0}, {10, 0}, {10, 1.8}, {1.8, 1.8}, {1.8, 10}, {0, 10}})};
    p.openings = {door("east", "c1", "outside", 10.05, 0.45, 10.05, 1.35),
                  door("north", "c1", "outside", 0.45, 10.05, 1.35, 10.05)};
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(1.80).margin(0.005));
    CHECK(r.status == Status::Pass);
}

TEST_CASE("a 1.4 m corridor widening into a 5 x 5 m hall: 1.40, located in the corridor part") {
    FloorPlan p;
    p.spaces = {shape("c1", SpaceUse::Corridor,
                      {{0, 0}, {10, 0}, {10, -1.8}, {15, -1.8}, {15, 3.2}, {10, 3.2}, {10, 1.4}, {0, 1.4}})};
    p.openings = {door("west", "c1", "outside", -0.05, 0.25, -0.05, 1.15),
                  door("east", "c1", "outside", 15.05, 0.25, 15.05, 1.15)};
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(1.40).margin(0.005));
    const Finding* f = findingFor(r, "c1");
    REQUIRE(f->location);
    CHECK(f->location->x() < 10.0);
    CHECK(f->location->y() == Approx(0.70).margin(0.005));
    // Both doors in the hall: the route never enters the corridor part (5.00 m across the hall).
    p.openings = {door("north", "c1", "outside", 12.05, 3.25, 12.95, 3.25),
                  door("south", "c1", "outside", 12.05, -1.85, 12.95, -1.85)};
    CHECK(widthOf(p) == Approx(5.00).margin(0.005));
}

TEST_CASE("dead end (one door): the route runs to the far end and finds a notch on the way") {
    FloorPlan p = straight(1.5);
    p.openings.pop_back();  // only the west door
    CHECK(widthOf(p) == Approx(1.50).margin(0.005));
    // A 0.3 m deep shaft notch at x = 15..16 narrows it to 1.20.
    p.spaces[0] = shape("c1", SpaceUse::Corridor,
                        {{0, 0}, {15, 0}, {15, 0.3}, {16, 0.3}, {16, 0}, {20, 0}, {20, 1.5}, {0, 1.5}});
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(1.20).margin(0.005));
    CHECK(findingFor(r, "c1")->message.find("west and the far end") != std::string::npos);
    // Two doors before the notch: the stub beyond the last door does not count.
    p.openings.push_back(door("d2", "c1", "outside", 5.05, 1.55, 5.95, 1.55));
    CHECK(widthOf(p) == Approx(1.50).margin(0.005));
}

TEST_CASE("no doors: between the two ends of the corridor; a square hall: its side") {
    FloorPlan p = straight(1.5);
    p.openings.clear();
    p.spaces[0] = shape("c1", SpaceUse::Corridor,
                        {{0, 0}, {15, 0}, {15, 0.3}, {16, 0.3}, {16, 0}, {20, 0}, {20, 1.5}, {0, 1.5}});
    CHECK(widthOf(p) == Approx(1.20).margin(0.005));
    FloorPlan hall;
    hall.spaces = {rect("h1", SpaceUse::Hall, 0, 0, 5, 5)};
    CHECK(widthOf(hall) == Approx(5.00).margin(0.005));
}

TEST_CASE("doors along the side walls, a point door with width_m, rotated and in RD coordinates") {
    // A 1.5 m corridor rotated by 30 degrees and moved to RD New coordinates.
    const double a = M_PI / 6, ox = 155000.0, oy = 463000.0;
    auto at = [&](double x, double y) {
        return std::pair<double, double>{ox + x * std::cos(a) - y * std::sin(a), oy + x * std::sin(a) + y * std::cos(a)};
    };
    FloorPlan p;
    p.spaces = {shape("c1", SpaceUse::Corridor, {at(0, 0), at(20, 0), at(20, 1.5), at(0, 1.5)})};
    auto [x0, y0] = at(3.0, -0.05);
    auto [x1, y1] = at(3.9, -0.05);
    p.openings = {door("d1", "c1", "outside", x0, y0, x1, y1)};
    Opening pointDoor;  // a door given as a point with its width
    pointDoor.id = "d2";
    pointDoor.from = "c1";
    pointDoor.to = kOutside;
    pointDoor.width = 0.9;
    auto [px, py] = at(17.0, 1.55);
    pointDoor.position = Point(px, py);
    p.openings.push_back(pointDoor);
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(1.50).margin(0.005));
    CHECK(findingFor(r, "c1")->message.find("d1 and d2") != std::string::npos);
}

TEST_CASE("headline: the narrowest over all corridors and halls, with its storey; uses") {
    FloorPlan p;
    p.spaces = {rect("c0", SpaceUse::Corridor, 0, 0, 20, 2.0), rect("h1", SpaceUse::Hall, 0, 0, 6, 6, "", 1),
                shape("c1", SpaceUse::Corridor, {{0, 10}, {20, 10}, {20, 11.6}, {0, 11.6}}, {}, 1),
                rect("bed", SpaceUse::Bedroom, 0, 2.1, 1.0, 3.0)};  // 0.9 m wide, but not a corridor
    RuleResult r = runRule("corridor_width", &p);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(1.60).margin(0.005));
    CHECK(r.status == Status::Warn);
    REQUIRE(r.findings.size() == 3);  // one per corridor or hall, narrowest first
    CHECK(r.findings[0].object == "c1");
    CHECK(r.findings[0].storey == 1);
    CHECK(r.findings[1].object == "c0");
    CHECK(r.findings[2].object == "h1");
    CHECK(r.findings[2].observed == "6 m");
    CHECK(r.summary.find("c1 (storey 1)") != std::string::npos);
    // Only halls: 6.00; the bedroom is never measured.
    CHECK(widthOf(p, QJsonObject{{"uses", QJsonArray{"hall"}}}) == Approx(6.00).margin(0.005));
    CHECK(widthOf(p, QJsonObject{{"uses", QJsonArray{"bedroom"}}}) == Approx(0.90).margin(0.005));
}

TEST_CASE("status bands: pass at 1.80, warn at 1.20, fail below; na without corridors") {
    FloorPlan pass = straight(1.8), w = straight(1.2), f = straight(1.19), n;
    CHECK(runRule("corridor_width", &pass).status == Status::Pass);
    CHECK(runRule("corridor_width", &w).status == Status::Warn);
    CHECK(runRule("corridor_width", &f).status == Status::Fail);
    n.spaces = {rect("bed", SpaceUse::Bedroom, 0, 0, 4, 4)};
    RuleResult na = runRule("corridor_width", &n);
    CHECK(na.status == Status::NotApplicable);
    CHECK_FALSE(na.value);
    CHECK(na.summary == "the plan has no corridor or hall");
}

TEST_CASE("fixtures") {
    FloorPlan pass = loadFixture("plugins/corridor_width/tests/pass-corridor_width-wide_corridor.geojson");
    RuleResult rp = runRule("corridor_width", &pass);
    CHECK(rp.status == Status::Pass);
    REQUIRE(rp.value);
    CHECK(*rp.value == Approx(2.00).margin(0.005));
    REQUIRE(findingFor(rp, "h1"));
    CHECK(findingFor(rp, "h1")->observed == "3.9 m");  // the 3.9 x 4.0 m hall, passage p1 to the garden door
    FloorPlan fail = loadFixture("plugins/corridor_width/tests/fail-corridor_width-shaft_notch.geojson");
    RuleResult rf = runRule("corridor_width", &fail);
    CHECK(rf.status == Status::Fail);
    REQUIRE(rf.value);
    CHECK(*rf.value == Approx(1.10).margin(0.005));
    CHECK(findingFor(rf, "d3"));  // the 0.80 m door
    FloorPlan na = loadFixture("plugins/corridor_width/tests/na-corridor_width-no_corridor.geojson");
    CHECK(runRule("corridor_width", &na).status == Status::NotApplicable);
}

namespace {

// Independent check: the largest w at which the polygon eroded by w/2 (Boost
// buffer, round joins) still has one piece that a disc from each door reaches.
double erosionWidth(const Polygon& poly, const std::vector<bg::model::segment<Point>>& doors, double hi) {
    auto connected = [&](double w) {
        bg::strategy::buffer::distance_symmetric<double> dist(-w / 2);
        bg::strategy::buffer::join_round join(720);
        bg::strategy::buffer::end_round end(720);
        bg::strategy::buffer::point_circle circle(720);
        bg::strategy::buffer::side_straight side;
        MultiPolygon in{poly}, out;
        bg::buffer(in, out, dist, side, join, end, circle);
        int piece = -1;
        for (const auto& d : doors) {
            int found = -1;
            for (int k = 0; k < static_cast<int>(out.size()) && found < 0; ++k)
                if (bg::distance(out[k], d) <= w / 2 + 1e-5) found = k;
            if (found < 0 || (piece >= 0 && found != piece)) return false;
            piece = found;
        }
        return true;
    };
    double lo = 0;
    for (int i = 0; i < 30; ++i) {
        double m = (lo + hi) / 2;
        (connected(m) ? lo : hi) = m;
    }
    return lo;
}

}  // namespace

TEST_CASE("60 random bent corridors, half of them with an off-centre column: same width as erosion, to 1 cm") {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> U(0, 1);
    int compared = 0;
    for (int iter = 0; iter < 60; ++iter) {
        // A random walk of 2..5 legs, buffered with mitred bends and flat ends.
        LineString path;
        double x = 0, y = 0, heading = U(rng) * 6.28;
        path.push_back({x, y});
        for (int s = 0; s < 2 + iter % 4; ++s) {
            double len = 4 + 6 * U(rng);
            x += len * std::cos(heading), y += len * std::sin(heading);
            path.push_back({x, y});
            heading += (U(rng) - 0.5) * 2.4;
        }
        double half = 0.6 + 0.6 * U(rng);
        MultiPolygon mp;
        bg::buffer(path, mp, bg::strategy::buffer::distance_symmetric<double>(half),
                   bg::strategy::buffer::side_straight(), bg::strategy::buffer::join_miter(3),
                   bg::strategy::buffer::end_flat(), bg::strategy::buffer::point_square());
        if (mp.size() != 1 || !mp[0].inners().empty()) continue;
        Polygon poly = mp[0];
        if (iter % 2) {  // a square column off the centre line of the first leg
            double off = (U(rng) - 0.5) * half * 0.7, s = 0.1 + 0.2 * U(rng);
            double cx = (path[0].x() + path[1].x()) / 2 + off, cy = (path[0].y() + path[1].y()) / 2 + off;
            Polygon column;
            column.outer() = {{cx - s, cy - s}, {cx + s, cy - s}, {cx + s, cy + s}, {cx - s, cy + s}, {cx - s, cy - s}};
            bg::correct(column);
            if (bg::within(column, poly)) {
                poly.inners().push_back(column.outer());
                bg::correct(poly);
            }
        }
        std::string why;
        if (!bg::is_valid(poly, why)) continue;
        FloorPlan p;
        Space c;
        c.id = "c";
        c.use = SpaceUse::Corridor;
        c.shape = poly;
        c.area = bg::area(poly);
        p.spaces = {c};
        std::vector<bg::model::segment<Point>> doors;
        for (int e : {0, 1}) {  // a 0.5 m door in the middle of each end wall
            Point a = e ? path.back() : path.front();
            Point b = e ? path[path.size() - 2] : path[1];
            double dx = b.x() - a.x(), dy = b.y() - a.y(), l = std::hypot(dx, dy);
            Point p0(a.x() + dy / l * 0.25, a.y() - dx / l * 0.25), p1(a.x() - dy / l * 0.25, a.y() + dx / l * 0.25);
            p.openings.push_back(door(e ? "e" : "s", "c", "outside", p0.x(), p0.y(), p1.x(), p1.y()));
            doors.push_back({p0, p1});
        }
        RuleResult r = runRule("corridor_width", &p);
        REQUIRE(r.value);
        INFO("corridor " << iter << ": " << bg::wkt(poly));
        CHECK(*r.value == Approx(erosionWidth(poly, doors, 4 * half)).margin(0.01));
        ++compared;
    }
    CHECK(compared >= 50);
}
