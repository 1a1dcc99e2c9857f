// The routes plan.html draws (core/plan/PlanRoutes): on a hand-made road
// network whose shortest drive is neither the straight line nor the direct
// road (a one-way street the wrong way), each demand point's route follows
// the known nodes and is exactly as long as the cost the plan used; shared
// stretches are drawn once with the weight of every route along them.
#include "TestKit.h"
#include "derive/ContextIndex.h"
#include "io/PortfolioReader.h"
#include "plan/PlanRoutes.h"
#include "plan/RegionalPlan.h"
#include "report/PlanReport.h"
#include "select/PortfolioCosts.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <cmath>
#include <map>
#include <set>

using namespace vgscan;
using Catch::Approx;

namespace {

Road road(std::vector<Point> pts, bool oneway = false) {
    Road r;
    r.roadClass = "residential";
    r.oneway = oneway;
    for (const auto& p : pts) r.line.push_back(p);
    return r;
}

double lengthOf(const LineString& l) {
    double m = 0;
    for (std::size_t i = 1; i < l.size(); ++i) m += std::hypot(l[i].x() - l[i - 1].x(), l[i].y() - l[i - 1].y());
    return m;
}

std::vector<std::pair<double, double>> pointsOf(const LineString& l) {
    std::vector<std::pair<double, double>> out;
    for (const auto& p : l) out.emplace_back(p.x(), p.y());
    return out;
}

// The network (metres):
//
//   (0,600) ------------------- (1000,600)       north: 600 + 1000 + 600
//      |                            |
//   (0,0) <==== one way ========= (1000,0)       direct, but only westward
//      |                            |    D1 (1050,100), 50 m off x = 1000
//   (0,-300) -- (500,-300) ----- (1000,-300)     south: 300 + 1000 + 300
//                          D2 (800,-320), 20 m below
//
//   D3 (5000,5000) on a road of its own: no route from the sites.
//
// VG7 location A at (0,0), ambulant location B at (1000,600). Driving from
// A to D1: not the one-way street (1000 + 100 + 50 = 1150 on foot), not the
// north (1600 + 500 + 50 = 2150), but the south: (0,0) (0,-300) (500,-300) (1000,-300)
// (1000,0) (1000,100) (1050,100) = 300 + 500 + 500 + 300 + 100 + 50 = 1750,
// against 1054.8 m straight. A to D2: (0,0) (0,-300) (500,-300) (800,-300)
// (800,-320) = 300 + 500 + 300 + 20 = 1120.
struct Fixture {
    Context ctx;
    std::vector<select::PlacePoint> demand;
    std::vector<select::PortfolioCandidate> sites;
    plan::Problem problem;
    // The points the map draws: A's and B's sites, the demand.
    std::vector<std::vector<Point>> sitesAt{{Point(0, 0)}, {Point(1000, 600)}};
    std::vector<Point> demandAt{Point(1050, 100), Point(800, -320), Point(5000, 5000)};
    // plan.html of a result with its routes (the roads under them with an index).
    std::string page(const plan::Result& r, const plan::PlanRoutes& routes, bool roadTravel,
                     const ContextIndex* index = nullptr) const {
        PlanReportInput in;
        in.problem = &problem;
        in.result = &r;
        in.sitesAt = sitesAt;
        in.demandAt = demandAt;
        in.roadTravel = roadTravel;
        in.routes = &routes;
        in.index = index;
        in.timestamp = "2026-12-05T00:00:00Z";
        return planHtml(in);
    }
    Fixture() {
        ctx.roads = {road({Point(1000, 0), Point(0, 0)}, /*oneway=*/true),
                     road({Point(0, 0), Point(0, 600), Point(1000, 600), Point(1000, 0)}),
                     road({Point(0, 0), Point(0, -300), Point(500, -300)}),
                     road({Point(500, -300), Point(1000, -300), Point(1000, 0)}),
                     road({Point(4990, 5000), Point(5010, 5000)})};
        demand = {{"D1", "D1", 2.0, Point(1050, 100)}, {"D2", "D2", 1.0, Point(800, -320)}, {"D3", "D3", 1.0, Point(5000, 5000)}};
        sites = {{"A", "A", "cluster", Point(0, 0)}, {"B", "B", "ambulant", Point(1000, 600)}};
        plan::Location a, b;
        a.id = a.name = "A";
        a.sites = {"A"};
        a.places[plan::VG7] = 6;
        b.id = b.name = "B";
        b.sites = {"B"};
        b.places[plan::Ambulant] = 6;
        problem.locations = {a, b};
        problem.k[plan::VG7] = problem.k[plan::Ambulant] = 1;
        problem.need[plan::VG7] = problem.need[plan::Ambulant] = 1;
        problem.runnersUp = 0;
        for (const auto& d : demand) {
            problem.demand.push_back(d.id);
            problem.weight.push_back(d.weight);
        }
    }
};

}  // namespace

