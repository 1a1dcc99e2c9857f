// IFC import on the real models in ../shared/realdata/ifc (see its
// SOURCES.md): the buildingSMART Duplex Apartment (CC BY 4.0), whose two
// upstairs hallways have face-based (Brep-like) bodies, and its COBie variant
// with 3000 m placeholder boxes. Each test skips when the data is absent.
#include "TestKit.h"
#include "io/BodySection.h"
#include "io/Import.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QDir>
#include <QFile>

#include <cmath>
#include <map>
#include <set>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;
using Catch::Matchers::ContainsSubstring;

namespace {

section::Face quad(section::Point3 a, section::Point3 b, section::Point3 c, section::Point3 d) { return {{a, b, c, d}}; }

// The six faces of an axis-aligned box.
std::vector<section::Face> box(double x0, double y0, double z0, double x1, double y1, double z1) {
    return {quad({x0, y0, z0}, {x1, y0, z0}, {x1, y1, z0}, {x0, y1, z0}),
            quad({x0, y0, z1}, {x1, y0, z1}, {x1, y1, z1}, {x0, y1, z1}),
            quad({x0, y0, z0}, {x1, y0, z0}, {x1, y0, z1}, {x0, y0, z1}),
            quad({x0, y1, z0}, {x1, y1, z0}, {x1, y1, z1}, {x0, y1, z1}),
            quad({x0, y0, z0}, {x0, y1, z0}, {x0, y1, z1}, {x0, y0, z1}),
            quad({x1, y0, z0}, {x1, y1, z0}, {x1, y1, z1}, {x1, y0, z1})};
}

double area(const section::Ring2& r) {
    double a = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& p = r[i];
        const auto& q = r[(i + 1) % r.size()];
        a += p[0] * q[1] - q[0] * p[1];
    }
    return std::fabs(a) / 2;
}

}  // namespace

TEST_CASE("body section: a box is cut into its rectangle; a wall face split in two still closes") {
    // Box 4 x 3 m, 2.5 m high: the cut 10 cm above the floor is the 4 x 3
    // rectangle, 12 m², with 4 corners.
    auto faces = box(0, 0, 0, 4, 3, 2.5);
    auto out = section::sectionNearBottom(faces, 0.1, 1e-6);
    REQUIRE(out.size() == 1);
    CHECK(out[0].outer.size() == 4);
    CHECK(area(out[0].outer) == Approx(12.0));
    // The south wall split at x = 1.5 into two faces: the collinear point at
    // x = 1.5 is dropped, the ring is the same rectangle.
    faces[2] = quad({0, 0, 0}, {1.5, 0, 0}, {1.5, 0, 2.5}, {0, 0, 2.5});
    faces.push_back(quad({1.5, 0, 0}, {4, 0, 0}, {4, 0, 2.5}, {1.5, 0, 2.5}));
    out = section::sectionNearBottom(faces, 0.1, 1e-6);
    REQUIRE(out.size() == 1);
    CHECK(out[0].outer.size() == 4);
    CHECK(area(out[0].outer) == Approx(12.0));
    // A body open on one side does not close.
    faces.pop_back();
    CHECK_THROWS_WITH(section::sectionNearBottom(faces, 0.1, 1e-6), ContainsSubstring("does not close"));
}

TEST_CASE("body section: a box with a box-shaped hole through it gives an outline with a hole") {
    // Outer 10 x 10 box, inner 2 x 2 shaft at (4..6, 4..6), both 3 m high:
    // the section is 100 - 4 = 96 m², one hole.
    auto faces = box(0, 0, 0, 10, 10, 3);
    for (auto& f : box(4, 4, 0, 6, 6, 3)) faces.push_back(f);
    faces.erase(faces.begin() + 6, faces.begin() + 8);  // the shaft's top and bottom are not faces
    const auto out = section::sectionNearBottom(faces, 0.1, 1e-6);
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].holes.size() == 1);
    CHECK(area(out[0].outer) - area(out[0].holes[0]) == Approx(96.0));
}

