// Validation: bad plans give one clear problem per object, naming it.
#include "TestKit.h"

#include "io/PlanReader.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"
#include "validate/PlanValidator.h"

#include <boost/geometry.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace vgscan;
using namespace vgscan::test;

namespace {

FloorPlan twoRooms() {
    FloorPlan p;
    p.source = "plan.geojson";
    p.spaces = {rect("a", SpaceUse::Bedroom, 0, 0, 4, 4), rect("b", SpaceUse::Corridor, 4.1, 0, 6, 4)};
    p.openings = {door("d1", "a", "b", 4.05, 1, 4.05, 1.9)};
    StaffPost post;
    post.id = "p1";
    post.position = Point(5, 2);
    p.staffPosts = {post};
    return p;
}

std::vector<InputIssue> errorsOf(const FloorPlan& p) {
    std::vector<InputIssue> issues;
    validatePlan(p, issues);
    issues.erase(std::remove_if(issues.begin(), issues.end(), [](const InputIssue& i) { return !i.error; }),
                 issues.end());
    return issues;
}

bool has(const std::vector<InputIssue>& issues, const std::string& object, const std::string& text) {
    return std::any_of(issues.begin(), issues.end(), [&](const InputIssue& i) {
        return i.object == object && i.problem.find(text) != std::string::npos && i.file == "plan.geojson";
    });
}

// A way of validating, and the issues it gives, as text.
struct Way {
    OpeningDistance openings;
    SpaceChecks spaces;
};
std::vector<std::string> issueTexts(const FloorPlan& p, Way way) {
    std::vector<InputIssue> issues;
    validatePlan(p, issues, {}, way.openings, way.spaces);
    std::vector<std::string> out;
    for (const auto& i : issues) out.push_back(i.str());
    return out;
}

// The same issues both ways, for `p` and for each sample plan
// (floorplans/plans) as readPlan reads it.
void checkSameIssues(const FloorPlan& p, Way now, Way former) {
    CHECK(issueTexts(p, now) == issueTexts(p, former));
    int plans = 0;
    for (const auto& f : std::filesystem::directory_iterator(sourcePath("floorplans/plans"))) {
        std::vector<InputIssue> read;
        const FloorPlan plan = readPlan(f.path().string(), read);
        INFO(f.path().string());
        CHECK(issueTexts(plan, now) == issueTexts(plan, former));
        ++plans;
    }
    CHECK(plans == 10);
}

}  // namespace

TEST_CASE("a good plan has no errors") { CHECK(errorsOf(twoRooms()).empty()); }

TEST_CASE("self-intersecting polygon") {
    FloorPlan p = twoRooms();
    p.spaces[0].shape.outer() = {{0, 0}, {4, 4}, {4, 0}, {0, 4}, {0, 0}};  // a bow tie
    auto e = errorsOf(p);
    CHECK(has(e, "space 'a'", "invalid polygon"));
    CHECK(has(e, "space 'a'", "self-intersection"));
}

TEST_CASE("overlapping spaces on one storey; but not across storeys") {
    FloorPlan p = twoRooms();
    p.spaces[1] = rect("b", SpaceUse::Corridor, 3, 0, 6, 4);
    CHECK(has(errorsOf(p), "space 'a'", "overlaps space 'b' by 4 m²"));
    p.spaces[1].storey = 1;
    p.openings[0].storey = 0;
    CHECK_FALSE(has(errorsOf(p), "space 'a'", "overlaps"));
}

