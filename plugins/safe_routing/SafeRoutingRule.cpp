#include "SafeRoutingRule.h"

#include "WalkNetwork.h"
#include "WaysOut.h"
#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "model/Model.h"
#include "rules/RuleKit.h"
#include "scan/Budget.h"

#include <QObject>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <set>

namespace vgscan {

namespace {

using routing::NodeRole;
using routing::WalkNetwork;
namespace bgi = boost::geometry::index;

constexpr double kInf = std::numeric_limits<double>::infinity();
// Points on a wall are moved this far into the room, so they are inside the
// free space; it changes a walk by at most this much.
constexpr double kInset = 1e-3;

bool isSanitary(SpaceUse u) { return u == SpaceUse::Bathroom || u == SpaceUse::Wc || u == SpaceUse::Shower; }
bool isCirculation(SpaceUse u) { return u == SpaceUse::Corridor || u == SpaceUse::Hall || u == SpaceUse::Entrance; }
bool isShaft(const Space& s) { return (s.use == SpaceUse::Stair || s.use == SpaceUse::Lift) && !s.shaft.empty(); }

// Whether a storey has a way off it at all: a walkable opening to the outside
// on it, or a shaft space on it whose shaft reaches another storey.
bool storeyJoined(const FloorPlan& plan, int storey) {
    for (const auto& o : plan.openings)
        if (o.walkable() && o.storey == storey && (o.from == kOutside || o.to == kOutside)) return true;
    for (const auto& s : plan.spaces)
        if (isShaft(s) && s.storey == storey)
            for (const auto& t : plan.spaces)
                if (isShaft(t) && t.shaft == s.shaft && t.storey != storey) return true;
    return false;
}

// A point inside the space: its centroid, or (an L-shaped stair) the inset
// corner nearest to it.
Point interiorPoint(const Space& s) {
    Point c = kit::centroid(s.shape);
    if (bg::within(c, s.shape)) return c;
    Point best = c;
    double bestD = kInf;
    const auto& r = s.shape.outer();
    for (size_t i = 0; i + 1 < r.size(); ++i) {
        const Point& v = r[i];
        const Point& a = r[i == 0 ? r.size() - 2 : i - 1];
        const Point& b = r[i + 1];
        double ax = a.x() - v.x(), ay = a.y() - v.y(), bx = b.x() - v.x(), by = b.y() - v.y();
        double la = std::hypot(ax, ay), lb = std::hypot(bx, by);
        if (la <= 0 || lb <= 0) continue;
        for (double sign : {1.0, -1.0}) {
            double dx = ax / la + bx / lb, dy = ay / la + by / lb, l = std::hypot(dx, dy);
            if (l <= 1e-12) { dx = -ay / la; dy = ax / la; l = 1; }
            Point p(v.x() + sign * 0.05 * dx / l, v.y() + sign * 0.05 * dy / l);
            if (!bg::within(p, s.shape)) continue;
            double dd = bg::distance(p, c);
            if (dd < bestD) { bestD = dd; best = p; }
        }
    }
    return best;
}

// The convex corners of a space, each moved kInset into the space: where a
// dead end is farthest from its way out.
std::vector<Point> farCorners(const Space& s) {
    std::vector<Point> out;
    auto ring = [&](const auto& r) {
        size_t n = r.size() > 1 ? r.size() - 1 : 0;  // closed rings repeat the first point
        for (size_t i = 0; i < n; ++i) {
            const Point& v = r[i];
            const Point& a = r[(i + n - 1) % n];
            const Point& b = r[(i + 1) % n];
            double ax = a.x() - v.x(), ay = a.y() - v.y(), bx = b.x() - v.x(), by = b.y() - v.y();
            double la = std::hypot(ax, ay), lb = std::hypot(bx, by);
            if (la <= 0 || lb <= 0) continue;
            double dx = ax / la + bx / lb, dy = ay / la + by / lb, l = std::hypot(dx, dy);
            if (l <= 1e-9) continue;  // straight: not a corner
            Point p(v.x() + kInset * dx / l, v.y() + kInset * dy / l);
            if (bg::within(p, s.shape)) out.push_back(p);  // the bisector points in at convex corners only
        }
    };
    ring(s.shape.outer());
    for (const auto& h : s.shape.inners()) ring(h);
    return out;
}

// The point of the space's wall nearest to p, moved kInset into the space
// (where an exit door meets the room).
Point wallPointNear(const Space& s, const Point& p) {
    const auto& r = s.shape.outer();
    Point best = p;
    double bestD = kInf;
    for (size_t i = 0; i + 1 < r.size(); ++i) {
        double ax = r[i].x(), ay = r[i].y(), bx = r[i + 1].x(), by = r[i + 1].y();
        double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
        if (l2 <= 0) continue;
        double t = std::clamp(((p.x() - ax) * dx + (p.y() - ay) * dy) / l2, 0.0, 1.0);
        Point q(ax + t * dx, ay + t * dy);
        double dd = bg::distance(p, q);
        if (dd < bestD) {
            double l = std::sqrt(l2);
            Point in1(q.x() - kInset * dy / l, q.y() + kInset * dx / l);  // left of the edge
            Point in2(q.x() + kInset * dy / l, q.y() - kInset * dx / l);
            bestD = dd;
            best = bg::within(in1, s.shape) ? in1 : in2;
        }
    }
    return best;
}

// The space-opening graph with openings as nodes of their own, so that "no
// single space or opening" is plain vertex connectivity (Menger): nodes are
// the spaces, the outside, every walkable opening and every flight of a shaft.
struct Topology {
    int nSpaces = 0;
    int outside = 0;
    std::vector<std::string> names;
    std::vector<std::vector<int>> adj;

