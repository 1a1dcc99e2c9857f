#include "SightLinesRule.h"

#include "derive/BuildingGraph.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

// CGAL stays in this one translation unit (compile time and memory).
#include <CGAL/Arr_segment_traits_2.h>
#include <CGAL/Arr_walk_along_line_point_location.h>
#include <CGAL/Arrangement_2.h>
#include <CGAL/Exact_predicates_exact_constructions_kernel.h>
#include <CGAL/Triangular_expansion_visibility_2.h>

#include <boost/geometry.hpp>

#include <QObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

namespace vgscan {

namespace {

// Exact kernel: the visibility polygon's corners are intersections of sight
// rays with walls; with exact constructions a ray that grazes a wall corner
// never leaks through it or stops short of it.
using Kernel = CGAL::Exact_predicates_exact_constructions_kernel;
using Traits = CGAL::Arr_segment_traits_2<Kernel>;
using Arrangement = CGAL::Arrangement_2<Traits>;
using Visibility = CGAL::Triangular_expansion_visibility_2<Arrangement>;
using Locator = CGAL::Arr_walk_along_line_point_location<Arrangement>;
using KPoint = Kernel::Point_2;
using KSegment = Kernel::Segment_2;
using MultiLineString = bg::model::multi_linestring<LineString>;

// A post up to this far outside the free space (inside a wall, at most half a
// thick exterior wall) is taken as standing on the nearest wall face.
constexpr double kSnapDistance = 0.3;
// How far a post on a corner is moved into the room (1 mm: changes a seen
// area by about 1 mm times the room's size, far below the 0.1 % we report).
constexpr double kNudge = 1e-3;
constexpr int kNudgeDirections = 64;
// Unseen parts smaller than this are rounding, not a blind spot.
constexpr double kMinUnseenArea = 0.01;  // m²
// A door counts as seen when at least this much of it is in view.
constexpr double kMinDoorSeen = 0.01;  // m
// The door's mouth is tested this far inside the circulation space.
constexpr double kMouthDepth = 0.01;  // m

bool isSanitary(SpaceUse u) { return u == SpaceUse::Bathroom || u == SpaceUse::Wc || u == SpaceUse::Shower; }

// A space whose every door or passage leads into one bedroom belongs to that
// resident (an ensuite, a wardrobe, a studio's kitchenette): the bedroom's
// door into it is not one staff must watch. Returns the bedroom, or -1.
int privateTo(const BuildingGraph& g, int space) {
    int owner = -2;
    for (const auto& l : g.links(space)) {
        if (l.neighbour < 0 || g.space(l.neighbour).use != SpaceUse::Bedroom) return -1;
        if (owner != -2 && owner != l.neighbour) return -1;
        owner = l.neighbour;
    }
    return owner >= 0 ? owner : -1;
}

// The shared spaces whose floor staff must oversee. A kitchen or dining
// space reached only through one bedroom is that studio's own kitchenette;
// a living room, corridor, hall or activity room is shared whatever its doors.
bool isSharedSpace(const BuildingGraph& g, int i) {
    const SpaceUse u = g.space(i).use;
    if (u == SpaceUse::Kitchen || u == SpaceUse::Dining) return privateTo(g, i) < 0;
    return u == SpaceUse::Living || u == SpaceUse::Corridor || u == SpaceUse::Hall || u == SpaceUse::Activity;
}

// A post without group serves every group; when the plan has no groups at
// all, the whole building is one group ("").
bool serves(const StaffPost& post, const std::string& group) {
    return post.group.empty() || group.empty() || post.group == group;
}

std::string groupName(const std::string& g) { return g.empty() ? "the building" : "group " + g; }

std::string pct(double v) { return kit::fmt(v, 1) + " %"; }

// Nearest point on the boundary of `area` to `p`, and its distance.
std::pair<Point, double> nearestBoundaryPoint(const MultiPolygon& area, const Point& p) {
    Point best = p;
    double bestD = 1e300;
    auto scanRing = [&](const auto& ring) {
        for (size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point& a = ring[i];
            const Point& b = ring[i + 1];
            double dx = b.x() - a.x(), dy = b.y() - a.y();
            double len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2 : 0.0;
            t = std::clamp(t, 0.0, 1.0);
            Point c(a.x() + t * dx, a.y() + t * dy);
            double d = std::hypot(p.x() - c.x(), p.y() - c.y());
            if (d < bestD) bestD = d, best = c;
        }
    };
    for (const auto& poly : area) {
        scanRing(poly.outer());
        for (const auto& inner : poly.inners()) scanRing(inner);
    }
    return {best, bestD};
}

// Walls of zero thickness: where two spaces of the storey touch, their union
// (the free space) has no boundary between them, yet the wall still blocks
// sight except where a door or passage strip crosses it.
std::vector<KSegment> zeroThicknessWalls(const BuildingGraph& g, int storey) {
    std::vector<KSegment> out;
    const auto& idx = g.spacesOnStorey(storey);
    std::vector<Box> boxes;
    for (int i : idx) boxes.push_back(bg::return_envelope<Box>(g.space(i).shape));
    auto rings = [](const Polygon& p) {
        std::vector<LineString> rs;
        rs.emplace_back(p.outer().begin(), p.outer().end());
        for (const auto& in : p.inners()) rs.emplace_back(in.begin(), in.end());
        return rs;
    };
    for (size_t a = 0; a < idx.size(); ++a)
        for (size_t b = a + 1; b < idx.size(); ++b) {
            if (!bg::intersects(boxes[a], boxes[b])) continue;  // the usual case: a wall gap between them
            const Polygon& pa = g.space(idx[a]).shape;
            const Polygon& pb = g.space(idx[b]).shape;
            if (bg::distance(pa, pb) > 0) continue;
            MultiLineString shared;
            for (const auto& ra : rings(pa))
                for (const auto& rb : rings(pb)) {
                    MultiLineString part;
                    bg::intersection(ra, rb, part);
                    for (auto& l : part) shared.push_back(std::move(l));
                }
            for (size_t k = 0; k < g.plan().openings.size(); ++k) {
                const Opening& o = g.plan().openings[k];
                const Polygon& strip = g.doorway(static_cast<int>(k));
                if (!o.walkable() || o.storey != storey || strip.outer().empty()) continue;
                MultiLineString rest;
                bg::difference(shared, strip, rest);
                shared = std::move(rest);
            }
            for (const auto& l : shared)
                for (size_t i = 0; i + 1 < l.size(); ++i)
                    if (bg::distance(l[i], l[i + 1]) > 1e-9)
                        out.emplace_back(KPoint(l[i].x(), l[i].y()), KPoint(l[i + 1].x(), l[i + 1].y()));
        }
    return out;
}

// One storey's sight domain, built once and queried for every staff post of
// the storey: the arrangement of the free-space boundary (plus zero-thickness
// walls), its point location and CGAL's triangular-expansion visibility,
// whose constrained triangulation is the shared preprocessing.
class StoreyView {
public:
    StoreyView(const MultiPolygon& free, const std::vector<KSegment>& extraWalls) : free_(free) {
        std::vector<KSegment> walls = extraWalls;
        auto addRing = [&](const auto& ring) {
            for (size_t i = 0; i + 1 < ring.size(); ++i)
                if (!bg::equals(ring[i], ring[i + 1]))
                    walls.emplace_back(KPoint(ring[i].x(), ring[i].y()), KPoint(ring[i + 1].x(), ring[i + 1].y()));
        };
        for (const auto& poly : free) {
            addRing(poly.outer());
            for (const auto& inner : poly.inners()) addRing(inner);
        }
        // The general insert (not insert_non_intersecting_curves): rounding in
        // the union may leave rings that touch or nearly cross, and the
        // zero-thickness walls end in the middle of boundary edges.
        CGAL::insert(arr_, walls.begin(), walls.end());
        locator_.attach(arr_);
        view_.attach(arr_);
    }

