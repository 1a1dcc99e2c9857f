#include "GpAccessRule.h"

#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

namespace vgscan {

namespace {

std::string metres(double d) { return kit::fmt(d, 2) + " m"; }

}  // namespace

RuleResult GpAccessRule::evaluate(const RuleContext& ctx) const {
    const Params& prm = ctx.params();
    const double maxDistance = prm.number("max_distance_m");
    const double speed = prm.number("speed_kmh");
    const double detour = prm.number("detour_factor");
    const PoiFilter gps{"gp", prm.flag("require_accepts_wlz"), prm.flag("count_unknown_wlz")};
    const std::string gpWord = gps.requireAcceptsWlz ? QT_TRANSLATE_NOOP("rules", "GP taking Wlz clients") : QT_TRANSLATE_NOOP("rules", "GP");
    const std::string gpsWord = gps.requireAcceptsWlz ? QT_TRANSLATE_NOOP("rules", "GPs taking Wlz clients") : QT_TRANSLATE_NOOP("rules", "GPs");

    RuleResult r;
    r.unit = "m";
    r.threshold = "<= " + kit::fmt(maxDistance, 2);
    const ContextIndex* index = kit::siteIndex(ctx, r);
    if (!index) return r;
    const Site* site = ctx.site();
    const Context& c = index->context();
    if (!c.hasPois) {
        r.status = Status::Unknown;
        r.summary = QT_TRANSLATE_NOOP("rules", "the portfolio has no poi layer: GP access unknown");
        return r;
    }
    if (index->poiCount(PoiFilter{"gp"}) == 0) {
        r.status = Status::Unknown;
        r.summary = QT_TRANSLATE_NOOP("rules", "no GP (category gp) in the poi layer");
        return r;
    }
    const Point from = ContextIndex::sitePoint(*site);
    const auto nearest = index->nearestByTravel(from, gps, detour);
    if (!nearest) {
        // GPs exist but none qualifies: a fail when they all say no, unknown
        // when some do not say (missing data never passes nor fails).
        const bool unsure = gps.requireAcceptsWlz && !gps.countUnknownWlz &&
                            index->poiCount(PoiFilter{"gp", true, true}) > 0;
        r.status = unsure ? Status::Unknown : Status::Fail;
        r.summary = unsure ? QT_TRANSLATE_NOOP("rules", "no GP is known to take Wlz clients (accepts_wlz not given)")
                           : QT_TRANSLATE_NOOP("rules", "no GP in the poi layer takes Wlz clients");
        return r;
    }
    const Poi& gp = c.pois[nearest->poi];
    const double minutes = nearest->distance / (speed * 1000.0 / 60.0);
    const std::size_t inReach = index->allWithinTravel(from, gps, maxDistance, detour).size();

    r.value = nearest->distance;
    r.status = kit::atMost(nearest->distance, maxDistance, maxDistance);
    r.figures = {{"travel_time_min", minutes, "min"},
                 {"gps_within_max", static_cast<double>(inReach), QT_TRANSLATE_NOOP("rules", "GPs")},
                 {"straight_distance_m", nearest->straight, "m"},
                 {"estimated", nearest->estimated ? 1.0 : 0.0, ""}};
    const std::string gpName = gp.name.empty() ? QT_TRANSLATE_NOOP("rules", "GP") : kit::say(QT_TRANSLATE_NOOP("rules", "GP '%1'"), gp.name);
    r.findings.push_back({gp.name.empty() ? "gp" : gp.name, "poi",
                          kit::say(r.status == Status::Pass ? QT_TRANSLATE_NOOP("rules", "nearest %1") : QT_TRANSLATE_NOOP("rules", "too far: nearest %1"), gpWord),
                          "<= " + metres(maxDistance), describeTravel(*nearest, detour, QT_TRANSLATE_NOOP("rules", "GP")), gp.position, std::nullopt});
    if (nearest->unreachable)
        r.findings.push_back({site->id, "site", kit::say(QT_TRANSLATE_NOOP("rules", "the road network does not connect the site to any %1"), gpWord),
                              QT_TRANSLATE_NOOP("rules", "a road route"), QT_TRANSLATE_NOOP("rules", "none: estimated from the straight line"), from, std::nullopt});
    Shape s;
    s.label = kit::say(QT_TRANSLATE_NOOP("rules", "nearest %1"), gpWord);
    s.object = site->id;
    s.line = nearest->path.size() >= 2 ? nearest->path : LineString{from, gp.position};
    s.straight = nearest->estimated || nearest->path.size() < 2;
    r.shapes.push_back(std::move(s));
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "%1 %2 away (%3 min at %4 km/h)"), gpName, metres(nearest->distance), kit::fmt(minutes, 1),
                         kit::fmt(speed, 0)) +
                "; " + kit::say(QT_TRANSLATE_NOOP("rules", "%1 %2 within %3"), std::to_string(inReach), inReach == 1 ? gpWord : gpsWord,
                                metres(maxDistance));
    if (nearest->estimated) r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "estimated: %1"), r.summary);

    kit::warnIfEstimatedWithoutRoads(r, nearest->estimated, c, site->id, detour);
    return r;
}

class GpAccessPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<GpAccessRule>(); }
};

}  // namespace vgscan

#include "GpAccessRule.moc"
