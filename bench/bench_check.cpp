// `vgscan check` work on a 200-space, 10-post plan: every rule of vg7.json,
// as loaded from the build's plugins. Issue target: under 100 ms.
#include "SyntheticPlan.h"

#include "derive/BuildingGraph.h"
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"
#include "validate/PlanValidator.h"

#include <benchmark/benchmark.h>

#include <iostream>

using namespace vgscan;

namespace {

struct Fixture {
    RuleRegistry registry;
    RuleSet ruleset;
    Fixture() {
        registry.loadDirectory(VGSCAN_BENCH_PLUGIN_DIR);
        ruleset = loadRuleSet(VGSCAN_BENCH_SOURCE_DIR "/rulesets/vg7.json");
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_ValidatePlan(benchmark::State& state) {
    FloorPlan plan = bench::syntheticPlan(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        std::vector<InputIssue> issues;
        validatePlan(plan, issues);
        benchmark::DoNotOptimize(issues);
    }
    state.counters["spaces"] = static_cast<double>(plan.spaces.size());
}

void BM_BuildingGraph(benchmark::State& state) {
    FloorPlan plan = bench::syntheticPlan(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        BuildingGraph g(plan);
        benchmark::DoNotOptimize(g.freeSpace(0));
    }
}

// Everything `vgscan check` does after reading: all rules, classification.
void BM_CheckAllRules(benchmark::State& state) {
    FloorPlan plan = bench::syntheticPlan(static_cast<int>(state.range(0)));
    Engine engine(fixture().registry, fixture().ruleset);
    for (auto _ : state) {
        BuildingAssessment a = engine.check(plan);
        benchmark::DoNotOptimize(a);
    }
    state.counters["spaces"] = static_cast<double>(plan.spaces.size());
    state.counters["posts"] = static_cast<double>(plan.staffPosts.size());
    state.counters["rules"] = static_cast<double>(fixture().ruleset.rules.size());
}

// The same, one rule at a time, to see where the time goes.
void BM_Rule(benchmark::State& state, std::string key) {
    FloorPlan plan = bench::syntheticPlan(10);
    RuleSet one = fixture().ruleset;
    std::erase_if(one.rules, [&](const RuleEntry& e) { return e.key != key; });
    one.verdicts.clear();
    Engine engine(fixture().registry, one);
    for (auto _ : state) {
        BuildingAssessment a = engine.check(plan);
        benchmark::DoNotOptimize(a);
    }
}

}  // namespace

BENCHMARK(BM_ValidatePlan)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildingGraph)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckAllRules)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    for (const auto& e : fixture().ruleset.rules)
        benchmark::RegisterBenchmark(("BM_Rule/" + e.key).c_str(), BM_Rule, e.key)->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
