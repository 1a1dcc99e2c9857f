// Regional selection speed (core/select) on synthetic data: candidates and
// demand uniformly random in a 50 km square, Euclidean costs in metres,
// demand weights 1..100. Each run proves the optimum (and the 5 runner-ups).
//   bench_select --benchmark_filter=Median/3   the target: 500 x 5000, k = 3, < 2 s
#include "CpuClock.h"
#include "select/Selection.h"
#include "ListedSets.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <random>
#include <string>

using namespace vgscan::select;

namespace {

Problem synthetic(int candidates, int demand, int k, Objective objective, unsigned seed = 42) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> xy(0.f, 50000.f);
    std::uniform_int_distribution<int> weight(1, 100);
    std::vector<float> cx(candidates), cy(candidates), dx(demand), dy(demand);
    for (int i = 0; i < candidates; ++i) cx[i] = xy(rng), cy[i] = xy(rng);
    Problem p;
    for (int j = 0; j < demand; ++j) {
        dx[j] = xy(rng), dy[j] = xy(rng);
        p.demand.push_back(std::to_string(j));
        p.weight.push_back(weight(rng));
    }
    p.cost.reserve(std::size_t(candidates) * demand);
    for (int i = 0; i < candidates; ++i) {
        p.candidates.push_back(std::to_string(i));
        for (int j = 0; j < demand; ++j) p.cost.push_back(std::hypot(cx[i] - dx[j], cy[i] - dy[j]));
    }
    p.k = k;
    p.objective = objective;
    p.radius = 10000;
    return p;
}

void run(benchmark::State& state, Objective objective) {
    const Problem p = synthetic(int(state.range(1)), int(state.range(2)), int(state.range(0)), objective);
    Result r;
    for (auto _ : state) r = solve(p);  // a library call: never optimised away
    state.counters["nodes"] = double(r.nodes);
    state.SetLabel("value " + std::to_string(r.value));
    if (!r.optimal) state.SkipWithError("not proven optimal");
}

void BM_SelectMedian(benchmark::State& s) { run(s, Objective::Median); }
void BM_SelectCoverage(benchmark::State& s) { run(s, Objective::Coverage); }
void BM_SelectCenter(benchmark::State& s) { run(s, Objective::Center); }

using listed::values;

// The center's two exact methods on the same instance, with range(3)
// runner-ups (the CLI's default is 5). The branch and bound is the
// reference; the counters give both CPU times and their ratio, and the run
// fails when the two lists differ: the optimum and every runner-up value,
// and the sets strictly better than the last one listed (which of the sets
// tied at the last value are listed may differ).
void BM_CenterRelaxationVsBranchAndBound(benchmark::State& state) {
    Problem p = synthetic(int(state.range(1)), int(state.range(2)), int(state.range(0)), Objective::Center);
    p.runnersUp = int(state.range(3));
    double cpuRelax = 0, cpuBnb = 0, wallRelax = 0, wallBnb = 0;
    Result relaxed, branched;
    for (auto _ : state) {
        for (CenterMethod m : {CenterMethod::Relaxation, CenterMethod::BranchAndBound}) {
            p.centerMethod = m;
            const double c0 = vgscan::bench::processCpuSeconds();
            const auto w0 = std::chrono::steady_clock::now();
            Result r = solve(p);
            const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
            const double cpu = vgscan::bench::processCpuSeconds() - c0;
            if (m == CenterMethod::Relaxation) relaxed = r, cpuRelax += cpu, wallRelax += wall;
            else branched = r, cpuBnb += cpu, wallBnb += wall;
        }
    }
    const double runs = double(state.iterations());
    state.counters["relax_cpu_s"] = cpuRelax / runs;
    state.counters["bnb_cpu_s"] = cpuBnb / runs;
    state.counters["relax_wall_s"] = wallRelax / runs;
    state.counters["bnb_wall_s"] = wallBnb / runs;
    state.counters["bnb/relax_cpu"] = cpuRelax > 0 ? cpuBnb / cpuRelax : 0;
    state.counters["relax_nodes"] = double(relaxed.nodes);
    state.counters["bnb_nodes"] = double(branched.nodes);
    std::string label = "values";
    for (double v : values(relaxed)) label += " " + std::to_string(v);
    state.SetLabel(label + " (both)");
    if (!relaxed.optimal || !branched.optimal) state.SkipWithError("not proven optimal");
    if (values(relaxed) != values(branched)) {
        std::string bnb;
        for (double v : values(branched)) bnb += " " + std::to_string(v);
        state.SkipWithError(("lists differ: relaxation" + label.substr(6) + ", branch and bound" + bnb).c_str());
    }
    const double last = values(relaxed).back();
    if (listed::setsBelow(relaxed, last) != listed::setsBelow(branched, last)) state.SkipWithError("the sets better than the last listed differ");
}

}  // namespace

// Args: k, candidates, demand points.
BENCHMARK(BM_SelectMedian)->Args({3, 500, 5000})->Args({5, 500, 5000})->Args({3, 200, 2000})
    ->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_SelectCoverage)->Args({3, 500, 5000})->Args({5, 500, 5000})->Unit(benchmark::kMillisecond)->Iterations(2);
// The center's Auto method is the relaxation (k = 5 with the branch and bound
// takes minutes: BM_CenterRelaxationVsBranchAndBound).
BENCHMARK(BM_SelectCenter)->Args({3, 500, 5000})->Args({4, 500, 5000})->Args({5, 500, 5000})
    ->Unit(benchmark::kMillisecond)->Iterations(2);

// Args: k, candidates, demand points, runner-ups.
BENCHMARK(BM_CenterRelaxationVsBranchAndBound)->Args({3, 500, 5000, 0})->Args({5, 500, 5000, 0})
    ->Args({3, 500, 5000, 5})->Args({4, 500, 5000, 5})->Args({5, 500, 5000, 5})
    ->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
