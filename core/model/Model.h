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

// One building's floor plan (all storeys).
struct FloorPlan {
    std::string source;  // file the plan came from
    std::string name;    // building name (file stem unless given)
    bool localMetres = true;  // no CRS: local CAD metres
    std::string crsWkt;       // projected CRS when given
    std::vector<Space> spaces;
    std::vector<Opening> openings;
    std::vector<StaffPost> staffPosts;

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

struct Context {
    std::vector<Road> roads;
    std::vector<Poi> pois;
    std::vector<DemandPoint> demand;
    bool hasRoads = false, hasPois = false, hasDemand = false;  // layer present
};

struct Portfolio {
    std::string source;
    std::string crsWkt;
    std::vector<Site> sites;
    Context context;
};

}  // namespace vgscan
