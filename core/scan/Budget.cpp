#include "scan/Budget.h"

#include "rules/RuleKit.h"

#include <chrono>

namespace vgscan {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kNoDeadline = INT64_MAX;

thread_local std::int64_t tDeadline = kNoDeadline;  // Clock ticks
thread_local double tSeconds = 0.0;
thread_local unsigned tCalls = 0;

std::int64_t now() { return Clock::now().time_since_epoch().count(); }

}  // namespace

BudgetExceeded::BudgetExceeded(double seconds, const std::string& where)
    : std::runtime_error("exceeded its time budget of " + kit::fmt(seconds, 1) + " s" +
                         (where.empty() ? std::string() : " while " + where)),
      seconds_(seconds) {}

namespace budget {

Scope::Scope(double seconds) : previousDeadline_(tDeadline), previousSeconds_(tSeconds) {
    if (seconds > 0.0) {
        const auto span = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
        tDeadline = now() + span.count();
        tSeconds = seconds;
    } else {
        tDeadline = kNoDeadline;
        tSeconds = 0.0;
    }
    tCalls = 0;
}

Scope::~Scope() {
    tDeadline = previousDeadline_;
    tSeconds = previousSeconds_;
}

bool expired() { return tDeadline != kNoDeadline && now() > tDeadline; }

void checkNow(const char* where) {
    if (expired()) throw BudgetExceeded(tSeconds, where ? where : "");
}

void check(const char* where) {
    if (tDeadline == kNoDeadline || ++tCalls % kCheckStride != 0) return;
    checkNow(where);
}

}  // namespace budget

}  // namespace vgscan
