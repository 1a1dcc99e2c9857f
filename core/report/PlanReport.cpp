#include "report/PlanReport.h"

#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "derive/ContextIndex.h"
#include "plan/PlanLocations.h"
#include "report/HtmlReport.h"
#include "report/Reports.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <sstream>

namespace vgscan {

namespace {

using html::esc;
using html::num;
using i18n::arg;
using i18n::tx;
using plan::Kind;

// The colours of the two kinds (the report's verdict colours: a VG7 cluster
// and ambulant living).
const char* kindColour(int k) { return k == plan::VG7 ? html::verdictColour("cluster") : html::verdictColour("ambulant"); }

std::string kindName(int k) { return k == plan::VG7 ? tx("report", "VG7") : tx("report", "ambulant"); }

std::string sitesOf(const plan::Location& l) {
    std::string s;
    for (const auto& id : l.sites) s += (s.empty() ? "" : "+") + id;
    return s;
}

std::string ids(const plan::Problem& p, const std::vector<int>& ls) {
    std::string s;
    for (int l : ls) s += (s.empty() ? "" : ", ") + p.locations[static_cast<std::size_t>(l)].id;
    return s;
}

std::string km(double metres) { return i18n::shown(metres / 1000.0, 2); }

// A share with the digits it needs to be seen: one decimal from 1 % up, two
// significant digits below (a runner-up 0.011 % dearer showed as "0 %"),
// "< 0.001 %" below that.
std::string percentOf(double part, double whole) {
    if (!(whole > 0)) return "-";
    const double pct = 100.0 * part / whole, size = std::abs(pct);
    if (size == 0 || size >= 1) return i18n::shown(pct, 1) + " %";
    if (size < 0.001) return "< " + i18n::shown(0.001, 3) + " %";
    return i18n::shown(pct, 1 - static_cast<int>(std::floor(std::log10(size)))) + " %";
}

// "1 place", "6 places"; "1 location", "2 locations". Chosen here, not by Qt's
// %n: the source texts are the English ones (there is no English
// translation to hold plural forms) and Dutch has the same rule, one or more.
std::string placesCount(int n) { return arg(n == 1 ? tx("report", "%1 place") : tx("report", "%1 places"), std::to_string(n)); }
std::string locationsCount(int n) {
    return arg(n == 1 ? tx("report", "%1 location") : tx("report", "%1 locations"), std::to_string(n));
}
std::string placesIn(int places, int locations) {
    return arg(tx("report", "%1 in %2"), placesCount(places), locationsCount(locations));
}

// A plan the time limit stopped: what was found and what is proven (as
// select says it).
std::string stoppedText(const plan::Result& r) {
    return arg(tx("plan", "Stopped at the time limit: best found %1, proven lower bound %2, gap %3 %"),
               i18n::shown(r.best.value, 0), i18n::shown(r.bound, 0), i18n::shown(100 * r.gap, 4));
}

std::string runnersUpHead(const plan::Result& r) {
    return r.stoppedAtTimeLimit ? tx("report", "Runners-up (next best plans found, not proven: stopped at the time limit)")
                                : tx("report", "Runners-up (next best plans, proven)");
}

// What the runners-up section says when it lists fewer plans than asked.
std::string runnersUpMissing(const plan::Problem& p, const plan::Result& r) {
    if (p.runnersUp <= 0) return tx("report", "None asked for (--runners-up 0).");
    // Stopped: what was not found may still exist.
    if (r.stoppedAtTimeLimit && static_cast<int>(r.runnersUp.size()) < p.runnersUp)
        return arg(tx("report", "%1 asked for, %2 found before the time limit (others may exist)."),
                   std::to_string(p.runnersUp), std::to_string(r.runnersUp.size()));
    if (r.runnersUp.empty())
        return arg(tx("report", "%1 asked for: no other plan meets the needs and the constraints."), std::to_string(p.runnersUp));
    if (r.runnersUp.size() == 1 && p.runnersUp > 1)
        return arg(tx("report", "%1 asked for: only this other plan meets the needs and the constraints."),
                   std::to_string(p.runnersUp));
    if (static_cast<int>(r.runnersUp.size()) < p.runnersUp)
        return arg(tx("report", "%1 asked for: only these %2 other plans meet the needs and the constraints."),
                   std::to_string(p.runnersUp), std::to_string(r.runnersUp.size()));
    return "";
}

// Most straight lines a kind's map draws (demand points the roads do not
// reach, or a portfolio without roads); with more, it draws none (a part
// would mislead, all would bury the map and grow the page with the demand).
constexpr std::size_t kMaxStraightLines = 1000;

// The width of a run of routes by the demand weight along it, in four
// steps (so that a location's runs make at most four paths).
int widthStep(double weight, double maxWeight) {
    if (!(maxWeight > 0)) return 1;
    return std::clamp(static_cast<int>(std::ceil(4.0 * std::sqrt(weight / maxWeight))), 1, 4);
}

// The routes of one kind: per chosen location, its runs as one path per
// width step, in the kind's colour; the straight lines dashed.
template <typename FX, typename FY>
std::string routeLines(const plan::PlanRoutes& routes, int kind, double unit, const FX& X, const FY& Y,
                       std::size_t& straightDrawn) {
    std::string s = "<g class=\"routes\" style=\"fill:none;stroke-linecap:round;stroke-linejoin:round\">";
    std::size_t straight = 0;
    for (const auto& d : routes.drawings)
        if (d.kind == kind) straight += d.straight.size();
    const bool drawStraight = straight <= kMaxStraightLines;
    if (drawStraight) straightDrawn += straight;
    for (const auto& d : routes.drawings) {
        if (d.kind != kind) continue;
        const std::string colour = kindColour(d.kind);
        std::string steps[5];
        for (const auto& run : d.runs) {
            std::string& path = steps[widthStep(run.weight, routes.maxWeight)];
            for (std::size_t i = 0; i < run.line.size(); ++i)
                path += (i ? "L" : (path.empty() ? "M" : " M")) + X(run.line[i]) + " " + Y(run.line[i]);
        }
        // The group's opacity, not each path's: where a location's routes
        // overlap (a demand point's last stretch along a road others drive
        // on) the colour stays even.
        if (!d.runs.empty()) {
            s += "<g class=\"route " + std::string(plan::optionName(static_cast<Kind>(d.kind))) + "\" style=\"stroke:" + colour +
                 ";opacity:.7\">";
            for (int w = 1; w <= 4; ++w)
                if (!steps[w].empty())
                    s += "<path style=\"stroke-width:" + num(unit * (0.1 + 0.15 * w)) + "\" d=\"" + steps[w] + "\"/>";
            s += "</g>";
        }
        std::string lines;
        for (const auto& l : d.straight) {
            if (!drawStraight) break;
            lines += "<line x1=\"" + X(l.front()) + "\" y1=\"" + Y(l.front()) + "\" x2=\"" + X(l.back()) + "\" y2=\"" +
                     Y(l.back()) + "\"/>";
        }
        if (!lines.empty())
            s += "<g class=\"straight\" style=\"stroke:" + colour + ";stroke-opacity:.5;stroke-width:" + num(unit * 0.15) +
                 ";stroke-dasharray:" + num(unit * 0.6) + " " + num(unit * 0.4) + "\">" + lines + "</g>";
    }
    return s + "</g>";
}

// What the lines are: routes along the roads, or straight lines where the
// travel is not measured along roads.
std::string routeLegend(const plan::PlanRoutes& routes, bool roadTravel, std::size_t straightDrawn) {
    std::string s;
    if (routes.routed > 0)
        s += " " + esc(tx("report", "Lines: each demand point's route along the roads to its chosen location of the map's kind, "
                                    "the way its travel was measured; wider where more clients' routes run."));
    if (routes.estimated > 0)
        s += " " + esc(roadTravel ? arg(tx("report", "Dashed straight lines: %1 routes the roads do not give; their travel "
                                                      "is the straight line times the detour factor."),
                                        std::to_string(routes.estimated))
                                  : tx("report", "Dashed straight lines join each demand point to its chosen location of "
                                                 "the map's kind: there are no roads, travel is the straight line times "
                                                 "the detour factor."));
    if (straightDrawn < routes.estimated)
        s += " " + esc(arg(tx("report", "%1 of them are not drawn: a map draws them only when it has at most %2."),
                           std::to_string(routes.estimated - straightDrawn), std::to_string(kMaxStraightLines)));
    return s;
}

// The map's frame, shared by both kinds' maps: the sites and the demand.
html::View planView(const PlanReportInput& in) {
    html::View v = html::View::none();
    for (const auto& at : in.sitesAt)
        for (const auto& q : at) v.include(q.x(), q.y());
    for (const auto& q : in.demandAt) v.include(q.x(), q.y());
    if (v.empty()) return v;
    v.pad(std::max({v.width(), v.height(), 100.0}) * 0.04);
    return v;
}

// Where each location's sites are drawn and where its label goes, in the
// map's units (y down), the same on both maps. Sites closer than two
// markers (S02 a hundred metres from C1's S01 on a 28 km map: its ring lay
// under C1's disc) go round a small circle about their centre, each with a
// thin line to its true point; every location is labelled at its first
// site, in the first of 8 places around it that covers no other label or
// marker: the chosen ones first (a chosen location is always labelled, in
// the place that covers least when none is free), then the other
// candidates (left out when no place is free: the tooltip and the
// candidates table still name them).
struct PlanMarkers {
    struct Label {
        bool drawn = false;
        double x = 0, y = 0;
        const char* anchor = "start";
    };
    std::vector<std::vector<std::pair<double, double>>> at;    // per location, per site: the marker
    std::vector<std::vector<std::pair<double, double>>> truth; // per location, per site: the site's point
    std::vector<Label> label;                                  // per location
    std::vector<bool> chosen;                                  // per location: in the plan, of either kind
};

constexpr double kChosenRadius = 1.1, kChosenFont = 1.6, kCandidateFont = 1.3;  // in map units (unit = width / 80)
// Beyond this many locations the other candidates are not labelled: on a
// national map only the map's edges have room, and labels there name
// candidates at random (the candidates table lists them all).
constexpr std::size_t kMaxCandidateLabels = 40;

PlanMarkers planMarkers(const PlanReportInput& in, const html::View& v, double unit) {
    const plan::Problem& p = *in.problem;
    const plan::Result& r = *in.result;
    PlanMarkers m;
    const std::size_t L = p.locations.size();
    m.at.resize(L);
    m.truth.resize(L);
    m.label.resize(L);
    std::vector<std::pair<std::size_t, std::size_t>> items;  // (location, site)
    for (std::size_t l = 0; l < L && l < in.sitesAt.size(); ++l)
        for (std::size_t i = 0; i < in.sitesAt[l].size(); ++i) {
            const Point& q = in.sitesAt[l][i];
            m.truth[l].emplace_back(v.x(q.x()), v.height() - v.y(q.y()));
            m.at[l].push_back(m.truth[l].back());
            items.emplace_back(l, i);
        }
    // Groups of markers that would touch (union-find over a grid of that size).
    const double near = unit * 2.4;
    std::vector<std::size_t> parent(items.size());
    for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto root = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    auto point = [&](std::size_t i) { return m.truth[items[i].first][items[i].second]; };
    std::map<std::pair<long long, long long>, std::vector<std::size_t>> grid;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto [x, y] = point(i);
        const long long gx = static_cast<long long>(std::floor(x / near)), gy = static_cast<long long>(std::floor(y / near));
        for (long long dx = -1; dx <= 1; ++dx)
            for (long long dy = -1; dy <= 1; ++dy) {
                const auto it = grid.find({gx + dx, gy + dy});
                if (it == grid.end()) continue;
                for (std::size_t j : it->second)
                    if (std::hypot(point(j).first - x, point(j).second - y) < near) parent[root(i)] = root(j);
            }
        grid[{gx, gy}].push_back(i);
    }
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < items.size(); ++i) groups[root(i)].push_back(i);
    // Up to 12 round a circle, neighbours 2.4 units apart; a larger crowd
    // (a city on a national map) stays put.
    const double pi = std::acos(-1.0);
    for (const auto& [g, members] : groups) {
        const std::size_t k = members.size();
        if (k < 2 || k > 12) continue;
        double cx = 0, cy = 0;
        for (std::size_t i : members) {
            cx += point(i).first;
            cy += point(i).second;
        }
        cx /= static_cast<double>(k);
        cy /= static_cast<double>(k);
        const double radius = std::max(near, near / 2 / std::sin(pi / static_cast<double>(k)));
        for (std::size_t n = 0; n < k; ++n) {
            const double a = -pi / 2 + 2 * pi * static_cast<double>(n) / static_cast<double>(k);
            m.at[items[members[n]].first][items[members[n]].second] = {cx + radius * std::cos(a), cy + radius * std::sin(a)};
        }
    }

