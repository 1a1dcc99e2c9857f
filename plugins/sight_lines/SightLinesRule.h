#pragma once
#include "rules/Rule.h"

namespace vgscan {

// What staff can see from their posts: the exact visibility polygon of every
// staff post inside its storey's walkable free space (walls block, doors and
// passages let sight through at their width), measured against the shared
// spaces of each living group and against the bedroom doors. CGAL lives in
// the .cpp only.
class SightLinesRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override;
};

}  // namespace vgscan
