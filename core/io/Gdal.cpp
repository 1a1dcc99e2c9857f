#include "io/Gdal.h"

#include "io/InputError.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include <boost/geometry/algorithms/correct.hpp>

#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace vgscan::gdal {

void init() {
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLite (GeoPackages) counts every allocation under a global mutex
        // for statistics nobody here reads: 5-6 % of writing sites.gpkg. Set
        // before SQLite's first use; later (already initialised) it is a no-op.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

std::string lastError(const std::string& fallback) {
    std::string msg = CPLGetLastErrorMsg();
    return msg.empty() ? fallback : msg;
}

namespace {

void checkOpenable(const std::string& path) {
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0) throw InputError(path, "", "file not found");
    if (VSI_ISDIR(st.st_mode)) throw InputError(path, "", "is a directory, not a file");
    if (st.st_size == 0) throw InputError(path, "", "file is empty");
}

GDALDataset* open(const std::string& path, const char* const* drivers) {
    CPLErrorReset();
    return static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
}

DatasetPtr opened(GDALDataset* ds, const std::string& path) {
    if (!ds)
        throw InputError(path, "", "cannot be read as vector data: " +
                                       lastError("no GDAL driver recognises it"));
    return DatasetPtr(ds);
}

bool endsWith(const std::string& s, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return s.size() >= n && EQUAL(s.c_str() + s.size() - n, suffix);
}

}  // namespace

DatasetPtr openVector(const std::string& path) {
    init();
    checkOpenable(path);
    if (endsWith(path, ".geojson") || endsWith(path, ".json")) {
        static const char* const kGeoJson[] = {"GeoJSON", nullptr};
        if (GDALDataset* ds = open(path, kGeoJson)) return DatasetPtr(ds);
    }
    return opened(open(path, nullptr), path);
}

DatasetPtr openVectorAnyDriver(const std::string& path) {
    init();
    checkOpenable(path);
    return opened(open(path, nullptr), path);
}

bool hasField(OGRLayer& layer, const char* name) {
    return layer.GetLayerDefn()->GetFieldIndex(name) >= 0;
}

std::optional<std::string> text(OGRFeature& f, int i) {
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    return std::string(f.GetFieldAsString(i));
}

std::optional<std::string> text(OGRFeature& f, const char* name) { return text(f, f.GetFieldIndex(name)); }

std::optional<double> number(OGRFeature& f, int i, const char* name) {
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    OGRFieldType t = f.GetFieldDefnRef(i)->GetType();
    auto finite = [&](double v) {
        if (!std::isfinite(v))
            throw std::runtime_error("field '" + std::string(name) + "' is not a finite number: '" +
                                     f.GetFieldAsString(i) + "'");
        return v;
    };
    if (t == OFTInteger || t == OFTInteger64 || t == OFTReal) return finite(f.GetFieldAsDouble(i));
    // Text field: accept a clean number, reject anything else.
    std::string s = f.GetFieldAsString(i);
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    double v = CPLStrtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0') throw std::runtime_error("field '" + std::string(name) + "' is not a number: '" + s + "'");
    return finite(v);
}

std::optional<double> number(OGRFeature& f, const char* name) { return number(f, f.GetFieldIndex(name), name); }

std::string show(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return std::string(buf);
}

namespace {
using Ring = Polygon::ring_type;

// A vertex as metres, or a clear error: NaN and infinity would slip through
// every comparison (a NaN width passes `< min`), and coordinates beyond any
// map projection only overflow the geometry code later.
Point vertex(double x, double y, double scale) {
    const double mx = x * scale, my = y * scale;
    if (!std::isfinite(mx) || !std::isfinite(my))
        throw std::runtime_error("has a vertex that is not a finite number (" + show(x) + ", " + show(y) + ")");
    if (std::abs(mx) > kMaxCoordinate || std::abs(my) > kMaxCoordinate)
        throw std::runtime_error("has a vertex (" + show(x) + ", " + show(y) + ") more than " + show(kMaxCoordinate) +
                                 " m from the origin: not a building's coordinates (wrong unit or a corrupt file?)");
    return Point(mx, my);
}

Ring toRing(const OGRLinearRing& r, double scale) {
    Ring ring;
    for (int i = 0; i < r.getNumPoints(); ++i) ring.push_back(vertex(r.getX(i), r.getY(i), scale));
    return ring;
}
}  // namespace

