#include "SiteCapacityRule.h"

#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>

namespace vgscan {

RuleResult SiteCapacityRule::evaluate(const RuleContext& ctx) const {
    const double maxPlaces = ctx.params().number("max_places");
    const double preferred = std::min(maxPlaces, ctx.params().number("preferred_max_places"));
    RuleResult r;
    r.unit = QT_TRANSLATE_NOOP("rules", "places");
    r.threshold = kit::atMostText(preferred, maxPlaces, 0);

    const Site* site = ctx.site();
    const FloorPlan* plan = ctx.plan();
    double places;
    std::string object = site ? site->id : plan ? plan->name : "";
    std::string objectType = site ? "site" : "building";
    const int bedrooms = plan ? static_cast<int>(std::count_if(plan->spaces.begin(), plan->spaces.end(), [](const Space& s) {
                                    return s.use == SpaceUse::Bedroom;
                                }))
                              : 0;
    const bool registered = site && site->places && *site->places > 0;
    if (plan && bedrooms > 0) {
        places = bedrooms;
        r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "%1 bedrooms in the plan"), std::to_string(bedrooms));
        if (site && site->places && *site->places != bedrooms)
            r.findings.push_back({object, objectType,
                                  QT_TRANSLATE_NOOP("rules", "the site's registered places differ from the bedrooms in its plan"),
                                  kit::say(QT_TRANSLATE_NOOP("rules", "%1 (bedrooms in the plan)"), std::to_string(bedrooms)),
                                  kit::say(QT_TRANSLATE_NOOP("rules", "%1 (places attribute)"), std::to_string(*site->places)), std::nullopt,
                                  std::nullopt});
    } else if (registered) {
        places = *site->places;
        r.summary = kit::say(plan ? QT_TRANSLATE_NOOP("rules", "%1 places registered for the site (its plan has no bedrooms)")
                                  : QT_TRANSLATE_NOOP("rules", "%1 places registered for the site (no plan)"),
                             std::to_string(*site->places));
    } else if (plan) {
        // No bedrooms and no registered places: not a residential building.
        r.status = Status::NotApplicable;
        r.summary = QT_TRANSLATE_NOOP("rules", "no bedrooms: not a residential building");
        return r;
    } else {
        r.status = Status::Unknown;
        r.summary = QT_TRANSLATE_NOOP("rules", "no plan and no 'places' for this site");
        return r;
    }
    r.value = places;
    r.status = kit::atMost(places, preferred, maxPlaces);
    if (r.status != Status::Pass)
        r.findings.push_back({object, objectType,
                              r.status == Status::Fail ? QT_TRANSLATE_NOOP("rules", "more residents than a VG7 site can sustain")
                                                       : QT_TRANSLATE_NOOP("rules", "larger than the VG7 sites in the sources"),
                              r.threshold, kit::say(QT_TRANSLATE_NOOP("rules", "%1 places"), kit::fmt(places, 0)), std::nullopt, std::nullopt});

    return r;
}

class SiteCapacityPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<SiteCapacityRule>(); }
};

}  // namespace vgscan

#include "SiteCapacityRule.moc"
