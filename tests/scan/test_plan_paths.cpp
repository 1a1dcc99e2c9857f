// Plan paths in a portfolio: a site's plan must lie in the portfolio's folder,
// be a regular file and never a GDAL network path, unless the user allows it
// (--allow-outside-plans). A refused plan fails its site alone; the scan and
// the report's checksums go on without ever opening it (a FIFO or /dev/zero
// used to hang the checksum step for ever).
#include "TestKit.h"

#include "io/PlanPath.h"
#include "io/PlanReader.h"
#include "io/PortfolioReader.h"
#include "ruleset/RuleSet.h"
#include "scan/ScanPipeline.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <map>

#include <sys/stat.h>
#include <unistd.h>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

// root/outside.geojson            a good plan, outside the portfolio's folder
// root/portfolio/sites.geojson    the portfolio
// root/portfolio/plans/good.geojson, pipe.geojson (FIFO), pipe.ifc (FIFO),
//                      link.geojson -> ../../outside.geojson
struct Layout {
    QTemporaryDir root;
    std::string folder, sites, outside;

    Layout() {
        REQUIRE(root.isValid());
        REQUIRE(QDir(root.path()).mkpath("portfolio/plans"));
        folder = root.filePath("portfolio").toStdString();
        outside = root.filePath("outside.geojson").toStdString();
        const QString good = QString::fromStdString(sourcePath("floorplans/plans/terraced_house_1930.geojson"));
        REQUIRE(QFile::copy(good, QString::fromStdString(outside)));
        REQUIRE(QFile::copy(good, root.filePath("portfolio/plans/good.geojson")));
        REQUIRE(::mkfifo(root.filePath("portfolio/plans/pipe.geojson").toLocal8Bit().constData(), 0600) == 0);
        REQUIRE(::mkfifo(root.filePath("portfolio/plans/pipe.ifc").toLocal8Bit().constData(), 0600) == 0);
        REQUIRE(::symlink("../../outside.geojson", root.filePath("portfolio/plans/link.geojson").toLocal8Bit().constData()) == 0);
        const std::map<std::string, std::string> plans = {
            {"good", "plans/good.geojson"},
            {"fifo", "plans/pipe.geojson"},
            {"fifo_ifc", "plans/pipe.ifc"},
            {"zero", "/dev/zero"},
            {"escape", "../outside.geojson"},
            {"absolute", outside},
            {"link", "plans/link.geojson"},
            {"net", "/vsicurl/http://127.0.0.1:9/plan.gpkg"},
            {"climb_to_vsi", "../../../../../../../../vsicurl/http://127.0.0.1:9/plan.gpkg"},
        };
        std::string features;
        double x = 155000;
        for (const auto& [id, plan] : plans) {
            if (!features.empty()) features += ",";
            features += R"({"type":"Feature","properties":{"id":")" + id + R"(","plan":")" + plan +
                        R"(","places":6},"geometry":{"type":"Polygon","coordinates":[[[)" + std::to_string(x) +
                        ",463000],[" + std::to_string(x + 40) + ",463000],[" + std::to_string(x + 40) + ",463040],[" +
                        std::to_string(x) + ",463040],[" + std::to_string(x) + ",463000]]]}}";
            x += 100;
        }
        QFile f(root.filePath("portfolio/sites.geojson"));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write((R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)" +
                 features + "]}")
                    .c_str());
        f.close();
        sites = f.fileName().toStdString();
    }
};

// The problem reported for site `id`; empty when none.
std::string problemOf(const std::vector<InputIssue>& issues, const std::string& id) {
    for (const auto& i : issues)
        if (i.object == "site '" + id + "'" && i.error) return i.problem;
    return "";
}

bool hasSite(const Portfolio& p, const std::string& id) {
    for (const auto& s : p.sites)
        if (s.id == id) return true;
    return false;
}

}  // namespace

TEST_CASE("plan paths outside the portfolio's folder, network paths, FIFOs and devices fail their site alone") {
    Layout l;
    std::vector<InputIssue> issues;
    const Portfolio p = readPortfolio(l.sites, issues);
    CHECK(problemOf(issues, "good").empty());
    CHECK_THAT(problemOf(issues, "fifo"), ContainsSubstring("plan path 'plans/pipe.geojson' is a FIFO"));
    CHECK_THAT(problemOf(issues, "fifo_ifc"), ContainsSubstring("plan path 'plans/pipe.ifc' is a FIFO"));
    CHECK_THAT(problemOf(issues, "zero"), ContainsSubstring("plan path '/dev/zero' is a device"));
    CHECK_THAT(problemOf(issues, "escape"), ContainsSubstring("plan path '../outside.geojson' leads outside the portfolio's folder"));
    CHECK_THAT(problemOf(issues, "absolute"), ContainsSubstring("leads outside the portfolio's folder"));
    // The link's own name is inside; where it leads is not.
    CHECK_THAT(problemOf(issues, "link"), ContainsSubstring("'plans/link.geojson' leads outside the portfolio's folder"));
    CHECK_THAT(problemOf(issues, "net"), ContainsSubstring("is a GDAL virtual path"));
    // Climbing above the root towards /vsicurl/... is refused before any
    // reader sees it (as a climb out, or as the network path it spells).
    CHECK_THAT(problemOf(issues, "climb_to_vsi"),
               ContainsSubstring("leads outside the portfolio's folder") || ContainsSubstring("is a GDAL virtual path"));
    CHECK_THAT(problemOf(issues, "net"), ContainsSubstring("--allow-outside-plans"));
    for (const auto& i : issues) CHECK(i.file == l.sites);
    // Every refused site is left out and reported; the good one is scanned.
    REQUIRE(p.sites.size() == 1);
    CHECK(p.sites.front().id == "good");
    ScanOptions one;
    one.threads = 1;
    const RuleSet rs = loadRuleSet(findRuleSet("vg7"));
    const ScanResult r = ScanPipeline(registry(), rs, one).run(p);
    CHECK(r.failed == 0);
    CHECK(r.sites.front().plan);
}

