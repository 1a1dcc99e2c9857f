#include "classify/Sensitivity.h"

#include "rules/RuleKit.h"
#include "rules/RuleRegistry.h"

#include <algorithm>
#include <map>

namespace vgscan {

namespace {

bool isAssumption(const std::string& source) {
    std::string s = source;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s.rfind("assumption", 0) == 0;
}

// splitmix64: the same numbers on every platform (std distributions are not).
std::uint64_t mix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
double unit(std::uint64_t& x) { return static_cast<double>(mix(x) >> 11) * (1.0 / 9007199254740992.0); }

}  // namespace

struct SensitivityModel::Impl {
    struct Limits {  // the thresholds on one figure, by role
        std::optional<double> passMax, warnMax, passMin, warnMin;
    };
    using Bounds = std::map<std::string, Limits>;  // figure name ("" = headline) -> its limits
    struct Threshold {
        std::size_t entry = 0;    // rule-set entry, or the route for min_score
        bool minScore = false;
        std::optional<double> Limits::* slot = nullptr;  // the limit it is (rules): pass_max, ...
        std::string figure;       // "" = headline
        std::string parameter;
        double value = 0;
        double cap = 1e300;  // a share cannot ask more than 100 %
    };
    // The limit a parameter's bound names: pass_max, warn_max, pass_min,
    // else warn_min.
    static std::optional<double> Limits::* limitNamed(const std::string& bound) {
        return bound == "pass_max"   ? &Limits::passMax
               : bound == "warn_max" ? &Limits::warnMax
               : bound == "pass_min" ? &Limits::passMin
                                     : &Limits::warnMin;
    }
    const RuleSet& rs;
    double spread;
    int samples;
    std::vector<std::optional<Bounds>> bounds;  // per entry; nullopt: not re-derivable
    std::vector<Threshold> thresholds;

