// End to end: `vgscan check` on a DXF drawing and `vgscan import` to .geojson
// and .gpkg, as a user runs them; every building rule runs on each.
#include "TestKit.h"

#include "io/PlanReader.h"
#include "ruleset/RuleSet.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QDir>
#include <QTemporaryDir>

#include <cstdio>
#include <fstream>
#include <set>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char** environ;

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;
using Catch::Matchers::ContainsSubstring;

namespace {

CliRun vgscanRun(const QStringList& args) { return runVgscan(args, QProcessEnvironment::systemEnvironment(), 300000); }

QString src(const std::string& rel) { return QString::fromStdString(sourcePath(rel)); }

QJsonObject json(const std::string& text) {
    QJsonParseError err;
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(text), &err).object();
    REQUIRE(err.error == QJsonParseError::NoError);
    return o;
}

// The building rules of the default rule set (every one must be loaded).
std::set<std::string> buildingRules() {
    const RuleSet rs = loadRuleSet(findRuleSet("vg7"));
    std::set<std::string> ids;
    for (const auto& e : rs.rules) {
        CAPTURE(e.rule);
        REQUIRE(registry().has(e.rule));  // a build without every plugin cannot prove "every rule ran"
        if (registry().info(e.rule).scope == "building") ids.insert(e.rule);
    }
    return ids;
}

// rule key -> "status value" of one `check --format json` run.
std::map<std::string, std::string> results(const QJsonObject& check) {
    std::map<std::string, std::string> r;
    for (const auto& v : check["results"].toArray()) {
        const QJsonObject o = v.toObject();
        const QString key = o.contains("key") ? o["key"].toString() : o["rule"].toString();
        r[key.toStdString()] = o["status"].toString().toStdString() + " " +
                               QJsonDocument(QJsonArray{o["value"]}).toJson(QJsonDocument::Compact).toStdString();
    }
    return r;
}

std::set<std::string> rulesIn(const QJsonObject& check) {
    std::set<std::string> ids;
    for (const auto& v : check["results"].toArray()) ids.insert(v.toObject()["rule"].toString().toStdString());
    return ids;
}

}  // namespace

TEST_CASE("dxf cli: check runs every building rule on the sample drawing") {
    const std::set<std::string> expected = buildingRules();
    REQUIRE_FALSE(expected.empty());
    CliRun r = vgscanRun({"check", src("floorplans/dxf/grouphome_linde_mm.dxf"), "--format", "json"});
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    const QJsonObject o = json(r.out);
    CHECK(o["building"] == "grouphome_linde_mm");
    CHECK(rulesIn(o) == expected);
    // Findings name the drawing's objects by handle: one per bedroom, each
    // with its own bathroom (3.42 m², below the rule set's minimum).
    bool seen = false;
    for (const auto& v : o["results"].toArray()) {
        const QJsonObject res = v.toObject();
        if (res["rule"] != "individual_sanitary") continue;
        seen = true;
        const QJsonArray findings = res["findings"].toArray();
        CHECK(findings.size() == 6);
        for (const auto& f : findings) {
            CHECK_THAT(f.toObject()["object"].toString().toStdString(), ContainsSubstring("room-"));
            CHECK_THAT(QJsonDocument(f.toObject()).toJson().toStdString(), ContainsSubstring("3.42"));
        }
    }
    CHECK(seen);
}

TEST_CASE("dxf cli: import writes geojson and gpkg that check the same as the drawing") {
    QTemporaryDir dir;
    const QString dxf = src("floorplans/dxf/grouphome_linde_mm.dxf");
    CliRun direct = vgscanRun({"check", dxf, "--format", "json"});
    REQUIRE(direct.code == 0);
    const auto want = results(json(direct.out));
    for (const char* name : {"linde.geojson", "linde.gpkg"}) {
        CAPTURE(name);
        const QString out = dir.filePath(name);
        CliRun imp = vgscanRun({"import", dxf, out, "--format", "json"});
        CAPTURE(imp.err);
        REQUIRE(imp.code == 0);
        const QJsonObject rep = json(imp.out);
        CHECK(rep["rooms"] == 21);
        CHECK(rep["doors"] == 24);
        CHECK(rep["floor_area_m2"].toDouble() == Approx(252.85).margin(1e-6));
        CHECK(rep["valid"] == true);
        CHECK_THAT(rep["units"].toString().toStdString(), ContainsSubstring("millimetres"));
        CliRun check = vgscanRun({"check", out, "--format", "json"});
        REQUIRE(check.code == 0);
        CHECK(results(json(check.out)) == want);
    }
}

