#include "CorridorWidthRule.h"

#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "model/Model.h"
#include "rules/RuleKit.h"
#include "scan/Budget.h"

#include <QObject>

#include <boost/geometry.hpp>
#include <boost/polygon/point_data.hpp>
#include <boost/polygon/segment_data.hpp>
#include <boost/polygon/voronoi.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <queue>
#include <set>
#include <stdexcept>

namespace vgscan {

// Method
// ------
// The clear width of a corridor is the diameter of the largest disc that can
// travel inside its polygon between its doors. The centre of a disc that is as
// large as it can be at its place lies on the medial axis (the points with two
// or more nearest wall points), and a disc can always slide onto the medial
// axis without shrinking, so the widest route between two doors follows the
// medial axis and its width is the bottleneck (max-min) of the clearance
// (distance to the nearest wall) along the best path, times two.
//
// The medial axis is taken from the exact Voronoi diagram of the wall
// segments (Boost.Polygon: integer input, exact predicates), not from a
// straight skeleton: a straight skeleton measures time to the walls' *lines*,
// which underestimates the clearance near reflex corners (a column corner, the
// inside of a bend). Every diagram edge separates two sites (a wall segment or
// a wall end point), so the clearance along it is known in closed form: linear
// between two walls, lowest at the midpoint between two corners, lowest at the
// parabola's apex between a corner and a wall. The lowest value on each edge
// is therefore exact, not sampled. Coordinates are snapped to a 0.1 mm grid;
// widths are reported to the millimetre.
//
// Doors: each door is projected onto the wall it sits in, and that wall is cut
// at the door's ends, so the door is a site of its own. A disc touches the
// door exactly when its centre lies in the door's Voronoi cell, and the
// clearance along a Voronoi edge has no interior maximum, so the largest disc
// that reaches the door sits on a vertex of the door's cell: the door node is
// joined to those vertices. The door's site is the doorway widened by a reach
// (parameter door_reach_m) along its own wall edge, never past the edge's
// corners: a disc that touches the wall right beside the door serves it.
// Without it a door tucked into a corner (0.85 m wide, against the end wall of
// a 2.0 m corridor) could only be touched by a 1.8 m disc and the corridor
// would read 1.80 m though it is 2.0 m wide in front of the door; since the
// reach stops at the edge's corners it never steps past a notch. Door widths
// themselves never count: the width is measured inside the polygon (narrow
// doors are separate findings).
//
// Route: with two or more doors, the corridor's width is the smallest
// bottleneck over all pairs of its doors, i.e. the widest disc that can reach
// every door from every other. It is found with Kruskal's algorithm on the
// medial-axis graph in order of decreasing clearance: the edge that joins the
// last two groups of doors is the narrowest place. A route may go around a
// column on its wider side (a centred column gives two equal passages, and the
// width is one of them). Stubs beyond the last door do not count.
// With one door (a dead end) the route runs from the door to the far end: the
// medial-axis vertex farthest along the axis from the door among those where a
// disc of at least 2 x kEndClearance fits; with no door, between the two ends
// found the same way (farthest from any vertex, then farthest from that one).
namespace {

namespace bp = boost::polygon;

constexpr double kGrid = 1e4;          // grid units per metre (0.1 mm)
constexpr double kMaxDoorGap = 0.6;    // m: farther from the polygon a door is not in its wall (validator: 0.5)
constexpr double kEndClearance = 0.3;  // m: an end of a dead end fits a 0.6 m disc (a person), not a wall notch
constexpr double kOnWall = 2.0;        // grid units: a diagram vertex this close to a wall lies on it
constexpr double kMinCut = 2.0;        // grid units: door ends this close to a corner or another cut merge

using IPoint = bp::point_data<int>;
using ISegment = bp::segment_data<int>;
using Diagram = bp::voronoi_diagram<double>;

struct XY {
    double x = 0.0, y = 0.0;
};
XY operator+(XY a, XY b) { return {a.x + b.x, a.y + b.y}; }
XY operator-(XY a, XY b) { return {a.x - b.x, a.y - b.y}; }
XY operator*(XY a, double k) { return {a.x * k, a.y * k}; }
double dot(XY a, XY b) { return a.x * b.x + a.y * b.y; }
double norm(XY a) { return std::hypot(a.x, a.y); }
XY mid(XY a, XY b) { return {(a.x + b.x) / 2, (a.y + b.y) / 2}; }

// A site of the diagram, in grid units: a wall end point (a == b) or a wall segment.
struct Site {
    bool isPoint = true;
    XY a, b;
};

XY nearestOn(const Site& s, XY p) {
    if (s.isPoint) return s.a;
    XY d = s.b - s.a;
    double len2 = dot(d, d);
    double t = len2 > 0 ? std::clamp(dot(p - s.a, d) / len2, 0.0, 1.0) : 0.0;
    return s.a + d * t;
}

double distanceTo(const Site& s, XY p) { return norm(p - nearestOn(s, p)); }

// One doorway of the measured space, in plan metres.
struct DoorSpan {
    std::string id;
    Point a{0, 0}, b{0, 0};  // ends along the doorway (a == b for a point opening)
    double width = 0.0;      // used for a point opening
    bool fromPoint = false;
};

struct WidthMeasurement {
    bool measured = false;
    std::string problem;             // why not measured
    double width = 0.0;              // m, to the millimetre
    Point at{0, 0};                  // centre of the largest disc at the narrowest place
    LineString chord;                // wall point, disc centre, wall point
    std::string between;             // e.g. "d1 and d4"
    std::vector<std::string> unplaced;  // doors too far from the polygon to be placed in its wall
};

// Bottleneck of the medial axis of one polygon between its doors (see Method).
class MedialAxisWidth {
public:
    MedialAxisWidth(const Polygon& shape, const std::vector<DoorSpan>& doors, double reach)
        : doors_(doors), reach_(reach) {
        Box box = bg::return_envelope<Box>(shape);
        origin_ = {box.min_corner().x(), box.min_corner().y()};
        if ((box.max_corner().x() - origin_.x) * kGrid > 1e9 || (box.max_corner().y() - origin_.y) * kGrid > 1e9)
            throw std::runtime_error("space larger than 100 km: coordinates are not in metres");
        addRing(shape.outer());
        for (const auto& inner : shape.inners()) addRing(inner);
    }

