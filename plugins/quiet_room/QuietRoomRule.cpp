#include "QuietRoomRule.h"

#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>

namespace vgscan {

namespace {


// Spaces reachable from `starts` through doors and passages; with
// `avoidBedrooms` a bedroom is never entered (a resident's room is no route).
std::vector<bool> reachable(const BuildingGraph& g, const std::vector<int>& starts, bool avoidBedrooms) {
    std::vector<bool> seen(g.plan().spaces.size(), false);
    std::deque<int> queue(starts.begin(), starts.end());
    for (int s : starts) seen[s] = true;
    while (!queue.empty()) {
        int s = queue.front();
        queue.pop_front();
        for (int n : g.neighbours(s)) {
            if (seen[n] || (avoidBedrooms && g.space(n).use == SpaceUse::Bedroom)) continue;
            seen[n] = true;
            queue.push_back(n);
        }
    }
    return seen;
}

double distance(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x() - a.x() - t * dx, p.y() - a.y() - t * dy);
}

// Length of the living room's outer boundary lying within `maxGap` of the
// quiet room's outer boundary: the wall they share. Along one living edge the
// distance to one quiet edge is convex, so the stretch within maxGap is one
// interval, found by a ternary search for the nearest point and bisection for
// both ends; the intervals per living edge are merged.
double sharedWallLength(const Polygon& living, const Polygon& quiet, double maxGap) {
    const auto& L = living.outer();
    const auto& Q = quiet.outer();
    double total = 0.0;
    for (size_t i = 0; i + 1 < L.size(); ++i) {
        const Point a = L[i], b = L[i + 1];
        const double edge = std::hypot(b.x() - a.x(), b.y() - a.y());
        if (edge <= 0) continue;
        auto at = [&](double t) { return Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y())); };
        std::vector<std::pair<double, double>> spans;
        for (size_t j = 0; j + 1 < Q.size(); ++j) {
            auto d = [&](double t) { return distance(at(t), Q[j], Q[j + 1]); };
            double lo = 0, hi = 1;
            for (int k = 0; k < 100; ++k) {
                const double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
                if (d(m1) <= d(m2)) hi = m2;
                else lo = m1;
            }
            const double tMin = (lo + hi) / 2;
            if (d(tMin) > maxGap) continue;
            // Start of the stretch: d > maxGap at `out`, <= maxGap at `in`; likewise for its end.
            double start = 0, end = 1;
            if (d(0) > maxGap) {
                double out = 0, in = tMin;
                for (int k = 0; k < 60; ++k) {
                    const double m = (out + in) / 2;
                    if (d(m) <= maxGap) in = m;
                    else out = m;
                }
                start = in;
            }
            if (d(1) > maxGap) {
                double in = tMin, out = 1;
                for (int k = 0; k < 60; ++k) {
                    const double m = (out + in) / 2;
                    if (d(m) <= maxGap) in = m;
                    else out = m;
                }
                end = in;
            }
            spans.emplace_back(start, end);
        }
        std::sort(spans.begin(), spans.end());
        double covered = -1;  // merged so far up to here
        for (auto [s, e] : spans) {
            if (e <= covered) continue;
            total += (e - std::max(s, covered)) * edge;
            covered = e;
        }
    }
    return total;
}

// How far a candidate quiet room gets through the checks, in order.
enum class Verdict { NotReachable, OnlyThroughBedroom, TooSmall, SharesWall, Fits };

struct Candidate {
    int space = -1;
    Verdict verdict = Verdict::NotReachable;
    std::string why;       // for the finding's message
    std::string observed;  // short
};

std::string ids(const BuildingGraph& g, const std::vector<int>& v) {
    std::string s;
    for (int i : v) s += (s.empty() ? "" : ", ") + g.space(i).id;
    return s;
}

}  // namespace

