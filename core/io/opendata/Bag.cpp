#include "io/opendata/Bag.h"

#include "io/opendata/Extract.h"
#include "io/opendata/SiteList.h"

#include <cpl_string.h>
#include <cpl_vsi.h>

#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace vgscan::opendata {

namespace {

enum class Kind { Lv, Light, Gml };

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && lower(s.substr(s.size() - tail.size())) == tail;
}

std::vector<std::string> listDir(const std::string& path) {
    std::vector<std::string> out;
    char** list = VSIReadDir(path.c_str());
    for (char** p = list; p && *p; ++p)
        if (std::string(*p) != "." && std::string(*p) != "..") out.emplace_back(*p);
    CSLDestroy(list);
    std::sort(out.begin(), out.end());
    return out;
}

// The date a LV extract describes: <StandTechnischeDatum> near its start.
std::string standDate(const std::string& xml) {
    const std::string start = head(xml, 16384);
    const std::string tag = "StandTechnischeDatum>";
    const auto at = start.find(tag);
    if (at == std::string::npos || at + tag.size() + 10 > start.size()) return "";
    return start.substr(at + tag.size(), 10) + " (StandTechnischeDatum)";
}

// BGT (and BRK) pand GML: a BuildingPart carries its footprint
// (geometrie2dGrondvlak) and house-number label points; without this hint
// GDAL keeps only one of them, often a label. Written for vgscan.
const char* kBuildingPartGfs = R"(<GMLFeatureClassList>
  <GMLFeatureClass>
    <Name>BuildingPart</Name>
    <ElementPath>BuildingPart</ElementPath>
    <GeomPropertyDefn>
      <Name>geometrie2dGrondvlak</Name>
      <ElementPath>geometrie2dGrondvlak</ElementPath>
      <Type>MultiPolygon</Type>
    </GeomPropertyDefn>
    <PropertyDefn><Name>lokaalID</Name><ElementPath>identificatie|NEN3610ID|lokaalID</ElementPath><Type>String</Type></PropertyDefn>
    <PropertyDefn><Name>identificatieBAGPND</Name><ElementPath>identificatieBAGPND</ElementPath><Type>String</Type></PropertyDefn>
    <PropertyDefn><Name>bgt-status</Name><ElementPath>bgt-status</ElementPath><Type>String</Type></PropertyDefn>
    <PropertyDefn><Name>eindRegistratie</Name><ElementPath>eindRegistratie</ElementPath><Type>String</Type></PropertyDefn>
    <PropertyDefn><Name>terminationDate</Name><ElementPath>terminationDate</ElementPath><Type>String</Type></PropertyDefn>
  </GMLFeatureClass>
</GMLFeatureClassList>
)";

std::vector<std::string> gmlOptions(const std::string& path) {
    const std::string start = head(path);
    if (start.find("BuildingPart") != std::string::npos && start.find("geometrie2dGrondvlak") != std::string::npos)
        return {"GFS_TEMPLATE=" + memoryFile("bgt-buildingpart.gfs", kBuildingPartGfs)};
    return {};
}

// Letters and digits of a house-number suffix, upper case: "a", "-A", " A " -> "A".
std::string suffixKey(const std::string& s) {
    std::string k;
    for (unsigned char c : s)
        if (std::isalnum(c)) k += static_cast<char>(std::toupper(c));
    return k;
}

// A LV object's current version: validity not ended, not inactive, not
// superseded by a later registration. bag-light holds current versions only.
bool isCurrent(OGRFeature& f, Kind kind) {
    if (kind == Kind::Light) return true;
    return field(f, "eindGeldigheid").empty() && field(f, "eindRegistratie").empty() &&
           field(f, "tijdstipInactief").empty() && field(f, "terminationDate").empty();
}

// Statuses of a pand that is not (or no longer, or never was) standing.
bool notStanding(const std::string& status) {
    const std::string s = lower(status);
    return s.find("gesloopt") != std::string::npos || s.find("niet gerealiseerd") != std::string::npos ||
           s.find("ten onrechte") != std::string::npos || s.find("bouwvergunning verleend") != std::string::npos ||
           s == "historie" || s == "plan";
}