    WidthMeasurement measure();

private:
    struct Placement {
        int door;
        int ring, edge;
        double t0, t1;  // along the edge, 0..1
    };
    struct GEdge {
        int a, b;
        double clearance;  // lowest along the edge, grid units
        XY at;             // where
        XY wallA, wallB;   // nearest wall points of the disc there
        double length;
    };

    XY toGrid(const Point& p) const { return {(p.x() - origin_.x) * kGrid, (p.y() - origin_.y) * kGrid}; }
    Point toPlan(XY g) const { return Point(g.x / kGrid + origin_.x, g.y / kGrid + origin_.y); }
    static IPoint snap(XY g) { return IPoint(static_cast<int>(std::llround(g.x)), static_cast<int>(std::llround(g.y))); }
    static XY xy(const IPoint& p) { return {static_cast<double>(p.x()), static_cast<double>(p.y())}; }

    void addRing(const Polygon::ring_type& ring) {
        std::vector<XY> pts;
        for (const auto& p : ring) pts.push_back(toGrid(p));
        if (pts.size() > 1 && norm(pts.front() - pts.back()) < 1e-9) pts.pop_back();  // closing point
        if (pts.size() >= 3) rings_.push_back(std::move(pts));
    }

    void placeDoors(std::vector<std::string>& unplaced);
    void buildSegments();
    Site siteOf(const Diagram::cell_type& c) const;
    bool inside(XY p) const;  // even-odd test on the snapped rings