TEST_CASE("plan routes: the drawn route is the driven shortest path, as long as the cost used") {
    Fixture f;
    const ContextIndex index(f.ctx);
    // The costs as vgscan plan makes them: driving, detour factor 1.3.
    const select::PortfolioCosts costs = select::portfolioCosts(f.sites, f.demand, index, /*walking=*/false, 1.3, false);
    f.problem.cost.assign(costs.cost.begin(), costs.cost.end());
    const plan::Result r = plan::solvePlan(f.problem, false);
    REQUIRE(r.best.kind[plan::VG7].locations == std::vector<int>{0});
    REQUIRE(r.best.kind[plan::Ambulant].locations == std::vector<int>{1});
    const std::size_t N = f.demand.size();
    CHECK(f.problem.cost[0 * N + 0] == Approx(1750).margin(1e-3));
    CHECK(f.problem.cost[0 * N + 1] == Approx(1120).margin(1e-3));

    const auto& sitesAt = f.sitesAt;
    const auto& demandAt = f.demandAt;
    std::map<std::pair<int, std::size_t>, LineString> seen;
    RouteOptions driving;
    driving.walking = false;
    driving.detourFactor = 1.3;
    const plan::PlanRoutes routes = plan::planRoutes(
        f.problem, r, sitesAt, demandAt, index, driving,
        [&](int kind, std::size_t j, int l, const LineString& route, double distance, bool estimated) {
            seen[{kind, j}] = route;
            const double cost = f.problem.cost[static_cast<std::size_t>(l) * N + j];
            // The search's distance is the cost (stored as a float).
            CHECK(distance == Approx(cost).epsilon(1e-6));
            // Along the roads the line drawn is as long as the cost.
            if (!estimated) CHECK(lengthOf(route) == Approx(cost).epsilon(1e-6));
            CHECK(estimated == (j == 2));
        });
    REQUIRE(seen.size() == 6);  // 3 demand points x 2 kinds
    using P = std::vector<std::pair<double, double>>;
    CHECK(pointsOf(seen[{plan::VG7, 0}]) ==
          P{{0, 0}, {0, -300}, {500, -300}, {1000, -300}, {1000, 0}, {1000, 100}, {1050, 100}});
    CHECK(pointsOf(seen[{plan::VG7, 1}]) == P{{0, 0}, {0, -300}, {500, -300}, {800, -300}, {800, -320}});
    // B drives down the east side: (1000,600) (1000,100) (1050,100), 550 m.
    CHECK(pointsOf(seen[{plan::Ambulant, 0}]) == P{{1000, 600}, {1000, 100}, {1050, 100}});
    CHECK(f.problem.cost[1 * N + 0] == Approx(550).margin(1e-3));
    // D3: no route; its line is the straight one and its cost the estimate.
    CHECK(pointsOf(seen[{plan::VG7, 2}]) == P{{0, 0}, {5000, 5000}});
    CHECK(f.problem.cost[0 * N + 2] == Approx(std::hypot(5000, 5000) * 1.3).epsilon(1e-6));

    REQUIRE(routes.drawings.size() == 2);
    CHECK(routes.routed == 4);
    CHECK(routes.estimated == 2);
    const plan::RouteDrawing& a = routes.drawings[0];
    CHECK(a.kind == plan::VG7);
    CHECK(a.location == 0);
    CHECK(a.routed == 2);
    REQUIRE(a.straight.size() == 1);
    CHECK(pointsOf(a.straight[0]) == P{{5000, 5000}, {0, 0}});
    // Merged: every segment of A's two routes once; the shared trunk (0,0)
    // (0,-300) (500,-300) (800,-300) carries both weights (3) as one run,
    // then each branch its own. D2 leaves the road at (800,-300), inside
    // D1's segment (500,-300) (1000,-300): that segment is cut there, so
    // the stretch both drive is drawn once.
    std::map<std::pair<std::pair<double, double>, std::pair<double, double>>, double> segs;
    std::size_t drawn = 0;
    for (const auto& run : a.runs)
        for (std::size_t i = 1; i < run.line.size(); ++i) {
            auto p = std::make_pair(run.line[i - 1].x(), run.line[i - 1].y());
            auto q = std::make_pair(run.line[i].x(), run.line[i].y());
            if (q < p) std::swap(p, q);
            segs[{p, q}] = run.weight;
            ++drawn;
        }
    CHECK(drawn == segs.size());  // no segment twice
    CHECK(drawn == 7 + 4 - 3);    // 6 segments (one cut in two) and 4, 3 shared
    CHECK(segs[{{0, -300}, {0, 0}}] == 3.0);
    CHECK(segs[{{0, -300}, {500, -300}}] == 3.0);
    CHECK(segs[{{500, -300}, {800, -300}}] == 3.0);
    CHECK(segs[{{800, -300}, {1000, -300}}] == 2.0);
    CHECK(segs.count({{500, -300}, {1000, -300}}) == 0);
    CHECK(segs[{{800, -320}, {800, -300}}] == 1.0);
    REQUIRE(a.runs.size() == 3);  // the trunk and two branches
    CHECK(routes.maxWeight == 3.0);

    // plan.html draws the routes as paths in the kind's class, and says what
    // the lines are; no straight assignment line is left for routed points.
    const std::string page = f.page(r, routes, true);
    CHECK_THAT(page, Catch::Matchers::ContainsSubstring("<g class=\"route vg7\""));
    CHECK_THAT(page, Catch::Matchers::ContainsSubstring("<g class=\"route ambulant\""));
    CHECK_THAT(page, Catch::Matchers::ContainsSubstring("route along the roads"));
    CHECK_THAT(page, Catch::Matchers::ContainsSubstring("Dashed straight lines: 2 routes the roads do not give"));
    std::size_t lines = 0;
    for (std::size_t at = page.find("<line "); at != std::string::npos; at = page.find("<line ", at + 1)) ++lines;
    CHECK(lines == 2);  // D3 to A and to B only
    CHECK_THAT(page, !Catch::Matchers::ContainsSubstring("planroads"));
    // With the index, the roads under the routes: drawn once, used by the
    // second map.
    const std::string withRoads = f.page(r, routes, true, &index);
    CHECK_THAT(withRoads, Catch::Matchers::ContainsSubstring("<g id=\"planroads\"><path class=\"roads\""));
    CHECK_THAT(withRoads, Catch::Matchers::ContainsSubstring("<use href=\"#planroads\"/>"));
    CHECK_THAT(withRoads, Catch::Matchers::ContainsSubstring("Thin grey lines: the roads."));
}

