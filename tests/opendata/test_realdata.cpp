// vgscan portfolio build on real extracts in ../shared/realdata (see its
// SOURCES.md): Delft OSM, Doesburg BAG, Otterlo BGT + Kadastrale kaart,
// Wageningen NWB. Each test skips with a message when the data is absent.
// Expected figures were read with ogrinfo (GDAL 3.6) from the same files.
#include "TestKit.h"

#include "io/PortfolioReader.h"
#include "io/opendata/PortfolioBuilder.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <boost/geometry.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <set>

using namespace vgscan;
using namespace vgscan::opendata;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

std::string writeCsv(const QTemporaryDir& dir, const char* name, const std::string& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(text));
    return path.toStdString();
}

const SiteBuilding* buildingOf(const BuiltPortfolio& p, const std::string& id) {
    for (const auto& b : p.buildings)
        if (b.siteId == id) return &b;
    return nullptr;
}

bool hasIssue(const BuildResult& r, const std::string& text, bool error) {
    return std::any_of(r.issues.begin(), r.issues.end(),
                       [&](const InputIssue& i) { return i.error == error && i.str().find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("Delft OSM: roads, GPs, and a building at a point, through the PBF; reading is clipped") {
    REQUIRE_REALDATA(pbf, "geo/delft-osm/tudelft_region_2025.osm.pbf");
    QTemporaryDir tmp;
    // D1 at a point in OSM way 32636562 (building=farm, "Hammenwoning"); the
    // margin (40 km) takes in the whole extract (4.17-4.67 E, 51.81-52.12 N),
    // so every count equals the file's.
    BuildOptions o;
    o.sites = writeCsv(tmp, "delft.csv", "id,name,lat,lon,asset_no\nD1,Hammenwoning,51.997466,4.370009,NL-1\n");
    o.osm = pbf;
    o.margin = 40000;
    const BuildResult r = buildPortfolio(o);
    REQUIRE(r.sitesPlaced == 1);
    REQUIRE(buildingOf(r.portfolio, "D1"));
    CHECK(buildingOf(r.portfolio, "D1")->footprint.id == "osm:way/32636562");
    // highway=* lines: 3,811, less busway 115, construction 23, proposed 19 (not roads for people).
    CHECK(r.portfolio.roads.size() == 3654);
    std::map<std::string, int> pois;
    for (const auto& p : r.portfolio.pois) ++pois[p.poi.category];
    CHECK(pois["gp"] == 3);  // amenity=doctors, all nodes
    CHECK(pois["pt_stop"] > 300);
    CHECK(pois["nightlife"] >= 5);  // pub 4, bar 1 (nodes), plus any areas
    const auto sources = r.portfolio.sources;
    CHECK(std::any_of(sources.begin(), sources.end(), [](const LayerSource& s) {
        return s.layer == "roads" && s.attribution == "© OpenStreetMap contributors";
    }));

    // A 1 km margin keeps the campus's part of it: clipped.
    o.margin = 1000;
    const BuildResult small = buildPortfolio(o);
    CHECK(small.portfolio.roads.size() < r.portfolio.roads.size() * 6 / 10);
    CHECK(small.portfolio.roads.size() > 100);
}

TEST_CASE("Doesburg BAG: only the current version of a pand counts") {
    REQUIRE_REALDATA(zip, "geo/doesburg-bag/0221PND15092020.zip");
    REQUIRE_REALDATA(vbo, "geo/doesburg-bag/0221VBO15092020-000001.xml");
    QTemporaryDir tmp;
    BuildOptions o;
    // 311520 and 311522 have four versions each; 317614 is in the second XML
    // file of the zip; 311538 is demolished (Pand gesloopt) now.
    o.sites = writeCsv(tmp, "doesburg.csv",
                       "id,name,bag_pand_id\nA,Een,0221100000311520\nB,Twee,221100000311522\n"
                       "C,Drie,NL.IMBAG.Pand.0221100000317614\nG,Gesloopt,0221100000311538\n");
    o.bag = {zip, vbo};
    o.margin = 3000;
    const BuildResult r = buildPortfolio(o);
    CHECK(r.sitesListed == 4);
    CHECK(r.sitesPlaced == 3);
    const SiteBuilding* a = buildingOf(r.portfolio, "A");
    REQUIRE(a);
    // Versions 1-3 measure 68.68 m²; the current one (4, Pand in gebruik) 77.12 m².
    CHECK(bg::area(a->footprint.shape) == Catch::Approx(77.12).margin(0.01));
    CHECK(a->footprint.status == "Pand in gebruik");
    CHECK(a->footprint.year == 2011);
    REQUIRE(buildingOf(r.portfolio, "B"));
    CHECK(bg::area(buildingOf(r.portfolio, "B")->footprint.shape) == Catch::Approx(60.55).margin(0.01));
    REQUIRE(buildingOf(r.portfolio, "C"));
    CHECK(bg::area(buildingOf(r.portfolio, "C")->footprint.shape) == Catch::Approx(56.82).margin(0.01));
    CHECK(hasIssue(r, "site 'G' (row 5): error: pand 0221100000311538 is not a standing building: its status is "
                      "'Pand gesloopt'",
                   true));
    // The VBO file: 0221010000330226 has four versions, the current one
    // 'Verbouwing verblijfsobject'; 0221010000330999 one. Both homes, each once.
    std::set<std::string> homes;
    for (const auto& d : r.portfolio.dwellings) homes.insert(d.id);
    CHECK(homes.count("0221010000330226") == 1);
    CHECK(r.portfolio.dwellings.size() == homes.size());
    CHECK(std::any_of(r.portfolio.sources.begin(), r.portfolio.sources.end(), [](const LayerSource& s) {
        return s.layer == "buildings" && s.date == "2020-09-15 (StandTechnischeDatum)" &&
               s.licence == "CC0 1.0 (public domain)";
    }));
}

TEST_CASE("Otterlo: BGT pand without a CRS, and the plot from the Kadastrale kaart") {
    REQUIRE_REALDATA(bgt, "geo/otterlo-bgt-brk/bgt_otterlo.zip");
    REQUIRE_REALDATA(perceel, "geo/otterlo-bgt-brk/kadastralekaart_perceel.gml");
    QTemporaryDir tmp;
    BuildOptions o;
    // O1 by a point in BGT pand 0228100000063685 (75.5 m², on parcel B 2298);
    // O2 by the pand id of its neighbour, as a spreadsheet writes it (no leading zero).
    o.sites = writeCsv(tmp, "otterlo.csv",
                       "id,name,x,y,bag_pand_id\nO1,Otterlo,181194.4,456710.8,\nO2,Buren,,,228100000009587\n");
    o.bag = {bgt};
    o.parcels = perceel;
    o.margin = 500;
    const BuildResult r = buildPortfolio(o);
    CHECK(hasIssue(r, "layer 'BuildingPart': warning: has no CRS; taken to be EPSG:28992", false));
    REQUIRE(r.sitesPlaced == 2);
    REQUIRE(buildingOf(r.portfolio, "O1"));
    CHECK(buildingOf(r.portfolio, "O1")->footprint.id == "0228100000063685");
    CHECK(bg::area(buildingOf(r.portfolio, "O1")->footprint.shape) == Catch::Approx(75.5).margin(0.05));
    for (std::size_t i = 0; i < r.portfolio.sites.size(); ++i) {
        const Site& s = r.portfolio.sites[i];
        INFO(s.id << ": " << r.portfolio.plotFrom[i]);
        // The plot comes from parcels, and holds the building.
        CHECK(r.portfolio.plotFrom[i].rfind("parcels ", 0) == 0);
        for (const auto& fp : s.footprints) CHECK(bg::covered_by(fp, s.plot));
    }
    CHECK(r.portfolio.plotFrom.front().find("B 2298") != std::string::npos);
    // No GML beside the inputs grew a .gfs.
    CHECK_FALSE(QFile::exists(QString::fromStdString(perceel).replace(".gml", ".gfs")));
}

TEST_CASE("Wageningen NWB: wegvakken as the road layer, joined at their junctions") {
    REQUIRE_REALDATA(nwb, "geo/wageningen-nwb/Roads.gml");
    QTemporaryDir tmp;
    BuildOptions o;
    o.sites = writeCsv(tmp, "wageningen.csv", "id,name,x,y\nW1,Wageningen,173800,443800\n");
    o.nwb = nwb;
    o.margin = 5000;  // the extract spans 173-175 km x 443-445 km: all of it
    const BuildResult r = buildPortfolio(o);
    // 232 wegvakken; the point has no building (no BAG or OSM given), a warning.
    REQUIRE(r.sitesPlaced == 1);
    CHECK(r.portfolio.roads.size() == 232);
    std::map<std::string, int> classes;
    int oneway = 0;
    for (const auto& rd : r.portfolio.roads) {
        ++classes[rd.road.roadClass];
        oneway += rd.road.oneway ? 1 : 0;
    }
    // bst_code FP 1 + VP 5 -> path; PKP 3 -> service; wegbehsrt P 4 (HR 2, NRB 2 + 2) -> secondary ...
    CHECK(classes["path"] == 6);
    CHECK(classes["service"] == 3);
    CHECK(classes["secondary"] == 6);
    CHECK(oneway == 10);  // rijrichtng H 5, T 5
    CHECK(std::any_of(r.portfolio.sources.begin(), r.portfolio.sources.end(),
                      [](const LayerSource& s) { return s.layer == "roads" && s.attribution.find("NWB") != std::string::npos; }));
}
