#pragma once
// `vgscan portfolio build`: from a site list and Dutch open-data extracts to
// a portfolio in the vgscan contract (docs/open-data.md). Reads only; the
// readers keep only what lies within `margin` of a site.
#include "io/opendata/OpenData.h"

#include <string>
#include <vector>

namespace vgscan::opendata {

struct BuildOptions {
    std::string sites;             // SITES.csv / .xlsx
    std::string osm;               // .osm.pbf / .osm
    std::vector<std::string> bag;  // LV BAG xml/zip/folder, bag-light gpkg, BGT/BRK pand gml
    std::string parcels;           // BRK Kadastrale kaart perceel (GML or GeoPackage)
    std::string nwb;               // NWB wegvakken
    std::string demand;            // CBS buurten, or a CSV of clients per postcode / point
    std::string liveability;       // Leefbaarometer grid cells or buurten
    std::string poi;               // CSV of services OSM lacks
    double margin = 0.0;           // m around each site that the readers keep
    // A site given by a point is the building that contains it, else the
    // nearest within this distance (assumption: a point on the pavement in
    // front of the door still finds its building).
    double pointSnapM = 10.0;
    // Without a parcel: the plot is the footprint grown by this (assumption).
    double plotMarginM = 10.0;
};

struct BuildResult {
    BuiltPortfolio portfolio;
    std::vector<InputIssue> issues;  // errors (a site not placed, an extract left out) and warnings
    std::size_t sitesListed = 0, sitesPlaced = 0;
    bool extractFailed = false;      // an extract could not be read (or left no demand point): its layers are left out
    std::vector<std::string> summary;  // per layer: what was kept and from where
};

// Throws InputError only when nothing can be built (the site list cannot be
// read); everything else is an issue, and the other sites are built.
BuildResult buildPortfolio(const BuildOptions& options);

// Writes the portfolio GeoPackage (EPSG:28992) to `path` through a temporary
// file next to it, renamed into place when complete. Site plans are written
// relative to `path`.
void writePortfolio(const std::string& path, const BuiltPortfolio& portfolio);

}  // namespace vgscan::opendata
