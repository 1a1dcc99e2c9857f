#include "SightLinesRule.h"

#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "model/Model.h"
#include "rules/RuleKit.h"
#include "BestPosts.h"
#include "SightView.h"
#include "scan/Budget.h"

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

using MultiLineString = bg::model::multi_linestring<LineString>;
using sight::StoreyView;

// Unseen parts smaller than this are rounding, not a blind spot.
constexpr double kMinUnseenArea = 0.01;  // m²
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

std::string groupName(const std::string& g) { return g.empty() ? QT_TRANSLATE_NOOP("rules", "the building") : kit::say(QT_TRANSLATE_NOOP("rules", "group %1"), g); }

std::string pct(double v) { return kit::fmt(v, 1) + " %"; }

// Walls of zero thickness: where two spaces of the storey touch, their union
// (the free space) has no boundary between them, yet the wall still blocks
// sight except where a door or passage strip crosses it.
std::vector<sight::Wall> zeroThicknessWalls(const BuildingGraph& g, int storey) {
    std::vector<sight::Wall> out;
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
            // Every pair of spaces of the storey: bounded by the site's time budget.
            budget::check("running rule 'sight_lines' (walls between spaces)");
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
                        out.emplace_back(l[i], l[i + 1]);
        }
    return out;
}

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

Status worse(Status a, Status b) {
    auto rank = [](Status s) { return s == Status::Fail ? 2 : s == Status::Warn ? 1 : 0; };
    return rank(a) >= rank(b) ? a : b;
}

// In the plan file's coordinates: the rule computes on the plan moved to
// plan.origin (derive/LocalOrigin.h).
std::string at(const Point& p, int storey, const FloorPlan& plan) {
    return kit::say(QT_TRANSLATE_NOOP("rules", "(%1, %2) on storey %3"), kit::fmt(p.x() + plan.origin.x(), 2),
                    kit::fmt(p.y() + plan.origin.y(), 2), std::to_string(storey));
}

// A resident's door: a door or passage from a bedroom onto a space outside
// the resident's own unit, with the lines on which it is looked for.
struct ResidentDoor {
    int opening;
    int bedroom;
    std::vector<LineString> lines;
};

std::vector<ResidentDoor> residentDoors(const BuildingGraph& g) {
    std::vector<ResidentDoor> out;
    const FloorPlan& plan = g.plan();
    for (int k = 0; k < static_cast<int>(plan.openings.size()); ++k) {
        const Opening& o = plan.openings[k];
        if (!o.walkable()) continue;
        int a = g.indexOf(o.from), b = g.indexOf(o.to);
        if (a < 0 || b < 0) continue;  // to the outside (or unknown): not a door into the group's spaces
        bool aBed = g.space(a).use == SpaceUse::Bedroom, bBed = g.space(b).use == SpaceUse::Bedroom;
        if (aBed == bBed) continue;  // no bedroom, or a door between two bedrooms
        int bed = aBed ? a : b, other = aBed ? b : a;
        if (isSanitary(g.space(other).use) || (privateTo(g, other) == bed && !isSharedSpace(g, other))) continue;
        out.push_back({k, bed, doorTestLines(g, k, g.space(other))});
    }
    return out;
}

