#include "io/opendata/PortfolioBuilder.h"

#include "io/opendata/Bag.h"
#include "io/opendata/ContextLayers.h"
#include "io/opendata/Extract.h"
#include "io/opendata/Nwb.h"
#include "io/opendata/Osm.h"
#include "io/opendata/Parcels.h"
#include "io/opendata/SiteList.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace vgscan::opendata {

namespace bgi = boost::geometry::index;

namespace {

// One site on its way from the list to the portfolio.
struct Placing {
    const SiteRow* row = nullptr;
    std::optional<Point> point;            // given, or the address's verblijfsobject
    std::vector<std::string> pandIds;      // asked for by id or address
    std::vector<Footprint> footprints;
    std::string locatedBy;
    std::string error;                     // why it cannot be placed
    bool failed() const { return !error.empty(); }
    MultiPolygon built() const {
        MultiPolygon all;
        for (const auto& f : footprints) all.insert(all.end(), f.shape.begin(), f.shape.end());
        return all;
    }
    Point centre() const {
        if (footprints.empty()) return *point;
        Point c;
        bg::centroid(built(), c);
        return c;
    }
};

// The building a point stands in, else the nearest within `snap`.
const Footprint* buildingAt(const Point& p, const std::vector<const Footprint*>& candidates, double snap) {
    const Footprint* best = nullptr;
    double bestD = snap;
    for (const auto* f : candidates) {
        const double d = bg::distance(p, f->shape);
        if (d <= bestD) {
            best = f;
            bestD = d;
        }
    }
    return best;
}

template <class Geometry>
MultiPolygon grown(const Geometry& shape, double by) {
    namespace bs = bg::strategy::buffer;
    MultiPolygon out;
    bg::buffer(shape, out, bs::distance_symmetric<double>(by), bs::side_straight(), bs::join_round(16),
               bs::end_round(16), bs::point_circle(32));
    return out;
}

MultiPolygon unionOf(const MultiPolygon& parts) {
    MultiPolygon out;
    for (const auto& poly : parts) {
        MultiPolygon next;
        bg::union_(out, poly, next);
        out = std::move(next);
    }
    return out;
}

std::string metres(double m) { return std::to_string(static_cast<long>(m + 0.5)) + " m"; }

// An address to look up, and what to do with the answer.
struct Ask {
    Locator where;
    std::function<void(const AddressHit&)> found;
    std::function<void(const std::string&)> notFound;
    std::function<void(const std::string&)> warn;
};

}  // namespace

