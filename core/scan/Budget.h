#pragma once
// A time and size budget per site, so that one bad plan fails alone and a
// portfolio scan goes on (docs/performance.md, "Per-site budget").
//
// Time is bounded cooperatively: the scan sets a deadline for the thread that
// assesses a site (budget::Scope), and long loops call budget::check(), which
// throws BudgetExceeded once the deadline has passed. The engine checks
// between rules and while it loads and derives; readers and rules may check
// in their own loops. A check costs a counter increment; the clock is read
// every kCheckStride calls only.
//
// Size (and with it memory) is bounded before the work starts: the plan
// file's bytes, and once it is read, its spaces and vertices.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace vgscan {

struct SiteBudget {
    // Wall time for one site: reading its plan, deriving, every rule (s).
    // 0 or less: no limit. The default is far above what a real plan needs
    // (the largest sample takes well under a second).
    double seconds = 120.0;
    // Largest plan file read (bytes); larger files fail the site unread.
    std::uint64_t maxPlanBytes = 256ull << 20;
    // Largest plan model kept: spaces and polygon vertices over all storeys.
    std::size_t maxSpaces = 20000;
    std::size_t maxVertices = 2000000;

    static SiteBudget unlimited() { return {0.0, ~std::uint64_t{0}, ~std::size_t{0}, ~std::size_t{0}}; }
};

// Thrown by budget::check() when the current site's time is up.
class BudgetExceeded : public std::runtime_error {
public:
    BudgetExceeded(double seconds, const std::string& where);
    double seconds() const { return seconds_; }

private:
    double seconds_;
};

namespace budget {

inline constexpr unsigned kCheckStride = 64;

// Sets the current thread's deadline to `seconds` from now (none when <= 0)
// for its lifetime, and restores the previous one after.
class Scope {
public:
    explicit Scope(double seconds);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    std::int64_t previousDeadline_;
    double previousSeconds_;
};

// Throws BudgetExceeded when the current thread's deadline has passed;
// `where` says what was running ("rule 'sight_lines'", "reading the plan").
void check(const char* where = nullptr);
// The same, reading the clock now (between large steps).
void checkNow(const char* where = nullptr);
// True when a deadline is set and has passed.
bool expired();

}  // namespace budget

}  // namespace vgscan
