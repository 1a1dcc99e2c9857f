// Cluster detection on hand-drawn road networks: the grouping rule
// (complete linkage, places limits), the night round, and the straight-line
// fallback. Every expected figure is worked out by hand in the comments.
#include "cluster/Clusters.h"
#include "derive/ContextIndex.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>

using namespace vgscan;
using Catch::Approx;

namespace {

Road road(double x0, double y0, double x1, double y1, bool oneway = false) {
    Road r;
    r.roadClass = "residential";
    r.oneway = oneway;
    r.line = LineString{Point(x0, y0), Point(x1, y1)};
    return r;
}

// A 600 x 600 m street grid with 300 m blocks; every street between two
// crossings is its own road.
Context grid() {
    Context c;
    for (double a : {0.0, 300.0, 600.0})
        for (double b : {0.0, 300.0}) {
            c.roads.push_back(road(a, b, a, b + 300));  // vertical
            c.roads.push_back(road(b, a, b + 300, a));  // horizontal
        }
    c.hasRoads = true;
    return c;
}

ClusterSite site(const std::string& id, double x, double y, std::optional<int> places = 8) {
    ClusterSite s;
    s.id = id;
    s.name = id;
    s.verdict = "cluster";
    s.places = places;
    s.at = Point(x, y);
    return s;
}

std::vector<std::string> ids(const Cluster& c) {
    std::vector<std::string> v;
    for (const auto& s : c.sites) v.push_back(s.id);
    return v;
}

double pathLength(const LineString& l) {
    double len = 0;
    for (std::size_t i = 0; i + 1 < l.size(); ++i) len += std::hypot(l[i + 1].x() - l[i].x(), l[i + 1].y() - l[i].y());
    return len;
}

}  // namespace

// A (150,0) on the bottom street, B (300,100) on the middle vertical street,
// C (150,300) on the middle horizontal street. Walking: A-B = 150 + 100 =
// 250 m, B-C = 200 + 150 = 350 m, A-C = 150 + 300 + 150 = 600 m (round
// the block either way), although A and C are only 300 m apart as the crow
// flies. All three are connected, but not every pair is within 400 m:
// complete linkage allows {A,B} (round 500 m) or {B,C} (round 700 m); the
// shorter round wins, C stays alone.
TEST_CASE("A chain of three sites on a street grid gives one pair by complete linkage") {
    const Context ctx = grid();
    const ContextIndex index(ctx);
    ClusterParams p;
    const ClusterResult r = findClusters({site("A", 150, 0), site("B", 300, 100), site("C", 150, 300)}, index, p);
    CHECK_FALSE(r.estimated);
    CHECK(r.exact);
    CHECK(r.candidates == 3);
    REQUIRE(r.clusters.size() == 1);
    const Cluster& c = r.clusters.front();
    CHECK(c.id == "C1");
    CHECK(ids(c) == std::vector<std::string>{"A", "B"});
    CHECK(c.places == 16);
    CHECK(c.maxPairWalkM == Approx(250));
    CHECK(c.round.lengthM == Approx(500));
    CHECK(c.round.exact);
    REQUIRE(r.alone.size() == 1);
    CHECK(r.alone.front().id == "C");
    // The round's line follows the streets: A -> (300,0) -> B and back.
    CHECK(pathLength(c.round.path) == Approx(500));
    CHECK(c.round.path.front().x() == Approx(150));
    CHECK(c.round.path.back().x() == Approx(150));
}

