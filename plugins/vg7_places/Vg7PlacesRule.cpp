#include "Vg7PlacesRule.h"

#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "model/Model.h"
#include "rules/RuleKit.h"
#include "scan/Budget.h"

#include <QObject>

#include <boost/geometry.hpp>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/max_cardinality_matching.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace vgscan {

namespace {

// Plans are drawn in metres with decimals: 6.1 - 3.1 is 2.9999999999999996.
// A tenth of a millimetre decides no room.
constexpr double kEps = 1e-4;

bool isSanitary(SpaceUse u) { return u == SpaceUse::Bathroom || u == SpaceUse::Wc || u == SpaceUse::Shower; }

// Sides of the smallest-area rectangle around a convex hull (one side lies
// along a hull edge): a room's width and length, whatever its orientation.
std::pair<double, double> hullSides(const Polygon& hull) {
    const auto& h = hull.outer();
    double bestArea = -1, shortSide = 0, longSide = 0;
    for (std::size_t i = 0; i + 1 < h.size(); ++i) {
        const double dx = h[i + 1].x() - h[i].x(), dy = h[i + 1].y() - h[i].y();
        const double len = std::hypot(dx, dy);
        if (len <= 1e-9) continue;
        const double ux = dx / len, uy = dy / len;
        double minU = 1e300, maxU = -1e300, minV = 1e300, maxV = -1e300;
        for (const auto& p : h) {
            const double u = p.x() * ux + p.y() * uy, v = -p.x() * uy + p.y() * ux;
            minU = std::min(minU, u), maxU = std::max(maxU, u), minV = std::min(minV, v), maxV = std::max(maxV, v);
        }
        const double a = maxU - minU, b = maxV - minV;
        if (bestArea < 0 || a * b < bestArea) bestArea = a * b, shortSide = std::min(a, b), longSide = std::max(a, b);
    }
    return {shortSide, longSide};
}

std::pair<double, double> sides(const Polygon& room) {
    Polygon hull;
    bg::convex_hull(room, hull);
    return hullSides(hull);
}

// Two rooms joined by taking out the wall between them: the hull of both.
std::pair<double, double> joinedSides(const Polygon& a, const Polygon& b) {
    MultiPolygon both;
    both.push_back(a);
    both.push_back(b);
    Polygon hull;
    bg::convex_hull(both, hull);
    return hullSides(hull);
}

// The wall two rooms share: stretches of parallel edges (within 1°) that face
// each other across at most maxGap. Exact for straight walls. Returns the
// longest stretch (as a line on room a's side) and the total length.
struct SharedWall {
    double length = 0;
    LineString longest;
};

SharedWall sharedWall(const Polygon& a, const Polygon& b, double maxGap) {
    SharedWall w;
    double longest = 0;
    const auto& A = a.outer();
    const auto& B = b.outer();
    for (std::size_t i = 0; i + 1 < A.size(); ++i) {
        const double ex = A[i + 1].x() - A[i].x(), ey = A[i + 1].y() - A[i].y();
        const double len = std::hypot(ex, ey);
        if (len <= 1e-9) continue;
        const double ux = ex / len, uy = ey / len;
        for (std::size_t j = 0; j + 1 < B.size(); ++j) {
            const double fx = B[j + 1].x() - B[j].x(), fy = B[j + 1].y() - B[j].y();
            const double flen = std::hypot(fx, fy);
            if (flen <= 1e-9) continue;
            if (std::abs(ux * fy - uy * fx) / flen > std::sin(M_PI / 180)) continue;  // not parallel
            // distance of f's line from e's line, and f's extent along e
            const double gap = std::abs(-(B[j].x() - A[i].x()) * uy + (B[j].y() - A[i].y()) * ux);
            if (gap > maxGap + kEps) continue;
            const double t0 = (B[j].x() - A[i].x()) * ux + (B[j].y() - A[i].y()) * uy;
            const double t1 = (B[j + 1].x() - A[i].x()) * ux + (B[j + 1].y() - A[i].y()) * uy;
            const double lo = std::max(0.0, std::min(t0, t1)), hi = std::min(len, std::max(t0, t1));
            if (hi <= lo) continue;
            w.length += hi - lo;
            if (hi - lo > longest) {
                longest = hi - lo;
                w.longest = LineString{Point(A[i].x() + lo * ux, A[i].y() + lo * uy),
                                       Point(A[i].x() + hi * ux, A[i].y() + hi * uy)};
            }
        }
    }
    return w;
}

Point midpoint(const LineString& l) {
    return Point((l.front().x() + l.back().x()) / 2, (l.front().y() + l.back().y()) / 2);
}

std::string m2(double v) { return kit::fmt(v, 1) + " m2"; }

}  // namespace

