#include "classify/Friction.h"

#include "rules/RuleKit.h"

#include <algorithm>

namespace vgscan {

namespace {

std::optional<double> param(const FrictionParams& f, const std::string& name) {
    auto it = f.amounts.find(name);
    return it == f.amounts.end() ? std::nullopt : it->second;
}

}  // namespace

CostOptions costOptions(const RuleSet& rs, Verdict verdict, int places, const std::vector<EvaluatedRule>& results) {
    CostOptions c;
    if (verdict != Verdict::FitsVG7 && verdict != Verdict::ConvertToVG7 && verdict != Verdict::Cluster) return c;
    c.applies = true;
    c.places = places;
    c.renovation = estimateFriction(rs, Verdict::ConvertToVG7, places, results);
    c.newBuild = estimateFriction(rs, Verdict::Cluster, places, results);
    return c;
}

FrictionEstimate estimateFriction(const RuleSet& rs, Verdict verdict, int places,
                                  const std::vector<EvaluatedRule>& results) {
    FrictionEstimate e;
    if (verdict != Verdict::FitsVG7 && verdict != Verdict::ConvertToVG7 && verdict != Verdict::Cluster) return e;
    e.applies = true;
    const FrictionParams& f = rs.friction;
    e.currency = f.currency;
    const double n = places;
    auto add = [&](const std::string& name, std::optional<double> amount, const std::string& basis,
                   const std::vector<std::string>& needs) {
        for (const auto& p : needs)
            if (!param(f, p)) e.missing.push_back(p);
        e.parts.push_back({name, amount, basis});
    };
    auto times = [&](const std::vector<std::string>& names, double factor) -> std::optional<double> {
        double v = factor;
        for (const auto& p : names) {
            auto x = param(f, p);
            if (!x) return std::nullopt;
            v *= *x;
        }
        return v;
    };
    add("vacancy", times({"vacancy_months", "revenue_per_place_month"}, n),
        "vacancy_months × revenue_per_place_month × " + kit::fmt(n, 0) + " places",
        {"vacancy_months", "revenue_per_place_month"});
    add("rehousing", times({"rehousing_per_resident"}, n), "rehousing_per_resident × " + kit::fmt(n, 0) + " residents",
        {"rehousing_per_resident"});
    add("team start-up", param(f, "team_startup"), "team_startup", {"team_startup"});
    add("retraining", param(f, "retraining"), "retraining", {"retraining"});
    add("absence premium", param(f, "absence_premium"), "absence_premium", {"absence_premium"});
    if (verdict == Verdict::ConvertToVG7) {
        // Renovation: what the conversion route fixes, as the classifier's
        // renovation list has it: a failed gate the route lets renovation fix
        // (en-suites, fewer places), and every building score rule that fails
        // or warns. Not a site rule (the location's, no builder fixes it), not
        // a gate of another route (self-contained studios for ambulant living,
        // a back-up site's size), nor one renovation cannot fix (sight lines).
        const auto route = std::find_if(rs.verdicts.begin(), rs.verdicts.end(),
                                        [](const VerdictRule& v) { return v.verdict == Verdict::ConvertToVG7; });
        auto renovable = [&](const EvaluatedRule& r) {
            if (r.entry->severity == Severity::Score) return true;
            return route != rs.verdicts.end() && r.result.status == Status::Fail && renovationMayFix(*route, r);
        };
        for (const auto& r : results) {
            if (!r.inScope || r.scope == "site" || (r.result.status != Status::Fail && r.result.status != Status::Warn) ||
                !renovable(r))
                continue;
            auto it = f.renovation.find(r.entry->key);
            std::optional<double> amount = it == f.renovation.end() ? std::nullopt : it->second;
            if (!amount) e.missing.push_back("renovation." + r.entry->key);
            e.parts.push_back({"renovation: " + r.entry->key, amount, "renovation cost for " + r.entry->key});
        }
    } else if (verdict == Verdict::Cluster) {
        add("new build", times({"new_build_per_place"}, n), "new_build_per_place × " + kit::fmt(n, 0) + " places",
            {"new_build_per_place"});
    }
    {
        const auto team = param(f, "team_lead_time_months");
        const char* works = verdict == Verdict::ConvertToVG7 ? "renovation_months"
                            : verdict == Verdict::Cluster    ? "new_build_months"
                                                             : nullptr;
        const std::optional<double> build = works ? param(f, works) : std::optional<double>(0.0);
        if (team && build) e.monthsToOpening = std::max(*team, *build);
        e.timeBasis = works ? "the longer of team_lead_time_months and " + std::string(works) : "team_lead_time_months";
    }
    if (e.missing.empty()) {
        double t = 0;
        for (const auto& p : e.parts) t += *p.amount;
        e.total = t;
    }
    return e;
}

}  // namespace vgscan
