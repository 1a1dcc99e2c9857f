#pragma once
#include "rules/Rule.h"

namespace vgscan {

// How many bedrooms the largest living group has. A living group is the set of
// spaces with the same `group`; a plan without any group is one group, and
// bedrooms without a group in a plan that has groups form "(no group)".
class GroupSizeRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