    // The visibility polygon of a post, or nothing (with the reason in
    // `note`) when the post is not in the free space. `note` also says when
    // the post had to be moved.
    std::optional<Polygon> visibleFrom(const Point& post, std::string& note) const {
        Point q = post;
        bool mustMove = false;
        if (!bg::covered_by(q, free_)) {
            auto [onWall, d] = nearestBoundaryPoint(free_, q);
            if (d > kSnapDistance) {
                note = "lies outside the walkable space of storey";
                return std::nullopt;
            }
            note = "lies " + kit::fmt(d, 2) + " m inside a wall: taken from the nearest wall face";
            q = onWall;
            mustMove = true;  // a projected point is only nearly on the wall: always move it inside
        }
        if (!mustMove) {
            const KPoint kq(q.x(), q.y());
            auto where = locator_.locate(kq);
            if (auto f = boost::get<Arrangement::Face_const_handle>(&where)) {
                if (!(*f)->is_unbounded() && bg::within(q, free_)) return compute(kq, *f);
            } else if (auto h = boost::get<Arrangement::Halfedge_const_handle>(&where)) {
                // On a wall face: CGAL computes the view from a point on an
                // edge exactly, looking into the face of the halfedge given;
                // take the side that is free space.
                Arrangement::Halfedge_const_handle he = *h;
                if (!leftIsFree(he, q)) he = he->twin();
                if (!he->face()->is_unbounded() && leftIsFree(he, q)) {
                    if (note.empty()) note = "stands on a wall face";
                    return compute(kq, he);
                }
            }
            // On a corner (a vertex of the arrangement): CGAL's expansion from
            // a query on a vertex is not reliable, so fall through and move
            // the post into the room.
        }
        std::optional<Point> inside = nudge(q);
        if (!inside) {
            note = "cannot be placed in the walkable space";
            return std::nullopt;
        }
        if (note.empty()) note = "stands on a wall corner: moved 1 mm into the room";
        return compute(KPoint(inside->x(), inside->y()), locateFace(*inside));
    }

private:
    bool leftIsFree(Arrangement::Halfedge_const_handle he, const Point& q) const {
        double sx = CGAL::to_double(he->source()->point().x()), sy = CGAL::to_double(he->source()->point().y());
        double tx = CGAL::to_double(he->target()->point().x()), ty = CGAL::to_double(he->target()->point().y());
        double len = std::hypot(tx - sx, ty - sy);
        if (len <= 0) return false;
        Point probe(q.x() - (ty - sy) / len * 1e-4, q.y() + (tx - sx) / len * 1e-4);
        return bg::within(probe, free_);
    }

