#include "plan/RegionalPlan.h"

#include "rules/RuleKit.h"
#include "select/Selection.h"

#include <QString>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace vgscan::plan {

const char* toString(Kind k) { return k == VG7 ? "VG7" : "ambulant"; }
const char* optionName(Kind k) { return k == VG7 ? "vg7" : "ambulant"; }

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Costs are sums of many products: equal plans may differ in the last bits.
bool cheaper(double a, double b) { return a < b - 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

// The texts of the errors a planner meets (a need no choice can meet, k
// larger than the candidates) are marked patterns filled by kit::say(), as
// rules do: English in plan.json and on stderr, shown in the chosen
// language through i18n::ruleText.
std::string places(int n) {
    return n == 1 ? std::string(QT_TRANSLATE_NOOP("rules", "1 place"))
                  : kit::say(QT_TRANSLATE_NOOP("rules", "%1 places"), std::to_string(n));
}

std::string locationsOf(int n, Kind kind) {
    return n == 1 ? kit::say(QT_TRANSLATE_NOOP("rules", "1 %1 location"), toString(kind))
                  : kit::say(QT_TRANSLATE_NOOP("rules", "%1 %2 locations"), std::to_string(n), toString(kind));
}

// When a part of the solve must stop (plan --time-limit): none, or a moment.
struct Deadline {
    bool limited = false;
    std::chrono::steady_clock::time_point at;

    static Deadline in(double seconds) {
        Deadline d;
        d.limited = seconds > 0;
        if (d.limited)
            d.at = std::chrono::steady_clock::now() +
                   std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
        return d;
    }
    double left() const {
        return limited ? std::chrono::duration<double>(at - std::chrono::steady_clock::now()).count() : kInf;
    }
    bool passed() const { return limited && left() <= 0; }
    // A share of what is left: 1/parts of it.
    Deadline share(int parts) const { return limited ? in(std::max(left(), 0.0) / parts + 1e-12) : Deadline{}; }
    // For select::Problem::timeLimit, where 0 means none: the time left,
    // never 0 once it has passed (the search then stops at its first check).
    double solverLimit() const { return limited ? std::max(left(), 1e-9) : 0.0; }
};

// `text` after the file it is about ("FILE: text"), when there is one.
std::string inFile(const std::string& source, const std::string& text) {
    return source.empty() ? text : kit::say(QT_TRANSLATE_NOOP("rules", "%1: %2"), source, text);
}


int capacity(const Problem& p, int l, Kind kind) {
    const Location& x = p.locations[static_cast<std::size_t>(l)];
    return p.uncappedPlaces ? x.uncapped[kind] : x.places[kind];
}

bool eligible(const Problem& p, int l, Kind kind) {
    return p.locations[static_cast<std::size_t>(l)].places[kind] > 0;
}

double separationOf(const Problem& p, int a, int b) {
    return p.separation[static_cast<std::size_t>(a) * p.locations.size() + static_cast<std::size_t>(b)];
}

// The best sets of one kind, by depth-first search over the eligible
// locations in index order.
class KindSearch {
public:
    KindSearch(const Problem& p, Kind kind) : p_(p), kind_(kind), n_(p.demand.size()) {
        for (int l = 0; l < static_cast<int>(p.locations.size()); ++l)
            if (eligible(p, l, kind)) elig_.push_back(l);
        const std::size_t m = elig_.size();
        // suffix_[t][j]: the nearest location among elig_[t..] to demand point j.
        suffix_.assign((m + 1) * n_, kInf);
        for (std::size_t t = m; t-- > 0;)
            for (std::size_t j = 0; j < n_; ++j)
                suffix_[t * n_ + j] = std::min(suffix_[(t + 1) * n_ + j], cost(elig_[t], j));
        // topCaps_[t][r]: the r largest capacities among elig_[t..] summed.
        const int k = p.k[kind];
        topCaps_.assign((m + 1) * static_cast<std::size_t>(k + 1), 0);
        std::vector<int> best;
        for (std::size_t t = m; t-- > 0;) {
            best.push_back(capacity(p, elig_[t], kind));
            std::sort(best.rbegin(), best.rend());
            if (best.size() > static_cast<std::size_t>(k)) best.resize(static_cast<std::size_t>(k));
            int sum = 0;
            for (int r = 1; r <= k; ++r) {
                if (r <= static_cast<int>(best.size())) sum += best[static_cast<std::size_t>(r - 1)];
                topCaps_[t * static_cast<std::size_t>(k + 1) + static_cast<std::size_t>(r)] = sum;
            }
        }
    }

    const std::vector<int>& eligibleLocations() const { return elig_; }

    // The `m` best feasible sets (fewer when fewer exist: exhausted).
    std::vector<KindChoice> top(std::size_t m, bool& exhausted, long long& nodes) {
        m_ = m;
        list_.clear();
        nodes_ = 0;
        chosen_.clear();
        std::vector<double> dist(n_, kInf);
        if (p_.k[kind_] > 0) dfs(0, 0, dist);
        nodes += nodes_;
        exhausted = list_.size() < m_;
        return list_;
    }

private:
    double cost(int l, std::size_t j) const { return p_.cost[static_cast<std::size_t>(l) * n_ + j]; }

    void dfs(std::size_t from, int placesSoFar, const std::vector<double>& dist) {
        const int k = p_.k[kind_];
        const int depth = static_cast<int>(chosen_.size());
        const std::size_t m = elig_.size();
        std::vector<double> next(n_);
        for (std::size_t t = from; t + static_cast<std::size_t>(k - depth) <= m; ++t) {
            const int l = elig_[t];
            bool apart = true;
            if (p_.minSeparation > 0)
                for (int c : chosen_)
                    if (separationOf(p_, c, l) < p_.minSeparation) apart = false;
            if (!apart) continue;
            const int cap = placesSoFar + capacity(p_, l, kind_);
            const int left = k - depth - 1;
            if (cap + topCaps_[(t + 1) * static_cast<std::size_t>(k + 1) + static_cast<std::size_t>(left)] <
                p_.need[kind_])
                continue;  // even the largest locations left cannot make up the need
            ++nodes_;
            // The bound, summed with an early stop: its terms are >= 0.
            const double* rest = &suffix_[(t + 1) * n_];
            const double* row = &p_.cost[static_cast<std::size_t>(l) * n_];
            const bool full = list_.size() >= m_;
            const double stop = full ? list_.back().value : kInf;
            double bound = 0;
            bool pruned = false;
            for (std::size_t j = 0; j < n_; ++j) {
                const double d = std::min(dist[j], row[j]);
                bound += p_.weight[j] * (left > 0 ? std::min(d, rest[j]) : d);
                if ((j & 63) == 63 && full && !cheaper(bound, stop)) {
                    pruned = true;
                    break;
                }
            }
            if (pruned || (full && !cheaper(bound, stop))) continue;
            for (std::size_t j = 0; j < n_; ++j) next[j] = std::min(dist[j], row[j]);
            chosen_.push_back(l);
            if (left == 0) {
                KindChoice c{chosen_, bound, cap};
                const auto at = std::upper_bound(list_.begin(), list_.end(), c.value,
                                                 [](double v, const KindChoice& x) { return v < x.value; });
                list_.insert(at, c);
                if (list_.size() > m_) list_.pop_back();
            } else {
                dfs(t + 1, cap, next);
            }
            chosen_.pop_back();
        }
    }

    const Problem& p_;
    Kind kind_;
    std::size_t n_;
    std::vector<int> elig_;
    std::vector<double> suffix_;
    std::vector<int> topCaps_;
    std::size_t m_ = 0;
    std::vector<KindChoice> list_;
    std::vector<int> chosen_;
    long long nodes_ = 0;
};

// The best sets of one kind by the exact p-median of core/select (Lagrangian
// bound at every node, reduced-cost fixing), with the kind's need as a
// capacity constraint and the minimum separation: each top-m list is one
// run whose runner-up list has m - 1 places.
//
// Twins: locations of the kind with the same costs to every demand point,
// the same places and the same separation verdict towards every other
// location (and too close to each other when there is a minimum separation)
// are interchangeable: any set keeps its value and feasibility when one is
// swapped for another. Only the first k of each such class enter the search
// (the first one alone when they cannot be chosen together), so a portfolio
// that repeats a site many times does not multiply the search; each set found
// stands for every set that swaps twins, and those are listed after it (same
// value). The m best sets are among them: a set of the full problem has a
// representative of the same value in the reduced one.
class KindSolver {
public:
    KindSolver(const Problem& p, Kind kind) : p_(p), kind_(kind), n_(p.demand.size()) {
        std::vector<int> elig;
        for (int l = 0; l < static_cast<int>(p.locations.size()); ++l)
            if (eligible(p, l, kind)) elig.push_back(l);
        groupTwins(elig);
        const std::size_t m = kept_.size();
        q_.demand = p.demand;
        q_.weight = p.weight;
        q_.cost.resize(m * n_);
        for (std::size_t t = 0; t < m; ++t) {
            const int l = kept_[t];
            q_.candidates.push_back(p.locations[static_cast<std::size_t>(l)].id);
            q_.capacity.push_back(capacity(p, l, kind));
            for (std::size_t j = 0; j < n_; ++j)
                q_.cost[t * n_ + j] = static_cast<float>(p.cost[static_cast<std::size_t>(l) * n_ + j]);
        }
        q_.k = p.k[kind];
        q_.need = p.need[kind];
        q_.minSeparation = p.minSeparation;
        if (p.minSeparation > 0) {
            q_.separation.resize(m * m);
            for (std::size_t a = 0; a < m; ++a)
                for (std::size_t b = 0; b < m; ++b) q_.separation[a * m + b] = static_cast<float>(separationOf(p, kept_[a], kept_[b]));
        }
    }

    std::size_t searched() const { return kept_.size(); }

    // `limit`: seconds for the search (0: none); `timedOut`: it stopped
    // there, and `bound` is then its proven lower bound on the kind's best set.
    std::vector<KindChoice> top(std::size_t m, bool& exhausted, long long& nodes, double limit, bool& timedOut,
                                double& bound) {
        timedOut = false;
        std::vector<std::vector<int>> found;  // each set found as its classes (a class twice when two twins are in it)
        std::size_t listed = 0;               // sets the search listed (fewer than m: no more exist)
        if (q_.k == 1) {
            // One location: each is its own set; valued directly (one pass over
            // the matrix), no search needed.
            std::vector<std::pair<double, int>> single;
            for (std::size_t t = 0; t < kept_.size(); ++t) {
                if (q_.capacity[t] < q_.need) continue;
                single.emplace_back(choice({kept_[t]}).value, static_cast<int>(t));
            }
            std::stable_sort(single.begin(), single.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t t = 0; t < std::min(m, single.size()); ++t) found.push_back(classesOf({single[t].second}));
            listed = found.size();
            nodes += static_cast<long long>(kept_.size());
        } else {
            q_.runnersUp = static_cast<int>(m) - 1;
            q_.timeLimit = limit;
            select::Result r;
            try {
                r = select::solve(q_);
            } catch (const select::SelectionError&) {
                exhausted = true;  // no set of the kind meets its constraints
                return {};
            }
            nodes += r.nodes;
            // The bound met the best set: that set is optimal, only the
            // runners-up are not proven.
            timedOut = r.timedOut;
            // Stopped before the root's bound: costs are >= 0, so 0 is one.
            bound = std::isfinite(r.bound) ? std::max(0.0, r.bound) : 0.0;
            found.push_back(classesOf(r.chosen));
            for (const auto& c : r.runnersUp) found.push_back(classesOf(c.sites));
            listed = found.size();
        }
        std::vector<KindChoice> bySignature;
        std::set<std::vector<int>> seen;
        for (const auto& sig : found) {
            if (!seen.insert(sig).second) continue;
            std::vector<int> first;  // the set of each class's first members
            for (std::size_t a = 0; a < sig.size(); ++a) {
                std::size_t rank = 0;
                for (std::size_t b = 0; b < a; ++b) rank += sig[b] == sig[a];
                first.push_back(classes_[static_cast<std::size_t>(sig[a])][rank]);
            }
            KindChoice c = choice(first);
            c.locations = sig;  // the signature, expanded below
            bySignature.push_back(c);
        }
        std::stable_sort(bySignature.begin(), bySignature.end(),
                         [](const KindChoice& a, const KindChoice& b) { return a.value < b.value; });
        std::vector<KindChoice> list;
        bool cut = false;
        for (const auto& c : bySignature) {
            cut = !expand(c, m, list) || cut;
            if (list.size() >= m) break;
        }
        exhausted = listed < m && !cut && list.size() < m && !timedOut;
        if (list.size() > m) list.resize(m);
        if (!timedOut && !list.empty()) bound = list.front().value;
        return list;
    }

private:
    void groupTwins(const std::vector<int>& elig) {
        const double sep = p_.minSeparation;
        auto row = [&](int l) { return &p_.cost[static_cast<std::size_t>(l) * n_]; };
        auto twins = [&](int a, int b) {
            if (capacity(p_, a, kind_) != capacity(p_, b, kind_)) return false;
            if (!std::equal(row(a), row(a) + n_, row(b))) return false;
            if (sep <= 0) return true;
            if (!(separationOf(p_, a, b) < sep) || !(separationOf(p_, b, a) < sep)) return false;
            for (int x : elig)
                if (x != a && x != b && ((separationOf(p_, a, x) < sep) != (separationOf(p_, b, x) < sep) ||
                                         (separationOf(p_, x, a) < sep) != (separationOf(p_, x, b) < sep)))
                    return false;
            return true;
        };
        // Candidates for twins share the first cost and the capacity: bucket by them.
        std::map<std::pair<double, int>, std::vector<int>> buckets;  // -> class indices
        for (int l : elig) {
            auto& bucket = buckets[{n_ ? row(l)[0] : 0.0, capacity(p_, l, kind_)}];
            int found = -1;
            for (int c : bucket)
                if (twins(classes_[static_cast<std::size_t>(c)].front(), l)) found = c;
            if (found < 0) {
                found = static_cast<int>(classes_.size());
                classes_.emplace_back();
                bucket.push_back(found);
            }
            classes_[static_cast<std::size_t>(found)].push_back(l);
        }
        const std::size_t together = sep > 0 ? 1 : static_cast<std::size_t>(p_.k[kind_]);
        for (std::size_t c = 0; c < classes_.size(); ++c)
            for (std::size_t t = 0; t < std::min(together, classes_[c].size()); ++t) {
                kept_.push_back(classes_[c][t]);
                classOf_.push_back(static_cast<int>(c));
            }
    }

    std::vector<int> classesOf(const std::vector<int>& sites) const {
        std::vector<int> sig;
        for (int t : sites) sig.push_back(classOf_[static_cast<std::size_t>(t)]);
        std::sort(sig.begin(), sig.end());
        return sig;
    }

    // The plan's own value, in double on its costs (as the enumeration counts it).
    KindChoice choice(std::vector<int> locations) const {
        KindChoice c;
        std::sort(locations.begin(), locations.end());
        c.locations = std::move(locations);
        for (std::size_t j = 0; j < n_; ++j) {
            double best = kInf;
            for (int l : c.locations) best = std::min(best, p_.cost[static_cast<std::size_t>(l) * n_ + j]);
            c.value += p_.weight[j] * best;
        }
        for (int l : c.locations) c.places += capacity(p_, l, kind_);
        return c;
    }

    // Appends every set of twins the signature stands for (each class's
    // members chosen as often as the class appears), lexicographically, until
    // the list holds m; false when it stopped before the last.
    bool expand(const KindChoice& sig, std::size_t m, std::vector<KindChoice>& list) const {
        std::vector<std::pair<int, int>> counts;  // class, how many
        for (int c : sig.locations) {
            if (!counts.empty() && counts.back().first == c) ++counts.back().second;
            else counts.emplace_back(c, 1);
        }
        std::vector<std::vector<int>> pick(counts.size());  // per class: member positions, ascending
        for (std::size_t a = 0; a < counts.size(); ++a)
            for (int t = 0; t < counts[a].second; ++t) pick[a].push_back(t);
        for (;;) {
            if (list.size() >= m) return false;
            std::vector<int> set;
            for (std::size_t a = 0; a < counts.size(); ++a)
                for (int t : pick[a]) set.push_back(classes_[static_cast<std::size_t>(counts[a].first)][static_cast<std::size_t>(t)]);
            KindChoice c = sig;
            std::sort(set.begin(), set.end());
            c.locations = std::move(set);
            list.push_back(std::move(c));
            // The next combination: the last class that can move on, the later ones reset.
            std::size_t a = counts.size();
            bool moved = false;
            while (a-- > 0 && !moved) {
                auto& v = pick[a];
                const int size = static_cast<int>(classes_[static_cast<std::size_t>(counts[a].first)].size());
                for (std::size_t q = v.size(); q-- > 0;) {
                    if (v[q] < size - static_cast<int>(v.size() - q)) {
                        ++v[q];
                        for (std::size_t r = q + 1; r < v.size(); ++r) v[r] = v[r - 1] + 1;
                        moved = true;
                        break;
                    }
                }
                if (!moved)
                    for (std::size_t q = 0; q < v.size(); ++q) v[q] = static_cast<int>(q);
            }
            if (!moved) return true;
        }
    }

    const Problem& p_;
    Kind kind_;
    std::size_t n_;
    std::vector<std::vector<int>> classes_;  // twins, each in index order
    std::vector<int> kept_;                  // the locations searched (the first k of each class)
    std::vector<int> classOf_;               // per kept location
    select::Problem q_;
};

// Each kind's best sets, solved once per distinct kind problem (the plan and
// its relaxations share most of them) and kept as the longest list asked for.
class KindLists {
public:
    // `timedOut`, `bound`: as KindSolver::top (a list that stopped at the
    // time limit is kept: asked again, it is not searched again).
    std::vector<KindChoice> top(const Problem& p, Kind kind, std::size_t m, bool& exhausted, long long& nodes,
                                const Deadline& deadline, bool& timedOut, double& bound) {
        const Key key{kind, p.k[kind], p.need[kind], p.minSeparation, p.uncappedPlaces, p.enumerate};
        auto it = cache_.find(key);
        if (it == cache_.end() || (it->second.list.size() < m && !it->second.exhausted && !it->second.timedOut)) {
            Entry e;
            if (p.enumerate || totalWeight(p) <= 0) {
                // Every set costs 0 without weight: the enumeration lists the first m and stops.
                e.list = KindSearch(p, kind).top(m, e.exhausted, nodes);
                e.bound = e.list.empty() ? 0 : e.list.front().value;
            } else {
                e.list = KindSolver(p, kind).top(m, e.exhausted, nodes, deadline.solverLimit(), e.timedOut, e.bound);
            }
            it = cache_.insert_or_assign(key, std::move(e)).first;
        }
        const Entry& e = it->second;
        std::vector<KindChoice> out(e.list.begin(), e.list.begin() + static_cast<std::ptrdiff_t>(std::min(m, e.list.size())));
        exhausted = e.exhausted && out.size() == e.list.size();
        timedOut = e.timedOut;
        bound = e.bound;
        return out;
    }

private:
    static double totalWeight(const Problem& p) {
        double w = 0;
        for (double x : p.weight) w += x;
        return w;
    }
    using Key = std::tuple<int, int, int, double, bool, bool>;
    struct Entry {
        std::vector<KindChoice> list;
        bool exhausted = false;
        bool timedOut = false;
        double bound = 0;  // proven lower bound on the kind's best set
    };
    std::map<Key, Entry> cache_;
};

bool disjoint(const KindChoice& a, const KindChoice& b) {
    for (int x : a.locations)
        if (std::find(b.locations.begin(), b.locations.end(), x) != b.locations.end()) return false;
    return true;
}

std::string names(const Problem& p, const std::vector<int>& ls) {
    std::string s;
    for (int l : ls) s += (s.empty() ? "" : ", ") + p.locations[static_cast<std::size_t>(l)].id;
    return s;
}

// What a time limit left of the proof: whether a kind's search stopped, and
// the kinds' proven lower bounds.
struct Stopped {
    bool any = false;
    double bound[kKinds] = {0, 0};
};

// The best plans (at most `wanted`), exact; empty when no plan exists. When
// a kind's search stops at the deadline (each kind's call gets its share of
// the time left), the best plans among the sets found, and `stopped` says so.
std::vector<PlanChoice> bestPlans(const Problem& p, std::size_t wanted, long long& nodes, std::size_t listed[],
                                  KindLists& kinds, const Deadline& deadline, Stopped& stopped) {
    std::size_t m = wanted;
    for (;;) {
        std::vector<KindChoice> lists[kKinds];
        bool exhausted[kKinds];
        stopped = Stopped{};
        for (int k = 0; k < kKinds; ++k) {
            bool timedOut = false;
            lists[k] = kinds.top(p, static_cast<Kind>(k), m, exhausted[k], nodes, deadline.share(kKinds - k), timedOut,
                                 stopped.bound[k]);
            stopped.any = stopped.any || timedOut;
            listed[k] = lists[k].size();
        }
        if (lists[VG7].empty() || lists[Ambulant].empty()) return {};
        std::vector<PlanChoice> plans;
        for (const auto& v : lists[VG7])
            for (const auto& a : lists[Ambulant])
                if (p.shareLocations || disjoint(v, a)) plans.push_back({{v, a}, v.value + a.value});
        std::stable_sort(plans.begin(), plans.end(), [](const PlanChoice& x, const PlanChoice& y) { return x.value < y.value; });
        if (plans.size() > wanted) plans.resize(wanted);
        // A plan outside the lists pairs a set of one kind that is not listed
        // (so costs at least the list's last) with a set of the other kind
        // (at least that kind's best). None can beat the wanted-th plan when
        // each list is complete or its last set costs at least that plan
        // less the other kind's best (a tie may take either place).
        const double t = plans.size() < wanted ? kInf : plans.back().value;
        bool complete = true;
        for (int k = 0; k < kKinds; ++k)
            if (!exhausted[k] && (t == kInf || cheaper(lists[k].back().value, t - lists[1 - k].front().value)))
                complete = false;
        // Lengthening a list that stopped at the time limit proves nothing.
        if (complete || stopped.any) return plans;
        m *= 4;
    }
}

// The k locations of `elig` farthest apart: the largest distance their
// nearest pair can have (what a minimum separation must not exceed).
std::vector<int> mostSpread(const Problem& p, const std::vector<int>& elig, int k, double& nearest) {
    std::vector<int> best, chosen;
    nearest = -1;
    auto dfs = [&](auto&& self, std::size_t from, double within) -> void {
        if (static_cast<int>(chosen.size()) == k) {
            if (within > nearest) nearest = within, best = chosen;
            return;
        }
        for (std::size_t t = from; t < elig.size(); ++t) {
            double d = within;
            for (int c : chosen) d = std::min(d, separationOf(p, c, elig[t]));
            if (d <= nearest) continue;  // cannot beat the best set
            chosen.push_back(elig[t]);
            self(self, t + 1, d);
            chosen.pop_back();
        }
    };
    dfs(dfs, 0, kInf);
    return best;
}

// `asked`: the problem as the user gave it: its costs, weights and
// separations are checked (its relaxations share them) and a message names
// the file and the remedy; a relaxation's says only why it has no plan.
void check(const Problem& p, bool asked = true) {
    const bool matrix = asked;
    const auto where = [&](const std::string& text) { return asked ? inFile(p.source, text) : text; };
    const std::size_t L = p.locations.size(), N = p.demand.size();
    const std::string file = p.source.empty() ? "" : p.source + ": ";
    if (p.weight.size() != N) throw PlanError(file + "demand weights and demand points differ in number");
    if (p.cost.size() != L * N) throw PlanError(file + "the cost matrix is not locations x demand points");
    if (N == 0) throw PlanError(file + "no demand points: the plan minimises travel from demand (layer 'demand')");
    for (std::size_t j = 0; j < N; ++j)
        if (!std::isfinite(p.weight[j]) || p.weight[j] < 0)
            throw PlanError(file + "demand point '" + p.demand[j] + "': weight " + std::to_string(p.weight[j]) +
                            " is not a number >= 0");
    for (std::size_t l = 0; l < L && matrix; ++l)
        for (std::size_t j = 0; j < N; ++j) {
            const double c = p.cost[l * N + j];
            if (!std::isfinite(c) || c < 0)
                throw PlanError(file + "location '" + p.locations[l].id + "' to demand point '" + p.demand[j] +
                                "': cost " + std::to_string(c) + " is not a number >= 0");
        }
    if (p.minSeparation < 0 || !std::isfinite(p.minSeparation))
        throw PlanError("min-separation must be a number >= 0");
    if (p.minSeparation > 0 && p.separation.size() != L * L)
        throw PlanError(file + "min-separation needs the distances between the locations");
    for (std::size_t t = 0; t < p.separation.size() && matrix; ++t)
        if (const double s = p.separation[t]; std::isnan(s) || s < 0) throw PlanError(file + "a distance between two locations is negative or not a number");
    for (int k = 0; k < kKinds; ++k) {
        const Kind kind = static_cast<Kind>(k);
        if (p.k[k] < 1 || p.k[k] > kMaxK)
            throw PlanError(std::string("k-") + optionName(kind) + " must be 1 to " + std::to_string(kMaxK));
        if (p.need[k] < 0) throw PlanError(std::string("need-") + optionName(kind) + " must be >= 0");
        std::vector<int> elig;
        for (int l = 0; l < static_cast<int>(L); ++l)
            if (eligible(p, l, kind)) elig.push_back(l);
        if (static_cast<int>(elig.size()) < p.k[k]) {
            const std::string there = elig.empty() ? kit::say(QT_TRANSLATE_NOOP("rules", "there is no %1 candidate location"), toString(kind))
                                      : elig.size() == 1
                                          ? kit::say(QT_TRANSLATE_NOOP("rules", "there is 1 %1 candidate location (%2)"),
                                                     toString(kind), names(p, elig))
                                          : kit::say(QT_TRANSLATE_NOOP("rules", "there are %1 %2 candidate locations (%3)"),
                                                     std::to_string(elig.size()), toString(kind), names(p, elig));
            throw PlanError(where(kit::say(QT_TRANSLATE_NOOP("rules", "k-%1 = %2 but %3"), optionName(kind),
                                                      std::to_string(p.k[k]), there)));
        }
        const KindChoice most = mostPlaces(p, kind);
        const std::string locations = locationsOf(p.k[k], kind), apart = kit::fmt(p.minSeparation / 1000.0, 3);
        const bool spread = p.minSeparation > 0;
        if (most.locations.empty()) {
            // No k locations of the kind are that far apart, whatever the
            // need (also 0, which was reported as a clash of the two kinds):
            // the k farthest apart say how far off the separation is (for
            // k = 3 not the farthest pair: its third may lie beside either).
            double nearest = 0;
            const std::vector<int> spread = mostSpread(p, elig, p.k[k], nearest);
            const auto id = [&](std::size_t i) { return p.locations[static_cast<std::size_t>(spread[i])].id; };
            const std::string cannot =
                kit::say(QT_TRANSLATE_NOOP("rules", "k-%1 = %2 cannot be met with locations at least %3 km apart"),
                         optionName(kind), std::to_string(p.k[k]), apart);
            const std::string farthest =
                spread.size() == 2
                    ? kit::say(QT_TRANSLATE_NOOP("rules", "no %1 are (the farthest pair, %2 and %3, is %4 km apart)"),
                               locations, id(0), id(1), kit::fmt(nearest / 1000.0, 3))
                    : kit::say(QT_TRANSLATE_NOOP("rules", "no %1 are (the %2 farthest apart, %3 and %4, have their "
                                                          "nearest two %5 km apart)"),
                               locations, std::to_string(spread.size()), names(p, {spread.begin(), spread.end() - 1}),
                               id(spread.size() - 1), kit::fmt(nearest / 1000.0, 3));
            throw PlanError(where(
                asked ? kit::say(QT_TRANSLATE_NOOP("rules", "%1: %2; lower --min-separation or --k-%3"), cannot, farthest,
                                 optionName(kind))
                      : kit::say(QT_TRANSLATE_NOOP("rules", "%1: %2"), cannot, farthest)));
        }
        if (most.places < p.need[k]) {
            std::string sum;
            for (std::size_t i = 0; i < most.locations.size(); ++i) {
                const Location& x = p.locations[static_cast<std::size_t>(most.locations[i])];
                sum += (i ? " + " : "") + x.id + " " + std::to_string(p.uncappedPlaces ? x.uncapped[k] : x.places[k]);
            }
            const std::string why =
                p.k[k] == 1 ? kit::say(QT_TRANSLATE_NOOP("rules", "%1 holds at most %2 (%3)"), locations,
                                       places(most.places), sum)
                : spread    ? kit::say(QT_TRANSLATE_NOOP("rules", "%1 at least %2 km apart hold at most %3 (%4)"),
                                       locations, apart, places(most.places), sum)
                            : kit::say(QT_TRANSLATE_NOOP("rules", "%1 hold at most %2 (%3)"), locations,
                                       places(most.places), sum);
            const std::string remedy =
                !asked ? std::string()
                : spread ? kit::say(QT_TRANSLATE_NOOP("rules", "lower --need-%1, raise --k-%1, lower --min-separation or add "
                                                             "candidate locations"),
                                  optionName(kind))
                       : kit::say(QT_TRANSLATE_NOOP("rules", "lower --need-%1, raise --k-%1 or add candidate locations"),
                                  optionName(kind));
            const std::string cannot = kit::say(QT_TRANSLATE_NOOP("rules", "need-%1 = %2 cannot be met: %3"),
                                                optionName(kind), places(p.need[k]), why);
            throw PlanError(where(remedy.empty() ? cannot : kit::say(QT_TRANSLATE_NOOP("rules", "%1; %2"), cannot, remedy)));
        }
    }
}

Result solveChecked(const Problem& p, KindLists& kinds, const Deadline& deadline) {
    Result r;
    const std::size_t wanted = 1 + static_cast<std::size_t>(std::max(0, p.runnersUp));
    Stopped stopped;
    std::vector<PlanChoice> plans = bestPlans(p, wanted, r.nodes, r.listed, kinds, deadline, stopped);
    if (plans.empty() && stopped.any)
        throw PlanError(inFile(p.source, kit::say(QT_TRANSLATE_NOOP("rules", "no plan found within the time limit of %1 s "
                                                                            "(the sets found of the two kinds all share a "
                                                                            "location): raise --time-limit"),
                                                  QString::number(p.timeLimit, 'g', 3).toStdString())));
    if (plans.empty())
        throw PlanError(inFile(p.source, QT_TRANSLATE_NOOP("rules", "no plan meets both needs with each location used for "
                                                                    "one kind only (the locations that could serve both "
                                                                    "kinds are needed by both)")));
    r.best = plans.front();
    r.runnersUp.assign(plans.begin() + 1, plans.end());
    r.stoppedAtTimeLimit = stopped.any;
    r.bound = stopped.any ? std::min(r.best.value, stopped.bound[VG7] + stopped.bound[Ambulant]) : r.best.value;
    r.gap = r.best.value > 0 ? (r.best.value - r.bound) / r.best.value : 0;
    r.optimal = !cheaper(r.bound, r.best.value);
    const std::size_t N = p.demand.size();
    for (double w : p.weight) r.totalWeight += w;
    for (int k = 0; k < kKinds; ++k) {
        const auto& chosen = r.best.kind[k].locations;
        r.served[k].resize(chosen.size());
        for (std::size_t i = 0; i < chosen.size(); ++i) r.served[k][i].location = chosen[i];
        r.assignment[k].assign(N, -1);
        for (std::size_t j = 0; j < N; ++j) {
            std::size_t at = 0;  // the nearest chosen location; ties go to the first (lowest index)
            for (std::size_t i = 1; i < chosen.size(); ++i)
                if (p.cost[static_cast<std::size_t>(chosen[i]) * N + j] < p.cost[static_cast<std::size_t>(chosen[at]) * N + j])
                    at = i;
            r.assignment[k][j] = chosen[at];
            if (p.weight[j] <= 0) continue;
            Served& s = r.served[k][at];
            ++s.points;
            s.weight += p.weight[j];
            s.weightedCost += p.weight[j] * p.cost[static_cast<std::size_t>(chosen[at]) * N + j];
        }
        for (auto& s : r.served[k]) s.servesNoDemand = s.points == 0;
    }
    // English data (plan.json), marked so the pages for people show it in
    // the chosen language (i18n/RuleTexts.h), as rules do with their texts.
    const std::string nodes = std::to_string(r.nodes), vg7Sets = std::to_string(r.listed[VG7]),
                      ambulantSets = std::to_string(r.listed[Ambulant]);
    r.method = p.enumerate
                   ? kit::say(QT_TRANSLATE_NOOP("rules",
                                                "complete enumeration of the location sets of each kind in index order, "
                                                "pruned by a lower bound (each demand point's distance to the nearest "
                                                "location chosen or still choosable) and by capacity; %1 nodes; the "
                                                "lists (%2 VG7 and %3 ambulant sets) are complete for every plan up to "
                                                "the last runner-up"),
                              nodes, vg7Sets, ambulantSets)
                   : kit::say(QT_TRANSLATE_NOOP("rules",
                                                "branch and bound per kind with a Lagrangian lower bound at every node "
                                                "(core/select's p-median: subgradient, reduced-cost fixing), the need as "
                                                "a capacity constraint (cut when the places open and the largest free "
                                                "cannot hold it; bound with it kept) and the separation in the "
                                                "branching; %1 nodes; the lists (%2 VG7 and %3 ambulant sets) are "
                                                "complete for every plan up to the last runner-up"),
                              nodes, vg7Sets, ambulantSets);
    if (r.stoppedAtTimeLimit)
        r.method = kit::say(QT_TRANSLATE_NOOP("rules",
                                              "branch and bound per kind with a Lagrangian lower bound at every node "
                                              "(core/select's p-median: subgradient, reduced-cost fixing), the need as "
                                              "a capacity constraint and the separation in the branching; %1 nodes; "
                                              "STOPPED at the time limit of %2 s (the plan and its relaxations): gap "
                                              "%3 between the best plan found and the proven lower bound; the lists (%4 VG7 "
                                              "and %5 ambulant sets) hold the sets found, so the runners-up are the "
                                              "next best plans found, not proven next best"),
                            nodes, QString::number(p.timeLimit, 'g', 3).toStdString(), kit::fmt(100 * r.gap, 4) + " %",
                            vg7Sets, ambulantSets);
    return r;
}

}  // namespace

