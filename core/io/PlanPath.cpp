#include "io/PlanPath.h"

#include "io/InputError.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace vgscan {

namespace fs = std::filesystem;

namespace {

std::string kindOf(mode_t mode) {
    if (S_ISREG(mode)) return "";
    if (S_ISDIR(mode)) return "is a directory, not a file";
    if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file: reading it would wait forever";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file: reading it might never end";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

// `inner` lies in `outer` (both canonical, absolute).
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // a trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

}  // namespace

bool isGdalVirtualPath(const std::string& path) {
    // GDAL strips nothing before the prefix, and matches it case-sensitively.
    return path.rfind("/vsi", 0) == 0;
}

std::string refusePlanPath(const std::string& folder, const std::string& written, const std::string& resolved,
                           const PlanPathPolicy& policy) {
    if (isGdalVirtualPath(written) || isGdalVirtualPath(resolved)) {
        if (policy.allowOutside) return "";
        return "plan path '" + written +
               "' is a GDAL virtual path (/vsi...): vgscan does not read plans over the network or from "
               "archives unless you allow it with --allow-outside-plans";
    }
    if (const std::string kind = notRegularFile(resolved); !kind.empty())
        return "plan path '" + written + "' " + kind;
    if (policy.allowOutside) return "";
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    if (ec) return "plan path '" + written + "': the portfolio's folder cannot be resolved: " + ec.message();
    // Symlinks resolved too: a link inside the folder that points out is out.
    const fs::path plan = fs::weakly_canonical(fs::absolute(resolved, ec), ec);
    if (ec) return "plan path '" + written + "' cannot be resolved: " + ec.message();
    if (!within(plan, base))
        return "plan path '" + written + "' leads outside the portfolio's folder (to " + plan.string() +
               "); keep plans in or below " + base.string() + ", or allow it with --allow-outside-plans";
    return "";
}

std::string notRegularFile(const std::string& path) {
    if (path.empty() || isGdalVirtualPath(path)) return "";
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return "";  // missing: the reader says so
    return kindOf(st.st_mode);
}

void requireRegularFile(const std::string& path) {
    if (const std::string kind = notRegularFile(path); !kind.empty()) throw InputError(path, "", kind);
}

int openRegularFile(const std::string& path) {
    if (path.empty() || isGdalVirtualPath(path)) return -1;
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return -1;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return -1;
    }
    // Regular files ignore O_NONBLOCK; cleared all the same so reads are plain.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

}  // namespace vgscan
