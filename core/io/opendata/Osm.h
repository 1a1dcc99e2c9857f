#pragma once
// OpenStreetMap (.osm.pbf or .osm XML) for `vgscan portfolio build`, through
// GDAL's OSM driver with our own tag selection (osmconf in Osm.cpp):
//  - roads: ways with highway=*, mapped to the contract's classes, with
//    oneway (also implied by motorways and roundabouts; -1 reverses the
//    line), maxspeed in km/h, and the vertical level (layer, or +1 for a
//    bridge, -1 for a tunnel) so that a bridge is not joined to the road it
//    crosses;
//  - points of interest from nodes and from areas (at a point inside them);
//  - building footprints near the sites, where no BAG is given.
// Everything keeps OSM's name and id ("osm:node/42", "osm:way/7").
#include "io/opendata/OpenData.h"

#include <string>
#include <vector>

namespace vgscan::opendata {

struct OsmData {
    std::vector<BuiltRoad> roads;
    std::vector<BuiltPoi> pois;
    std::vector<Footprint> buildings;  // only those touching `buildingsNear`
    std::size_t featuresRead = 0;      // within the clip area's bounds (GDAL's filter), before the boxes
    LayerSource roadsSource, poiSource;
};

// Reads the clip area's roads and points of interest, and the buildings that
// touch `buildingsNear` (may be empty). Throws InputError when the file cannot
// be read to its end (a truncated PBF): half a road network would mislead.
OsmData readOsm(const std::string& path, const ClipArea& clip, const ClipArea& buildingsNear,
                std::vector<InputIssue>& issues);

// The contract's road class for an OSM highway=* value; empty: not a road
// for people (construction, proposed, platform, ...).
std::string roadClassOf(const std::string& highway);
// The contract's poi category for a feature's tags (key, value); empty: none.
std::string poiCategoryOf(const std::vector<std::pair<std::string, std::string>>& tags, std::string& tag);
// "50", "50 km/h", "30 mph", "NL:urban" -> km/h; nullopt when not a speed.
std::optional<double> maxspeedKmh(const std::string& text);

}  // namespace vgscan::opendata
