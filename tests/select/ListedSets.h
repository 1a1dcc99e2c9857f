#pragma once
// What two runs of the solver must agree on when they list the same values:
// the value list (best first) and the sets strictly below the last listed
// value. Sets of exactly that value may legitimately differ (ties at the end
// of the list are cut anywhere), the sets below it may not. Catch2-free: the
// benchmarks (bench/bench_select.cpp) use it too.
#include "select/Selection.h"

#include <set>
#include <vector>

namespace listed {

inline std::vector<double> values(const vgscan::select::Result& r) {
    std::vector<double> v{r.value};
    for (const auto& c : r.runnersUp) v.push_back(c.value);
    return v;
}

// The listed sets (chosen and runner-ups) whose value is below `last`.
inline std::set<std::vector<int>> setsBelow(const vgscan::select::Result& r, double last) {
    std::set<std::vector<int>> s;
    if (r.value < last) s.insert(r.chosen);
    for (const auto& c : r.runnersUp)
        if (c.value < last) s.insert(c.sites);
    return s;
}

}  // namespace listed
