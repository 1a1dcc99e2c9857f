#pragma once
// From rule results and the rule set's policy to one verdict with reasons.
// Missing data on a deciding gate gives needs_data, never a silent pass.
#include "classify/Verdict.h"
#include "ruleset/RuleSet.h"
#include "rules/RuleResult.h"

#include <string>
#include <vector>

namespace vgscan {

// One rule-set entry evaluated on one building or site.
struct EvaluatedRule {
    const RuleEntry* entry = nullptr;
    std::string version;
    std::string scope;  // building | site
    bool inScope = true;  // false: not run (site rules in `vgscan check`)
    RuleResult result;
    std::string error;  // load/evaluation problem; the status is then unknown
};

struct Classification {
    Verdict verdict = Verdict::NeedsData;
    std::vector<std::string> reasons;  // the deciding ones first
    double score = 0.0;                // weighted share (%) of score rules passed
    int scoreRules = 0;                // how many score rules had a figure
    int route = -1;                    // index into RuleSet::verdicts; -1: otherwise or needs_data
    // Rule-set keys the renovation must fix (convert_vg7), or a fit site
    // could improve (fits_vg7): failed renovable gates, then building score
    // rules that fail or warn.
    std::vector<std::string> renovation;
    // A verdict this site would take if it were in a cluster (requires_any
    // "in_cluster" with the clustering not known yet); the portfolio pass
    // decides it.
    std::optional<Verdict> ifClustered;
    std::optional<bool> inCluster;  // as given to classify (to classify again alike)
};

// inCluster: whether the site is in a cluster of VG7 sites; nullopt when not
// known yet (one site on its own).
Classification classify(const RuleSet& rs, const std::vector<EvaluatedRule>& results,
                        std::optional<bool> inCluster = std::nullopt);

// classify(rs, results, inCluster).verdict without any of the texts: the
// sensitivity draws classify each site a few hundred times and read the
// verdict only. The same decisions in the same order (tested against
// classify on every combination of statuses of a rule set).
Verdict classifyVerdict(const RuleSet& rs, const std::vector<EvaluatedRule>& results,
                        std::optional<bool> inCluster = std::nullopt);

// classifyVerdict for many draws of one site's statuses: which results
// belong to which decision group (their entries and scopes) is worked out
// once, each draw then reads statuses only (no group names compared). The
// rule set's min_score values may be replaced per draw. classifyVerdict is
// VerdictDecider(rs, results).decide(results, inCluster).
class VerdictDecider {
public:
    // `rs` must outlive the decider.
    VerdictDecider(const RuleSet& rs, const std::vector<EvaluatedRule>& results);
    // `results`: the same entries and scopes as given to the constructor,
    // any statuses. `minScores`: per rs.verdicts entry, replacing its
    // min_score; null: the rule set's own.
    Verdict decide(const std::vector<EvaluatedRule>& results, std::optional<bool> inCluster,
                   const std::vector<std::optional<double>>* minScores = nullptr) const;

private:
    struct Group {
        std::vector<std::size_t> members;       // result indexes, ascending
        std::vector<char> renovable;            // per member: a fail the renovation may fix
        bool inCluster = false;                 // the "in_cluster" alternative (any groups)
    };
    struct Route {
        std::vector<Group> gates;  // required, then renovate groups
        std::vector<Group> any;
    };
    const RuleSet& rs_;
    std::vector<Route> routes_;
    std::vector<std::pair<std::size_t, double>> scoreRules_;  // result index, weight
};

// A plan checked on its own (`vgscan check`): only building rules ran, so no
// site verdict can be given. `verdict` says whether the building gates of the
// rule set's first verdict (its target, e.g. VG7) pass: building_pass,
// building_fail or needs_data; the reasons list each verdict's building gates
// and name the site rules that were not assessed.
struct BuildingCheck {
    std::string verdict = "needs_data";
    std::vector<std::string> reasons;
    double score = 0.0;  // over the building score rules that ran
    int scoreRules = 0;
};

BuildingCheck checkBuilding(const RuleSet& rs, const std::vector<EvaluatedRule>& results);

// Whether the route `vr` lets renovation fix rule `r` when it fails: its key
// is among the route's renovable rules and it belongs to one of the route's
// renovate groups (the classifier, checkBuilding and the friction estimate
// all ask this).
bool renovationMayFix(const VerdictRule& vr, const EvaluatedRule& r);

}  // namespace vgscan