    explicit Topology(const BuildingGraph& g) {
        const FloorPlan& plan = g.plan();
        nSpaces = static_cast<int>(plan.spaces.size());
        outside = nSpaces;
        names.reserve(nSpaces + 1 + plan.openings.size());
        for (const auto& s : plan.spaces) names.push_back(s.id);
        names.push_back(kOutside);
        adj.resize(nSpaces + 1);
        for (int k = 0; k < static_cast<int>(plan.openings.size()); ++k) {
            const Opening& o = plan.openings[k];
            if (!o.walkable()) continue;
            int a = o.from == kOutside ? outside : g.indexOf(o.from);
            int b = o.to == kOutside ? outside : g.indexOf(o.to);
            if (a < 0 || b < 0 || a == b) continue;
            connect(a, b, kit::say(QT_TRANSLATE_NOOP("rules", "opening %1"), o.id));
        }
        std::map<std::string, std::vector<int>> shafts;
        for (int i = 0; i < nSpaces; ++i)
            if (isShaft(plan.spaces[i])) shafts[plan.spaces[i].shaft].push_back(i);
        for (auto& [id, spaces] : shafts) {
            std::sort(spaces.begin(), spaces.end(),
                      [&](int a, int b) { return plan.spaces[a].storey < plan.spaces[b].storey; });
            for (size_t i = 0; i + 1 < spaces.size(); ++i)
                connect(spaces[i], spaces[i + 1], kit::say(QT_TRANSLATE_NOOP("rules", "shaft %1 flight"), id));
        }
    }

    void connect(int a, int b, const std::string& name) {
        int m = static_cast<int>(adj.size());
        adj.emplace_back();
        names.push_back(name);
        adj[m] = {a, b};
        adj[a].push_back(m);
        adj[b].push_back(m);
    }

    // How many ways out (0, 1 or 2: we need no more) share no space or
    // opening, from the spaces in `from` (which count as one start) to the
    // outside. With exactly one, `cut` names a space or opening whose loss
    // cuts `from` off. From the block-cut tree, built once (WaysOut.h): the
    // same answers as a maximum flow per query, in time near the size of
    // the plan for all queries together instead of its square.
    int waysOut(const std::set<int>& from, int* cut) const {
        if (!ways) ways = std::make_unique<routing::WaysOut>(adj, outside);
        return ways->ways(std::vector<int>(from.begin(), from.end()), cut);
    }
    mutable std::unique_ptr<routing::WaysOut> ways;

