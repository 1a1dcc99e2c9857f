#include "derive/ContextIndex.h"

#include "rules/RuleKit.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <iterator>
#include <map>
#include <exception>
#include <mutex>
#include <thread>
#include <queue>
#include <unordered_map>
#include <tuple>
#include <utility>

namespace vgscan {

namespace bgi = boost::geometry::index;

// --- Filters ----------------------------------------------------------------

bool RoadFilter::accepts(const Road& road) const {
    if (std::find(classes.begin(), classes.end(), road.roadClass) != classes.end()) return true;
    return minAadt && road.aadt && *road.aadt >= *minAadt;
}

std::string RoadFilter::key() const {
    std::vector<std::string> sorted = classes;
    std::sort(sorted.begin(), sorted.end());
    std::string k;
    for (const auto& c : sorted) k += c + ",";
    k += "|aadt>=";
    k += minAadt ? std::to_string(*minAadt) : "-";
    return k;
}

bool PoiFilter::accepts(const Poi& poi) const {
    if (poi.category != category) return false;
    if (!requireAcceptsWlz) return true;
    return poi.acceptsWlz ? *poi.acceptsWlz : countUnknownWlz;
}

std::string PoiFilter::key() const {
    return category + (requireAcceptsWlz ? (countUnknownWlz ? "|wlz+unknown" : "|wlz") : "|any");
}

namespace {

using Index = std::uint32_t;
constexpr Index kNone = std::numeric_limits<Index>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

using BoxValue = std::pair<Box, Index>;
using BoxTree = bgi::rtree<BoxValue, bgi::quadratic<16>>;
using PointValue = std::pair<Point, Index>;
using PointTree = bgi::rtree<PointValue, bgi::quadratic<16>>;

// --- Small exact geometry (closest points, for figures and drawings) ---------

double distance(const Point& a, const Point& b) { return std::hypot(a.x() - b.x(), a.y() - b.y()); }

// Parameter in [0,1] of the point of segment ab nearest to p.
double projectT(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    if (len2 == 0.0) return 0.0;
    return std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2, 0.0, 1.0);
}

Point lerp(const Point& a, const Point& b, double t) {
    return Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
}

struct Closest {
    double d = kInf;
    Point first{0.0, 0.0};   // on the first geometry (the area)
    Point second{0.0, 0.0};  // on the second (road, POI)
};

// Closest points of segments ab (first) and cd (second).
Closest segmentSegment(const Point& a, const Point& b, const Point& c, const Point& d) {
    const double rx = b.x() - a.x(), ry = b.y() - a.y(), sx = d.x() - c.x(), sy = d.y() - c.y();
    const double denom = rx * sy - ry * sx;
    if (denom != 0.0) {
        const double qx = c.x() - a.x(), qy = c.y() - a.y();
        const double t = (qx * sy - qy * sx) / denom, u = (qx * ry - qy * rx) / denom;
        if (t >= 0.0 && t <= 1.0 && u >= 0.0 && u <= 1.0) {
            Point at = lerp(a, b, t);
            return {0.0, at, at};
        }
    }
    // Apart (or parallel: an overlap shows as 0 below): the nearest pair has an end point.
    Closest best;
    auto consider = [&best](double dd, const Point& f, const Point& s) {
        if (dd < best.d) best = {dd, f, s};
    };
    Point p = lerp(c, d, projectT(a, c, d));
    consider(distance(a, p), a, p);
    p = lerp(c, d, projectT(b, c, d));
    consider(distance(b, p), b, p);
    p = lerp(a, b, projectT(c, a, b));
    consider(distance(c, p), p, c);
    p = lerp(a, b, projectT(d, a, b));
    consider(distance(d, p), p, d);
    return best;
}

template <class Fn>
void forEachEdge(const MultiPolygon& area, Fn fn) {
    auto ring = [&fn](const auto& r) {
        for (std::size_t i = 0; i + 1 < r.size(); ++i) fn(r[i], r[i + 1]);
    };
    for (const auto& poly : area) {
        ring(poly.outer());
        for (const auto& inner : poly.inners()) ring(inner);
    }
}

bool covers(const MultiPolygon& area, const Point& p) {
    for (const auto& poly : area)
        if (bg::covered_by(p, poly)) return true;
    return false;
}

// Area (first) to segment ab (second): 0 when the segment touches or enters the area.
Closest areaSegment(const MultiPolygon& area, const Point& a, const Point& b) {
    if (covers(area, a)) return {0.0, a, a};
    if (covers(area, b)) return {0.0, b, b};
    Closest best;
    forEachEdge(area, [&](const Point& c, const Point& d) {
        Closest cl = segmentSegment(c, d, a, b);
        if (cl.d < best.d) best = cl;
    });
    return best;
}

Closest areaPoint(const MultiPolygon& area, const Point& p) {
    if (covers(area, p)) return {0.0, p, p};
    Closest best;
    forEachEdge(area, [&](const Point& c, const Point& d) {
        Point q = lerp(c, d, projectT(p, c, d));
        double dd = distance(p, q);
        if (dd < best.d) best = {dd, q, p};
    });
    return best;
}

// Lower bounds used to stop the R-trees' incremental nearest searches, which
// order candidates by their boxes, not by the exact geometry.
double boxBoxDistance(const Box& a, const Box& b) {
    const double dx = std::max({0.0, a.min_corner().x() - b.max_corner().x(), b.min_corner().x() - a.max_corner().x()});
    const double dy = std::max({0.0, a.min_corner().y() - b.max_corner().y(), b.min_corner().y() - a.max_corner().y()});
    return std::hypot(dx, dy);
}

double pointBoxDistance(const Point& p, const Box& b) { return boxBoxDistance(Box(p, p), b); }

Box segmentBox(const Point& a, const Point& b) {
    return Box(Point(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
               Point(std::max(a.x(), b.x()), std::max(a.y(), b.y())));
}

// Nearest search refined to the exact geometry. The R-tree ranks values by
// their boxes (a lower bound of the exact distance), so it is asked for the k
// nearest boxes, every one is measured exactly, and k grows until the
// farthest box returned is no nearer than the best exact distance: no value
// left out can then be nearer. (Boost 1.74's incremental nearest iterator
// re-sorts all neighbours at every leaf, far too slow with a large k.)
template <class Tree, class MakeQuery, class Lower, class Visit>
void nearestRefined(const Tree& tree, MakeQuery makeQuery, Lower lower, Visit visit, const double& best) {
    std::vector<typename Tree::value_type> found;
    for (unsigned k = 8;; k *= 4) {
        found.clear();
        tree.query(makeQuery(k), std::back_inserter(found));
        double farthest = 0.0;
        for (const auto& v : found) {
            visit(v);
            farthest = std::max(farthest, lower(v));
        }
        if (found.size() < k || farthest >= best) return;
    }
}

// A value built once per key on first use; safe to ask from several threads.
template <class T>
class OnceCache {
public:
    template <class Build>
    const T& get(const std::string& key, Build build) const {
        Slot* slot;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            auto& s = slots_[key];
            if (!s) s = std::make_unique<Slot>();
            slot = s.get();
        }
        std::call_once(slot->once, [&] { build(slot->value); });
        return slot->value;
    }

private:
    struct Slot {
        std::once_flag once;
        T value;
    };
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Slot>> slots_;
};

struct Segment {
    Point p0{0.0, 0.0}, p1{0.0, 0.0};  // in drawing direction
    double length = 0.0;
    Index road = 0;
    Index a = kNone, b = kNone;  // network nodes of p0 and p1
    bool oneway = false;
};

// Where a point joins the network: on segment `seg` at parameter t (0 at p0),
// `access` metres from the point.
struct Snap {
    Index seg = kNone;
    double t = 0.0;
    double access = kInf;
};

// Compressed adjacency (CSR): the edges out of node u are [offset[u], offset[u+1]).
struct Csr {
    std::vector<Index> offset, target;
    std::vector<double> length;
};

// One multi-source search: for every node, the travel distance to the
// nearest accepted POI (including the POI's access) and which POI.
struct Field {
    std::vector<double> dist;
    std::vector<Index> poi;
    std::vector<Index> next;  // the next node towards the POI; kNone at the node the POI was seeded on
    std::vector<std::pair<Index, Index>> bySegment;  // (segment, poi), sorted: POIs on a segment
    std::size_t pois = 0;
};

using MinHeap = std::priority_queue<std::pair<double, Index>, std::vector<std::pair<double, Index>>, std::greater<>>;

// Up to kReachLabels POIs per node, nearest first, each at most `radius`
// away (node to POI, the POI's access included): one bounded multi-source
// search per filter and radius. A node with fewer labels has every such POI
// within the radius listed.
constexpr unsigned kReachLabels = 8;
struct ReachField {
    double radius = 0.0;
    std::vector<double> dist;          // node * kReachLabels + j
    std::vector<Index> poi;
    std::vector<std::uint8_t> count;   // labels of each node
    std::vector<std::pair<Index, Index>> bySegment;  // (segment, poi), sorted: POIs on a segment
};

// (POI, distance from the point's foot on its road, the POI's access
// included), the shorter kept for a POI seen twice.
using Reach = std::vector<std::pair<Index, double>>;

void keepShorter(Reach& found, Index poi, double d) {
    for (auto& f : found)
        if (f.first == poi) {
            f.second = std::min(f.second, d);
            return;
        }
    found.emplace_back(poi, d);
}

}  // namespace

