// White-box check of expansion_room's exact points as doubles
// (ExactDoubles.h): toDoubles() reads the point's interval where the former
// conversion (a lazy number per coordinate, then CGAL::to_double) would, and
// must give the same doubles bit for bit and leave the point's interval as
// the former way leaves it. Each case builds the point twice, the same way,
// and converts one twin each way: input corners (exact doubles), corners
// moved by a turned module's half sides (one rounding), crossings of turned
// edges (wide intervals), a crossing at x = 0 whose interval straddles zero
// (To_double computes the exact value there), and the vertices of an exact
// Boolean difference.
#include "../ExactDoubles.h"

#include <CGAL/Polygon_2.h>
#include <CGAL/Polygon_set_2.h>
#include <CGAL/Polygon_with_holes_2.h>

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <vector>

using vgscan::expansion::toDoubles;
using vgscan::expansion::toDoublesByNumber;
using vgscan::expansion::V;
using K = CGAL::Epeck;
using Pt = K::Point_2;

namespace {

bool sameBits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

bool sameInterval(const Pt& p, const Pt& q) {
    const auto &a = p.approx(), &b = q.approx();
    return sameBits(a.x().inf(), b.x().inf()) && sameBits(a.x().sup(), b.x().sup()) && sameBits(a.y().inf(), b.y().inf()) &&
           sameBits(a.y().sup(), b.y().sup());
}

// Builds the points twice (make() called twice must construct them the same
// way) and converts one set each way.
void checkBothWays(const std::function<std::vector<Pt>()>& make, int* exactFallbacks = nullptr) {
    const std::vector<Pt> a = make(), b = make();
    REQUIRE(a.size() == b.size());
    REQUIRE(!a.empty());
    for (std::size_t i = 0; i < a.size(); ++i) {
        REQUIRE(sameInterval(a[i], b[i]));
        const bool wide = !CGAL::has_smaller_relative_precision(a[i].approx().x(), K::FT::get_relative_precision_of_to_double()) ||
                          !CGAL::has_smaller_relative_precision(a[i].approx().y(), K::FT::get_relative_precision_of_to_double());
        if (wide && exactFallbacks) ++*exactFallbacks;
        const V fast = toDoubles(a[i]), former = toDoublesByNumber(b[i]);
        CHECK(sameBits(fast.x, former.x));
        CHECK(sameBits(fast.y, former.y));
        CHECK(sameInterval(a[i], b[i]));  // left in the same state (refined alike where the exact value was made)
    }
}

Pt crossing(const Pt& a, const Pt& b, const Pt& c, const Pt& d) {
    const auto x = CGAL::intersection(K::Line_2(a, b), K::Line_2(c, d));
    const Pt* p = x ? boost::get<Pt>(&*x) : nullptr;
    REQUIRE(p != nullptr);
    return *p;
}

}  // namespace

TEST_CASE("toDoubles: input corners, moved corners and crossings as the former conversion", "[exact_doubles]") {
    const double t = 17.0 * std::numbers::pi / 180.0;
    const K::Vector_2 u(5.9995 * std::cos(t), 5.9995 * std::sin(t)), v(-12.4995 * std::sin(t), 12.4995 * std::cos(t));
    const std::vector<std::pair<double, double>> corners = {{0.0, 0.0}, {31.25, 0.1}, {40.123456789, 27.5}, {3.3, 45.7}, {1e-9, 2e5}};
    checkBothWays([&] {
        std::vector<Pt> out;
        for (auto [x, y] : corners) out.emplace_back(x, y);
        return out;
    });
    checkBothWays([&] {
        std::vector<Pt> out;
        for (auto [x, y] : corners) {
            out.push_back(Pt(x, y) + u + v);
            out.push_back(Pt(x, y) - u + v);
        }
        return out;
    });
    checkBothWays([&] {
        std::vector<Pt> out;
        for (std::size_t i = 0; i + 1 < corners.size(); ++i) {
            const Pt p(corners[i].first, corners[i].second), q(corners[i + 1].first, corners[i + 1].second);
            out.push_back(crossing(p + u, q + v, p + v, q + u));
        }
        return out;
    });
}

TEST_CASE("toDoubles: a crossing at x = 0 whose interval is too wide takes the exact value, as before", "[exact_doubles]") {
    // Lines through (-a, -b) and (a, b) and through (-a, b') and (a, -b'):
    // they cross at the origin exactly, and the interval of the crossing's x
    // straddles zero (relative precision unbounded): To_double makes the
    // exact value (0) there. Reading the interval's midpoint would not give 0.
    int fallbacks = 0;
    checkBothWays(
        [] {
            const double a = 0.1, b = 0.3, c = 0.7;
            const Pt p = crossing(Pt(-a, -b), Pt(a, b), Pt(-c, b), Pt(c, -b));
            return std::vector<Pt>{p};
        },
        &fallbacks);
    CHECK(fallbacks == 1);
    const double a = 0.1, b = 0.3, c = 0.7;
    const Pt p = crossing(Pt(-a, -b), Pt(a, b), Pt(-c, b), Pt(c, -b));
    const V d = toDoubles(p);
    CHECK(d.x == 0.0);
    CHECK(d.y == 0.0);
}

TEST_CASE("toDoubles: the vertices of an exact difference as the former conversion", "[exact_doubles]") {
    auto make = [] {
        using Poly = CGAL::Polygon_2<K>;
        using Pwh = CGAL::Polygon_with_holes_2<K>;
        const double t = 0.3;
        Poly plot, building;
        for (auto [x, y] : {std::pair{0.0, 0.0}, {50.0, 0.0}, {50.0, 40.0}, {0.0, 40.0}}) plot.push_back(Pt(x, y));
        for (auto [x, y] : {std::pair{-10.0, -5.0}, {10.0, -5.0}, {10.0, 5.0}, {-10.0, 5.0}})
            building.push_back(Pt(25.0 + x * std::cos(t) - y * std::sin(t), -2.0 + x * std::sin(t) + y * std::cos(t)));
        CGAL::Polygon_set_2<K> s;
        s.insert(plot);
        s.difference(building);
        std::vector<Pwh> pieces;
        s.polygons_with_holes(std::back_inserter(pieces));
        std::vector<Pt> out;
        for (const Pwh& p : pieces)
            for (auto it = p.outer_boundary().vertices_begin(); it != p.outer_boundary().vertices_end(); ++it) out.push_back(*it);
        return out;
    };
    checkBothWays(make);
    // The crossings of the turned building's edges with the plot's are not exact doubles.
    const std::vector<Pt> pts = make();
    CHECK(std::any_of(pts.begin(), pts.end(), [](const Pt& p) {
        double r;
        return !CGAL::fit_in_double(p.approx().x(), r) || !CGAL::fit_in_double(p.approx().y(), r);
    }));
}
