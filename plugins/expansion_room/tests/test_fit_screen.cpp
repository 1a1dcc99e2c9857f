// White-box check of expansion_room's screens in doubles (FitScreen): the
// pruned distance (segments whose bounding box is no nearer than the nearest
// so far passed over) against the former one that measures every segment
// (Screen::Every, the reference): the same distance to the bit at every
// point tried, the same proofs at every orientation, on hand-made pieces and
// on every space of the sample plans; and by-hand answers.
#include "TestKit.h"

#include "../FitScreen.cpp"  // compiled into the test: the screen is internal to the plugin
#include "io/PlanReader.h"

#include <catch2/catch_test_macros.hpp>

#include <boost/geometry.hpp>

#include <bit>
#include <cmath>
#include <numbers>
#include <random>

using namespace vgscan;
using namespace vgscan::test;
using vgscan::expansion::Proof;
using vgscan::expansion::Rings;
using vgscan::expansion::Screen;
using vgscan::expansion::V;

namespace {

constexpr double kPi = std::numbers::pi;

std::vector<V> square(double x0, double y0, double x1, double y1, bool ccw = true) {
    std::vector<V> r{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    if (!ccw) std::reverse(r.begin(), r.end());
    return r;
}

// A rectangle grown by r with its corners rounded as the rule's clearance
// (16 segments a quarter circle), clockwise: a hole.
std::vector<V> roundedHole(double x0, double y0, double x1, double y1, double r) {
    std::vector<V> out;
    const V corners[4] = {{x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    for (int c = 0; c < 4; ++c) {
        const double a0 = -kPi / 2.0 + c * kPi / 2.0;
        for (int i = 0; i <= 16; ++i) {
            const double a = a0 + i * (kPi / 2.0) / 16.0;
            out.push_back({corners[c].x + r * std::cos(a), corners[c].y + r * std::sin(a)});
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}

struct Counts {
    std::size_t points = 0, proofs = 0, distancesEvery = 0, distancesPruned = 0, pairNo = 0;
};

// discPairFits' No says that the w x d module fits at no orientation: the
// rectangle screen must then prove no fit (Yes) at any whole degree.
void checkPairNo(const Rings& piece, double w, double d, Counts& n) {
    const Proof pair = expansion::discPairFits(piece, w / 2.0, d - w, Screen::Pruned);
    REQUIRE(pair == expansion::discPairFits(piece, w / 2.0, d - w, Screen::Every));
    if (pair != Proof::No) return;
    ++n.pairNo;
    for (int deg = 0; deg < 180; ++deg) {
        const double t = deg * kPi / 180.0;
        const V u{std::cos(t), std::sin(t)}, v{-u.y, u.x};
        REQUIRE(expansion::rectangleFits(piece, u, v, w / 2.0, d / 2.0) != Proof::Yes);
    }
}

// Pruned against Every on one piece: signed distances at a grid of points
// (both frames: Euclidean, and the rectangle's at each angle) and the proofs
// of discFits and rectangleFits for a few module sizes at every 7.5 degrees.
void compare(const Rings& piece, Counts& n) {
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const auto& ring : piece)
        for (const V& p : ring) x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> ux(x0 - 1.0, x1 + 1.0), uy(y0 - 1.0, y1 + 1.0);
    for (int k = 0; k < 40; ++k) {
        const V p{ux(rng), uy(rng)};
        const double every = expansion::screenDistance(piece, p, {1, 0}, {0, 1}, 0.0, 0.0, Screen::Every);
        const double pruned = expansion::screenDistance(piece, p, {1, 0}, {0, 1}, 0.0, 0.0, Screen::Pruned);
        REQUIRE(std::bit_cast<std::uint64_t>(every) == std::bit_cast<std::uint64_t>(pruned));
        ++n.points;
    }
    for (double deg = 0.0; deg < 180.0; deg += 7.5) {
        const double t = deg * kPi / 180.0;
        const V u{std::cos(t), std::sin(t)}, v{-u.y, u.x};
        for (auto [w, d] : {std::pair{11.999, 24.999}, {2.999, 3.999}, {0.999, 1.999}}) {
            // Points in the rectangle's scaled frame.
            for (int k = 0; k < 10; ++k) {
                const V q{ux(rng), uy(rng)};
                const V p{(q.x * u.x + q.y * u.y) / (w / 2.0), (q.x * v.x + q.y * v.y) / (d / 2.0)};
                const double every = expansion::screenDistance(piece, p, u, v, w / 2.0, d / 2.0, Screen::Every);
                const double pruned = expansion::screenDistance(piece, p, u, v, w / 2.0, d / 2.0, Screen::Pruned);
                REQUIRE(std::bit_cast<std::uint64_t>(every) == std::bit_cast<std::uint64_t>(pruned));
                ++n.points;
            }
            std::size_t c0 = expansion::segmentDistancesComputed();
            const Proof every = expansion::rectangleFits(piece, u, v, w / 2.0, d / 2.0, Screen::Every);
            std::size_t c1 = expansion::segmentDistancesComputed();
            const Proof pruned = expansion::rectangleFits(piece, u, v, w / 2.0, d / 2.0, Screen::Pruned);
            std::size_t c2 = expansion::segmentDistancesComputed();
            REQUIRE(every == pruned);
            n.distancesEvery += c1 - c0;
            n.distancesPruned += c2 - c1;
            ++n.proofs;
        }
    }
    for (double r : {0.5, 2.0, 5.999}) {
        REQUIRE(expansion::discFits(piece, r, Screen::Every) == expansion::discFits(piece, r, Screen::Pruned));
        ++n.proofs;
    }
    for (auto [w, d] : {std::pair{11.999, 24.999}, {2.999, 3.999}, {0.999, 1.999}, {1.499, 4.999}}) checkPairNo(piece, w, d, n);
}

}  // namespace

TEST_CASE("screen: the L-infinity distance to a segment, by hand") {
    CHECK(expansion::chebyshevToSegment({1, -5}, {1, 5}) == 1.0);    // a vertical line at x = 1
    CHECK(expansion::chebyshevToSegment({2, 2}, {3, 5}) == 2.0);     // nearest at its end (2, 2)
    CHECK(expansion::chebyshevToSegment({-4, 2}, {4, 10}) == 3.0);   // y = x + 6 meets |x| = |y| at (-3, 3)
}

TEST_CASE("screen: proofs by hand on a 30 x 30 square and a ring") {
    const Rings sq{square(0, 0, 30, 30)};
    // 12 x 25 fits in 30 x 30 at 0 degrees with 9 / 2.5 m to spare.
    CHECK(expansion::rectangleFits(sq, {1, 0}, {0, 1}, 6.0, 12.5) == Proof::Yes);
    // 12 x 31 does not fit at 0 degrees (31 > 30).
    CHECK(expansion::rectangleFits(sq, {1, 0}, {0, 1}, 6.0, 15.5) == Proof::No);
    // A disc of radius 14.9 fits, one of 15.1 does not.
    CHECK(expansion::discFits(sq, 14.9) == Proof::Yes);
    CHECK(expansion::discFits(sq, 15.1) == Proof::No);
    // 40 x 40 less a 20 x 20 hole in the middle: a ring 10 m wide; 12 m fits nowhere.
    const Rings ring{square(0, 0, 40, 40), square(10, 10, 30, 30, false)};
    for (double deg = 0.0; deg < 180.0; deg += 5.0) {
        const double t = deg * kPi / 180.0;
        const V u{std::cos(t), std::sin(t)}, v{-u.y, u.x};
        CHECK(expansion::rectangleFits(ring, u, v, 6.0, 12.5) == Proof::No);
    }
    CHECK(expansion::rectangleFits(ring, {1, 0}, {0, 1}, 4.0, 12.5) == Proof::Yes);  // 8 x 25 fits along a side
}

TEST_CASE("screen: two discs apart, by hand") {
    // 12 x 25 in a 20 x 20 square: the points 6 m from the sides are the
    // middle 8 x 8 square (diagonal 11.3 < 13): no orientation fits.
    CHECK(expansion::discPairFits({square(0, 0, 20, 20)}, 6.0, 13.0) == Proof::No);
    // In a 14 x 40 strip they are a 2 x 28 strip: the module fits.
    CHECK(expansion::discPairFits({square(0, 0, 14, 40)}, 6.0, 13.0) == Proof::Maybe);
    // The rule's module (1 mm smaller) in exactly 12 x 25: the points
    // 5.9995 m from the sides span 13.001 m, a fit with 0.5 mm to spare.
    CHECK(expansion::discPairFits({square(0, 0, 12, 25)}, 11.999 / 2.0, 24.999 - 11.999) == Proof::Maybe);
    // 12.5 m squares 30 m apart, joined by a 3 m wide corridor: each holds
    // a 12 m disc (about a 0.5 m square of centres), 30 m apart, but no
    // middle segment joins them: No only because the groups are apart.
    const Rings rooms{{{0, 0}, {12.5, 0}, {12.5, 5}, {30, 5}, {30, 0}, {42.5, 0}, {42.5, 12.5}, {30, 12.5}, {30, 8},
                       {12.5, 8}, {12.5, 12.5}, {0, 12.5}}};
    CHECK(expansion::discPairFits(rooms, 6.0, 13.0) == Proof::No);
    CHECK(expansion::discFits(rooms, 6.0) == Proof::Yes);
    // A ring 10 m wide holds no 12 m disc at all.
    CHECK(expansion::discPairFits({square(0, 0, 40, 40), square(10, 10, 30, 30, false)}, 6.0, 13.0) == Proof::No);
    Counts n;
    checkPairNo({square(0, 0, 20, 20)}, 12.0, 25.0, n);
    checkPairNo(rooms, 12.0, 25.0, n);
    CHECK(n.pairNo == 2);
}

TEST_CASE("screen: pruned equals every segment on hand-made pieces") {
    Counts n;
    compare({square(0, 0, 30, 30)}, n);
    compare({square(0, 0, 40, 40), square(10, 10, 30, 30, false)}, n);
    // The rule's shapes: a buildable square less a building's rounded clearance.
    compare({square(5, 5, 45, 45), roundedHole(17.7, 19.7, 31.7, 31.3, 5.0)}, n);
    compare({square(5, 5, 88, 85), roundedHole(29.7, 39.7, 73.3, 50.4, 5.0)}, n);
    // An L, a thin skew strip, and a piece far from the origin (RD-sized numbers).
    compare({{{0, 0}, {40, 0}, {40, 12}, {12, 12}, {12, 40}, {0, 40}}}, n);
    compare({{{0, 0}, {60 * std::cos(0.56), 60 * std::sin(0.56)},
              {60 * std::cos(0.56) - 12.2 * std::sin(0.56), 60 * std::sin(0.56) + 12.2 * std::cos(0.56)},
              {-12.2 * std::sin(0.56), 12.2 * std::cos(0.56)}}}, n);
    compare({square(155000.3, 463000.7, 155040.1, 463030.9)}, n);
    WARN("hand-made pieces: " << n.points << " distances, " << n.proofs << " proofs equal; segment distances "
                              << n.distancesPruned << " pruned against " << n.distancesEvery << " every; "
                              << n.pairNo << " modules proven to fit at no orientation, none a rectangle fit");
    CHECK(n.distancesPruned < n.distancesEvery);
}

TEST_CASE("screen: pruned equals every segment on the spaces of the sample plans") {
    Counts n;
    for (const std::string& file : samplePlanFiles()) {
        const FloorPlan plan = loadPlan(file);
        double ox = INFINITY, oy = INFINITY;  // the plan's corner as the local origin, as the rule does
        for (const Space& s : plan.spaces)
            for (const auto& p : s.shape.outer()) ox = std::min(ox, p.x()), oy = std::min(oy, p.y());
        for (const Space& s : plan.spaces) {
            Rings piece;
            auto add = [&](const auto& ring) {
                piece.emplace_back();
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) piece.back().push_back({ring[i].x() - ox, ring[i].y() - oy});
            };
            add(s.shape.outer());
            for (const auto& h : s.shape.inners()) add(h);
            compare(piece, n);
        }
    }
    WARN("sample plans' spaces: " << n.points << " distances, " << n.proofs << " proofs equal; segment distances "
                                  << n.distancesPruned << " pruned against " << n.distancesEvery << " every; "
                                  << n.pairNo << " modules proven to fit at no orientation, none a rectangle fit");
    CHECK(n.pairNo > 100);
    CHECK(n.points > 10000);
    CHECK(n.distancesPruned < n.distancesEvery);
}
