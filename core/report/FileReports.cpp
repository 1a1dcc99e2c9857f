#include "io/Gdal.h"
#include "report/Reports.h"

#include "derive/Placement.h"
#include "i18n/Language.h"
#include "report/GpkgRTree.h"
#include "report/HtmlReport.h"
#include "rules/RuleKit.h"

#include "io/OutputFiles.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace vgscan {

namespace {

// "-12", "+3.5", "-1e-3": a plain number, which a spreadsheet reads as such.
bool plainNumber(const std::string& s) {
    static const std::regex number(R"([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?)");
    return std::regex_match(s, number);
}

std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

// The sites' own columns (the portfolio's extra fields, e.g. an asset
// number), every key any site has, in name order; with the name each gets in
// an output whose own columns are `taken` ("attr_" before a clash).
std::vector<std::pair<std::string, std::string>> attributeColumns(const std::vector<SiteAssessment>& sites,
                                                                  const std::set<std::string>& taken) {
    std::set<std::string> keys;
    for (const auto& s : sites) for (const auto& kv : s.site->attributes) keys.insert(kv.first);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& k : keys) out.emplace_back(k, taken.count(k) ? "attr_" + k : k);
    return out;
}

std::string attribute(const Site& s, const std::string& key) {
    auto it = s.attributes.find(key);
    return it == s.attributes.end() ? "" : it->second;
}

}  // namespace

