// The BCF file of `vgscan check --bcf`: written with GDAL's zip writer, read
// back through GDAL's /vsizip/ and Qt's XML reader, and validated with
// xmllint against the schemas in tests/data/bcf (our transcription of the
// BCF-XML documentation).
#include "BcfTestKit.h"
#include "TestKit.h"

#include "i18n/Language.h"
#include "io/PlanReader.h"
#include "report/BcfWriter.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <set>

using namespace vgscan;
using namespace vgscan::test;
using namespace vgscan::test::bcf;

namespace {

struct Checked {
    FloorPlan plan;
    RuleSet rs;
    BuildingAssessment a;
};

Checked check(FloorPlan plan) {
    Checked c{std::move(plan), loadRuleSet(sourcePath("rulesets/vg7.json")), {}};
    c.a = Engine(registry(), c.rs).check(c.plan);
    return c;
}

// The gates of vg7.json that do not count for fits_vg7, the route `check`
// judges by (by hand from the rule set: their groups are not vg7_building or
// vg7_location).
const std::set<std::string> kOtherRoutes{"vg7_places", "expansion_room", "self_contained_units", "units_for_keep",
                                         "gp_for_keep", "backup_capacity"};

// Whether a rule's findings become topics: it fails or warns, or it is a
// gate that cannot be judged (unknown); gates of other routes never.
bool givesTopics(const EvaluatedRule& r) {
    if (!r.inScope || kOtherRoutes.count(r.entry->key)) return false;
    return r.result.status == Status::Fail || r.result.status == Status::Warn ||
           (r.result.status == Status::Unknown && r.entry->severity == Severity::Gate);
}

// Findings of the rules that give topics: what the BCF file must hold (a
// rule without findings counts once, for the building).
std::size_t failingFindings(const BuildingAssessment& a) {
    std::size_t n = 0;
    for (const auto& r : a.results)
        if (givesTopics(r)) n += std::max<std::size_t>(1, r.result.findings.size());
    return n;
}

std::string fileSha(const std::string& path) {
    QFile f(QString::fromStdString(path));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex().toStdString();
}

}  // namespace

TEST_CASE("BCF: one topic per failing finding, the bedroom selected by its GlobalId, a view from above") {
    REQUIRE(isIfcGlobalId(kWest));
    REQUIRE(isIfcGlobalId("0DoorLiving0000000000c"));
    CHECK_FALSE(isIfcGlobalId("bed-w"));
    CHECK_FALSE(isIfcGlobalId("4BedroomWest0000000001"));  // 128 bits start with 0-3
    const Checked c = check(twoBedrooms());
    const auto topics = bcfTopics(c.plan, c.a, c.rs);
    CHECK(topics.size() == failingFindings(c.a));
    // self_contained_units fails too (no sanitary, no kitchen off the
    // bedrooms), but it is a gate of the ambulant route: no topic.
    for (const auto& r : c.a.results)
        if (r.entry->key == "self_contained_units") CHECK(r.result.status == Status::Fail);
    for (const auto& t : topics) CHECK_FALSE(kOtherRoutes.count(t.ruleKey));

    std::vector<const BcfTopic*> sanitary;
    for (const auto& t : topics)
        if (t.ruleKey == "individual_sanitary") sanitary.push_back(&t);
    REQUIRE(sanitary.size() == 2);
    const BcfTopic& west = sanitary[0]->components.front().id == kWest ? *sanitary[0] : *sanitary[1];
    REQUIRE(west.components.size() == 1);
    CHECK(west.components[0].ifcGuid == kWest);
    CHECK(west.components[0].type == "space");
    CHECK(west.status == "fail");
    CHECK(west.severity == "gate");
    CHECK(west.priority == "High");  // a failed gate
    CHECK(west.title.rfind("individual_sanitary: ", 0) == 0);
    CHECK(west.title.find("Bedroom West") != std::string::npos);  // the room by its name, not its GlobalId
    CHECK(west.description.find("Bedroom West (1BedroomWest0000000001)") != std::string::npos);
    CHECK(west.description.find("Expected: ") != std::string::npos);
    // By hand: bedroom West is 0..4 x 0..4, its centre (2, 2); the plan gives
    // no storey levels, so storey 0 is at 0 m (3 m per storey, assumed); the
    // camera 10 m above the floor, the section cut at 1.2 m; the view takes
    // the room plus 1 m around: 6 m high (6 m wide fits 6 x 1.6 = 9.6 m).
    CHECK(west.camera.x == Catch::Approx(2.0));
    CHECK(west.camera.y == Catch::Approx(2.0));
    CHECK(west.camera.z == Catch::Approx(10.0));
    CHECK(west.camera.cutZ == Catch::Approx(1.2));
    CHECK(west.camera.viewHeight == Catch::Approx(6.0));

    // Every topic, GUID and viewpoint GUID distinct; the same on a second run.
    std::set<std::string> guids;
    for (const auto& t : topics) {
        CHECK(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
                  .match(QString::fromStdString(t.guid))
                  .hasMatch());
        guids.insert(t.guid);
        guids.insert(t.viewpointGuid);
    }
    CHECK(guids.size() == 2 * topics.size());
    const auto again = bcfTopics(c.plan, check(twoBedrooms()).a, c.rs);
    REQUIRE(again.size() == topics.size());
    for (std::size_t i = 0; i < topics.size(); ++i) CHECK(again[i].guid == topics[i].guid);
}

