#pragma once
#include "rules/Rule.h"

namespace vgscan {

// Which bedrooms are self-contained studios: own sanitary (bathroom, or wc +
// shower) and own kitchenette (a kitchen), each reached from the bedroom
// (directly or through spaces of the same kind) and opening onto nothing else.
class SelfContainedUnitsRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