struct ContextIndex::Impl {
    const Context& context;
    explicit Impl(const Context& c) : context(c) {}

    // Road segments (every pair of consecutive vertices).
    std::once_flag segmentsOnce;
    std::vector<Segment> segments;
    const std::vector<Segment>& segs() {
        std::call_once(segmentsOnce, [this] {
            std::size_t n = 0;
            for (const auto& r : context.roads) n += r.line.size() > 1 ? r.line.size() - 1 : 0;
            segments.reserve(n);
            for (std::size_t i = 0; i < context.roads.size(); ++i) {
                const Road& r = context.roads[i];
                for (std::size_t k = 0; k + 1 < r.line.size(); ++k) {
                    Segment s;
                    s.p0 = r.line[k];
                    s.p1 = r.line[k + 1];
                    s.length = distance(s.p0, s.p1);
                    s.road = static_cast<Index>(i);
                    s.oneway = r.oneway;
                    segments.push_back(s);
                }
            }
        });
        return segments;
    }

    // The network: nodes, segment R-tree, forward and reversed adjacency.
    std::once_flag networkOnce;
    std::vector<Point> nodes;
    BoxTree segmentTree;
    Csr forward, reverse;
    void network() {
        std::call_once(networkOnce, [this] {
            segs();
            buildNodes();
            buildGraph();
            segTree();
        });
    }
    // The segment R-tree needs the segments only, not the nodes: buildNetwork
    // builds it on a second thread while this one merges the nodes.
    std::once_flag segmentTreeOnce;
    const BoxTree& segTree() {
        std::call_once(segmentTreeOnce, [this] {
            segs();
            std::vector<BoxValue> boxes;
            boxes.reserve(segments.size());
            for (Index i = 0; i < segments.size(); ++i) boxes.emplace_back(segmentBox(segments[i].p0, segments[i].p1), i);
            segmentTree = BoxTree(boxes);  // packed (bulk loading)
        });
        return segmentTree;
    }