TEST_CASE("plan routes on the sample portfolio: every route drawn along the roads is as long as its cost") {
    // The sample's roads merge vertices within 0.5 m into one node; the
    // route drawn passes through the nodes, the cost adds the segments'
    // lengths. Every site of the sample to every demand point, driving, as
    // `vgscan plan` measures them.
    std::vector<InputIssue> issues;
    const Portfolio portfolio = readPortfolio(vgscan::test::sourcePath("floorplans/portfolio.gpkg"), issues);
    const ContextIndex index(portfolio.context);
    REQUIRE(index.hasNetwork());
    std::vector<select::PortfolioCandidate> sites;
    for (const auto& s : portfolio.sites) sites.push_back({s.id, s.name, "", ContextIndex::sitePoint(s)});
    const std::vector<select::PlacePoint> demand = select::demandFromLayer(portfolio.context);
    REQUIRE(sites.size() >= 10);
    REQUIRE(demand.size() >= 20);
    const select::PortfolioCosts costs = select::portfolioCosts(sites, demand, index, /*walking=*/false, 1.3, false);
    RouteOptions driving;
    driving.walking = false;
    driving.paths = true;
    std::size_t routed = 0;
    double worst = 0;
    for (std::size_t s = 0; s < sites.size(); ++s) {
        std::vector<Point> to;
        for (const auto& d : demand) to.push_back(d.at);
        const RouteMatrix m = index.routes({sites[s].at}, to, driving);
        for (std::size_t j = 0; j < demand.size(); ++j) {
            const double cost = costs.cost[s * demand.size() + j];
            CHECK(m.distance[j] == Approx(cost).epsilon(1e-6));
            if (m.estimated[j]) continue;
            ++routed;
            worst = std::max(worst, std::abs(lengthOf(m.paths[j]) - cost));
        }
    }
    INFO("largest difference " << worst << " m over " << routed << " routes");
    CHECK(routed > sites.size() * demand.size() / 2);
    CHECK(worst < 0.01);  // measured: 1.9 mm, the float the cost is stored in
}