KindChoice mostPlaces(const Problem& p, Kind kind) {
    std::vector<int> elig;
    for (int l = 0; l < static_cast<int>(p.locations.size()); ++l)
        if (eligible(p, l, kind)) elig.push_back(l);
    std::stable_sort(elig.begin(), elig.end(), [&](int a, int b) { return capacity(p, a, kind) > capacity(p, b, kind); });
    KindChoice best;
    best.places = -1;
    std::vector<int> chosen;
    const int k = p.k[kind];
    // Depth first over locations by falling capacity: a branch stops when
    // its places plus the next ones' cannot beat the best.
    auto dfs = [&](auto&& self, std::size_t from, int sum) -> void {
        if (static_cast<int>(chosen.size()) == k) {
            if (sum > best.places) {
                best.places = sum;
                best.locations = chosen;
            }
            return;
        }
        for (std::size_t t = from; t < elig.size(); ++t) {
            const int left = k - static_cast<int>(chosen.size());
            if (t + static_cast<std::size_t>(left) > elig.size()) break;
            if (sum + left * capacity(p, elig[t], kind) <= best.places) break;
            bool apart = true;
            if (p.minSeparation > 0)
                for (int c : chosen)
                    if (separationOf(p, c, elig[t]) < p.minSeparation) apart = false;
            if (!apart) continue;
            chosen.push_back(elig[t]);
            self(self, t + 1, sum + capacity(p, elig[t], kind));
            chosen.pop_back();
        }
    };
    dfs(dfs, 0, 0);
    if (best.places < 0) best.places = 0;
    std::sort(best.locations.begin(), best.locations.end());
    return best;
}

