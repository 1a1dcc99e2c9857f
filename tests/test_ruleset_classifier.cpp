// Rule sets as data and the classifier's policy over them.
#include "TestKit.h"

#include "classify/Classifier.h"
#include "classify/Friction.h"
#include "ruleset/RuleSet.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

std::string writeRuleSet(const QTemporaryDir& dir, const QByteArray& text) {
    QFile f(dir.filePath("rs.json"));
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    return f.fileName().toStdString();
}

// A policy like vg7.json's, over four gates and one score rule.
const char* kPolicy = R"({"name":"t","rules":[
  {"key":"sanitary","rule":"individual_sanitary","severity":"gate","groups":["vg7_building"]},
  {"key":"capacity","rule":"site_capacity","severity":"gate","groups":["vg7_building","vg7_site"]},
  {"key":"location","rule":"site_capacity","severity":"gate","groups":["vg7_site"]},
  {"key":"sanitary_keep","rule":"individual_sanitary","severity":"gate","groups":["keep"],
   "parameters":{"min_share_pct":{"value":50,"source":"assumption"}}},
  {"key":"extra","rule":"site_capacity","severity":"score","weight":2}],
 "classification":{"verdicts":[
   {"verdict":"convert_vg7","requires":["vg7_building","vg7_site"],"explain":"fit for VG7"},
   {"verdict":"cluster","requires":["vg7_site"],"explain":"new-build cluster candidate"},
   {"verdict":"keep","requires":["keep"],"explain":"fit for current use"}],
  "otherwise":"dispose","otherwise_explain":"fits neither"}})";

std::vector<EvaluatedRule> results(const RuleSet& rs, std::vector<Status> statuses) {
    std::vector<EvaluatedRule> out;
    for (size_t i = 0; i < rs.rules.size(); ++i) {
        EvaluatedRule r;
        r.entry = &rs.rules[i];
        r.result.status = statuses.at(i);
        r.result.value = 42;
        out.push_back(r);
    }
    return out;
}

}  // namespace

TEST_CASE("classification follows the policy's order") {
    QTemporaryDir dir;
    RuleSet rs = loadRuleSet(writeRuleSet(dir, kPolicy));
    using S = Status;
    auto verdict = [&](std::vector<Status> s) { return classify(rs, results(rs, s)).verdict; };
    CHECK(verdict({S::Pass, S::Pass, S::Pass, S::Pass, S::Pass}) == Verdict::ConvertToVG7);
    CHECK(verdict({S::Fail, S::Pass, S::Pass, S::Pass, S::Pass}) == Verdict::Cluster);
    CHECK(verdict({S::Fail, S::Pass, S::Fail, S::Pass, S::Pass}) == Verdict::Keep);
    CHECK(verdict({S::Fail, S::Pass, S::Fail, S::Fail, S::Pass}) == Verdict::Dispose);
    // warn and na count as passing a gate
    CHECK(verdict({S::Warn, S::NotApplicable, S::Pass, S::Fail, S::Fail}) == Verdict::ConvertToVG7);
}

TEST_CASE("an unknown gate gives needs_data; unless another gate already rules the verdict out") {
    QTemporaryDir dir;
    RuleSet rs = loadRuleSet(writeRuleSet(dir, kPolicy));
    using S = Status;
    Classification c = classify(rs, results(rs, {S::Unknown, S::Pass, S::Pass, S::Pass, S::Pass}));
    CHECK(c.verdict == Verdict::NeedsData);
    CHECK_THAT(c.reasons.at(0), ContainsSubstring("convert_vg7 cannot be decided: sanitary unknown"));
    // sanitary unknown but location fails: convert and cluster are ruled out anyway -> keep decides
    c = classify(rs, results(rs, {S::Unknown, S::Pass, S::Fail, S::Pass, S::Pass}));
    CHECK(c.verdict == Verdict::Keep);
    CHECK(c.reasons.at(0) == "fit for current use");
    CHECK_THAT(c.reasons.at(1), ContainsSubstring("not convert_vg7: location fail: 42"));
}

