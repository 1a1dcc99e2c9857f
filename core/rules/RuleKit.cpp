#include "rules/RuleKit.h"

#include "derive/ContextIndex.h"
#include "model/Model.h"
#include "rules/Rule.h"

#include <boost/geometry/algorithms/centroid.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <cmath>
#include <cstdio>

namespace vgscan::kit {

std::string fmt(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s(buf);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

// A tiny tolerance so that 100.0 computed as 99.99999999 still passes ">= 100".
constexpr double kEps = 1e-9;

Status atLeast(double value, double passMin, double warnMin) {
    if (value + kEps >= passMin) return Status::Pass;
    if (value + kEps >= warnMin) return Status::Warn;
    return Status::Fail;
}

Status atMost(double value, double passMax, double warnMax) {
    if (value - kEps <= passMax) return Status::Pass;
    if (value - kEps <= warnMax) return Status::Warn;
    return Status::Fail;
}

std::string atLeastText(double passMin, double warnMin, int decimals) {
    std::string t = ">= " + fmt(passMin, decimals);
    if (warnMin < passMin) t += " (warn from " + fmt(warnMin, decimals) + ")";
    return t;
}

std::string atMostText(double passMax, double warnMax, int decimals) {
    std::string t = "<= " + fmt(passMax, decimals);
    if (warnMax > passMax) t += " (warn up to " + fmt(warnMax, decimals) + ")";
    return t;
}

void warnIfEstimatedWithoutRoads(RuleResult& r, bool estimated, const Context& context, const std::string& siteId,
                                 double detourFactor) {
    if (!estimated || context.hasRoads || r.status != Status::Pass) return;
    r.status = Status::Warn;
    r.summary = "warning: the portfolio has no roads layer, so the distance is only estimated; " + r.summary;
    r.findings.push_back({siteId, "site", "the portfolio has no roads layer: the distance is an estimate",
                          "a distance along the roads", "straight line x " + fmt(detourFactor, 2), std::nullopt,
                          std::nullopt});
}

ReachEach reachEach(const ContextIndex& index, const Site& site, const std::vector<std::string>& categories,
                    double maxDistance, double speedKmh, double detourFactor, RuleResult& r, bool countWithin) {
    ReachEach out;
    const Context& c = index.context();
    const Point from = ContextIndex::sitePoint(site);
    auto metres = [](double d) { return fmt(d, 2) + " m"; };
    for (const auto& category : categories) {
        if (!out.summary.empty()) out.summary += "; ";
        const auto t = index.nearestByTravel(from, PoiFilter{category}, detourFactor);
        if (!t) {
            out.missing = true;
            out.summary += category + ": none in the poi layer";
            r.findings.push_back({site.id, "site", "no '" + category + "' in the poi layer: its distance is unknown",
                                  "<= " + metres(maxDistance), "unknown", std::nullopt, std::nullopt});
            continue;
        }
        const Poi& poi = c.pois[t->poi];
        const double minutes = t->distance / (speedKmh * 1000.0 / 60.0);
        const bool far = atMost(t->distance, maxDistance, maxDistance) == Status::Fail;
        out.tooFar = out.tooFar || far;
        out.estimated = out.estimated || t->estimated;
        out.farthest = out.farthest ? std::max(*out.farthest, t->distance) : t->distance;
        r.figures.push_back({category + "_distance_m", t->distance, "m"});
        r.figures.push_back({category + "_travel_time_min", minutes, "min"});
        if (countWithin)
            r.figures.push_back({category + "_within_reach",
                                 static_cast<double>(index.allWithinTravel(from, PoiFilter{category}, maxDistance,
                                                                           detourFactor).size()),
                                 ""});
        r.findings.push_back({poi.name.empty() ? category : poi.name, "poi",
                              std::string(far ? "too far: nearest " : "nearest ") + category,
                              "<= " + metres(maxDistance),
                              describeTravel(*t, detourFactor, "service") + ", " + fmt(minutes, 1) + " min",
                              poi.position, std::nullopt});
        if (t->unreachable)
            r.findings.push_back({site.id, "site", "the road network does not connect the site to any " + category,
                                  "a road route", "none: estimated from the straight line", from, std::nullopt});
        Shape s;
        s.label = "nearest " + category;
        s.object = site.id;
        s.line = t->path.size() >= 2 ? t->path : LineString{from, poi.position};
        s.straight = t->estimated || t->path.size() < 2;
        r.shapes.push_back(std::move(s));
        out.summary += category + " " + metres(t->distance) + (t->estimated ? " (estimated)" : "");
    }
    r.figures.push_back({"estimated", out.estimated ? 1.0 : 0.0, ""});
    return out;
}

const ContextIndex* siteIndex(const RuleContext& ctx, RuleResult& r) {
    if (ctx.site() && ctx.contextIndex()) return ctx.contextIndex();
    r.status = Status::Unknown;
    r.summary = "no site and context layers (run in a portfolio scan)";
    return nullptr;
}

RuleResult reachEachRule(const RuleContext& ctx, const std::string& noPoiLayer, bool countWithin) {
    const Params& prm = ctx.params();
    const double maxDistance = prm.number("max_distance_m");
    const double speed = prm.number("speed_kmh");
    const double detour = prm.number("detour_factor");
    const std::vector<std::string> categories = prm.list("categories");
    RuleResult r;
    r.unit = "m";
    r.threshold = "<= " + fmt(maxDistance, 2) + " (each)";
    const ContextIndex* index = siteIndex(ctx, r);
    if (!index) return r;
    const Context& c = index->context();
    if (!c.hasPois) {
        r.status = Status::Unknown;
        r.summary = "the portfolio has no poi layer: " + noPoiLayer;
        return r;
    }
    const Site& site = *ctx.site();
    const ReachEach reach = reachEach(*index, site, categories, maxDistance, speed, detour, r, countWithin);
    r.value = reach.farthest;
    // Each must be within reach: one too far fails; one with no data leaves it unknown.
    r.status = reach.tooFar ? Status::Fail : reach.missing || categories.empty() ? Status::Unknown : Status::Pass;
    r.summary = (reach.estimated ? "estimated: " : "") + reach.summary;
    warnIfEstimatedWithoutRoads(r, reach.estimated, c, site.id, detour);
    return r;
}

Point centroid(const Polygon& poly) {
    Point c;
    bg::centroid(poly, c);
    return c;
}

}  // namespace vgscan::kit