// The group's shared floor per storey, where a post may stand (the shared
// spaces joined by the doorways between two of them) and its resident doors.
sight::GroupFloor groupFloor(const BuildingGraph& g, const std::vector<int>& spaces,
                             const std::vector<ResidentDoor>& doors, const std::string& group, bool planHasGroups) {
    sight::GroupFloor gf;
    std::set<int> mine(spaces.begin(), spaces.end());
    auto add = [](MultiPolygon& acc, const Polygon& p) {
        MultiPolygon next;
        bg::union_(acc, p, next);
        acc = std::move(next);
    };
    for (int i : spaces) {
        const Space& s = g.space(i);
        add(gf.shared[s.storey], s.shape);
        gf.area += bg::area(s.shape);
    }
    gf.domain = gf.shared;
    const FloorPlan& plan = g.plan();
    for (int k = 0; k < static_cast<int>(plan.openings.size()); ++k) {
        const Opening& o = plan.openings[k];
        if (!o.walkable() || !mine.count(g.indexOf(o.from)) || !mine.count(g.indexOf(o.to))) continue;
        const Polygon& strip = g.doorway(k);
        if (strip.outer().empty() || !gf.domain.count(o.storey)) continue;
        add(gf.domain[o.storey], strip);
    }
    for (const auto& d : doors) {
        const Space& bed = g.space(d.bedroom);
        if (planHasGroups && bed.group != group) continue;
        gf.doors.push_back({plan.openings[d.opening].id, bed.storey, d.lines});
    }
    return gf;
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
        r.summary = planHasGroups ? QT_TRANSLATE_NOOP("rules", "no living group has a shared space (living, dining, kitchen, corridor, hall, activity)")
                                  : QT_TRANSLATE_NOOP("rules", "the plan has no shared space (living, dining, kitchen, corridor, hall, activity)");
        return r;
    }

    // One sight domain per storey, built when first asked for.
    std::map<int, std::unique_ptr<StoreyView>> views;
    auto viewOf = [&](int storey) -> const StoreyView& {
        auto& sv = views[storey];
        if (!sv) sv = std::make_unique<StoreyView>(g.freeSpace(storey), zeroThicknessWalls(g, storey));
        return *sv;
    };

    // One visibility polygon per staff post.
    std::vector<std::optional<Polygon>> view(plan.staffPosts.size());
    for (size_t k = 0; k < plan.staffPosts.size(); ++k) {
        const StaffPost& post = plan.staffPosts[k];
        std::string note;
        view[k] = viewOf(post.storey).visibleFrom(post.position, note);
        if (!note.empty()) {
            Finding f;
            f.object = post.id;
            f.objectType = "staff_post";
            f.storey = post.storey;
            f.location = post.position;
            if (view[k]) {
                f.message = kit::say(QT_TRANSLATE_NOOP("rules", "staff post %1 %2"), post.id, note);
            } else {
                f.message = kit::say(QT_TRANSLATE_NOOP("rules", "staff post %1 %2 %3: it sees nothing"), post.id, note, std::to_string(post.storey));
                f.expected = QT_TRANSLATE_NOOP("rules", "inside a space");
                f.observed = QT_TRANSLATE_NOOP("rules", "outside");
            }
            r.findings.push_back(std::move(f));
        }
        if (view[k]) {
            Shape sh;
            sh.label = kit::say(QT_TRANSLATE_NOOP("rules", "visible from %1"), post.id);
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

    // No staff post drawn at all: what staff would see is unknown, not 0 %.
    // The plan still tells where the best post would stand.
    const bool planHasPosts = !plan.staffPosts.empty();
    const std::vector<ResidentDoor> doorList = residentDoors(g);

    // Whether each resident door is seen by a post serving its bedroom's group
    // on its storey (a door is seen when some part of it is in view).
    std::vector<bool> doorIsSeen(doorList.size(), false);
    for (size_t d = 0; d < doorList.size(); ++d) {
        const Space& bedroom = g.space(doorList[d].bedroom);
        for (size_t p = 0; p < plan.staffPosts.size() && !doorIsSeen[d]; ++p) {
            const StaffPost& post = plan.staffPosts[p];
            if (!view[p] || post.storey != bedroom.storey || !serves(post, bedroom.group)) continue;
            doorIsSeen[d] = sight::doorSeen(doorList[d].lines, *view[p]);
        }
    }

    Status status = Status::Pass;
    std::optional<double> worst;
    std::string worstGroup;
    std::string bestSummary;
    for (const auto& [group, spaces] : shared) {
        const std::string gkey = group.empty() ? std::string("building") : group;
        const bool hasPost = std::any_of(plan.staffPosts.begin(), plan.staffPosts.end(),
                                         [&](const StaffPost& p) { return serves(p, group); });

        // What the group's posts see, measured first: the best-post search
        // (hundreds of exact views per group) runs only where its answer is
        // the advice, i.e. where the group has no post or fails a threshold.
        double total = 0.0, visible = 0.0;
        std::vector<Finding> spaceFindings;
        if (planHasPosts) {
            for (int i : spaces) {
                const Space& s = g.space(i);
                const double area = bg::area(s.shape);
                const MultiPolygon& seen = seenArea(group, s.storey);
                double vis = 0.0;
                if (!seen.empty() && bg::intersects(bg::return_envelope<Box>(seen), bg::return_envelope<Box>(s.shape))) {
                    // Not by Boost's overlay of the space with `seen`: at a
                    // needle's tip it can count more than the views hold.
                    std::vector<sight::PostView> pv;
                    const Box sb = bg::return_envelope<Box>(s.shape);
                    for (size_t k = 0; k < plan.staffPosts.size(); ++k) {
                        const StaffPost& post = plan.staffPosts[k];
                        if (!view[k] || post.storey != s.storey || !serves(post, group)) continue;
                        if (!bg::intersects(bg::return_envelope<Box>(*view[k]), sb)) continue;
                        pv.push_back({*view[k], post.position});
                    }
                    vis = sight::spaceSeenArea(s.shape, pv);
                }
                total += area;
                visible += vis;
                if (area - vis <= kMinUnseenArea) continue;
                Finding f;
                f.object = s.id;
                f.objectType = "space";
                f.storey = s.storey;
                f.expected = kit::say(QT_TRANSLATE_NOOP("rules", "visible from a staff post of %1 on storey %2"), groupName(group), std::to_string(s.storey));
                f.observed = kit::say(QT_TRANSLATE_NOOP("rules", "%1 visible"), pct(100.0 * vis / area));
                f.message = kit::say(QT_TRANSLATE_NOOP("rules", "%1 m2 of %2 (%3 of %4 m2) is not visible from any staff post of %5"),
                                     kit::fmt(area - vis, 2), s.id, pct(100.0 * (area - vis) / area), kit::fmt(area, 2),
                                     groupName(group));
                // Point at the largest blind spot.
                MultiPolygon unseen;
                bg::difference(s.shape, seen, unseen);
                const Polygon* largest = nullptr;
                for (const auto& p : unseen)
                    if (!largest || bg::area(p) > bg::area(*largest)) largest = &p;
                f.location = largest ? markerPoint(*largest) : markerPoint(s.shape);
                spaceFindings.push_back(std::move(f));
            }
        }
        const double share = total > 0 ? 100.0 * visible / total : 100.0;
        // The group's own resident doors (all of them in a plan without groups).
        int groupDoors = 0, groupDoorsSeen = 0;
        for (size_t d = 0; d < doorList.size(); ++d) {
            if (planHasGroups && g.space(doorList[d].bedroom).group != group) continue;
            ++groupDoors;
            groupDoorsSeen += doorIsSeen[d] ? 1 : 0;
        }
        const bool sharePasses = share >= minShare;
        const bool doorsPass = groupDoors == 0 || 100.0 * groupDoorsSeen / groupDoors >= minDoors;
        const bool wantsAdvice = !planHasPosts || !hasPost || !sharePasses || !doorsPass;

        std::string bestText;  // "the best post here would see X % ..."
        if (wantsAdvice) {
            const sight::GroupFloor gf = groupFloor(g, spaces, doorList, group, planHasGroups);
            const sight::Best best = sight::bestPosts(gf, viewOf);
            const int floorDoors = static_cast<int>(gf.doors.size());
            if (best.single) {
                const double bs = gf.area > 0 ? 100.0 * best.single->area / gf.area : 100.0;
                bestText = kit::say(QT_TRANSLATE_NOOP("rules", "the best post here would see %1 of the shared floor and %2 of %3 resident doors, at %4"),
                                    pct(bs), std::to_string(best.single->doorsSeen), std::to_string(floorDoors),
                                    at(best.single->spot.at, best.single->spot.storey, g.plan()));
                r.figures.push_back({"best_post_share_pct:" + gkey, bs, "%"});
                r.figures.push_back({"best_post_doors_seen:" + gkey, static_cast<double>(best.single->doorsSeen), ""});
                r.figures.push_back({"resident_doors:" + gkey, static_cast<double>(floorDoors), ""});
                Finding f;
                f.object = gkey + ":best_post";
                f.objectType = "best_post";
                f.storey = best.single->spot.storey;
                f.location = best.single->spot.at;
                f.expected = "";
                f.observed = kit::say(QT_TRANSLATE_NOOP("rules", "%1 visible"), pct(bs));
                f.message = kit::say(QT_TRANSLATE_NOOP("rules", "best single staff post for %1: sees %2 of its %3 m2 of shared floor and %4 of %5 "
                                       "resident doors (out of %6 candidates of the visibility decomposition)"),
                                     groupName(group), pct(bs), kit::fmt(gf.area, 1), std::to_string(best.single->doorsSeen),
                                     std::to_string(floorDoors), std::to_string(best.candidates));
                r.findings.push_back(std::move(f));
                Shape sh;
                sh.label = kit::say(QT_TRANSLATE_NOOP("rules", "best post of %1 would see"), groupName(group));
                sh.object = gkey + ":best_post";
                sh.storey = best.single->spot.storey;
                sh.area.push_back(best.single->view);
                r.shapes.push_back(std::move(sh));
            }
            if (best.first && best.second) {
                const double ps = gf.area > 0 ? 100.0 * best.pairArea / gf.area : 100.0;
                bestText += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "the best pair %1 and %2 of %3 doors"), pct(ps), std::to_string(best.pairDoorsSeen),
                                            std::to_string(floorDoors));
                r.figures.push_back({"best_pair_share_pct:" + gkey, ps, "%"});
                r.figures.push_back({"best_pair_doors_seen:" + gkey, static_cast<double>(best.pairDoorsSeen), ""});
                int n = 0;
                for (const sight::Seen* s : {&*best.first, &*best.second}) {
                    Finding f;
                    f.object = gkey + ":best_pair_" + std::to_string(++n);
                    f.objectType = "best_post";
                    f.storey = s->spot.storey;
                    f.location = s->spot.at;
                    f.observed = kit::say(QT_TRANSLATE_NOOP("rules", "%1 visible together"), pct(ps));
                    f.message = kit::say(QT_TRANSLATE_NOOP("rules", "best pair of staff posts for %1 (%2 of 2): together they see %3 of the shared floor "
                                           "and %4 of %5 resident doors; this one alone %6"),
                                         groupName(group), std::to_string(n), pct(ps), std::to_string(best.pairDoorsSeen),
                                         std::to_string(floorDoors), pct(gf.area > 0 ? 100.0 * s->area / gf.area : 100.0));
                    r.findings.push_back(std::move(f));
                }
            }
        }
        if (bestSummary.empty() && !bestText.empty()) bestSummary = kit::say(QT_TRANSLATE_NOOP("rules", "%1: %2"), groupName(group), bestText);

        if (!planHasPosts) {
            Finding f;
            f.object = group.empty() ? BuildingGraph::kWholePlan : group;  // named as the other rules name it
            f.objectType = "group";
            f.expected = kit::say(QT_TRANSLATE_NOOP("rules", ">= %1 of the shared floor area visible"), pct(minShare));
            f.observed = QT_TRANSLATE_NOOP("rules", "no staff post");
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "the plan has no staff post, so what staff of %1 see is unknown"), groupName(group)) +
                        "; " + (bestText.empty() ? std::string(QT_TRANSLATE_NOOP("rules", "no post can be placed")) : bestText);
            r.findings.push_back(std::move(f));
            continue;
        }

        Status gs = hasPost ? kit::atLeast(share, minShare, warnShare) : Status::Fail;
        status = worse(status, gs);
        if (!worst || share < *worst) worst = share, worstGroup = group;
        r.figures.push_back({"visible_share_pct:" + gkey, share, "%"});

        Finding f;
        f.object = group.empty() ? BuildingGraph::kWholePlan : group;  // named as the other rules name it
        f.objectType = "group";
        f.expected = kit::say(QT_TRANSLATE_NOOP("rules", ">= %1 of the shared floor area visible"), pct(minShare));
        f.observed = pct(share);
        f.message = hasPost ? kit::say(QT_TRANSLATE_NOOP("rules", "%1 of the shared floor area of %2 (%3 of %4 m2) is visible from its staff posts"),
                                       pct(share), groupName(group), kit::fmt(visible, 1), kit::fmt(total, 1))
                            : kit::say(QT_TRANSLATE_NOOP("rules", "%1 has %2 m2 of shared spaces but no staff post: nothing of it is watched"),
                                       groupName(group), kit::fmt(total, 1));
        if (!bestText.empty()) f.message = kit::say(QT_TRANSLATE_NOOP("rules", "%1 (%2)"), f.message, bestText);
        if (!hasPost) f.observed = QT_TRANSLATE_NOOP("rules", "no staff post");
        r.findings.push_back(std::move(f));
        for (auto& sf : spaceFindings) r.findings.push_back(std::move(sf));
    }

    if (!planHasPosts) {
        r.status = Status::Unknown;
        r.summary = QT_TRANSLATE_NOOP("rules", "no staff post in the plan: what staff see is unknown") +
                    (bestSummary.empty() ? std::string() : "; " + bestSummary);

        return r;
    }
    r.value = *worst;

    // Bedroom doors: each seen when some part of it is in view of a post
    // serving the bedroom's group on its storey (doorIsSeen, above).
    int doors = 0, doorsSeen = 0;
    for (size_t k = 0; k < doorList.size(); ++k) {
        const ResidentDoor& d = doorList[k];
        const Opening& o = plan.openings[d.opening];
        const Space& bedroom = g.space(d.bedroom);
        ++doors;
        if (doorIsSeen[k]) {
            ++doorsSeen;
            continue;
        }
        Finding f;
        f.object = o.id;
        f.objectType = "opening";
        f.storey = bedroom.storey;
        f.location = o.position;
        f.expected = kit::say(QT_TRANSLATE_NOOP("rules", "seen from a staff post of %1"), groupName(bedroom.group));
        f.observed = QT_TRANSLATE_NOOP("rules", "not seen");
        f.message = kit::say(QT_TRANSLATE_NOOP("rules", "the door of bedroom %1 (%2) is not visible from any staff post of %3 on storey %4"),
                             bedroom.id, o.id, groupName(bedroom.group), std::to_string(bedroom.storey));
        r.findings.push_back(std::move(f));
    }
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "worst: %1, %2 of its shared floor area visible"), groupName(worstGroup), pct(*worst));
    if (doors > 0) {
        const double doorShare = 100.0 * doorsSeen / doors;
        status = worse(status, kit::atLeast(doorShare, minDoors, warnDoors));
        r.figures.push_back({"bedroom_doors", static_cast<double>(doors), ""});
        r.figures.push_back({"bedroom_doors_seen", static_cast<double>(doorsSeen), ""});
        r.figures.push_back({"bedroom_doors_seen_pct", doorShare, "%"});
        r.summary += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "%1 of %2 bedroom doors seen (needed %3 %)"), std::to_string(doorsSeen),
                                     std::to_string(doors), kit::atLeastText(minDoors, warnDoors));

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
