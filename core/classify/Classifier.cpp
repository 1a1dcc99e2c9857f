#include "classify/Classifier.h"

#include "rules/RuleKit.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace vgscan {

namespace {
constexpr std::array<std::pair<const char*, Verdict>, 7> kVerdicts{{
    {"fits_vg7", Verdict::FitsVG7},
    {"convert_vg7", Verdict::ConvertToVG7},
    {"cluster", Verdict::Cluster},
    {"keep", Verdict::Keep},
    {"ambulant", Verdict::Ambulant},
    {"dispose", Verdict::Dispose},
    {"needs_data", Verdict::NeedsData},
}};

// "individual_sanitary fail: 25 % (needs >= 100)"
std::string describe(const EvaluatedRule& r) {
    std::string s = r.entry->key + " " + toString(r.result.status);
    if (r.result.value) s += ": " + kit::fmt(*r.result.value, 1) + (r.result.unit.empty() ? "" : " " + r.result.unit);
    if (!r.result.threshold.empty()) s += " (needs " + r.result.threshold + ")";
    if (!r.error.empty()) s += ": " + r.error;
    else if (r.result.status == Status::Unknown && !r.result.summary.empty()) s += ": " + r.result.summary;
    return s;
}

enum class GroupState { Pass, Fail, Unknown, Unassessed };

}  // namespace

const char* toString(Verdict v) {
    for (const auto& [word, verdict] : kVerdicts)
        if (verdict == v) return word;
    return "needs_data";
}

std::optional<Verdict> parseVerdict(const std::string& s) {
    for (const auto& [word, verdict] : kVerdicts)
        if (s == word) return verdict;
    return std::nullopt;
}

// Score: pass 1, warn 0.5, fail 0, weighted; unknown and na do not count.
static void addScore(const std::vector<EvaluatedRule>& results, Classification& c) {
    double num = 0, den = 0;
    for (const auto& r : results) {
        if (!r.inScope || r.entry->severity != Severity::Score) continue;
        double v;
        switch (r.result.status) {
            case Status::Pass: v = 1.0; break;
            case Status::Warn: v = 0.5; break;
            case Status::Fail: v = 0.0; break;
            default: continue;
        }
        num += v * r.entry->weight;
        den += r.entry->weight;
        ++c.scoreRules;
    }
    c.score = den > 0 ? 100.0 * num / den : 0.0;
}

