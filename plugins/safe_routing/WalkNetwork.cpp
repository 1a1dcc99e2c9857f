#include "WalkNetwork.h"

#include "scan/Budget.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <stdexcept>

namespace vgscan::routing {

// Named (not anonymous) so that the white-box test may compile this file too.
namespace detail {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Distances below this (m) count as touching: plan coordinates are given to
// the millimetre at best, union output is exact to far below that.
constexpr double kTouch = 1e-7;

struct Vec {
    double x, y;
};
Vec sub(const Point& a, const Point& b) { return {a.x() - b.x(), a.y() - b.y()}; }
double cross(Vec a, Vec b) { return a.x * b.y - a.y * b.x; }
double dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y; }
double norm(Vec a) { return std::hypot(a.x, a.y); }

// One boundary vertex of the free space; edge i runs from vertex i to vertex
// next. Free space lies to the left of every edge (outer rings counter-
// clockwise, holes clockwise).
struct Vertex {
    Point p;
    int prev = -1, next = -1;
    double len = 0;  // of the edge to next: norm(next - p), computed once
    int polygon = -1;  // the polygon of the free space whose ring holds it
    int group = -1;  // vertices at the same coordinates (a pinch point) share a group
    bool reflex = false;
};

struct Storey {
    int id = 0;
    MultiPolygon free;
    std::vector<Vertex> v;
    std::vector<std::vector<int>> groups;  // group -> vertices
    // Uniform grid over the boundary edges, so a sight test looks only at the
    // edges near the segment and stops at the first wall it meets.
    double gx = 0, gy = 0, cell = 1;
    int nx = 1, ny = 1;
    // The edges of each cell with their ends alongside, in one array, for
    // the first test of blocks() made in place (no call, no look-up of the ends).
    struct CellEdge {
        double ax, ay, bx, by;
        int e;
    };
    std::vector<std::vector<CellEdge>> cellEdges;
    // The cells of edge e: columns edgeCells[e][0..1], rows edgeCells[e][2..3].
    std::vector<std::array<int, 4>> edgeCells;
    mutable std::vector<unsigned> stamp;
    mutable unsigned tick = 0;
    mutable std::vector<std::pair<int, int>> walked;  // scratch: the cells a sight line passes
    std::vector<int> nodes;  // network nodes on this storey
};

struct Node {
    int storey = 0;  // index into Impl::storeys
    Point p;
    NodeRole role = NodeRole::Corner;
    int set = 0;
    int vertex = -1;  // boundary vertex for corners
};

// Is direction d (of length dLen) inside the closed free-space cone at vertex i?
bool inCone(const Storey& s, int i, const Vec& d, double dLen) {
    const Vertex& v = s.v[i];
    Vec a = sub(s.v[v.next].p, v.p);  // outgoing edge
    Vec b = sub(s.v[v.prev].p, v.p);  // back along the incoming edge
    double tol = kTouch * dLen;
    // The edge lengths are the ones computed once (hypot is exact in sign).
    double ad = cross(a, d) / v.len, db = cross(d, b) / s.v[v.prev].len;
    if (cross(a, b) > 0) return ad >= -tol && db >= -tol;  // convex corner: the cone is narrower than 180 degrees
    return ad >= -tol || db >= -tol;                        // reflex (or straight): only the wedge behind is closed
}

bool inGroupCone(const Storey& s, int vertex, const Vec& d, double dLen) {
    for (int i : s.groups[s.v[vertex].group])
        if (inCone(s, i, d, dLen)) return true;
    return false;
}

// Does boundary edge e keep the segment p-q from lying inside the free space?
// pv / qv: the boundary vertex at p / q, or -1 for a point inside. (Vec by
// reference here and in the cone tests: by value its two doubles were
// packed through the stack, a store-forwarding stall on every call.)
bool blocks(const Storey& s, int e, const Point& p, int pv, const Point& q, int qv, const Vec& d, double len) {
    const Point& a = s.v[e].p;
    const Point& b = s.v[s.v[e].next].p;
    const double ca = cross(d, sub(a, p)), cb = cross(d, sub(b, p));
    // Both ends clearly on one side of the line (by a factor 1 + 1e-9 past
    // kTouch, far more than the rounding of the divisions below): the tests
    // below would find neither an end on the segment nor a crossing. Most
    // edges near a sight line are dismissed here, without dividing (for
    // Pairs::SamePiece, visible() makes this test in place before the call).
    const double clear = kTouch * len * (1.0 + 1e-9);
    if ((ca > clear && cb > clear) || (ca < -clear && cb < -clear)) return false;
    double da = ca / len;  // signed distances of the edge ends from the line p-q
    double db = cb / len;
    double ta = dot(d, sub(a, p)) / len;    // position of a along p-q (m)
    // The edge's start vertex on the segment: the walk passes through a corner,
    // which is fine only when both directions stay in the free space there.
    if (std::abs(da) <= kTouch && ta >= -kTouch && ta <= len + kTouch) {
        bool atP = ta <= kTouch, atQ = ta >= len - kTouch;
        if (atP) {
            if (pv < 0 || s.v[pv].group != s.v[e].group)
                if (!inGroupCone(s, e, d, len)) return true;
        } else if (atQ) {
            if (qv < 0 || s.v[qv].group != s.v[e].group)
                if (!inGroupCone(s, e, Vec{-d.x, -d.y}, len)) return true;
        } else if (!inGroupCone(s, e, d, len) || !inGroupCone(s, e, Vec{-d.x, -d.y}, len)) {
            return true;
        }
    }
    bool opposite = (da > kTouch && db < -kTouch) || (da < -kTouch && db > kTouch);
    if (!opposite) return false;  // touching at an end vertex is handled at that vertex
    Vec e2 = sub(b, a);
    double le = s.v[e].len;
    double dp = cross(e2, sub(p, a)) / le, dq = cross(e2, sub(q, a)) / le;
    if ((dp > kTouch && dq < -kTouch) || (dp < -kTouch && dq > kTouch)) return true;  // proper crossing
    // An end of the segment lies on the edge's inside: it must leave to the free (left) side.
    if (std::abs(dp) <= kTouch && pv < 0 && cross(e2, d) < 0) return true;
    if (std::abs(dq) <= kTouch && qv < 0 && cross(e2, Vec{-d.x, -d.y}) < 0) return true;
    return false;
}

}  // namespace detail

