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

#include <chrono>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

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
constexpr float kInfF = std::numeric_limits<float>::infinity();

// Sums in double are exact to ~1e-13 here; a bound must clear the threshold by
// more than that before it cuts, so rounding can never cut the optimum.
double slack(double threshold) { return 1e-9 * std::max(1.0, std::abs(threshold)); }

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

private:
    std::size_t capacity_;
    std::vector<Combination> items_;
};

class Solver {
public:
    explicit Solver(const Problem& p) : p_(p), top_(static_cast<std::size_t>(p.runnersUp) + 1) {
        M_ = p.candidates.size();
        // Working matrix: only demand with positive weight; coverage as 0/1.
        for (std::size_t j = 0; j < p.demand.size(); ++j)
            if (p.weight[j] > 0) keep_.push_back(j);
        n_ = keep_.size();
        work_.resize(M_ * n_);
        for (std::size_t i = 0; i < M_; ++i)
            for (std::size_t t = 0; t < n_; ++t) {
                const float c = p.cost[i * p.demand.size() + keep_[t]];
                work_[i * n_ + t] = p.objective == Objective::Coverage ? (c <= p.radius ? 0.f : 1.f) : c;
            }
        for (std::size_t j : keep_) w_.push_back(p.weight[j]);
        fixed_.assign(p.mustInclude.begin(), p.mustInclude.end());
        std::sort(fixed_.begin(), fixed_.end());
        inFixed_.assign(M_, 0);
        for (int i : fixed_) inFixed_[i] = 1;
    }

    Result run() {
        if (p_.timeLimit > 0)
            deadline_ = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(p_.timeLimit));
        heuristic();
        std::string method;
        if (static_cast<int>(fixed_.size()) == p_.k) {
            std::vector<float> d(n_);
            top_.offer(fixed_, value(fixed_, d));
            method = "must-include fixes every site";
        } else if (p_.objective == Objective::Center) {
            searchCenter();
            method = "branch and bound on the worst-served demand point (a better set must serve it closer), "
                     "greedy + interchange start";
        } else {
            searchSum();
            method = std::string("branch and bound over site combinations with a Lagrangian lower bound "
                                 "(subgradient), greedy + interchange start") +
                     (p_.objective == Objective::Coverage ? "; coverage solved as uncovered weight" : "");
        }
        if (top_.items().empty())
            throw SelectionError("no set of " + std::to_string(p_.k) +
                                 " candidates satisfies the constraints (min-separation " +
                                 std::to_string(p_.minSeparation) + ", must-include)");
        return finish(method);
    }

