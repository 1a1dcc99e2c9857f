#include "derive/BuildingGraph.h"

#include <boost/geometry.hpp>
#include <boost/geometry/algorithms/detail/overlay/needs_self_turns.hpp>

#include <cmath>
#include <stdexcept>

namespace vgscan {

namespace {

// One half of a cascaded union as bg::union_ reads it: its polygons, and
// whether they are known to have no self turns (see cascadedUnion).
struct UnionHalf {
    using const_iterator = MultiPolygon::const_iterator;
    using iterator = const_iterator;
    const MultiPolygon* polygons;
    bool noSelfTurns;
    const_iterator begin() const { return polygons->begin(); }
    const_iterator end() const { return polygons->end(); }
};

}  // namespace
}  // namespace vgscan

namespace boost::geometry {
namespace traits {
template <>
struct tag<vgscan::UnionHalf> {
    using type = multi_polygon_tag;
};
}  // namespace traits
namespace detail::overlay {
// Boost.Geometry looks for the turns of a multi-polygon's polygons with each
// other (self turns) in every overlay that finds turns between its inputs; a
// half whose polygons are known to meet nowhere has none to find.
template <>
struct needs_self_turns<vgscan::UnionHalf, multi_polygon_tag> {
    static bool apply(const vgscan::UnionHalf& half) {
        return !half.noSelfTurns && needs_self_turns<vgscan::MultiPolygon>::apply(*half.polygons);
    }
};
}  // namespace detail::overlay
}  // namespace boost::geometry

