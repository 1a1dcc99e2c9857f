// expansion_room's screens in doubles (FitScreen) on the sample portfolio's
// sites (floorplans/portfolio.gpkg, the 11 sites sample2002 repeats 182
// times): the free pieces the rule reports (its "free buildable area"
// shape, in the rule's local frame) are screened as the rule screens them,
// discFits at the sieve's two radii, discPairFits (the module at no
// orientation) and rectangleFits for the 12 x 25 m module at every 5 degrees, with the pruned distance (Screen::Pruned, what
// the rule uses) and the former one that measures every segment
// (Screen::Every, the reference), in turn in the same run. The proofs must
// be the same; the CPU ratio is printed.
//
//  - BM_FitScreen: both screens, ratio every / pruned (CPU), segment
//    distances computed by each, proofs compared.
//  - BM_PointDoubles: exact points as doubles (ExactDoubles.h), as the rule
//    converts its free pieces and module centres: from the point's interval
//    (toDoubles, what the rule uses) against a lazy number per coordinate
//    (toDoublesByNumber, the former way, the reference), in turn, each on
//    its own twin of the points (the vertices of every free piece's exact
//    Minkowski sum with the module turned 17 degrees: sums and crossings,
//    as in the rule's fit search). The doubles must be the same to the bit.
//  - BM_SimpleRings: a ring's simplicity as the rule tests it (star-shaped
//    from the vertices' mean, StarRing.h, else CGAL's sweep) against the
//    sweep on every ring (the former test, the reference), in turn, on the
//    sites' plots, footprints and free pieces' rings; answers compared.
//  - BM_ExpansionRoomRule: the whole rule on the 11 sites (CPU per site),
//    for scale: the screens' share of it.
#include "CpuClock.h"
#include "ExactDoubles.h"
#include "FitScreen.h"
#include "StarRing.h"

#include <CGAL/Polygon_2.h>
#include <CGAL/minkowski_sum_2.h>

#include "derive/ContextIndex.h"
#include "io/PortfolioReader.h"
#include "rules/Rule.h"
#include "rules/RuleRegistry.h"

#include <benchmark/benchmark.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <memory>
#include <numbers>

namespace {

using namespace vgscan;
using vgscan::expansion::Proof;
using vgscan::expansion::Rings;
using vgscan::expansion::Screen;
using vgscan::expansion::V;

struct Sites {
    RuleRegistry registry;
    Portfolio portfolio;
    std::unique_ptr<ContextIndex> index;
    std::vector<Rings> pieces;  // every site's free pieces, in its local frame (the plot's lower-left corner)
    Sites() {
        registry.loadDirectory(VGSCAN_BENCH_PLUGIN_DIR);
        std::vector<InputIssue> issues;
        portfolio = readPortfolio(VGSCAN_BENCH_SOURCE_DIR "/floorplans/portfolio.gpkg", issues);
        index = std::make_unique<ContextIndex>(portfolio.context);
        for (const Site& site : portfolio.sites) {
            const RuleResult r = evaluate(site);
            double ox = INFINITY, oy = INFINITY;
            for (const auto& p : site.plot)
                for (const auto& q : p.outer()) ox = std::min(ox, q.x()), oy = std::min(oy, q.y());
            for (const Shape& s : r.shapes) {
                if (s.label != "free buildable area") continue;
                for (const Polygon& poly : s.area) {
                    Rings piece;
                    auto add = [&](const auto& ring) {
                        piece.emplace_back();
                        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                            piece.back().push_back({ring[i].x() - ox, ring[i].y() - oy});
                    };
                    add(poly.outer());
                    for (const auto& h : poly.inners()) add(h);
                    pieces.push_back(std::move(piece));
                }
            }
        }
    }
    RuleResult evaluate(const Site& site) const {
        auto rule = registry.create("expansion_room");
        RuleContext ctx(nullptr, nullptr, &site, &portfolio.context, registry.resolveParams("expansion_room", {}),
                        index.get());
        return rule->evaluate(ctx);
    }
};

Sites& sites() {
    static Sites s;
    return s;
}

// The rule's screening of one piece: both sieve radii, then the module at
// every 5 degrees. Returns the proofs as digits.
std::string screen(const Rings& piece, Screen how) {
    constexpr double ws = 12.0 - 0.001, ds = 25.0 - 0.001;
    const double inscribed = ws / 2.0 * (1.0 - 1e-9), apothem = inscribed * std::cos(std::numbers::pi / 16.0);
    std::string out;
    out += static_cast<char>('0' + static_cast<int>(expansion::discFits(piece, apothem, how)));
    out += static_cast<char>('0' + static_cast<int>(expansion::discFits(piece, inscribed, how)));
    out += static_cast<char>('0' + static_cast<int>(expansion::discPairFits(piece, ws / 2.0, ds - ws, how)));
    for (int k = 0; k < 36; ++k) {
        const double t = k * 5.0 * std::numbers::pi / 180.0;
        const V u{std::cos(t), std::sin(t)}, v{-u.y, u.x};
        out += static_cast<char>('0' + static_cast<int>(expansion::rectangleFits(piece, u, v, ws / 2.0, ds / 2.0, how)));
    }
    return out;
}

void BM_FitScreen(benchmark::State& state) {
    const Sites& s = sites();
    double pruned = 0.0, every = 0.0;
    std::size_t dPruned = 0, dEvery = 0, mismatches = 0;
    for (auto _ : state) {
        const double before = pruned;
        for (const Rings& piece : s.pieces) {
            std::size_t c0 = expansion::segmentDistancesComputed();
            double t0 = bench::processCpuSeconds();
            const std::string a = screen(piece, Screen::Every);
            double t1 = bench::processCpuSeconds();
            std::size_t c1 = expansion::segmentDistancesComputed();
            const std::string b = screen(piece, Screen::Pruned);
            double t2 = bench::processCpuSeconds();
            std::size_t c2 = expansion::segmentDistancesComputed();
            every += t1 - t0, pruned += t2 - t1;
            dEvery += c1 - c0, dPruned += c2 - c1;
            if (a != b) ++mismatches;
        }
        state.SetIterationTime(pruned - before);
    }
    state.counters["pieces"] = static_cast<double>(s.pieces.size());
    state.counters["pruned_cpu_ms"] = 1000.0 * pruned / static_cast<double>(state.iterations());
    state.counters["every_cpu_ms"] = 1000.0 * every / static_cast<double>(state.iterations());
    state.counters["every_over_pruned"] = every / pruned;
    state.counters["distances_pruned"] = static_cast<double>(dPruned) / static_cast<double>(state.iterations());
    state.counters["distances_every"] = static_cast<double>(dEvery) / static_cast<double>(state.iterations());
    state.counters["mismatches"] = static_cast<double>(mismatches);
    if (mismatches > 0) state.SkipWithError("the pruned and the former screen disagree");
}
BENCHMARK(BM_FitScreen)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);

