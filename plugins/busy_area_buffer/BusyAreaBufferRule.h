#pragma once
#include "rules/Rule.h"

namespace vgscan {

// How far the building lies from busy roads and busy places (noise, traffic,
// crowds: triggers for VG7 residents). The distance is measured from the
// footprints (the plot when there are none) to the road centre line or the
// place's point, with the context index's R-trees.
class BusyAreaBufferRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
