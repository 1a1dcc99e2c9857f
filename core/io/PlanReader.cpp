#include "io/PlanReader.h"

#include "io/Gdal.h"
#include "io/Import.h"
#include "io/Limits.h"
#include "io/PlanPath.h"
#include "io/PropertyNames.h"
#include "io/UseMapping.h"
#include "validate/PlanValidator.h"

#include <boost/geometry.hpp>

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>

namespace vgscan {

namespace {

enum class FeatureType { Space, Opening, StaffPost, Unknown };

constexpr int kMaxStorey = 200;

FeatureType featureTypeOfLayer(const std::string& layerName) {
    if (layerName == "spaces") return FeatureType::Space;
    if (layerName == "openings") return FeatureType::Opening;
    if (layerName == "staff_posts") return FeatureType::StaffPost;
    return FeatureType::Unknown;
}

FeatureType featureTypeOfValue(const std::string& v) {
    if (v == "space") return FeatureType::Space;
    if (v == "opening") return FeatureType::Opening;
    if (v == "staff_post") return FeatureType::StaffPost;
    return FeatureType::Unknown;
}

// A plan whose coordinates span more than this many degrees would be
// kilometres across in degrees: no building is (0.05 degrees is 3 to 5.5 km).
constexpr double kMaxBuildingDegrees = 0.05;

// For a plan rejected as degrees: when its coordinates span more than any
// building could in degrees, they are metres that a tool labelled WGS 84 (as
// ogr2ogr does to a GeoJSON without a "crs"), and the message says how to
// drop the label.
std::string metresLabelledDegrees(OGRLayer& layer, bool geojson) {
    OGREnvelope e;
    if (layer.GetExtent(&e, TRUE) != OGRERR_NONE) return "";
    const double w = e.MaxX - e.MinX, h = e.MaxY - e.MinY;
    if (std::max(w, h) <= kMaxBuildingDegrees) return "";
    return ". Its coordinates span " + gdal::show(w) + " x " + gdal::show(h) +
           ": as degrees that is kilometres, so they are likely metres labelled as degrees" +
           (geojson ? std::string(": remove the 'crs' member for local metres")
                    : std::string(" (ogr2ogr labels a GeoJSON without a 'crs' WGS 84): convert it again with "
                                  "'ogr2ogr -a_srs None' for local metres"));
}

// A projected CRS whose lengths at the plan differ from lengths on the ground
// by more than this share is refused: Web Mercator (EPSG:3857, the default of
// web maps and of many QGIS projects) stretches the Netherlands by 1.63, so a
// 1.2 m corridor measured 1.96 m and passed. RD (0.99992) and UTM within its
// zone (0.9996 to 1.001) are far inside it.
constexpr double kMaxScaleError = 0.01;

// How many times a length in the CRS's metres exceeds the same length on the
// ground, at the middle of the layer (east-west and north-south, the worse);
// nullopt when the CRS cannot be related to a geographic one. Ground lengths of
// short steps from the ellipsoid's radii of curvature, exact enough for a 1 %
// test.
std::optional<double> scaleAtPlan(OGRLayer& layer, const OGRSpatialReference& srs) {
    OGREnvelope e;
    if (layer.GetExtent(&e, TRUE) != OGRERR_NONE) return std::nullopt;
    std::unique_ptr<OGRSpatialReference> geographic(srs.CloneGeogCS());
    if (!geographic) return std::nullopt;
    OGRSpatialReference projected(srs);
    projected.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    geographic->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toGeographic(
        OGRCreateCoordinateTransformation(&projected, geographic.get()));
    if (!toGeographic) return std::nullopt;
    const double unit = srs.GetLinearUnits();
    const double step = 10.0 / unit;  // 10 m in the CRS's units
    const double cx = (e.MinX + e.MaxX) / 2, cy = (e.MinY + e.MaxY) / 2;
    double xs[3] = {cx, cx + step, cx}, ys[3] = {cy, cy, cy + step};
    if (!toGeographic->Transform(3, xs, ys)) return std::nullopt;
    const double a = geographic->GetSemiMajor(), invF = geographic->GetInvFlattening();
    const double f = invF > 0 ? 1.0 / invF : 0.0, e2 = f * (2 - f);
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double phi = ys[0] * kRad, w = 1 - e2 * std::sin(phi) * std::sin(phi);
    const double meridian = a * (1 - e2) / std::pow(w, 1.5), prime = a / std::sqrt(w);
    auto ground = [&](int i) {
        return std::hypot(meridian * (ys[i] - ys[0]) * kRad, prime * std::cos(phi) * (xs[i] - xs[0]) * kRad);
    };
    const double east = ground(1), north = ground(2);
    if (!(east > 0) || !(north > 0)) return std::nullopt;
    const double se = 10.0 / east, sn = 10.0 / north;
    return std::fabs(se - 1) > std::fabs(sn - 1) ? se : sn;
}

// How to turn the layer's coordinates into metres; throws for degrees.
double metresPerUnit(OGRLayer& layer, const std::string& path, GDALDataset& ds, FloorPlan& plan,
                     gdal::CrsScan crsScan) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) return 1.0;
    // A GeoPackage without a CRS has srs_id 0, which the standard calls the
    // "Undefined geographic SRS": no CRS given, so local metres as above.
    const char* srsName = srs->GetName();
    if (std::string(ds.GetDriver()->GetDescription()) == "GPKG" && srsName &&
        std::string(srsName) == "Undefined geographic SRS")
        return 1.0;
    if (srs->IsGeographic()) {
        // GDAL implies WGS 84 for any GeoJSON without a "crs" member (RFC 7946);
        // a CAD plan exported to GeoJSON carries local metres, not degrees.
        if (std::string(ds.GetDriver()->GetDescription()) == "GeoJSON" && !gdal::geojsonDeclaresCrs(path, crsScan))
            return 1.0;
        throw InputError(path, "layer '" + std::string(layer.GetName()) + "'",
                         "plan is in a geographic CRS (" + gdal::describe(*srs) +
                             ", degrees); lengths are never measured in degrees: give the plan in a "
                             "projected CRS in metres, or without a CRS (local metres)" +
                             metresLabelledDegrees(layer, std::string(ds.GetDriver()->GetDescription()) == "GeoJSON"));
    }
    if (srs->IsProjected()) {
        if (const auto scale = scaleAtPlan(layer, *srs); scale && std::fabs(*scale - 1) > kMaxScaleError)
            throw InputError(path, "layer '" + std::string(layer.GetName()) + "'",
                             "plan is in " + gdal::describe(*srs) + ", whose lengths here are " +
                                 gdal::show(std::round(*scale * 100) / 100) +
                                 " times those on the ground: every width, area and walk would be off by that; "
                                 "give the plan in a CRS true to scale here (in the Netherlands RD, EPSG:28992: "
                                 "'ogr2ogr -t_srs EPSG:28992 OUT IN'), or without a CRS (local metres)");
        plan.localMetres = false;
        char* wkt = nullptr;
        srs->exportToWkt(&wkt);
        plan.crsWkt = wkt ? wkt : "";
        CPLFree(wkt);
        return srs->GetLinearUnits();
    }
    return 1.0;  // local engineering CRS: take units as metres
}

