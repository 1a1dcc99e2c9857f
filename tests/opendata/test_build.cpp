// vgscan portfolio build on the made-up town of make_fixtures.py (RD New,
// around X0 = 150000, Y0 = 450000): every figure below follows from the
// fixture's drawing, as noted beside it.
#include "Town.h"

#include "io/PortfolioReader.h"
#include "io/opendata/PortfolioBuilder.h"
#include "io/opendata/SiteList.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <boost/geometry.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace vgscan;
using namespace vgscan::opendata;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

using town::X0;
using town::Y0;

BuildOptions townOptions(double margin = 1000) { return town::options(margin); }

const Site* siteById(const BuiltPortfolio& p, const std::string& id) {
    for (const auto& s : p.sites)
        if (s.id == id) return &s;
    return nullptr;
}

const SiteBuilding* buildingOf(const BuiltPortfolio& p, const std::string& id) {
    for (const auto& b : p.buildings)
        if (b.siteId == id) return &b;
    return nullptr;
}

std::string errorsAbout(const BuildResult& r, const std::string& site) {
    std::string s;
    for (const auto& i : r.issues)
        if (i.error && i.object.find("site '" + site + "'") != std::string::npos) s += i.str() + "\n";
    return s;
}

// Every file under `dir` with its checksum: proves the inputs are not written to.
std::map<QString, QByteArray> checksums(const QString& dir) {
    std::map<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        QFile file(f);
        REQUIRE(file.open(QIODevice::ReadOnly));
        out[f] = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }
    return out;
}

}  // namespace

TEST_CASE("site list: ids, postcodes and numbers as people write them") {
    CHECK(normaliseBagId("NL.IMBAG.Pand.0221100000311191") == "0221100000311191");
    CHECK(normaliseBagId("221100000311191") == "0221100000311191");     // a spreadsheet dropped the zero
    CHECK(normaliseBagId("221100000311191.0") == "0221100000311191");   // ... and made it a number
    CHECK(normaliseBagId("pand 12").empty());
    CHECK(normalisePostcode("1234 ab") == "1234AB");
    CHECK(normalisePostcode("123 AB").empty());
    CHECK(*parseNumber("155000,5") == 155000.5);
    CHECK(*parseNumber(" 12.25 ") == 12.25);
    CHECK_FALSE(parseNumber("12 m"));
}

TEST_CASE("build: every way of finding a building, and the sites that cannot be placed") {
    const BuildResult r = buildPortfolio(townOptions());
    const BuiltPortfolio& p = r.portfolio;
    CHECK(r.sitesListed == 8);
    CHECK(r.sitesPlaced == 5);
    CHECK_FALSE(r.extractFailed);

    // S1 by pand id: three versions in the PND file, only the third (20 x 20 m) is current.
    const SiteBuilding* b1 = buildingOf(p, "S1");
    REQUIRE(b1);
    CHECK(b1->footprint.id == "9999100000000001");
    CHECK(bg::area(b1->footprint.shape) == Catch::Approx(400.0));
    CHECK(b1->footprint.year == 1972);
    CHECK(b1->footprint.status == "Pand in gebruik");
    // S2 by a point in pand 2 (15 x 12 m).
    REQUIRE(buildingOf(p, "S2"));
    CHECK(buildingOf(p, "S2")->footprint.id == "9999100000000002");
    CHECK(bg::area(buildingOf(p, "S2")->footprint.shape) == Catch::Approx(180.0));
    // S3 by address 1234 AB 5 -> verblijfsobject 5 -> pand 3 (10 x 10 m); S8 by 1234AB 7 a -> 7A, the same pand.
    REQUIRE(buildingOf(p, "S3"));
    CHECK(buildingOf(p, "S3")->footprint.id == "9999100000000003");
    REQUIRE(buildingOf(p, "S8"));
    CHECK(buildingOf(p, "S8")->footprint.id == "9999100000000003");
    // S4 by lat/lon in a building only OSM has (10 x 10 m, through degrees and back).
    REQUIRE(buildingOf(p, "S4"));
    CHECK(buildingOf(p, "S4")->footprint.id == "osm:way/202");
    CHECK(bg::area(buildingOf(p, "S4")->footprint.shape) == Catch::Approx(100.0).margin(0.5));

    // The three that cannot be placed, each named with its row and its reason.
    CHECK_THAT(errorsAbout(r, "S5"), ContainsSubstring("sites.csv: site 'S5' (row 6): error: pand 9999100000000099 is "
                                                       "not in the BAG extract"));
    CHECK_THAT(errorsAbout(r, "S6"), ContainsSubstring("its status is 'Pand gesloopt'"));
    CHECK_THAT(errorsAbout(r, "S7"), ContainsSubstring("lies outside every extract given"));
    CHECK_FALSE(siteById(p, "S5"));

    // The user's own column survives; the plot is the footprint + 10 m (no parcels), with a warning.
    const Site* s1 = siteById(p, "S1");
    REQUIRE(s1);
    CHECK(s1->attributes.at("asset_no") == "A-001");
    CHECK(s1->places == 12);
    CHECK(bg::within(s1->footprints.front(), s1->plot));
    // 20 x 20 grown by 10 m with round corners: the square, four 20 x 10 sides, and the
    // corners together a circle of 10 m drawn as a 16-gon: 16/2 x 10² x sin(2π/16).
    CHECK(bg::area(s1->plot) == Catch::Approx(400 + 4 * 20 * 10 + 8 * 100 * std::sin(M_PI / 8)).epsilon(1e-6));
    CHECK(std::any_of(r.issues.begin(), r.issues.end(), [](const InputIssue& i) {
        return !i.error && i.object.find("site 'S1'") != std::string::npos &&
               i.problem.find("no parcels given") != std::string::npos;
    }));
}

