#include "io/PortfolioReader.h"

#include "io/Gdal.h"
#include "io/PropertyNames.h"

#include <boost/geometry.hpp>

#include <QDir>
#include <QFileInfo>

#include <map>
#include <memory>
#include <set>

namespace vgscan {

namespace {

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

class Reader {
public:
    Reader(const std::string& path, std::vector<InputIssue>& issues, const PlanPathPolicy& policy)
        : path_(path), issues_(issues), policy_(policy) {}

    Portfolio read() {
        auto ds = gdal::openVector(path_);
        out_.source = path_;
        OGRLayer* sites = ds->GetLayerByName("sites");
        if (!sites) throw InputError(path_, "", "has no layer 'sites' (layers: " + layerNames(*ds) + ")");
        const OGRSpatialReference* srs = sites->GetSpatialRef();
        if (!srs)
            throw InputError(path_, "layer 'sites'",
                             "has no CRS; a portfolio must be in a projected CRS in metres (e.g. EPSG:28992)");
        if (!srs->IsProjected())
            throw InputError(path_, "layer 'sites'",
                             "is in " + gdal::describe(*srs) +
                                 ", not a projected CRS: distances are never measured in degrees; "
                                 "reproject the portfolio to a projected CRS in metres (e.g. EPSG:28992)");
        target_ = std::make_unique<OGRSpatialReference>(*srs);
        target_->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        scale_ = srs->GetLinearUnits();
        char* wkt = nullptr;
        target_->exportToWkt(&wkt);
        out_.crsWkt = wkt ? wkt : "";
        CPLFree(wkt);

        readSites(*sites);
        if (out_.sites.empty() && !hasErrors(issues_)) throw InputError(path_, "layer 'sites'", "has no sites");
        if (auto* l = ds->GetLayerByName("buildings")) readBuildings(*l);
        if (auto* l = ds->GetLayerByName("roads")) readRoads(*l);
        if (auto* l = ds->GetLayerByName("poi")) readPois(*l);
        if (auto* l = ds->GetLayerByName("demand")) readDemand(*l);
        if (auto* l = ds->GetLayerByName("dwellings")) readDwellings(*l);
        if (auto* l = ds->GetLayerByName("liveability")) readLiveability(*l);
        if (auto* l = ds->GetLayerByName("layer_sources")) readSources(*l);
        return std::move(out_);
    }

private:
    static std::string layerNames(GDALDataset& ds) {
        std::string s;
        for (auto* l : ds.GetLayers()) s += (s.empty() ? "" : ", ") + std::string(l->GetName());
        return s.empty() ? "none" : s;
    }

    // Prepares reprojection of `layer` to the sites CRS; returns false if the
    // layer cannot be used.
    bool prepare(OGRLayer& layer) {
        transform_.reset();
        const OGRSpatialReference* srs = layer.GetSpatialRef();
        std::string obj = "layer '" + std::string(layer.GetName()) + "'";
        if (!srs) {
            warn(obj, "has no CRS; taken to be in the CRS of 'sites'");
            return true;
        }
        if (srs->IsSame(target_.get())) return true;
        OGRSpatialReference src(*srs);
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        transform_.reset(OGRCreateCoordinateTransformation(&src, target_.get()));
        if (!transform_) {
            error(obj, "cannot be reprojected from " + gdal::describe(*srs) + " to the CRS of 'sites': " +
                           gdal::lastError("no transformation"));
            return false;
        }
        return true;
    }

    // Reprojected copy of the feature's geometry (nullptr when absent).
    std::unique_ptr<OGRGeometry> geometry(OGRFeature& f) {
        const OGRGeometry* g = f.GetGeometryRef();
        if (!g || g->IsEmpty()) return nullptr;
        std::unique_ptr<OGRGeometry> copy(g->clone());
        if (transform_ && copy->transform(transform_.get()) != OGRERR_NONE)
            throw std::runtime_error("cannot be reprojected: " + gdal::lastError("transformation failed"));
        return copy;
    }

    double scale() const { return transform_ ? 1.0 : scale_; }

    template <class Fn>
    void eachFeature(OGRLayer& layer, const char* kind, Fn fn) {
        if (!prepare(layer)) return;
        layer.ResetReading();
        while (gdal::FeaturePtr f{layer.GetNextFeature()}) {
            std::string id = gdal::text(*f, "id").value_or("");
            std::string obj = std::string(kind) + " " +
                              (id.empty() ? "#" + std::to_string(f->GetFID()) : "'" + id + "'");
            try {
                fn(*f, id, obj);
            } catch (const std::exception& e) {
                error(obj, e.what());
            }
        }
    }

