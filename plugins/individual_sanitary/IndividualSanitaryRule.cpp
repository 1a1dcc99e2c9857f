#include "IndividualSanitaryRule.h"

#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>
#include <set>

namespace vgscan {

namespace {

bool isSanitary(SpaceUse u) { return u == SpaceUse::Bathroom || u == SpaceUse::Wc || u == SpaceUse::Shower; }

std::string ids(const BuildingGraph& g, const std::vector<int>& v) {
    std::string s;
    for (int i : v) s += (s.empty() ? "" : ", ") + (i == BuildingGraph::kOutsideNode ? QT_TRANSLATE_NOOP("rules", "the outside") : g.space(i).id);
    return s;
}

}  // namespace

RuleResult IndividualSanitaryRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const double minShare = ctx.params().number("min_share_pct");
    const double warnShare = std::min(minShare, ctx.params().number("warn_share_pct"));
    const double minArea = ctx.params().number("min_bathroom_area_m2");
    const double minDoor = ctx.params().number("min_door_width_m");

    RuleResult r;
    r.unit = "%";
    r.threshold = kit::atLeastText(minShare, warnShare);
    const auto bedrooms = g.spacesWithUse(SpaceUse::Bedroom);
    if (bedrooms.empty()) {
        r.status = Status::NotApplicable;
        r.summary = QT_TRANSLATE_NOOP("rules", "the plan has no bedrooms");
        return r;
    }
    int own = 0;
    for (int b : bedrooms) {
        const Space& bed = g.space(b);
        const BuildingGraph::PrivateUnit u = g.privateUnit(b, isSanitary);
        bool bath = false, wc = false, shower = false;
        for (int i : u.spaces) {
            bath |= g.space(i).use == SpaceUse::Bathroom;
            wc |= g.space(i).use == SpaceUse::Wc;
            shower |= g.space(i).use == SpaceUse::Shower;
        }
        Finding f;
        f.object = bed.id;
        f.objectType = "space";
        f.storey = bed.storey;
        f.location = markerPoint(bed.shape);
        f.expected = QT_TRANSLATE_NOOP("rules", "own bathroom (or wc + shower) opening off the bedroom");
        if (u.spaces.empty()) {
            f.message = QT_TRANSLATE_NOOP("rules", "no sanitary space opens off this bedroom");
            f.observed = QT_TRANSLATE_NOOP("rules", "none");
        } else if (!u.own()) {
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "sanitary %1 also opens onto %2"), ids(g, u.spaces),
                                 ids(g, std::vector<int>(u.alsoOnto.begin(), u.alsoOnto.end())));
            f.observed = QT_TRANSLATE_NOOP("rules", "shared");
        } else if (!bath && !(wc && shower)) {
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "sanitary %1 lacks %2"), ids(g, u.spaces), wc ? QT_TRANSLATE_NOOP("rules", "a shower") : QT_TRANSLATE_NOOP("rules", "a wc"));
            f.observed = wc ? QT_TRANSLATE_NOOP("rules", "wc only") : QT_TRANSLATE_NOOP("rules", "shower only");
        } else if (minArea > 0 && u.area + 1e-9 < minArea) {
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "own sanitary %1 is too small"), ids(g, u.spaces));
            f.expected = ">= " + kit::fmt(minArea, 2) + " m2";
            f.observed = kit::fmt(u.area, 2) + " m2";
        } else if (minDoor > 0 && u.narrowestEntry + 1e-9 < minDoor) {
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "door into own sanitary %1 is too narrow"), ids(g, u.spaces));
            f.expected = ">= " + kit::fmt(minDoor, 2) + " m";
            f.observed = kit::fmt(u.narrowestEntry, 2) + " m";
        } else {
            ++own;
            continue;
        }
        r.findings.push_back(std::move(f));
    }
    const double share = 100.0 * own / static_cast<double>(bedrooms.size());
    r.value = share;
    r.status = kit::atLeast(share, minShare, warnShare);
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "%1 of %2 bedrooms have their own sanitary"), std::to_string(own),
                         std::to_string(bedrooms.size()));

    r.figures.push_back({"bedrooms", static_cast<double>(bedrooms.size()), ""});
    r.figures.push_back({"bedrooms_with_own_sanitary", static_cast<double>(own), ""});
    return r;
}

class IndividualSanitaryPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<IndividualSanitaryRule>(); }
};

}  // namespace vgscan

#include "IndividualSanitaryRule.moc"