TEST_CASE("BCF in Dutch: the topics' words and figures in Dutch, the same topics, ids and labels as in English") {
    // An architect's BCF reader shows title and description as written: a
    // Dutch check writes them in Dutch (rule texts, the writer's sentences,
    // decimal commas); GUIDs, labels and statuses stay machine values.
    // The translator of the writer's sentences is installed on the application, as in vgscan.
    int argc = 1;
    char name[] = "test_report";
    char* argv[] = {name, nullptr};
    const QCoreApplication app(argc, argv);
    const Checked en = check(twoBedrooms());
    const auto english = bcfTopics(en.plan, en.a, en.rs);
    i18n::setLanguage(i18n::Language::Dutch);  // before the check: rule texts are noted as they are said
    const Checked nl = check(twoBedrooms());
    const auto dutch = bcfTopics(nl.plan, nl.a, nl.rs);
    i18n::setLanguage(i18n::Language::English);
    REQUIRE(dutch.size() == english.size());
    REQUIRE(!dutch.empty());
    for (std::size_t i = 0; i < dutch.size(); ++i) {
        INFO(english[i].title);
        CHECK(dutch[i].guid == english[i].guid);
        CHECK(dutch[i].labels == english[i].labels);
        CHECK(dutch[i].status == english[i].status);
        CHECK(dutch[i].description != english[i].description);
        for (const char* word : {"Expected", "Observed", "Object: space", "Rule:", "Rule set", "building figure"})
            CHECK(dutch[i].description.find(word) == std::string::npos);
        CHECK(dutch[i].description.find("Regelset: vg7.") != std::string::npos);
        // nothing expected (an advice): no empty "Verwacht: ." / "Expected: ."
        CHECK(dutch[i].description.find("Verwacht: .") == std::string::npos);
        CHECK(english[i].description.find("Expected: .") == std::string::npos);
    }
    const auto west = std::find_if(dutch.begin(), dutch.end(), [](const BcfTopic& t) {
        return t.ruleKey == "individual_sanitary" && t.components.front().id == kWest;
    });
    REQUIRE(west != dutch.end());
    CHECK_THAT(west->title, Catch::Matchers::StartsWith("individual_sanitary: ") &&
                                Catch::Matchers::ContainsSubstring("Bedroom West"));
    CHECK_THAT(west->description, Catch::Matchers::ContainsSubstring("Verwacht: ") &&
                                      Catch::Matchers::ContainsSubstring(". Gemeten: ") &&
                                      Catch::Matchers::ContainsSubstring("Object: ruimte Bedroom West (1BedroomWest0000000001).") &&
                                      Catch::Matchers::ContainsSubstring("Regel: individual_sanitary (individual_sanitary") &&
                                      Catch::Matchers::ContainsSubstring("poort, voldoet niet"));
}

