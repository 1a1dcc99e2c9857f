// Exact k-site selection by branch and bound.
//
// All three objectives are solved as minimisation internally:
//   median    value(S) = sum_j w_j d_j(S),           d_j(S) = min_{i in S} c_ij
//   coverage  value(S) = uncovered weight = the median value on the 0/1 matrix
//             b_ij = (c_ij <= radius ? 0 : 1); reported as covered = W - value
//   center    value(S) = max_j d_j(S) over demand with w_j > 0
// Demand with zero weight is dropped from the working matrix (it cannot change
// any value), which also makes the center's "w_j > 0" rule automatic.
//
// The search keeps the best (1 + runnersUp) distinct sets seen; a subtree is
// cut only when a valid bound proves that no set in it can be strictly better
// than the worst of those (the pruning threshold). So the best set is the
// proven optimum and the runner-ups are the true next best values (among sets
// with EQUAL values, which ones are listed depends on the search order).
#include "select/Selection.h"

#include <QtGlobal>  // QT_TRANSLATE_NOOP: the method is shown to people (i18n/RuleTexts.h)

#include <chrono>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <numeric>
#include <set>
#include <thread>

namespace vgscan::select {

const char* toString(Objective o) {
    switch (o) {
    case Objective::Median: return "median";
    case Objective::Coverage: return "coverage";
    case Objective::Center: return "center";
    }
    return "?";
}

Objective objectiveFromString(const std::string& s) {
    if (s == "median") return Objective::Median;
    if (s == "coverage") return Objective::Coverage;
    if (s == "center") return Objective::Center;
    throw std::invalid_argument("unknown objective '" + s + "' (median, coverage or center)");
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The sparse root polishes the relaxation's sets while its own work is at
// least this many times the polish's (both in costs and list entries read):
// a fifth of the root's work, as the former rule of a fifth of its time. On
// 1,000 x 20,000, k = 10 both polish once per 100-150 steps (11 and 12
// polishes in the first 1,400 steps).
constexpr double kPolishWorkRatio = 4;

// With VGSCAN_TIMING set (as for the scan's phase times): how far the median
// search got and when, on stderr. Silent otherwise.
void trace(const char* format, ...) __attribute__((format(printf, 1, 2)));
void trace(const char* format, ...) {
    static const bool on = std::getenv("VGSCAN_TIMING") != nullptr;
    if (!on) return;
    static const auto start = std::chrono::steady_clock::now();
    timespec cpu{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    static const double cpuStart = static_cast<double>(cpu.tv_sec) + 1e-9 * static_cast<double>(cpu.tv_nsec);
    std::fprintf(stderr, "vgscan timing: select %7.2f s wall %7.2f s CPU: ",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                 static_cast<double>(cpu.tv_sec) + 1e-9 * static_cast<double>(cpu.tv_nsec) - cpuStart);
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
    std::fputc('\n', stderr);
}
constexpr float kInfF = std::numeric_limits<float>::infinity();

// Sums in double are exact to ~1e-13 here; a bound must clear the threshold by
// more than that before it cuts, so rounding can never cut the optimum.
double slack(double threshold) { return 1e-9 * std::max(1.0, std::abs(threshold)); }

// A number in a message as people write it: 2, 0.5, 10.25 (not 2.000000).
std::string shortNumber(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

// The hot loops. Contiguous rows, independent accumulators so that -O3 can
// vectorise without reassociating a single floating-point sum.
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define VGSCAN_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define VGSCAN_SIMD_CLONES
#endif

// out = min(d, row); returns sum_j w_j out_j.
VGSCAN_SIMD_CLONES
double extendSum(const float* d, const float* row, const double* w, float* out, std::size_t n) {
    double acc[4] = {0, 0, 0, 0};
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4)
        for (std::size_t l = 0; l < 4; ++l) {
            const float m = std::min(d[j + l], row[j + l]);
            out[j + l] = m;
            acc[l] += w[j + l] * static_cast<double>(m);
        }
    for (; j < n; ++j) {
        out[j] = std::min(d[j], row[j]);
        acc[0] += w[j] * static_cast<double>(out[j]);
    }
    return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

// out = min(d, row); returns max_j out_j.
VGSCAN_SIMD_CLONES
double extendMax(const float* d, const float* row, float* out, std::size_t n) {
    float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::size_t j = 0;
    for (; j + 8 <= n; j += 8)
        for (std::size_t l = 0; l < 8; ++l) {
            const float m = std::min(d[j + l], row[j + l]);
            out[j + l] = m;
            acc[l] = std::max(acc[l], m);
        }
    for (; j < n; ++j) {
        out[j] = std::min(d[j], row[j]);
        acc[0] = std::max(acc[0], out[j]);
    }
    return *std::max_element(acc, acc + 8);
}

// Lagrangian reduced cost of one candidate: sum_j min(0, w_j c_ij - lambda_j).
VGSCAN_SIMD_CLONES
double reducedCost(const float* row, const double* w, const double* lambda, std::size_t n) {
    double acc[4] = {0, 0, 0, 0};
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4)
        for (std::size_t l = 0; l < 4; ++l)
            acc[l] += std::min(0.0, w[j + l] * static_cast<double>(row[j + l]) - lambda[j + l]);
    for (; j < n; ++j) acc[0] += std::min(0.0, w[j] * static_cast<double>(row[j]) - lambda[j]);
    return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

// The same in float, for the subgradient iterations only.
VGSCAN_SIMD_CLONES
float reducedCostF(const float* row, const float* w, const float* lambda, std::size_t n) {
    float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::size_t j = 0;
    for (; j + 8 <= n; j += 8)
        for (std::size_t l = 0; l < 8; ++l) acc[l] += std::min(0.f, w[j + l] * row[j + l] - lambda[j + l]);
    for (; j < n; ++j) acc[0] += std::min(0.f, w[j] * row[j] - lambda[j]);
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

// One block of demand points of a subgradient step on the flat lists
// (Solver::flatten): out_i += w_j c_ij - lambda_j over each list's prefix
// below lambda_j. Returns the entries read.
template <class Site>
std::size_t priceFlat(const std::size_t* start, const float* wc, const Site* site, const float* lambda, std::size_t t0,
                      std::size_t t1, double* out) {
    std::size_t scanned = 0;
    for (std::size_t t = t0; t < t1; ++t) {
        const float lam = lambda[t];
        const std::size_t e0 = start[t], e1 = start[t + 1];
        std::size_t e = e0;
        for (; e < e1; ++e) {
            const float v = wc[e] - lam;
            if (v >= 0) break;
            out[site[e]] += static_cast<double>(v);
        }
        scanned += e - e0;
    }
    return scanned;
}

// Runs work(part) for part = 0 .. parts-1, each on its own thread (part 0 on
// the caller's). Every part writes only its own results, and the caller
// combines them in part order: the answer does not depend on the number of
// cores or the threads' timing.
template <class Work>
void inParallel(std::size_t parts, Work&& work) {
    std::vector<std::thread> pool;
    for (std::size_t part = 1; part < parts; ++part) pool.emplace_back([&work, part] { work(part); });
    if (parts > 0) work(0);
    for (auto& t : pool) t.join();
}

// Threads for the large relaxation's hot loops: one per core, at most 8.
std::size_t workerCount() {
    static const std::size_t n = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    return n;
}

// One row of the first nearest-list pass: per demand point, count the costs
// <= cover and keep the two smallest above it (a1 at index at1, then a2).
VGSCAN_SIMD_CLONES
void countWithin(const float* row, const float* cover, int i, std::uint32_t* count, float* a1, int* at1, float* a2,
                 std::size_t n) {
    for (std::size_t t = 0; t < n; ++t) {
        const float x = row[t];
        const bool within = x <= cover[t];
        count[t] += within;
        const float y = within ? std::numeric_limits<float>::infinity() : x;
        const bool first = y < a1[t];
        a2[t] = first ? a1[t] : std::min(a2[t], y);
        at1[t] = first ? i : at1[t];
        a1[t] = first ? y : a1[t];
    }
}

// The best `capacity` distinct sets seen so far, best first.
class TopList {
public:
    explicit TopList(std::size_t capacity) : capacity_(capacity) {}
    // Sets worse than or equal to this cannot enter any more.
    double threshold() const { return items_.size() < capacity_ ? kInf : items_.back().value; }
    void offer(std::vector<int> sites, double value) {
        if (!(value < threshold())) return;
        std::sort(sites.begin(), sites.end());
        for (const auto& c : items_)
            if (c.sites == sites) return;  // the heuristic's sets are met again in the search
        // Equal values keep the order they were found in: deterministic output.
        auto at = std::upper_bound(items_.begin(), items_.end(), value,
                                   [](double v, const Combination& c) { return v < c.value; });
        items_.insert(at, Combination{std::move(sites), value});
        if (items_.size() > capacity_) items_.pop_back();
    }
    const std::vector<Combination>& items() const { return items_; }
    void clear() { items_.clear(); }

private:
    std::size_t capacity_;
    std::vector<Combination> items_;
};

bool relaxationForCenter(const Problem& p) { return p.centerMethod != CenterMethod::BranchAndBound; }

class Solver {
public:
    explicit Solver(const Problem& p) : p_(p), top_(static_cast<std::size_t>(p.runnersUp) + 1) {
        M_ = p.candidates.size();
        // Working matrix: only demand with positive weight; coverage as 0/1.
        // The problem's own matrix is used in place whenever it can be (median
        // and center with every weight positive): a large matrix is held once.
        const std::size_t N = p.demand.size();
        for (std::size_t j = 0; j < N; ++j)
            if (p.weight[j] > 0) keep_.push_back(j);
        n_ = keep_.size();
        if (p.objective != Objective::Coverage && n_ == N) {
            mat_ = p.cost.data();
        } else {
            own_.resize(M_ * n_);
            for (std::size_t i = 0; i < M_; ++i)
                for (std::size_t t = 0; t < n_; ++t) {
                    const float c = p.cost[i * N + keep_[t]];
                    own_[i * n_ + t] = p.objective == Objective::Coverage ? (c <= p.radius ? 0.f : 1.f) : c;
                }
            mat_ = own_.data();
        }
        for (std::size_t j : keep_) w_.push_back(p.weight[j]);
        wf_.assign(w_.begin(), w_.end());
        // With integer weights and costs every value is an integer, so a bound
        // of 5818.2 proves that no set is below 5819 (OR-Library, counts).
        integral_ = std::all_of(w_.begin(), w_.end(), [](double w) { return w == std::floor(w) && w < 1e6; });
        for (std::size_t x = 0; integral_ && x < M_ * n_; ++x)
            integral_ = mat_[x] == std::floor(mat_[x]) && mat_[x] < 1e7f;
        fixed_.assign(p.mustInclude.begin(), p.mustInclude.end());
        std::sort(fixed_.begin(), fixed_.end());
        inFixed_.assign(M_, 0);
        for (int i : fixed_) inFixed_[i] = 1;
        // Nearest-candidate lists pay once the matrix is too large to read at
        // every subgradient step (about 20 M cells: 80 MB); with few
        // candidates per site the dense rows are as cheap.
        const bool large = p.objective == Objective::Median && M_ * n_ >= 20'000'000 && M_ >= 8 * static_cast<std::size_t>(p.k) &&
                           p.k >= 2;
        sparse_ = p.objective != Objective::Center &&
                  (p.pricing == Problem::Pricing::NearestLists || (p.pricing == Problem::Pricing::Automatic && large));
        if (p.need > 0) {
            byCapacity_.resize(M_);
            std::iota(byCapacity_.begin(), byCapacity_.end(), 0);
            std::stable_sort(byCapacity_.begin(), byCapacity_.end(),
                             [&](int a, int b) { return p.capacity[a] > p.capacity[b]; });
        }
    }

    Result run() {
        // A limit beyond the clock's range (1e12 s, inf) is no limit: added to
        // now it would wrap into the past and stop the search at once. NaN
        // fails the first test and is no limit either.
        const auto now = std::chrono::steady_clock::now();
        if (p_.timeLimit > 0 &&
            p_.timeLimit < std::chrono::duration<double>(std::chrono::steady_clock::time_point::max() - now).count() / 2) {
            limited_ = true;
            deadline_ = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>(p_.timeLimit));
        }
        if (p_.objective == Objective::Center) {
            heuristic();
        } else {
            trace("%zu candidates x %zu demand points, k = %d, %s pricing", M_, n_, p_.k,
                  sparse_ ? "nearest-list" : "dense");
            heuristicSum();
        }
        std::string method;
        if (static_cast<int>(fixed_.size()) == p_.k) {
            std::vector<float> d(n_);
            if (meetsNeed(fixed_)) top_.offer(fixed_, value(fixed_, d));
            method = QT_TRANSLATE_NOOP("rules", "must-include fixes every site");
        } else if (p_.objective == Objective::Center && relaxationForCenter(p_)) {
            searchCenterRelaxation();
            method = p_.runnersUp == 0
                         ? QT_TRANSLATE_NOOP("rules", "binary search on the radius; each radius checked by an exact set "
                                                      "cover on a growing subset of the demand (relaxation, Chen & Chen "
                                                      "2009), greedy + interchange start")
                         : QT_TRANSLATE_NOOP("rules", "binary search on the radius; each radius checked by an exact set "
                                                      "cover on a growing subset of the demand (relaxation, Chen & Chen "
                                                      "2009), greedy + interchange start; each runner-up by the same "
                                                      "search with the sets listed before it excluded");
        } else if (p_.objective == Objective::Center) {
            searchCenter();
            method = QT_TRANSLATE_NOOP("rules", "branch and bound on the worst-served demand point (a better set must "
                                                "serve it closer), greedy + interchange start");
        } else {
            searchSum();
            method = std::string(QT_TRANSLATE_NOOP("rules", "branch and bound with a Lagrangian lower bound at every node "
                                                            "(subgradient, reduced-cost fixing), greedy + fast "
                                                            "interchange start")) +
                     (p_.objective == Objective::Coverage
                          ? std::string("; ") + QT_TRANSLATE_NOOP("rules", "coverage solved as uncovered weight")
                          : std::string()) +
                     (sparse_ ? std::string("; ") +
                                    QT_TRANSLATE_NOOP("rules", "each demand point priced against its nearest candidates "
                                                               "only (lists lengthened where the bound needs it)")
                              : std::string());
        }
        if (top_.items().empty() && stopped_)
            throw SelectionError("the time limit of " + shortNumber(p_.timeLimit) +
                                 " s stopped the search before any set of " + std::to_string(p_.k) +
                                 " candidates satisfying the constraints was found");
        if (top_.items().empty()) {
            // Only the constraints the problem has: the one that binds is among them.
            std::string given;
            auto add = [&](const std::string& c) { given += (given.empty() ? "" : ", ") + c; };
            if (p_.minSeparation > 0) add("min-separation " + shortNumber(p_.minSeparation));
            if (!p_.mustInclude.empty()) add("must-include " + std::to_string(p_.mustInclude.size()));
            if (p_.need > 0) add("need " + std::to_string(p_.need));
            throw SelectionError("no set of " + std::to_string(p_.k) + " candidates satisfies the constraints" +
                                 (given.empty() ? std::string() : " (" + given + ")"));
        }
        return finish(method);
    }

private:
    // Threads for the hot loops: the problem's, or one per core (at most 8).
    // The answers do not depend on it (fixed blocks, summed in order).
    std::size_t workers() const { return p_.threads > 0 ? static_cast<std::size_t>(p_.threads) : workerCount(); }
    const float* row(int i) const { return mat_ + static_cast<std::size_t>(i) * n_; }
    bool separated(int a, int b) const {
        return p_.minSeparation <= 0 ||
               p_.separation[static_cast<std::size_t>(a) * M_ + static_cast<std::size_t>(b)] >= p_.minSeparation;
    }
    bool separatedFrom(int i, const std::vector<int>& S) const {
        for (int s : S)
            if (s == i || !separated(i, s)) return false;
        return true;
    }
    // Capacity (the plan's need): 0 for every candidate when there is no need.
    int cap(int i) const { return p_.need > 0 ? p_.capacity[static_cast<std::size_t>(i)] : 0; }
    int capOf(const std::vector<int>& S) const {
        int sum = 0;
        for (int i : S) sum += cap(i);
        return sum;
    }
    bool meetsNeed(const std::vector<int>& S) const { return p_.need <= 0 || capOf(S) >= p_.need; }
    // S plus the r largest candidates outside it can still hold the need
    // (separation ignored: for the greedy start only).
    bool canReach(const std::vector<int>& S, int r) const {
        if (p_.need <= 0) return true;
        int sum = capOf(S);
        for (std::size_t t = 0; t < byCapacity_.size() && r > 0 && sum < p_.need; ++t)
            if (std::find(S.begin(), S.end(), byCapacity_[t]) == S.end()) sum += cap(byCapacity_[t]), --r;
        return sum >= p_.need;
    }
    // The smallest sum of rho over exactly r of `free` holding at least `rem`
    // places (infinity: none does). Dynamic programme over places capped at
    // rem; the caller keeps rem x r small.
    double cheapestHolding(const std::vector<int>& free, int r, int rem, const std::vector<double>& rho) const {
        const std::size_t width = static_cast<std::size_t>(r) + 1;
        std::vector<double> dp((static_cast<std::size_t>(rem) + 1) * width, kInf);
        dp[0] = 0;
        for (int i : free) {
            const int c = std::min(cap(i), rem);
            for (int t = r - 1; t >= 0; --t)
                for (int held = rem; held >= 0; --held) {
                    const double v = dp[static_cast<std::size_t>(held) * width + static_cast<std::size_t>(t)];
                    if (v == kInf) continue;
                    double& to = dp[static_cast<std::size_t>(std::min(rem, held + c)) * width + static_cast<std::size_t>(t + 1)];
                    to = std::min(to, v + rho[static_cast<std::size_t>(i)]);
                }
        }
        return dp[static_cast<std::size_t>(rem) * width + static_cast<std::size_t>(r)];
    }
    double extend(const float* d, int i, float* out) const {
        return p_.objective == Objective::Center ? extendMax(d, row(i), out, n_)
                                                 : extendSum(d, row(i), w_.data(), out, n_);
    }
    // d = d_j(S) over the working columns; returns the internal value of S.
    double value(const std::vector<int>& S, std::vector<float>& d) const {
        std::fill(d.begin(), d.end(), kInfF);
        double v = kInf;
        for (int i : S) v = extend(d.data(), i, d.data());
        return v;
    }

    // The fixed sites, then the site that lowers the objective most, until
    // there are k; `d` holds each demand point's cost to the set. False when
    // greedy is stuck (separation): the exact search may still find a set.
    bool greedy(std::vector<int>& S, std::vector<float>& d) const {
        std::vector<float> scratch(n_);
        S = fixed_;
        d.resize(n_);
        value(S, d);
        while (static_cast<int>(S.size()) < p_.k) {
            int best = -1;
            double bestValue = kInf;
            const int after = p_.k - static_cast<int>(S.size()) - 1;
            std::vector<int> eligible;
            for (int i = 0; i < static_cast<int>(M_); ++i) {
                if (!separatedFrom(i, S)) continue;
                if (p_.need > 0) {
                    S.push_back(i);
                    const bool reach = canReach(S, after);
                    S.pop_back();
                    if (!reach) continue;
                }
                eligible.push_back(i);
            }
            // Each candidate's value on its own (on the threads for a large
            // matrix), the best taken in candidate order as before.
            std::vector<double> values(eligible.size());
            const std::size_t parts = M_ * n_ >= (std::size_t(1) << 22) ? std::min(workers(), eligible.size()) : 1;
            inParallel(parts, [&](std::size_t part) {
                std::vector<float> own(part == 0 ? 0 : n_);
                float* out = part == 0 ? scratch.data() : own.data();
                for (std::size_t q = part * eligible.size() / parts; q < (part + 1) * eligible.size() / parts; ++q)
                    values[q] = extend(d.data(), eligible[q], out);
            });
            for (std::size_t q = 0; q < eligible.size(); ++q)
                if (values[q] < bestValue || best < 0) bestValue = values[q], best = eligible[q];
            if (best < 0) return false;
            S.push_back(best);
            extend(d.data(), best, d.data());
        }
        return true;
    }

    // Greedy then interchange (Teitz-Bart): a good set early makes the
    // threshold low, so the exact search cuts from its first node. Every set
    // evaluated on the way is offered, which also fills the runner-up list.
    void heuristic() {
        std::vector<int> S;
        std::vector<float> d, scratch(n_);
        if (!greedy(S, d)) return;
        double current = value(S, d);
        top_.offer(S, current);
        for (bool improved = true; improved;) {
            improved = false;
            for (std::size_t at = 0; at < S.size(); ++at) {
                if (inFixed_[S[at]]) continue;
                std::vector<int> others = S;
                others.erase(others.begin() + static_cast<std::ptrdiff_t>(at));
                std::vector<float> rest(n_);
                value(others, rest);
                int best = -1;
                double bestValue = current;
                for (int i = 0; i < static_cast<int>(M_); ++i) {
                    if (i == S[at] || !separatedFrom(i, others)) continue;
                    const double v = extend(rest.data(), i, scratch.data());
                    std::vector<int> swapped = others;
                    swapped.push_back(i);
                    top_.offer(swapped, v);
                    if (v < bestValue - slack(bestValue)) bestValue = v, best = i;
                }
                if (best >= 0) {
                    S[at] = best;
                    current = bestValue;
                    improved = true;
                }
            }
        }
    }

    // Greedy, then the fast interchange to a local optimum: a good set early
    // makes the pruning threshold low from the first node.
    void heuristicSum() {
        std::vector<int> S;
        std::vector<float> d;
        const bool found = greedy(S, d);
        if (found) trace("greedy %.10g", value(S, d));
        if (sparse_) {
            prepareLists(found ? S : std::vector<int>{});
            if (sparse_)
                trace("nearest-candidate lists: %zu entries (%.1f per demand point)", listEntries_,
                  static_cast<double>(listEntries_) / static_cast<double>(std::max<std::size_t>(1, n_)));
        }
        if (!found || !meetsNeed(S)) return;
        double current = value(S, d);
        top_.offer(S, current);
        improve(S, current);
        trace("interchange %.10g", current);
    }

    void improve(std::vector<int>& S, double& current) {
        if (sparse_ && S.size() >= 2) interchangeSparse(S, current);
        else interchange(S, current);
    }

    // ---- median and coverage --------------------------------------------
    //
    // Lagrangian relaxation inside branch and bound (Beasley 1993; Cornuejols,
    // Fisher and Nemhauser 1977). Relaxing "each demand point is served by
    // exactly one site" with multipliers lambda gives, for ANY lambda and ANY
    // set S,
    //   value(S) >= sum_j lambda_j + sum_{i in S} rho_i,
    //   rho_i = sum_j min(0, w_j c_ij - lambda_j),
    // because for the site i* in S nearest to j,
    //   w_j c_i*j = lambda_j + (w_j c_i*j - lambda_j) >= lambda_j + sum_{i in S} min(0, w_j c_ij - lambda_j).
    // Its best lambda gives the LP bound. A node of the search fixes some
    // candidates open and some closed; its bound is sum lambda + rho of the
    // open ones + the r smallest rho among the free ones (r = sites still to
    // choose), improved by subgradient steps started from the parent's lambda.
    // Reduced-cost fixing: forcing a free candidate outside those r open costs
    // at least rho_i - rho_(r); forcing one of them closed at least
    // rho_(r+1) - rho_i. When that lifts the bound to the pruning threshold the
    // candidate is fixed the other way for the whole subtree. Validity never
    // depends on the subgradient converging: every bound used is recomputed in
    // double for the lambda it reports.
    void searchSum() {
        state_.assign(M_, 0);
        for (int i : fixed_) state_[i] = 1;
        for (int i = 0; i < static_cast<int>(M_); ++i)
            if (!state_[i] && !separatedFrom(i, fixed_)) state_[i] = -1;
        nOpen_ = static_cast<int>(fixed_.size());
        // Start: each demand point priced at its second nearest candidate.
        std::vector<double> lambda(n_);
        if (sparse_) {
            for (std::size_t t = 0; t < n_; ++t) {
                const auto& list = near_[t];
                const float c = list.size() >= 2 ? list[1].cost : list[0].cost;
                lambda[t] = std::min(cap_[t], w_[t] * static_cast<double>(c));
            }
            warmStart(lambda);
            searchFrom(lambda);
            rootBound_ = stopped_ || top_.items().empty() ? openBound_ : top_.items().front().value;
            return;
        }
        // Row by row: a large matrix is read in memory order.
        std::vector<float> nearest(n_, kInfF), second(n_, kInfF);
        for (std::size_t i = 0; i < M_; ++i) {
            const float* c = row(static_cast<int>(i));
            for (std::size_t t = 0; t < n_; ++t) {
                second[t] = std::min(second[t], std::max(nearest[t], c[t]));
                nearest[t] = std::min(nearest[t], c[t]);
            }
        }
        for (std::size_t t = 0; t < n_; ++t) lambda[t] = w_[t] * static_cast<double>(M_ > 1 ? second[t] : nearest[t]);
        searchFrom(lambda);
        // A stopped search has proven the smallest bound of the nodes it left open.
        rootBound_ = stopped_ || top_.items().empty() ? openBound_ : top_.items().front().value;
    }

    // The Lagrangian bound of the root for lambda (sparse: exact in double).
    double rootBoundAt(const std::vector<double>& lambda) const {
        std::vector<double> rho(M_);
        double bound = priceSparse(lambda, rho);
        std::vector<int> free;
        for (int i = 0; i < static_cast<int>(M_); ++i) {
            if (state_[i] == 1) bound += rho[i];
            else if (state_[i] == 0) free.push_back(i);
        }
        const int r = p_.k - nOpen_;
        if (r <= 0 || static_cast<int>(free.size()) < r) return bound;
        std::nth_element(free.begin(), free.begin() + (r - 1), free.end(), [&](int a, int b) { return rho[a] < rho[b]; });
        for (int q = 0; q < r; ++q) bound += rho[free[q]];
        return bound;
    }

    // Each demand point's nearest and second nearest cost among the sites S.
    void nearestTwo(const std::vector<int>& S, std::vector<float>& d1, std::vector<float>& d2) const {
        d1.assign(n_, kInfF);
        d2.assign(n_, kInfF);
        for (int i : S) {
            const float* c = row(i);
            for (std::size_t t = 0; t < n_; ++t) {
                if (c[t] < d1[t]) d2[t] = d1[t], d1[t] = c[t];
                else if (c[t] < d2[t]) d2[t] = c[t];
            }
        }
    }

    // A start for the root's multipliers from the best set S found so far:
    // lambda_j = w_j (d1_j + a (d2_j - d1_j)), d1 and d2 the costs of j's
    // nearest and second nearest site in S. At the optimum of the relaxation
    // each point pays its nearest site's cost plus a share of what opening
    // that site is worth, which lies between d1 and d2; a few shares a are
    // priced and the best bound (or the start given) is kept. On 5,000 x
    // 100,000 the second nearest candidate's cost (the start given) leaves
    // the first bound 91 % below the best set.
    void warmStart(std::vector<double>& lambda) const {
        if (top_.items().empty() || top_.items().front().sites.size() < 2) return;
        const std::vector<int>& S = top_.items().front().sites;
        std::vector<float> d1, d2;
        nearestTwo(S, d1, d2);
        double best = rootBoundAt(lambda);
        const double given = best;
        double bestShare = -1;
        std::vector<double> trial(n_);
        for (double share : {0.0, 0.25, 0.5, 0.75, 1.0}) {
            for (std::size_t t = 0; t < n_; ++t)
                trial[t] = std::min(cap_[t], w_[t] * (static_cast<double>(d1[t]) +
                                                       share * static_cast<double>(d2[t] - d1[t])));
            const double bound = rootBoundAt(trial);
            trace("warm start %.2f of the way to the second nearest chosen site: bound %.10g", share, bound);
            if (bound > best) best = bound, bestShare = share, std::swap(trial, lambda);
        }
        trace("root start: bound %.10g (second nearest candidate: %.10g), share %.2f", best, given, bestShare);
    }

    // Can no set of value >= bound enter the best list? (integer data: a
    // bound of 5818.2 means >= 5819)
    bool cuts(double bound, double threshold) const {
        if (!std::isfinite(threshold)) return false;
        if (integral_) return std::ceil(bound - 1e-7 * std::max(1.0, std::abs(bound))) >= threshold;
        return bound >= threshold + slack(threshold);
    }

    bool pairwiseSeparated(const std::vector<int>& S) const {
        if (p_.minSeparation <= 0) return true;
        for (std::size_t a = 0; a < S.size(); ++a)
            for (std::size_t b = 0; b < a; ++b)
                if (!separated(S[a], S[b])) return false;
        return true;
    }

    // Offers S (when its sites keep their distance); an improvement on the
    // best set is polished by the fast interchange first. Returns the value
    // of S as offered (infinity: not a feasible set).
    double offerSet(std::vector<int> S, bool polish) {
        if (!pairwiseSeparated(S) || !meetsNeed(S)) return kInf;
        std::vector<float> d(n_);
        double v = value(S, d);
        const double offered = v;
        const bool better = top_.items().empty() || v < top_.items().front().value;
        top_.offer(S, v);
        if (better && polish) {
            improve(S, v);
            top_.offer(S, v);
        }
        return offered;
    }

    // Opens i for the subtree (and closes the free candidates too close to
    // it); undo restores `changes`.
    void fix(int i, signed char to, std::vector<std::pair<int, signed char>>& changes) {
        changes.emplace_back(i, state_[i]);
        state_[i] = to;
        if (to == 1) {
            ++nOpen_;
            if (p_.minSeparation > 0)
                for (int j = 0; j < static_cast<int>(M_); ++j)
                    if (state_[j] == 0 && !separated(i, j)) changes.emplace_back(j, 0), state_[j] = -1;
        }
    }
    void undo(std::vector<std::pair<int, signed char>>& changes) {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
            if (state_[it->first] == 1) --nOpen_;
            state_[it->first] = it->second;
        }
        changes.clear();
    }

    // One node: `known` is a bound already proven for it (the parent's).
    void sumNode(std::vector<double>& lambda, double known, bool root) {
        if (expired()) {
            openBound_ = std::min(openBound_, known);
            return;
        }
        const int r = p_.k - nOpen_;
        std::vector<int> open, free;
        for (int i = 0; i < static_cast<int>(M_); ++i) {
            if (state_[i] == 1) open.push_back(i);
            else if (state_[i] == 0) free.push_back(i);
        }
        if (r == 0 || static_cast<int>(free.size()) <= r) {  // a leaf: one set or none
            if (static_cast<int>(free.size()) == r) {
                open.insert(open.end(), free.begin(), free.end());
                offerSet(open, false);
            } else if (r == 0) {
                offerSet(open, false);
            }
            ++nodes_;
            return;
        }
        ++nodes_;
        // The need: the open sites and the r largest free ones must hold it.
        const int rem = p_.need - capOf(open);
        if (rem > 0) {
            std::vector<int> caps;
            for (int i : free) caps.push_back(cap(i));
            std::nth_element(caps.begin(), caps.begin() + (r - 1), caps.end(), std::greater<int>());
            if (std::accumulate(caps.begin(), caps.begin() + r, 0) < rem) return;
        }
        std::vector<double> rho(M_, 0.0);
        const double bound = sparse_ ? nodeBoundSparse(lambda, open, free, r, rho, root)
                                     : nodeBound(lambda, open, free, r, rho, root);
        if (cuts(bound, top_.threshold())) return;
        // The sparse root may have eliminated candidates for good (every set
        // holding one is proven no better than the threshold).
        if (root && sparse_) {
            free.erase(std::remove_if(free.begin(), free.end(), [&](int i) { return state_[i] != 0; }), free.end());
            if (static_cast<int>(free.size()) <= r) {
                if (static_cast<int>(free.size()) == r) {
                    open.insert(open.end(), free.begin(), free.end());
                    offerSet(open, false);
                }
                return;
            }
        }
        // The r smallest reduced costs among the free candidates, then the next.
        std::stable_sort(free.begin(), free.end(), [&](int a, int b) { return rho[a] < rho[b]; });
        const double rhoR = rho[free[r - 1]];
        const double rhoNext = rho[free[r]];
        // When those r cannot hold the need, the cheapest r that can bound
        // every set of the node (the relaxation with the need kept).
        if (rem > 0 && static_cast<long long>(rem) * r <= 20000) {
            int held = 0;
            double smallest = 0;
            for (int q = 0; q < r; ++q) held += cap(free[q]), smallest += rho[free[q]];
            if (held < rem && cuts(bound - smallest + cheapestHolding(free, r, rem, rho), top_.threshold())) return;
        }
        std::vector<std::pair<int, signed char>> changes;
        for (std::size_t q = r; q < free.size(); ++q)
            if (cuts(bound + rho[free[q]] - rhoR, top_.threshold())) fix(free[q], -1, changes);
        for (int q = 0; q < r; ++q)
            if (state_[free[q]] == 0 && cuts(bound - rho[free[q]] + rhoNext, top_.threshold()))
                fix(free[q], 1, changes);
        if (!changes.empty()) {  // the same node, smaller: its bound only grows
            sumNode(lambda, bound, root);
            undo(changes);
            return;
        }
        // Branch on the relaxation's open candidate whose closing lifts the bound most.
        int pick = free[0];
        for (int q = 1; q < r; ++q)
            if (rho[free[q]] < rho[pick]) pick = free[q];
        const double closedBound = bound - rho[pick] + rhoNext;
        // Best-bound search: both children go to the queue, starting from
        // this node's multipliers (one float copy for the two), the closed
        // child first, so that among equal keys (enqueue) the open child is
        // evaluated first, as depth-first search does. Once the queue's
        // memory is spent the subtree is searched depth-first below.
        if (queueing_ && queueBytes_ + n_ * sizeof(float) + 2 * nodeBytes() <= p_.nodeQueueBytes) {
            auto start = std::make_shared<const std::vector<float>>(lambda.begin(), lambda.end());
            queueBytes_ += n_ * sizeof(float);
            const double proven = std::max(known, bound);
            if (!cuts(closedBound, top_.threshold())) {
                fix(pick, -1, changes);
                enqueue(std::max(proven, closedBound), start);
                undo(changes);
            }
            fix(pick, 1, changes);
            enqueue(proven, start);
            undo(changes);
            return;
        }
        std::vector<double> childLambda = lambda;
        fix(pick, 1, changes);
        sumNode(childLambda, bound, false);
        undo(changes);
        if (stopped_) {
            openBound_ = std::min(openBound_, closedBound);
            return;
        }
        if (cuts(closedBound, top_.threshold())) return;
        fix(pick, -1, changes);
        sumNode(lambda, closedBound, false);
        undo(changes);
    }

    // ---- best-bound node selection -----------------------------------------
    //
    // Depth-first search never lifts the bound of a stopped search: the
    // nodes left open when the time runs out include siblings near the root
    // (500 x 10,000, k = 10: the bound moved by 26 between 60 and 240 s,
    // 0.2066 % below the best set). The queue holds the open nodes by their
    // proven bound (the parent's, or the closed child's `bound - rho_pick +
    // rho_(r+1)`), lowest first, ties newest first; the search always
    // evaluates the lowest, so the bound of a stopped search (the lowest in
    // the queue) rises as it goes. Each node holds its candidates' states
    // (M bytes) and shares its parent's multipliers with its sibling, in
    // float (restored within the lists' cap: the bound stays valid for any
    // lambda in [0, cap]). The order depends on the bounds alone, never on
    // timing. Memory: the multipliers are n floats a branching (500 x 10,000:
    // 40 KB; 5,000 x 100,000: 400 KB); once the queue holds
    // `Problem::nodeQueueBytes` (256 MB) a node's subtree is searched
    // depth-first instead (sumNode's recursion), which keeps the proof exact
    // and the memory bounded; a stopped dive reports its open nodes' bounds
    // as before.
    struct OpenNode {
        double key = 0;  // the bound as it cuts: with integer data rounded up, so that equal keys tie
        double bound = 0;
        long long seq = 0;
        std::vector<signed char> state;
        std::shared_ptr<const std::vector<float>> lambda;
    };
    static bool later(const OpenNode& a, const OpenNode& b) {
        return a.key > b.key || (a.key == b.key && a.seq < b.seq);
    }
    std::size_t nodeBytes() const { return M_ + sizeof(OpenNode); }
    void enqueue(double bound, const std::shared_ptr<const std::vector<float>>& lambda) {
        // With integer data a bound of 1728.3 proves no less than one of
        // 1728.9: both prove 1729. Equal keys go newest first, so the search
        // dives along that plateau and finds its sets (OR-Library pmed15, 20,
        // 24, 25, 29, 30, 34 found none within 60 s when ordered by the raw
        // bound).
        const double key = integral_ ? std::ceil(bound - 1e-7 * std::max(1.0, std::abs(bound))) : bound;
        queue_.push_back(OpenNode{key, bound, queueSeq_++, state_, lambda});
        std::push_heap(queue_.begin(), queue_.end(), later);
        queueBytes_ += nodeBytes();
    }

    // The search from the root with lambda as the root's start.
    void searchFrom(std::vector<double>& lambda) {
        openBound_ = kInf;
        queueing_ = p_.nodeOrder == Problem::NodeOrder::BestBound;
        sumNode(lambda, -kInf, true);
        std::vector<double> start(n_);
        long long popped = 0;
        while (!queue_.empty() && !stopped_) {
            std::pop_heap(queue_.begin(), queue_.end(), later);
            OpenNode node = std::move(queue_.back());
            queue_.pop_back();
            queueBytes_ -= nodeBytes();
            if (node.lambda.use_count() == 1) queueBytes_ -= n_ * sizeof(float);
            // Every other open node's bound is at least this one's.
            if (cuts(node.bound, top_.threshold())) {
                queue_.clear();
                break;
            }
            if (++popped % 128 == 0)
                trace("best-bound: %lld nodes, %zu open, lowest bound %.10g, best set %.10g, queue %.1f MB", nodes_,
                      queue_.size() + 1, node.bound, top_.items().empty() ? 0.0 : top_.items().front().value,
                      static_cast<double>(queueBytes_) / 1e6);
            state_ = std::move(node.state);
            nOpen_ = static_cast<int>(std::count(state_.begin(), state_.end(), 1));
            for (std::size_t t = 0; t < n_; ++t) {
                start[t] = static_cast<double>((*node.lambda)[t]);
                if (sparse_) start[t] = std::min(cap_[t], start[t]);
            }
            node.lambda.reset();
            sumNode(start, node.bound, false);
        }
        // A stopped search: the lowest open node bounds the rest.
        // (the heap is ordered by key: the raw bounds are all looked at)
        if (stopped_)
            for (const OpenNode& node : queue_) openBound_ = std::min(openBound_, node.bound);
        queue_.clear();
        queueBytes_ = 0;
        queueing_ = false;
    }

    // Subgradient optimisation of lambda for the node (open: fixed open, free:
    // neither fixed; r to choose among free). Leaves lambda at the best point
    // found, rho at its exact reduced costs, and returns its exact bound.
    double nodeBound(std::vector<double>& lambda, const std::vector<int>& open, std::vector<int> free, int r,
                     std::vector<double>& rho, bool root) {
        const int maxIterations = root ? 4000 : 120;
        const int patience = root ? 25 : 8;
        double step = root ? 2.0 : 0.5;
        const double minStep = root ? 1e-4 : 1e-2;
        std::vector<float> rhoF(M_), lambdaF(n_);
        std::vector<double> best = lambda, g(n_);
        std::vector<int> relaxed, lastOffered;
        const std::vector<int> all = free;  // `free` shrinks below; the exact bound takes every one
        double bestBound = -kInf;
        for (int it = 0, stale = 0; it < maxIterations; ++it) {
            if (root && it > 0 && expired()) break;
            std::copy(lambda.begin(), lambda.end(), lambdaF.begin());
            for (int i : open) rhoF[i] = reducedCostF(row(i), wf_.data(), lambdaF.data(), n_);
            for (int i : free) rhoF[i] = reducedCostF(row(i), wf_.data(), lambdaF.data(), n_);
            std::nth_element(free.begin(), free.begin() + (r - 1), free.end(),
                             [&](int a, int b) { return rhoF[a] < rhoF[b]; });
            relaxed.assign(open.begin(), open.end());
            relaxed.insert(relaxed.end(), free.begin(), free.begin() + r);
            double bound = std::accumulate(lambda.begin(), lambda.end(), 0.0);
            for (int i : relaxed) bound += rhoF[i];
            // A candidate whose opening would lift this bound past the threshold
            // (well past: float estimate) is in no set that can still enter the
            // list: the later iterations leave it out, which makes each of them
            // cheaper (most candidates go within the first iterations on
            // geographic data). Only the iterations' guidance depends on this:
            // the bound returned is recomputed exactly over every candidate.
            if (std::isfinite(top_.threshold()) && static_cast<int>(free.size()) > r) {
                const double rhoR = rhoF[free[r - 1]], margin = 1e-4 * std::abs(bound);
                for (std::size_t q = free.size(); q-- > static_cast<std::size_t>(r);)
                    if (cuts(bound + rhoF[free[q]] - rhoR - margin, top_.threshold())) {
                        free[q] = free.back();
                        free.pop_back();
                    }
            }
            if (bound > bestBound) bestBound = bound, best = lambda, stale = 0;
            else if (++stale >= patience) step /= 2, stale = 0;
            // The relaxation's open sites are often a very good set: at the
            // root they set the pruning threshold before any branching.
            if (root) {
                std::vector<int> sorted = relaxed;
                std::sort(sorted.begin(), sorted.end());
                if (sorted != lastOffered) offerSet(sorted, true), lastOffered = std::move(sorted);
            }
            const double threshold = top_.threshold();
            // Float estimate well past the threshold: confirmed in double below.
            if (cuts(bound - 1e-4 * std::abs(bound), threshold) || step < minStep) break;
            // Subgradient of "served exactly once".
            std::fill(g.begin(), g.end(), 1.0);
            for (int i : relaxed) {
                const float* c = row(i);
                for (std::size_t t = 0; t < n_; ++t)
                    if (wf_[t] * c[t] < lambdaF[t]) g[t] -= 1.0;
            }
            double norm = 0;
            for (double x : g) norm += x * x;
            if (norm == 0) break;  // the relaxed solution serves everyone once: the bound is its value
            const double target = std::isfinite(threshold) ? threshold : top_.items().empty()
                                                                            ? bound + std::abs(bound) + 1
                                                                            : top_.items().front().value;
            const double t = step * std::max(target - bound, 1e-6 * std::abs(target)) / norm;
            for (std::size_t j = 0; j < n_; ++j) lambda[j] = std::max(0.0, lambda[j] + t * g[j]);
        }
        lambda = std::move(best);
        free = all;
        double bound = std::accumulate(lambda.begin(), lambda.end(), 0.0);
        for (int i : open) bound += (rho[i] = reducedCost(row(i), w_.data(), lambda.data(), n_));
        for (int i : free) rho[i] = reducedCost(row(i), w_.data(), lambda.data(), n_);
        std::nth_element(free.begin(), free.begin() + (r - 1), free.end(), [&](int a, int b) { return rho[a] < rho[b]; });
        for (int q = 0; q < r; ++q) bound += rho[free[q]];
        if (!root) {  // the set the child's relaxation opens, as a candidate solution
            std::vector<int> S = open;
            S.insert(S.end(), free.begin(), free.begin() + r);
            offerSet(S, true);
        }
        return bound;
    }

    // ---- the sparse relaxation: nearest-candidate lists -------------------
    //
    // For a large matrix (5,000 x 100,000 is 2 GB) a subgradient step that
    // reads every cost is too slow. As in the radius formulation of the
    // p-median (Garcia, Labbe and Marin 2011) and the large-scale Lagrangian
    // codes (Avella, Sassano and Vasil'ev 2007), each demand point j keeps the
    // list of its L_j nearest candidates, ascending, and `limit_j`: no
    // candidate outside the list costs less (the (L_j+1)-th smallest cost;
    // infinity when the list holds every candidate).
    //
    // Validity. The Lagrangian bound L(lambda) = sum_j lambda_j + (the best
    // sum of rho_i over a feasible choice) is a lower bound on every set for
    // ANY lambda (the proof above searchSum). Keep lambda_j in
    // [0, w_j * limit_j] (the cap). For a candidate i outside j's list,
    // c_ij >= limit_j, so w_j c_ij - lambda_j >= w_j limit_j - lambda_j >= 0
    // and its term min(0, w_j c_ij - lambda_j) is 0: rho_i summed over the
    // lists only is EXACTLY rho_i, and the bound is exactly L(lambda) (in
    // double, the cap computed the same way as the terms, so rounding keeps
    // the inequality). Equivalently it is a Lagrangian bound of the truncated
    // ("radius") problem with costs min(c_ij, limit_j) <= c_ij, whose optimum
    // is no larger than the real one. Truncation can only weaken the bound,
    // never make it wrong; where the cap holds lambda_j down while the
    // subgradient pushes it up, the list of j is lengthened (limit_j grows,
    // the cap with it) and the steps go on from the same lambda.
    //
    // A step then costs the number of list entries cheaper than lambda_j
    // (about the candidates nearer than j's second nearest site) instead of
    // M x N.
    struct Near {
        float cost;
        int site;
    };
    static std::uint64_t order(const Near& e) {
        std::uint32_t bits = 0;
        if (e.cost > 0) std::memcpy(&bits, &e.cost, sizeof bits);
        return (static_cast<std::uint64_t>(bits) << 32) | static_cast<std::uint32_t>(e.site);
    }

    // Rebuilds the lists of the demand points `cols` (ascending): at least
    // length[q] entries, and every candidate costing <= cover[q] plus one
    // more (cover < 0: none). Reads the matrix in blocks of 64 columns.
    void buildLists(const std::vector<std::size_t>& cols, const std::vector<std::size_t>& length,
                    const std::vector<float>& cover) {
        constexpr std::size_t kBlock = 64;
        // (cost, index) as one integer: costs are >= 0, so their bits sort as they do.
        auto key = [](float c, std::size_t i) {
            std::uint32_t bits = 0;
            if (c > 0) std::memcpy(&bits, &c, sizeof bits);  // -0 as 0
            return (static_cast<std::uint64_t>(bits) << 32) | static_cast<std::uint64_t>(i);
        };
        auto costOf = [](std::uint64_t k) {
            const std::uint32_t bits = static_cast<std::uint32_t>(k >> 32);
            float c;
            std::memcpy(&c, &bits, sizeof c);
            return c;
        };
        std::vector<float> buf;
        std::vector<std::uint64_t> keys;
        keys.reserve(M_);
        for (std::size_t a = 0; a < cols.size();) {
            std::size_t e = a;
            while (e < cols.size() && cols[e] / kBlock == cols[a] / kBlock) ++e;
            const std::size_t width = e - a;
            buf.resize(width * M_);
            // Transposed in tiles of 16 rows: reads and writes stay in cache.
            for (std::size_t i0 = 0; i0 < M_; i0 += 16) {
                const std::size_t i1 = std::min(M_, i0 + 16);
                for (std::size_t q = a; q < e; ++q) {
                    float* out = buf.data() + (q - a) * M_;
                    for (std::size_t i = i0; i < i1; ++i) out[i] = mat_[i * n_ + cols[q]];
                }
            }
            for (std::size_t q = a; q < e; ++q) {
                const float* col = buf.data() + (q - a) * M_;
                const std::size_t L0 = std::min(M_, std::max<std::size_t>(1, length[q]));
                float limit = kInfF;
                keys.clear();
                bool done = false;
                if (cover[q] >= 0) {
                    // One pass: every cost <= cover, and the two smallest above
                    // it (the one more, and the limit).
                    float above1 = kInfF, above2 = kInfF;
                    std::size_t at1 = M_;
                    for (std::size_t i = 0; i < M_; ++i) {
                        const float c = col[i];
                        if (c <= cover[q]) keys.push_back(key(c, i));
                        else if (c < above1) above2 = above1, above1 = c, at1 = i;
                        else if (c < above2) above2 = c;
                    }
                    if (at1 == M_) {  // every candidate within the cover
                        done = true;
                    } else if (keys.size() + 1 >= L0) {
                        keys.push_back(key(above1, at1));
                        limit = above2;
                        done = true;
                    } else {
                        keys.clear();
                    }
                }
                if (!done) {
                    for (std::size_t i = 0; i < M_; ++i) keys.push_back(key(col[i], i));
                    if (L0 < M_) {
                        // limit = the (L+1)-th smallest cost; the list takes the
                        // L smallest (equal costs: the lowest indices first).
                        std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(L0), keys.end());
                        limit = costOf(keys[L0]);
                        keys.resize(L0);
                    }
                }
                std::sort(keys.begin(), keys.end());
                const std::size_t t = cols[q];
                std::vector<Near> list(keys.size());
                for (std::size_t x = 0; x < keys.size(); ++x)
                    list[x] = {costOf(keys[x]), static_cast<int>(keys[x] & 0xffffffffu)};
                listEntries_ += list.size();
                listEntries_ -= near_[t].size();
                near_[t] = std::move(list);
                limit_[t] = limit;
                cap_[t] = std::isfinite(limit) ? w_[t] * static_cast<double>(limit) : kInf;
            }
            a = e;
        }
    }

    // The first lists: every candidate nearer than the start set's second
    // nearest site (what the interchange needs, and about what the bound
    // needs), at least 8.
    void prepareLists(const std::vector<int>& S) {
        near_.assign(n_, {});
        limit_.assign(n_, 0.f);
        cap_.assign(n_, 0.0);
        listEntries_ = 0;
        // Growth stops at a fifth of the matrix's cells or 32 M entries,
        // whichever is more: 8 bytes an entry in the lists and 6 in their flat
        // copy (flatten), together 70 % of the matrix's memory (5,000 x
        // 100,000: 2 GB + 1.4 GB, within the 4 GB target). The bound stays
        // valid, only weaker.
        listBudget_ = std::max<std::size_t>(std::size_t(1) << 25, M_ * n_ / 5);
        const std::size_t base = std::min<std::size_t>(M_, p_.nearestListLength > 0 ? p_.nearestListLength : 8);
        std::vector<std::size_t> cols(n_), length(n_, base);
        std::iota(cols.begin(), cols.end(), std::size_t(0));
        std::vector<float> cover(n_, -1.f);
        if (p_.nearestListLength <= 0 && S.size() >= 2) {
            std::vector<float> d1, d2;
            nearestTwo(S, d1, d2);
            if (!listsWithin(d1, d2, base)) {
                // Lists cut well short of the second nearest site hold the
                // multipliers far below the bound (5,000 x 100,000, k = 2:
                // 25 % gap after 60 s, where the dense rows prove the optimum
                // in 17 s): unless asked for, price densely.
                trace("nearest-candidate lists too long for the budget: dense pricing");
                near_.clear();
                limit_.clear();
                cap_.clear();
                listEntries_ = 0;
                sparse_ = false;
            }
            return;
        }
        buildLists(cols, length, cover);
    }

    // The first lists when every demand point has a cover: two reads of the
    // matrix in memory order (count, then fill) instead of one in column
    // blocks, which is several times faster on a large matrix. The same lists
    // as buildLists (every cost <= cover, one more, at least `base`).
    // With few sites the second nearest is far and the lists would hold
    // most of the matrix: over the budget the cover moves toward the nearest
    // site (half way, a quarter, d1), counted again each time; with
    // Automatic pricing the lists are not built at all then (false).
    bool listsWithin(const std::vector<float>& d1, const std::vector<float>& d2, std::size_t base) {
        std::vector<float> cover = d2;
        std::vector<std::uint32_t> count(n_);
        std::vector<float> a1(n_), a2(n_);
        std::vector<int> at1(n_);
        // In chunks of 2,048 demand points: their running state stays in cache
        // while every row passes.
        constexpr std::size_t kChunk = 2048;
        for (float share : {0.5f, 0.25f, 0.f, -1.f}) {
            std::fill(count.begin(), count.end(), 0u);
            std::fill(a1.begin(), a1.end(), kInfF);
            std::fill(a2.begin(), a2.end(), kInfF);
            std::fill(at1.begin(), at1.end(), -1);
            // The chunks are independent: the threads take every so many.
            const std::size_t chunks = (n_ + kChunk - 1) / kChunk, threads = std::min(workers(), chunks);
            inParallel(threads, [&](std::size_t part) {
                for (std::size_t ch = part; ch < chunks; ch += threads) {
                    const std::size_t t0 = ch * kChunk, width = std::min(kChunk, n_ - t0);
                    for (std::size_t i = 0; i < M_; ++i)
                        countWithin(row(static_cast<int>(i)) + t0, cover.data() + t0, static_cast<int>(i),
                                    count.data() + t0, a1.data() + t0, at1.data() + t0, a2.data() + t0, width);
                }
            });
            std::size_t total = 0;
            for (std::size_t t = 0; t < n_; ++t) total += at1[t] < 0 ? M_ : count[t] + 1;
            if (total <= listBudget_ || share < 0) break;
            if (p_.pricing == Problem::Pricing::Automatic) return false;
            trace("lists to the second nearest site would hold %zu entries: cover %.2f of the way from the nearest",
                  total, static_cast<double>(share));
            for (std::size_t t = 0; t < n_; ++t) cover[t] = d1[t] + share * (d2[t] - d1[t]);
        }
        std::vector<std::size_t> shortCols;
        for (std::size_t t = 0; t < n_; ++t) {
            // Every candidate within the cover, or the list plus one more.
            const std::size_t L = at1[t] < 0 ? M_ : count[t] + 1;
            if (L < base) {
                shortCols.push_back(t);
                continue;
            }
            near_[t].resize(L);
            limit_[t] = at1[t] < 0 ? kInfF : a2[t];
            cap_[t] = std::isfinite(limit_[t]) ? w_[t] * static_cast<double>(limit_[t]) : kInf;
            listEntries_ += L;
        }
        std::vector<std::uint32_t> filled(n_, 0);
        std::vector<Near*> out(n_);
        for (std::size_t t = 0; t < n_; ++t) out[t] = near_[t].empty() ? nullptr : near_[t].data();  // short ones: later
        const std::size_t chunks = (n_ + kChunk - 1) / kChunk, threads = std::min(workers(), chunks);
        inParallel(threads, [&](std::size_t part) {
            for (std::size_t ch = part; ch < chunks; ch += threads) {
                const std::size_t t0 = ch * kChunk, t1 = std::min(n_, t0 + kChunk);
                for (std::size_t i = 0; i < M_; ++i) {
                    const float* c = row(static_cast<int>(i));
                    for (std::size_t t = t0; t < t1; ++t)
                        if (c[t] <= cover[t] && out[t]) out[t][filled[t]++] = {c[t], static_cast<int>(i)};
                }
                for (std::size_t t = t0; t < t1; ++t) {
                    auto& list = near_[t];
                    if (list.empty()) continue;
                    if (at1[t] >= 0) list.back() = {a1[t], at1[t]};
                    // By (cost, index) as one integer (costs >= 0 sort as their bits; -0 as 0).
                    std::sort(list.begin(), list.end(), [](const Near& x, const Near& y) { return order(x) < order(y); });
                }
            }
        });
        if (!shortCols.empty())
            buildLists(shortCols, std::vector<std::size_t>(shortCols.size(), base),
                       std::vector<float>(shortCols.size(), -1.f));
        return true;
    }

    // Lengthens (doubles) the lists of the demand points blocked at least
    // `times` times; near the budget each by the share that fits. False when
    // none could grow.
    bool growBlocked(std::vector<unsigned char>& blocked, unsigned times) {
        std::vector<std::size_t> cols, length;
        std::size_t wanted = 0;
        for (std::size_t t = 0; t < n_; ++t)
            if (blocked[t] >= times && near_[t].size() < M_) wanted += std::min(M_, 2 * near_[t].size()) - near_[t].size();
        const std::size_t room = listBudget_ > listEntries_ ? listBudget_ - listEntries_ : 0;
        const double share = wanted > room ? static_cast<double>(room) / static_cast<double>(wanted) : 1.0;
        for (std::size_t t = 0; t < n_; ++t) {
            if (blocked[t] < times || near_[t].size() >= M_) continue;
            const std::size_t more = static_cast<std::size_t>(
                share * static_cast<double>(std::min(M_, 2 * near_[t].size()) - near_[t].size()));
            if (more == 0) continue;
            cols.push_back(t), length.push_back(near_[t].size() + more);
        }
        std::fill(blocked.begin(), blocked.end(), 0);
        if (cols.empty()) return false;
        buildLists(cols, length, std::vector<float>(cols.size(), -1.f));
        ++listGrowths_;
        flat_ = false;
        return true;
    }

    // sum_j lambda_j, and rho_i of every candidate, from the lists (exact
    // for lambda within the caps, see above).
    // The demand is cut into a fixed number of blocks, each summed on its own
    // (on the threads) and the blocks added in order: the same sums whatever
    // the number of cores. A step reads tens of millions of entries on
    // 5,000 x 100,000, so the cores share it.
    double priceSparse(const std::vector<double>& lambda, std::vector<double>& rho) const {
        constexpr std::size_t kBlocks = 8;
        const std::size_t blocks = n_ >= 64 * kBlocks ? kBlocks : 1;
        partial_.assign(blocks * M_, 0.0);
        std::vector<double> sums(blocks, 0.0);
        std::vector<std::size_t> scannedBlock(blocks, 0);
        const std::size_t threads = std::min(workers(), blocks);
        inParallel(threads, [&](std::size_t part) {
            for (std::size_t b = part * blocks / threads; b < (part + 1) * blocks / threads; ++b) {
                double* out = partial_.data() + b * M_;
                double sum = 0;
                std::size_t scanned = 0;
                for (std::size_t t = b * n_ / blocks; t < (b + 1) * n_ / blocks; ++t) {
                    const double lam = lambda[t], w = w_[t];
                    sum += lam;
                    // The lists lie apart in memory: fetch the one after next early.
                    if (t + 2 < n_) __builtin_prefetch(near_[t + 2].data());
                    for (const Near& e : near_[t]) {
                        const double v = w * static_cast<double>(e.cost) - lam;
                        if (v >= 0) break;
                        out[static_cast<std::size_t>(e.site)] += v;
                        ++scanned;
                    }
                }
                sums[b] = sum;
                scannedBlock[b] = scanned;
            }
        });
        lastScanned_ = std::accumulate(scannedBlock.begin(), scannedBlock.end(), std::size_t(0));
        std::copy(partial_.begin(), partial_.begin() + static_cast<std::ptrdiff_t>(M_), rho.begin());
        for (std::size_t b = 1; b < blocks; ++b)
            for (std::size_t i = 0; i < M_; ++i) rho[i] += partial_[b * M_ + i];
        return std::accumulate(sums.begin(), sums.end(), 0.0);
    }

    // The lists again, flat (one array, in demand order) and compact (w_j c_ij
    // in float, 16-bit candidate numbers where they fit): a subgradient step
    // reads each list's prefix below lambda, about half the entries, and on
    // 5,000 x 100,000 the separate lists cost a cache miss each. Rebuilt
    // after the lists grow.
    void flatten() {
        eliminated_.resize(M_, 0);
        eliminatedSinceFlat_ = 0;
        flatStart_.assign(n_ + 1, 0);
        for (std::size_t t = 0; t < n_; ++t) {
            std::size_t kept = 0;
            for (const Near& e : near_[t]) kept += !eliminated_[static_cast<std::size_t>(e.site)];
            flatStart_[t + 1] = flatStart_[t] + kept;
        }
        const std::size_t total = flatStart_[n_];
        flatCost_.resize(total);
        const bool narrow = M_ <= 65536;
        flatSite16_.resize(narrow ? total : 0);
        flatSite32_.resize(narrow ? 0 : total);
        for (std::size_t t = 0; t < n_; ++t) {
            const double w = w_[t];
            std::size_t x = flatStart_[t];
            for (const Near& e : near_[t]) {
                if (eliminated_[static_cast<std::size_t>(e.site)]) continue;
                flatCost_[x] = static_cast<float>(w * static_cast<double>(e.cost));
                if (narrow) flatSite16_[x] = static_cast<std::uint16_t>(e.site);
                else flatSite32_[x] = static_cast<std::uint32_t>(e.site);
                ++x;
            }
        }
        flat_ = true;
    }

    // sum_j lambda_j and rho_i (into rhoF) on the flat lists in float: the
    // iterations' estimate; the bound a node returns is priceSparse's.
    double priceSparseF(const std::vector<double>& lambda, std::vector<float>& lambdaF, std::vector<double>& rhoF) const {
        double sum = 0;
        for (std::size_t t = 0; t < n_; ++t) sum += lambda[t], lambdaF[t] = static_cast<float>(lambda[t]);
        constexpr std::size_t kBlocks = 8;
        const std::size_t blocks = n_ >= 64 * kBlocks ? kBlocks : 1;
        partial_.assign(blocks * M_, 0.0);
        std::vector<std::size_t> scannedBlock(blocks, 0);
        const std::size_t threads = std::min(workers(), blocks);
        inParallel(threads, [&](std::size_t part) {
            for (std::size_t b = part * blocks / threads; b < (part + 1) * blocks / threads; ++b) {
                const std::size_t t0 = b * n_ / blocks, t1 = (b + 1) * n_ / blocks;
                double* out = partial_.data() + b * M_;
                scannedBlock[b] = flatSite16_.empty()
                                      ? priceFlat(flatStart_.data(), flatCost_.data(), flatSite32_.data(), lambdaF.data(), t0, t1, out)
                                      : priceFlat(flatStart_.data(), flatCost_.data(), flatSite16_.data(), lambdaF.data(), t0, t1, out);
            }
        });
        lastScanned_ = std::accumulate(scannedBlock.begin(), scannedBlock.end(), std::size_t(0));
        std::copy(partial_.begin(), partial_.begin() + static_cast<std::ptrdiff_t>(M_), rhoF.begin());
        for (std::size_t b = 1; b < blocks; ++b)
            for (std::size_t i = 0; i < M_; ++i) rhoF[i] += partial_[b * M_ + i];
        return sum;
    }

    // nodeBound on the lists: the same contract (lambda left at the best
    // point, rho at its reduced costs, the exact bound returned).
    double nodeBoundSparse(std::vector<double>& lambda, const std::vector<int>& open, std::vector<int> free, int r,
                           std::vector<double>& rho, bool root) {
        const int maxIterations = root ? 4000 : 120;
        const int patience = root ? 25 : 8;
        // The root again after fixing starts from its converged lambda: a
        // large first step would only throw it away.
        double step = root ? (rootStep_ > 0 ? std::min(2.0, 4 * rootStep_) : 2.0) : 0.5;
        const double minStep = root ? 1e-4 : 1e-2;
        // Lists grow, every 20 steps, for the points the cap held down in
        // one of them.
        constexpr int kWindow = 20;
        std::vector<double> best = lambda, g(n_);
        std::vector<unsigned char> blocked(n_, 0);
        std::vector<int> relaxed, lastOffered, pending;
        double pendingValue = kInf;
        std::vector<double> direction(n_, 0.0);
        constexpr int kPolishEvery = 25;
        // Elimination is checked this often, once the bound is this close.
        constexpr int kEliminateEvery = 25;
        constexpr double kStepGrowth = 1.02;
        constexpr double kEliminateWithin = 0.03;
        // The polish budget is counted in work, not time, so that the sets
        // polished (and so the best set) do not depend on the machine's load:
        // the root's steps read their list entries and the relaxed set's k
        // rows, the interchange its rows and list prefixes (interchangeCells_).
        double rootCells = 0, polishCells = 0;
        double bestBound = -kInf;
        std::vector<float> lambdaF(n_);
        for (int it = 0, stale = 0; it < maxIterations; ++it) {
            if (root && it > 0 && expired()) break;
            if (!flat_) flatten();
            double bound = priceSparseF(lambda, lambdaF, rho);
            rootCells += static_cast<double>(n_ + lastScanned_ + static_cast<std::size_t>(p_.k) * n_);
            std::nth_element(free.begin(), free.begin() + (r - 1), free.end(),
                             [&](int a, int b) { return rho[a] < rho[b]; });
            relaxed.assign(open.begin(), open.end());
            relaxed.insert(relaxed.end(), free.begin(), free.begin() + r);
            for (int i : relaxed) bound += rho[i];
            // At the root the step also grows a little with every step that
            // lifts the bound (Polyak's step toward the best set's value,
            // halved after `patience` steps without progress): halving alone
            // shrinks it for good after a few stalls, and the bound stops
            // rising well below the LP bound (200 x 2,000, k = 10: 0.017 %
            // below the optimum after 3,000 steps, where the LP bound is the
            // optimum; with the growth the root proves it after 2,100).
            if (bound > bestBound) bestBound = bound, best = lambda, stale = 0, step = root ? std::min(2.0, step * kStepGrowth) : step;
            else if (++stale >= patience) step /= 2, stale = 0;
            if (root) {
                std::vector<int> sorted = relaxed;
                std::sort(sorted.begin(), sorted.end());
                if (sorted != lastOffered) {
                    const double v = offerSet(sorted, true);
                    if (v < pendingValue && !polished_.count(sorted)) pending = sorted, pendingValue = v;
                    lastOffered = std::move(sorted);
                }
                // The interchange from the relaxation's sets, not only from
                // those that beat the best outright: near the bound they are
                // near-optimal starts in other basins (greedy's local optimum
                // can be 1 % above the optimum). The best of each window of
                // steps, once the bound is within 3 % of the best set (before,
                // the relaxation's sets are far from any good one: on 5,000 x
                // 100,000 the first is 80 % above and its polish costs 8 s)
                // and while polishing has taken at most a fifth of the root's
                // time.
                if ((it + 1) % kPolishEvery == 0 && !pending.empty()) {
                    const double bestValue = top_.items().front().value;
                    if (bestBound >= bestValue - 0.03 * std::abs(bestValue) &&
                        rootCells >= kPolishWorkRatio * polishCells) {
                        polished_.insert(pending);
                        double v = pendingValue;
                        const std::size_t before = interchangeCells_;
                        improve(pending, v);
                        top_.offer(pending, v);
                        polishCells += static_cast<double>(interchangeCells_ - before);
                        trace("root step %d: relaxation's set %.10g polished to %.10g (work: root %.3g, polish %.3g)",
                              it, pendingValue, v, rootCells, polishCells);
                    }
                    pending.clear();
                    pendingValue = kInf;
                }
            }
            const double threshold = top_.threshold();
            // Variable elimination (reduced-cost fixing for good, at the root):
            // a free candidate whose opening lifts the exact bound of the best
            // lambda so far to the threshold is in no set that can still enter
            // the list, at any node. It leaves the search, and its entries
            // leave the flat lists, which makes every later step cheaper (on
            // 5,000 x 100,000 most candidates go once the bound is within
            // about 1 % of the best set). Checked in double (priceSparse).
            if (root && (it + 1) % kEliminateEvery == 0 && std::isfinite(threshold) &&
                bestBound >= threshold - kEliminateWithin * std::abs(threshold) &&
                static_cast<int>(free.size()) > r) {
                const std::size_t removed = eliminate(best, open, free, r, threshold);
                if (removed > 0) {
                    eliminatedSinceFlat_ += removed;
                    // Rebuilt once enough entries would go: a rebuild reads every list.
                    if (eliminatedSinceFlat_ * 20 >= free.size() + eliminatedSinceFlat_) flat_ = false;
                    trace("root step %d: %zu candidates eliminated (%zu left free)", it, removed, free.size());
                }
                if (static_cast<int>(free.size()) <= r) break;
            }
            if (root && it % 100 == 0)
                trace("root step %d: bound %.10g, best set %.10g, step %.3g, %zu entries below lambda", it, bound,
                      top_.items().empty() ? 0.0 : top_.items().front().value, step, lastScanned_);
            // Float estimate well past the threshold: confirmed in double below.
            if (cuts(bound - 1e-4 * std::abs(bound), threshold) || step < minStep) break;
            // Subgradient of "served exactly once", from the rows of the
            // relaxation's open sites (k rows: cheaper than the lists); a
            // point whose lambda sits at its cap and should rise does not
            // move (projected step).
            std::fill(g.begin(), g.end(), 1.0);
            for (int i : relaxed) {
                const float* c = row(i);
                for (std::size_t t = 0; t < n_; ++t)
                    if (w_[t] * static_cast<double>(c[t]) < lambda[t]) g[t] -= 1.0;
            }
            double norm = 0;
            std::size_t held = 0;
            for (std::size_t t = 0; t < n_; ++t) {
                if (g[t] > 0 && lambda[t] >= cap_[t]) g[t] = 0, ++held;
                norm += g[t] * g[t];
            }
            // Early steps overshoot: lists grow only once the bound is within
            // 2 % of the best set (or cannot move otherwise).
            const bool settled = std::isfinite(threshold) && threshold - bound < 0.02 * std::abs(threshold);
            if ((it + 1) % kWindow == 0 || (norm == 0 && held > 0)) {
                if (settled || norm == 0) {
                    if (growBlocked(blocked, 1u) && norm == 0) continue;
                } else {
                    std::fill(blocked.begin(), blocked.end(), 0);
                }
            }
            if (norm == 0) break;  // the relaxed solution serves everyone once: the bound is its value
            // Deflected subgradient (Camerini, Fratta and Maffioli 1975): the
            // step goes along g + 0.9 times the last direction, which damps the
            // zigzag of 10^5 multipliers; on 1,000 x 20,000 the root bound is
            // after 500 steps where plain steps are after 1,000. With the
            // step's growth 0.9 beats 0.7 from step 200 on (5,000 x 100,000:
            // 123,153,758,000 after 700 steps against 123,061,351,300).
            constexpr double kDeflect = 0.9;
            norm = 0;
            for (std::size_t q = 0; q < n_; ++q) {
                g[q] += kDeflect * direction[q];
                if ((lambda[q] >= cap_[q] && g[q] > 0) || (lambda[q] <= 0 && g[q] < 0)) g[q] = 0;
                direction[q] = g[q];
                norm += g[q] * g[q];
            }
            if (norm == 0) break;
            const double target = std::isfinite(threshold) ? threshold : top_.items().empty()
                                                                            ? bound + std::abs(bound) + 1
                                                                            : top_.items().front().value;
            const double t = step * std::max(target - bound, 1e-6 * std::abs(target)) / norm;
            // A multiplier that ends a step at its cap may want to rise further
            // (a subgradient of 0 is only one of many): its list counts as
            // holding it down too.
            for (std::size_t j = 0; j < n_; ++j) {
                const double to = lambda[j] + t * g[j];
                if (to >= cap_[j] && blocked[j] < 255) ++blocked[j];
                lambda[j] = std::min(cap_[j], std::max(0.0, to));
            }
        }
        if (root) {
            rootStep_ = step;
            trace("root bound %.10g (best set %.10g), list entries %zu, lengthened %d times", bestBound,
                  top_.items().empty() ? 0.0 : top_.items().front().value, listEntries_, listGrowths_);
        }
        lambda = std::move(best);
        double bound = priceSparse(lambda, rho);
        for (int i : open) bound += rho[i];
        std::nth_element(free.begin(), free.begin() + (r - 1), free.end(), [&](int a, int b) { return rho[a] < rho[b]; });
        for (int q = 0; q < r; ++q) bound += rho[free[q]];
        if (!root) {
            std::vector<int> S = open;
            S.insert(S.end(), free.begin(), free.begin() + r);
            offerSet(S, true);
        }
        return bound;
    }

    // Closes for good (state -1 at the root, eliminated_) every candidate of
    // `free` whose opening lifts the exact bound at lambda to the threshold;
    // removes them from `free`. Returns how many.
    std::size_t eliminate(const std::vector<double>& lambda, const std::vector<int>& open, std::vector<int>& free,
                          int r, double threshold) {
        std::vector<double> rho(M_);
        double bound = priceSparse(lambda, rho);
        for (int i : open) bound += rho[i];
        std::vector<int> order = free;
        std::nth_element(order.begin(), order.begin() + (r - 1), order.end(),
                         [&](int a, int b) { return rho[a] < rho[b]; });
        const double rhoR = rho[order[r - 1]];
        for (int q = 0; q < r; ++q) bound += rho[order[q]];
        std::size_t removed = 0;
        for (std::size_t q = free.size(); q-- > 0;) {
            const int i = free[q];
            if (rho[i] < rhoR || !cuts(bound + rho[i] - rhoR, threshold)) continue;
            state_[i] = -1;
            eliminated_[i] = 1;
            free[q] = free.back();
            free.pop_back();
            ++removed;
        }
        return removed;
    }

    // Best-improvement interchange on the lists (Resende and Werneck 2003):
    // with d1, d2 the costs of a point's nearest and second nearest chosen
    // site, swapping candidate i in for chosen site q changes the value by
    //   gain(i) + loss(q) - extra(i, q),
    //   gain(i)     = sum_j w_j min(0, c_ij - d1_j),
    //   loss(q)     = sum_{j served by q} w_j (d2_j - d1_j),
    //   extra(i, q) = sum_{j served by q, c_ij < d2_j} w_j (d2_j - max(c_ij, d1_j)),
    // and only pairs with c_ij < d2_j contribute: one pass over the list
    // prefixes prices every swap. Where a list ends before d2 (the set moved
    // since the lists were made) the candidates beyond it are not priced: a
    // swap may be missed, never taken wrongly (every move is checked on the
    // real costs), and the dense interchange ends the search.
    void interchangeSparse(std::vector<int>& S, double& current) {
        const std::size_t m = S.size();
        std::vector<float> d1(n_), d2(n_), scratch(n_);
        std::vector<int> at(n_);
        std::vector<double> gain(M_), extra(M_ * m), loss(m), part;
        std::vector<char> in(M_, 0);
        while (!expired()) {
            std::fill(in.begin(), in.end(), 0);
            for (int i : S) in[static_cast<std::size_t>(i)] = 1;
            std::fill(d1.begin(), d1.end(), kInfF);
            std::fill(d2.begin(), d2.end(), kInfF);
            interchangeCells_ += m * n_;
            for (std::size_t q = 0; q < m; ++q) {
                const float* c = row(S[q]);
                for (std::size_t t = 0; t < n_; ++t) {
                    if (c[t] < d1[t]) d2[t] = d1[t], d1[t] = c[t], at[t] = static_cast<int>(q);
                    else if (c[t] < d2[t]) d2[t] = c[t];
                }
            }
            // In blocks of demand on the threads, each block into its own
            // sums, added in block order (the same sums on any number of cores).
            const std::size_t blocks = n_ >= 64 * 8 ? 8 : 1, width = M_ + M_ * m + m;
            part.assign(blocks * width, 0.0);
            std::vector<std::size_t> read(blocks, 0);
            const std::size_t threads = std::min(workers(), blocks);
            inParallel(threads, [&](std::size_t thread) {
                for (std::size_t blk = thread * blocks / threads; blk < (thread + 1) * blocks / threads; ++blk) {
                    double* g = part.data() + blk * width;
                    std::size_t& entries = read[blk];
                    double* x = g + M_;
                    double* l = x + M_ * m;
                    for (std::size_t t = blk * n_ / blocks; t < (blk + 1) * n_ / blocks; ++t) {
                        const double w = w_[t], a = d1[t], b = d2[t];
                        const std::size_t q = static_cast<std::size_t>(at[t]);
                        l[q] += w * (b - a);
                        for (const Near& e : near_[t]) {
                            if (e.cost >= d2[t]) break;
                            ++entries;
                            const std::size_t i = static_cast<std::size_t>(e.site);
                            if (in[i]) continue;
                            const double c = e.cost;
                            if (c < a) g[i] += w * (c - a);
                            x[i * m + q] += w * (b - std::max(c, a));
                        }
                    }
                }
            });
            interchangeCells_ += n_ + std::accumulate(read.begin(), read.end(), std::size_t(0));
            std::copy(part.begin(), part.begin() + static_cast<std::ptrdiff_t>(M_), gain.begin());
            std::copy(part.begin() + static_cast<std::ptrdiff_t>(M_),
                      part.begin() + static_cast<std::ptrdiff_t>(M_ + M_ * m), extra.begin());
            std::copy(part.begin() + static_cast<std::ptrdiff_t>(M_ + M_ * m),
                      part.begin() + static_cast<std::ptrdiff_t>(width), loss.begin());
            for (std::size_t blk = 1; blk < blocks; ++blk) {
                const double* g = part.data() + blk * width;
                for (std::size_t i = 0; i < M_; ++i) gain[i] += g[i];
                for (std::size_t y = 0; y < M_ * m; ++y) extra[y] += g[M_ + y];
                for (std::size_t q = 0; q < m; ++q) loss[q] += g[M_ + M_ * m + q];
            }
            int out = -1, enter = -1;
            double delta = 0;
            const int held = capOf(S);
            for (std::size_t i = 0; i < M_; ++i) {
                if (in[i] || gain[i] == 0) continue;  // a site nearer to nobody cannot lower the value
                for (std::size_t q = 0; q < m; ++q) {
                    const double dq = gain[i] + loss[q] - extra[i * m + q];
                    if (!(dq < delta)) continue;
                    if (inFixed_[S[q]]) continue;
                    if (p_.need > 0 && held - cap(S[q]) + cap(static_cast<int>(i)) < p_.need) continue;
                    bool ok = true;
                    for (std::size_t o = 0; o < m && ok; ++o) ok = o == q || separated(static_cast<int>(i), S[o]);
                    if (!ok) continue;
                    delta = dq, out = static_cast<int>(q), enter = static_cast<int>(i);
                }
            }
            bool moved = out >= 0 && delta < -slack(current);
            std::vector<int> swapped = S;
            double v = current;
            if (moved) {
                swapped[static_cast<std::size_t>(out)] = enter;
                v = value(swapped, scratch);
                interchangeCells_ += m * n_;
                moved = v < current - slack(current);  // rounding (or a list cut short): not a real improvement
            }
            if (!moved) {
                // A local optimum on the lists. Where a list ends before d2 a
                // swap may have been missed: the dense interchange (a read of
                // the matrix per sweep, few sweeps from here) finishes the
                // job exactly. Lengthening the lists instead costs more.
                bool cutShort = false;
                for (std::size_t t = 0; t < n_ && !cutShort; ++t) cutShort = d2[t] > limit_[t];
                if (cutShort) interchange(S, current);
                return;
            }
            S = std::move(swapped);
            current = v;
            top_.offer(S, v);
        }
    }

    // Fast interchange (Whitaker 1983; Resende and Werneck 2003): for each
    // candidate outside S, one pass over the demand gives the change of every
    // swap with it from the nearest and second nearest chosen site; the first
    // improving swap is made. Stops at a local optimum or the time limit.
    void interchange(std::vector<int>& S, double& current) {
        if (S.size() < 1) return;
        const std::size_t m = S.size();
        std::vector<float> d1(n_), d2(n_);
        std::vector<int> near(n_);
        std::vector<double> loss(m);
        std::vector<char> in(M_, 0);
        auto assign = [&] {
            interchangeCells_ += m * n_;
            std::fill(in.begin(), in.end(), 0);
            for (int i : S) in[i] = 1;
            for (std::size_t t = 0; t < n_; ++t) {
                float a = kInfF, b = kInfF;
                int at = 0;
                for (std::size_t q = 0; q < m; ++q) {
                    const float c = mat_[static_cast<std::size_t>(S[q]) * n_ + t];
                    if (c < a) b = a, a = c, at = static_cast<int>(q);
                    else if (c < b) b = c;
                }
                d1[t] = a, d2[t] = b, near[t] = at;
            }
        };
        assign();
        std::size_t sinceImproved = 0;
        for (std::size_t i = 0; sinceImproved < M_ && !expired(); i = (i + 1) % M_, ++sinceImproved) {
            if (in[i]) continue;
            interchangeCells_ += n_;
            const float* c = row(static_cast<int>(i));
            double gain = 0;
            std::fill(loss.begin(), loss.end(), 0.0);
            for (std::size_t t = 0; t < n_; ++t) {
                const float ci = c[t];
                if (ci < d1[t]) gain += w_[t] * static_cast<double>(ci - d1[t]);
                // Removing the nearest chosen site: its demand goes to i or the second nearest.
                loss[near[t]] += w_[t] * static_cast<double>(std::min(ci, d2[t]) - std::min(ci, d1[t]));
            }
            int out = -1;
            double delta = 0;
            const int held = capOf(S);
            for (std::size_t q = 0; q < m; ++q) {
                if (inFixed_[S[q]]) continue;
                if (p_.need > 0 && held - cap(S[q]) + cap(static_cast<int>(i)) < p_.need) continue;
                if (p_.minSeparation > 0) {
                    bool ok = true;
                    for (std::size_t o = 0; o < m && ok; ++o) ok = o == q || separated(static_cast<int>(i), S[o]);
                    if (!ok) continue;
                }
                const double dq = gain + loss[q];
                if (dq < delta) delta = dq, out = static_cast<int>(q);
            }
            if (out < 0 || delta >= -slack(current)) continue;
            std::vector<int> swapped = S;
            swapped[out] = static_cast<int>(i);
            std::vector<float> d(n_);
            const double v = value(swapped, d);
            interchangeCells_ += m * n_;
            if (!(v < current - slack(current))) continue;  // rounding: not a real improvement
            S = std::move(swapped);
            current = v;
            top_.offer(S, v);
            assign();
            sinceImproved = 0;
        }
    }

    // ---- center ------------------------------------------------------------
    //
    // Branching on a demand point instead of on candidate order. At a node
    // with partial set S and threshold T, let j* be a demand point that S
    // serves worst (v = d_j*(S)). A completion of S is better than
    // min(v, T) at j* only through a candidate i with c_ij* < min(v, T), so:
    //  - child t adds the t-th such candidate (nearest to j* first) and
    //    forbids candidates 1..t-1 in its subtree: the children partition the
    //    completions that contain one of them, without duplicates;
    //  - the completions containing none of them have value >= min(v, T):
    //    if v >= T they cannot beat T (cut), else their value is exactly v
    //    (nothing improves j*, and adding sites never makes it worse), and
    //    they are offered directly as runner-ups.
    // At the root (S empty, v = infinity) j* is the point with the fewest
    // candidates within T: every better set must serve it within T.
    void searchCenter() {
        // Every demand point is served at best by its nearest candidate.
        rootBound_ = 0;
        for (std::size_t t = 0; t < n_; ++t) {
            float nearest = kInfF;
            for (std::size_t i = 0; i < M_; ++i) nearest = std::min(nearest, mat_[i * n_ + t]);
            rootBound_ = std::max(rootBound_, static_cast<double>(nearest));
        }
        forbidden_.assign(M_, 0);
        levels_.assign(static_cast<std::size_t>(p_.k) + 1, std::vector<float>(n_));
        std::vector<int> S = fixed_;
        value(S, levels_[S.size()]);
        centerDfs(S);
    }

    void centerDfs(std::vector<int>& S) {
        const std::size_t m = S.size();
        const float* d = levels_[m].data();
        std::size_t star = 0;
        if (m == 0) {
            const double T = top_.threshold();
            std::size_t fewest = M_ + 1;
            for (std::size_t t = 0; t < n_; ++t) {
                std::size_t count = 0;
                for (std::size_t i = 0; i < M_; ++i) count += mat_[i * n_ + t] < T;
                if (count < fewest) fewest = count, star = t;
            }
        } else {
            star = static_cast<std::size_t>(std::max_element(d, d + n_) - d);
        }
        const double v = m == 0 ? kInf : d[star];
        // A site that serves j* no better than min(v, T) cannot make j* beat T.
        const double limit = std::min(v, top_.threshold());
        std::vector<int> improving;
        for (int i = 0; i < static_cast<int>(M_); ++i)
            if (!forbidden_[i] && mat_[static_cast<std::size_t>(i) * n_ + star] < limit && separatedFrom(i, S))
                improving.push_back(i);
        std::sort(improving.begin(), improving.end(), [&](int a, int b) {
            return mat_[static_cast<std::size_t>(a) * n_ + star] < mat_[static_cast<std::size_t>(b) * n_ + star];
        });
        // Children that complete the set beat T only if they serve every point
        // S leaves at T or more within T: a test that usually fails on the
        // first point or two, far cheaper than evaluating all demand.
        const bool leaves = static_cast<int>(m) + 1 == p_.k;
        std::vector<std::size_t> open;
        if (leaves && std::isfinite(top_.threshold()))
            for (std::size_t t = 0; t < n_; ++t)
                if (d[t] >= top_.threshold()) open.push_back(t);
        for (int i : improving) {
            const double T = top_.threshold();  // may have dropped since the list was made
            if (!(mat_[static_cast<std::size_t>(i) * n_ + star] < std::min(v, T))) break;
            const float* c = row(i);
            if (std::any_of(open.begin(), open.end(), [&](std::size_t t) { return c[t] >= T; })) {
                forbidden_[i] = 1;
                continue;
            }
            if (outOfTime()) break;
            const double childValue = extend(d, i, levels_[m + 1].data());
            ++nodes_;
            S.push_back(i);
            if (leaves)
                top_.offer(S, childValue);
            else
                centerDfs(S);
            S.pop_back();
            forbidden_[i] = 1;
        }
        for (int i : improving) forbidden_[i] = 0;
        if (v < top_.threshold()) {
            for (int i : improving) forbidden_[i] = 1;
            offerPadded(S, v, 0);
            for (int i : improving) forbidden_[i] = 0;
        }
    }

    // ---- center by relaxation -----------------------------------------------
    //
    // The optimum is one of the costs, and "can k sites serve every demand
    // point within r?" only gets easier as r grows: binary search on the
    // distinct costs between a lower bound (the worst nearest-candidate cost)
    // and the greedy + interchange value. Each check is an exact set cover on
    // a small subset R of the demand (Chen & Chen 2009; Contardo, Iori and
    // Kramer 2019): no cover of R means no cover of all demand (R is a
    // subset), a cover of R is tested on all demand and, when some point is
    // left beyond r, the worst served point joins R and the cover is solved
    // again. R is kept from radius to radius (a subset stays a relaxation).
    //
    // Runner-ups as the branch and bound defines them (the best 1 + runnersUp
    // distinct sets): the t-th is the best set that is none of the first t-1,
    // found by the same search with those sets excluded (no-good cuts). Its
    // value is at least the (t-1)-th's, so the search starts there: with the
    // ties of the center (sets that differ only away from the worst-served
    // point) the first check usually finds it.
    void searchCenterRelaxation() {
        std::vector<float> nearest(n_, kInfF);
        for (std::size_t i = 0; i < M_; ++i) {
            const float* c = row(static_cast<int>(i));
            for (std::size_t t = 0; t < n_; ++t) nearest[t] = std::min(nearest[t], c[t]);
        }
        const std::size_t first = static_cast<std::size_t>(std::max_element(nearest.begin(), nearest.end()) - nearest.begin());
        const float lower = nearest[first];
        rootBound_ = lower;
        // The heuristic's sets, best first: each search starts from the best
        // of them not listed yet. The list restarts with the proven sets.
        const std::vector<Combination> known = top_.items();
        top_.clear();
        const std::size_t wanted = static_cast<std::size_t>(p_.runnersUp) + 1;
        // Candidate radii: the distinct costs from `lower` up to the value of
        // the heuristic's wanted-th set (no listed set is worse: those sets
        // are distinct), or every cost when it found fewer.
        const double ceiling = known.size() >= wanted ? known.back().value : kInf;
        std::vector<float> radii;
        for (std::size_t x = 0; x < M_ * n_; ++x)
            if (mat_[x] >= lower && mat_[x] <= ceiling) radii.push_back(mat_[x]);
        std::sort(radii.begin(), radii.end());
        radii.erase(std::unique(radii.begin(), radii.end()), radii.end());
        auto at = [&](double v) {
            return static_cast<std::size_t>(std::lower_bound(radii.begin(), radii.end(), static_cast<float>(v)) - radii.begin());
        };
        // Sites free to choose: not fixed, at distance from the fixed ones.
        active_.clear();
        for (int i = 0; i < static_cast<int>(M_); ++i)
            if (!inFixed_[i] && separatedFrom(i, fixed_)) active_.push_back(i);
        relaxed_.assign(1, first);
        std::vector<float> dFixed(n_);
        value(fixed_, dFixed);
        dFixed_ = std::move(dFixed);
        excluded_.clear();
        std::vector<float> d(n_);
        std::size_t from = 0;  // every radius below radii[from] is proven to have no set outside excluded_
        while (excluded_.size() < wanted) {
            // The best heuristic set not listed yet is reached already.
            std::vector<int> best;
            double bestValue = kInf;
            for (const auto& c : known)
                if (!isExcluded(c.sites)) {
                    best = c.sites, bestValue = c.value;
                    break;
                }
            // Invariant: every radius below radii[lo] is proven to have no set
            // outside excluded_; `best` is reached at radii[hi], or, with hi at
            // the end of the list, nothing is reached yet (the upper end: no
            // radius beyond the list is assumed to hold a set).
            std::size_t lo = from, hi = best.empty() ? radii.size() : at(bestValue);
            bool tiesFirst = !excluded_.empty();
            while (lo < hi) {
                const std::size_t mid = tiesFirst ? lo : lo + (hi - lo) / 2;
                tiesFirst = false;
                std::vector<int> S;
                const long long before = nodes_;
                const bool covers = coverWithin(radii[mid], S);
                trace("center set %zu: radius %.6g %s (%lld nodes, %zu demand points in the subset)",
                      excluded_.size() + 1, static_cast<double>(radii[mid]), covers ? "covered" : "proven out",
                      nodes_ - before, relaxed_.size());
                if (stopped_) break;
                if (covers) {
                    bestValue = value(S, d);
                    best = std::move(S);
                    hi = at(bestValue);
                } else {
                    lo = mid + 1;
                }
            }
            if (excluded_.empty()) rootBound_ = std::max(rootBound_, lo < radii.size() ? static_cast<double>(radii[lo]) : kInf);
            if (stopped_) {
                // Not proven next best (finish() says so): what is known fills the list.
                if (!best.empty()) top_.offer(best, bestValue);
                for (const auto& c : known) top_.offer(c.sites, c.value);
                return;
            }
            if (best.empty()) return;  // fewer feasible sets than asked for
            std::sort(best.begin(), best.end());
            top_.offer(best, bestValue);
            excluded_.push_back(std::move(best));
            from = hi;
        }
    }

    bool isExcluded(std::vector<int> S) const {
        std::sort(S.begin(), S.end());
        return std::find(excluded_.begin(), excluded_.end(), S) != excluded_.end();
    }

    // A set of k sites (fixed ones included) serving all demand within r, in
    // S; false when there is none (or the time limit stopped the search).
    bool coverWithin(float r, std::vector<int>& S) {
        const int free = p_.k - static_cast<int>(fixed_.size());
        for (;;) {
            // Elements to cover: the demand of R the fixed sites leave beyond
            // r, then one per excluded set X (a k-set is not X exactly when it
            // holds a site outside X: the sites outside X cover it). So the
            // no-good cuts are covered like demand, and dominance stays exact.
            const std::size_t R = relaxed_.size(), E = R + excluded_.size(), W = (E + 63) / 64;
            std::vector<std::uint64_t> open(W, 0);
            for (std::size_t t = 0; t < R; ++t)
                if (dFixed_[relaxed_[t]] > r) open[t / 64] |= std::uint64_t(1) << (t % 64);
            for (std::size_t t = R; t < E; ++t) open[t / 64] |= std::uint64_t(1) << (t % 64);
            // Each free site's cover; sites covering none of it, or a subset of
            // another site's cover (dominated: without a separation the other
            // serves as well), are left out.
            std::vector<int> sites;
            std::vector<std::uint64_t> cover;
            std::vector<std::uint64_t> bits(W);
            for (int i : active_) {
                const float* c = row(i);
                bool any = false;
                for (std::size_t w = 0; w < W; ++w) bits[w] = 0;
                for (std::size_t t = 0; t < R; ++t)
                    if (c[relaxed_[t]] <= r && (open[t / 64] >> (t % 64) & 1)) bits[t / 64] |= std::uint64_t(1) << (t % 64), any = true;
                for (std::size_t t = R; t < E; ++t) {
                    const auto& X = excluded_[t - R];
                    if (!std::binary_search(X.begin(), X.end(), i)) bits[t / 64] |= std::uint64_t(1) << (t % 64), any = true;
                }
                if (!any) continue;
                sites.push_back(i);
                cover.insert(cover.end(), bits.begin(), bits.end());
            }
            std::vector<char> keep(sites.size(), 1);
            if (p_.minSeparation <= 0) {
                for (std::size_t a = 0; a < sites.size(); ++a) {
                    const std::uint64_t* ca = &cover[a * W];
                    for (std::size_t b = 0; b < sites.size() && keep[a]; ++b) {
                        if (a == b || !keep[b]) continue;
                        const std::uint64_t* cb = &cover[b * W];
                        bool subset = true, equal = true;
                        for (std::size_t w = 0; w < W && subset; ++w) {
                            subset = (ca[w] & ~cb[w]) == 0;
                            equal = equal && ca[w] == cb[w];
                        }
                        // Equal covers: the later one goes, so one of them stays.
                        if (subset && (!equal || b < a)) keep[a] = 0;
                    }
                }
            }
            coverSites_.clear();
            coverBits_.clear();
            for (std::size_t a = 0; a < sites.size(); ++a)
                if (keep[a]) {
                    coverSites_.push_back(sites[a]);
                    coverBits_.insert(coverBits_.end(), cover.begin() + static_cast<std::ptrdiff_t>(a * W),
                                      cover.begin() + static_cast<std::ptrdiff_t>((a + 1) * W));
                }
            coverWords_ = W;
            banned_.assign(coverSites_.size(), 0);
            S = fixed_;
            if (!coverDfs(open, free, S)) return false;
            // Check the cover of R on all demand; the worst served point joins R.
            std::vector<float> d(n_);
            value(S, d);
            const std::size_t worst = static_cast<std::size_t>(std::max_element(d.begin(), d.end()) - d.begin());
            if (d[worst] <= r) return true;
            relaxed_.push_back(worst);
        }
    }

    // Exact set cover of the `open` points of R with at most `remaining` more
    // sites (padded to k at the end). Branches on the open point with the
    // fewest sites covering it: one of them must be chosen; child t takes the
    // t-th and bans the earlier ones (no set is met twice).
    bool coverDfs(const std::vector<std::uint64_t>& open, int remaining, std::vector<int>& S) {
        ++nodes_;
        if (outOfTime()) return false;
        const std::size_t W = coverWords_, A = coverSites_.size();
        bool empty = true;
        for (std::uint64_t w : open) empty = empty && w == 0;
        if (empty) return pad(S, 0);
        if (remaining == 0) return false;
        // Sites still allowed here.
        std::vector<std::size_t> allowed;
        for (std::size_t a = 0; a < A; ++a)
            if (!banned_[a] && separatedFrom(coverSites_[a], S)) allowed.push_back(a);
        // The open point with the fewest allowed sites; and a bound: points
        // whose allowed sites are pairwise disjoint each need a site of their own.
        std::size_t star = 0, fewest = A + 1;
        std::vector<std::pair<std::size_t, std::size_t>> counts;  // (count, point)
        for (std::size_t w = 0; w < W; ++w)
            for (std::uint64_t bitsLeft = open[w]; bitsLeft; bitsLeft &= bitsLeft - 1) {
                const std::size_t t = w * 64 + static_cast<std::size_t>(__builtin_ctzll(bitsLeft));
                std::size_t count = 0;
                for (std::size_t a : allowed) count += coverBits_[a * W + w] >> (t % 64) & 1;
                if (count == 0) return false;
                if (count < fewest) fewest = count, star = t;
                counts.emplace_back(count, t);
            }
        if (counts.size() > 1 && remaining < static_cast<int>(counts.size())) {
            std::sort(counts.begin(), counts.end());
            std::vector<char> used(A, 0);
            int independent = 0;
            for (const auto& [count, t] : counts) {
                bool disjoint = true;
                for (std::size_t a : allowed)
                    if ((coverBits_[a * W + t / 64] >> (t % 64) & 1) && used[a]) { disjoint = false; break; }
                if (!disjoint) continue;
                for (std::size_t a : allowed)
                    if (coverBits_[a * W + t / 64] >> (t % 64) & 1) used[a] = 1;
                if (++independent > remaining) return false;
            }
        }
        // Children: the sites covering j*, those covering the most open points first.
        std::vector<std::pair<int, std::size_t>> children;
        for (std::size_t a : allowed)
            if (coverBits_[a * W + star / 64] >> (star % 64) & 1) {
                int gain = 0;
                for (std::size_t w = 0; w < W; ++w) gain += __builtin_popcountll(coverBits_[a * W + w] & open[w]);
                children.emplace_back(-gain, a);
            }
        std::sort(children.begin(), children.end());
        std::vector<std::uint64_t> rest(W);
        bool found = false;
        for (const auto& child : children) {
            const std::size_t a = child.second;
            for (std::size_t w = 0; w < W; ++w) rest[w] = open[w] & ~coverBits_[a * W + w];
            S.push_back(coverSites_[a]);
            found = coverDfs(rest, remaining - 1, S);
            if (found || stopped_) break;
            S.pop_back();
            banned_[a] = 1;
        }
        for (const auto& child : children) banned_[child.second] = 0;
        return found;
    }

    // Fills S up to k sites with any free sites at distance (adding a site
    // never makes a demand point worse served, nor S one of the excluded sets
    // once it holds a site outside each).
    bool pad(std::vector<int>& S, std::size_t from) {
        if (static_cast<int>(S.size()) == p_.k) return true;
        for (std::size_t x = from; x < active_.size(); ++x) {
            const int i = active_[x];
            if (!separatedFrom(i, S)) continue;
            S.push_back(i);
            if (pad(S, x + 1)) return true;
            S.pop_back();
            if (p_.minSeparation <= 0) return false;  // without a separation any site fits
        }
        return false;
    }

    // Completions of S from allowed candidates, all of value exactly v;
    // stops as soon as the list no longer takes v.
    void offerPadded(std::vector<int>& S, double v, int from) {
        if (static_cast<int>(S.size()) == p_.k) {
            top_.offer(S, v);
            return;
        }
        for (int i = from; i < static_cast<int>(M_) && v < top_.threshold(); ++i) {
            if (forbidden_[i] || !separatedFrom(i, S)) continue;
            S.push_back(i);
            offerPadded(S, v, i + 1);
            S.pop_back();
        }
    }

    // Read at every node of the median search (a node costs a subgradient run)
    // and every iteration of the root's; never stops before some set is known.
    bool expired() {
        if (stopped_) return true;
        if (!limited_ || top_.items().empty()) return false;
        if (std::chrono::steady_clock::now() < deadline_) return false;
        stopped_ = true;
        return true;
    }

    // Checked before each node; the clock is read every 256 nodes only.
    bool outOfTime() {
        if (stopped_) return true;
        if (!limited_ || (nodes_ & 255) != 0) return false;
        if (std::chrono::steady_clock::now() < deadline_) return false;
        stopped_ = true;
        return true;
    }

    Result finish(const std::string& method) const {
        Result r;
        r.objective = p_.objective;
        r.k = p_.k;
        // A stopped search still proves its best set when the root bound meets it.
        const double best = top_.items().front().value;
        // Integer data: every value is an integer, so the bound rounds up.
        const double proven = integral_ ? std::ceil(rootBound_ - 1e-7 * std::max(1.0, std::abs(rootBound_))) : rootBound_;
        const bool boundMeets = proven >= best - slack(best);
        r.optimal = !stopped_ || boundMeets;
        r.timedOut = stopped_;
        r.method = method;
        if (stopped_)
            r.method += "; stopped at the time limit of " + shortNumber(p_.timeLimit) + " s: " +
                        (boundMeets ? "the best set is proven optimal by the bound, "
                                    : "the best set found is not proven optimal, ") +
                        "runners-up are not proven next best";
        r.nodes = nodes_;
        r.eliminated = std::count(eliminated_.begin(), eliminated_.end(), 1);
        double total = 0;
        for (double w : p_.weight) total += w;
        auto reported = [&](double internal) {
            return p_.objective == Objective::Coverage ? total - internal : internal;
        };
        const auto& items = top_.items();
        r.chosen = items.front().sites;
        r.value = reported(items.front().value);
        const double internalBound = stopped_ ? std::min(proven, items.front().value) : items.front().value;
        r.bound = reported(internalBound);
        r.gap = r.value != 0 ? std::abs(r.value - r.bound) / std::abs(r.value) : 0.0;
        for (std::size_t t = 1; t < items.size(); ++t) r.runnersUp.push_back({items[t].sites, reported(items[t].value)});
        // Assignment on the real costs, all demand (also zero weight): nearest chosen site.
        const std::size_t N = p_.demand.size();
        r.assignment.assign(N, -1);
        double weighted = 0;
        for (std::size_t j = 0; j < N; ++j) {
            float best = kInfF;
            for (int i : r.chosen) {
                const float c = p_.cost[static_cast<std::size_t>(i) * N + j];
                if (r.assignment[j] < 0 || c < best) best = c, r.assignment[j] = i;
            }
            weighted += p_.weight[j] * static_cast<double>(best);
        }
        r.meanWeightedCost = total > 0 ? weighted / total : 0;
        return r;
    }

    const Problem& p_;
    std::size_t M_ = 0, n_ = 0;
    std::vector<std::size_t> keep_;
    const float* mat_ = nullptr;  // M_ x n_ working costs: the problem's matrix or own_
    std::vector<float> own_;      // only when the working matrix differs from the problem's
    std::vector<float> wf_;       // w_ in float, for the subgradient iterations
    bool integral_ = false;       // every value is an integer
    std::vector<double> w_;
    std::vector<int> fixed_;
    std::vector<char> inFixed_, forbidden_;
    std::vector<int> byCapacity_;  // candidates by falling capacity (with a need)
    TopList top_;
    long long nodes_ = 0;
    std::vector<std::vector<float>> levels_;  // d(S) per search depth
    // Center by relaxation: free sites, the demand subset R, the fixed sites'
    // costs, and the current radius's covers of R (coverWords_ words a site).
    std::vector<int> active_;
    std::vector<std::size_t> relaxed_;
    std::vector<std::vector<int>> excluded_;  // sets listed already (sorted): no-good cuts
    std::vector<float> dFixed_;
    std::vector<int> coverSites_;
    std::vector<std::uint64_t> coverBits_;
    std::size_t coverWords_ = 0;
    std::vector<char> banned_;
    double rootBound_ = 0;
    double openBound_ = 0;            // smallest bound of the nodes a stopped search left open
    // The best-bound search's open nodes (a heap by `later`), their memory
    // (states and multipliers, shared copies counted once) and a counter
    // that orders equal bounds.
    std::vector<OpenNode> queue_;
    std::size_t queueBytes_ = 0;
    long long queueSeq_ = 0;
    bool queueing_ = false;
    std::vector<signed char> state_;  // per candidate at the current node: 1 open, -1 closed, 0 free
    int nOpen_ = 0;  // proven bound on the internal optimum from the root relaxation
    std::chrono::steady_clock::time_point deadline_{};
    bool limited_ = false;  // a time limit within the clock's range was given
    bool stopped_ = false;
    // The sparse relaxation (NearestLists): per working demand point its
    // nearest candidates, ascending; every other candidate costs >= limit_;
    // lambda is capped at cap_ = w * limit.
    bool sparse_ = false;
    std::vector<std::vector<Near>> near_;
    std::vector<float> limit_;
    std::vector<double> cap_;
    std::size_t listEntries_ = 0, listBudget_ = 0;
    int listGrowths_ = 0;
    double rootStep_ = 0;  // the root's last subgradient step (sparse)
    mutable std::vector<double> partial_;  // priceSparse's per-block reduced costs
    // The flat compact lists for the subgradient iterations (flatten).
    std::vector<std::size_t> flatStart_;
    std::vector<float> flatCost_;
    std::vector<std::uint16_t> flatSite16_;
    std::vector<std::uint32_t> flatSite32_;
    bool flat_ = false;
    // Candidates the sparse root has eliminated for good (no set holding one
    // can enter the list); left out of the flat lists.
    std::vector<char> eliminated_;
    std::size_t eliminatedSinceFlat_ = 0;
    mutable std::size_t lastScanned_ = 0;  // list entries below lambda at the last pricing
    std::set<std::vector<int>> polished_;  // relaxed sets the sparse root has polished
    // Costs and list entries the interchanges have read: the work measure of
    // the root's polish budget (deterministic, unlike their time).
    std::size_t interchangeCells_ = 0;
};

void validate(const Problem& p) {
    const std::size_t M = p.candidates.size(), N = p.demand.size();
    if (M == 0) throw SelectionError("no candidate sites");
    if (N == 0) throw SelectionError("no demand points");
    if (p.cost.size() != M * N)
        throw SelectionError("cost matrix has " + std::to_string(p.cost.size()) + " entries, expected " +
                             std::to_string(M) + " candidates x " + std::to_string(N) + " demand points");
    if (p.weight.size() != N) throw SelectionError("expected one weight per demand point");
    if (p.k < 1) throw SelectionError("k must be at least 1");
    if (static_cast<std::size_t>(p.k) > M)
        throw SelectionError("k = " + std::to_string(p.k) + " is larger than the number of candidates (" +
                             std::to_string(M) + ")");
    if (p.runnersUp < 0) throw SelectionError("runners-up must not be negative");
    if (p.threads < 0) throw SelectionError("threads must not be negative");
    for (float c : p.cost)
        if (!std::isfinite(c) || c < 0) throw SelectionError("costs must be finite and not negative");
    double total = 0;
    for (double w : p.weight) {
        if (!std::isfinite(w) || w < 0) throw SelectionError("weights must be finite and not negative");
        total += w;
    }
    if (total <= 0) throw SelectionError("all demand weights are zero");
    if (p.objective == Objective::Coverage && !(p.radius >= 0))
        throw SelectionError("coverage needs a radius >= 0");
    if (p.minSeparation > 0 && p.separation.size() != M * M)
        throw SelectionError("min-separation needs a candidates x candidates distance matrix");
    if (p.need < 0) throw SelectionError("the need must not be negative");
    if (p.need > 0) {
        if (p.objective == Objective::Center) throw SelectionError("a need (capacity) is for median and coverage only");
        if (p.capacity.size() != M) throw SelectionError("a need needs one capacity per candidate");
        for (int c : p.capacity)
            if (c < 0) throw SelectionError("capacities must not be negative");
    }
    if (p.mustInclude.size() > static_cast<std::size_t>(p.k))
        throw SelectionError("more must-include sites than k");
    for (std::size_t a = 0; a < p.mustInclude.size(); ++a) {
        const int i = p.mustInclude[a];
        if (i < 0 || static_cast<std::size_t>(i) >= M) throw SelectionError("must-include index out of range");
        for (std::size_t b = 0; b < a; ++b) {
            const int j = p.mustInclude[b];
            if (i == j) throw SelectionError("must-include names candidate '" + p.candidates[i] + "' twice");
            if (p.minSeparation > 0 && p.separation[static_cast<std::size_t>(i) * M + j] < p.minSeparation)
                throw SelectionError("must-include candidates '" + p.candidates[j] + "' and '" + p.candidates[i] +
                                     "' are closer than min-separation");
        }
    }
}

}  // namespace

std::vector<int> servingNoDemand(const Problem& p, const Result& r) {
    const std::size_t N = p.demand.size();
    std::set<int> serving;
    for (std::size_t j = 0; j < N && j < r.assignment.size(); ++j) {
        const int i = r.assignment[j];
        if (i < 0 || p.weight[j] <= 0) continue;
        if (p.objective == Objective::Coverage && p.cost[static_cast<std::size_t>(i) * N + j] > p.radius) continue;
        serving.insert(i);
    }
    std::vector<int> idle;
    for (int i : r.chosen)
        if (!serving.count(i)) idle.push_back(i);
    return idle;
}

double evaluate(const Problem& p, const std::vector<int>& sites) {
    const std::size_t N = p.demand.size();
    double sum = 0, worst = 0;
    for (std::size_t j = 0; j < N; ++j) {
        double d = kInf;
        for (int i : sites) d = std::min(d, static_cast<double>(p.cost[static_cast<std::size_t>(i) * N + j]));
        if (p.objective == Objective::Median) sum += p.weight[j] * d;
        if (p.objective == Objective::Coverage && d <= p.radius) sum += p.weight[j];
        if (p.objective == Objective::Center && p.weight[j] > 0) worst = std::max(worst, d);
    }
    return p.objective == Objective::Center ? worst : sum;
}

Result solve(const Problem& problem) {
    validate(problem);
    return Solver(problem).run();
}

}  // namespace vgscan::select