// Without roads the same three sites are measured as the crow flies x 1.3:
// A-B = 180.28 x 1.3 = 234.4, B-C = 250 x 1.3 = 325, A-C = 300 x 1.3 = 390,
// all within 400 m: one cluster of three, marked as an estimate; its round
// is the triangle (180.28 + 250 + 300) x 1.3 = 949.36 m.
TEST_CASE("Without roads the straight line x 1.3 is used and marked as an estimate") {
    const Context none;
    const ContextIndex index(none);
    const ClusterResult r = findClusters({site("A", 150, 0), site("B", 300, 100), site("C", 150, 300)}, index, {});
    CHECK(r.estimated);
    REQUIRE(r.clusters.size() == 1);
    const Cluster& c = r.clusters.front();
    CHECK(ids(c) == std::vector<std::string>{"A", "B", "C"});
    CHECK(c.round.estimated);
    CHECK(c.round.lengthM == Approx((std::hypot(150.0, 100.0) + 250.0 + 300.0) * 1.3));
    CHECK(c.round.path.size() == 4);  // three straight legs, closed
    CHECK(r.alone.empty());
}

// Four sites on the corners of a 200 m square street ring, given in the order
// A, C, B, D (C opposite A). Every pair is within 400 m walking (sides 200,
// diagonals 400 round two sides), 4 x 8 = 32 places <= 42: one cluster. The
// night round goes round the ring: 4 x 200 = 800 m, 800 / 80 m per minute
// (4.8 km/h) = 10.0 min, just within the 10 min limit. The input order
// A, C, B, D, A would be 400 + 200 + 400 + 200 = 1200 m.
TEST_CASE("The night round on a square of four sites goes round the square") {
    Context ctx;
    ctx.roads = {road(0, 0, 200, 0), road(200, 0, 200, 200), road(200, 200, 0, 200), road(0, 200, 0, 0)};
    const ContextIndex index(ctx);
    const ClusterResult r =
        findClusters({site("A", 0, 0), site("C", 200, 200), site("B", 200, 0), site("D", 0, 200)}, index, {});
    REQUIRE(r.clusters.size() == 1);
    const Cluster& c = r.clusters.front();
    CHECK(c.places == 32);
    CHECK(c.maxPairWalkM == Approx(400));
    CHECK(c.round.exact);
    CHECK(c.round.method.find("Held-Karp") != std::string::npos);
    CHECK(c.round.lengthM == Approx(800));
    CHECK(c.round.minutes == Approx(10.0));
    CHECK(c.round.withinLimit);
    CHECK(c.round.legsM == std::vector<double>{200, 200, 200, 200});
    std::string order;
    for (std::size_t k : c.round.order) order += c.sites[k].id;
    CHECK((order == "ABCD" || order == "ADCB"));
    CHECK(pathLength(c.round.path) == Approx(800));
    CHECK_FALSE(c.round.estimated);
}

// X (0,0), Y (100,0), Z (250,0) on one street: every pair within 400 m.
// 3 x 16 = 48 places > 42, so they cannot all be one cluster; the pairs are
// XY (round 200 m), YZ (300 m), XZ (500 m): XY, Z alone. With a limit of 48
// they are one cluster.
TEST_CASE("The per-cluster places limit splits three close sites") {
    Context ctx;
    ctx.roads = {road(-100, 0, 400, 0)};
    const ContextIndex index(ctx);
    const std::vector<ClusterSite> sites{site("X", 0, 0, 16), site("Y", 100, 0, 16), site("Z", 250, 0, 16)};
    ClusterParams p;
    ClusterResult r = findClusters(sites, index, p);
    REQUIRE(r.clusters.size() == 1);
    CHECK(ids(r.clusters.front()) == std::vector<std::string>{"X", "Y"});
    CHECK(r.clusters.front().places == 32);
    CHECK(r.clusters.front().round.lengthM == Approx(200));
    REQUIRE(r.alone.size() == 1);
    CHECK(r.alone.front().id == "Z");

    p.maxPlacesPerCluster = 48;
    r = findClusters(sites, index, p);
    REQUIRE(r.clusters.size() == 1);
    CHECK(r.clusters.front().places == 48);
    CHECK(r.clusters.front().round.lengthM == Approx(500));
}

