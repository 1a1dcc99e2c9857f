#pragma once
#include "rules/Rule.h"

namespace vgscan {

// How far the site keeps from its neighbours' homes, and how many homes
// surround it: VG7 residents need a calm place with "voldoende afstand tot
// prikkelrijke of drukke woongebieden" ([000]). Homes are the dwellings layer
// (BAG verblijfsobjecten with a woonfunctie); those on the site's own plot
// are its own and do not count.
class NeighbourDistanceRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
