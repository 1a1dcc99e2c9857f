// The context index at national scale: "all POIs within X" from the shared
// field equals one bounded search per point and a full Dijkstra; map windows
// from the R-trees equal a scan of every road and POI; queries from two
// threads at once equal the same queries one by one; a site's map draws
// the POIs nearest the site up to its limit, and says so.
#include "derive/ContextIndex.h"
#include "report/HtmlReport.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>

using namespace vgscan;

namespace {

// A 30 x 30 grid of 150 m blocks drawn as short roads (one per block edge),
// some one-way in either direction, some missing; POIs of two categories.
Context makeTown(unsigned seed) {
    Context c;
    c.hasRoads = c.hasPois = true;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const int n = 30;
    const double step = 150.0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            for (int dir = 0; dir < 2; ++dir) {
                if ((dir == 0 && i + 1 >= n) || (dir == 1 && j + 1 >= n) || u(rng) < 0.08) continue;
                Road r;
                r.roadClass = i % 5 == 0 && dir == 1 ? "primary" : j % 7 == 0 && dir == 0 ? "secondary" : "residential";
                Point a(i * step, j * step), b((i + (dir == 0)) * step, (j + (dir == 1)) * step);
                const double w = u(rng);
                r.oneway = w < 0.15;
                if (w < 0.075) std::swap(a, b);
                // A bend in some roads: a vertex that is no crossing.
                if (u(rng) < 0.3) r.line = {a, Point((a.x() + b.x()) / 2 + 7, (a.y() + b.y()) / 2 + 5), b};
                else r.line = {a, b};
                c.roads.push_back(r);
            }
    std::uniform_real_distribution<double> at(-100.0, n * step + 100.0);
    for (int k = 0; k < 160; ++k) {
        Poi p;
        p.category = k % 12 == 0 ? "avg" : "gp";
        p.name = p.category + std::to_string(k);
        p.acceptsWlz = k % 5 != 0;
        p.position = Point(at(rng), at(rng));
        c.pois.push_back(p);
    }
    return c;
}

void sameTravels(std::vector<Travel> a, std::vector<Travel> b) {
    // By POI: two POIs at (almost) the same distance may come in either order.
    auto byPoi = [](const Travel& x, const Travel& y) { return x.poi < y.poi; };
    std::sort(a.begin(), a.end(), byPoi);
    std::sort(b.begin(), b.end(), byPoi);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].poi == b[i].poi);
        CHECK(a[i].distance == Catch::Approx(b[i].distance).margin(1e-7));
        CHECK(a[i].siteAccess == b[i].siteAccess);
        CHECK(a[i].poiAccess == b[i].poiAccess);
        CHECK_FALSE(a[i].estimated);
    }
}

}  // namespace

TEST_CASE("all POIs within X: the shared field equals a search per point and a full Dijkstra") {
    const Context c = makeTown(7);
    const ContextIndex index(c);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> at(-50.0, 30 * 150.0 + 50.0);
    const PoiFilter filters[] = {{"gp", false, false}, {"gp", true, false}, {"avg", false, false}};
    std::vector<Point> points;
    for (int k = 0; k < 150; ++k) points.emplace_back(at(rng), at(rng));
    std::vector<Point> pois;
    for (const auto& p : c.pois) pois.push_back(p.position);
    RouteOptions driving;
    driving.walking = false;  // follow one-way roads, as the location rules do
    const RouteMatrix full = index.routes(points, pois, driving);
    std::size_t nonEmpty = 0, many = 0;
    for (const double radius : {250.0, 700.0, 1500.0, 4000.0})
        for (const auto& filter : filters)
            for (std::size_t k = 0; k < points.size(); ++k) {
                INFO("radius " << radius << " filter " << filter.key() << " point " << k);
                const auto fromField = index.allWithinTravel(points[k], filter, radius);
                sameTravels(fromField, index.allWithinTravelBySearch(points[k], filter, radius));
                std::set<std::size_t> expected;
                for (std::size_t j = 0; j < pois.size(); ++j)
                    if (filter.accepts(c.pois[j]) && !full.estimated[k * pois.size() + j] &&
                        full.at(k, j) <= radius - 1e-6)
                        expected.insert(j);
                std::set<std::size_t> got;
                for (const auto& t : fromField) {
                    got.insert(t.poi);
                    CHECK(t.distance == Catch::Approx(full.at(k, t.poi)).margin(1e-7));
                }
                for (std::size_t j : expected) CHECK(got.count(j) == 1);
                nonEmpty += !fromField.empty();
                many += fromField.size() > 8;  // more than one node's labels hold
            }
    CHECK(nonEmpty > 300);
    CHECK(many > 50);
}