    std::vector<DoorSpan> doors_;
    double reach_;  // m, see Method
    XY origin_;
    std::vector<std::vector<XY>> rings_;
    std::vector<Placement> placements_;
    std::vector<ISegment> segments_;
    std::vector<std::vector<int>> segmentDoors_;  // doors covering each segment
    std::vector<std::vector<XY>> snappedRings_;
};

void MedialAxisWidth::placeDoors(std::vector<std::string>& unplaced) {
    for (int d = 0; d < static_cast<int>(doors_.size()); ++d) {
        // Every door against every wall: bounded by the site's time budget.
        budget::check("running rule 'corridor_width' (doors against walls)");
        const DoorSpan& door = doors_[d];
        XY a = toGrid(door.a), b = toGrid(door.b), m = mid(a, b);
        int bestRing = -1, bestEdge = -1;
        double best = std::numeric_limits<double>::max();
        for (int r = 0; r < static_cast<int>(rings_.size()); ++r) {
            const auto& ring = rings_[r];
            for (int i = 0; i < static_cast<int>(ring.size()); ++i) {
                Site wall{false, ring[i], ring[(i + 1) % ring.size()]};
                if (norm(wall.b - wall.a) < kMinCut) continue;
                double dist = distanceTo(wall, m);
                if (dist < best) best = dist, bestRing = r, bestEdge = i;
            }
        }
        if (bestRing < 0 || best > kMaxDoorGap * kGrid) {
            unplaced.push_back(door.id);
            continue;
        }
        const auto& ring = rings_[bestRing];
        XY wa = ring[bestEdge], wb = ring[(bestEdge + 1) % ring.size()];
        XY dir = wb - wa;
        double len = norm(dir);
        auto param = [&](XY p) { return dot(p - wa, dir) / (len * len); };
        double t0, t1;
        if (door.fromPoint) {
            double tm = param(m), half = door.width * kGrid / 2 / len;
            t0 = tm - half, t1 = tm + half;
        } else {
            t0 = param(a), t1 = param(b);
        }
        if (t0 > t1) std::swap(t0, t1);
        const double reach = reach_ * kGrid / len;  // along this edge only
        t0 = std::clamp(t0 - reach, 0.0, 1.0), t1 = std::clamp(t1 + reach, 0.0, 1.0);
        // Ends within kMinCut of a corner go to the corner, so no sliver segment is made.
        if (t0 * len < kMinCut) t0 = 0.0;
        if ((1.0 - t1) * len < kMinCut) t1 = 1.0;
        if ((t1 - t0) * len < kMinCut) {
            unplaced.push_back(door.id);
            continue;
        }
        placements_.push_back({d, bestRing, bestEdge, t0, t1});
    }
}

void MedialAxisWidth::buildSegments() {
    for (int r = 0; r < static_cast<int>(rings_.size()); ++r) {
        const auto& ring = rings_[r];
        struct Stop {
            IPoint p;
            int edge;
            double t;
        };
        std::vector<Stop> stops;
        for (int i = 0; i < static_cast<int>(ring.size()); ++i) {
            XY wa = ring[i], wb = ring[(i + 1) % ring.size()];
            double len = norm(wb - wa);
            std::vector<double> cuts;
            for (const auto& pl : placements_)
                if (pl.ring == r && pl.edge == i)
                    for (double t : {pl.t0, pl.t1})
                        if (t > 0.0 && t < 1.0) cuts.push_back(t);
            std::sort(cuts.begin(), cuts.end());
            stops.push_back({snap(wa), i, 0.0});
            double last = 0.0;
            for (double t : cuts) {
                if ((t - last) * len < kMinCut || (1.0 - t) * len < kMinCut) continue;  // merges with a cut or corner
                stops.push_back({snap(wa + (wb - wa) * t), i, t});
                last = t;
            }
        }
        // Corners closer than the grid collapse to one point.
        std::vector<Stop> kept;
        for (const auto& s : stops)
            if (kept.empty() || !(kept.back().p == s.p)) kept.push_back(s);
        while (kept.size() > 1 && kept.back().p == kept.front().p) kept.pop_back();
        if (kept.size() < 3) continue;
        std::vector<XY> snapped;
        for (size_t k = 0; k < kept.size(); ++k) {
            const Stop& s = kept[k];
            const Stop& n = kept[(k + 1) % kept.size()];
            snapped.push_back(xy(s.p));
            double tEnd = n.edge == s.edge && n.t > s.t ? n.t : 1.0;
            std::vector<int> covering;
            for (const auto& pl : placements_)
                if (pl.ring == r && pl.edge == s.edge && pl.t0 <= s.t + 1e-9 && tEnd <= pl.t1 + 1e-9)
                    covering.push_back(pl.door);
            segments_.emplace_back(s.p, n.p);
            segmentDoors_.push_back(std::move(covering));
        }
        snappedRings_.push_back(std::move(snapped));
    }
}

Site MedialAxisWidth::siteOf(const Diagram::cell_type& c) const {
    const ISegment& s = segments_[c.source_index()];
    XY lo = xy(s.low()), hi = xy(s.high());
    if (c.contains_point()) {
        XY p = c.source_category() == bp::SOURCE_CATEGORY_SEGMENT_START_POINT ? lo : hi;
        return {true, p, p};
    }
    return {false, lo, hi};
}

bool MedialAxisWidth::inside(XY p) const {
    bool in = false;
    for (const auto& ring : snappedRings_)
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const XY& a = ring[i];
            const XY& b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
        }
    return in;
}

// Lowest clearance along a diagram edge between sites A and B, from vertex p0
// (clearance c0) to p1 (c1): at an end, or inside at the closest approach of
// the two sites when that lies on the edge.
struct Lowest {
    double clearance;
    XY at;
};
Lowest lowestOnEdge(const Site& A, const Site& B, XY p0, double c0, XY p1, double c1) {
    Lowest best = c0 <= c1 ? Lowest{c0, p0} : Lowest{c1, p1};
    if (A.isPoint && B.isPoint) {
        // Bisector of two corners: nearest each other at their midpoint.
        XY m = mid(A.a, B.a);
        XY d = p1 - p0;
        double len2 = dot(d, d);
        double t = len2 > 0 ? dot(m - p0, d) / len2 : -1.0;
        double c = norm(A.a - B.a) / 2;
        if (t > 0.0 && t < 1.0 && c < best.clearance) best = {c, m};
    } else if (A.isPoint != B.isPoint) {
        // Parabola between a corner and a wall: a graph over the wall's line,
        // lowest at its apex, halfway between the corner and its foot on the wall.
        const Site& P = A.isPoint ? A : B;
        const Site& S = A.isPoint ? B : A;
        XY d = S.b - S.a;
        double len2 = dot(d, d);
        if (len2 > 0) {
            double u0 = dot(p0 - S.a, d), u1 = dot(p1 - S.a, d), up = dot(P.a - S.a, d);
            XY foot = S.a + d * (up / len2);
            double c = norm(P.a - foot) / 2;
            if (up > std::min(u0, u1) && up < std::max(u0, u1) && c < best.clearance) best = {c, mid(P.a, foot)};
        }
    } else if (std::abs(c0 - c1) <= 1e-9 * std::max(1.0, c0)) {
        // Two parallel walls: the same clearance all along; report the middle.
        best = {c0, mid(p0, p1)};
    }
    return best;
}

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
};