using namespace detail;

struct WalkNetwork::Impl {
    std::vector<Storey> storeys;
    std::map<int, int> storeyIndex;
    std::vector<Node> nodes;
    std::vector<std::vector<std::pair<int, double>>> adj;
    size_t edges = 0;
    bool built = false;

    // `len`: the distance between the nodes, norm(b - a), computed by the caller.
    // `blocker` (may be null): an edge that blocked an earlier sight line from
    // the same node, tested first when it lies in a cell this line passes (a
    // wall that hides one corner from a node hides its neighbours too);
    // updated to the edge that blocks this line.
    bool visible(const Storey& s, const Node& a, const Node& b, double len, int* blocker = nullptr) const;
    bool visibleByEveryEdge(const Storey& s, const Node& a, const Node& b, Vec d, double len) const;
    void link(int a, int b, double w) {
        adj[a].push_back({b, w});
        adj[b].push_back({a, w});
        ++edges;
    }
};


namespace detail {

// The grid cells a segment passes, in order (Amanatides & Woo), one at a
// time: a sight line that a wall blocks stops where the wall is.
class CellWalk {
public:
    CellWalk(const Storey& s, const Point& p, const Point& q, Vec d) : s_(s) {
        auto cellIndex = [&](double v, double origin, int n) {
            int i = static_cast<int>(std::floor((v - origin) / s.cell));
            return std::clamp(i, 0, n - 1);
        };
        ix_ = cellIndex(p.x(), s.gx, s.nx), iy_ = cellIndex(p.y(), s.gy, s.ny);
        ex_ = cellIndex(q.x(), s.gx, s.nx), ey_ = cellIndex(q.y(), s.gy, s.ny);
        stepX_ = d.x > 0 ? 1 : (d.x < 0 ? -1 : 0), stepY_ = d.y > 0 ? 1 : (d.y < 0 ? -1 : 0);
        if (stepX_ != 0) {
            double edge = s.gx + (ix_ + (stepX_ > 0 ? 1 : 0)) * s.cell;
            tMaxX_ = (edge - p.x()) / d.x;
            tDx_ = s.cell / std::abs(d.x);
        }
        if (stepY_ != 0) {
            double edge = s.gy + (iy_ + (stepY_ > 0 ? 1 : 0)) * s.cell;
            tMaxY_ = (edge - p.y()) / d.y;
            tDy_ = s.cell / std::abs(d.y);
        }
        guard_ = std::abs(ex_ - ix_) + std::abs(ey_ - iy_) + 4;
    }
    // Calls visit(column, row) for each cell in order while it returns true;
    // false when a visit returned false.
    template <class Visit>
    bool each(Visit&& visit) const {
        int ix = ix_, iy = iy_;
        double tMaxX = tMaxX_, tMaxY = tMaxY_;
        int guard = guard_;
        while (guard-- > 0) {
            if (!visit(ix, iy)) return false;
            if (ix == ex_ && iy == ey_) break;
            if (tMaxX < tMaxY) {
                if (tMaxX > 1.0) break;
                ix += stepX_;
                tMaxX += tDx_;
            } else {
                if (tMaxY > 1.0) break;
                iy += stepY_;
                tMaxY += tDy_;
            }
            if (ix < 0 || iy < 0 || ix >= s_.nx || iy >= s_.ny) break;
        }
        return true;
    }

private:
    const Storey& s_;
    int ix_, iy_, ex_, ey_, stepX_, stepY_, guard_;
    double tMaxX_ = kInf, tMaxY_ = kInf, tDx_ = kInf, tDy_ = kInf;
};

}  // namespace detail

