#pragma once
// Writes a plan in the native format (docs/floorplan-format.md), so that an
// imported drawing can be inspected in QGIS and read back by loadPlan.
#include "model/Model.h"

#include <string>

namespace vgscan {

// `.geojson`/`.json`: one layer whose features carry `feature`; `.gpkg`: the
// layers `spaces`, `openings`, `staff_posts`. Written to a temporary file
// beside `path` and renamed into place, so a failed write leaves no half
// file. Throws InputError when `path` is the plan's own source, has another
// extension, or cannot be written.
void writePlan(const std::string& path, const FloorPlan& plan);

}  // namespace vgscan