// Two close sites of 30 and 15 places, at most 40 per cluster. A site counts
// at most 21 places (a VG7 site houses no more): 21 + 15 = 36 <= 40, one
// cluster, with a note. Raise the per-site maximum to 30 and 30 + 15 = 45 >
// 40: no cluster. A site with unknown places counts the per-site maximum.
TEST_CASE("The per-site places maximum decides whether two sites fit one cluster") {
    Context ctx;
    ctx.roads = {road(0, 0, 500, 0)};
    const ContextIndex index(ctx);
    ClusterParams p;
    p.maxPlacesPerCluster = 40;
    ClusterResult r = findClusters({site("P", 100, 0, 30), site("Q", 300, 0, 15)}, index, p);
    REQUIRE(r.clusters.size() == 1);
    CHECK(r.clusters.front().places == 36);
    CHECK(r.clusters.front().countedPlaces == std::vector<int>{21, 15});
    REQUIRE(r.clusters.front().notes.size() == 1);
    CHECK(r.clusters.front().notes.front() == "P: 30 places, counted as 21 (the per-site maximum)");

    p.maxPlacesPerSite = 30;
    r = findClusters({site("P", 100, 0, 30), site("Q", 300, 0, 15)}, index, p);
    CHECK(r.clusters.empty());
    CHECK(r.alone.size() == 2);

    p.maxPlacesPerSite = 21;
    r = findClusters({site("P", 100, 0, std::nullopt), site("Q", 300, 0, 15)}, index, p);
    REQUIRE(r.clusters.size() == 1);
    CHECK(r.clusters.front().places == 36);
    CHECK(r.clusters.front().notes.front().find("places unknown") != std::string::npos);
}

// A one-way street from (0,0) to (1000,0); sites at x = 100 and x = 300.
// On foot 200 m both ways; by car from 300 back to 100 there is no route, so
// the driving figure is the straight line x 1.3 = 260 m, marked unreachable.
TEST_CASE("Walking ignores oneway and driving follows it") {
    Context ctx;
    ctx.roads = {road(0, 0, 1000, 0, /*oneway=*/true)};
    const ContextIndex index(ctx);
    const std::vector<Point> pts{Point(100, 0), Point(300, 0)};
    RouteOptions walk;
    const RouteMatrix w = index.routes(pts, pts, walk);
    CHECK(w.at(0, 1) == Approx(200));
    CHECK(w.at(1, 0) == Approx(200));
    CHECK_FALSE(w.anyEstimated());
    RouteOptions drive;
    drive.walking = false;
    const RouteMatrix d = index.routes(pts, pts, drive);
    CHECK(d.at(0, 1) == Approx(200));
    CHECK(d.at(1, 0) == Approx(260));
    CHECK(d.estimated[1 * 2 + 0]);
    CHECK(d.unreachable[1 * 2 + 0]);
}

// Sites 1000 m apart on a street: too far to walk (400 m), but within 3 min
// by car at 30 km/h (1500 m) when driving minutes are switched on.
TEST_CASE("Driving minutes link sites beyond walking distance when set") {
    Context ctx;
    ctx.roads = {road(0, 0, 2000, 0)};
    const ContextIndex index(ctx);
    const std::vector<ClusterSite> sites{site("E", 500, 0), site("F", 1500, 0)};
    ClusterParams p;
    CHECK(findClusters(sites, index, p).clusters.empty());
    p.maxDriveMin = 3.0;
    const ClusterResult r = findClusters(sites, index, p);
    REQUIRE(r.clusters.size() == 1);
    CHECK(r.clusters.front().round.lengthM == Approx(2000));  // the round itself is walked
}