TEST_CASE("the score is the weighted share of score rules passed") {
    QTemporaryDir dir;
    RuleSet rs = loadRuleSet(writeRuleSet(dir, kPolicy));
    using S = Status;
    CHECK(classify(rs, results(rs, {S::Pass, S::Pass, S::Pass, S::Pass, S::Warn})).score == 50.0);
    CHECK(classify(rs, results(rs, {S::Pass, S::Pass, S::Pass, S::Pass, S::Unknown})).scoreRules == 0);
}

TEST_CASE("min_score breaks the tie between verdicts whose gates pass") {
    QTemporaryDir dir;
    QByteArray text(kPolicy);
    text.replace(R"("requires":["vg7_building","vg7_site"],)",
                 R"("requires":["vg7_building","vg7_site"],"min_score":{"value":60,"source":"assumption"},)");
    RuleSet rs = loadRuleSet(writeRuleSet(dir, text));
    REQUIRE(rs.verdicts.at(0).minScore == 60.0);
    using S = Status;
    // all gates pass; the one score rule passes (100 %) -> convert
    Classification c = classify(rs, results(rs, {S::Pass, S::Pass, S::Pass, S::Pass, S::Pass}));
    CHECK(c.verdict == Verdict::ConvertToVG7);
    CHECK(c.reasons.at(1) == "convert_vg7: score 100 % (needs >= 60 %)");
    // a warn scores 50 % < 60 %: too much to renovate -> the next verdict
    c = classify(rs, results(rs, {S::Pass, S::Pass, S::Pass, S::Pass, S::Warn}));
    CHECK(c.verdict == Verdict::Cluster);
    CHECK_THAT(c.reasons.at(1), ContainsSubstring("not convert_vg7: score 50 % (needs >= 60 %)"));
    // no score figure at all: undecidable, not a silent pass or fail
    c = classify(rs, results(rs, {S::Pass, S::Pass, S::Pass, S::Pass, S::Unknown}));
    CHECK(c.verdict == Verdict::NeedsData);
    // a min_score without its source is refused
    QByteArray noSource(kPolicy);
    noSource.replace(R"("requires":["vg7_site"],)", R"("requires":["vg7_site"],"min_score":{"value":60},)");
    CHECK_THROWS_WITH(loadRuleSet(writeRuleSet(dir, noSource)), ContainsSubstring("'min_score' needs a 'source'"));
}

TEST_CASE("a plan alone gets a building check, never a site verdict") {
    QTemporaryDir dir;
    RuleSet rs = loadRuleSet(writeRuleSet(dir, kPolicy));
    using S = Status;
    auto r = results(rs, {S::Fail, S::Pass, S::Pass, S::Pass, S::Pass});
    r[2].inScope = false;  // "location" is a site rule here
    BuildingCheck b = checkBuilding(rs, r);
    // the first verdict (convert_vg7) is the target: its building gate sanitary fails
    CHECK(b.verdict == "building_fail");
    REQUIRE(b.reasons.size() == 4);  // one line per verdict + the site rules
    CHECK_THAT(b.reasons[0], ContainsSubstring("for convert_vg7, the building fails: sanitary fail"));
    CHECK_THAT(b.reasons[1], ContainsSubstring("for cluster, the building passes its 1 building gate(s)"));
    CHECK_THAT(b.reasons[3], ContainsSubstring("site rules not assessed (location)"));
    for (const auto& line : b.reasons) {
        CHECK_THAT(line, !ContainsSubstring("location works"));
        CHECK_THAT(line, !ContainsSubstring("dispose"));
    }
    // score over the building score rules that ran: "extra" passes -> 100 %
    CHECK(b.scoreRules == 1);
    CHECK(b.score == 100.0);
    CHECK(checkBuilding(rs, results(rs, {S::Pass, S::Pass, S::Pass, S::Pass, S::Pass})).verdict == "building_pass");
    CHECK(checkBuilding(rs, results(rs, {S::Unknown, S::Pass, S::Pass, S::Pass, S::Pass})).verdict == "needs_data");
}

TEST_CASE("a needs_data site has no score, so it cannot rank beside the best") {
    QTemporaryDir dir;
    RuleSet rs = loadRuleSet(writeRuleSet(dir, kPolicy));
    using S = Status;
    // the score rule passes (100 %) but the sanitary gate is unknown (no plan)
    Classification c = classify(rs, results(rs, {S::Unknown, S::Pass, S::Pass, S::Pass, S::Pass}));
    REQUIRE(c.verdict == Verdict::NeedsData);
    CHECK(c.scoreRules == 0);
    CHECK(c.score == 0.0);
}

