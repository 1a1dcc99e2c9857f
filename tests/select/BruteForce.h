#pragma once
// Exhaustive enumeration of every feasible k-set: the reference the solver
// must match. Written independently of core/select (no shared code paths).
#include "select/Selection.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <vector>

namespace bruteforce {

using vgscan::select::Objective;
using vgscan::select::Problem;

// The objective value as the user sees it (coverage: covered weight).
inline double value(const Problem& p, const std::vector<int>& S) {
    const std::size_t N = p.demand.size();
    double total = 0, worst = 0;
    for (std::size_t j = 0; j < N; ++j) {
        double d = std::numeric_limits<double>::infinity();
        for (int i : S) d = std::min(d, double(p.cost[std::size_t(i) * N + j]));
        switch (p.objective) {
        case Objective::Median: total += p.weight[j] * d; break;
        case Objective::Coverage: total += d <= p.radius ? p.weight[j] : 0.0; break;
        case Objective::Center: worst = p.weight[j] > 0 ? std::max(worst, d) : worst; break;
        }
    }
    return p.objective == Objective::Center ? worst : total;
}

struct Scored {
    std::vector<int> sites;
    double value;
};

// All feasible sets, best first (coverage: largest first).
inline std::vector<Scored> all(const Problem& p) {
    const int M = int(p.candidates.size());
    std::vector<Scored> out;
    std::vector<int> S;
    std::function<void(int)> rec = [&](int from) {
        if (int(S.size()) == p.k) {
            for (int m : p.mustInclude)
                if (std::find(S.begin(), S.end(), m) == S.end()) return;
            for (std::size_t a = 0; a < S.size(); ++a)
                for (std::size_t b = 0; b < a; ++b)
                    if (p.minSeparation > 0 && p.separation[std::size_t(S[a]) * M + S[b]] < p.minSeparation) return;
            int held = 0;
            for (int i : S) held += p.need > 0 ? p.capacity[std::size_t(i)] : 0;
            if (held < p.need) return;
            out.push_back({S, value(p, S)});
            return;
        }
        for (int i = from; i < M; ++i) {
            S.push_back(i);
            rec(i + 1);
            S.pop_back();
        }
    };
    rec(0);
    const bool larger = p.objective == Objective::Coverage;
    std::stable_sort(out.begin(), out.end(), [&](const Scored& a, const Scored& b) {
        return larger ? a.value > b.value : a.value < b.value;
    });
    return out;
}

// Best value and runner-up values equal the brute-force ranking; every set
// listed is distinct, feasible and carries its true value.
inline void checkAgainstBruteForce(const Problem& p) {
    const auto ranked = all(p);
    if (ranked.empty()) {
        REQUIRE_THROWS_AS(vgscan::select::solve(p), vgscan::select::SelectionError);
        return;
    }
    const auto r = vgscan::select::solve(p);
    REQUIRE(r.optimal);
    const std::size_t listed = std::min(ranked.size(), std::size_t(p.runnersUp) + 1);
    std::vector<double> got{r.value};
    for (const auto& c : r.runnersUp) got.push_back(c.value);
    REQUIRE(got.size() == listed);
    std::set<std::vector<int>> seen;
    std::vector<std::vector<int>> sets{r.chosen};
    for (const auto& c : r.runnersUp) sets.push_back(c.sites);
    for (std::size_t t = 0; t < listed; ++t) {
        CHECK(got[t] == Catch::Approx(ranked[t].value).margin(1e-6));
        CHECK(value(p, sets[t]) == Catch::Approx(got[t]).margin(1e-6));
        CHECK(seen.insert(sets[t]).second);
        CHECK(std::any_of(ranked.begin(), ranked.end(), [&](const auto& s) { return s.sites == sets[t]; }));
    }
    CHECK(value(p, r.chosen) == Catch::Approx(r.value).margin(1e-6));
}

}  // namespace bruteforce
