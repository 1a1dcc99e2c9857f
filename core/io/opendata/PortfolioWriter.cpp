// Writes what `vgscan portfolio build` made: a GeoPackage in the portfolio
// contract (docs/floorplan-format.md), EPSG:28992, with the layers' sources.
#include "io/opendata/Extract.h"
#include "io/opendata/PortfolioBuilder.h"

#include <cpl_error.h>

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include <unistd.h>

namespace vgscan::opendata {

namespace fs = std::filesystem;

namespace {

class Writer {
public:
    Writer(std::string path, const BuiltPortfolio& p) : path_(std::move(path)), p_(p) {}

    void write(const std::string& file, const std::string& planBase) {
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!drv) throw fail("GDAL has no GPKG driver");
        CPLErrorReset();
        ds_.reset(drv->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds_) throw fail("cannot create the file: " + gdal::lastError("unknown error"));
        ds_->StartTransaction();
        writeSites(planBase);
        writeBuildings();
        if (p_.hasRoads) writeRoads();
        if (p_.hasPois) writePois();
        if (p_.hasDemand) writeDemand();
        if (p_.hasDwellings) writeDwellings();
        if (p_.hasLiveability) writeLiveability();
        writeSources();
        if (ds_->CommitTransaction() != OGRERR_NONE) throw fail("writing failed: " + gdal::lastError("commit failed"));
        CPLErrorReset();
        ds_.reset();
        if (CPLGetLastErrorType() == CE_Failure) throw fail("writing failed: " + gdal::lastError("unknown error"));
    }

private:
    InputError fail(const std::string& problem) const { return InputError(path_, "", problem); }

    OGRLayer* layer(const char* name, OGRwkbGeometryType type,
                    const std::vector<std::pair<std::string, OGRFieldType>>& fields) {
        const OGRSpatialReference* srs = type == wkbNone ? nullptr : &rdNew();
        OGRLayer* l = ds_->CreateLayer(name, const_cast<OGRSpatialReference*>(srs), type, nullptr);
        if (!l) throw fail(std::string("cannot create layer '") + name + "': " + gdal::lastError("unknown error"));
        for (const auto& [field, t] : fields) {
            OGRFieldDefn fd(field.c_str(), t);
            if (l->CreateField(&fd) != OGRERR_NONE) throw fail("layer '" + std::string(name) + "': cannot create field '" + field + "'");
        }
        return l;
    }

    static void text(OGRFeature& f, const char* name, const std::string& v) {
        if (!v.empty()) f.SetField(name, v.c_str());
    }

    void commit(OGRLayer& l, OGRFeature& f, const std::string& what) {
        if (l.CreateFeature(&f) != OGRERR_NONE)
            throw InputError(path_, what, "cannot be written: " + gdal::lastError("unknown error"));
    }

    void writeSites(const std::string& planBase) {
        std::vector<std::pair<std::string, OGRFieldType>> fields = {
            {"id", OFTString},      {"name", OFTString},       {"plan", OFTString},     {"places", OFTInteger},
            {"profile", OFTString}, {"located_by", OFTString}, {"plot_from", OFTString}};
        std::set<std::string> taken;
        for (const auto& f : fields) taken.insert(f.first);
        // The user's own columns keep their names unless one clashes with ours.
        std::vector<std::pair<std::string, std::string>> extra;  // column, field name
        for (const auto& c : p_.extraColumns) {
            std::string name = taken.count(c) ? "csv_" + c : c;
            taken.insert(name);
            extra.emplace_back(c, name);
            fields.emplace_back(name, OFTString);
        }
        OGRLayer* l = layer("sites", wkbMultiPolygon, fields);
        const QDir base(QString::fromStdString(planBase));
        for (std::size_t i = 0; i < p_.sites.size(); ++i) {
            const Site& s = p_.sites[i];
            gdal::FeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("id", s.id.c_str());
            text(*f, "name", s.name);
            if (!s.planFile.empty())
                f->SetField("plan", base.relativeFilePath(QString::fromStdString(s.planFile)).toStdString().c_str());
            if (s.places) f->SetField("places", *s.places);
            text(*f, "profile", s.profile);
            text(*f, "located_by", p_.locatedBy[i]);
            text(*f, "plot_from", p_.plotFrom[i]);
            for (const auto& [column, name] : extra)
                if (auto it = s.attributes.find(column); it != s.attributes.end()) text(*f, name.c_str(), it->second);
            OGRMultiPolygon plot = gdal::fromMultiPolygon(s.plot);
            f->SetGeometry(&plot);
            commit(*l, *f, "site '" + s.id + "'");
        }
    }

    void writeBuildings() {
        OGRLayer* l = layer("buildings", wkbMultiPolygon,
                            {{"site_id", OFTString}, {"source_id", OFTString}, {"source", OFTString},
                             {"year", OFTInteger}, {"status", OFTString}});
        for (const auto& b : p_.buildings) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("site_id", b.siteId.c_str());
            text(*f, "source_id", b.footprint.id);
            text(*f, "source", b.footprint.source);
            if (b.footprint.year) f->SetField("year", *b.footprint.year);
            text(*f, "status", b.footprint.status);
            OGRMultiPolygon g = gdal::fromMultiPolygon(b.footprint.shape);
            f->SetGeometry(&g);
            commit(*l, *f, "building of site '" + b.siteId + "'");
        }
    }

