// Readers: the plan and portfolio contract through GDAL (GeoJSON, GeoPackage),
// CRS handling, and clear errors for bad files.
#include "PlanDump.h"
#include "TestKit.h"

#include "io/Gdal.h"
#include "io/PlanReader.h"
#include "io/PortfolioReader.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>
#include <sstream>

using namespace vgscan;
using Catch::Approx;

namespace {

std::string write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return path.toStdString();
}

const char* kRoom = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"feature":"space","id":"r1","use":"bedroom","group":"A","name":"Room 1"},
  "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,3],[0,3],[0,0]],[[1,1],[1,1.5],[1.5,1.5],[1.5,1],[1,1]]]}},
 {"type":"Feature","properties":{"feature":"space","id":"c1","use":"corridor","storey":1},
  "geometry":{"type":"Polygon","coordinates":[[[0,3.1],[4,3.1],[4,4.9],[0,4.9],[0,3.1]]]}},
 {"type":"Feature","properties":{"feature":"opening","id":"d1","kind":"door","from":"r1","to":"outside"},
  "geometry":{"type":"LineString","coordinates":[[1,-0.15],[1.9,-0.15]]}},
 {"type":"Feature","properties":{"feature":"opening","id":"d2","kind":"passage","from":"r1","to":"outside","width_m":1.2},
  "geometry":{"type":"Point","coordinates":[3,-0.1]}},
 {"type":"Feature","properties":{"feature":"staff_post","id":"p1","group":"A"},
  "geometry":{"type":"Point","coordinates":[3,2]}}
]})";

}  // namespace

TEST_CASE("plan GeoJSON without crs is read as local metres") {
    QTemporaryDir dir;
    FloorPlan p = loadPlan(write(dir, "plan.geojson", kRoom));
    REQUIRE(p.spaces.size() == 2);
    CHECK(p.localMetres);
    const Space& r1 = p.spaces[0];
    CHECK(r1.id == "r1");
    CHECK(r1.use == SpaceUse::Bedroom);
    CHECK(r1.group == "A");
    CHECK(r1.name == "Room 1");
    CHECK(r1.storey == 0);
    CHECK(r1.area == Approx(12.0 - 0.25));  // the hole (a column) is not floor
    CHECK(p.spaces[1].storey == 1);
    REQUIRE(p.openings.size() == 2);
    CHECK(p.openings[0].width == Approx(0.9));  // the line's length
    CHECK(p.openings[0].position.x() == Approx(1.45));
    CHECK(p.openings[1].kind == OpeningKind::Passage);
    CHECK(p.openings[1].width == Approx(1.2));  // width_m
    REQUIRE(p.staffPosts.size() == 1);
    CHECK(p.staffPosts[0].group == "A");
}

TEST_CASE("plan in separate layers spaces/openings/staff_posts (GeoPackage)") {
    QTemporaryDir dir;
    std::string src = write(dir, "plan.geojson", kRoom);
    std::string gpkg = dir.filePath("plan.gpkg").toStdString();
    // Split the single-layer plan into the three named layers with ogr2ogr.
    for (auto [layer, where] : {std::pair{"spaces", "feature='space'"}, {"openings", "feature='opening'"},
                               {"staff_posts", "feature='staff_post'"}}) {
        QStringList args{"-f", "GPKG", "-a_srs", "EPSG:28992", "-nln", layer, "-where", where};
        if (QFile::exists(QString::fromStdString(gpkg))) args << "-update";
        args << QString::fromStdString(gpkg) << QString::fromStdString(src);
        REQUIRE(QProcess::execute("ogr2ogr", args) == 0);
    }
    FloorPlan p = loadPlan(gpkg);
    CHECK(p.spaces.size() == 2);
    CHECK(p.openings.size() == 2);
    CHECK(p.staffPosts.size() == 1);
    CHECK_FALSE(p.localMetres);  // a projected CRS places it in the world
}

TEST_CASE("a plan in degrees is rejected; naming file and layer") {
    QTemporaryDir dir;
    QByteArray text(kRoom);
    text.replace("\"features\"", R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features")");
    std::string path = write(dir, "deg.geojson", text);
    try {
        loadPlan(path);
        FAIL("expected an error");
    } catch (const InputError& e) {
        std::string msg = e.what();
        CHECK(msg.find(path) != std::string::npos);
        CHECK(msg.find("geographic CRS") != std::string::npos);
        CHECK(msg.find("degrees") != std::string::npos);
    }
}