Result solvePlan(const Problem& problem, bool relax) {
    check(problem);
    const Deadline deadline = Deadline::in(problem.timeLimit);
    KindLists kinds;
    // The plan first, with half the time when the relaxations follow.
    Result r = solveChecked(problem, kinds, relax ? deadline.share(2) : deadline);
    if (!relax) return r;

    // One working copy (the matrices are large): each relaxation lifts one
    // constraint, is solved, and puts it back.
    Problem q = problem;
    q.runnersUp = 0;
    // Each relaxation gets an equal share of the time left (counted below).
    int relaxationsLeft = 0;
    auto tryRelaxed = [&](const std::string& constraint, const std::string& what, const std::function<void(Problem&)>& lift) {
        Relaxation x{constraint, what, false, false, 0, {}, ""};
        const Deadline share = deadline.share(std::max(1, relaxationsLeft--));
        lift(q);
        try {
            check(q, false);
            if (deadline.passed()) throw PlanError(QT_TRANSLATE_NOOP("rules", "not tried: the time limit was reached"));
            const Result rr = solveChecked(q, kinds, share);
            // Proven either way only when the bounds say so: without a time
            // limit bound and best are one figure, and this is "cheaper".
            if (cheaper(rr.best.value, r.bound) || !cheaper(rr.bound, r.best.value)) {
                x.solved = true;
                x.value = rr.best.value;
                x.plan = rr.best;
                x.binds = cheaper(x.value, r.bound);
            } else {
                x.note = kit::say(QT_TRANSLATE_NOOP("rules", "not decided within the time limit (the best plan found "
                                                             "without it: travel %1)"),
                                  kit::fmt(rr.best.value, 0));
            }
        } catch (const PlanError& e) {
            x.note = e.what();
        }
        for (int k = 0; k < kKinds; ++k) q.k[k] = problem.k[k], q.need[k] = problem.need[k];
        q.minSeparation = problem.minSeparation;
        q.uncappedPlaces = problem.uncappedPlaces;
        q.shareLocations = problem.shareLocations;
        r.relaxations.push_back(x);
    };
    bool capped = false, dual = false;
    int eligibleCount[kKinds] = {0, 0};
    for (const auto& l : problem.locations) {
        for (int k = 0; k < kKinds; ++k) capped = capped || l.uncapped[k] != l.places[k];
        dual = dual || (l.places[VG7] > 0 && l.places[Ambulant] > 0);
    }
    for (int l = 0; l < static_cast<int>(problem.locations.size()); ++l)
        for (int k = 0; k < kKinds; ++k) eligibleCount[k] += eligible(problem, l, static_cast<Kind>(k));
    const auto moreTried = [&](int k) { return problem.k[k] + 1 <= std::min(eligibleCount[k], kMaxK); };
    relaxationsLeft = kKinds + (problem.minSeparation > 0) + capped + moreTried(VG7) + moreTried(Ambulant) + dual;
    for (int k = 0; k < kKinds; ++k) {
        const Kind kind = static_cast<Kind>(k);
        tryRelaxed(std::string("need-") + optionName(kind),
                   kit::say(QT_TRANSLATE_NOOP("rules", "the need of %1 %2 places"), std::to_string(problem.need[k]),
                            toString(kind)),
                   [k](Problem& x) { x.need[k] = 0; });
    }
    if (problem.minSeparation > 0)
        tryRelaxed("min-separation",
                   kit::say(QT_TRANSLATE_NOOP("rules", "the minimum separation of %1 km"),
                            kit::fmt(problem.minSeparation / 1000.0, 3)),
                   [](Problem& x) { x.minSeparation = 0; });
    if (capped)
        tryRelaxed("caps", QT_TRANSLATE_NOOP("rules", "the per-site and per-cluster caps on places"), [](Problem& x) { x.uncappedPlaces = true; });
    for (int k = 0; k < kKinds; ++k) {
        const Kind kind = static_cast<Kind>(k);
        const int more = problem.k[k] + 1;
        const std::string what = std::string("k-") + optionName(kind) + " = " + std::to_string(problem.k[k]);
        if (!moreTried(k)) {
            r.relaxations.push_back({std::string("k-") + optionName(kind), what, false, false, 0, {},
                                     more > kMaxK ? kit::say(QT_TRANSLATE_NOOP("rules", "not tried: at most %1 locations of a kind"),
                                                             std::to_string(kMaxK))
                                                  : kit::say(QT_TRANSLATE_NOOP("rules", "not tried: no further %1 candidate"),
                                                             toString(kind))});
            continue;
        }
        tryRelaxed(std::string("k-") + optionName(kind), what, [k](Problem& x) { ++x.k[k]; });
    }
    if (dual) tryRelaxed("one-kind-per-location", QT_TRANSLATE_NOOP("rules", "each location used for one kind only"), [](Problem& x) { x.shareLocations = true; });
    return r;
}

}  // namespace vgscan::plan