struct Source {
    Kind kind;
    std::string shown;  // the user's path, for messages
    std::string open;   // what GDAL opens
    gdal::DatasetPtr ds;
    std::string date;
    OGRLayer* pand = nullptr;
    OGRLayer* vbo = nullptr;
    OGRLayer* num = nullptr;
};

// A candidate for a pand id while reading its versions.
struct Candidate {
    Footprint fp;
    long voorkomen = -1;
    bool current = false;
    std::string lastEnd;  // latest end of validity seen
};

}  // namespace

struct Bag::Impl {
    std::vector<InputIssue>& issues;
    std::vector<Source> sources;
    bool pandenRead = false, dwellingsRead = false;
    explicit Impl(std::vector<InputIssue>& i) : issues(i) {}

    void add(Kind kind, const std::string& shown, const std::string& open, const std::vector<std::string>& drivers,
             const std::vector<std::string>& options, const std::string& date) {
        Source s{kind, shown, open, openExtract(open, drivers, options), date};
        if (kind == Kind::Gml) {
            s.pand = findLayer(*s.ds, "BuildingPart");
            if (!s.pand)
                for (auto* l : s.ds->GetLayers())
                    if (gdal::hasField(*l, "identificatieBAGPND")) s.pand = l;
            if (!s.pand)
                throw InputError(shown, "", "is a GML without BGT/BRK pand footprints (layer BuildingPart with "
                                            "identificatieBAGPND); its layers: " + layerNames(*s.ds));
        } else {
            s.pand = findLayer(*s.ds, "pand");
            s.vbo = findLayer(*s.ds, "verblijfsobject");
            s.num = findLayer(*s.ds, "nummeraanduiding");
            if (!s.pand && !s.vbo && !s.num)
                throw InputError(shown, "", "has no BAG layer pand, verblijfsobject or nummeraanduiding (layers: " +
                                                layerNames(*s.ds) + ")");
        }
        sources.push_back(std::move(s));
    }

    void open(const std::string& path) {
        const std::vector<std::string> lvOptions = {"AUTOCORRECT_INVALID_DATA=YES"};
        VSIStatBufL st;
        if (VSIStatL(path.c_str(), &st) != 0) throw InputError(path, "", "file not found");
        const bool dir = VSI_ISDIR(st.st_mode);
        if (endsWith(path, ".gpkg")) return add(Kind::Light, path, path, {"GPKG"}, {}, fileDate(path));
        if (endsWith(path, ".gml")) return add(Kind::Gml, path, path, {"GML"}, gmlOptions(path), fileDate(path));
        if (endsWith(path, ".xml")) return add(Kind::Lv, path, path, {"LVBAG"}, lvOptions, standDate(path));
        if (!dir && !endsWith(path, ".zip"))
            throw InputError(path, "", "is not a BAG extract: give LV BAG .xml files (or a .zip or folder of them), "
                                       "the bag-light .gpkg, or a BGT/BRK pand .gml");
        const std::string root = dir ? path : "/vsizip/" + path;
        const auto entries = listDir(root);
        std::string firstXml;
        for (const auto& e : entries)
            if (endsWith(e, ".xml") && firstXml.empty()) firstXml = root + "/" + e;
        if (!firstXml.empty()) return add(Kind::Lv, path, root, {"LVBAG"}, lvOptions, standDate(firstXml));
        for (const auto& e : entries)
            if (endsWith(e, ".gml") && lower(e).find("pand") != std::string::npos)
                return add(Kind::Gml, path + " (" + e + ")", root + "/" + e, {"GML"}, gmlOptions(root + "/" + e),
                           fileDate(path));
        // The national extract: a zip of zips, one per object type.
        bool any = false;
        for (const auto& e : entries) {
            const std::string name = lower(e);
            if (!endsWith(name, ".zip")) continue;
            if (name.find("pnd") == std::string::npos && name.find("vbo") == std::string::npos &&
                name.find("num") == std::string::npos)
                continue;
            const std::string inner = "/vsizip/{" + root + "/" + e + "}";
            std::string xml;
            for (const auto& x : listDir(inner))
                if (endsWith(x, ".xml")) {
                    xml = inner + "/" + x;
                    break;
                }
            add(Kind::Lv, path + " (" + e + ")", inner, {"LVBAG"}, lvOptions, standDate(xml));
            any = true;
        }
        if (!any)
            throw InputError(path, "", "holds no LV BAG .xml files, no BAG object zips (PND, VBO, NUM) and no pand .gml");
    }