TEST_CASE("BCF: the storey's level from the model places the camera and the section") {
    FloorPlan plan = twoBedrooms();
    for (auto& s : plan.spaces) s.storey = 1;
    for (auto& o : plan.openings) o.storey = 1;
    BcfOptions o;
    o.storeyLevels = {{0, 0.0}, {1, 3.4}};
    const Checked c = check(plan);
    for (const auto& t : bcfTopics(c.plan, c.a, c.rs, o)) {
        if (t.ruleKey != "individual_sanitary") continue;
        CHECK(t.storey == 1);
        CHECK(t.camera.floorZ == Catch::Approx(3.4));
        CHECK(t.camera.z == Catch::Approx(13.4));
        CHECK(t.camera.cutZ == Catch::Approx(4.6));
    }
}

TEST_CASE("BCF: the zip reads back: a folder per topic, its markup and viewpoint, valid against the schema") {
    const Checked c = check(twoBedrooms());
    QTemporaryDir dir;
    const std::string path = dir.filePath("two.bcfzip").toStdString();
    const std::size_t written = writeBcf(path, c.plan, c.a, c.rs);
    CHECK(written == failingFindings(c.a));
    const bcf::Read read = bcf::readBcf(path);
    CHECK(read.version == "3.0");
    CHECK(read.topics.size() == written);
    CHECK(read.hasExtensions);
    for (const auto& [guid, t] : read.topics) {
        CHECK(t.guid == guid);  // the folder is named by the topic's GUID
        CHECK(t.viewpointFile == "viewpoint.bcfv");
        CHECK(read.extensionValues.count("TopicType:" + t.topicType) == 1);
        CHECK(read.extensionValues.count("TopicStatus:" + t.topicStatus) == 1);
        CHECK(read.extensionValues.count("Priority:" + t.priority) == 1);
        for (const auto& l : t.labels) CHECK(read.extensionValues.count("TopicLabel:" + l) == 1);
        CHECK(t.viewpointGuid == t.markupViewpointGuid);
        CHECK(t.orthogonal);
    }
    // The two bedrooms are selected by GlobalId in the sanitary topics.
    std::set<std::string> selected;
    for (const auto& [guid, t] : read.topics)
        if (t.title.rfind("individual_sanitary", 0) == 0) selected.insert(t.selected.begin(), t.selected.end());
    CHECK(selected == std::set<std::string>{kWest, kEast});

    const bcf::Validation v = bcf::validate(path, "3.0");
    INFO(v.output);
    CHECK(v.files == 3 + 2 * written);  // bcf.version, extensions.xml, project.bcfp
    CHECK(v.ok);

    // Two runs give the same bytes.
    const std::string second = dir.filePath("again.bcfzip").toStdString();
    writeBcf(second, c.plan, check(twoBedrooms()).a, c.rs);
    CHECK(fileSha(second) == fileSha(path));
}

TEST_CASE("BCF 2.1: the older layout, valid against its schema") {
    const Checked c = check(twoBedrooms());
    QTemporaryDir dir;
    const std::string path = dir.filePath("two21.bcfzip").toStdString();
    BcfOptions o;
    o.version = BcfVersion::V2_1;
    const std::size_t written = writeBcf(path, c.plan, c.a, c.rs, o);
    const bcf::Read read = bcf::readBcf(path);
    CHECK(read.version == "2.1");
    CHECK_FALSE(read.hasExtensions);
    CHECK(read.topics.size() == written);
    for (const auto& [guid, t] : read.topics) CHECK(t.viewpointGuid == t.markupViewpointGuid);
    const bcf::Validation v = bcf::validate(path, "2.1");
    INFO(v.output);
    CHECK(v.files == 1 + 2 * written);
    CHECK(v.ok);
}

TEST_CASE("BCF: a plan that is not from IFC names its objects by the plan's ids") {
    const Checked c = check(twoBedrooms(false));
    QTemporaryDir dir;
    const std::string path = dir.filePath("plain.bcfzip").toStdString();
    writeBcf(path, c.plan, c.a, c.rs);
    const bcf::Read read = bcf::readBcf(path);
    std::set<std::string> ids;
    for (const auto& [guid, t] : read.topics) {
        CHECK(t.selected.empty());  // no IfcGuid
        ids.insert(t.authoringIds.begin(), t.authoringIds.end());
    }
    CHECK(ids.count("bed-w") == 1);
    CHECK(ids.count("bed-e") == 1);
    const bcf::Validation v = bcf::validate(path, "3.0");
    INFO(v.output);
    CHECK(v.ok);
}

