#include "io/Import.h"

#include "io/PlanPath.h"

#include <algorithm>
#include <cctype>

namespace vgscan {

namespace {
std::string lowerExtension(const std::string& path) {
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}
}  // namespace

bool isImportedFormat(const std::string& path) {
    const std::string ext = lowerExtension(path);
    return ext == "dxf" || ext == "ifc";
}

FloorPlan importPlan(const std::string& path, const ImportOptions& options, ImportReport& report) {
    requireRegularFile(path);  // a FIFO named plan.ifc would be read forever
    const std::string ext = lowerExtension(path);
    if (ext == "dxf") return importDxf(path, options, report);
    if (ext == "ifc") return importIfc(path, options, report);
    throw InputError(path, "", "not a DXF or IFC file (extension '." + ext + "')");
}

}  // namespace vgscan
