// writePlan: the native format written back, read by loadPlan to an equal plan.
#include "TestKit.h"

#include "io/Import.h"
#include "io/PlanReader.h"
#include "io/PlanWriter.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <boost/geometry.hpp>

#include <fstream>
#include <iterator>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;
using Catch::Matchers::ContainsSubstring;

namespace {

void sameRing(const Polygon::ring_type& a, const Polygon::ring_type& b) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].x() == Approx(b[i].x()).margin(1e-9));
        CHECK(a[i].y() == Approx(b[i].y()).margin(1e-9));
    }
}

// `exact`: the same doubles (an imported plan, whose figures are rounded to
// the micrometre); else within 1e-12 (GDAL prints GeoJSON numbers such as
// 0.84999999999999964 as 0.85).
void samePlan(const FloorPlan& a, const FloorPlan& b, bool exact) {
    REQUIRE(a.spaces.size() == b.spaces.size());
    for (size_t i = 0; i < a.spaces.size(); ++i) {
        const Space& s = a.spaces[i];
        const Space& t = b.spaces[i];
        CAPTURE(s.id);
        CHECK(s.id == t.id);
        CHECK(s.use == t.use);
        CHECK(s.storey == t.storey);
        CHECK(s.group == t.group);
        CHECK(s.name == t.name);
        CHECK(s.shaft == t.shaft);
        if (exact) CHECK(s.area == t.area);
        else CHECK(s.area == Approx(t.area).epsilon(1e-12));
        sameRing(s.shape.outer(), t.shape.outer());
        REQUIRE(s.shape.inners().size() == t.shape.inners().size());
        for (size_t k = 0; k < s.shape.inners().size(); ++k) sameRing(s.shape.inners()[k], t.shape.inners()[k]);
    }
    REQUIRE(a.openings.size() == b.openings.size());
    for (size_t i = 0; i < a.openings.size(); ++i) {
        const Opening& o = a.openings[i];
        const Opening& p = b.openings[i];
        CAPTURE(o.id);
        CHECK(o.id == p.id);
        CHECK(o.kind == p.kind);
        CHECK(o.from == p.from);
        CHECK(o.to == p.to);
        CHECK(o.storey == p.storey);
        if (exact) CHECK(o.width == p.width);
        else CHECK(o.width == Approx(p.width).epsilon(1e-12));
        CHECK(o.line.size() == p.line.size());
        CHECK(o.position.x() == Approx(p.position.x()).margin(1e-9));
        CHECK(o.position.y() == Approx(p.position.y()).margin(1e-9));
    }
    REQUIRE(a.staffPosts.size() == b.staffPosts.size());
    for (size_t i = 0; i < a.staffPosts.size(); ++i) {
        CHECK(a.staffPosts[i].id == b.staffPosts[i].id);
        CHECK(a.staffPosts[i].storey == b.staffPosts[i].storey);
        CHECK(a.staffPosts[i].group == b.staffPosts[i].group);
        CHECK(a.staffPosts[i].position.x() == Approx(b.staffPosts[i].position.x()).margin(1e-9));
    }
}

}  // namespace

TEST_CASE("plan writer: an imported drawing round-trips through geojson and gpkg") {
    ImportReport report;
    const FloorPlan plan = importPlan(sourcePath("floorplans/dxf/grouphome_linde_mm.dxf"), {}, report);
    QTemporaryDir dir;
    for (const char* name : {"linde.geojson", "linde.gpkg"}) {
        CAPTURE(name);
        const std::string out = dir.filePath(name).toStdString();
        writePlan(out, plan);
        std::vector<InputIssue> warnings;
        const FloorPlan back = loadPlan(out, &warnings);
        CHECK(back.localMetres);
        samePlan(plan, back, true);
        for (const auto& w : warnings) UNSCOPED_INFO(w.str());
        CHECK(warnings.empty());
    }
    // Atomic: nothing but the two outputs is left in the folder.
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() == 2);
}

TEST_CASE("plan writer: native plans with storeys and shafts and staff posts round-trip") {
    QTemporaryDir dir;
    for (const char* rel : {"floorplans/plans/grouphome_1996_b.geojson", "floorplans/plans/newbuild_vg7_2026.geojson"}) {
        CAPTURE(rel);
        const FloorPlan plan = loadFixture(rel);
        for (const char* ext : {".geojson", ".gpkg"}) {
            const std::string out = dir.filePath(QString("copy") + ext).toStdString();
            writePlan(out, plan);
            samePlan(plan, loadPlan(out), false);
        }
    }
}

TEST_CASE("plan writer: never overwrites its input and refuses unknown extensions") {
    QTemporaryDir dir;
    const std::string native = dir.filePath("plan.geojson").toStdString();
    QFile::copy(QString::fromStdString(sourcePath("floorplans/tests/tiny_shared.geojson")), QString::fromStdString(native));
    const FloorPlan plan = loadPlan(native);
    CHECK_THROWS_WITH(writePlan(native, plan), ContainsSubstring("never overwritten"));
    // The input is untouched and still reads.
    CHECK(loadPlan(native).spaces.size() == plan.spaces.size());
    CHECK_THROWS_WITH(writePlan(dir.filePath("plan.shp").toStdString(), plan), ContainsSubstring(".geojson or .gpkg"));
    // An earlier plan at the output (not the input) is replaced whole.
    const std::string out = dir.filePath("out.gpkg").toStdString();
    FloorPlan one = plan;
    one.spaces.resize(1);
    one.openings.clear();
    one.staffPosts.clear();
    writePlan(out, one);
    REQUIRE(loadPlan(out).spaces.size() == 1);
    writePlan(out, plan);
    CHECK(loadPlan(out).spaces.size() == plan.spaces.size());
    // Anything else there is the user's data and stays as it is: a file GDAL
    // cannot read (a rule set named as the output), a portfolio GeoPackage.
    const std::string notes = dir.filePath("rules.json").toStdString();
    {
        std::ofstream junk(notes);
        junk << "not a plan";
    }
    CHECK_THROWS_WITH(writePlan(notes, plan), ContainsSubstring("already exists and is not a plan (it holds something "
                                                                "GDAL cannot read as vector data)"));
    std::ifstream kept(notes);
    CHECK(std::string(std::istreambuf_iterator<char>(kept), {}) == "not a plan");
    const QString portfolio = dir.filePath("portfolio.gpkg");
    REQUIRE(QFile::copy(QString::fromStdString(sourcePath("floorplans/portfolio.gpkg")), portfolio));
    const QByteArray before = [&] {
        QFile f(portfolio);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }();
    CHECK_THROWS_WITH(writePlan(portfolio.toStdString(), plan),
                      ContainsSubstring("already exists and is not a plan (it holds the layers 'sites', 'buildings'"));
    QFile after(portfolio);
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK(after.readAll() == before);
    CHECK_THROWS_WITH(writePlan(dir.filePath("no/such/folder/x.geojson").toStdString(), plan),
                      ContainsSubstring("cannot create the file"));
}
