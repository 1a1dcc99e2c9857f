// Sensitivity of the verdicts (classify/Sensitivity.h): 500 sites x every
// assumed threshold at -20 % and +20 % plus 200 joint draws, worked out from
// the stored figures. Issue target: under 5 s. The reference re-runs the whole
// assessment (plan, geometry, rules) for each -20 % / +20 % variation on a few
// sites, as a tool without stored figures would; the ratio is printed.
#include "derive/ContextIndex.h"
#include "io/PortfolioReader.h"
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <deque>
#include <iostream>

using namespace vgscan;

namespace {

constexpr int kSites = 500;
constexpr int kReferenceSites = 3;

struct Fixture {
    RuleRegistry registry;
    RuleSet ruleset;
    Portfolio portfolio;
    std::unique_ptr<ContextIndex> index;
    std::deque<Site> sites;  // the sample's 11 sites repeated to 500, ids made unique
    std::vector<SiteAssessment> assessed;
    Fixture() {
        registry.loadDirectory(VGSCAN_BENCH_PLUGIN_DIR);
        ruleset = loadRuleSet(VGSCAN_BENCH_SOURCE_DIR "/rulesets/vg7.json");
        std::vector<InputIssue> issues;
        portfolio = readPortfolio(VGSCAN_BENCH_SOURCE_DIR "/floorplans/portfolio.gpkg", issues);
        index = std::make_unique<ContextIndex>(portfolio.context);
        Engine engine(registry, ruleset);
        std::vector<SiteAssessment> once;
        for (const auto& s : portfolio.sites) once.push_back(engine.scan(s, *index));
        for (int i = 0; i < kSites; ++i) {
            const std::size_t k = static_cast<std::size_t>(i) % once.size();
            sites.push_back(portfolio.sites[k]);
            sites.back().id += "-" + std::to_string(i);
            assessed.push_back(once[k]);
            assessed.back().site = &sites.back();
        }
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

double sensitivityAll() {
    Fixture& f = fixture();
    SensitivityModel model(f.ruleset, f.registry);
    double share = 0;
    for (const auto& a : f.assessed) share += model.assess(a.results, a.classification, a.site->id).shareSame;
    return share;
}

// The naive way: for each assumed threshold and each of -20 % / +20 %, a rule
// set with that one value changed, and the whole site assessed again.
double naiveReference(int nSites) {
    Fixture& f = fixture();
    SensitivityModel model(f.ruleset, f.registry);
    double flips = 0;
    for (int s = 0; s < nSites; ++s) {
        const Site& site = f.portfolio.sites[static_cast<std::size_t>(s)];
        for (std::size_t e = 0; e < f.ruleset.rules.size(); ++e) {
            const RuleEntry& entry = f.ruleset.rules[e];
            for (const auto& spec : f.registry.info(entry.rule).parameters) {
                if (spec.bound.empty()) continue;
                auto src = entry.sources.find(spec.name);
                const std::string source = src != entry.sources.end() ? src->second : spec.source;
                if (source.rfind("assumption", 0) != 0) continue;
                const QString name = QString::fromStdString(spec.name);
                const double v = entry.parameters.contains(name) ? entry.parameters.value(name).toDouble()
                                                                 : spec.defaultValue.toDouble();
                for (double factor : {0.8, 1.2}) {
                    RuleSet varied = f.ruleset;
                    varied.rules[e].parameters[name] = v * factor;
                    Engine engine(f.registry, varied);
                    flips += engine.scan(site, *f.index).classification.verdict != Verdict::NeedsData;
                }
            }
        }
    }
    return flips;
}

void BM_SensitivityFromFigures500(benchmark::State& state) {
    fixture();
    for (auto _ : state) benchmark::DoNotOptimize(sensitivityAll());
    SensitivityModel model(fixture().ruleset, fixture().registry);
    state.counters["sites"] = kSites;
    state.counters["thresholds"] = static_cast<double>(model.thresholds());
}

void BM_NaiveRerunReference(benchmark::State& state) {
    fixture();
    for (auto _ : state) benchmark::DoNotOptimize(naiveReference(kReferenceSites));
    state.counters["sites"] = kReferenceSites;
}

BENCHMARK(BM_SensitivityFromFigures500)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_NaiveRerunReference)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    // One more timed run of each for the ratio per site (the reference does
    // only the -20 % / +20 % runs, not the 200 joint draws).
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    benchmark::DoNotOptimize(sensitivityAll());
    const double fast = std::chrono::duration<double>(Clock::now() - t0).count() / kSites;
    t0 = Clock::now();
    benchmark::DoNotOptimize(naiveReference(kReferenceSites));
    const double naive = std::chrono::duration<double>(Clock::now() - t0).count() / kReferenceSites;
    std::cout << "sensitivity per site: " << fast * 1e3 << " ms from stored figures (incl. 200 joint draws), "
              << naive * 1e3 << " ms re-running the assessment (+-20 % only); ratio " << naive / fast << "x; "
              << kSites << " sites: " << fast * kSites << " s (target < 5 s)\n";
    benchmark::Shutdown();
    return 0;
}