    // Labels: boxes of the markers, then each label's box as placed.
    std::vector<std::array<double, 4>> boxes;
    const double mr = unit * kChosenRadius;
    for (const auto& at : m.at)
        for (const auto& [x, y] : at) boxes.push_back({x - mr, y - mr, x + mr, y + mr});
    std::vector<bool>& chosen = m.chosen;
    chosen.assign(L, false);
    std::vector<std::size_t> order;
    for (int k = 0; k < plan::kKinds; ++k)
        for (int l : r.best.kind[k].locations) {
            chosen[static_cast<std::size_t>(l)] = true;
            order.push_back(static_cast<std::size_t>(l));
        }
    if (L <= kMaxCandidateLabels)
        for (std::size_t l = 0; l < L; ++l)
            if (!chosen[l]) order.push_back(l);
    auto hits = [&](const std::array<double, 4>& b, std::size_t own) {
        int n = 0;
        std::size_t ownBoxes = 0;
        for (std::size_t l = 0; l < own; ++l) ownBoxes += m.at[l].size();
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            if (i >= ownBoxes && i < ownBoxes + m.at[own].size()) continue;  // its own markers
            const auto& o = boxes[i];
            n += b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3];
        }
        n += b[0] < 0 || b[1] < 0 || b[2] > v.width() || b[3] > v.height();
        return n;
    };
    for (std::size_t l : order) {
        if (m.at[l].empty()) continue;
        const auto [x, y] = m.at[l].front();
        const double f = unit * (chosen[l] ? kChosenFont : kCandidateFont);
        const double w = 0.62 * f * static_cast<double>(shownWidth(p.locations[l].id));
        const double d = mr + unit * 0.3;
        struct Place {
            double x, y;
            const char* anchor;
        };
        // Baselines: the text runs from y - 0.75 f to y + 0.2 f.
        const Place places[] = {{x + d, y + 0.3 * f, "start"},          {x - d, y + 0.3 * f, "end"},
                                {x, y - d - 0.2 * f, "middle"},         {x, y + d + 0.75 * f, "middle"},
                                {x + d * 0.7, y - d * 0.7, "start"},    {x + d * 0.7, y + d * 0.7 + 0.75 * f, "start"},
                                {x - d * 0.7, y - d * 0.7, "end"},      {x - d * 0.7, y + d * 0.7 + 0.75 * f, "end"}};
        int best = -1, bestHits = 0;
        std::array<double, 4> bestBox{};
        for (int i = 0; i < 8; ++i) {
            const Place& c = places[i];
            const double x0 = std::string_view(c.anchor) == "start" ? c.x : std::string_view(c.anchor) == "end" ? c.x - w : c.x - w / 2;
            const std::array<double, 4> b{x0, c.y - 0.75 * f, x0 + w, c.y + 0.2 * f};
            const int n = hits(b, l);
            if (best < 0 || n < bestHits) {
                best = i;
                bestHits = n;
                bestBox = b;
            }
            if (n == 0) break;
        }
        if (bestHits > 0 && !chosen[l]) continue;
        m.label[l] = {true, places[best].x, places[best].y, places[best].anchor};
        boxes.push_back(bestBox);
    }
    return m;
}