    // Merges vertices within kSnapToleranceM into one node: a hash grid of
    // cells 2 x tolerance wide, so only the point's cell and the neighbours on
    // its nearer sides (2 x 2 cells) can hold a node within the tolerance.
    // Vertices merge only on the same level: a road's inner vertices are on
    // its own level (a bridge above, a tunnel below the roads it crosses), its
    // two end points on the ground, where it joins the roads it connects.
    std::vector<int> nodeLevels;
    void buildNodes() {
        const double tol = kSnapToleranceM, cell = 2.0 * tol, tol2 = tol * tol;
        std::unordered_map<std::uint64_t, Index> head;
        head.reserve(segments.size() + 16);
        std::vector<Index> next;
        auto key = [](std::int64_t ix, std::int64_t iy) {
            return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(ix)) << 32) |
                   static_cast<std::uint32_t>(iy);
        };
        auto nodeOf = [&](const Point& p, int level) -> Index {
            const double fx = p.x() / cell, fy = p.y() / cell;
            const auto ix = static_cast<std::int64_t>(std::floor(fx)), iy = static_cast<std::int64_t>(std::floor(fy));
            const std::int64_t sx = fx - ix < 0.5 ? -1 : 1, sy = fy - iy < 0.5 ? -1 : 1;
            for (std::int64_t cx : {ix, ix + sx})
                for (std::int64_t cy : {iy, iy + sy}) {
                    auto it = head.find(key(cx, cy));
                    if (it == head.end()) continue;
                    for (Index n = it->second; n != kNone; n = next[n]) {
                        const double dx = nodes[n].x() - p.x(), dy = nodes[n].y() - p.y();
                        if (dx * dx + dy * dy <= tol2 && nodeLevels[n] == level) return n;
                    }
                }
            const auto n = static_cast<Index>(nodes.size());
            nodes.push_back(p);
            nodeLevels.push_back(level);
            auto [it, fresh] = head.try_emplace(key(ix, iy), n);
            next.push_back(fresh ? kNone : it->second);
            it->second = n;
            return n;
        };
        // Consecutive segments of a road share a vertex: look it up once.
        for (std::size_t i = 0; i < segments.size(); ++i) {
            Segment& s = segments[i];
            const bool first = i == 0 || segments[i - 1].road != s.road;
            const bool last = i + 1 == segments.size() || segments[i + 1].road != s.road;
            const int level = context.roads[s.road].level;
            const bool continues = !first && segments[i - 1].p1.x() == s.p0.x() && segments[i - 1].p1.y() == s.p0.y();
            s.a = continues ? segments[i - 1].b : nodeOf(s.p0, first ? 0 : level);
            s.b = nodeOf(s.p1, last ? 0 : level);
        }
    }

    void buildGraph() {
        const std::size_t n = nodes.size();
        forward.offset.assign(n + 1, 0);
        reverse.offset.assign(n + 1, 0);
        auto eachEdge = [this](auto fn) {
            for (const Segment& s : segments) {
                if (s.a == s.b) continue;  // shorter than the tolerance: one node
                fn(s.a, s.b, s.length);
                if (!s.oneway) fn(s.b, s.a, s.length);
            }
        };
        eachEdge([this](Index u, Index v, double) {
            ++forward.offset[u + 1];
            ++reverse.offset[v + 1];
        });
        for (std::size_t i = 0; i < n; ++i) {
            forward.offset[i + 1] += forward.offset[i];
            reverse.offset[i + 1] += reverse.offset[i];
        }
        const std::size_t m = forward.offset[n];
        forward.target.resize(m);
        forward.length.resize(m);
        reverse.target.resize(m);
        reverse.length.resize(m);
        std::vector<Index> fpos(forward.offset.begin(), forward.offset.end() - 1);
        std::vector<Index> rpos(reverse.offset.begin(), reverse.offset.end() - 1);
        eachEdge([&](Index u, Index v, double len) {
            forward.target[fpos[u]] = v;
            forward.length[fpos[u]++] = len;
            reverse.target[rpos[v]] = u;
            reverse.length[rpos[v]++] = len;
        });
    }

    // Nearest segment to p, and where on it.
    Snap snap(const Point& p) {
        segTree();
        Snap best;
        if (segmentTree.empty()) return best;
        nearestRefined(
            segmentTree, [&](unsigned k) { return bgi::nearest(p, k); },
            [&](const BoxValue& v) { return pointBoxDistance(p, v.first); },
            [&](const BoxValue& v) {
                const Segment& s = segments[v.second];
                const double t = projectT(p, s.p0, s.p1);
                const double d = distance(p, lerp(s.p0, s.p1, t));
                if (d < best.access || (d == best.access && v.second < best.seg)) best = {v.second, t, d};
            },
            best.access);
        return best;
    }

    // Every POI's snap onto the network (index = POI index).
    std::once_flag poiSnapsOnce;
    std::vector<Snap> poiSnapsData;
    const std::vector<Snap>& poiSnaps() {
        std::call_once(poiSnapsOnce, [this] {
            segTree();
            poiSnapsData.reserve(context.pois.size());
            for (const Poi& poi : context.pois) poiSnapsData.push_back(snap(poi.position));
        });
        return poiSnapsData;
    }

    // POIs by category.
    std::once_flag poiTreesOnce;
    std::map<std::string, PointTree> poiTreesData;
    const std::map<std::string, PointTree>& poiTrees() {
        std::call_once(poiTreesOnce, [this] {
            std::map<std::string, std::vector<PointValue>> byCategory;
            for (Index i = 0; i < context.pois.size(); ++i)
                byCategory[context.pois[i].category].emplace_back(context.pois[i].position, i);
            for (auto& [cat, values] : byCategory) poiTreesData.emplace(cat, PointTree(values));
        });
        return poiTreesData;
    }
    const PointTree* poiTree(const std::string& category) {
        const auto& trees = poiTrees();
        auto it = trees.find(category);
        return it == trees.end() ? nullptr : &it->second;
    }

    // Segments by road class rank, for map windows (kept apart from the
    // snapping tree so that a wide window can stop at the main roads).
    std::once_flag rankTreesOnce;
    std::vector<BoxTree> rankTreesData;
    // The map windows' trees hold runs of up to kRankChunk consecutive
    // segments of one road (the value: the run's first segment), so a
    // national layer's trees are built from an eighth of the boxes; a
    // window tests each segment of a run it meets.
    static constexpr Index kRankChunk = 8;
    const std::vector<BoxTree>& rankTrees() {
        std::call_once(rankTreesOnce, [this] {
            const auto& ss = segs();
            std::vector<std::vector<BoxValue>> byRank(kRoadClassRanks);
            for (Index i = 0; i < ss.size();) {
                Index end = i + 1;
                Box box = segmentBox(ss[i].p0, ss[i].p1);
                while (end < ss.size() && end - i < kRankChunk && ss[end].road == ss[i].road)
                    bg::expand(box, segmentBox(ss[end].p0, ss[end].p1)), ++end;
                byRank[roadClassRank(context.roads[ss[i].road].roadClass)].emplace_back(box, i);
                i = end;
            }
            for (auto& values : byRank) rankTreesData.emplace_back(values);
        });
        return rankTreesData;
    }

    // Segments of the roads a filter accepts.
    OnceCache<BoxTree> roadTrees;
    const BoxTree& roadTree(const RoadFilter& filter) {
        return roadTrees.get(filter.key(), [&](BoxTree& tree) {
            const auto& ss = segs();
            std::vector<BoxValue> boxes;
            for (Index i = 0; i < ss.size(); ++i)
                if (filter.accepts(context.roads[ss[i].road])) boxes.emplace_back(segmentBox(ss[i].p0, ss[i].p1), i);
            tree = BoxTree(boxes);
        });
    }

    // Multi-source Dijkstra on the reversed graph from every accepted POI:
    // dist[v] = travel from v to its nearest POI. Once per filter.
    // POIs a filter accepts: asked per site (e.g. "no GP in the portfolio"),
    // so counted once per filter, not once per site over every POI.
    OnceCache<std::size_t> poiCounts;

    OnceCache<Field> fields;
    const Field& field(const PoiFilter& filter) {
        return fields.get(filter.key(), [&](Field& f) {
            network();
            const auto& snaps = poiSnaps();
            f.dist.assign(nodes.size(), kInf);
            f.poi.assign(nodes.size(), kNone);
            f.next.assign(nodes.size(), kNone);
            MinHeap heap;
            auto seed = [&](Index node, double d, Index poi) {
                if (d < f.dist[node]) {
                    f.dist[node] = d;
                    f.poi[node] = poi;
                    f.next[node] = kNone;
                    heap.emplace(d, node);
                }
            };
            for (Index i = 0; i < context.pois.size(); ++i) {
                if (!filter.accepts(context.pois[i]) || snaps[i].seg == kNone) continue;
                ++f.pois;
                const Snap& sn = snaps[i];
                const Segment& s = segments[sn.seg];
                // From p0 along the drawing direction to the POI's foot; from
                // p1 backwards only on a two-way road.
                seed(s.a, sn.access + sn.t * s.length, i);
                if (!s.oneway) seed(s.b, sn.access + (1.0 - sn.t) * s.length, i);
                f.bySegment.emplace_back(sn.seg, i);
            }
            std::sort(f.bySegment.begin(), f.bySegment.end());
            while (!heap.empty()) {
                auto [d, u] = heap.top();
                heap.pop();
                if (d > f.dist[u]) continue;
                for (Index e = reverse.offset[u]; e < reverse.offset[u + 1]; ++e) {
                    const Index w = reverse.target[e];
                    const double nd = d + reverse.length[e];
                    if (nd < f.dist[w]) {
                        f.dist[w] = nd;
                        f.poi[w] = f.poi[u];
                        f.next[w] = u;
                        heap.emplace(nd, w);
                    }
                }
            }
        });
    }

    // Homes (points) and liveability areas (boxes), built on first use.
    std::once_flag dwellingTreeOnce;
    PointTree dwellingTreeData;
    const PointTree& dwellingTree() {
        std::call_once(dwellingTreeOnce, [this] {
            std::vector<PointValue> values;
            values.reserve(context.dwellings.size());
            for (Index i = 0; i < context.dwellings.size(); ++i) values.emplace_back(context.dwellings[i].position, i);
            dwellingTreeData = PointTree(values);
        });
        return dwellingTreeData;
    }
    std::once_flag liveabilityTreeOnce;
    BoxTree liveabilityTreeData;
    const BoxTree& liveabilityTree() {
        std::call_once(liveabilityTreeOnce, [this] {
            std::vector<BoxValue> values;
            for (Index i = 0; i < context.liveability.size(); ++i)
                values.emplace_back(bg::return_envelope<Box>(context.liveability[i].area), i);
            liveabilityTreeData = BoxTree(values);
        });
        return liveabilityTreeData;
    }

    // One bounded Dijkstra from a point's foot over the forward graph: every
    // accepted POI within `budget` (from the foot, the POI's access
    // included). Stops when the ends of every candidate's segment are
    // settled or the budget is spent. The distance array is the thread's
    // own, reset after each search (only the nodes touched).
    Reach searchWithin(const Snap& sn, const PoiFilter& filter, double budget) {
        Reach found;
        const Segment& s = segments[sn.seg];
        const auto& snaps = poiSnaps();
        const Point foot = lerp(s.p0, s.p1, sn.t);
        // Straight from the foot is no longer than along the roads.
        std::vector<Index> candidates;
        if (const PointTree* tree = poiTree(filter.category)) {
            std::vector<PointValue> near;
            tree->query(bgi::intersects(Box(Point(foot.x() - budget, foot.y() - budget),
                                            Point(foot.x() + budget, foot.y() + budget))),
                        std::back_inserter(near));
            for (const auto& v : near)
                if (filter.accepts(context.pois[v.second]) && snaps[v.second].seg != kNone &&
                    distance(foot, v.first) <= budget)
                    candidates.push_back(v.second);
        }
        std::sort(candidates.begin(), candidates.end());
        if (candidates.empty()) return found;
        thread_local std::vector<double> dist;
        thread_local std::vector<char> target;  // 1: a candidate's end, 2: settled
        thread_local std::vector<Index> touched;
        if (dist.size() < nodes.size()) {
            dist.assign(nodes.size(), kInf);
            target.assign(nodes.size(), 0);
        }
        std::size_t open = 0;
        auto mark = [&](Index node) {
            if (target[node] == 0) {
                target[node] = 1;
                touched.push_back(node);
                ++open;
            }
        };
        for (Index i : candidates) {
            const Segment& q = segments[snaps[i].seg];
            mark(q.a);
            if (!q.oneway) mark(q.b);
        }
        MinHeap heap;
        auto relax = [&](Index node, double d) {
            if (d > budget || d >= dist[node]) return;
            if (dist[node] == kInf) touched.push_back(node);
            dist[node] = d;
            heap.emplace(d, node);
        };
        relax(s.b, (1.0 - sn.t) * s.length);
        if (!s.oneway) relax(s.a, sn.t * s.length);
        while (!heap.empty() && open > 0) {
            auto [d, u] = heap.top();
            heap.pop();
            if (d > dist[u]) continue;
            if (target[u] == 1) {
                target[u] = 2;
                --open;
            }
            for (Index e = forward.offset[u]; e < forward.offset[u + 1]; ++e)
                relax(forward.target[e], d + forward.length[e]);
        }
        for (Index i : candidates) {
            const Snap& ps = snaps[i];
            const Segment& q = segments[ps.seg];
            double reach = dist[q.a] + ps.t * q.length;
            if (!q.oneway) reach = std::min(reach, dist[q.b] + (1.0 - ps.t) * q.length);
            if (ps.seg == sn.seg) {
                if (ps.t >= sn.t) reach = std::min(reach, (ps.t - sn.t) * q.length);
                else if (!q.oneway) reach = std::min(reach, (sn.t - ps.t) * q.length);
            }
            if (reach + ps.access <= budget) found.emplace_back(i, reach + ps.access);
        }
        for (Index u : touched) {
            dist[u] = kInf;
            target[u] = 0;
        }
        touched.clear();
        return found;
    }

    // The bounded multi-source search for ReachField: POIs spread over the
    // reversed graph together; a node keeps the first kReachLabels distinct
    // POIs that reach it (in order of distance), and a node full of labels
    // stops the POIs that come later.
    OnceCache<ReachField> reachFields;
    const ReachField& reach(const PoiFilter& filter, double radius) {
        char r[32];
        std::snprintf(r, sizeof r, "|r=%.17g", radius);
        return reachFields.get(filter.key() + r, [&](ReachField& f) {
            network();
            const auto& snaps = poiSnaps();
            const std::size_t n = nodes.size();
            f.radius = radius;
            f.dist.assign(n * kReachLabels, kInf);
            f.poi.assign(n * kReachLabels, kNone);
            f.count.assign(n, 0);
            using Entry = std::tuple<double, Index, Index>;  // distance, node, POI: a total order
            std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
            auto has = [&](Index node, Index poi) {
                const Index* labels = &f.poi[static_cast<std::size_t>(node) * kReachLabels];
                return std::find(labels, labels + f.count[node], poi) != labels + f.count[node];
            };
            auto push = [&](Index node, double d, Index poi) {
                if (d <= radius && f.count[node] < kReachLabels && !has(node, poi)) heap.emplace(d, node, poi);
            };
            for (Index i = 0; i < context.pois.size(); ++i) {
                if (!filter.accepts(context.pois[i]) || snaps[i].seg == kNone) continue;
                const Snap& sn = snaps[i];
                const Segment& s = segments[sn.seg];
                push(s.a, sn.access + sn.t * s.length, i);
                if (!s.oneway) push(s.b, sn.access + (1.0 - sn.t) * s.length, i);
                f.bySegment.emplace_back(sn.seg, i);
            }
            std::sort(f.bySegment.begin(), f.bySegment.end());
            while (!heap.empty()) {
                const auto [d, u, poi] = heap.top();
                heap.pop();
                if (f.count[u] >= kReachLabels || has(u, poi)) continue;
                const std::size_t at = static_cast<std::size_t>(u) * kReachLabels + f.count[u]++;
                f.dist[at] = d;
                f.poi[at] = poi;
                for (Index e = reverse.offset[u]; e < reverse.offset[u + 1]; ++e)
                    push(reverse.target[e], d + reverse.length[e], poi);
            }
        });
    }
};


