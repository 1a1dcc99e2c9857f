#pragma once
#include "rules/Rule.h"

namespace vgscan {

// How far the nearest AVG (arts verstandelijk gehandicapten) / treatment base
// and the nearest crisis service are by road: VG7 care leans on both, and in
// a crisis on their coming quickly. Same travel engine as gp_access.
class AvgAccessRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