TEST_CASE("a plan in a projected CRS in feet is converted to metres") {
    QTemporaryDir dir;
    QByteArray text(kRoom);
    // EPSG:2272 (PA South, US survey feet).
    text.replace("\"features\"", R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2272"}},"features")");
    FloorPlan p = loadPlan(write(dir, "feet.geojson", text));
    CHECK(p.spaces[0].area == Approx(11.75 * 0.3048006096 * 0.3048006096).epsilon(1e-6));
}

TEST_CASE("missing; empty and non-geodata files give clear errors") {
    QTemporaryDir dir;
    auto messageOf = [](const std::string& path) {
        try {
            loadPlan(path);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    std::string missing = dir.filePath("nope.geojson").toStdString();
    CHECK(messageOf(missing) == missing + ": error: file not found");
    std::string empty = write(dir, "empty.geojson", "");
    CHECK(messageOf(empty) == empty + ": error: file is empty");
    std::string junk = write(dir, "junk.geojson", "this is not json");
    CHECK(messageOf(junk).find("cannot be read as vector data") != std::string::npos);
    std::string nofeatures = write(dir, "none.geojson", R"({"type":"FeatureCollection","features":[]})");
    CHECK(messageOf(nofeatures).find("has no spaces") != std::string::npos);
}

TEST_CASE("unknown use and feature values name the object") {
    QTemporaryDir dir;
    QByteArray text(kRoom);
    text.replace("\"use\":\"corridor\"", "\"use\":\"gang\"");
    text.replace("\"feature\":\"staff_post\"", "\"feature\":\"guard\"");
    try {
        loadPlan(write(dir, "bad.geojson", text));
        FAIL("expected an error");
    } catch (const InputError& e) {
        REQUIRE(e.issues().size() == 2);
        CHECK(e.issues()[0].object == "space 'c1'");
        CHECK(e.issues()[0].problem.find("unknown use 'gang'") != std::string::npos);
        CHECK(e.issues()[1].object == "feature 'p1'");
        CHECK(e.issues()[1].problem.find("unknown feature 'guard'") != std::string::npos);
    }
}

TEST_CASE("portfolio: layers; fields; plan paths relative to the file; reprojection") {
    QTemporaryDir dir;
    std::string sites = write(dir, "sites.geojson", R"({"type":"FeatureCollection",
      "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
      {"type":"Feature","properties":{"id":"s1","name":"Villa","plan":"plans/villa.geojson","places":7,"profile":"VG4",
        "plan_x":155010,"plan_y":463010,"plan_rotation_deg":30},
       "geometry":{"type":"Polygon","coordinates":[[[155000,463000],[155050,463000],[155050,463040],[155000,463040],[155000,463000]]]}},
      {"type":"Feature","properties":{"id":"s2","name":"Empty plot","plan":"","places":10,"profile":"VG3"},
       "geometry":{"type":"Polygon","coordinates":[[[155100,463000],[155150,463000],[155150,463040],[155100,463040],[155100,463000]]]}}]})");
    // A POI given in WGS 84 must come out in RD New metres.
    std::string poi = write(dir, "poi.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"category":"gp","name":"Huisarts","accepts_wlz":"yes"},
       "geometry":{"type":"Point","coordinates":[5.387203658,52.155172894]}}]})");
    std::string gpkg = dir.filePath("portfolio.gpkg").toStdString();
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GPKG", "-nln", "sites", QString::fromStdString(gpkg),
                                          QString::fromStdString(sites)}) == 0);
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GPKG", "-update", "-nln", "poi", QString::fromStdString(gpkg),
                                          QString::fromStdString(poi)}) == 0);
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(gpkg, issues);
    CHECK_FALSE(hasErrors(issues));
    REQUIRE(p.sites.size() == 2);
    CHECK(p.sites[0].places == 7);
    CHECK(p.sites[0].planFile == QDir(dir.path()).filePath("plans/villa.geojson").toStdString());
    CHECK(p.sites[0].placement.given);
    CHECK(p.sites[0].placement.rotationDeg == Approx(30));
    CHECK(p.sites[1].planFile.empty());
    REQUIRE(p.context.pois.size() == 1);
    CHECK(p.context.pois[0].acceptsWlz == true);
    // Amersfoort, the origin of RD New: (155000, 463000).
    CHECK(p.context.pois[0].position.x() == Approx(155000).margin(1.0));
    CHECK(p.context.pois[0].position.y() == Approx(463000).margin(1.0));
    CHECK_FALSE(p.context.hasRoads);
}

