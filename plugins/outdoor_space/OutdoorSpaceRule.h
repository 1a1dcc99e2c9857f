#pragma once
#include "rules/Rule.h"

namespace vgscan {

// For every living group with bedrooms: the enclosed `outdoor` spaces it can
// step into directly (a door or passage from one of the group's non-bedroom
// spaces, then on through further outdoor spaces), and their area per
// resident, an outdoor space shared by several groups being split over all
// their residents.
class OutdoorSpaceRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
