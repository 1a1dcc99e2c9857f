// WaysOut (block-cut tree) against WaysOutByFlow (the former maximum flow
// per query): hand-worked graphs, then random ones of the rule's shape
// (spaces, the outside, a node per opening between two of them).
#include "../WaysOut.cpp"  // compiled into the test: internal to the plugin

#include <catch2/catch_test_macros.hpp>

#include <cstdint>
#include <vector>

using vgscan::routing::WaysOut;
using vgscan::routing::WaysOutByFlow;

namespace {

struct Graph {
    int spaces, outside;
    std::vector<std::vector<int>> adj;
    Graph(int n) : spaces(n), outside(n), adj(n + 1) {}
    int open(int a, int b) {  // an opening between a and b: a node of its own
        const int m = static_cast<int>(adj.size());
        adj.push_back({a, b});
        adj[a].push_back(m);
        adj[b].push_back(m);
        return m;
    }
};

}  // namespace

TEST_CASE("ways out: a room behind a room has one, through the door between them") {
    // A (0) opens to the outside (o1) and to B (o2); B (1) only to A.
    // From B: every way passes o2, A and o1; the nearest of them is o2.
    // From A: one way (o1). From {A, B} (one start): one way, o1.
    Graph g(2);
    const int o1 = g.open(0, g.outside), o2 = g.open(0, 1);
    const WaysOut w(g.adj, g.outside);
    int cut = -2;
    CHECK(w.ways({1}, &cut) == 1);
    CHECK(cut == o2);
    CHECK(w.ways({0}, &cut) == 1);
    CHECK(cut == o1);
    CHECK(w.ways({0, 1}, &cut) == 1);
    CHECK(cut == o1);
    // A second door from B to the outside: two independent ways from each.
    g.open(1, g.outside);
    const WaysOut both(g.adj, g.outside);
    CHECK(both.ways({1}, &cut) == 2);
    CHECK(cut == -1);
    CHECK(both.ways({0}, nullptr) == 2);
}

TEST_CASE("ways out: a room that does not reach the outside has none; two rooms each with its own door have two together") {
    // C (2) is closed off. A (0) and B (1) each have one door out: alone one
    // way each, together (one start) two.
    Graph g(3);
    const int oa = g.open(0, g.outside);
    g.open(1, g.outside);
    const WaysOut w(g.adj, g.outside);
    int cut = -2;
    CHECK(w.ways({2}, &cut) == 0);
    CHECK(cut == -1);
    CHECK(w.ways({0}, &cut) == 1);
    CHECK(cut == oa);
    CHECK(w.ways({0, 1}, &cut) == 2);
}

TEST_CASE("ways out: the same answers and cuts as the maximum flow on 400 random plans") {
    std::uint64_t state = 17;
    auto next = [&](int n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
    };
    int checked = 0, one = 0, two = 0, none = 0;
    for (int plan = 0; plan < 400; ++plan) {
        const int n = 2 + next(30);
        Graph g(n);
        // A tree of rooms (some not joined), extra doors making loops, doors out.
        for (int s = 1; s < n; ++s)
            if (next(8) != 0) g.open(s, next(s));
        for (int k = next(n / 2 + 1); k > 0; --k) {
            const int a = next(n), b = next(n);
            if (a != b) g.open(a, b);
        }
        for (int k = 1 + next(3); k > 0; --k) g.open(next(n), g.outside);
        const WaysOut w(g.adj, g.outside);
        const WaysOutByFlow f(g.adj, g.outside, g.spaces);
        auto compare = [&](const std::vector<int>& from) {
            int cut = -2, refCut = -1;
            const int ways = w.ways(from, &cut), ref = f.ways(from, &refCut);
            INFO("plan " << plan << ", start of " << from.size() << " from " << from.front());
            REQUIRE(ways == ref);
            if (ways == 1) REQUIRE(cut == refCut);
            ++checked;
            (ways == 0 ? none : ways == 1 ? one : two)++;
        };
        for (int s = 0; s < n; ++s) compare({s});
        for (int k = 0; k < 5; ++k) {
            std::vector<int> from{next(n)};
            for (int e = next(3); e > 0; --e) {
                const int x = next(n);
                if (std::find(from.begin(), from.end(), x) == from.end()) from.push_back(x);
            }
            compare(from);
        }
    }
    // Every answer occurs often.
    CHECK(none > 100);
    CHECK(one > 100);
    CHECK(two > 100);
    CHECK(checked > 5000);
}