// A map of one kind's routes: every candidate location at its sites
// (hollow, the kind's colour), the chosen ones of both kinds filled and
// labelled, the demand points sized by weight, and each demand point's route
// to its chosen location of `kind` (routeLines). Both kinds mostly drive the
// same roads, so each has its map.
std::string planMap(const PlanReportInput& in, int kind, const html::View& v, const PlanMarkers& markers,
                    std::size_t& straightDrawn, std::string& roadsNote) {
    const plan::Problem& p = *in.problem;
    const plan::Result& r = *in.result;
    if (v.empty()) return "";
    const double unit = std::max(v.width(), v.height()) / 80.0;  // about 7 px on a 560 px map
    double maxWeight = 0;
    for (double w : p.weight) maxWeight = std::max(maxWeight, w);
    auto X = [&](const Point& q) { return num(v.x(q.x())); };
    auto Y = [&](const Point& q) { return num(v.height() - v.y(q.y())); };  // y down
    std::string s = "<svg class=\"map planmap\" viewBox=\"0 0 " + num(v.width()) + " " + num(v.height()) +
                    "\" width=\"560\" height=\"" + num(560 * v.height() / v.width(), 0) + "\" role=\"img\"><title>" +
                    esc(arg(tx("report", "map of the routes to the chosen %1 locations, with the candidates and the demand"),
                            kindName(kind))) +
                    "</title>";
    const std::size_t N = in.demandAt.size();
    // The roads under the routes, faintly: the map's window from the road
    // R-trees, the main classes only when there are too many (as a site's
    // map); drawn on the first map, used by the second.
    if (in.index && in.index->hasNetwork()) {
        if (kind != 0) {
            s += "<use href=\"#planroads\"/>";
        } else {
            const RoadWindow window = in.index->roadsIn(v.minX, v.minY, v.maxX, v.maxY, html::kMaxWindowSegments);
            std::string d;
            for (const auto& piece : window.pieces) {
                const LineString line = html::drawnLine(v, piece.line);
                for (std::size_t i = 0; i < line.size(); ++i)
                    d += (i ? "L" : (d.empty() ? "M" : " M")) + X(line[i]) + " " + Y(line[i]);
            }
            s += "<g id=\"planroads\">";
            if (!d.empty())
                s += "<path class=\"roads\" style=\"fill:none;stroke:#c4c4c4;stroke-linejoin:round;stroke-width:" +
                     num(unit * 0.1) + "\" d=\"" + d + "\"/>";
            s += "</g>";
            roadsNote = window.complete()
                            ? tx("report", "Thin grey lines: the roads.")
                            : arg(tx("report", "Thin grey lines: the roads (%1)."),
                                  window.ranks == 0 ? tx("report", "roads left out: too many in this window")
                                                    : arg(tx("report", "only roads from %1 up"), kRoadClassOrder[window.ranks - 1]));
        }
    }
    if (in.routes) s += routeLines(*in.routes, kind, unit, X, Y, straightDrawn);
    // The demand and the candidates are the same on both maps: drawn on the
    // first, used by the second (the page does not grow twice with them).
    if (kind != 0) {
        s += "<use href=\"#planbase\"/>";
    } else {
        s += "<g id=\"planbase\"><g class=\"demand\" style=\"fill:#5f6b76;fill-opacity:.45\">";
        for (std::size_t j = 0; j < N; ++j) {
            if (p.weight[j] <= 0) continue;
            const double rad = unit * (0.15 + 0.45 * std::sqrt(maxWeight > 0 ? p.weight[j] / maxWeight : 0));
            s += "<circle cx=\"" + X(in.demandAt[j]) + "\" cy=\"" + Y(in.demandAt[j]) + "\" r=\"" + num(rad) + "\"><title>" +
                 esc(arg(tx("report", "demand point %1, weight %2"), p.demand[j], i18n::shown(p.weight[j]))) + "</title></circle>";
        }
        s += "</g>";
        // Markers moved off their sites: a thin line to the true point.
        std::string leaders;
        for (std::size_t l = 0; l < markers.at.size(); ++l)
            for (std::size_t i = 0; i < markers.at[l].size(); ++i)
                if (markers.at[l][i] != markers.truth[l][i])
                    leaders += "M" + num(markers.truth[l][i].first) + " " + num(markers.truth[l][i].second) + "L" +
                               num(markers.at[l][i].first) + " " + num(markers.at[l][i].second);
        if (!leaders.empty())
            s += "<path class=\"leaders\" style=\"fill:none;stroke:#333;stroke-width:" + num(unit * 0.08) + "\" d=\"" + leaders +
                 "\"/>";
        s += "<g class=\"candidates\" style=\"fill:none\">";
        for (std::size_t l = 0; l < p.locations.size(); ++l)
            for (int k = 0; k < plan::kKinds; ++k) {
                if (p.locations[l].places[k] <= 0) continue;
                for (const auto& [mx, my] : markers.at[l])
                    s += "<circle cx=\"" + num(mx) + "\" cy=\"" + num(my) + "\" r=\"" + num(unit * (k ? 0.55 : 0.8)) + "\" style=\"stroke:" +
                         kindColour(k) + ";stroke-width:" + num(unit * 0.15) + "\"><title>" +
                         esc(p.locations[l].id + " (" + kindName(k) + ", " +
                             arg(tx("report", "%1 places"), std::to_string(p.locations[l].places[k])) + ")") +
                         "</title></circle>";
            }
        s += "</g></g>";
    }
    // The other kind's chosen locations faint, this kind's on top.
    for (const int k : {1 - kind, kind}) {
        s += k == kind ? "<g class=\"chosen\">" : "<g class=\"chosen other\" style=\"opacity:.35\">";
        for (int l : r.best.kind[k].locations) {
            const auto& loc = p.locations[static_cast<std::size_t>(l)];
            for (const auto& [mx, my] : markers.at[static_cast<std::size_t>(l)])
                s += "<circle cx=\"" + num(mx) + "\" cy=\"" + num(my) + "\" r=\"" + num(unit * kChosenRadius) + "\" style=\"fill:" +
                     kindColour(k) + ";stroke:#111;stroke-width:" + num(unit * 0.15) + "\"><title>" +
                     esc(loc.id + ": " + arg(tx("report", "chosen %1 location"), kindName(k))) + "</title></circle>";
            const PlanMarkers::Label& at = markers.label[static_cast<std::size_t>(l)];
            if (at.drawn)
                s += "<text class=\"label\" x=\"" + num(at.x) + "\" y=\"" + num(at.y) + "\" text-anchor=\"" + at.anchor +
                     "\" style=\"font-size:" + num(unit * kChosenFont) + "px;font-weight:600;fill:" + kindColour(k) +
                     ";paint-order:stroke;stroke:#fff;stroke-width:" + num(unit * 0.4) + "px\">" + esc(loc.id) + "</text>";
        }
        s += "</g>";
    }
    // The other candidates' labels: plain, grey (the chosen ones' are bold,
    // in their kind's colour).
    s += "<g class=\"candidate-labels\" style=\"font-size:" + num(unit * kCandidateFont) +
         "px;fill:#4a5560;paint-order:stroke;stroke:#fff;stroke-width:" + num(unit * 0.35) + "px\">";
    for (std::size_t l = 0; l < p.locations.size(); ++l) {
        const PlanMarkers::Label& at = markers.label[l];
        if (markers.chosen[l] || !at.drawn) continue;
        s += "<text class=\"label\" x=\"" + num(at.x) + "\" y=\"" + num(at.y) + "\" text-anchor=\"" + at.anchor + "\">" +
             esc(p.locations[l].id) + "</text>";
    }
    s += "</g>";
    s += "</svg>";
    return s;
}