TEST_CASE("a sites column that stands for a missing property is named, with the one it likely means") {
    // The sample portfolio saved with a manager's Dutch column names: every
    // site came out without its plan and places, without a word.
    QTemporaryDir dir;
    const std::string renamed = dir.filePath("renamed.gpkg").toStdString();
    REQUIRE(QProcess::execute("ogr2ogr", {"-nln", "sites", "-sql",
                                          "SELECT id, name AS naam, plan AS plattegrond, places AS Plaatsen, profile, "
                                          "plan_x, plan_y, plan_rotation_deg, geom FROM sites",
                                          QString::fromStdString(renamed),
                                          QString::fromStdString(test::sourcePath("floorplans/portfolio.gpkg"))}) == 0);
    std::vector<InputIssue> issues;
    const Portfolio p = readPortfolio(renamed, issues);
    REQUIRE_FALSE(p.sites.empty());
    CHECK(p.sites[0].planFile.empty());  // still not read: named, not guessed
    std::vector<std::string> warnings;
    for (const auto& i : issues)
        if (!i.error) warnings.push_back(i.str());
    auto said = [&](const std::string& column, const std::string& meant) {
        return std::count_if(warnings.begin(), warnings.end(), [&](const std::string& w) {
            return w.find("column '" + column + "'") != std::string::npos &&
                   w.find("did you mean '" + meant + "'") != std::string::npos && w.find("layer 'sites'") != std::string::npos;
        });
    };
    CHECK(said("naam", "name") == 1);
    CHECK(said("plattegrond", "plan") == 1);
    CHECK(said("Plaatsen", "places") == 1);
    // The sample as it is: its own columns are no mistake.
    issues.clear();
    readPortfolio(test::sourcePath("floorplans/portfolio.gpkg"), issues);
    for (const auto& i : issues) CHECK(i.str().find("did you mean") == std::string::npos);
}

TEST_CASE("portfolio in degrees or without sites is rejected") {
    QTemporaryDir dir;
    std::string deg = write(dir, "deg.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"s1"},"geometry":{"type":"Polygon","coordinates":[[[5,52],[5.1,52],[5.1,52.1],[5,52]]]}}]})");
    std::string gpkg = dir.filePath("deg.gpkg").toStdString();
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GPKG", "-nln", "sites", QString::fromStdString(gpkg), QString::fromStdString(deg)}) == 0);
    std::vector<InputIssue> issues;
    CHECK_THROWS_WITH(readPortfolio(gpkg, issues), Catch::Matchers::ContainsSubstring("not a projected CRS"));
    std::string other = dir.filePath("other.gpkg").toStdString();
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GPKG", "-nln", "roads", QString::fromStdString(other), QString::fromStdString(deg)}) == 0);
    CHECK_THROWS_WITH(readPortfolio(other, issues), Catch::Matchers::ContainsSubstring("has no layer 'sites'"));
}

TEST_CASE("a huge plan file is refused before it is read") {
    QTemporaryDir dir;
    std::string path = write(dir, "plan.geojson", kRoom);
    qputenv("VGSCAN_MAX_PLAN_MB", "0.0001");  // ~100 bytes
    CHECK_THROWS_WITH(loadPlan(path), Catch::Matchers::ContainsSubstring("expected of one building's plan"));
    qunsetenv("VGSCAN_MAX_PLAN_MB");
    CHECK_NOTHROW(loadPlan(path));
}

// --- the direct reading (PlanReadMethod::Direct) against the former one ---------------

