// expansion_room's screens in doubles (FitScreen) on the sample portfolio's
// sites (floorplans/portfolio.gpkg, the 11 sites sample2002 repeats 182
// times): the free pieces the rule reports (its "free buildable area"
// shape, in the rule's local frame) are screened as the rule screens them,
// discFits at the sieve's two radii and rectangleFits for the 12 x 25 m
// module at every 5 degrees, with the pruned distance (Screen::Pruned, what
// the rule uses) and the former one that measures every segment
// (Screen::Every, the reference), in turn in the same run. The proofs must
// be the same; the CPU ratio is printed.
//
//  - BM_FitScreen: both screens, ratio every / pruned (CPU), segment
//    distances computed by each, proofs compared.
//  - BM_ExpansionRoomRule: the whole rule on the 11 sites (CPU per site),
//    for scale: the screens' share of it.
#include "CpuClock.h"
#include "FitScreen.h"

#include "derive/ContextIndex.h"
#include "io/PortfolioReader.h"
#include "rules/Rule.h"
#include "rules/RuleRegistry.h"

#include <benchmark/benchmark.h>

#include <cmath>
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