    static std::string idOf(OGRFeature& f, Kind kind) {
        return normaliseBagId(field(f, kind == Kind::Gml ? "identificatieBAGPND" : "identificatie"));
    }

    // Reads one pand feature into the candidate for its id.
    void consider(OGRFeature& f, const Source& s, std::unique_ptr<OGRGeometry> g, std::map<std::string, Candidate>& out,
                  const std::string& id) {
        if (!g) return;
        const auto type = wkbFlatten(g->getGeometryType());
        // BGT pand GML also carries label points (house-number positions).
        if (type != wkbPolygon && type != wkbMultiPolygon && type != wkbCurvePolygon && type != wkbMultiSurface)
            return;
        Candidate& c = out[id];
        const bool current = isCurrent(f, s.kind);
        const long voorkomen = static_cast<long>(gdal::number(f, "voorkomenIdentificatie").value_or(0));
        if (!current) {
            const std::string end = field(f, "eindGeldigheid");
            if (end > c.lastEnd) c.lastEnd = end;
            return;
        }
        Footprint fp;
        fp.id = id;
        fp.source = s.kind == Kind::Gml ? "BGT/BRK pand" : "BAG";
        fp.shape = gdal::toMultiPolygon(*g, 1.0);
        fp.status = field(f, s.kind == Kind::Gml ? "bgt-status" : "status");
        for (const char* name : {"oorspronkelijkBouwjaar", "bouwjaar"})
            if (auto y = gdal::number(f, name); y && *y > 1000 && *y < 9999) fp.year = static_cast<int>(*y);
        if (s.kind == Kind::Gml && c.current) {
            // BGT may cut one pand into parts: keep them all.
            for (auto& p : fp.shape) c.fp.shape.push_back(std::move(p));
            return;
        }
        if (c.current && voorkomen <= c.voorkomen) return;
        c.fp = std::move(fp);
        c.current = true;
        c.voorkomen = voorkomen;
    }

    std::map<std::string, Footprint> panden(const std::set<std::string>& ids, const ClipArea& near, Missing& missing) {
        std::map<std::string, Candidate> found;
        for (auto& s : sources) {
            if (!s.pand) continue;
            // `spatial`: GDAL's filter and the clip; without it every feature is
            // seen and kept when asked for by id or near a site.
            auto each = [&](const ClipArea* spatial) {
                RdLayer rl(*s.pand, s.shown, spatial, issues);
                CPLErrorReset();
                while (gdal::FeaturePtr f{s.pand->GetNextFeature()}) {
                    const std::string id = idOf(*f, s.kind);
                    if (id.empty()) continue;
                    const bool wanted = ids.count(id) > 0;
                    try {
                        auto g = rl.geometry(*f);
                        if (!g) continue;
                        if (!spatial && !wanted && (near.empty() || !near.intersects(envelope(*g)))) continue;
                        consider(*f, s, std::move(g), found, id);
                    } catch (const std::exception& e) {
                        issues.push_back({s.shown, "pand " + id, e.what(), false});
                    }
                }
                throwIfReadFailed(s.shown, "layer '" + std::string(s.pand->GetName()) + "'");
            };
            if (s.kind == Kind::Light) {
                // An indexed GeoPackage: ask for the ids, then for the boxes.
                if (!ids.empty()) {
                    std::string in;
                    for (const auto& id : ids) in += (in.empty() ? "'" : ",'") + id + "'";
                    s.pand->SetAttributeFilter(("identificatie IN (" + in + ")").c_str());
                    each(nullptr);
                    s.pand->SetAttributeFilter(nullptr);
                }
                if (!near.empty()) each(&near);
            } else if (ids.empty()) {
                if (!near.empty()) each(&near);
            } else {
                each(nullptr);  // one pass: LV XML has no index to ask
            }
        }
        pandenRead = true;
        std::map<std::string, Footprint> out;
        for (auto& [id, c] : found) {
            if (!c.current) {
                if (ids.count(id))
                    missing[id] = "has no current version in the BAG (its last version ended " +
                                  (c.lastEnd.empty() ? std::string("at an unknown date") : c.lastEnd) + ")";
                continue;
            }
            if (notStanding(c.fp.status)) {
                if (ids.count(id)) missing[id] = "is not a standing building: its status is '" + c.fp.status + "'";
                continue;
            }
            out.emplace(id, std::move(c.fp));
        }
        for (const auto& id : ids)
            if (!out.count(id) && !missing.count(id)) missing[id] = "is not in the BAG extract";
        return out;
    }

