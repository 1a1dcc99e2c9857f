// sites.gpkg's spatial indexes built in one pass (gpkg::RTreeIndex) against
// GDAL's own (a layer created with its default spatial index), on the
// geometries of the sample portfolio and the sample plans and on random
// boxes: the same entries, SQLite's rtreecheck passes, the same answers to
// window queries, the same schema and extension rows.
#include "TestKit.h"

#include "io/Gdal.h"
#include "report/GpkgRTree.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace vgscan;
using namespace vgscan::test;

namespace {

using Geometries = std::vector<std::unique_ptr<OGRGeometry>>;

void addFrom(const std::string& path, Geometries& out) {
    gdal::DatasetPtr ds = gdal::openVector(path);
    for (OGRLayer* layer : ds->GetLayers())
        for (auto& f : *layer)
            if (const OGRGeometry* g = f->GetGeometryRef()) out.emplace_back(g->clone());
}

// Random boxes and points of every size, on both sides of the axes.
void addRandom(std::size_t n, Geometries& out) {
    std::mt19937 rng(17);
    std::uniform_real_distribution<double> at(-2.0e5, 6.0e5), size(0.0, 500.0), unit(0.0, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = at(rng) * (unit(rng) < 0.2 ? 1e-4 : 1.0), y = at(rng) * (unit(rng) < 0.2 ? 1e-4 : 1.0);
        if (i % 3 == 0) {
            out.emplace_back(new OGRPoint(x, y));
            continue;
        }
        const double w = size(rng) * unit(rng), h = size(rng) * unit(rng);
        auto* ring = new OGRLinearRing();
        ring->addPoint(x, y);
        ring->addPoint(x + w, y);
        ring->addPoint(x + w, y + h);
        ring->addPoint(x, y + h);
        ring->closeRings();
        auto* poly = new OGRPolygon();
        poly->addRingDirectly(ring);
        out.emplace_back(poly);
    }
    out.emplace_back(new OGRPolygon());  // empty: no entry in either index
}

// How the index of a layer is made: by GDAL, by RTreeIndex::create (the
// rows through GDAL) or by createEmpty and fill (SQLite's own connection, as
// sites.gpkg is written).
enum class Indexer { Gdal, Create, Fill };

// One layer "things" of every geometry, indexed as `how` says.
void writeLayer(const std::string& path, const Geometries& geometries, Indexer how) {
    const bool ours = how != Indexer::Gdal;
    gdal::init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    REQUIRE(drv);
    gdal::DatasetPtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    char noIndex[] = "SPATIAL_INDEX=NO";
    char* options[] = {noIndex, nullptr};
    OGRLayer* layer = ds->CreateLayer("things", nullptr, wkbUnknown, ours ? options : nullptr);
    REQUIRE(layer);
    OGRFieldDefn fd("n", OFTInteger);
    REQUIRE(layer->CreateField(&fd) == OGRERR_NONE);
    gpkg::RTreeIndex index("things");
    REQUIRE(ds->StartTransaction() == OGRERR_NONE);
    int n = 0;
    for (const auto& g : geometries) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField(0, n++);
        f->SetGeometry(g.get());
        REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
        index.add(f->GetFID(), *g);
    }
    if (how == Indexer::Create) index.create(*ds, path);
    if (how == Indexer::Fill) index.createEmpty(*ds, path);
    REQUIRE(ds->CommitTransaction() == OGRERR_NONE);
    ds.reset();
    if (how == Indexer::Fill) gpkg::RTreeIndex::fill(path, {&index});
}

std::vector<std::vector<std::string>> rows(GDALDataset& ds, const std::string& sql) {
    std::vector<std::vector<std::string>> out;
    OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    REQUIRE(r);
    for (auto& f : *r) {
        std::vector<std::string> row;
        for (int i = 0; i < f->GetFieldCount(); ++i) row.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "NULL");
        out.push_back(std::move(row));
    }
    ds.ReleaseResultSet(r);
    return out;
}

struct Box {
    double minx, maxx, miny, maxy;
    bool operator==(const Box&) const = default;
};

std::vector<std::pair<GIntBig, Box>> entries(GDALDataset& ds) {
    std::vector<std::pair<GIntBig, Box>> out;
    OGRLayer* r = ds.ExecuteSQL("SELECT id, minx, maxx, miny, maxy FROM rtree_things_geom ORDER BY id", nullptr, nullptr);
    REQUIRE(r);
    for (auto& f : *r)
        out.push_back({f->GetFieldAsInteger64(0),
                       {f->GetFieldAsDouble(1), f->GetFieldAsDouble(2), f->GetFieldAsDouble(3), f->GetFieldAsDouble(4)}});
    ds.ReleaseResultSet(r);
    return out;
}

std::set<GIntBig> within(OGRLayer& layer, double x0, double y0, double x1, double y1) {
    layer.SetSpatialFilterRect(x0, y0, x1, y1);
    std::set<GIntBig> out;
    for (auto& f : layer) out.insert(f->GetFID());
    layer.SetSpatialFilter(nullptr);
    return out;
}

}  // namespace