// Every property a plan's features may have (docs/floorplan-format.md).
const std::vector<const char*> kPlanProperties = {"id",    "feature", "use",  "storey", "group",  "name",
                                                  "shaft", "kind",    "from", "to",     "width_m"};

// The plan property a misnamed one most likely stands for: the names CAD and
// GIS exports and Dutch offices give them, else a property one or two typing
// errors away; empty when none is near.
std::string likelyMeant(const std::string& field) {
    static const std::vector<std::pair<const char*, const char*>> kOtherNames = {
        {"level", "storey"},      {"floor", "storey"},        {"story", "storey"},   {"verdieping", "storey"},
        {"bouwlaag", "storey"},   {"usage", "use"},           {"function", "use"},   {"functie", "use"},
        {"gebruik", "use"},       {"type", "kind"},           {"soort", "kind"},     {"width", "width_m"},
        {"breedte", "width_m"},   {"clear_width", "width_m"}, {"naam", "name"},      {"groep", "group"},
        {"woongroep", "group"},   {"van", "from"},            {"naar", "to"},        {"schacht", "shaft"},
        {"featuretype", "feature"}, {"feature_type", "feature"},
    };
    return io::likelyMeant(field, kOtherNames, kPlanProperties);
}

// The properties a plan's features may have; their field numbers are looked
// up once per layer (-1: the layer has no such field).
struct Fields {
    explicit Fields(OGRLayer& layer) : defn(layer.GetLayerDefn()) {}
    const OGRFeatureDefn* defn;  // declared first: the indices below are read from it
    int id = defn->GetFieldIndex("id"), feature = defn->GetFieldIndex("feature"), use = defn->GetFieldIndex("use"),
        storey = defn->GetFieldIndex("storey"), group = defn->GetFieldIndex("group"), name = defn->GetFieldIndex("name"),
        shaft = defn->GetFieldIndex("shaft"), kind = defn->GetFieldIndex("kind"), from = defn->GetFieldIndex("from"),
        to = defn->GetFieldIndex("to"), width = defn->GetFieldIndex("width_m");
};

