#pragma once
// Where a site's plan may be. A portfolio is a file someone sent; its `plan`
// column must not make the scan read files elsewhere on the machine (an
// absolute path, a `../` climb, a symlink out), ask a server for data (GDAL's
// /vsicurl/, /vsihttp ...), or block on something that is not a file (a FIFO,
// /dev/zero): docs/limits.md, "Plan paths".
#include <string>

namespace vgscan {

struct PlanPathPolicy {
    // The user's explicit choice (`--allow-outside-plans`): plans anywhere on
    // this machine and GDAL virtual paths (/vsizip/, /vsicurl/, ...). A local
    // plan must still be a regular file.
    bool allowOutside = false;
};

// True when `path` is one of GDAL's virtual file systems (/vsi...), which
// GDAL opens as a network request, an archive or memory, not a local file.
bool isGdalVirtualPath(const std::string& path);

// Why the plan `written` in the portfolio (resolved to `resolved`) may not be
// read; empty when it may. `folder` is the portfolio's folder. A plan that
// does not exist is not refused here: the reader says it is missing.
std::string refusePlanPath(const std::string& folder, const std::string& written, const std::string& resolved,
                           const PlanPathPolicy& policy);

// A local path that names something other than a regular file (following
// symlinks): "is a FIFO", "is a device", "is a directory"...; empty for a
// regular file, a missing file or a GDAL virtual path. Reading a FIFO or a
// device never ends, so every reader asks this first.
std::string notRegularFile(const std::string& path);

// Throws InputError(path, "", problem) when notRegularFile(path) says so.
void requireRegularFile(const std::string& path);

// Opens a regular file for reading without ever blocking (O_NONBLOCK, then
// fstat on the open descriptor, so a file swapped for a FIFO in between is
// still caught); -1 for anything else. The caller closes the descriptor.
int openRegularFile(const std::string& path);

}  // namespace vgscan
