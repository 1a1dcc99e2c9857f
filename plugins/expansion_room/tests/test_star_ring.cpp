// White-box check of StarRing.h: where starShapedFrom() answers, the ring
// is simple and has that orientation, as CGAL's sweep (is_simple) and
// orientation() say (the former test, the reference); where it does not,
// the caller asks is_simple(). Rings by hand (a square either way round, a
// grown rectangle's circumscribed arcs with collinear tangent points, an L
// seen from outside its kernel, a bow-tie, a pentagram that winds twice
// round its centre with every edge turning left, a ring through its centre,
// a ring with a repeated vertex) and random rings round a centre (star-
// shaped, some winding twice, some turning back).
#include "../StarRing.h"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using vgscan::expansion::starShapedFrom;
using K = CGAL::Epeck;
using Pt = K::Point_2;
using Poly = CGAL::Polygon_2<K>;

namespace {

Poly ring(const std::vector<std::pair<double, double>>& pts) {
    Poly p;
    for (auto [x, y] : pts) p.push_back(Pt(x, y));
    return p;
}

// What the sweep says: the orientation of a simple ring, nullopt else.
std::optional<CGAL::Orientation> bySweep(const Poly& p) {
    if (!p.is_simple()) return std::nullopt;
    return p.orientation();
}

// starShapedFrom's answer must be the sweep's where it gives one.
void checkAgrees(const Poly& p, double cx, double cy) {
    if (const auto star = starShapedFrom(p, cx, cy)) CHECK(bySweep(p) == star);
}

Poly regular(int n, int step, double r, double turn = 0.0) {
    Poly p;
    for (int i = 0; i < n; ++i) {
        const double a = turn + 2.0 * std::numbers::pi * ((i * step) % n) / n;
        p.push_back(Pt(r * std::cos(a), r * std::sin(a)));
    }
    return p;
}

}  // namespace

TEST_CASE("starShapedFrom: rings by hand") {
    const Poly square = ring({{0, 0}, {4, 0}, {4, 4}, {0, 4}});
    CHECK(starShapedFrom(square, 2, 2) == CGAL::COUNTERCLOCKWISE);
    Poly clockwise = square;
    clockwise.reverse_orientation();
    CHECK(starShapedFrom(clockwise, 2, 2) == CGAL::CLOCKWISE);
    // A vertex on the ray from the centre (y = 2): counted once.
    CHECK(starShapedFrom(ring({{0, 0}, {4, 0}, {4, 2}, {4, 4}, {0, 4}}), 2, 2) == CGAL::COUNTERCLOCKWISE);
    CHECK(starShapedFrom(ring({{0, 0}, {4, 0}, {4, 2}, {4, 4}, {0, 4}, {0, 2}}), 2, 2) == CGAL::COUNTERCLOCKWISE);
    // The centre outside the ring, or on an edge's line through it: no answer.
    CHECK_FALSE(starShapedFrom(square, 5, 2));
    CHECK_FALSE(starShapedFrom(square, 2, 0));
    CHECK_FALSE(starShapedFrom(square, 0, 0));
    // An L: star-shaped from a point of its kernel, not from its mean.
    const Poly l = ring({{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 10}, {0, 10}});
    CHECK(starShapedFrom(l, 1, 1) == CGAL::COUNTERCLOCKWISE);
    CHECK_FALSE(starShapedFrom(l, 5, 5));
    // Not simple: a bow-tie, a pentagram (every edge turns left about the
    // centre, but the ring winds round it twice), a repeated vertex.
    CHECK_FALSE(starShapedFrom(ring({{0, 0}, {4, 4}, {4, 0}, {0, 4}}), 2, 2));
    const Poly pentagram = regular(5, 2, 3.0, 0.1);
    CHECK_FALSE(pentagram.is_simple());
    CHECK_FALSE(starShapedFrom(pentagram, 0, 0));
    CHECK_FALSE(starShapedFrom(ring({{0, 0}, {4, 0}, {4, 0}, {4, 4}, {0, 4}}), 2, 2));
    // A rectangle grown by 3 m, its quarter arcs circumscribed (as the rule's
    // grownConvex): each strip's outer side runs on into the arc's first
    // side, collinear up to rounding.
    std::vector<std::pair<double, double>> grown;
    const double r = 3.0, k = 4, step = std::numbers::pi / 2 / k, rr = r / std::cos(step / 2);
    const double cx[4] = {10, 10, 0, 0}, cy[4] = {0, 6, 6, 0};
    for (int c = 0; c < 4; ++c) {
        const double a0 = -std::numbers::pi / 2 + c * std::numbers::pi / 2;
        grown.push_back({cx[c] + r * std::cos(a0), cy[c] + r * std::sin(a0)});
        for (int i = 0; i < k; ++i)
            grown.push_back({cx[c] + rr * std::cos(a0 + (i + 0.5) * step), cy[c] + rr * std::sin(a0 + (i + 0.5) * step)});
        grown.push_back({cx[c] + r * std::cos(a0 + std::numbers::pi / 2), cy[c] + r * std::sin(a0 + std::numbers::pi / 2)});
    }
    const Poly grownRect = ring(grown);
    REQUIRE(grownRect.is_simple());
    CHECK(starShapedFrom(grownRect, 5, 3) == CGAL::COUNTERCLOCKWISE);
    for (const Poly& p : {square, clockwise, l, pentagram, grownRect}) {
        checkAgrees(p, 5, 3);
        checkAgrees(p, 1, 1);
        checkAgrees(p, 0, 0);
    }
}

TEST_CASE("starShapedFrom: random rings round a centre agree with the sweep") {
    std::mt19937 rng(17);
    std::uniform_real_distribution<double> radius(0.5, 5.0), jitter(-0.6, 0.6);
    int answered = 0, notSimple = 0, twice = 0;
    for (int trial = 0; trial < 2000; ++trial) {
        const int n = 3 + trial % 13;
        const int winds = trial % 5 == 0 ? 2 : 1;  // a fifth wind twice (never simple)
        Poly p;
        for (int i = 0; i < n; ++i) {
            // Angles mostly increasing; the jitter sometimes turns an edge back.
            const double a = 2.0 * std::numbers::pi * winds * (i + (trial % 3 == 0 ? jitter(rng) : 0.0)) / n;
            p.push_back(Pt(radius(rng) * std::cos(a), radius(rng) * std::sin(a)));
        }
        if (trial % 2 == 1) p.reverse_orientation();
        const auto star = starShapedFrom(p, 0.0, 0.0);
        if (star) {
            ++answered;
            CHECK(bySweep(p) == star);
        }
        if (!p.is_simple()) ++notSimple;
        // Twice round with an odd n >= 5: every edge turns left about the
        // centre (each sweeps 4 pi / n < pi), and only the winding says no.
        if (winds == 2 && n % 2 == 1 && n >= 5 && trial % 3 != 0) {
            CHECK_FALSE(star);
            ++twice;
        }
    }
    CHECK(answered > 800);
    CHECK(notSimple > 300);
    CHECK(twice > 50);
}
