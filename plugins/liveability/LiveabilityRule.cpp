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
    r.unit = "class";
    r.threshold = ">= " + kit::fmt(minClass, 0) + " (" + className(minClass) + ")";
    const ContextIndex* index = kit::siteIndex(ctx, r);
    if (!index) return r;
    const Site* site = ctx.site();
    const Context& c = index->context();
    if (!c.hasLiveability) {
        r.status = Status::Unknown;
        r.summary = "the portfolio has no liveability layer (Leefbaarometer): the neighbourhood's liveability is unknown";
        return r;
    }
    const Point at = ContextIndex::sitePoint(*site);
    const auto near = index->liveabilityNear(at, std::max(nearRadius, coverRadius));
    if (near.empty()) {
        r.status = Status::Unknown;
        r.summary = "the liveability layer has no scored area within " + kit::fmt(coverRadius, 0) +
                    " m: it does not cover the site";
        return r;
    }
    if (near.front().second > nearRadius) {
        r.status = Status::NotApplicable;
        r.summary = "no scored neighbourhood within " + kit::fmt(nearRadius, 0) + " m (the nearest is " +
                    kit::fmt(near.front().second, 0) +
                    " m away): the Leefbaarometer scores no place with too few homes, so an outlying site has no "
                    "neighbourhood under pressure";
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
                          std::string(r.status == Status::Fail ? "liveability under pressure" : "liveability") +
                              (inside ? " where the site stands" : ": the nearest scored area"),
                          ">= " + kit::fmt(minClass, 0),
                          "class " + kit::fmt(a.score, 0) + (name.empty() ? "" : " (" + name + ")") +
                              (inside ? "" : ", " + kit::fmt(near.front().second, 0) + " m away"),
                          at, std::nullopt});
    Shape s;
    s.label = "liveability area";
    s.object = a.id;
    s.area = a.area;
    r.shapes.push_back(std::move(s));
    r.summary = "Leefbaarometer class " + kit::fmt(a.score, 0) + (name.empty() ? "" : " (" + name + ")") +
                (inside ? "" : " in the nearest scored area, " + kit::fmt(near.front().second, 0) + " m away");
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
