#pragma once
#include "rules/Rule.h"

namespace vgscan {

// How far the nearest GP who takes Wlz clients is, by road: VG7 residents
// need a GP who comes quickly and knows them. Travel is measured along the
// road network (oneway respected) with the context index's cached
// multi-source search; without roads it is estimated.
class GpAccessRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