// Calls fn(road, vertex) for every road segment whose bounding box meets
// the window: the brute-force answer the R-tree windows are checked against.
template <class Fn>
void forSegmentsMeeting(const Context& c, double x0, double y0, double x1, double y1, Fn fn) {
    for (std::size_t r = 0; r < c.roads.size(); ++r)
        for (std::size_t v = 0; v + 1 < c.roads[r].line.size(); ++v) {
            const Point& a = c.roads[r].line[v];
            const Point& b = c.roads[r].line[v + 1];
            if (std::max(a.x(), b.x()) >= x0 && std::min(a.x(), b.x()) <= x1 && std::max(a.y(), b.y()) >= y0 &&
                std::min(a.y(), b.y()) <= y1)
                fn(r, v);
        }
}

TEST_CASE("map windows: roads and POIs from the R-trees equal a scan of all of them") {
    const Context c = makeTown(3);
    const ContextIndex index(c);
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> at(-300.0, 4800.0), size(1.0, 900.0);
    for (int k = 0; k < 200; ++k) {
        const double x0 = at(rng), y0 = at(rng), x1 = x0 + size(rng), y1 = y0 + size(rng);
        // Every segment that meets the window, by brute force.
        std::set<std::pair<std::size_t, std::size_t>> expected;  // road, vertex
        forSegmentsMeeting(c, x0, y0, x1, y1, [&](std::size_t r, std::size_t v) { expected.insert({r, v}); });
        std::set<std::pair<std::size_t, std::size_t>> got;
        const RoadWindow window = index.roadsIn(x0, y0, x1, y1);
        CHECK(window.complete());
        for (const auto& piece : window.pieces) {
            const auto& line = c.roads[piece.road].line;
            REQUIRE(piece.line.size() >= 2);
            // The piece is a run of the road's own vertices.
            std::size_t v = 0;
            while (v < line.size() && (line[v].x() != piece.line[0].x() || line[v].y() != piece.line[0].y())) ++v;
            REQUIRE(v + piece.line.size() <= line.size());
            for (std::size_t m = 0; m + 1 < piece.line.size(); ++m) {
                CHECK(line[v + m + 1].x() == piece.line[m + 1].x());
                got.insert({piece.road, v + m});
            }
        }
        CHECK(got == expected);
        std::vector<std::size_t> pois;
        for (std::size_t i = 0; i < c.pois.size(); ++i) {
            const Point& p = c.pois[i].position;
            if (p.x() >= x0 && p.x() <= x1 && p.y() >= y0 && p.y() <= y1) pois.push_back(i);
        }
        CHECK(index.poisIn(x0, y0, x1, y1) == pois);
    }
}

