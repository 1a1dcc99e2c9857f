#include "io/opendata/Parcels.h"

#include "io/opendata/Extract.h"

#include <boost/geometry.hpp>

#include <algorithm>

namespace vgscan::opendata {

namespace {

// BRK Kadastrale kaart v5 GML: a Perceel has its boundary
// (begrenzingPerceel) and a label point (plaatscoordinaten); GDAL alone
// reads only the point. Written for vgscan.
const char* kPerceelGfs = R"(<GMLFeatureClassList>
  <GMLFeatureClass>
    <Name>Perceel</Name>
    <ElementPath>Perceel</ElementPath>
    <GeomPropertyDefn>
      <Name>begrenzingPerceel</Name>
      <ElementPath>begrenzingPerceel</ElementPath>
      <Type>Polygon</Type>
    </GeomPropertyDefn>
    <GeomPropertyDefn>
      <Name>plaatscoordinaten</Name>
      <ElementPath>plaatscoordinaten</ElementPath>
      <Type>Point</Type>
    </GeomPropertyDefn>
    <PropertyDefn><Name>identificatie</Name><ElementPath>identificatie</ElementPath><Type>String</Type></PropertyDefn>
    <PropertyDefn><Name>gemeente</Name><ElementPath>kadastraleAanduiding|TypeKadastraleAanduiding|aKRKadastraleGemeenteCode|AKRKadastraleGemeenteCode|waarde</ElementPath><Type>String</Type></PropertyDefn>
    <PropertyDefn><Name>sectie</Name><ElementPath>kadastraleAanduiding|TypeKadastraleAanduiding|sectie</ElementPath><Type>String</Type></PropertyDefn>
    <PropertyDefn><Name>perceelnummer</Name><ElementPath>kadastraleAanduiding|TypeKadastraleAanduiding|perceelnummer</ElementPath><Type>String</Type></PropertyDefn>
  </GMLFeatureClass>
</GMLFeatureClassList>
)";

}  // namespace

ParcelData readParcels(const std::string& path, const ClipArea& near, std::vector<InputIssue>& issues) {
    std::vector<std::string> options;
    if (head(path).find("begrenzingPerceel") != std::string::npos)
        options.push_back("GFS_TEMPLATE=" + memoryFile("brk-perceel.gfs", kPerceelGfs));
    auto ds = openExtract(path, {"GML", "GPKG", "ESRI Shapefile", "FlatGeobuf", "GeoJSON"}, options);
    OGRLayer* layer = findLayer(*ds, "perceel");
    if (!layer && ds->GetLayerCount() == 1) layer = ds->GetLayer(0);
    if (!layer) throw InputError(path, "", "has no layer 'perceel' (layers: " + layerNames(*ds) + ")");
    // The polygon geometry: begrenzingPerceel in the GML, the only one elsewhere.
    int geomField = layer->GetLayerDefn()->GetGeomFieldIndex("begrenzingPerceel");
    if (geomField < 0) geomField = 0;
    const auto type = wkbFlatten(layer->GetLayerDefn()->GetGeomFieldDefn(geomField)->GetType());
    if (type == wkbPoint || type == wkbMultiPoint || type == wkbLineString)
        throw InputError(path, "layer '" + std::string(layer->GetName()) + "'",
                         "holds " + std::string(OGRGeometryTypeToName(type)) +
                             " geometries, not parcel polygons (a BRK GML whose Perceel has no begrenzingPerceel?)");
    ParcelData out;
    out.featuresInFile = static_cast<std::size_t>(std::max<GIntBig>(0, layer->GetFeatureCount(TRUE)));
    if (out.featuresInFile == 0)
        throw InputError(path, "layer '" + std::string(layer->GetName()) + "'", "is empty: it holds no parcels");
    RdLayer rl(*layer, path, &near, issues);
    CPLErrorReset();
    while (gdal::FeaturePtr f{layer->GetNextFeature()}) {
        try {
            auto g = rl.geometry(*f, geomField);
            if (!g) continue;
            Parcel p;
            const std::string gemeente = field(*f, "gemeente"), sectie = field(*f, "sectie"),
                              nummer = field(*f, "perceelnummer");
            p.id = !sectie.empty() && !nummer.empty() ? (gemeente.empty() ? "" : gemeente + " ") + sectie + " " + nummer
                                                      : field(*f, "identificatie");
            if (p.id.empty()) p.id = "#" + std::to_string(f->GetFID());
            p.shape = gdal::toMultiPolygon(*g, 1.0);
            out.parcels.push_back(std::move(p));
        } catch (const std::exception& e) {
            issues.push_back({path, "parcel #" + std::to_string(f->GetFID()), std::string(e.what()) + "; left out", false});
        }
    }
    throwIfReadFailed(path, "layer '" + std::string(layer->GetName()) + "'");
    out.source = {"sites", path, fileDate(path), "CC BY 4.0 (Kadaster open data via PDOK; check PDOK's metadata)",
                  "Kadaster, Kadastrale kaart (BRK)"};
    return out;
}

MultiPolygon plotUnder(const MultiPolygon& footprint, const std::vector<const Parcel*>& parcels, double minOverlapM2,
                       std::vector<std::string>& ids) {
    MultiPolygon plot;
    for (const Parcel* p : parcels) {
        MultiPolygon overlap;
        bg::intersection(footprint, p->shape, overlap);
        if (bg::area(overlap) < minOverlapM2) continue;
        MultiPolygon next;
        bg::union_(plot, p->shape, next);
        plot = std::move(next);
        ids.push_back(p->id);
    }
    return plot;
}

}  // namespace vgscan::opendata