    // The face holding p when p is strictly inside one.
    std::optional<Arrangement::Face_const_handle> locateFace(const Point& p) const {
        auto where = locator_.locate(KPoint(p.x(), p.y()));
        if (auto f = boost::get<Arrangement::Face_const_handle>(&where))
            if (!(*f)->is_unbounded()) return *f;
        return std::nullopt;
    }

    // The middle of the widest fan of directions in which a point 1 mm away
    // is strictly inside the free space: the bisector of the room's corner.
    std::optional<Point> nudge(const Point& q) const {
        std::array<bool, kNudgeDirections> ok{};
        auto at = [&](int k) {
            double a = 2.0 * M_PI * k / kNudgeDirections;
            return Point(q.x() + kNudge * std::cos(a), q.y() + kNudge * std::sin(a));
        };
        int start = -1;
        for (int k = 0; k < kNudgeDirections; ++k) {
            ok[k] = bg::within(at(k), free_) && locateFace(at(k)).has_value();
            if (!ok[k]) start = k;
        }
        if (start < 0) return at(0);  // free all round
        int bestFrom = -1, bestLen = 0;
        for (int i = 1, run = 0, from = 0; i <= kNudgeDirections; ++i) {
            int k = (start + i) % kNudgeDirections;
            if (ok[k]) {
                if (run++ == 0) from = k;
                if (run > bestLen) bestLen = run, bestFrom = from;
            } else {
                run = 0;
            }
        }
        if (bestLen == 0) return std::nullopt;
        return at((bestFrom + (bestLen - 1) / 2) % kNudgeDirections);
    }

    template <class Where>
    std::optional<Polygon> compute(const KPoint& q, const Where& where) const {
        Arrangement out;
        auto face = view_.compute_visibility(q, where, out);
        Polygon poly;
        auto first = face->outer_ccb();
        auto he = first;
        do {
            Point p(CGAL::to_double(he->source()->point().x()), CGAL::to_double(he->source()->point().y()));
            if (poly.outer().empty() || !bg::equals(poly.outer().back(), p)) poly.outer().push_back(p);
        } while (++he != first);
        if (poly.outer().size() < 3) return std::nullopt;
        poly.outer().push_back(poly.outer().front());
        bg::correct(poly);
        return poly;
    }