    // --- addresses --------------------------------------------------------

    struct Address {
        std::string postcode, huisnummer, suffix;  // suffix: huisletter + toevoeging, key form
        std::string numId;
        std::vector<std::string> pandIds;
        std::optional<Point> position;
        std::string vboId;
        std::string shown() const {
            return postcode + " " + huisnummer + (suffix.empty() ? "" : " " + suffix);
        }
    };

    static std::string postcodeFilter(const std::vector<Locator>& queries) {
        std::set<std::string> pcs;
        for (const auto& q : queries) pcs.insert(q.postcode);
        std::string in;
        for (const auto& pc : pcs) in += (in.empty() ? "'" : ",'") + pc + "'";
        return "postcode IN (" + in + ")";
    }

    static std::vector<std::string> pandRefs(OGRFeature& f, const char* name) {
        std::vector<std::string> out;
        const int i = f.GetFieldIndex(name);
        if (i < 0 || !f.IsFieldSetAndNotNull(i)) return out;
        const OGRFieldType t = f.GetFieldDefnRef(i)->GetType();
        std::vector<std::string> raw;
        if (t == OFTStringList) {
            for (char** p = f.GetFieldAsStringList(i); p && *p; ++p) raw.emplace_back(*p);
        } else {
            CPLStringList parts(CSLTokenizeString2(f.GetFieldAsString(i), ",;", 0));
            for (int k = 0; k < parts.size(); ++k) raw.emplace_back(parts[k]);
        }
        for (const auto& r : raw)
            if (auto id = normaliseBagId(r); !id.empty()) out.push_back(id);
        return out;
    }

    std::vector<Address> readAddresses(const std::vector<Locator>& queries) {
        std::vector<Address> all;
        const std::string filter = postcodeFilter(queries);
        std::map<std::string, std::size_t> byNum;  // nummeraanduiding id -> index in `all`
        // bag-light: the verblijfsobject holds its address.
        for (auto& s : sources) {
            OGRLayer* layer = s.kind == Kind::Light ? s.vbo : s.kind == Kind::Lv ? s.num : nullptr;
            if (!layer) continue;
            RdLayer rl(*layer, s.shown, nullptr, issues);
            layer->SetAttributeFilter(filter.c_str());
            layer->ResetReading();
            CPLErrorReset();
            while (gdal::FeaturePtr f{layer->GetNextFeature()}) {
                if (!isCurrent(*f, s.kind)) continue;
                Address a;
                a.postcode = normalisePostcode(field(*f, "postcode"));
                a.huisnummer = field(*f, "huisnummer");
                a.suffix = suffixKey(field(*f, "huisletter") + field(*f, "huisnummertoevoeging") + field(*f, "toevoeging"));
                if (s.kind == Kind::Light) {
                    a.vboId = normaliseBagId(field(*f, "identificatie"));
                    a.pandIds = pandRefs(*f, "pand_identificatie");
                    if (auto g = rl.geometry(*f)) a.position = pointInside(*g);
                } else {
                    a.numId = normaliseBagId(field(*f, "identificatie"));
                    byNum[a.numId] = all.size();
                }
                all.push_back(std::move(a));
            }
            layer->SetAttributeFilter(nullptr);
            throwIfReadFailed(s.shown, "layer '" + std::string(layer->GetName()) + "'");
        }
        if (byNum.empty()) return all;
        // LV: the verblijfsobjecten whose main or side address is one of these.
        for (auto& s : sources) {
            if (s.kind != Kind::Lv || !s.vbo) continue;
            RdLayer rl(*s.vbo, s.shown, nullptr, issues);
            CPLErrorReset();
            while (gdal::FeaturePtr f{s.vbo->GetNextFeature()}) {
                if (!isCurrent(*f, s.kind)) continue;
                std::vector<std::string> nums = pandRefs(*f, "hoofdadresNummeraanduidingRef");
                for (auto& n : pandRefs(*f, "nevenadresNummeraanduidingRef")) nums.push_back(n);
                for (const auto& n : nums) {
                    auto it = byNum.find(n);
                    if (it == byNum.end()) continue;
                    Address& a = all[it->second];
                    a.vboId = normaliseBagId(field(*f, "identificatie"));
                    a.pandIds = pandRefs(*f, "pandRef");
                    if (auto g = rl.geometry(*f)) a.position = pointInside(*g);
                }
            }
            throwIfReadFailed(s.shown, "layer '" + std::string(s.vbo->GetName()) + "'");
        }
        return all;
    }

