#include "rules/RuleKit.h"

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

Point centroid(const Polygon& poly) {
    Point c;
    bg::centroid(poly, c);
    return c;
}

}  // namespace vgscan::kit
