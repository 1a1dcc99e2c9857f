// The solver against brute force and against hand-worked cases.
#include "BruteForce.h"
#include "ListedSets.h"
#include "select/Selection.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <atomic>
#include <limits>
#include <random>
#include <thread>
#include <set>

using namespace vgscan::select;
using Catch::Approx;

namespace {

Problem line(const std::vector<double>& demandAt, const std::vector<double>& weights,
             const std::vector<double>& candidatesAt, int k, Objective objective) {
    Problem p;
    p.k = k;
    p.objective = objective;
    for (std::size_t i = 0; i < candidatesAt.size(); ++i) p.candidates.push_back(std::string(1, char('A' + i)));
    for (std::size_t j = 0; j < demandAt.size(); ++j) p.demand.push_back(std::to_string(j));
    for (double c : candidatesAt)
        for (double x : demandAt) p.cost.push_back(float(std::abs(c - x)));
    p.weight = weights;
    return p;
}

using listed::values;

Problem random(std::mt19937& rng, Objective objective) {
    std::uniform_int_distribution<int> M(3, 9), N(1, 20), cell(0, 9), weight(0, 5), runners(0, 6);
    std::uniform_real_distribution<float> real(0.f, 100.f);
    Problem p;
    p.objective = objective;
    const int m = M(rng), n = N(rng);
    p.k = std::uniform_int_distribution<int>(1, std::min(m, 5))(rng);
    p.runnersUp = runners(rng);
    for (int i = 0; i < m; ++i) p.candidates.push_back(std::to_string(i));
    for (int j = 0; j < n; ++j) p.demand.push_back(std::to_string(j));
    // Median on real costs (ties improbable); coverage and center on small
    // integers, where ties are everywhere and the runner-up logic is tested hardest.
    for (int t = 0; t < m * n; ++t) p.cost.push_back(objective == Objective::Median ? real(rng) : float(cell(rng)));
    for (int j = 0; j < n; ++j) p.weight.push_back(weight(rng));
    if (std::all_of(p.weight.begin(), p.weight.end(), [](double w) { return w == 0; })) p.weight[0] = 1;
    p.radius = cell(rng);
    return p;
}

void addConstraints(std::mt19937& rng, Problem& p) {
    const std::size_t M = p.candidates.size();
    std::uniform_int_distribution<int> gap(1, 9);
    p.separation.assign(M * M, 0.f);
    for (std::size_t a = 0; a < M; ++a)
        for (std::size_t b = 0; b < a; ++b) p.separation[a * M + b] = p.separation[b * M + a] = float(gap(rng));
    p.minSeparation = std::uniform_int_distribution<int>(0, 4)(rng);
    if (std::bernoulli_distribution(0.5)(rng)) p.mustInclude = {int(rng() % M)};
}

// Candidates and demand points uniform in a square (50 km), weights 1 to maxWeight (20),
// costs the straight-line distance: big enough that the bounds must cut.
Problem euclidean(std::mt19937& rng, std::size_t candidates, std::size_t demand, float side = 50000.f,
                  int maxWeight = 20) {
    std::uniform_real_distribution<float> xy(0.f, side);
    std::uniform_int_distribution<int> w(1, maxWeight);
    Problem p;
    std::vector<std::pair<float, float>> c(candidates), d(demand);
    for (auto& q : c) q = {xy(rng), xy(rng)};
    for (auto& q : d) q = {xy(rng), xy(rng)};
    for (std::size_t i = 0; i < c.size(); ++i) p.candidates.push_back(std::to_string(i));
    for (std::size_t j = 0; j < d.size(); ++j) p.demand.push_back(std::to_string(j)), p.weight.push_back(w(rng));
    for (auto& a : c)
        for (auto& b : d) p.cost.push_back(std::hypot(a.first - b.first, a.second - b.second));
    return p;
}

// Two solves of one problem agree on everything: the set, value, bound,
// search tree, eliminations and runner-ups (ties included).
void checkSameAnswer(const Result& got, const Result& want) {
    CHECK(got.chosen == want.chosen);
    CHECK(got.value == want.value);
    CHECK(got.bound == want.bound);
    CHECK(got.nodes == want.nodes);
    CHECK(got.eliminated == want.eliminated);
    REQUIRE(got.runnersUp.size() == want.runnersUp.size());
    for (std::size_t q = 0; q < want.runnersUp.size(); ++q) {
        CHECK(got.runnersUp[q].sites == want.runnersUp[q].sites);
        CHECK(got.runnersUp[q].value == want.runnersUp[q].value);
    }
}

}  // namespace

TEST_CASE("Median equals brute force on random matrices with runner-ups") {
    for (unsigned seed = 1; seed <= 150; ++seed) {
        std::mt19937 rng(seed);
        Problem p = random(rng, Objective::Median);
        INFO("seed " << seed << " k " << p.k << " M " << p.candidates.size() << " N " << p.demand.size());
        bruteforce::checkAgainstBruteForce(p);
        // Real costs: when the optimum is unique the set itself must match too
        // (with k >= demand points, sites that serve nobody make ties).
        const auto ranked = bruteforce::all(p);
        if (ranked.size() > 1 && ranked[0].value < ranked[1].value) CHECK(solve(p).chosen == ranked.front().sites);
    }
}