TEST_CASE("gpkg: a spatial index built in one pass equals GDAL's own (entries, rtreecheck, window queries, schema)") {
    Geometries geometries;
    addFrom(sourcePath("floorplans/portfolio.gpkg"), geometries);
    for (const auto& plan :
         QDir(QString::fromStdString(sourcePath("floorplans/plans"))).entryList({"*.geojson"}, QDir::Files, QDir::Name))
        addFrom(sourcePath("floorplans/plans/" + plan.toStdString()), geometries);
    const std::size_t real = geometries.size();
    REQUIRE(real > 500);
    addRandom(6000, geometries);  // more than 51 x 51 boxes: a tree three levels deep

    QTemporaryDir dir;
    const std::string theirs = dir.filePath("gdal.gpkg").toStdString(), ours = dir.filePath("ours.gpkg").toStdString();
    writeLayer(theirs, geometries, Indexer::Gdal);
    writeLayer(ours, geometries, Indexer::Fill);
    gdal::DatasetPtr a = gdal::openVector(theirs), b = gdal::openVector(ours);

    const auto ea = entries(*a), eb = entries(*b);
    CHECK(ea.size() == geometries.size() - 1);  // all but the empty polygon
    CHECK(ea == eb);
    CHECK(rows(*a, "SELECT rtreecheck('rtree_things_geom')") == std::vector<std::vector<std::string>>{{"ok"}});
    CHECK(rows(*b, "SELECT rtreecheck('rtree_things_geom')") == std::vector<std::vector<std::string>>{{"ok"}});
    // Many nodes, so the packing and the levels above the leaves are exercised.
    CHECK(std::stoi(rows(*b, "SELECT count(*) FROM rtree_things_geom_node")[0][0]) > 52);
    CHECK(std::stoi(rows(*b, "SELECT count(*) FROM rtree_things_geom_parent")[0][0]) > 52);

    // The schema as sets: GDAL re-creates a layer's feature-count triggers
    // at the first statement run on the file, so the rows' order differs.
    auto schema = [&](GDALDataset& ds) {
        auto r = rows(ds, "SELECT type, name, tbl_name, sql FROM sqlite_master");
        std::sort(r.begin(), r.end());
        return r;
    };
    CHECK(schema(*a) == schema(*b));
    const std::string ext = "SELECT * FROM gpkg_extensions ORDER BY table_name, column_name, extension_name";
    CHECK(rows(*a, ext) == rows(*b, ext));
    CHECK(rows(*a, "SELECT * FROM things ORDER BY fid").size() == geometries.size());

    // Window queries (GDAL answers them from the index): the same features.
    OGRLayer* la = a->GetLayerByName("things");
    OGRLayer* lb = b->GetLayerByName("things");
    REQUIRE(la);
    REQUIRE(lb);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> at(-2.0e5, 6.0e5), size(0.0, 5.0e4);
    std::size_t found = 0;
    for (int q = 0; q < 150; ++q) {
        double x = at(rng), y = at(rng), w = size(rng), h = size(rng);
        if (q < 20) {  // about a real geometry
            OGREnvelope e;
            geometries[static_cast<std::size_t>(q) * real / 20]->getEnvelope(&e);
            x = e.MinX - 1.0, y = e.MinY - 1.0, w = e.MaxX - e.MinX + 2.0, h = e.MaxY - e.MinY + 2.0;
        }
        const auto fa = within(*la, x, y, x + w, y + h);
        CHECK(fa == within(*lb, x, y, x + w, y + h));
        found += fa.size();
    }
    CHECK(found > 100);
}

TEST_CASE("gpkg: the index filled through SQLite's own connection holds the rows create() writes through GDAL, byte for byte") {
    Geometries geometries;
    addFrom(sourcePath("floorplans/portfolio.gpkg"), geometries);
    addRandom(3000, geometries);
    QTemporaryDir dir;
    const std::string viaGdal = dir.filePath("create.gpkg").toStdString(), viaSqlite = dir.filePath("fill.gpkg").toStdString();
    writeLayer(viaGdal, geometries, Indexer::Create);
    writeLayer(viaSqlite, geometries, Indexer::Fill);
    gdal::DatasetPtr a = gdal::openVector(viaGdal), b = gdal::openVector(viaSqlite);
    for (const std::string sql : {"SELECT nodeno, hex(data) FROM rtree_things_geom_node ORDER BY nodeno",
                                  "SELECT nodeno, parentnode FROM rtree_things_geom_parent ORDER BY nodeno",
                                  "SELECT rowid, nodeno FROM rtree_things_geom_rowid ORDER BY rowid"}) {
        const auto ra = rows(*a, sql);
        CHECK(ra.size() > 50);
        CHECK(ra == rows(*b, sql));
    }
    auto schema = [&](GDALDataset& ds) {
        auto r = rows(ds, "SELECT type, name, tbl_name, sql FROM sqlite_master");
        std::sort(r.begin(), r.end());
        return r;
    };
    CHECK(schema(*a) == schema(*b));
    CHECK(rows(*b, "SELECT rtreecheck('rtree_things_geom')") == std::vector<std::vector<std::string>>{{"ok"}});
}

TEST_CASE("gpkg: fill names the file when it cannot open it") {
    gpkg::RTreeIndex index("things");
    OGRPoint p(1.0, 2.0);
    index.add(1, p);
    try {
        gpkg::RTreeIndex::fill("/nonexistent-dir/sites.gpkg", {&index});
        FAIL("no error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("/nonexistent-dir/sites.gpkg") != std::string::npos);
    }
}

TEST_CASE("gpkg: the one-pass index rounds boxes to floats as SQLite's R*Tree does: never inward") {
    for (double d : {0.0, 1.0, -1.0, 0.1, -0.1, 155000.123456789, -155000.123456789, 463000.5, 1e-30, -1e-30, 3.0e38}) {
        const float lo = gpkg::roundDown(d), hi = gpkg::roundUp(d);
        CHECK(static_cast<double>(lo) <= d);
        CHECK(static_cast<double>(hi) >= d);
        CHECK(static_cast<double>(hi) - static_cast<double>(lo) <= std::abs(d) * 3e-7 + 1e-44);
    }
    CHECK(gpkg::roundDown(0.1) < 0.1f);  // 0.1f is above 0.1
    CHECK(gpkg::roundUp(0.1) == 0.1f);
}
