#pragma once
// Regional selection: choose k sites among candidates so that demand is as
// close as possible to a chosen site, and PROVE the choice optimal (exact
// branch and bound, not a heuristic). Plain C++ so that any front end (the
// CLI's CSV mode, a portfolio scan with road-network costs) can feed it a
// matrix and ids.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace vgscan::select {

enum class Objective {
    Median,    // minimise sum_j w_j * min_{i in S} c_ij (total weighted travel)
    Coverage,  // maximise sum of w_j over demand with min_{i in S} c_ij <= radius
    Center,    // minimise max_j min_{i in S} c_ij over demand with w_j > 0 (worst case)
};

// How the center objective is solved; both prove the optimum and list the
// same runner-ups (the next best distinct sets; among sets of equal value
// which are listed may differ). BranchAndBound branches on the worst-served
// demand point; Relaxation is a binary search on the radius whose set-cover
// checks use a small growing subset of demand (Chen & Chen 2009), each
// runner-up found with the sets before it excluded: much faster on large
// instances. Auto takes Relaxation.
enum class CenterMethod { Auto, BranchAndBound, Relaxation };

const char* toString(Objective o);
Objective objectiveFromString(const std::string& s);  // throws std::invalid_argument

struct Problem {
    std::vector<std::string> candidates;  // ids, one per matrix row
    std::vector<std::string> demand;      // ids, one per matrix column
    std::vector<float> cost;              // candidates x demand, row-major, >= 0
    std::vector<double> weight;           // per demand point, >= 0
    int k = 3;
    Objective objective = Objective::Median;
    double radius = 0;                    // coverage only
    // Chosen sites must be at least this far apart (0 = no constraint); needs
    // `separation`, a candidates x candidates matrix (row-major).
    double minSeparation = 0;
    std::vector<float> separation;
    std::vector<int> mustInclude;         // candidate indices that are always chosen
    // Chosen sites must hold at least `need` places between them (0 = no
    // constraint; median and coverage only); needs `capacity`, one per
    // candidate, >= 0. The regional plan's need (core/plan).
    int need = 0;
    std::vector<int> capacity;
    int runnersUp = 5;                    // how many next-best distinct sets to report
    // Stop the exact search after this many seconds (0 = no limit) and return
    // the best set found with a proven bound on the optimum.
    double timeLimit = 0;
    // How median and coverage price candidates in the Lagrangian bound and the
    // interchange: Dense reads every cost at every subgradient step;
    // NearestLists prices each demand point only against its nearest
    // candidates (sorted lists, lengthened where the bound needs it; the bound
    // stays valid, docs/planning.md); Automatic takes NearestLists for large
    // median problems. The answer is the same; only the time differs.
    enum class Pricing { Automatic, Dense, NearestLists };
    Pricing pricing = Pricing::Automatic;
    // NearestLists: the first list length per demand point (0 = automatic:
    // every candidate nearer than the greedy set's second nearest site). For
    // tests that must make the lists grow.
    int nearestListLength = 0;
    CenterMethod centerMethod = CenterMethod::Auto;  // center only
    // Which open node the median and coverage search evaluates next.
    // BestBound keeps the open nodes in a queue by their proven bound, lowest
    // first, so a stopped search's bound (the lowest of the queue) rises as
    // it goes; once the queue's stored multipliers would pass
    // `nodeQueueBytes` a node's subtree is searched depth-first instead.
    // DepthFirst is the plain recursion (the search before 2026-12-05). A
    // search run to the end gives the same set, value and runner-ups (ties
    // aside); only the nodes evaluated differ. For tests and benchmarks.
    enum class NodeOrder { BestBound, DepthFirst };
    NodeOrder nodeOrder = NodeOrder::BestBound;
    std::size_t nodeQueueBytes = std::size_t(256) << 20;
    // Threads for the large problems' hot loops (0 = one per core, at most
    // 8). The answer, bound and search tree are the same for any number: the
    // work is cut into fixed blocks summed in order. For tests and benchmarks.
    int threads = 0;
};

struct Combination {
    std::vector<int> sites;  // candidate indices, ascending
    double value = 0;        // objective value (coverage: covered weight)
};

struct Result {
    Objective objective = Objective::Median;
    int k = 0;
    std::vector<int> chosen;        // candidate indices, ascending
    double value = 0;               // objective value of `chosen`
    double meanWeightedCost = 0;    // sum_j w_j c_j(S) / sum_j w_j, nearest chosen site
    std::vector<int> assignment;    // per demand point: the nearest chosen candidate
    std::vector<Combination> runnersUp;  // next best distinct sets, best first
    bool optimal = false;
    // A proven bound on the optimum (median/center: lower, coverage: upper);
    // equal to `value` when optimal. gap = |value - bound| / value (0 if value is 0).
    double bound = 0;
    double gap = 0;
    bool timedOut = false;          // the time limit stopped the search before the proof
    std::string method;             // how optimality was proven
    long long nodes = 0;            // search nodes evaluated (for benchmarks)
    // Candidates the root's Lagrangian bound ruled out for good (no set
    // holding one can beat the best found; nearest-candidate lists only; for
    // benchmarks and tests).
    long long eliminated = 0;
};

// The problem cannot be solved as given (sizes, k, constraints, infeasible).
struct SelectionError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Result solve(const Problem& problem);

// Objective value of one set (coverage: covered weight); for tests and
// reports. `sites` are candidate indices.
double evaluate(const Problem& problem, const std::vector<int>& sites);

// The chosen sites no demand point of weight > 0 has as its nearest chosen
// site (coverage: and within the radius), ascending. The objective is the
// same without such a site: it is chosen for nothing but k (or must_include).
std::vector<int> servingNoDemand(const Problem& problem, const Result& result);

}  // namespace vgscan::select
