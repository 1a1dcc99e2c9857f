#include "select/PortfolioCosts.h"

#include "io/Gdal.h"
#include "io/InputError.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>

namespace vgscan::select {

namespace {

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};

bool isGeoJson(const std::string& path) {
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos) return false;
    std::string ext = path.substr(dot + 1);
    for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return ext == "geojson" || ext == "json";
}

}  // namespace

void NamedIssues::throwIfAny() const {
    if (named_.empty()) return;
    std::vector<InputIssue> issues = named_;
    if (more_ > 0) issues.push_back({file_, "", "and " + std::to_string(more_) + " more " + rest_});
    throw InputError(issues);
}

std::vector<PlacePoint> readPlaces(const std::string& path, const std::string& targetWkt, bool demand, PlacesCrs* crs) {
    const char* kind = demand ? "demand point" : "candidate";
    auto ds = gdal::openVector(path);
    if (ds->GetLayerCount() == 0) throw InputError(path, "", "has no layer");
    OGRLayer* layer = ds->GetLayer(0);
    OGRSpatialReference target;
    if (!targetWkt.empty()) target.importFromWkt(targetWkt.c_str());
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation, TransformDeleter> transform;
    double scale = 1.0;
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    // GDAL reports a GeoJSON file without "crs" as WGS 84; such files are in
    // the portfolio's metres by the vgscan convention (docs/floorplan-format.md).
    const bool implied = srs && isGeoJson(path) && !gdal::geojsonDeclaresCrs(path);
    if (crs) *crs = srs && !implied ? PlacesCrs::Declared : PlacesCrs::Implied;
    if (srs && !implied && !targetWkt.empty() && !srs->IsSame(&target)) {
        OGRSpatialReference src(*srs);
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        transform.reset(OGRCreateCoordinateTransformation(&src, &target));
        if (!transform)
            throw InputError(path, "", "cannot be reprojected from " + gdal::describe(*srs) +
                                           " to the portfolio's CRS: " + gdal::lastError("no transformation"));
    } else if (srs && !implied && srs->IsProjected()) {
        scale = srs->GetLinearUnits();
    } else if (srs && !implied && srs->IsGeographic()) {
        throw InputError(path, "", "is in " + gdal::describe(*srs) + " (degrees) and the portfolio has no CRS");
    }
    std::vector<PlacePoint> out;
    std::set<std::string> seen;
    NamedIssues issues(path, std::string(kind) + "s with errors");
    layer->ResetReading();
    while (gdal::FeaturePtr f{layer->GetNextFeature()}) {
        PlacePoint p;
        p.id = gdal::text(*f, "id").value_or("");
        const std::string obj =
            std::string(kind) + " " + (p.id.empty() ? "#" + std::to_string(f->GetFID()) : "'" + p.id + "'");
        try {
            if (p.id.empty()) {
                if (!demand) throw std::runtime_error("has no 'id'");
                p.id = "d" + std::to_string(f->GetFID());
            }
            if (!seen.insert(p.id).second) throw std::runtime_error("id is used twice");
            p.name = gdal::text(*f, "name").value_or(p.id);
            if (demand) {
                p.weight = gdal::number(*f, "weight").value_or(1.0);
                if (p.weight < 0) throw std::runtime_error("'weight' is negative");
            }
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g || g->IsEmpty()) throw std::runtime_error("has no geometry");
            std::unique_ptr<OGRGeometry> copy(g->clone());
            if (transform && copy->transform(transform.get()) != OGRERR_NONE) {
                // Usually metres under a CRS in degrees (or the other way
                // round): the coordinates and the CRS say which.
                OGREnvelope e;
                g->getEnvelope(&e);
                char at[96];
                std::snprintf(at, sizeof at, "(%.6g, %.6g)", e.MinX, e.MinY);
                throw std::runtime_error("at " + std::string(at) + " cannot be reprojected from " + gdal::describe(*srs) +
                                         " (the file's CRS) to the portfolio's: " +
                                         gdal::lastError("transformation failed") +
                                         "; are the coordinates in another CRS than the file says?");
            }
            const auto type = wkbFlatten(copy->getGeometryType());
            if (type == wkbPoint) {
                p.at = gdal::toPoint(*copy, scale);
            } else if (type == wkbPolygon || type == wkbMultiPolygon) {
                MultiPolygon area = gdal::toMultiPolygon(*copy, scale);
                bg::centroid(area, p.at);
            } else {
                throw std::runtime_error("must be a Point or a Polygon, not " +
                                         std::string(OGRGeometryTypeToName(copy->getGeometryType())));
            }
            out.push_back(std::move(p));
        } catch (const std::exception& e) {
            issues.add([&] { return InputIssue{path, obj, e.what(), true}; });
        }
    }
    issues.throwIfAny();
    if (out.empty()) throw InputError(path, "", std::string("has no ") + kind + "s");
    return out;
}