TEST_CASE("spaces checked with their boxes first: the same issues as intersecting every pair") {
    // Room a is [0,4] x [0,4]; overlaps of 0.01 m² or less are allowed.
    FloorPlan p = twoRooms();
    p.openings.clear();
    p.staffPosts.clear();
    p.spaces = {rect("a", SpaceUse::Bedroom, 0, 0, 4, 4),
                rect("s4", SpaceUse::Storage, 3.9, -4, 8, 0.04),    // overlaps a's corner by 0.1 x 0.04: boxes decide
                rect("s9", SpaceUse::Storage, 3.9, 3.91, 8, 8),     // 0.1 x 0.09: measured, allowed
                rect("s11", SpaceUse::Storage, -4, 3.89, 0.1, 8),   // 0.1 x 0.11: measured, too much
                rect("edge", SpaceUse::Storage, -4, 0, 0, 2)};      // shares a's wall: boxes touch
    // An L round the corner of a room: boxes overlap by 4 m², the rooms not at all.
    Space l = rect("l", SpaceUse::Corridor, 0, 0, 1, 1);
    l.shape.outer() = {{10, 10}, {16, 10}, {16, 16}, {15, 16}, {15, 11}, {10, 11}, {10, 10}};
    bg::correct(l.shape);
    p.spaces.push_back(l);
    p.spaces.push_back(rect("in", SpaceUse::Storage, 13, 12, 15, 14));
    // Valid by self-intersection, invalid by its hole, which lies outside it.
    Space holed = rect("holed", SpaceUse::Storage, 20, 0, 24, 4);
    holed.shape.inners().push_back({{30, 1}, {31, 1}, {31, 2}, {30, 2}, {30, 1}});
    bg::correct(holed.shape);
    p.spaces.push_back(holed);
    const auto e = errorsOf(p);
    CHECK(e.size() == 2);
    CHECK(has(e, "space 'a'", "overlaps space 's11' by 0.01 m²"));
    CHECK(has(e, "space 'holed'", "invalid polygon: Geometry has interior rings defined outside the outer boundary"));
    checkSameIssues(p, {OpeningDistance::BoundFirst, SpaceChecks::BoxesFirst},
                    {OpeningDistance::BoundFirst, SpaceChecks::Always});
}

TEST_CASE("openings that name unknown spaces or lie far from them") {
    FloorPlan p = twoRooms();
    p.openings.push_back(door("d2", "a", "kitchen", 1, 4.05, 2, 4.05));
    p.openings.push_back(door("d3", "a", "b", 10, 10, 11, 10));
    p.openings.push_back(door("d4", "b", "b", 5, 4.1, 5.5, 4.1));
    auto e = errorsOf(p);
    CHECK(has(e, "opening 'd2'", "names unknown space 'kitchen'"));
    CHECK(has(e, "opening 'd3'", "lies 8.49 m from space 'a'"));
    CHECK(has(e, "opening 'd4'", "joins space 'b' to itself"));
}

TEST_CASE("a door's width in millimetres is an error naming it, not a door that passes every width rule") {
    // grouphome_1996_b with 'width_m': 850 on its doors was checked as it
    // was: 850 m doors, corridor_width's door findings gone.
    FloorPlan p = twoRooms();
    p.openings[0].width = 850;
    auto e = errorsOf(p);
    REQUIRE(e.size() == 1);
    CHECK(has(e, "opening 'd1'", "is 850 m wide: no doorway is (at most 50 m); is 'width_m' in millimetres (0.85 m)?"));
    p.openings[0].width = 12;  // an open passage the width of a room: fine
    CHECK(errorsOf(p).empty());
}

TEST_CASE("an opening's distance: bounded by its ends' first, judged as measuring every one") {
    FloorPlan p = twoRooms();
    // Room a is [0,4] x [0,4]; at most 0.5 m allowed.
    p.openings.push_back(door("w1", "a", "outside", 1, -0.49, 2, -0.49));   // 0.49 m: near
    p.openings.push_back(door("w2", "a", "outside", 1, -0.5, 2, -0.5));     // 0.5 m exactly: allowed, measured
    p.openings.push_back(door("w3", "a", "outside", 1, -0.51, 2, -0.51));   // 0.51 m: too far
    p.openings.push_back(door("w4", "a", "outside", -2, 2, 6, 2));          // ends 2 m out, middle across the room
    p.openings.push_back(door("w5", "a", "outside", 10, 10, 11, 10));       // far
    Opening point = door("w6", "a", "outside", 0, 0, 0, 0);
    point.line.clear();
    point.position = Point(2, 2);  // a Point inside the room
    point.width = 0.9;
    p.openings.push_back(point);
    std::vector<InputIssue> issues;
    validatePlan(p, issues);
    CHECK(issues.size() == 2);
    CHECK(has(issues, "opening 'w3'", "lies 0.51 m from space 'a'"));
    CHECK(has(issues, "opening 'w5'", "lies 8.49 m from space 'a'"));
    checkSameIssues(p, {OpeningDistance::BoundFirst, SpaceChecks::BoxesFirst},
                    {OpeningDistance::Always, SpaceChecks::BoxesFirst});
}