TEST_CASE("Coverage equals brute force on random matrices with runner-ups") {
    for (unsigned seed = 1; seed <= 150; ++seed) {
        std::mt19937 rng(1000 + seed);
        Problem p = random(rng, Objective::Coverage);
        INFO("seed " << seed);
        bruteforce::checkAgainstBruteForce(p);
    }
}

TEST_CASE("Center equals brute force on random matrices with runner-ups") {
    for (unsigned seed = 1; seed <= 150; ++seed) {
        std::mt19937 rng(2000 + seed);
        Problem p = random(rng, Objective::Center);
        INFO("seed " << seed);
        bruteforce::checkAgainstBruteForce(p);
    }
}

TEST_CASE("All objectives equal brute force with separation and must-include") {
    for (unsigned seed = 1; seed <= 150; ++seed) {
        for (Objective o : {Objective::Median, Objective::Coverage, Objective::Center}) {
            std::mt19937 rng(3000 + seed);
            Problem p = random(rng, o);
            addConstraints(rng, p);
            INFO("seed " << seed << " objective " << toString(o));
            bruteforce::checkAgainstBruteForce(p);
        }
    }
}

TEST_CASE("Median and coverage equal brute force with a need (capacity), separation and must-include") {
    // The regional plan's need: the chosen sites' capacities must sum to at
    // least it. Capacities 0..12 against needs up to 3 x 8: often binding,
    // sometimes unreachable (then the solver must refuse, as brute force
    // finds no set).
    for (unsigned seed = 1; seed <= 150; ++seed) {
        for (Objective o : {Objective::Median, Objective::Coverage}) {
            std::mt19937 rng(4000 + seed);
            Problem p = random(rng, o);
            if (seed % 3 == 0) addConstraints(rng, p);
            for (std::size_t i = 0; i < p.candidates.size(); ++i) p.capacity.push_back(int(rng() % 13));
            p.need = int(rng() % (8 * p.k + 1));
            INFO("seed " << seed << " objective " << toString(o) << " need " << p.need);
            bruteforce::checkAgainstBruteForce(p);
        }
    }
}

TEST_CASE("Median with a need on 40 Euclidean candidates equals brute force") {
    // Capacity binds: the three nearest-to-demand sites rarely hold 30 places
    // together, so the bound with the need kept must do the cutting.
    for (unsigned seed = 1; seed <= 3; ++seed) {
        std::mt19937 rng(50 + seed);
        std::uniform_real_distribution<float> xy(0.f, 50000.f);
        Problem p;
        p.k = 3;
        for (int i = 0; i < 40; ++i) p.candidates.push_back(std::to_string(i)), p.capacity.push_back(4 + int(rng() % 9));
        std::vector<std::pair<float, float>> c(40), d(300);
        for (auto& q : c) q = {xy(rng), xy(rng)};
        for (auto& q : d) q = {xy(rng), xy(rng)};
        for (std::size_t j = 0; j < d.size(); ++j) p.demand.push_back(std::to_string(j)), p.weight.push_back(1 + int(rng() % 20));
        for (auto& a : c)
            for (auto& b : d) p.cost.push_back(std::hypot(a.first - b.first, a.second - b.second));
        p.need = 30;
        INFO("seed " << seed);
        bruteforce::checkAgainstBruteForce(p);
    }
}

TEST_CASE("Median equals brute force on 40 Euclidean candidates where the bounds must cut") {
    // Big enough (9880 triples, 300 demand points) that the search prunes
    // most of the tree; brute force still runs in well under a second.
    for (unsigned seed = 1; seed <= 3; ++seed) {
        std::mt19937 rng(seed);
        Problem p = euclidean(rng, 40, 300);
        p.k = 3;
        for (Objective o : {Objective::Median, Objective::Coverage, Objective::Center}) {
            p.objective = o;
            p.radius = 12000;
            INFO("seed " << seed << " objective " << toString(o));
            bruteforce::checkAgainstBruteForce(p);
        }
        p.objective = Objective::Median;
        const Result r = solve(p);
        CHECK(r.nodes < 9880);  // the bounds cut: fewer evaluations than triples
    }
}

TEST_CASE("Nearest-candidate lists (the sparse relaxation) give the brute-force answers") {
    // Each demand point priced only against its L nearest candidates, the
    // Lagrangian multiplier capped at w_j times the first cost left out: the
    // bound must stay valid (a bound above the optimum would cut it and the
    // answer would differ from brute force) and the lists must grow where the
    // cap holds the bound down. Lists of 1 to 3 candidates on 3 to 9
    // candidates force growth at almost every node; with constraints, a need
    // and runner-ups every part of the search runs on the lists.
    int runs = 0;
    for (unsigned seed = 1; seed <= 150; ++seed) {
        for (Objective o : {Objective::Median, Objective::Coverage}) {
            std::mt19937 rng(7000 + seed);
            Problem p = random(rng, o);
            if (seed % 3 == 0) addConstraints(rng, p);
            if (seed % 4 == 0) {
                for (std::size_t i = 0; i < p.candidates.size(); ++i) p.capacity.push_back(int(rng() % 13));
                p.need = int(rng() % (6 * p.k + 1));
            }
            p.pricing = Problem::Pricing::NearestLists;
            p.nearestListLength = 1 + int(seed % 3);
            INFO("seed " << seed << " objective " << toString(o) << " list length " << p.nearestListLength);
            bruteforce::checkAgainstBruteForce(p);
            ++runs;
        }
    }
    CHECK(runs == 300);
}

