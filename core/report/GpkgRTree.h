#pragma once
// A GeoPackage layer's spatial index (its SQLite R*Tree, the extension
// gpkg_rtree_index), built in one pass after the features are written.
//
// GDAL (3.6) fills a new layer's R-tree at the end by inserting every
// feature's box one at a time; SQLite's R*Tree insert reads and rewrites
// nodes for each, and for the scan's 194,000 evidence features that was
// 1.6 s, most of writing sites.gpkg. Here the boxes are collected while the
// features are written (the layer is created with SPATIAL_INDEX=NO), sorted
// into full nodes (sort-tile-recursive packing) and the nodes written once:
// by SQLite itself with prepared statements once GDAL has closed the file
// (fill). Through GDAL's ExecuteSQL (create, kept as the reference), each
// node went in as text in a multi-row INSERT that GDAL scans for keywords
// and SQLite parses: that text was 80 % of the index's time.
// Everything around the tree is GDAL's own: the virtual table, its triggers
// and the gpkg_extensions row are the statements GDAL's CreateSpatialIndex
// makes for a layer of that name, taken from an empty scratch GeoPackage in
// memory and run on the file. Each box is rounded to floats as SQLite's
// R*Tree rounds what GDAL inserts (minimum down, maximum up), so the index
// holds the same entries; tests/report compares it with GDAL's own index
// (entries, SQLite's rtreecheck, answers to window queries, the schema).
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <string>
#include <vector>

namespace vgscan::gpkg {

class RTreeIndex {
public:
    explicit RTreeIndex(std::string table);

    // The box of feature `fid`; empty geometries have none (as GDAL's).
    void add(GIntBig fid, const OGRGeometry& g);
    std::size_t size() const { return entries_.size(); }

    // Creates the layer's index in `ds` (inside its open transaction, if any)
    // with every box added. The layer's geometry column is "geom". The
    // reference for createEmpty + fill.
    void create(GDALDataset& ds, const std::string& path) const;

    // The same in two steps: the index's schema (virtual table, triggers,
    // gpkg_extensions rows) in `ds`, the tree still empty; then, after `ds`
    // is closed, every index's boxes written into the file at `path` in one
    // SQLite transaction. The file then holds what create() makes.
    void createEmpty(GDALDataset& ds, const std::string& path) const;
    static void fill(const std::string& path, const std::vector<const RTreeIndex*>& indexes);

    struct Entry {
        GIntBig id;
        float minx, maxx, miny, maxy;
    };

private:
    std::string table_;
    std::vector<Entry> entries_;
};

// SQLite's R*Tree rounding of a double to a float bound: never above
// (`down`) or below (`up`) the value.
float roundDown(double d);
float roundUp(double d);

}  // namespace vgscan::gpkg
