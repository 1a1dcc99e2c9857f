#include "report/CheckProfile.h"

#include <algorithm>
#include <vector>

namespace vgscan {

std::map<std::string, std::string> gatesOutsideProfile(const RuleSet& rs) {
    std::map<std::string, std::string> out;
    if (rs.verdicts.empty()) return out;
    auto has = [](const std::vector<std::string>& v, const std::string& g) {
        return std::find(v.begin(), v.end(), g) != v.end();
    };
    auto countsFor = [&](const RuleEntry& e, const VerdictRule& vr, bool any) {
        for (const auto& g : e.groups)
            if (has(vr.requiredGroups, g) || has(vr.renovateGroups, g) || (any && has(vr.anyGroups, g))) return true;
        return false;
    };
    for (const auto& e : rs.rules) {
        if (e.severity != Severity::Gate || countsFor(e, rs.verdicts.front(), false)) continue;
        std::vector<std::string> routes;
        for (const auto& vr : rs.verdicts)
            if (countsFor(e, vr, true) && std::find(routes.begin(), routes.end(), toString(vr.verdict)) == routes.end())
                routes.push_back(toString(vr.verdict));
        std::string list;
        for (std::size_t i = 0; i < routes.size(); ++i) list += (i ? ", " : "") + routes[i];
        out[e.key] = list.empty() ? "no route" : list;
    }
    return out;
}

}  // namespace vgscan