OGRPolygon fromPolygon(const Polygon& poly, double scale) {
    auto ring = [&](const Polygon::ring_type& r) {
        auto* out = new OGRLinearRing();
        for (const auto& p : r) out->addPoint(p.x() * scale, p.y() * scale);
        out->closeRings();
        return out;
    };
    OGRPolygon out;
    out.addRingDirectly(ring(poly.outer()));
    for (const auto& inner : poly.inners()) out.addRingDirectly(ring(inner));
    return out;
}

OGRMultiPolygon fromMultiPolygon(const MultiPolygon& mp, double scale) {
    OGRMultiPolygon out;
    for (const auto& poly : mp) {
        OGRPolygon p = fromPolygon(poly, scale);
        out.addGeometry(&p);
    }
    return out;
}

OGRLineString fromLineString(const LineString& line, double scale) {
    OGRLineString out;
    for (const auto& p : line) out.addPoint(p.x() * scale, p.y() * scale);
    return out;
}

Polygon toPolygon(const OGRPolygon& poly, double scale) {
    Polygon p;
    if (poly.IsEmpty()) throw std::runtime_error("empty polygon");
    p.outer() = toRing(*poly.getExteriorRing(), scale);
    for (int i = 0; i < poly.getNumInteriorRings(); ++i) p.inners().push_back(toRing(*poly.getInteriorRing(i), scale));
    // Orientation and closure are normalised here; validity is judged in validate/.
    bg::correct(p);
    return p;
}

namespace {
// `g` itself, or its linear approximation (kept in `owned`) when it has curves.
const OGRGeometry* linearOf(const OGRGeometry& g, std::unique_ptr<OGRGeometry>& owned) {
    if (!g.hasCurveGeometry()) return &g;
    owned.reset(g.getLinearGeometry());
    return owned.get();
}
}  // namespace

MultiPolygon toMultiPolygon(const OGRGeometry& g, double scale) {
    MultiPolygon mp;
    std::unique_ptr<OGRGeometry> owned;
    const OGRGeometry* linear = linearOf(g, owned);
    switch (wkbFlatten(linear->getGeometryType())) {
        case wkbPolygon:
            mp.push_back(toPolygon(*linear->toPolygon(), scale));
            break;
        case wkbMultiPolygon:
            for (const auto* part : *linear->toMultiPolygon()) mp.push_back(toPolygon(*part, scale));
            break;
        default:
            throw std::runtime_error(std::string("geometry is a ") + OGRGeometryTypeToName(g.getGeometryType()) +
                                     ", expected a Polygon");
    }
    return mp;
}

LineString toLineString(const OGRGeometry& g, double scale) {
    std::unique_ptr<OGRGeometry> owned;
    const OGRGeometry* linear = linearOf(g, owned);
    LineString ls;
    auto flat = wkbFlatten(linear->getGeometryType());
    if (flat == wkbLineString) {
        for (const auto& p : *linear->toLineString()) ls.push_back(vertex(p.getX(), p.getY(), scale));
    } else if (flat == wkbMultiLineString && linear->toMultiLineString()->getNumGeometries() == 1) {
        for (const auto& p : *linear->toMultiLineString()->getGeometryRef(0))
            ls.push_back(vertex(p.getX(), p.getY(), scale));
    } else {
        throw std::runtime_error(std::string("geometry is a ") + OGRGeometryTypeToName(g.getGeometryType()) +
                                 ", expected a LineString");
    }
    return ls;
}

Point toPoint(const OGRGeometry& g, double scale) {
    auto flat = wkbFlatten(g.getGeometryType());
    if (flat == wkbPoint && !g.IsEmpty()) {
        const auto* p = g.toPoint();
        return vertex(p->getX(), p->getY(), scale);
    }
    if (flat == wkbMultiPoint && g.toMultiPoint()->getNumGeometries() == 1) {
        const auto* p = g.toMultiPoint()->getGeometryRef(0);
        return vertex(p->getX(), p->getY(), scale);
    }
    throw std::runtime_error(std::string("geometry is a ") + OGRGeometryTypeToName(g.getGeometryType()) +
                             ", expected a Point");
}