Classification classify(const RuleSet& rs, const std::vector<EvaluatedRule>& results, std::optional<bool> inCluster) {
    Classification c;
    c.inCluster = inCluster;

    addScore(results, c);

    // Gate results per decision group.
    std::map<std::string, std::vector<const EvaluatedRule*>> byGroup;
    for (const auto& r : results)
        if (r.inScope && r.entry->severity == Severity::Gate)
            for (const auto& g : r.entry->groups) byGroup[g].push_back(&r);

    auto stateOf = [&](const std::string& group) {
        auto it = byGroup.find(group);
        if (it == byGroup.end() || it->second.empty()) return GroupState::Unassessed;
        bool unknown = false;
        for (const auto* r : it->second) {
            if (r->result.status == Status::Fail) return GroupState::Fail;
            if (r->result.status == Status::Unknown) unknown = true;
        }
        return unknown ? GroupState::Unknown : GroupState::Pass;
    };
    auto contains = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    // Building score rules that fail or warn: what a renovation would improve.
    auto buildingScoreToFix = [&](std::vector<std::string>& keys, std::vector<std::string>& lines,
                                  const std::string& prefix) {
        for (const auto& r : results)
            if (r.inScope && r.scope == "building" && r.entry->severity == Severity::Score &&
                (r.result.status == Status::Fail || r.result.status == Status::Warn)) {
                keys.push_back(r.entry->key);
                lines.push_back(prefix + describe(r));
            }
    };

    auto noScore = [](Classification& x) {
        // An undecided site has no score: a figure over the rules that did run
        // would rank it beside the best.
        x.score = 0;
        x.scoreRules = 0;
    };

    // Why each route is ruled out. Two routes to the same verdict that fail on
    // the same gate (vg7.json's ambulant routes share ambulant_care) say it once.
    std::vector<std::string> ruledOut;
    auto ruleOut = [&](std::string line) {
        if (!contains(ruledOut, line)) ruledOut.push_back(std::move(line));
    };
    for (size_t vi = 0; vi < rs.verdicts.size(); ++vi) {
        const VerdictRule& vr = rs.verdicts[vi];
        const std::string name = toString(vr.verdict);
        std::vector<std::string> failed, unknown, warned, unassessed, renovate, renovateKeys;
        int assessed = 0;
        auto collect = [&](const std::string& g, bool renovable) {
            GroupState st = stateOf(g);
            if (st == GroupState::Unassessed) {
                unassessed.push_back(g);
                return;
            }
            ++assessed;
            for (const auto* r : byGroup[g]) {
                if (r->result.status == Status::Fail) {
                    if (renovable && renovationMayFix(vr, *r)) {
                        if (!contains(renovateKeys, r->entry->key)) {
                            renovateKeys.push_back(r->entry->key);
                            renovate.push_back("renovation must fix: " + describe(*r));
                        }
                    } else {
                        failed.push_back(describe(*r) + (renovable ? " (renovation cannot fix it)" : ""));
                    }
                } else if (r->result.status == Status::Unknown) {
                    unknown.push_back(describe(*r));
                } else if (r->result.status == Status::Warn) {
                    warned.push_back(describe(*r));
                }
            }
        };
        for (const auto& g : vr.requiredGroups) collect(g, false);
        for (const auto& g : vr.renovateGroups) collect(g, true);
        // Only in a building-only check can a group be unassessed (its rules are
        // site rules); a verdict that rests on such groups alone is not offered.
        if (assessed == 0 && vr.anyGroups.empty()) continue;
        if (!failed.empty()) {
            for (const auto& f : failed) ruleOut("not " + name + ": " + f);
            continue;
        }
        // requires_any: one passing alternative is enough.
        bool anyPass = vr.anyGroups.empty(), anyUnknown = false, anyPending = false;
        std::vector<std::string> anyFailed;
        for (const auto& g : vr.anyGroups) {
            if (g == kInCluster) {
                if (inCluster && *inCluster) anyPass = true;
                else if (!inCluster) anyPending = true;
                else anyFailed.push_back("in no cluster of VG7 sites");
                continue;
            }
            switch (stateOf(g)) {
                case GroupState::Pass: anyPass = true; break;
                case GroupState::Unknown:
                    anyUnknown = true;
                    for (const auto* r : byGroup[g])
                        if (r->result.status == Status::Unknown) anyFailed.push_back(describe(*r));
                    break;
                case GroupState::Fail:
                    for (const auto* r : byGroup[g])
                        if (r->result.status == Status::Fail) anyFailed.push_back(describe(*r));
                    break;
                case GroupState::Unassessed: anyFailed.push_back(g + " not assessed"); break;
            }
        }
        // A score condition without any score figure is missing data too.
        if (vr.minScore && c.scoreRules == 0) unknown.push_back("no score rule has a figure");
        if (!unknown.empty() || (!anyPass && anyUnknown && !anyPending)) {
            c.verdict = Verdict::NeedsData;
            noScore(c);
            for (const auto& u : unknown) c.reasons.push_back(name + " cannot be decided: " + u);
            if (unknown.empty())
                for (const auto& u : anyFailed) c.reasons.push_back(name + " cannot be decided: " + u);
            c.reasons.insert(c.reasons.end(), ruledOut.begin(), ruledOut.end());
            return c;
        }
        std::string scoreNote;
        if (vr.minScore) {
            const std::string need = "score " + kit::fmt(c.score, 1) + " % (needs >= " + kit::fmt(*vr.minScore, 1) + " %)";
            if (c.score < *vr.minScore) {
                ruleOut("not " + name + ": " + need);
                continue;
            }
            scoreNote = name + ": " + need;
        }
        if (!anyPass) {
            std::string why;
            for (const auto& f : anyFailed) why += (why.empty() ? "" : "; ") + f;
            if (anyPending && !c.ifClustered) {
                c.ifClustered = vr.verdict;
                ruleOut("not " + name + " on its own: clustering is not possible (" + why +
                                   "); it would be, in a cluster with nearby VG7 sites");
            } else {
                ruleOut("not " + name + ": clustering is not possible (" + why + ")");
            }
            continue;
        }
        c.verdict = vr.verdict;
        c.route = static_cast<int>(vi);
        c.reasons.push_back(vr.explain.empty() ? name + ": all gates pass" : vr.explain);
        if (!scoreNote.empty()) c.reasons.push_back(scoreNote);
        if (inCluster && *inCluster && contains(vr.anyGroups, kInCluster))
            c.reasons.push_back(name + ": the site is in a cluster of VG7 sites");
        for (const auto& w : warned) c.reasons.push_back("warning: " + w);
        c.renovation = renovateKeys;
        c.reasons.insert(c.reasons.end(), renovate.begin(), renovate.end());
        if (vr.verdict == Verdict::ConvertToVG7 || vr.verdict == Verdict::FitsVG7) {
            std::vector<std::string> lines;
            buildingScoreToFix(c.renovation, lines,
                               vr.verdict == Verdict::ConvertToVG7 ? "renovation should improve: " : "could improve: ");
            c.reasons.insert(c.reasons.end(), lines.begin(), lines.end());
        }
        for (const auto& u : unassessed) c.reasons.push_back("not assessed here: " + u);
        c.reasons.insert(c.reasons.end(), ruledOut.begin(), ruledOut.end());
        if (c.verdict == Verdict::NeedsData) noScore(c);
        return c;
    }
    c.verdict = rs.otherwise;
    c.reasons.push_back(rs.otherwiseExplain.empty() ? std::string("no verdict's gates all pass") : rs.otherwiseExplain);
    c.reasons.insert(c.reasons.end(), ruledOut.begin(), ruledOut.end());
    if (c.verdict == Verdict::NeedsData) noScore(c);
    return c;
}

