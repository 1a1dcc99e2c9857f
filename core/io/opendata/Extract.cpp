#include "io/opendata/Extract.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogr_api.h>

#include <boost/geometry/index/rtree.hpp>

#include <QDateTime>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <set>
#include <stdexcept>

namespace vgscan::opendata {

// --- ClipArea --------------------------------------------------------------

struct ClipArea::Tree {
    boost::geometry::index::rtree<Box, boost::geometry::index::quadratic<16>> boxes;
};

ClipArea::ClipArea(const std::vector<Point>& centres, double margin) : margin_(margin) {
    tree_ = std::make_unique<Tree>();
    for (const Point& c : centres) {
        Box b(Point(c.x() - margin, c.y() - margin), Point(c.x() + margin, c.y() + margin));
        if (boxes_.empty())
            bounds_ = b;
        else
            bg::expand(bounds_, b);
        boxes_.push_back(b);
    }
    tree_->boxes = decltype(tree_->boxes)(boxes_.begin(), boxes_.end());  // packed
}

ClipArea::~ClipArea() = default;
ClipArea::ClipArea(ClipArea&&) noexcept = default;
ClipArea& ClipArea::operator=(ClipArea&&) noexcept = default;

bool ClipArea::intersects(const Box& box) const {
    if (!tree_) return false;
    return tree_->boxes.qbegin(boost::geometry::index::intersects(box)) != tree_->boxes.qend();
}

// --- Opening ---------------------------------------------------------------

gdal::DatasetPtr openExtract(const std::string& path, const std::vector<std::string>& drivers,
                             const std::vector<std::string>& openOptions) {
    gdal::init();
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0) throw InputError(path, "", "file not found");
    if (!VSI_ISDIR(st.st_mode) && st.st_size == 0) throw InputError(path, "", "file is empty");
    CPLStringList allowed, options;
    for (const auto& d : drivers) allowed.AddString(d.c_str());
    // Never write a .gfs next to an input, never fetch a schema over the network.
    options.AddString("WRITE_GFS=NO");
    options.AddString("DOWNLOAD_SCHEMA=NO");
    for (const auto& o : openOptions) options.AddString(o.c_str());
    CPLErrorReset();
    // Options a driver does not know are ignored by it; GDAL warns, quietly.
    auto* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                    drivers.empty() ? nullptr : allowed.List(), options.List(),
                                                    nullptr));
    if (!ds) {
        std::string want;
        for (const auto& d : drivers) want += (want.empty() ? "" : ", ") + d;
        throw InputError(path, "", "cannot be read" + (want.empty() ? std::string() : " as " + want) + ": " +
                                       gdal::lastError("no GDAL driver recognises it"));
    }
    return gdal::DatasetPtr(ds);
}

OGRLayer* findLayer(GDALDataset& ds, const std::string& name) {
    for (auto* l : ds.GetLayers())
        if (EQUAL(l->GetName(), name.c_str())) return l;
    return nullptr;
}

std::string layerNames(GDALDataset& ds) {
    std::string s;
    for (auto* l : ds.GetLayers()) s += (s.empty() ? "" : ", ") + std::string(l->GetName());
    return s.empty() ? "none" : s;
}

const OGRSpatialReference& rdNew() {
    static const OGRSpatialReference srs = [] {
        OGRSpatialReference s;
        s.importFromEPSG(kRdNew);
        s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return s;
    }();
    return srs;
}

std::optional<Point> lonLatToRd(double lon, double lat) {
    static thread_local std::unique_ptr<OGRCoordinateTransformation> t = [] {
        OGRSpatialReference wgs;
        wgs.SetWellKnownGeogCS("WGS84");
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&wgs, &rdNew()));
    }();
    double x = lon, y = lat;
    if (!t || !t->Transform(1, &x, &y)) return std::nullopt;
    return Point(x, y);
}

// --- RdLayer ----------------------------------------------------------------