// Both kinds' maps side by side (stacked on a narrow screen), and what they show.
std::string planMaps(const PlanReportInput& in) {
    std::size_t straightDrawn = 0;
    std::string maps, roadsNote;
    const html::View v = planView(in);
    if (v.empty()) return "";
    const PlanMarkers markers = planMarkers(in, v, std::max(v.width(), v.height()) / 80.0);
    bool spread = false;
    for (std::size_t l = 0; l < markers.at.size(); ++l) spread = spread || markers.at[l] != markers.truth[l];
    for (int k = 0; k < plan::kKinds; ++k) {
        const std::string m = planMap(in, k, v, markers, straightDrawn, roadsNote);
        if (m.empty()) return "";
        maps += "<figure><figcaption>" +
                esc(arg(tx("report", "%1: routes to the chosen locations"), kindName(k))) + "</figcaption>" + m + "</figure>";
    }
    return "<div class=\"planmaps\">" + maps + "</div><p class=\"muted\">" +
           esc(tx("report", "Filled: the chosen locations; rings: the other candidates (large: VG7, small: ambulant); grey "
                            "dots: demand points, larger with more weight.")) +
           (spread ? " " + esc(tx("report", "Sites too close to tell apart are drawn round a small circle, a thin line to "
                                            "where each is.")) : std::string()) +
           (in.problem->locations.size() > kMaxCandidateLabels
                ? " " + esc(arg(tx("report", "Only the chosen locations are labelled (more than %1 candidates: the table "
                                             "below lists them)."),
                                std::to_string(kMaxCandidateLabels)))
                : std::string()) +
           (in.routes ? routeLegend(*in.routes, in.roadTravel, straightDrawn) : std::string()) +
           (roadsNote.empty() ? std::string() : " " + esc(roadsNote)) + "</p>";
}

}  // namespace