namespace vgscan {

namespace {

// Nearest outer-ring edge of `poly` to `p`: its unit direction.
Point nearestEdgeDirection(const Polygon& poly, const Point& p) {
    const auto& ring = poly.outer();
    double best = 1e300;
    Point dir{1.0, 0.0};
    for (size_t i = 0; i + 1 < ring.size(); ++i) {
        bg::model::segment<Point> seg(ring[i], ring[i + 1]);
        double d = bg::distance(p, seg);
        if (d < best) {
            best = d;
            double dx = ring[i + 1].x() - ring[i].x(), dy = ring[i + 1].y() - ring[i].y();
            double len = std::hypot(dx, dy);
            if (len > 0) dir = Point(dx / len, dy / len);
        }
    }
    return dir;
}

// A rectangle on the doorway line, deep enough to bridge the wall gap to both
// spaces: the line is moved to either side by the distance to each space.
Polygon makeDoorway(const Opening& o, const Space* a, const Space* b) {
    Point c = o.position;
    Point dir;
    double half;
    if (o.line.size() >= 2) {
        const Point& p0 = o.line.front();
        const Point& p1 = o.line.back();
        double dx = p1.x() - p0.x(), dy = p1.y() - p0.y();
        double len = std::hypot(dx, dy);
        if (len <= 0) return {};
        dir = Point(dx / len, dy / len);
        half = len / 2;
        c = Point((p0.x() + p1.x()) / 2, (p0.y() + p1.y()) / 2);
    } else {
        const Space* s = a ? a : b;
        if (!s || o.width <= 0) return {};
        dir = nearestEdgeDirection(s->shape, c);
        half = o.width / 2;
    }
    Point normal(-dir.y(), dir.x());
    double depth = 0.02;
    for (const Space* s : {a, b})
        if (s) depth = std::max(depth, bg::distance(c, s->shape) + 0.02);
    depth = std::min(depth, 1.0);  // a wall is never thicker than this
    Polygon r;
    auto at = [&](double u, double v) {
        return Point(c.x() + dir.x() * u + normal.x() * v, c.y() + dir.y() * u + normal.y() * v);
    };
    r.outer() = {at(-half, -depth), at(half, -depth), at(half, depth), at(-half, depth), at(-half, -depth)};
    bg::correct(r);
    return r;
}

// Union of many polygons by merging halves (a cascaded union): adding them one
// by one to a growing result is quadratic. Two halves that cannot meet are put
// side by side without an overlay (see Union): with SkipApart when the halves'
// boxes are apart, with SkipPolygonsApart (and NoSelfTurnsApart) when each
// polygon's box of one half is apart from each polygon's box of the other.
//
// NoSelfTurnsApart also marks a half whose polygons have no holes and boxes
// apart from each other by more than `margin` (pieces put side by side, or
// what a union gave): bg::union_ then does not look for turns of its polygons
// with each other (self turns), for there are none to find. Boost.Geometry
// rounds coordinates to a grid of at most 2e-7 times the larger side of the
// inputs' box before it looks (get_rescale_policy: 1e7 steps, rounded), so
// boxes apart by more than 1e-6 times the storey's larger side stay apart on
// that grid, and polygons within them share no point. Within one polygon,
// Boost.Geometry itself never looks for self turns of a lone polygon without
// holes (needs_self_turns); a valid ring has none unless two of its edges
// come within a grid step of each other.
MultiPolygon cascadedUnion(std::vector<MultiPolygon> parts, BuildingGraph::Union how) {
    using Union = BuildingGraph::Union;
    if (parts.empty()) return {};
    const bool skip = how != Union::EveryPair,
               byPolygon = how == Union::SkipPolygonsApart || how == Union::NoSelfTurnsApart,
               selfTurnsKnown = how == Union::NoSelfTurnsApart;
    // Per half: its box, and with byPolygon its polygons' boxes.
    std::vector<Box> boxes(parts.size());
    std::vector<std::vector<Box>> polygonBoxes(byPolygon ? parts.size() : 0);
    auto boxesOf = [](const MultiPolygon& mp, std::vector<Box>& out) {
        out.resize(mp.size());
        for (std::size_t k = 0; k < mp.size(); ++k) bg::envelope(mp[k], out[k]);
    };
    if (skip)
        for (size_t i = 0; i < parts.size(); ++i) {
            bg::envelope(parts[i], boxes[i]);
            if (byPolygon) boxesOf(parts[i], polygonBoxes[i]);
        }
    // No polygon of one half meets (or touches) a polygon of the other: the
    // overlay finds no turn and no ring inside the other half.
    auto apart = [&](size_t i, size_t j) {
        if (!bg::intersects(boxes[i], boxes[j])) return true;
        if (!byPolygon) return false;
        for (const Box& a : polygonBoxes[i]) {
            if (!bg::intersects(a, boxes[j])) continue;
            for (const Box& b : polygonBoxes[j])
                if (bg::intersects(a, b)) return false;
        }
        return true;
    };
    // With selfTurnsKnown: per half, whether its polygons have no self turns
    // (see above). `margin`: the gap between boxes that keeps them apart on
    // Boost.Geometry's grid (infinite, so never met, when the storey's size is
    // not a positive number).
    double margin = HUGE_VAL;
    if (selfTurnsKnown) {
        Box all = boxes.front();
        for (const Box& b : boxes) bg::expand(all, b);
        const double side = std::max(all.max_corner().x() - all.min_corner().x(),
                                     all.max_corner().y() - all.min_corner().y());
        if (std::isfinite(side) && side > 0) margin = 1e-6 * side;
    }
    auto gapAbove = [&](const Box& a, const Box& b) {
        return b.min_corner().x() - a.max_corner().x() > margin || a.min_corner().x() - b.max_corner().x() > margin ||
               b.min_corner().y() - a.max_corner().y() > margin || a.min_corner().y() - b.max_corner().y() > margin;
    };
    // Each polygon's box of half i more than `margin` away from each of half j's.
    auto apartByMargin = [&](size_t i, size_t j) {
        for (const Box& a : polygonBoxes[i])
            for (const Box& b : polygonBoxes[j])
                if (!gapAbove(a, b)) return false;
        return true;
    };
    // No holes, and each polygon's box more than `margin` away from the others'.
    auto selfTurnFree = [&](const MultiPolygon& mp, const std::vector<Box>& polygonBoxes) {
        for (const auto& poly : mp)
            if (!poly.inners().empty()) return false;
        for (std::size_t a = 0; a < polygonBoxes.size(); ++a)
            for (std::size_t b = a + 1; b < polygonBoxes.size(); ++b)
                if (!gapAbove(polygonBoxes[a], polygonBoxes[b])) return false;
        return true;
    };
    std::vector<char> noSelfTurns(selfTurnsKnown ? parts.size() : 0);
    for (size_t i = 0; i < noSelfTurns.size(); ++i) noSelfTurns[i] = selfTurnFree(parts[i], polygonBoxes[i]);
    while (parts.size() > 1) {
        std::vector<MultiPolygon> next;
        std::vector<Box> nextBoxes;
        std::vector<std::vector<Box>> nextPolygonBoxes;
        std::vector<char> nextNoSelfTurns;
        next.reserve((parts.size() + 1) / 2);
        for (size_t i = 0; i + 1 < parts.size(); i += 2) {
            MultiPolygon u;
            const bool sideBySide = skip && !parts[i].empty() && !parts[i + 1].empty() && apart(i, i + 1);
            if (selfTurnsKnown)  // a union's result is judged below
                nextNoSelfTurns.push_back(sideBySide && noSelfTurns[i] && noSelfTurns[i + 1] && apartByMargin(i, i + 1));
            if (sideBySide) {
                u = std::move(parts[i]);
                u.insert(u.end(), std::make_move_iterator(parts[i + 1].begin()),
                         std::make_move_iterator(parts[i + 1].end()));
            } else if (selfTurnsKnown) {
                bg::union_(UnionHalf{&parts[i], noSelfTurns[i] != 0}, UnionHalf{&parts[i + 1], noSelfTurns[i + 1] != 0}, u);
            } else {
                bg::union_(parts[i], parts[i + 1], u);
            }
            if (skip) {
                Box b = boxes[i];
                bg::expand(b, boxes[i + 1]);
                nextBoxes.push_back(b);
            }
            if (byPolygon) {
                std::vector<Box> pb;
                if (sideBySide) {
                    pb = std::move(polygonBoxes[i]);
                    pb.insert(pb.end(), polygonBoxes[i + 1].begin(), polygonBoxes[i + 1].end());
                } else {
                    boxesOf(u, pb);
                    if (selfTurnsKnown) nextNoSelfTurns.back() = selfTurnFree(u, pb);
                }
                nextPolygonBoxes.push_back(std::move(pb));
            }
            next.push_back(std::move(u));
        }
        if (parts.size() % 2) {
            next.push_back(std::move(parts.back()));
            if (skip) nextBoxes.push_back(boxes.back());
            if (byPolygon) nextPolygonBoxes.push_back(std::move(polygonBoxes.back()));
            if (selfTurnsKnown) nextNoSelfTurns.push_back(noSelfTurns.back());
        }
        parts = std::move(next);
        boxes = std::move(nextBoxes);
        polygonBoxes = std::move(nextPolygonBoxes);
        noSelfTurns = std::move(nextNoSelfTurns);
    }
    return std::move(parts.front());
}

}  // namespace

BuildingGraph::BuildingGraph(const FloorPlan& plan) : plan_(plan) {
    const auto n = static_cast<int>(plan.spaces.size());
    links_.resize(n);
    for (int i = 0; i < n; ++i) {
        const Space& s = plan.spaces[i];
        index_.emplace(s.id, i);
        byStorey_[s.storey].push_back(i);
        if (!s.group.empty()) groups_[s.group].push_back(i);
    }
    doorways_.resize(plan.openings.size());
    for (int k = 0; k < static_cast<int>(plan.openings.size()); ++k) {
        const Opening& o = plan.openings[k];
        int a = o.from == vgscan::kOutside ? kOutsideNode : indexOf(o.from);
        int b = o.to == vgscan::kOutside ? kOutsideNode : indexOf(o.to);
        if (!o.walkable()) continue;
        const Space* sa = a >= 0 ? &plan.spaces[a] : nullptr;
        const Space* sb = b >= 0 ? &plan.spaces[b] : nullptr;
        doorways_[k] = makeDoorway(o, sa, sb);
        if (a >= 0) links_[a].push_back({k, b});
        if (b >= 0) links_[b].push_back({k, a});
    }
    for (const auto& entry : byStorey_) freeSpace_.emplace(entry.first, std::make_unique<FreeSpace>());
}

int BuildingGraph::indexOf(const std::string& spaceId) const {
    auto it = index_.find(spaceId);
    return it == index_.end() ? -1 : it->second;
}

std::vector<int> BuildingGraph::neighbours(int space) const {
    std::vector<int> out;
    for (const auto& l : links_.at(space))
        if (l.neighbour >= 0) out.push_back(l.neighbour);
    return out;
}

std::map<std::string, std::vector<int>> BuildingGraph::livingGroups() const {
    if (groups_.empty()) {
        std::vector<int> all(plan_.spaces.size());
        for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
        return {{kWholePlan, all}};
    }
    auto out = groups_;
    std::vector<int> ungrouped;
    bool ungroupedBedroom = false;
    for (int i = 0; i < static_cast<int>(plan_.spaces.size()); ++i)
        if (plan_.spaces[i].group.empty()) {
            ungrouped.push_back(i);
            ungroupedBedroom |= plan_.spaces[i].use == SpaceUse::Bedroom;
        }
    if (ungroupedBedroom) out[kNoGroup] = ungrouped;
    return out;
}

BuildingGraph::PrivateUnit BuildingGraph::privateUnit(int bedroom, const std::function<bool(SpaceUse)>& ofKind) const {
    PrivateUnit u;
    double narrowest = 1e300;
    std::set<int> seen{bedroom};
    std::vector<int> stack{bedroom};
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        if (s != bedroom) {
            u.spaces.push_back(s);
            u.area += plan_.spaces[s].area;
        }
        for (const auto& l : links_.at(s)) {
            const bool inUnit = l.neighbour != kOutsideNode && ofKind(plan_.spaces[l.neighbour].use);
            if (s == bedroom && inUnit) narrowest = std::min(narrowest, plan_.openings[l.opening].width);
            if (seen.count(l.neighbour)) continue;
            if (inUnit) {
                seen.insert(l.neighbour);
                stack.push_back(l.neighbour);
            } else if (s != bedroom) {
                u.alsoOnto.insert(l.neighbour);  // the bedroom's own other doors do not matter
            }
        }
    }
    u.narrowestEntry = u.spaces.empty() ? 0.0 : narrowest;
    return u;
}

