#pragma once
// Cadastral parcels (BRK Kadastrale kaart: the GML as PDOK publishes it, or
// its GeoPackage, or any polygon layer named perceel) for the sites' plots.
#include "io/opendata/OpenData.h"

#include <string>
#include <vector>

namespace vgscan::opendata {

struct Parcel {
    std::string id;  // kadastrale aanduiding, e.g. "OTL02 B 2298", else the feature's identificatie
    MultiPolygon shape;
};

struct ParcelData {
    std::vector<Parcel> parcels;  // those touching `near`
    std::size_t featuresInFile = 0;  // 0: an empty parcel layer
    LayerSource source;
};

// Reads the parcels that touch the `near` boxes. Throws InputError when the
// file cannot be read or holds no parcel polygons.
ParcelData readParcels(const std::string& path, const ClipArea& near, std::vector<InputIssue>& issues);

// The plot under a building: the union of the parcels whose overlap with the
// footprint is at least `minOverlapM2` (so a sliver drawn across a neighbour's
// line does not bring in the neighbour's garden). Empty when none.
MultiPolygon plotUnder(const MultiPolygon& footprint, const std::vector<const Parcel*>& parcels,
                       double minOverlapM2, std::vector<std::string>& ids);

}  // namespace vgscan::opendata
