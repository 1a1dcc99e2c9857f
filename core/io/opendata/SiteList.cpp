#include "io/opendata/SiteList.h"

#include "io/opendata/Extract.h"

#include <cpl_conv.h>

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <stdexcept>

namespace vgscan::opendata {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Columns the site list understands; the rest is carried through.
const std::set<std::string> kSiteColumns = {"id",   "name", "bag_pand_id", "postcode", "huisnummer", "toevoeging",
                                            "x",    "y",    "lat",         "lon",      "places",     "profile",
                                            "plan"};

}  // namespace

std::string normaliseBagId(const std::string& text) {
    std::string s = trim(text);
    const auto dot = s.rfind('.');
    // "NL.IMBAG.Pand.0221..." -> the part after the last dot; "221...0.0" -> before it.
    if (dot != std::string::npos) {
        const std::string after = s.substr(dot + 1);
        if (!after.empty() && std::all_of(after.begin(), after.end(), [](char c) { return c == '0'; }))
            s = s.substr(0, dot);
        else
            s = after;
    }
    if (s.empty() || s.size() > 16 || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
        return "";
    return std::string(16 - s.size(), '0') + s;
}

std::optional<double> parseNumber(const std::string& text) {
    std::string s = trim(text);
    if (s.empty()) return std::nullopt;
    if (s.find('.') == std::string::npos) std::replace(s.begin(), s.end(), ',', '.');
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size() || !std::isfinite(v)) return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string normalisePostcode(const std::string& text) {
    std::string s;
    for (unsigned char c : text)
        if (!std::isspace(c)) s += static_cast<char>(std::toupper(c));
    if (s.size() != 6 || !std::all_of(s.begin(), s.begin() + 4, [](unsigned char c) { return std::isdigit(c); }) ||
        !std::all_of(s.begin() + 4, s.end(), [](unsigned char c) { return std::isalpha(c); }))
        return "";
    return s;
}

int Table::column(const std::string& name) const {
    const auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

std::string Table::cell(const TableRow& row, const std::string& name) const {
    const int i = column(name);
    return i < 0 || i >= static_cast<int>(row.cells.size()) ? "" : row.cells[static_cast<std::size_t>(i)];
}

Table readTable(const std::string& path) {
    // Every cell as text: a pand id keeps its leading zero, a postcode stays a postcode.
    const bool csv = lower(QFileInfo(QString::fromStdString(path)).suffix().toStdString()) == "csv";
    // Spreadsheets: GDAL 3.6 takes these as configuration, not open options.
    CPLConfigOptionSetter xlsxHeaders("OGR_XLSX_HEADERS", "FORCE", false), xlsxTypes("OGR_XLSX_FIELD_TYPES", "STRING", false),
        odsHeaders("OGR_ODS_HEADERS", "FORCE", false), odsTypes("OGR_ODS_FIELD_TYPES", "STRING", false);
    auto ds = csv ? openExtract(path, {"CSV"}, {"AUTODETECT_TYPE=NO", "HEADERS=YES", "KEEP_GEOM_COLUMNS=YES"})
                  : openExtract(path, {"XLSX", "ODS"});
    if (ds->GetLayerCount() < 1) throw InputError(path, "", "has no table");
    OGRLayer* layer = ds->GetLayer(0);
    Table t;
    t.file = path;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::set<std::string> seen;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        std::string name = lower(trim(defn->GetFieldDefn(i)->GetNameRef()));
        // A byte order mark that the driver left on the first header.
        if (name.rfind("\xEF\xBB\xBF", 0) == 0) name = name.substr(3);
        if (!seen.insert(name).second) throw InputError(path, "column '" + name + "'", "appears twice in the header");
        t.columns.push_back(name);
    }
    int line = 1;
    layer->ResetReading();
    while (gdal::FeaturePtr f{layer->GetNextFeature()}) {
        TableRow row;
        row.line = ++line;
        bool any = false;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            row.cells.push_back(f->IsFieldSetAndNotNull(i) ? trim(f->GetFieldAsString(i)) : "");
            any = any || !row.cells.back().empty();
        }
        if (any) t.rows.push_back(std::move(row));  // blank lines at the end of a sheet
    }
    return t;
}

