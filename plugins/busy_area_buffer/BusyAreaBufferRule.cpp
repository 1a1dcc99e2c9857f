#include "BusyAreaBufferRule.h"

#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/RuleKit.h"

#include <QObject>

#include <algorithm>

namespace vgscan {

namespace {

// One half of the rule (roads, or places): what was found and its verdict.
struct Part {
    bool layer = false;              // the context layer exists
    std::optional<double> distance;  // to the nearest busy feature; none found: nullopt
    Point from{0.0, 0.0}, to{0.0, 0.0};
    std::string what;                // "primary road", "school 'De Linde'"
    bool tooClose = false;
};

std::string metres(double d) { return kit::fmt(d, 2) + " m"; }

}  // namespace

RuleResult BusyAreaBufferRule::evaluate(const RuleContext& ctx) const {
    const Params& prm = ctx.params();
    const double minRoad = prm.number("min_road_distance_m");
    const double minPlace = prm.number("min_place_distance_m");
    RoadFilter busyRoads{prm.list("busy_road_classes"), prm.number("busy_aadt")};
    const std::vector<std::string> busyCategories = prm.list("busy_categories");

    RuleResult r;
    r.unit = "m";
    r.threshold = "road >= " + kit::fmt(minRoad, 2) + "; place >= " + kit::fmt(minPlace, 2);
    const ContextIndex* index = kit::siteIndex(ctx, r);
    if (!index) return r;
    const Site* site = ctx.site();
    const Context& c = index->context();
    if (!c.hasRoads && !c.hasPois) {
        r.status = Status::Unknown;
        r.summary = "the portfolio has neither a roads nor a poi layer";
        return r;
    }
    const MultiPolygon area = ContextIndex::builtArea(*site);
    const std::string areaName = site->footprints.empty() ? "plot (no footprints)" : "footprint";

    Part road;
    road.layer = c.hasRoads;
    if (road.layer) {
        if (auto hit = index->nearestRoad(area, busyRoads)) {
            const Road& rd = c.roads[hit->road];
            road.distance = hit->distance;
            road.from = hit->fromArea;
            road.to = hit->onRoad;
            road.what = rd.roadClass + " road" + (rd.aadt ? " (aadt " + kit::fmt(*rd.aadt, 0) + ")" : "");
            road.tooClose = hit->distance + 1e-9 < minRoad;
        }
    }
    Part place;
    place.layer = c.hasPois;
    if (place.layer) {
        for (const auto& category : busyCategories) {
            auto hit = index->nearestPoi(area, PoiFilter{category});
            if (!hit || (place.distance && hit->distance >= *place.distance)) continue;
            const Poi& poi = c.pois[hit->poi];
            place.distance = hit->distance;
            place.from = hit->fromArea;
            place.to = poi.position;
            place.what = poi.category + (poi.name.empty() ? "" : " '" + poi.name + "'");
        }
        place.tooClose = place.distance && *place.distance + 1e-9 < minPlace;
    }

    auto report = [&](const Part& part, const char* kind, double minimum, const char* figure) {
        const std::string expected = ">= " + metres(minimum);
        if (!part.layer) {
            r.findings.push_back({site->id, "site",
                                  std::string("no ") + (std::string(kind) == "road" ? "roads" : "poi") +
                                      " layer: distance to busy " + kind + "s unknown",
                                  expected, "unknown", std::nullopt, std::nullopt});
            return;
        }
        if (!part.distance) {
            r.findings.push_back({site->id, "site", std::string("no busy ") + kind + " in the context layer", expected,
                                  "none", std::nullopt, std::nullopt});
            return;
        }
        r.findings.push_back({site->id, "site",
                              std::string(part.tooClose ? "too close to a busy " : "nearest busy ") + kind + ": " +
                                  part.what,
                              expected, metres(*part.distance) + " from the " + areaName, part.to, std::nullopt});
        r.figures.push_back({figure, *part.distance, "m"});
        Shape s;
        s.label = std::string("nearest busy ") + kind;
        s.object = site->id;
        s.line = {part.from, part.to};
        r.shapes.push_back(std::move(s));
    };
    report(road, "road", minRoad, "road_distance_m");
    report(place, "place", minPlace, "place_distance_m");

    // The headline: whichever busy feature is nearer.
    std::optional<double> nearest;
    for (const Part* p : {&road, &place})
        if (p->distance) nearest = nearest ? std::min(*nearest, *p->distance) : *p->distance;
    r.value = nearest;
    r.status = road.tooClose || place.tooClose ? Status::Fail : Status::Pass;

    std::string parts;
    auto describe = [&](const Part& p, const char* kind) {
        if (!parts.empty()) parts += "; ";
        parts += std::string(kind) + ": " +
                 (!p.layer ? std::string("unknown (no layer)")
                           : p.distance ? metres(*p.distance) + " (" + p.what + ")" : std::string("none in the layer"));
    };
    describe(road, "busy road");
    describe(place, "busy place");
    r.summary = std::string(r.status == Status::Fail ? "too close to a busy area" : "far enough from busy areas") +
                ": " + parts;
    return r;
}

class BusyAreaBufferPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<BusyAreaBufferRule>(); }
};

}  // namespace vgscan

#include "BusyAreaBufferRule.moc"