    std::vector<std::optional<AddressHit>> findAddresses(const std::vector<Locator>& queries,
                                                         std::vector<std::string>& why,
                                                         std::vector<std::string>& warnings) {
        std::vector<std::optional<AddressHit>> out(queries.size());
        why.assign(queries.size(), "");
        warnings.assign(queries.size(), "");
        if (queries.empty()) return out;
        const std::vector<Address> all = readAddresses(queries);
        for (std::size_t i = 0; i < queries.size(); ++i) {
            const Locator& q = queries[i];
            std::vector<const Address*> at;
            for (const auto& a : all)
                if (a.postcode == q.postcode && (q.huisnummer.empty() || a.huisnummer == q.huisnummer)) at.push_back(&a);
            const std::string shown = q.postcode + (q.huisnummer.empty() ? "" : " " + q.huisnummer) +
                                      (q.toevoeging.empty() ? "" : " " + q.toevoeging);
            if (at.empty()) {
                why[i] = "address " + shown + " is not in the BAG extract";
                continue;
            }
            if (q.huisnummer.empty()) {  // a whole postcode: the mean of its homes and buildings
                AddressHit h;
                double x = 0, y = 0;
                int n = 0;
                for (const auto* a : at)
                    if (a->position) {
                        x += a->position->x();
                        y += a->position->y();
                        ++n;
                    }
                if (n == 0) {
                    why[i] = "postcode " + q.postcode + " has no verblijfsobject with a position in the BAG extract";
                    continue;
                }
                h.position = Point(x / n, y / n);
                h.what = std::to_string(n) + " addresses of " + q.postcode;
                out[i] = h;
                continue;
            }
            const std::string want = suffixKey(q.toevoeging);
            std::vector<const Address*> match;
            for (const auto* a : at)
                if (a->suffix == want) match.push_back(a);
            if (match.empty() && want.empty() && at.size() == 1) {
                match = at;
                warnings[i] = "address " + shown + " has no number without a suffix; took " + at.front()->shown();
            }
            if (match.empty()) {
                std::string list;
                for (const auto* a : at) list += (list.empty() ? "" : ", ") + a->shown();
                why[i] = "address " + shown + " is not in the BAG extract; at that number: " + list +
                         (want.empty() ? " (give the toevoeging)" : "");
                continue;
            }
            const Address& a = *match.front();
            if (!a.position || a.pandIds.empty()) {
                why[i] = "address " + shown +
                         " belongs to no verblijfsobject in the BAG extract (a ligplaats or standplaats? or the VBO "
                         "file is missing)";
                continue;
            }
            out[i] = AddressHit{a.pandIds, *a.position, "verblijfsobject " + a.vboId};
        }
        return out;
    }