TEST_CASE("BCF: the schemas catch a misplaced element (the validation can fail)") {
    const Checked c = check(twoBedrooms());
    const auto files = bcfFiles(c.plan, c.a, c.rs);
    std::string markup;
    for (const auto& f : files)
        if (f.name.size() > 10 && f.name.substr(f.name.size() - 10) == "markup.bcf") markup = f.text;
    REQUIRE(!markup.empty());
    CHECK(bcf::validateText(markup, "3.0/markup.xsd").ok);
    // Priority before Title breaks the order the schema gives.
    const auto title = markup.find("<Title>"), priority = markup.find("<Priority>");
    REQUIRE(title != std::string::npos);
    REQUIRE(priority != std::string::npos);
    const auto priorityEnd = markup.find("</Priority>") + 11;
    std::string broken = markup;
    const std::string p = markup.substr(priority, priorityEnd - priority);
    broken.erase(priority, priorityEnd - priority);
    broken.insert(title, p);
    CHECK_FALSE(bcf::validateText(broken, "3.0/markup.xsd").ok);
}

TEST_CASE("BCF: an unwritable path throws naming it") {
    const Checked c = check(twoBedrooms());
    CHECK_THROWS_WITH(writeBcf("/nonexistent-dir/x.bcfzip", c.plan, c.a, c.rs),
                      Catch::Matchers::ContainsSubstring("/nonexistent-dir/x.bcfzip"));
}

TEST_CASE("BCF on the Duplex model: topics match the failing findings and name real GlobalIds") {
    REQUIRE_REALDATA(ifc, "ifc/duplex/duplex.ifc");
    const Checked c = check(loadPlan(ifc));
    QTemporaryDir dir;
    const std::string path = dir.filePath("duplex.bcfzip").toStdString();
    const std::size_t written = writeBcf(path, c.plan, c.a, c.rs);
    CHECK(written == failingFindings(c.a));
    const bcf::Read read = bcf::readBcf(path);
    REQUIRE(read.topics.size() == written);

    // Each topic's title is the finding's rule; count them per rule.
    std::map<std::string, std::size_t> expected, got;
    for (const auto& r : c.a.results)
        if (givesTopics(r)) expected[r.entry->key] = std::max<std::size_t>(1, r.result.findings.size());
    for (const auto& [guid, t] : read.topics) ++got[t.title.substr(0, t.title.find(':'))];
    CHECK(got == expected);

    // Every selected component is an entity of duplex.ifc, by its GlobalId.
    QFile model(QString::fromStdString(ifc));
    REQUIRE(model.open(QIODevice::ReadOnly));
    const std::string text = model.readAll().toStdString();
    std::set<std::string> selected;
    for (const auto& [guid, t] : read.topics) selected.insert(t.selected.begin(), t.selected.end());
    // Six narrow corridors (corridor_width) and the four bedrooms without own
    // sanitary (individual_sanitary): ten components. sight_lines, a gate
    // that is unknown on a model without staff posts, gives topics too (the
    // group without a post, where the best posts would stand), about the
    // group and spots rather than one room: they select nothing.
    CHECK(selected.size() >= 10);
    CHECK(got.count("sight_lines") == 1);
    // Every markup names the model: the Duplex's IfcProject.
    for (const auto& [guid, t] : read.topics) CHECK(t.ifcProject == "1xS3BCk291UvhgP2a6eflL");
    for (const auto& gid : selected) {
        INFO(gid);
        const bool inModel = text.find("=IFCSPACE('" + gid + "'") != std::string::npos ||
                             text.find("=IFCDOOR('" + gid + "'") != std::string::npos;
        CHECK(inModel);
    }
    // The four bedrooms lack their own sanitary: four topics, each selecting
    // its bedroom (IfcSpace 'A202 Bedroom 1' is 0BTBFw6f90Nfh9rP1dlXrc), named in the title.
    std::set<std::string> bedrooms;
    for (const auto& [guid, t] : read.topics)
        if (t.title.rfind("individual_sanitary:", 0) == 0) {
            REQUIRE(t.selected.size() == 1);
            bedrooms.insert(t.selected[0]);
            CHECK(t.title.find("Bedroom") != std::string::npos);
            // Level 2 of the model is at 3.1 m (IfcBuildingStorey elevation 3.100000000000378): the camera 10 m above.
            CHECK(t.cameraZ == Catch::Approx(13.1).margin(1e-6));
        }
    CHECK(bedrooms == std::set<std::string>{"0BTBFw6f90Nfh9rP1dl_39", "0BTBFw6f90Nfh9rP1dlXrc",
                                            "0BTBFw6f90Nfh9rP1dl_3A", "0BTBFw6f90Nfh9rP1dlXrb"});

    const bcf::Validation v = bcf::validate(path, "3.0");
    INFO(v.output);
    CHECK(v.ok);
    const std::string path21 = dir.filePath("duplex21.bcfzip").toStdString();
    BcfOptions o;
    o.version = BcfVersion::V2_1;
    writeBcf(path21, c.plan, c.a, c.rs, o);
    const bcf::Validation v21 = bcf::validate(path21, "2.1");
    INFO(v21.output);
    CHECK(v21.ok);
}