    // Spaces reached from `start` through openings and flights, entering no
    // space for which `blocked` is true (the start is always entered).
    template <class Blocked>
    std::vector<int> reach(int start, Blocked blocked, std::vector<int>* parentOut = nullptr) const {
        std::vector<int> parent(adj.size(), -2);
        std::deque<int> q{start};
        parent[start] = -1;
        while (!q.empty()) {
            int u = q.front();
            q.pop_front();
            for (int v : adj[u]) {
                if (parent[v] != -2 || v == outside) continue;  // walks stay inside the building
                if (v < nSpaces && blocked(v)) continue;
                parent[v] = u;
                q.push_back(v);
            }
        }
        if (parentOut) *parentOut = parent;
        std::vector<int> seen;
        for (int i = 0; i < nSpaces; ++i)
            if (parent[i] != -2) seen.push_back(i);
        return seen;
    }
};

std::string joinIds(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

}  // namespace

RuleResult SafeRoutingRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const FloorPlan& plan = g.plan();
    const double maxWalk = ctx.params().number("max_walk_m");
    const double maxDeadEnd = ctx.params().number("max_dead_end_m");
    const bool requireTwoExits = ctx.params().flag("require_two_exits");
    const double storeyChange = ctx.params().number("storey_change_m");

    RuleResult r;
    r.unit = "m";
    r.threshold = kit::atMostText(maxWalk, maxWalk);
    const std::vector<int> bedrooms = g.spacesWithUse(SpaceUse::Bedroom);
    if (bedrooms.empty()) {
        r.status = Status::NotApplicable;
        r.summary = QT_TRANSLATE_NOOP("rules", "the plan has no bedrooms");
        return r;
    }
    const int nSpaces = static_cast<int>(plan.spaces.size());
    Topology topo(g);

    // --- The walking network -------------------------------------------------
    WalkNetwork net;
    for (int storey : plan.storeys()) net.addStorey(storey, g.freeSpace(storey));
    enum { kStaffSet = 1, kDeadEndSet = 2 };

    std::vector<int> postNode(plan.staffPosts.size(), -1), postSpace(plan.staffPosts.size(), -1);
    for (size_t i = 0; i < plan.staffPosts.size(); ++i) {
        const StaffPost& p = plan.staffPosts[i];
        postNode[i] = net.addPoint(p.storey, p.position, NodeRole::Source, kStaffSet);
        for (int s : g.spacesOnStorey(p.storey))
            if (bg::covered_by(p.position, plan.spaces[s].shape)) { postSpace[i] = s; break; }
    }
    // Bedroom doors: the openings into the bedroom from anything but its own
    // sanitary (a door from another bedroom counts: it is the way in).
    struct Door { int opening; int node; };
    std::map<int, std::vector<Door>> doorsOf;
    // A bedroom entered only through its sanitary (a bad plan, judged under
    // (d)) is measured at that door.
    for (int b : bedrooms) {
        bool onlySanitary = std::none_of(g.links(b).begin(), g.links(b).end(), [&](const BuildingGraph::Link& l) {
            return l.neighbour >= 0 && !isSanitary(g.space(l.neighbour).use);
        });
        for (const auto& l : g.links(b)) {
            if (l.neighbour < 0 || (!onlySanitary && isSanitary(g.space(l.neighbour).use))) continue;
            const Opening& o = plan.openings[l.opening];
            doorsOf[b].push_back({l.opening, net.addPoint(g.space(b).storey, o.position, NodeRole::Target, kStaffSet)});
        }
    }
    // Shafts: one node per stair or lift space, linked storey to storey.
    std::map<std::string, std::vector<int>> shafts;
    std::vector<int> shaftNode(nSpaces, -1);
    for (int i = 0; i < nSpaces; ++i)
        if (isShaft(plan.spaces[i])) shafts[plan.spaces[i].shaft].push_back(i);
    for (auto& [id, spaces] : shafts) {
        std::sort(spaces.begin(), spaces.end(),
                  [&](int a, int b) { return plan.spaces[a].storey < plan.spaces[b].storey; });
        int prev = -1;
        for (int s : spaces) {
            shaftNode[s] = net.addPoint(plan.spaces[s].storey, interiorPoint(plan.spaces[s]), NodeRole::Portal);
            if (prev >= 0 && shaftNode[prev] >= 0 && shaftNode[s] >= 0)
                net.addLink(shaftNode[prev], shaftNode[s],
                            storeyChange * std::abs(plan.spaces[s].storey - plan.spaces[prev].storey));
            prev = s;
        }
    }

