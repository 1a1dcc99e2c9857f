// Location rules at national scale: a synthetic region of 5,000 sites, a
// grid-like road network of about 1,000,000 segments and 10,000 points of
// interest. Times the ContextIndex build (segments, node snapping, CSR graph,
// R-tree, POI snaps), one multi-source Dijkstra pass, and busy_area_buffer,
// gp_access and avg_access over every site (cold: index built inside the
// timing; warm: index reused).
//
// Rule plugins are found as vgscan finds them ($VGSCAN_PLUGIN_PATH, else
// plugins/ next to this executable). Build: see bench/CMakeLists.txt. Peak memory: run under /usr/bin/time -v.
#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/RuleRegistry.h"

#include <benchmark/benchmark.h>

#include <boost/geometry.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>

using namespace vgscan;

namespace {

constexpr int kGrid = 708;          // nodes per side: 2 x 708 x 707 = 1,001,112 segments
constexpr double kSpacing = 400.0;  // m between parallel roads: a 283 km square
constexpr int kSites = 5000;
constexpr int kPois = 10000;
const Point kOrigin(10000.0, 300000.0);

Polygon rectangle(double x0, double y0, double x1, double y1) {
    Polygon p;
    p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    return p;
}

// Rows and columns are long polylines with a vertex at every crossing, so the
// crossings are shared vertices (nodes). Every 10th line is a primary road;
// every 7th row is one-way (alternately east and west).
Portfolio makeRegion() {
    Portfolio p;
    Context& c = p.context;
    c.hasRoads = c.hasPois = true;
    c.roads.reserve(2 * kGrid);
    for (int line = 0; line < kGrid; ++line)
        for (bool row : {true, false}) {
            Road r;
            const bool main = line % 10 == 0;
            r.roadClass = main ? "primary" : line % 3 == 0 ? "tertiary" : "residential";
            if (main) r.aadt = 12000.0;
            r.oneway = row && line % 7 == 3;
            const bool westbound = r.oneway && line % 14 == 10;
            r.line.reserve(kGrid);
            for (int k = 0; k < kGrid; ++k) {
                const double along = (westbound ? kGrid - 1 - k : k) * kSpacing, across = line * kSpacing;
                r.line.push_back(row ? Point(kOrigin.x() + along, kOrigin.y() + across)
                                     : Point(kOrigin.x() + across, kOrigin.y() + along));
            }
            c.roads.push_back(std::move(r));
        }
    const double extent = (kGrid - 1) * kSpacing;
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> coord(0.0, extent);
    // 10,000 POIs: the categories the rules ask for, in plausible shares.
    const std::pair<const char*, int> mix[] = {{"gp", 4000},      {"avg", 150},      {"crisis", 50},
                                               {"school", 3000},  {"shop", 2000},    {"station", 300},
                                               {"nightlife", 350}, {"stadium", 150}};
    for (auto [category, n] : mix)
        for (int i = 0; i < n; ++i) {
            Poi poi;
            poi.category = category;
            poi.name = std::string(category) + " " + std::to_string(i);
            if (poi.category == "gp") {
                const int r = i % 10;
                poi.acceptsWlz = r < 8 ? std::optional<bool>(true) : r == 8 ? std::optional<bool>(false) : std::nullopt;
            }
            poi.position = Point(kOrigin.x() + coord(rng), kOrigin.y() + coord(rng));
            c.pois.push_back(std::move(poi));
        }
    // 5,000 sites: a 60 x 60 m plot with a 20 x 30 m building.
    p.sites.reserve(kSites);
    for (int i = 0; i < kSites; ++i) {
        Site s;
        s.id = "s" + std::to_string(i);
        const double x = kOrigin.x() + coord(rng), y = kOrigin.y() + coord(rng);
        s.plot.push_back(rectangle(x - 30, y - 30, x + 30, y + 30));
        s.footprints.push_back(rectangle(x - 10, y - 15, x + 10, y + 15));
        p.sites.push_back(std::move(s));
    }
    if (p.context.pois.size() != static_cast<std::size_t>(kPois)) throw std::logic_error("POI mix");
    return p;
}

const Portfolio& region() {
    static const Portfolio p = makeRegion();
    return p;
}

const RuleRegistry& registry() {
    static const std::unique_ptr<RuleRegistry> reg = [] {
        auto r = std::make_unique<RuleRegistry>();
        // Without a QCoreApplication the defaults are relative to the working
        // directory: also look next to this executable, as vgscan does.
        std::error_code ec;
        const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        if (!ec) r->loadDirectory((exe.parent_path() / "plugins").string());
        for (const auto& dir : RuleRegistry::defaultDirectories()) r->loadDirectory(dir);
        for (const char* id : {"busy_area_buffer", "gp_access", "avg_access"})
            if (!r->has(id)) throw std::runtime_error(std::string("rule plugin not found: ") + id);
        return r;
    }();
    return *reg;
}

void BM_ContextIndexBuild(benchmark::State& state) {
    const Portfolio& p = region();
    for (auto _ : state) {
        ContextIndex index(p.context);
        index.buildNetwork();
        benchmark::DoNotOptimize(index.edgeCount());
        state.counters["segments"] = static_cast<double>(index.segmentCount());
        state.counters["nodes"] = static_cast<double>(index.nodeCount());
        state.counters["edges"] = static_cast<double>(index.edgeCount());
    }
}
BENCHMARK(BM_ContextIndexBuild)->Unit(benchmark::kMillisecond)->Iterations(2);

// One multi-source Dijkstra (reversed graph, from all GPs taking Wlz clients).
void BM_MultiSourceDijkstra(benchmark::State& state) {
    const Portfolio& p = region();
    for (auto _ : state) {
        state.PauseTiming();
        auto index = std::make_unique<ContextIndex>(p.context);
        index->buildNetwork();
        state.ResumeTiming();
        index->prepare(PoiFilter{"gp", true, false});
        state.PauseTiming();
        index.reset();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_MultiSourceDijkstra)->Unit(benchmark::kMillisecond)->Iterations(3);

void runRules(const ContextIndex& index, const Portfolio& p, benchmark::State& state) {
    const RuleRegistry& reg = registry();
    int fails = 0;
    for (const char* id : {"busy_area_buffer", "gp_access", "avg_access"}) {
        auto rule = reg.create(id);
        const Params params = reg.resolveParams(id, {});
        for (const Site& s : p.sites) {
            RuleContext ctx(nullptr, nullptr, &s, &p.context, params, &index);
            RuleResult r = rule->evaluate(ctx);
            fails += r.status == Status::Fail;
            benchmark::DoNotOptimize(r.value);
        }
    }
    state.counters["fails"] = fails;
}

// Everything a scan of the region pays for the three rules: the index (built
// lazily inside) and 3 x 5,000 rule evaluations.
void BM_AllRulesCold(benchmark::State& state) {
    const Portfolio& p = region();
    registry();
    for (auto _ : state) {
        ContextIndex index(p.context);
        runRules(index, p, state);
    }
}
BENCHMARK(BM_AllRulesCold)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_AllRulesWarm(benchmark::State& state) {
    const Portfolio& p = region();
    ContextIndex index(p.context);
    runRules(index, p, state);  // builds everything once
    for (auto _ : state) runRules(index, p, state);
}
BENCHMARK(BM_AllRulesWarm)->Unit(benchmark::kMillisecond)->Iterations(2);

// Per rule, warm, for one site at a time.
void BM_RuleWarm(benchmark::State& state, const char* id) {
    const Portfolio& p = region();
    ContextIndex index(p.context);
    const RuleRegistry& reg = registry();
    auto rule = reg.create(id);
    const Params params = reg.resolveParams(id, {});
    {
        RuleContext ctx(nullptr, nullptr, &p.sites[0], &p.context, params, &index);
        rule->evaluate(ctx);
    }
    std::size_t i = 0;
    for (auto _ : state) {
        RuleContext ctx(nullptr, nullptr, &p.sites[i++ % p.sites.size()], &p.context, params, &index);
        benchmark::DoNotOptimize(rule->evaluate(ctx));
    }
}
BENCHMARK_CAPTURE(BM_RuleWarm, busy_area_buffer, "busy_area_buffer")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RuleWarm, gp_access, "gp_access")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RuleWarm, avg_access, "avg_access")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
