// The other ways in: a spreadsheet, the BAG as zips and as bag-light, parcels,
// NWB, CBS buurten and a client list, the Leefbaarometer; and a bridge that
// does not join the road it crosses. The town is make_fixtures.py's (RD New,
// around X0 = 150000, Y0 = 450000).
#include "Town.h"

#include "derive/ContextIndex.h"
#include "io/opendata/SiteList.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <boost/geometry.hpp>

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

using namespace vgscan;
using namespace vgscan::opendata;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

using town::data;
using town::X0;
using town::Y0;

// The town without OpenStreetMap, its BAG from `bag`.
BuildOptions bagOnly(const std::string& bag) {
    BuildOptions o = town::options();
    o.osm.clear();
    o.bag = {bag};
    return o;
}

std::map<std::string, std::string> footprintIds(const BuildResult& r) {
    std::map<std::string, std::string> out;
    for (const auto& b : r.portfolio.buildings) out[b.siteId] = b.footprint.id;
    return out;
}

std::set<std::string> homes(const BuildResult& r) {
    std::set<std::string> out;
    for (const auto& d : r.portfolio.dwellings) out.insert(d.id);
    return out;
}

std::size_t siteIndex(const BuildResult& r, const std::string& id) {
    for (std::size_t i = 0; i < r.portfolio.sites.size(); ++i)
        if (r.portfolio.sites[i].id == id) return i;
    FAIL("site " << id << " not built");
    return 0;
}