std::string csvField(const std::string& text, char sep) {
    std::string s = text;
    if (!s.empty() && std::strchr("=+-@\t\r", s[0]) != nullptr && !plainNumber(s)) s.insert(s.begin(), '\'');
    if (s.find_first_of(std::string("\"\n\r") + sep) == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::string scanCsv(const RuleSet& rs, const std::vector<SiteAssessment>& sites, const CsvDialect& d) {
    std::ostringstream out;
    const char sep = d.separator;
    auto field = [&](const std::string& v) { return csvField(v, sep); };
    auto number = [&](double v, int decimals) {
        std::string t = kit::fmt(v, decimals);
        if (d.decimalComma) std::replace(t.begin(), t.end(), '.', ',');
        return t;
    };
    if (d.byteOrderMark) out << "\xEF\xBB\xBF";
    // The headers: the names tools read, or Dutch words for a person in a
    // Dutch spreadsheet (core/i18n/vgscan_nl.ts, context "csv").
    auto header = [&](const char* h) { return d.dutchHeaders ? field(i18n::inDutch("csv", h)) : std::string(h); };
    for (const char* h : {QT_TRANSLATE_NOOP("csv", "site_id"), QT_TRANSLATE_NOOP("csv", "name"),
                          QT_TRANSLATE_NOOP("csv", "profile"), QT_TRANSLATE_NOOP("csv", "places"),
                          QT_TRANSLATE_NOOP("csv", "bedrooms"), QT_TRANSLATE_NOOP("csv", "verdict"),
                          QT_TRANSLATE_NOOP("csv", "failed"), QT_TRANSLATE_NOOP("csv", "score")})
        out << header(h) << sep;
    out << header(QT_TRANSLATE_NOOP("csv", "reasons"));
    // The verdict's sensitivity and the money and time beside it.
    static const char* kExtra[] = {QT_TRANSLATE_NOOP("csv", "stable"), QT_TRANSLATE_NOOP("csv", "share_same"),
                                   QT_TRANSLATE_NOOP("csv", "flipping_thresholds"),
                                   QT_TRANSLATE_NOOP("csv", "renovation_total"),
                                   QT_TRANSLATE_NOOP("csv", "new_build_total"),
                                   QT_TRANSLATE_NOOP("csv", "friction_missing"),
                                   QT_TRANSLATE_NOOP("csv", "months_to_opening")};
    for (const char* h : kExtra) out << sep << header(h);
    std::set<std::string> taken = {"site_id", "name", "profile", "places", "bedrooms", "verdict", "failed", "score",
                                   "reasons"};
    taken.insert(std::begin(kExtra), std::end(kExtra));
    for (const auto& e : rs.rules) {
        if (d.dutchHeaders)  // "sight_lines status", "sight_lines waarde"
            out << sep << field(i18n::arg(i18n::inDutch("csv", "%1_status"), e.key)) << sep
                << field(i18n::arg(i18n::inDutch("csv", "%1_value"), e.key));
        else
            out << sep << field(e.key + "_status") << sep << field(e.key + "_value");
        taken.insert({e.key + "_status", e.key + "_value"});
    }
    const auto attrs = attributeColumns(sites, taken);
    for (const auto& a : attrs) out << sep << field(a.second);
    out << "\n";
    for (const auto& s : sites) {
        out << field(s.site->id) << sep << field(s.site->name) << sep << field(s.site->profile) << sep
            << (s.site->places ? std::to_string(*s.site->places) : "") << sep
            << (s.bedrooms >= 0 ? std::to_string(s.bedrooms) : "") << sep << toString(s.classification.verdict) << sep
            << (s.failed ? "yes" : "no") << sep
            << (s.classification.scoreRules ? number(s.classification.score, 1) : "") << sep
            << field(joined(s.classification.reasons, "; "));
        {
            const Sensitivity& se = s.sensitivity;
            std::vector<std::string> flips;
            for (const auto& f : se.flips)
                flips.push_back(f.rule + "." + f.parameter + " " + kit::fmt(f.from, 2) + " -> " + kit::fmt(f.to, 2) +
                                ": " + toString(f.verdict));
            out << sep << (se.computed ? (se.stable ? "yes" : "no") : "") << sep
                << (se.computed ? number(se.shareSame, 3) : "") << sep << field(joined(flips, "; "));
            const CostOptions costs = costOptions(rs, s);
            auto total = [&](const FrictionEstimate& e) { return e.total ? number(*e.total, 0) : std::string(); };
            std::vector<std::string> missing = costs.renovation.missing;
            for (const auto& m : costs.newBuild.missing)
                if (std::find(missing.begin(), missing.end(), m) == missing.end()) missing.push_back(m);
            out << sep << (costs.applies ? total(costs.renovation) : "") << sep
                << (costs.applies ? total(costs.newBuild) : "") << sep << field(costs.applies ? joined(missing, " ") : "")
                << sep
                << (s.friction.applies && s.friction.monthsToOpening ? number(*s.friction.monthsToOpening, 0) : "");
        }
        for (const auto& e : rs.rules) {
            auto it = std::find_if(s.results.begin(), s.results.end(),
                                   [&](const EvaluatedRule& r) { return r.entry->key == e.key; });
            if (it == s.results.end()) {
                out << sep << sep;
                continue;
            }
            out << sep << toString(it->result.status) << sep << (it->result.value ? number(*it->result.value, 3) : "");
        }
        for (const auto& a : attrs) out << sep << field(attribute(*s.site, a.first));
        out << "\n";
    }
    return std::move(out).str();
}

void writeScanCsv(const std::string& path, const RuleSet& rs, const std::vector<SiteAssessment>& sites,
                  const CsvDialect& dialect) {
    writeFileAtomically(path, scanCsv(rs, sites, dialect));
}

namespace {

OGRLayer* createLayer(GDALDataset& ds, const std::string& path, const char* name, const OGRSpatialReference* srs,
                      OGRwkbGeometryType type, const std::vector<std::pair<std::string, OGRFieldType>>& fields,
                      bool spatialIndex = true) {
    // Without: the caller builds the index itself (gpkg::RTreeIndex).
    char noIndex[] = "SPATIAL_INDEX=NO";
    char* options[] = {noIndex, nullptr};
    OGRLayer* layer = ds.CreateLayer(name, const_cast<OGRSpatialReference*>(srs), type, spatialIndex ? nullptr : options);
    if (!layer) throw std::runtime_error(path + ": cannot create layer '" + name + "'");
    for (const auto& [field, t] : fields) {
        OGRFieldDefn fd(field.c_str(), t);
        if (layer->CreateField(&fd) != OGRERR_NONE)
            throw std::runtime_error(path + ": layer '" + name + "': cannot create field '" + field + "'");
    }
    return layer;
}

// "#2e9d48" -> "46,157,72,255", the colour form of QGIS style files.
std::string qgisColour(const std::string& hex, int alpha = 255) {
    const unsigned v = static_cast<unsigned>(std::stoul(hex.substr(1), nullptr, 16));
    return std::to_string((v >> 16) & 255) + "," + std::to_string((v >> 8) & 255) + "," + std::to_string(v & 255) +
           "," + std::to_string(alpha);
}

// A site's plot is tens of metres across: on a map of the whole portfolio
// (QGIS's "zoom to layer", kilometres wide) it is a pixel or none, and the
// manager sees labels on white. So the plot's fill carries a dot of the
// same colour at its centroid, drawn only at scales smaller than 1:25,000
// (there a 100 m plot is 4 mm or less); closer in, the plot itself shows and
// the dot would hide the placed plan: its size is 0 there (@map_scale, which
// QGIS's map canvas gives every symbol).
std::string siteDotLayer(const std::string& name, const std::string& colour) {
    const std::string opaque = colour.substr(0, colour.rfind(',')) + ",255";  // the fill's colour, not see-through
    return "<layer class=\"CentroidFill\" enabled=\"1\" locked=\"0\" pass=\"0\">"
           "<prop k=\"point_on_all_parts\" v=\"0\"/><prop k=\"point_on_surface\" v=\"1\"/>"
           "<symbol type=\"marker\" name=\"@" + name + "@1\" alpha=\"1\"><layer class=\"SimpleMarker\" enabled=\"1\" "
           "locked=\"0\" pass=\"0\"><prop k=\"color\" v=\"" + opaque + "\"/><prop k=\"name\" v=\"circle\"/>"
           "<prop k=\"size\" v=\"3.2\"/><prop k=\"size_unit\" v=\"MM\"/><prop k=\"outline_color\" v=\"35,35,35,255\"/>"
           "<prop k=\"outline_width\" v=\"0.3\"/><data_defined_properties><Option type=\"Map\">"
           "<Option name=\"name\" type=\"QString\" value=\"\"/><Option name=\"properties\" type=\"Map\">"
           "<Option name=\"size\" type=\"Map\"><Option name=\"active\" type=\"bool\" value=\"true\"/>"
           "<Option name=\"expression\" type=\"QString\" value=\"CASE WHEN @map_scale &gt; 25000 THEN 3.2 ELSE 0 END\"/>"
           "<Option name=\"type\" type=\"int\" value=\"3\"/></Option></Option>"
           "<Option name=\"type\" type=\"QString\" value=\"collection\"/></Option></data_defined_properties>"
           "</layer></symbol></layer>";
}

// kind: "fill", "line", "marker", or "site" (a fill with siteDotLayer).
std::string qmlSymbol(const std::string& name, const std::string& kind, const std::string& colour) {
    std::string props;
    if (kind == "fill" || kind == "site")
        props = "<prop k=\"color\" v=\"" + colour + "\"/><prop k=\"outline_color\" v=\"35,35,35,255\"/>"
                "<prop k=\"outline_width\" v=\"0.3\"/><prop k=\"style\" v=\"solid\"/>";
    else if (kind == "line")
        props = "<prop k=\"line_color\" v=\"" + colour + "\"/><prop k=\"line_width\" v=\"0.8\"/>";
    else
        props = "<prop k=\"color\" v=\"" + colour + "\"/><prop k=\"size\" v=\"2.6\"/><prop k=\"name\" v=\"circle\"/>";
    const bool site = kind == "site";
    const char* cls = kind == "fill" || site ? "SimpleFill" : kind == "line" ? "SimpleLine" : "SimpleMarker";
    return "<symbol type=\"" + (site ? std::string("fill") : kind) + "\" name=\"" + name + "\" alpha=\"1\"><layer class=\"" + cls +
           "\" enabled=\"1\" locked=\"0\" pass=\"0\">" + props + "</layer>" + (site ? siteDotLayer(name, colour) : "") +
           "</symbol>";
}

// `labels` is a <labeling> element (or empty): QGIS reads it with the
// renderer when the style's categories include Labeling.
std::string qmlDocument(const std::string& renderer, const std::string& labels = "") {
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22\" "
           "styleCategories=\"Symbology|Labeling\" labelsEnabled=\"" + std::string(labels.empty() ? "0" : "1") +
           "\">" + renderer + labels + "</qgis>\n";
}

// Text in an XML attribute.
std::string xmlAttr(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

struct Category {
    std::string value, label, colour;  // colour as "#rrggbb"
};

// A categorised renderer over `attr` (a field name or an expression).
std::string categorised(const std::string& attr, const std::vector<Category>& cats, const std::string& kind,
                        int alpha) {
    std::string c, y;
    for (std::size_t i = 0; i < cats.size(); ++i) {
        c += "<category value=\"" + xmlAttr(cats[i].value) + "\" symbol=\"" + std::to_string(i) + "\" label=\"" +
             xmlAttr(cats[i].label) + "\" render=\"true\"/>";
        y += qmlSymbol(std::to_string(i), kind, qgisColour(cats[i].colour, alpha));
    }
    return "<renderer-v2 type=\"categorizedSymbol\" attr=\"" + xmlAttr(attr) + "\"><categories>" + c +
           "</categories><symbols>" + y + "</symbols></renderer-v2>";
}

// Simple labels from a QGIS expression; `placement` 0 = around a point or
// polygon centroid, `distMm` from it (QGIS moves labels that would overlap,
// or leaves them out), 1 = over the centroid.
std::string qmlLabels(const std::string& expression, double size, int placement, double distMm = 1) {
    return "<labeling type=\"simple\"><settings calloutType=\"simple\"><text-style fieldName=\"" +
           xmlAttr(expression) + "\" isExpression=\"1\" fontSize=\"" + kit::fmt(size, 1) +
           "\" fontSizeUnit=\"Point\" textColor=\"20,20,20,255\" fontWeight=\"50\"><text-buffer bufferDraw=\"1\" "
           "bufferSize=\"1\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,220\"/></text-style>"
           "<placement placement=\"" + std::to_string(placement) + "\" dist=\"" + kit::fmt(distMm, 1) +
           "\" distUnits=\"MM\"/>"
           "<rendering obstacle=\"1\" displayAll=\"0\" upsidedownLabels=\"0\"/></settings></labeling>";
}

// Colours told apart on a map, for the categories that have no colour of
// their own (the rules, the clusters).
const char* paletteColour(std::size_t i) {
    static const char* kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                                     "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#e7ba52",
                                     "#637939", "#ad494a", "#a55194", "#6b6ecf", "#b5cf6b", "#ce6dbd"};
    return kPalette[i % std::size(kPalette)];
}

// A failed site has the `failed` field set and a verdict that only says no
// verdict was reached: its own category, drawn apart from needs_data.
const char* kSiteCategory = "CASE WHEN \"failed\" = 1 THEN 'failed' ELSE \"verdict\" END";

// The colour of a space on the placed floor plans, by what it is used for.
const char* spaceColour(const std::string& use) {
    if (use == "bedroom") return "#8fb8de";
    if (use == "bathroom" || use == "wc" || use == "shower") return "#5fa8a0";
    if (use == "living" || use == "dining" || use == "kitchen") return "#f2c46d";
    if (use == "corridor" || use == "hall" || use == "entrance" || use == "stair" || use == "lift") return "#d9d9d9";
    if (use == "outdoor") return "#a8d08d";
    if (use == "staff" || use == "office" || use == "treatment") return "#c9a0dc";
    return "#ece3d4";
}

void addStyle(OGRLayer* styles, const std::string& path, const std::string& table, const std::string& qml) {
    gdal::FeaturePtr f(OGRFeature::CreateFeature(styles->GetLayerDefn()));
    f->SetField("f_table_catalog", "");
    f->SetField("f_table_schema", "");
    f->SetField("f_table_name", table.c_str());
    f->SetField("f_geometry_column", "geom");
    f->SetField("styleName", ("vgscan " + table).c_str());
    f->SetField("styleQML", qml.c_str());
    f->SetField("styleSLD", "");
    f->SetField("useAsDefault", 1);
    f->SetField("description", "written by vgscan");
    if (styles->CreateFeature(f.get()) != OGRERR_NONE)
        throw std::runtime_error(path + ": cannot write the style of layer '" + table + "'");
}

// QGIS styles stored in the GeoPackage (the layer_styles table QGIS itself
// writes), so every layer opens coloured and labelled: sites by verdict
// (failed apart) with their id and verdict, evidence by rule, the placed
// floor plans by use, the clusters' night rounds one colour each.
void writeStyles(GDALDataset& ds, const std::string& path, const RuleSet& rs) {
    static const char* kVerdicts[] = {"fits_vg7", "convert_vg7", "cluster", "keep", "ambulant", "dispose", "needs_data"};
    std::vector<Category> verdicts;
    for (const char* v : kVerdicts) verdicts.push_back({v, v, html::verdictColour(v)});
    verdicts.push_back({"failed", "failed (not assessed)", "#3b3b3b"});
    const std::string sitesQml =
        qmlDocument(categorised(kSiteCategory, verdicts, "site", 200),
                    // beside the plot's dot (siteDotLayer), which a label over it would hide
                    qmlLabels(std::string("\"site_id\" || ' ' || ") + kSiteCategory, 9, 0, 2.2));
    std::vector<Category> rules;
    for (std::size_t i = 0; i < rs.rules.size(); ++i)
        rules.push_back({rs.rules[i].key, rs.rules[i].key, paletteColour(i)});
    std::vector<Category> uses;
    for (const auto& u : spaceUseWords()) uses.push_back({u, u, spaceColour(u)});
    OGRLayer* styles = createLayer(ds, path, "layer_styles", nullptr, wkbNone,
                                   {{"f_table_catalog", OFTString}, {"f_table_schema", OFTString},
                                    {"f_table_name", OFTString}, {"f_geometry_column", OFTString},
                                    {"styleName", OFTString}, {"styleQML", OFTString}, {"styleSLD", OFTString},
                                    {"useAsDefault", OFTInteger}, {"description", OFTString},
                                    {"owner", OFTString}, {"ui", OFTString}, {"update_time", OFTDateTime}});
    const std::pair<const char*, std::string> kStyles[] = {
        {"sites", sitesQml},
        {"evidence_areas", qmlDocument(categorised("rule", rules, "fill", 90))},
        {"evidence_lines", qmlDocument(categorised("rule", rules, "line", 255))},
        {"findings", qmlDocument(categorised("rule", rules, "marker", 255),
                                 qmlLabels("\"rule\" || ': ' || \"status\"", 7, 0))},
        {"plan_spaces", qmlDocument(categorised("use", uses, "fill", 230),
                                    qmlLabels("coalesce(\"name\", \"use\")", 6, 1))}};

    for (const auto& [table, qml] : kStyles) addStyle(styles, path, table, qml);
}

}  // namespace

namespace {

// A field of a layer: its number, and its name for the former way.
struct LayerField {
    int index = -1;
    const char* name = "";
};

// The fields of the evidence layers (areas and lines: label; findings:
// message, expected, observed).
struct EvidenceFields {
    LayerField site, rule, status, object, storey, label, message, expected, observed;
};

}  // namespace

void writeScanGpkg(const std::string& path, const Portfolio& p, const RuleSet& rs,
                   const std::vector<SiteAssessment>& sites, GpkgFields fields) {
    gdal::init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!drv) throw std::runtime_error("GDAL has no GPKG driver");
    VSIUnlink(path.c_str());  // the output folder is ours; never the user's input
    gdal::DatasetPtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error(path + ": cannot be created: " + gdal::lastError("GPKG create failed"));
    OGRSpatialReference srs;
    if (!p.crsWkt.empty()) srs.importFromWkt(p.crsWkt.c_str());
    const OGRSpatialReference* crs = p.crsWkt.empty() ? nullptr : &srs;

    std::vector<std::pair<std::string, OGRFieldType>> siteFields = {
        {"site_id", OFTString}, {"name", OFTString},  {"profile", OFTString}, {"places", OFTInteger},
        {"bedrooms", OFTInteger}, {"verdict", OFTString}, {"failed", OFTInteger}, {"score", OFTReal},
        {"stable", OFTInteger}, {"share_same", OFTReal}, {"flipping_thresholds", OFTString},
        {"reasons", OFTString}};
    for (const auto& e : rs.rules) {
        siteFields.emplace_back(e.key + "_status", OFTString);
        siteFields.emplace_back(e.key + "_value", OFTReal);
    }
    std::set<std::string> taken;
    for (const auto& f : siteFields) taken.insert(f.first);
    const auto attrs = attributeColumns(sites, taken);
    for (const auto& a : attrs) siteFields.emplace_back(a.second, OFTString);
    // Each layer's spatial index is built in one pass at the end (gpkg::RTreeIndex).
    OGRLayer* layer = createLayer(*ds, path, "sites", crs, wkbMultiPolygon, siteFields, false);
    const std::vector<std::pair<std::string, OGRFieldType>> evidenceFields = {
        {"site_id", OFTString}, {"rule", OFTString}, {"status", OFTString}, {"label", OFTString},
        {"object", OFTString},  {"storey", OFTInteger}};
    OGRLayer* areas = createLayer(*ds, path, "evidence_areas", crs, wkbMultiPolygon, evidenceFields, false);
    OGRLayer* lines = createLayer(*ds, path, "evidence_lines", crs, wkbLineString, evidenceFields, false);
    OGRLayer* points = createLayer(*ds, path, "findings", crs, wkbPoint,
                                   {{"site_id", OFTString}, {"rule", OFTString}, {"status", OFTString},
                                    {"object", OFTString}, {"message", OFTString}, {"expected", OFTString},
                                    {"observed", OFTString}, {"storey", OFTInteger}},
                                   false);
    // The floor plans placed on their sites: one polygon per space and storey.
    OGRLayer* spaces = createLayer(*ds, path, "plan_spaces", crs, wkbPolygon,
                                   {{"site_id", OFTString}, {"storey", OFTInteger}, {"use", OFTString},
                                    {"name", OFTString}, {"space_id", OFTString}, {"group", OFTString},
                                    {"area_m2", OFTReal}},
                                   false);
    // In the order GDAL made the layers' indexes at the end, the layers' order.
    std::vector<std::pair<OGRLayer*, gpkg::RTreeIndex>> indexes;
    for (OGRLayer* l : {layer, areas, lines, points, spaces}) indexes.emplace_back(l, gpkg::RTreeIndex(l->GetName()));
    auto write = [&](OGRLayer* l, OGRFeature* f, const std::string& what) {
        if (l->CreateFeature(f) != OGRERR_NONE) throw std::runtime_error(path + ": cannot write " + what);
        if (const OGRGeometry* g = f->GetGeometryRef())
            for (auto& [indexed, index] : indexes)
                if (indexed == l) index.add(f->GetFID(), *g);
    };

    // Field numbers looked up once: by name, each SetField compares the
    // name with every field of the layer (some fifty), for every site.
    const OGRFeatureDefn* siteDefn = layer->GetLayerDefn();
    auto field = [&](const std::string& name) {
        const int i = siteDefn->GetFieldIndex(name.c_str());
        if (i < 0) throw std::runtime_error(path + ": layer 'sites' has no field '" + name + "'");
        return i;
    };
    const int fSiteId = field("site_id"), fName = field("name"), fProfile = field("profile"),
              fPlaces = field("places"), fBedrooms = field("bedrooms"), fVerdict = field("verdict"),
              fFailed = field("failed"), fScore = field("score"), fStable = field("stable"),
              fShareSame = field("share_same"), fFlips = field("flipping_thresholds"), fReasons = field("reasons");
    std::map<const RuleEntry*, std::pair<int, int>> ruleFields;  // status, value
    for (const auto& e : rs.rules) ruleFields[&e] = {field(e.key + "_status"), field(e.key + "_value")};
    std::vector<int> attrFields;
    for (const auto& a : attrs) attrFields.push_back(field(a.second));

    // The evidence, findings and spaces rows too (some hundred thousand on
    // 2,002 sites); `fields` GpkgFields::ByName sets them by name, the former way.
    auto layerField = [&](OGRLayer* l, const char* name) {
        const int i = l->GetLayerDefn()->GetFieldIndex(name);
        if (i < 0) throw std::runtime_error(path + ": layer '" + l->GetName() + "' has no field '" + name + "'");
        return LayerField{i, name};
    };
    auto fieldsOf = [&](OGRLayer* l) {
        EvidenceFields k;
        k.site = layerField(l, "site_id");
        k.rule = layerField(l, "rule");
        k.status = layerField(l, "status");
        k.object = layerField(l, "object");
        k.storey = layerField(l, "storey");
        if (l != points) k.label = layerField(l, "label");
        else {
            k.message = layerField(l, "message");
            k.expected = layerField(l, "expected");
            k.observed = layerField(l, "observed");
        }
        return k;
    };
    const EvidenceFields areaFields = fieldsOf(areas), lineFields = fieldsOf(lines),
                         pointFields = fieldsOf(points);
    const LayerField spSite = layerField(spaces, "site_id"), spStorey = layerField(spaces, "storey"),
                     spUse = layerField(spaces, "use"), spName = layerField(spaces, "name"),
                     spSpaceId = layerField(spaces, "space_id"), spGroup = layerField(spaces, "group"),
                     spArea = layerField(spaces, "area_m2");
    const bool byName = fields == GpkgFields::ByName;
    auto set = [byName](OGRFeature& f, const LayerField& k, auto value) {
        if (byName) f.SetField(k.name, value);
        else f.SetField(k.index, value);
    };

    ds->StartTransaction();
    for (const auto& s : sites) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField(fSiteId, s.site->id.c_str());
        f->SetField(fName, s.site->name.c_str());
        f->SetField(fProfile, s.site->profile.c_str());
        if (s.site->places) f->SetField(fPlaces, *s.site->places);
        if (s.bedrooms >= 0) f->SetField(fBedrooms, s.bedrooms);
        f->SetField(fVerdict, toString(s.classification.verdict));
        f->SetField(fFailed, s.failed ? 1 : 0);
        if (s.classification.scoreRules) f->SetField(fScore, s.classification.score);
        if (s.sensitivity.computed) {
            f->SetField(fStable, s.sensitivity.stable ? 1 : 0);
            f->SetField(fShareSame, s.sensitivity.shareSame);
            std::string flips;
            for (const auto& fl : s.sensitivity.flips)
                flips += (flips.empty() ? "" : "; ") + fl.rule + "." + fl.parameter + " " + kit::fmt(fl.from, 2) +
                         " -> " + kit::fmt(fl.to, 2) + ": " + toString(fl.verdict);
            f->SetField(fFlips, flips.c_str());
        }
        f->SetField(fReasons, joined(s.classification.reasons, "; ").c_str());
        for (const auto& r : s.results) {
            auto at = ruleFields.find(r.entry);
            const auto [status, value] = at != ruleFields.end()
                                             ? at->second
                                             : std::pair{field(r.entry->key + "_status"), field(r.entry->key + "_value")};
            f->SetField(status, toString(r.result.status));
            if (r.result.value) f->SetField(value, *r.result.value);
        }
        for (std::size_t k = 0; k < attrs.size(); ++k)
            if (auto v = attribute(*s.site, attrs[k].first); !v.empty()) f->SetField(attrFields[k], v.c_str());
        OGRMultiPolygon plot = gdal::fromMultiPolygon(s.site->plot);
        f->SetGeometry(&plot);
        write(layer, f.get(), "site '" + s.site->id + "'");

        // Evidence: building rules draw in plan metres, placed here on the site.
        const PlanPlacement& at = s.site->placement;
        if (s.plan && at.given)
            for (const auto& sp : s.plan->spaces) {
                gdal::FeaturePtr e(OGRFeature::CreateFeature(spaces->GetLayerDefn()));
                set(*e, spSite, s.site->id.c_str());
                set(*e, spStorey, sp.storey);
                set(*e, spUse, toString(sp.use));
                if (!sp.name.empty()) set(*e, spName, sp.name.c_str());
                set(*e, spSpaceId, sp.id.c_str());
                if (!sp.group.empty()) set(*e, spGroup, sp.group.c_str());
                set(*e, spArea, sp.area);
                OGRPolygon g = gdal::fromPolygon(toWorld(sp.shape, at));
                e->SetGeometry(&g);
                write(spaces, e.get(), "space '" + sp.id + "' of site '" + s.site->id + "'");
            }
        for (const auto& r : s.results) {
            const bool plan = r.scope == "building";
            if (plan && !at.given) continue;
            const std::string what = "evidence of '" + r.entry->key + "' at site '" + s.site->id + "'";
            // The fields every evidence row has: where it comes from and about what.
            auto feature = [&](OGRLayer* l, const EvidenceFields& k, const std::string& object,
                               const std::optional<int>& storey) {
                gdal::FeaturePtr e(OGRFeature::CreateFeature(l->GetLayerDefn()));
                set(*e, k.site, s.site->id.c_str());
                set(*e, k.rule, r.entry->key.c_str());
                set(*e, k.status, toString(r.result.status));
                set(*e, k.object, object.c_str());
                if (storey) set(*e, k.storey, *storey);
                return e;
            };
            for (const auto& shape : r.result.shapes) {
                if (!shape.area.empty()) {
                    auto e = feature(areas, areaFields, shape.object, shape.storey);
                    set(*e, areaFields.label, shape.label.c_str());
                    OGRMultiPolygon g = gdal::fromMultiPolygon(plan ? toWorld(shape.area, at) : shape.area);
                    e->SetGeometry(&g);
                    write(areas, e.get(), what);
                }
                if (shape.line.size() >= 2) {
                    auto e = feature(lines, lineFields, shape.object, shape.storey);
                    set(*e, lineFields.label, shape.label.c_str());
                    OGRLineString g = gdal::fromLineString(plan ? toWorld(shape.line, at) : shape.line);
                    e->SetGeometry(&g);
                    write(lines, e.get(), what);
                }
            }
            for (const auto& fd : r.result.findings) {
                if (!fd.location) continue;
                auto e = feature(points, pointFields, fd.object, fd.storey);
                set(*e, pointFields.message, fd.message.c_str());
                set(*e, pointFields.expected, fd.expected.c_str());
                set(*e, pointFields.observed, fd.observed.c_str());
                const Point w = plan ? toWorld(*fd.location, at) : *fd.location;
                OGRPoint g(w.x(), w.y());
                e->SetGeometry(&g);
                write(points, e.get(), what);
            }
        }
    }
    writeStyles(*ds, path, rs);
    for (const auto& [l, index] : indexes) index.createEmpty(*ds, path);
    if (ds->CommitTransaction() != OGRERR_NONE) throw std::runtime_error(path + ": cannot be written: " + gdal::lastError("commit failed"));
    ds.reset();  // closed: the boxes go in through SQLite's own connection
    std::vector<const gpkg::RTreeIndex*> filled;
    for (const auto& [l, index] : indexes) filled.push_back(&index);
    gpkg::RTreeIndex::fill(path, filled);
}

