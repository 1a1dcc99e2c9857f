// The scan pipeline: the same answers whatever the number of threads, and a
// site that overruns its budget fails alone while the scan goes on.
#include "TestKit.h"

#include "io/PlanReader.h"
#include "io/PortfolioReader.h"
#include "report/ClusterReports.h"
#include "report/Reports.h"
#include "ruleset/RuleSet.h"
#include "scan/ScanPipeline.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

// The sample portfolio with every site repeated, so that the threads
// interleave over many sites of different cost.
Portfolio repeatedSample(int copies) {
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("floorplans/portfolio.gpkg"), issues);
    const std::vector<Site> once = p.sites;
    for (int c = 1; c < copies; ++c)
        for (Site s : once) {
            s.id += "-copy" + std::to_string(c);
            p.sites.push_back(std::move(s));
        }
    return p;
}

QByteArray scanJson(const Portfolio& p, const RuleSet& rs, const ScanResult& r) {
    QJsonObject json = scanToJson(p, rs, r.sites);
    addClusters(json, r.clusters);
    json["selection"] = toJson(r.selection);
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

RuleSet ruleSetFile(QTemporaryDir& dir, const char* text) {
    QFile f(dir.filePath("rs.json"));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    return loadRuleSet(f.fileName().toStdString());
}

Site square(const std::string& id, double x) {
    Site s;
    s.id = id;
    Polygon p;
    p.outer() = {{x, 0}, {x + 50, 0}, {x + 50, 50}, {x, 50}, {x, 0}};
    s.plot.push_back(p);
    return s;
}

}  // namespace

TEST_CASE("1 and 2 threads give the same scan, byte for byte, in input order") {
    const Portfolio p = repeatedSample(4);
    const RuleSet rs = loadRuleSet(findRuleSet("vg7"));
    ScanOptions one;
    one.threads = 1;
    ScanOptions two;
    two.threads = 2;
    std::size_t calls = 0;
    two.onSite = [&](std::size_t done, std::size_t total, const SiteAssessment&) {
        ++calls;
        CHECK(done == calls);  // one call at a time, counting up
        CHECK(total == p.sites.size());
    };
    const ScanResult a = ScanPipeline(registry(), rs, one).run(p);
    const ScanResult b = ScanPipeline(registry(), rs, two).run(p);
    CHECK(a.threads == 1);
    CHECK(b.threads == 2);
    CHECK(calls == p.sites.size());
    REQUIRE(b.sites.size() == p.sites.size());
    for (std::size_t i = 0; i < p.sites.size(); ++i) CHECK(b.sites[i].site == &p.sites[i]);
    CHECK(a.failed == 0);
    CHECK(b.clusters.clusters.size() == a.clusters.clusters.size());
    CHECK_FALSE(a.clusters.clusters.empty());
    const QByteArray ja = scanJson(p, rs, a), jb = scanJson(p, rs, b);
    CHECK(ja.size() > 100000);
    CHECK(ja == jb);
}

TEST_CASE("a site over its time budget fails alone, naming the site; the scan goes on") {
    RuleRegistry reg;
    reg.loadDirectory(pluginDir());
    reg.loadDirectory(VGSCAN_TEST_EXTRA_PLUGIN_DIR);
    REQUIRE(reg.has("test_endless"));
    QTemporaryDir dir;
    const RuleSet rs = ruleSetFile(dir, R"({"name":"t","rules":[
        {"rule":"test_endless","severity":"gate","groups":["g"]}],
      "classification":{"verdicts":[{"verdict":"keep","requires":["g"]}],"otherwise":"dispose"}})");
    Portfolio p;
    p.source = "memory";
    p.sites = {square("a", 0), square("endless-1", 100), square("b", 200), square("endless-2", 300), square("c", 400)};
    ScanOptions options;
    options.threads = 2;
    options.budget.seconds = 0.3;
    const auto start = std::chrono::steady_clock::now();
    const ScanResult r = ScanPipeline(reg, rs, options).run(p);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(secs < 20.0);  // far from the rule's own 60 s
    REQUIRE(r.sites.size() == 5);
    CHECK(r.failed == 2);
    for (std::size_t i : {0u, 2u, 4u}) {
        CHECK_FALSE(r.sites[i].failed);
        CHECK(r.sites[i].classification.verdict == Verdict::Keep);
    }
    for (std::size_t i : {1u, 3u}) {
        const SiteAssessment& a = r.sites[i];
        INFO(a.site->id);
        CHECK(a.failed);
        CHECK(a.classification.verdict == Verdict::NeedsData);
        REQUIRE_FALSE(a.issues.empty());
        CHECK(a.issues.back().error);
        CHECK(a.issues.back().object == "site '" + a.site->id + "'");
        CHECK_THAT(a.issues.back().problem, ContainsSubstring("exceeded its time budget of 0.3 s"));
        CHECK_THAT(a.issues.back().problem, ContainsSubstring("test_endless"));
        REQUIRE_FALSE(a.classification.reasons.empty());
        CHECK_THAT(a.classification.reasons.front(), ContainsSubstring("site not assessed"));
        CHECK(a.results.empty());
    }
}