TEST_CASE("plan routes: a location of two sites routes each demand point from the site its cost came from") {
    // A is a cluster of (0,0) and (1000,-300): D1 is 450 m from the second
    // site ((1000,-300) (1000,0) (1000,100) (1050,100)), D2 220 m
    // ((1000,-300) (800,-300) (800,-320)); the location's cost is the nearer
    // site's, as vgscan plan folds it.
    Fixture f;
    f.sites.push_back({"A2", "A2", "cluster", Point(1000, -300)});
    f.problem.locations[0].sites.push_back("A2");
    const ContextIndex index(f.ctx);
    const select::PortfolioCosts costs = select::portfolioCosts(f.sites, f.demand, index, /*walking=*/false, 1.3, false);
    const std::size_t N = f.demand.size();
    f.problem.cost.assign(2 * N, 0.0);
    for (std::size_t j = 0; j < N; ++j) {
        f.problem.cost[j] = std::min(costs.cost[0 * N + j], costs.cost[2 * N + j]);  // A: (0,0) or (1000,-300)
        f.problem.cost[N + j] = costs.cost[1 * N + j];                               // B
    }
    CHECK(f.problem.cost[0] == Approx(450).margin(1e-3));
    CHECK(f.problem.cost[1] == Approx(220).margin(1e-3));
    const plan::Result r = plan::solvePlan(f.problem, false);
    REQUIRE(r.best.kind[plan::VG7].locations == std::vector<int>{0});
    f.sitesAt[0].push_back(Point(1000, -300));
    RouteOptions driving;
    driving.walking = false;
    std::map<std::size_t, LineString> vg7;
    plan::planRoutes(f.problem, r, f.sitesAt, f.demandAt, index, driving,
                     [&](int kind, std::size_t j, int l, const LineString& route, double distance, bool estimated) {
                         const double cost = f.problem.cost[static_cast<std::size_t>(l) * N + j];
                         CHECK(distance == Approx(cost).epsilon(1e-6));
                         if (!estimated) CHECK(lengthOf(route) == Approx(cost).epsilon(1e-6));
                         if (kind == plan::VG7) vg7[j] = route;
                     });
    using P = std::vector<std::pair<double, double>>;
    CHECK(pointsOf(vg7[0]) == P{{1000, -300}, {1000, 0}, {1000, 100}, {1050, 100}});
    CHECK(pointsOf(vg7[1]) == P{{1000, -300}, {800, -300}, {800, -320}});
    // D3 is reached by neither: its straight line from the second site,
    // whose estimate (straight x 1.3) is the smaller.
    CHECK(pointsOf(vg7[2]).front() == std::make_pair(1000.0, -300.0));
}

