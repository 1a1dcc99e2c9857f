// The overview map's layout: sites on one spot (a campus) spread so that
// each marker can be clicked, and labels that cover no other label or marker.
#include "TestKit.h"

#include "cluster/Clusters.h"
#include "io/PortfolioReader.h"
#include "report/HtmlReport.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <array>
#include <cmath>
#include <regex>
#include <map>

using namespace vgscan;

namespace {

bool meet(double ax0, double ay0, double ax1, double ay1, double bx0, double by0, double bx1, double by1) {
    return ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1;
}

// No label box meets another label box or any marker (as its square box).
void requireNoCollision(const html::MapLayout& L) {
    const double r = L.markerRadius;
    for (size_t i = 0; i < L.places.size(); ++i) {
        const auto& a = L.places[i];
        if (!a.labelled) continue;
        for (size_t j = 0; j < L.places.size(); ++j) {
            const auto& b = L.places[j];
            if (!b.drawn) continue;
            INFO("label " << i << " against site " << j);
            CHECK_FALSE(meet(a.lx0, a.ly0, a.lx1, a.ly1, b.mx - r, b.my - r, b.mx + r, b.my + r));
            if (j != i && b.labelled) CHECK_FALSE(meet(a.lx0, a.ly0, a.lx1, a.ly1, b.lx0, b.ly0, b.lx1, b.ly1));
        }
    }
}

Site squareSite(const std::string& id, double x, double y, double side = 20) {
    Site s;
    s.id = id;
    Polygon p;
    p.outer() = {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}};
    s.plot = {p};
    return s;
}

}  // namespace

TEST_CASE("Map of the sample: the Beukenhorst campus spread, every label free") {
    std::vector<InputIssue> issues;
    const Portfolio p = readPortfolio(test::sourcePath("floorplans/portfolio.gpkg"), issues);
    std::vector<SiteAssessment> sites;
    for (const auto& s : p.sites) {
        SiteAssessment a;
        a.site = &s;
        sites.push_back(a);
    }
    const html::MapLayout L = html::mapLayout(sites);
    REQUIRE(L.places.size() == p.sites.size());
    std::map<std::string, const html::MapPlace*> at;
    for (size_t i = 0; i < sites.size(); ++i) {
        REQUIRE(L.places[i].drawn);
        at[p.sites[i].id] = &L.places[i];
    }
    const double u = L.unit;
    // S01, S02, S03: three pavilions of one campus, less than 1.7 u apart on
    // the overview (their markers, 1.6 u wide, would cover each other). They
    // go round a circle of radius max(1.6 u, u / sin(180°/3) = 1.15 u) = 1.6 u
    // about their mean point, 120° apart: markers 2 × 1.6 u × sin 60° = 2.77 u
    // apart, clear of each other.
    const char* campus[] = {"S01", "S02", "S03"};
    double cx = 0, cy = 0;
    for (const char* id : campus) {
        REQUIRE(at.count(id));
        CHECK(at[id]->spread);
        cx += at[id]->x / 3;
        cy += at[id]->y / 3;
    }
    for (int a = 0; a < 3; ++a) {
        const auto* m = at[campus[a]];
        CHECK(std::hypot(m->mx - cx, m->my - cy) == Catch::Approx(1.6 * u).epsilon(1e-9));
        for (int b = a + 1; b < 3; ++b) {
            const auto* n = at[campus[b]];
            INFO(campus[a] << " and " << campus[b]);
            CHECK(std::hypot(m->mx - n->mx, m->my - n->my) == Catch::Approx(2 * 1.6 * u * std::sin(M_PI / 3)).epsilon(1e-9));
        }
    }
    // A site alone keeps its marker on its point.
    REQUIRE(at.count("S10"));
    CHECK_FALSE(at["S10"]->spread);
    CHECK(at["S10"]->mx == at["S10"]->x);
    // Every one of the 11 labels found a free place.
    for (const auto& [id, pl] : at) {
        INFO(id);
        CHECK(pl->labelled);
    }
    requireNoCollision(L);
}