TEST_CASE("rule set errors name the file and the entry") {
    QTemporaryDir dir;
    auto err = [&](const QByteArray& text) {
        try {
            loadRuleSet(writeRuleSet(dir, text));
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK_THAT(err("{"), ContainsSubstring("not valid JSON"));
    CHECK_THAT(err(""), ContainsSubstring("empty"));
    QByteArray noSource(kPolicy);
    noSource.replace(R"("source":"assumption")", R"("note":"x")");
    CHECK_THAT(err(noSource), ContainsSubstring("rules[3] ('sanitary_keep'): parameter 'min_share_pct' names no source"));
    QByteArray badGroup(kPolicy);
    badGroup.replace(R"("requires":["keep"])", R"("requires":["kept"])");
    CHECK_THAT(err(badGroup), ContainsSubstring("group 'kept' has no gate rule"));
    QByteArray twice(kPolicy);
    twice.replace(R"("key":"location")", R"("key":"capacity")");
    CHECK_THAT(err(twice), ContainsSubstring("key is used twice"));
    CHECK_THAT(err(QByteArray(kPolicy).replace("\"gate\",\"groups\":[\"keep\"]", "\"gate\"")),
               ContainsSubstring("a gate must name the decision 'groups'"));
}

TEST_CASE("every shipped rule set loads; and every rule it names is built") {
    QDir dir(QString::fromStdString(sourcePath("rulesets")));
    const auto files = dir.entryList({"*.json"});
    REQUIRE_FALSE(files.isEmpty());
    for (const auto& f : files) {
        INFO(f.toStdString());
        RuleSet rs = loadRuleSet(dir.filePath(f).toStdString());
        CHECK(checkAgainst(rs, registry()).empty());
    }
}

TEST_CASE("friction costs: user amounts only; a missing amount is named and no total is invented") {
    QTemporaryDir dir;
    QByteArray text(kPolicy);
    text.replace(R"("otherwise":"dispose")", R"("otherwise":"dispose"},
      "friction_costs":{"currency":"EUR","vacancy_months":6,"revenue_per_place_month":9000,
        "rehousing_per_resident":5000,"team_startup":120000,"retraining":30000,"absence_premium":null,
        "new_build_per_place":250000,"renovation":{"extra":40000}})");
    text.replace(R"("otherwise_explain":"fits neither"}})", R"("otherwise_explain":"fits neither"})");
    RuleSet rs = loadRuleSet(writeRuleSet(dir, text));
    using S = Status;
    auto r = results(rs, {S::Pass, S::Pass, S::Pass, S::Pass, S::Fail});
    FrictionEstimate e = estimateFriction(rs, Verdict::ConvertToVG7, 12, r);
    REQUIRE(e.applies);
    CHECK_FALSE(e.total);  // absence_premium is null
    REQUIRE(e.missing == std::vector<std::string>{"absence_premium"});
    // vacancy 6 × 9000 × 12 = 648000; rehousing 5000 × 12 = 60000
    CHECK(*e.parts[0].amount == 648000.0);
    CHECK(*e.parts[1].amount == 60000.0);
    CHECK(e.parts.back().name == "renovation: extra");
    CHECK(*e.parts.back().amount == 40000.0);
    // the renovation list is in the reasons too
    Classification c = classify(rs, r);
    CHECK(c.verdict == Verdict::ConvertToVG7);
    CHECK_THAT(c.reasons.back(), ContainsSubstring("renovation must fix: extra fail"));
    // a cluster pays new build instead of renovation; dispose has no estimate
    rs.friction.amounts["absence_premium"] = 0.0;
    FrictionEstimate cl = estimateFriction(rs, Verdict::Cluster, 12, r);
    REQUIRE(cl.total);
    CHECK(*cl.total == 648000.0 + 60000 + 120000 + 30000 + 0 + 250000.0 * 12);
    CHECK_FALSE(estimateFriction(rs, Verdict::Dispose, 12, r).applies);
}
