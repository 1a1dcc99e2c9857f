#include "io/opendata/ContextLayers.h"

#include "io/opendata/Extract.h"
#include "io/opendata/SiteList.h"

#include <QFileInfo>

#include <algorithm>

namespace vgscan::opendata {

namespace {

// The first of `names` that the layer has; empty when none.
std::string firstField(OGRLayer& layer, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (gdal::hasField(layer, n)) return n;
    return "";
}

std::string rowObject(int line) { return "row " + std::to_string(line); }

// The vector layer of a one-layer dataset, or the named one.
OGRLayer* layerOf(GDALDataset& ds, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (auto* l = findLayer(ds, n)) return l;
    return ds.GetLayerCount() >= 1 ? ds.GetLayer(0) : nullptr;
}

// Every row of a table that places something: `make` builds the item from
// the row and where it is (throwing the problem); an item with coordinates is
// placed, one with an address is left for the builder's BAG lookup; a bad
// row is reported with its number and left out.
template <class T, class Make>
void readLocatedRows(const Table& t, const std::string& path, std::vector<InputIssue>& issues, bool needHouseNumber,
                     const char* noPlace, std::vector<T>& placed, std::vector<Located<T>>& pending, Make make) {
    for (const auto& row : t.rows) {
        try {
            const Locator where = locatorOf(t, row, /*allowPandId=*/false);
            if (where.how.empty()) throw std::runtime_error(noPlace);
            if (needHouseNumber && where.how == "address" && where.huisnummer.empty())
                throw std::runtime_error("gives a postcode without a huisnummer");
            T item = make(row, where);
            if (where.point)
                placed.push_back(std::move(item));
            else
                pending.push_back({std::move(item), where, row.line});
        } catch (const std::exception& e) {
            issues.push_back({path, rowObject(row.line), std::string(e.what()) + "; left out", true});
        }
    }
}

}  // namespace

bool isTable(const std::string& path) {
    const std::string ext = QFileInfo(QString::fromStdString(path)).suffix().toLower().toStdString();
    return ext == "csv" || ext == "xlsx" || ext == "ods";
}

DemandData readDemandTable(const std::string& path, std::vector<InputIssue>& issues) {
    DemandData out;
    {
        const Table t = readTable(path);
        const std::string weightColumn = t.column("clients") >= 0 ? "clients" : "weight";
        if (t.column(weightColumn) < 0)
            throw InputError(path, "", "has no column 'clients' or 'weight' (the number of clients per row)");
        readLocatedRows(t, path, issues, false, "gives no postcode, x/y or lat/lon", out.points, out.pending,
                        [&](const TableRow& row, const Locator& where) {
                            const auto w = parseNumber(t.cell(row, weightColumn));
                            if (!w || *w < 0)
                                throw std::runtime_error("'" + weightColumn + "' is not a number of clients >= 0");
                            BuiltDemand d;
                            d.point.id = t.cell(row, "id").empty() ? "row" + std::to_string(row.line) : t.cell(row, "id");
                            d.point.weight = *w;
                            d.label = where.how == "address" ? where.postcode : where.how;
                            if (where.point) d.point.position = *where.point;
                            return d;
                        });
        out.source = {"demand", path, fileDate(path), "the user's own data", ""};
        return out;
    }
}

DemandData readDemandAreas(const std::string& path, const ClipArea& clip, std::vector<InputIssue>& issues) {
    DemandData out;
    auto ds = openExtract(path);
    OGRLayer* layer = layerOf(*ds, {"buurten", "cbs_buurten", "buurt"});
    if (!layer) throw InputError(path, "", "has no layer");
    const std::string people = firstField(*layer, {"aantal_inwoners", "AANT_INW", "inwoners", "weight"});
    if (people.empty())
        throw InputError(path, "layer '" + std::string(layer->GetName()) + "'",
                         "has no number of inhabitants (aantal_inwoners, AANT_INW, inwoners or weight)");
    const std::string code = firstField(*layer, {"buurtcode", "BU_CODE", "id"});
    RdLayer rl(*layer, path, &clip, issues);
    CPLErrorReset();
    while (gdal::FeaturePtr f{layer->GetNextFeature()}) {
        const std::string id = code.empty() ? "#" + std::to_string(f->GetFID()) : field(*f, code.c_str());
        try {
            auto g = rl.geometry(*f);
            if (!g) continue;
            const auto n = gdal::number(*f, people.c_str());
            // CBS writes -99997 and the like where a number is secret or unknown.
            if (!n || *n <= 0) {
                if (n && *n < 0) ++out.skipped;
                continue;
            }
            BuiltDemand d;
            d.point.id = id;
            d.point.weight = *n;
            d.point.position = pointInside(*g);
            d.label = field(*f, firstField(*layer, {"buurtnaam", "BU_NAAM", "name"}).c_str());
            out.points.push_back(std::move(d));
        } catch (const std::exception& e) {
            issues.push_back({path, "buurt " + id, std::string(e.what()) + "; left out", false});
        }
    }
    throwIfReadFailed(path, "layer '" + std::string(layer->GetName()) + "'");
    if (out.skipped > 0)
        issues.push_back({path, "", std::to_string(out.skipped) +
                                        " buurten near the sites have no public number of inhabitants (CBS secret or "
                                        "unknown): left out of the demand",
                          false});
    out.source = {"demand", path, fileDate(path), "CC BY 4.0", "Centraal Bureau voor de Statistiek (CBS), Wijk- en buurtkaart"};
    return out;
}

LiveabilityData readLiveability(const std::string& path, const ClipArea& clip, std::vector<InputIssue>& issues) {
    auto ds = openExtract(path);
    OGRLayer* layer = layerOf(*ds, {"liveability", "leefbaarometer"});
    if (!layer) throw InputError(path, "", "has no layer");
    LiveabilityData out;
    out.field = firstField(*layer, {"klasse", "kl", "lbm_klasse", "class", "score"});
    if (out.field.empty())
        throw InputError(path, "layer '" + std::string(layer->GetName()) + "'",
                         "has no Leefbaarometer class field (klasse, kl, lbm_klasse, class or score, 1 to 9)");
    const std::string label = firstField(*layer, {"klasse_naam", "label", "omschrijving"});
    const std::string code = firstField(*layer, {"id", "grid_id", "buurtcode", "bu_code"});
    RdLayer rl(*layer, path, &clip, issues);
    CPLErrorReset();
    while (gdal::FeaturePtr f{layer->GetNextFeature()}) {
        const std::string id = code.empty() ? "#" + std::to_string(f->GetFID()) : field(*f, code.c_str());
        try {
            auto g = rl.geometry(*f);
            if (!g) continue;
            const auto v = gdal::number(*f, out.field.c_str());
            if (!v) continue;  // no score for this cell (too few homes)
            if (*v < 1 || *v > 9 || *v != static_cast<double>(static_cast<int>(*v)))
                throw std::runtime_error("'" + out.field + "' is not a Leefbaarometer class 1 to 9: " + std::to_string(*v));
            LiveabilityArea a;
            a.id = id;
            a.score = *v;
            a.label = label.empty() ? "" : field(*f, label.c_str());
            a.area = gdal::toMultiPolygon(*g, 1.0);
            out.areas.push_back(std::move(a));
        } catch (const std::exception& e) {
            issues.push_back({path, "area " + id, std::string(e.what()) + "; left out", true});
        }
    }
    throwIfReadFailed(path, "layer '" + std::string(layer->GetName()) + "'");
    out.source = {"liveability", path, fileDate(path),
                  "Leefbaarometer (Ministerie van BZK): see leefbaarometer.nl for the terms (not stated in the file)",
                  "Leefbaarometer, Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"};
    return out;
}

PoiTable readPoiTable(const std::string& path, std::vector<InputIssue>& issues) {
    const Table t = readTable(path);
    if (t.column("category") < 0) throw InputError(path, "", "has no column 'category'");
    PoiTable out;
    readLocatedRows(t, path, issues, true, "gives no address (postcode + huisnummer), x/y or lat/lon", out.pois,
                    out.pending, [&](const TableRow& row, const Locator& where) {
                        BuiltPoi p;
                        p.poi.category = t.cell(row, "category");
                        if (p.poi.category.empty()) throw std::runtime_error("has no 'category'");
                        p.poi.name = t.cell(row, "name");
                        const std::string wlz = t.cell(row, "accepts_wlz");
                        if (!wlz.empty()) {
                            if (wlz != "yes" && wlz != "no")
                                throw std::runtime_error("'accepts_wlz' must be yes or no, got '" + wlz + "'");
                            p.poi.acceptsWlz = wlz == "yes";
                        }
                        p.sourceId = QFileInfo(QString::fromStdString(path)).fileName().toStdString() + " row " +
                                     std::to_string(row.line);
                        p.sourceTag = "category=" + p.poi.category;
                        if (where.point) p.poi.position = *where.point;
                        return p;
                    });
    out.source = {"poi", path, fileDate(path), "the user's own data", ""};
    return out;
}

}  // namespace vgscan::opendata