TEST_CASE("dxf cli: import text report names what it could not map") {
    QTemporaryDir dir;
    const QString out = dir.filePath("labels.geojson");
    CliRun r = vgscanRun({"import", src("floorplans/dxf/labels_en.dxf"), out});
    CAPTURE(r.err);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, ContainsSubstring("rooms: 5"));
    CHECK_THAT(r.out, ContainsSubstring("doors: 4"));
    CHECK_THAT(r.out, ContainsSubstring("INSERT handle 112 on layer '0' (block 'Door_90'): door connects nothing"));
    CHECK_THAT(r.out, ContainsSubstring("LWPOLYLINE handle 10B on layer 'A-AREA': room without a label"));
    CHECK_THAT(r.out, ContainsSubstring("rooms without use: 2"));
    CHECK(QFile::exists(out));

    // The same report in Dutch: the frame and the tallies (the readers' notes
    // on objects stay as the reader wrote them).
    const CliRun nl = vgscanRun({"import", src("floorplans/dxf/labels_en.dxf"), dir.filePath("labels-nl.geojson"), "--lang", "nl"});
    CHECK(nl.code == 0);
    CHECK_THAT(nl.out, ContainsSubstring("ruimten: 5, totaal vloeroppervlak "));
    CHECK_THAT(nl.out, ContainsSubstring("deuren: 4"));
    CHECK_THAT(nl.out, ContainsSubstring("ruimten zonder gebruik: 2"));
    CHECK_THAT(nl.out, ContainsSubstring("labels-nl.geojson geschreven"));
    CHECK_THAT(nl.out, !ContainsSubstring("rooms: 5"));

    // The mapping file and layer options reach the importer.
    const QString map = dir.filePath("map.txt");
    {
        QFile f(map);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("snoezelhoek = quiet\n");
    }
    CliRun m = vgscanRun({"import", src("floorplans/dxf/labels_en.dxf"), out, "--mapping", map, "--format", "json"});
    CHECK(m.code == 0);
    CHECK(json(m.out)["counts"].toObject()["rooms without use"] == 1);
    CliRun l = vgscanRun({"import", src("floorplans/dxf/custom_layers.dxf"), dir.filePath("c.gpkg"), "--room-layer",
                       "MY-SPACES", "--door-layer", "MY-DOORS", "--format", "json"});
    CHECK(l.code == 0);
    CHECK(json(l.out)["doors"] == 1);
}

TEST_CASE("dxf cli: usage and bad input exit codes") {
    QTemporaryDir dir;
    CHECK(vgscanRun({"import", "--help"}).code == 0);
    CHECK_THAT(vgscanRun({"import", "--help"}).out, ContainsSubstring("--room-layer"));
    CHECK(vgscanRun({"import", src("floorplans/dxf/labels_en.dxf")}).code == 1);
    CHECK(vgscanRun({"import", src("floorplans/dxf/labels_en.dxf"), dir.filePath("x.geojson"), "--format", "xml"}).code == 1);
    CliRun missing = vgscanRun({"import", dir.filePath("nope.dxf"), dir.filePath("x.geojson")});
    CHECK(missing.code == 2);
    CHECK_THAT(missing.err, ContainsSubstring("nope.dxf: error: file not found"));
    CliRun ext = vgscanRun({"import", src("floorplans/dxf/labels_en.dxf"), dir.filePath("x.csv")});
    CHECK(ext.code == 2);
    CHECK_THAT(ext.err, ContainsSubstring(".geojson or .gpkg"));
    // A plan with errors is still written, for inspection, and exits 2.
    const QString bow = dir.filePath("bow.dxf");
    {
        QFile f(bow);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("  0\nSECTION\n  2\nHEADER\n  9\n$INSUNITS\n 70\n4\n  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n"
                "  0\nLWPOLYLINE\n  5\nB1\n  8\nruimten\n 90\n4\n 70\n1\n"
                " 10\n0\n 20\n0\n 10\n4000\n 20\n3000\n 10\n4000\n 20\n0\n 10\n0\n 20\n3000\n"
                "  0\nENDSEC\n  0\nEOF\n");
    }
    CliRun invalid = vgscanRun({"import", bow, dir.filePath("bow.geojson")});
    CHECK(invalid.code == 2);
    CHECK_THAT(invalid.out, ContainsSubstring("error: space 'room-B1': invalid polygon: self-intersection"));
    CHECK(QFile::exists(dir.filePath("bow.geojson")));
    CliRun layers = vgscanRun({"check", src("floorplans/dxf/custom_layers.dxf")});
    CHECK(layers.code == 2);
    CHECK_THAT(layers.err, ContainsSubstring("custom_layers.dxf: error: no closed polylines"));
}

