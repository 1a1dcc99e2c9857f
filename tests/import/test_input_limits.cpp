// Limits in the IFC (STEP) and DXF readers: small crafted files that used to
// hang a scan (references that branch exponentially, a 50 MB name, an arc of
// a trillion degrees, blocks that insert themselves, a MINSERT of 10^10
// copies) end in a clear error naming the file, the object and the problem.
// docs/limits.md lists every limit.
#include "TestKit.h"
#include "io/Import.h"
#include "io/Limits.h"
#include "io/PlanReader.h"
#include "io/StepReader.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QTemporaryDir>

#include <fstream>
#include <string>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// A model in metres with one good room (#20, 4 m x 5 m) and a second room
// (#30) whose FootPrint is the item `item`; `extra` holds the entities the
// test crafts (numbered from #1000).
std::string model(const std::string& item, const std::string& extra, const std::string& name30 = "'102'") {
    return R"(ISO-10303-21;
HEADER;
FILE_DESCRIPTION((''),'2;1');
FILE_NAME('limits','2026-01-01T00:00:00',(''),(''),'','','');
FILE_SCHEMA(('IFC4'));
ENDSEC;
DATA;
#1=IFCPROJECT('0Project00000000000001',$,'Limits',$,$,$,$,$,#2);
#2=IFCUNITASSIGNMENT((#3));
#3=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);
#10=IFCBUILDINGSTOREY('0Storey0GF000000000010',$,'Ground',$,$,#11,$,$,.ELEMENT.,0.);
#11=IFCLOCALPLACEMENT($,#12);
#12=IFCAXIS2PLACEMENT3D(#13,$,$);
#13=IFCCARTESIANPOINT((0.,0.,0.));
#15=IFCDIRECTION((0.,0.,1.));
#20=IFCSPACE('0SpaceA00000000000020',$,'101',$,$,#11,#21,'Slaapkamer',.ELEMENT.,.SPACE.,$);
#21=IFCPRODUCTDEFINITIONSHAPE($,$,(#22));
#22=IFCSHAPEREPRESENTATION($,'Body','SweptSolid',(#23));
#23=IFCEXTRUDEDAREASOLID(#24,$,#15,3.);
#24=IFCRECTANGLEPROFILEDEF(.AREA.,$,#25,4.,5.);
#25=IFCAXIS2PLACEMENT2D(#26,$);
#26=IFCCARTESIANPOINT((2.,2.5));
#30=IFCSPACE('0SpaceB00000000000030',$,)" + name30 + R"(,$,$,#11,#31,'Woonkamer',.ELEMENT.,.SPACE.,$);
#31=IFCPRODUCTDEFINITIONSHAPE($,$,(#32));
#32=IFCSHAPEREPRESENTATION($,'FootPrint','Curve2D',()" + item + R"());
#90=IFCRELAGGREGATES('0Aggr00000000000000090',$,$,$,#10,(#20,#30));
#1000=IFCPOLYLINE((#1001,#1002,#1003,#1004,#1001));
#1001=IFCCARTESIANPOINT((6.,0.));
#1002=IFCCARTESIANPOINT((9.,0.));
#1003=IFCCARTESIANPOINT((9.,3.));
#1004=IFCCARTESIANPOINT((6.,3.));
)" + extra + R"(ENDSEC;
END-ISO-10303-21;
)";
}

struct Imported {
    FloorPlan plan;
    ImportReport report;
};

Imported import(const std::string& path) {
    Imported r;
    r.plan = importPlan(path, {}, r.report);
    return r;
}

std::string noteOn(const ImportReport& r, const std::string& object) {
    for (const auto& n : r.notes)
        if (n.object == object) return n.file + ": " + n.object + ": " + n.problem;
    return "";
}