TEST_CASE("Map labels: a crowd gets free places or none, never on top of each other") {
    // 13 sites 5 m apart in a row: one group of more than 12, so the markers
    // stay on their points (zoom in there) and overlap; labels take free
    // places around them or are left out.
    Portfolio p;
    for (int i = 0; i < 13; ++i) p.sites.push_back(squareSite("C" + std::to_string(i), 1000 + 5.0 * i, 1000, 2));
    // Far away sites that set the scale (a 20 km wide map: u ≈ 230 m).
    p.sites.push_back(squareSite("W", 0, 0));
    p.sites.push_back(squareSite("E", 20000, 8000));
    std::vector<SiteAssessment> sites;
    for (const auto& s : p.sites) {
        SiteAssessment a;
        a.site = &s;
        sites.push_back(a);
    }
    const html::MapLayout L = html::mapLayout(sites);
    for (int i = 0; i < 13; ++i) CHECK_FALSE(L.places[static_cast<size_t>(i)].spread);
    int labelled = 0;
    for (int i = 0; i < 13; ++i) labelled += L.places[static_cast<size_t>(i)].labelled;
    // The crowd's markers cover one another (1.6 u wide, 5 m apart), so at
    // most a few of its labels fit around them, and at least the first does.
    CHECK(labelled >= 1);
    CHECK(labelled < 13);
    CHECK(L.places[13].labelled);
    CHECK(L.places[14].labelled);
    requireNoCollision(L);

    // Two sites 1 m apart (a campus of two) go to either side of a circle
    // of radius 1.6 u: the first above, the second below.
    Portfolio q;
    q.sites.push_back(squareSite("A", 5000, 5000));
    q.sites.push_back(squareSite("B", 5001, 5000));
    q.sites.push_back(squareSite("Z", 0, 0));
    q.sites.push_back(squareSite("Y", 9000, 4000));
    std::vector<SiteAssessment> two;
    for (const auto& s : q.sites) {
        SiteAssessment a;
        a.site = &s;
        two.push_back(a);
    }
    const html::MapLayout M = html::mapLayout(two);
    const double u = M.unit;
    REQUIRE(M.places[0].spread);
    REQUIRE(M.places[1].spread);
    CHECK(M.places[0].my == Catch::Approx(M.places[1].my - 3.2 * u));
    CHECK(M.places[0].mx == Catch::Approx(M.places[1].mx).margin(1e-9 * u));
    requireNoCollision(M);
}

TEST_CASE("Plan labels: a long name is cut on a character boundary, never inside a UTF-8 character") {
    using html::clipped;
    CHECK(clipped("Woonkamer", 18) == "Woonkamer");
    CHECK(clipped("123456789012345678", 18) == "123456789012345678");       // 18 characters: kept whole
    CHECK(clipped("1234567890123456789", 18) == "12345678901234567…");      // 19: 17 kept and the ellipsis
    // 'é' is two bytes: the byte count (21) is over 18, the character count (18) is not.
    CHECK(clipped("één twee drie vier", 18) == "één twee drie vier");
    // 16 one-byte characters, then 'ë' at bytes 16-17: the old cut at byte 17
    // split it and left an invalid byte before the '…'. Now the first 17
    // characters are kept whole: 16 + 2 + 3 ('…') = 21 bytes.
    CHECK(clipped("Slaapkamer 12 Zoë en Noël", 18) == "Slaapkamer 12 Zoë…");
    CHECK(clipped("Slaapkamer 12 Zoë en Noël", 18).size() == 21);
    CHECK(clipped("abc", 0).empty());
}

