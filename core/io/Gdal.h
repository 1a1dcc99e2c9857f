#pragma once
// GDAL/OGR helpers for the readers and writers in io/ and report/. Private to
// the .cpp files that touch files; nothing else includes GDAL.
#include "model/Geometry.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <optional>
#include <string>

namespace vgscan::gdal {

// Registers drivers once and keeps GDAL from printing to stderr itself:
// errors are reported through our own messages instead.
void init();

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

// Opens a vector dataset read-only; throws InputError naming the file. A
// path ending in .geojson or .json is offered to the GeoJSON driver alone
// first (GDAL otherwise asks each of its some 80 vector drivers whether the
// file is theirs); when that driver cannot open it, every driver is asked as
// before, so the driver chosen and the error message are those of
// openVectorAnyDriver.
DatasetPtr openVector(const std::string& path);
// The former way: every driver asked in turn (the reference of tests and
// bench_plan_read).
DatasetPtr openVectorAnyDriver(const std::string& path);

// The last GDAL error message, or `fallback`.
std::string lastError(const std::string& fallback);

// Field access by name; std::nullopt when the field is absent or unset.
std::optional<std::string> text(OGRFeature& f, const char* name);
std::optional<double> number(OGRFeature& f, const char* name);
bool hasField(OGRLayer& layer, const char* name);
// The same by field number (looked up once per layer: by name, OGR compares
// the name with each field of the layer for every feature); `i` < 0 is an
// absent field; `name` is for messages.
std::optional<std::string> text(OGRFeature& f, int i);
std::optional<double> number(OGRFeature& f, int i, const char* name);

// Converts OGR geometries; `scale` multiplies coordinates (CRS units to metres).
// A geometry without curves is read in place (no copy of it is made).
// Throw std::runtime_error with the problem (the caller names file and object),
// also for a vertex that is not finite or lies more than kMaxCoordinate metres
// from the origin (no map projection reaches that far).
constexpr double kMaxCoordinate = 1e8;
Polygon toPolygon(const OGRPolygon& poly, double scale);
MultiPolygon toMultiPolygon(const OGRGeometry& g, double scale);
LineString toLineString(const OGRGeometry& g, double scale);
Point toPoint(const OGRGeometry& g, double scale);
// The other way, for writers: `scale` multiplies coordinates (metres to CRS units).
OGRPolygon fromPolygon(const Polygon& poly, double scale = 1.0);
OGRMultiPolygon fromMultiPolygon(const MultiPolygon& mp, double scale = 1.0);
OGRLineString fromLineString(const LineString& line, double scale = 1.0);

// True when a GeoJSON source's top-level object has a "crs" member (GDAL
// otherwise implies WGS84); the word elsewhere in the text does not count.
// Skipping: runs of characters that change nothing (numbers, commas and
// names below the top level, the text of strings) are passed over in tight
// loops; EveryChar: every character goes through the scanner's state machine
// (the former way, the reference of test_model_io and bench_plan_read). Both
// give the same answer.
enum class CrsScan { Skipping, EveryChar };
bool geojsonDeclaresCrs(const std::string& path, CrsScan how = CrsScan::Skipping);

// A number for messages ("%.6g": 1e+20, nan).
std::string show(double v);

// "EPSG:28992" or the CRS name, for messages.
std::string describe(const OGRSpatialReference& srs);

}  // namespace vgscan::gdal
