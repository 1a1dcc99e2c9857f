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

}  // namespace vgscan
