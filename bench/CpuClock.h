#pragma once
// CPU time for the benchmarks' own figures: on this shared, noisy machine the
// wall time says little, the CPU time of a run (and the ratio of two runs in
// the same process) says more.
#include <ctime>

namespace vgscan::bench {

// Seconds of CPU used by the calling thread.
inline double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// Seconds of CPU used by the whole process (all its threads).
inline double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace vgscan::bench
