#pragma once
// The regional plan (issue 14, `vgscan plan`): choose k VG7 locations and k
// ambulant locations among candidate locations so that the needed places are
// covered and the demand-weighted travel to the nearest chosen location of
// each kind is smallest, proven optimal.
//
// Model (docs/planning.md):
//  - a location (a cluster of sites, or one site) has a capacity for each
//    kind: the places it holds after conversion or new build, within the
//    per-site and per-cluster caps (0: not a candidate for that kind); its
//    uncapped capacity is kept to tell whether the caps bind;
//  - each kind serves the whole demand layer: its cost is
//    sum_j w_j min_{l in S_kind} c_lj; the plan's cost is the sum of both;
//  - exactly k_kind locations of each kind, their capacity summing to at least
//    the need; a location is used for at most one kind; chosen locations of
//    the same kind at least min_separation apart.
// The two kinds only interact through "one kind per location", so each kind's
// best sets are found on their own, then combined; the per-kind lists are
// lengthened until no pair outside them can be among the best plans. Each
// kind's list is the top-m of core/select's exact p-median (Lagrangian bound
// at every node) with the need as a capacity constraint and the separation,
// over the kind's locations with interchangeable twins searched once (k = 1:
// every location valued directly). `enumerate` selects the reference method:
// depth-first enumeration in index order with the simple bound (every demand
// point's nearest location chosen or still choosable) and capacity. Both are
// exact: the optimum and the runners-up are proven.
#include <stdexcept>
#include <string>
#include <vector>

namespace vgscan::plan {

enum Kind { VG7 = 0, Ambulant = 1 };
inline constexpr int kKinds = 2;
const char* toString(Kind k);
const char* optionName(Kind k);  // "vg7", "ambulant" (for --need-vg7, --k-ambulant)

inline constexpr int kMaxK = 3;  // the reports ask for "2 a 3" locations of each kind

// One part of how a location's places were counted: a site's places and how.
struct PlacesBasis {
    std::string site;      // the member site of a cluster; empty for a location of one site
    int places = 0;
    const char* how = "";  // English, marked for translation (QT_TRANSLATE_NOOP("plan", ...))
};

struct Location {
    std::string id;                  // cluster id (C1) or site id
    std::string name;
    std::vector<std::string> sites;  // its sites
    int places[kKinds] = {0, 0};     // within the caps; 0: not a candidate for that kind
    int uncapped[kKinds] = {0, 0};   // without the per-site and per-cluster caps
    std::vector<PlacesBasis> basis[kKinds];  // how the places were counted, for people (plan::basisText)
};

struct Problem {
    std::vector<Location> locations;
    std::vector<std::string> demand;  // ids
    std::vector<double> weight;       // per demand point, >= 0
    std::vector<double> cost;         // locations x demand, row-major, >= 0 (metres)
    std::vector<double> separation;   // locations x locations (metres); needed when minSeparation > 0
    int k[kKinds] = {2, 2};
    int need[kKinds] = {0, 0};
    double minSeparation = 0;         // metres, between chosen locations of the same kind; 0: none
    bool uncappedPlaces = false;      // use Location::uncapped (to test whether the caps bind)
    bool shareLocations = false;      // allow a location for both kinds (to test whether that binds)
    int runnersUp = 3;
    std::string source;               // the portfolio, for messages
    // The reference method: each kind's sets enumerated in index order with
    // the simple bound (every demand point's nearest location chosen or still
    // choosable). Exact but slow beyond a few dozen locations; for
    // benchmarks and tests. Default: the Lagrangian branch and bound of
    // core/select per kind.
    bool enumerate = false;
    // Seconds for the whole solve, the relaxations included (0: no limit).
    // The plan gets half (all without relaxations), each relaxation an equal
    // share of what is left; within them each kind's solver call the rest of
    // its share (docs/planning.md, `plan --time-limit`). The Lagrangian
    // method only; k = 1 is valued directly and never stops.
    double timeLimit = 0;
};

struct KindChoice {
    std::vector<int> locations;  // ascending
    double value = 0;            // sum_j w_j min_{l} c_lj
    int places = 0;
};

struct PlanChoice {
    KindChoice kind[kKinds];
    double value = 0;
};

struct Served {
    int location = -1;
    int points = 0;       // demand points with weight > 0 nearest to it
    double weight = 0;
    double weightedCost = 0;
    bool servesNoDemand = false;
};

// The same problem with one constraint lifted, and what that does.
struct Relaxation {
    std::string constraint;  // "need-vg7", "min-separation", "caps", "k-vg7", "one-kind-per-location", ...
    std::string what;        // for people: "need of 20 VG7 places" ...
    bool binds = false;      // the optimum gets cheaper without it
    bool solved = false;     // false: the relaxed problem has no plan (or was not tried: note says why)
    double value = 0;
    PlanChoice plan;
    std::string note;
};

struct Result {
    PlanChoice best;
    std::vector<PlanChoice> runnersUp;    // next best feasible plans, best first
    std::vector<Served> served[kKinds];   // per chosen location of the best plan, in its order
    std::vector<int> assignment[kKinds];  // per demand point: the nearest chosen location (-1: weight 0 counts too)
    std::vector<Relaxation> relaxations;
    double totalWeight = 0;
    long long nodes = 0;                  // search nodes, both kinds, all rounds
    std::size_t listed[kKinds] = {0, 0};  // sets each kind's list ended with
    std::string method;
    // The time limit stopped a kind's search: `best` is the best plan found,
    // `bound` a proven lower bound on the optimum (the kinds' bounds summed:
    // each kind alone, without "one kind per location", costs at least its
    // own), gap = (best - bound) / best; the runners-up are the next best
    // plans found, not proven next best.
    bool stoppedAtTimeLimit = false;
    double bound = 0;
    double gap = 0;
    bool optimal = true;  // proven: no time limit reached, or the bound met the best plan
};

// The plan cannot be made: the message names the file, the location or
// demand point, and the constraint.
struct PlanError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Checks the problem (sizes, costs and weights finite and >= 0, k and the
// candidates, each need reachable) and solves it; with `relax`, also solves
// it once per constraint lifted. Throws PlanError.
Result solvePlan(const Problem& problem, bool relax = true);

// The most places k locations of a kind can hold (respecting separation), with
// the locations; for the message when a need cannot be met.
KindChoice mostPlaces(const Problem& problem, Kind kind);

}  // namespace vgscan::plan
