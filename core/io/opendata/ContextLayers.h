#pragma once
// The smaller context layers of `vgscan portfolio build`:
//  - demand: CBS buurten (wijk- en buurtkaart: a polygon per buurt with its
//    inhabitants, `aantal_inwoners` or `AANT_INW`) -> a point inside each
//    buurt weighted by its inhabitants; or a table of clients (CSV/XLSX:
//    `clients` or `weight`, and a postcode, x/y or lat/lon per row);
//  - liveability: a Leefbaarometer layer (grid cells or buurten) with the
//    class 1-9 in `klasse` (or `kl`, `lbm_klasse`, `class`, `score`);
//  - points of interest the user adds (CSV/XLSX): services OSM does not
//    have (AVG bases, crisis teams, day-activity centres): `category`,
//    `name`, optional `accepts_wlz`, and an address or coordinates.
// Rows given by address are placed by the builder through the BAG.
#include "io/opendata/OpenData.h"

#include <string>
#include <vector>

namespace vgscan::opendata {

// A row of a user's table that still needs its position (address rows).
template <class T>
struct Located {
    T item;
    Locator where;
    int line = 0;
};

// True when the file is a table (CSV, XLSX, ODS) rather than a vector layer.
bool isTable(const std::string& path);

struct DemandData {
    std::vector<BuiltDemand> points;            // placed (areas, coordinates)
    std::vector<Located<BuiltDemand>> pending;  // by postcode: the builder places them
    LayerSource source;
    std::size_t skipped = 0;                    // buurten without a (public) number of inhabitants
};
// A table of clients: every row, not clipped (the builder places and clips them).
DemandData readDemandTable(const std::string& path, std::vector<InputIssue>& issues);
// CBS buurten within the clip area.
DemandData readDemandAreas(const std::string& path, const ClipArea& clip, std::vector<InputIssue>& issues);

struct LiveabilityData {
    std::vector<LiveabilityArea> areas;
    std::string field;  // the class field used
    LayerSource source;
};
LiveabilityData readLiveability(const std::string& path, const ClipArea& clip, std::vector<InputIssue>& issues);

struct PoiTable {
    std::vector<BuiltPoi> pois;
    std::vector<Located<BuiltPoi>> pending;
    LayerSource source;
};
PoiTable readPoiTable(const std::string& path, std::vector<InputIssue>& issues);

}  // namespace vgscan::opendata
