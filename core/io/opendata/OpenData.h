#pragma once
// Building a portfolio from Dutch open data (`vgscan portfolio build`): the
// types the readers in this folder fill and the portfolio writer writes.
// Everything is in RD New (EPSG:28992), the CRS of the Dutch registers.
#include "io/InputError.h"
#include "model/Model.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vgscan::opendata {

inline constexpr int kRdNew = 28992;

// What to keep of an extract: a box around every site (its position plus the
// margin, the rule set's largest search radius). Readers set GDAL's spatial
// filter to the boxes' bounds and keep a feature only when it touches a box,
// so memory follows the sites' surroundings, not the extract's area.
class ClipArea {
public:
    ClipArea() = default;
    ClipArea(const std::vector<Point>& centres, double margin);
    ~ClipArea();
    ClipArea(ClipArea&&) noexcept;
    ClipArea& operator=(ClipArea&&) noexcept;

    bool empty() const { return boxes_.empty(); }
    double margin() const { return margin_; }
    const Box& bounds() const { return bounds_; }
    const std::vector<Box>& boxes() const { return boxes_; }
    bool intersects(const Box& box) const;

private:
    double margin_ = 0.0;
    Box bounds_;
    std::vector<Box> boxes_;
    struct Tree;
    std::unique_ptr<Tree> tree_;
};

// Where a row of a user's table says its object is: a BAG pand, an address,
// or coordinates (x/y in RD New, or lat/lon taken to RD New).
struct Locator {
    std::string bagPandId;  // 16 digits, normalised
    std::string postcode, huisnummer, toevoeging;  // postcode normalised ("1234AB")
    std::optional<Point> point;
    std::string how;  // "bag_pand_id", "address", "x/y", "lat/lon"; empty when the row gives none
};

// One row of the site list (SITES.csv / .xlsx).
struct SiteRow {
    int line = 0;  // row in the file (the header is row 1)
    std::string id, name;
    Locator where;
    std::optional<int> places;
    std::string profile;
    std::string plan;                  // absolute path, empty when none
    std::vector<std::pair<std::string, std::string>> extra;  // every other column, in file order
    std::string object() const;        // "site 'id' (row n)" for messages
};

struct SiteList {
    std::string file;
    std::vector<SiteRow> rows;
    std::vector<std::string> extraColumns;  // in file order
};

// A BAG pand (or another building footprint) as read.
struct Footprint {
    std::string id;        // BAG pand id (16 digits) or "osm:way/123"
    MultiPolygon shape;
    std::optional<int> year;
    std::string status;    // BAG status, e.g. "Pand in gebruik"
    std::string source;    // "BAG", "BGT", "OSM"
};

// A building of a site in the output `buildings` layer.
struct SiteBuilding {
    std::string siteId;
    Footprint footprint;
};

struct BuiltRoad {
    Road road;
    std::string name;
    std::string sourceId;   // "osm:way/123" or "nwb:wvk/600123"
    std::string sourceTag;  // e.g. "highway=residential", "wegbehsrt=G bst_code=NRB"
    std::optional<double> maxspeedKmh;
    std::string fromNode, toNode;  // NWB junction ids
};

struct BuiltPoi {
    Poi poi;
    std::string sourceId;   // "osm:node/42", "poi.csv row 3"
    std::string sourceTag;  // e.g. "amenity=doctors"
};

struct BuiltDemand {
    DemandPoint point;
    std::string label;  // buurt code or postcode
};

// What `vgscan portfolio build` writes: a portfolio in the vgscan contract
// plus the columns that say where each thing came from.
struct BuiltPortfolio {
    std::vector<Site> sites;                 // attributes: the site list's other columns
    std::vector<std::string> extraColumns;   // their order
    std::vector<std::string> locatedBy;      // per site: how it was found
    std::vector<std::string> plotFrom;       // per site: where its plot came from
    std::vector<SiteBuilding> buildings;
    std::vector<BuiltRoad> roads;
    std::vector<BuiltPoi> pois;
    std::vector<BuiltDemand> demand;
    std::vector<Dwelling> dwellings;
    std::vector<LiveabilityArea> liveability;
    std::vector<LayerSource> sources;
    bool hasRoads = false, hasPois = false, hasDemand = false, hasDwellings = false, hasLiveability = false;
};

}  // namespace vgscan::opendata