// --- ContextIndex -------------------------------------------------------------

ContextIndex::ContextIndex(const Context& context) : context_(context), impl_(std::make_unique<Impl>(context)) {}
ContextIndex::~ContextIndex() = default;

MultiPolygon ContextIndex::builtArea(const Site& site) {
    if (site.footprints.empty()) return site.plot;
    MultiPolygon area;
    area.assign(site.footprints.begin(), site.footprints.end());
    return area;
}

Point ContextIndex::sitePoint(const Site& site) {
    Point c(0.0, 0.0);
    MultiPolygon area = builtArea(site);
    if (!area.empty()) bg::centroid(area, c);
    return c;
}

std::optional<RoadHit> ContextIndex::nearestRoad(const MultiPolygon& area, const RoadFilter& filter) const {
    if (area.empty()) return std::nullopt;
    const BoxTree& tree = impl_->roadTree(filter);
    if (tree.empty()) return std::nullopt;
    const auto& segs = impl_->segs();
    Box box;
    bg::envelope(area, box);
    Closest best;
    Index bestSeg = kNone;
    nearestRefined(
        tree, [&](unsigned k) { return bgi::nearest(box, k); },
        [&](const BoxValue& v) { return boxBoxDistance(box, v.first); },
        [&](const BoxValue& v) {
            Closest cl = areaSegment(area, segs[v.second].p0, segs[v.second].p1);
            if (cl.d < best.d || (cl.d == best.d && v.second < bestSeg)) {
                best = cl;
                bestSeg = v.second;
            }
        },
        best.d);
    if (bestSeg == kNone) return std::nullopt;
    return RoadHit{segs[bestSeg].road, best.d, best.first, best.second};
}