RuleResult Vg7PlacesRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const auto& P = ctx.params();
    const double bedArea = P.number("bedroom_min_area_m2"), bedWidth = P.number("bedroom_min_width_m");
    const double bathArea = P.number("bathroom_min_area_m2"), bathWidth = P.number("bathroom_min_width_m");
    const double wallMax = P.number("wall_max_m"), minWall = P.number("min_shared_wall_m");
    const double maxGroup = P.number("max_group_places"), maxSite = P.number("max_site_places");
    const double minPlaces = P.number("min_places");
    const double needArea = bedArea + bathArea;

    RuleResult r;
    r.unit = QT_TRANSLATE_NOOP("rules", "places");
    r.threshold = kit::atLeastText(minPlaces, minPlaces, 0);
    const auto bedrooms = g.spacesWithUse(SpaceUse::Bedroom);
    if (bedrooms.empty()) {
        r.status = Status::NotApplicable;
        r.summary = QT_TRANSLATE_NOOP("rules", "no bedrooms: not a residential building");
        return r;
    }
    // The living group of each bedroom (pairs are joined within a group only).
    std::map<int, std::string> groupOf;
    for (const auto& [name, spaces] : g.livingGroups())
        for (int s : spaces) groupOf[s] = name;

    std::map<std::string, int> placesInGroup;
    int ownEnsuite = 0, large = 0;
    std::vector<int> small;
    for (int b : bedrooms) {
        const Space& sp = g.space(b);
        const auto unit = g.privateUnit(b, isSanitary);
        if (unit.own() && unit.area >= bathArea - kEps) {
            ++ownEnsuite;
            ++placesInGroup[groupOf[b]];
            continue;
        }
        const double area = bg::area(sp.shape);
        const auto [w, l] = sides(sp.shape);
        if (area >= needArea - kEps && w >= bedWidth - kEps && l >= bedWidth + bathWidth - kEps) {
            ++large;
            ++placesInGroup[groupOf[b]];
            r.findings.push_back({sp.id, "space", kit::say(QT_TRANSLATE_NOOP("rules", "build an en-suite into bedroom %1"), sp.id),
                                  kit::say(QT_TRANSLATE_NOOP("rules", "%1, %2 x %3 m"), ">= " + m2(needArea),
                                           kit::fmt(bedWidth, 2), kit::fmt(bedWidth + bathWidth, 2)),
                                  kit::say(QT_TRANSLATE_NOOP("rules", "%1, %2 x %3 m"), m2(area), kit::fmt(w, 2),
                                           kit::fmt(l, 2)),
                                  markerPoint(sp.shape), sp.storey});
            Shape s;
            s.label = QT_TRANSLATE_NOOP("rules", "en-suite to build");
            s.object = sp.id;
            s.storey = sp.storey;
            s.area.push_back(sp.shape);
            r.shapes.push_back(std::move(s));
        } else {
            small.push_back(b);
        }
    }

    // Small bedrooms that can be joined: same storey and group, a shared wall
    // or a door between them, and together room for a bedroom and an en-suite.
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Graph pairs(small.size());
    std::map<std::pair<std::size_t, std::size_t>, LineString> wallOf;
    for (std::size_t i = 0; i < small.size(); ++i)
        for (std::size_t j = i + 1; j < small.size(); ++j) {
            // Pairwise: a plan of thousands of small bedrooms must stay
            // within the site's time budget (scan/Budget.h).
            budget::check("running rule 'vg7_places' (pairs of small bedrooms)");
            const Space& a = g.space(small[i]);
            const Space& b = g.space(small[j]);
            if (a.storey != b.storey || groupOf[small[i]] != groupOf[small[j]]) continue;
            if (bg::area(a.shape) + bg::area(b.shape) < needArea - kEps) continue;
            const auto [jw, jl] = joinedSides(a.shape, b.shape);
            if (jw < bedWidth - kEps || jl < bedWidth + bathWidth - kEps) continue;
            const SharedWall w = sharedWall(a.shape, b.shape, wallMax);
            const auto nb = g.neighbours(small[i]);
            const bool door = std::find(nb.begin(), nb.end(), small[j]) != nb.end();
            if (w.length < minWall - kEps && !door) continue;
            boost::add_edge(i, j, pairs);
            wallOf[{i, j}] = w.longest;
        }
    std::vector<boost::graph_traits<Graph>::vertex_descriptor> mate(small.size());
    boost::edmonds_maximum_cardinality_matching(pairs, &mate[0]);
    const auto none = boost::graph_traits<Graph>::null_vertex();
    int merged = 0, unpaired = 0;
    for (std::size_t i = 0; i < small.size(); ++i) {
        const Space& a = g.space(small[i]);
        if (mate[i] == none) {
            ++unpaired;
            r.findings.push_back({a.id, "space",
                                  kit::say(QT_TRANSLATE_NOOP("rules", "bedroom %1 is too small for an en-suite and has no small neighbour left "
                                             "to join: it gives up its place"),
                                           a.id),
                                  kit::say(QT_TRANSLATE_NOOP("rules", ">= %1 alone or with a neighbour"), m2(needArea)), m2(bg::area(a.shape)),
                                  markerPoint(a.shape), a.storey});
            continue;
        }
        const std::size_t j = mate[i];
        if (j < i) continue;
        const Space& b = g.space(small[j]);
        ++merged;
        ++placesInGroup[groupOf[small[i]]];
        const LineString& wall = wallOf[{i, j}];
        Finding f{a.id + "+" + b.id, "wall",
                  wall.empty() ? kit::say(QT_TRANSLATE_NOOP("rules", "join bedrooms %1 and %2 through their door into one room with an en-suite"),
                                          a.id, b.id)
                               : kit::say(QT_TRANSLATE_NOOP("rules", "remove the wall between bedrooms %1 and %2 (%3 m) and build one room with "
                                            "an en-suite"),
                                          a.id, b.id, kit::fmt(bg::length(wall), 2)),
                  ">= " + m2(needArea), m2(bg::area(a.shape) + bg::area(b.shape)),
                  wall.empty() ? markerPoint(a.shape) : midpoint(wall), a.storey};
        r.findings.push_back(std::move(f));
        Shape s;
        s.label = QT_TRANSLATE_NOOP("rules", "wall to remove");
        s.object = a.id + "+" + b.id;
        s.storey = a.storey;
        if (!wall.empty()) s.line = wall;
        else s.area.push_back(b.shape);
        r.shapes.push_back(std::move(s));
    }

    // Caps: a living group and a site take no more than their maximum.
    int afterGroups = 0, cappedByGroup = 0;
    for (const auto& [group, n] : placesInGroup) {
        const int kept = std::min(n, static_cast<int>(maxGroup));
        cappedByGroup += n - kept;
        afterGroups += kept;
        if (n > kept)
            r.findings.push_back({group, "group",
                                  kit::say(QT_TRANSLATE_NOOP("rules", "group %1 would hold %2 places; it keeps %3"), group, std::to_string(n),
                                           std::to_string(kept)),
                                  kit::say(QT_TRANSLATE_NOOP("rules", "<= %1 places"), kit::fmt(maxGroup, 0)),
                                  kit::say(QT_TRANSLATE_NOOP("rules", "%1 places"), std::to_string(n)),
                                  std::nullopt, std::nullopt});
    }
    const int after = std::min(afterGroups, static_cast<int>(maxSite));
    if (afterGroups > after)
        r.findings.push_back({ctx.plan()->name, "building",
                              kit::say(QT_TRANSLATE_NOOP("rules", "the site would hold %1 places; it keeps %2"), std::to_string(afterGroups),
                                       std::to_string(after)),
                              kit::say(QT_TRANSLATE_NOOP("rules", "<= %1 places"), kit::fmt(maxSite, 0)),
                              kit::say(QT_TRANSLATE_NOOP("rules", "%1 places"), std::to_string(afterGroups)),
                              std::nullopt, std::nullopt});

    const int now = static_cast<int>(bedrooms.size());
    r.value = after;
    r.status = kit::atLeast(after, minPlaces, minPlaces);
    r.figures = {{"places_now", static_cast<double>(now), QT_TRANSLATE_NOOP("rules", "places")},
                 {"places_after", static_cast<double>(after), QT_TRANSLATE_NOOP("rules", "places")},
                 {"own_ensuite", static_cast<double>(ownEnsuite), QT_TRANSLATE_NOOP("rules", "rooms")},
                 {"ensuite_to_build", static_cast<double>(large), QT_TRANSLATE_NOOP("rules", "rooms")},
                 {"merged_pairs", static_cast<double>(merged), QT_TRANSLATE_NOOP("rules", "pairs")},
                 {"rooms_given_up", static_cast<double>(unpaired), QT_TRANSLATE_NOOP("rules", "rooms")},
                 {"capped", static_cast<double>(cappedByGroup + afterGroups - after), QT_TRANSLATE_NOOP("rules", "places")}};
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "%1 places now -> %2 after conversion (%3 with an en-suite, %4 to get one, %5 pairs joined, "
                           "%6 rooms given up)"),
                         std::to_string(now), std::to_string(after), std::to_string(ownEnsuite), std::to_string(large),
                         std::to_string(merged), std::to_string(unpaired));

    return r;
}

class Vg7PlacesRulePlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<Vg7PlacesRule>(); }
};

}  // namespace vgscan

#include "Vg7PlacesRule.moc"
