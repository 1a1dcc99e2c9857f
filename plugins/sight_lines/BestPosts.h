#pragma once
// Where one or two staff posts of a living group should stand so that they
// see the most of the group's shared floor (and then the most resident doors):
// candidate points from the visibility decomposition of the shared floor
// (SightView.h), each measured on its view (bestPosts: the rough view where
// it is sure, the winners then exactly; bestPostsEvery: every one exactly);
// the best single post, and the best pair by the area of the union of their
// views, searched in order of single area with the bound area(A) + area(B).
// Boost.Geometry only; the CGAL work is behind StoreyView and decompose().
#include "SightView.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vgscan::sight {

// A door counts as seen when at least this much of one of its lines is in view.
constexpr double kMinDoorSeen = 0.01;  // m

// A floor's rings, each oriented by its role (outer rings counter-clockwise,
// holes clockwise), with their bounding boxes.
struct FloorRings {
    struct Ring {
        std::vector<Point> points;  // open
        Box box;
    };
    std::vector<Ring> rings;
    explicit FloorRings(const MultiPolygon& floor);
};

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
    // Per storey, the rings of `shared` oriented for seenFloor (FloorRings),
    // built by evaluate() on first use.
    mutable std::map<int, std::shared_ptr<const FloorRings>> sharedRings;
};

// The part of the floor inside the view (a ring, star-shaped from `from`
// or not: any point will do) without an overlay: the view cut into the
// signed triangles of a fan from `from` (their signed sum is the view's
// indicator), each floor ring clipped to each triangle (Sutherland-Hodgman).
// `pieces`: the clipped rings, not dissolved, each counted by its
// orientation (counter-clockwise adds, clockwise subtracts; pieces may
// overlap and cancel). Returns their signed sum, the area of view ∩ floor:
// within rounding (about 1e-14 relative) of CGAL's exact overlay
// (SeenFloor.h, the reference in the tests), with no decision of topology
// that could drop or double a room at a needle's tip.
// `boxes` and `areas`, when given: each piece's bounding box and signed area.
double seenFloor(const FloorRings& floor, const Polygon& view, const Point& from, MultiPolygon& pieces,
                 std::vector<Box>* boxes = nullptr, std::vector<double>* areas = nullptr);

struct Spot {
    int storey = 0;
    Point at;
};

// What a post standing at a spot sees.
struct Seen {
    Spot spot;
    Polygon view;         // its visibility polygon in the storey's free space
    MultiPolygon shared;  // the part of the group's shared floor in view: signed pieces (seenFloor)
    double area = 0.0;    // m²
    // Per piece of `shared` (evaluate()): its bounding box and signed area;
    // empty when not known (computed where needed).
    std::vector<Box> sharedBoxes;
    std::vector<double> sharedAreas;
    std::vector<bool> doors;
    int doorsSeen = 0;
    // The seen area per cell of the group's cell grid (Cells): (cell, m²),
    // by cell; filled by evaluate() when given cells.
    std::vector<std::pair<int, double>> cellAreas;
};

// A grid of square cells over the group's shared floor, each with the floor
// area inside it. The union of two views has, in each cell, at most the
// cell's floor and at most the sum of both views there: summed over the
// cells an upper bound of the union, exact up to rounding and far tighter
// than area(A) + area(B). The pair search measures a union only when that
// bound could beat the best pair found.
struct Cells {
    struct Cell {
        int storey = 0;
        Box box;
        double floor = 0.0;  // m² of shared floor in the cell
    };
    std::vector<Cell> cells;
    double size = 0.0;  // m
    // Per storey, the grid the cells were cut from: the column and row
    // bounds, and the cell of each (column, row) (-1: no floor there).
    struct Grid {
        int storey = 0;
        std::vector<double> xs, ys;  // bounds, ascending
        std::vector<int> cell;       // column * rows + row
    };
    std::vector<Grid> grids;
};
// Cells of about `size` m (0: chosen from the floor area, at most ~400 a storey).
Cells makeCells(const GroupFloor& g, double size = 0.0);
// The area of `area` in each cell, sorted by cell (cells holding more than
// 1e-9 m², at most the cell's floor). Every ring counts by its own
// orientation (counter-clockwise adds, clockwise subtracts), so `area` may
// be seenFloor's signed pieces; one pass over the rings' edges, as
// ringCellAreas. Exact up to rounding.
std::vector<std::pair<int, double>> cellAreas(const Cells& cells, int storey, const MultiPolygon& area);
// The area of a simple polygon (an open ring, either orientation) in each
// cell, sorted by cell: one pass over its edges, each adding the signed area
// between it and the grid's rows to the columns it spans (the trapezoids
// of the shoelace formula, cut by the grid). Exact up to rounding.
std::vector<std::pair<int, double>> ringCellAreas(const Cells& cells, int storey, const std::vector<Point>& ring);

