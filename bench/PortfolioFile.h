#pragma once
// Portfolios for the end-to-end benchmarks, written as the GeoPackage that
// `vgscan scan` reads (docs/floorplan-format.md, "Portfolio"): layers sites,
// buildings, roads, poi and demand with the fields PortfolioReader reads.
#include "model/Model.h"

#include <string>

namespace vgscan::bench {

// Writes `p` to `path` (replaced), in RD New (EPSG:28992). Sites keep
// their planPath as the `plan` field (relative to the file's folder).
void writePortfolioGpkg(const std::string& path, const Portfolio& p);

// The national region of bench_location: a grid of 708 x 708 road nodes
// (1,001,112 segments in 1,416 roads, every 10th a primary road, every 7th
// row one-way), 10,000 POIs of eight categories and 5,000 sites without plans.
Portfolio nationalRegion();

}  // namespace vgscan::bench
