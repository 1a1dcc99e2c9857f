#include "validate/PlanValidator.h"

#include "model/Segment.h"
#include "rules/RuleKit.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace vgscan {

namespace bgi = boost::geometry::index;

namespace {

std::string spaceName(const std::string& id) { return "space '" + id + "'"; }

double distanceToSpace(const Opening& o, const Space& s) {
    if (o.line.size() >= 2) return bg::distance(o.line, s.shape);
    return bg::distance(o.position, s.shape);
}

// From `p` to the segment a-b.
double toSegment(const Point& p, const Point& a, const Point& b) {
    const Point c = nearestOnSegment(p, a, b);
    return std::hypot(p.x() - c.x(), p.y() - c.y());
}

// True when the opening surely lies within `maxDistance` of the space: one of
// its ends (its position for a Point) is that near to an edge of the space's
// outer ring. A space holds its boundary, so that edge's distance bounds the
// opening's distance to it from above; the margin (a micrometre) dwarfs the
// rounding of this sum and of bg::distance's.
bool surelyWithin(const Opening& o, const Space& s, double maxDistance) {
    constexpr double kMargin = 1e-6;
    const auto& ring = s.shape.outer();
    auto near = [&](const Point& p) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            if (toSegment(p, ring[i], ring[i + 1]) + kMargin <= maxDistance) return true;
        return false;
    };
    if (o.line.size() >= 2) return near(o.line.front()) || near(o.line.back());
    return near(o.position);
}

// The area of two boxes' overlap (0 when they only touch or are apart).
double boxOverlapArea(const Box& a, const Box& b) {
    const double w = std::min(a.max_corner().x(), b.max_corner().x()) - std::max(a.min_corner().x(), b.min_corner().x());
    const double h = std::min(a.max_corner().y(), b.max_corner().y()) - std::max(a.min_corner().y(), b.min_corner().y());
    return w > 0 && h > 0 ? w * h : 0.0;
}

// Whether a post lies in a space that has its own error (refused by the
// reader, or an unusable polygon): then that error is the cause, and "not
// inside any space" would be a second message for it. A broken outline is
// judged by its box, as its inside is not well defined.
bool inRefusedSpace(const FloorPlan& plan, const std::vector<bool>& usable, const StaffPost& p) {
    auto inBox = [&](const Polygon& shape) {
        return bg::is_valid(shape) ? bg::covered_by(p.position, shape)
                                   : bg::covered_by(p.position, bg::return_envelope<Box>(shape));
    };
    for (size_t i = 0; i < plan.spaces.size(); ++i)
        if (!usable[i] && plan.spaces[i].storey == p.storey && inBox(plan.spaces[i].shape)) return true;
    for (const auto& r : plan.rejectedSpaces)
        if ((!r.storey || *r.storey == p.storey) && r.shape && inBox(*r.shape)) return true;
    return false;
}

}  // namespace

