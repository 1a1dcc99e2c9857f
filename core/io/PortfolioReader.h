#pragma once
// Reads a portfolio (sites, buildings and the context layers roads, poi,
// demand) through GDAL/OGR, reprojecting every layer to the CRS of `sites`,
// which must be projected in metres.
#include "io/InputError.h"
#include "model/Model.h"

#include <string>
#include <vector>

namespace vgscan {

// Whole-file problems throw InputError; a bad single feature is skipped and
// reported in `issues` (a bad site is kept out of the portfolio and listed).
Portfolio readPortfolio(const std::string& path, std::vector<InputIssue>& issues);

}  // namespace vgscan