Locator locatorOf(const Table& t, const TableRow& row, bool allowPandId) {
    Locator loc;
    if (allowPandId) {
        const std::string pand = t.cell(row, "bag_pand_id");
        if (!pand.empty()) {
            loc.bagPandId = normaliseBagId(pand);
            if (loc.bagPandId.empty())
                throw std::runtime_error("'bag_pand_id' is not a BAG pand id (16 digits): '" + pand + "'");
            loc.how = "bag_pand_id";
            return loc;
        }
    }
    // A postcode alone stands for all its addresses (demand per postcode).
    const std::string pc = t.cell(row, "postcode"), nr = t.cell(row, "huisnummer");
    if (!pc.empty()) {
        loc.postcode = normalisePostcode(pc);
        if (loc.postcode.empty()) throw std::runtime_error("'postcode' is not a Dutch postcode (1234 AB): '" + pc + "'");
        if (!nr.empty()) {
            const auto n = parseNumber(nr);
            if (!n || *n < 1 || *n != static_cast<double>(static_cast<long>(*n)))
                throw std::runtime_error("'huisnummer' is not a house number: '" + nr + "'");
            loc.huisnummer = std::to_string(static_cast<long>(*n));
        }
        loc.toevoeging = t.cell(row, "toevoeging");
        loc.how = "address";
        return loc;
    }
    auto coordinates = [&](const char* a, const char* b) -> std::optional<std::pair<double, double>> {
        const std::string sa = t.cell(row, a), sb = t.cell(row, b);
        if (sa.empty() && sb.empty()) return std::nullopt;
        const auto va = parseNumber(sa), vb = parseNumber(sb);
        if (!va || !vb)
            throw std::runtime_error(std::string("'") + a + "' and '" + b + "' must both be numbers, got '" + sa +
                                     "' and '" + sb + "'");
        return std::make_pair(*va, *vb);
    };
    if (auto xy = coordinates("x", "y")) {
        // RD New covers the Netherlands with x in about 0..300 km, y in 300..625 km.
        if (xy->first < -7000 || xy->first > 300000 || xy->second < 289000 || xy->second > 629000)
            throw std::runtime_error("x/y (" + std::to_string(xy->first) + ", " + std::to_string(xy->second) +
                                     ") is not in the Netherlands in EPSG:28992 (RD New); degrees go in lat/lon");
        loc.point = Point(xy->first, xy->second);
        loc.how = "x/y";
        return loc;
    }
    if (auto ll = coordinates("lat", "lon")) {
        if (ll->first < 50 || ll->first > 54 || ll->second < 3 || ll->second > 7.5)
            throw std::runtime_error("lat/lon (" + std::to_string(ll->first) + ", " + std::to_string(ll->second) +
                                     ") is not in the Netherlands");
        loc.point = lonLatToRd(ll->second, ll->first);
        if (!loc.point) throw std::runtime_error("lat/lon cannot be taken to EPSG:28992");
        loc.how = "lat/lon";
        return loc;
    }
    return loc;
}

std::string SiteRow::object() const { return "site '" + id + "' (row " + std::to_string(line) + ")"; }

SiteList readSiteList(const std::string& path, std::vector<InputIssue>& issues) {
    Table t = readTable(path);
    if (t.column("id") < 0)
        throw InputError(path, "", "has no column 'id' (columns: " +
                                       [&] {
                                           std::string s;
                                           for (const auto& c : t.columns) s += (s.empty() ? "" : ", ") + c;
                                           return s;
                                       }() +
                                       ")");
    SiteList out;
    out.file = path;
    for (const auto& c : t.columns)
        if (!kSiteColumns.count(c)) out.extraColumns.push_back(c);
    const QDir base = QFileInfo(QString::fromStdString(path)).absoluteDir();
    std::set<std::string> ids;
    for (const auto& row : t.rows) {
        SiteRow s;
        s.line = row.line;
        s.id = t.cell(row, "id");
        const std::string obj = s.id.empty() ? "row " + std::to_string(row.line) : s.object();
        try {
            if (s.id.empty()) throw std::runtime_error("has no 'id'");
            if (!ids.insert(s.id).second) throw std::runtime_error("id is used by more than one row");
            s.name = t.cell(row, "name");
            if (s.name.empty()) s.name = s.id;
            s.where = locatorOf(t, row);
            if (s.where.how == "address" && s.where.huisnummer.empty())
                throw std::runtime_error("gives a postcode without a huisnummer");
            if (s.where.how.empty())
                throw std::runtime_error(
                    "gives no way to find the building: fill in bag_pand_id, postcode + huisnummer, x + y, or lat + lon");
            const std::string places = t.cell(row, "places");
            if (!places.empty()) {
                const auto p = parseNumber(places);
                if (!p || *p < 0 || *p != static_cast<double>(static_cast<int>(*p)))
                    throw std::runtime_error("'places' is not a whole number of places: '" + places + "'");
                s.places = static_cast<int>(*p);
            }
            s.profile = t.cell(row, "profile");
            const std::string plan = t.cell(row, "plan");
            if (!plan.empty()) s.plan = QDir::cleanPath(base.absoluteFilePath(QString::fromStdString(plan))).toStdString();
            for (const auto& c : out.extraColumns) s.extra.emplace_back(c, t.cell(row, c));
            out.rows.push_back(std::move(s));
        } catch (const std::exception& e) {
            issues.push_back({path, obj, e.what(), true});
        }
    }
    if (out.rows.empty() && !hasErrors(issues)) throw InputError(path, "", "lists no sites");
    return out;
}

}  // namespace vgscan::opendata