TEST_CASE("duplicate ids; staff post outside; implausibly small space") {
    FloorPlan p = twoRooms();
    p.spaces.push_back(rect("a", SpaceUse::Storage, 10, 10, 12, 12));
    p.staffPosts[0].position = Point(20, 20);
    p.spaces.push_back(rect("tiny", SpaceUse::Storage, 5.0, 10, 5.0001, 10.0001));
    auto e = errorsOf(p);
    CHECK(has(e, "space 'a'", "id is used by more than one space"));
    CHECK(has(e, "staff post 'p1'", "is not inside any space on storey 0"));
    CHECK(has(e, "space 'tiny'", "implausibly small"));
}

TEST_CASE("a staff post on a wall is a warning; not an error") {
    FloorPlan p = twoRooms();
    p.staffPosts[0].position = Point(4, 2);  // on room a's boundary
    std::vector<InputIssue> issues;
    validatePlan(p, issues);
    REQUIRE(issues.size() == 1);
    CHECK_FALSE(issues[0].error);
    CHECK(issues[0].problem.find("boundary") != std::string::npos);
}

TEST_CASE("the bundled test plans are valid") {
    for (const char* f : {"plugins/individual_sanitary/tests/pass-individual_sanitary-two_ensuites.geojson",
                          "plugins/individual_sanitary/tests/fail-individual_sanitary-shared_bathroom.geojson"}) {
        CHECK_NOTHROW(loadFixture(f));
    }
}