// The map trees hold runs of up to eight segments of a road: long winding
// roads (3 to 40 vertices, random walks) must give every segment that meets
// a window, as a scan of all of them does, and drop a class as a whole when
// it does not fit the limit.
TEST_CASE("map windows on long roads: every segment that meets the window, runs of a road split right") {
    Context c;
    c.hasRoads = true;
    std::mt19937 rng(21);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int k = 0; k < 300; ++k) {
        Road r;
        r.roadClass = k % 3 == 0 ? "primary" : "residential";
        Point p(u(rng) * 4000.0, u(rng) * 4000.0);
        const int n = 3 + static_cast<int>(u(rng) * 38);
        for (int v = 0; v < n; ++v) {
            r.line.push_back(p);
            p = Point(p.x() + (u(rng) - 0.5) * 200.0, p.y() + (u(rng) - 0.5) * 200.0);
        }
        c.roads.push_back(r);
    }
    const ContextIndex index(c);
    std::uniform_real_distribution<double> at(-200.0, 4200.0), size(1.0, 1500.0);
    for (int k = 0; k < 300; ++k) {
        const double x0 = at(rng), y0 = at(rng), x1 = x0 + size(rng), y1 = y0 + size(rng);
        std::map<int, std::set<std::pair<std::size_t, std::size_t>>> byRank;  // rank -> road, vertex
        forSegmentsMeeting(c, x0, y0, x1, y1, [&](std::size_t r, std::size_t v) {
            byRank[roadClassRank(c.roads[r].roadClass)].insert({r, v});
        });
        const std::size_t primary = byRank[roadClassRank("primary")].size();
        for (const std::size_t limit : {std::numeric_limits<std::size_t>::max(), primary}) {
            std::set<std::pair<std::size_t, std::size_t>> expected = byRank[roadClassRank("primary")];
            if (limit != primary || byRank[roadClassRank("residential")].empty())
                expected.insert(byRank[roadClassRank("residential")].begin(), byRank[roadClassRank("residential")].end());
            std::set<std::pair<std::size_t, std::size_t>> got;
            const RoadWindow window = index.roadsIn(x0, y0, x1, y1, limit);
            for (const auto& piece : window.pieces) {
                const auto& line = c.roads[piece.road].line;
                std::size_t v = 0;
                while (v < line.size() && (line[v].x() != piece.line[0].x() || line[v].y() != piece.line[0].y())) ++v;
                REQUIRE(v + piece.line.size() <= line.size());
                for (std::size_t m = 0; m + 1 < piece.line.size(); ++m) got.insert({piece.road, v + m});
            }
            CHECK(got == expected);
        }
    }
}

TEST_CASE("a wide map window keeps the most important road classes that fit its limit") {
    const Context c = makeTown(4);
    const ContextIndex index(c);
    const RoadWindow all = index.roadsIn(-10, -10, 5000, 5000);
    REQUIRE(all.complete());
    std::map<int, std::size_t> perRank;
    for (const auto& p : all.pieces) perRank[roadClassRank(c.roads[p.road].roadClass)] += p.line.size() - 1;
    const int primary = roadClassRank("primary"), secondary = roadClassRank("secondary");
    REQUIRE(perRank.size() == 3);
    const std::size_t main = perRank[primary] + perRank[secondary];
    for (const std::size_t limit : {main, main + 5, perRank[primary] + 3, std::size_t{3}}) {
        INFO("limit " << limit);
        const RoadWindow w = index.roadsIn(-10, -10, 5000, 5000, limit);
        std::size_t segments = 0;
        std::set<int> ranks;
        for (const auto& p : w.pieces) {
            segments += p.line.size() - 1;
            ranks.insert(roadClassRank(c.roads[p.road].roadClass));
        }
        CHECK(segments <= limit);
        // ranks: the first class that did not fit (classes without roads fit).
        if (limit >= main) {
            CHECK(w.ranks == roadClassRank("residential"));
            CHECK(segments == main);
        } else if (limit >= perRank[primary]) {
            CHECK(w.ranks == secondary);
            CHECK(segments == perRank[primary]);
        } else {
            CHECK(w.ranks == primary);
            CHECK(w.pieces.empty());
        }
        for (int r : ranks) CHECK(r < w.ranks);
    }
}

// The site: a 20 x 20 m plot round (10, 10), its travel point. POIs on a line
// east of it, p1 at 7 m, p2 at 14 m, ..., stored farthest first (so the
// nearest are not the first ones). With 80 in the window the map draws the
// 50 nearest (p1..p50: index order 30..79) and says "50 of 80"; with 50 it
// draws all and says nothing.
TEST_CASE("a site's map draws at most kMaxWindowPois points of interest, those nearest the site, and says so") {
    REQUIRE(html::kMaxWindowPois == 50);
    for (const int n : {80, 50}) {
        Context c;
        c.hasPois = true;
        for (int k = n; k >= 1; --k) {
            Poi p;
            p.category = "gp";
            p.name = "p" + std::to_string(k);
            p.position = Point(10.0 + 7.0 * k, 10.0);
            c.pois.push_back(p);
        }
        const ContextIndex index(c);
        Site site;
        site.id = "s1";
        site.plot.push_back(Polygon{{{0, 0}, {0, 20}, {20, 20}, {20, 0}, {0, 0}}});
        const html::View view{-100, -400, 700, 400};
        const std::string svg = html::plotSvg(site, nullptr, &index, view, {}, {}, "surroundings");
        std::size_t drawn = 0;
        for (std::size_t at = 0; (at = svg.find("class=\"poi\"", at)) != std::string::npos; ++at) ++drawn;
        INFO(n << " POIs");
        CHECK(drawn == 50);
        for (int k = 1; k <= n; ++k) CHECK((svg.find(": p" + std::to_string(k) + "<") != std::string::npos) == (k <= 50));
        const bool noted = svg.find("50 of 80 points of interest shown: those nearest the site") != std::string::npos;
        CHECK(noted == (n == 80));
        CHECK((svg.find("mapnote") != std::string::npos) == (n == 80));
    }
}

