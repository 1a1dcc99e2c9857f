#include "OutdoorSpaceRule.h"

#include "derive/BuildingGraph.h"
#include "model/MarkerPoint.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace vgscan {

namespace {


bool isOutdoor(const Space& s) { return s.use == SpaceUse::Outdoor; }

std::string ids(const BuildingGraph& g, const std::set<int>& v) {
    std::string s;
    for (int i : v) s += (s.empty() ? "" : ", ") + g.space(i).id;
    return s;
}

struct Group {
    std::string name;
    std::vector<int> members;
    int residents = 0;          // bedrooms
    std::set<int> outdoor;      // outdoor spaces it steps into directly
    double areaPerResident = 0.0;
};

// Outdoor spaces a group steps into directly: those opening onto one of its
// non-bedroom spaces (a living room, but also its own corridor: still the
// group's own territory), and the outdoor spaces beyond them (patio -> lawn).
// Not through a bedroom (a resident's room is no route for the others) and
// not through a space of another group or of nobody (a shared hall).
std::set<int> outdoorOf(const BuildingGraph& g, const std::vector<int>& members) {
    std::set<int> found;
    std::vector<int> stack;
    for (int s : members) {
        const Space& sp = g.space(s);
        if (sp.use == SpaceUse::Bedroom || isOutdoor(sp)) continue;
        for (int n : g.neighbours(s))
            if (isOutdoor(g.space(n)) && found.insert(n).second) stack.push_back(n);
    }
    while (!stack.empty()) {
        int o = stack.back();
        stack.pop_back();
        for (int n : g.neighbours(o))
            if (isOutdoor(g.space(n)) && found.insert(n).second) stack.push_back(n);
    }
    return found;
}

}  // namespace

RuleResult OutdoorSpaceRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const double minPerResident = ctx.params().number("min_area_per_resident_m2");

    RuleResult r;
    r.unit = QT_TRANSLATE_NOOP("rules", "m2/resident");
    r.threshold = kit::say(QT_TRANSLATE_NOOP("rules", ">= %1 (fail when a group has none)"), kit::fmt(minPerResident, 2));

    std::vector<Group> groups;
    for (const auto& [name, members] : g.livingGroups()) {
        Group grp;
        grp.name = name;
        grp.members = members;
        for (int s : members) grp.residents += g.space(s).use == SpaceUse::Bedroom;
        if (grp.residents == 0) continue;  // not a living group
        grp.outdoor = outdoorOf(g, members);
        groups.push_back(std::move(grp));
    }
    if (groups.empty()) {
        r.status = Status::NotApplicable;
        r.summary = QT_TRANSLATE_NOOP("rules", "the plan has no bedrooms");
        return r;
    }
    // An outdoor space shared by groups is split over all their residents.
    std::map<int, int> residentsOf;
    for (const auto& grp : groups)
        for (int o : grp.outdoor) residentsOf[o] += grp.residents;

    double smallest = std::numeric_limits<double>::infinity();
    int without = 0;
    std::string smallestGroup;
    for (auto& grp : groups) {
        double total = 0.0;
        std::set<std::string> sharers;
        for (int o : grp.outdoor) {
            grp.areaPerResident += g.space(o).area / residentsOf[o];
            total += g.space(o).area;
            for (const auto& other : groups)
                if (other.name != grp.name && other.outdoor.count(o)) sharers.insert(other.name);
        }
        if (grp.areaPerResident < smallest) {
            smallest = grp.areaPerResident;
            smallestGroup = grp.name;
        }
        int anchor = grp.members.front();
        for (int s : grp.members)
            if (g.space(s).use == SpaceUse::Living) {
                anchor = s;
                break;
            }
        Finding f;
        f.object = grp.name;
        f.objectType = "group";
        f.location = markerPoint(g.space(anchor).shape);
        f.storey = g.space(anchor).storey;
        f.expected = kit::say(QT_TRANSLATE_NOOP("rules", ">= %1 m2/resident of outdoor space opening onto the group"), kit::fmt(minPerResident, 2));
        if (grp.outdoor.empty()) {
            ++without;
            f.observed = QT_TRANSLATE_NOOP("rules", "none");
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "no outdoor space opens onto a non-bedroom space of group %1"), grp.name);
            // Say where the group's own outdoor spaces open instead (a bedroom, a shared hall).
            for (int s : grp.members) {
                if (!isOutdoor(g.space(s))) continue;
                std::set<int> onto;
                for (int n : g.neighbours(s)) onto.insert(n);
                f.message += "; " + (onto.empty() ? kit::say(QT_TRANSLATE_NOOP("rules", "%1 has no door"), g.space(s).id)
                                                   : kit::say(QT_TRANSLATE_NOOP("rules", "%1 opens onto %2"), g.space(s).id, ids(g, onto)));
            }
        } else if (grp.areaPerResident + 1e-9 < minPerResident) {
            f.observed = kit::say(QT_TRANSLATE_NOOP("rules", "%1 m2/resident"), kit::fmt(grp.areaPerResident, 2));
            std::string shared;
            for (const auto& n : sharers) shared += (shared.empty() ? "" : ", ") + n;
            f.message = shared.empty() ? kit::say(QT_TRANSLATE_NOOP("rules", "group %1: %2 (%3 m2) for %4 residents"), grp.name, ids(g, grp.outdoor),
                                                  kit::fmt(total, 2), std::to_string(grp.residents))
                                       : kit::say(QT_TRANSLATE_NOOP("rules", "group %1: %2 (%3 m2, shared with group %4) for %5 residents"), grp.name,
                                                  ids(g, grp.outdoor), kit::fmt(total, 2), shared,
                                                  std::to_string(grp.residents));
        } else {
            Shape shape;
            shape.label = kit::say(QT_TRANSLATE_NOOP("rules", "outdoor space of %1"), grp.name);
            shape.object = grp.name;
            shape.storey = g.space(*grp.outdoor.begin()).storey;
            for (int o : grp.outdoor) shape.area.push_back(g.space(o).shape);
            r.shapes.push_back(std::move(shape));
            continue;
        }
        r.findings.push_back(std::move(f));
    }
    r.value = smallest;
    // No outdoor space at all fails; a too small one warns (it can be enlarged).
    r.status = without > 0 ? Status::Fail : smallest + 1e-9 >= minPerResident ? Status::Pass : Status::Warn;
    r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "smallest outdoor area per resident: %1 m2 (group %2); %3 of %4 groups without an outdoor space"),
                         kit::fmt(smallest, 2), smallestGroup, std::to_string(without), std::to_string(groups.size()));

    r.figures.push_back({"groups", static_cast<double>(groups.size()), ""});
    r.figures.push_back({"groups_without_outdoor_space", static_cast<double>(without), ""});
    return r;
}

class OutdoorSpacePlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<OutdoorSpaceRule>(); }
};

}  // namespace vgscan

#include "OutdoorSpaceRule.moc"
