// External check on PySAL spopt's test data: network distances from 16
// candidate stores to 205 San Francisco census tracts, weighted by population
// (tests/select/data, BSD-3-Clause). spopt solves these models with an ILP
// solver (CBC); our answers must equal brute force over all sets and the
// figures spopt's own tests assert.
#include "BruteForce.h"
#include "select/CostMatrix.h"
#include "select/Selection.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace vgscan::select;
using Catch::Approx;

namespace {

Problem sanFrancisco(int k, Objective objective) {
    CostColumns c;
    c.from = "name";
    c.to = "DestinationName";
    c.cost = "distance";
    c.weight = "demand";
    CostTable t = readCostTable(VGSCAN_SELECT_DATA "/SF_network_distance_candidateStore_16_censusTract_205_new.csv", c);
    Problem p;
    p.candidates = t.candidates;
    p.demand = t.demand;
    p.cost = t.cost;
    p.weight = t.weight;
    p.k = k;
    p.objective = objective;
    return p;
}

std::vector<std::string> names(const Problem& p, const std::vector<int>& sites) {
    std::vector<std::string> s;
    for (int i : sites) s.push_back(p.candidates[i]);
    std::sort(s.begin(), s.end());
    return s;
}

}  // namespace

TEST_CASE("spopt San Francisco data has 16 stores and 205 tracts") {
    const Problem p = sanFrancisco(4, Objective::Median);
    CHECK(p.candidates.size() == 16);
    CHECK(p.demand.size() == 205);
    double population = 0;
    for (double w : p.weight) population += w;
    CHECK(population == 955113);
}

TEST_CASE("spopt p-median equals brute force for p from 1 to 5") {
    for (int k = 1; k <= 5; ++k) {
        INFO("p = " << k);
        bruteforce::checkAgainstBruteForce(sanFrancisco(k, Objective::Median));
    }
}

TEST_CASE("spopt p-median with p 4 matches spopt's expected mean distance") {
    // spopt/tests/test_locate/test_p_median.py, TestRealWorldLocate.test_mixin_mean_distance:
    //   PMedian.from_cost_matrix(cost_matrix, POP2000, p_facilities=4) -> mean_dist == 2982.1268579890657
    // (POP2000 equals this file's demand column). Our costs are floats, hence the tolerance.
    const Problem p = sanFrancisco(4, Objective::Median);
    const Result r = solve(p);
    CHECK(r.meanWeightedCost == Approx(2982.1268579890657).epsilon(1e-7));
    CHECK(names(p, r.chosen) == std::vector<std::string>{"Store_11", "Store_12", "Store_15", "Store_2"});
    CHECK(r.value == Approx(2848268129.7145104).epsilon(1e-7));  // brute force in double precision
    CHECK(r.runnersUp.size() == 5);
}

TEST_CASE("spopt maximal coverage with p 4 within 5000 m matches spopt's expected coverage") {
    // spopt/tests/test_locate/test_mclp.py, TestRealWorldLocate: service_dist = 5000, p = 4,
    //   test_mixin_mclp_get_uncovered_clients: n_cli_uncov == 21
    //   test_mixin_mclp_get_percentage: perc_cov == 89.75609756097561 (= 184 / 205 tracts)
    Problem p = sanFrancisco(4, Objective::Coverage);
    p.radius = 5000;
    bruteforce::checkAgainstBruteForce(p);
    const Result r = solve(p);
    CHECK(r.value == 875247);  // population within 5 km, brute force
    std::size_t uncovered = 0;
    for (std::size_t j = 0; j < p.demand.size(); ++j)
        uncovered += p.cost[std::size_t(r.assignment[j]) * p.demand.size() + j] > 5000;
    CHECK(uncovered == 21);
    CHECK(100.0 * double(p.demand.size() - uncovered) / double(p.demand.size()) == Approx(89.75609756097561));
}

TEST_CASE("spopt p-center equals brute force for p from 1 to 5") {
    // spopt's real-world p-center tests assert optimality only, no figure.
    for (int k = 1; k <= 5; ++k) {
        INFO("p = " << k);
        bruteforce::checkAgainstBruteForce(sanFrancisco(k, Objective::Center));
    }
    const Problem p = sanFrancisco(4, Objective::Center);
    CHECK(solve(p).value == Approx(7403.063810849859).epsilon(1e-7));  // brute force in double precision
}