TEST_CASE("plan routes without roads: straight lines, dashed, as the costs (straight x detour factor), and the legend says so") {
    Fixture f;
    f.ctx.roads.clear();
    const ContextIndex index(f.ctx);
    REQUIRE(!index.hasNetwork());
    const select::PortfolioCosts costs = select::portfolioCosts(f.sites, f.demand, index, /*walking=*/false, 1.3, false);
    f.problem.cost.assign(costs.cost.begin(), costs.cost.end());
    const plan::Result r = plan::solvePlan(f.problem, false);
    RouteOptions driving;
    driving.walking = false;
    const std::size_t N = f.demand.size();
    const plan::PlanRoutes routes =
        plan::planRoutes(f.problem, r, f.sitesAt, f.demandAt, index, driving,
                         [&](int, std::size_t j, int l, const LineString& route, double distance, bool estimated) {
                             CHECK(estimated);
                             REQUIRE(route.size() == 2);
                             const double cost = f.problem.cost[static_cast<std::size_t>(l) * N + j];
                             CHECK(distance == Approx(cost).epsilon(1e-6));
                             CHECK(lengthOf(route) * 1.3 == Approx(cost).epsilon(1e-6));
                         });
    CHECK(routes.routed == 0);
    CHECK(routes.estimated == 6);
    const std::string page = f.page(r, routes, false, &index);
    CHECK_THAT(page, Catch::Matchers::ContainsSubstring("there are no roads, travel is the straight line times the detour factor"));
    CHECK_THAT(page, !Catch::Matchers::ContainsSubstring("route along the roads"));
    CHECK_THAT(page, !Catch::Matchers::ContainsSubstring("planroads"));
    std::size_t lines = 0;
    for (std::size_t at = page.find("<line "); at != std::string::npos; at = page.find("<line ", at + 1)) ++lines;
    CHECK(lines == 6);
}

TEST_CASE("plan routes: a last stretch inside a road segment that another route drives whole is drawn once, with both weights") {
    // One road (0,0) (1000,0) (1000,500); the location's site at (0,0).
    // P at (1000,500) is driven along both segments whole; Q at (400,30)
    // leaves the road at (400,0), inside the first segment: its route's
    // (0,0) (400,0) lies on P's (0,0) (1000,0). Drawn: (0,0) (400,0) with
    // P's and Q's weights (2 + 5), (400,0) (1000,0) and (1000,0) (1000,500)
    // with P's, (400,0) (400,30) with Q's; no stretch twice.
    Context ctx;
    ctx.roads = {road({Point(0, 0), Point(1000, 0), Point(1000, 500)})};
    const ContextIndex index(ctx);
    plan::Problem problem;
    plan::Location a;
    a.id = a.name = "A";
    a.sites = {"A"};
    a.places[plan::VG7] = 6;
    problem.locations = {a};
    problem.demand = {"P", "Q"};
    problem.weight = {2.0, 5.0};
    plan::Result r;
    r.best.kind[plan::VG7].locations = {0};
    r.assignment[plan::VG7] = {0, 0};
    RouteOptions driving;
    driving.walking = false;
    std::map<std::size_t, LineString> seen;
    const plan::PlanRoutes routes = plan::planRoutes(
        problem, r, {{Point(0, 0)}}, {Point(1000, 500), Point(400, 30)}, index, driving,
        [&](int, std::size_t j, int, const LineString& route, double, bool estimated) {
            CHECK_FALSE(estimated);
            seen[j] = route;
        });
    using P = std::vector<std::pair<double, double>>;
    REQUIRE(pointsOf(seen[0]) == P{{0, 0}, {1000, 0}, {1000, 500}});
    REQUIRE(pointsOf(seen[1]) == P{{0, 0}, {400, 0}, {400, 30}});
    REQUIRE(routes.drawings.size() == 1);
    std::map<std::pair<std::pair<double, double>, std::pair<double, double>>, double> segs;
    double drawnLength = 0;
    for (const auto& run : routes.drawings[0].runs) {
        drawnLength += lengthOf(run.line);
        for (std::size_t i = 1; i < run.line.size(); ++i) {
            auto p = std::make_pair(run.line[i - 1].x(), run.line[i - 1].y());
            auto q = std::make_pair(run.line[i].x(), run.line[i].y());
            if (q < p) std::swap(p, q);
            CHECK(segs.count({p, q}) == 0);
            segs[{p, q}] = run.weight;
        }
    }
    CHECK(segs.size() == 4);
    CHECK(segs[{{0, 0}, {400, 0}}] == 7.0);
    CHECK(segs[{{400, 0}, {1000, 0}}] == 2.0);
    CHECK(segs[{{1000, 0}, {1000, 500}}] == 2.0);
    CHECK(segs[{{400, 0}, {400, 30}}] == 5.0);
    CHECK(drawnLength == Approx(1000 + 500 + 30));  // the road once, not 1,400 m of it
    CHECK(routes.maxWeight == 7.0);
}