bool warned(const BuildResult& r, const std::string& text) {
    return std::any_of(r.issues.begin(), r.issues.end(),
                       [&](const InputIssue& i) { return !i.error && i.str().find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("the site list as a spreadsheet reads as the CSV does") {
    std::vector<InputIssue> a, b;
    const SiteList csv = readSiteList(data("sites.csv"), a);
    const SiteList xlsx = readSiteList(data("sites.xlsx"), b);
    REQUIRE(xlsx.rows.size() == csv.rows.size());
    CHECK(xlsx.extraColumns == csv.extraColumns);
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
        INFO(csv.rows[i].id);
        CHECK(xlsx.rows[i].id == csv.rows[i].id);
        CHECK(xlsx.rows[i].where.how == csv.rows[i].where.how);
        CHECK(xlsx.rows[i].where.bagPandId == csv.rows[i].where.bagPandId);
        CHECK(xlsx.rows[i].extra == csv.rows[i].extra);
    }
}

TEST_CASE("the BAG as a folder, a zip, the national zip of zips and bag-light: the same sites and homes") {
    const BuildResult folder = buildPortfolio(bagOnly(data("bag")));
    CHECK(folder.sitesPlaced == 5);  // S1, S2, S3, S8; S4 keeps its point (no OSM here)
    const auto expected = footprintIds(folder);
    CHECK(expected.at("S1") == "9999100000000001");
    CHECK(expected.at("S3") == "9999100000000003");
    for (const char* other : {"bag.zip", "bag-national.zip", "bag-light.gpkg"}) {
        INFO(other);
        const BuildResult r = buildPortfolio(bagOnly(data(other)));
        CHECK(r.sitesPlaced == folder.sitesPlaced);
        CHECK(footprintIds(r) == expected);
        CHECK(homes(r) == homes(folder));
        const std::size_t s1 = siteIndex(r, "S1");
        CHECK(bg::area(r.portfolio.sites[s1].footprints.front()) == Catch::Approx(400.0));
    }
}

TEST_CASE("parcels: the plot is the parcels under the building; a sliver does not count; none: a stated fallback") {
    BuildOptions o = bagOnly(data("bag"));
    o.parcels = data("parcels.gpkg");
    const BuildResult r = buildPortfolio(o);
    // S1: parcel X 1 (40 x 40 m) holds pand 1; X 2 overlaps it by 0.1 x 5 = 0.5 m² < 1 m²: not part of the plot.
    const std::size_t s1 = siteIndex(r, "S1");
    CHECK(r.portfolio.plotFrom[s1] == "parcels TST01 X 1");
    CHECK(bg::area(r.portfolio.sites[s1].plot) == Catch::Approx(1600.0));
    // S2: parcel X 3 (35 x 25 m) under pand 2.
    CHECK(r.portfolio.plotFrom[siteIndex(r, "S2")] == "parcels TST01 X 3");
    CHECK(bg::area(r.portfolio.sites[siteIndex(r, "S2")].plot) == Catch::Approx(875.0));
    // S3: no parcel under pand 3: footprint + 10 m, and a warning naming the file.
    CHECK(r.portfolio.plotFrom[siteIndex(r, "S3")] == "footprint + 10 m");
    CHECK(warned(r, "site 'S3' (row 4): warning: no parcel in " + data("parcels.gpkg") + " lies under its building"));
    CHECK(std::any_of(r.portfolio.sources.begin(), r.portfolio.sources.end(),
                      [](const LayerSource& s) { return s.layer == "sites" && s.attribution.find("Kadaster") == 0; }));

    // An empty parcel layer: the file and the problem are named; every site falls back, with a warning.
    o.parcels = data("parcels-empty.gpkg");
    const BuildResult empty = buildPortfolio(o);
    CHECK(empty.extractFailed);
    CHECK(std::any_of(empty.issues.begin(), empty.issues.end(), [](const InputIssue& i) {
        return i.error && i.file.ends_with("parcels-empty.gpkg") && i.problem == "is empty: it holds no parcels";
    }));
    CHECK(empty.sitesPlaced == 5);
    CHECK(warned(empty, "site 'S1' (row 2): warning: no parcels given"));
}

TEST_CASE("NWB wegvakken: classes, one way against the drawing, ends joined at their junction") {
    BuildOptions o = bagOnly(data("bag"));
    o.nwb = data("nwb.gpkg");
    const BuildResult r = buildPortfolio(o);
    std::map<std::string, const BuiltRoad*> roads;
    for (const auto& rd : r.portfolio.roads) roads[rd.sourceId] = &rd;
    CHECK(roads.size() == 4);  // 605 lies 20 km away
    REQUIRE(roads.count("nwb:wvk/602"));
    // Drawn from (250.3, 90.2): moved onto junction 2, where 601 ends (250, 90).
    CHECK(roads["nwb:wvk/602"]->road.line.front().x() == Catch::Approx(X0 + 250));
    CHECK(roads["nwb:wvk/602"]->road.line.front().y() == Catch::Approx(Y0 + 90));
    CHECK(roads["nwb:wvk/602"]->road.roadClass == "residential");
    // rijrichtng T, drawn east to west: reversed, one way west to east.
    const BuiltRoad& provincial = *roads["nwb:wvk/603"];
    CHECK(provincial.road.roadClass == "secondary");
    CHECK(provincial.road.oneway);
    CHECK(provincial.road.line.front().x() == Catch::Approx(X0));
    CHECK(provincial.fromNode == "5");
    CHECK(roads["nwb:wvk/604"]->road.roadClass == "path");
    CHECK(roads["nwb:wvk/601"]->name == "Dorpsstraat");
}

TEST_CASE("demand: CBS buurten weighted by inhabitants; a client list by postcode and by point") {
    BuildOptions o = bagOnly(data("bag"));
    o.demand = data("buurten.gpkg");
    BuildResult r = buildPortfolio(o);
    // B1 (1,200 inhabitants) only: B2's number is secret (-99997), B3 lies 20 km away.
    REQUIRE(r.portfolio.demand.size() == 1);
    CHECK(r.portfolio.demand.front().point.id == "BU99990001");
    CHECK(r.portfolio.demand.front().point.weight == 1200);
    CHECK(warned(r, "1 buurten near the sites have no public number of inhabitants"));

    o.demand = data("clients.csv");
    r = buildPortfolio(o);
    std::map<std::string, const BuiltDemand*> clients;
    for (const auto& d : r.portfolio.demand) clients[d.point.id] = &d;
    REQUIRE(clients.size() == 2);
    // 1234AB: the mean of its two addresses, (305, 105) and (308, 108).
    CHECK(clients["c1"]->point.position.x() == Catch::Approx(X0 + 306.5));
    CHECK(clients["c1"]->point.position.y() == Catch::Approx(Y0 + 106.5));
    CHECK(clients["c1"]->point.weight == 3);
    CHECK(clients["c2"]->point.position.x() == Catch::Approx(X0 + 400));
    CHECK(std::any_of(r.issues.begin(), r.issues.end(), [](const InputIssue& i) {
        return i.error && i.object == "row 4" && i.problem.find("gives no postcode, x/y or lat/lon") != std::string::npos;
    }));
    CHECK(!r.extractFailed);

    // Clients far from every site are left out, and now counted in the
    // summary (before: "demand clients.csv: 1 points kept", the other unsaid).
    QTemporaryDir dir;
    o.demand = dir.filePath("clients-far.csv").toStdString();
    std::ofstream(o.demand) << "id,x,y,clients\nnear," << X0 + 400 << "," << Y0 + 300 << ",2\nfar," << X0 + 90000 << ","
                            << Y0 << ",5\n";
    r = buildPortfolio(o);
    REQUIRE(r.portfolio.demand.size() == 1);
    CHECK(std::any_of(r.summary.begin(), r.summary.end(), [](const std::string& line) {
        return line.find("clients-far.csv: 1 points kept (1 farther than ") != std::string::npos &&
               line.find(" from every site left out)") != std::string::npos;
    }));
    CHECK(!r.extractFailed);
    // No client left at all: an error, and the build says it is incomplete
    // (exit 4; before: exit 0 and an empty demand layer that plan refused later).
    o.demand = dir.filePath("clients-none.csv").toStdString();
    std::ofstream(o.demand) << "id,postcode,x,y,clients\nc1,,,,4\n";
    r = buildPortfolio(o);
    CHECK(r.portfolio.demand.empty());
    CHECK(r.extractFailed);
    CHECK(std::any_of(r.issues.begin(), r.issues.end(), [](const InputIssue& i) {
        return i.error && i.problem.find("no demand point is left") != std::string::npos;
    }));
}

TEST_CASE("liveability: Leefbaarometer cells with their class; an impossible class is named") {
    BuildOptions o = bagOnly(data("bag"));
    o.liveability = data("liveability.gpkg");
    const BuildResult r = buildPortfolio(o);
    std::map<std::string, double> cells;
    for (const auto& a : r.portfolio.liveability) cells[a.id] = a.score;
    CHECK(cells == std::map<std::string, double>{{"g1", 6}, {"g2", 3}});  // g4 lies 20 km away
    CHECK(std::any_of(r.issues.begin(), r.issues.end(), [](const InputIssue& i) {
        return i.error && i.object == "area g3" && i.problem.find("not a Leefbaarometer class 1 to 9") != std::string::npos;
    }));
    CHECK(std::any_of(r.portfolio.sources.begin(), r.portfolio.sources.end(),
                      [](const LayerSource& s) { return s.layer == "liveability"; }));
}

TEST_CASE("a bridge does not join the road it crosses; its ends do") {
    // Road A along y = 0 with a vertex at (100, 0); road B crosses it at that
    // very point, from (100, -100) to (100, 100); a ramp C joins A's end (200, 0)
    // to B's top end (100, 100). A GP at (95, 95) joins B at (100, 95), 5 m
    // (the ramp is 10 / sqrt(2) = 7.07 m from it).
    // The site (0, -10) joins A at (0, 0), 10 m.
    Context c;
    c.hasRoads = c.hasPois = true;
    Road a, b, ramp;
    a.roadClass = b.roadClass = ramp.roadClass = "residential";
    a.line = {{0, 0}, {100, 0}, {200, 0}};
    b.line = {{100, -100}, {100, 0}, {100, 100}};
    ramp.line = {{200, 0}, {100, 100}};
    c.roads = {a, b, ramp};
    c.pois = {Poi{"gp", "GP", std::nullopt, Point(95, 95)}};
    {
        // On the ground, B crosses A at (100, 0): 10 + 100 + 95 + 5 = 210 m.
        const ContextIndex index(c);
        const auto t = index.nearestByTravel(Point(0, -10), PoiFilter{"gp"});
        REQUIRE(t);
        CHECK(t->distance == Catch::Approx(210.0));
    }
    // B a bridge (level 1): no way across at (100, 0); round by the ramp:
    // 10 + 200 + 100 x sqrt(2) + 5 + 5 = 361.42 m.
    c.roads[1].level = 1;
    const ContextIndex index(c);
    const auto t = index.nearestByTravel(Point(0, -10), PoiFilter{"gp"});
    REQUIRE(t);
    CHECK(t->distance == Catch::Approx(10 + 200 + 100 * std::sqrt(2.0) + 5 + 5));
}
