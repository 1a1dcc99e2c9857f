#pragma once
#include "rules/Rule.h"

namespace vgscan {

// The narrowest clear width of the corridors and halls: for each one, the
// diameter of the largest disc that can travel inside its polygon between its
// doors, found as the bottleneck of its medial axis (exact segment Voronoi
// diagram). The headline is the narrowest over all of them, with its place.
class CorridorWidthRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