std::string planCsv(const PlanReportInput& in) {
    const plan::Problem& p = *in.problem;
    const plan::Result& r = *in.result;
    std::ostringstream out;
    out << "plan,kind,location,sites,places,weighted_travel,more_than_optimum,clients,client_weight,mean_travel_km,"
           "serves_no_demand\n";
    auto row = [&](int rank, int k, int l, const plan::PlanChoice& c, const plan::Served* s) {
        const plan::Location& loc = p.locations[static_cast<std::size_t>(l)];
        out << rank << ',' << plan::optionName(static_cast<Kind>(k)) << ',' << csvField(loc.id) << ','
            << csvField(sitesOf(loc)) << ',' << loc.places[k] << ',' << num(c.value, 1) << ','
            << num(c.value - r.best.value, 1) << ',';
        if (s)
            out << s->points << ',' << num(s->weight, 3) << ','
                << (s->weight > 0 ? num(s->weightedCost / s->weight / 1000.0, 3) : std::string()) << ','
                << (s->servesNoDemand ? "yes" : "no");
        else
            out << ",,,";
        out << '\n';
    };
    for (int k = 0; k < plan::kKinds; ++k)
        for (const auto& s : r.served[k]) row(1, k, s.location, r.best, &s);
    int rank = 2;
    for (const auto& c : r.runnersUp) {
        for (int k = 0; k < plan::kKinds; ++k)
            for (int l : c.kind[k].locations) row(rank, k, l, c, nullptr);
        ++rank;
    }
    return out.str();
}

std::string TextTable::str() const {
    std::vector<int> width;
    for (const auto& c : columns) width.push_back(std::max(c.minWidth, shownWidth(c.head)));
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.cells.size() && i < width.size(); ++i) width[i] = std::max(width[i], shownWidth(r.cells[i]));
    auto line = [&](const auto& cellOf, const std::string& after) {
        std::string s;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const bool last = i + 1 == columns.size();
            s += (i == 0 ? "" : columns[i].before) +
                 (last && !columns[i].right ? cellOf(i) : textColumn(cellOf(i), width[i], columns[i].right));
        }
        return s + after + "\n";
    };
    std::string s = line([&](std::size_t i) { return columns[i].head; }, "");
    for (const auto& r : rows) s += line([&](std::size_t i) { return i < r.cells.size() ? r.cells[i] : std::string(); }, r.after);
    return s;
}

