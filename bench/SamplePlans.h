#pragma once
// The sample plans (floorplans/plans/*.geojson) that several benchmarks run
// on, sorted by path so every run meets them in the same order. Needs
// VGSCAN_BENCH_SOURCE_DIR (the source tree), as every benchmark defines it.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace vgscan::bench {

inline std::vector<std::string> samplePlanPaths() {
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(std::string(VGSCAN_BENCH_SOURCE_DIR) + "/floorplans/plans"))
        if (e.path().extension() == ".geojson") paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    return paths;
}

}  // namespace vgscan::bench
