#pragma once
#include "rules/Rule.h"

namespace vgscan {

// Room on the site for one more group: the free buildable area (the plot less
// a setback from its boundary, less the existing buildings grown by a
// clearance) and whether a module rectangle fits on it in some orientation.
class ExpansionRoomRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