RuleResult QuietRoomRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const double minArea = ctx.params().number("min_area_m2");
    const bool forbidSharedWall = ctx.params().flag("forbid_shared_wall_with_living");
    const double wallMax = ctx.params().number("wall_max_m");
    const double minSharedWall = ctx.params().number("min_shared_wall_m");

    RuleResult r;
    r.unit = "%";
    r.threshold = kit::atLeastText(100, 100);
    const auto groups = g.livingGroups();
    // A plan with exactly one living group (group with bedrooms): quiet rooms
    // without a group on the living room's storey serve that group too.
    const auto groupsWithBedrooms = std::count_if(groups.begin(), groups.end(), [&](const auto& entry) {
        return std::any_of(entry.second.begin(), entry.second.end(),
                           [&](int s) { return g.space(s).use == SpaceUse::Bedroom; });
    });
    const bool oneGroup = groupsWithBedrooms == 1;

    int withBedrooms = 0, fitting = 0;
    for (const auto& [name, members] : groups) {
        std::vector<int> livings, quiets;
        bool hasBedroom = false;
        for (int s : members) {
            hasBedroom |= g.space(s).use == SpaceUse::Bedroom;
            if (g.space(s).use == SpaceUse::Living) livings.push_back(s);
            if (g.space(s).use == SpaceUse::Quiet) quiets.push_back(s);
        }
        if (!hasBedroom) continue;
        ++withBedrooms;
        if (oneGroup && name != BuildingGraph::kWholePlan)
            for (int q : g.spacesWithUse(SpaceUse::Quiet))
                if (g.space(q).group.empty() &&
                    std::any_of(livings.begin(), livings.end(),
                                [&](int l) { return g.space(l).storey == g.space(q).storey; }))
                    quiets.push_back(q);

        Finding f;
        f.object = name;
        f.objectType = "group";
        f.expected = kit::say(forbidSharedWall ? QT_TRANSLATE_NOOP("rules", "a quiet room >= %1 m2 reachable from the living room without passing "
                                                   "a bedroom, sharing no wall with it")
                                               : QT_TRANSLATE_NOOP("rules", "a quiet room >= %1 m2 reachable from the living room without passing "
                                                   "a bedroom"),
                              kit::fmt(minArea, 2));
        const int anchor = !livings.empty() ? livings.front() : members.front();
        f.location = markerPoint(g.space(anchor).shape);
        f.storey = g.space(anchor).storey;
        if (livings.empty()) {
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "group %1 has no living room to retreat from"), name);
            f.observed = QT_TRANSLATE_NOOP("rules", "no living room");
            r.findings.push_back(std::move(f));
            continue;
        }
        if (quiets.empty()) {
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "group %1 has no quiet room"), name);
            f.observed = QT_TRANSLATE_NOOP("rules", "none");
            r.findings.push_back(std::move(f));
            continue;
        }
        const auto clean = reachable(g, livings, true);
        const auto any = reachable(g, livings, false);
        Candidate best;
        for (int q : quiets) {
            const Space& sp = g.space(q);
            Candidate c;
            c.space = q;
            if (!any[q]) {
                c.why = kit::say(QT_TRANSLATE_NOOP("rules", "not reachable from %1"), ids(g, livings));
                c.observed = QT_TRANSLATE_NOOP("rules", "not reachable");
            } else if (!clean[q]) {
                c.verdict = Verdict::OnlyThroughBedroom;
                c.why = kit::say(QT_TRANSLATE_NOOP("rules", "reachable from %1 only through a bedroom"), ids(g, livings));
                c.observed = QT_TRANSLATE_NOOP("rules", "only through a bedroom");
            } else if (sp.area + 1e-9 < minArea) {
                c.verdict = Verdict::TooSmall;
                c.why = kit::say(QT_TRANSLATE_NOOP("rules", "too small: %1 m2"), kit::fmt(sp.area, 2));
                c.observed = kit::fmt(sp.area, 2) + " m2";
            } else {
                double shared = 0;
                for (int l : livings) shared = std::max(shared, sharedWallLength(g.space(l).shape, sp.shape, wallMax));
                if (forbidSharedWall && shared + 1e-9 >= minSharedWall) {
                    c.verdict = Verdict::SharesWall;
                    c.why = kit::say(QT_TRANSLATE_NOOP("rules", "shares %1 m of wall with the living room"), kit::fmt(shared, 2));
                    c.observed = kit::say(QT_TRANSLATE_NOOP("rules", "shares %1 m of wall"), kit::fmt(shared, 2));
                } else {
                    c.verdict = Verdict::Fits;
                }
            }
            if (best.space < 0 || c.verdict > best.verdict) best = c;
            if (c.verdict != Verdict::Fits)
                f.message += (f.message.empty() ? "" : "; ") + kit::say(QT_TRANSLATE_NOOP("rules", "%1 %2"), sp.id, c.why);
        }
        if (best.verdict == Verdict::Fits) {
            ++fitting;
            Shape shape;
            shape.label = QT_TRANSLATE_NOOP("rules", "quiet room");
            shape.object = g.space(best.space).id;
            shape.storey = g.space(best.space).storey;
            shape.area = MultiPolygon{g.space(best.space).shape};
            r.shapes.push_back(std::move(shape));
            continue;
        }
        f.message = kit::say(QT_TRANSLATE_NOOP("rules", "group %1: no fitting quiet room (%2)"), name, f.message);
        f.observed = best.observed;
        r.findings.push_back(std::move(f));
    }
    if (withBedrooms == 0) {
        r.status = Status::NotApplicable;
        r.summary = QT_TRANSLATE_NOOP("rules", "the plan has no bedrooms");
        r.findings.clear();
        return r;
    }
    const double share = 100.0 * fitting / withBedrooms;
    r.value = share;
    r.status = kit::atLeast(share, 100, 100);
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "%1 of %2 living groups have a fitting quiet room"), std::to_string(fitting),
                         std::to_string(withBedrooms));

    r.figures.push_back({"groups", static_cast<double>(withBedrooms), ""});
    r.figures.push_back({"groups_with_quiet_room", static_cast<double>(fitting), ""});
    return r;
}

class QuietRoomPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<QuietRoomRule>(); }
};

}  // namespace vgscan

#include "QuietRoomRule.moc"