// The exact grouping against brute force: every partition of up to 8 random
// sites (no roads, distances straight), scored by the documented order
// (fewest sites alone, fewest clusters, shortest rounds; rounds by trying
// every order).
TEST_CASE("The exact grouping equals brute force over all partitions") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> coord(0, 700);
    std::uniform_int_distribution<int> places(4, 20);
    const Context none;
    const ContextIndex index(none);
    ClusterParams p;
    p.detourFactor = 1.0;
    for (int round = 0; round < 30; ++round) {
        const std::size_t n = 3 + static_cast<std::size_t>(round % 6);
        std::vector<ClusterSite> sites;
        for (std::size_t i = 0; i < n; ++i) sites.push_back(site("s" + std::to_string(i), coord(rng), coord(rng), places(rng)));
        auto d = [&](std::size_t a, std::size_t b) {
            return std::hypot(sites[a].at.x() - sites[b].at.x(), sites[a].at.y() - sites[b].at.y());
        };
        auto tour = [&](std::vector<std::size_t> b) {
            double best = 1e300;
            std::sort(b.begin() + 1, b.end());
            do {
                double len = 0;
                for (std::size_t k = 0; k < b.size(); ++k) len += d(b[k], b[(k + 1) % b.size()]);
                best = std::min(best, len);
            } while (std::next_permutation(b.begin() + 1, b.end()));
            return best;
        };
        // Every set partition by restricted growth strings.
        std::tuple<std::size_t, std::size_t, double> best{n + 1, 0, 0};
        std::vector<std::size_t> label(n, 0);
        std::function<void(std::size_t, std::size_t)> rec = [&](std::size_t i, std::size_t blocks) {
            if (i == n) {
                std::vector<std::vector<std::size_t>> parts(blocks);
                for (std::size_t s = 0; s < n; ++s) parts[label[s]].push_back(s);
                std::size_t alone = 0, clusters = 0;
                double rounds = 0;
                for (const auto& b : parts) {
                    if (b.size() == 1) {
                        ++alone;
                        continue;
                    }
                    int pl = 0;
                    for (std::size_t s : b) pl += std::min(*sites[s].places, p.maxPlacesPerSite);
                    if (pl > p.maxPlacesPerCluster) return;
                    for (std::size_t x : b)
                        for (std::size_t y : b)
                            if (d(x, y) > p.maxWalkM) return;
                    ++clusters;
                    rounds += tour(b);
                }
                const auto score = std::make_tuple(alone, clusters, rounds);
                if (score < best) best = score;
                return;
            }
            for (std::size_t b = 0; b <= blocks; ++b) {
                label[i] = b;
                rec(i + 1, std::max(blocks, b + 1));
            }
        };
        rec(0, 0);
        const ClusterResult r = findClusters(sites, index, p);
        CHECK(r.exact);
        double rounds = 0;
        for (const auto& c : r.clusters) rounds += c.round.lengthM;
        INFO("round " << round << ", " << n << " sites");
        CHECK(r.alone.size() == std::get<0>(best));
        CHECK(r.clusters.size() == std::get<1>(best));
        CHECK(rounds == Approx(std::get<2>(best)).epsilon(1e-9));
    }
}

// 20 sites 30 m apart along a street, 1 place each: one group of 20
// connected sites, more than the exact grouping takes, so the greedy
// heuristic groups them and says so; its clusters still obey the rule.
TEST_CASE("Large groups of connected sites fall back to a labelled heuristic that keeps the rule") {
    Context ctx;
    ctx.roads = {road(-10, 0, 700, 0)};
    const ContextIndex index(ctx);
    std::vector<ClusterSite> sites;
    for (int i = 0; i < 20; ++i) sites.push_back(site("h" + std::to_string(i), i * 30.0, 0, 1));
    ClusterParams p;
    p.maxPlacesPerCluster = 6;
    const ClusterResult r = findClusters(sites, index, p);
    CHECK_FALSE(r.exact);
    CHECK(r.method.find("heuristic") != std::string::npos);
    std::size_t clustered = 0;
    for (const auto& c : r.clusters) {
        CHECK(c.places <= 6);
        CHECK(c.maxPairWalkM <= 400 + 1e-6);
        clustered += c.sites.size();
    }
    CHECK(clustered + r.alone.size() == 20);
    CHECK(r.alone.empty());  // pairs first (30 m), then pairs of pairs: five clusters of 4
}

