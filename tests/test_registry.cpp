// The plugin registry: metadata read without creating rules, bad plugins
// reported by file, a throwing rule contained to its own result.
#include "TestKit.h"

#include "classify/Classifier.h"
#include "ruleset/RuleSet.h"
#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "scan/Engine.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

TEST_CASE("the build's plugins are found with their metadata") {
    const RuleRegistry& reg = registry();
    CHECK(reg.errors().empty());
    REQUIRE(reg.has("individual_sanitary"));
    REQUIRE(reg.has("site_capacity"));
    const RuleInfo& info = reg.info("site_capacity");
    CHECK(info.scope == "building");
    CHECK(info.unit == "places");
    bool found = false;
    for (const auto& p : info.parameters)
        if (p.name == "max_places") {
            found = true;
            CHECK(p.defaultValue.toDouble() == 21);
            CHECK_THAT(p.source, ContainsSubstring("21"));
        }
    CHECK(found);
}

TEST_CASE("parameters: defaults; overrides; unknown names and wrong types") {
    const RuleRegistry& reg = registry();
    Params p = reg.resolveParams("site_capacity", {{"max_places", 18}});
    CHECK(p.number("max_places") == 18);
    CHECK(p.number("preferred_max_places") == 16);
    CHECK_THROWS_WITH(p.number("max_place"), ContainsSubstring("not declared"));
    CHECK_THROWS_WITH(reg.resolveParams("site_capacity", {{"max_place", 18}}), ContainsSubstring("has no parameter 'max_place'"));
    CHECK_THROWS_WITH(reg.resolveParams("site_capacity", {{"max_places", "many"}}), ContainsSubstring("must be of type number"));
    CHECK_THROWS_WITH(reg.create("no_such_rule"), ContainsSubstring("no rule plugin provides 'no_such_rule'"));
}

TEST_CASE("plugin metadata: a threshold without a unit is refused, naming file, rule and parameter") {
    const QJsonObject meta = QJsonDocument::fromJson(R"({"id": "toy", "version": "1", "scope": "building",
        "parameters": [{"name": "factor", "type": "number", "default": 1.3, "unit": "", "source": "assumption"}]})")
                                 .object();
    CHECK_THROWS_WITH(parseRuleInfo(meta, "toy/rule.json"),
                      ContainsSubstring("toy/rule.json: rule metadata: rule 'toy': parameter 'factor' is a threshold "
                                        "without a unit"));
    QJsonObject withUnit = meta;
    QJsonArray params = meta.value("parameters").toArray();
    QJsonObject factor = params[0].toObject();
    factor.insert("unit", "ratio");
    params[0] = factor;
    withUnit.insert("parameters", params);
    CHECK(parseRuleInfo(withUnit, "toy/rule.json").parameters.at(0).unit == "ratio");
}

TEST_CASE("a file that is not a plugin is reported by name; the rest still load") {
    QTemporaryDir dir;
    QFile bad(dir.filePath("vgscan_rule_broken.so"));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("not an ELF file");
    bad.close();
    RuleRegistry reg;
    reg.loadDirectory(dir.path().toStdString());
    reg.loadDirectory(pluginDir());
    REQUIRE(reg.errors().size() == 1);
    CHECK_THAT(reg.errors()[0].file, ContainsSubstring("vgscan_rule_broken.so"));
    CHECK(reg.has("individual_sanitary"));
}

TEST_CASE("metadata without a source for a parameter is refused") {
    QJsonObject meta = QJsonDocument::fromJson(R"({"id":"x","version":"1","scope":"building",
        "parameters":[{"name":"k","type":"number","default":1}]})").object();
    CHECK_THROWS_WITH(parseRuleInfo(meta, "x.so"), ContainsSubstring("names no source"));
    meta = QJsonDocument::fromJson(R"({"id":"x","version":"1","scope":"everywhere"})").object();
    CHECK_THROWS_WITH(parseRuleInfo(meta, "x.so"), ContainsSubstring("'scope'"));
}

TEST_CASE("a rule that throws gives unknown with the error; the others still run") {
    RuleRegistry reg;
    reg.loadDirectory(pluginDir());
    reg.loadDirectory(VGSCAN_TEST_EXTRA_PLUGIN_DIR);
    REQUIRE(reg.has("test_throwing"));
    QTemporaryDir dir;
    QFile f(dir.filePath("rs.json"));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"name":"t","rules":[
        {"rule":"test_throwing","severity":"gate","groups":["g"]},
        {"rule":"site_capacity","severity":"gate","groups":["g"]}],
      "classification":{"verdicts":[{"verdict":"convert_vg7","requires":["g"]}],"otherwise":"dispose"}})");
    f.close();
    RuleSet rs = loadRuleSet(f.fileName().toStdString());
    Engine engine(reg, rs);
    FloorPlan plan = loadFixture("plugins/site_capacity/tests/pass-site_capacity-twelve_bedrooms.geojson");
    BuildingAssessment a = engine.check(plan);
    REQUIRE(a.results.size() == 2);
    CHECK(a.results[0].result.status == Status::Unknown);
    CHECK_THAT(a.results[0].error, ContainsSubstring("deliberate failure"));
    CHECK_THAT(a.results[0].error, ContainsSubstring("test_throwing"));
    CHECK(a.results[1].result.status == Status::Pass);
    CHECK(a.classification.verdict == "needs_data");  // never a silent pass
    // A rule whose plugin cannot be made says "rule could not run" (Engine);
    // that text is in the Dutch catalogue like every rule text, so a Dutch
    // report does not show it in English.
    i18n::setLanguage(i18n::Language::Dutch);
    const std::string dutch = i18n::ruleText("rule could not run");
    i18n::setLanguage(i18n::Language::English);
    CHECK(dutch == "regel kon niet worden uitgevoerd");
}