    std::optional<Polygon> compute(const KPoint& q, std::optional<Arrangement::Face_const_handle> face) const {
        if (!face) return std::nullopt;
        return compute(q, *face);
    }

    const MultiPolygon& free_;
    Arrangement arr_;
    Locator locator_;
    Visibility view_;
};

// The doorway line of an opening: its drawn line, or (given as a point) the
// middle line of its doorway strip along the wall.
std::optional<std::pair<Point, Point>> doorLine(const BuildingGraph& g, int k) {
    const Opening& o = g.plan().openings[k];
    if (o.line.size() >= 2) return std::make_pair(o.line.front(), o.line.back());
    const auto& r = g.doorway(k).outer();
    if (r.size() < 4) return std::nullopt;
    auto len = [](const Point& a, const Point& b) { return std::hypot(b.x() - a.x(), b.y() - a.y()); };
    // The strip's side along the wall is the one as long as the clear width.
    const Point& a = r[0];
    const Point& b = r[1];
    const Point& c = r[2];
    bool firstAlong = std::abs(len(a, b) - o.width) <= std::abs(len(b, c) - o.width);
    Point u = firstAlong ? Point(b.x() - a.x(), b.y() - a.y()) : Point(c.x() - b.x(), c.y() - b.y());
    const Point& m = o.position;
    return std::make_pair(Point(m.x() - u.x() / 2, m.y() - u.y() / 2), Point(m.x() + u.x() / 2, m.y() + u.y() / 2));
}

// The lines on which a bedroom door is looked for: the doorway line in the
// wall gap and its mouth, the same line moved to just inside the circulation
// space. Seen from far along a corridor, the line in the wall gap is hidden
// by the jamb at a grazing angle while the mouth is in full view.
std::vector<LineString> doorTestLines(const BuildingGraph& g, int k, const Space& circulation) {
    std::vector<LineString> out;
    auto line = doorLine(g, k);
    if (!line) return out;
    auto [a, b] = *line;
    out.push_back(LineString{a, b});
    double dx = b.x() - a.x(), dy = b.y() - a.y();
    double len = std::hypot(dx, dy);
    if (len <= 0) return out;
    Point n(-dy / len, dx / len);
    Point mid((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    double depth = bg::distance(mid, circulation.shape) + kMouthDepth;
    for (double side : {1.0, -1.0}) {
        Point shift(n.x() * side * depth, n.y() * side * depth);
        if (bg::within(Point(mid.x() + shift.x(), mid.y() + shift.y()), circulation.shape)) {
            out.push_back(LineString{Point(a.x() + shift.x(), a.y() + shift.y()),
                                     Point(b.x() + shift.x(), b.y() + shift.y())});
            break;
        }
    }
    return out;
}

double seenLength(const LineString& line, const Polygon& view) {
    MultiLineString part;
    bg::intersection(line, view, part);
    return bg::length(part);
}

Status worse(Status a, Status b) {
    auto rank = [](Status s) { return s == Status::Fail ? 2 : s == Status::Warn ? 1 : 0; };
    return rank(a) >= rank(b) ? a : b;
}

}  // namespace

RuleResult SightLinesRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const FloorPlan& plan = g.plan();
    const double minShare = ctx.params().number("min_visible_share_pct");
    const double warnShare = std::min(minShare, ctx.params().number("warn_visible_share_pct"));
    const double minDoors = ctx.params().number("min_bedroom_doors_seen_pct");
    const double warnDoors = std::min(minDoors, ctx.params().number("warn_bedroom_doors_seen_pct"));

    RuleResult r;
    r.unit = "%";
    r.threshold = kit::atLeastText(minShare, warnShare);

    // Shared spaces per living group. Spaces without a group are not part of
    // a living group (a cluster's entrance hall) unless the plan has no groups
    // at all: then the building is one group.
    const bool planHasGroups = !g.groups().empty();
    std::map<std::string, std::vector<int>> shared;
    for (int i = 0; i < static_cast<int>(plan.spaces.size()); ++i) {
        const Space& s = plan.spaces[i];
        if (!isSharedSpace(g, i)) continue;
        if (planHasGroups && s.group.empty()) continue;
        shared[s.group].push_back(i);
    }
    if (shared.empty()) {
        r.status = Status::NotApplicable;
        r.summary = planHasGroups ? "no living group has a shared space (living, dining, kitchen, corridor, hall, activity)"
                                  : "the plan has no shared space (living, dining, kitchen, corridor, hall, activity)";
        return r;
    }

    // One visibility polygon per staff post; one sight domain per storey.
    std::map<int, std::unique_ptr<StoreyView>> views;
    std::vector<std::optional<Polygon>> view(plan.staffPosts.size());
    for (size_t k = 0; k < plan.staffPosts.size(); ++k) {
        const StaffPost& post = plan.staffPosts[k];
        auto& sv = views[post.storey];
        if (!sv) sv = std::make_unique<StoreyView>(g.freeSpace(post.storey), zeroThicknessWalls(g, post.storey));
        std::string note;
        view[k] = sv->visibleFrom(post.position, note);
        if (!note.empty()) {
            Finding f;
            f.object = post.id;
            f.objectType = "staff_post";
            f.storey = post.storey;
            f.location = post.position;
            if (view[k]) {
                f.message = "staff post " + post.id + " " + note;
            } else {
                f.message = "staff post " + post.id + " " + note + " " + std::to_string(post.storey) +
                            ": it sees nothing";
                f.expected = "inside a space";
                f.observed = "outside";
            }
            r.findings.push_back(std::move(f));
        }
        if (view[k]) {
            Shape sh;
            sh.label = "visible from " + post.id;
            sh.object = post.id;
            sh.storey = post.storey;
            sh.area.push_back(*view[k]);
            r.shapes.push_back(std::move(sh));
        }
    }

    // What the posts serving a group see on one storey, as one area: views
    // are unioned so that what two posts both see counts once.
    std::map<std::pair<std::string, int>, MultiPolygon> seenBy;
    auto seenArea = [&](const std::string& group, int storey) -> const MultiPolygon& {
        auto key = std::make_pair(group, storey);
        auto it = seenBy.find(key);
        if (it != seenBy.end()) return it->second;
        MultiPolygon acc;
        for (size_t k = 0; k < plan.staffPosts.size(); ++k) {
            const StaffPost& post = plan.staffPosts[k];
            if (!view[k] || post.storey != storey || !serves(post, group)) continue;
            MultiPolygon next;
            bg::union_(acc, *view[k], next);
            acc = std::move(next);
        }
        return seenBy.emplace(key, std::move(acc)).first->second;
    };

    Status status = Status::Pass;
    std::optional<double> worst;
    std::string worstGroup;
    for (const auto& [group, spaces] : shared) {
        bool hasPost = std::any_of(plan.staffPosts.begin(), plan.staffPosts.end(),
                                   [&](const StaffPost& p) { return serves(p, group); });
        double total = 0.0, visible = 0.0;
        std::vector<Finding> spaceFindings;
        for (int i : spaces) {
            const Space& s = g.space(i);
            const double area = bg::area(s.shape);
            const MultiPolygon& seen = seenArea(group, s.storey);
            double vis = 0.0;
            if (!seen.empty() && bg::intersects(bg::return_envelope<Box>(seen), bg::return_envelope<Box>(s.shape))) {
                MultiPolygon part;
                bg::intersection(s.shape, seen, part);
                vis = std::clamp(bg::area(part), 0.0, area);
            }
            total += area;
            visible += vis;
            if (area - vis <= kMinUnseenArea) continue;
            Finding f;
            f.object = s.id;
            f.objectType = "space";
            f.storey = s.storey;
            f.expected = "visible from a staff post of " + groupName(group) + " on storey " + std::to_string(s.storey);
            f.observed = pct(100.0 * vis / area) + " visible";
            f.message = kit::fmt(area - vis, 2) + " m2 of " + s.id + " (" + pct(100.0 * (area - vis) / area) +
                        " of " + kit::fmt(area, 2) + " m2) is not visible from any staff post of " + groupName(group);
            // Point at the largest blind spot.
            MultiPolygon unseen;
            bg::difference(s.shape, seen, unseen);
            const Polygon* largest = nullptr;
            for (const auto& p : unseen)
                if (!largest || bg::area(p) > bg::area(*largest)) largest = &p;
            f.location = largest ? kit::centroid(*largest) : kit::centroid(s.shape);
            spaceFindings.push_back(std::move(f));
        }
        const double share = total > 0 ? 100.0 * visible / total : 100.0;
        Status gs = hasPost ? kit::atLeast(share, minShare, warnShare) : Status::Fail;
        status = worse(status, gs);
        if (!worst || share < *worst) worst = share, worstGroup = group;
        r.figures.push_back({"visible_share_pct:" + (group.empty() ? std::string("building") : group), share, "%"});

        Finding f;
        f.object = group;
        f.objectType = "group";
        f.expected = ">= " + pct(minShare) + " of the shared floor area visible";
        f.observed = pct(share);
        f.message = hasPost ? pct(share) + " of the shared floor area of " + groupName(group) + " (" +
                                  kit::fmt(visible, 1) + " of " + kit::fmt(total, 1) +
                                  " m2) is visible from its staff posts"
                            : groupName(group) + " has " + kit::fmt(total, 1) +
                                  " m2 of shared spaces but no staff post: nothing of it is watched";
        if (!hasPost) f.observed = "no staff post";
        r.findings.push_back(std::move(f));
        for (auto& sf : spaceFindings) r.findings.push_back(std::move(sf));
    }
    r.value = *worst;

    // Bedroom doors: the doors residents come and go by (a door or passage
    // from a bedroom onto a space outside the resident's own unit), each seen
    // when some part of it is in view of a post serving the bedroom's group.
    int doors = 0, doorsSeen = 0;
    for (int k = 0; k < static_cast<int>(plan.openings.size()); ++k) {
        const Opening& o = plan.openings[k];
        if (!o.walkable()) continue;
        int a = g.indexOf(o.from), b = g.indexOf(o.to);
        if (a < 0 || b < 0) continue;  // to the outside (or unknown): not a door into the group's spaces
        bool aBed = g.space(a).use == SpaceUse::Bedroom, bBed = g.space(b).use == SpaceUse::Bedroom;
        if (aBed == bBed) continue;  // no bedroom, or a door between two bedrooms
        int bed = aBed ? a : b, other = aBed ? b : a;
        if (isSanitary(g.space(other).use) || (privateTo(g, other) == bed && !isSharedSpace(g, other))) continue;
        const Space& bedroom = g.space(bed);
        ++doors;
        const auto lines = doorTestLines(g, k, g.space(other));
        double best = 0.0;
        for (size_t p = 0; p < plan.staffPosts.size(); ++p) {
            const StaffPost& post = plan.staffPosts[p];
            if (!view[p] || post.storey != bedroom.storey || !serves(post, bedroom.group)) continue;
            for (const auto& l : lines) best = std::max(best, seenLength(l, *view[p]));
        }
        if (best >= kMinDoorSeen) {
            ++doorsSeen;
            continue;
        }
        Finding f;
        f.object = o.id;
        f.objectType = "opening";
        f.storey = bedroom.storey;
        f.location = o.position;
        f.expected = "seen from a staff post of " + groupName(bedroom.group);
        f.observed = "not seen";
        f.message = "the door of bedroom " + bedroom.id + " (" + o.id + ") is not visible from any staff post of " +
                    groupName(bedroom.group) + " on storey " + std::to_string(bedroom.storey);
        r.findings.push_back(std::move(f));
    }
    r.summary = "worst: " + groupName(worstGroup) + ", " + pct(*worst) + " of its shared floor area visible";
    if (doors > 0) {
        const double doorShare = 100.0 * doorsSeen / doors;
        status = worse(status, kit::atLeast(doorShare, minDoors, warnDoors));
        r.figures.push_back({"bedroom_doors", static_cast<double>(doors), ""});
        r.figures.push_back({"bedroom_doors_seen", static_cast<double>(doorsSeen), ""});
        r.figures.push_back({"bedroom_doors_seen_pct", doorShare, "%"});
        r.summary += "; " + std::to_string(doorsSeen) + " of " + std::to_string(doors) +
                     " bedroom doors seen (needed " + kit::atLeastText(minDoors, warnDoors) + " %)";
    }
    r.status = status;
    return r;
}

class SightLinesPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<SightLinesRule>(); }
};

}  // namespace vgscan

#include "SightLinesRule.moc"
