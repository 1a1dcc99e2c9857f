#include "io/opendata/Osm.h"

#include "io/opendata/Extract.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include <boost/geometry/algorithms/reverse.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace vgscan::opendata {

namespace {

// The tags GDAL's OSM driver turns into fields (its osmconf.ini format).
// Only what the builder reads: no other_tags, so memory stays small.
const char* kOsmConf = R"(closed_ways_are_polygons=aeroway,amenity,boundary,building,craft,geological,healthcare,historic,landuse,leisure,military,natural,office,place,shop,sport,tourism,highway=platform,public_transport=platform
attribute_name_laundering=yes
[points]
osm_id=yes
attributes=name,amenity,healthcare,shop,leisure,railway,public_transport,highway
other_tags=no
[lines]
osm_id=yes
attributes=name,highway,oneway,junction,maxspeed,bridge,tunnel,layer
other_tags=no
[multipolygons]
osm_id=yes
osm_way_id=yes
attributes=name,amenity,healthcare,shop,leisure,railway,public_transport,building
other_tags=no
[multilinestrings]
osm_id=yes
attributes=name
other_tags=no
[other_relations]
osm_id=yes
attributes=name
other_tags=no
)";

bool truthy(const std::string& v) { return v == "yes" || v == "true" || v == "1"; }

std::vector<std::pair<std::string, std::string>> tagsOf(OGRFeature& f) {
    std::vector<std::pair<std::string, std::string>> tags;
    for (const char* k : {"amenity", "healthcare", "shop", "leisure", "railway", "public_transport", "highway"})
        if (auto v = field(f, k); !v.empty()) tags.emplace_back(k, v);
    return tags;
}

}  // namespace

std::string roadClassOf(const std::string& highway) {
    static const std::map<std::string, std::string> kClass = {
        {"motorway", "motorway"},       {"motorway_link", "motorway"},   {"trunk", "trunk"},
        {"trunk_link", "trunk"},        {"primary", "primary"},          {"primary_link", "primary"},
        {"secondary", "secondary"},     {"secondary_link", "secondary"}, {"tertiary", "tertiary"},
        {"tertiary_link", "tertiary"},  {"residential", "residential"},  {"unclassified", "residential"},
        {"living_street", "residential"}, {"road", "residential"},       {"service", "service"},
        {"pedestrian", "path"},         {"footway", "path"},             {"path", "path"},
        {"cycleway", "path"},           {"steps", "path"},               {"track", "path"},
        {"bridleway", "path"}};
    auto it = kClass.find(highway);
    return it == kClass.end() ? "" : it->second;
}

std::string poiCategoryOf(const std::vector<std::pair<std::string, std::string>>& tags, std::string& tag) {
    auto has = [&](const char* key, std::initializer_list<const char*> values) {
        for (const auto& [k, v] : tags)
            if (k == key)
                for (const char* want : values)
                    if (v == want) {
                        tag = k + "=" + v;
                        return true;
                    }
        return false;
    };
    if (has("amenity", {"doctors"}) || has("healthcare", {"doctor"})) return "gp";
    if (has("amenity", {"hospital"}) || has("healthcare", {"hospital"})) return "hospital";
    if (has("amenity", {"school"})) return "school";
    if (has("amenity", {"kindergarten", "childcare"})) return "childcare";
    if (has("railway", {"station", "halt"}) || has("public_transport", {"station"})) return "station";
    if (has("highway", {"bus_stop"}) || has("railway", {"tram_stop"}) || has("public_transport", {"platform"}))
        return "pt_stop";
    if (has("amenity", {"bar", "pub", "nightclub"})) return "nightlife";
    if (has("leisure", {"stadium"})) return "stadium";
    for (const auto& [k, v] : tags)
        if (k == "shop" && v != "no" && v != "vacant") {
            tag = k + "=" + v;
            return "shop";
        }
    return "";
}

std::optional<double> maxspeedKmh(const std::string& text) {
    const std::string s = lower(text);
    static const std::map<std::string, double> kImplicit = {
        {"nl:urban", 50}, {"nl:rural", 80}, {"nl:trunk", 100}, {"nl:motorway", 130}, {"nl:living_street", 15}};
    if (auto it = kImplicit.find(s); it != kImplicit.end()) return it->second;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || v <= 0) return std::nullopt;
    std::string unit(end);
    unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
    if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph") return v;
    if (unit == "mph") return v * 1.609344;
    return std::nullopt;
}

