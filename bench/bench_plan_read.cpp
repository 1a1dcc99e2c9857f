// Reading plans (io/PlanReader: loadPlan, what the scan does for every site)
// on the 10 sample plans, the way it reads them now (PlanReadMethod::Direct)
// against the former way (PlanReadMethod::Former: every GDAL driver asked,
// properties looked up by name for every feature, each geometry copied before
// it is converted, every character scanned for a "crs" member), in the same
// run, alternating plan by plan. The plans read
// both ways must be the same to the bit (ids, uses, storeys, names, every
// vertex, widths, areas, CRS) with the same warnings; the benchmark fails if
// not. Figures: CPU time of this thread per plan read, each way, and the ratio.
#include "CpuClock.h"
#include "PlanDump.h"
#include "SamplePlans.h"
#include "io/Gdal.h"
#include "io/PlanReader.h"
#include "validate/PlanValidator.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace vgscan;

namespace {

void BM_LoadPlans(benchmark::State& state) {
    const std::vector<std::string> plans = bench::samplePlanPaths();
    const int rounds = static_cast<int>(state.range(0));
    double direct = 0, former = 0;
    int mismatches = 0, reads = 0;
    for (auto _ : state) {
        for (int r = 0; r < rounds; ++r)
            for (const std::string& path : plans) {
                std::vector<InputIssue> wd, wf;
                double t0 = bench::threadCpuSeconds();
                const FloorPlan a = loadPlan(path, &wd, PlanReadMethod::Direct);
                double t1 = bench::threadCpuSeconds();
                const FloorPlan b = loadPlan(path, &wf, PlanReadMethod::Former);
                double t2 = bench::threadCpuSeconds();
                direct += t1 - t0;
                former += t2 - t1;
                ++reads;
                if (r == 0 && test::dumpPlan(a, wd) != test::dumpPlan(b, wf)) {
                    if (mismatches++ < 3) std::cerr << path << ": the two ways read different plans\n";
                }
            }
        state.SetIterationTime(direct);
    }
    state.counters["plans_read"] = reads;
    state.counters["direct_ms_per_plan"] = 1e3 * direct / reads;
    state.counters["former_ms_per_plan"] = 1e3 * former / reads;
    state.counters["former_over_direct"] = former / direct;
    state.counters["mismatches"] = mismatches;
    std::cerr << "loadPlan on " << plans.size() << " sample plans x " << rounds << ": direct " << 1e3 * direct / reads
              << " ms CPU a plan, former " << 1e3 * former / reads << " ms: ratio " << former / direct << ", "
              << mismatches << " plans differ\n";
    if (mismatches > 0) state.SkipWithError("the direct and the former reading disagree");
}
BENCHMARK(BM_LoadPlans)->Arg(100)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// Looking for a GeoJSON's top-level "crs" member (what loadPlan does for a
// plan without one, every plan of the sample): skipping what cannot change
// the answer against every character through the scanner (the former way),
// alternating which goes first; the answers must agree.
void BM_CrsScan(benchmark::State& state) {
    const std::vector<std::string> plans = bench::samplePlanPaths();
    const int rounds = static_cast<int>(state.range(0));
    double skipping = 0, everyChar = 0;
    int disagree = 0, scans = 0;
    for (auto _ : state) {
        for (int r = 0; r < rounds; ++r)
            for (const std::string& path : plans) {
                bool a = false, b = false;
                bench::alternating(
                    scans++, [&] { a = gdal::geojsonDeclaresCrs(path, gdal::CrsScan::Skipping); }, skipping,
                    [&] { b = gdal::geojsonDeclaresCrs(path, gdal::CrsScan::EveryChar); }, everyChar);
                disagree += a != b;
            }
        state.SetIterationTime(skipping);
    }
    state.counters["skipping_us_per_plan"] = 1e6 * skipping / scans;
    state.counters["every_char_us_per_plan"] = 1e6 * everyChar / scans;
    state.counters["every_char_over_skipping"] = everyChar / skipping;
    state.counters["disagree"] = disagree;
    std::cerr << "crs scan of " << plans.size() << " sample plans x " << rounds << ": skipping " << 1e6 * skipping / scans
              << " us CPU a plan, every character " << 1e6 * everyChar / scans << " us: ratio " << everyChar / skipping
              << ", " << disagree << " disagree\n";
    if (disagree > 0) state.SkipWithError("the two scans disagree");
}
BENCHMARK(BM_CrsScan)->Arg(200)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// Validating the sample plans (what loadPlan does after reading), a way
// against its former way, alternating which goes first; the issues must be
// the same. Arg 0: openings' distances bounded by their ends first
// (OpeningDistance::BoundFirst) against measured for every opening (Always).
// Arg 1: spaces checked with their boxes first (SpaceChecks::BoxesFirst:
// pairs whose boxes overlap too little not intersected, validity asked
// without its reason first) against every pair intersected and every reason
// written (Always); openings BoundFirst both ways.
void BM_ValidatePlan(benchmark::State& state) {
    std::vector<FloorPlan> plans;
    for (const std::string& path : bench::samplePlanPaths()) plans.push_back(loadPlan(path));
    const bool spaceChecks = state.range(0) == 1;
    const int rounds = 100;
    double now = 0, former = 0;
    int differ = 0, runs = 0;
    auto text = [](const std::vector<InputIssue>& issues) {
        std::string out;
        for (const auto& i : issues) out += i.str() + '\n';
        return out;
    };
    const OpeningDistance formerOpenings = spaceChecks ? OpeningDistance::BoundFirst : OpeningDistance::Always;
    const SpaceChecks formerSpaces = spaceChecks ? SpaceChecks::Always : SpaceChecks::BoxesFirst;
    for (auto _ : state) {
        for (int r = 0; r < rounds; ++r)
            for (const FloorPlan& plan : plans) {
                std::vector<InputIssue> a, b;
                bench::alternating(
                    runs++, [&] { validatePlan(plan, a, {}, OpeningDistance::BoundFirst, SpaceChecks::BoxesFirst); },
                    now, [&] { validatePlan(plan, b, {}, formerOpenings, formerSpaces); }, former);
                differ += text(a) != text(b);
            }
        state.SetIterationTime(now);
    }
    state.counters["now_us_per_plan"] = 1e6 * now / runs;
    state.counters["former_us_per_plan"] = 1e6 * former / runs;
    state.counters["former_over_now"] = former / now;
    state.counters["differ"] = differ;
    std::cerr << "validatePlan on " << plans.size() << " sample plans x " << rounds << ": "
              << (spaceChecks ? "spaces' boxes first " : "distances bounded first ") << 1e6 * now / runs
              << " us CPU a plan, " << (spaceChecks ? "every pair intersected, every reason " : "always measured ")
              << 1e6 * former / runs << " us: ratio " << former / now << ", " << differ << " differ\n";
    if (differ > 0) state.SkipWithError("the two ways give different issues");
}
BENCHMARK(BM_ValidatePlan)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
