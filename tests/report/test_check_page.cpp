// check.html as an architect reads it: the gates of the profile checked
// painted by their status, the gates of other routes apart; observed values
// red only when their rule fails; rooms by their name, the GlobalId beside.
#include "BcfTestKit.h"
#include "TestKit.h"

#include "report/CheckProfile.h"
#include "report/HtmlReport.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"

#include <catch2/catch_test_macros.hpp>

#include <QTemporaryDir>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

using namespace vgscan;
using namespace vgscan::test;

namespace {

std::string checkPage(const FloorPlan& plan, const RuleSet& rs, BuildingAssessment& a) {
    a = Engine(registry(), rs).check(plan);
    QTemporaryDir dir;
    const std::string path = dir.filePath("check.html").toStdString();
    writeCheckHtml(path, plan, a, rs, "9.9.9-test");
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The <tr class="rule..."> row of a rule-set key, up to the next rule row.
std::string ruleRow(const std::string& html, const std::string& key) {
    const std::regex row("<tr class=\"rule[^\"]*\"><td><i class=\"sw\"[^>]*></i>" + key + "(<br>|</td>)");
    std::smatch m;
    REQUIRE(std::regex_search(html, m, row));
    const std::size_t from = static_cast<std::size_t>(m.position(0));
    const std::size_t to = html.find("<tr class=\"rule", from + 10);
    return html.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

const EvaluatedRule& result(const BuildingAssessment& a, const std::string& key) {
    for (const auto& r : a.results)
        if (r.entry->key == key) return r;
    FAIL("no result for " << key);
    throw;
}

}  // namespace

TEST_CASE("check.html: a gate of another route is not painted as a failed gate of this check") {
    // vg7 checks a plan for fits_vg7 (the first route: groups vg7_building,
    // vg7_location). self_contained_units is a gate of the ambulant route
    // only: with no sanitary and no kitchen off the bedrooms it fails, but
    // it is no reason for this check's building_fail.
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    BuildingAssessment a;
    const std::string html = checkPage(bcf::twoBedrooms(), rs, a);
    REQUIRE(result(a, "self_contained_units").result.status == Status::Fail);
    REQUIRE(result(a, "individual_sanitary").result.status == Status::Fail);
    const std::string other = ruleRow(html, "self_contained_units");
    CHECK(other.find("<tr class=\"rule off\">") == 0);
    CHECK(other.find("<td class=\"st-off\">fail") != std::string::npos);
    CHECK(other.find("st-fail") == std::string::npos);  // neither the cell nor its findings' values
    CHECK(other.find("for ambulant") != std::string::npos);
    const std::string own = ruleRow(html, "individual_sanitary");
    CHECK(own.find("<tr class=\"rule\">") == 0);
    CHECK(own.find("<td class=\"st-fail\">fail") != std::string::npos);
    // Its markers on the plan are grey too.
    CHECK(html.find("class=\"mk st-off\"") != std::string::npos);
}

TEST_CASE("check.html: observed values are red only where the rule fails") {
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    BuildingAssessment a;
    const std::string html = checkPage(bcf::twoBedrooms(), rs, a);
    // group_size passes (2 bedrooms, <= 6) and still reports its group.
    REQUIRE(result(a, "group_size").result.status == Status::Pass);
    REQUIRE(!result(a, "group_size").result.findings.empty());
    const std::string passing = ruleRow(html, "group_size");
    CHECK(passing.find("<span class=\"obs st-pass\">observed") != std::string::npos);
    const std::string failing = ruleRow(html, "individual_sanitary");
    CHECK(failing.find("<span class=\"obs st-fail\">observed") != std::string::npos);
    // The style sheet paints only the failing ones red (#b0281c).
    CHECK(std::string(html::kCss).find(".obs{color:#b0281c}") == std::string::npos);
    CHECK(std::string(html::kCss).find(".obs.st-fail{color:#b0281c}") != std::string::npos);
}

TEST_CASE("check.html: rooms by their name, the GlobalId beside it") {
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    BuildingAssessment a;
    const std::string html = checkPage(bcf::twoBedrooms(), rs, a);
    const std::string row = ruleRow(html, "individual_sanitary");
    CHECK(row.find("<b>space Bedroom West</b> <code class=\"oid\">1BedroomWest0000000001</code>") != std::string::npos);
    CHECK(row.find("<b>space 1BedroomWest0000000001</b>") == std::string::npos);
    // A door's tooltip names the rooms it joins.
    CHECK(html.find("door 0DoorWest000000000000a (Bedroom West – Corridor, 1 m)") != std::string::npos);
}

TEST_CASE("check: the gates outside vg7's profile are those of other routes only") {
    // By hand from rulesets/vg7.json: fits_vg7 requires vg7_building and
    // vg7_location. vg7_places (vg7_convertible) counts for convert_vg7;
    // expansion_room (vg7_plot) for convert_vg7 (requires_any) and cluster;
    // self_contained_units (ambulant_units) for ambulant; units_for_keep
    // (keep_current) for keep; gp_for_keep (ambulant_care) for ambulant and
    // keep; backup_capacity (backup_places) for ambulant. busy_area_buffer
    // and avg_access are in vg7_location: they count.
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    const std::map<std::string, std::string> expected{
        {"vg7_places", "convert_vg7"},   {"expansion_room", "convert_vg7, cluster"},
        {"self_contained_units", "ambulant"}, {"units_for_keep", "keep"},
        {"gp_for_keep", "ambulant, keep"}, {"backup_capacity", "ambulant"}};
    CHECK(gatesOutsideProfile(rs) == expected);
}