BuildResult buildPortfolio(const BuildOptions& o) {
    BuildResult r;
    auto& issues = r.issues;
    auto& out = r.portfolio;
    const SiteList list = readSiteList(o.sites, issues);
    r.sitesListed = list.rows.size() + static_cast<std::size_t>(std::count_if(
                                           issues.begin(), issues.end(), [](const InputIssue& i) { return i.error; }));
    std::vector<Placing> sites;
    for (const auto& row : list.rows) {
        Placing p;
        p.row = &row;
        p.point = row.where.point;
        p.locatedBy = row.where.how;
        if (!row.where.bagPandId.empty()) p.pandIds.push_back(row.where.bagPandId);
        sites.push_back(std::move(p));
    }
    auto siteError = [&](Placing& p, const std::string& problem) {
        p.error = problem;
        issues.push_back({o.sites, p.row->object(), problem, true});
    };
    auto siteWarning = [&](const Placing& p, const std::string& problem) {
        issues.push_back({o.sites, p.row->object(), problem, false});
    };
    // A whole extract that cannot be read: reported, its layers left out.
    auto extractFailed = [&](const InputError& e) {
        issues.insert(issues.end(), e.issues().begin(), e.issues().end());
        r.extractFailed = true;
    };

    std::unique_ptr<Bag> bag;
    if (!o.bag.empty()) {
        try {
            bag = std::make_unique<Bag>(o.bag, issues);
        } catch (const InputError& e) {
            extractFailed(e);
        }
    }

    // --- 1. Tables that may name addresses: read first, so that one pass over
    //        the BAG's addresses serves sites, services and clients. ---------
    PoiTable poiTable;
    DemandData demandTable;
    if (!o.poi.empty()) {
        try {
            poiTable = readPoiTable(o.poi, issues);
        } catch (const InputError& e) {
            extractFailed(e);
        }
    }
    const bool demandIsTable = !o.demand.empty() && isTable(o.demand);
    if (demandIsTable) {
        try {
            demandTable = readDemandTable(o.demand, issues);
        } catch (const InputError& e) {
            extractFailed(e);
        }
    }
    std::vector<Ask> asks;
    for (auto& p : sites)
        if (p.locatedBy == "address")
            asks.push_back({p.row->where,
                            [&p](const AddressHit& h) {
                                p.pandIds = h.pandIds;
                                p.point = h.position;
                                p.locatedBy = "address (" + h.what + ")";
                            },
                            [&, pp = &p](const std::string& why) { siteError(*pp, why); },
                            [&, pp = &p](const std::string& w) { siteWarning(*pp, w); }});
    for (auto& row : poiTable.pending)
        asks.push_back({row.where, [&out, &row](const AddressHit& h) {
                            row.item.poi.position = h.position;
                            out.pois.push_back(row.item);
                        },
                        [&, line = row.line](const std::string& why) {
                            issues.push_back({o.poi, "row " + std::to_string(line), why + "; left out", true});
                        },
                        [&, line = row.line](const std::string& w) {
                            issues.push_back({o.poi, "row " + std::to_string(line), w, false});
                        }});
    for (auto& row : demandTable.pending)
        asks.push_back({row.where, [&demandTable, &row](const AddressHit& h) {
                            row.item.point.position = h.position;
                            demandTable.points.push_back(row.item);
                        },
                        [&, line = row.line](const std::string& why) {
                            issues.push_back({o.demand, "row " + std::to_string(line), why + "; left out", true});
                        },
                        [](const std::string&) {}});
    if (!asks.empty()) {
        if (!bag || !bag->hasAddresses()) {
            for (auto& a : asks)
                a.notFound("is given by address, but no BAG with addresses was given (--bag with the Nummeraanduiding "
                           "and Verblijfsobject files, or the bag-light GeoPackage)");
        } else {
            std::vector<Locator> queries;
            for (const auto& a : asks) queries.push_back(a.where);
            std::vector<std::string> why, warnings;
            try {
                const auto hits = bag->findAddresses(queries, why, warnings);
                for (std::size_t i = 0; i < hits.size(); ++i) {
                    if (!warnings[i].empty()) asks[i].warn(warnings[i]);
                    if (hits[i])
                        asks[i].found(*hits[i]);
                    else
                        asks[i].notFound(why[i]);
                }
            } catch (const InputError& e) {
                extractFailed(e);
                for (auto& a : asks) a.notFound("could not be looked up: the BAG extract is unreadable");
            }
        }
    }

    // --- 2. Every site's building: BAG pand by id or address, or at a point. ---
    std::set<std::string> wanted;
    std::vector<Point> pointSites;
    for (auto& p : sites) {
        if (p.failed()) continue;
        if (p.locatedBy == "bag_pand_id" && (!bag || !bag->hasPanden())) {
            siteError(p, "is given by bag_pand_id, but no BAG (or BGT/BRK pand) extract was given (--bag)");
            continue;
        }
        wanted.insert(p.pandIds.begin(), p.pandIds.end());
        if (p.pandIds.empty() && p.point) pointSites.push_back(*p.point);
    }
    std::map<std::string, Footprint> panden;
    Missing missing;
    if (bag && bag->hasPanden() && (!wanted.empty() || !pointSites.empty())) {
        try {
            panden = bag->panden(wanted, ClipArea(pointSites, o.pointSnapM), missing);
        } catch (const InputError& e) {
            extractFailed(e);
            for (const auto& id : wanted) missing[id] = "could not be read: the BAG extract is unreadable";
        }
    }
    std::vector<const Footprint*> pandList;
    for (const auto& [id, f] : panden) pandList.push_back(&f);
    std::string bagFiles;
    for (const auto& b : o.bag) bagFiles += (bagFiles.empty() ? "" : ", ") + b;
    std::vector<Point> pending;  // point sites still without a building
    for (auto& p : sites) {
        if (p.failed()) continue;
        if (!p.pandIds.empty()) {
            std::string problems;
            for (const auto& id : p.pandIds) {
                if (auto it = panden.find(id); it != panden.end())
                    p.footprints.push_back(it->second);
                else
                    problems += (problems.empty() ? "" : "; ") + ("pand " + id + " " + missing[id]);
            }
            if (p.footprints.empty())
                siteError(p, problems + " (" + bagFiles + ")");
            else if (!problems.empty())
                siteWarning(p, problems);
            continue;
        }
        if (const Footprint* f = buildingAt(*p.point, pandList, o.pointSnapM)) {
            p.footprints.push_back(*f);
            p.locatedBy += " in pand " + f->id;
        } else {
            pending.push_back(*p.point);
        }
    }

    // --- 3. The surroundings every reader keeps. ------------------------------
    std::vector<Point> centres;
    for (const auto& p : sites)
        if (!p.failed()) centres.push_back(p.centre());
    const ClipArea clip(centres, o.margin);
    const bool anySite = !clip.empty();

    // --- 4. Roads and points of interest: OSM, NWB. ---------------------------
    if (!o.osm.empty() && anySite) {
        try {
            OsmData osm = readOsm(o.osm, clip, ClipArea(pending, o.pointSnapM), issues);
            r.summary.push_back("OSM " + o.osm + ": " + std::to_string(osm.featuresRead) + " features within the sites' bounds, " +
                                std::to_string(osm.roads.size()) + " roads and " + std::to_string(osm.pois.size()) +
                                " points of interest kept");
            if (o.nwb.empty()) {
                out.roads = std::move(osm.roads);
                out.hasRoads = true;
                out.sources.push_back(osm.roadsSource);
            }
            out.pois.insert(out.pois.end(), osm.pois.begin(), osm.pois.end());
            out.hasPois = true;
            out.sources.push_back(osm.poiSource);
            std::vector<const Footprint*> osmBuildings;
            for (const auto& f : osm.buildings) osmBuildings.push_back(&f);
            bool used = false;
            for (auto& p : sites) {
                if (p.failed() || !p.footprints.empty() || !p.pandIds.empty()) continue;
                if (const Footprint* f = buildingAt(*p.point, osmBuildings, o.pointSnapM)) {
                    p.footprints.push_back(*f);
                    p.locatedBy += " in OSM building " + f->id;
                    used = true;
                }
            }
            if (used) out.sources.push_back({"buildings", o.osm, fileDate(o.osm), "ODbL 1.0", "© OpenStreetMap contributors"});
        } catch (const InputError& e) {
            extractFailed(e);
            issues.push_back({o.osm, "", "its roads and points of interest are left out: the rules that need them "
                                         "report unknown",
                              true});
        }
    }
    if (!o.nwb.empty() && anySite) {
        try {
            NwbData nwb = readNwb(o.nwb, clip, issues);
            r.summary.push_back("NWB " + o.nwb + ": " + std::to_string(nwb.roads.size()) + " wegvakken kept" +
                                (o.osm.empty() ? "" : " (they replace OSM's roads)"));
            out.roads = std::move(nwb.roads);
            out.hasRoads = true;
            out.sources.push_back(nwb.source);
        } catch (const InputError& e) {
            extractFailed(e);
            issues.push_back({o.nwb, "", "its roads are left out: the rules that need roads estimate or report unknown",
                              true});
        }
    }
    if (!o.poi.empty() && !poiTable.source.file.empty()) {
        out.hasPois = true;
        out.sources.push_back(poiTable.source);
        out.pois.insert(out.pois.end(), poiTable.pois.begin(), poiTable.pois.end());
    }

    // --- 5. Homes, demand and liveability around the sites. --------------------
    if (bag && bag->hasDwellings() && anySite) {
        try {
            out.dwellings = bag->dwellings(clip);
            out.hasDwellings = true;
            r.summary.push_back("BAG: " + std::to_string(out.dwellings.size()) + " dwellings kept");
        } catch (const InputError& e) {
            extractFailed(e);
        }
    }
    if (bag)
        for (auto& s : bag->sources(out.hasDwellings)) out.sources.push_back(std::move(s));
    if (!o.demand.empty() && anySite) {
        try {
            DemandData d = demandIsTable ? std::move(demandTable) : readDemandAreas(o.demand, clip, issues);
            if (!d.source.file.empty()) {
                const std::size_t read = d.points.size();
                for (auto& pt : d.points)
                    if (clip.intersects(Box(pt.point.position, pt.point.position))) out.demand.push_back(std::move(pt));
                out.hasDemand = true;
                out.sources.push_back(d.source);
                // Clients dropped for lying far from every site are told,
                // not only the count kept.
                const std::size_t outside = read - out.demand.size();
                r.summary.push_back("demand " + o.demand + ": " + std::to_string(out.demand.size()) + " points kept" +
                                    (outside ? " (" + std::to_string(outside) + " farther than " + metres(o.margin) +
                                                   " from every site left out)"
                                             : std::string()));
                // No client left: select and plan have nothing to serve.
                if (out.demand.empty()) {
                    issues.push_back({o.demand, "",
                                      "no demand point is left (rows with errors above, or all farther than " +
                                          metres(o.margin) + " from every site): the portfolio's demand layer is empty",
                                      true});
                    r.extractFailed = true;
                }
            }
        } catch (const InputError& e) {
            extractFailed(e);
        }
    }
    if (!o.liveability.empty() && anySite) {
        try {
            LiveabilityData l = readLiveability(o.liveability, clip, issues);
            out.liveability = std::move(l.areas);
            out.hasLiveability = true;
            out.sources.push_back(l.source);
            r.summary.push_back("liveability " + o.liveability + ": " + std::to_string(out.liveability.size()) +
                                " areas kept (class field '" + l.field + "')");
        } catch (const InputError& e) {
            extractFailed(e);
        }
    }

    // --- 6. A site with no building and nothing of any extract around it lies
    //        outside them all: it cannot be placed. ---------------------------
    if (out.hasRoads || out.hasPois || out.hasDwellings) {
        std::vector<Box> boxes;
        for (const auto& rd : out.roads) boxes.push_back(bg::return_envelope<Box>(rd.road.line));
        for (const auto& poi : out.pois) boxes.emplace_back(poi.poi.position, poi.poi.position);
        for (const auto& d : out.dwellings) boxes.emplace_back(d.position, d.position);
        const bgi::rtree<Box, bgi::quadratic<16>> context(boxes.begin(), boxes.end());
        for (auto& p : sites) {
            if (p.failed() || !p.footprints.empty()) continue;
            const Point c = *p.point;
            const Box around(Point(c.x() - o.margin, c.y() - o.margin), Point(c.x() + o.margin, c.y() + o.margin));
            if (context.qbegin(bgi::intersects(around)) == context.qend())
                siteError(p, "lies outside every extract given: no building at its point and no road, point of "
                             "interest or dwelling within " + metres(o.margin));
        }
    }

    // --- 7. Plots: the parcels under each building, else a stated fallback. ----
    std::vector<Parcel> parcels;
    bool parcelsRead = false;
    if (!o.parcels.empty()) {
        std::vector<Point> near;
        for (const auto& p : sites)
            if (!p.failed()) near.push_back(p.centre());
        try {
            // A building's parcels lie around it: its box plus 200 m covers any plot
            // under a building up to 200 m across (assumption).
            ParcelData pd = readParcels(o.parcels, ClipArea(near, 200.0), issues);
            parcels = std::move(pd.parcels);
            parcelsRead = true;
            out.sources.push_back(pd.source);
        } catch (const InputError& e) {
            extractFailed(e);
        }
    }
    bgi::rtree<std::pair<Box, std::size_t>, bgi::quadratic<16>> parcelIndex;
    for (std::size_t i = 0; i < parcels.size(); ++i)
        parcelIndex.insert({bg::return_envelope<Box>(parcels[i].shape), i});

    for (auto& p : sites) {
        if (p.failed()) continue;
        Site s;
        s.id = p.row->id;
        s.name = p.row->name;
        s.places = p.row->places;
        s.profile = p.row->profile;
        s.planFile = p.row->plan;
        for (const auto& [k, v] : p.row->extra) s.attributes[k] = v;
        const MultiPolygon built = p.built();
        for (const auto& f : p.footprints) {
            out.buildings.push_back({s.id, f});
            s.footprints.insert(s.footprints.end(), f.shape.begin(), f.shape.end());
        }
        std::string plotFrom;
        if (built.empty()) {
            siteWarning(p, "no building found at its point (BAG" + std::string(o.osm.empty() ? "" : ", OSM") +
                               ", within " + metres(o.pointSnapM) + "): it has no footprint, and its plot is the "
                               "circle of " + metres(o.plotMarginM) + " around the point");
            s.plot = grown(bg::model::multi_point<Point>{*p.point}, o.plotMarginM);
            plotFrom = "point + " + metres(o.plotMarginM) + " (no building)";
        } else {
            std::vector<const Parcel*> candidates;
            for (auto it = parcelIndex.qbegin(bgi::intersects(bg::return_envelope<Box>(built)));
                 it != parcelIndex.qend(); ++it)
                candidates.push_back(&parcels[it->second]);
            std::vector<std::string> ids;
            // Overlaps under 1 m² are drawing differences, not a plot (assumption).
            if (parcelsRead) s.plot = plotUnder(built, candidates, 1.0, ids);
            if (!s.plot.empty()) {
                std::string list;
                for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
                plotFrom = "parcels " + list;
                // The building may reach beyond its parcels (a drawing difference).
                s.plot = unionOf([&] {
                    MultiPolygon all = s.plot;
                    all.insert(all.end(), built.begin(), built.end());
                    return all;
                }());
            } else {
                s.plot = grown(unionOf(built), o.plotMarginM);
                plotFrom = "footprint + " + metres(o.plotMarginM);
                siteWarning(p, (parcelsRead ? "no parcel in " + o.parcels + " lies under its building"
                                            : std::string("no parcels given (--parcels)")) +
                                   ": its plot is the footprint grown by " + metres(o.plotMarginM) + " (assumption)");
            }
        }
        out.plotFrom.push_back(plotFrom);
        out.locatedBy.push_back(p.locatedBy);
        out.sites.push_back(std::move(s));
    }
    out.extraColumns = list.extraColumns;
    r.sitesPlaced = out.sites.size();
    return r;
}

}  // namespace vgscan::opendata