TEST_CASE("allowing outside plans (--allow-outside-plans) lets them lie anywhere, but a FIFO or a device is never read") {
    Layout l;
    std::vector<InputIssue> issues;
    const Portfolio p = readPortfolio(l.sites, issues, PlanPathPolicy{true});
    for (const char* id : {"good", "escape", "absolute", "link", "net", "climb_to_vsi"}) {
        INFO(id);
        CHECK(problemOf(issues, id).empty());
        CHECK(hasSite(p, id));
    }
    CHECK_THAT(problemOf(issues, "fifo"), ContainsSubstring("is a FIFO"));
    CHECK_THAT(problemOf(issues, "zero"), ContainsSubstring("is a device"));
    CHECK_FALSE(hasSite(p, "fifo"));
    CHECK_FALSE(hasSite(p, "zero"));
    // The outside plan is read like any other (the network site is not
    // scanned here: no test makes a request).
    CHECK(loadPlan(l.outside).spaces.size() == loadPlan(l.folder + "/plans/good.geojson").spaces.size());
}

TEST_CASE("every plan reader refuses a FIFO or a device instead of waiting on it") {
    Layout l;
    const std::string fifo = l.folder + "/plans/pipe.geojson", fifoIfc = l.folder + "/plans/pipe.ifc";
    CHECK_THROWS_WITH(loadPlan(fifo), ContainsSubstring("pipe.geojson: error: is a FIFO"));
    CHECK_THROWS_WITH(loadPlan(fifoIfc), ContainsSubstring("pipe.ifc: error: is a FIFO"));
    CHECK_THROWS_WITH(loadPlan("/dev/zero"), ContainsSubstring("/dev/zero: error: is a device"));
    CHECK_THROWS_WITH(loadPlan(l.folder + "/plans"), ContainsSubstring("is a directory"));
    CHECK(openRegularFile(fifo) == -1);
    CHECK(openRegularFile("/dev/zero") == -1);
    const int fd = openRegularFile(l.outside);
    CHECK(fd >= 0);
    if (fd >= 0) ::close(fd);
}

TEST_CASE("vgscan scan: refused plans fail their sites, the scan and its report finish (exit 4)") {
    Layout l;
    const QString out = l.root.filePath("out");
    QProcess proc;
    proc.start(VGSCAN_EXE, {"scan", QString::fromStdString(l.sites), "--out", out});
    REQUIRE(proc.waitForFinished(180000));
    const std::string err = proc.readAllStandardError().toStdString();
    INFO(err);
    CHECK(proc.exitCode() == 4);
    CHECK_THAT(err, ContainsSubstring(l.sites + ": site 'fifo': error: plan path 'plans/pipe.geojson' is a FIFO"));
    CHECK_THAT(err, ContainsSubstring(l.sites + ": site 'zero': error: plan path '/dev/zero' is a device"));
    CHECK_THAT(err, ContainsSubstring(l.sites + ": site 'net': error: plan path '/vsicurl/"));
    CHECK(QFile::exists(out + "/scan.done"));
    CHECK(QFile::exists(out + "/report.html"));
    // Not only the terminal: scan.json lists every site row left out, with why.
    QFile json(out + "/scan.json");
    REQUIRE(json.open(QIODevice::ReadOnly));
    std::map<std::string, std::string> leftOut;
    for (const auto& v : QJsonDocument::fromJson(json.readAll()).object()["input_issues"].toArray()) {
        const QJsonObject o = v.toObject();
        CHECK(o["file"].toString().toStdString() == l.sites);
        CHECK(o["error"].toBool());
        leftOut[o["object"].toString().toStdString()] = o["problem"].toString().toStdString();
    }
    CHECK(leftOut.size() == 8);
    for (const char* id : {"fifo", "fifo_ifc", "zero", "escape", "absolute", "link", "net", "climb_to_vsi"})
        CHECK(leftOut.count("site '" + std::string(id) + "'") == 1);
    CHECK_THAT(leftOut["site 'zero'"], ContainsSubstring("plan path '/dev/zero' is a device"));
    // And the report's overview, where the counts are read.
    QFile html(out + "/report.html");
    REQUIRE(html.open(QIODevice::ReadOnly));
    const std::string page = html.readAll().toStdString();
    CHECK_THAT(page, ContainsSubstring("Left out of the scan"));
    CHECK_THAT(page, ContainsSubstring("8 rows of the portfolio could not be used"));
    // The list item says "error:" once, before the file and the object.
    CHECK_THAT(page, ContainsSubstring("site &#39;zero&#39;: plan path &#39;/dev/zero&#39; is a device"));
    CHECK_THAT(page, !ContainsSubstring("site &#39;zero&#39;: error:"));
}
