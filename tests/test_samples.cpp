// The bundled sample data: every plan is valid, its figures match the
// hand-worked table in floorplans/README.md, and the demo scan gives every
// site a verdict with reasons.
#include "TestKit.h"

#include "io/PortfolioReader.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <map>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {
struct Expected {
    int bedrooms;
    double ownSanitaryPct;  // with the rule's defaults (no area/door minimum)
};
// From floorplans/README.md ("Figures per plan"), worked out from the drawings.
const std::map<std::string, Expected> kPlans{
    {"pavilion_1972", {16, 0.0}},    {"pavilion_1978_b", {12, 0.0}},   {"pavilion_1965_c", {24, 0.0}},
    {"grouphome_1994_a", {8, 0.0}},  {"grouphome_1996_b", {6, 0.0}},   {"studios_2008", {10, 100.0}},
    {"villa_1925", {7, 200.0 / 7}},  {"terraced_house_1930", {4, 0.0}}, {"newbuild_vg7_2026", {12, 100.0}},
    {"farmhouse_1985", {8, 50.0}},
};
}  // namespace

TEST_CASE("sample plans: valid; bedrooms and own sanitary as worked out by hand") {
    for (const auto& [name, e] : kPlans) {
        INFO(name);
        FloorPlan plan = loadFixture("floorplans/plans/" + name + ".geojson");
        RuleResult cap = runRule("site_capacity", &plan);
        REQUIRE(cap.value);
        CHECK(*cap.value == e.bedrooms);
        RuleResult san = runRule("individual_sanitary", &plan);
        REQUIRE(san.value);
        CHECK(*san.value == Approx(e.ownSanitaryPct).margin(0.05));
    }
}

TEST_CASE("sample portfolio: every site gets a verdict with reasons") {
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("floorplans/portfolio.gpkg"), issues);
    CHECK_FALSE(hasErrors(issues));
    REQUIRE(p.sites.size() >= 8);
    RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    Engine engine(registry(), rs);
    std::map<std::string, Verdict> verdicts;
    for (const auto& site : p.sites) {
        INFO(site.id);
        SiteAssessment a = engine.scan(site, p.context);
        CHECK_FALSE(a.failed);
        CHECK_FALSE(a.classification.reasons.empty());
        verdicts[site.id] = a.classification.verdict;
    }
    // The field research: pavilions and group homes are not fit for VG7; the
    // new-build design is; a site without a plan cannot be judged on its building.
    for (const char* id : {"S01", "S02", "S03", "S04", "S05"}) CHECK(verdicts.at(id) != Verdict::ConvertToVG7);
    CHECK(verdicts.at("S09") == Verdict::ConvertToVG7);
    CHECK(verdicts.at("S10") == Verdict::NeedsData);
}
