#pragma once
#include "rules/Rule.h"

namespace vgscan {

// Which bedrooms have their own sanitary: the sanitary spaces (bathroom, wc,
// shower) connected to the bedroom, directly or through each other, that open
// onto nothing but that bedroom, and together give a bathroom or a wc plus a
// shower.
class IndividualSanitaryRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