namespace {

// Every figure of a plan and its warnings as text, doubles to the bit; or
// the error the reading threw.
std::string readEither(const std::string& path, PlanReadMethod method) {
    std::vector<InputIssue> warnings;
    FloorPlan p;
    try {
        p = loadPlan(path, &warnings, method);
    } catch (const InputError& e) {
        return std::string("error: ") + e.what();
    }
    return test::dumpPlan(p, warnings);
}

}  // namespace

TEST_CASE("the direct reading gives the former reading's plan on the sample plans") {
    int plans = 0;
    for (const char* folder : {"floorplans/plans", "floorplans/tests"})
        for (const auto& e : std::filesystem::directory_iterator(test::sourcePath(folder))) {
            const std::string path = e.path().string();
            INFO(path);
            const std::string direct = readEither(path, PlanReadMethod::Direct);
            CHECK(direct.rfind("error", 0) != 0);
            CHECK(direct == readEither(path, PlanReadMethod::Former));
            ++plans;
        }
    CHECK(plans == 13);
}

TEST_CASE("a GeoJSON's top-level \"crs\" member is found skipping what cannot be one, as scanning every character") {
    QTemporaryDir dir;
    // Text, and whether its top-level object has a "crs" member, by hand.
    const std::vector<std::pair<QByteArray, bool>> cases = {
        {R"({"type":"FeatureCollection","crs":{"type":"name"},"features":[]})", true},
        {R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1}}], "crs" : null})", true},
        {R"({"features":[{"type":"Feature","properties":{"crs":"x"},"geometry":null}]})", false},  // a property
        {R"({"name":"crs","features":[]})", false},                                            // a value
        {R"({"name":"a\"crs\"","note":"\\","features":[]})", false},  // escaped quotes, an escaped backslash
        {R"({"name":"a\n","crs":1})", true},  // an escaped letter just before the string's end
        {R"({"crsx":1,"cr":2,"CRS":3})", false},
        {R"({"a":{"b":[1,2,{"crs":1}]},"c":[[0,1],[2,3]]})", false},  // deeper keys
        {R"({"a":{"b":[1,2,{"crs":1}]},"c":[[0,1],[2,3]],"crs":{}})", true},
        {R"({"a":[1,"]",{"x":"}"}],"crs":1})", true},  // brackets in strings
        {R"(]]{"crs":1})", false},                      // unbalanced: the depth is never 1 at the key
        {R"([{"crs":1}])", false},
        {R"({"c\u0072s":1})", false},  // an escape is not decoded
        {R"({"features":[], "crs")", true},  // cut short after the key
        {"", false},
    };
    int n = 0;
    for (const auto& [text, expected] : cases) {
        const std::string path = write(dir, QString("c%1.geojson").arg(n++), text);
        INFO(text.toStdString());
        CHECK(gdal::geojsonDeclaresCrs(path, gdal::CrsScan::Skipping) == expected);
        CHECK(gdal::geojsonDeclaresCrs(path, gdal::CrsScan::EveryChar) == expected);
    }
    // The key across the 64 KB pieces the file is read in, at each offset
    // about the boundary; and not found when it is a value.
    for (int shift = -6; shift <= 2; ++shift) {
        const QByteArray head = R"({"name":")";
        const QByteArray padding(65536 + shift - head.size() - 3, 'x');  // the key's quote lands at 65536 + shift
        for (const bool key : {true, false}) {
            const QByteArray text = head + padding + (key ? R"(","crs":1})" : R"(","n":"crs"})");
            const std::string path = write(dir, QString("long%1%2.geojson").arg(shift + 10).arg(key), text);
            INFO("shift " << shift << (key ? " key" : " value"));
            CHECK(gdal::geojsonDeclaresCrs(path, gdal::CrsScan::Skipping) == key);
            CHECK(gdal::geojsonDeclaresCrs(path, gdal::CrsScan::EveryChar) == key);
        }
    }
    // The sample plans and the plan fuzz corpus: both ways agree.
    int files = 0;
    for (const char* folder : {"floorplans/plans", "floorplans/tests", "fuzz/corpus/plan"})
        for (const auto& e : std::filesystem::directory_iterator(test::sourcePath(folder))) {
            const std::string path = e.path().string();
            INFO(path);
            CHECK(gdal::geojsonDeclaresCrs(path, gdal::CrsScan::Skipping) ==
                  gdal::geojsonDeclaresCrs(path, gdal::CrsScan::EveryChar));
            ++files;
        }
    CHECK(files >= 15);
}