Verdict classifyVerdict(const RuleSet& rs, const std::vector<EvaluatedRule>& results, std::optional<bool> inCluster) {
    return VerdictDecider(rs, results).decide(results, inCluster);
}

VerdictDecider::VerdictDecider(const RuleSet& rs, const std::vector<EvaluatedRule>& results) : rs_(rs) {
    auto inGroup = [](const EvaluatedRule& r, const std::string& g) {
        return r.inScope && r.entry->severity == Severity::Gate &&
               std::find(r.entry->groups.begin(), r.entry->groups.end(), g) != r.entry->groups.end();
    };
    auto group = [&](const std::string& g, bool renovable, const VerdictRule& vr) {
        Group out;
        out.inCluster = g == kInCluster;
        for (std::size_t i = 0; i < results.size(); ++i) {
            if (!inGroup(results[i], g)) continue;
            out.members.push_back(i);
            out.renovable.push_back(renovable && std::find(vr.renovable.begin(), vr.renovable.end(),
                                                           results[i].entry->key) != vr.renovable.end());
        }
        return out;
    };
    for (const VerdictRule& vr : rs.verdicts) {
        Route route;
        for (const auto& g : vr.requiredGroups) route.gates.push_back(group(g, false, vr));
        for (const auto& g : vr.renovateGroups) route.gates.push_back(group(g, true, vr));
        for (const auto& g : vr.anyGroups) route.any.push_back(group(g, false, vr));
        routes_.push_back(std::move(route));
    }
    for (std::size_t i = 0; i < results.size(); ++i)
        if (results[i].inScope && results[i].entry->severity == Severity::Score)
            scoreRules_.emplace_back(i, results[i].entry->weight);
}

Verdict VerdictDecider::decide(const std::vector<EvaluatedRule>& results, std::optional<bool> inCluster,
                               const std::vector<std::optional<double>>* minScores) const {
    // addScore's sums, in its order.
    double num = 0, den = 0;
    int scoreRules = 0;
    for (const auto& [i, weight] : scoreRules_) {
        double v;
        switch (results[i].result.status) {
            case Status::Pass: v = 1.0; break;
            case Status::Warn: v = 0.5; break;
            case Status::Fail: v = 0.0; break;
            default: continue;
        }
        num += v * weight;
        den += weight;
        ++scoreRules;
    }
    const double score = den > 0 ? 100.0 * num / den : 0.0;
    // As classify's stateOf: any fail, else any unknown, else pass; no rule: unassessed.
    auto stateOf = [&](const Group& g) {
        if (g.members.empty()) return GroupState::Unassessed;
        bool unknown = false;
        for (std::size_t i : g.members) {
            if (results[i].result.status == Status::Fail) return GroupState::Fail;
            if (results[i].result.status == Status::Unknown) unknown = true;
        }
        return unknown ? GroupState::Unknown : GroupState::Pass;
    };
    for (std::size_t k = 0; k < routes_.size(); ++k) {
        const VerdictRule& vr = rs_.verdicts[k];
        const Route& route = routes_[k];
        const std::optional<double> minScore = minScores ? (*minScores)[k] : vr.minScore;
        bool failed = false, unknown = false;
        int assessed = 0;
        for (const Group& g : route.gates) {
            const GroupState st = stateOf(g);
            if (st == GroupState::Unassessed) continue;
            ++assessed;
            if (st == GroupState::Unknown) unknown = true;
            if (st != GroupState::Fail) continue;
            for (std::size_t m = 0; m < g.members.size(); ++m) {
                const Status status = results[g.members[m]].result.status;
                if (status == Status::Fail && !g.renovable[m]) failed = true;
                else if (status == Status::Unknown) unknown = true;
            }
        }
        if (assessed == 0 && route.any.empty()) continue;
        if (failed) continue;
        bool anyPass = route.any.empty(), anyUnknown = false, anyPending = false;
        for (const Group& g : route.any) {
            if (g.inCluster) {
                if (inCluster && *inCluster) anyPass = true;
                else if (!inCluster) anyPending = true;
                continue;
            }
            const GroupState st = stateOf(g);
            if (st == GroupState::Pass) anyPass = true;
            else if (st == GroupState::Unknown) anyUnknown = true;
        }
        if (minScore && scoreRules == 0) unknown = true;
        if (unknown || (!anyPass && anyUnknown && !anyPending)) return Verdict::NeedsData;
        if (minScore && score < *minScore) continue;
        if (!anyPass) continue;
        return vr.verdict;
    }
    return rs_.otherwise;
}

