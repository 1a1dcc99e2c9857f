#include "report/ClusterReports.h"

#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "io/Gdal.h"
#include "report/Reports.h"
#include "rules/RuleKit.h"

#include <iomanip>
#include <stdexcept>

namespace vgscan {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

std::string roundIds(const Cluster& c) {
    std::string s;
    for (std::size_t k : c.round.order) s += c.sites[k].id + " > ";
    return c.round.order.empty() ? s : s + c.sites[c.round.order.front()].id;
}

std::string siteIds(const Cluster& c) {
    std::string s;
    for (const auto& x : c.sites) s += (s.empty() ? "" : ", ") + x.id;
    return s;
}

}  // namespace

QJsonArray clustersToJson(const ClusterResult& r) {
    QJsonArray out;
    for (const auto& c : r.clusters) {
        QJsonObject o;
        o["id"] = q(c.id);
        QJsonArray sites;
        for (std::size_t i = 0; i < c.sites.size(); ++i) {
            const ClusterSite& s = c.sites[i];
            sites.append(QJsonObject{{"id", q(s.id)},
                                     {"name", q(s.name)},
                                     {"verdict", q(s.verdict)},
                                     {"places", s.places ? QJsonValue(*s.places) : QJsonValue(QJsonValue::Null)},
                                     {"counted_places", c.countedPlaces[i]}});
        }
        o["sites"] = sites;
        o["places"] = c.places;
        o["max_pair_walk_m"] = c.maxPairWalkM;
        QJsonArray notes;
        for (const auto& n : c.notes) notes.append(q(n));
        o["notes"] = notes;
        QJsonObject round;
        QJsonArray order, legs, path;
        for (std::size_t k : c.round.order) order.append(q(c.sites[k].id));
        for (double l : c.round.legsM) legs.append(l);
        for (const auto& p : c.round.path) path.append(QJsonArray{p.x(), p.y()});
        round["order"] = order;
        round["legs_m"] = legs;
        round["length_m"] = c.round.lengthM;
        round["minutes"] = c.round.minutes;
        round["limit_min"] = r.params.nightRoundMaxMin;
        round["within_limit"] = c.round.withinLimit;
        round["exact"] = c.round.exact;
        round["method"] = q(c.round.method);
        round["estimated"] = c.round.estimated;
        round["path"] = path;
        o["night_round"] = round;
        out.append(o);
    }
    return out;
}

QJsonObject clusterDetectionToJson(const ClusterResult& r) {
    QJsonObject o;
    o["method"] = q(r.method);
    o["exact"] = r.exact;
    o["estimated"] = r.estimated;
    o["distances"] = r.estimated ? "straight line x detour factor where the roads give no route (estimate)"
                                 : "walking distance along the roads (oneway ignored)";
    o["candidates"] = static_cast<int>(r.candidates);
    QJsonArray alone;
    for (const auto& s : r.alone) alone.append(q(s.id));
    o["alone"] = alone;
    const ClusterParams& p = r.params;
    QJsonArray verdicts;
    for (Verdict v : p.verdicts) verdicts.append(toString(v));
    auto param = [&](const char* name, const QJsonValue& v) {
        auto it = p.sources.find(name);
        return QJsonObject{{"value", v}, {"source", q(it == p.sources.end() ? "default (assumption)" : it->second)}};
    };
    o["parameters"] = QJsonObject{
        {"verdicts", param("verdicts", verdicts)},
        {"max_walk_m", param("max_walk_m", p.maxWalkM)},
        {"max_drive_min", param("max_drive_min", p.maxDriveMin ? QJsonValue(*p.maxDriveMin) : QJsonValue(QJsonValue::Null))},
        {"drive_speed_kmh", param("drive_speed_kmh", p.driveSpeedKmh)},
        {"walk_speed_kmh", param("walk_speed_kmh", p.walkSpeedKmh)},
        {"max_places_per_site", param("max_places_per_site", p.maxPlacesPerSite)},
        {"max_places_per_cluster", param("max_places_per_cluster", p.maxPlacesPerCluster)},
        {"night_round_max_min", param("night_round_max_min", p.nightRoundMaxMin)},
        {"detour_factor", param("detour_factor", p.detourFactor)},
    };
    return o;
}

void addClusters(QJsonObject& scanJson, const ClusterResult& r) {
    scanJson["clusters"] = clustersToJson(r);
    scanJson["cluster_detection"] = clusterDetectionToJson(r);
}