TEST_CASE("a plan over the size budget fails its site, naming the plan file") {
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("floorplans/portfolio.gpkg"), issues);
    const RuleSet rs = loadRuleSet(findRuleSet("vg7"));
    ScanOptions options;
    options.threads = 2;
    options.budget.maxSpaces = 12;
    const ScanResult r = ScanPipeline(registry(), rs, options).run(p);
    std::size_t big = 0, small = 0;
    for (const auto& a : r.sites) {
        if (a.site->planFile.empty()) continue;
        const FloorPlan plan = loadPlan(a.site->planFile);
        if (plan.spaces.size() > 12) {
            ++big;
            INFO(a.site->id);
            CHECK(a.failed);
            REQUIRE_FALSE(a.issues.empty());
            CHECK(a.issues.back().file == a.site->planFile);
            CHECK_THAT(a.issues.back().problem, ContainsSubstring("more than the per-site budget of 12"));
        } else {
            ++small;
            CHECK_FALSE(a.failed);
        }
    }
    CHECK(big > 0);
    CHECK(r.failed == big);
    options.budget.maxSpaces = SiteBudget{}.maxSpaces;
    options.budget.maxPlanBytes = 1000;  // every sample plan is larger
    const ScanResult bytes = ScanPipeline(registry(), rs, options).run(p);
    CHECK(bytes.failed == big + small);
    for (const auto& a : bytes.sites)
        if (!a.site->planFile.empty()) CHECK_THAT(a.issues.back().problem, ContainsSubstring("bytes, more than"));
}

TEST_CASE("a plan of 100,000 spaces fails its site alone, while it is read; the other sites are assessed") {
    // The plan reader stops at limits::kMaxSpacesPerPlan (5,000), so the site
    // fails in the time GDAL takes to open the file, not after hours of
    // pairwise rules (docs/limits.md).
    QTemporaryDir dir;
    std::string features;
    features.reserve(100000 * 220);
    for (int i = 0; i < 100000; ++i) {
        const std::string x = std::to_string((i % 300) * 4), y = std::to_string((i / 300) * 4);
        const std::string x1 = std::to_string((i % 300) * 4 + 3), y1 = std::to_string((i / 300) * 4 + 3);
        features += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"feature":"space","id":"s)" +
                    std::to_string(i) + R"(","use":"bedroom"},"geometry":{"type":"Polygon","coordinates":[[[)" + x + "," +
                    y + "],[" + x1 + "," + y + "],[" + x1 + "," + y1 + "],[" + x + "," + y1 + "],[" + x + "," + y + "]]]}}";
    }
    QFile f(dir.filePath("huge.geojson"));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write((R"({"type":"FeatureCollection","features":[)" + features + "]}").c_str());
    f.close();
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("floorplans/portfolio.gpkg"), issues);
    std::size_t withPlan = 0;
    for (const auto& s : p.sites) withPlan += !s.planFile.empty();
    REQUIRE(withPlan >= 2);
    Site& victim = *std::find_if(p.sites.begin(), p.sites.end(), [](const Site& s) { return !s.planFile.empty(); });
    victim.planFile = f.fileName().toStdString();
    const RuleSet rs = loadRuleSet(findRuleSet("vg7"));
    ScanOptions options;
    options.threads = 2;
    const ScanResult r = ScanPipeline(registry(), rs, options).run(p);
    CHECK(r.failed == 1);
    for (const auto& a : r.sites) {
        INFO(a.site->id);
        if (a.site->id != victim.id) {
            CHECK_FALSE(a.failed);
            continue;
        }
        CHECK(a.failed);
        REQUIRE_FALSE(a.issues.empty());
        CHECK(a.issues.front().file == victim.planFile);
        CHECK(a.issues.front().object == "layer 'huge'");
        CHECK_THAT(a.issues.front().problem, ContainsSubstring("has more than 5000 spaces"));
        CHECK_THAT(a.classification.reasons.front(), ContainsSubstring("its floor plan has errors"));
    }
}
