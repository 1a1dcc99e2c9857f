#include "select/ScanSelection.h"

#include "derive/ContextIndex.h"
#include "select/PortfolioCosts.h"
#include "select/Selection.h"
#include "rules/RuleKit.h"  // QT_TRANSLATE_NOOP: the costs are shown to people
#include "ruleset/RuleSet.h"

#include <QJsonArray>

#include <algorithm>

namespace vgscan {

std::string verdictsInWords(const std::vector<std::string>& verdicts) {
    std::string out;
    for (std::size_t i = 0; i < verdicts.size(); ++i)
        out += (i == 0 ? "" : i + 1 == verdicts.size() ? " or " : ", ") + verdicts[i];
    return out;
}

std::string verdictsInWords(const std::vector<Verdict>& verdicts) {
    std::vector<std::string> names;
    for (Verdict v : verdicts) names.push_back(toString(v));
    return verdictsInWords(names);
}

ScanSelection selectForScan(const Portfolio& p, const std::vector<SiteAssessment>& sites, const ContextIndex& index,
                            int k) {
    ScanSelection out;
    // The cluster sites as the rule set's clusters block defines them by default.
    const std::vector<Verdict> verdicts = ClusterParams{}.verdicts;
    const std::vector<select::PortfolioCandidate> candidates = select::candidatesFromScan(sites, verdicts);
    std::vector<select::PlacePoint> demand = select::demandFromLayer(p.context);
    demand.erase(std::remove_if(demand.begin(), demand.end(), [](const auto& d) { return !(d.weight > 0); }),
                 demand.end());
    out.candidates = static_cast<int>(candidates.size());
    out.demandPoints = static_cast<int>(demand.size());
    if (candidates.empty()) {
        out.why = "no site is classified " + verdictsInWords(verdicts);
        return out;
    }
    if (demand.empty()) {
        out.why = p.context.hasDemand ? "the demand layer has no points with weight > 0"
                                      : "the portfolio has no demand layer";
        return out;
    }
    select::Problem problem;
    problem.k = std::min<int>(k, static_cast<int>(candidates.size()));
    problem.objective = select::Objective::Median;
    problem.runnersUp = 3;
    const select::PortfolioCosts costs =
        select::portfolioCosts(candidates, demand, index, /*walking=*/false, /*detourFactor=*/1.3, false);
    select::setMatrix(problem, candidates, demand, costs);
    const select::Result r = select::solve(problem);
    out.made = true;
    out.k = r.k;
    for (int i : r.chosen) out.chosen.push_back(problem.candidates[static_cast<std::size_t>(i)]);
    for (int i : select::servingNoDemand(problem, r)) out.servesNoDemand.push_back(problem.candidates[static_cast<std::size_t>(i)]);
    out.value = r.value;
    out.meanWeightedCost = r.meanWeightedCost;
    out.optimal = r.optimal;
    out.method = r.method;
    out.estimated = costs.estimated;
    out.costs = index.hasNetwork()
                    ? std::string(QT_TRANSLATE_NOOP("rules", "metres along the roads (driving, oneway followed)")) +
                          (costs.estimated
                               ? std::string("; ") + QT_TRANSLATE_NOOP("rules", "some pairs estimated as straight line x 1.3")
                               : "")
                    : QT_TRANSLATE_NOOP("rules", "estimated: straight line x 1.3 (no roads layer)");
    for (const auto& c : r.runnersUp) {
        ScanSelection::RunnerUp ru;
        for (int i : c.sites) ru.sites.push_back(problem.candidates[static_cast<std::size_t>(i)]);
        ru.value = c.value;
        out.runnersUp.push_back(std::move(ru));
    }
    return out;
}

QJsonObject toJson(const ScanSelection& s) {
    QJsonObject o;
    o["made"] = s.made;
    if (!s.made) {
        o["why_not"] = QString::fromStdString(s.why);
        return o;
    }
    auto ids = [](const std::vector<std::string>& v) {
        QJsonArray a;
        for (const auto& x : v) a.append(QString::fromStdString(x));
        return a;
    };
    o["objective"] = "median";
    o["k"] = s.k;
    o["candidates"] = s.candidates;
    o["demand_points"] = s.demandPoints;
    o["chosen"] = ids(s.chosen);
    o["serves_no_demand"] = ids(s.servesNoDemand);
    o["objective_value"] = s.value;
    o["mean_weighted_cost_m"] = s.meanWeightedCost;
    o["optimal"] = s.optimal;
    o["method"] = QString::fromStdString(s.method);
    o["costs"] = QString::fromStdString(s.costs);
    o["estimated"] = s.estimated;
    QJsonArray runners;
    for (const auto& r : s.runnersUp) runners.append(QJsonObject{{"chosen", ids(r.sites)}, {"objective_value", r.value}});
    o["runners_up"] = runners;
    return o;
}

}  // namespace vgscan