std::vector<int> BuildingGraph::spacesWithUse(SpaceUse use) const {
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(plan_.spaces.size()); ++i)
        if (plan_.spaces[i].use == use) out.push_back(i);
    return out;
}

const std::vector<int>& BuildingGraph::spacesOnStorey(int storey) const {
    static const std::vector<int> none;
    auto it = byStorey_.find(storey);
    return it == byStorey_.end() ? none : it->second;
}

const MultiPolygon& BuildingGraph::freeSpace(int storey) const {
    static const MultiPolygon none;
    auto it = freeSpace_.find(storey);
    if (it == freeSpace_.end()) return none;
    FreeSpace& slot = *it->second;
    std::call_once(slot.once, [&] { slot.area = makeFreeSpace(storey, Union::NoSelfTurnsApart); });
    return slot.area;
}

MultiPolygon BuildingGraph::makeFreeSpace(int storey, Union how) const {
    auto it = byStorey_.find(storey);
    if (it == byStorey_.end()) return {};
    // Spaces plus the doorway strips between two spaces of this storey.
    std::vector<MultiPolygon> parts;
    for (int i : it->second) parts.push_back(MultiPolygon{plan_.spaces[i].shape});
    for (int k = 0; k < static_cast<int>(plan_.openings.size()); ++k) {
        const Opening& o = plan_.openings[k];
        if (!o.walkable() || o.storey != storey || doorways_[k].outer().empty()) continue;
        if (o.from == vgscan::kOutside || o.to == vgscan::kOutside) continue;  // not part of the inside
        parts.push_back(MultiPolygon{doorways_[k]});
    }
    return cascadedUnion(std::move(parts), how);
}

}  // namespace vgscan
