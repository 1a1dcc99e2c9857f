#include "AvgAccessRule.h"

#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>

namespace vgscan {

namespace {

std::string metres(double d) { return kit::fmt(d, 2) + " m"; }

}  // namespace

RuleResult AvgAccessRule::evaluate(const RuleContext& ctx) const {
    const Params& prm = ctx.params();
    const double maxDistance = prm.number("max_distance_m");
    const double speed = prm.number("speed_kmh");
    const double detour = prm.number("detour_factor");
    const std::vector<std::string> categories = prm.list("categories");

    RuleResult r;
    r.unit = "m";
    r.threshold = "<= " + kit::fmt(maxDistance, 2) + " (each)";
    const Site* site = ctx.site();
    const ContextIndex* index = ctx.contextIndex();
    if (!site || !index) {
        r.status = Status::Unknown;
        r.summary = "no site and context layers (run in a portfolio scan)";
        return r;
    }
    const Context& c = index->context();
    if (!c.hasPois) {
        r.status = Status::Unknown;
        r.summary = "the portfolio has no poi layer: travel to the services unknown";
        return r;
    }
    const Point from = ContextIndex::sitePoint(*site);
    std::optional<double> farthest;
    bool tooFar = false, missing = false;
    std::string parts;
    for (const auto& category : categories) {
        if (!parts.empty()) parts += "; ";
        const auto t = index->nearestByTravel(from, PoiFilter{category}, detour);
        if (!t) {
            missing = true;
            parts += category + ": none in the poi layer";
            r.findings.push_back({site->id, "site", "no '" + category + "' in the poi layer: its distance is unknown",
                                  "<= " + metres(maxDistance), "unknown", std::nullopt, std::nullopt});
            continue;
        }
        const Poi& poi = c.pois[t->poi];
        const double minutes = t->distance / (speed * 1000.0 / 60.0);
        const bool far = kit::atMost(t->distance, maxDistance, maxDistance) == Status::Fail;
        tooFar = tooFar || far;
        farthest = farthest ? std::max(*farthest, t->distance) : t->distance;
        r.figures.push_back({category + "_distance_m", t->distance, "m"});
        r.figures.push_back({category + "_travel_time_min", minutes, "min"});
        r.findings.push_back({poi.name.empty() ? category : poi.name, "poi",
                              std::string(far ? "too far: nearest " : "nearest ") + category,
                              "<= " + metres(maxDistance), describeTravel(*t, detour, "service") + ", " + kit::fmt(minutes, 1) + " min",
                              poi.position, std::nullopt});
        if (t->unreachable)
            r.findings.push_back({site->id, "site", "the road network does not connect the site to any " + category,
                                  "a road route", "none: estimated from the straight line", from, std::nullopt});
        if (t->estimated)
            r.figures.push_back({"estimated", 1.0, ""});
        Shape s;
        s.label = "nearest " + category;
        s.object = site->id;
        s.line = {from, poi.position};
        r.shapes.push_back(std::move(s));
        parts += category + " " + metres(t->distance) + (t->estimated ? " (estimated)" : "");
    }
    // "estimated" once, 1 when any figure is an estimate.
    const bool estimated = std::any_of(r.figures.begin(), r.figures.end(), [](const Figure& f) { return f.name == "estimated"; });
    r.figures.erase(std::remove_if(r.figures.begin(), r.figures.end(), [](const Figure& f) { return f.name == "estimated"; }),
                    r.figures.end());
    r.figures.push_back({"estimated", estimated ? 1.0 : 0.0, ""});

    r.value = farthest;
    // Both must be within reach: one too far fails; a missing one leaves it unknown.
    r.status = tooFar ? Status::Fail : missing || categories.empty() ? Status::Unknown : Status::Pass;
    r.summary = (estimated ? "estimated: " : "") + parts;
    return r;
}

class AvgAccessPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<AvgAccessRule>(); }
};

}  // namespace vgscan

#include "AvgAccessRule.moc"