namespace {

// A two-storey plan as a GeoJSON file: a bedroom and a corridor on each
// storey, one above the other, joined by a door and a window on storey 0.
// `storeyKey` and `kindKey` name the two properties as the writer spelled them.
std::string writeTwoStoreys(const std::filesystem::path& dir, const std::string& storeyKey, const std::string& kindKey) {
    auto space = [&](const char* id, const char* use, int storey, double x0, double x1) {
        return std::string(R"({"type":"Feature","properties":{"feature":"space","id":")") + id + R"(","use":")" +
               use + R"(",")" + storeyKey + "\":" + std::to_string(storey) +
               R"(},"geometry":{"type":"Polygon","coordinates":[[[)" + std::to_string(x0) + ",0],[" +
               std::to_string(x1) + ",0],[" + std::to_string(x1) + ",4],[" + std::to_string(x0) + ",4],[" +
               std::to_string(x0) + ",0]]]}}";
    };
    auto opening = [&](const char* id, const char* kind, double y0, double y1) {
        return std::string(R"({"type":"Feature","properties":{"feature":"opening","id":")") + id + R"(",")" +
               kindKey + R"(":")" + kind + R"(","from":"a0","to":"b0","storey":0},"geometry":{"type":"LineString","coordinates":[[4.05,)" +
               std::to_string(y0) + "],[4.05," + std::to_string(y1) + "]]}}";
    };
    const std::string text = R"({"type":"FeatureCollection","features":[)" + space("a0", "bedroom", 0, 0, 4) + "," +
                             space("b0", "corridor", 0, 4.1, 6) + "," + space("a1", "bedroom", 1, 0, 4) + "," +
                             space("b1", "corridor", 1, 4.1, 6) + "," + opening("d1", "door", 0.5, 1.4) + "," +
                             opening("w1", "window", 2.5, 3.5) + "]}";
    const auto path = dir / ("plan_" + storeyKey + "_" + kindKey + ".geojson");
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

TEST_CASE("a property the plan format does not name is reported with the one it likely means") {
    const auto dir = std::filesystem::temp_directory_path() / "vgscan_test_unread_properties";
    std::filesystem::create_directories(dir);

    SECTION("as written: no warning, the window stays a window") {
        std::vector<InputIssue> warnings;
        const FloorPlan p = loadPlan(writeTwoStoreys(dir, "storey", "kind"), &warnings);
        REQUIRE(warnings.size() == 1);  // only: no stair joins the storeys
        CHECK(warnings[0].problem.find("no stair or lift") != std::string::npos);
        REQUIRE(p.openings.size() == 2);
        CHECK(p.openings[1].kind == OpeningKind::Window);
    }
    SECTION("'type' for 'kind': the window would be a door; both are said") {
        std::vector<InputIssue> warnings;
        const std::string path = writeTwoStoreys(dir, "storey", "type");
        loadPlan(path, &warnings);
        auto said = [&](const std::string& text) {
            return std::any_of(warnings.begin(), warnings.end(), [&](const InputIssue& i) {
                return !i.error && i.file == path && i.object.find("layer '") == 0 &&
                       i.problem.find(text) != std::string::npos;
            });
        };
        CHECK(said("property 'type' is not read (did you mean 'kind'?)"));
        CHECK(said("2 opening(s) without 'kind' taken as doors ('d1', 'w1')"));
    }
    SECTION("'level' for 'storey': the overlaps it causes come with the reason") {
        const std::string path = writeTwoStoreys(dir, "level", "kind");
        try {
            loadPlan(path);
            FAIL("expected the storeys' rooms to overlap");
        } catch (const InputError& e) {
            REQUIRE_FALSE(e.issues().empty());
            CHECK(e.issues().front().error);  // a failed site's reason is the first issue
            CHECK(e.issues().front().problem.find("overlaps") != std::string::npos);
            CHECK(std::string(e.what()).find("property 'level' is not read (did you mean 'storey'?)") !=
                  std::string::npos);
        }
    }
    SECTION("typing errors are matched, short unrelated names are not guessed at") {
        auto lastIssue = [&](const std::string& storeyKey) {
            try {
                loadPlan(writeTwoStoreys(dir, storeyKey, "kind"));
            } catch (const InputError& e) {
                return e.issues().back().problem;
            }
            return std::string("no error");
        };
        CHECK(lastIssue("storye").find("'storye' is not read (did you mean 'storey'?)") != std::string::npos);
        CHECK(lastIssue("x").find("'x' is not read: a plan's properties are id, feature, use, storey") !=
              std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("a staff post for a group no space belongs to is named, with the group it likely means") {
    FloorPlan p = twoRooms();
    for (auto& s : p.spaces) s.group = "A";
    std::vector<InputIssue> issues;
    validatePlan(p, issues);
    CHECK(issues.empty());  // a post without a group serves every group
    p.staffPosts[0].group = "A";
    validatePlan(p, issues);
    CHECK(issues.empty());
    p.staffPosts[0].group = "a";
    validatePlan(p, issues);
    REQUIRE(issues.size() == 1);
    CHECK_FALSE(issues[0].error);
    CHECK(issues[0].object == "staff post 'p1'");
    CHECK(issues[0].problem ==
          "is for group 'a', which no space belongs to (did you mean 'A'?): it serves no group (the plan's groups: 'A')");
    issues.clear();
    for (auto& s : p.spaces) s.group.clear();
    validatePlan(p, issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].problem == "is for group 'a', which no space belongs to: it serves no group (the plan's spaces "
                               "have no group: leave the post's group empty)");
}

TEST_CASE("a plan in shapefiles: spaces.shp brings openings.shp and staff_posts.shp beside it") {
    // A shapefile holds one layer; given spaces.shp alone, the plan had no
    // door and no post, and every rule judged that without a word.
    const auto dir = std::filesystem::temp_directory_path() / "vgscan_test_shapefile_plan" / "linde";
    std::filesystem::remove_all(dir.parent_path());
    std::filesystem::create_directories(dir);
    const std::string sample = sourcePath("floorplans/plans/terraced_house_1930.geojson");
    const FloorPlan geojson = loadPlan(sample);
    auto write = [&](const char* layer, const char* feature, const char* geometry) {
        const QStringList args{"-f", "ESRI Shapefile", "-a_srs", "EPSG:28992", "-nln", layer, "-where", QString("feature='%1'").arg(feature),
                               "-nlt", geometry, QString::fromStdString((dir / (std::string(layer) + ".shp")).string()),
                               QString::fromStdString(sample)};
        REQUIRE(QProcess::execute("ogr2ogr", args) == 0);
    };
    write("spaces", "space", "POLYGON");
    std::vector<InputIssue> warnings;
    const FloorPlan alone = loadPlan((dir / "spaces.shp").string(), &warnings);
    CHECK(alone.openings.empty());
    REQUIRE(warnings.size() >= 1);
    CHECK(warnings[0].problem.find("the plan has no openings") == 0);
    CHECK(warnings[0].problem.find("put openings.shp (and staff_posts.shp) beside spaces.shp") != std::string::npos);

    write("openings", "opening", "LINESTRING");
    write("staff_posts", "staff_post", "POINT");
    for (const char* given : {"spaces.shp", "openings.shp"}) {
        warnings.clear();
        const FloorPlan p = loadPlan((dir / given).string(), &warnings);
        CHECK(p.name == "linde");  // the folder's name, not the layer's
        CHECK(p.spaces.size() == geojson.spaces.size());
        CHECK(p.openings.size() == geojson.openings.size());
        CHECK(p.staffPosts.size() == geojson.staffPosts.size());
        CHECK(warnings.empty());
    }
    std::filesystem::remove_all(dir.parent_path());
}

TEST_CASE("a plan in metres labelled as degrees: the refusal says so and how to drop the label; the advice works") {
    // ogr2ogr labels a GeoJSON without a "crs" member WGS 84, so a CAD plan
    // converted to a GeoPackage came back 'in degrees' with no hint why.
    const auto dir = std::filesystem::temp_directory_path() / "vgscan_test_metres_as_degrees";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const QString sample = QString::fromStdString(sourcePath("floorplans/plans/villa_1925.geojson"));
    const std::string labelled = (dir / "villa.gpkg").string();
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GPKG", QString::fromStdString(labelled), sample}) == 0);
    auto refusal = [](const std::string& path) {
        try {
            loadPlan(path);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string said = refusal(labelled);
    CHECK(said.find("geographic CRS (EPSG:4326, degrees)") != std::string::npos);
    CHECK(said.find("Its coordinates span 13.7 x 11.3: as degrees that is kilometres, so they are likely metres "
                    "labelled as degrees") != std::string::npos);
    CHECK(said.find("'ogr2ogr -a_srs None'") != std::string::npos);
    const std::string unlabelled = (dir / "villa_local.gpkg").string();
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GPKG", "-a_srs", "None", QString::fromStdString(unlabelled), sample}) == 0);
    CHECK(loadPlan(unlabelled).spaces.size() == loadPlan(sample.toStdString()).spaces.size());
    // Real degrees (a building of 13 x 11 m near Delft): refused, without the hint.
    const std::string degrees = (dir / "degrees.geojson").string();
    std::ofstream(degrees) << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
"features":[{"type":"Feature","properties":{"feature":"space","id":"r","use":"living"},
"geometry":{"type":"Polygon","coordinates":[[[4.37,52.0],[4.3702,52.0],[4.3702,52.0001],[4.37,52.0001],[4.37,52.0]]]}}]})";
    const std::string real = refusal(degrees);
    CHECK(real.find("geographic CRS") != std::string::npos);
    CHECK(real.find("likely metres") == std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("an unknown use that is a room name says which use it means") {
    // The plan format's vocabulary is English and lower case; a Dutch office
    // writes 'slaapkamer', a CAD export 'Living'.
    const auto dir = std::filesystem::temp_directory_path() / "vgscan_test_room_name_uses";
    std::filesystem::create_directories(dir);
    auto problemFor = [&](const std::string& use) {
        const auto path = dir / "plan.geojson";
        std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"feature":"space","id":"r1","use":")"
                            << use << R"("},"geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]]]}}]})";
        try {
            loadPlan(path.string());
        } catch (const InputError& e) {
            return e.issues().at(0).problem;
        }
        return std::string("no error");
    };
    CHECK(problemFor("slaapkamer") == "unknown use 'slaapkamer' (did you mean 'bedroom'?) (see docs/floorplan-format.md)");
    CHECK(problemFor("Living") == "unknown use 'Living' (did you mean 'living'?) (see docs/floorplan-format.md)");
    CHECK(problemFor("xyz") == "unknown use 'xyz' (see docs/floorplan-format.md)");
    std::filesystem::remove_all(dir);
}

TEST_CASE("a space refused for its own error is the one cause: its doors and posts get no second error") {
    // The architect's plan without `use` on its spaces gave, beside one error
    // per space, "names unknown space" for every door and "not inside any
    // space" for every post: dozens of errors for one cause.
    const auto dir = std::filesystem::temp_directory_path() / "vgscan_test_refused_spaces";
    std::filesystem::create_directories(dir);
    QJsonObject plan =
        QJsonDocument::fromJson(readFile(QString::fromStdString(sourcePath("floorplans/plans/grouphome_1996_b.geojson"))))
            .object();
    QJsonArray features;
    int spaces = 0, posts = 0, openings = 0;
    for (const auto& f : plan["features"].toArray()) {
        QJsonObject feature = f.toObject();
        QJsonObject props = feature["properties"].toObject();
        const QString kind = props["feature"].toString();
        spaces += kind == "space";
        posts += kind == "staff_post";
        openings += kind == "opening";
        if (kind == "space") props.remove("use");
        feature["properties"] = props;
        features.append(feature);
    }
    REQUIRE(spaces > 5);
    REQUIRE(posts >= 1);
    REQUIRE(openings > 5);
    // A door into a space that the plan does not have stays an error.
    features.append(QJsonObject{
        {"type", "Feature"},
        {"properties", QJsonObject{{"feature", "opening"}, {"id", "d_ghost"}, {"kind", "door"}, {"from", "living"},
                                   {"to", "ghost"}, {"width_m", 0.9}}},
        {"geometry", QJsonObject{{"type", "Point"}, {"coordinates", QJsonArray{1.0, 0.0}}}}});
    plan["features"] = features;
    const QString path = QString::fromStdString((dir / "no_use.geojson").string());
    writeFile(path, QJsonDocument(plan).toJson());
    std::vector<std::string> problems;
    try {
        loadPlan(path.toStdString());
        FAIL("a plan without uses is refused");
    } catch (const InputError& e) {
        for (const auto& i : e.issues())
            if (i.error) problems.push_back(i.object + ": " + i.problem);
    }
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    INFO(all);
    const auto count = [&](const std::string& text) {
        return std::count_if(problems.begin(), problems.end(),
                             [&](const std::string& p) { return p.find(text) != std::string::npos; });
    };
    CHECK(count("has no 'use'") == spaces);
    CHECK(count("names unknown space 'ghost'") == 1);
    CHECK(count("names unknown space") == 1);
    CHECK(count("not inside any space") == 0);
    CHECK(problems.size() == static_cast<std::size_t>(spaces) + 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a staff post in a broken space is not also 'outside every space'") {
    FloorPlan p = twoRooms();
    // b becomes a bow tie: its own error is the self-intersection.
    p.spaces[1].shape.outer() = {Point(4.1, 0), Point(6, 4), Point(6, 0), Point(4.1, 4), Point(4.1, 0)};
    p.staffPosts[0].position = Point(5.9, 2);
    const auto errors = errorsOf(p);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].problem.find("self-intersection") != std::string::npos);
    // Well outside every space it stays an error.
    p.staffPosts[0].position = Point(20, 20);
    CHECK(errorsOf(p).size() == 2);
}

TEST_CASE("a plan in a CRS not true to scale here (Web Mercator) is refused; RD and UTM are read") {
    // grouphome_1996_b placed in RD and saved in EPSG:3857 (a QGIS project's
    // default) read its 1.2 m corridor as 1.96 m: a pass, and a walk of 44 m
    // for 31 m, without a word.
    const auto dir = std::filesystem::temp_directory_path() / "vgscan_test_scale_of_crs";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const QString sample = QString::fromStdString(sourcePath("floorplans/plans/grouphome_1996_b.geojson"));
    auto placed = [&](const char* name, const QString& crs) {
        const std::string out = (dir / name).string();
        // The local plan put at (155000, 463000) in RD, then into `crs`.
        REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GeoJSON", "-a_srs", "EPSG:28992", "-s_srs", "EPSG:28992", "-t_srs",
                                              crs, "-dialect", "SQLite", "-sql",
                                              "SELECT ShiftCoords(geometry, 155000, 463000) AS geometry, * FROM "
                                              "grouphome_1996_b",
                                              QString::fromStdString(out), sample}) == 0);
        return out;
    };
    const FloorPlan local = loadPlan(sample.toStdString());
    const FloorPlan rd = loadPlan(placed("rd.geojson", "EPSG:28992"));
    CHECK(rd.spaces.size() == local.spaces.size());
    CHECK(std::fabs(rd.spaces[0].area - local.spaces[0].area) < 1e-4);
    const FloorPlan utm = loadPlan(placed("utm.geojson", "EPSG:32631"));
    CHECK(std::fabs(utm.spaces[0].area / local.spaces[0].area - 1) < 0.01);
    try {
        loadPlan(placed("mercator.geojson", "EPSG:3857"));
        FAIL("a plan in Web Mercator is refused");
    } catch (const InputError& e) {
        const std::string said = e.what();
        INFO(said);
        CHECK(said.find("mercator.geojson") != std::string::npos);
        CHECK(said.find("plan is in EPSG:3857, whose lengths here are 1.63 times those on the ground") !=
              std::string::npos);
        CHECK(said.find("ogr2ogr -t_srs EPSG:28992") != std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("a plan in RD that the portfolio places again with plan_x / plan_y: the site fails, saying both") {
    // The sample portfolio places villa_1925 at (156750, 462250); the
    // architect's revision came in RD. Its rooms and evidence were drawn at
    // (311750, 925250), 500 km off, and the site scanned without a word.
    const auto dir = std::filesystem::temp_directory_path() / "vgscan_test_placed_twice";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string rd = (dir / "villa_rd.geojson").string();
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GeoJSON", "-a_srs", "EPSG:28992", "-dialect", "SQLite", "-sql",
                                          "SELECT ShiftCoords(geometry, 156750, 462250) AS geometry, * FROM villa_1925",
                                          QString::fromStdString(rd),
                                          QString::fromStdString(sourcePath("floorplans/plans/villa_1925.geojson"))}) == 0);
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    const Engine engine(registry(), rs);
    Site site;
    site.id = "S07";
    site.planFile = rd;
    site.placement = {156750, 462250, 0, true};
    const SiteAssessment twice = engine.scan(site, Context{});
    CHECK(twice.failed);
    REQUIRE_FALSE(twice.issues.empty());
    const InputIssue& said = twice.issues.back();
    CHECK(said.file == rd);
    CHECK(said.object == "site 'S07'");
    CHECK(said.problem.find("placed in the world already, and the portfolio places it again (plan_x 156750, "
                            "plan_y 462250, plan_rotation_deg 0)") != std::string::npos);
    site.placement = {};  // placed by its CRS alone
    CHECK_FALSE(engine.scan(site, Context{}).failed);
    site.placement = {0, 0, 0, true};  // an identity placement is no conflict
    CHECK_FALSE(engine.scan(site, Context{}).failed);
    std::filesystem::remove_all(dir);
}
