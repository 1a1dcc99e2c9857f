#pragma once
#include "rules/Rule.h"

namespace vgscan {

// The liveability of the site's neighbourhood (Leefbaarometer class): [000]
// says conversion to VG7 "vrijwel nooit" happens where liveability is under
// pressure. An outlying site that the Leefbaarometer leaves unscored (too few
// homes around) has no neighbourhood to be under pressure: not applicable.
class LiveabilityRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