TEST_CASE("Nearest-candidate lists match brute force and the dense relaxation on Euclidean problems") {
    // 40 candidates and 300 demand points in a 50 km square: k = 3 against
    // brute force (9,880 triples); k = 6 against the dense relaxation (3.8 M
    // sets, too many to list). Short first lists (4) make the bound grow them.
    for (unsigned seed = 1; seed <= 4; ++seed) {
        std::mt19937 rng(900 + seed);
        Problem p = euclidean(rng, 40, 300);
        p.runnersUp = 2;
        p.pricing = Problem::Pricing::NearestLists;
        p.nearestListLength = seed % 2 == 0 ? 4 : 0;  // 0: the automatic length
        p.k = 3;
        INFO("seed " << seed << " list length " << p.nearestListLength);
        bruteforce::checkAgainstBruteForce(p);
        CHECK_THAT(solve(p).method, Catch::Matchers::ContainsSubstring("nearest candidates"));
        p.k = 6;
        const Result sparse = solve(p);
        p.pricing = Problem::Pricing::Dense;
        const Result dense = solve(p);
        REQUIRE(sparse.optimal);
        REQUIRE(dense.optimal);
        CHECK(sparse.value == Approx(dense.value).epsilon(1e-9));
        CHECK(values(sparse) == values(dense));
        CHECK(sparse.value == Approx(bruteforce::value(p, sparse.chosen)).epsilon(1e-9));
        CHECK_THAT(dense.method, !Catch::Matchers::ContainsSubstring("nearest candidates"));
        // A small problem is priced densely unless asked otherwise.
        p.pricing = Problem::Pricing::Automatic;
        CHECK_THAT(solve(p).method, !Catch::Matchers::ContainsSubstring("nearest candidates"));
    }
}

TEST_CASE("Nearest-candidate lists priced in blocks of demand give the brute-force answers") {
    // From 512 demand points the lists are priced in 8 blocks of demand (on
    // the threads, summed in block order) and the subgradient iterations run
    // on the flat float copy; the root starts from the best set's costs. 30
    // candidates and 900 demand points in a 40 km square, weights 1..9,
    // k = 3 and 4 (4,060 and 27,405 sets): every bound stays valid (a bound
    // above the optimum would cut it), so the answers and runner-ups are
    // brute force's, and the same problem solved twice gives the same bound.
    for (unsigned seed = 1; seed <= 3; ++seed) {
        std::mt19937 rng(4100 + seed);
        Problem p = euclidean(rng, 30, 900, 40000.f, 9);
        p.runnersUp = 2;
        p.pricing = Problem::Pricing::NearestLists;
        p.nearestListLength = seed == 2 ? 3 : 0;  // 3: the lists must grow
        for (int k : {3, 4}) {
            p.k = k;
            INFO("seed " << seed << " k " << k << " list length " << p.nearestListLength);
            bruteforce::checkAgainstBruteForce(p);
            const Result a = solve(p), b = solve(p);
            CHECK(a.bound == b.bound);
            CHECK(a.chosen == b.chosen);
        }
    }
}

TEST_CASE("The sparse root's eliminated candidates are in no better set") {
    // The root closes for good every candidate whose opening lifts the exact
    // Lagrangian bound to the best set's value, and prices the rest without
    // it. A wrong elimination would lose the optimum or a runner-up: the
    // answers must stay brute force's. 40 to 60 candidates, 300 to 900 demand
    // points in a 40-50 km square, k = 3 (up to 34,220 sets), runner-ups 0 or 2.
    long long eliminated = 0;
    int runs = 0;
    for (unsigned seed = 1; seed <= 6; ++seed) {
        std::mt19937 rng(8300 + seed);
        Problem p = euclidean(rng, seed % 2 ? 40 : 60, seed % 3 ? 300 : 900, seed % 2 ? 50000.f : 40000.f, 9);
        p.runnersUp = seed % 2 ? 0 : 2;
        p.pricing = Problem::Pricing::NearestLists;
        p.k = 3;
        INFO("seed " << seed);
        bruteforce::checkAgainstBruteForce(p);
        eliminated += solve(p).eliminated;
        ++runs;
    }
    CHECK(runs == 6);
    CHECK(eliminated > 0);  // the rule ran: the test would otherwise prove nothing
}