void checkPlacesNearSites(const std::vector<PlacePoint>& places, const Portfolio& portfolio, const std::string& file,
                          const std::string& object, const std::string& what, PlacesCrs crs) {
    if (places.empty() || portfolio.sites.empty()) return;
    constexpr double kInf = ContextIndex::kInfinity;
    double minX = kInf, minY = kInf, maxX = -kInf, maxY = -kInf;
    for (const auto& site : portfolio.sites) {
        const Point p = ContextIndex::sitePoint(site);
        minX = std::min(minX, p.x());
        minY = std::min(minY, p.y());
        maxX = std::max(maxX, p.x());
        maxY = std::max(maxY, p.y());
    }
    const PlacePoint* nearest = nullptr;
    double nearestM = kInf;
    bool degrees = true;
    for (const auto& place : places) {
        const double dx = std::max({minX - place.at.x(), 0.0, place.at.x() - maxX});
        const double dy = std::max({minY - place.at.y(), 0.0, place.at.y() - maxY});
        const double d = std::hypot(dx, dy);
        if (d <= kFarFromSitesM) return;
        if (d < nearestM) {
            nearestM = d;
            nearest = &place;
        }
        degrees = degrees && std::fabs(place.at.x()) <= 180 && std::fabs(place.at.y()) <= 90;
    }
    char at[96];
    std::snprintf(at, sizeof at, "(%.6g, %.6g)", nearest->at.x(), nearest->at.y());
    std::string problem = "no " + what + " lies within " + std::to_string(static_cast<int>(kFarFromSitesM / 1000)) +
                          " km of the portfolio's sites (the nearest, '" + nearest->id + "' at " + at + ", is " +
                          std::to_string(static_cast<long long>(std::lround(nearestM / 1000))) +
                          " km away): are they in another CRS?";
    // The way out depends on where the wrong CRS came from: a GeoPackage
    // already has one, and there "save it as GeoPackage" helps nobody.
    if (degrees && crs == PlacesCrs::Implied)
        problem += " Their coordinates look like longitude/latitude in degrees, read as metres of the portfolio's "
                   "CRS: a file without a CRS (a GeoJSON without a \"crs\" member) is taken to be in it; give the "
                   "file its CRS (e.g. save it as GeoPackage)";
    else if (degrees && crs == PlacesCrs::Declared)
        problem += " Their coordinates look like longitude/latitude in degrees, but the file's CRS says metres: "
                   "give the file its true CRS (EPSG:4326 for longitude/latitude)";
    else if (degrees)
        problem += " Their coordinates look like longitude/latitude in degrees, read as metres of the portfolio's "
                   "CRS (the layer's, or the sites' when the layer has none): give the layer its true CRS (EPSG:4326 "
                   "for longitude/latitude), or reproject it to the portfolio's";
    throw InputError(file, object, problem);
}

PortfolioCosts portfolioCosts(const std::vector<PortfolioCandidate>& candidates,
                              const std::vector<PlacePoint>& demand, const ContextIndex& index, bool walking,
                              double detourFactor, bool withSeparation) {
    std::vector<Point> from, to;
    for (const auto& c : candidates) from.push_back(c.at);
    for (const auto& d : demand) to.push_back(d.at);
    RouteOptions o;
    o.walking = walking;
    o.detourFactor = detourFactor;
    const RouteMatrix m = index.routes(from, to, o);
    PortfolioCosts out;
    out.cost.assign(m.distance.begin(), m.distance.end());
    for (char e : m.estimated) out.estimatedPairs += e ? 1 : 0;
    if (withSeparation) {
        // Separation is about the sites themselves: the shorter way between two.
        const RouteMatrix s = index.routes(from, from, o);
        const std::size_t n = from.size();
        out.separation.resize(n * n);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) out.separation[i * n + j] = static_cast<float>(std::min(s.at(i, j), s.at(j, i)));
        for (char e : s.estimated) out.estimatedPairs += e ? 1 : 0;
    }
    out.estimated = out.estimatedPairs > 0;
    return out;
}

std::vector<PortfolioCandidate> candidatesFromScan(const std::vector<SiteAssessment>& sites,
                                                   const std::vector<Verdict>& verdicts) {
    std::vector<PortfolioCandidate> out;
    for (const auto& a : sites) {
        if (a.failed) continue;
        const Verdict v = a.classification.verdict;
        if (std::find(verdicts.begin(), verdicts.end(), v) != verdicts.end())
            out.push_back({a.site->id, a.site->name, toString(v), ContextIndex::sitePoint(*a.site)});
    }
    return out;
}

std::vector<PlacePoint> demandFromLayer(const Context& context) {
    std::vector<PlacePoint> out;
    for (const auto& d : context.demand) out.push_back({d.id, d.id, d.weight, d.position});
    return out;
}

void setMatrix(Problem& problem, const std::vector<PortfolioCandidate>& candidates,
               const std::vector<PlacePoint>& demand, PortfolioCosts costs) {
    problem.candidates.clear();
    for (const auto& c : candidates) problem.candidates.push_back(c.id);
    problem.demand.clear();
    problem.weight.clear();
    for (const auto& d : demand) {
        problem.demand.push_back(d.id);
        problem.weight.push_back(d.weight);
    }
    problem.cost = std::move(costs.cost);
    problem.separation = std::move(costs.separation);
}

}  // namespace vgscan::select
