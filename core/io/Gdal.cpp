#include "io/Gdal.h"

#include "io/InputError.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include <boost/geometry/algorithms/correct.hpp>

#include <mutex>
#include <stdexcept>

namespace vgscan::gdal {

void init() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

std::string lastError(const std::string& fallback) {
    std::string msg = CPLGetLastErrorMsg();
    return msg.empty() ? fallback : msg;
}

DatasetPtr openVector(const std::string& path) {
    init();
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0) throw InputError(path, "", "file not found");
    if (VSI_ISDIR(st.st_mode)) throw InputError(path, "", "is a directory, not a file");
    if (st.st_size == 0) throw InputError(path, "", "file is empty");
    CPLErrorReset();
    auto* ds = static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds)
        throw InputError(path, "", "cannot be read as vector data: " +
                                       lastError("no GDAL driver recognises it"));
    return DatasetPtr(ds);
}

bool hasField(OGRLayer& layer, const char* name) {
    return layer.GetLayerDefn()->GetFieldIndex(name) >= 0;
}

std::optional<std::string> text(OGRFeature& f, const char* name) {
    int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    return std::string(f.GetFieldAsString(i));
}

std::optional<double> number(OGRFeature& f, const char* name) {
    int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    OGRFieldType t = f.GetFieldDefnRef(i)->GetType();
    if (t == OFTInteger || t == OFTInteger64 || t == OFTReal) return f.GetFieldAsDouble(i);
    // Text field: accept a clean number, reject anything else.
    std::string s = f.GetFieldAsString(i);
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    double v = CPLStrtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0') throw std::runtime_error("field '" + std::string(name) + "' is not a number: '" + s + "'");
    return v;
}

namespace {
using Ring = Polygon::ring_type;

Ring toRing(const OGRLinearRing& r, double scale) {
    Ring ring;
    for (int i = 0; i < r.getNumPoints(); ++i) ring.emplace_back(r.getX(i) * scale, r.getY(i) * scale);
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

MultiPolygon toMultiPolygon(const OGRGeometry& g, double scale) {
    MultiPolygon mp;
    std::unique_ptr<OGRGeometry> linear(g.hasCurveGeometry() ? g.getLinearGeometry() : g.clone());
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
    std::unique_ptr<OGRGeometry> linear(g.hasCurveGeometry() ? g.getLinearGeometry() : g.clone());
    LineString ls;
    auto flat = wkbFlatten(linear->getGeometryType());
    if (flat == wkbLineString) {
        for (const auto& p : *linear->toLineString()) ls.emplace_back(p.getX() * scale, p.getY() * scale);
    } else if (flat == wkbMultiLineString && linear->toMultiLineString()->getNumGeometries() == 1) {
        for (const auto& p : *linear->toMultiLineString()->getGeometryRef(0))
            ls.emplace_back(p.getX() * scale, p.getY() * scale);
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
        return Point(p->getX() * scale, p->getY() * scale);
    }
    if (flat == wkbMultiPoint && g.toMultiPoint()->getNumGeometries() == 1) {
        const auto* p = g.toMultiPoint()->getGeometryRef(0);
        return Point(p->getX() * scale, p->getY() * scale);
    }
    throw std::runtime_error(std::string("geometry is a ") + OGRGeometryTypeToName(g.getGeometryType()) +
                             ", expected a Point");
}

bool geojsonDeclaresCrs(const std::string& path) {
    VSILFILE* fp = VSIFOpenL(path.c_str(), "rb");
    if (!fp) return false;
    // Stream through the file looking for the "crs" key; keep an overlap so a
    // key split across two chunks is still found.
    std::string carry;
    char buf[1 << 16];
    bool found = false;
    size_t n;
    while (!found && (n = VSIFReadL(buf, 1, sizeof buf, fp)) > 0) {
        std::string chunk = carry + std::string(buf, n);
        found = chunk.find("\"crs\"") != std::string::npos;
        carry = chunk.size() > 8 ? chunk.substr(chunk.size() - 8) : chunk;
    }
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
