#pragma once
// The made-up town of make_fixtures.py (RD New, around X0 = 150000,
// Y0 = 450000), shared by the tests of this folder.
#include "TestKit.h"

#include "io/opendata/PortfolioBuilder.h"

#include <string>

namespace vgscan::test::town {

constexpr double X0 = 150000, Y0 = 450000;

inline std::string data(const std::string& file) { return sourcePath("tests/opendata/data/" + file); }

// The site list with the town's BAG folder and OpenStreetMap file.
inline opendata::BuildOptions options(double margin = 1000) {
    opendata::BuildOptions o;
    o.sites = data("sites.csv");
    o.bag = {data("bag")};
    o.osm = data("town.osm");
    o.margin = margin;
    return o;
}

}  // namespace vgscan::test::town