    void readSites(OGRLayer& layer) {
        noteMisnamedSiteColumns(layer);
        const QDir base = QFileInfo(QString::fromStdString(path_)).absoluteDir();
        std::set<std::string> seen;
        eachFeature(layer, "site", [&](OGRFeature& f, const std::string& id, const std::string&) {
            if (id.empty()) throw std::runtime_error("has no 'id'");
            if (!seen.insert(id).second) throw std::runtime_error("id is used by more than one site");
            Site s;
            s.id = id;
            s.name = gdal::text(f, "name").value_or(id);
            s.planPath = gdal::text(f, "plan").value_or("");
            if (isGdalVirtualPath(s.planPath))
                s.planFile = s.planPath;  // cleaning would turn "http://" into "http:/"
            else if (!s.planPath.empty())
                s.planFile = QDir::cleanPath(base.filePath(QString::fromStdString(s.planPath))).toStdString();
            // A refused plan is never opened: the site is reported and left
            // out like any other bad site row, and the scan goes on.
            if (!s.planFile.empty())
                if (std::string why = refusePlanPath(base.absolutePath().toStdString(), s.planPath, s.planFile, policy_);
                    !why.empty())
                    throw std::runtime_error(why);
            if (auto p = gdal::number(f, "places")) {
                if (*p < 0) throw std::runtime_error("'places' is negative");
                s.places = static_cast<int>(*p);
            }
            s.profile = gdal::text(f, "profile").value_or("");
            auto px = gdal::number(f, "plan_x"), py = gdal::number(f, "plan_y");
            if (px && py) {
                s.placement = {*px, *py, gdal::number(f, "plan_rotation_deg").value_or(0.0), true};
            }
            // The user's own columns (an asset number), carried to every output.
            static const std::set<std::string> kContract = {"id",    "name",   "plan",  "places", "profile",
                                                            "plan_x", "plan_y", "plan_rotation_deg"};
            for (int i = 0; i < f.GetFieldCount(); ++i)
                if (f.IsFieldSetAndNotNull(i) && !kContract.count(f.GetFieldDefnRef(i)->GetNameRef()))
                    s.attributes[f.GetFieldDefnRef(i)->GetNameRef()] = f.GetFieldAsString(i);
            auto g = geometry(f);
            if (!g) throw std::runtime_error("has no plot geometry");
            s.plot = gdal::toMultiPolygon(*g, scale());
            std::string reason;
            if (!bg::is_valid(s.plot, reason)) throw std::runtime_error("plot polygon is invalid: " + reason);
            out_.sites.push_back(std::move(s));
        });
    }

    // The sites' own columns are carried to every output, so an unknown name
    // is no mistake in itself; but 'plattegrond' beside no 'plan' leaves every
    // site without its floor plan (no building rule runs) and 'plaatsen'
    // beside no 'places' every site without its places, without a word.
    void noteMisnamedSiteColumns(OGRLayer& layer) {
        static const std::vector<const char*> kSiteProperties = {"id",     "name",   "plan",
                                                                 "places", "profile", "plan_x",
                                                                 "plan_y", "plan_rotation_deg"};
        static const std::vector<std::pair<const char*, const char*>> kOtherNames = {
            {"naam", "name"},         {"locatienaam", "name"}, {"plattegrond", "plan"}, {"floor_plan", "plan"},
            {"floorplan", "plan"},    {"plaatsen", "places"},  {"capaciteit", "places"}, {"capacity", "places"},
            {"beds", "places"},       {"profiel", "profile"},  {"zzp", "profile"},       {"code", "id"},
            {"locatie_id", "id"},     {"site_id", "id"},
        };
        const OGRFeatureDefn* defn = layer.GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const std::string field = defn->GetFieldDefn(i)->GetNameRef();
            const std::string meant = io::likelyMeant(field, kOtherNames, kSiteProperties);
            if (meant.empty() || io::lowered(field) == meant || defn->GetFieldIndex(meant.c_str()) >= 0) continue;
            warn("layer '" + std::string(layer.GetName()) + "'",
                 "column '" + field + "' is not read as '" + meant + "' (did you mean '" + meant +
                     "'? the layer has no '" + meant + "'); it is kept as the sites' own column");
        }
    }

    void readBuildings(OGRLayer& layer) {
        std::map<std::string, Site*> byId;
        for (auto& s : out_.sites) byId[s.id] = &s;
        eachFeature(layer, "building", [&](OGRFeature& f, const std::string&, const std::string&) {
            std::string site = gdal::text(f, "site_id").value_or("");
            if (site.empty()) throw std::runtime_error("has no 'site_id'");
            auto it = byId.find(site);
            if (it == byId.end()) throw std::runtime_error("names unknown site '" + site + "'");
            auto g = geometry(f);
            if (!g) throw std::runtime_error("has no footprint geometry");
            for (auto& p : gdal::toMultiPolygon(*g, scale())) it->second->footprints.push_back(std::move(p));
        });
    }

