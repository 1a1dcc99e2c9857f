#pragma once
#include "rules/Rule.h"

namespace vgscan {

// Counts resident places: bedrooms in the plan; without a plan (or with a plan
// without bedrooms), the site's `places` attribute. Small scale is what VG7
// residents need.
class SiteCapacityRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
