#pragma once
#include <optional>
#include <string>

namespace vgscan {

// keep: stays fit for its current VG3/VG4 or clustered ambulant use;
// convert_vg7: building and location meet the VG7 gates;
// cluster: the building fails VG7 but the location and plot fit a new-build VG7 cluster;
// dispose: fits neither; needs_data: a deciding gate could not be evaluated.
enum class Verdict { Keep, ConvertToVG7, Cluster, Dispose, NeedsData };

const char* toString(Verdict v);
std::optional<Verdict> parseVerdict(const std::string& s);

}  // namespace vgscan
