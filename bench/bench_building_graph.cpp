// The storeys' free space (BuildingGraph::freeSpace: spaces and doorway
// strips, halves merged pairwise, halves put side by side when no polygon's
// box of one meets a polygon's box of the other) with bg::union_ told that a
// half of hole-free pieces put side by side, apart by more than its rounding
// grid, has no self turns (Union::NoSelfTurnsApart, what freeSpace uses)
// against the former way, which lets it look for them
// (Union::SkipPolygonsApart), in the same run, alternating which goes first,
// storey by storey. The polygons must be the same to the bit; the benchmark
// fails if not. Figures: CPU time of this thread, each way, and the ratio.
// Arg 0: the ten sample plans; else the synthetic building of that many wings.
#include "CpuClock.h"
#include "PlanDump.h"
#include "SamplePlans.h"
#include "SyntheticPlan.h"
#include "derive/BuildingGraph.h"
#include "io/PlanReader.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <deque>
#include <iostream>
#include <vector>

using namespace vgscan;

namespace {

// The plans of a run: the sample plans (0), or the synthetic building of that
// many wings.
std::vector<FloorPlan> plansFor(std::int64_t arg) {
    if (arg > 0) return {bench::syntheticPlan(static_cast<int>(arg))};
    std::vector<FloorPlan> plans;
    for (const std::string& path : bench::samplePlanPaths()) plans.push_back(loadPlan(path));
    return plans;
}

void BM_FreeSpaceUnion(benchmark::State& state) {
    const std::vector<FloorPlan> plans = plansFor(state.range(0));
    std::deque<BuildingGraph> graphs;  // not movable: each stays where it is made
    for (const FloorPlan& p : plans) graphs.emplace_back(p);
    double now = 0, former = 0;
    std::size_t storeys = 0, mismatches = 0, turn = 0;
    for (auto _ : state) {
        const double before = now;
        for (const auto& g : graphs)
            for (int storey : g.plan().storeys()) {
                MultiPolygon a, b;
                bench::alternating(
                    turn++, [&] { a = g.makeFreeSpace(storey, BuildingGraph::Union::NoSelfTurnsApart); }, now,
                    [&] { b = g.makeFreeSpace(storey, BuildingGraph::Union::SkipPolygonsApart); }, former);
                if (!test::sameBits(a, b) && mismatches++ < 3)
                    std::cerr << "plan " << g.plan().name << " storey " << storey << ": the free spaces differ\n";
                ++storeys;
            }
        state.SetIterationTime(now - before);
    }
    state.counters["storeys"] = static_cast<double>(storeys);
    state.counters["now_cpu_ms"] = 1e3 * now / static_cast<double>(state.iterations());
    state.counters["former_cpu_ms"] = 1e3 * former / static_cast<double>(state.iterations());
    state.counters["former_over_now"] = former / now;
    state.counters["mismatches"] = static_cast<double>(mismatches);
    std::cerr << "free space of " << storeys << " storeys: self turns not looked for where none can be "
              << 1e3 * now << " ms CPU, looked for (former) " << 1e3 * former << " ms: ratio " << former / now << ", "
              << mismatches << " differ\n";
    if (mismatches > 0) state.SkipWithError("the two ways give different free spaces");
}
BENCHMARK(BM_FreeSpaceUnion)->Arg(0)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(50);
BENCHMARK(BM_FreeSpaceUnion)->Arg(10)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);

}  // namespace

BENCHMARK_MAIN();