WidthMeasurement MedialAxisWidth::measure() {
    WidthMeasurement out;
    placeDoors(out.unplaced);
    buildSegments();
    if (segments_.empty()) {
        out.problem = QT_TRANSLATE_NOOP("rules", "the polygon has no usable outline");
        return out;
    }
    Diagram vd;
    bp::construct_voronoi(segments_.begin(), segments_.end(), &vd);

    // Nodes: the diagram vertices strictly inside the polygon (vertices on a
    // wall only end spokes into convex corners, where no disc fits).
    const auto& vertices = vd.vertices();
    auto vertexIndex = [&](const Diagram::vertex_type* v) { return static_cast<int>(v - vertices.data()); };
    const int nv = static_cast<int>(vertices.size());
    std::vector<int> node(nv, -1);
    std::vector<XY> nodeAt;
    std::vector<double> nodeClearance;
    std::vector<std::pair<XY, XY>> nodeWalls;
    for (int i = 0; i < nv; ++i) {
        const auto& v = vertices[i];
        XY p{v.x(), v.y()};
        const auto* e = v.incident_edge();
        Site s1 = siteOf(*e->cell()), s2 = siteOf(*e->twin()->cell());
        double c = distanceTo(s1, p);
        if (c <= kOnWall || !inside(p)) continue;
        node[i] = static_cast<int>(nodeAt.size());
        nodeAt.push_back(p);
        nodeClearance.push_back(c);
        nodeWalls.emplace_back(nearestOn(s1, p), nearestOn(s2, p));
    }
    const int nNodes = static_cast<int>(nodeAt.size());
    if (nNodes == 0) {
        out.problem = QT_TRANSLATE_NOOP("rules", "no medial axis inside the polygon");
        return out;
    }

    std::vector<GEdge> edges;
    const auto& diagramEdges = vd.edges();
    for (const auto& e : diagramEdges) {
        if (e.twin() < &e || !e.vertex0() || !e.vertex1()) continue;  // each edge once; finite only
        int a = node[vertexIndex(e.vertex0())], b = node[vertexIndex(e.vertex1())];
        if (a < 0 || b < 0) continue;
        Site A = siteOf(*e.cell()), B = siteOf(*e.twin()->cell());
        Lowest low = lowestOnEdge(A, B, nodeAt[a], nodeClearance[a], nodeAt[b], nodeClearance[b]);
        edges.push_back({a, b, low.clearance, low.at, nearestOn(A, low.at), nearestOn(B, low.at),
                         norm(nodeAt[b] - nodeAt[a])});
    }

    // Door nodes, joined to the vertices of their cells (see Method).
    std::map<int, int> segmentCell;  // segment index -> cell index
    const auto& cells = vd.cells();
    for (int c = 0; c < static_cast<int>(cells.size()); ++c)
        if (cells[c].contains_segment()) segmentCell[static_cast<int>(cells[c].source_index())] = c;
    const int nDoors = static_cast<int>(doors_.size());
    std::vector<bool> doorJoined(nDoors, false);
    for (int s = 0; s < static_cast<int>(segments_.size()); ++s) {
        if (segmentDoors_[s].empty() || !segmentCell.count(s)) continue;
        const auto& cell = cells[segmentCell[s]];
        const auto* start = cell.incident_edge();
        const auto* e = start;
        if (!e) continue;
        do {
            if (e->vertex0()) {
                int v = node[vertexIndex(e->vertex0())];
                if (v >= 0)
                    for (int d : segmentDoors_[s]) {
                        XY dm = mid(toGrid(doors_[d].a), toGrid(doors_[d].b));
                        edges.push_back({nNodes + d, v, nodeClearance[v], nodeAt[v], nodeWalls[v].first,
                                         nodeWalls[v].second, norm(nodeAt[v] - dm)});
                        doorJoined[d] = true;
                    }
            }
            e = e->next();
        } while (e && e != start);
    }

    const int total = nNodes + nDoors;
    std::vector<std::vector<std::pair<int, double>>> adjacency(total);
    for (const auto& e : edges) {
        adjacency[e.a].push_back({e.b, e.length});
        adjacency[e.b].push_back({e.a, e.length});
    }
    // Farthest end from `source` along the axis, among vertices a person fits.
    auto farthestEnd = [&](int source) {
        std::vector<double> dist(total, std::numeric_limits<double>::infinity());
        using Item = std::pair<double, int>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        dist[source] = 0;
        queue.push({0.0, source});
        while (!queue.empty()) {
            auto [d, u] = queue.top();
            queue.pop();
            if (d > dist[u]) continue;
            for (auto [w, len] : adjacency[u])
                if (d + len < dist[w]) dist[w] = d + len, queue.push({dist[w], w});
        }
        int best = -1, anyBest = -1;
        for (int v = 0; v < nNodes; ++v) {
            if (!std::isfinite(dist[v])) continue;
            if (anyBest < 0 || dist[v] > dist[anyBest]) anyBest = v;
            if (nodeClearance[v] >= kEndClearance * kGrid && (best < 0 || dist[v] > dist[best])) best = v;
        }
        return best >= 0 ? best : anyBest;
    };

    std::vector<int> terminals;
    std::map<int, std::string> label;
    std::vector<int> joinedDoors;
    for (int d = 0; d < nDoors; ++d)
        if (doorJoined[d]) joinedDoors.push_back(nNodes + d);
    if (joinedDoors.size() >= 2) {
        terminals = joinedDoors;
        for (int t : terminals) label[t] = doors_[t - nNodes].id;
    } else if (joinedDoors.size() == 1) {
        int end = farthestEnd(joinedDoors[0]);
        terminals = {joinedDoors[0]};
        label[joinedDoors[0]] = doors_[joinedDoors[0] - nNodes].id;
        if (end >= 0) terminals.push_back(end), label[end] = QT_TRANSLATE_NOOP("rules", "the far end");
    } else {
        int start = 0;
        for (int v = 1; v < nNodes; ++v)
            if (nodeClearance[v] > nodeClearance[start]) start = v;
        int a = farthestEnd(start);
        int b = farthestEnd(a);
        terminals = {a};
        label[a] = QT_TRANSLATE_NOOP("rules", "one end");
        if (b != a) terminals.push_back(b), label[b] = QT_TRANSLATE_NOOP("rules", "the other end");
    }

    auto finish = [&](double clearance, XY at, XY wallA, XY wallB, const std::string& between) {
        out.measured = true;
        out.width = std::round(2.0 * clearance / kGrid * 1000.0) / 1000.0;
        out.at = toPlan(at);
        out.chord = {toPlan(wallA), toPlan(at), toPlan(wallB)};
        out.between = between;
        return out;
    };
    if (terminals.size() == 1) {
        // One place only (e.g. a square room with no doors): the disc that fits there.
        int t = terminals[0];
        if (t >= nNodes) {  // a single door: its largest disc
            const GEdge* best = nullptr;
            for (const auto& e : edges)
                if ((e.a == t || e.b == t) && (!best || e.clearance > best->clearance)) best = &e;
            if (!best) {
                out.problem = QT_TRANSLATE_NOOP("rules", "no disc reaches its door");
                return out;
            }
            return finish(best->clearance, best->at, best->wallA, best->wallB, label[t]);
        }
        return finish(nodeClearance[t], nodeAt[t], nodeWalls[t].first, nodeWalls[t].second, label[t]);
    }

    // Kruskal in order of decreasing clearance: the edge that joins the last
    // two groups of terminals is the bottleneck.
    std::sort(edges.begin(), edges.end(), [](const GEdge& x, const GEdge& y) { return x.clearance > y.clearance; });
    UnionFind uf(total);
    // Each group of terminals is named by its first terminal (doors in plan order, then the ends).
    std::vector<int> groupFirst(total, -1);
    for (int k = 0; k < static_cast<int>(terminals.size()); ++k) groupFirst[terminals[k]] = k;
    int groups = static_cast<int>(terminals.size());
    for (const auto& e : edges) {
        int ra = uf.find(e.a), rb = uf.find(e.b);
        if (ra == rb) continue;
        int fa = groupFirst[ra], fb = groupFirst[rb];
        uf.parent[rb] = ra;
        if (fa >= 0 && fb >= 0) {
            if (--groups == 1)
                return finish(e.clearance, e.at, e.wallA, e.wallB,
                              kit::say(QT_TRANSLATE_NOOP("rules", "%1 and %2"), label[terminals[std::min(fa, fb)]], label[terminals[std::max(fa, fb)]]));
            groupFirst[ra] = std::min(fa, fb);
        } else if (fb >= 0) {
            groupFirst[ra] = fb;
        }
    }
    out.problem = QT_TRANSLATE_NOOP("rules", "its doors are not connected inside the polygon");
    return out;
}

}  // namespace