// The vertices of each free piece's outer ring summed with the 12 x 25 m
// module turned 17 degrees (exact, as the rule's fit search makes them).
std::vector<CGAL::Epeck::Point_2> sumVertices(const std::vector<Rings>& pieces) {
    using Pt = CGAL::Epeck::Point_2;
    std::vector<Pt> out;
    const double t = 17.0 * std::numbers::pi / 180.0;
    const V u{std::cos(t), std::sin(t)}, v{-u.y, u.x};
    CGAL::Polygon_2<CGAL::Epeck> rect;
    for (auto [su, sv] : {std::pair{-1.0, -1.0}, {1.0, -1.0}, {1.0, 1.0}, {-1.0, 1.0}})
        rect.push_back(Pt(su * 6.0 * u.x + sv * 12.5 * v.x, su * 6.0 * u.y + sv * 12.5 * v.y));
    for (const Rings& piece : pieces) {
        CGAL::Polygon_2<CGAL::Epeck> outer;
        for (const V& p : piece.front()) outer.push_back(Pt(p.x, p.y));
        if (!outer.is_simple()) continue;
        if (outer.orientation() == CGAL::CLOCKWISE) outer.reverse_orientation();
        const auto sum = CGAL::minkowski_sum_2(outer, rect);
        for (auto it = sum.outer_boundary().vertices_begin(); it != sum.outer_boundary().vertices_end(); ++it) out.push_back(*it);
        for (auto h = sum.holes_begin(); h != sum.holes_end(); ++h)
            for (auto it = h->vertices_begin(); it != h->vertices_end(); ++it) out.push_back(*it);
    }
    return out;
}

void BM_PointDoubles(benchmark::State& state) {
    const Sites& s = sites();
    double fast = 0.0, former = 0.0;
    std::size_t points = 0, mismatches = 0;
    auto same = [](double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); };
    for (auto _ : state) {
        // Fresh twins each iteration: a conversion may compute a point's exact value.
        const auto a = sumVertices(s.pieces), b = sumVertices(s.pieces);
        points = a.size();
        std::vector<V> va(a.size()), vb(b.size());
        auto byInterval = [&] {
            const double t0 = bench::threadCpuSeconds();
            for (std::size_t i = 0; i < a.size(); ++i) va[i] = expansion::toDoubles(a[i]);
            fast += bench::threadCpuSeconds() - t0;
        };
        auto byNumber = [&] {
            const double t0 = bench::threadCpuSeconds();
            for (std::size_t i = 0; i < b.size(); ++i) vb[i] = expansion::toDoublesByNumber(b[i]);
            former += bench::threadCpuSeconds() - t0;
        };
        const double before = fast;
        if (state.iterations() % 2 == 0) byInterval(), byNumber();
        else byNumber(), byInterval();
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same(va[i].x, vb[i].x) || !same(va[i].y, vb[i].y)) ++mismatches;
        state.SetIterationTime(fast - before);
    }
    state.counters["points"] = static_cast<double>(points);
    bench::twoWayCounters(state, "interval_cpu_us", fast, "number_cpu_us", former, "number_over_interval", 1e6, mismatches,
                          "the doubles from the interval and from a lazy number differ");
}
BENCHMARK(BM_PointDoubles)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(40);

