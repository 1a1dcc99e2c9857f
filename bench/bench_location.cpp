// Location rules at national scale: a synthetic region of 5,000 sites, a
// grid-like road network of about 1,000,000 segments and 10,000 points of
// interest. Times the ContextIndex build (segments, node snapping, CSR graph,
// R-tree, POI snaps), one multi-source Dijkstra pass, and busy_area_buffer,
// gp_access and avg_access over every site (cold: index built inside the
// timing; warm: index reused).
//
// Rule plugins are found as vgscan finds them ($VGSCAN_PLUGIN_PATH, else
// plugins/ next to this executable). Build: see bench/CMakeLists.txt. Peak memory: run under /usr/bin/time -v.
#include "PortfolioFile.h"

#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/RuleRegistry.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

using namespace vgscan;

namespace {

const Portfolio& region() {
    static const Portfolio p = bench::nationalRegion();
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
