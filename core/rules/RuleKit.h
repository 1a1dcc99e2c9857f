#pragma once
// Small helpers shared by rule plugins: formatting figures and turning a
// figure and its limits into a status, so every rule words them the same way.
#include "model/Geometry.h"
#include "rules/RuleResult.h"

#include <string>

namespace vgscan::kit {

// "12.3" with `decimals` digits, no trailing noise.
std::string fmt(double value, int decimals = 1);

// Higher is better: >= passMin passes, >= warnMin warns, else fails.
Status atLeast(double value, double passMin, double warnMin);
// Lower is better: <= passMax passes, <= warnMax warns, else fails.
Status atMost(double value, double passMax, double warnMax);

// Threshold text for the two cases above, e.g. ">= 100" or "<= 16 (warn up to 21)".
std::string atLeastText(double passMin, double warnMin, int decimals = 1);
std::string atMostText(double passMax, double warnMax, int decimals = 1);

// A point for a finding: the centroid of the polygon.
Point centroid(const Polygon& poly);

}  // namespace vgscan::kit
