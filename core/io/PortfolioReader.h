#pragma once
// Reads a portfolio (sites, buildings and the context layers roads, poi,
// demand) through GDAL/OGR, reprojecting every layer to the CRS of `sites`,
// which must be projected in metres.
#include "io/InputError.h"
#include "io/PlanPath.h"
#include "model/Model.h"

#include <string>
#include <vector>

namespace vgscan {

// Whole-file problems throw InputError; a bad single feature is skipped and
// reported in `issues` (a bad site is kept out of the portfolio and listed).
// A site whose plan path `policy` refuses (io/PlanPath.h) is such a bad site:
// its plan is never opened.
Portfolio readPortfolio(const std::string& path, std::vector<InputIssue>& issues,
                        const PlanPathPolicy& policy = {});

}  // namespace vgscan
