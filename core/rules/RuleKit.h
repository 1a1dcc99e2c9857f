#pragma once
// Small helpers shared by rule plugins: formatting figures and turning a
// figure and its limits into a status, so every rule words them the same way.
#include "model/Geometry.h"
#include "rules/RuleResult.h"

#include <QtGlobal>  // QT_TRANSLATE_NOOP, which marks the rules' texts for lupdate

#include <string>

#include <optional>
#include <vector>

namespace vgscan {
struct Context;
struct Site;
class ContextIndex;
class RuleContext;
}

namespace vgscan::kit {

// A text for people (summary, finding, expected, observed, label, unit) from
// a pattern marked for translation, its %1, %2 ... replaced by `parts` in one
// pass:  say(QT_TRANSLATE_NOOP("rules", "sanitary %1 also opens onto %2"), a, b).
// A rule writes English, because its results are data too (scan.json,
// sites.csv); lupdate collects the marked patterns into core/i18n/vgscan_nl.ts
// and the pages for people find the pattern again and show it in the chosen
// language (i18n/RuleTexts.h). A text without parts needs no say(): the
// marked literal itself is the text.
std::string sayParts(const char* pattern, const std::vector<std::string>& parts);
template <class... Parts>
std::string say(const char* pattern, const Parts&... parts) {
    return sayParts(pattern, std::vector<std::string>{std::string(parts)...});
}

// "12.3" with `decimals` digits, no trailing noise.
std::string fmt(double value, int decimals = 1);

// Higher is better: >= passMin passes, >= warnMin warns, else fails.
Status atLeast(double value, double passMin, double warnMin);
// Lower is better: <= passMax passes, <= warnMax warns, else fails.
Status atMost(double value, double passMax, double warnMax);

// Threshold text for the two cases above, e.g. ">= 100" or "<= 16 (warn up to 21)".
std::string atLeastText(double passMin, double warnMin, int decimals = 1);
std::string atMostText(double passMax, double warnMax, int decimals = 1);

// A pass that rests on a travel distance estimated because the portfolio has
// no roads layer (straight line x detour factor) becomes a warning with a
// finding on the site: a missing layer never passes silently. `estimated`:
// whether the figure is such an estimate.
void warnIfEstimatedWithoutRoads(RuleResult& r, bool estimated, const Context& context, const std::string& siteId,
                                 double detourFactor);

// Travel from a site to the nearest point of interest of each category
// (rules that need several services within reach). Adds to `r`, per
// category: figures `<category>_distance_m` and `<category>_travel_time_min`
// (and `<category>_within_reach`, the number within maxDistance, when
// `countWithin`), a finding and a line to the nearest one; a category with
// none in the poi layer gets a finding saying its distance is unknown. Then
// one figure `estimated` (1 when any distance is straight line x detour).
struct ReachEach {
    std::optional<double> farthest;  // the farthest of the nearest ones
    bool tooFar = false;             // one is beyond maxDistance
    bool missing = false;            // one category has none
    bool estimated = false;
    std::string summary;             // "avg 1150 m; crisis 2240 m (estimated)"
};
ReachEach reachEach(const ContextIndex& index, const Site& site, const std::vector<std::string>& categories,
                    double maxDistance, double speedKmh, double detourFactor, RuleResult& r, bool countWithin = false);

// A whole "each category within reach" rule (avg_access,
// amenities_within_reach), from its parameters max_distance_m, speed_kmh,
// detour_factor and categories: fail when one is too far, unknown when one
// has none or there is no poi layer (`noPoiLayer` says what is unknown), a
// warning when it would pass on estimates without roads; the headline is the
// farthest of the nearest ones.
RuleResult reachEachRule(const RuleContext& ctx, const std::string& noPoiLayer, bool countWithin);

// For a site rule: the portfolio's context index, or nullptr with `r` set to
// unknown when the rule runs without a site (`vgscan check`).
const ContextIndex* siteIndex(const RuleContext& ctx, RuleResult& r);

// A point for a finding: the centroid of the polygon.
Point centroid(const Polygon& poly);

}  // namespace vgscan::kit
