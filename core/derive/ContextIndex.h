#pragma once
// What site rules need about a portfolio's context layers, computed once per
// portfolio and shared by every site and rule: spatial indexes over roads and
// points of interest, and the road network for travel distances.
//
// Everything costly is built lazily on first use (std::call_once) and then
// cached, so a scan that needs no travel distances never builds the graph.
// All queries are const and may run from several threads at once.
//
// The road network (see docs in the .cpp and plugins/gp_access/README.md):
//  - every vertex of every road line is a node; vertices closer than
//    kSnapToleranceM (0.5 m) are merged into one node, so roads whose ends
//    meet within 0.5 m are connected; vertices merge only on the same level
//    (Road::level: a bridge's or tunnel's inner vertices never join the road
//    it crosses; every road's two end points are on the ground level);
//  - each segment is an edge of its Euclidean length in metres; a road with
//    oneway=yes is driven only in its drawing direction;
//  - a point (site or POI) joins the network at the nearest point of the
//    nearest segment (which may lie inside a segment: the segment is split
//    virtually) plus the straight "access" distance from the point to it.
// Without roads, travel distance is the straight line x a detour factor and
// is marked as an estimate.
//
// CGAL and Boost.Graph stay out of this header; Boost.Geometry index too.
#include "model/Model.h"

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vgscan {

// Which roads count, e.g. "busy": a class from the list, or a known AADT at
// or above minAadt (either is enough).
struct RoadFilter {
    std::vector<std::string> classes;
    std::optional<double> minAadt;
    bool accepts(const Road& road) const;
    std::string key() const;  // identifies the filter in the index's caches
};

// Which points of interest count: one category; optionally only those that
// take Wlz clients (accepts_wlz = yes), and then optionally also those whose
// accepts_wlz is not given.
struct PoiFilter {
    std::string category;
    bool requireAcceptsWlz = false;
    bool countUnknownWlz = false;
    bool accepts(const Poi& poi) const;
    std::string key() const;
};

// The nearest road (segment) to an area: its index in context().roads, the
// exact distance in metres (0 when the road crosses the area) and the two
// closest points (for a drawing).
struct RoadHit {
    std::size_t road = 0;
    double distance = 0.0;
    Point fromArea{0.0, 0.0};
    Point onRoad{0.0, 0.0};
};

// The nearest point of interest to an area; the exact distance in metres.
struct PoiHit {
    std::size_t poi = 0;
    double distance = 0.0;
    Point fromArea{0.0, 0.0};
};

// A home near an area: its index in context().dwellings, the exact distance
// in metres (0 inside the area) and the closest point of the area.
struct DwellingHit {
    std::size_t dwelling = 0;
    double distance = 0.0;
    Point fromArea{0.0, 0.0};
};

// A stretch of one road: consecutive segments of it, for drawing a map window.
struct RoadPiece {
    std::size_t road = 0;  // index in context().roads
    LineString line;
};

// Road classes from the most to the least important
// (docs/floorplan-format.md); any other class ranks after them.
inline constexpr const char* kRoadClassOrder[] = {"motorway", "trunk",       "primary", "secondary",
                                                  "tertiary", "residential", "service", "path"};
inline constexpr int kRoadClassRanks = 9;  // the eight classes and "other"
int roadClassRank(const std::string& roadClass);

// The roads of a map window: the more important classes first, as many
// classes as fit in the segment limit.
struct RoadWindow {
    std::vector<RoadPiece> pieces;
    int ranks = kRoadClassRanks;  // classes of rank < ranks are drawn; `ranks` is the first that did not fit
    bool complete() const { return ranks == kRoadClassRanks; }
};

// Travel from a point to a point of interest.
struct Travel {
    std::size_t poi = 0;      // index in context().pois
    double distance = 0.0;    // m: site access + along the roads + POI access; or straight x detour
    double straight = 0.0;    // m: the straight line from the point to the POI
    bool estimated = false;   // straight line x detour factor, not along roads
    bool unreachable = false; // roads exist but do not connect the point to any such POI (then estimated)
    double siteAccess = 0.0;  // m: from the point straight to its road (network only)
    double poiAccess = 0.0;   // m: from the POI straight to its road (network only)
    // nearestByTravel only: the way taken, from the point to the POI: its
    // access leg, the roads' vertices, the POI's access leg; when estimated,
    // the straight line (two points).
    LineString path;
};

// For people: "1234.5 m along the roads (site to road 12 m, road to GP 3 m)",
// or the estimate with its straight line and detour factor. `target` names
// the point of interest ("GP", "service").
std::string describeTravel(const Travel& t, double detourFactor, const std::string& target);

// Travel between arbitrary points (sites, candidates, demand), for cluster
// detection and regional selection.
struct RouteOptions {
    bool walking = true;     // walking ignores oneway; driving follows it
    bool paths = false;      // also return each route's geometry
    double detourFactor = 1.3;  // straight line x this when a route is estimated
};

// Routes from every `from` point to every `to` point, row-major (from x to).
// distance: access to the road + along the roads + access from the road (m);
// where there are no roads, or the roads do not connect the two points, the
// straight line x detourFactor, with estimated = 1 (and unreachable = 1 when
// roads exist). path: from point to point along the roads (the straight
// leg when estimated); empty unless asked for.
struct RouteMatrix {
    std::size_t rows = 0, cols = 0;
    std::vector<double> distance;
    std::vector<char> estimated, unreachable;
    std::vector<LineString> paths;
    double at(std::size_t i, std::size_t j) const { return distance[i * cols + j]; }
    bool anyEstimated() const;
};

class ContextIndex {
public:
    // End points closer than this are one network node (metres).
    static constexpr double kSnapToleranceM = 0.5;
    // Straight line x this when there are no roads (assumption; docs/requirements.md section 7).
    static constexpr double kDefaultDetourFactor = 1.3;
    static constexpr double kInfinity = std::numeric_limits<double>::infinity();

    explicit ContextIndex(const Context& context);
    ~ContextIndex();
    ContextIndex(const ContextIndex&) = delete;
    ContextIndex& operator=(const ContextIndex&) = delete;

    const Context& context() const { return context_; }

    // --- Site geometry shared by the location rules ----------------------
    // The built area: the site's footprints, or its plot when it has none.
    static MultiPolygon builtArea(const Site& site);
    // The point a site travels from: the centroid of the footprints (or plot).
    static Point sitePoint(const Site& site);

    // --- Nearest features (R-trees) ---------------------------------------
    // Nearest road accepted by the filter to the area; nullopt when none.
    std::optional<RoadHit> nearestRoad(const MultiPolygon& area, const RoadFilter& filter) const;
    // Nearest point of interest accepted by the filter to the area.
    std::optional<PoiHit> nearestPoi(const MultiPolygon& area, const PoiFilter& filter) const;
    // Indexes of the accepted POIs within `radius` (straight line) of p.
    std::vector<std::size_t> poisWithin(const Point& p, double radius, const PoiFilter& filter) const;
    std::size_t poiCount(const PoiFilter& filter) const;

    // --- Map windows (R-trees) ------------------------------------------------
    // The roads inside a box (x min/max, y min/max): every segment whose box
    // meets it, joined into runs along each road; by road, then along it.
    // With more than maxSegments, only the classes of the most important
    // ranks that fit (an R-tree per rank; a search stops at the limit).
    RoadWindow roadsIn(double minX, double minY, double maxX, double maxY,
                       std::size_t maxSegments = std::numeric_limits<std::size_t>::max()) const;
    // Indexes of the POIs inside the box (edges included), ascending.
    std::vector<std::size_t> poisIn(double minX, double minY, double maxX, double maxY) const;

    // --- Travel over the road network --------------------------------------
    // True when the roads layer has at least one segment to travel along.
    bool hasNetwork() const;
    // Travel from p to the nearest accepted POI: along the roads when there
    // is a network (one multi-source search per filter, cached for all
    // sites), else straight x detourFactor (estimated). nullopt: no such POI.
    // Its path is read back from the search's tree (each node keeps its next
    // node towards its POI): as long as the route, no search of its own.
    std::optional<Travel> nearestByTravel(const Point& p, const PoiFilter& filter,
                                          double detourFactor = kDefaultDetourFactor) const;
    // Travel from p to every accepted POI within maxDistance, nearest first.
    // Along the roads it is read from a field shared by all points: one
    // bounded multi-source search per filter and distance that keeps, at
    // every node, its nearest POIs within maxDistance (up to 8). Where a
    // node's list is full within the point's budget, one bounded search from
    // p answers instead. Both give the exact distances.
    std::vector<Travel> allWithinTravel(const Point& p, const PoiFilter& filter, double maxDistance,
                                        double detourFactor = kDefaultDetourFactor) const;
    // The same along the roads by one bounded search from p (the fallback
    // above; a reference for tests and benchmarks). Empty without roads.
    std::vector<Travel> allWithinTravelBySearch(const Point& p, const PoiFilter& filter, double maxDistance) const;
    // Point-to-point routes: every point is snapped once, then one Dijkstra
    // runs from each `from` point over the whole network (not one per pair).
    RouteMatrix routes(const std::vector<Point>& from, const std::vector<Point>& to,
                       const RouteOptions& options = {}) const;

    // --- Homes and liveability (layers dwellings, liveability) -------------
    // The dwellings within `radius` of the area whose point lies outside
    // `exclude` (the site's own plot: its own homes), nearest first.
    std::vector<DwellingHit> dwellingsWithin(const MultiPolygon& area, double radius,
                                             const MultiPolygon& exclude) const;
    // The nearest such dwelling, however far; nullopt when there is none.
    std::optional<DwellingHit> nearestDwelling(const MultiPolygon& area, const MultiPolygon& exclude) const;
    // Liveability areas within `radius` of p as (index, distance), 0 for one
    // that contains p, nearest first.
    std::vector<std::pair<std::size_t, double>> liveabilityNear(const Point& p, double radius) const;

    // --- Statistics and warm-up (benchmarks, tests) -------------------------
    std::size_t segmentCount() const;
    std::size_t nodeCount() const;
    std::size_t edgeCount() const;  // directed
    // Builds the segment R-tree, the graph and the POI snaps now; with two
    // threads or more, also the map windows' R-trees, on a second thread.
    void buildNetwork(unsigned threads = 1) const;
    // Runs (or reuses) the multi-source search for the filter now.
    void prepare(const PoiFilter& filter) const;

private:
    const Context& context_;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vgscan
