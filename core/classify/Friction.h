#pragma once
// Friction costs of converting a site to VG7 or building a VG7 cluster: the
// parts the field research names ([000]: temporary vacancy, rehousing, extra
// staff at start-up, retraining, higher absence; plus renovation of what the
// conversion fixes: the route's renovable gates that fail and the building
// score rules that fail or warn). The sources give no amounts, so every amount is the user's
// parameter in the rule set; a missing one is reported, never invented.
#include "classify/Classifier.h"

#include <optional>
#include <string>
#include <vector>

namespace vgscan {

struct FrictionPart {
    std::string name;
    std::optional<double> amount;  // nullopt: the rule set gives no figure for it
    std::string basis;             // how it was computed, for people
};

struct FrictionEstimate {
    bool applies = false;  // only for fits_vg7, convert_vg7 and cluster
    std::string currency;
    std::vector<FrictionPart> parts;
    std::optional<double> total;       // only when every part has an amount
    std::vector<std::string> missing;  // parameters to give for a total
    // Months before the first residents can move in: the longer of the works
    // and the team's build-up ([000] "teams moeten ruim voorafgaand aan opening
    // worden samengesteld, ingewerkt en getraind"); nullopt when either is not given.
    std::optional<double> monthsToOpening;
    std::string timeBasis;
};

FrictionEstimate estimateFriction(const RuleSet& rs, Verdict verdict, int places,
                                  const std::vector<EvaluatedRule>& results);

// Renovation beside new build for one site on a VG7 route (fits_vg7,
// convert_vg7, cluster): what converting this building would cost and take,
// and what building new for the same places would.
struct CostOptions {
    bool applies = false;
    int places = 0;
    FrictionEstimate renovation;  // as convert_vg7
    FrictionEstimate newBuild;    // as cluster
};
CostOptions costOptions(const RuleSet& rs, Verdict verdict, int places, const std::vector<EvaluatedRule>& results);

}  // namespace vgscan
