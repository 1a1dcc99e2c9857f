// sites.gpkg's spatial indexes (report/GpkgRTree.h): the boxes written
// through SQLite's own connection with prepared statements (createEmpty +
// fill, what writeScanGpkg does) against the same rows written through
// GDAL's ExecuteSQL as multi-row INSERT text (create, the former method), on
// the same 200,000 boxes (about what the 2,002-site scan indexes) in the
// same run. Both files must hold the same node rows; the CPU ratio is printed.
#include "CpuClock.h"
#include "io/Gdal.h"
#include "report/GpkgRTree.h"

#include <benchmark/benchmark.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

using namespace vgscan;

namespace {

constexpr int kBoxes = 200000;

// A layer of kBoxes random boxes; returns the CPU seconds spent on its index.
double writeFile(const std::string& path, bool viaSqlite) {
    gdal::init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    VSIUnlink(path.c_str());
    gdal::DatasetPtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error(path + ": cannot be created");
    char noIndex[] = "SPATIAL_INDEX=NO";
    char* options[] = {noIndex, nullptr};
    OGRLayer* layer = ds->CreateLayer("things", nullptr, wkbPolygon, options);
    gpkg::RTreeIndex index("things");
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> at(0.0, 2.0e5), size(0.0, 60.0);
    ds->StartTransaction();
    for (int i = 0; i < kBoxes; ++i) {
        const double x = at(rng), y = at(rng), w = size(rng), h = size(rng);
        OGRPolygon poly;
        auto* ring = new OGRLinearRing();
        ring->addPoint(x, y), ring->addPoint(x + w, y), ring->addPoint(x + w, y + h), ring->addPoint(x, y);
        poly.addRingDirectly(ring);
        gdal::FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetGeometry(&poly);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw std::runtime_error(path + ": cannot write");
        index.add(f->GetFID(), poly);
    }
    const double c0 = bench::threadCpuSeconds();
    if (viaSqlite) index.createEmpty(*ds, path);
    else index.create(*ds, path);
    ds->CommitTransaction();
    ds.reset();
    if (viaSqlite) gpkg::RTreeIndex::fill(path, {&index});
    return bench::threadCpuSeconds() - c0;
}

std::vector<std::string> nodes(const std::string& path) {
    gdal::DatasetPtr ds = gdal::openVector(path);
    OGRLayer* r = ds->ExecuteSQL("SELECT nodeno || ':' || hex(data) FROM rtree_things_geom_node ORDER BY nodeno", nullptr, nullptr);
    std::vector<std::string> out;
    for (auto& f : *r) out.emplace_back(f->GetFieldAsString(0));
    ds->ReleaseResultSet(r);
    return out;
}

void BM_GpkgSpatialIndex(benchmark::State& state) {
    const std::string dir = "/tmp/vgscan-bench-rtree-" + std::to_string(::getpid());
    const std::string a = dir + "-sqlite.gpkg", b = dir + "-gdal.gpkg";
    double ours = 0, former = 0;
    for (auto _ : state) {
        ours = writeFile(a, true);
        former = writeFile(b, false);
        state.SetIterationTime(ours);
    }
    const bool same = nodes(a) == nodes(b);
    std::cerr << kBoxes << " boxes: index through SQLite " << ours * 1e3 << " ms CPU against through GDAL's SQL text "
              << former * 1e3 << " ms CPU: ratio " << former / ours << "; same node rows: " << (same ? "yes" : "NO")
              << "\n";
    VSIUnlink(a.c_str());
    VSIUnlink(b.c_str());
    if (!same) state.SkipWithError("the two indexes differ");
    state.counters["index_cpu_ms"] = ours * 1e3;
    state.counters["reference_cpu_ms"] = former * 1e3;
    state.counters["ratio"] = former / ours;
}

}  // namespace

BENCHMARK(BM_GpkgSpatialIndex)->Unit(benchmark::kMillisecond)->Iterations(1)->UseManualTime();
BENCHMARK_MAIN();
