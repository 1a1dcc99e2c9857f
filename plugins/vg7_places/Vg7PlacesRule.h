#pragma once
#include "rules/Rule.h"

namespace vgscan {

// How many VG7 places a building keeps after conversion, and the renovation
// that gives them: bedrooms with their own sanitary keep their place as they
// are; a bedroom large enough for an en-suite gets one; the remaining small
// bedrooms are joined in pairs through a shared wall or door, one place per
// pair, as many pairs as possible (maximum cardinality matching, exact); the
// places are capped per living group and per site.
class Vg7PlacesRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
