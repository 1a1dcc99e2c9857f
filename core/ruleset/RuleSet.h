#pragma once
// A rule set is data (rulesets/*.json): which rules run with which
// parameters, whether each is a gate, a score or info, which decision groups
// its gate belongs to, and the classification policy over those groups.
#include "classify/Verdict.h"

#include <QJsonObject>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vgscan {

class RuleRegistry;

enum class Severity { Gate, Score, Info };
const char* toString(Severity s);

struct RuleEntry {
    std::string key;   // unique in the rule set; defaults to the rule id
    std::string rule;  // plugin id
    Severity severity = Severity::Info;
    double weight = 1.0;
    std::vector<std::string> groups;  // decision groups this gate counts for
    QJsonObject parameters;           // name -> value (sources are checked at load)
    std::map<std::string, std::string> sources;  // name -> the rule set's source for it
    std::map<std::string, std::string> parameterUnits;  // units the rule set states (optional "unit")
};

struct VerdictRule {
    Verdict verdict = Verdict::Dispose;
    std::vector<std::string> requiredGroups;  // groups whose gates must all pass
    // The weighted score (%) of the score rules must reach this too; it breaks
    // the tie between verdicts whose gates all pass (e.g. convert an existing
    // building only when little must be renovated, else build new). nullopt: no
    // score condition. A score with no figures at all counts as unknown.
    std::optional<double> minScore;
    std::string minScoreSource;
    std::string explain;
    // At least one of these must pass ("requires_any"). kInCluster stands for
    // "the site is in a cluster of VG7 sites", known only after the portfolio
    // pass (ScanPipeline); a single site leaves it open.
    std::vector<std::string> anyGroups;
    // Gates of these groups may fail when renovation can fix them: the keys
    // listed in `renovable` ("renovate": {"groups", "rules": {"value", "source"}}).
    // A failed gate outside the list rules the verdict out.
    std::vector<std::string> renovateGroups;
    std::vector<std::string> renovable;
    std::string renovableSource;
};

inline constexpr const char* kInCluster = "in_cluster";

// User-supplied amounts for friction costs (classify/Friction.h). A value left
// null in the file stays absent: the sources give no amounts.
struct FrictionParams {
    std::string currency = "EUR";
    std::map<std::string, std::optional<double>> amounts;      // vacancy_months, revenue_per_place_month, ...
    std::map<std::string, std::optional<double>> renovation;   // per rule-set key
};

// Cluster detection (core/cluster), from the rule set's optional "clusters"
// block; every default is an assumption (docs/domain.md, "Clusters").
struct ClusterParams {
    std::vector<Verdict> verdicts{Verdict::FitsVG7, Verdict::ConvertToVG7, Verdict::Cluster};  // sites that take part
    double maxWalkM = 400;                 // every pair of a cluster within this walk (m)
    std::optional<double> maxDriveMin;     // or within this drive both ways (min); nullopt: off
    double driveSpeedKmh = 30;
    double walkSpeedKmh = 4.8;
    int maxPlacesPerSite = 21;             // a site counts at most this many places
    int maxPlacesPerCluster = 42;
    double nightRoundMaxMin = 10;          // reported against the night round, not a grouping rule
    double detourFactor = 1.3;             // straight line x this without roads (estimate)
    std::map<std::string, std::string> sources;  // parameter -> source; "default (assumption)" when not given
};

struct RuleSet {
    std::string source;
    std::string sha256;  // of the file's bytes: scan.json records it, `vgscan diff` compares it
    std::string name;
    std::string title;
    std::vector<RuleEntry> rules;
    std::vector<VerdictRule> verdicts;  // tried in order
    Verdict otherwise = Verdict::Dispose;
    std::string otherwiseExplain;
    FrictionParams friction;
    ClusterParams clusters;
};

// Reads and checks a rule set file; throws std::runtime_error naming the file
// and the entry at fault (e.g. a threshold without a source).
RuleSet loadRuleSet(const std::string& path);

// Problems binding the rule set to the plugins found (unknown rules, unknown or
// mistyped parameters); one message per problem. Such rules report `unknown`.
std::vector<std::string> checkAgainst(const RuleSet& rs, const RuleRegistry& registry);

// rulesets/<name>.json beside the installed binary or in the source tree.
std::string findRuleSet(const std::string& nameOrPath);

}  // namespace vgscan