namespace {

// The largest disc at the narrowest place, for the report.
Polygon disc(const Point& c, double radius) {
    Polygon p;
    const int n = 48;
    for (int k = 0; k <= n; ++k) {
        double a = 2.0 * M_PI * (k % n) / n;
        p.outer().push_back(Point(c.x() + radius * std::cos(a), c.y() + radius * std::sin(a)));
    }
    return p;
}

// In the plan file's coordinates: the rule computes on the plan moved to
// plan.origin (derive/LocalOrigin.h).
std::string where(const Point& p, const FloorPlan& plan) {
    return kit::say(QT_TRANSLATE_NOOP("rules", "(%1, %2)"), kit::fmt(p.x() + plan.origin.x(), 2),
                    kit::fmt(p.y() + plan.origin.y(), 2));
}

}  // namespace

RuleResult CorridorWidthRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const FloorPlan& plan = g.plan();
    const double minWidth = ctx.params().number("min_width_m");
    const double warnWidth = std::min(minWidth, ctx.params().number("warn_width_m"));
    const double minDoor = ctx.params().number("min_door_width_m");
    const double reach = std::max(0.0, ctx.params().number("door_reach_m"));
    std::set<SpaceUse> uses;
    std::string useWords;
    for (const auto& word : ctx.params().list("uses")) {
        auto u = parseSpaceUse(word);
        if (!u) throw ParamError("parameter 'uses': unknown space use '" + word + "'");
        uses.insert(*u);
        useWords = useWords.empty() ? word : kit::say(QT_TRANSLATE_NOOP("rules", "%1 or %2"), useWords, word);
    }

    RuleResult r;
    r.unit = "m";
    r.threshold = kit::atLeastText(minWidth, warnWidth, 2);
    std::vector<int> spaces;
    for (int i = 0; i < static_cast<int>(plan.spaces.size()); ++i)
        if (uses.count(plan.spaces[i].use)) spaces.push_back(i);
    if (spaces.empty()) {
        r.status = Status::NotApplicable;
        r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "the plan has no %1"), useWords.empty() ? std::string(QT_TRANSLATE_NOOP("rules", "space to measure")) : useWords);
        return r;
    }

    struct Row {
        int space;
        WidthMeasurement m;
    };
    std::vector<Row> rows;
    std::vector<Finding> doorFindings;
    std::set<int> reported;
    double narrowestDoor = std::numeric_limits<double>::infinity();
    for (int s : spaces) {
        const Space& sp = g.space(s);
        std::vector<DoorSpan> doors;
        for (const auto& l : g.links(s)) {
            const Opening& o = plan.openings[l.opening];
            DoorSpan d;
            d.id = o.id;
            d.width = o.width;
            if (o.line.size() >= 2) {
                d.a = o.line.front();
                d.b = o.line.back();
            } else {
                d.a = d.b = o.position;
                d.fromPoint = true;
            }
            doors.push_back(d);
            narrowestDoor = std::min(narrowestDoor, o.width);
            // A narrow door is its own finding: it does not change the corridor's width.
            if (minDoor > 0 && o.width + 1e-9 < minDoor && reported.insert(l.opening).second) {
                Finding f;
                f.object = o.id;
                f.objectType = "opening";
                f.storey = o.storey;
                f.location = o.position;
                f.message = kit::say(QT_TRANSLATE_NOOP("rules", "%1 %2 of %3 %4 is narrower than %5 m"), toString(o.kind), o.id, toString(sp.use),
                                     sp.id, kit::fmt(minDoor, 2));
                f.expected = ">= " + kit::fmt(minDoor, 2) + " m";
                f.observed = kit::fmt(o.width, 2) + " m";
                doorFindings.push_back(std::move(f));
            }
        }
        rows.push_back({s, MedialAxisWidth(sp.shape, doors, reach).measure()});
    }
    // Narrowest first, so the first finding is the headline's.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.m.measured != b.m.measured) return a.m.measured;
        return a.m.width < b.m.width;
    });

    int unmeasured = 0;
    for (const auto& row : rows) {
        const Space& sp = g.space(row.space);
        Finding f;
        f.object = sp.id;
        f.objectType = "space";
        f.storey = sp.storey;
        f.expected = ">= " + kit::fmt(minWidth, 2) + " m";
        std::string name = kit::say(QT_TRANSLATE_NOOP("rules", "%1 %2"), toString(sp.use), sp.id);
        if (!row.m.measured) {
            ++unmeasured;
            f.location = markerPoint(sp.shape);
            f.observed = QT_TRANSLATE_NOOP("rules", "unknown");
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "could not measure the clear width of %1: %2"), name, row.m.problem);
        } else {
            f.location = row.m.at;
            f.observed = kit::fmt(row.m.width, 2) + " m";
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "narrowest clear width of %1 is %2 m at %3, on the route between %4"), name,
                                 kit::fmt(row.m.width, 2), where(row.m.at, plan), row.m.between);
            Shape shape;
            shape.label = kit::say(QT_TRANSLATE_NOOP("rules", "narrowest clear width %1 m"), kit::fmt(row.m.width, 2));
            shape.object = sp.id;
            shape.storey = sp.storey;
            shape.area.push_back(disc(row.m.at, row.m.width / 2));
            shape.line = row.m.chord;
            r.shapes.push_back(std::move(shape));
        }
        if (!row.m.unplaced.empty()) {
            std::string ids;
            for (const auto& id : row.m.unplaced) ids += (ids.empty() ? "" : ", ") + id;
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "%1 (not placed in its walls, so not a route end: %2)"), f.message, ids);
        }
        r.findings.push_back(std::move(f));
    }
    for (auto& f : doorFindings) r.findings.push_back(std::move(f));

    r.figures.push_back({"spaces_measured", static_cast<double>(rows.size() - unmeasured), ""});
    r.figures.push_back({"narrow_openings", static_cast<double>(doorFindings.size()), ""});
    if (std::isfinite(narrowestDoor)) r.figures.push_back({"narrowest_opening_m", narrowestDoor, "m"});

    if (!rows.front().m.measured) {
        r.status = Status::Unknown;
        r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "could not measure any %1"), useWords);
        return r;
    }
    const Row& head = rows.front();
    const Space& sp = g.space(head.space);
    r.value = head.m.width;
    r.status = kit::atLeast(head.m.width, minWidth, warnWidth);
    // An unmeasured corridor may be narrower: it never turns into a pass.
    if (unmeasured > 0 && r.status == Status::Pass) r.status = Status::Unknown;
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "narrowest clear width %1 m in %2 %3 (storey %4) at %5"), kit::fmt(head.m.width, 2),
                         toString(sp.use), sp.id, std::to_string(sp.storey), where(head.m.at, plan));
    if (!doorFindings.empty())
        r.summary += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "%1 opening(s) narrower than %2 m"), std::to_string(doorFindings.size()),
                                     kit::fmt(minDoor, 2));
    if (unmeasured > 0) r.summary += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "%1 space(s) could not be measured"), std::to_string(unmeasured));

    return r;
}

class CorridorWidthPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<CorridorWidthRule>(); }
};

}  // namespace vgscan

#include "CorridorWidthRule.moc"