    std::vector<Dwelling> dwellings(const ClipArea& clip) {
        std::vector<Dwelling> out;
        std::set<std::string> seen;
        for (auto& s : sources) {
            if (!s.vbo) continue;
            RdLayer rl(*s.vbo, s.shown, &clip, issues);
            CPLErrorReset();
            while (gdal::FeaturePtr f{s.vbo->GetNextFeature()}) {
                if (!isCurrent(*f, s.kind)) continue;
                if (lower(f->GetFieldAsString(f->GetFieldIndex("gebruiksdoel"))).find("woonfunctie") == std::string::npos)
                    continue;
                const std::string status = lower(field(*f, "status"));
                if (!status.empty() && status.find("in gebruik") == std::string::npos &&
                    status.find("verbouwing") == std::string::npos)
                    continue;  // gevormd (not built yet), niet gerealiseerd, ingetrokken, ten onrechte opgevoerd
                const std::string id = normaliseBagId(field(*f, "identificatie"));
                auto g = rl.geometry(*f);
                if (!g || !seen.insert(id).second) continue;
                out.push_back({id, pointInside(*g)});
            }
            throwIfReadFailed(s.shown, "layer '" + std::string(s.vbo->GetName()) + "'");
        }
        dwellingsRead = true;
        return out;
    }
};

Bag::Bag(const std::vector<std::string>& paths, std::vector<InputIssue>& issues)
    : impl_(std::make_unique<Impl>(issues)) {
    for (const auto& p : paths) impl_->open(p);
}

Bag::~Bag() = default;

bool Bag::hasPanden() const {
    return std::any_of(impl_->sources.begin(), impl_->sources.end(), [](const Source& s) { return s.pand; });
}
bool Bag::hasAddresses() const {
    // bag-light holds the address in the verblijfsobject; LV needs the
    // nummeraanduidingen and the verblijfsobjecten (in one source, or two
    // zips of the national extract).
    const auto& src = impl_->sources;
    const bool light = std::any_of(src.begin(), src.end(), [](const Source& s) {
        return s.kind == Kind::Light && s.vbo && gdal::hasField(*s.vbo, "postcode");
    });
    const bool num = std::any_of(src.begin(), src.end(), [](const Source& s) { return s.kind == Kind::Lv && s.num; });
    const bool vbo = std::any_of(src.begin(), src.end(), [](const Source& s) { return s.kind == Kind::Lv && s.vbo; });
    return light || (num && vbo);
}
bool Bag::hasDwellings() const {
    return std::any_of(impl_->sources.begin(), impl_->sources.end(), [](const Source& s) { return s.vbo; });
}

std::map<std::string, Footprint> Bag::panden(const std::set<std::string>& ids, const ClipArea& near,
                                             Missing& missing) {
    return impl_->panden(ids, near, missing);
}

std::vector<std::optional<AddressHit>> Bag::findAddresses(const std::vector<Locator>& queries,
                                                          std::vector<std::string>& why,
                                                          std::vector<std::string>& warnings) {
    return impl_->findAddresses(queries, why, warnings);
}

std::vector<Dwelling> Bag::dwellings(const ClipArea& clip) { return impl_->dwellings(clip); }

std::vector<LayerSource> Bag::sources(bool dwellingsUsed) const {
    std::vector<LayerSource> out;
    for (const auto& s : impl_->sources) {
        const bool bgt = s.kind == Kind::Gml;
        const std::string licence = bgt ? "CC BY 4.0 (BGT / BRK via PDOK)" : "CC0 1.0 (public domain)";
        const std::string by = bgt ? "Basisregistratie Grootschalige Topografie / Kadaster, via PDOK"
                                   : "Kadaster, Basisregistratie Adressen en Gebouwen (BAG)";
        if (s.pand && impl_->pandenRead) out.push_back({"buildings", s.shown, s.date, licence, by});
        if (s.vbo && dwellingsUsed && impl_->dwellingsRead) out.push_back({"dwellings", s.shown, s.date, licence, by});
    }
    return out;
}

}  // namespace vgscan::opendata