TEST_CASE("build: roads and points of interest from OSM, homes from the BAG") {
    const BuildResult r = buildPortfolio(townOptions());
    const BuiltPortfolio& p = r.portfolio;
    std::map<std::string, const BuiltRoad*> roads;
    for (const auto& rd : p.roads) roads[rd.sourceId] = &rd;
    // Ways 101-104 and 106; 105 is highway=construction, 107 lies 20 km away.
    CHECK(roads.size() == 5);
    REQUIRE(roads.count("osm:way/102"));
    const BuiltRoad& primary = *roads["osm:way/102"];
    CHECK(primary.road.roadClass == "primary");
    CHECK(primary.road.oneway);
    CHECK(primary.maxspeedKmh == 80.0);
    // Drawn east to west with oneway=-1: reversed, so it now runs west to east.
    CHECK(primary.road.line.front().x() == Catch::Approx(X0).margin(0.05));
    CHECK(primary.road.line.back().x() == Catch::Approx(X0 + 500).margin(0.05));
    CHECK(roads["osm:way/103"]->road.level == 1);  // the bridge
    CHECK(roads["osm:way/101"]->road.level == 0);
    CHECK(roads["osm:way/101"]->name == "Dorpsstraat");
    CHECK(roads["osm:way/104"]->road.roadClass == "path");
    CHECK(roads["osm:way/106"]->road.roadClass == "motorway");
    CHECK(roads["osm:way/106"]->road.oneway);  // implied by motorway_link

    std::map<std::string, const BuiltPoi*> pois;
    for (const auto& poi : p.pois) pois[poi.poi.category] = &poi;
    CHECK(p.pois.size() == 5);  // the far doctor and the bench are not kept
    REQUIRE(pois.count("gp"));
    CHECK(pois["gp"]->poi.name == "Huisartsenpraktijk Noord");
    CHECK(pois["gp"]->sourceId == "osm:node/1");
    CHECK(pois["gp"]->sourceTag == "amenity=doctors");
    REQUIRE(pois.count("school"));  // from a closed way: a point inside it
    const Point school = pois["school"]->poi.position;
    CHECK((school.x() > X0 + 150 && school.x() < X0 + 190 && school.y() > Y0 + 150 && school.y() < Y0 + 180));
    CHECK(pois.count("shop"));
    CHECK(pois.count("pt_stop"));
    CHECK(pois.count("nightlife"));

    // Homes: VBO 1, 2, 3 (once, though it has two versions), 5 (woon- and zorgfunctie) and 8.
    // Not: 4 (a shop), 6 (gevormd: not built yet), 7 (20 km away).
    std::set<std::string> homes;
    for (const auto& d : p.dwellings) homes.insert(d.id);
    CHECK(homes == std::set<std::string>{"9999010000000001", "9999010000000002", "9999010000000003",
                                         "9999010000000005", "9999010000000008"});

    // Where each layer came from.
    std::map<std::string, LayerSource> sources;
    for (const auto& s : p.sources) sources[s.layer] = s;
    CHECK(sources["roads"].attribution == "© OpenStreetMap contributors");
    CHECK(sources["roads"].licence == "ODbL 1.0");
    CHECK(sources["poi"].attribution == "© OpenStreetMap contributors");
    CHECK(sources["buildings"].date == "2024-01-01 (StandTechnischeDatum)");
    CHECK(sources["dwellings"].licence == "CC0 1.0 (public domain)");
}