std::optional<PoiHit> ContextIndex::nearestPoi(const MultiPolygon& area, const PoiFilter& filter) const {
    const PointTree* tree = impl_->poiTree(filter.category);
    if (!tree || tree->empty() || area.empty()) return std::nullopt;
    Box box;
    bg::envelope(area, box);
    Closest best;
    Index bestPoi = kNone;
    auto accepted = [&](const PointValue& v) { return filter.accepts(context_.pois[v.second]); };
    nearestRefined(
        *tree, [&](unsigned k) { return bgi::nearest(box, k) && bgi::satisfies(accepted); },
        [&](const PointValue& v) { return pointBoxDistance(v.first, box); },
        [&](const PointValue& v) {
            Closest cl = areaPoint(area, v.first);
            if (cl.d < best.d || (cl.d == best.d && v.second < bestPoi)) {
                best = cl;
                bestPoi = v.second;
            }
        },
        best.d);
    if (bestPoi == kNone) return std::nullopt;
    return PoiHit{bestPoi, best.d, best.first};
}

std::vector<std::size_t> ContextIndex::poisWithin(const Point& p, double radius, const PoiFilter& filter) const {
    std::vector<std::size_t> out;
    const PointTree* tree = impl_->poiTree(filter.category);
    if (!tree || !(radius >= 0.0)) return out;
    Box box(Point(p.x() - radius, p.y() - radius), Point(p.x() + radius, p.y() + radius));
    std::vector<PointValue> found;
    tree->query(bgi::intersects(box), std::back_inserter(found));
    for (const auto& v : found)
        if (distance(p, v.first) <= radius && filter.accepts(context_.pois[v.second])) out.push_back(v.second);
    std::sort(out.begin(), out.end());
    return out;
}

int roadClassRank(const std::string& roadClass) {
    for (int i = 0; i + 1 < kRoadClassRanks; ++i)
        if (roadClass == kRoadClassOrder[i]) return i;
    return kRoadClassRanks - 1;
}

