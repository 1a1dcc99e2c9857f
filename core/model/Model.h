#pragma once
// The building and site model: plain data, filled by the readers in io/,
// checked by validate/, read (never changed) by the rules.
#include "model/Geometry.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vgscan {

enum class SpaceUse {
    Bedroom, Bathroom, Wc, Shower, Living, Dining, Kitchen, Corridor, Hall, Entrance,
    Staff, Office, Treatment, Activity, Quiet, Seclusion, Storage, Technical, Laundry,
    Stair, Lift, Outdoor, Other
};

// Parses the contract's `use` vocabulary; std::nullopt for an unknown word.
std::optional<SpaceUse> parseSpaceUse(const std::string& text);
const char* toString(SpaceUse use);
// Every word of the vocabulary, in contract order (for error messages and docs).
const std::vector<std::string>& spaceUseWords();

enum class OpeningKind { Door, Passage, Window };
std::optional<OpeningKind> parseOpeningKind(const std::string& text);
const char* toString(OpeningKind kind);

inline constexpr const char* kOutside = "outside";

struct Space {
    std::string id;
    SpaceUse use = SpaceUse::Other;
    int storey = 0;
    std::string group;  // living group, may be empty
    std::string name;
    std::string shaft;  // stair/lift shaft id connecting storeys, may be empty
    Polygon shape;      // clear floor area inside the walls
    double area = 0.0;  // m², computed by the reader
};

struct Opening {
    std::string id;
    OpeningKind kind = OpeningKind::Door;
    std::string from;  // space id or "outside"
    std::string to;
    int storey = 0;
    double width = 0.0;       // clear width in metres
    LineString line;          // across the doorway; empty when given as a point
    Point position{0.0, 0.0}; // midpoint of the line, or the given point
    bool walkable() const { return kind != OpeningKind::Window; }
};

struct StaffPost {
    std::string id;
    int storey = 0;
    std::string group;
    Point position{0.0, 0.0};
};

// A space the reader refused (its own error says why): what could be read of
// it, so that the openings and posts that refer to it are not reported again.
struct RejectedSpace {
    std::string id;
    std::optional<int> storey;     // when it could be read
    std::optional<Polygon> shape;  // when it could be read
};

// One building's floor plan (all storeys).
struct FloorPlan {
    std::string source;  // file the plan came from
    std::string name;    // building name (file stem unless given)
    bool localMetres = true;  // no CRS: local CAD metres
    std::string crsWkt;       // projected CRS when given
    std::vector<Space> spaces;
    std::vector<Opening> openings;
    std::vector<StaffPost> staffPosts;
    std::vector<RejectedSpace> rejectedSpaces;
    // Where this plan's (0, 0) lies in its file's coordinates. Rules compute
    // near (0, 0), where doubles are fine-grained: a plan drawn in RD
    // (x ~ 155 000) is moved there for them (derive/LocalOrigin.h); a rule
    // that writes a coordinate into its text adds this back.
    Point origin{0.0, 0.0};

    const Space* findSpace(const std::string& id) const;
    std::vector<int> storeys() const;  // sorted, distinct
};

// --- Portfolio and context layers -----------------------------------------

struct PlanPlacement {
    double x = 0.0, y = 0.0, rotationDeg = 0.0;
    bool given = false;
};

struct Site {
    std::string id;
    std::string name;
    std::string planPath;  // as written in the portfolio (relative)
    std::string planFile;  // resolved path, empty when no plan
    std::optional<int> places;
    std::string profile;  // current use: VG3, VG4, ...
    PlanPlacement placement;
    MultiPolygon plot;
    std::vector<Polygon> footprints;  // from the buildings layer
    std::map<std::string, std::string> attributes;  // every other field, as text
};

struct Road {
    std::string roadClass;
    std::optional<double> aadt;
    bool oneway = false;
    LineString line;
    // Vertical level: 0 on the ground, > 0 a bridge, < 0 a tunnel (OSM
    // `layer`). Inside a road its vertices join only roads on the same level;
    // its two end points join the ground level (see ContextIndex).
    int level = 0;
};

struct Poi {
    std::string category;
    std::string name;
    std::optional<bool> acceptsWlz;
    Point position{0.0, 0.0};
};

struct DemandPoint {
    std::string id;
    double weight = 1.0;
    Point position{0.0, 0.0};
};

// A home next to a site (BAG verblijfsobject with a woonfunctie), for the
// neighbour rules.
struct Dwelling {
    std::string id;
    Point position{0.0, 0.0};
};

// A liveability class over an area: a Leefbaarometer grid cell or buurt.
// `score` is the Leefbaarometer class, 1 (zeer onvoldoende, very poor) to 9
// (uitstekend, excellent); 5 is voldoende (sufficient).
struct LiveabilityArea {
    std::string id;
    double score = 0.0;
    std::string label;  // the class name as given, may be empty
    MultiPolygon area;
};

// Where a context layer came from, shown in the report (layer `layer_sources`
// of a portfolio). OpenStreetMap data needs "© OpenStreetMap contributors".
struct LayerSource {
    std::string layer;        // portfolio layer, e.g. "roads"
    std::string file;         // the extract it was read from
    std::string date;         // date of the data as far as known, with how it is known
    std::string licence;      // e.g. "ODbL 1.0"
    std::string attribution;  // e.g. "© OpenStreetMap contributors"
};

struct Context {
    std::vector<Road> roads;
    std::vector<Poi> pois;
    std::vector<DemandPoint> demand;
    std::vector<Dwelling> dwellings;
    std::vector<LiveabilityArea> liveability;
    std::vector<LayerSource> sources;
    bool hasRoads = false, hasPois = false, hasDemand = false;  // layer present
    bool hasDwellings = false, hasLiveability = false;
};

struct Portfolio {
    std::string source;
    std::string crsWkt;
    std::vector<Site> sites;
    Context context;
};

}  // namespace vgscan