TEST_CASE("build: reading is clipped to the sites' surroundings") {
    // With a 30 km margin the far road, doctor and home are kept too.
    const BuildResult wide = buildPortfolio(townOptions(30000));
    CHECK(wide.portfolio.roads.size() == 6);
    CHECK(wide.portfolio.pois.size() == 6);
    CHECK(wide.portfolio.dwellings.size() == 6);
    const BuildResult tight = buildPortfolio(townOptions(1000));
    CHECK(tight.portfolio.roads.size() == 5);
    CHECK(tight.portfolio.dwellings.size() == 5);
}

TEST_CASE("build: the GeoPackage reads back as a portfolio with the new layers") {
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const BuildResult r = buildPortfolio(townOptions());
    const std::string out = tmp.filePath("town.gpkg").toStdString();
    writePortfolio(out, r.portfolio);
    std::vector<InputIssue> issues;
    const Portfolio back = readPortfolio(out, issues);
    CHECK_FALSE(hasErrors(issues));
    CHECK(back.sites.size() == 5);
    CHECK(back.context.roads.size() == 5);
    CHECK(back.context.hasDwellings);
    CHECK(back.context.dwellings.size() == 5);
    CHECK(back.context.pois.size() == 5);
    CHECK(back.context.sources.size() == r.portfolio.sources.size());
    const auto bridge = std::find_if(back.context.roads.begin(), back.context.roads.end(),
                                     [](const Road& rd) { return rd.level == 1; });
    CHECK(bridge != back.context.roads.end());
    const auto s1 = std::find_if(back.sites.begin(), back.sites.end(), [](const Site& s) { return s.id == "S1"; });
    REQUIRE(s1 != back.sites.end());
    CHECK(s1->attributes.at("asset_no") == "A-001");
    CHECK(s1->attributes.at("located_by") == "bag_pand_id");
    REQUIRE(s1->footprints.size() == 1);
    CHECK(bg::area(s1->footprints.front()) == Catch::Approx(400.0));
}

TEST_CASE("vgscan portfolio build, then vgscan scan; the inputs are not written to") {
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString data = QString::fromStdString(town::data(""));
    const auto before = checksums(data);
    const QString out = tmp.filePath("town.gpkg");
    CliRun b = runVgscan({"portfolio", "build", data + "/sites.csv", "--bag", data + "/bag", "--osm", data + "/town.osm",
                       "--out", out, "--margin", "1000"});
    INFO(b.err);
    CHECK(b.code == 4);  // three sites could not be placed
    CHECK_THAT(b.err, ContainsSubstring("site 'S6' (row 7): error: pand 9999100000000004 is not a standing building"));
    CHECK_THAT(b.out, ContainsSubstring("Placed 5 of 8 sites"));
    CHECK(QFile::exists(out));
    CHECK(checksums(data) == before);  // not a byte changed, no .gfs or index written beside them

    CliRun s = runVgscan({"scan", out, "--out", tmp.filePath("scan"), "--format", "json"});
    INFO(s.err);
    CHECK((s.code == 0 || s.code == 4));
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(s.out)).object();
    CHECK(json["sites"].toArray().size() == 5);

    // The margin from the rule set: the vg7 site rules look at most 25 km (avg_access).
    CliRun d = runVgscan({"portfolio", "build", data + "/sites.csv", "--bag", data + "/bag", "--osm", data + "/town.osm",
                       "--out", tmp.filePath("wide.gpkg")});
    CHECK(d.code == 4);
    CHECK_THAT(d.out, ContainsSubstring("Margin around each site: 25000 m (vg7: avg_access.max_distance_m)"));

    // No site can be placed: nothing is written, exit 2.
    const QString lost = tmp.filePath("lost.csv");
    {
        QFile f(lost);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("id,name,bag_pand_id\nX1,Nergens,9999100000000099\n");
    }
    CliRun none = runVgscan({"portfolio", "build", lost, "--bag", data + "/bag", "--out", tmp.filePath("none.gpkg"),
                          "--margin", "100"});
    CHECK(none.code == 2);
    CHECK_THAT(none.err, ContainsSubstring("site 'X1' (row 2): error: pand 9999100000000099 is not in the BAG extract"));
    CHECK_THAT(none.err, ContainsSubstring("no site could be placed; nothing written"));
    CHECK_FALSE(QFile::exists(tmp.filePath("none.gpkg")));

    // An output that is an input is refused.
    CliRun same = runVgscan({"portfolio", "build", data + "/sites.csv", "--out", data + "/sites.csv", "--margin", "10"});
    CHECK(same.code == 1);
    CHECK(checksums(data) == before);
}

