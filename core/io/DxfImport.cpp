// Placeholder until the Dxf importer lands (issue 8): a clear error, never a guess.
#include "io/Import.h"

namespace vgscan {

FloorPlan importDxf(const std::string& path, const ImportOptions&, ImportReport&) {
    throw InputError(path, "", "reading DXF files is not supported by this build yet");
}

}  // namespace vgscan
