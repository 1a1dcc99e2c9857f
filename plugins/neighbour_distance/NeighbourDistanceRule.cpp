#include "NeighbourDistanceRule.h"

#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

namespace vgscan {

RuleResult NeighbourDistanceRule::evaluate(const RuleContext& ctx) const {
    const Params& prm = ctx.params();
    const double minDistance = prm.number("min_distance_m");
    const double radius = prm.number("radius_m");
    const double maxHomes = prm.number("max_homes_within_radius");

    RuleResult r;
    r.unit = "m";
    r.threshold = kit::say(QT_TRANSLATE_NOOP("rules", ">= %1 to the nearest home; <= %2 homes within %3 m"), kit::fmt(minDistance, 2),
                           kit::fmt(maxHomes, 0), kit::fmt(radius, 0));
    const ContextIndex* index = kit::siteIndex(ctx, r);
    if (!index) return r;
    const Site* site = ctx.site();
    if (!index->context().hasDwellings) {
        r.status = Status::Unknown;
        r.summary = QT_TRANSLATE_NOOP("rules", "the portfolio has no dwellings layer (BAG verblijfsobjecten): the distance to the neighbours is unknown");
        return r;
    }
    // From the plot boundary (requirements L1 a); the homes on the plot are the site's own.
    const MultiPolygon& plot = site->plot;
    const auto within = index->dwellingsWithin(plot, radius, plot);
    const auto nearest = index->nearestDwelling(plot, plot);
    const double count = static_cast<double>(within.size());
    r.figures.push_back({"homes_within_radius", count, QT_TRANSLATE_NOOP("rules", "homes")});
    if (!nearest) {
        r.status = Status::Pass;
        r.summary = QT_TRANSLATE_NOOP("rules", "no neighbouring home in the dwellings layer around the site");
        return r;
    }
    const Dwelling& home = index->context().dwellings[nearest->dwelling];
    r.value = nearest->distance;
    r.figures.push_back({"nearest_home_m", nearest->distance, "m"});
    const bool tooClose = kit::atLeast(nearest->distance, minDistance, minDistance) == Status::Fail;
    const bool tooMany = kit::atMost(count, maxHomes, maxHomes) == Status::Fail;
    r.findings.push_back({home.id, "dwelling", tooClose ? QT_TRANSLATE_NOOP("rules", "too close: nearest neighbouring home") : QT_TRANSLATE_NOOP("rules", "nearest neighbouring home"),
                          ">= " + kit::fmt(minDistance, 2) + " m", kit::say(QT_TRANSLATE_NOOP("rules", "%1 m from the plot"), kit::fmt(nearest->distance, 2)),
                          home.position, std::nullopt});
    if (tooMany)
        r.findings.push_back({site->id, "site", QT_TRANSLATE_NOOP("rules", "a busy residential area: too many homes around the site"),
                              kit::say(QT_TRANSLATE_NOOP("rules", "<= %1 within %2 m"), kit::fmt(maxHomes, 0), kit::fmt(radius, 0)),
                              kit::say(QT_TRANSLATE_NOOP("rules", "%1 homes"), kit::fmt(count, 0)), std::nullopt, std::nullopt});
    Shape s;
    s.label = QT_TRANSLATE_NOOP("rules", "nearest neighbouring home");
    s.object = site->id;
    s.line = {nearest->fromArea, home.position};
    r.shapes.push_back(std::move(s));
    r.status = tooClose || tooMany ? Status::Fail : Status::Pass;
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "nearest neighbouring home %1 m from the plot; %2 homes within %3 m"),
                         kit::fmt(nearest->distance, 1), kit::fmt(count, 0), kit::fmt(radius, 0));

    return r;
}

class NeighbourDistancePlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<NeighbourDistanceRule>(); }
};

}  // namespace vgscan

#include "NeighbourDistanceRule.moc"
