#pragma once
// Exact visibility inside one storey's free space, and the visibility
// decomposition of a floor that yields candidate staff posts. CGAL lives in
// SightView.cpp only (the one heavy translation unit of sight_lines); this
// header speaks Boost.Geometry.
#include "model/Geometry.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vgscan::sight {

using Wall = std::pair<Point, Point>;

// A post's view computed roughly, to screen candidate posts (BestPosts):
// the same decision where the post stands as visibleFrom, then the same
// triangular expansion on a copy of the storey's arrangement in doubles
// (exact predicates on the same corners, so the same combinatorial view;
// inexact constructions, so its corners within rounding of the exact ones).
struct RoughView {
    // None: visibleFrom gives no view either. Unsure: not had roughly (a
    // corner of the storey is not a double, ...): compute it exactly.
    enum Kind { None, Ring, Unsure } kind = Unsure;
    std::vector<Point> ring;  // open
    // The ring has a needle's tip: two corners closer than 1e-6 m (a sight
    // ray through two nearly aligned corners). Measured all the same (by
    // clipping to its fan: linear in the ring); kept for the tests.
    bool tip = false;
};

// One storey's sight domain, built once and queried for every post: the
// arrangement of the free-space boundary (plus zero-thickness walls), its
// point location and CGAL's Triangular_expansion_visibility_2 (exact
// constructions), whose constrained triangulation is the preprocessing.
class StoreyView {
public:
    // Where a post stands (face, wall face or corner) is told by a walk on
    // the visibility's own triangulation; or, as before, by CGAL's
    // trapezoidal map of the arrangement (built for the purpose): the
    // reference of the test that both answer alike and of bench_posts.
    enum class Locate { Triangulation, TrapezoidalMap };
    StoreyView(const MultiPolygon& free, const std::vector<Wall>& extraWalls, Locate how = Locate::Triangulation);
    ~StoreyView();
    StoreyView(const StoreyView&) = delete;
    StoreyView& operator=(const StoreyView&) = delete;

    // The visibility polygon of a post, or nothing (with the reason in
    // `note`) when the post is not in the free space. `note` also says when
    // the post had to be moved (inside a wall, on a corner).
    std::optional<Polygon> visibleFrom(const Point& post, std::string& note) const;

    // The view roughly (see RoughView); much cheaper than visibleFrom.
    RoughView roughFrom(const Point& post) const;
    // The same by the former way (a copy of the arrangement in doubles and
    // CGAL's expansion on its own triangulation): the reference of the test
    // that both give the same rings, bit for bit, and of bench_posts.
    RoughView roughFromCopy(const Point& post) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The storey's arrangement as StoreyView builds it (the walls noded in
// doubles, or CGAL's general insert where two walls cross), or by the
// general insert of the same walls when asked: each edge's corners in
// CGAL's order, the number of faces, and whether the walls were noded. For
// the test that noding changes nothing.
struct StoreyEdges {
    std::vector<std::array<double, 4>> edges;
    size_t faces = 0;
    bool noded = false;
};
// `nodedByTrees`: the walls noded finding ends and pieces by R-trees (the
// former way, for bench_posts).
StoreyEdges storeyEdges(const MultiPolygon& free, const std::vector<Wall>& extraWalls, bool generalInsert,
                        bool nodedByTrees = false);

// For the test that StoreyView's point location (the walk on the
// visibility's triangulation) answers as CGAL's trapezoidal map of the same
// arrangement: each probe located both ways, exactly, the answers compared
// (the same face, the same halfedge, the same vertex). Probes: those given
// and, made here exactly, every corner, every edge's middle and a point a
// third along it, the centroid of each triangle of the triangulation and
// the middle of one of its edges, and 16 points 1 mm around every
// corner (where a post on a corner is moved to).
struct LocateCheck {
    bool walked = false;  // the walk corresponds to the arrangement (else StoreyView takes the map)
    size_t points = 0, faces = 0, edges = 0, vertices = 0, unbounded = 0;
    size_t differ = 0;
};
LocateCheck checkLocate(const MultiPolygon& free, const std::vector<Wall>& extraWalls, const std::vector<Point>& probes);

// For the test of the exact views' crossings of sight rays with walls
// along x (ViewKernel): while `on`, every crossing is counted, and where it
// is computed in rationals by vgscan (Epeck's intervals could not decide
// it), Epeck's own answer is computed too and compared (exactly, and as
// doubles).
//
// Whether Epeck's intervals decide such a crossing is told without letting
// them throw (intervalsDecide); while `on`, CGAL's own interval code is run
// too, caught, and the two answers compared. `tryIntervals`: ask CGAL's
// code instead (the former way, for the bench).
struct CornerCheck {
    bool on = false;
    bool tryIntervals = false;
    bool formerRationals = false;  // the crossing computed in rationals as before (for the bench)
    size_t corners = 0;       // computed by vgscan
    size_t general = 0;       // left to Epeck
    size_t exactDiffer = 0;   // Epeck's exact point is another one
    size_t doubleDiffer = 0;  // the same point, but other doubles
    size_t told = 0;          // walls along x whose intervals were told without throwing
    size_t untold = 0;        // left to CGAL's code (told neither way)
    size_t toldDiffer = 0;    // told otherwise than CGAL's code found
};
CornerCheck& cornerCheck();

// The visibility decomposition of `floor` (a polygon with holes, the shared
// floor of a living group on one storey): the arrangement of its boundary and
// of the visibility-critical segments, each the continuation beyond a reflex
// vertex r of the line from a point u that sees r (u: a vertex of the floor
// or one of `targets`, e.g. door ends) up to the wall it meets. Crossing such
// a segment is where the view changes combinatorially (u, or a vertex behind
// r, appears or disappears). u = r's neighbours give the extensions of r's
// edges, so every face is convex.
struct Decomposition {
    std::vector<Point> vertices;    // arrangement vertices on or inside the floor
    std::vector<Point> facePoints;  // one point strictly inside each face of the floor
    int reflexVertices = 0;
    int criticalSegments = 0;
};
//
// The points are canonical: each vertex's double is the nearest double of
// its exact value (ties to even), each face point the mean of its face's
// corners summed from the lowest one counter-clockwise; they depend on the
// floor's geometry only, not on the order of its rings or on how the
// arrangement was built.
Decomposition decompose(const MultiPolygon& floor, const std::vector<Point>& targets);
// The code before the canonical points (the same arrangement; a vertex's
// double the middle of Epeck's interval for it, which depends on the
// sweep's history): kept for bench_posts' same-run comparison.
Decomposition decomposeFormer(const MultiPolygon& floor, const std::vector<Point>& targets);
// The same by the first code (every crossing built exactly, also the
// degenerate ones at the line's own ends): the reference of the tests that
// decompose() gives the same vertices and face points (the same counts, in
// the same order, each within 1e-6 m: the first code's doubles of crossings
// never made exact are the middles of Epeck's intervals, up to some 1e-7 m
// off for near-parallel lines; decomposeFormer: bit for bit).
Decomposition decomposeReference(const MultiPolygon& floor, const std::vector<Point>& targets);

// The crossing of the line through a and b with the line through c and d
// (points given in doubles; not parallel), each coordinate the nearest
// double of the exact value (ties to even): decompose()'s vertices.
Point roundedCrossing(const Point& a, const Point& b, const Point& c, const Point& d);

}  // namespace vgscan::sight