    // --- (b) dead ends: where is there only one way out? ----------------------
    std::vector<bool> twoWays(nSpaces, false);
    bool anyExit = !topo.adj[topo.outside].empty();
    for (int s = 0; s < nSpaces; ++s) twoWays[s] = topo.waysOut({s}, nullptr) >= 2;
    std::vector<char> anchored(nSpaces, 0);           // spaces holding a point of interest
    std::vector<char> openingHasPoint(plan.openings.size(), 0);
    for (int s : postSpace)
        if (s >= 0) anchored[s] = 1;
    for (int s = 0; s < nSpaces; ++s)
        if (shaftNode[s] >= 0) anchored[s] = 1;
    for (const auto& [b, doors] : doorsOf)
        for (const Door& d : doors) openingHasPoint[d.opening] = 1;
    std::map<int, std::string> junctionName;  // network node -> where a second way out begins
    std::vector<int> junctions;
    for (int k = 0; k < static_cast<int>(plan.openings.size()); ++k) {
        const Opening& o = plan.openings[k];
        if (!o.walkable()) continue;
        int a = o.from == kOutside ? -1 : g.indexOf(o.from), b = o.to == kOutside ? -1 : g.indexOf(o.to);
        int node = -1;
        if (a >= 0 && b >= 0 && twoWays[a] != twoWays[b]) {
            node = net.addPoint(o.storey, o.position, NodeRole::Source, kDeadEndSet);
            openingHasPoint[k] = 1;
        } else if ((a < 0) != (b < 0)) {
            int in = a >= 0 ? a : b;
            if (in >= 0 && !twoWays[in]) {
                node = net.addPoint(plan.spaces[in].storey, wallPointNear(plan.spaces[in], o.position),
                                    NodeRole::Source, kDeadEndSet);
                anchored[in] = 1;
            }
        }
        if (node >= 0) {
            junctions.push_back(node);
            junctionName[node] = kit::say(QT_TRANSLATE_NOOP("rules", "opening %1"), o.id);
        }
    }
    // A flight from a storey with one way out down to a space with two.
    for (const auto& [id, spaces] : shafts)
        for (size_t i = 0; i + 1 < spaces.size(); ++i) {
            int a = spaces[i], b = spaces[i + 1];
            if (twoWays[a] == twoWays[b]) continue;
            int node = shaftNode[twoWays[a] ? a : b];
            if (node < 0) continue;
            junctions.push_back(node);
            junctionName[node] = kit::say(QT_TRANSLATE_NOOP("rules", "shaft %1 at %2"), id, plan.spaces[twoWays[a] ? a : b].id);
        }
    struct Far { int space; int node; };
    std::vector<Far> farPoints;
    for (int s = 0; s < nSpaces; ++s) {
        if (twoWays[s] || !isCirculation(plan.spaces[s].use)) continue;
        for (const Point& p : farCorners(plan.spaces[s]))
            farPoints.push_back({s, net.addPoint(plan.spaces[s].storey, p, NodeRole::Target, kDeadEndSet)});
        anchored[s] = 1;
    }

    // Rooms no shortest walk between the points of interest enters: peel the
    // spaces with a single way in and no such point, until none is left (a
    // bathroom, then the bedroom in front of it; a walk would have to leave by
    // the door it came in). Their corners leave the network: the same walks
    // on far fewer nodes. A peeled room whose door holds a point (a bedroom
    // door) keeps the space on the other side.
    {
        std::vector<int> degree(nSpaces, 0);
        for (int s = 0; s < nSpaces; ++s)
            for (const auto& l : g.links(s))
                if (l.neighbour >= 0 && l.neighbour != s) ++degree[s];
        std::vector<char> dead(nSpaces, 0);
        std::deque<int> leaves;
        for (int s = 0; s < nSpaces; ++s)
            if (!anchored[s] && degree[s] <= 1) leaves.push_back(s);
        while (!leaves.empty()) {
            int s = leaves.front();
            leaves.pop_front();
            if (dead[s] || anchored[s]) continue;
            dead[s] = 1;
            for (const auto& l : g.links(s)) {
                int nb = l.neighbour;
                if (nb < 0 || nb == s || dead[nb]) continue;
                if (openingHasPoint[l.opening]) anchored[nb] = 1;
                if (--degree[nb] <= 1 && !anchored[nb]) leaves.push_back(nb);
            }
        }
        for (int storey : plan.storeys()) {
            // R-trees of the dead and live spaces' boxes: a corner asks only
            // the spaces whose box holds it (every corner against every
            // space grew with the square of the plan).
            using ShapeBox = std::pair<Box, const Polygon*>;
            std::vector<ShapeBox> deadShapes, liveShapes;
            for (int s : g.spacesOnStorey(storey)) {
                Box b;
                bg::envelope(plan.spaces[s].shape, b);
                b.min_corner() = Point(b.min_corner().x() - 1e-6, b.min_corner().y() - 1e-6);
                b.max_corner() = Point(b.max_corner().x() + 1e-6, b.max_corner().y() + 1e-6);
                (dead[s] ? deadShapes : liveShapes).push_back({b, &plan.spaces[s].shape});
            }
            if (deadShapes.empty()) continue;
            using ShapeTree = bgi::rtree<ShapeBox, bgi::quadratic<16>>;
            const ShapeTree deadTree(deadShapes), liveTree(liveShapes);
            auto near = [](const ShapeTree& shapes, const Point& p) {
                for (auto it = shapes.qbegin(bgi::intersects(p)); it != shapes.qend(); ++it)
                    if (bg::distance(p, *it->second) <= 1e-6) return true;
                return false;
            };
            net.dropCorners(storey, [&](const Point& p) { return near(deadTree, p) && !near(liveTree, p); });
        }
    }

