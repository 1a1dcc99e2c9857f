// The rule set's optional "clusters" block: values, sources, defaults, errors.
#include "ruleset/RuleSet.h"

#include <catch2/catch_test_macros.hpp>

#include <QTemporaryDir>

#include <fstream>
#include <stdexcept>
#include <string>

using namespace vgscan;

namespace {

// A minimal valid rule set with `clusters` (JSON text) added when not empty.
std::string writeRuleSet(const QTemporaryDir& dir, const std::string& clusters) {
    const std::string path = dir.filePath("rs.json").toStdString();
    std::ofstream out(path);
    out << R"({"name": "t", "rules": [{"rule": "site_capacity", "severity": "gate", "groups": ["g"]}],
             "classification": {"verdicts": [{"verdict": "keep", "requires": ["g"]}]})"
        << (clusters.empty() ? "" : ", \"clusters\": " + clusters) << "}";
    return path;
}

std::string loadError(const std::string& path) {
    try {
        loadRuleSet(path);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("The vg7 rule set gives every cluster parameter with a source") {
    const RuleSet rs = loadRuleSet(std::string(VGSCAN_TEST_SOURCE_DIR) + "/rulesets/vg7.json");
    const ClusterParams& p = rs.clusters;
    CHECK(p.maxWalkM == 400);
    CHECK(p.maxPlacesPerSite == 21);
    CHECK(p.maxPlacesPerCluster == 42);
    CHECK_FALSE(p.maxDriveMin.has_value());
    CHECK(p.verdicts == std::vector<Verdict>{Verdict::FitsVG7, Verdict::ConvertToVG7, Verdict::Cluster});
    for (const auto& [name, source] : p.sources) {
        INFO(name);
        CHECK(source != "default (assumption)");
        CHECK_FALSE(source.empty());
    }
}

TEST_CASE("Without a clusters block the defaults apply and say they are assumptions") {
    QTemporaryDir dir;
    const RuleSet rs = loadRuleSet(writeRuleSet(dir, ""));
    CHECK(rs.clusters.maxWalkM == 400);
    CHECK(rs.clusters.detourFactor == 1.3);
    CHECK(rs.clusters.sources.at("max_walk_m") == "default (assumption)");
}

TEST_CASE("A clusters block overrides the defaults") {
    QTemporaryDir dir;
    const RuleSet rs = loadRuleSet(writeRuleSet(dir, R"({
        "max_walk_m": {"value": 250, "source": "assumption"},
        "max_drive_min": {"value": 4, "source": "assumption"},
        "verdicts": {"value": ["cluster"], "source": "test"}})"));
    CHECK(rs.clusters.maxWalkM == 250);
    REQUIRE(rs.clusters.maxDriveMin.has_value());
    CHECK(*rs.clusters.maxDriveMin == 4);
    CHECK(rs.clusters.verdicts == std::vector<Verdict>{Verdict::Cluster});
    CHECK(rs.clusters.sources.at("verdicts") == "test");
}

TEST_CASE("A bad clusters block is an error naming the parameter") {
    QTemporaryDir dir;
    CHECK(loadError(writeRuleSet(dir, R"({"max_walk_m": {"value": 400}})")).find("clusters.max_walk_m: names no source") !=
          std::string::npos);
    CHECK(loadError(writeRuleSet(dir, R"({"max_walk": {"value": 400, "source": "a"}})")).find("clusters.max_walk: unknown parameter") !=
          std::string::npos);
    CHECK(loadError(writeRuleSet(dir, R"({"max_walk_m": {"value": -1, "source": "a"}})")).find("clusters.max_walk_m: value must be a number > 0") !=
          std::string::npos);
    CHECK(loadError(writeRuleSet(dir, R"({"verdicts": {"value": ["vg7"], "source": "a"}})")).find("'vg7' is not a verdict") !=
          std::string::npos);
    CHECK(loadError(writeRuleSet(dir, R"({"max_places_per_cluster": {"value": 10, "source": "a"}})"))
              .find("max_places_per_cluster: value is below max_places_per_site") != std::string::npos);
}