TEST_CASE("the direct reading: properties by field number, other drivers, the same errors") {
    QTemporaryDir dir;
    // Properties in another order in each feature, fields that only later
    // features have (GDAL numbers the fields by first appearance), a storey
    // given as text, and features without an id or with a bad width.
    const QByteArray mixed = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"use":"bedroom","feature":"space","id":"r1"},
  "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,3],[0,3],[0,0]]]}},
 {"type":"Feature","properties":{"storey":"0","shaft":"S","name":"Stair","group":"B","id":"s1","feature":"space","use":"stair"},
  "geometry":{"type":"Polygon","coordinates":[[[0,3.1],[4,3.1],[4,4.9],[0,4.9],[0,3.1]]]}},
 {"type":"Feature","properties":{"to":"outside","from":"r1","feature":"opening","id":"d1","width_m":0.95},
  "geometry":{"type":"LineString","coordinates":[[1,-0.15],[1.9,-0.15]]}},
 {"type":"Feature","properties":{"feature":"opening","kind":"passage","from":"r1","to":"s1","id":"d2","width_m":"1.1"},
  "geometry":{"type":"Point","coordinates":[3,3.05]}},
 {"type":"Feature","properties":{"group":"A","feature":"staff_post","id":"p1","storey":"0"},
  "geometry":{"type":"Point","coordinates":[3,2]}}
]})";
    QByteArray bad = mixed;
    bad.replace(R"("width_m":"1.1")", R"("width_m":"wide")");
    bad.replace(R"("feature":"staff_post","id":"p1")", R"("feature":"staff_post")");
    const std::string mixedPath = write(dir, "mixed.geojson", mixed);
    const std::vector<std::string> paths = {
        mixedPath,
        write(dir, "plan.json", kRoom),            // the other GeoJSON extension
        write(dir, "bad.geojson", bad),             // errors naming the features
        write(dir, "junk.geojson", "this is not json"),  // no driver: the same GDAL message
        write(dir, "broken.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",)"),
        write(dir, "spaces.geojson", kRoom),         // the file's name is the layer's name
    };
    // A GeoPackage under a GeoJSON name: the GeoJSON driver refuses it, every
    // driver is then asked, as before.
    const std::string gpkg = dir.filePath("plan_gpkg.geojson").toStdString();
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GPKG", "-a_srs", "EPSG:28992", QString::fromStdString(gpkg), QString::fromStdString(mixedPath)}) == 0);
    std::vector<std::string> all = paths;
    all.push_back(gpkg);
    for (const std::string& path : all) {
        INFO(path);
        CHECK(readEither(path, PlanReadMethod::Direct) == readEither(path, PlanReadMethod::Former));
    }
    // What the fields say, by hand.
    const FloorPlan p = loadPlan(mixedPath);
    REQUIRE(p.spaces.size() == 2);
    CHECK(p.spaces[0].storey == 0);
    CHECK(p.spaces[0].group.empty());
    CHECK(p.spaces[1].storey == 0);
    CHECK(p.spaces[1].shaft == "S");
    CHECK(p.spaces[1].name == "Stair");
    CHECK(p.spaces[1].group == "B");
    REQUIRE(p.openings.size() == 2);
    CHECK(p.openings[0].kind == OpeningKind::Door);
    CHECK(p.openings[0].width == 0.95);
    CHECK(p.openings[1].width == 1.1);
    CHECK(p.openings[1].to == "s1");
    REQUIRE(p.staffPosts.size() == 1);
    CHECK(p.staffPosts[0].group == "A");
    CHECK(loadPlan(gpkg).spaces.size() == 2);
    const std::string badMessage = readEither(paths[2], PlanReadMethod::Direct);
    CHECK(badMessage.find("field 'width_m' is not a number: 'wide'") != std::string::npos);
    CHECK(badMessage.find("has no 'id'") != std::string::npos);
    CHECK(readEither(paths[3], PlanReadMethod::Direct).find("cannot be read as vector data") != std::string::npos);
}