// The reference (Pairs::All, the former construction): every cell the line
// passes first (Amanatides & Woo), then every edge of them through blocks(),
// in grid order.
bool WalkNetwork::Impl::visibleByEveryEdge(const Storey& s, const Node& na, const Node& nb, Vec d, double len) const {
    const Point& p = na.p;
    const Point& q = nb.p;
    CellWalk(s, p, q, d).each([&](int cx, int cy) {
        s.walked.emplace_back(cx, cy);
        return true;
    });
    for (const auto& [cx, cy] : s.walked)
        for (const Storey::CellEdge& c : s.cellEdges[static_cast<size_t>(cy) * s.nx + cx]) {
            const int e = c.e;
            if (s.stamp[e] == s.tick) continue;
            s.stamp[e] = s.tick;
            if (blocks(s, e, p, na.vertex, q, nb.vertex, d, len)) return false;
        }
    return true;
}

bool WalkNetwork::Impl::visible(const Storey& s, const Node& na, const Node& nb, double len, int* blocker) const {
    const Point& p = na.p;
    const Point& q = nb.p;
    Vec d = sub(q, p);
    if (len <= kTouch) return true;
    if (na.vertex >= 0 && !inGroupCone(s, na.vertex, d, len)) return false;
    if (nb.vertex >= 0 && !inGroupCone(s, nb.vertex, Vec{-d.x, -d.y}, len)) return false;

    ++s.tick;
    s.walked.clear();
    if (!blocker) return visibleByEveryEdge(s, na, nb, d, len);
    const CellWalk walk(s, p, q, d);
    // blocks()'s answer where the doubles make it plain without dividing, by
    // the same expressions on the same doubles (most edges near a sight
    // line): 0 the wall passes, 1 it blocks, -1 blocks() decides. `clear`:
    // an end farther from the line than this (times len) is clearly off it,
    // |ca| / len > kTouch; `near`: one nearer is clearly on it (the factors
    // 1 -+ 1e-9 are far more than the rounding of those divisions).
    const double clear = kTouch * len * (1.0 + 1e-9);
    const double near = kTouch * len * (1.0 - 1e-9);
    auto inPlace = [&](double ax, double ay, double bx, double by) {
        const double ca = d.x * (ay - p.y()) - d.y * (ax - p.x());
        const double cb = d.x * (by - p.y()) - d.y * (bx - p.x());
        // With the wall's start clearly off the line, blocks() finds no
        // corner on the segment; it passes a wall whose ends are both
        // clearly on one side or whose end is on the line (no crossing).
        if (!(ca > clear || ca < -clear)) return -1;
        if ((ca > clear && cb > clear) || (ca < -clear && cb < -clear)) return 0;
        if (cb <= near && cb >= -near) return 0;
        if (!(cb > clear || cb < -clear)) return -1;
        // The wall crosses the line: it blocks when p and q lie clearly on
        // opposite sides of it, passes when clearly on one side (it crosses
        // beyond an end). blocks() divides by the wall's length, at most
        // |ex| + |ey|: the margin holds for it too.
        const double ex = bx - ax, ey = by - ay;
        const double cp = ex * (p.y() - ay) - ey * (p.x() - ax);
        const double cq = ex * (q.y() - ay) - ey * (q.x() - ax);
        const double side = kTouch * (std::abs(ex) + std::abs(ey)) * (1.0 + 1e-9);
        if ((cp > side && cq > side) || (cp < -side && cq < -side)) return 0;
        if ((cp > side && cq < -side) || (cp < -side && cq > side)) return 1;
        return -1;
    };
    // The edges of a cell: false when one blocks the line. Only those that
    // inPlace() leaves open are stamped and go to blocks(); an edge in
    // several cells may be answered in place more than once, which changes
    // nothing.
    auto cellClear = [&](int cx, int cy) {
        for (const Storey::CellEdge& c : s.cellEdges[static_cast<size_t>(cy) * s.nx + cx]) {
            const int plain = inPlace(c.ax, c.ay, c.bx, c.by);
            if (plain == 0) continue;
            if (plain == 1) {
                *blocker = c.e;
                return false;
            }
            // The walls that start at a corner node's own vertex, which
            // blocks() would pass too (the same coordinates: its group,
            // whose cone visible() tested; its start is then exactly on
            // the line: no crossing either).
            if ((na.vertex >= 0 && c.ax == p.x() && c.ay == p.y()) || (nb.vertex >= 0 && c.ax == q.x() && c.ay == q.y()))
                continue;
            if (s.stamp[c.e] == s.tick) continue;
            s.stamp[c.e] = s.tick;
            if (blocks(s, c.e, p, na.vertex, q, nb.vertex, d, len)) {
                *blocker = c.e;
                return false;
            }
        }
        return true;
    };
    // The wall that hid the last node, first: when it blocks this line too
    // and lies in a cell the line passes (where the reference meets it), the
    // line is hidden, found without walking past that cell. Else the edges
    // cell by cell, walking only as far as a blocking one: the line is
    // visible when no edge of its cells blocks it, whichever is tested first.
    if (*blocker >= 0) {
        s.stamp[*blocker] = s.tick;  // tested here, whether or not a cell of the line holds it
        const Point& from = s.v[*blocker].p;
        const Point& to = s.v[s.v[*blocker].next].p;
        const int plain = inPlace(from.x(), from.y(), to.x(), to.y());
        if (plain == 1 || (plain < 0 && blocks(s, *blocker, p, na.vertex, q, nb.vertex, d, len))) {
            const std::array<int, 4>& b = s.edgeCells[*blocker];
            const bool met = !walk.each([&](int cx, int cy) {
                s.walked.emplace_back(cx, cy);
                return !(cx >= b[0] && cx <= b[1] && cy >= b[2] && cy <= b[3]);
            });
            if (met) return false;
            for (const auto& [cx, cy] : s.walked)
                if (!cellClear(cx, cy)) return false;
            return true;
        }
    }
    return walk.each(cellClear);
}