TEST_CASE("A stopped sparse search never reports a bound above the optimum") {
    // Stopped anywhere (before the root's first step, during its steps, its
    // eliminations or the branching), the search must report a set's true
    // value and a bound that no set beats: checked against brute force on
    // Euclidean problems priced on the lists, with limits from a nanosecond
    // to a few milliseconds (where each stops depends on the machine; the
    // claim holds wherever). 30 candidates, 900 demand points (priced in
    // blocks), k = 3 and 4.
    int stopped = 0;
    for (unsigned seed = 1; seed <= 3; ++seed) {
        std::mt19937 rng(8400 + seed);
        Problem p = euclidean(rng, 30, 900, 40000.f, 9);
        p.runnersUp = 0;
        p.pricing = Problem::Pricing::NearestLists;
        for (int k : {3, 4}) {
            p.k = k;
            const auto ranked = bruteforce::all(p);
            const double best = ranked.front().value;
            for (double limit : {1e-9, 1e-4, 1e-3, 3e-3}) {
                p.timeLimit = limit;
                INFO("seed " << seed << " k " << k << " limit " << limit);
                const Result r = solve(p);
                CHECK(r.value == Approx(bruteforce::value(p, r.chosen)).epsilon(1e-9));
                CHECK(r.value >= best * (1 - 1e-9));
                CHECK(r.bound <= best * (1 + 1e-9));
                CHECK(r.gap >= 0);
                if (r.optimal) CHECK(r.value == Approx(best).epsilon(1e-9));
                stopped += r.timedOut;
            }
            p.timeLimit = 0;
        }
    }
    CHECK(stopped > 0);  // the limits do stop some searches
}

TEST_CASE("Best-bound node selection gives the depth-first answers, and a stopped one a valid bound") {
    // The search evaluates its open nodes lowest bound first (a queue); run
    // to the end it must find what the depth-first recursion finds: the same
    // set, value, bound and runner-ups (real costs: no ties), checked against
    // brute force too. A queue budget of 0 bytes falls back to depth-first
    // at once (the same tree: the same node count), a budget of a few nodes
    // mixes both. Stopped at limits from a nanosecond to a few milliseconds
    // (wherever that falls: the root, the queue, a dive), the bound must
    // never pass the optimum. 30 to 40 Euclidean candidates, 300 to 900
    // demand points, k = 4 (27,405 to 91,390 sets), dense and on the lists.
    long long branched = 0;
    int stopped = 0;
    for (unsigned seed = 1; seed <= 4; ++seed) {
        std::mt19937 rng(9100 + seed);
        Problem p = seed % 2 ? euclidean(rng, 40, 300) : euclidean(rng, 30, 900, 40000.f, 9);
        p.k = 4;
        p.runnersUp = seed % 2 ? 2 : 0;
        p.pricing = seed <= 2 ? Problem::Pricing::Dense : Problem::Pricing::NearestLists;
        INFO("seed " << seed);
        const auto ranked = bruteforce::all(p);
        const double optimum = ranked.front().value;
        bruteforce::checkAgainstBruteForce(p);
        const Result best = solve(p);
        p.nodeOrder = Problem::NodeOrder::DepthFirst;
        const Result deep = solve(p);
        p.nodeOrder = Problem::NodeOrder::BestBound;
        REQUIRE(best.optimal);
        REQUIRE(deep.optimal);
        CHECK(best.chosen == deep.chosen);
        CHECK(best.chosen == ranked.front().sites);
        CHECK(best.value == deep.value);
        CHECK(best.bound == deep.bound);
        REQUIRE(best.runnersUp.size() == deep.runnersUp.size());
        for (std::size_t q = 0; q < deep.runnersUp.size(); ++q) {
            CHECK(best.runnersUp[q].sites == deep.runnersUp[q].sites);
            CHECK(best.runnersUp[q].value == deep.runnersUp[q].value);
        }
        branched += best.nodes > 1;
        for (std::size_t budget : {std::size_t(0), std::size_t(20000)}) {
            p.nodeQueueBytes = budget;
            INFO("queue budget " << budget);
            const Result r = solve(p);
            REQUIRE(r.optimal);
            CHECK(r.chosen == best.chosen);
            CHECK(r.value == best.value);
            CHECK(values(r) == values(best));
            if (budget == 0) CHECK(r.nodes == deep.nodes);
        }
        p.nodeQueueBytes = Problem().nodeQueueBytes;
        for (double limit : {1e-9, 1e-4, 3e-4, 1e-3, 3e-3}) {
            p.timeLimit = limit;
            INFO("limit " << limit);
            const Result r = solve(p);
            CHECK(r.value == Approx(bruteforce::value(p, r.chosen)).epsilon(1e-9));
            CHECK(r.value >= optimum * (1 - 1e-9));
            CHECK(r.bound <= optimum * (1 + 1e-9));
            CHECK(r.gap >= 0);
            if (r.optimal) CHECK(r.value == Approx(optimum).epsilon(1e-9));
            stopped += r.timedOut;
        }
        p.timeLimit = 0;
    }
    CHECK(branched > 0);  // some searches branch: the queue is used
    CHECK(stopped > 0);   // the limits do stop some searches
}