std::string planText(const PlanReportInput& in) {
    const plan::Problem& p = *in.problem;
    const plan::Result& r = *in.result;
    const auto said = [](const std::string& s) { return i18n::ruleText(s); };  // the core's English data, shown
    std::string s = arg(tx("plan", "Regional plan: %1 (candidates from: %2)"), in.portfolio, said(in.scan)) + "\n";
    s += arg(tx("plan", "Demand: %1 points, weight %2; travel: %3"), std::to_string(p.demand.size()),
             i18n::shown(r.totalWeight, 1), said(in.costs)) +
         "\n";
    s += arg(tx("plan", "Need: VG7 %1, ambulant %2; minimum separation %3"), placesIn(p.need[plan::VG7], p.k[plan::VG7]),
             placesIn(p.need[plan::Ambulant], p.k[plan::Ambulant]),
             p.minSeparation > 0 ? i18n::shown(p.minSeparation / 1000.0, 1) + " km" : tx("report", "none")) +
         "\n";
    for (int k = 0; k < plan::kKinds; ++k) {
        std::string c;
        for (const auto& l : p.locations)
            if (l.places[k] > 0)
                c += (c.empty() ? "" : ", ") + l.id + (l.sites.size() > 1 ? " (" + sitesOf(l) + ")" : "") + " " +
                     std::to_string(l.places[k]);
        s += arg(tx("plan", "Candidates %1 (places): %2"), kindName(k), c.empty() ? tx("report", "none") : c) + "\n";
    }
    for (const auto& n : in.notes) s += "  " + arg(tx("plan", "note: %1"), said(n)) + "\n";

    s += "\n" + arg(r.optimal ? tx("plan", "Proven optimal plan: weighted travel %1 (weight x metres; VG7 %2, ambulant %3)")
                              : tx("plan", "Best plan found, not proven optimal: weighted travel %1 (weight x metres; VG7 "
                                           "%2, ambulant %3)"),
                    i18n::shown(r.best.value, 0), i18n::shown(r.best.kind[plan::VG7].value, 0),
                    i18n::shown(r.best.kind[plan::Ambulant].value, 0)) +
         "\n";
    if (r.stoppedAtTimeLimit) s += stoppedText(r) + "\n";
    // The demand points a location serves and their clients (the demand's weight).
    TextTable plan{{{tx("report", "kind"), 9},
                    {tx("report", "location"), 10},
                    {tx("report", "sites"), 16},
                    {tx("report", "places"), 7, true},
                    {tx("report", "demand points"), 8, true},
                    {tx("report", "clients (weight)"), 10, true},
                    {tx("report", "mean km"), 10, true},
                    {tx("report", "name"), 0, false, "  "}},
                   {}};
    bool flagged = false;
    for (int k = 0; k < plan::kKinds; ++k)
        for (const auto& sv : r.served[k]) {
            const plan::Location& l = p.locations[static_cast<std::size_t>(sv.location)];
            plan.rows.push_back({{kindName(k), l.id, sitesOf(l), std::to_string(l.places[k]), std::to_string(sv.points),
                                  i18n::shown(sv.weight, 1), sv.weight > 0 ? km(sv.weightedCost / sv.weight) : "-", l.name},
                                 sv.servesNoDemand ? "  [" + tx("report", "serves no demand") + "]" : ""});
            flagged = flagged || sv.servesNoDemand;
        }
    s += plan.str();
    for (int k = 0; k < plan::kKinds; ++k)
        s += arg(tx("report", "%1: %2 places for a need of %3; mean travel %4 km per client."), kindName(k),
                 std::to_string(r.best.kind[k].places), std::to_string(p.need[k]),
                 km(r.totalWeight > 0 ? r.best.kind[k].value / r.totalWeight : 0)) +
             "\n";
    if (flagged)
        s += "[" + tx("report", "serves no demand") + "]: " +
             tx("plan", "no demand point has this location as its nearest chosen location of its kind; it is in the "
                        "plan for its places (or the spread), not for its clients.") +
             "\n";

    s += "\n" + runnersUpHead(r) + "\n";
    if (const std::string missing = runnersUpMissing(p, r); !missing.empty()) s += missing + "\n";
    if (!r.runnersUp.empty()) {
        TextTable runners{{{"#", 3},
                           {kindName(plan::VG7), 28},
                           {kindName(plan::Ambulant), 28},
                           {tx("report", "weighted travel"), 16, true},
                           {tx("report", "more than the plan"), 18, true}},
                          {}};
        int rank = 2;
        for (const auto& c : r.runnersUp)
            runners.rows.push_back({{std::to_string(rank++), ids(p, c.kind[plan::VG7].locations),
                                     ids(p, c.kind[plan::Ambulant].locations), i18n::shown(c.value, 0),
                                     "+" + i18n::shown(c.value - r.best.value, 0) + " (" +
                                         percentOf(c.value - r.best.value, r.best.value) + ")"},
                                    ""});
        s += runners.str();
    }

    s += "\n" + tx("report", "Constraints (the plan solved again without each)") + "\n";
    for (const auto& x : r.relaxations) {
        s += "  " + x.constraint + " (" + said(x.what) + "): ";
        if (!x.solved)
            s += x.note.empty() ? tx("report", "no plan without it") : said(x.note);
        else if (x.binds)
            s += tx("plan", "BINDS:") + " " +
                 arg(tx("report", "VG7 %1, ambulant %2: travel %3 less (%4)"), ids(p, x.plan.kind[plan::VG7].locations),
                     ids(p, x.plan.kind[plan::Ambulant].locations), i18n::shown(r.best.value - x.value, 0),
                     percentOf(r.best.value - x.value, r.best.value));
        else
            s += tx("plan", "does not bind (the optimum is the same without it)");
        s += "\n";
    }
    s += "\n" + tx("report", "Method") + ": " + said(r.method) + "\n";
    return s;
}

std::optional<std::string> reportWithPlan(const std::string& report, const PlanReportInput& in) {
    static const std::string kHowTo = "<p id=\"regional-plan\">", kMade = "<p id=\"regional-plan-made\">";
    static const std::string kNavLink = "<a id=\"nav-plan\" href=\"plan.html\">";
    std::string out = report;
    // An earlier plan's paragraph and link go.
    if (const auto made = out.find(kMade); made != std::string::npos) {
        const auto end = out.find("</p>", made);
        if (end == std::string::npos) return std::nullopt;
        out.erase(made, end + 4 - made);
    }
    if (const auto link = out.find(kNavLink); link != std::string::npos) {
        const auto end = out.find("</a>", link);
        if (end == std::string::npos) return std::nullopt;
        out.erase(link, end + 4 - link);
    }
    const auto at = out.find(kHowTo);
    if (at == std::string::npos) return std::nullopt;
    // The report's language, for this paragraph only.
    const i18n::Language was = i18n::language();
    const auto lang = out.find("<html lang=\"nl\"");
    const i18n::Language want = lang != std::string::npos && lang < at ? i18n::Language::Dutch : i18n::Language::English;
    if (want != was) i18n::setLanguage(want);
    const plan::Problem& p = *in.problem;
    const plan::Result& r = *in.result;
    std::string chosen[plan::kKinds];
    for (int k = 0; k < plan::kKinds; ++k)
        chosen[k] = arg(tx("report", "%1 %2 (%3 places for a need of %4)"), kindName(k), ids(p, r.best.kind[k].locations),
                        std::to_string(r.best.kind[k].places), std::to_string(p.need[k]));
    const std::string paragraph =
        kMade + "<strong>" +
        esc(arg(tx("report", "Regional plan made from this scan at %1: %2; %3."),
                in.timestamp.empty() ? runTimestamp() : in.timestamp, chosen[plan::VG7], chosen[plan::Ambulant])) +
        "</strong> <a href=\"plan.html\">" + esc(tx("report", "Open the plan with its map (plan.html).")) + "</a></p>";
    const std::string navLink = kNavLink + esc(tx("report", "Regional plan")) + "</a>";
    if (want != was) i18n::setLanguage(was);
    out.insert(at, paragraph);
    // And in the bar at the top, last.
    if (const auto nav = out.find("</nav>"); nav != std::string::npos && nav < at) out.insert(nav, navLink);
    return out;
}