TEST_CASE("dxf cli: a 60 MB drawing full of furniture is read in bounded memory") {
    // The sample with 480,000 furniture LINEs on a layer that is neither rooms
    // nor doors spliced into its ENTITIES section: about 60 MB.
    QTemporaryDir dir;
    const std::string big = dir.filePath("big.dxf").toStdString();
    {
        std::ifstream in(sourcePath("floorplans/dxf/grouphome_linde_mm.dxf"), std::ios::binary);
        const std::string whole{std::istreambuf_iterator<char>(in), {}};
        const auto end = whole.rfind("ENDSEC");
        REQUIRE(end != std::string::npos);
        const auto cut = whole.rfind("  0", end);
        std::ofstream out(big, std::ios::binary);
        out << whole.substr(0, cut);
        char buf[256];
        for (int k = 0; k < 480000; ++k) {
            const double x = (k % 1000) * 20.0, y = (k / 1000) * 10.0;
            const int n = std::snprintf(buf, sizeof buf,
                                        "  0\r\nLINE\r\n  5\r\n%X\r\n100\r\nAcDbEntity\r\n  8\r\nmeubilair\r\n100\r\n"
                                        "AcDbLine\r\n 10\r\n%.1f\r\n 20\r\n%.1f\r\n 11\r\n%.1f\r\n 21\r\n%.1f\r\n",
                                        0x100000 + k, x, y, x + 15, y + 5);
            out.write(buf, n);
        }
        out << whole.substr(cut);
    }
    REQUIRE(QFileInfo(QString::fromStdString(big)).size() > 50LL * 1024 * 1024);
    // CliRun vgscan import as a child and take its own peak memory from wait4.
    const std::string output = dir.filePath("big.geojson").toStdString();
    std::vector<std::string> argv = {VGSCAN_EXE, "import", big, output, "--format", "json"};
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, VGSCAN_EXE, &actions, nullptr, cargv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    struct rusage usage {};
    REQUIRE(wait4(pid, &status, 0, &usage) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const double peakMb = usage.ru_maxrss / 1024.0;  // kilobytes on Linux
    INFO("peak memory of vgscan import: " << peakMb << " MB");
    // Measured about 50 MB (the program with Qt and GDAL loaded is about 40 MB);
    // holding the drawing would take more than the file's 60 MB.
    CHECK(peakMb < 100);
    // And the rooms and doors are all there.
    const FloorPlan plan = loadPlan(output);
    CHECK(plan.spaces.size() == 21);
    CHECK(plan.openings.size() == 24);
}

TEST_CASE("dxf cli: scan assesses a site whose plan is a DXF drawing") {
    // The sample portfolio cut down to its first site, whose plan becomes the drawing.
    QTemporaryDir dir;
    const QString gpkg = dir.filePath("portfolio.gpkg");
    REQUIRE(QFile::copy(src("floorplans/portfolio.gpkg"), gpkg));
    QFile::setPermissions(gpkg, QFile::ReadOwner | QFile::WriteOwner);
    REQUIRE(QDir(dir.path()).mkpath("plans"));
    REQUIRE(QFile::copy(src("floorplans/dxf/grouphome_linde_mm.dxf"), dir.filePath("plans/linde.dxf")));
    {
        GDALAllRegister();
        GDALDataset* ds = static_cast<GDALDataset*>(
            GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
        REQUIRE(ds);
        ds->ExecuteSQL("DELETE FROM sites WHERE id <> 'S01'", nullptr, "SQLITE");
        ds->ExecuteSQL("DELETE FROM buildings WHERE site_id <> 'S01'", nullptr, "SQLITE");
        ds->ExecuteSQL("UPDATE sites SET plan = 'plans/linde.dxf' WHERE id = 'S01'", nullptr, "SQLITE");
        GDALClose(ds);
    }
    CliRun r = vgscanRun({"scan", gpkg, "--out", dir.filePath("out"), "--format", "json"});
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    const QJsonArray sites = json(r.out)["sites"].toArray();
    REQUIRE(sites.size() == 1);
    const QJsonObject site = sites[0].toObject();
    CHECK(site["failed"] == false);
    CHECK(site["bedrooms"] == 6);
    std::set<std::string> rules;
    for (const auto& v : site["results"].toArray()) rules.insert(v.toObject()["rule"].toString().toStdString());
    for (const auto& id : buildingRules()) CHECK(rules.count(id) == 1);
    // The import notes travel with the site, naming handles.
    bool outline = false;
    for (const auto& v : site["issues"].toArray())
        if (v.toObject()["object"].toString().contains("handle 103")) outline = true;
    CHECK(outline);
}