class Reader {
public:
    Reader(const std::string& path, std::vector<InputIssue>& issues, PlanReadMethod method)
        : path_(path), issues_(issues), former_(method == PlanReadMethod::Former) {}

    FloorPlan read() {
        checkSize(path_);
        auto ds = former_ ? gdal::openVectorAnyDriver(path_) : gdal::openVector(path_);
        plan_.source = path_;
        driver_ = ds->GetDriver()->GetDescription();
        plan_.name = QFileInfo(QString::fromStdString(path_)).completeBaseName().toStdString();
        std::vector<std::pair<std::string, gdal::DatasetPtr>> datasets;
        datasets.emplace_back(path_, std::move(ds));
        addSiblingShapefiles(datasets);
        bool namedLayers = false;
        for (const auto& [file, set] : datasets)
            for (auto* layer : set->GetLayers())
                if (featureTypeOfLayer(layer->GetName()) != FeatureType::Unknown) namedLayers = true;
        for (const auto& [file, set] : datasets) {
            file_ = file;
            for (auto* layer : set->GetLayers()) {
                FeatureType implied = featureTypeOfLayer(layer->GetName());
                if (namedLayers && implied == FeatureType::Unknown) {
                    warn("layer '" + std::string(layer->GetName()) + "'",
                         "ignored: the plan uses the layers 'spaces', 'openings' and 'staff_posts'");
                    continue;
                }
                scale_ = metresPerUnit(*layer, file_, *set, plan_,
                                       former_ ? gdal::CrsScan::EveryChar : gdal::CrsScan::Skipping);
                readLayer(*layer, implied);
            }
        }
        file_ = path_;
        if (plan_.spaces.empty() && !hasErrors(issues_))
            throw InputError(path_, "", "the plan has no spaces (expected features with feature=space "
                                        "or a layer named 'spaces')");
        if (plan_.openings.empty() && !hasErrors(issues_))
            warn("", std::string("the plan has no openings (no feature=opening, no layer 'openings'): no space "
                                 "joins another or the outside") +
                         (driver_ == "ESRI Shapefile" ? "; a shapefile holds one layer: put openings.shp (and "
                                                        "staff_posts.shp) beside spaces.shp"
                                                      : ""));
        return std::move(plan_);
    }

private:
    // A shapefile holds one layer, so a plan in shapefiles is three files in
    // one folder: spaces.shp, openings.shp, staff_posts.shp. Given one of
    // them, the others beside it are read too (else the plan silently had no
    // doors or no posts); the plan is named after the folder.
    void addSiblingShapefiles(std::vector<std::pair<std::string, gdal::DatasetPtr>>& datasets) {
        GDALDataset& given = *datasets.front().second;
        if (driver_ != "ESRI Shapefile" || given.GetLayerCount() != 1 ||
            featureTypeOfLayer(given.GetLayer(0)->GetName()) == FeatureType::Unknown)
            return;
        const QFileInfo info(QString::fromStdString(path_));
        for (const char* layer : {"spaces", "openings", "staff_posts"}) {
            if (given.GetLayer(0)->GetName() == std::string(layer)) continue;
            const QString sibling = info.dir().filePath(QString(layer) + ".shp");
            if (!QFileInfo::exists(sibling)) continue;
            const std::string file = sibling.toStdString();
            requireRegularFile(file);
            checkSize(file);
            datasets.emplace_back(file, former_ ? gdal::openVectorAnyDriver(file) : gdal::openVector(file));
        }
        if (datasets.size() > 1) plan_.name = info.dir().dirName().toStdString();
    }

    // One building's plan is kilobytes to a few megabytes; a file of hundreds
    // of megabytes is a wrong file, and reading it would only exhaust memory.
    void checkSize(const std::string& path) const {
        double limitMb = 200;
        if (const char* env = std::getenv("VGSCAN_MAX_PLAN_MB"); env && *env) limitMb = std::atof(env);
        VSIStatBufL st;
        if (VSIStatL(path.c_str(), &st) != 0) return;  // openVector reports it
        const double mb = static_cast<double>(st.st_size) / (1024.0 * 1024.0);
        if (limitMb > 0 && mb > limitMb)
            throw InputError(path, "", "file is " + std::to_string(static_cast<long long>(mb)) +
                                            " MB, more than the " + std::to_string(static_cast<long long>(limitMb)) +
                                            " MB expected of one building's plan (raise VGSCAN_MAX_PLAN_MB if it is right)");
    }