std::string errorOf(const std::string& path) {
    try {
        ImportReport report;
        importPlan(path, {}, report);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("ifc: references that branch exponentially end in a clear note, in a moment") {
    QTemporaryDir dir;
    SECTION("the room's own square reads (the file without branching)") {
        const std::string path = dir.filePath("plain.ifc").toStdString();
        writeFile(path, model("#1000", ""));
        const Imported r = import(path);
        // Room B: the square (6,0)-(9,3), 9 m².
        REQUIRE(r.plan.spaces.size() == 2);
        CHECK(r.plan.findSpace("0SpaceB00000000000030")->area == Catch::Approx(9.0));
    }
    SECTION("geometric sets naming the previous one twice, 60 levels: 2^60 paths in 2 KB") {
        std::string extra;
        std::string prev = "#1000";
        for (int level = 0; level < 60; ++level) {
            const std::string id = "#" + std::to_string(1100 + level);
            extra += id + "=IFCGEOMETRICSET((" + prev + "," + prev + "));\n";
            prev = id;
        }
        const std::string path = dir.filePath("binary.ifc").toStdString();
        writeFile(path, model(prev, extra));
        const Imported r = import(path);
        CHECK(r.plan.spaces.size() == 1);  // room A; B is left out and says why
        const std::string note = noteOn(r.report, "IfcSpace 0SpaceB00000000000030");
        CHECK_THAT(note, ContainsSubstring("binary.ifc: IfcSpace 0SpaceB00000000000030: left out"));
        CHECK_THAT(note, ContainsSubstring("the geometry #31 unfolds to more than 1000000 references"));
        // The polyline #1000 and its 5 point references count 6; level k
        // counts 1 + 2 x level k-1 = 7 x 2^(k+1) - 1: 917,503 at k = 16,
        // 1,835,007 at k = 17, the first over 10^6: #1117.
        CHECK_THAT(note, ContainsSubstring("from #1117 on"));
    }
    SECTION("composite curves of 8 segments naming the previous curve, 14 levels: 8^14 polylines") {
        // Within every nesting limit (curves nest 16 deep), so only the count stops it.
        std::string extra;
        std::string prev = "#1000";
        for (int level = 0; level < 14; ++level) {
            const std::string seg = "#" + std::to_string(1200 + 2 * level);
            const std::string curve = "#" + std::to_string(1201 + 2 * level);
            extra += seg + "=IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.," + prev + ");\n";
            extra += curve + "=IFCCOMPOSITECURVE((" + seg + "," + seg + "," + seg + "," + seg + "," + seg + "," + seg +
                     "," + seg + "," + seg + "),.F.);\n";
            prev = curve;
        }
        const std::string path = dir.filePath("fan.ifc").toStdString();
        writeFile(path, model(prev, extra));
        const Imported r = import(path);
        CHECK(r.plan.spaces.size() == 1);
        CHECK_THAT(noteOn(r.report, "IfcSpace 0SpaceB00000000000030"),
                   ContainsSubstring("unfolds to more than 1000000 references"));
    }
    SECTION("a loop of references is named") {
        const std::string path = dir.filePath("loop.ifc").toStdString();
        writeFile(path, model("#1100", "#1100=IFCGEOMETRICSET((#1101));\n#1101=IFCGEOMETRICSET((#1100));\n"));
        const Imported r = import(path);
        CHECK_THAT(noteOn(r.report, "IfcSpace 0SpaceB00000000000030"),
                   ContainsSubstring("refers back to #") && ContainsSubstring("geometry references in a loop"));
    }
}

TEST_CASE("ifc: a 50 MB room name is refused with the line it starts on") {
    QTemporaryDir dir;
    const std::string path = dir.filePath("name.ifc").toStdString();
    writeFile(path, model("#1000", "", "'" + std::string(50u << 20, 'A') + "'"));
    const std::string e = errorOf(path);
    CHECK_THAT(e, ContainsSubstring("name.ifc: line 23: error: a string longer than 1.0 MB"));
    CHECK_THAT(e, ContainsSubstring("at most 255 characters"));
    // A long but sane name (1,000 characters) is read as it is.
    writeFile(path, model("#1000", "", "'" + std::string(1000, 'B') + "'"));
    CHECK(import(path).plan.findSpace("0SpaceB00000000000030")->name.size() >= 1000);
}

TEST_CASE("step: the entity count limit names the line where it is passed") {
    step::ReadOptions o;
    o.maxEntities = 3;
    std::string data;
    for (int i = 1; i <= 5; ++i) data += "#" + std::to_string(i) + "=IFCCARTESIANPOINT((0.,0.));\n";
    const std::string text = "ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n" + data +
                             "ENDSEC;\nEND-ISO-10303-21;\n";
    try {
        step::readStepText("many.ifc", text, o);
        FAIL("expected an error");
    } catch (const InputError& e) {
        CHECK(e.issues().front().object == "line 9");  // the 4th entity
        CHECK_THAT(e.issues().front().problem, ContainsSubstring("more than 3 entities"));
    }
    o.maxEntities = 5;
    CHECK(step::readStepText("many.ifc", text, o).entitiesRead() == 5);
}

TEST_CASE("ifc: an arc trimmed at a trillion degrees is refused, not sampled every 5 degrees") {
    // IfcTrimmedCurve of a circle (radius 1.5 m around (7.5, 1.5)) trimmed by
    // parameters 0 and 10^12 degrees (the default angle unit is the radian:
    // 1.745e10 rad). Sampled every 5 degrees that was 2 * 10^11 points (GBs).
    QTemporaryDir dir;
    const std::string extra =
        "#1300=IFCTRIMMEDCURVE(#1301,(IFCPARAMETERVALUE(0.)),(IFCPARAMETERVALUE(1.745E10)),.T.,.PARAMETER.);\n"
        "#1301=IFCCIRCLE(#1302,1.5);\n"
        "#1302=IFCAXIS2PLACEMENT2D(#1303,$);\n"
        "#1303=IFCCARTESIANPOINT((7.5,1.5));\n"
        "#1304=IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,#1300);\n"
        "#1305=IFCCOMPOSITECURVE((#1304),.F.);\n";
    const std::string path = dir.filePath("arc.ifc").toStdString();
    writeFile(path, model("#1305", extra));
    const Imported r = import(path);
    CHECK(r.plan.spaces.size() == 1);
    const std::string note = noteOn(r.report, "IfcSpace 0SpaceB00000000000030");
    CHECK_THAT(note, ContainsSubstring("arc.ifc: IfcSpace 0SpaceB00000000000030: left out"));
    CHECK_THAT(note, ContainsSubstring("trimmed curve #1300 sweeps"));
    CHECK_THAT(note, ContainsSubstring("turns at most once (360 degrees)"));
}

namespace {

// A DXF in metres with two labelled rooms, the blocks `blocks` and the extra
// entities `entities`.
std::string rect(const std::string& h, double x0, double y0, double x1, double y1) {
    auto n = [](double v) { return std::to_string(v); };
    return "  0\nLWPOLYLINE\n  5\n" + h + "\n  8\nruimten\n 90\n4\n 70\n1\n 10\n" + n(x0) + "\n 20\n" + n(y0) +
           "\n 10\n" + n(x1) + "\n 20\n" + n(y0) + "\n 10\n" + n(x1) + "\n 20\n" + n(y1) + "\n 10\n" + n(x0) +
           "\n 20\n" + n(y1) + "\n";
}
std::string label(const std::string& h, double x, double y, const std::string& t) {
    return "  0\nTEXT\n  5\n" + h + "\n  8\nruimten\n 10\n" + std::to_string(x) + "\n 20\n" + std::to_string(y) +
           "\n 40\n0.2\n  1\n" + t + "\n";
}
std::string insert(const std::string& h, const std::string& block, long long columns = 0, long long rows = 0) {
    std::string s = "  0\nINSERT\n  5\n" + h + "\n  8\n0\n  2\n" + block + "\n 10\n0.0\n 20\n0.0\n";
    if (columns) s += " 70\n" + std::to_string(columns) + "\n 44\n1.0\n";
    if (rows) s += " 71\n" + std::to_string(rows) + "\n 45\n1.0\n";
    return s;
}
const std::string kLine = "  0\nLINE\n  8\n0\n 10\n0.0\n 20\n0.0\n 11\n1.0\n 21\n0.0\n";
std::string block(const std::string& name, const std::string& body) {
    return "  0\nBLOCK\n  8\n0\n  2\n" + name + "\n 70\n0\n 10\n0.0\n 20\n0.0\n  3\n" + name + "\n" + body +
           "  0\nENDBLK\n  8\n0\n";
}
std::string drawing(const std::string& blocks, const std::string& entities) {
    return "  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\nAC1009\n  9\n$INSUNITS\n 70\n6\n  0\nENDSEC\n"
           "  0\nSECTION\n  2\nBLOCKS\n" + blocks + "  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n" +
           rect("A1", 0, 0, 4, 5) + label("A2", 2, 2.5, "slaapkamer") + rect("A3", 4, 0, 8, 5) +
           label("A4", 6, 2.5, "woonkamer") + entities + "  0\nENDSEC\n  0\nEOF\n";
}

std::string dxfError(QTemporaryDir& dir, const std::string& name, const std::string& text) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    writeFile(path, text);
    return errorOf(path);
}

}  // namespace

TEST_CASE("dxf: blocks that insert themselves, nest too deep or array 10^10 copies are clear errors") {
    QTemporaryDir dir;
    // The drawing without the damage reads: two rooms (4 x 5 m each).
    const std::string plain = dir.filePath("plain.dxf").toStdString();
    writeFile(plain, drawing(block("M", kLine), insert("E1", "M", 3, 2)));
    ImportReport report;
    CHECK(importPlan(plain, {}, report).spaces.size() == 2);

    CHECK_THAT(dxfError(dir, "self.dxf", drawing(block("SELF", kLine + insert("B1", "SELF")), insert("E1", "SELF"))),
               ContainsSubstring("self.dxf: block 'SELF': error: inserts itself (SELF -> SELF, INSERT handle B1)"));
    CHECK_THAT(dxfError(dir, "pair.dxf",
                        drawing(block("A", kLine + insert("B1", "B")) + block("B", kLine + insert("B2", "a")),
                                insert("E1", "A"))),
               ContainsSubstring("pair.dxf: block 'A': error: inserts itself (A -> B -> A, INSERT handle B2)"));
    // D1 inserts D0, D2 inserts D1, ... D40 is 41 levels deep.
    std::string chain = block("D0", kLine);
    for (int k = 1; k <= 40; ++k) chain += block("D" + std::to_string(k), insert("C" + std::to_string(k), "D" + std::to_string(k - 1)));
    CHECK_THAT(dxfError(dir, "deep.dxf", drawing(chain, insert("E1", "D40"))),
               ContainsSubstring("deep.dxf: block '") && ContainsSubstring("nests blocks more than 32 deep"));
    // 100,000 x 100,000 copies: GDAL makes a feature of each (10^10).
    CHECK_THAT(dxfError(dir, "minsert.dxf", drawing(block("M", kLine), insert("E1", "M", 100000, 100000))),
               ContainsSubstring("minsert.dxf: INSERT handle E1: error: an array (MINSERT) of 100000 rows x 100000 "
                                 "columns of block 'M': more than 10000 copies"));
    // Counts that overflow a 64-bit product are caught all the same.
    CHECK_THAT(dxfError(dir, "huge.dxf", drawing(block("M", kLine), insert("E1", "M", 4000000000000000000LL, 4000000000000000000LL))),
               ContainsSubstring("more than 10000 copies"));
}

TEST_CASE("plans: more spaces than one building holds are refused while reading, in every format") {
    QTemporaryDir dir;
    const std::size_t n = limits::kMaxSpacesPerPlan + 1;
    // Native GeoJSON: n bedrooms of 3 x 3 m on a grid.
    std::string features;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = static_cast<double>(i % 100) * 4, y = static_cast<double>(i / 100) * 4;
        auto c = [](double v) { return std::to_string(v); };
        features += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"feature":"space","id":"s)" +
                    std::to_string(i) + R"(","use":"bedroom","storey":0,"group":"A"},"geometry":{"type":"Polygon","coordinates":[[[)" +
                    c(x) + "," + c(y) + "],[" + c(x + 3) + "," + c(y) + "],[" + c(x + 3) + "," + c(y + 3) + "],[" + c(x) + "," +
                    c(y + 3) + "],[" + c(x) + "," + c(y) + "]]]}}";
    }
    const std::string geojson = dir.filePath("many.geojson").toStdString();
    writeFile(geojson, R"({"type":"FeatureCollection","features":[)" + features + "]}");
    try {
        loadPlan(geojson);
        FAIL("expected an error");
    } catch (const InputError& e) {
        REQUIRE(e.issues().size() == 1);
        CHECK(e.issues().front().file == geojson);
        CHECK(e.issues().front().object == "layer 'many'");
        CHECK_THAT(e.issues().front().problem, ContainsSubstring("has more than 5000 spaces"));
    }
    // IFC: n IfcSpace entities (their geometry is never looked at).
    std::string spaces;
    for (std::size_t i = 0; i < n; ++i)
        spaces += "#" + std::to_string(2000 + i) + "=IFCSPACE('S" + std::to_string(i) + "',$,'x',$,$,$,$,$,.ELEMENT.,.SPACE.,$);\n";
    const std::string ifc = dir.filePath("many.ifc").toStdString();
    writeFile(ifc, model("#1000", spaces));
    CHECK_THAT(errorOf(ifc), ContainsSubstring("many.ifc: error: has 5003 IfcSpace, more than the 5000 spaces"));
    // DXF: n closed outlines on the room layer.
    std::string rooms;
    for (std::size_t i = 0; i < n; ++i)
        rooms += rect("R" + std::to_string(i), static_cast<double>(i % 100) * 4, static_cast<double>(i / 100) * 4,
                      static_cast<double>(i % 100) * 4 + 3, static_cast<double>(i / 100) * 4 + 3);
    CHECK_THAT(dxfError(dir, "many.dxf", drawing("", rooms)),
               ContainsSubstring("many.dxf: error: has 5003 closed outlines on room layers, more than the 5000"));
}