void writeClustersStyle(GDALDataset& ds, const std::string& path, const std::vector<std::string>& clusterIds) {
    OGRLayer* styles = ds.GetLayerByName("layer_styles");
    if (!styles) throw std::runtime_error(path + ": has no layer_styles table for the style of 'clusters'");
    std::vector<GIntBig> earlier;
    // Unchecked, a filter GDAL refused would leave every style selected, and
    // the loop below would delete them all.
    if (styles->SetAttributeFilter("f_table_name = 'clusters'") != OGRERR_NONE)
        throw std::runtime_error(path + ": cannot select the earlier style of 'clusters' in layer_styles");
    for (auto& f : *styles) earlier.push_back(f->GetFID());
    styles->SetAttributeFilter(nullptr);
    for (GIntBig fid : earlier)
        if (styles->DeleteFeature(fid) != OGRERR_NONE)
            throw std::runtime_error(path + ": cannot replace the earlier style of 'clusters' in layer_styles");
    std::vector<Category> clusters;
    for (std::size_t i = 0; i < clusterIds.size(); ++i) clusters.push_back({clusterIds[i], clusterIds[i], paletteColour(i)});
    addStyle(styles, path, "clusters",
             qmlDocument(categorised("cluster_id", clusters, "line", 255),
                         qmlLabels("\"cluster_id\" || ': ' || \"sites\"", 8, 2)));
}

}  // namespace vgscan
