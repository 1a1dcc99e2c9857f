#include "BestPosts.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <numeric>

namespace vgscan::sight {

namespace {

using MultiLineString = bg::model::multi_linestring<LineString>;

// Two areas closer than this are equal (rounding of the views to double).
constexpr double kAreaTie = 1e-6;  // m²

// Whether any of the lines reaches into the view's bounding box (a quick
// test before the exact one).
bool nearView(const Box& viewBox, const std::vector<LineString>& lines) {
    for (const auto& l : lines)
        if (!l.empty() && bg::intersects(viewBox, bg::return_envelope<Box>(l))) return true;
    return false;
}

}  // namespace

bool doorSeen(const std::vector<LineString>& lines, const Polygon& view) {
    for (const auto& l : lines) {
        MultiLineString part;
        bg::intersection(l, view, part);
        if (bg::length(part) >= kMinDoorSeen) return true;
    }
    return false;
}

std::vector<Spot> candidates(const GroupFloor& g, int* reflexVertices, int* criticalSegments) {
    std::vector<Spot> out;
    for (const auto& [storey, domain] : g.domain) {
        // The doors' ends are not made sources of critical lines: in a
        // corridor lined with doors they multiply the arrangement while the
        // floor area, the first aim, does not change across them. Doors are
        // counted exactly at every candidate.
        Decomposition dec = decompose(domain, {});
        if (reflexVertices) *reflexVertices += dec.reflexVertices;
        if (criticalSegments) *criticalSegments += dec.criticalSegments;
        for (const auto& p : dec.facePoints) out.push_back({storey, p});
        for (const auto& p : dec.vertices) out.push_back({storey, p});
    }
    return out;
}

std::vector<Seen> evaluate(const GroupFloor& g, const std::vector<Spot>& spots, const ViewOf& viewOf) {
    std::vector<Seen> out;
    out.reserve(spots.size());
    for (const auto& s : spots) {
        auto floor = g.shared.find(s.storey);
        if (floor == g.shared.end()) continue;
        std::string note;
        std::optional<Polygon> view = viewOf(s.storey).visibleFrom(s.at, note);
        if (!view) continue;
        Seen seen;
        seen.spot = s;
        bg::intersection(*view, floor->second, seen.shared);
        seen.area = bg::area(seen.shared);
        seen.doors.assign(g.doors.size(), false);
        const Box viewBox = bg::return_envelope<Box>(*view);
        for (size_t k = 0; k < g.doors.size(); ++k)
            if (g.doors[k].storey == s.storey && nearView(viewBox, g.doors[k].lines) &&
                doorSeen(g.doors[k].lines, *view)) {
                seen.doors[k] = true;
                ++seen.doorsSeen;
            }
        seen.view = std::move(*view);
        out.push_back(std::move(seen));
    }
    return out;
}

bool better(double area, int doors, double thanArea, int thanDoors) {
    if (area > thanArea + kAreaTie) return true;
    if (area < thanArea - kAreaTie) return false;
    return doors > thanDoors;
}

int bestSingle(const std::vector<Seen>& seen) {
    int best = -1;
    for (int i = 0; i < static_cast<int>(seen.size()); ++i)
        if (best < 0 || better(seen[i].area, seen[i].doorsSeen, seen[best].area, seen[best].doorsSeen)) best = i;
    return best;
}

std::pair<double, int> together(const Seen& a, const Seen& b) {
    int doors = 0;
    for (size_t k = 0; k < a.doors.size(); ++k) doors += (a.doors[k] || b.doors[k]) ? 1 : 0;
    double both = 0.0;
    if (a.spot.storey == b.spot.storey && !a.shared.empty() && !b.shared.empty() &&
        bg::intersects(bg::return_envelope<Box>(a.shared), bg::return_envelope<Box>(b.shared))) {
        MultiPolygon common;
        bg::intersection(a.shared, b.shared, common);
        both = bg::area(common);
    }
    // Inclusion-exclusion: what both see counts once.
    return {std::clamp(a.area + b.area - both, std::max(a.area, b.area), a.area + b.area), doors};
}

PairChoice bestPair(const GroupFloor& g, const std::vector<Seen>& seen, bool prune) {
    PairChoice best;
    const int n = static_cast<int>(seen.size());
    if (n < 2) return best;
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    // By falling area: a pair's union is at most the sum of its areas, so
    // once that sum falls short of the best union no later pair can win.
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return seen[x].area > seen[y].area; });
    const int allDoors = static_cast<int>(g.doors.size());
    for (int i = 0; i < n; ++i) {
        const Seen& a = seen[order[i]];
        if (prune && best.a >= 0) {
            if (i + 1 < n && a.area + seen[order[i + 1]].area < best.area - kAreaTie) break;
            if (best.area >= g.area - kAreaTie && best.doorsSeen == allDoors) break;  // everything seen
        }
        for (int j = i + 1; j < n; ++j) {
            const Seen& b = seen[order[j]];
            if (prune && best.a >= 0 && a.area + b.area < best.area - kAreaTie) break;
            auto [area, doors] = together(a, b);
            ++best.pairsMeasured;
            if (best.a < 0 || better(area, doors, best.area, best.doorsSeen)) {
                best.a = order[i];
                best.b = order[j];
                best.area = area;
                best.doorsSeen = doors;
            }
        }
    }
    return best;
}

Best bestPosts(const GroupFloor& g, const ViewOf& viewOf) {
    Best out;
    std::vector<Seen> seen = evaluate(g, candidates(g), viewOf);
    out.candidates = static_cast<int>(seen.size());
    const int s = bestSingle(seen);
    if (s < 0) return out;
    out.single = seen[s];
    PairChoice p = bestPair(g, seen, true);
    if (p.a >= 0) {
        out.first = seen[p.a];
        out.second = seen[p.b];
        out.pairArea = p.area;
        out.pairDoorsSeen = p.doorsSeen;
    }
    return out;
}

}  // namespace vgscan::sight
