#pragma once
// Reads one building's floor plan (the contract in docs/floorplan-format.md)
// through GDAL/OGR. It converts and reports what it cannot read; it judges
// nothing else (geometry checks are in validate/).
#include "io/InputError.h"
#include "model/Model.h"

#include <string>
#include <vector>

namespace vgscan {

// How a GDAL plan is read. Direct: a .geojson/.json file offered to the
// GeoJSON driver first, each property's field number looked up once per
// layer, geometries converted in place, a GeoJSON's "crs" member looked for
// skipping what cannot be one. Former: every driver asked, the properties
// looked up by name for every feature, each geometry copied before it is
// converted, every character of the text scanned for "crs" (the reference of
// tests and bench_plan_read).
// Both give the same plan and the same messages.
enum class PlanReadMethod { Direct, Former };

// Reads the plan; problems with single features go to `issues` (the feature
// is skipped); problems with the whole file throw InputError.
FloorPlan readPlan(const std::string& path, std::vector<InputIssue>& issues,
                   PlanReadMethod method = PlanReadMethod::Direct);

// readPlan + validatePlan: throws InputError with every error found; warnings
// are appended to `warnings` when given.
FloorPlan loadPlan(const std::string& path, std::vector<InputIssue>* warnings = nullptr,
                   PlanReadMethod method = PlanReadMethod::Direct);

}  // namespace vgscan