TEST_CASE("BCF: a best-post suggestion is a low-priority remark, not a failed gate") {
    // Each best staff post sight_lines suggests was a High-priority Issue
    // beside the real failures: a BCF tool listed advice as defects.
    const Checked c = check(loadPlan(sourcePath("floorplans/plans/grouphome_1996_b.geojson")));
    // The findings that become topics, in the writer's order.
    std::vector<const Finding*> findings;
    for (const auto& r : c.a.results)
        if (givesTopics(r))
            for (const auto& f : r.result.findings) findings.push_back(&f);
    const std::vector<BcfTopic> topics = bcfTopics(c.plan, c.a, c.rs);
    REQUIRE(topics.size() == findings.size());
    std::size_t suggestions = 0, issues = 0;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        INFO(topics[i].title);
        if (findings[i]->objectType == "best_post") {
            ++suggestions;
            CHECK(topics[i].type == "Remark");
            CHECK(topics[i].priority == "Low");
            CHECK(std::count(topics[i].labels.begin(), topics[i].labels.end(), "suggestion") == 1);
            CHECK(std::count(topics[i].labels.begin(), topics[i].labels.end(), "fail") == 0);
            // titled by what it suggests, not by the rule's key for it ("best_post A:best_post")
            CHECK(topics[i].title.find("best_post") == std::string::npos);
            CHECK(topics[i].title.rfind("sight_lines: best ", 0) == 0);
        } else {
            ++issues;
            CHECK(topics[i].type == "Issue");
        }
    }
    CHECK(suggestions >= 1);
    CHECK(issues >= 1);
    CHECK(std::any_of(topics.begin(), topics.end(), [](const BcfTopic& t) { return t.priority == "High"; }));

    for (const char* version : {"3.0", "2.1"}) {
        INFO(version);
        QTemporaryDir dir;
        const std::string path = dir.filePath("b.bcfzip").toStdString();
        BcfOptions o;
        o.version = std::string(version) == "2.1" ? BcfVersion::V2_1 : BcfVersion::V3_0;
        writeBcf(path, c.plan, c.a, c.rs, o);
        const bcf::Read read = bcf::readBcf(path);
        std::size_t remarks = 0;
        for (const auto& [guid, t] : read.topics) {
            remarks += t.topicType == "Remark";
            if (t.topicType == "Remark") CHECK(t.priority == "Low");
            if (read.hasExtensions) CHECK(read.extensionValues.count("TopicType:" + t.topicType) == 1);
        }
        CHECK(remarks == suggestions);
        const bcf::Validation v = bcf::validate(path, version);
        INFO(v.output);
        CHECK(v.ok);
    }
}

TEST_CASE("BCF: a file that cannot be created says why (its folder does not exist)") {
    const Checked c = check(twoBedrooms());
    QTemporaryDir dir;
    const std::string path = dir.filePath("no/such/folder/x.bcfzip").toStdString();
    try {
        writeBcf(path, c.plan, c.a, c.rs);
        FAIL("written into a folder that does not exist");
    } catch (const std::runtime_error& e) {
        const std::string said = e.what();
        INFO(said);
        // It read "...x.bcfzip: cannot be written: " and stopped.
        CHECK(said.find(path + ": cannot be written: its folder ") == 0);
        CHECK(said.find("no/such/folder does not exist") != std::string::npos);
    }
}
