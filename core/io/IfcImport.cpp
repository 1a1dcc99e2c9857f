// Placeholder until the Ifc importer lands (issue 8): a clear error, never a guess.
#include "io/Import.h"

namespace vgscan {

FloorPlan importIfc(const std::string& path, const ImportOptions&, ImportReport&) {
    throw InputError(path, "", "reading IFC files is not supported by this build yet");
}

}  // namespace vgscan