RoadWindow ContextIndex::roadsIn(double minX, double minY, double maxX, double maxY, std::size_t maxSegments) const {
    RoadWindow w;
    if (!(minX <= maxX && minY <= maxY)) return w;
    const auto& trees = impl_->rankTrees();
    const auto& segs = impl_->segments;
    const Box box(Point(minX, minY), Point(maxX, maxY));
    std::vector<Index> ids;
    for (int rank = 0; rank < kRoadClassRanks; ++rank) {
        const std::size_t before = ids.size();
        bool over = false;
        for (auto it = trees[rank].qbegin(bgi::intersects(box)); it != trees[rank].qend() && !over; ++it) {
            // The segments of the run that meet the window.
            const Index first = it->second;
            for (Index i = first; i < segs.size() && i - first < Impl::kRankChunk && segs[i].road == segs[first].road; ++i) {
                if (!bg::intersects(segmentBox(segs[i].p0, segs[i].p1), box)) continue;
                if (ids.size() >= maxSegments) {
                    over = true;
                    break;
                }
                ids.push_back(i);
            }
        }
        if (over) {
            ids.resize(before);  // this class does not fit: it and the lesser ones are left out
            w.ranks = rank;
            break;
        }
    }
    std::sort(ids.begin(), ids.end());  // segments are stored road by road, in drawing order
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const Segment& s = segs[ids[k]];
        const bool continues = k > 0 && ids[k - 1] + 1 == ids[k] && segs[ids[k - 1]].road == s.road;
        if (!continues) w.pieces.push_back({s.road, LineString{s.p0}});
        w.pieces.back().line.push_back(s.p1);
    }
    return w;
}

