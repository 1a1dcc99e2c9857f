#pragma once
// CPU time for the benchmarks' own figures: on this shared, noisy machine the
// wall time says little, the CPU time of a run (and the ratio of two runs in
// the same process) says more.
#include <cstddef>
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

// Runs `now` and `former` (the way measured and its reference), `now` first
// on even turns and `former` first on odd ones, so that neither always meets
// warm caches; adds each one's CPU time of this thread to its sum.
template <class Now, class Former>
void alternating(std::size_t turn, Now&& now, double& nowSeconds, Former&& former, double& formerSeconds) {
    auto timed = [](auto&& run, double& sum) {
        const double t0 = threadCpuSeconds();
        run();
        sum += threadCpuSeconds() - t0;
    };
    if (turn % 2 == 0) {
        timed(now, nowSeconds);
        timed(former, formerSeconds);
    } else {
        timed(former, formerSeconds);
        timed(now, nowSeconds);
    }
}

// The figures of a benchmark that ran a way and its reference in turn
// (`state`: a benchmark::State): each one's CPU per iteration, times `scale`
// (1e3: ms, 1e6: us), under the names given, the reference's over the
// way's, and the mismatches of their answers; the error `differ` when any.
template <class State>
void twoWayCounters(State& state, const char* nowName, double nowSeconds, const char* formerName, double formerSeconds,
                    const char* ratioName, double scale, std::size_t mismatches, const char* differ) {
    const double n = static_cast<double>(state.iterations());
    state.counters[nowName] = scale * nowSeconds / n;
    state.counters[formerName] = scale * formerSeconds / n;
    state.counters[ratioName] = formerSeconds / nowSeconds;
    state.counters["mismatches"] = static_cast<double>(mismatches);
    if (mismatches > 0) state.SkipWithError(differ);
}

}  // namespace vgscan::bench