// A straight road of 101 vertices 10 m apart (a junction at each) across the
// window, and one with a bend at x = 500: drawn with its ends (and one vertex
// in 65 on a long straight run), and with the bend kept (html::drawnLine, as
// the evidence lines).
TEST_CASE("a site's map draws a road without the vertices on a straight line between its neighbours") {
    Context c;
    c.hasRoads = true;
    Road straight, bent;
    straight.roadClass = bent.roadClass = "residential";
    for (int k = 0; k <= 100; ++k) {
        straight.line.push_back(Point(10.0 * k, 100.0));
        bent.line.push_back(Point(10.0 * k, k <= 50 ? 300.0 : 300.0 + 10.0 * (k - 50)));
    }
    c.roads = {straight, bent};
    const ContextIndex index(c);
    Site site;
    site.id = "s1";
    site.plot.push_back(Polygon{{{480, 180}, {480, 220}, {520, 220}, {520, 180}, {480, 180}}});
    const html::View view{-10, 0, 1010, 900};
    const std::string svg = html::plotSvg(site, nullptr, &index, view, {}, {}, "surroundings");
    std::vector<std::string> drawn;
    const std::string road = "class=\"road\" points=\"";
    for (std::size_t at = 0; (at = svg.find(road, at)) != std::string::npos;) {
        at += road.size();
        drawn.push_back(svg.substr(at, svg.find('"', at) - at));
    }
    // View coordinates: x + 10, y as drawn (minY 0). A straight run keeps a
    // vertex every 65 (drawnLine checks at most 64 left out against a chord).
    REQUIRE(drawn.size() == 2);
    CHECK(drawn[0] == "10,100 660,100 1010,100");
    CHECK(drawn[1] == "10,300 510,300 1010,800");
}

TEST_CASE("the index answers two threads at once as it answers one") {
    const Context c = makeTown(9);
    std::vector<Point> points;
    std::mt19937 rng(2);
    std::uniform_real_distribution<double> at(0.0, 4500.0);
    for (int k = 0; k < 400; ++k) points.emplace_back(at(rng), at(rng));
    auto answers = [&](const ContextIndex& index, std::size_t from, std::size_t step) {
        std::vector<std::string> out(points.size());
        for (std::size_t k = from; k < points.size(); k += step) {
            std::string s;
            const auto near = index.nearestByTravel(points[k], PoiFilter{"gp", true, false});
            if (near) s += std::to_string(near->poi) + ":" + std::to_string(near->distance) + ";";
            for (const auto& t : index.allWithinTravel(points[k], PoiFilter{"gp"}, 1200.0))
                s += std::to_string(t.poi) + ":" + std::to_string(t.distance) + ",";
            s += std::to_string(index.roadsIn(points[k].x() - 200, points[k].y() - 200, points[k].x() + 200,
                                              points[k].y() + 200).pieces.size());
            out[k] = s;
        }
        return out;
    };
    const ContextIndex serial(c);
    const auto expected = answers(serial, 0, 1);
    const ContextIndex shared(c);  // cold: both threads build its caches at once
    std::vector<std::string> a, b;
    std::thread t1([&] { a = answers(shared, 0, 2); });
    std::thread t2([&] { b = answers(shared, 1, 2); });
    t1.join();
    t2.join();
    for (std::size_t k = 0; k < points.size(); ++k) CHECK((k % 2 ? b[k] : a[k]) == expected[k]);
}