// A staff post's view, star-shaped from where it stands.
struct PostView {
    Polygon view;
    Point from;
};
// What the views see of one space together (m²): for one view the space's
// rings clipped to the view's fan triangles (areaInView), for several their
// union exactly (SeenFloor.h). Not by Boost's overlay, which at a needle's
// tip can count more than the view holds.
double spaceSeenArea(const Polygon& space, const std::vector<PostView>& views);

using ViewOf = std::function<const StoreyView&(int storey)>;

bool doorSeen(const std::vector<LineString>& lines, const Polygon& view);

// The candidates: every vertex and one point inside every face of the
// decomposition of each storey's domain (critical lines from the domain's
// corners and the doors' ends).
std::vector<Spot> candidates(const GroupFloor& g, int* reflexVertices = nullptr, int* criticalSegments = nullptr);

// Each spot measured with its exact view; spots where no view can be had
// (outside the free space) are dropped.
std::vector<Seen> evaluate(const GroupFloor& g, const std::vector<Spot>& spots, const ViewOf& viewOf,
                           const Cells* cells = nullptr);

// More area wins; within 1e-6 m², more doors.
bool better(double area, int doors, double thanArea, int thanDoors);

// Index of the best single spot (-1 when none).
int bestSingle(const std::vector<Seen>& seen);

struct PairChoice {
    int a = -1, b = -1;
    double area = 0.0;  // of the union of the two views' shared floor
    int doorsSeen = 0;
    long long pairsMeasured = 0;  // unions actually computed
    long long pairsBounded = 0;   // pairs passed over by the cell bound
    int dominated = 0;            // spots left out: their view and doors lie within another's
};
// The best pair. `prune`: spots whose seen floor and doors lie within
// another spot's are left out (the other does at least as well in any pair);
// the rest are visited by falling area, stopping as soon as area(A) + area(B)
// cannot beat the best union found (or everything is seen), and a union is
// measured only when the cell bound (the Seen's cellAreas, when filled) could
// beat it. Without `prune` every pair is measured (the reference).
// `bySectors`: each union measured as togetherRough does (the seen floor of
// fewer corners clipped to the other view's convex sectors, each view's made
// once) instead of together (its fan's triangles): the same area up to
// rounding (within kRoughError, tests), the same doors; for the search on
// rough figures (bestPosts). Either way the union of a and b is that of b
// and a to the bit.
PairChoice bestPair(const GroupFloor& g, const std::vector<Seen>& seen, bool prune = true,
                    const Cells* cells = nullptr, bool bySectors = false);

// The union of two spots' shared floor in view (m²) and the doors they see
// together: a + b less a's seen floor inside b's view (or b's in a's),
// measured by clipping it to the triangles of a fan of the view, no overlay.
std::pair<double, int> together(const Seen& a, const Seen& b);

// The union of two spots' shared floor in view (m²), for the screen:
// together's area (the same seen floor cut by the other's view) with the
// view cut into convex sectors from its post (runs of its fan's triangles)
// instead of triangles; the same up to rounding (within kRoughError,
// tests), fewer pieces to clip. togetherRough(a, b) == togetherRough(b, a)
// to the bit; bestPair(..., bySectors) measures unions so.
double togetherRough(const Seen& a, const Seen& b);