    void readRoads(OGRLayer& layer) {
        out_.context.hasRoads = true;
        eachFeature(layer, "road", [&](OGRFeature& f, const std::string&, const std::string&) {
            Road r;
            r.roadClass = gdal::text(f, "class").value_or("");
            if (r.roadClass.empty()) throw std::runtime_error("has no 'class'");
            r.aadt = gdal::number(f, "aadt");
            std::string ow = gdal::text(f, "oneway").value_or("no");
            if (ow != "yes" && ow != "no") throw std::runtime_error("'oneway' must be yes or no, got '" + ow + "'");
            r.oneway = ow == "yes";
            if (auto level = gdal::number(f, "level")) r.level = static_cast<int>(*level);
            auto g = geometry(f);
            if (!g) throw std::runtime_error("has no geometry");
            r.line = gdal::toLineString(*g, scale());
            out_.context.roads.push_back(std::move(r));
        });
    }

    void readPois(OGRLayer& layer) {
        out_.context.hasPois = true;
        eachFeature(layer, "poi", [&](OGRFeature& f, const std::string&, const std::string&) {
            Poi p;
            p.category = gdal::text(f, "category").value_or("");
            if (p.category.empty()) throw std::runtime_error("has no 'category'");
            p.name = gdal::text(f, "name").value_or("");
            if (auto w = gdal::text(f, "accepts_wlz")) {
                if (*w != "yes" && *w != "no") throw std::runtime_error("'accepts_wlz' must be yes or no");
                p.acceptsWlz = *w == "yes";
            }
            auto g = geometry(f);
            if (!g) throw std::runtime_error("has no geometry");
            p.position = gdal::toPoint(*g, scale());
            out_.context.pois.push_back(std::move(p));
        });
    }

    void readDemand(OGRLayer& layer) {
        out_.context.hasDemand = true;
        eachFeature(layer, "demand point", [&](OGRFeature& f, const std::string& id, const std::string&) {
            DemandPoint d;
            d.id = id.empty() ? "d" + std::to_string(f.GetFID()) : id;
            d.weight = gdal::number(f, "weight").value_or(1.0);
            if (d.weight < 0) throw std::runtime_error("'weight' is negative");
            auto g = geometry(f);
            if (!g) throw std::runtime_error("has no geometry");
            d.position = gdal::toPoint(*g, scale());
            out_.context.demand.push_back(std::move(d));
        });
    }

    void readDwellings(OGRLayer& layer) {
        out_.context.hasDwellings = true;
        eachFeature(layer, "dwelling", [&](OGRFeature& f, const std::string& id, const std::string&) {
            Dwelling d;
            d.id = id.empty() ? "w" + std::to_string(f.GetFID()) : id;
            auto g = geometry(f);
            if (!g) throw std::runtime_error("has no geometry");
            d.position = gdal::toPoint(*g, scale());
            out_.context.dwellings.push_back(std::move(d));
        });
    }

    void readLiveability(OGRLayer& layer) {
        out_.context.hasLiveability = true;
        eachFeature(layer, "liveability area", [&](OGRFeature& f, const std::string& id, const std::string&) {
            LiveabilityArea a;
            a.id = id.empty() ? "l" + std::to_string(f.GetFID()) : id;
            auto score = gdal::number(f, "score");
            if (!score) throw std::runtime_error("has no 'score'");
            if (*score < 1 || *score > 9)
                throw std::runtime_error("'score' must be a Leefbaarometer class from 1 to 9, got " + std::to_string(*score));
            a.score = *score;
            a.label = gdal::text(f, "label").value_or("");
            auto g = geometry(f);
            if (!g) throw std::runtime_error("has no geometry");
            a.area = gdal::toMultiPolygon(*g, scale());
            out_.context.liveability.push_back(std::move(a));
        });
    }

    // Provenance: a table without geometry, one row per layer.
    void readSources(OGRLayer& layer) {
        layer.ResetReading();
        while (gdal::FeaturePtr f{layer.GetNextFeature()}) {
            LayerSource s;
            s.layer = gdal::text(*f, "layer").value_or("");
            s.file = gdal::text(*f, "file").value_or("");
            s.date = gdal::text(*f, "date").value_or("");
            s.licence = gdal::text(*f, "licence").value_or("");
            s.attribution = gdal::text(*f, "attribution").value_or("");
            if (s.layer.empty()) {
                warn("layer_sources row #" + std::to_string(f->GetFID()), "has no 'layer'; ignored");
                continue;
            }
            out_.context.sources.push_back(std::move(s));
        }
    }

    void error(const std::string& obj, const std::string& problem) { issues_.push_back({path_, obj, problem, true}); }
    void warn(const std::string& obj, const std::string& problem) { issues_.push_back({path_, obj, problem, false}); }

    std::string path_;
    std::vector<InputIssue>& issues_;
    PlanPathPolicy policy_;
    Portfolio out_;
    std::unique_ptr<OGRSpatialReference> target_;
    TransformPtr transform_;
    double scale_ = 1.0;
};

}  // namespace

Portfolio readPortfolio(const std::string& path, std::vector<InputIssue>& issues, const PlanPathPolicy& policy) {
    return Reader(path, issues, policy).read();
}

}  // namespace vgscan
