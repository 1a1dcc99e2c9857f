#pragma once
// What every open-data reader shares: opening an extract read-only (never
// writing a .gfs next to it, never fetching a schema), taking its layers to
// RD New, clipping them to the sites' surroundings, and provenance dates.
// Private to core/io/opendata (it includes GDAL).
#include "io/Gdal.h"
#include "io/opendata/OpenData.h"

#include <memory>
#include <string>
#include <vector>

namespace vgscan::opendata {

// Opens `path` (a file, or a /vsizip/ path) read-only with the given GDAL
// drivers (empty: any) and open options; throws InputError naming the file.
gdal::DatasetPtr openExtract(const std::string& path, const std::vector<std::string>& drivers = {},
                             const std::vector<std::string>& openOptions = {});

// The layer whose name equals `name` ignoring case; nullptr when none.
OGRLayer* findLayer(GDALDataset& ds, const std::string& name);
std::string layerNames(GDALDataset& ds);

// RD New with traditional x/y axis order.
const OGRSpatialReference& rdNew();
// WGS 84 longitude/latitude to RD New.
std::optional<Point> lonLatToRd(double lon, double lat);

// Reads one layer into RD New. A layer without a CRS is taken to be RD New
// (the Dutch registers' CRS; BGT's pand GML declares none), with a warning;
// another CRS is reprojected. With a clip area, GDAL's spatial filter is set
// to the area's bounds in the layer's CRS, and geometry() returns null for a
// feature that touches no site's box.
class RdLayer {
public:
    // `filterGrowth`: metres added around GDAL's filter only (the boxes'
    // test stays exact): OSM's points layer needs it, see Osm.cpp.
    RdLayer(OGRLayer& layer, std::string file, const ClipArea* clip, std::vector<InputIssue>& issues,
            double filterGrowth = 0.0);
    ~RdLayer();
    OGRLayer& layer() { return layer_; }
    // The feature's geometry (or geometry field `field`) in RD New; null when
    // it is empty or outside the clip area. Throws std::runtime_error when it
    // cannot be reprojected.
    std::unique_ptr<OGRGeometry> geometry(OGRFeature& f, int field = 0) const;
    // Counts for the build summary.
    mutable std::size_t read = 0, kept = 0;

private:
    OGRLayer& layer_;
    std::string file_;
    const ClipArea* clip_;
    struct TransformDeleter {
        void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
    };
    std::unique_ptr<OGRCoordinateTransformation, TransformDeleter> toRd_;
};

// A file in GDAL's memory file system (/vsimem/vgscan/NAME) holding `text`,
// written once: reading hints (osmconf.ini, .gfs templates) that GDAL opens
// by path, without writing anything to disk.
std::string memoryFile(const std::string& name, const char* text);

// The first `bytes` of a file (through GDAL's virtual file systems), to tell
// formats apart before opening.
std::string head(const std::string& path, std::size_t bytes = 65536);

// A point of the geometry: the point itself, else a point inside the area
// (GEOS' point on surface; the centroid if that fails).
Point pointInside(const OGRGeometry& g);

// Box of a geometry (for the clip test).
Box envelope(const OGRGeometry& g);

// "2020-09-15 (file modified)" from the file's modification time; for a
// /vsizip/ path, the zip's.
std::string fileDate(const std::string& path);

// Lower case (ASCII), for names that ignore case.
std::string lower(std::string s);

// The text of a field, trimmed; empty when absent or unset.
std::string field(OGRFeature& f, const char* name);

// Fails with InputError when GDAL reported an error while reading (a
// truncated or damaged file stops early without one otherwise).
void throwIfReadFailed(const std::string& file, const std::string& what);

}  // namespace vgscan::opendata