TEST_CASE("The same problem gives the same answer however busy the machine is") {
    // The sparse root polishes some of its relaxation's sets by the
    // interchange, within a budget. The budget is counted in work, so the
    // sets polished, the best set, the runner-ups (ties included) and the
    // search tree do not depend on timing: one run here has the machine to
    // itself, the other shares it with two threads that spin. 60 candidates
    // and 2,000 demand points in a 60 km square, k = 6 (too many sets for
    // brute force: the dense relaxation proves the value), k = 3 against
    // brute force.
    std::mt19937 rng(7100);
    Problem p = euclidean(rng, 60, 2000, 60000.f, 9);
    p.runnersUp = 4;
    p.pricing = Problem::Pricing::NearestLists;
    for (int k : {3, 6}) {
        p.k = k;
        INFO("k " << k);
        if (k == 3) bruteforce::checkAgainstBruteForce(p);
        const Result quiet = solve(p);
        std::atomic<bool> done{false};
        std::vector<std::thread> spinners;
        for (int t = 0; t < 2; ++t)
            spinners.emplace_back([&done] {
                volatile double x = 1;
                while (!done.load(std::memory_order_relaxed)) x = x * 1.0000001 + 1e-9;
            });
        const Result busy = solve(p);
        done = true;
        for (auto& t : spinners) t.join();
        REQUIRE(quiet.optimal);
        checkSameAnswer(busy, quiet);
        p.pricing = Problem::Pricing::Dense;
        CHECK(solve(p).value == Approx(quiet.value).epsilon(1e-9));
        p.pricing = Problem::Pricing::NearestLists;
    }
}

TEST_CASE("One thread and several give the same answer, bound and search tree") {
    // The lists' building, pricing and interchange (from 512 demand points)
    // run on threads; the work is cut into fixed blocks summed in order, so
    // one thread and three must agree on everything, the search tree and the
    // candidates the root eliminates included: 60 x 2,000 on the lists, k = 6
    // with runner-ups 4, and k = 3 against brute force.
    std::mt19937 rng(7400);
    Problem p = euclidean(rng, 60, 2000, 60000.f, 9);
    p.runnersUp = 4;
    p.pricing = Problem::Pricing::NearestLists;
    for (int k : {3, 6}) {
        p.k = k;
        INFO("k " << k);
        p.threads = 1;
        if (k == 3) bruteforce::checkAgainstBruteForce(p);
        const Result one = solve(p);
        p.threads = 3;
        const Result three = solve(p);
        REQUIRE(one.optimal);
        checkSameAnswer(three, one);
    }
    p.threads = -1;
    CHECK_THROWS_WITH(solve(p), "threads must not be negative");
}

TEST_CASE("Median beats the greedy choice on a line") {
    // Demand at 0, 1, 9 and 10 (weight 1); candidates A at 0.5, B at 5, C at 9.5.
    // One site: B is best (5+4+4+5 = 18 against 19 for A or C), so greedy opens
    // B first and ends with B+A or B+C = 0.5+0.5+4+5 = 10. The optimum A+C
    // serves everyone at 0.5: total 2, mean 0.5.
    Problem p = line({0, 1, 9, 10}, {1, 1, 1, 1}, {0.5, 5, 9.5}, 2, Objective::Median);
    const Result one = [&] { Problem q = p; q.k = 1; return solve(q); }();
    REQUIRE(one.chosen == std::vector<int>{1});
    CHECK(one.value == Approx(18));
    const Result r = solve(p);
    CHECK(r.chosen == std::vector<int>{0, 2});
    CHECK(r.value == Approx(2));
    CHECK(r.meanWeightedCost == Approx(0.5));
    CHECK(r.assignment == std::vector<int>{0, 0, 2, 2});
    REQUIRE(r.runnersUp.size() == 2);  // only three pairs exist
    CHECK(r.runnersUp[0].value == Approx(10));
    CHECK(r.runnersUp[1].value == Approx(10));
}

TEST_CASE("Coverage maximises the weight within the radius") {
    // Five demand points (weights 4 4 4 6 7); cost 0.5 = covered (radius 1), 9 = not.
    //   A covers 1 2 3 (12)   B covers 3 4 (10)   C covers 5 (7)   D covers 2 4 (10)
    // Pairs: A+C 19, A+B 18, A+D 18, B+C 17, C+D 17, B+D 14. Total weight 25.
    Problem p;
    p.candidates = {"A", "B", "C", "D"};
    p.demand = {"1", "2", "3", "4", "5"};
    p.weight = {4, 4, 4, 6, 7};
    const std::vector<std::vector<int>> covers = {{1, 1, 1, 0, 0}, {0, 0, 1, 1, 0}, {0, 0, 0, 0, 1}, {0, 1, 0, 1, 0}};
    for (const auto& row : covers)
        for (int c : row) p.cost.push_back(c ? 0.5f : 9.f);
    p.k = 2;
    p.objective = Objective::Coverage;
    p.radius = 1;
    p.runnersUp = 10;
    const Result r = solve(p);
    CHECK(r.chosen == std::vector<int>{0, 2});
    CHECK(r.value == Approx(19));
    // Point 4 (weight 6) is uncovered at 9: (19 * 0.5 + 6 * 9) / 25 = 2.54.
    CHECK(r.meanWeightedCost == Approx(2.54));
    CHECK(values(r) == std::vector<double>{19, 18, 18, 17, 17, 14});
}

