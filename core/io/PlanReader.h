#pragma once
// Reads one building's floor plan (the contract in docs/floorplan-format.md)
// through GDAL/OGR. It converts and reports what it cannot read; it judges
// nothing else (geometry checks are in validate/).
#include "io/InputError.h"
#include "model/Model.h"

#include <string>
#include <vector>

namespace vgscan {

// Reads the plan; problems with single features go to `issues` (the feature
// is skipped); problems with the whole file throw InputError.
FloorPlan readPlan(const std::string& path, std::vector<InputIssue>& issues);

// readPlan + validatePlan: throws InputError with every error found; warnings
// are appended to `warnings` when given.
FloorPlan loadPlan(const std::string& path, std::vector<InputIssue>* warnings = nullptr);

}  // namespace vgscan
