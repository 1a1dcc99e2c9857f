#pragma once
// A synthetic care building for benchmarks: `wings` living groups side by
// side, each a 2 m corridor with 8 bedrooms (each with an ensuite bathroom), a
// living room with a staff post, a kitchen and a quiet room: 20 spaces and one
// staff post per wing. 10 wings = 200 spaces, 10 posts.
#include "model/Model.h"

namespace vgscan::bench {

FloorPlan syntheticPlan(int wings);

}  // namespace vgscan::bench
