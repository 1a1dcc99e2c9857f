#include "LiveabilityRule.h"

#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>

namespace vgscan {

namespace {

// The Leefbaarometer's nine classes.
std::string className(double score) {
    static const char* kNames[] = {"zeer onvoldoende", "ruim onvoldoende", "onvoldoende", "zwak",        "voldoende",
                                   "ruim voldoende",   "goed",             "zeer goed",   "uitstekend"};
    const int i = static_cast<int>(score) - 1;
    return i >= 0 && i < 9 ? kNames[i] : "";
}

}  // namespace

RuleResult LiveabilityRule::evaluate(const RuleContext& ctx) const {
    const Params& prm = ctx.params();
    const double minClass = prm.number("min_class");
    const double nearRadius = prm.number("neighbourhood_radius_m");
    const double coverRadius = prm.number("coverage_radius_m");

    RuleResult r;
    r.unit = QT_TRANSLATE_NOOP("rules", "class");
    r.threshold = ">= " + kit::fmt(minClass, 0) + " (" + className(minClass) + ")";
    const ContextIndex* index = kit::siteIndex(ctx, r);
    if (!index) return r;
    const Site* site = ctx.site();
    const Context& c = index->context();
    if (!c.hasLiveability) {
        r.status = Status::Unknown;
        r.summary = QT_TRANSLATE_NOOP("rules", "the portfolio has no liveability layer (Leefbaarometer): the neighbourhood's liveability is unknown");
        return r;
    }
    const Point at = ContextIndex::sitePoint(*site);
    const auto near = index->liveabilityNear(at, std::max(nearRadius, coverRadius));
    if (near.empty()) {
        r.status = Status::Unknown;
        r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "the liveability layer has no scored area within %1 m: it does not cover the site"),
                             kit::fmt(coverRadius, 0));
        return r;
    }
    if (near.front().second > nearRadius) {
        r.status = Status::NotApplicable;
        r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "no scored neighbourhood within %1 m (the nearest is %2 m away): the Leefbaarometer scores "
                               "no place with too few homes, so an outlying site has no neighbourhood under pressure"),
                             kit::fmt(nearRadius, 0), kit::fmt(near.front().second, 0));
        return r;
    }
    // The areas the site stands in (distance 0); the lowest class counts. Else the nearest.
    std::size_t chosen = near.front().first;
    const bool inside = near.front().second == 0.0;
    for (const auto& [i, d] : near)
        if (d == 0.0 && c.liveability[i].score < c.liveability[chosen].score) chosen = i;
    const LiveabilityArea& a = c.liveability[chosen];
    r.value = a.score;
    r.figures.push_back({"distance_to_area_m", inside ? 0.0 : near.front().second, "m"});
    r.status = kit::atLeast(a.score, minClass, minClass);
    const std::string name = a.label.empty() ? className(a.score) : a.label;
    r.findings.push_back({a.id, "liveability",
                          r.status == Status::Fail
                              ? (inside ? QT_TRANSLATE_NOOP("rules", "liveability under pressure where the site stands")
                                        : QT_TRANSLATE_NOOP("rules", "liveability under pressure: the nearest scored area"))
                              : (inside ? QT_TRANSLATE_NOOP("rules", "liveability where the site stands") : QT_TRANSLATE_NOOP("rules", "liveability: the nearest scored area")),
                          ">= " + kit::fmt(minClass, 0),
                          inside ? kit::say(name.empty() ? QT_TRANSLATE_NOOP("rules", "class %1") : QT_TRANSLATE_NOOP("rules", "class %1 (%2)"), kit::fmt(a.score, 0), name)
                                 : kit::say(name.empty() ? QT_TRANSLATE_NOOP("rules", "class %1, %3 m away") : QT_TRANSLATE_NOOP("rules", "class %1 (%2), %3 m away"),
                                            kit::fmt(a.score, 0), name, kit::fmt(near.front().second, 0)),
                          at, std::nullopt});
    Shape s;
    s.label = QT_TRANSLATE_NOOP("rules", "liveability area");
    s.object = a.id;
    s.area = a.area;
    r.shapes.push_back(std::move(s));
    r.summary = inside ? kit::say(name.empty() ? QT_TRANSLATE_NOOP("rules", "Leefbaarometer class %1") : QT_TRANSLATE_NOOP("rules", "Leefbaarometer class %1 (%2)"),
                                  kit::fmt(a.score, 0), name)
                       : kit::say(name.empty() ? QT_TRANSLATE_NOOP("rules", "Leefbaarometer class %1 in the nearest scored area, %3 m away")
                                               : QT_TRANSLATE_NOOP("rules", "Leefbaarometer class %1 (%2) in the nearest scored area, %3 m away"),
                                  kit::fmt(a.score, 0), name, kit::fmt(near.front().second, 0));

    return r;
}

class LiveabilityPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<LiveabilityRule>(); }
};

}  // namespace vgscan

#include "LiveabilityRule.moc"