std::string planHtml(const PlanReportInput& in) {
    const plan::Problem& p = *in.problem;
    const plan::Result& r = *in.result;
    const std::string title = tx("report", "Regional plan");
    std::string s = "<!DOCTYPE html>\n<html lang=\"" + std::string(i18n::code(i18n::language())) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">\n<meta name=\"generator\" content=\"vgscan\">\n<title>" +
                    esc(title + " - " + in.portfolio) + "</title>\n<style>\n" + html::kCss +
                    "\n.planmap{max-width:100%;height:auto;background:#fff;border:1px solid var(--line)}\n"
                    ".planmaps{display:flex;flex-wrap:wrap;gap:1em}.planmaps figure{margin:0;max-width:100%}"
                    ".planmaps figcaption{font-weight:600;margin:.3em 0}\n</style>\n</head>\n<body>\n";
    s += "<header><h1>" + esc(title) + "</h1><p>" + esc(in.portfolio) + "</p></header>\n<main>\n";
    if (in.linkReport)
        s += "<p><a href=\"report.html\">" + esc(tx("report", "The scan's report (report.html)")) + "</a></p>\n";

    s += "<section id=\"need\"><h2>" + esc(tx("report", "What was asked")) + "</h2><ul>";
    for (int k = 0; k < plan::kKinds; ++k)
        s += "<li>" + esc(kindName(k) + ": " + placesIn(p.need[k], p.k[k])) + "</li>";
    s += "<li>" + esc(tx("report", "Minimum separation between locations of a kind:")) + " " +
         (p.minSeparation > 0 ? esc(i18n::shown(p.minSeparation / 1000.0, 1) + " km") : esc(tx("report", "none"))) + "</li>";
    s += "<li>" + esc(arg(tx("report", "Demand: %1 points, weight %2"), std::to_string(p.demand.size()), i18n::shown(r.totalWeight, 1))) +
         "</li><li>" + esc(tx("report", "Travel:")) + " " + esc(i18n::ruleText(in.costs)) + "</li><li>" + esc(tx("report", "Candidates from:")) +
         " " + esc(i18n::ruleText(in.scan)) + "</li>";
    for (int k = 0; k < plan::kKinds; ++k) {
        int count = 0;
        for (const auto& l : p.locations) count += l.places[k] > 0;
        s += "<li>" + esc(arg(tx("report", "%1 candidate locations: %2"), kindName(k), std::to_string(count))) + "</li>";
    }
    s += "</ul>";
    for (const auto& n : in.notes) s += "<p class=\"muted\">" + esc(i18n::ruleText(n)) + "</p>";
    s += "</section>\n";

    s += "<section id=\"plan\"><h2>" +
         esc(r.optimal ? tx("report", "The plan (proven optimal)") : tx("report", "The plan (best found, not proven optimal)")) +
         "</h2>" + (r.stoppedAtTimeLimit ? "<p><strong>" + esc(stoppedText(r)) + "</strong></p>" : "") + "<p>" +
         esc(arg(tx("report", "Weighted travel %1 (weight x metres): VG7 %2, ambulant %3."), i18n::shown(r.best.value, 0),
                 i18n::shown(r.best.kind[plan::VG7].value, 0), i18n::shown(r.best.kind[plan::Ambulant].value, 0))) +
         "</p>" + planMaps(in);
    s += "<table class=\"plain\"><thead><tr><th>" + esc(tx("report", "kind")) + "</th><th>" + esc(tx("report", "location")) +
         "</th><th>" + esc(tx("report", "sites")) + "</th><th>" + esc(tx("report", "places")) + "</th><th>" +
         esc(tx("report", "demand points")) + "</th><th>" + esc(tx("report", "clients (weight)")) + "</th><th>" +
         esc(tx("report", "mean km")) + "</th><th>" + esc(tx("report", "name")) + "</th></tr></thead><tbody>";
    bool flagged = false;
    for (int k = 0; k < plan::kKinds; ++k)
        for (const auto& sv : r.served[k]) {
            const plan::Location& l = p.locations[static_cast<std::size_t>(sv.location)];
            s += "<tr><td><span class=\"badge\" style=\"background:" + std::string(kindColour(k)) + ";color:#fff\">" +
                 esc(kindName(k)) + "</span></td><td>" + esc(l.id) + "</td><td>" + esc(sitesOf(l)) + "</td><td>" +
                 std::to_string(l.places[k]) + "</td><td>" + std::to_string(sv.points) + "</td><td>" + i18n::shown(sv.weight, 1) +
                 "</td><td>" + (sv.weight > 0 ? km(sv.weightedCost / sv.weight) : "-") + "</td><td>" + esc(l.name) +
                 (sv.servesNoDemand ? " <span class=\"badge warn\">" + esc(tx("report", "serves no demand")) + "</span>" : "") +
                 "</td></tr>";
            flagged = flagged || sv.servesNoDemand;
        }
    s += "</tbody></table>";
    for (int k = 0; k < plan::kKinds; ++k)
        s += "<p>" + esc(arg(tx("report", "%1: %2 places for a need of %3; mean travel %4 km per client."), kindName(k),
                             std::to_string(r.best.kind[k].places), std::to_string(p.need[k]),
                             km(r.totalWeight > 0 ? r.best.kind[k].value / r.totalWeight : 0))) +
             "</p>";
    if (flagged)
        s += "<p class=\"muted\">" +
             esc(tx("report", "Serves no demand: no demand point has this location as its nearest chosen location of its "
                              "kind; it is in the plan for its places (or the spread), not for its clients.")) +
             "</p>";
    s += "</section>\n";

    // Every candidate with its places and how they were counted (before, only
    // plan.json listed them): what the plan chose from, and what it left.
    s += "<section id=\"candidates\"><h2>" + esc(tx("report", "Candidate locations")) +
         "</h2><table class=\"plain\"><thead><tr><th>" + esc(tx("report", "location")) + "</th><th>" +
         esc(tx("report", "kind")) + "</th><th>" + esc(tx("report", "sites")) + "</th><th>" + esc(tx("report", "places")) +
         "</th><th>" + esc(tx("report", "basis")) + "</th><th>" + esc(tx("report", "chosen")) + "</th><th>" +
         esc(tx("report", "name")) + "</th></tr></thead><tbody>";
    for (int k = 0; k < plan::kKinds; ++k)
        for (std::size_t l = 0; l < p.locations.size(); ++l) {
            const plan::Location& loc = p.locations[l];
            if (loc.places[k] <= 0) continue;
            const auto& best = r.best.kind[k].locations;
            const bool isChosen = std::find(best.begin(), best.end(), static_cast<int>(l)) != best.end();
            std::string places = std::to_string(loc.places[k]);
            if (loc.uncapped[k] != loc.places[k])
                places += " " + arg(tx("report", "(%1 without the caps)"), std::to_string(loc.uncapped[k]));
            s += "<tr><td>" + esc(loc.id) + "</td><td><span class=\"badge\" style=\"background:" + std::string(kindColour(k)) +
                 ";color:#fff\">" + esc(kindName(k)) + "</span></td><td>" + esc(sitesOf(loc)) + "</td><td>" + esc(places) +
                 "</td><td>" + esc(plan::basisText(loc.basis[k], true)) + "</td><td>" +
                 (isChosen ? "<strong>" + esc(tx("report", "yes")) + "</strong>" : esc(tx("report", "no"))) + "</td><td>" +
                 esc(loc.name) + "</td></tr>";
        }
    s += "</tbody></table></section>\n";

    s += "<section id=\"runners-up\"><h2>" + esc(runnersUpHead(r)) + "</h2>";
    if (const std::string missing = runnersUpMissing(p, r); !missing.empty()) s += "<p>" + esc(missing) + "</p>";
    if (!r.runnersUp.empty()) {
        s += "<table class=\"plain\"><thead><tr><th>#</th><th>" + esc(kindName(plan::VG7)) + "</th><th>" +
             esc(kindName(plan::Ambulant)) + "</th><th>" + esc(tx("report", "weighted travel")) + "</th><th>" +
             esc(tx("report", "more than the plan")) + "</th></tr></thead><tbody>";
        int rank = 2;
        for (const auto& c : r.runnersUp)
            s += "<tr><td>" + std::to_string(rank++) + "</td><td>" + esc(ids(p, c.kind[plan::VG7].locations)) + "</td><td>" +
                 esc(ids(p, c.kind[plan::Ambulant].locations)) + "</td><td>" + i18n::shown(c.value, 0) + "</td><td>+" +
                 i18n::shown(c.value - r.best.value, 0) + " (" + percentOf(c.value - r.best.value, r.best.value) + ")</td></tr>";
        s += "</tbody></table>";
    }
    s += "</section>\n";

    s += "<section id=\"constraints\"><h2>" + esc(tx("report", "Constraints (the plan solved again without each)")) +
         "</h2><table class=\"plain\"><thead><tr><th>" + esc(tx("report", "constraint")) + "</th><th>" +
         esc(tx("report", "binds")) + "</th><th>" + esc(tx("report", "without it")) + "</th></tr></thead><tbody>";
    for (const auto& x : r.relaxations) {
        std::string without;
        if (!x.solved)
            without = x.note.empty() ? tx("report", "no plan without it") : i18n::ruleText(x.note);
        else if (x.binds)
            without = arg(tx("report", "VG7 %1, ambulant %2: travel %3 less (%4)"), ids(p, x.plan.kind[plan::VG7].locations),
                          ids(p, x.plan.kind[plan::Ambulant].locations), i18n::shown(r.best.value - x.value, 0),
                          percentOf(r.best.value - x.value, r.best.value));
        else
            without = tx("report", "the same optimum");
        s += "<tr><td>" + esc(x.constraint) + " <span class=\"muted\">(" + esc(i18n::ruleText(x.what)) + ")</span></td><td>" +
             (x.binds ? "<strong>" + esc(tx("report", "yes")) + "</strong>" : esc(tx("report", "no"))) + "</td><td>" +
             esc(without) + "</td></tr>";
    }
    s += "</tbody></table></section>\n";
    s += "<section id=\"method\"><h2>" + esc(tx("report", "Method")) + "</h2><p>" + esc(i18n::ruleText(r.method)) + "</p><p class=\"muted\">" +
         esc(arg(tx("report", "Made by vgscan at %1; plan.json and plan.csv hold the same figures."),
                 in.timestamp.empty() ? runTimestamp() : in.timestamp)) +
         "</p></section>\n</main>\n</body>\n</html>\n";
    return s;
}

}  // namespace vgscan