WalkNetwork::WalkNetwork() : d_(std::make_unique<Impl>()) {}
WalkNetwork::~WalkNetwork() = default;

void WalkNetwork::addStorey(int storey, const MultiPolygon& freeSpace) {
    if (d_->storeyIndex.count(storey)) throw std::logic_error("safe_routing: storey added twice");
    Storey s;
    s.id = storey;
    s.free = freeSpace;
    int polygon = 0;
    auto addRing = [&](const auto& ring, bool outer) {
        std::vector<Point> pts(ring.begin(), ring.end());
        if (pts.size() > 1 && bg::equals(pts.front(), pts.back())) pts.pop_back();
        // Drop repeated points, then make free space lie on the left.
        std::vector<Point> clean;
        for (const Point& p : pts)
            if (clean.empty() || norm(sub(p, clean.back())) > kTouch) clean.push_back(p);
        while (clean.size() > 1 && norm(sub(clean.front(), clean.back())) <= kTouch) clean.pop_back();
        if (clean.size() < 3) return;
        double area2 = 0;
        for (size_t i = 0; i < clean.size(); ++i) {
            const Point& a = clean[i];
            const Point& b = clean[(i + 1) % clean.size()];
            area2 += a.x() * b.y() - b.x() * a.y();
        }
        if ((area2 > 0) != outer) std::reverse(clean.begin(), clean.end());
        int base = static_cast<int>(s.v.size()), n = static_cast<int>(clean.size());
        for (int i = 0; i < n; ++i) {
            Vertex v;
            v.p = clean[i];
            v.prev = base + (i + n - 1) % n;
            v.next = base + (i + 1) % n;
            v.len = norm(sub(clean[(i + 1) % n], clean[i]));
            v.polygon = polygon;
            s.v.push_back(v);
        }
    };
    for (const auto& poly : s.free) {
        addRing(poly.outer(), true);
        for (const auto& hole : poly.inners()) addRing(hole, false);
        ++polygon;
    }
    // Reflex corners: a right turn with free space on the left.
    for (auto& v : s.v) {
        Vec in = sub(v.p, s.v[v.prev].p), out = sub(s.v[v.next].p, v.p);
        v.reflex = cross(in, out) / (norm(in) * norm(out)) < -1e-9;
    }
    // Coincident vertices (pinch points) share one cone test.
    std::vector<int> order(s.v.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return s.v[a].p.x() != s.v[b].p.x() ? s.v[a].p.x() < s.v[b].p.x() : s.v[a].p.y() < s.v[b].p.y();
    });
    for (size_t k = 0; k < order.size(); ++k) {
        int i = order[k];
        if (k > 0 && norm(sub(s.v[i].p, s.v[order[k - 1]].p)) <= kTouch) {
            s.v[i].group = s.v[order[k - 1]].group;
        } else {
            s.v[i].group = static_cast<int>(s.groups.size());
            s.groups.emplace_back();
        }
        s.groups[s.v[i].group].push_back(i);
    }
    // Grid: about two edges per cell, at most 256 x 256 cells.
    if (!s.v.empty()) {
        Box box;
        bg::envelope(s.free, box);
        double w = box.max_corner().x() - box.min_corner().x(), h = box.max_corner().y() - box.min_corner().y();
        s.cell = std::max({0.25, std::sqrt(std::max(w * h, 1e-6) / std::max<size_t>(1, s.v.size()) * 2.0),
                           std::max(w, h) / 256.0});
        s.gx = box.min_corner().x() - s.cell;
        s.gy = box.min_corner().y() - s.cell;
        s.nx = static_cast<int>(std::ceil((w + 2 * s.cell) / s.cell)) + 1;
        s.ny = static_cast<int>(std::ceil((h + 2 * s.cell) / s.cell)) + 1;
        s.cellEdges.assign(static_cast<size_t>(s.nx) * s.ny, {});
        s.edgeCells.resize(s.v.size());
        const double m = 1e-6;  // edges on a cell border go into both cells
        for (int e = 0; e < static_cast<int>(s.v.size()); ++e) {
            const Point& a = s.v[e].p;
            const Point& b = s.v[s.v[e].next].p;
            int x0 = std::clamp(static_cast<int>(std::floor((std::min(a.x(), b.x()) - m - s.gx) / s.cell)), 0, s.nx - 1);
            int x1 = std::clamp(static_cast<int>(std::floor((std::max(a.x(), b.x()) + m - s.gx) / s.cell)), 0, s.nx - 1);
            int y0 = std::clamp(static_cast<int>(std::floor((std::min(a.y(), b.y()) - m - s.gy) / s.cell)), 0, s.ny - 1);
            int y1 = std::clamp(static_cast<int>(std::floor((std::max(a.y(), b.y()) + m - s.gy) / s.cell)), 0, s.ny - 1);
            s.edgeCells[e] = {x0, x1, y0, y1};
            for (int y = y0; y <= y1; ++y)
                for (int x = x0; x <= x1; ++x)
                    s.cellEdges[static_cast<size_t>(y) * s.nx + x].push_back({a.x(), a.y(), b.x(), b.y(), e});
        }
        s.stamp.assign(s.v.size(), 0);
    }
    int si = static_cast<int>(d_->storeys.size());
    d_->storeyIndex[storey] = si;
    d_->storeys.push_back(std::move(s));
    Storey& st = d_->storeys.back();
    for (int i = 0; i < static_cast<int>(st.v.size()); ++i) {
        if (!st.v[i].reflex) continue;
        Node n;
        n.storey = si;
        n.p = st.v[i].p;
        n.role = NodeRole::Corner;
        n.vertex = i;
        st.nodes.push_back(static_cast<int>(d_->nodes.size()));
        d_->nodes.push_back(n);
    }
}

