#pragma once
#include "rules/Rule.h"

namespace vgscan {

// The other side of the buffer rule: VG7 sites lie "aan de rand van de
// maatschappij", yet "Tegelijk zijn voorzieningen niet te ver weg" ([000]).
// Travel from the site to the nearest shop, stop and day-activity centre.
class AmenitiesWithinReachRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