struct Best {
    int candidates = 0;
    std::optional<Seen> single;
    std::optional<Seen> first, second;  // the best pair
    double pairArea = 0.0;
    int pairDoorsSeen = 0;
    int exactViews = 0;  // candidates measured with their exact view (the winners included)
    int roughFigures = 0;  // candidates the search decided on by their rough figures (with doors)
    // The screen's and the search's work (bestPosts; counts only):
    int roughViews = 0;           // candidates measured on their rough view (roughSeen)
    long long pairsListed = 0;    // pairs whose bound reached the best estimated union when listed
    long long roughUnions = 0;    // pairs' unions estimated on rough views (togetherRough)
    long long pairsMeasured = 0;  // unions measured exactly by the search (together)
    long long pairsBounded = 0;   // pairs the search passed over by the cell bound
    long long unionsReused = 0;   // unions the search on rough figures took from the screen's (the same figures)
};

// The screen of bestPosts: a candidate left out has a bound or an estimate
// of its seen area below the best estimated single area by this much, and
// with every other candidate a union bound or estimate below the best
// estimated union by this much: far above the rounding between rough and
// exact figures (kRoughError; 1.1e-9 m² at most on the sample plans) and the
// area ties (1e-6 m²).
constexpr double kScreenMargin = 1e-3;  // m² (assumption)
// How far a candidate's seen floor, or a pair's union, measured on rough
// views (RoughView: the same combinatorial view, corners within about
// 1e-12 m) may lie from the exact figure: far above what the sample plans
// show (1.1e-9 m² and 5.3e-10 m² at most, tests/test_seen_floor.cpp), far
// below kScreenMargin. bestPosts checks it on every candidate it measures
// both ways and on the best estimated union; when it does not hold, every
// candidate is measured.
constexpr double kRoughError = 1e-6;  // m²

// A spot measured on its rough view (StoreyView::roughFrom): its seen floor
// (seenFloor on the rough ring) and that per cell, as evaluate() measures the
// exact view; no doors (all false). Nothing when the rough view is not a
// Ring. Within kRoughError of the exact figures (tests).
std::optional<Seen> roughSeen(const GroupFloor& g, const Spot& s, const ViewOf& viewOf, const Cells& cells);