TEST_CASE("Center by relaxation equals brute force and the branch and bound") {
    // Larger than the runner-up tests (up to 14 candidates, 60 demand points,
    // k up to 5) so that the demand subset of the relaxation has to grow and
    // the binary search takes several steps; integer costs 0..30 make ties.
    for (unsigned seed = 1; seed <= 200; ++seed) {
        std::mt19937 rng(7000 + seed);
        std::uniform_int_distribution<int> M(3, 14), N(1, 60), cell(0, 30), weight(0, 3);
        Problem p;
        p.objective = Objective::Center;
        const int m = M(rng), n = N(rng);
        p.k = std::uniform_int_distribution<int>(1, std::min(m, 5))(rng);
        p.runnersUp = 0;
        for (int i = 0; i < m; ++i) p.candidates.push_back(std::to_string(i));
        for (int j = 0; j < n; ++j) p.demand.push_back(std::to_string(j));
        for (int t = 0; t < m * n; ++t) p.cost.push_back(float(cell(rng)));
        for (int j = 0; j < n; ++j) p.weight.push_back(weight(rng));
        if (std::all_of(p.weight.begin(), p.weight.end(), [](double w) { return w == 0; })) p.weight[0] = 1;
        if (seed % 2 == 0) addConstraints(rng, p);
        INFO("seed " << seed << " k " << p.k << " M " << m << " N " << n << " sep " << p.minSeparation);
        p.centerMethod = CenterMethod::Relaxation;
        bruteforce::checkAgainstBruteForce(p);
        const auto ranked = bruteforce::all(p);
        if (ranked.empty()) continue;
        const Result relaxed = solve(p);
        const bool searched = int(p.mustInclude.size()) < p.k;  // else must-include fixes the set
        if (searched) CHECK(relaxed.method.find("binary search on the radius") != std::string::npos);
        p.centerMethod = CenterMethod::BranchAndBound;
        const Result branched = solve(p);
        if (searched) CHECK(branched.method.find("branch and bound") != std::string::npos);
        CHECK(relaxed.value == branched.value);
        CHECK(relaxed.bound == relaxed.value);
    }
}

TEST_CASE("Center by relaxation on a line, with runner-ups worked by hand") {
    // Demand at 0, 1, 9, 10; candidates A 0.5, B 5, C 9.5, D 5.5 (as below).
    // k = 1: B serves 0 and 10 at 5, the worst; D 5.5 (point 0); A and C 9.5.
    // k = 2, the worst served point of each pair:
    //   A+C 0.5 (every point); A+D 4.5 (10 from D); A+B 5 (10 from B);
    //   B+C 5 (0 from B); B+D 5 (0 from B); C+D 5.5 (0 from D).
    Problem p = line({0, 1, 9, 10}, {1, 1, 1, 1}, {0.5, 5, 9.5, 5.5}, 1, Objective::Center);
    p.runnersUp = 0;
    Result r = solve(p);  // Auto: the relaxation
    CHECK(r.method.find("binary search on the radius") != std::string::npos);
    CHECK(r.chosen == std::vector<int>{1});
    CHECK(r.value == Approx(5));
    CHECK(r.optimal);
    CHECK(r.runnersUp.empty());
    p.runnersUp = 2;
    r = solve(p);
    CHECK(r.method.find("with the sets listed before it excluded") != std::string::npos);
    CHECK(values(r) == std::vector<double>{5, 5.5, 9.5});
    REQUIRE(r.runnersUp.size() == 2);
    CHECK(r.runnersUp[0].sites == std::vector<int>{3});
    CHECK((r.runnersUp[1].sites == std::vector<int>{0} || r.runnersUp[1].sites == std::vector<int>{2}));
    p.k = 2;
    p.runnersUp = 5;  // all six pairs: the list is unique up to the order of the three at 5
    for (CenterMethod m : {CenterMethod::Relaxation, CenterMethod::BranchAndBound}) {
        p.centerMethod = m;
        r = solve(p);
        CHECK(r.optimal);
        CHECK(r.chosen == std::vector<int>{0, 2});
        CHECK(values(r) == std::vector<double>{0.5, 4.5, 5, 5, 5, 5.5});
        REQUIRE(r.runnersUp.size() == 5);
        CHECK(r.runnersUp[0].sites == std::vector<int>{0, 3});
        std::set<std::vector<int>> atFive{r.runnersUp[1].sites, r.runnersUp[2].sites, r.runnersUp[3].sites};
        CHECK(atFive == std::set<std::vector<int>>{{0, 1}, {1, 2}, {1, 3}});
        CHECK(r.runnersUp[4].sites == std::vector<int>{2, 3});
    }
}

