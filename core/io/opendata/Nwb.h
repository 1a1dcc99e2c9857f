#pragma once
// NWB-Wegen wegvakken (Rijkswaterstaat's national road database) as the road
// layer, through GDAL (shapefile, GeoPackage, or GML as PDOK's WFS returns):
//  - class from the road authority (wegbehsrt: R Rijk -> motorway, P
//    provincie -> secondary, W waterschap -> tertiary, G gemeente / T other
//    -> residential) unless the carriageway type (bst_code) says cycle or
//    foot path (FP, VP -> path) or parking / service road (PKP, PKB, PKR,
//    PKD, VWG -> service);
//  - rijrichtng H: one way in drawing direction, T: one way against it (the
//    line is reversed), else both ways;
//  - junction ids (jte_id_beg, jte_id_end): every end at one junction is
//    moved onto the junction's first-seen point, so the network is joined
//    where NWB says, not only where coordinates happen to meet.
#include "io/opendata/OpenData.h"

#include <string>
#include <vector>

namespace vgscan::opendata {

struct NwbData {
    std::vector<BuiltRoad> roads;
    std::size_t endsMoved = 0;   // road ends moved onto their junction
    double largestMoveM = 0.0;
    LayerSource source;
};

NwbData readNwb(const std::string& path, const ClipArea& clip, std::vector<InputIssue>& issues);

// The contract's class for a wegvak (see above).
std::string nwbRoadClass(const std::string& wegbehsrt, const std::string& bstCode);

}  // namespace vgscan::opendata