void writeClusterTable(std::ostream& out, const ClusterResult& r) {
    using i18n::arg;
    using i18n::tx;
    const std::string reach =
        r.params.maxDriveMin
            ? arg(tx("table", "every pair within %1 m walking or %2 min driving"), i18n::shown(r.params.maxWalkM, 0),
                  i18n::shown(*r.params.maxDriveMin, 1))
            : arg(tx("table", "every pair within %1 m walking"), i18n::shown(r.params.maxWalkM, 0));
    out << "\n"
        << arg(r.candidates == 1 ? tx("table", "Clusters (%1, at most %2 places; %3 site took part")
                                 : tx("table", "Clusters (%1, at most %2 places; %3 sites took part"),
               reach,
               std::to_string(r.params.maxPlacesPerCluster), std::to_string(r.candidates))
        << (r.estimated ? "; " + arg(tx("table", "distances ESTIMATED as straight line x %1"),
                                     i18n::shown(r.params.detourFactor, 2))
                        : "")
        << ")\n";
    if (r.clusters.empty()) out << "  " << tx("table", "none") << "\n";
    for (const auto& c : r.clusters) {
        out << "  " << std::left << std::setw(5) << c.id << siteIds(c) << ": "
            << arg(tx("table", "%1 places; night round %2 m, %3 min"), std::to_string(c.places),
                   i18n::shown(c.round.lengthM, 0), i18n::shown(c.round.minutes, 1))
            << (c.round.withinLimit ? "" : " (" + arg(tx("table", "over %1 min"), i18n::shown(r.params.nightRoundMaxMin, 0)) + ")")
            << (c.round.exact ? "" : " [" + tx("table", "heuristic") + "]")
            << (c.round.estimated ? " [" + tx("table", "estimate") + "]" : "") << ": " << roundIds(c) << "\n";
        for (const auto& n : c.notes) out << "        " << i18n::ruleText(n) << "\n";
    }
    if (!r.alone.empty()) {
        out << "  " << tx("table", "in no cluster:");
        for (const auto& s : r.alone) out << " " << s.id;
        out << "\n";
    }
}

void writeClustersLayer(const std::string& gpkgPath, const Portfolio& p, const ClusterResult& r) {
    gdal::init();
    gdal::DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(gpkgPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    if (!ds) throw std::runtime_error(gpkgPath + ": cannot be opened to add the layer 'clusters': " +
                                      gdal::lastError("open failed"));
    for (int i = 0; i < ds->GetLayerCount(); ++i)
        if (std::string(ds->GetLayer(i)->GetName()) == "clusters") {
            ds->DeleteLayer(i);
            break;
        }
    OGRSpatialReference srs;
    if (!p.crsWkt.empty()) srs.importFromWkt(p.crsWkt.c_str());
    OGRLayer* layer = ds->CreateLayer("clusters", p.crsWkt.empty() ? nullptr : &srs, wkbLineString, nullptr);
    if (!layer) throw std::runtime_error(gpkgPath + ": cannot create layer 'clusters'");
    auto addField = [&](const char* name, OGRFieldType t) {
        OGRFieldDefn fd(name, t);
        layer->CreateField(&fd);
    };
    addField("cluster_id", OFTString);
    addField("sites", OFTString);
    addField("places", OFTInteger);
    addField("round_order", OFTString);
    addField("round_m", OFTReal);
    addField("round_min", OFTReal);
    addField("exact", OFTInteger);
    addField("estimated", OFTInteger);
    ds->StartTransaction();
    for (const auto& c : r.clusters) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("cluster_id", c.id.c_str());
        f->SetField("sites", siteIds(c).c_str());
        f->SetField("places", c.places);
        f->SetField("round_order", roundIds(c).c_str());
        f->SetField("round_m", c.round.lengthM);
        f->SetField("round_min", c.round.minutes);
        f->SetField("exact", c.round.exact ? 1 : 0);
        f->SetField("estimated", c.round.estimated ? 1 : 0);
        OGRLineString line = gdal::fromLineString(c.round.path);
        f->SetGeometry(&line);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw std::runtime_error(gpkgPath + ": cannot write cluster '" + c.id + "'");
    }
    std::vector<std::string> ids;
    for (const auto& c : r.clusters) ids.push_back(c.id);
    writeClustersStyle(*ds, gpkgPath, ids);
    ds->CommitTransaction();
}

}  // namespace vgscan