namespace {

// A set of characters, as a table.
struct CharSet {
    bool in[256] = {};
    constexpr explicit CharSet(const char* chars) {
        for (; *chars; ++chars) in[static_cast<unsigned char>(*chars)] = true;
    }
    constexpr bool operator[](unsigned char c) const { return in[c]; }
};

// Whether the top-level object has a "crs" member: only a key of the
// top-level object counts, not the word in a room's name or a feature's
// property. Streamed: the nesting depth and strings are tracked, and each key
// of the top-level object compared.
class TopLevelCrs {
public:
    explicit TopLevelCrs(CrsScan how) : skipping_(how == CrsScan::Skipping) {}

    // The next piece of the text; true once the member is found.
    bool feed(const char* text, std::size_t n) {
        const char* p = text;
        const char* const end = text + n;
        while (p < end && !found_) {
            if (skipping_) p = skipQuiet(p, end);
            if (p == end) break;
            step(*p++);
        }
        return found_;
    }

private:
    // One character: the state machine (the former way runs it on every one).
    void step(char c) {
        if (inString_) {
            if (escaped_) escaped_ = false;
            else if (c == '\\') escaped_ = true;
            else if (c == '"') {
                inString_ = false;
                // A key is followed by ':'; a value of that text is not a key.
                if (collecting_ && key_ == "crs") found_ = true;
                collecting_ = false;
            } else if (collecting_ && key_.size() < 4) key_ += c;
            else collecting_ = false;
            return;
        }
        switch (c) {
            case '"':
                inString_ = true;
                collecting_ = depth_ == 1 && keyPosition_;
                key_.clear();
                break;
            case '{':
            case '[':
                ++depth_;
                keyPosition_ = c == '{' && depth_ == 1;
                break;
            case '}':
            case ']': --depth_; break;
            case ',': keyPosition_ = depth_ == 1; break;
            case ':': keyPosition_ = false; break;
            default: break;
        }
    }

    static constexpr CharSet kTopLevel{"\"{}[],:"}, kDeeper{"\"{}[]"};

    // The first character from `p` on that step() does not pass over
    // unchanged: in a string not being collected, a quote or a backslash
    // (an escaped character is not skipped); outside strings, a quote or a
    // bracket, and at the top level also ',' and ':' (deeper, keyPosition_ is
    // already false: the bracket that went deeper cleared it, and nothing
    // deeper sets it).
    const char* skipQuiet(const char* p, const char* end) const {
        if (inString_) {
            if (escaped_ || collecting_) return p;
            while (p < end && *p != '"' && *p != '\\') ++p;
            return p;
        }
        if (depth_ == 1) {
            while (p < end && !kTopLevel[static_cast<unsigned char>(*p)]) ++p;
        } else {
            while (p < end && !kDeeper[static_cast<unsigned char>(*p)]) ++p;
        }
        return p;
    }

    const bool skipping_;
    int depth_ = 0;
    bool inString_ = false, escaped_ = false, keyPosition_ = false, found_ = false;
    bool collecting_ = false;
    std::string key_;  // the current top-level string, while it is short enough to be "crs"
};

}  // namespace

bool geojsonDeclaresCrs(const std::string& path, CrsScan how) {
    VSILFILE* fp = VSIFOpenL(path.c_str(), "rb");
    if (!fp) return false;
    TopLevelCrs scan(how);
    bool found = false;
    char buf[1 << 16];
    size_t n;
    while (!found && (n = VSIFReadL(buf, 1, sizeof buf, fp)) > 0) found = scan.feed(buf, n);
    VSIFCloseL(fp);
    return found;
}

std::string describe(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code) return std::string(auth) + ":" + code;
    const char* name = srs.GetName();
    return name ? name : "unnamed CRS";
}

}  // namespace vgscan::gdal