    net.build();

    // --- (a) the walk from the group's posts to each bedroom door ------------
    // A post serves its own group; a post without a group serves every group.
    auto serves = [&](const StaffPost& p, const Space& bed) {
        return p.group.empty() || bed.group.empty() || p.group == bed.group;
    };
    std::vector<WalkNetwork::Tree> trees;
    trees.reserve(plan.staffPosts.size());
    for (int n : postNode) trees.push_back(n >= 0 ? net.shortestFrom({n}) : WalkNetwork::Tree{});

    const bool anyPost = !plan.staffPosts.empty();
    double longest = -1;
    int longestBed = -1, longestPost = -1, longestNode = -1;
    int overLimit = 0, unreachable = 0;
    for (int b : bedrooms) {
        const Space& bed = g.space(b);
        if (!anyPost) break;
        double best = kInf;
        int bestPost = -1, bestNode = -1, bestOpening = -1;
        const bool groupHasPost = std::any_of(plan.staffPosts.begin(), plan.staffPosts.end(),
                                              [&](const StaffPost& p) { return serves(p, bed); });
        for (size_t i = 0; i < plan.staffPosts.size(); ++i) {
            // No post of the group at all: the nearest post of any group (and a finding).
            if (postNode[i] < 0 || (groupHasPost && !serves(plan.staffPosts[i], bed))) continue;
            for (const Door& d : doorsOf[b])
                if (d.node >= 0 && trees[i].dist[d.node] < best) {
                    best = trees[i].dist[d.node];
                    bestPost = static_cast<int>(i);
                    bestNode = d.node;
                    bestOpening = d.opening;
                }
        }
        Finding f;
        f.object = bed.id;
        f.objectType = "space";
        f.storey = bed.storey;
        f.expected = kit::say(QT_TRANSLATE_NOOP("rules", "<= %1 m from a staff post of the group"), kit::fmt(maxWalk, 1));
        if (best == kInf) {
            ++unreachable;
            f.location = markerPoint(bed.shape);
            f.message = doorsOf[b].empty() ? QT_TRANSLATE_NOOP("rules", "bedroom has no door inside the building")
                                            : QT_TRANSLATE_NOOP("rules", "no walking route from any staff post to the door of this bedroom");
            f.observed = QT_TRANSLATE_NOOP("rules", "unreachable");
            r.findings.push_back(std::move(f));
            continue;
        }
        if (best > longest) {
            longest = best;
            longestBed = b;
            longestPost = bestPost;
            longestNode = bestNode;
        }
        const StaffPost& post = plan.staffPosts[bestPost];
        if (best > maxWalk + 1e-9 || !groupHasPost) {
            f.location = plan.openings[bestOpening].position;
            f.observed = kit::fmt(best, 2) + " m";
            if (best > maxWalk + 1e-9) {
                ++overLimit;
                f.message = kit::say(QT_TRANSLATE_NOOP("rules", "walk from staff post %1 to the door of this bedroom (opening %2) is %3 m"), post.id,
                                     plan.openings[bestOpening].id, kit::fmt(best, 2));
            } else {
                f.message = kit::say(QT_TRANSLATE_NOOP("rules", "group %1 has no staff post of its own; nearest post %2 is %3 m away"), bed.group,
                                     post.id, kit::fmt(best, 2));
            }
            r.findings.push_back(std::move(f));
        }
    }
    if (longestBed >= 0) {
        Shape route;
        route.label = QT_TRANSLATE_NOOP("rules", "longest walk from a staff post to a bedroom door");
        route.object = g.space(longestBed).id;
        route.storey = g.space(longestBed).storey;
        for (int n : net.route(trees[longestPost], longestNode)) route.line.push_back(net.point(n));
        r.shapes.push_back(std::move(route));
    }

