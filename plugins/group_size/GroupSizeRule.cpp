#include "GroupSizeRule.h"

#include "derive/BuildingGraph.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>
#include <map>

namespace vgscan {

namespace {

// Bedrooms per living group. Ungrouped bedrooms in a plan with groups are
// counted as their own group: they belong to no living room, so nobody has
// decided which group carries them. (The same partition as BuildingGraph::livingGroups.)
std::map<std::string, std::vector<int>> bedroomsPerGroup(const BuildingGraph& g) {
    std::map<std::string, std::vector<int>> out;
    const bool planHasGroups = !g.groups().empty();
    for (int b : g.spacesWithUse(SpaceUse::Bedroom)) {
        const std::string& grp = g.space(b).group;
        out[!planHasGroups ? BuildingGraph::kWholePlan : grp.empty() ? BuildingGraph::kNoGroup : grp].push_back(b);
    }
    return out;
}

std::string ids(const BuildingGraph& g, const std::vector<int>& v) {
    std::string s;
    for (int i : v) s += (s.empty() ? "" : ", ") + g.space(i).id;
    return s;
}

// The mean of the bedrooms' centroids: a spot for the group's finding.
Point middleOf(const BuildingGraph& g, const std::vector<int>& spaces) {
    double x = 0, y = 0;
    for (int i : spaces) {
        Point c = kit::centroid(g.space(i).shape);
        x += c.x();
        y += c.y();
    }
    return Point(x / spaces.size(), y / spaces.size());
}

}  // namespace

RuleResult GroupSizeRule::evaluate(const RuleContext& ctx) const {
    const BuildingGraph& g = *ctx.graph();
    const double maxBedrooms = ctx.params().number("max_bedrooms");
    const double warnBedrooms = std::max(maxBedrooms, ctx.params().number("warn_bedrooms"));

    RuleResult r;
    r.unit = QT_TRANSLATE_NOOP("rules", "bedrooms");
    r.threshold = kit::atMostText(maxBedrooms, warnBedrooms, 0);
    const auto groups = bedroomsPerGroup(g);
    if (groups.empty()) {
        r.status = Status::NotApplicable;
        r.summary = QT_TRANSLATE_NOOP("rules", "the plan has no bedrooms");
        return r;
    }
    size_t largest = 0, total = 0;
    std::string largestGroup;
    for (const auto& [name, bedrooms] : groups) {
        total += bedrooms.size();
        if (bedrooms.size() > largest) {
            largest = bedrooms.size();
            largestGroup = name;
        }
        Finding f;
        f.object = name;
        f.objectType = "group";
        f.storey = g.space(bedrooms.front()).storey;
        f.location = middleOf(g, bedrooms);
        f.expected = kit::say(QT_TRANSLATE_NOOP("rules", "%1 bedrooms"), r.threshold);
        f.observed = kit::say(QT_TRANSLATE_NOOP("rules", "%1 bedrooms"), std::to_string(bedrooms.size()));
        if (name == BuildingGraph::kNoGroup)
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "bedrooms %1 belong to no living group; counted as their own group"), ids(g, bedrooms));
        else
            f.message = kit::say(QT_TRANSLATE_NOOP("rules", "group %1 has %2 bedrooms"), name, std::to_string(bedrooms.size()));
        r.findings.push_back(std::move(f));
    }
    r.value = static_cast<double>(largest);
    r.status = kit::atMost(static_cast<double>(largest), maxBedrooms, warnBedrooms);
    r.summary = kit::say(groups.size() == 1 ? QT_TRANSLATE_NOOP("rules", "largest living group: %1 with %2 bedrooms (%3 group, %4 bedrooms)")
                                            : QT_TRANSLATE_NOOP("rules", "largest living group: %1 with %2 bedrooms (%3 groups, %4 bedrooms)"),
                         largestGroup, std::to_string(largest), std::to_string(groups.size()), std::to_string(total));

    r.figures.push_back({"groups", static_cast<double>(groups.size()), ""});
    r.figures.push_back({"bedrooms", static_cast<double>(total), ""});
    return r;
}

class GroupSizePlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<GroupSizeRule>(); }
};

}  // namespace vgscan

#include "GroupSizeRule.moc"