private:
    const float* row(int i) const { return work_.data() + static_cast<std::size_t>(i) * n_; }
    bool separated(int a, int b) const {
        return p_.minSeparation <= 0 ||
               p_.separation[static_cast<std::size_t>(a) * M_ + static_cast<std::size_t>(b)] >= p_.minSeparation;
    }
    bool separatedFrom(int i, const std::vector<int>& S) const {
        for (int s : S)
            if (s == i || !separated(i, s)) return false;
        return true;
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

    // Greedy then interchange (Teitz-Bart): a good set early makes the
    // threshold low, so the exact search cuts from its first node. Every set
    // evaluated on the way is offered, which also fills the runner-up list.
    void heuristic() {
        std::vector<int> S = fixed_;
        std::vector<float> d(n_), scratch(n_);
        value(S, d);
        while (static_cast<int>(S.size()) < p_.k) {
            int best = -1;
            double bestValue = kInf;
            for (int i = 0; i < static_cast<int>(M_); ++i) {
                if (!separatedFrom(i, S)) continue;
                const double v = extend(d.data(), i, scratch.data());
                if (v < bestValue || best < 0) bestValue = v, best = i;
            }
            if (best < 0) return;  // greedy is stuck; the exact search may still find a set
            S.push_back(best);
            extend(d.data(), best, d.data());
        }
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

    // ---- median and coverage --------------------------------------------
    //
    // Lagrangian bound (Beasley's relaxation of "each demand point is served
    // by one site"): for ANY multipliers lambda and ANY set S,
    //   value(S) >= sum_j lambda_j + sum_{i in S} rho_i,
    //   rho_i = sum_j min(0, w_j c_ij - lambda_j),
    // because for the site i* in S nearest to j,
    //   w_j c_i*j = lambda_j + (w_j c_i*j - lambda_j) >= lambda_j + sum_{i in S} min(0, w_j c_ij - lambda_j).
    // The bound is additive over sites, so with candidates sorted by rho a
    // partial set S plus r more sites from the positions after q is bounded by
    // base + rho(S) + (the r+1 smallest rho from position q on), which only
    // grows with q: once it reaches the threshold, every later sibling is cut too.
    // Subgradient steps push lambda towards the best bound (often equal to the
    // optimum up to a few per mille on regional data), but validity never
    // depends on convergence.
    void searchSum() {
        std::vector<double> rho = lagrangian();
        std::vector<int> order;
        for (int i = 0; i < static_cast<int>(M_); ++i)
            if (!inFixed_[i]) order.push_back(i);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rho[a] < rho[b]; });
        order_ = order;
        prefix_.assign(order.size() + 1, 0.0);
        for (std::size_t q = 0; q < order.size(); ++q) prefix_[q + 1] = prefix_[q] + rho[order[q]];
        rho_ = std::move(rho);
        levels_.assign(static_cast<std::size_t>(p_.k) + 1, std::vector<float>(n_));
        std::vector<int> S = fixed_;
        value(S, levels_[S.size()]);
        double rhoS = 0;
        for (int i : S) rhoS += rho_[i];
        // The Lagrangian bound of the whole problem: what a stopped search can prove.
        const std::size_t free = static_cast<std::size_t>(p_.k) - S.size();
        rootBound_ = base_ + rhoS + (free <= order_.size() ? prefix_[free] : 0.0);
        sumDfs(S, 0, rhoS);
    }

    void sumDfs(std::vector<int>& S, std::size_t from, double rhoS) {
        const std::size_t m = S.size();
        const std::size_t r = static_cast<std::size_t>(p_.k) - m - 1;  // still to add after this child
        for (std::size_t q = from; q + r < order_.size(); ++q) {
            const double bound = base_ + rhoS + prefix_[q + 1 + r] - prefix_[q];
            const double threshold = top_.threshold();
            if (bound >= threshold + slack(threshold)) break;
            const int i = order_[q];
            if (!separatedFrom(i, S)) continue;
            if (outOfTime()) return;
            const double v = extend(levels_[m].data(), i, levels_[m + 1].data());
            ++nodes_;
            S.push_back(i);
            if (r == 0)
                top_.offer(S, v);
            else
                sumDfs(S, q + 1, rhoS + rho_[i]);
            S.pop_back();
        }
    }

    // Subgradient optimisation of lambda; returns rho for the best lambda
    // found and sets base_ = sum lambda.
    std::vector<double> lagrangian() {
        const int free = p_.k - static_cast<int>(fixed_.size());
        double upper = top_.items().empty() ? kInf : top_.items().front().value;
        if (!std::isfinite(upper)) {  // no start set: any set is at most sum_j w_j max_i c_ij
            upper = 0;
            for (std::size_t t = 0; t < n_; ++t) {
                float worst = 0;
                for (std::size_t i = 0; i < M_; ++i) worst = std::max(worst, work_[i * n_ + t]);
                upper += w_[t] * worst;
            }
        }
        // Start: each demand point priced at its second nearest candidate.
        std::vector<double> lambda(n_);
        for (std::size_t t = 0; t < n_; ++t) {
            float a = kInfF, b = kInfF;
            for (std::size_t i = 0; i < M_; ++i) {
                const float c = work_[i * n_ + t];
                if (c < a) b = a, a = c;
                else if (c < b) b = c;
            }
            lambda[t] = w_[t] * static_cast<double>(M_ > 1 ? b : a);
        }
        // The iterations only steer lambda, so they run in float (twice the
        // SIMD width); the bound actually used is recomputed in double below.
        std::vector<float> rho(M_), wf(w_.begin(), w_.end()), lambdaf(n_), d(n_);
        std::vector<double> bestLambda = lambda, g(n_);
        std::vector<int> idx;
        double bestBound = -kInf, step = 2.0;
        for (int it = 0, stale = 0; it < 300; ++it) {
            std::copy(lambda.begin(), lambda.end(), lambdaf.begin());
            for (std::size_t i = 0; i < M_; ++i)
                rho[i] = reducedCostF(row(static_cast<int>(i)), wf.data(), lambdaf.data(), n_);
            // Open the fixed sites plus the `free` smallest rho among the others.
            idx.resize(M_);
            std::iota(idx.begin(), idx.end(), 0);
            std::erase_if(idx, [&](int i) { return inFixed_[i] != 0; });
            std::partial_sort(idx.begin(), idx.begin() + free, idx.end(),
                              [&](int a, int b) { return rho[a] < rho[b]; });
            idx.resize(static_cast<std::size_t>(free));
            idx.insert(idx.end(), fixed_.begin(), fixed_.end());
            double bound = std::accumulate(lambda.begin(), lambda.end(), 0.0);
            for (int i : idx) bound += rho[i];
            if (bound > bestBound) {
                bestBound = bound, bestLambda = lambda, stale = 0;
            } else if (++stale >= 12) {
                step /= 2, stale = 0;
            }
            // The relaxation's open sites are often the optimum itself: a
            // cheap way to lower the threshold before the search.
            if (std::all_of(idx.begin(), idx.end(), [&](int i) {
                    return std::all_of(idx.begin(), idx.end(), [&](int j) { return i == j || separated(i, j); });
                })) {
                const double v = value(idx, d);
                top_.offer(idx, v);
                upper = std::min(upper, v);
            }
            if (upper - bestBound <= slack(upper) || step < 2e-3) break;
            // Subgradient of the relaxed constraint "served exactly once".
            std::fill(g.begin(), g.end(), 1.0);
            for (int i : idx) {
                const float* c = row(i);
                for (std::size_t t = 0; t < n_; ++t)
                    if (w_[t] * static_cast<double>(c[t]) < lambda[t]) g[t] -= 1.0;
            }
            double norm = 0;
            for (double x : g) norm += x * x;
            if (norm == 0) break;  // the relaxed solution is feasible: bound is exact
            const double t = step * (upper - bound) / norm;
            for (std::size_t j = 0; j < n_; ++j) lambda[j] = std::max(0.0, lambda[j] + t * g[j]);
        }
        std::vector<double> exact(M_);
        for (std::size_t i = 0; i < M_; ++i)
            exact[i] = reducedCost(row(static_cast<int>(i)), w_.data(), bestLambda.data(), n_);
        base_ = std::accumulate(bestLambda.begin(), bestLambda.end(), 0.0);
        return exact;
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
            for (std::size_t i = 0; i < M_; ++i) nearest = std::min(nearest, work_[i * n_ + t]);
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
                for (std::size_t i = 0; i < M_; ++i) count += work_[i * n_ + t] < T;
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
            if (!forbidden_[i] && work_[static_cast<std::size_t>(i) * n_ + star] < limit && separatedFrom(i, S))
                improving.push_back(i);
        std::sort(improving.begin(), improving.end(), [&](int a, int b) {
            return work_[static_cast<std::size_t>(a) * n_ + star] < work_[static_cast<std::size_t>(b) * n_ + star];
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
            if (!(work_[static_cast<std::size_t>(i) * n_ + star] < std::min(v, T))) break;
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

    // Checked before each node; the clock is read every 256 nodes only.
    bool outOfTime() {
        if (stopped_) return true;
        if (p_.timeLimit <= 0 || (nodes_ & 255) != 0) return false;
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
        const bool boundMeets = rootBound_ >= best - slack(best);
        r.optimal = !stopped_ || boundMeets;
        r.timedOut = stopped_;
        r.method = method;
        if (stopped_)
            r.method += "; stopped at the time limit of " + std::to_string(p_.timeLimit) + " s: " +
                        (boundMeets ? "the best set is proven optimal by the root bound, "
                                    : "the best set found is not proven optimal, ") +
                        "runners-up are not proven next best";
        r.nodes = nodes_;
        double total = 0;
        for (double w : p_.weight) total += w;
        auto reported = [&](double internal) {
            return p_.objective == Objective::Coverage ? total - internal : internal;
        };
        const auto& items = top_.items();
        r.chosen = items.front().sites;
        r.value = reported(items.front().value);
        const double internalBound = stopped_ ? std::min(rootBound_, items.front().value) : items.front().value;
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
    std::vector<float> work_;
    std::vector<double> w_;
    std::vector<int> fixed_;
    std::vector<char> inFixed_, forbidden_;
    TopList top_;
    long long nodes_ = 0;
    std::vector<std::vector<float>> levels_;  // d(S) per search depth
    std::vector<int> order_;
    std::vector<double> rho_, prefix_;
    double base_ = 0;
    double rootBound_ = 0;  // proven bound on the internal optimum from the root relaxation
    std::chrono::steady_clock::time_point deadline_{};
    bool stopped_ = false;
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