    void readLayer(OGRLayer& layer, FeatureType implied) {
        if (layer.GetFeatureCount() == 0) return;  // an empty layer says nothing
        if (implied == FeatureType::Unknown && !gdal::hasField(layer, "feature")) {
            issues_.push_back({file_, "layer '" + std::string(layer.GetName()) + "'",
                               "has no 'feature' property; name the layers 'spaces', 'openings' and "
                               "'staff_posts', or give each feature a 'feature' property", true});
            return;
        }
        const Fields fields(layer);
        fields_ = &fields;
        noteUnreadProperties(layer);
        openingsWithoutKind_.clear();
        layer.ResetReading();
        while (gdal::FeaturePtr f{layer.GetNextFeature()}) {
            FeatureType type = implied;
            std::string idText = text(*f, fields.id, "id").value_or("");
            std::string obj = idText.empty() ? "feature #" + std::to_string(f->GetFID()) + " of layer '" +
                                                   layer.GetName() + "'"
                                             : "";
            if (type == FeatureType::Unknown) {
                std::string fv = text(*f, fields.feature, "feature").value_or("");
                type = featureTypeOfValue(fv);
                if (type == FeatureType::Unknown) {
                    error(obj.empty() ? "feature '" + idText + "'" : obj,
                          fv.empty() ? "has no 'feature' value"
                                     : "unknown feature '" + fv + "' (expected space, opening or staff_post)");
                    continue;
                }
            }
            if (type == FeatureType::Space && ++spacesSeen_ > limits::kMaxSpacesPerPlan)
                throw InputError(file_, "layer '" + std::string(layer.GetName()) + "'",
                                 "has more than " + std::to_string(limits::kMaxSpacesPerPlan) +
                                     " spaces: more than one building's plan holds (docs/limits.md); split it by "
                                     "building or storey");
            try {
                switch (type) {
                    case FeatureType::Space: readSpace(*f, idText); break;
                    case FeatureType::Opening: readOpening(*f, idText); break;
                    case FeatureType::StaffPost: readStaffPost(*f, idText); break;
                    default: break;
                }
            } catch (const std::exception& e) {
                const char* kind = type == FeatureType::Space ? "space" : type == FeatureType::Opening ? "opening" : "staff post";
                error(obj.empty() ? std::string(kind) + " '" + idText + "'" : obj, e.what());
                if (type == FeatureType::Space && !idText.empty()) rememberRejected(*f, idText);
            }
        }
        noteOpeningsTakenAsDoors(layer);
    }

