#include "io/Gdal.h"
#include "report/Reports.h"

#include "rules/RuleKit.h"

#include <fstream>
#include <stdexcept>

namespace vgscan {

namespace {

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

}  // namespace

void writeScanCsv(const std::string& path, const RuleSet& rs, const std::vector<SiteAssessment>& sites) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path + ": cannot be written");
    out << "site_id,name,profile,places,bedrooms,verdict,failed,score,reasons";
    for (const auto& e : rs.rules) out << "," << csvField(e.key + "_status") << "," << csvField(e.key + "_value");
    out << "\n";
    for (const auto& s : sites) {
        out << csvField(s.site->id) << "," << csvField(s.site->name) << "," << csvField(s.site->profile) << ","
            << (s.site->places ? std::to_string(*s.site->places) : "") << ","
            << (s.bedrooms >= 0 ? std::to_string(s.bedrooms) : "") << "," << toString(s.classification.verdict) << ","
            << (s.failed ? "yes" : "no") << ","
            << (s.classification.scoreRules ? kit::fmt(s.classification.score, 1) : "") << ","
            << csvField(joined(s.classification.reasons, "; "));
        for (const auto& e : rs.rules) {
            auto it = std::find_if(s.results.begin(), s.results.end(),
                                   [&](const EvaluatedRule& r) { return r.entry->key == e.key; });
            if (it == s.results.end()) {
                out << ",,";
                continue;
            }
            out << "," << toString(it->result.status) << ","
                << (it->result.value ? kit::fmt(*it->result.value, 3) : "");
        }
        out << "\n";
    }
}

void writeScanGpkg(const std::string& path, const Portfolio& p, const std::vector<SiteAssessment>& sites) {
    gdal::init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!drv) throw std::runtime_error("GDAL has no GPKG driver");
    VSIUnlink(path.c_str());  // the output folder is ours; never the user's input
    gdal::DatasetPtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error(path + ": cannot be created: " + gdal::lastError("GPKG create failed"));
    OGRSpatialReference srs;
    if (!p.crsWkt.empty()) srs.importFromWkt(p.crsWkt.c_str());
    OGRLayer* layer = ds->CreateLayer("sites", p.crsWkt.empty() ? nullptr : &srs, wkbMultiPolygon, nullptr);
    if (!layer) throw std::runtime_error(path + ": cannot create layer 'sites'");
    auto addField = [&](const char* name, OGRFieldType t) {
        OGRFieldDefn fd(name, t);
        layer->CreateField(&fd);
    };
    addField("site_id", OFTString);
    addField("name", OFTString);
    addField("profile", OFTString);
    addField("places", OFTInteger);
    addField("bedrooms", OFTInteger);
    addField("verdict", OFTString);
    addField("failed", OFTInteger);
    addField("score", OFTReal);
    addField("reasons", OFTString);
    ds->StartTransaction();
    for (const auto& s : sites) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("site_id", s.site->id.c_str());
        f->SetField("name", s.site->name.c_str());
        f->SetField("profile", s.site->profile.c_str());
        if (s.site->places) f->SetField("places", *s.site->places);
        if (s.bedrooms >= 0) f->SetField("bedrooms", s.bedrooms);
        f->SetField("verdict", toString(s.classification.verdict));
        f->SetField("failed", s.failed ? 1 : 0);
        if (s.classification.scoreRules) f->SetField("score", s.classification.score);
        f->SetField("reasons", joined(s.classification.reasons, "; ").c_str());
        OGRMultiPolygon mp;
        for (const auto& poly : s.site->plot) {
            OGRPolygon op;
            auto ring = [](const auto& r) {
                auto* lr = new OGRLinearRing();
                for (const auto& pt : r) lr->addPoint(pt.x(), pt.y());
                return lr;
            };
            op.addRingDirectly(ring(poly.outer()));
            for (const auto& in : poly.inners()) op.addRingDirectly(ring(in));
            mp.addGeometry(&op);
        }
        f->SetGeometry(&mp);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw std::runtime_error(path + ": cannot write site '" + s.site->id + "'");
    }
    ds->CommitTransaction();
}

}  // namespace vgscan
