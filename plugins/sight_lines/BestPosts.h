#pragma once
// Where one or two staff posts of a living group should stand so that they
// see the most of the group's shared floor (and then the most resident doors):
// candidate points from the visibility decomposition of the shared floor
// (SightView.h), each measured with its exact visibility polygon; the best
// single post, and the best pair by the area of the union of their views,
// searched in order of single area with the bound area(A) + area(B).
// Boost.Geometry only; the CGAL work is behind StoreyView and decompose().
#include "SightView.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vgscan::sight {

// A door counts as seen when at least this much of one of its lines is in view.
constexpr double kMinDoorSeen = 0.01;  // m

// What a living group's staff must oversee.
struct GroupFloor {
    std::map<int, MultiPolygon> shared;  // per storey: the floor of the group's shared spaces (what is measured)
    std::map<int, MultiPolygon> domain;  // per storey: where a post may stand (shared spaces and the doorways between them)
    struct Door {
        std::string id;
        int storey = 0;
        std::vector<LineString> lines;  // seen when kMinDoorSeen of one of them is in view
    };
    std::vector<Door> doors;  // the resident doors of the group
    double area = 0.0;        // shared floor area, all storeys
};

struct Spot {
    int storey = 0;
    Point at;
};

// What a post standing at a spot sees.
struct Seen {
    Spot spot;
    Polygon view;         // its visibility polygon in the storey's free space
    MultiPolygon shared;  // the part of the group's shared floor in view
    double area = 0.0;    // m²
    std::vector<bool> doors;
    int doorsSeen = 0;
};

using ViewOf = std::function<const StoreyView&(int storey)>;

bool doorSeen(const std::vector<LineString>& lines, const Polygon& view);

// The candidates: every vertex and one point inside every face of the
// decomposition of each storey's domain (critical lines from the domain's
// corners and the doors' ends).
std::vector<Spot> candidates(const GroupFloor& g, int* reflexVertices = nullptr, int* criticalSegments = nullptr);

// Each spot measured with its exact view; spots where no view can be had
// (outside the free space) are dropped.
std::vector<Seen> evaluate(const GroupFloor& g, const std::vector<Spot>& spots, const ViewOf& viewOf);

// More area wins; within 1e-6 m², more doors.
bool better(double area, int doors, double thanArea, int thanDoors);

// Index of the best single spot (-1 when none).
int bestSingle(const std::vector<Seen>& seen);

struct PairChoice {
    int a = -1, b = -1;
    double area = 0.0;  // of the union of the two views' shared floor
    int doorsSeen = 0;
    long long pairsMeasured = 0;  // unions actually computed
};
// The best pair. `prune`: visit spots by falling area and stop as soon as
// area(A) + area(B) cannot beat the best union found (or everything is seen);
// without it every pair is measured (the reference).
PairChoice bestPair(const GroupFloor& g, const std::vector<Seen>& seen, bool prune = true);

// The union of two spots' shared floor in view (m²) and the doors they see together.
std::pair<double, int> together(const Seen& a, const Seen& b);

struct Best {
    int candidates = 0;
    std::optional<Seen> single;
    std::optional<Seen> first, second;  // the best pair
    double pairArea = 0.0;
    int pairDoorsSeen = 0;
};
Best bestPosts(const GroupFloor& g, const ViewOf& viewOf);

}  // namespace vgscan::sight
