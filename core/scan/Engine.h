#pragma once
// Runs a rule set on buildings and sites: load → validate → derive → rules →
// classification. Each rule runs in isolation: a rule that cannot be created
// or throws yields `unknown` with the error, for that rule and building only.
#include "classify/Classifier.h"
#include "classify/Friction.h"
#include "classify/Sensitivity.h"
#include "io/InputError.h"
#include "model/Model.h"
#include "ruleset/RuleSet.h"
#include "scan/Budget.h"

#include <memory>
#include <string>
#include <vector>

namespace vgscan {

class RuleRegistry;
class Rule;
class ContextIndex;

struct BuildingAssessment {
    std::string building;
    std::string source;
    std::vector<EvaluatedRule> results;
    BuildingCheck classification;  // building rules only: never a site verdict
    std::vector<InputIssue> warnings;
};

struct SiteAssessment {
    const Site* site = nullptr;
    bool failed = false;            // input problems kept it from being assessed
    std::vector<InputIssue> issues;  // errors (when failed) and warnings
    std::vector<EvaluatedRule> results;
    Classification classification;
    int bedrooms = -1;  // from the plan, -1 without one
    std::shared_ptr<const FloorPlan> plan;  // kept for the reports; null without one
    FrictionEstimate friction;              // for fits_vg7, convert_vg7 and cluster
    Sensitivity sensitivity;                // of the verdict to the assumed thresholds (scan only)
    int placesForCosts() const {            // bedrooms in the plan, else the site's places
        return bedrooms > 0 ? bedrooms : site && site->places ? *site->places : 0;
    }
};

inline CostOptions costOptions(const RuleSet& rs, const SiteAssessment& a) {
    return costOptions(rs, a.classification.verdict, a.placesForCosts(), a.results);
}

class Engine {
public:
    Engine(const RuleRegistry& registry, const RuleSet& ruleset);
    ~Engine();

    // The architect's check: building-scope rules only, no site context.
    BuildingAssessment check(const FloorPlan& plan) const;
    // One site of a portfolio: its plan (if any) is loaded here; a broken plan,
    // or a site that overruns its budget, marks the site failed with the
    // reasons, and never throws.
    SiteAssessment scan(const Site& site, const Context& context, const SiteBudget& budget = {}) const;
    // The same, with the context's index built once by the caller for all
    // sites. Safe to call from several threads at once (rules are const, the
    // index is shared read-only). `order` only changes which rule runs
    // first, never the results (they stay in rule-set order).
    enum class RuleOrder { RuleSet, Reversed };
    SiteAssessment scan(const Site& site, const ContextIndex& index, const SiteBudget& budget = {},
                        RuleOrder order = RuleOrder::RuleSet) const;

    const RuleSet& ruleset() const { return ruleset_; }

private:
    std::vector<EvaluatedRule> run(const FloorPlan* plan, const Site* site, const ContextIndex* index,
                                   bool siteRules, RuleOrder order = RuleOrder::RuleSet) const;

    struct Prepared;
    const RuleRegistry& registry_;
    const RuleSet& ruleset_;
    std::vector<std::unique_ptr<Prepared>> prepared_;
};

}  // namespace vgscan
