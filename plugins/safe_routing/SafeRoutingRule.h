#pragma once
#include "rules/Rule.h"

namespace vgscan {

// Safe routing: (a) the longest geodesic walk from a staff post to a bedroom
// door of its group (the headline), (b) the longest dead end along corridors
// and halls, (c) two independent ways out per bedroom, (d) staff reach every
// bedroom without passing through another bedroom or a bathroom, (e) residents
// reach their own living room without crossing another group's spaces.
class SafeRoutingRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
