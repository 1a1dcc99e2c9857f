#pragma once
// Limits every plan reader applies while it reads (docs/limits.md), so that a
// plan too large to assess fails alone and fast, before validation and the
// rules (some of which compare spaces pairwise) spend the site's time budget.

#include <cstddef>

namespace vgscan::limits {

// Spaces in one plan (all storeys). Assumption: a care building has tens to
// hundreds of rooms and a hospital a few thousand; 10^4-10^5 spaces is a
// generated or damaged file, and rules that compare spaces pairwise would
// take minutes to hours on it.
inline constexpr std::size_t kMaxSpacesPerPlan = 5000;

}  // namespace vgscan::limits