int WalkNetwork::addPoint(int storey, const Point& p, NodeRole role, int querySet) {
    auto it = d_->storeyIndex.find(storey);
    if (it == d_->storeyIndex.end()) return -1;
    Storey& s = d_->storeys[it->second];
    if (!bg::covered_by(p, s.free)) return -1;
    Node n;
    n.storey = it->second;
    n.p = p;
    n.role = role;
    n.set = querySet;
    int id = static_cast<int>(d_->nodes.size());
    s.nodes.push_back(id);
    d_->nodes.push_back(n);
    return id;
}

void WalkNetwork::dropCorners(int storey, const std::function<bool(const Point&)>& drop) {
    auto it = d_->storeyIndex.find(storey);
    if (it == d_->storeyIndex.end()) return;
    auto& ids = d_->storeys[it->second].nodes;
    ids.erase(std::remove_if(ids.begin(), ids.end(),
                             [&](int id) {
                                 const Node& n = d_->nodes[id];
                                 return n.role == NodeRole::Corner && drop(n.p);
                             }),
              ids.end());
}

void WalkNetwork::addLink(int a, int b, double length) {
    if (a < 0 || b < 0) return;
    if (d_->adj.size() < d_->nodes.size()) d_->adj.resize(d_->nodes.size());
    d_->link(a, b, length);
}