std::vector<std::size_t> ContextIndex::poisIn(double minX, double minY, double maxX, double maxY) const {
    std::vector<std::size_t> out;
    if (!(minX <= maxX && minY <= maxY)) return out;
    const Box box(Point(minX, minY), Point(maxX, maxY));
    std::vector<PointValue> found;
    for (const auto& [category, tree] : impl_->poiTrees()) tree.query(bgi::intersects(box), std::back_inserter(found));
    for (const auto& v : found) out.push_back(v.second);
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t ContextIndex::poiCount(const PoiFilter& filter) const {
    return impl_->poiCounts.get(filter.key(), [&](std::size_t& n) {
        n = static_cast<std::size_t>(
            std::count_if(context_.pois.begin(), context_.pois.end(), [&](const Poi& p) { return filter.accepts(p); }));
    });
}

bool ContextIndex::hasNetwork() const { return !impl_->segs().empty(); }

std::optional<Travel> ContextIndex::nearestByTravel(const Point& p, const PoiFilter& filter, double detourFactor) const {
    auto straightEstimate = [&]() -> std::optional<Travel> {
        const PointTree* tree = impl_->poiTree(filter.category);
        if (!tree || tree->empty()) return std::nullopt;
        auto accepted = [&](const PointValue& v) { return filter.accepts(context_.pois[v.second]); };
        std::vector<PointValue> found;
        tree->query(bgi::nearest(p, 1) && bgi::satisfies(accepted), std::back_inserter(found));
        if (found.empty()) return std::nullopt;
        Travel t;
        t.poi = found.front().second;
        t.straight = distance(p, found.front().first);
        t.distance = t.straight * detourFactor;
        t.estimated = true;
        t.path = {p, found.front().first};
        return t;
    };
    if (!hasNetwork()) return straightEstimate();

    const Field& f = impl_->field(filter);
    if (f.pois == 0) return std::nullopt;
    const auto& segs = impl_->segments;
    const auto& snaps = impl_->poiSnaps();
    const Snap sn = impl_->snap(p);
    const Segment& s = segs[sn.seg];
    double best = kInf;
    Index bestPoi = kNone, via = kNone;  // via: the node the route leaves the segment by (kNone: along it)
    auto consider = [&](double d, Index poi, Index node) {
        if (d < best) {
            best = d;
            bestPoi = poi;
            via = node;
        }
    };
    // Leave the virtual split point towards p1 (always allowed), or towards p0 on a two-way road.
    consider((1.0 - sn.t) * s.length + f.dist[s.b], f.poi[s.b], s.b);
    if (!s.oneway) consider(sn.t * s.length + f.dist[s.a], f.poi[s.a], s.a);
    // A POI on the same segment is reached directly along it.
    auto range = std::equal_range(f.bySegment.begin(), f.bySegment.end(), std::pair<Index, Index>(sn.seg, 0),
                                  [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto it = range.first; it != range.second; ++it) {
        const Snap& ps = snaps[it->second];
        if (ps.t >= sn.t) consider((ps.t - sn.t) * s.length + ps.access, it->second, kNone);
        else if (!s.oneway) consider((sn.t - ps.t) * s.length + ps.access, it->second, kNone);
    }
    if (bestPoi == kNone || !std::isfinite(best)) {
        auto t = straightEstimate();
        if (t) t->unreachable = true;
        return t;
    }
    Travel t;
    t.poi = bestPoi;
    t.distance = sn.access + best;
    t.straight = distance(p, context_.pois[bestPoi].position);
    t.siteAccess = sn.access;
    t.poiAccess = snaps[bestPoi].access;
    // The way: to the foot on the road, along the search tree's next nodes
    // to the node the POI was seeded on, along its segment to its foot.
    auto foot = [&](const Snap& x) {
        const Segment& g = segs[x.seg];
        return Point(g.p0.x() + x.t * (g.p1.x() - g.p0.x()), g.p0.y() + x.t * (g.p1.y() - g.p0.y()));
    };
    auto add = [&](const Point& q) {
        if (t.path.empty() || distance(t.path.back(), q) > 0.0) t.path.push_back(q);
    };
    add(p);
    add(foot(sn));
    for (Index u = via; u != kNone; u = f.next[u]) add(impl_->nodes[u]);
    add(foot(snaps[bestPoi]));
    add(context_.pois[bestPoi].position);
    if (t.path.size() < 2) t.path = {p, context_.pois[bestPoi].position};
    return t;
}

std::vector<Travel> ContextIndex::allWithinTravel(const Point& p, const PoiFilter& filter, double maxDistance,
                                                  double detourFactor) const {
    std::vector<Travel> out;
    if (!hasNetwork()) {
        for (std::size_t i : poisWithin(p, maxDistance / detourFactor, filter)) {
            Travel t;
            t.poi = i;
            t.straight = distance(p, context_.pois[i].position);
            t.distance = t.straight * detourFactor;
            t.estimated = true;
            out.push_back(t);
        }
    } else {
        // Along the roads a trip is never shorter than the straight line, so
        // only POIs within maxDistance as the crow flies can be in reach.
        if (!(maxDistance >= 0.0) || poisWithin(p, maxDistance, filter).empty()) return out;
        impl_->network();
        const auto& segs = impl_->segments;
        const auto& snaps = impl_->poiSnaps();
        const Snap sn = impl_->snap(p);
        const Segment& s = segs[sn.seg];
        const double budget = maxDistance - sn.access;
        if (budget < 0.0) return out;

        // From the shared field: the POIs listed at the ends of the point's
        // segment (and those on the segment itself). Complete unless an end
        // is full of labels all within the budget: then more POIs may be in
        // reach there, and one bounded search from the point answers.
        const ReachField& f = impl_->reach(filter, maxDistance);
        Reach found;
        bool complete = true;
        auto fromEnd = [&](Index node, double off) {
            const std::size_t base = static_cast<std::size_t>(node) * kReachLabels;
            const unsigned n = f.count[node];
            for (unsigned j = 0; j < n; ++j)
                if (off + f.dist[base + j] <= budget) keepShorter(found, f.poi[base + j], off + f.dist[base + j]);
            if (n == kReachLabels && off + f.dist[base + n - 1] <= budget) complete = false;
        };
        // Leave the foot towards p1 (always allowed), or towards p0 on a two-way road.
        fromEnd(s.b, (1.0 - sn.t) * s.length);
        if (!s.oneway) fromEnd(s.a, sn.t * s.length);
        auto range = std::equal_range(f.bySegment.begin(), f.bySegment.end(), std::pair<Index, Index>(sn.seg, 0),
                                      [](const auto& x, const auto& y) { return x.first < y.first; });
        for (auto it = range.first; it != range.second; ++it) {
            const Snap& ps = snaps[it->second];
            double d = kInf;
            if (ps.t >= sn.t) d = (ps.t - sn.t) * s.length + ps.access;
            else if (!s.oneway) d = (sn.t - ps.t) * s.length + ps.access;
            if (d <= budget) keepShorter(found, it->second, d);
        }
        if (!complete) found = impl_->searchWithin(sn, filter, budget);
        for (const auto& [poi, reach] : found) {
            const double total = sn.access + reach;
            if (!(total <= maxDistance)) continue;
            Travel t;
            t.poi = poi;
            t.distance = total;
            t.straight = distance(p, context_.pois[poi].position);
            t.siteAccess = sn.access;
            t.poiAccess = snaps[poi].access;
            out.push_back(t);
        }
    }
    std::sort(out.begin(), out.end(), [](const Travel& x, const Travel& y) {
        return x.distance != y.distance ? x.distance < y.distance : x.poi < y.poi;
    });
    return out;
}

std::vector<Travel> ContextIndex::allWithinTravelBySearch(const Point& p, const PoiFilter& filter,
                                                          double maxDistance) const {
    std::vector<Travel> out;
    if (!hasNetwork() || !(maxDistance >= 0.0)) return out;
    impl_->network();
    const auto& snaps = impl_->poiSnaps();
    const Snap sn = impl_->snap(p);
    const double budget = maxDistance - sn.access;
    if (budget < 0.0) return out;
    for (const auto& [poi, reach] : impl_->searchWithin(sn, filter, budget)) {
        Travel t;
        t.poi = poi;
        t.distance = sn.access + reach;
        t.straight = distance(p, context_.pois[poi].position);
        t.siteAccess = sn.access;
        t.poiAccess = snaps[poi].access;
        if (t.distance <= maxDistance) out.push_back(t);
    }
    std::sort(out.begin(), out.end(), [](const Travel& x, const Travel& y) {
        return x.distance != y.distance ? x.distance < y.distance : x.poi < y.poi;
    });
    return out;
}

bool RouteMatrix::anyEstimated() const {
    return std::find(estimated.begin(), estimated.end(), char(1)) != estimated.end();
}

RouteMatrix ContextIndex::routes(const std::vector<Point>& from, const std::vector<Point>& to,
                                 const RouteOptions& options) const {
    RouteMatrix m;
    m.rows = from.size();
    m.cols = to.size();
    const std::size_t cells = m.rows * m.cols;
    m.distance.assign(cells, kInf);
    m.estimated.assign(cells, 0);
    m.unreachable.assign(cells, 0);
    if (options.paths) m.paths.resize(cells);
    auto straight = [&](std::size_t i, std::size_t j, bool unreachable) {
        const std::size_t k = i * m.cols + j;
        m.distance[k] = distance(from[i], to[j]) * options.detourFactor;
        m.estimated[k] = 1;
        m.unreachable[k] = unreachable ? 1 : 0;
        if (options.paths) m.paths[k] = LineString{from[i], to[j]};
    };
    if (!hasNetwork()) {
        for (std::size_t i = 0; i < m.rows; ++i)
            for (std::size_t j = 0; j < m.cols; ++j) straight(i, j, false);
        return m;
    }
    impl_->network();
    const auto& segs = impl_->segments;
    const auto& nodes = impl_->nodes;
    // A walker may go either way along a one-way street: walking uses the
    // forward and the reversed adjacency, driving the forward one only.
    auto open = [&](const Segment& s) { return options.walking || !s.oneway; };
    std::vector<Snap> targets;
    targets.reserve(to.size());
    for (const Point& p : to) targets.push_back(impl_->snap(p));
    std::vector<double> dist(nodes.size(), kInf);
    std::vector<Index> pred(nodes.size(), kNone), touched;
    MinHeap heap;
    for (std::size_t i = 0; i < m.rows; ++i) {
        for (Index u : touched) {
            dist[u] = kInf;
            pred[u] = kNone;
        }
        touched.clear();
        const Snap sn = impl_->snap(from[i]);
        const Segment& s = segs[sn.seg];
        auto relax = [&](Index v, double d, Index via) {
            if (d < dist[v]) {
                if (dist[v] == kInf) touched.push_back(v);
                dist[v] = d;
                pred[v] = via;
                heap.emplace(d, v);
            }
        };
        relax(s.b, (1.0 - sn.t) * s.length, kNone);
        if (open(s)) relax(s.a, sn.t * s.length, kNone);
        while (!heap.empty()) {
            auto [d, u] = heap.top();
            heap.pop();
            if (d > dist[u]) continue;
            for (Index e = impl_->forward.offset[u]; e < impl_->forward.offset[u + 1]; ++e)
                relax(impl_->forward.target[e], d + impl_->forward.length[e], u);
            if (options.walking)
                for (Index e = impl_->reverse.offset[u]; e < impl_->reverse.offset[u + 1]; ++e)
                    relax(impl_->reverse.target[e], d + impl_->reverse.length[e], u);
        }
        const Point fromFoot = lerp(s.p0, s.p1, sn.t);
        for (std::size_t j = 0; j < m.cols; ++j) {
            const Snap& ts = targets[j];
            const Segment& q = segs[ts.seg];
            // How the target's foot is reached: from node a, from node b, or
            // directly along the segment both points snap to.
            double best = dist[q.a] + ts.t * q.length;
            Index end = q.a;
            bool direct = false;
            if (open(q) && dist[q.b] + (1.0 - ts.t) * q.length < best) {
                best = dist[q.b] + (1.0 - ts.t) * q.length;
                end = q.b;
            }
            if (ts.seg == sn.seg) {
                const double along = ts.t >= sn.t ? (ts.t - sn.t) * q.length
                                                  : (open(q) ? (sn.t - ts.t) * q.length : kInf);
                if (along <= best) {
                    best = along;
                    direct = true;
                }
            }
            if (!std::isfinite(best)) {
                straight(i, j, true);
                continue;
            }
            const std::size_t k = i * m.cols + j;
            m.distance[k] = sn.access + best + ts.access;
            if (!options.paths) continue;
            LineString& path = m.paths[k];
            auto add = [&path](const Point& p) {
                if (path.empty() || path.back().x() != p.x() || path.back().y() != p.y()) path.push_back(p);
            };
            add(from[i]);
            add(fromFoot);
            if (!direct) {
                std::vector<Index> chain;
                for (Index u = end; u != kNone; u = pred[u]) chain.push_back(u);
                for (auto it = chain.rbegin(); it != chain.rend(); ++it) add(nodes[*it]);
            }
            add(lerp(q.p0, q.p1, ts.t));
            add(to[j]);
            if (path.size() == 1) path.push_back(to[j]);  // the same point: a line of length 0
        }
    }
    return m;
}

std::size_t ContextIndex::segmentCount() const { return impl_->segs().size(); }
std::size_t ContextIndex::nodeCount() const {
    impl_->network();
    return impl_->nodes.size();
}
std::size_t ContextIndex::edgeCount() const {
    impl_->network();
    return impl_->forward.target.size();
}
void ContextIndex::buildNetwork(unsigned threads) const {
    if (threads < 2) {
        impl_->network();
        impl_->poiSnaps();
        return;
    }
    // Two independent halves: the nodes and graph here; the segment R-tree,
    // the POI snaps (they need only the tree) and the map windows' R-trees
    // by road class on a second thread.
    std::exception_ptr error;
    std::thread helper([&] {
        try {
            impl_->segTree();
            impl_->poiSnaps();
            impl_->rankTrees();
        } catch (...) {
            error = std::current_exception();
        }
    });
    try {
        impl_->network();
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (error) std::rethrow_exception(error);
}
void ContextIndex::prepare(const PoiFilter& filter) const {
    if (hasNetwork()) impl_->field(filter);
}

std::string describeTravel(const Travel& t, double detourFactor, const std::string& target) {
    auto metres = [](double d) { return kit::fmt(d, 2) + " m"; };
    if (t.estimated)
        return kit::say(t.unreachable ? QT_TRANSLATE_NOOP("rules", "%1 estimated: straight line %2 x %3 (the roads do not connect the site to it)")
                                      : QT_TRANSLATE_NOOP("rules", "%1 estimated: straight line %2 x %3 (no roads layer)"),
                        metres(t.distance), metres(t.straight), kit::fmt(detourFactor, 2));
    return kit::say(QT_TRANSLATE_NOOP("rules", "%1 along the roads (site to road %2, road to %3 %4)"), metres(t.distance), metres(t.siteAccess),
                    target, metres(t.poiAccess));

}

// --- Homes and liveability -------------------------------------------------------

std::vector<DwellingHit> ContextIndex::dwellingsWithin(const MultiPolygon& area, double radius,
                                                       const MultiPolygon& exclude) const {
    std::vector<DwellingHit> out;
    if (area.empty() || !(radius >= 0.0)) return out;
    Box box;
    bg::envelope(area, box);
    const Box grown(Point(box.min_corner().x() - radius, box.min_corner().y() - radius),
                    Point(box.max_corner().x() + radius, box.max_corner().y() + radius));
    std::vector<PointValue> found;
    impl_->dwellingTree().query(bgi::intersects(grown), std::back_inserter(found));
    for (const auto& v : found) {
        if (covers(exclude, v.first)) continue;
        const Closest cl = areaPoint(area, v.first);
        if (cl.d <= radius) out.push_back({v.second, cl.d, cl.first});
    }
    std::sort(out.begin(), out.end(), [](const DwellingHit& a, const DwellingHit& b) {
        return a.distance < b.distance || (a.distance == b.distance && a.dwelling < b.dwelling);
    });
    return out;
}

std::optional<DwellingHit> ContextIndex::nearestDwelling(const MultiPolygon& area, const MultiPolygon& exclude) const {
    const PointTree& tree = impl_->dwellingTree();
    if (tree.empty() || area.empty()) return std::nullopt;
    Box box;
    bg::envelope(area, box);
    Closest best;
    Index bestHome = kNone;
    auto outside = [&](const PointValue& v) { return !covers(exclude, v.first); };
    nearestRefined(
        tree, [&](unsigned k) { return bgi::nearest(box, k) && bgi::satisfies(outside); },
        [&](const PointValue& v) { return pointBoxDistance(v.first, box); },
        [&](const PointValue& v) {
            const Closest cl = areaPoint(area, v.first);
            if (cl.d < best.d || (cl.d == best.d && v.second < bestHome)) {
                best = cl;
                bestHome = v.second;
            }
        },
        best.d);
    if (bestHome == kNone) return std::nullopt;
    return DwellingHit{bestHome, best.d, best.first};
}

std::vector<std::pair<std::size_t, double>> ContextIndex::liveabilityNear(const Point& p, double radius) const {
    std::vector<std::pair<std::size_t, double>> out;
    if (!(radius >= 0.0)) return out;
    const Box box(Point(p.x() - radius, p.y() - radius), Point(p.x() + radius, p.y() + radius));
    std::vector<BoxValue> found;
    impl_->liveabilityTree().query(bgi::intersects(box), std::back_inserter(found));
    for (const auto& v : found) {
        const double d = areaPoint(context_.liveability[v.second].area, p).d;
        if (d <= radius) out.emplace_back(v.second, d);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second < b.second || (a.second == b.second && a.first < b.first);
    });
    return out;
}

}  // namespace vgscan
