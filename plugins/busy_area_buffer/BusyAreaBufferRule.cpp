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
    r.threshold = kit::say(QT_TRANSLATE_NOOP("rules", "road >= %1; place >= %2"), kit::fmt(minRoad, 2), kit::fmt(minPlace, 2));
    const ContextIndex* index = kit::siteIndex(ctx, r);
    if (!index) return r;
    const Site* site = ctx.site();
    const Context& c = index->context();
    if (!c.hasRoads && !c.hasPois) {
        r.status = Status::Unknown;
        r.summary = QT_TRANSLATE_NOOP("rules", "the portfolio has neither a roads nor a poi layer");
        return r;
    }
    const MultiPolygon area = ContextIndex::builtArea(*site);
    const bool noFootprints = site->footprints.empty();

    Part road;
    road.layer = c.hasRoads;
    if (road.layer) {
        if (auto hit = index->nearestRoad(area, busyRoads)) {
            const Road& rd = c.roads[hit->road];
            road.distance = hit->distance;
            road.from = hit->fromArea;
            road.to = hit->onRoad;
            road.what = rd.aadt ? kit::say(QT_TRANSLATE_NOOP("rules", "%1 road (aadt %2)"), rd.roadClass, kit::fmt(*rd.aadt, 0))
                                : kit::say(QT_TRANSLATE_NOOP("rules", "%1 road"), rd.roadClass);
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

    // The texts of one kind (road, place): no layer, none in it, too close, nearest.
    struct Words {
        const char* noLayer;
        const char* none;
        const char* tooClose;
        const char* nearest;
    };
    const Words roadWords{QT_TRANSLATE_NOOP("rules", "no roads layer: distance to busy roads unknown"), QT_TRANSLATE_NOOP("rules", "no busy road in the context layer"),
                          QT_TRANSLATE_NOOP("rules", "too close to a busy road: %1"), QT_TRANSLATE_NOOP("rules", "nearest busy road: %1")};
    const Words placeWords{QT_TRANSLATE_NOOP("rules", "no poi layer: distance to busy places unknown"), QT_TRANSLATE_NOOP("rules", "no busy place in the context layer"),
                           QT_TRANSLATE_NOOP("rules", "too close to a busy place: %1"), QT_TRANSLATE_NOOP("rules", "nearest busy place: %1")};
    auto report = [&](const Part& part, const Words& words, const char* label, double minimum, const char* figure) {
        const std::string expected = ">= " + metres(minimum);
        if (!part.layer) {
            r.findings.push_back({site->id, "site", words.noLayer, expected, QT_TRANSLATE_NOOP("rules", "unknown"), std::nullopt, std::nullopt});
            return;
        }
        if (!part.distance) {
            r.findings.push_back({site->id, "site", words.none, expected, QT_TRANSLATE_NOOP("rules", "none"), std::nullopt, std::nullopt});
            return;
        }
        r.findings.push_back({site->id, "site", kit::say(part.tooClose ? words.tooClose : words.nearest, part.what),
                              expected,
                              kit::say(noFootprints ? QT_TRANSLATE_NOOP("rules", "%1 from the plot (no footprints)") : QT_TRANSLATE_NOOP("rules", "%1 from the footprint"),
                                       metres(*part.distance)),
                              part.to, std::nullopt});
        r.figures.push_back({figure, *part.distance, "m"});
        Shape s;
        s.label = label;
        s.object = site->id;
        s.line = {part.from, part.to};
        r.shapes.push_back(std::move(s));
    };
    report(road, roadWords, QT_TRANSLATE_NOOP("rules", "nearest busy road"), minRoad, "road_distance_m");
    report(place, placeWords, QT_TRANSLATE_NOOP("rules", "nearest busy place"), minPlace, "place_distance_m");

    // The headline: whichever busy feature is nearer.
    std::optional<double> nearest;
    for (const Part* p : {&road, &place})
        if (p->distance) nearest = nearest ? std::min(*nearest, *p->distance) : *p->distance;
    r.value = nearest;
    r.status = road.tooClose || place.tooClose ? Status::Fail : Status::Pass;

    std::string parts;
    // kind: a pattern "busy road: %1"
    auto describe = [&](const Part& p, const char* kind) {
        if (!parts.empty()) parts += "; ";
        parts += kit::say(kind, !p.layer      ? std::string(QT_TRANSLATE_NOOP("rules", "unknown (no layer)"))
                                : p.distance ? kit::say(QT_TRANSLATE_NOOP("rules", "%1 (%2)"), metres(*p.distance), p.what)
                                             : std::string(QT_TRANSLATE_NOOP("rules", "none in the layer")));
    };
    describe(road, QT_TRANSLATE_NOOP("rules", "busy road: %1"));
    describe(place, QT_TRANSLATE_NOOP("rules", "busy place: %1"));
    r.summary = kit::say(r.status == Status::Fail ? QT_TRANSLATE_NOOP("rules", "too close to a busy area: %1") : QT_TRANSLATE_NOOP("rules", "far enough from busy areas: %1"),
                         parts);

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