// The rule's simplicity test of a ring (simplePoly): star-shaped from the
// vertices' mean (starShapedFrom, exact predicates, what the rule uses),
// else CGAL's sweep; against the sweep and orientation() on every ring (the
// former test, the reference), in turn. Rings: the 11 sites' plots and
// footprints and their free pieces' rings (outer rings and the grown
// footprints as holes: arcs whose tangent points are collinear to
// rounding), in the local frame; made before timing, as the rule makes its
// polygons before testing them. The answers must be the same.
void BM_SimpleRings(benchmark::State& state) {
    using Poly = CGAL::Polygon_2<CGAL::Epeck>;
    const Sites& s = sites();
    std::vector<std::vector<V>> rings;
    for (const Rings& piece : s.pieces) rings.insert(rings.end(), piece.begin(), piece.end());
    for (const Site& site : s.portfolio.sites) {
        double ox = INFINITY, oy = INFINITY;
        for (const auto& p : site.plot)
            for (const auto& q : p.outer()) ox = std::min(ox, q.x()), oy = std::min(oy, q.y());
        auto add = [&](const auto& ring) {
            rings.emplace_back();
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) rings.back().push_back({ring[i].x() - ox, ring[i].y() - oy});
        };
        for (const auto& p : site.plot) add(p.outer());
        for (const auto& p : site.footprints) add(p.outer());
    }
    std::vector<Poly> polys;
    std::vector<V> means;
    for (const auto& r : rings) {
        Poly p;
        V mean{0.0, 0.0};
        for (const V& v : r) {
            p.push_back(CGAL::Epeck::Point_2(v.x, v.y));
            mean = mean + v;
        }
        polys.push_back(std::move(p));
        means.push_back((1.0 / static_cast<double>(r.size())) * mean);
    }
    double star = 0.0, sweep = 0.0;
    std::size_t mismatches = 0, byStar = 0;
    std::vector<int> a(polys.size()), b(polys.size());
    for (auto _ : state) {
        const double before = star;
        bench::alternating(
            static_cast<std::size_t>(state.iterations()),
            [&] {
                for (std::size_t k = 0; k < polys.size(); ++k) {
                    if (const auto o = expansion::starShapedFrom(polys[k], means[k].x, means[k].y)) a[k] = *o;
                    else a[k] = polys[k].is_simple() ? polys[k].orientation() : 2;
                }
            },
            star,
            [&] {
                for (std::size_t k = 0; k < polys.size(); ++k) b[k] = polys[k].is_simple() ? polys[k].orientation() : 2;
            },
            sweep);
        mismatches += a != b;
        state.SetIterationTime(star - before);
    }
    for (std::size_t k = 0; k < polys.size(); ++k) byStar += expansion::starShapedFrom(polys[k], means[k].x, means[k].y).has_value();
    state.counters["rings"] = static_cast<double>(polys.size());
    state.counters["proven_star"] = static_cast<double>(byStar);
    bench::twoWayCounters(state, "star_cpu_us", star, "sweep_cpu_us", sweep, "sweep_over_star", 1e6, mismatches,
                          "the star test and the sweep disagree");
}
BENCHMARK(BM_SimpleRings)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(200);

void BM_ExpansionRoomRule(benchmark::State& state) {
    const Sites& s = sites();
    double cpu = 0.0;
    for (auto _ : state) {
        const double t0 = bench::processCpuSeconds();
        for (const Site& site : s.portfolio.sites) benchmark::DoNotOptimize(s.evaluate(site));
        const double t = bench::processCpuSeconds() - t0;
        cpu += t;
        state.SetIterationTime(t);
    }
    state.counters["sites"] = static_cast<double>(s.portfolio.sites.size());
    state.counters["cpu_ms_per_site"] =
        1000.0 * cpu / static_cast<double>(state.iterations()) / static_cast<double>(s.portfolio.sites.size());
}
BENCHMARK(BM_ExpansionRoomRule)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);

}  // namespace

BENCHMARK_MAIN();