TEST_CASE("Center runner-ups by relaxation equal brute force and the branch and bound") {
    // Both methods list the best 1 + runnersUp distinct sets: the same values,
    // and every set strictly better than the last one listed appears in both
    // (which of the sets tied at the last value are listed may differ).
    for (unsigned seed = 1; seed <= 200; ++seed) {
        std::mt19937 rng(9000 + seed);
        std::uniform_int_distribution<int> M(3, 12), N(1, 40), cell(0, 30), weight(0, 3), runners(1, 8);
        Problem p;
        p.objective = Objective::Center;
        const int m = M(rng), n = N(rng);
        p.k = std::uniform_int_distribution<int>(1, std::min(m, 5))(rng);
        p.runnersUp = runners(rng);
        for (int i = 0; i < m; ++i) p.candidates.push_back(std::to_string(i));
        for (int j = 0; j < n; ++j) p.demand.push_back(std::to_string(j));
        // Odd seeds: real costs (few ties); even: integers 0..30 (ties everywhere).
        std::uniform_real_distribution<float> real(0.f, 100.f);
        for (int t = 0; t < m * n; ++t) p.cost.push_back(seed % 2 ? real(rng) : float(cell(rng)));
        for (int j = 0; j < n; ++j) p.weight.push_back(weight(rng));
        if (std::all_of(p.weight.begin(), p.weight.end(), [](double w) { return w == 0; })) p.weight[0] = 1;
        if (seed % 3 == 0) addConstraints(rng, p);
        INFO("seed " << seed << " k " << p.k << " M " << m << " N " << n << " runners-up " << p.runnersUp
                     << " sep " << p.minSeparation);
        p.centerMethod = CenterMethod::Relaxation;
        bruteforce::checkAgainstBruteForce(p);
        if (bruteforce::all(p).empty()) continue;
        const Result relaxed = solve(p);
        p.centerMethod = CenterMethod::BranchAndBound;
        bruteforce::checkAgainstBruteForce(p);
        const Result branched = solve(p);
        REQUIRE(values(relaxed) == values(branched));
        const double last = values(relaxed).back();
        CHECK(listed::setsBelow(relaxed, last) == listed::setsBelow(branched, last));
    }
}

TEST_CASE("Center by relaxation when the greedy start finds no set: the radius search has no known upper end") {
    // Candidates A 0, B 5, C 10 and demand at 0, 5, 10 on a line; chosen sites
    // at least 6 apart, k = 2. Greedy takes B first (worst 5, A and C 10) and
    // then no site is 6 from B: the search starts with no set and no upper
    // radius. The only pair 6 apart is A+C, worst 5 (the point at 5). Asked
    // for 3 runner-ups there are none: after A+C the search must run out at
    // the largest cost, not take it as reached.
    Problem p = line({0, 5, 10}, {1, 1, 1}, {0, 5, 10}, 2, Objective::Center);
    p.minSeparation = 6;
    p.separation = {0, 5, 10, 5, 0, 5, 10, 5, 0};
    p.runnersUp = 3;
    for (CenterMethod m : {CenterMethod::Relaxation, CenterMethod::BranchAndBound}) {
        p.centerMethod = m;
        const Result r = solve(p);
        CHECK(r.optimal);
        CHECK(r.chosen == std::vector<int>{0, 2});
        CHECK(r.value == Approx(5));
        CHECK(r.runnersUp.empty());
    }
    // A separation no pair meets: no set at all, and the message says so.
    p.minSeparation = 11;
    p.centerMethod = CenterMethod::Relaxation;
    REQUIRE_THROWS_WITH(solve(p), Catch::Matchers::ContainsSubstring("satisfies the constraints"));
}

TEST_CASE("Center minimises the worst cost among demand with weight") {
    // Demand at 0, 1, 9, 10; candidates A 0.5, B 5, C 9.5, D 5.5.
    // One site, all weighted: B is worst at 5 (point 0, 10), D at 5.5 (point 0).
    // With point 0 weightless, D's worst is 4.5 (points 1, 10) and beats B's 5.
    Problem p = line({0, 1, 9, 10}, {1, 1, 1, 1}, {0.5, 5, 9.5, 5.5}, 1, Objective::Center);
    Result r = solve(p);
    CHECK(r.chosen == std::vector<int>{1});
    CHECK(r.value == Approx(5));
    CHECK(values(r) == std::vector<double>{5, 5.5, 9.5, 9.5});
    p.weight[0] = 0;
    r = solve(p);
    CHECK(r.chosen == std::vector<int>{3});
    CHECK(r.value == Approx(4.5));
    // Two sites: A+C serve everyone within 0.5.
    p.k = 2;
    r = solve(p);
    CHECK(r.chosen == std::vector<int>{0, 2});
    CHECK(r.value == Approx(0.5));
}

namespace {
// Demand at 0 (weight 10), 1 (weight 11), 10 (weight 1); candidates A 0, B 1, C 10.
// Pairs: A+B = 1*9 = 9, B+C = 10*1 = 10, A+C = 11*1 = 11. A and B are 1 apart.
Problem twoClusters() {
    Problem p = line({0, 1, 10}, {10, 11, 1}, {0, 1, 10}, 2, Objective::Median);
    p.separation = {0, 1, 10, 1, 0, 9, 10, 9, 0};
    return p;
}
}  // namespace

TEST_CASE("Min separation keeps chosen sites apart") {
    Problem p = twoClusters();
    CHECK(solve(p).chosen == std::vector<int>{0, 1});  // unconstrained: A+B, 9
    p.minSeparation = 2;
    const Result r = solve(p);
    CHECK(r.chosen == std::vector<int>{1, 2});
    CHECK(r.value == Approx(10));
    REQUIRE(r.runnersUp.size() == 1);  // A+B is not allowed
    CHECK(r.runnersUp[0].sites == std::vector<int>{0, 2});
    CHECK(r.runnersUp[0].value == Approx(11));
    p.minSeparation = 10.5;  // no pair is that far apart
    CHECK_THROWS_AS(solve(p), SelectionError);
}