    // A property vgscan does not read is silently absent from the plan: a
    // 'level' leaves every space on storey 0 (then the storeys' rooms overlap),
    // a 'type' makes every window a door that staff see and walk through. So
    // each is named, with the property it likely stands for.
    void noteUnreadProperties(OGRLayer& layer) {
        const OGRFeatureDefn* defn = layer.GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const std::string field = defn->GetFieldDefn(i)->GetNameRef();
            const std::string f = io::lowered(field);
            if (std::any_of(kPlanProperties.begin(), kPlanProperties.end(),
                            [&](const char* property) { return f == property; }))
                continue;
            if (isGeometryColumn(*defn, f)) continue;
            const std::string meant = likelyMeant(field);
            std::string known;
            for (const char* property : kPlanProperties) known += std::string(known.empty() ? "" : ", ") + property;
            warn("layer '" + std::string(layer.GetName()) + "'",
                 "property '" + field + "' is not read" + (meant.empty() ? "" : " (did you mean '" + meant + "'?)") +
                     ": a plan's properties are " + known + " (docs/floorplan-format.md)");
        }
    }

    // The text column a CSV's geometry is read from (GDAL's CSV driver takes
    // the one named WKT and keeps it as a field too) is the geometry, not a
    // property.
    bool isGeometryColumn(const OGRFeatureDefn& defn, const std::string& lowerField) const {
        if (driver_ == "CSV" && lowerField == "wkt") return true;
        for (int g = 0; g < defn.GetGeomFieldCount(); ++g)
            if (io::lowered(defn.GetGeomFieldDefn(g)->GetNameRef()) == lowerField) return true;
        return false;
    }

    // An opening without a 'kind' is a door; said once per layer, because a
    // window taken for a door opens a sight line and a way through the wall.
    void noteOpeningsTakenAsDoors(OGRLayer& layer) {
        if (openingsWithoutKind_.empty()) return;
        constexpr std::size_t kNamed = 5;
        std::string ids;
        for (std::size_t i = 0; i < std::min(kNamed, openingsWithoutKind_.size()); ++i)
            ids += std::string(ids.empty() ? "" : ", ") + "'" + openingsWithoutKind_[i] + "'";
        if (openingsWithoutKind_.size() > kNamed) ids += ", ...";
        warn("layer '" + std::string(layer.GetName()) + "'",
             std::to_string(openingsWithoutKind_.size()) + " opening(s) without 'kind' taken as doors (" + ids +
                 "); give kind 'window' or 'passage' where the opening is one");
    }

    int storeyOf(OGRFeature& f) {
        auto v = number(f, fields_->storey, "storey");
        if (!v) return 0;
        if (*v != std::floor(*v)) throw std::runtime_error("'storey' must be a whole number, got " + std::to_string(*v));
        // No building has a thousand storeys; a larger number is a wrong field
        // (and would overflow an int).
        if (std::fabs(*v) > kMaxStorey)
            throw std::runtime_error("'storey' " + gdal::show(*v) + " is not a storey (expected -" +
                                     std::to_string(kMaxStorey) + " to " + std::to_string(kMaxStorey) + ")");
        return static_cast<int>(*v);
    }

    static void requireId(const std::string& id) {
        if (id.empty()) throw std::runtime_error("has no 'id'");
    }

    void readSpace(OGRFeature& f, const std::string& id) {
        requireId(id);
        Space s;
        s.id = id;
        std::string use = text(f, fields_->use, "use").value_or("");
        auto parsed = parseSpaceUse(use);
        if (!parsed) {
            // A room name for a use ('slaapkamer', 'Bedroom') is the likely
            // slip; the importers' room-name table knows which use it means.
            static const UseMapping names;
            const std::optional<SpaceUse> meant = use.empty() ? std::nullopt : names.find(use);
            throw std::runtime_error(use.empty() ? "has no 'use'"
                                                 : "unknown use '" + use + "'" +
                                                       (meant ? " (did you mean '" + std::string(toString(*meant)) + "'?)" : "") +
                                                       " (see docs/floorplan-format.md)");
        }
        s.use = *parsed;
        s.storey = storeyOf(f);
        s.group = text(f, fields_->group, "group").value_or("");
        s.name = text(f, fields_->name, "name").value_or("");
        s.shaft = text(f, fields_->shaft, "shaft").value_or("");
        const OGRGeometry* g = f.GetGeometryRef();
        if (!g || g->IsEmpty()) throw std::runtime_error("has no geometry");
        MultiPolygon mp = former_ ? gdal::toMultiPolygon(*std::unique_ptr<OGRGeometry>(g->clone()), scale_)
                                  : gdal::toMultiPolygon(*g, scale_);
        if (mp.size() != 1)
            throw std::runtime_error("is a MultiPolygon of " + std::to_string(mp.size()) +
                                     " parts; a space is one Polygon");
        s.shape = std::move(mp.front());
        s.area = bg::area(s.shape);
        plan_.spaces.push_back(std::move(s));
    }

    // A refused space is kept by id, storey and outline as far as they can be
    // read, so that the validator does not report each door into it as naming
    // an unknown space, nor a post in it as outside every space: one cause,
    // said once.
    void rememberRejected(OGRFeature& f, const std::string& id) {
        RejectedSpace r;
        r.id = id;
        try {
            r.storey = storeyOf(f);
        } catch (const std::exception&) {
        }
        try {
            if (const OGRGeometry* g = f.GetGeometryRef(); g && !g->IsEmpty()) {
                MultiPolygon mp = gdal::toMultiPolygon(*g, scale_);
                if (mp.size() == 1) r.shape = std::move(mp.front());
            }
        } catch (const std::exception&) {
        }
        plan_.rejectedSpaces.push_back(std::move(r));
    }

    void readOpening(OGRFeature& f, const std::string& id) {
        requireId(id);
        Opening o;
        o.id = id;
        const std::optional<std::string> given = text(f, fields_->kind, "kind");
        if (!given) openingsWithoutKind_.push_back(id);
        std::string kind = given.value_or("door");
        auto k = parseOpeningKind(kind);
        if (!k) throw std::runtime_error("unknown kind '" + kind + "' (expected door, passage or window)");
        o.kind = *k;
        o.from = text(f, fields_->from, "from").value_or("");
        o.to = text(f, fields_->to, "to").value_or("");
        if (o.from.empty() || o.to.empty()) throw std::runtime_error("needs both 'from' and 'to' (a space id or 'outside')");
        o.storey = storeyOf(f);
        const OGRGeometry* g = f.GetGeometryRef();
        if (!g || g->IsEmpty()) throw std::runtime_error("has no geometry");
        auto flat = wkbFlatten(g->getGeometryType());
        if (flat == wkbPoint || flat == wkbMultiPoint) {
            o.position = gdal::toPoint(*g, scale_);
        } else {
            o.line = former_ ? gdal::toLineString(*std::unique_ptr<OGRGeometry>(g->clone()), scale_)
                             : gdal::toLineString(*g, scale_);
            if (o.line.size() < 2) throw std::runtime_error("line has fewer than 2 points");
            o.width = bg::length(o.line);
            const Point& a = o.line.front();
            const Point& b = o.line.back();
            o.position = Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
        }
        if (auto w = number(f, fields_->width, "width_m")) o.width = *w;
        if (o.width <= 0)
            throw std::runtime_error(o.line.empty() ? "a Point opening needs 'width_m' > 0"
                                                    : "has zero width (line of length 0 and no 'width_m')");
        plan_.openings.push_back(std::move(o));
    }

    void readStaffPost(OGRFeature& f, const std::string& id) {
        requireId(id);
        StaffPost p;
        p.id = id;
        p.storey = storeyOf(f);
        p.group = text(f, fields_->group, "group").value_or("");
        const OGRGeometry* g = f.GetGeometryRef();
        if (!g || g->IsEmpty()) throw std::runtime_error("has no geometry");
        p.position = gdal::toPoint(*g, scale_);
        plan_.staffPosts.push_back(std::move(p));
    }

    // A property by its number in the layer (the former way: by name, for
    // every feature).
    std::optional<std::string> text(OGRFeature& f, int i, const char* name) const {
        return former_ ? gdal::text(f, name) : gdal::text(f, i);
    }
    std::optional<double> number(OGRFeature& f, int i, const char* name) const {
        return former_ ? gdal::number(f, name) : gdal::number(f, i, name);
    }

    void error(const std::string& obj, const std::string& problem) { issues_.push_back({file_, obj, problem, true}); }
    void warn(const std::string& obj, const std::string& problem) { issues_.push_back({file_, obj, problem, false}); }

    std::string path_;
    std::string file_ = path_;  // the file being read: the plan's, or a shapefile beside it
    std::vector<InputIssue>& issues_;
    FloorPlan plan_;
    double scale_ = 1.0;
    std::size_t spacesSeen_ = 0;
    std::vector<std::string> openingsWithoutKind_;  // of the layer being read
    std::string driver_;                            // GDAL's name of the file's format
    bool former_ = false;
    const Fields* fields_ = nullptr;  // of the layer being read
};

}  // namespace

