#include "AmenitiesWithinReachRule.h"

#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

namespace vgscan {

RuleResult AmenitiesWithinReachRule::evaluate(const RuleContext& ctx) const {
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
        r.summary = "the portfolio has no poi layer: the distance to shops, stops and day activities is unknown";
        return r;
    }
    const kit::ReachEach reach =
        kit::reachEach(*index, *site, categories, maxDistance, speed, detour, r, /*countWithin=*/true);
    r.value = reach.farthest;
    // Each must be within reach: one too far fails (the site is too remote,
    // "een eindstation"); one with no data leaves it unknown.
    r.status = reach.tooFar ? Status::Fail : reach.missing || categories.empty() ? Status::Unknown : Status::Pass;
    r.summary = (reach.estimated ? "estimated: " : "") + reach.summary;
    kit::warnIfEstimatedWithoutRoads(r, reach.estimated, c, site->id, detour);
    return r;
}

class AmenitiesWithinReachPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<AmenitiesWithinReachRule>(); }
};

}  // namespace vgscan

#include "AmenitiesWithinReachRule.moc"