// The best single post and pair. Every candidate is first bounded on its
// rough view (StoreyView::roughFrom: in each cell at most the cell's floor
// and at most the view there); those whose bounds could reach the best
// single area or the best pair's union (less kScreenMargin) are measured on
// the rough view (roughSeen), pairs' unions too (togetherRough); only
// candidates whose rough figures reach the best estimated single area or
// union, less the margin, enter the search (4. and 5. of the README: best
// single, best pair), and the search decides on their **rough figures**:
// the seen floor of the rough view, the doors seen from it (doorSeen on the
// rough ring) and the pairs' unions of rough seen floors (together). A
// candidate whose rough view is Unsure enters with its exact view. Only the
// winners (the best single and the pair's two posts: at most three views,
// one union) are then measured exactly, and the figures and views reported
// are those exact ones (the rule reports nothing rough).
// The choice is bestPostsEvery's (every candidate exact) except where two
// candidates, or two pairs, tie within the rounding of their figures: the
// rough figures lie within kRoughError (some 1e-9 m² on the sample plans) of
// the exact ones, so only where better()'s tie of 1e-6 m² is met within
// about 1e-9 m², or two spots that see the same floor are ordered by the
// rounding of their figures, can the other of two (exactly) tied spots be
// chosen: same area within 1e-6 m², same doors (tests).
// The screen gives the answer of bestPostsRough (every candidate on its rough
// figures) to the bit: a candidate left out loses every comparison it
// would have entered by more than the margin. When a bound does not hold,
// every candidate enters; when a winner's exact figures lie more than
// kRoughError from its rough ones (or it sees other doors), the search is
// run again the former way (ScreenWay::formerExact). Neither should happen.
// How bestPosts does its work, for the benchmarks and tests that compare a
// step with the code it replaced (same decisions, same answer): the default
// is the current way.
struct ScreenWay {
    // The pairs' bounds listed by the former loop (bounds read through the
    // candidates' figures, sums kept in memory) instead of flat per-candidate
    // arrays with early exits (the same sums in the same order).
    bool formerListing = false;
    // The former clipping (Sutherland-Hodgman with the sides kept in an
    // array and corners pushed one by one; every corner of a ring tested
    // against each side before deciding it is neither outside nor wholly
    // inside) instead of the same arithmetic done more cheaply.
    bool formerClipping = false;
    // The screen's unions (togetherRough) each computing both candidates'
    // seen-floor boxes and the view's convex sectors anew, instead of once
    // per candidate.
    bool formerUnions = false;
    // The former search: every candidate that could win measured with its
    // exact view (evaluate), the search deciding on exact figures (the
    // answer of bestPostsEvery to the bit), instead of deciding on rough
    // figures and measuring only the winners exactly.
    bool formerExact = false;
    // The screen's unions (areaInSectors), and the exact ones (together,
    // areaInView), testing each ring against a sector's or triangle's sides
    // before clipping it, the clipping then computing the same sides again
    // and copying the corners each pass, instead of tests that ride on the
    // clipping (the same area to the bit).
    bool formerSectors = false;
    // The cells' areas (CellAccumulator: candidates' bounds, seen floors per
    // cell) finding an edge's columns and rows by binary search instead of
    // walking from a near one (the same index); makeCells clipping every
    // polygon of the floor to every cell, not only those whose box meets it.
    bool formerCells = false;
    // The cells' areas (CellAccumulator) spread and read over every row of
    // the columns an edge reached, the buffers cleared whole each time,
    // instead of each column's rows only up to the highest an edge reached
    // (the rows above hold nothing): the same areas.
    bool formerRows = false;
    // The first union's partner found by every other candidate's whole cell
    // bound instead of stopping where no bound can beat the best found (the
    // sum of areas falls short) and dropping a bound once its excess so far
    // does (the same partner).
    bool formerPartner = false;
    // The screen's unions (areaInSectors) clipping every ring whose
    // polygon's box meets a sector's, instead of passing over a polygon
    // whose box lies wholly outside the sector's first side (or, for a ring
    // of known area, its last): such a clipping gives +0.0, and the sums
    // the same bits.
    bool formerApart = false;
    // Doors seen (doorSeen, every candidate measured) by an overlay of each
    // door line with the view (bg::intersection), instead of deciding the
    // clear cases first (a line's middle well inside the view, or the line
    // well apart from it): the same answers.
    bool formerDoors = false;
};
Best bestPosts(const GroupFloor& g, const ViewOf& viewOf, const ScreenWay& way = {});
// togetherRough and together with a step done the former way (tests,
// benchmarks; one thread): the same union to the bit.
double togetherRough(const Seen& a, const Seen& b, const ScreenWay& way);
std::pair<double, int> together(const Seen& a, const Seen& b, const ScreenWay& way);
// doorSeen with a step done the former way (tests, benchmarks; one thread):
// the same answer.
bool doorSeen(const std::vector<LineString>& lines, const Polygon& view, const ScreenWay& way);
// makeCells and ringCellAreas with a step done the former way (tests; one
// thread): the same areas to the bit.
Cells makeCells(const GroupFloor& g, double size, const ScreenWay& way);
std::vector<std::pair<int, double>> ringCellAreas(const Cells& cells, int storey, const std::vector<Point>& ring,
                                                  const ScreenWay& way);
// The former method, the reference: every candidate measured exactly.
Best bestPostsEvery(const GroupFloor& g, const ViewOf& viewOf);
// The reference of the screen on rough figures: every candidate measured on
// its rough view (seen floor, per cell, doors), or exactly where it is
// Unsure, the search on all of them, then the winners measured exactly as
// bestPosts does: bestPosts' answer to the bit.
Best bestPostsRough(const GroupFloor& g, const ViewOf& viewOf);

}  // namespace vgscan::sight