namespace detail {

// Which nodes of a storey can see one another at all: the pieces of the free
// space (polygons of the multipolygon) joined where they touch or nearly
// touch (a shared corner group, a point of interest on both, or closer than
// 1e-6 m, ten times kTouch); a sight line between two pieces that stay apart
// leaves the free space, and the sight test would reject it. -1: test always.
std::vector<int> components(const Storey& s, const std::vector<Node>& nodes) {
    const int n = static_cast<int>(s.free.size());
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    auto join = [&](int a, int b) { parent[find(a)] = find(b); };
    for (const auto& group : s.groups)
        for (int v : group) join(s.v[v].polygon, s.v[group.front()].polygon);
    constexpr double kApart = 1e-6;
    std::vector<Box> boxes(n);
    for (int i = 0; i < n; ++i) {
        bg::envelope(s.free[i], boxes[i]);
        boxes[i] = Box(Point(boxes[i].min_corner().x() - kApart, boxes[i].min_corner().y() - kApart),
                       Point(boxes[i].max_corner().x() + kApart, boxes[i].max_corner().y() + kApart));
    }
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
            if (find(i) != find(j) && bg::intersects(boxes[i], boxes[j]) && bg::distance(s.free[i], s.free[j]) <= kApart)
                join(i, j);
    std::vector<std::vector<int>> covering(s.nodes.size());
    for (size_t k = 0; k < s.nodes.size(); ++k) {
        const Node& node = nodes[s.nodes[k]];
        if (node.vertex >= 0) {
            covering[k].push_back(s.v[node.vertex].polygon);
            continue;
        }
        for (int i = 0; i < n; ++i)
            if (bg::covered_by(node.p, boxes[i]) && bg::distance(node.p, s.free[i]) <= kApart) covering[k].push_back(i);
        for (int i : covering[k]) join(i, covering[k].front());
    }
    std::vector<int> out(s.nodes.size(), -1);
    for (size_t k = 0; k < s.nodes.size(); ++k)
        if (!covering[k].empty()) out[k] = find(covering[k].front());
    return out;
}

}  // namespace detail

