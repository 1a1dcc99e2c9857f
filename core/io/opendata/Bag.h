#pragma once
// The BAG (Basisregistratie Adressen en Gebouwen, the register of addresses
// and buildings) for `vgscan portfolio build`, read through GDAL:
//  - LV BAG 2.0 XML as Kadaster publishes it (LVBAG driver): a .xml file, a
//    zip of them (e.g. 0221PND15092020.zip), a folder, or the national
//    extract (a zip of such zips); object types Pand (PND), Verblijfsobject
//    (VBO) and Nummeraanduiding (NUM, the addresses). A LV file holds every
//    version (voorkomen) of an object: only the current one counts (no end of
//    validity, not inactive, not superseded).
//  - the bag-light GeoPackage (PDOK): layers pand and verblijfsobject (with
//    the address in it), current versions only.
//  - a BGT or BRK Kadastrale kaart pand GML (layer BuildingPart with
//    identificatieBAGPND): footprints by pand id, no addresses or homes.
#include "io/opendata/OpenData.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vgscan::opendata {

// A pand the caller asked for by id that has no usable current version:
// why (e.g. "has no current version: its last ended 2019-01-15").
using Missing = std::map<std::string, std::string>;

struct AddressHit {
    std::vector<std::string> pandIds;  // the verblijfsobject's panden
    Point position{0.0, 0.0};          // the verblijfsobject (mean of them for a whole postcode)
    std::string what;                  // "verblijfsobject 0221010000330226", "12 addresses of 6981AB"
};

class Bag {
public:
    // Opens every path; throws InputError for one that cannot be read as a
    // BAG, BGT or BRK extract.
    Bag(const std::vector<std::string>& paths, std::vector<InputIssue>& issues);
    ~Bag();
    Bag(const Bag&) = delete;
    Bag& operator=(const Bag&) = delete;

    bool hasPanden() const;
    bool hasAddresses() const;
    bool hasDwellings() const;

    // The current panden with the given ids (anywhere in the extract), and
    // every current, standing pand that touches one of the `near` boxes.
    // Ids that have no usable current version are listed in `missing`.
    std::map<std::string, Footprint> panden(const std::set<std::string>& ids, const ClipArea& near,
                                            Missing& missing);

    // Addresses (postcode + huisnummer [+ toevoeging]; without huisnummer:
    // every address of the postcode) to verblijfsobjecten. A query that
    // matches nothing or several is nullopt with the reason in `why`.
    std::vector<std::optional<AddressHit>> findAddresses(const std::vector<Locator>& queries,
                                                         std::vector<std::string>& why,
                                                         std::vector<std::string>& warnings);

    // Homes (current verblijfsobjecten with a woonfunctie that are in use)
    // inside the clip area.
    std::vector<Dwelling> dwellings(const ClipArea& clip);

    // Provenance of the layers read so far ("buildings", "dwellings").
    std::vector<LayerSource> sources(bool dwellingsUsed) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vgscan::opendata
