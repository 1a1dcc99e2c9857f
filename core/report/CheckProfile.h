#pragma once
// What `vgscan check` judges a plan by. A rule set's first route is its
// profile (vg7: fits_vg7); the check's building verdict counts the gates of
// that route's required and renovation groups (classify: checkBuilding).
// A gate that counts only for other routes (self-contained units for
// ambulant living) is reported, but it is no failed gate of this check.
#include "ruleset/RuleSet.h"

#include <map>
#include <string>

namespace vgscan {

// Gates that do not count for the check's verdict: rule-set key -> the routes
// they count for ("ambulant, keep"; "no route" when none).
std::map<std::string, std::string> gatesOutsideProfile(const RuleSet& rs);

}  // namespace vgscan
