#include "rules/RuleKit.h"
#include "rules/NumberText.h"

#include "derive/ContextIndex.h"
#include "i18n/RuleTexts.h"
#include "model/Model.h"
#include "rules/Rule.h"

#include <boost/geometry/algorithms/centroid.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace vgscan::kit {

std::string sayParts(const char* pattern, const std::vector<std::string>& parts) {
    std::string out;
    for (const char* c = pattern; *c; ++c) {
        // %1 .. %9: one digit is enough for the texts rules write
        if (c[0] == '%' && c[1] >= '1' && c[1] <= '9' && static_cast<std::size_t>(c[1] - '1') < parts.size()) {
            out += parts[static_cast<std::size_t>(c[1] - '1')];
            ++c;
        } else {
            out += *c;
        }
    }
    i18n::noteSaid(pattern, parts, out);
    return out;
}

std::string fmtPrintf(double value, int decimals) {
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

std::string fmt(double value, int decimals) {
    // std::to_chars with a precision writes what printf's "%.*f" writes (the
    // same correctly rounded digits, "nan", "-nan", "inf"), without the
    // format parsing and the locale; the trailing zeros are cut in the buffer.
    // A text printf would cut at 63 bytes, and a precision printf reads
    // otherwise, go the former way.
    if (decimals < 0 || decimals > 40) return fmtPrintf(value, decimals);
    char buf[64];
    const auto res = std::to_chars(buf, buf + 63, value, std::chars_format::fixed, decimals);
    if (res.ec != std::errc()) return fmtPrintf(value, decimals);
    char* end = res.ptr;
    if (std::find(buf, end, '.') != end) {
        while (end != buf && end[-1] == '0') --end;
        if (end != buf && end[-1] == '.') --end;
    }
    if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') return "0";
    return std::string(buf, end);
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
    if (warnMin < passMin) t = say(QT_TRANSLATE_NOOP("rules", "%1 (warn from %2)"), t, fmt(warnMin, decimals));
    return t;
}

std::string atMostText(double passMax, double warnMax, int decimals) {
    std::string t = "<= " + fmt(passMax, decimals);
    if (warnMax > passMax) t = say(QT_TRANSLATE_NOOP("rules", "%1 (warn up to %2)"), t, fmt(warnMax, decimals));
    return t;
}

void warnIfEstimatedWithoutRoads(RuleResult& r, bool estimated, const Context& context, const std::string& siteId,
                                 double detourFactor) {
    if (!estimated || context.hasRoads || r.status != Status::Pass) return;
    r.status = Status::Warn;
    r.summary = QT_TRANSLATE_NOOP("rules", "warning: the portfolio has no roads layer, so the distance is only estimated") + std::string("; ") +
                r.summary;
    r.findings.push_back({siteId, "site", QT_TRANSLATE_NOOP("rules", "the portfolio has no roads layer: the distance is an estimate"),
                          QT_TRANSLATE_NOOP("rules", "a distance along the roads"), say(QT_TRANSLATE_NOOP("rules", "straight line x %1"), fmt(detourFactor, 2)), std::nullopt,
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
            out.summary += say(QT_TRANSLATE_NOOP("rules", "%1: none in the poi layer"), category);
            r.findings.push_back({site.id, "site", say(QT_TRANSLATE_NOOP("rules", "no '%1' in the poi layer: its distance is unknown"), category),
                                  "<= " + metres(maxDistance), QT_TRANSLATE_NOOP("rules", "unknown"), std::nullopt, std::nullopt});
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
                              say(far ? QT_TRANSLATE_NOOP("rules", "too far: nearest %1") : QT_TRANSLATE_NOOP("rules", "nearest %1"), category),
                              "<= " + metres(maxDistance),
                              say(QT_TRANSLATE_NOOP("rules", "%1, %2 min"), describeTravel(*t, detourFactor, QT_TRANSLATE_NOOP("rules", "service")), fmt(minutes, 1)),
                              poi.position, std::nullopt});
        if (t->unreachable)
            r.findings.push_back({site.id, "site", say(QT_TRANSLATE_NOOP("rules", "the road network does not connect the site to any %1"), category),
                                  QT_TRANSLATE_NOOP("rules", "a road route"), QT_TRANSLATE_NOOP("rules", "none: estimated from the straight line"), from, std::nullopt});
        Shape s;
        s.label = say(QT_TRANSLATE_NOOP("rules", "nearest %1"), category);
        s.object = site.id;
        s.line = t->path.size() >= 2 ? t->path : LineString{from, poi.position};
        s.straight = t->estimated || t->path.size() < 2;
        r.shapes.push_back(std::move(s));
        out.summary += say(t->estimated ? QT_TRANSLATE_NOOP("rules", "%1 %2 m (estimated)") : QT_TRANSLATE_NOOP("rules", "%1 %2 m"), category, fmt(t->distance, 2));
    }
    r.figures.push_back({"estimated", out.estimated ? 1.0 : 0.0, ""});
    return out;
}

const ContextIndex* siteIndex(const RuleContext& ctx, RuleResult& r) {
    if (ctx.site() && ctx.contextIndex()) return ctx.contextIndex();
    r.status = Status::Unknown;
    r.summary = QT_TRANSLATE_NOOP("rules", "no site and context layers (run in a portfolio scan)");
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
    r.threshold = say(QT_TRANSLATE_NOOP("rules", "<= %1 (each)"), fmt(maxDistance, 2));
    const ContextIndex* index = siteIndex(ctx, r);
    if (!index) return r;
    const Context& c = index->context();
    if (!c.hasPois) {
        r.status = Status::Unknown;
        r.summary = say(QT_TRANSLATE_NOOP("rules", "the portfolio has no poi layer: %1"), noPoiLayer);

        return r;
    }
    const Site& site = *ctx.site();
    const ReachEach reach = reachEach(*index, site, categories, maxDistance, speed, detour, r, countWithin);
    r.value = reach.farthest;
    // Each must be within reach: one too far fails; one with no data leaves it unknown.
    r.status = reach.tooFar ? Status::Fail : reach.missing || categories.empty() ? Status::Unknown : Status::Pass;
    r.summary = reach.estimated ? say(QT_TRANSLATE_NOOP("rules", "estimated: %1"), reach.summary) : reach.summary;

    warnIfEstimatedWithoutRoads(r, reach.estimated, c, site.id, detour);
    return r;
}

Point centroid(const Polygon& poly) {
    Point c;
    bg::centroid(poly, c);
    return c;
}

}  // namespace vgscan::kit
