#pragma once
// Phase times of a scan on stderr when the environment variable
// VGSCAN_TIMING is set (to anything): where a large scan spends its time,
// for docs/performance.md. Silent otherwise.
#include <chrono>
#include <string>

namespace vgscan {

class PhaseTimer {
public:
    explicit PhaseTimer(std::string phase);
    ~PhaseTimer();
    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;

private:
    std::string phase_;
    std::chrono::steady_clock::time_point start_;
    double cpuStart_ = 0;
};

}  // namespace vgscan
