// Writing the scan's files (core/report/ScanFiles), each step against its
// former way in the same run, alternating, the outputs compared byte for
// byte (the benchmark fails if they differ). Input: the sample portfolio
// (floorplans/portfolio.gpkg, rule set vg7) assessed once, its 11 sites
// repeated to 2,002 with unique ids (the size of bench-data/sample2002).
//
//  - BM_ScanJson: scan.json's text, the sites written directly
//    (ScanJsonWay::Direct, io/JsonText.h) against the former way
//    (ScanJsonWay::Qt: a QJsonObject per site through QJsonDocument), on one
//    thread.
//  - BM_Gpkg: sites.gpkg (writeScanGpkg) with the evidence, findings and
//    spaces rows' fields set by number (GpkgFields::ByNumber) against by
//    name (GpkgFields::ByName, the former way); the two files compared.
//  - BM_TableData: the main page's table data (a row per site) written
//    directly (TableDataWay::Direct, io/JsonText.h) against the former way
//    through Qt's JSON classes (TableDataWay::Qt).
//  - BM_Sections: the sections of the pages of buildings, their drawings
//    appended part by part (SectionWay::Appended) against the former way
//    (SectionWay::Joined), page by page.
//  - BM_WithNames: every finding's and rule summary's text of the sites
//    with the rooms named (ObjectNames::withNames: only bytes that begin an
//    id looked at, runs appended whole) against the former loop
//    (withNamesByByte: every byte appended alone).
//
// Figures: CPU time of this thread for each way and the ratio.
#include "CpuClock.h"
#include "io/PortfolioReader.h"
#include "report/HtmlReport.h"
#include "report/ObjectNames.h"
#include "report/Reports.h"
#include "report/ScanFiles.h"
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"
#include "scan/ScanPipeline.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cpl_conv.h>

#include <deque>
#include <functional>
#include <iostream>

using namespace vgscan;