void validatePlan(const FloorPlan& plan, std::vector<InputIssue>& issues, const PlanTolerances& tol,
                  OpeningDistance how, SpaceChecks spaces) {
    const bool boxesFirst = spaces == SpaceChecks::BoxesFirst;
    auto error = [&](const std::string& obj, const std::string& problem) {
        issues.push_back({plan.source, obj, problem, true});
    };
    auto warn = [&](const std::string& obj, const std::string& problem) {
        issues.push_back({plan.source, obj, problem, false});
    };

    // Unique ids per kind.
    std::set<std::string> ids;
    for (const auto& s : plan.spaces)
        if (!ids.insert(s.id).second) error(spaceName(s.id), "id is used by more than one space");
    std::set<std::string> openingIds;
    for (const auto& o : plan.openings)
        if (!openingIds.insert(o.id).second) error("opening '" + o.id + "'", "id is used by more than one opening");
    std::set<std::string> postIds;
    for (const auto& p : plan.staffPosts)
        if (!postIds.insert(p.id).second) error("staff post '" + p.id + "'", "id is used by more than one staff post");
    if (ids.count(kOutside)) error(spaceName(kOutside), "'outside' is reserved for the outside of the building");

    // Polygons: valid, of plausible size.
    std::vector<bool> usable(plan.spaces.size(), false);
    for (size_t i = 0; i < plan.spaces.size(); ++i) {
        const Space& s = plan.spaces[i];
        std::string reason;
        if (bg::intersects(s.shape)) {
            error(spaceName(s.id), "invalid polygon: self-intersection (its boundary crosses itself)");
            continue;
        }
        if ((!boxesFirst || !bg::is_valid(s.shape)) && !bg::is_valid(s.shape, reason)) {
            error(spaceName(s.id), "invalid polygon: " + reason);
            continue;
        }
        if (s.area < tol.minSpaceArea) {
            error(spaceName(s.id), "area " + kit::fmt(s.area, 4) +
                                       " m² is implausibly small: are the coordinates in degrees or "
                                       "another unit than metres?");
            continue;
        }
        usable[i] = true;
    }

    // Overlaps between spaces of one storey, through an R-tree of their boxes.
    using Entry = std::pair<Box, size_t>;
    std::vector<Entry> boxes;
    for (size_t i = 0; i < plan.spaces.size(); ++i)
        if (usable[i]) boxes.emplace_back(bg::return_envelope<Box>(plan.spaces[i].shape), i);
    bgi::rtree<Entry, bgi::rstar<16>> tree(boxes.begin(), boxes.end());
    for (const auto& [box, i] : boxes) {
        std::vector<Entry> hits;
        tree.query(bgi::intersects(box), std::back_inserter(hits));
        for (const auto& [hb, j] : hits) {
            if (j <= i) continue;
            const Space& a = plan.spaces[i];
            const Space& b = plan.spaces[j];
            if (a.storey != b.storey) continue;
            // Their overlap lies within their boxes' overlap; half the limit
            // leaves room for the rounding of bg::intersection's area.
            if (boxesFirst && tol.overlapMinArea > 0 && boxOverlapArea(box, hb) < 0.5 * tol.overlapMinArea) continue;
            MultiPolygon inter;
            bg::intersection(a.shape, b.shape, inter);
            double area = bg::area(inter);
            if (area > tol.overlapMinArea)
                error(spaceName(a.id), "overlaps " + spaceName(b.id) + " by " + kit::fmt(area, 2) +
                                           " m² on storey " + std::to_string(a.storey));
        }
    }

    // Openings: known spaces, near both, on their storey. A space the reader
    // refused has its own error; an opening into it is not a second one.
    std::map<std::string, const Space*> byId;
    for (size_t i = 0; i < plan.spaces.size(); ++i) byId.emplace(plan.spaces[i].id, &plan.spaces[i]);
    std::set<std::string> rejected;
    for (const auto& r : plan.rejectedSpaces) rejected.insert(r.id);
    for (const auto& o : plan.openings) {
        std::string obj = "opening '" + o.id + "'";
        if (o.from == kOutside && o.to == kOutside) {
            error(obj, "joins 'outside' to 'outside'");
            continue;
        }
        if (o.from == o.to) {
            error(obj, "joins space '" + o.from + "' to itself");
            continue;
        }
        // A door of 850 m passes every width rule: it is 850 mm written as metres.
        if (o.width > tol.maxOpeningWidth)
            error(obj, "is " + kit::fmt(o.width, 2) + " m wide: no doorway is (at most " + kit::fmt(tol.maxOpeningWidth, 0) +
                           " m); is 'width_m' in millimetres (" + kit::fmt(o.width / 1000, 3) + " m)?");
        for (const std::string* end : {&o.from, &o.to}) {
            if (*end == kOutside) continue;
            auto it = byId.find(*end);
            if (it == byId.end()) {
                if (!rejected.count(*end)) error(obj, "names unknown space '" + *end + "'");
                continue;
            }
            const Space& s = *it->second;
            size_t idx = static_cast<size_t>(it->second - plan.spaces.data());
            if (!usable[idx]) continue;
            const bool near = how == OpeningDistance::BoundFirst && surelyWithin(o, s, tol.openingMaxDistance);
            const double d = near ? 0.0 : distanceToSpace(o, s);
            if (d > tol.openingMaxDistance)
                error(obj, "lies " + kit::fmt(d, 2) + " m from " + spaceName(s.id) + " (at most " +
                               kit::fmt(tol.openingMaxDistance, 2) + " m allowed: a door sits in the wall "
                               "between the spaces it joins)");
            if (s.storey != o.storey && s.use != SpaceUse::Stair && s.use != SpaceUse::Lift)
                warn(obj, "is on storey " + std::to_string(o.storey) + " but " + spaceName(s.id) +
                              " is on storey " + std::to_string(s.storey));
        }
    }

    // Staff posts strictly inside a space of their storey (on a wall is allowed
    // but noted: some rules need the post inside the room).
    for (const auto& p : plan.staffPosts) {
        std::string obj = "staff post '" + p.id + "'";
        bool inside = false, onBoundary = false;
        for (size_t i = 0; i < plan.spaces.size(); ++i) {
            const Space& s = plan.spaces[i];
            if (!usable[i] || s.storey != p.storey) continue;
            if (bg::within(p.position, s.shape)) inside = true;
            else if (bg::covered_by(p.position, s.shape)) onBoundary = true;
        }
        if (!inside && !onBoundary && inRefusedSpace(plan, usable, p)) continue;
        if (!inside && !onBoundary)
            error(obj, "is not inside any space on storey " + std::to_string(p.storey) + " (at " +
                           kit::fmt(p.position.x(), 2) + ", " + kit::fmt(p.position.y(), 2) + ")");
        else if (!inside)
            warn(obj, "lies exactly on the boundary of a space");
    }

    // A post serves the spaces of its group: one whose group no space has
    // (a typing slip, 'a' for 'A') watches nothing, and the rules only say the
    // group it was meant for has no post.
    std::set<std::string> groups;
    for (const auto& s : plan.spaces)
        if (!s.group.empty()) groups.insert(s.group);
    for (const auto& p : plan.staffPosts) {
        if (p.group.empty() || groups.count(p.group)) continue;
        std::string known, meant;
        for (const auto& g : groups) {
            known += (known.empty() ? "'" : ", '") + g + "'";
            if (std::equal(g.begin(), g.end(), p.group.begin(), p.group.end(),
                           [](unsigned char a, unsigned char b) { return std::tolower(a) == std::tolower(b); }))
                meant = g;
        }
        warn("staff post '" + p.id + "'",
             "is for group '" + p.group + "', which no space belongs to" +
                 (meant.empty() ? "" : " (did you mean '" + meant + "'?)") + ": it serves no group" +
                 (known.empty() ? " (the plan's spaces have no group: leave the post's group empty)"
                                : " (the plan's groups: " + known + ")"));
    }

    // Stairs/lifts: a shaft that appears on one storey only connects nothing.
    std::map<std::string, std::set<int>> shafts;
    for (const auto& s : plan.spaces)
        if ((s.use == SpaceUse::Stair || s.use == SpaceUse::Lift) && !s.shaft.empty()) shafts[s.shaft].insert(s.storey);
    for (const auto& [shaft, storeys] : shafts)
        if (storeys.size() < 2) warn("shaft '" + shaft + "'", "appears on one storey only and connects nothing");
    if (plan.storeys().size() > 1 && shafts.empty())
        warn("", "the plan has several storeys but no stair or lift with a 'shaft' id connecting them");
}

}  // namespace vgscan