    // --- (b) longest dead end --------------------------------------------------
    double deadEnd = 0;
    int deadEndSpace = -1, deadEndNode = -1;
    WalkNetwork::Tree fromJunctions;
    if (!farPoints.empty() && !junctions.empty()) {
        fromJunctions = net.shortestFrom(junctions);
        for (const Far& fp : farPoints)
            if (fp.node >= 0 && fromJunctions.dist[fp.node] < kInf && fromJunctions.dist[fp.node] > deadEnd) {
                deadEnd = fromJunctions.dist[fp.node];
                deadEndSpace = fp.space;
                deadEndNode = fp.node;
            }
    }
    const bool deadEndOver = deadEnd > maxDeadEnd + 1e-9;
    if (deadEndSpace >= 0) {
        auto path = net.route(fromJunctions, deadEndNode);
        Shape s;
        s.label = QT_TRANSLATE_NOOP("rules", "longest dead end");
        s.object = plan.spaces[deadEndSpace].id;
        s.storey = plan.spaces[deadEndSpace].storey;
        for (auto it = path.rbegin(); it != path.rend(); ++it) s.line.push_back(net.point(*it));
        r.shapes.push_back(std::move(s));
        if (deadEndOver) {
            Finding f;
            f.object = plan.spaces[deadEndSpace].id;
            f.objectType = "space";
            f.storey = plan.spaces[deadEndSpace].storey;
            f.location = net.point(deadEndNode);
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "dead end: %1 m from the far end of %2 to where a second way out begins (%3)"),
                                 kit::fmt(deadEnd, 2), f.object, junctionName[path.front()]);
            f.expected = "<= " + kit::fmt(maxDeadEnd, 1) + " m";
            f.observed = kit::fmt(deadEnd, 2) + " m";
            r.findings.push_back(std::move(f));
        }
    }

    // --- (c) two independent ways out per bedroom ---------------------------------
    // The walk starts in the bedroom and the space(s) its doors open onto (the
    // corridor in front of the door): beyond them, no single space or opening
    // may cut the bedroom off from every exit.
    int withoutTwoWays = 0;
    for (int b : bedrooms) {
        std::set<int> start{b};
        for (const auto& l : g.links(b))
            if (l.neighbour >= 0 && !isSanitary(g.space(l.neighbour).use)) start.insert(l.neighbour);
        int cut = -1;
        int ways = topo.waysOut(start, &cut);
        if (ways >= 2) continue;
        ++withoutTwoWays;
        Finding f;
        const Space& bed = g.space(b);
        f.object = bed.id;
        f.objectType = "space";
        f.storey = bed.storey;
        f.location = markerPoint(bed.shape);
        f.expected = QT_TRANSLATE_NOOP("rules", "two independent ways out");
        if (ways == 0) {
            f.message = QT_TRANSLATE_NOOP("rules", "no way out of the building from this bedroom");
            // An IFC model rarely makes its stair a space on every storey: an
            // upper storey then joins nothing, and the cause is that, not the room.
            if (!storeyJoined(plan, bed.storey))
                f.message = kit::say(QT_TRANSLATE_NOOP("rules", "%1: storey %2 has no door to the outside and no stair or lift "
                                                                "with a 'shaft' id joining it to another storey"),
                                     f.message, std::to_string(bed.storey));
            f.observed = QT_TRANSLATE_NOOP("rules", "none");
        } else {
            std::string what = cut >= 0 ? topo.names[cut] : std::string(QT_TRANSLATE_NOOP("rules", "one element"));
            if (cut >= 0 && cut < nSpaces) what = kit::say(QT_TRANSLATE_NOOP("rules", "space %1"), what);
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "one way out only: losing %1 cuts this bedroom off from every exit"), what);
            f.observed = kit::say(QT_TRANSLATE_NOOP("rules", "one, through %1"), what);
        }
        if (!requireTwoExits) f.message = kit::say(QT_TRANSLATE_NOOP("rules", "%1 (not required by the rule set)"), f.message);
        r.findings.push_back(std::move(f));
    }

    // --- (d) staff routes avoid other bedrooms and bathrooms ----------------
    int throughPrivate = 0;
    for (int b : bedrooms) {
        if (!anyPost) break;
        const Space& bed = g.space(b);
        bool anyServes = std::any_of(plan.staffPosts.begin(), plan.staffPosts.end(),
                                     [&](const StaffPost& p) { return serves(p, bed); });
        bool clean = false, reachableAtAll = false;
        std::vector<std::string> passed;
        for (size_t i = 0; i < plan.staffPosts.size() && !clean; ++i) {
            // A search of the building per bedroom and post: bounded by the site's time budget.
            budget::check("running rule 'safe_routing' (staff routes per bedroom)");
            if (postSpace[i] < 0 || (anyServes && !serves(plan.staffPosts[i], bed))) continue;
            int start = postSpace[i];
            auto allowed = topo.reach(start, [&](int s) {
                return s != b && (g.space(s).use == SpaceUse::Bedroom || isSanitary(g.space(s).use));
            });
            if (std::find(allowed.begin(), allowed.end(), b) != allowed.end()) { clean = true; break; }
            std::vector<int> parent;
            auto any = topo.reach(start, [](int) { return false; }, &parent);
            if (std::find(any.begin(), any.end(), b) == any.end() || reachableAtAll) continue;
            reachableAtAll = true;
            for (int v = parent[b]; v >= 0; v = parent[v])
                if (v < nSpaces && v != start &&
                    (g.space(v).use == SpaceUse::Bedroom || isSanitary(g.space(v).use)))
                    passed.insert(passed.begin(), g.space(v).id);
        }
        if (clean || !reachableAtAll) continue;  // unreachable bedrooms are reported under (a)
        ++throughPrivate;
        Finding f;
        f.object = bed.id;
        f.objectType = "space";
        f.storey = bed.storey;
        f.location = markerPoint(bed.shape);
        f.message = kit::say(QT_TRANSLATE_NOOP("rules", "staff reach this bedroom only through %1"), joinIds(passed));
        f.expected = QT_TRANSLATE_NOOP("rules", "a route from the staff post through no other bedroom or bathroom");
        f.observed = kit::say(QT_TRANSLATE_NOOP("rules", "through %1"), joinIds(passed));
        r.findings.push_back(std::move(f));
    }

    // --- (e) residents reach their own living room within their group -------
    int throughOtherGroup = 0;
    for (int b : bedrooms) {
        const Space& bed = g.space(b);
        if (bed.group.empty()) continue;
        budget::check("running rule 'safe_routing' (residents' routes per bedroom)");
        std::vector<int> livings;
        for (int s : g.groups().at(bed.group))
            if (g.space(s).use == SpaceUse::Living) livings.push_back(s);
        if (livings.empty()) continue;
        auto own = topo.reach(b, [&](int s) { return !g.space(s).group.empty() && g.space(s).group != bed.group; });
        auto hit = [&](const std::vector<int>& seen) {
            return std::any_of(livings.begin(), livings.end(),
                               [&](int l) { return std::find(seen.begin(), seen.end(), l) != seen.end(); });
        };
        if (hit(own)) continue;
        std::vector<int> parent;
        auto any = topo.reach(b, [](int) { return false; }, &parent);
        if (!hit(any)) continue;
        int living = -1;
        for (int l : livings)
            if (parent[l] != -2) { living = l; break; }
        std::vector<std::string> crossed;
        for (int v = parent[living]; v >= 0; v = parent[v])
            if (v < nSpaces && v != b && !g.space(v).group.empty() && g.space(v).group != bed.group)
                crossed.insert(crossed.begin(), g.space(v).id);
        ++throughOtherGroup;
        Finding f;
        f.object = bed.id;
        f.objectType = "space";
        f.storey = bed.storey;
        f.location = markerPoint(bed.shape);
        f.message = kit::say(QT_TRANSLATE_NOOP("rules", "the way to the group's living room %1 crosses another group's %2"), g.space(living).id,
                             joinIds(crossed));
        f.expected = kit::say(QT_TRANSLATE_NOOP("rules", "a route within group %1"), bed.group);
        f.observed = kit::say(QT_TRANSLATE_NOOP("rules", "through %1"), joinIds(crossed));
        r.findings.push_back(std::move(f));
    }

    // --- Figures and status --------------------------------------------------
    const int nBed = static_cast<int>(bedrooms.size());
    r.figures.push_back({"bedrooms", static_cast<double>(nBed), ""});
    if (longest >= 0) r.figures.push_back({"longest_walk_m", longest, "m"});
    r.figures.push_back({"bedrooms_over_walk_limit", static_cast<double>(overLimit), ""});
    r.figures.push_back({"bedrooms_unreachable", static_cast<double>(unreachable), ""});
    if (anyExit) r.figures.push_back({"longest_dead_end_m", deadEnd, "m"});
    r.figures.push_back({"bedrooms_without_two_ways_out", static_cast<double>(withoutTwoWays), ""});
    r.figures.push_back({"bedrooms_reached_through_private_rooms", static_cast<double>(throughPrivate), ""});
    r.figures.push_back({"bedrooms_route_through_other_group", static_cast<double>(throughOtherGroup), ""});
    r.figures.push_back({"walk_network_nodes", static_cast<double>(net.nodeCount()), ""});
    r.figures.push_back({"walk_network_edges", static_cast<double>(net.edgeCount()), ""});

    if (!anyPost) {
        r.status = Status::Unknown;
        Finding f;
        f.object = plan.name;
        f.objectType = "plan";
        f.message = QT_TRANSLATE_NOOP("rules", "the plan has bedrooms but no staff post: the walk from the staff cannot be measured");
        f.expected = QT_TRANSLATE_NOOP("rules", "a staff post per group");
        f.observed = QT_TRANSLATE_NOOP("rules", "none");
        r.findings.insert(r.findings.begin(), std::move(f));
        r.summary = QT_TRANSLATE_NOOP("rules", "no staff post in the plan");

        return r;
    }
    if (longest >= 0) r.value = longest;
    const bool gateFails = overLimit > 0 || unreachable > 0 || (requireTwoExits && withoutTwoWays > 0) ||
                           throughPrivate > 0;
    r.status = gateFails ? Status::Fail : (deadEndOver ? Status::Warn : Status::Pass);
    // The headline is the walk; when another measure fails or warns, the
    // threshold names it with its figure, else "fail: 24.6 m (needs <= 25)"
    // reads as a walk that passes.
    if (unreachable > 0)
        r.threshold += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "every bedroom reached from a staff post (%1 not reached)"),
                                       std::to_string(unreachable));
    if (requireTwoExits && withoutTwoWays > 0)
        r.threshold += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "two ways out from every bedroom (%1 of %2 have them)"),
                                       std::to_string(nBed - withoutTwoWays), std::to_string(nBed));
    if (throughPrivate > 0)
        r.threshold += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "staff reach every bedroom through no other bedroom or bathroom (%1 not)"),
                                       std::to_string(throughPrivate));
    if (deadEndOver)
        r.threshold += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "dead end <= %1 m (%2 m)"), kit::fmt(maxDeadEnd, 1),
                                       kit::fmt(deadEnd, 1));
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "longest walk from a staff post to a bedroom door %1"),
                         longest >= 0 ? kit::fmt(longest, 1) + " m" : std::string(QT_TRANSLATE_NOOP("rules", "not measurable"))) +
                "; " + kit::say(QT_TRANSLATE_NOOP("rules", "longest dead end %1 m"), kit::fmt(deadEnd, 1)) + "; " +
                kit::say(QT_TRANSLATE_NOOP("rules", "%1 of %2 bedrooms with two ways out"), std::to_string(nBed - withoutTwoWays),
                         std::to_string(nBed));
    if (throughPrivate > 0)
        r.summary += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "%1 reached only through a bedroom or bathroom"), std::to_string(throughPrivate));

    return r;
}

class SafeRoutingPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<SafeRoutingRule>(); }
};

}  // namespace vgscan

#include "SafeRoutingRule.moc"