namespace {

constexpr std::size_t kSites = 2002;

struct Fixture {
    RuleRegistry registry;
    RuleSet ruleset;
    Portfolio portfolio;
    std::deque<Site> sites;  // the sample's sites repeated, ids made unique
    ScanResult result;
    ScanFilesInput input;
    Fixture() {
        registry.loadDirectory(VGSCAN_BENCH_PLUGIN_DIR);
        ruleset = loadRuleSet(VGSCAN_BENCH_SOURCE_DIR "/rulesets/vg7.json");
        std::vector<InputIssue> issues;
        portfolio = readPortfolio(VGSCAN_BENCH_SOURCE_DIR "/floorplans/portfolio.gpkg", issues);
        ScanResult once = ScanPipeline(registry, ruleset).run(portfolio);
        for (std::size_t i = 0; i < kSites; ++i) {
            const std::size_t k = i % once.sites.size();
            sites.push_back(portfolio.sites[k]);
            sites.back().id += "-" + std::to_string(i);
            result.sites.push_back(once.sites[k]);
            result.sites.back().site = &sites.back();
        }
        result.clusters = once.clusters;
        result.selection = once.selection;
        result.index = once.index;
        input.portfolio = &portfolio;
        input.ruleset = &ruleset;
        input.result = &result;
        input.version = "bench";
        input.timestamp = "2025-11-24T16:00:00Z";
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

std::size_t size(const std::string& s) { return s.size(); }
std::size_t size(const std::vector<std::string>& v) {
    std::size_t n = 0;
    for (const auto& s : v) n += s.size();
    return n;
}

// The figures of a comparison: each way's CPU time and their ratio; fails
// the benchmark when any round's outputs differed.
void reportWays(benchmark::State& state, const char* what, std::size_t bytes, int rounds, double newCpu, double formerCpu,
                std::size_t mismatches) {
    state.counters["bytes"] = static_cast<double>(bytes);
    state.counters["new_s"] = newCpu;
    state.counters["former_s"] = formerCpu;
    state.counters["former_over_new"] = formerCpu / newCpu;
    state.counters["mismatches"] = static_cast<double>(mismatches);
    std::cerr << what << ": " << bytes << " bytes x " << rounds << ": new " << newCpu << " s CPU, former " << formerCpu
              << " s: ratio " << formerCpu / newCpu << ", " << mismatches << " rounds differ\n";
    if (mismatches > 0) state.SkipWithError("the new and the former way disagree");
}

// Runs both ways `rounds` times, alternating which goes first; fails when
// their bytes differ.
template <class T>
void compareWays(benchmark::State& state, const char* what, const std::function<T()>& fast,
                 const std::function<T()>& former, int rounds) {
    double fastCpu = 0, formerCpu = 0;
    std::size_t bytes = 0, mismatches = 0;
    for (auto _ : state) {
        for (int r = 0; r < rounds; ++r) {
            T a, b;
            auto timed = [](const std::function<T()>& f, T& out) {
                const double t0 = bench::threadCpuSeconds();
                out = f();
                return bench::threadCpuSeconds() - t0;
            };
            if (r % 2 == 0) {
                fastCpu += timed(fast, a);
                formerCpu += timed(former, b);
            } else {
                formerCpu += timed(former, b);
                fastCpu += timed(fast, a);
            }
            bytes = size(a);
            if (a != b) ++mismatches;
        }
        state.SetIterationTime(fastCpu);
    }
    reportWays(state, what, bytes, rounds, fastCpu, formerCpu, mismatches);
}

std::string text(const QByteArray& b) { return std::string(b.constData(), static_cast<std::size_t>(b.size())); }

void BM_ScanJson(benchmark::State& state) {
    const ScanFilesInput& in = fixture().input;
    compareWays<std::string>(
        state, "scan.json", [&] { return text(scanJsonText(in, 1, ScanJsonWay::Direct)); },
        [&] { return text(scanJsonText(in, 1, ScanJsonWay::Qt)); }, 4);
}
BENCHMARK(BM_ScanJson)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

void BM_Gpkg(benchmark::State& state) {
    const Fixture& f = fixture();
    QTemporaryDir dir;
    // As the scan writes it: the run's date in the tables, no journal.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2025-11-24T16:00:00Z");
    CPLSetConfigOption("OGR_SQLITE_JOURNAL", "OFF");
    CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
    auto run = [&](GpkgFields way, const char* name) {
        return [&, way, name] {
            const std::string path = dir.filePath(name).toStdString();
            writeScanGpkg(path, f.portfolio, f.ruleset, f.result.sites, way);
            QFile file(QString::fromStdString(path));
            if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + path);
            return text(file.readAll());
        };
    };
    compareWays<std::string>(state, "sites.gpkg", run(GpkgFields::ByNumber, "new.gpkg"), run(GpkgFields::ByName, "former.gpkg"), 4);
}
BENCHMARK(BM_Gpkg)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

HtmlReportInput htmlInput() {
    const Fixture& f = fixture();
    HtmlReportInput html;
    html.portfolio = &f.portfolio;
    html.ruleset = &f.ruleset;
    html.sites = &f.result.sites;
    html.version = "bench";
    html.clusters = &f.result.clusters;
    html.selection = &f.result.selection;
    html.timestamp = "2025-11-24T16:00:00Z";
    html.index = f.result.index.get();
    html.scanFiles = true;
    return html;
}

void BM_TableData(benchmark::State& state) {
    const HtmlReportPages pages(htmlInput(), "report.html");
    compareWays<std::string>(
        state, "table data", [&] { return pages.tableData(TableDataWay::Direct); },
        [&] { return pages.tableData(TableDataWay::Qt); }, 6);
}
BENCHMARK(BM_TableData)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// Every page of report.html, in pieces, as writeScanFiles makes them.
std::vector<std::string> htmlPages() {
    const HtmlReportPages pages(htmlInput(), "report.html");
    std::vector<std::string> all;
    for (std::size_t k = 0; k < pages.count(); ++k)
        for (std::string& piece : pages.pieces(k)) all.push_back(std::move(piece));
    return all;
}

// Every text of every site's findings and rule summaries with the rooms
// named, as the report shows them (once a finding); each site's names made
// once, before the clock.
std::vector<std::string> roomsNamed(bool byByte) {
    static const std::vector<std::pair<ObjectNames, std::vector<const std::string*>>> texts = [] {
        std::vector<std::pair<ObjectNames, std::vector<const std::string*>>> t;
        for (const SiteAssessment& a : fixture().result.sites) {
            if (!a.plan) continue;
            auto& [names, said] = t.emplace_back(ObjectNames(*a.plan), std::vector<const std::string*>{});
            for (const EvaluatedRule& r : a.results) {
                said.push_back(&r.result.summary);
                for (const Finding& f : r.result.findings)
                    for (const std::string* x : {&f.message, &f.expected, &f.observed}) said.push_back(x);
            }
        }
        return t;
    }();
    std::vector<std::string> out;
    for (const auto& [names, said] : texts)
        for (const std::string* t : said)  // a fresh text each, as ruleText's translation in the report
            out.push_back(byByte ? names.withNamesByByte(std::string(*t)) : names.withNames(std::string(*t)));
    return out;
}

void BM_WithNames(benchmark::State& state) {
    fixture();
    roomsNamed(false);
    compareWays<std::vector<std::string>>(state, "rooms named", [] { return roomsNamed(false); },
                                          [] { return roomsNamed(true); }, 6);
}
BENCHMARK(BM_WithNames)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// The sections of every page of buildings, page by page as writeScanFiles
// makes them (a page's sections kept until it is written, then let go),
// their drawings appended part by part (SectionWay::Appended) against the
// former way (SectionWay::Joined: each drawing a text of its own made of
// joined temporaries); the two ways take turns on each page.
void BM_Sections(benchmark::State& state) {
    const HtmlReportPages pages(htmlInput(), "report.html");
    double appendedCpu = 0, joinedCpu = 0;
    std::size_t bytes = 0, mismatches = 0, turn = 0;
    constexpr int kRounds = 2;
    for (auto _ : state) {
        for (int round = 0; round < kRounds; ++round)
            for (std::size_t k = 1; k < pages.count(); ++k) {
                std::vector<std::string> appended, joined;
                auto make = [&](SectionWay way, std::vector<std::string>& out) {
                    return [&, way] {
                        for (std::size_t j = 0; j < pages.pieceCount(k); ++j) out.push_back(pages.piece(k, j, way));
                    };
                };
                bench::alternating(turn++, make(SectionWay::Appended, appended), appendedCpu,
                                   make(SectionWay::Joined, joined), joinedCpu);
                if (appended != joined) ++mismatches;
                if (round == 0) bytes += size(appended);
            }
        state.SetIterationTime(appendedCpu);
    }
    reportWays(state, "sections (appended / joined)", bytes, kRounds, appendedCpu, joinedCpu, mismatches);
}
BENCHMARK(BM_Sections)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

void BM_HtmlPages(benchmark::State& state) {
    fixture();
    compareWays<std::vector<std::string>>(state, "report pages", [] { return htmlPages(); }, [] { return htmlPages(); }, 2);
}
BENCHMARK(BM_HtmlPages)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