    void writeRoads() {
        OGRLayer* l = layer("roads", wkbLineString,
                            {{"class", OFTString}, {"oneway", OFTString}, {"level", OFTInteger},
                             {"maxspeed_kmh", OFTReal}, {"name", OFTString}, {"source_id", OFTString},
                             {"source_tag", OFTString}, {"from_node", OFTString}, {"to_node", OFTString}});
        for (const auto& r : p_.roads) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("class", r.road.roadClass.c_str());
            f->SetField("oneway", r.road.oneway ? "yes" : "no");
            f->SetField("level", r.road.level);
            if (r.maxspeedKmh) f->SetField("maxspeed_kmh", *r.maxspeedKmh);
            text(*f, "name", r.name);
            text(*f, "source_id", r.sourceId);
            text(*f, "source_tag", r.sourceTag);
            text(*f, "from_node", r.fromNode);
            text(*f, "to_node", r.toNode);
            OGRLineString g = gdal::fromLineString(r.road.line);
            f->SetGeometry(&g);
            commit(*l, *f, "road " + r.sourceId);
        }
    }

    void writePois() {
        OGRLayer* l = layer("poi", wkbPoint,
                            {{"category", OFTString}, {"name", OFTString}, {"accepts_wlz", OFTString},
                             {"source_id", OFTString}, {"source_tag", OFTString}});
        for (const auto& p : p_.pois) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("category", p.poi.category.c_str());
            text(*f, "name", p.poi.name);
            if (p.poi.acceptsWlz) f->SetField("accepts_wlz", *p.poi.acceptsWlz ? "yes" : "no");
            text(*f, "source_id", p.sourceId);
            text(*f, "source_tag", p.sourceTag);
            OGRPoint g(p.poi.position.x(), p.poi.position.y());
            f->SetGeometry(&g);
            commit(*l, *f, "poi " + p.sourceId);
        }
    }

    void writeDemand() {
        OGRLayer* l = layer("demand", wkbPoint, {{"id", OFTString}, {"weight", OFTReal}, {"label", OFTString}});
        for (const auto& d : p_.demand) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("id", d.point.id.c_str());
            f->SetField("weight", d.point.weight);
            text(*f, "label", d.label);
            OGRPoint g(d.point.position.x(), d.point.position.y());
            f->SetGeometry(&g);
            commit(*l, *f, "demand point " + d.point.id);
        }
    }

    void writeDwellings() {
        OGRLayer* l = layer("dwellings", wkbPoint, {{"id", OFTString}});
        for (const auto& d : p_.dwellings) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("id", d.id.c_str());
            OGRPoint g(d.position.x(), d.position.y());
            f->SetGeometry(&g);
            commit(*l, *f, "dwelling " + d.id);
        }
    }

    void writeLiveability() {
        OGRLayer* l = layer("liveability", wkbMultiPolygon, {{"id", OFTString}, {"score", OFTReal}, {"label", OFTString}});
        for (const auto& a : p_.liveability) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("id", a.id.c_str());
            f->SetField("score", a.score);
            text(*f, "label", a.label);
            OGRMultiPolygon g = gdal::fromMultiPolygon(a.area);
            f->SetGeometry(&g);
            commit(*l, *f, "liveability area " + a.id);
        }
    }

    void writeSources() {
        OGRLayer* l = layer("layer_sources", wkbNone,
                            {{"layer", OFTString}, {"file", OFTString}, {"date", OFTString}, {"licence", OFTString},
                             {"attribution", OFTString}});
        for (const auto& s : p_.sources) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
            f->SetField("layer", s.layer.c_str());
            text(*f, "file", s.file);
            text(*f, "date", s.date);
            text(*f, "licence", s.licence);
            text(*f, "attribution", s.attribution);
            commit(*l, *f, "source of layer '" + s.layer + "'");
        }
    }

    std::string path_;
    const BuiltPortfolio& p_;
    gdal::DatasetPtr ds_;
};

}  // namespace

void writePortfolio(const std::string& path, const BuiltPortfolio& portfolio) {
    gdal::init();
    const fs::path target(path);
    std::string ext = target.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".gpkg") throw InputError(path, "", "the output must be a GeoPackage (.gpkg), got '" + ext + "'");
    std::error_code ec;
    if (fs::is_directory(target, ec)) throw InputError(path, "", "is a directory");
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const fs::path tmp = dir / ("." + target.stem().string() + ".tmp-" + std::to_string(::getpid()) + ext);
    fs::remove(tmp, ec);
    const std::string planBase = QFileInfo(QString::fromStdString(path)).absolutePath().toStdString();
    try {
        Writer(path, portfolio).write(tmp.string(), planBase);
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw InputError(path, "", "cannot be replaced: " + ec.message());
    }
}

}  // namespace vgscan::opendata
