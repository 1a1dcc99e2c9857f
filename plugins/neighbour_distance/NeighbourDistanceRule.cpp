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
    r.threshold = ">= " + kit::fmt(minDistance, 2) + " to the nearest home; <= " + kit::fmt(maxHomes, 0) +
                  " homes within " + kit::fmt(radius, 0) + " m";
    const ContextIndex* index = kit::siteIndex(ctx, r);
    if (!index) return r;
    const Site* site = ctx.site();
    if (!index->context().hasDwellings) {
        r.status = Status::Unknown;
        r.summary = "the portfolio has no dwellings layer (BAG verblijfsobjecten): the distance to the neighbours is unknown";
        return r;
    }
    // From the plot boundary (requirements L1 a); the homes on the plot are the site's own.
    const MultiPolygon& plot = site->plot;
    const auto within = index->dwellingsWithin(plot, radius, plot);
    const auto nearest = index->nearestDwelling(plot, plot);
    const double count = static_cast<double>(within.size());
    r.figures.push_back({"homes_within_radius", count, "homes"});
    if (!nearest) {
        r.status = Status::Pass;
        r.summary = "no neighbouring home in the dwellings layer around the site";
        return r;
    }
    const Dwelling& home = index->context().dwellings[nearest->dwelling];
    r.value = nearest->distance;
    r.figures.push_back({"nearest_home_m", nearest->distance, "m"});
    const bool tooClose = kit::atLeast(nearest->distance, minDistance, minDistance) == Status::Fail;
    const bool tooMany = kit::atMost(count, maxHomes, maxHomes) == Status::Fail;
    r.findings.push_back({home.id, "dwelling", tooClose ? "too close: nearest neighbouring home" : "nearest neighbouring home",
                          ">= " + kit::fmt(minDistance, 2) + " m", kit::fmt(nearest->distance, 2) + " m from the plot",
                          home.position, std::nullopt});
    if (tooMany)
        r.findings.push_back({site->id, "site", "a busy residential area: too many homes around the site",
                              "<= " + kit::fmt(maxHomes, 0) + " within " + kit::fmt(radius, 0) + " m",
                              kit::fmt(count, 0) + " homes", std::nullopt, std::nullopt});
    Shape s;
    s.label = "nearest neighbouring home";
    s.object = site->id;
    s.line = {nearest->fromArea, home.position};
    r.shapes.push_back(std::move(s));
    r.status = tooClose || tooMany ? Status::Fail : Status::Pass;
    r.summary = "nearest neighbouring home " + kit::fmt(nearest->distance, 1) + " m from the plot; " +
                kit::fmt(count, 0) + " homes within " + kit::fmt(radius, 0) + " m";
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