TEST_CASE("Must-include sites are always chosen") {
    Problem p = twoClusters();
    p.mustInclude = {2};
    Result r = solve(p);
    CHECK(r.chosen == std::vector<int>{1, 2});
    CHECK(r.value == Approx(10));
    REQUIRE(r.runnersUp.size() == 1);
    CHECK(r.runnersUp[0].value == Approx(11));
    p.mustInclude = {0, 1};  // fixes the whole set
    r = solve(p);
    CHECK(r.chosen == std::vector<int>{0, 1});
    CHECK(r.runnersUp.empty());
    p.minSeparation = 2;  // the must-include pair itself breaks the separation
    CHECK_THROWS_AS(solve(p), SelectionError);
}

TEST_CASE("Invalid problems are refused with a reason") {
    Problem p = twoClusters();
    p.k = 4;
    CHECK_THROWS_WITH(solve(p), "k = 4 is larger than the number of candidates (3)");
    p.k = 2;
    p.weight = {0, 0, 0};
    CHECK_THROWS_AS(solve(p), SelectionError);
    p.weight = {1, -1, 1};
    CHECK_THROWS_AS(solve(p), SelectionError);
    p.weight = {1, 1, 1};
    p.minSeparation = 1;
    p.separation.clear();
    CHECK_THROWS_AS(solve(p), SelectionError);
    p.minSeparation = 0;
    p.need = 5;  // a need without capacities
    CHECK_THROWS_WITH(solve(p), "a need needs one capacity per candidate");
    p.capacity = {1, -2, 3};
    CHECK_THROWS_WITH(solve(p), "capacities must not be negative");
    p.capacity = {1, 2, 2};  // two of them hold 4 at most
    // Only the constraints the problem has are named.
    CHECK_THROWS_WITH(solve(p), "no set of 2 candidates satisfies the constraints (need 5)");
    p.objective = Objective::Center;
    CHECK_THROWS_WITH(solve(p), "a need (capacity) is for median and coverage only");
    p.objective = Objective::Median;
    p.need = -1;
    CHECK_THROWS_WITH(solve(p), "the need must not be negative");
    CHECK_THROWS_AS(objectiveFromString("mean"), std::invalid_argument);
}

TEST_CASE("A refusal names the constraints given, numbers as people write them") {
    // Three candidates on a line, 4 apart (costs 0 / 4 / 8 to the three
    // points): no two are 10 apart, and nothing else is asked.
    Problem p;
    p.candidates = {"A", "B", "C"};
    p.demand = {"a", "b", "c"};
    p.weight = {1, 1, 1};
    p.cost = {0, 4, 8, 4, 0, 4, 8, 4, 0};
    p.k = 2;
    p.minSeparation = 10;
    p.separation = {0, 4, 8, 4, 0, 4, 8, 4, 0};
    CHECK_THROWS_WITH(solve(p), "no set of 2 candidates satisfies the constraints (min-separation 10)");
    p.minSeparation = 8.5;
    p.mustInclude = {0};
    CHECK_THROWS_WITH(solve(p), "no set of 2 candidates satisfies the constraints (min-separation 8.5, must-include 1)");
}

TEST_CASE("A time limit beyond the clock's range is no limit") {
    // now + 1e12 s wraps past steady_clock's range (~292 years) into the
    // past: the search stopped before its first node and proved nothing.
    for (double limit : {1e12, 1e300, std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::quiet_NaN()}) {
        Problem p = twoClusters();
        p.k = 2;
        p.timeLimit = limit;
        const Result r = solve(p);
        CHECK(r.optimal);
        CHECK_FALSE(r.timedOut);
        CHECK(r.method.find("time limit") == std::string::npos);
    }
}

TEST_CASE("A time limit returns the best set found with a valid bound and says so") {
    // A limit of a nanosecond has passed before the search's first node, so
    // the search stops there whenever the root bound does not close the gap.
    // Either way the answer must be honest, checked against brute force: a
    // stopped search reports a real set and a bound on the optimum that no set
    // beats; an unstopped one is optimal and exact.
    int stopped = 0;
    for (unsigned seed = 1; seed <= 60; ++seed) {
        for (Objective objective : {Objective::Median, Objective::Coverage, Objective::Center}) {
            std::mt19937 rng(5000 + seed);
            Problem p = random(rng, objective);
            p.timeLimit = 1e-9;
            INFO("seed " << seed << " objective " << toString(objective) << " k " << p.k);
            const auto ranked = bruteforce::all(p);
            const double best = ranked.front().value;
            const Result r = solve(p);
            CHECK(r.value == Catch::Approx(bruteforce::value(p, r.chosen)).margin(1e-6));
            if (r.timedOut) {
                ++stopped;
                if (r.optimal) CHECK(r.value == Catch::Approx(best).margin(1e-6));  // proven by the root bound
                CHECK(r.method.find("time limit") != std::string::npos);
                if (objective == Objective::Coverage) {
                    CHECK(r.value <= best + 1e-6);
                    CHECK(r.bound >= best - 1e-6);
                } else {
                    CHECK(r.value >= best - 1e-6);
                    CHECK(r.bound <= best + 1e-6);
                }
                CHECK(r.gap >= 0);
            } else {
                CHECK(r.optimal);
                CHECK(r.value == Catch::Approx(best).margin(1e-6));
                CHECK(r.bound == r.value);
                CHECK(r.gap == 0);
            }
        }
    }
    CHECK(stopped > 0);  // the limit does stop some searches
}
