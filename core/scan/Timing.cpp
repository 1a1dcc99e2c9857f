#include "scan/Timing.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace vgscan {

namespace {

bool enabled() {
    static const bool on = std::getenv("VGSCAN_TIMING") != nullptr;
    return on;
}

double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace

PhaseTimer::PhaseTimer(std::string phase) : phase_(std::move(phase)) {
    if (!enabled()) return;
    start_ = std::chrono::steady_clock::now();
    cpuStart_ = processCpuSeconds();
}

PhaseTimer::~PhaseTimer() {
    if (!enabled()) return;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "vgscan timing: %-24s %8.3f s wall %8.3f s CPU\n", phase_.c_str(), wall,
                 processCpuSeconds() - cpuStart_);
}

}  // namespace vgscan
