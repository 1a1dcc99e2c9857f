#include "SeenFloor.h"

#include <CGAL/Boolean_set_operations_2.h>
#include <CGAL/Exact_predicates_exact_constructions_kernel.h>
#include <CGAL/Polygon_2.h>
#include <CGAL/Polygon_set_2.h>
#include <CGAL/Polygon_with_holes_2.h>

#include <boost/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace vgscan::sight {

namespace {

using K = CGAL::Epeck;
using P2 = CGAL::Polygon_2<K>;
using PWH = CGAL::Polygon_with_holes_2<K>;
using PSet = CGAL::Polygon_set_2<K>;

// An exact number as a double within 1e-13 of it (relative, or absolute
// below 1: m or m²), the exact value computed only when its interval is
// wider. CGAL::to_double of a lazy number settles for the middle of its
// interval once that is within 1e-5 (relative): past a needle's tip, where
// nearly parallel edges are cut, that can be 1e-4 m off in a corner or m² in
// an area, far above the 1e-6 m² at which areas are told apart. Forcing the
// exact value always (a rational, through the whole construction history of
// a sum of areas) made the search three times slower.
constexpr double kNear = 1e-13;
double nearest(const K::FT& x) {
    const std::pair<double, double> i = CGAL::to_interval(x);
    const double scale = std::max({1.0, std::abs(i.first), std::abs(i.second)});
    if (i.second - i.first <= 2 * kNear * scale) return i.first + (i.second - i.first) / 2;
    return CGAL::to_double(x.exact());
}

// A Boost ring (closed) as a CGAL polygon of the given orientation; nothing
// when it is not simple (or has fewer than three corners).
std::optional<P2> toCgal(const Polygon::ring_type& r, CGAL::Orientation want) {
    P2 p;
    for (size_t i = 0; i < r.size(); ++i) {
        const K::Point_2 q(r[i].x(), r[i].y());
        if (p.size() > 0 && (p.vertices_end() - 1)->x() == q.x() && (p.vertices_end() - 1)->y() == q.y()) continue;
        p.push_back(q);
    }
    while (p.size() > 1 && *p.vertices_begin() == *(p.vertices_end() - 1)) p.erase(p.vertices_end() - 1);
    if (p.size() < 3 || !p.is_simple()) return std::nullopt;
    if (p.orientation() == CGAL::COLLINEAR) return std::nullopt;
    if (p.orientation() != want) p.reverse_orientation();
    return p;
}

std::optional<PSet> toSet(const MultiPolygon& mp) {
    PSet set;
    for (const auto& poly : mp) {
        auto outer = toCgal(poly.outer(), CGAL::COUNTERCLOCKWISE);
        if (!outer) return std::nullopt;
        std::vector<P2> holes;
        for (const auto& in : poly.inners()) {
            auto h = toCgal(in, CGAL::CLOCKWISE);
            if (!h) return std::nullopt;
            holes.push_back(std::move(*h));
        }
        // join, not insert: the parts of a floor may touch (two rooms
        // sharing a doorway line) and CGAL's insert wants them disjoint.
        set.join(PWH(*outer, holes.begin(), holes.end()));
    }
    return set;
}

K::FT exactArea(const PSet& set) {
    std::vector<PWH> parts;
    set.polygons_with_holes(std::back_inserter(parts));
    K::FT a = 0;
    for (const auto& p : parts) {
        a += p.outer_boundary().area();
        for (auto h = p.holes_begin(); h != p.holes_end(); ++h) a += h->area();  // holes clockwise: negative
    }
    return a;
}

void toBoost(const PSet& set, MultiPolygon& out) {
    out.clear();
    std::vector<PWH> parts;
    set.polygons_with_holes(std::back_inserter(parts));
    auto ring = [](const P2& p, Polygon::ring_type& r) {
        for (auto v = p.vertices_begin(); v != p.vertices_end(); ++v)
            r.emplace_back(nearest(v->x()), nearest(v->y()));
        if (!r.empty()) r.push_back(r.front());
    };
    for (const auto& p : parts) {
        Polygon poly;
        ring(p.outer_boundary(), poly.outer());
        for (auto h = p.holes_begin(); h != p.holes_end(); ++h) {
            poly.inners().emplace_back();
            ring(*h, poly.inners().back());
        }
        out.push_back(std::move(poly));
    }
}

}  // namespace

struct ExactFloor::Impl {
    std::optional<PSet> floor;
};

ExactFloor::ExactFloor(const MultiPolygon& floor) : impl_(std::make_unique<Impl>()) { impl_->floor = toSet(floor); }
ExactFloor::~ExactFloor() = default;

bool ExactFloor::seen(const Polygon& view, MultiPolygon& out, double& area) const {
    if (!impl_->floor) return false;
    auto v = toCgal(view.outer(), CGAL::COUNTERCLOCKWISE);
    if (!v) return false;
    PSet s = *impl_->floor;
    s.intersection(*v);
    area = nearest(exactArea(s));
    toBoost(s, out);
    return true;
}

double exactCommonArea(const std::vector<MultiPolygon>& sets) {
    if (sets.empty()) return -1.0;
    std::optional<PSet> acc;
    for (const auto& mp : sets) {
        auto s = toSet(mp);
        if (!s) return -1.0;
        if (!acc) acc = std::move(s);
        else acc->intersection(*s);
    }
    return nearest(exactArea(*acc));
}

double exactSeenArea(const Polygon& space, const std::vector<Polygon>& views) {
    auto s = toSet(MultiPolygon{space});
    if (!s) return -1.0;
    PSet seen;
    for (const auto& v : views) {
        auto ring = toCgal(v.outer(), CGAL::COUNTERCLOCKWISE);
        if (!ring) return -1.0;
        seen.join(*ring);
    }
    s->intersection(seen);
    return nearest(exactArea(*s));
}

}  // namespace vgscan::sight