OsmData readOsm(const std::string& path, const ClipArea& clip, const ClipArea& buildingsNear,
                std::vector<InputIssue>& issues) {
    // The node index goes to a temporary file on disk beyond 32 MB, so memory
    // does not follow the size of the extract.
    auto ds = openExtract(path, {"OSM"},
                          {"CONFIG_FILE=" + memoryFile("osmconf.ini", kOsmConf), "MAX_TMPFILE_SIZE=32"});
    OGRLayer* points = ds->GetLayerByName("points");
    OGRLayer* lines = ds->GetLayerByName("lines");
    OGRLayer* areas = ds->GetLayerByName("multipolygons");
    if (!points || !lines || !areas) throw InputError(path, "", "is not an OSM file with points, lines and multipolygons");
    OsmData out;
    // GDAL's OSM driver keeps only the nodes within the points layer's filter,
    // also for building ways and areas: a way that leaves the filter would
    // lose its vertices out there. So the points filter reaches 5 km further
    // than the others (a way crossing into the sites' surroundings keeps its
    // vertices within 5 km of it); the boxes' test stays exact.
    constexpr double kNodeReachM = 5000.0;
    RdLayer rp(*points, path, &clip, issues, kNodeReachM), rl(*lines, path, &clip, issues),
        ra(*areas, path, &clip, issues);
    ds->ResetReading();
    CPLErrorReset();
    for (;;) {
        OGRLayer* layer = nullptr;
        gdal::FeaturePtr f{ds->GetNextFeature(&layer, nullptr, nullptr, nullptr)};
        if (!f) break;
        ++out.featuresRead;
        const std::string osmId = field(*f, "osm_id");
        try {
            if (layer == lines) {
                const std::string highway = field(*f, "highway");
                const std::string cls = roadClassOf(highway);
                if (cls.empty()) continue;
                auto g = rl.geometry(*f);
                if (!g) continue;
                BuiltRoad r;
                r.road.roadClass = cls;
                r.road.line = gdal::toLineString(*g, 1.0);
                const std::string oneway = lower(field(*f, "oneway"));
                if (oneway == "-1" || oneway == "reverse") {
                    bg::reverse(r.road.line);
                    r.road.oneway = true;
                } else {
                    r.road.oneway = truthy(oneway) || (oneway.empty() && (highway == "motorway" || highway == "motorway_link" ||
                                                                           field(*f, "junction") == "roundabout"));
                }
                if (const std::string layerTag = field(*f, "layer"); !layerTag.empty())
                    r.road.level = std::atoi(layerTag.c_str());
                else if (const std::string b = field(*f, "bridge"); !b.empty() && b != "no")
                    r.road.level = 1;
                else if (const std::string t = field(*f, "tunnel"); !t.empty() && t != "no")
                    r.road.level = -1;
                r.name = field(*f, "name");
                r.sourceId = "osm:way/" + osmId;
                r.sourceTag = "highway=" + highway;
                r.maxspeedKmh = maxspeedKmh(field(*f, "maxspeed"));
                out.roads.push_back(std::move(r));
                continue;
            }
            if (layer != points && layer != areas) continue;
            const bool area = layer == areas;
            std::string id = area ? field(*f, "osm_way_id") : osmId;
            id = area ? (id.empty() ? "osm:relation/" + osmId : "osm:way/" + id) : "osm:node/" + osmId;
            std::string tag;
            const std::string category = poiCategoryOf(tagsOf(*f), tag);
            const std::string building = area ? field(*f, "building") : "";
            if (category.empty() && (building.empty() || buildingsNear.empty())) continue;
            auto g = (area ? ra : rp).geometry(*f);
            if (!g) continue;
            if (!category.empty()) {
                BuiltPoi p;
                p.poi.category = category;
                p.poi.name = field(*f, "name");
                p.poi.position = pointInside(*g);
                p.sourceId = id;
                p.sourceTag = tag;
                out.pois.push_back(std::move(p));
            }
            if (!building.empty() && building != "no" && buildingsNear.intersects(envelope(*g))) {
                Footprint fp;
                fp.id = id;
                fp.shape = gdal::toMultiPolygon(*g, 1.0);
                fp.status = "building=" + building;
                fp.source = "OSM";
                out.buildings.push_back(std::move(fp));
            }
        } catch (const std::exception& e) {
            issues.push_back({path, "OSM object " + osmId, std::string(e.what()) + "; left out", false});
        }
    }
    throwIfReadFailed(path, "");
    const std::string date = fileDate(path);
    out.roadsSource = {"roads", path, date, "ODbL 1.0", "© OpenStreetMap contributors"};
    out.poiSource = {"poi", path, date, "ODbL 1.0", "© OpenStreetMap contributors"};
    return out;
}

}  // namespace vgscan::opendata