RdLayer::RdLayer(OGRLayer& layer, std::string file, const ClipArea* clip, std::vector<InputIssue>& issues,
                 double filterGrowth)
    : layer_(layer), file_(std::move(file)), clip_(clip) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    const std::string obj = "layer '" + std::string(layer.GetName()) + "'";
    if (!srs) {
        if (layer.GetGeomType() != wkbNone)  // a table without geometry needs no CRS
            issues.push_back({file_, obj, "has no CRS; taken to be EPSG:28992 (RD New), the CRS of the Dutch registers",
                              false});
    } else if (!srs->IsSame(&rdNew())) {
        OGRSpatialReference src(*srs);
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        toRd_.reset(OGRCreateCoordinateTransformation(&src, &rdNew()));
        if (!toRd_)
            throw InputError(file_, obj, "cannot be reprojected from " + gdal::describe(*srs) +
                                             " to EPSG:28992: " + gdal::lastError("no transformation"));
    }
    if (clip_ && !clip_->empty()) {
        const Box& b = clip_->bounds();
        double minX = b.min_corner().x() - filterGrowth, minY = b.min_corner().y() - filterGrowth,
               maxX = b.max_corner().x() + filterGrowth, maxY = b.max_corner().y() + filterGrowth;
        if (toRd_) {
            // The clip box in the layer's CRS (densified edges, so a curved
            // edge in degrees still covers it).
            OGRSpatialReference src(*srs);
            src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            std::unique_ptr<OGRCoordinateTransformation, TransformDeleter> back(
                OGRCreateCoordinateTransformation(&rdNew(), &src));
            double x0, y0, x1, y1;
            if (back && back->TransformBounds(minX, minY, maxX, maxY, &x0, &y0, &x1, &y1, 21)) {
                layer.SetSpatialFilterRect(x0, y0, x1, y1);
            }
        } else {
            layer.SetSpatialFilterRect(minX, minY, maxX, maxY);
        }
    }
    layer.ResetReading();
}

RdLayer::~RdLayer() { layer_.SetSpatialFilter(nullptr); }

std::unique_ptr<OGRGeometry> RdLayer::geometry(OGRFeature& f, int fieldIndex) const {
    ++read;
    const OGRGeometry* g = f.GetGeomFieldRef(fieldIndex);
    if (!g || g->IsEmpty()) return nullptr;
    std::unique_ptr<OGRGeometry> copy(g->clone());
    if (toRd_ && copy->transform(toRd_.get()) != OGRERR_NONE)
        throw std::runtime_error("cannot be reprojected to EPSG:28992: " + gdal::lastError("transformation failed"));
    if (clip_ && !clip_->empty() && !clip_->intersects(envelope(*copy))) return nullptr;
    ++kept;
    return copy;
}

std::string memoryFile(const std::string& name, const char* text) {
    static std::mutex mutex;
    static std::set<std::string> written;
    const std::string path = "/vsimem/vgscan/" + name;
    std::lock_guard<std::mutex> lock(mutex);
    if (written.insert(path).second) {
        VSILFILE* fp = VSIFOpenL(path.c_str(), "wb");
        if (!fp) throw std::runtime_error("cannot write " + path);
        VSIFWriteL(text, 1, std::char_traits<char>::length(text), fp);
        VSIFCloseL(fp);
    }
    return path;
}

std::string head(const std::string& path, std::size_t bytes) {
    VSILFILE* fp = VSIFOpenL(path.c_str(), "rb");
    if (!fp) return "";
    std::string out(bytes, '\0');
    out.resize(VSIFReadL(out.data(), 1, out.size(), fp));
    VSIFCloseL(fp);
    return out;
}

Point pointInside(const OGRGeometry& g) {
    if (wkbFlatten(g.getGeometryType()) == wkbPoint) return Point(g.toPoint()->getX(), g.toPoint()->getY());
    OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
    if (inside) {
        const Point p(OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0));
        OGR_G_DestroyGeometry(inside);
        return p;
    }
    OGRPoint c;
    if (g.Centroid(&c) != OGRERR_NONE) throw std::runtime_error("has no point inside it");
    return Point(c.getX(), c.getY());
}

Box envelope(const OGRGeometry& g) {
    OGREnvelope e;
    g.getEnvelope(&e);
    return Box(Point(e.MinX, e.MinY), Point(e.MaxX, e.MaxY));
}

std::string fileDate(const std::string& path) {
    std::string real = path;
    // /vsizip/FILE.zip/inner: the zip's own date.
    if (real.rfind("/vsizip/", 0) == 0) {
        real = real.substr(8);
        const auto zip = real.find(".zip");
        if (zip != std::string::npos) real = real.substr(0, zip + 4);
    }
    VSIStatBufL st;
    if (VSIStatL(real.c_str(), &st) != 0) return "";
    return QDateTime::fromSecsSinceEpoch(st.st_mtime).toUTC().date().toString(Qt::ISODate).toStdString() +
           " (file modified)";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string field(OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return "";
    std::string s = f.GetFieldAsString(i);
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

void throwIfReadFailed(const std::string& file, const std::string& what) {
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
        throw InputError(file, what,
                         "could not be read to the end (truncated or damaged?): " + gdal::lastError("read error"));
}

}  // namespace vgscan::opendata