FloorPlan readPlan(const std::string& path, std::vector<InputIssue>& issues, PlanReadMethod method) {
    requireRegularFile(path);
    return Reader(path, issues, method).read();
}

FloorPlan loadPlan(const std::string& path, std::vector<InputIssue>* warnings, PlanReadMethod method) {
    std::vector<InputIssue> issues;
    FloorPlan plan;
    if (isImportedFormat(path)) {
        ImportReport report;
        plan = importPlan(path, ImportOptions{}, report);
        issues = report.notes;
    } else {
        plan = readPlan(path, issues, method);
    }
    const std::size_t readIssues = issues.size();
    validatePlan(plan, issues);
    if (hasErrors(issues)) {
        std::vector<InputIssue> errors;
        for (auto& i : issues)
            if (i.error) errors.push_back(i);
        // What the reader left unread (a misnamed property, an ignored layer)
        // often explains the errors, so it follows them; errors stay first,
        // a failed site's reason is the first one.
        if (!isImportedFormat(path))
            for (std::size_t i = 0; i < readIssues; ++i)
                if (!issues[i].error) errors.push_back(issues[i]);
        throw InputError(std::move(errors));
    }
    if (warnings) warnings->insert(warnings->end(), issues.begin(), issues.end());
    return plan;
}

}  // namespace vgscan