void WalkNetwork::build(Pairs pairs) {
    if (d_->built) throw std::logic_error("safe_routing: network built twice");
    d_->built = true;
    d_->adj.resize(d_->nodes.size());
    for (const Storey& s : d_->storeys) {
        const auto& ids = s.nodes;
        std::vector<int> piece(ids.size(), -1);
        if (pairs == Pairs::SamePiece) piece = components(s, d_->nodes);
        for (size_t i = 0; i < ids.size(); ++i) {
            const Node& a = d_->nodes[ids[i]];
            int blocker = -1;  // the last edge that hid a node from a (not for the reference, Pairs::All)
            for (size_t j = i + 1; j < ids.size(); ++j) {
                if (piece[i] >= 0 && piece[j] >= 0 && piece[i] != piece[j]) continue;
                // Every pair of nodes of a storey: bounded by the site's time budget.
                budget::check("running rule 'safe_routing' (walking network)");
                const Node& b = d_->nodes[ids[j]];
                bool aq = a.role == NodeRole::Source || a.role == NodeRole::Target;
                bool bq = b.role == NodeRole::Source || b.role == NodeRole::Target;
                if (aq && bq && (a.set != b.set || a.role == b.role)) continue;
                Vec dir = sub(b.p, a.p);
                // A shortest walk bends round a corner only on a line that
                // touches the corner: both walls at the corner on one side.
                // True when the line from corner n along `to` passes between
                // its walls, by more than `tol`.
                auto crosses = [&](const Node& n, Vec to, double tol) {
                    if (n.vertex < 0) return false;
                    const Vertex& v = s.v[n.vertex];
                    double c1 = cross(to, sub(s.v[v.prev].p, v.p)), c2 = cross(to, sub(s.v[v.next].p, v.p));
                    return (c1 > tol && c2 < -tol) || (c1 < -tol && c2 > tol);
                };
                if (pairs == Pairs::SamePiece) {
                    // Most pairs of corners fail that test by far: tried first
                    // without the pair's length, with a tolerance no smaller
                    // than kTouch * dirLen (|x| + |y| >= hypot(x, y); the
                    // factor covers hypot's rounding). A line that passes
                    // between the walls by more than that does so by more than
                    // kTouch * dirLen too. Pairs::All (the reference) does not.
                    const double wide = kTouch * (std::abs(dir.x) + std::abs(dir.y)) * (1.0 + 1e-12);
                    if (crosses(a, dir, wide) || crosses(b, Vec{-dir.x, -dir.y}, wide)) continue;
                }
                const double dirLen = norm(dir);
                const double tol = kTouch * dirLen;
                if (crosses(a, dir, tol) || crosses(b, Vec{-dir.x, -dir.y}, tol)) continue;
                if (!d_->visible(s, a, b, dirLen, pairs == Pairs::SamePiece ? &blocker : nullptr)) continue;
                d_->link(ids[i], ids[j], dirLen);
            }
        }
    }
}

WalkNetwork::Tree WalkNetwork::shortestFrom(const std::vector<int>& sources) const {
    Tree t;
    t.dist.assign(d_->nodes.size(), kInf);
    t.prev.assign(d_->nodes.size(), -1);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    for (int s : sources)
        if (s >= 0 && t.dist[s] > 0) {
            t.dist[s] = 0;
            heap.push({0.0, s});
        }
    while (!heap.empty()) {
        auto [du, u] = heap.top();
        heap.pop();
        if (du > t.dist[u]) continue;
        // A target is an end point: a walk does not pass through it.
        if (d_->nodes[u].role == NodeRole::Target && t.prev[u] != -1) continue;
        for (auto [v, w] : d_->adj[u]) {
            double dv = du + w;
            if (dv < t.dist[v]) {
                t.dist[v] = dv;
                t.prev[v] = u;
                heap.push({dv, v});
            }
        }
    }
    return t;
}

std::vector<int> WalkNetwork::route(const Tree& tree, int target) const {
    std::vector<int> out;
    if (target < 0 || tree.dist[target] == kInf) return out;
    for (int n = target; n != -1; n = tree.prev[n]) out.push_back(n);
    std::reverse(out.begin(), out.end());
    return out;
}

const Point& WalkNetwork::point(int node) const { return d_->nodes.at(node).p; }
int WalkNetwork::storey(int node) const { return d_->storeys.at(d_->nodes.at(node).storey).id; }
size_t WalkNetwork::nodeCount() const {
    size_t n = 0;
    for (const Storey& s : d_->storeys) n += s.nodes.size();
    return n;
}
size_t WalkNetwork::edgeCount() const { return d_->edges; }

}  // namespace vgscan::routing
