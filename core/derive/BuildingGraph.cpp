#include "derive/BuildingGraph.h"

#include <boost/geometry.hpp>

#include <cmath>
#include <stdexcept>

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
// boxes are apart, with SkipPolygonsApart when each polygon's box of one half
// is apart from each polygon's box of the other.
MultiPolygon cascadedUnion(std::vector<MultiPolygon> parts, BuildingGraph::Union how) {
    using Union = BuildingGraph::Union;
    if (parts.empty()) return {};
    const bool skip = how != Union::EveryPair, byPolygon = how == Union::SkipPolygonsApart;
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
    while (parts.size() > 1) {
        std::vector<MultiPolygon> next;
        std::vector<Box> nextBoxes;
        std::vector<std::vector<Box>> nextPolygonBoxes;
        next.reserve((parts.size() + 1) / 2);
        for (size_t i = 0; i + 1 < parts.size(); i += 2) {
            MultiPolygon u;
            const bool sideBySide = skip && !parts[i].empty() && !parts[i + 1].empty() && apart(i, i + 1);
            if (sideBySide) {
                u = std::move(parts[i]);
                u.insert(u.end(), std::make_move_iterator(parts[i + 1].begin()),
                         std::make_move_iterator(parts[i + 1].end()));
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
                }
                nextPolygonBoxes.push_back(std::move(pb));
            }
            next.push_back(std::move(u));
        }
        if (parts.size() % 2) {
            next.push_back(std::move(parts.back()));
            if (skip) nextBoxes.push_back(boxes.back());
            if (byPolygon) nextPolygonBoxes.push_back(std::move(polygonBoxes.back()));
        }
        parts = std::move(next);
        boxes = std::move(nextBoxes);
        polygonBoxes = std::move(nextPolygonBoxes);
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
    std::call_once(slot.once, [&] { slot.area = makeFreeSpace(storey, Union::SkipPolygonsApart); });
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