// Beyond 16 stops the round is a heuristic and says so; it still visits
// every stop once. On a circle the best round is the circle's polygon.
TEST_CASE("A round of more than 16 stops is a labelled heuristic") {
    const std::size_t n = 18;
    std::vector<Point> pts;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2 * M_PI * static_cast<double>((i * 7) % n) / static_cast<double>(n);  // shuffled
        pts.emplace_back(100 * std::cos(a), 100 * std::sin(a));
    }
    std::vector<double> d(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) d[i * n + j] = std::hypot(pts[i].x() - pts[j].x(), pts[i].y() - pts[j].y());
    const NightRound r = shortestRound(d, n);
    CHECK_FALSE(r.exact);
    CHECK(r.method.find("heuristic") != std::string::npos);
    std::vector<std::size_t> sorted = r.order;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), 0);
    CHECK(sorted == all);
    CHECK(r.lengthM == Approx(n * 2 * 100 * std::sin(M_PI / n)));
}

// --- convert_vg7 through a cluster (ScanPipeline's portfolio pass) -----------

#include "ruleset/RuleSet.h"
#include "scan/ScanPipeline.h"

TEST_CASE("settleClusterRoutes: a site that converts only in a cluster does so when a VG7 site is near") {
    const RuleSet rs = loadRuleSet(std::string(VGSCAN_TEST_SOURCE_DIR) + "/rulesets/vg7.json");
    // Three 20 x 20 m plots, no roads (straight line x 1.3): A at x 0, B at
    // x 200 (A-B 200 x 1.3 = 260 m <= 400 m walking), C at x 2000 (>= 1800 x
    // 1.3 from both). Each: the location passes, shared bathrooms (renovable),
    // no room on the plot, no own units, 10 places: alone no route but dispose,
    // in a cluster convert_vg7.
    std::vector<Site> sites(3);
    const double xs[] = {0, 200, 2000};
    for (int i = 0; i < 3; ++i) {
        sites[i].id = std::string(1, static_cast<char>('A' + i));
        sites[i].places = 10;
        Polygon plot;
        bg::append(plot.outer(), Point(xs[i], 0));  // counter-clockwise, closed
        bg::append(plot.outer(), Point(xs[i] + 20, 0));
        bg::append(plot.outer(), Point(xs[i] + 20, 20));
        bg::append(plot.outer(), Point(xs[i], 20));
        bg::append(plot.outer(), Point(xs[i], 0));
        sites[i].plot.push_back(plot);
    }
    const std::map<std::string, Status> statuses = {{"individual_sanitary", Status::Fail},
                                                    {"expansion_room", Status::Fail},
                                                    {"self_contained_units", Status::Fail},
                                                    {"units_for_keep", Status::Fail},
                                                    {"backup_capacity", Status::Fail}};
    std::vector<SiteAssessment> scanned(3);
    for (int i = 0; i < 3; ++i) {
        scanned[i].site = &sites[i];
        for (const auto& e : rs.rules) {
            EvaluatedRule r;
            r.entry = &e;
            auto it = statuses.find(e.key);
            r.result.status = it == statuses.end() ? Status::Pass : it->second;
            scanned[i].results.push_back(r);
        }
        scanned[i].classification = classify(rs, scanned[i].results);
        REQUIRE(scanned[i].classification.verdict == Verdict::Dispose);
        REQUIRE(scanned[i].classification.ifClustered == Verdict::ConvertToVG7);
    }
    Context none;
    ContextIndex index(none);
    CHECK(settleClusterRoutes(scanned, rs, index) == 2);
    CHECK(scanned[0].classification.verdict == Verdict::ConvertToVG7);
    CHECK(scanned[1].classification.verdict == Verdict::ConvertToVG7);
    CHECK(scanned[0].classification.reasons.at(1) == "in cluster C1 with B");
    CHECK(scanned[2].classification.verdict == Verdict::Dispose);
    // the friction estimate follows the new verdict
    CHECK(scanned[0].friction.applies);
    CHECK_FALSE(scanned[2].friction.applies);
}