TEST_CASE("Map cluster ids: a national grid of clusters gets ids only where they are free and inside the map") {
    // 14 x 13 sites 20 km apart, a cluster of each site and its right-hand
    // neighbour (as the 2,002-site sample's campuses): more ids than free places.
    Portfolio p;
    constexpr int kCols = 14, kRows = 13;
    for (int r = 0; r < kRows; ++r)
        for (int c = 0; c < kCols; ++c)
            p.sites.push_back(squareSite("S" + std::to_string(r) + "-" + std::to_string(c), 20000.0 * c, 20000.0 * r));
    std::vector<SiteAssessment> sites;
    std::vector<std::string> verdicts, hrefs;
    for (const auto& s : p.sites) {
        SiteAssessment a;
        a.site = &s;
        sites.push_back(a);
        verdicts.push_back("cluster");
        hrefs.push_back("#site-" + s.id);
    }
    ClusterResult clusters;
    for (int r = 0; r < kRows; ++r)
        for (int c = 0; c + 1 < kCols; c += 2) {
            Cluster cl;
            cl.id = "C" + std::to_string(clusters.clusters.size() + 1);
            const Point a(20000.0 * c + 10, 20000.0 * r + 10), b(20000.0 * (c + 1) + 10, 20000.0 * r + 10);
            cl.round.path = {a, b, a};
            clusters.clusters.push_back(cl);
        }
    const html::MapLayout L = html::mapLayout(sites);
    const std::string svg = html::mapSvg(p, sites, verdicts, hrefs, &clusters);
    const double u = L.unit, w = L.view.width(), h = L.view.height(), r = L.markerRadius;
    // Each id's box as drawn: its text's start and baseline, the map's label width (0.62 em a character + 0.3 em).
    const std::regex label(R"re(<g class="cluster-label" transform="translate\(([-0-9.e]+) ([-0-9.e]+)\)"><text x="([-0-9.e]+)" y="([-0-9.e]+)" font-size="([-0-9.e]+)"[^>]*>([^<]*)</text>)re");
    std::vector<std::array<double, 4>> boxes;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        const double fs = std::stod(m[5]), x0 = std::stod(m[1]) + std::stod(m[3]);
        const double y1 = std::stod(m[2]) + std::stod(m[4]) + fs * 0.28;
        boxes.push_back({x0, y1 - fs * 1.1, x0 + fs * (0.62 * static_cast<double>(m[6].length()) + 0.3), y1});
    }
    CHECK(boxes.size() >= 5);
    CHECK(boxes.size() < clusters.clusters.size());
    const double eps = 1e-6 * u;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const auto& b = boxes[i];
        INFO("cluster id " << i << " at " << b[0] << ", " << b[1]);
        CHECK(b[0] >= -eps);
        CHECK(b[2] <= w + eps);
        CHECK(b[1] >= -h - eps);
        CHECK(b[3] <= eps);
        CHECK_FALSE(meet(b[0], b[1], b[2], b[3], 0, -u * 3, w / 5 + u * 6, 0));  // the scale bar
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            CHECK_FALSE(meet(b[0] + eps, b[1] + eps, b[2] - eps, b[3] - eps, boxes[j][0], boxes[j][1], boxes[j][2], boxes[j][3]));
        for (const auto& pl : L.places) {
            CHECK_FALSE(meet(b[0] + eps, b[1] + eps, b[2] - eps, b[3] - eps, pl.mx - r, pl.my - r, pl.mx + r, pl.my + r));
            if (pl.labelled) CHECK_FALSE(meet(b[0] + eps, b[1] + eps, b[2] - eps, b[3] - eps, pl.lx0, pl.ly0, pl.lx1, pl.ly1));
        }
    }
}

TEST_CASE("Map: the chosen sites are drawn last, so their rings lie above the neighbouring markers") {
    // A row of 9 sites whose markers touch; the regional choice is the 3rd and the 7th.
    Portfolio p;
    for (int i = 0; i < 9; ++i) p.sites.push_back(squareSite("R" + std::to_string(i), 300.0 * i, 0));
    p.sites.push_back(squareSite("far", 0, 8000));
    std::vector<SiteAssessment> sites;
    std::vector<std::string> verdicts, hrefs;
    for (const auto& s : p.sites) {
        SiteAssessment a;
        a.site = &s;
        sites.push_back(a);
        verdicts.push_back("cluster");
        hrefs.push_back("#site-" + s.id);
    }
    const std::string svg = html::mapSvg(p, sites, verdicts, hrefs, nullptr, {"R2", "R6"});
    std::vector<std::string> drawn;  // the sites' markers in the order they are drawn
    const std::regex marker(R"re(<a href="#site-([^"]+)" class="site")re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), marker); it != std::sregex_iterator(); ++it)
        drawn.push_back((*it)[1]);
    REQUIRE(drawn.size() == 10);
    CHECK(drawn[8] == "R2");
    CHECK(drawn[9] == "R6");
    // each ring is inside its own site's marker group
    CHECK(svg.find("class=\"selected\"") > svg.find("<a href=\"#site-R2\""));
}
