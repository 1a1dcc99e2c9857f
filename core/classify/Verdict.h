#pragma once
#include <optional>
#include <string>

namespace vgscan {

// The routes a site can take (docs/decisions.md draws the tree):
// fits_vg7: building and location meet the VG7 gates as they are;
// convert_vg7: fit after renovation the building allows, the location passes
//   and clustering is possible (in a cluster, or the plot takes a second house);
// cluster: the building fails VG7 but location and plot fit a new-build VG7 cluster;
// keep: stays in its current VG3/VG4 use;
// ambulant: clustered ambulant living, or back-up places (respite, crisis, time-out);
// dispose: sell, or turn into regular housing ("omklappen");
// needs_data: a deciding gate could not be evaluated.
enum class Verdict { FitsVG7, ConvertToVG7, Cluster, Keep, Ambulant, Dispose, NeedsData };

const char* toString(Verdict v);
std::optional<Verdict> parseVerdict(const std::string& s);

}  // namespace vgscan
