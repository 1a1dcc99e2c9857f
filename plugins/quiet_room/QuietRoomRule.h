#pragma once
#include "rules/Rule.h"

namespace vgscan {

// For every living group with bedrooms: is there a `quiet` room that can be
// reached from the group's living room without passing through a bedroom, is
// at least min_area_m2, and (by default) shares no wall with the living room?
class QuietRoomRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
