#include "io/opendata/Nwb.h"

#include "io/opendata/Extract.h"

#include <cpl_conv.h>

#include <boost/geometry/algorithms/reverse.hpp>

#include <cmath>
#include <map>
#include <set>

namespace vgscan::opendata {

std::string nwbRoadClass(const std::string& wegbehsrt, const std::string& bstCode) {
    static const std::set<std::string> kPath = {"FP", "VP"};
    static const std::set<std::string> kService = {"PKP", "PKB", "PKR", "PKD", "VWG"};
    if (kPath.count(bstCode)) return "path";
    if (kService.count(bstCode)) return "service";
    if (wegbehsrt == "R") return "motorway";
    if (wegbehsrt == "P") return "secondary";
    if (wegbehsrt == "W") return "tertiary";
    return "residential";
}

NwbData readNwb(const std::string& path, const ClipArea& clip, std::vector<InputIssue>& issues) {
    // A WFS answer names its schema on a server: never resolve or fetch it.
    CPLConfigOptionSetter skip("GML_SKIP_RESOLVE_ELEMS", "ALL", false);
    auto ds = openExtract(path, {"GML", "GPKG", "ESRI Shapefile", "FlatGeobuf", "GeoJSON"});
    OGRLayer* layer = findLayer(*ds, "wegvakken");
    if (!layer)
        for (auto* l : ds->GetLayers())
            if (gdal::hasField(*l, "wvk_id")) layer = l;
    if (!layer || !gdal::hasField(*layer, "wegbehsrt"))
        throw InputError(path, "", "has no NWB wegvakken (a layer with wvk_id and wegbehsrt; layers: " +
                                       layerNames(*ds) + ")");
    NwbData out;
    RdLayer rl(*layer, path, &clip, issues);
    std::map<std::string, Point> junctions;  // first point seen at each junction
    auto snapTo = [&](const std::string& junction, Point& p) {
        if (junction.empty() || junction == "0") return;
        auto [it, fresh] = junctions.emplace(junction, p);
        if (fresh) return;
        const double d = std::hypot(it->second.x() - p.x(), it->second.y() - p.y());
        if (d > 0.0) {
            ++out.endsMoved;
            out.largestMoveM = std::max(out.largestMoveM, d);
            p = it->second;
        }
    };
    CPLErrorReset();
    while (gdal::FeaturePtr f{layer->GetNextFeature()}) {
        const std::string id = field(*f, "wvk_id");
        try {
            auto g = rl.geometry(*f);
            if (!g) continue;
            BuiltRoad r;
            const std::string authority = field(*f, "wegbehsrt"), bst = field(*f, "bst_code"),
                              direction = field(*f, "rijrichtng");
            r.road.roadClass = nwbRoadClass(authority, bst);
            r.road.line = gdal::toLineString(*g, 1.0);
            if (r.road.line.size() < 2) continue;
            r.fromNode = field(*f, "jte_id_beg");
            r.toNode = field(*f, "jte_id_end");
            snapTo(r.fromNode, r.road.line.front());
            snapTo(r.toNode, r.road.line.back());
            if (direction == "H") r.road.oneway = true;
            if (direction == "T") {
                r.road.oneway = true;
                bg::reverse(r.road.line);
                std::swap(r.fromNode, r.toNode);
            }
            r.name = field(*f, "stt_naam");
            r.sourceId = "nwb:wvk/" + id;
            r.sourceTag = "wegbehsrt=" + authority + (bst.empty() ? "" : " bst_code=" + bst) +
                          (direction.empty() ? "" : " rijrichtng=" + direction);
            out.roads.push_back(std::move(r));
        } catch (const std::exception& e) {
            issues.push_back({path, "wegvak " + id, std::string(e.what()) + "; left out", false});
        }
    }
    throwIfReadFailed(path, "layer '" + std::string(layer->GetName()) + "'");
    if (out.largestMoveM > 1.0)
        issues.push_back({path, "", std::to_string(out.endsMoved) + " road ends moved onto their junction, the farthest " +
                                        std::to_string(static_cast<int>(out.largestMoveM + 0.5)) + " m",
                          false});
    out.source = {"roads", path, fileDate(path), "CC0 1.0 (as listed by PDOK; verify with Rijkswaterstaat / NDW)",
                  "Rijkswaterstaat, Nationaal Wegenbestand (NWB)"};
    return out;
}

}  // namespace vgscan::opendata
