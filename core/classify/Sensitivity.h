#pragma once
// How much a verdict rests on the thresholds nobody can source: every
// rule-set threshold whose source is an assumption is set 20 % lower and 20 %
// higher, one at a time, and all of them are drawn together at random within
// ±20 % (seeded, the same answer every run). The verdict is worked out again
// from the figures the rules stored, never by re-running the geometry: a rule
// takes part when its plugin declares which parameters bound its headline
// figure (rule.json "bound") and re-deriving its status from them gives the
// status it reported.
#include "classify/Classifier.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vgscan {

class RuleRegistry;

struct ThresholdFlip {
    std::string rule;       // rule-set key, or "classification"
    std::string parameter;  // e.g. max_distance_m, or "min_score (fits_vg7)"
    double from = 0;
    double to = 0;
    Verdict verdict = Verdict::NeedsData;  // the verdict at `to`
};

struct Sensitivity {
    bool computed = false;
    bool stable = true;      // no single ±20 % flips it and every sample keeps it
    double shareSame = 1.0;  // share of the joint samples that keep the verdict
    int samples = 0;
    int thresholds = 0;      // assumed thresholds varied for this site
    std::vector<ThresholdFlip> flips;
};

class SensitivityModel {
public:
    // Collects the rule set's assumed thresholds the plugins declare as bounds.
    SensitivityModel(const RuleSet& rs, const RuleRegistry& registry, double spread = 0.2, int samples = 200);
    ~SensitivityModel();

    // `results` and `base` as the scan left them; `seed` with the site id
    // makes the draws. Cheap: classification only.
    Sensitivity assess(const std::vector<EvaluatedRule>& results, const Classification& base,
                       const std::string& siteId, std::uint64_t seed = 13) const;

    // How many assumed thresholds the model can vary (rules and min_score).
    std::size_t thresholds() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vgscan