bool renovationMayFix(const VerdictRule& vr, const EvaluatedRule& r) {
    if (std::find(vr.renovable.begin(), vr.renovable.end(), r.entry->key) == vr.renovable.end()) return false;
    return std::any_of(r.entry->groups.begin(), r.entry->groups.end(), [&](const std::string& g) {
        return std::find(vr.renovateGroups.begin(), vr.renovateGroups.end(), g) != vr.renovateGroups.end();
    });
}

BuildingCheck checkBuilding(const RuleSet& rs, const std::vector<EvaluatedRule>& results) {
    BuildingCheck b;
    Classification scored;
    addScore(results, scored);
    b.score = scored.score;
    b.scoreRules = scored.scoreRules;
    // What the building gates say for one route, best first: passes (0), no
    // building gate (1), passes after renovation (2), cannot be decided (3),
    // fails (4).
    struct RouteCheck {
        std::vector<std::string> failed, unknown, renovate;
        int gates = 0;
        int rank() const {
            return !failed.empty() ? 4 : !unknown.empty() ? 3 : !renovate.empty() ? 2 : gates == 0 ? 1 : 0;
        }
    };
    // A verdict reached by several routes (vg7.json's two ambulant routes) is
    // one line: the building is fit for the verdict when one route passes, and
    // two lines "for ambulant" that pass and fail contradict each other.
    std::vector<std::pair<std::string, RouteCheck>> byVerdict;
    for (const auto& vr : rs.verdicts) {
        RouteCheck route;
        for (const auto& r : results) {
            if (!r.inScope || r.entry->severity != Severity::Gate) continue;
            bool counts = false;
            for (const auto& g : r.entry->groups) {
                for (const auto& need : vr.requiredGroups) counts = counts || g == need;
                for (const auto& need : vr.renovateGroups) counts = counts || g == need;
            }
            if (!counts) continue;
            const bool renovable = renovationMayFix(vr, r);
            ++route.gates;
            if (r.result.status == Status::Fail) (renovable ? route.renovate : route.failed).push_back(describe(r));
            else if (r.result.status == Status::Unknown) route.unknown.push_back(describe(r));
        }
        const std::string name = toString(vr.verdict);
        auto same = std::find_if(byVerdict.begin(), byVerdict.end(), [&](const auto& v) { return v.first == name; });
        if (same == byVerdict.end()) {
            byVerdict.emplace_back(name, std::move(route));
        } else if (route.rank() < same->second.rank()) {
            same->second = std::move(route);
        } else if (route.rank() == 4 && same->second.rank() == 4) {
            // every route fails: each failed gate, said once
            for (auto& f : route.failed)
                if (std::find(same->second.failed.begin(), same->second.failed.end(), f) == same->second.failed.end())
                    same->second.failed.push_back(std::move(f));
        }
    }
    bool first = true;
    for (const auto& [name, route] : byVerdict) {
        const auto& [failed, unknown, renovate, gates] = route;
        std::string line;
        if (gates == 0) line = "for " + name + ": no building gate (it rests on site rules alone)";
        else if (!failed.empty()) line = "for " + name + ", the building fails: " + failed.front();
        else if (!unknown.empty()) line = "for " + name + ", the building cannot be decided: " + unknown.front();
        else if (!renovate.empty()) line = "for " + name + ", the building passes after renovation of: " + renovate.front();
        else line = "for " + name + ", the building passes its " + std::to_string(gates) + " building gate(s)";
        for (size_t i = 1; i < failed.size(); ++i) line += "; " + failed[i];
        if (failed.empty() && unknown.empty())
            for (size_t i = 1; i < renovate.size(); ++i) line += "; " + renovate[i];
        b.reasons.push_back(line);
        if (first) {
            b.verdict = gates == 0 || !unknown.empty() ? "needs_data" : !failed.empty() ? "building_fail" : "building_pass";
            if (!failed.empty()) b.verdict = "building_fail";
            first = false;
        }
    }
    std::string skipped;
    for (const auto& r : results)
        if (!r.inScope) skipped += (skipped.empty() ? "" : ", ") + r.entry->key;
    b.reasons.push_back("site rules not assessed" + (skipped.empty() ? std::string() : " (" + skipped + ")") +
                        ": a plan alone gives no site verdict; scan the site in a portfolio for one");
    return b;
}

}  // namespace vgscan