TEST_CASE("ifc real data: the Duplex imports every space, hallways included, and bedroom doors open to them") {
    REQUIRE_REALDATA(path, "ifc/duplex/duplex.ifc");
    ImportReport report;
    const FloorPlan plan = importPlan(path, {}, report);
    std::map<std::string, const Space*> byId;
    for (const auto& s : plan.spaces) byId[s.id] = &s;
    // 21 IfcSpace in the file (grep): all are read.
    CHECK(plan.spaces.size() == 21);
    CHECK(report.counts["spaces without geometry"] == 0);
    // The hallways A201 and B201 (face-based surface models, 16 faces). By
    // hand from A201's poly loops (world, after its placement at x 6.418,
    // y -11.55): an L, the 1.965 x 5.300 m bounding rectangle (x 6.418..8.383,
    // y -11.55..-6.25) less the 1.0144 x 3.475 m corner (x 7.3686..8.383,
    // y -11.55..-8.075): 10.4145 - 3.5250 = 6.8895 m². (The file's GSA BIM
    // Area, 7.80 m², is measured to the wall centres; every room's is ~9 %
    // larger than its net outline here, e.g. Living Room 30.14 vs 27.66.)
    for (const char* gid : {"0BTBFw6f90Nfh9rP1dlXri", "0BTBFw6f90Nfh9rP1dl_3G"}) {
        INFO(gid);
        REQUIRE(byId.count(gid));
        CHECK_THAT(byId[gid]->name, ContainsSubstring("Hallway"));
        CHECK(byId[gid]->use == SpaceUse::Corridor);
        CHECK(byId[gid]->area == Approx(6.8895).margin(0.001));
        CHECK(byId[gid]->shape.outer().size() == 7);  // 6 corners, closed
        // Upstairs, with the bedrooms.
        CHECK(byId[gid]->storey == byId["0BTBFw6f90Nfh9rP1dlXrc"]->storey);
    }
    // The stairs A105 and B105 are extrusions of an upright side profile: cut
    // near the bottom too, so all 21 are read.
    REQUIRE(byId.count("10mjSDZJj9gPS2PrQaxa3z"));
    CHECK(byId["10mjSDZJj9gPS2PrQaxa3z"]->use == SpaceUse::Stair);
    CHECK(byId["10mjSDZJj9gPS2PrQaxa3z"]->area > 1.0);
    // The Utility rooms map through the room-name table.
    CHECK(byId["2gRXFgjRn2HPE$YoDLX3FV"]->use == SpaceUse::Laundry);
    // 14 IfcDoor: every one is read.
    CHECK(plan.openings.size() == 14);
    // Every bedroom's door leads to its flat's hallway (A202/A203 to A201,
    // B202/B203 to B201), not outside.
    const std::map<std::string, std::string> bedroomHall = {
        {"0BTBFw6f90Nfh9rP1dlXrc", "0BTBFw6f90Nfh9rP1dlXri"},  // A202 Bedroom 1
        {"0BTBFw6f90Nfh9rP1dlXrb", "0BTBFw6f90Nfh9rP1dlXri"},  // A203 Bedroom 2
        {"0BTBFw6f90Nfh9rP1dl_3A", "0BTBFw6f90Nfh9rP1dl_3G"},  // B202 Bedroom 1
        {"0BTBFw6f90Nfh9rP1dl_39", "0BTBFw6f90Nfh9rP1dl_3G"},  // B203 Bedroom 2
    };
    for (const auto& [bedroom, hall] : bedroomHall) {
        INFO(bedroom);
        int doors = 0, toHall = 0;
        for (const auto& o : plan.openings)
            if (o.kind == OpeningKind::Door && (o.from == bedroom || o.to == bedroom)) {
                ++doors;
                const std::string other = o.from == bedroom ? o.to : o.from;
                if (other == hall) ++toHall;
                CHECK(other != kOutside);
            }
        CHECK(doors >= 1);
        CHECK(toHall == doors);
    }
    // To outside: the two front doors (Foyer A101/B101) and the two garden
    // doors (Living Room A102/B102), nothing else.
    std::set<std::string> outside;
    for (const auto& o : plan.openings)
        if (o.to == kOutside) outside.insert(o.from);
    CHECK(outside == std::set<std::string>{"0BTBFw6f90Nfh9rP1dlXrr", "0BTBFw6f90Nfh9rP1dl_3Q", "0BTBFw6f90Nfh9rP1dlXr2",
                                           "0BTBFw6f90Nfh9rP1dl_CZ"});
    // Door 1aj$VJZFn2TxepZUBcKpac has space boundaries with three spaces
    // (A201 Hallway, A204 Bathroom 2, A205 Utility); it is the Bathroom's door
    // to the Utility, as its twin in flat B (1aj$VJZFn2TxepZUBcKp$i) is.
    for (const auto& o : plan.openings)
        if (o.id == "1aj$VJZFn2TxepZUBcKpac")
            CHECK(std::set<std::string>{o.from, o.to} ==
                  std::set<std::string>{"0BTBFw6f90Nfh9rP1dlXre", "2gRXFgjRn2HPE$YoDLX3FV"});
    CHECK(report.counts["doors matched by space boundaries"] == 14);
}

TEST_CASE("ifc real data: the COBie Duplex with 3000 m placeholder boxes is refused, naming file and space") {
    REQUIRE_REALDATA(path, "ifc/edge-cases/2012-03-23-Duplex-Design.ifc");
    ImportReport report;
    try {
        importPlan(path, {}, report);
        FAIL("the COBie model was imported");
    } catch (const InputError& e) {
        const auto& issues = e.issues();
        REQUIRE(issues.size() >= 2);
        CHECK(issues[0].file == path);
        CHECK_THAT(issues[0].problem, ContainsSubstring("placeholder boxes"));
        // Each placeholder is named by its GlobalId and its size: 3000 x 3000 m.
        CHECK_THAT(issues[1].object, ContainsSubstring("IfcSpace "));
        CHECK_THAT(issues[1].problem, ContainsSubstring("3000 m x 3000 m"));
    }
}
