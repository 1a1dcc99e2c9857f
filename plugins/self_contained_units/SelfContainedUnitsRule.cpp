#include "SelfContainedUnitsRule.h"

#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>
#include <functional>
#include <set>

namespace vgscan {

namespace {

using Pocket = BuildingGraph::PrivateUnit;

bool isSanitary(SpaceUse u) { return u == SpaceUse::Bathroom || u == SpaceUse::Wc || u == SpaceUse::Shower; }

std::string names(const BuildingGraph& g, const std::vector<int>& v) {
    std::string s;
    for (int i : v) s += (s.empty() ? "" : ", ") + (i == BuildingGraph::kOutsideNode ? QT_TRANSLATE_NOOP("rules", "the outside") : g.space(i).id);
    return s;
}

// Why a pocket is not the bedroom's own, or "" when it is. `none`: the text
// when there is none; `shared`: "... %1 also opens onto %2".
std::string lack(const BuildingGraph& g, const Pocket& p, const char* none, const char* shared) {
    if (p.spaces.empty()) return none;
    if (!p.own()) return kit::say(shared, names(g, p.spaces), names(g, std::vector<int>(p.alsoOnto.begin(), p.alsoOnto.end())));
    return "";
}

}  // namespace

RuleResult SelfContainedUnitsRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const double keepShare = ctx.params().number("keep_share_pct");
    const double disposeBelow = std::min(keepShare, ctx.params().number("dispose_below_pct"));

    RuleResult r;
    r.unit = "%";
    r.threshold = kit::atLeastText(keepShare, disposeBelow);
    const auto bedrooms = g.spacesWithUse(SpaceUse::Bedroom);
    if (bedrooms.empty()) {
        r.status = Status::NotApplicable;
        r.summary = QT_TRANSLATE_NOOP("rules", "the plan has no bedrooms");
        return r;
    }
    int studios = 0, withSanitary = 0, withKitchen = 0;
    for (int b : bedrooms) {
        const Pocket sanitary = g.privateUnit(b, isSanitary);
        const Pocket kitchen = g.privateUnit(b, [](SpaceUse u) { return u == SpaceUse::Kitchen; });
        std::string noSanitary = lack(g, sanitary, QT_TRANSLATE_NOOP("rules", "no sanitary opens off it"), QT_TRANSLATE_NOOP("rules", "sanitary %1 also opens onto %2"));
        if (noSanitary.empty()) {
            bool bath = false, wc = false, shower = false;
            for (int s : sanitary.spaces) {
                bath |= g.space(s).use == SpaceUse::Bathroom;
                wc |= g.space(s).use == SpaceUse::Wc;
                shower |= g.space(s).use == SpaceUse::Shower;
            }
            if (!bath && !(wc && shower))
                noSanitary = kit::say(wc ? QT_TRANSLATE_NOOP("rules", "own sanitary %1 lacks a shower") : QT_TRANSLATE_NOOP("rules", "own sanitary %1 lacks a wc"),
                                      names(g, sanitary.spaces));
        }
        const std::string noKitchen = lack(g, kitchen, QT_TRANSLATE_NOOP("rules", "no kitchen opens off it"), QT_TRANSLATE_NOOP("rules", "kitchen %1 also opens onto %2"));
        withSanitary += noSanitary.empty();
        withKitchen += noKitchen.empty();
        if (noSanitary.empty() && noKitchen.empty()) {
            ++studios;
            continue;
        }
        const Space& bed = g.space(b);
        Finding f;
        f.object = bed.id;
        f.objectType = "space";
        f.storey = bed.storey;
        f.location = markerPoint(bed.shape);
        f.expected = QT_TRANSLATE_NOOP("rules", "own sanitary and own kitchenette, opening onto this bedroom only");
        f.observed = !noSanitary.empty() && !noKitchen.empty() ? QT_TRANSLATE_NOOP("rules", "neither")
                     : !noSanitary.empty()                     ? QT_TRANSLATE_NOOP("rules", "no own sanitary")
                                                               : QT_TRANSLATE_NOOP("rules", "no own kitchenette");
        f.message = noSanitary + (noSanitary.empty() || noKitchen.empty() ? "" : "; ") + noKitchen;
        r.findings.push_back(std::move(f));
    }
    const double share = 100.0 * studios / static_cast<double>(bedrooms.size());
    r.value = share;
    r.status = kit::atLeast(share, keepShare, disposeBelow);
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "%1 of %2 bedrooms are self-contained (own sanitary and kitchenette)"), std::to_string(studios),
                         std::to_string(bedrooms.size()));

    r.figures.push_back({"bedrooms", static_cast<double>(bedrooms.size()), ""});
    r.figures.push_back({"self_contained", static_cast<double>(studios), ""});
    r.figures.push_back({"with_own_sanitary", static_cast<double>(withSanitary), ""});
    r.figures.push_back({"with_own_kitchenette", static_cast<double>(withKitchen), ""});
    return r;
}

class SelfContainedUnitsPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<SelfContainedUnitsRule>(); }
};

}  // namespace vgscan

#include "SelfContainedUnitsRule.moc"
