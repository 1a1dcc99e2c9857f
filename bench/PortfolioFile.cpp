#include "PortfolioFile.h"

#include "io/Gdal.h"

#include <ogr_spatialref.h>

#include <random>
#include <stdexcept>

namespace vgscan::bench {

namespace {

OGRLayer* layer(GDALDataset& ds, const char* name, OGRSpatialReference& srs, OGRwkbGeometryType type,
                const std::vector<std::pair<const char*, OGRFieldType>>& fields) {
    OGRLayer* l = ds.CreateLayer(name, &srs, type, nullptr);
    if (!l) throw std::runtime_error(std::string("cannot create layer ") + name);
    for (const auto& [field, t] : fields) {
        OGRFieldDefn fd(field, t);
        l->CreateField(&fd);
    }
    return l;
}

void add(OGRLayer* l, gdal::FeaturePtr& f) {
    if (l->CreateFeature(f.get()) != OGRERR_NONE) throw std::runtime_error("cannot write a feature");
}

Polygon rectangle(double x0, double y0, double x1, double y1) {
    Polygon p;
    p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    return p;
}

}  // namespace

void writePortfolioGpkg(const std::string& path, const Portfolio& p) {
    gdal::init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    VSIUnlink(path.c_str());
    gdal::DatasetPtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error(path + ": cannot be created");
    OGRSpatialReference srs;
    srs.importFromEPSG(28992);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    ds->StartTransaction();
    OGRLayer* sites = layer(*ds, "sites", srs, wkbPolygon,
                            {{"id", OFTString}, {"name", OFTString}, {"plan", OFTString}, {"places", OFTInteger},
                             {"profile", OFTString}, {"plan_x", OFTReal}, {"plan_y", OFTReal},
                             {"plan_rotation_deg", OFTReal}});
    OGRLayer* buildings = layer(*ds, "buildings", srs, wkbPolygon, {{"site_id", OFTString}});
    for (const auto& s : p.sites) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(sites->GetLayerDefn()));
        f->SetField("id", s.id.c_str());
        f->SetField("name", s.name.c_str());
        f->SetField("plan", s.planPath.c_str());
        if (s.places) f->SetField("places", *s.places);
        f->SetField("profile", s.profile.c_str());
        if (s.placement.given) {
            f->SetField("plan_x", s.placement.x);
            f->SetField("plan_y", s.placement.y);
            f->SetField("plan_rotation_deg", s.placement.rotationDeg);
        }
        OGRPolygon g = gdal::fromPolygon(s.plot.front());
        f->SetGeometry(&g);
        add(sites, f);
        for (const auto& fp : s.footprints) {
            gdal::FeaturePtr b(OGRFeature::CreateFeature(buildings->GetLayerDefn()));
            b->SetField("site_id", s.id.c_str());
            OGRPolygon bg = gdal::fromPolygon(fp);
            b->SetGeometry(&bg);
            add(buildings, b);
        }
    }
    OGRLayer* roads = layer(*ds, "roads", srs, wkbLineString, {{"class", OFTString}, {"oneway", OFTString}, {"aadt", OFTReal}});
    for (const auto& r : p.context.roads) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(roads->GetLayerDefn()));
        f->SetField("class", r.roadClass.c_str());
        f->SetField("oneway", r.oneway ? "yes" : "no");
        if (r.aadt) f->SetField("aadt", *r.aadt);
        OGRLineString g = gdal::fromLineString(r.line);
        f->SetGeometry(&g);
        add(roads, f);
    }
    OGRLayer* pois = layer(*ds, "poi", srs, wkbPoint, {{"category", OFTString}, {"name", OFTString}, {"accepts_wlz", OFTString}});
    for (const auto& q : p.context.pois) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(pois->GetLayerDefn()));
        f->SetField("category", q.category.c_str());
        f->SetField("name", q.name.c_str());
        if (q.acceptsWlz) f->SetField("accepts_wlz", *q.acceptsWlz ? "yes" : "no");
        OGRPoint g(q.position.x(), q.position.y());
        f->SetGeometry(&g);
        add(pois, f);
    }
    if (p.context.hasDemand) {
        OGRLayer* demand = layer(*ds, "demand", srs, wkbPoint, {{"id", OFTString}, {"weight", OFTReal}});
        for (const auto& d : p.context.demand) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(demand->GetLayerDefn()));
            f->SetField("id", d.id.c_str());
            f->SetField("weight", d.weight);
            OGRPoint g(d.position.x(), d.position.y());
            f->SetGeometry(&g);
            add(demand, f);
        }
    }
    if (ds->CommitTransaction() != OGRERR_NONE) throw std::runtime_error(path + ": cannot be written");
}

Portfolio nationalRegion() {
    constexpr int kGrid = 708;          // nodes per side: 2 x 708 x 707 = 1,001,112 segments
    constexpr double kSpacing = 400.0;  // m between parallel roads: a 283 km square
    constexpr int kSites = 5000;
    const Point origin(10000.0, 300000.0);
    Portfolio p;
    Context& c = p.context;
    c.hasRoads = c.hasPois = true;
    c.roads.reserve(2 * kGrid);
    for (int line = 0; line < kGrid; ++line)
        for (bool row : {true, false}) {
            Road r;
            const bool main = line % 10 == 0;
            r.roadClass = main ? "primary" : line % 3 == 0 ? "tertiary" : "residential";
            if (main) r.aadt = 12000.0;
            r.oneway = row && line % 7 == 3;
            const bool westbound = r.oneway && line % 14 == 10;
            r.line.reserve(kGrid);
            for (int k = 0; k < kGrid; ++k) {
                const double along = (westbound ? kGrid - 1 - k : k) * kSpacing, across = line * kSpacing;
                r.line.push_back(row ? Point(origin.x() + along, origin.y() + across)
                                     : Point(origin.x() + across, origin.y() + along));
            }
            c.roads.push_back(std::move(r));
        }
    const double extent = (kGrid - 1) * kSpacing;
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> coord(0.0, extent);
    const std::pair<const char*, int> mix[] = {{"gp", 4000},       {"avg", 150},      {"crisis", 50},
                                               {"school", 3000},   {"shop", 2000},    {"station", 300},
                                               {"nightlife", 350}, {"stadium", 150}};
    for (auto [category, n] : mix)
        for (int i = 0; i < n; ++i) {
            Poi poi;
            poi.category = category;
            poi.name = std::string(category) + " " + std::to_string(i);
            if (poi.category == "gp") {
                const int r = i % 10;
                poi.acceptsWlz = r < 8 ? std::optional<bool>(true) : r == 8 ? std::optional<bool>(false) : std::nullopt;
            }
            poi.position = Point(origin.x() + coord(rng), origin.y() + coord(rng));
            c.pois.push_back(std::move(poi));
        }
    p.sites.reserve(kSites);
    for (int i = 0; i < kSites; ++i) {
        Site s;
        s.id = "s" + std::to_string(i);
        s.name = "Site " + std::to_string(i);
        s.places = 8 + i % 12;
        s.profile = i % 2 ? "VG3" : "VG4";
        const double x = origin.x() + coord(rng), y = origin.y() + coord(rng);
        s.plot.push_back(rectangle(x - 30, y - 30, x + 30, y + 30));
        s.footprints.push_back(rectangle(x - 10, y - 15, x + 10, y + 15));
        p.sites.push_back(std::move(s));
    }
    return p;
}

}  // namespace vgscan::bench