    // `s` made worse by what one figure's limits give its value.
    static Status worseBy(Status s, double value, const Limits& b) {
        auto worse = [](Status a, Status c) { return static_cast<int>(a) > static_cast<int>(c) ? a : c; };
        if (b.passMax) s = worse(s, kit::atMost(value, *b.passMax, std::max(*b.passMax, b.warnMax.value_or(*b.passMax))));
        if (b.passMin) s = worse(s, kit::atLeast(value, *b.passMin, std::min(*b.passMin, b.warnMin.value_or(*b.passMin))));
        return s;
    }
    // The value a limit on `figure` reads: the headline for "", else the
    // last figure of that name the rule reported (nullopt: none).
    static std::optional<double> valueOf(const RuleResult& r, const std::string& figure) {
        if (figure.empty()) return r.value;
        std::optional<double> value;
        for (const auto& f : r.figures)
            if (f.name == figure) value = f.value;
        return value;
    }
    // The status the limits give the rule's figures: the worst over its
    // figures; a named figure the rule did not report (no busy road, no
    // bedroom door) bounds nothing. nullopt: the headline is missing.
    static std::optional<Status> derive(const RuleResult& r, const Bounds& bounds) {
        Status s = Status::Pass;
        for (const auto& [figure, b] : bounds) {
            const std::optional<double> value = valueOf(r, figure);
            if (!value) {
                if (figure.empty()) return std::nullopt;
                continue;
            }
            s = worseBy(s, *value, b);
        }
        return s;
    }
};

SensitivityModel::SensitivityModel(const RuleSet& rs, const RuleRegistry& registry, double spread, int samples)
    : impl_(std::make_unique<Impl>(Impl{rs, spread, samples, {}, {}})) {
    Impl& m = *impl_;
    m.bounds.resize(rs.rules.size());
    for (std::size_t i = 0; i < rs.rules.size(); ++i) {
        const RuleEntry& e = rs.rules[i];
        if (!registry.has(e.rule)) continue;
        const RuleInfo& info = registry.info(e.rule);
        Impl::Bounds b;
        bool any = false;
        for (const auto& spec : info.parameters) {
            if (spec.bound.empty()) continue;
            const QJsonValue v = e.parameters.contains(QString::fromStdString(spec.name))
                                     ? e.parameters.value(QString::fromStdString(spec.name))
                                     : spec.defaultValue;
            if (!v.isDouble()) continue;
            const double x = v.toDouble();
            const auto slot = Impl::limitNamed(spec.bound);
            b[spec.figure].*slot = x;
            any = true;
            auto src = e.sources.find(spec.name);
            const std::string& source = src != e.sources.end() ? src->second : spec.source;
            if (isAssumption(source))
                m.thresholds.push_back({i, false, slot, spec.figure, spec.name, x, spec.unit == "%" ? 100.0 : 1e300});
        }
        bool complete = any;
        for (const auto& [figure, l] : b) complete = complete && (l.passMax || l.passMin);
        if (complete) m.bounds[i] = b;
        else m.thresholds.erase(std::remove_if(m.thresholds.begin(), m.thresholds.end(),
                                               [&](const Impl::Threshold& t) { return !t.minScore && t.entry == i; }),
                                m.thresholds.end());
    }
    for (std::size_t k = 0; k < rs.verdicts.size(); ++k)
        if (rs.verdicts[k].minScore && isAssumption(rs.verdicts[k].minScoreSource))
            m.thresholds.push_back({k, true, nullptr, "", "min_score (" + std::string(toString(rs.verdicts[k].verdict)) + ")",
                                    *rs.verdicts[k].minScore, 100.0});
}

SensitivityModel::~SensitivityModel() = default;

std::size_t SensitivityModel::thresholds() const { return impl_->thresholds.size(); }

Sensitivity SensitivityModel::assess(const std::vector<EvaluatedRule>& results, const Classification& base,
                                     const std::string& siteId, std::uint64_t seed) const {
    const Impl& m = *impl_;
    Sensitivity out;
    out.computed = true;
    // Light copies: the classifier reads status, figure and texts, never the
    // findings or shapes.
    std::vector<EvaluatedRule> light;
    light.reserve(results.size());
    for (const auto& r : results) {
        EvaluatedRule c;
        c.entry = r.entry;
        c.scope = r.scope;
        c.inScope = r.inScope;
        c.error = r.error;
        c.result.status = r.result.status;
        c.result.value = r.result.value;
        c.result.unit = r.result.unit;
        c.result.threshold = r.result.threshold;
        c.result.figures = r.result.figures;
        light.push_back(std::move(c));
    }
    // Which entries can be re-derived here: a figure, a decided status, and
    // the bounds give back the status the rule reported.
    std::vector<bool> usable(results.size(), false);
    for (std::size_t i = 0; i < results.size() && i < m.bounds.size(); ++i) {
        const auto& r = results[i];
        if (!m.bounds[i] || !r.inScope) continue;
        const Status st = r.result.status;
        if (st != Status::Pass && st != Status::Warn && st != Status::Fail) continue;
        usable[i] = Impl::derive(r.result, *m.bounds[i]) == st;
    }
    std::vector<const Impl::Threshold*> varied;
    for (const auto& t : m.thresholds)
        if (t.minScore || (t.entry < usable.size() && usable[t.entry])) varied.push_back(&t);
    out.thresholds = static_cast<int>(varied.size());

    // min_score is varied here, not on a copy of the rule set.
    std::vector<std::optional<double>> minScores;
    for (const auto& vr : m.rs.verdicts) minScores.push_back(vr.minScore);
    std::vector<Impl::Bounds> bounds(m.bounds.size());
    for (std::size_t i = 0; i < m.bounds.size(); ++i)
        if (m.bounds[i]) bounds[i] = *m.bounds[i];
    // Found once per site, not at every draw (derive looks figures and
    // limits up by name): per usable entry, its figures' limits in derive's
    // order with the value each reads, and per varied threshold the limits
    // it moves. The same comparisons in the same order: the same statuses.
    struct Part {
        const Impl::Limits* limits;
        double value;
    };
    std::vector<std::vector<Part>> parts(bounds.size());
    for (std::size_t i = 0; i < bounds.size() && i < usable.size(); ++i) {
        if (!usable[i]) continue;  // a headline without a value is never usable
        for (const auto& [figure, b] : bounds[i])
            if (const std::optional<double> value = Impl::valueOf(light[i].result, figure)) parts[i].push_back({&b, *value});
    }
    std::vector<Impl::Limits*> moved(varied.size(), nullptr);
    for (std::size_t k = 0; k < varied.size(); ++k)
        if (!varied[k]->minScore) moved[k] = &bounds[varied[k]->entry][varied[k]->figure];
    auto set = [&](std::size_t k, double x) {
        const Impl::Threshold& t = *varied[k];
        x = std::min(x, t.cap);
        if (t.minScore) {
            minScores[t.entry] = x;
            return;
        }
        (*moved[k]).*(t.slot) = x;
        Status st = Status::Pass;
        for (const Part& p : parts[t.entry]) st = Impl::worseBy(st, p.value, *p.limits);
        light[t.entry].result.status = st;
    };
    // Which results make up which decision group is the same in every draw.
    const VerdictDecider decider(m.rs, light);
    auto verdictNow = [&] { return decider.decide(light, base.inCluster, &minScores); };

    for (std::size_t k = 0; k < varied.size(); ++k) {
        const auto* t = varied[k];
        for (double f : {1.0 - m.spread, 1.0 + m.spread}) {
            const double to = std::min(t->value * f, t->cap);
            if (to == t->value) continue;  // a 100 % share has no +20 %
            set(k, to);
            const Verdict v = verdictNow();
            if (v != base.verdict)
                out.flips.push_back({t->minScore ? "classification" : m.rs.rules[t->entry].key, t->parameter, t->value,
                                     to, v});
            set(k, t->value);
        }
    }
    // All together: each threshold drawn in [1 - spread, 1 + spread] x its value.
    std::uint64_t state = seed;
    for (char ch : siteId) state = state * 1099511628211ull + static_cast<unsigned char>(ch);
    int same = 0;
    const int n = varied.empty() ? 0 : m.samples;
    for (int s = 0; s < n; ++s) {
        for (std::size_t k = 0; k < varied.size(); ++k)
            set(k, varied[k]->value * (1.0 - m.spread + 2.0 * m.spread * unit(state)));
        same += verdictNow() == base.verdict;
    }
    for (std::size_t k = 0; k < varied.size(); ++k) set(k, varied[k]->value);
    out.samples = n;
    out.shareSame = n > 0 ? static_cast<double>(same) / n : 1.0;
    out.stable = out.flips.empty() && same == n;
    return out;
}

}  // namespace vgscan
