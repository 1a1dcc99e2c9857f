#pragma once
#include "rules/Rule.h"

namespace vgscan {

// Counts resident places: bedrooms in the plan; without a plan, the site's
// `places` attribute. Small scale is what VG7 residents need.
class SiteCapacityRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