TEST_CASE("services from a CSV by point and by address; without roads avg_access warns on every site") {
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    BuildOptions o = townOptions();
    o.osm.clear();  // no OpenStreetMap: no roads layer at all
    o.poi = town::data("services.csv");
    const BuildResult r = buildPortfolio(o);
    // S4 stood in a building only OSM has: now it keeps its point, with a warning.
    CHECK(r.sitesPlaced == 5);
    CHECK_FALSE(r.portfolio.hasRoads);
    std::map<std::string, const BuiltPoi*> pois;
    for (const auto& p : r.portfolio.pois) pois[p.poi.category] = &p;
    CHECK(r.portfolio.pois.size() == 4);
    REQUIRE(pois.count("daycare"));  // 1234AB 7a: verblijfsobject 8 at (308, 108)
    CHECK(pois["daycare"]->poi.position.x() == Catch::Approx(X0 + 308));
    CHECK(pois["daycare"]->poi.position.y() == Catch::Approx(Y0 + 108));
    CHECK(pois["gp"]->poi.acceptsWlz == true);
    CHECK(std::any_of(r.issues.begin(), r.issues.end(), [](const InputIssue& i) {
        return i.error && i.object == "row 6" && i.problem.find("address 9999ZZ 1 is not in the BAG extract") != std::string::npos;
    }));

    const QString out = tmp.filePath("noroads.gpkg");
    writePortfolio(out.toStdString(), r.portfolio);
    CliRun s = runVgscan({"scan", out, "--out", tmp.filePath("scan"), "--format", "json"});
    INFO(s.err);
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(s.out)).object();
    const QJsonArray sites = json["sites"].toArray();
    REQUIRE(sites.size() == 5);
    // Where the layers came from travels to the scan's output.
    bool bagSource = false;
    for (const auto& src : json["sources"].toArray())
        bagSource = bagSource || (src.toObject()["layer"].toString() == "buildings" &&
                                  src.toObject()["licence"].toString() == "CC0 1.0 (public domain)");
    CHECK(bagSource);
    for (const auto& site : sites) {
        INFO(site.toObject()["id"].toString().toStdString());
        bool warned = false;
        for (const auto& res : site.toObject()["results"].toArray()) {
            const QJsonObject o = res.toObject();
            if (o["rule"].toString() != "avg_access") continue;
            // AVG 1 km and crisis 2 km away as the crow flies: within 25 km, but only estimated.
            warned = o["status"].toString() == "warn" &&
                     o["summary"].toString().startsWith("warning: the portfolio has no roads layer");
        }
        CHECK(warned);
        // The user's asset number survives to the scan's output.
        CHECK(site.toObject()["attributes"].toObject()["asset_no"].toString().startsWith("A-00"));
    }
}

TEST_CASE("a truncated PBF: the file is named, its layers are left out, the sites are still built") {
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString pbf = tmp.filePath("town.osm.pbf");
    QProcess osmium;
    osmium.start("osmium", {"cat", "-O", "--no-progress", QString::fromStdString(town::data("town.osm")),
                            "-o", pbf});
    if (!osmium.waitForFinished(60000) || osmium.exitCode() != 0 || !QFile::exists(pbf))
        SKIP("osmium-tool is not installed (scripts/setup installs it): no PBF to truncate");
    QFile f(pbf);
    REQUIRE(f.open(QIODevice::ReadWrite));
    const qint64 full = f.size();
    REQUIRE(f.resize(full / 2));  // cut in the middle of a block
    f.close();
    BuildOptions o = townOptions();
    o.osm = pbf.toStdString();
    const BuildResult r = buildPortfolio(o);
    CHECK(r.extractFailed);
    CHECK_FALSE(r.portfolio.hasRoads);
    // S4 stood in a building only OSM has: it keeps its point (homes lie around it, so it is not outside).
    CHECK(r.sitesPlaced == 5);
    CHECK(std::any_of(r.issues.begin(), r.issues.end(), [&](const InputIssue& i) {
        return i.error && i.file == pbf.toStdString() && i.problem.find("could not be read to the end") != std::string::npos;
    }));
}
