// safe_routing on plans of 10^3 to 10^4 spaces (issue 17: "plans of
// 10^4-10^5 spaces: time grows with the square, mostly in safe_routing").
// The plan: bench::syntheticPlan's wings (a corridor, 8 bedrooms with
// bathrooms, living room, kitchen, quiet room; 20 spaces each), joined by one
// hall along their heads, so that every search crosses the whole building.
//
//  - BM_WaysOut: "two independent ways out" for every space and every
//    bedroom's start (the bedroom and the spaces its doors open onto), from
//    the block-cut tree (WaysOut) against the former maximum flow per query
//    (WaysOutByFlow, the reference) on the same graph: both answers and the
//    cut are compared, the ratio printed.
//  - BM_DeadCorners: "is this corner on a dead space and on no live one" for
//    every vertex of every space (bathrooms dead), R-tree against the former
//    loop over every space (the reference); answers compared, ratio printed.
//  - BM_WalkNetwork: the walking network's sight tests only between nodes in
//    the same piece of a storey's free space (WalkNetwork::Pairs::SamePiece,
//    what the rule uses) against every pair (Pairs::All, the former
//    construction, the reference) on the same nodes: every space's inner
//    point and every walkable opening. Edges and the distances from the
//    openings to every node must be the same to the bit; the ratio is
//    printed. On the ten sample plans (Arg 0: many are apartments or units
//    whose only doors lead outside, each its own piece) and on the wings
//    joined by one hall (one piece: no gain there, the ratio says so).
//    Pairs::SamePiece also tests the wall that hid the last node first,
//    answers in place the walls whose answer is plain without dividing
//    (both ends clearly on one side, an end on the line with the start
//    clearly off, a clear crossing beyond the segment or between its
//    ends), passes there the walls at corner nodes' own vertices, and walks the line's cells only as far as a blocking wall. Each
//    way goes first in turn.
//    CPU time of the thread, per iteration (20 on the sample plans).
//  - BM_SafeRoutingRule: the whole rule as `vgscan check` runs it, at growing
//    sizes: time per space shows what still grows faster than the plan (the
//    walking network's visibility test over every pair of a storey's nodes).
//  - BM_SafeRoutingSample: the whole rule as `vgscan check` runs it on the
//    ten sample plans (the plans a portfolio scan meets), CPU per plan, for
//    scale: where the rule's time goes on real plans (perf record on it).
#include "CpuClock.h"
#include "PlanDump.h"
#include "SamplePlans.h"
#include "SyntheticPlan.h"

#include "WalkNetwork.h"
#include "tests/PlanPoints.h"
#include "WaysOut.h"
#include "io/PlanReader.h"
#include "derive/BuildingGraph.h"
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"

#include <benchmark/benchmark.h>

#include <boost/geometry.hpp>
#include <boost/geometry/algorithms/point_on_surface.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <vector>

using namespace vgscan;
namespace bgi = boost::geometry::index;

namespace {

FloorPlan connectedPlan(int wings) {
    FloorPlan p = bench::syntheticPlan(wings);
    Space hall;
    hall.id = "hall";
    hall.use = SpaceUse::Hall;
    const double x1 = 30.0 * wings;
    hall.shape.outer() = {{0, 30.1}, {x1, 30.1}, {x1, 33}, {0, 33}, {0, 30.1}};
    bg::correct(hall.shape);
    hall.area = bg::area(hall.shape);
    p.spaces.push_back(hall);
    auto door = [&](const std::string& id, const std::string& from, const std::string& to, Point a, Point b) {
        Opening o;
        o.id = id;
        o.from = from;
        o.to = to;
        o.line = {a, b};
        o.width = bg::length(o.line);
        o.position = Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
        p.openings.push_back(o);
    };
    for (int w = 0; w < wings; ++w) {
        const double ox = 30.0 * w;
        const std::string g = "g" + std::to_string(w);
        door(g + "_dhall", g + "_corridor", "hall", Point(ox + 10.5, 30.05), Point(ox + 11.5, 30.05));
    }
    door("hall_west", "hall", "outside", Point(-0.05, 31), Point(-0.05, 32));
    door("hall_east", "hall", "outside", Point(x1 + 0.05, 31), Point(x1 + 0.05, 32));
    return p;
}

// The rule's space-opening graph (SafeRoutingRule's Topology): spaces,
// then the outside, then one node per walkable opening.
struct Topology {
    std::vector<std::vector<int>> adj;
    int spaces = 0, outside = 0;
    std::vector<std::vector<int>> starts;  // every query: {space}, then each bedroom's start set

    explicit Topology(const FloorPlan& plan) {
        std::map<std::string, int> index;
        spaces = static_cast<int>(plan.spaces.size());
        for (int i = 0; i < spaces; ++i) index[plan.spaces[i].id] = i;
        outside = spaces;
        adj.resize(spaces + 1);
        std::vector<std::set<int>> openTo(spaces);
        for (const auto& o : plan.openings) {
            if (!o.walkable()) continue;
            const int a = o.from == kOutside ? outside : index.at(o.from);
            const int b = o.to == kOutside ? outside : index.at(o.to);
            const int m = static_cast<int>(adj.size());
            adj.push_back({a, b});
            adj[a].push_back(m);
            adj[b].push_back(m);
            if (a < spaces && b < spaces) {
                openTo[a].insert(b);
                openTo[b].insert(a);
            }
        }
        for (int s = 0; s < spaces; ++s) starts.push_back({s});
        auto sanitary = [](SpaceUse u) { return u == SpaceUse::Bathroom || u == SpaceUse::Wc || u == SpaceUse::Shower; };
        for (int s = 0; s < spaces; ++s) {
            if (plan.spaces[s].use != SpaceUse::Bedroom) continue;
            std::vector<int> start{s};
            for (int nb : openTo[s])
                if (!sanitary(plan.spaces[nb].use)) start.push_back(nb);
            std::sort(start.begin(), start.end());
            starts.push_back(start);
        }
    }
};

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void BM_WaysOut(benchmark::State& state) {
    const FloorPlan plan = connectedPlan(static_cast<int>(state.range(0)));
    const Topology topo(plan);
    std::vector<int> ways(topo.starts.size()), cuts(topo.starts.size()), refWays(ways), refCuts(cuts);
    double fast = 0, ref = 0;
    for (auto _ : state) {
        auto t0 = std::chrono::steady_clock::now();
        const routing::WaysOut w(topo.adj, topo.outside);
        for (std::size_t q = 0; q < topo.starts.size(); ++q) ways[q] = w.ways(topo.starts[q], &cuts[q]);
        fast = secondsSince(t0);
        state.SetIterationTime(fast);
        t0 = std::chrono::steady_clock::now();
        const routing::WaysOutByFlow f(topo.adj, topo.outside, topo.spaces);
        for (std::size_t q = 0; q < topo.starts.size(); ++q) refWays[q] = f.ways(topo.starts[q], &refCuts[q]);
        ref = secondsSince(t0);
    }
    int mismatches = 0, one = 0;
    for (std::size_t q = 0; q < ways.size(); ++q) {
        one += ways[q] == 1;
        if (ways[q] != refWays[q] || (ways[q] == 1 && cuts[q] != refCuts[q])) {
            if (mismatches++ < 5)
                std::cerr << "query " << q << ": ways " << ways[q] << " (cut " << cuts[q] << "), reference "
                          << refWays[q] << " (cut " << refCuts[q] << ")\n";
        }
    }
    state.counters["spaces"] = static_cast<double>(topo.spaces);
    state.counters["queries"] = static_cast<double>(ways.size());
    state.counters["one_way_out"] = one;
    state.counters["new_s"] = fast;
    state.counters["ref_s"] = ref;
    state.counters["ref_over_new"] = ref / fast;
    state.counters["mismatches"] = mismatches;
    if (mismatches > 0) state.SkipWithError("WaysOut and the maximum flow disagree");
}
BENCHMARK(BM_WaysOut)->Arg(50)->Arg(200)->Arg(500)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

void BM_DeadCorners(benchmark::State& state) {
    const FloorPlan plan = connectedPlan(static_cast<int>(state.range(0)));
    using ShapeBox = std::pair<Box, const Polygon*>;
    std::vector<ShapeBox> dead, live;
    std::vector<Point> corners;
    for (const auto& sp : plan.spaces) {
        Box b;
        bg::envelope(sp.shape, b);
        b.min_corner() = Point(b.min_corner().x() - 1e-6, b.min_corner().y() - 1e-6);
        b.max_corner() = Point(b.max_corner().x() + 1e-6, b.max_corner().y() + 1e-6);
        (sp.use == SpaceUse::Bathroom ? dead : live).push_back({b, &sp.shape});
        corners.insert(corners.end(), sp.shape.outer().begin(), sp.shape.outer().end());
    }
    // The reference: SafeRoutingRule's former test, every space in turn.
    auto nearByLoop = [](const std::vector<ShapeBox>& shapes, const Point& p) {
        for (const auto& [box, poly] : shapes)
            if (bg::covered_by(p, box) && bg::distance(p, *poly) <= 1e-6) return true;
        return false;
    };
    using ShapeTree = bgi::rtree<ShapeBox, bgi::quadratic<16>>;
    auto nearByTree = [](const ShapeTree& shapes, const Point& p) {
        for (auto it = shapes.qbegin(bgi::intersects(p)); it != shapes.qend(); ++it)
            if (bg::distance(p, *it->second) <= 1e-6) return true;
        return false;
    };
    std::vector<char> fastDrop(corners.size()), refDrop(corners.size());
    double fast = 0, ref = 0;
    for (auto _ : state) {
        auto t0 = std::chrono::steady_clock::now();
        const ShapeTree deadTree(dead), liveTree(live);
        for (std::size_t i = 0; i < corners.size(); ++i)
            fastDrop[i] = nearByTree(deadTree, corners[i]) && !nearByTree(liveTree, corners[i]);
        fast = secondsSince(t0);
        state.SetIterationTime(fast);
        t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < corners.size(); ++i)
            refDrop[i] = nearByLoop(dead, corners[i]) && !nearByLoop(live, corners[i]);
        ref = secondsSince(t0);
    }
    const auto mismatches = std::inner_product(fastDrop.begin(), fastDrop.end(), refDrop.begin(), 0, std::plus<>(),
                                               [](char a, char b) { return a != b ? 1 : 0; });
    state.counters["spaces"] = static_cast<double>(plan.spaces.size());
    state.counters["corners"] = static_cast<double>(corners.size());
    state.counters["dropped"] = static_cast<double>(std::count(fastDrop.begin(), fastDrop.end(), 1));
    state.counters["new_s"] = fast;
    state.counters["ref_s"] = ref;
    state.counters["ref_over_new"] = ref / fast;
    state.counters["mismatches"] = mismatches;
    if (mismatches > 0) state.SkipWithError("R-tree and loop disagree");
}
BENCHMARK(BM_DeadCorners)->Arg(50)->Arg(500)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// The nodes of BM_WalkNetwork on one plan, built with the given pairs.
struct Network {
    routing::WalkNetwork net;
    std::vector<int> sources;
    Network(const FloorPlan& plan, const BuildingGraph& g, routing::WalkNetwork::Pairs pairs) {
        sources = routing::addPlanPoints(net, plan, g);
        net.build(pairs);
    }
};

// The sample plans, read (bench::samplePlanPaths' order).
std::vector<FloorPlan> samplePlans() {
    std::vector<FloorPlan> plans;
    for (const auto& path : bench::samplePlanPaths()) {
        std::vector<InputIssue> issues;
        plans.push_back(readPlan(path, issues));
    }
    return plans;
}

void BM_WalkNetwork(benchmark::State& state) {
    std::vector<FloorPlan> plans;
    if (state.range(0) == 0) {
        plans = samplePlans();
        std::sort(plans.begin(), plans.end(), [](const FloorPlan& a, const FloorPlan& b) {
            return a.spaces.size() < b.spaces.size();
        });
    } else {
        plans.push_back(connectedPlan(static_cast<int>(state.range(0))));
    }
    std::vector<std::unique_ptr<BuildingGraph>> graphs;
    for (const auto& p : plans) graphs.push_back(std::make_unique<BuildingGraph>(p));
    for (const auto& g : graphs)
        for (int storey : g->plan().storeys()) g->freeSpace(storey);  // made once, not timed
    // CPU time of this thread (the machine is shared), summed over the iterations.
    double fast = 0, ref = 0;
    std::size_t edges = 0, nodes = 0, mismatches = 0, spaces = 0;
    for (auto _ : state) {
        const double fastBefore = fast;
        edges = nodes = spaces = 0;
        for (std::size_t k = 0; k < plans.size(); ++k) {
            std::unique_ptr<Network> restrictedNet, allNet;
            auto timed = [&](std::unique_ptr<Network>& out, routing::WalkNetwork::Pairs pairs) {
                const double t0 = bench::threadCpuSeconds();
                out = std::make_unique<Network>(plans[k], *graphs[k], pairs);
                return bench::threadCpuSeconds() - t0;
            };
            // Each way first in turn, plan by plan and iteration by iteration.
            if ((k + static_cast<std::size_t>(state.iterations())) % 2 == 0) {
                fast += timed(restrictedNet, routing::WalkNetwork::Pairs::SamePiece);
                ref += timed(allNet, routing::WalkNetwork::Pairs::All);
            } else {
                ref += timed(allNet, routing::WalkNetwork::Pairs::All);
                fast += timed(restrictedNet, routing::WalkNetwork::Pairs::SamePiece);
            }
            const Network& restricted = *restrictedNet;
            const Network& all = *allNet;
            const auto a = restricted.net.shortestFrom(restricted.sources), b = all.net.shortestFrom(all.sources);
            const bool same = restricted.net.edgeCount() == all.net.edgeCount() && a.dist.size() == b.dist.size() &&
                              std::memcmp(a.dist.data(), b.dist.data(), a.dist.size() * sizeof(double)) == 0 &&
                              a.prev == b.prev;
            if (!same) {
                ++mismatches;
                std::cerr << "plan " << plans[k].name << ": edges " << restricted.net.edgeCount() << ", reference "
                          << all.net.edgeCount() << "\n";
            }
            edges += all.net.edgeCount();
            nodes += all.net.nodeCount();
            spaces += plans[k].spaces.size();
        }
        state.SetIterationTime(fast - fastBefore);
    }
    const double n = static_cast<double>(state.iterations());
    state.counters["plans"] = static_cast<double>(plans.size());
    state.counters["spaces"] = static_cast<double>(spaces);
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["edges"] = static_cast<double>(edges);
    state.counters["new_cpu_s"] = fast / n;  // per iteration
    state.counters["ref_cpu_s"] = ref / n;
    state.counters["ref_over_new"] = ref / fast;
    state.counters["mismatches"] = static_cast<double>(mismatches);
    if (mismatches > 0) state.SkipWithError("the restricted network and every pair disagree");
}
BENCHMARK(BM_WalkNetwork)->Arg(0)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);
BENCHMARK(BM_WalkNetwork)->Arg(25)->Arg(50)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

// The storeys' free space (BuildingGraph::freeSpace: spaces and doorway
// strips, halves merged pairwise) with halves whose boxes are apart put side
// by side (Union::SkipApart; freeSpace now uses SkipPolygonsApart, measured
// against this one in bench_building_graph) against an overlay of every pair
// (Union::EveryPair, the former way, the reference), in turn on the same
// plans: the polygons must be the same to the bit; the CPU ratio is printed.
// Arg 0: the ten sample plans; else the wings joined by one hall.
void BM_FreeSpace(benchmark::State& state) {
    std::vector<FloorPlan> plans;
    if (state.range(0) == 0) {
        plans = samplePlans();
    } else {
        plans.push_back(connectedPlan(static_cast<int>(state.range(0))));
    }
    std::vector<std::unique_ptr<BuildingGraph>> graphs;
    for (const auto& p : plans) graphs.push_back(std::make_unique<BuildingGraph>(p));
    double fast = 0, ref = 0;
    std::size_t storeys = 0, polygons = 0, mismatches = 0;
    for (auto _ : state) {
        const double before = fast;
        storeys = polygons = 0;
        for (const auto& g : graphs)
            for (int storey : g->plan().storeys()) {
                double t0 = bench::threadCpuSeconds();
                const MultiPolygon a = g->makeFreeSpace(storey, BuildingGraph::Union::SkipApart);
                fast += bench::threadCpuSeconds() - t0;
                t0 = bench::threadCpuSeconds();
                const MultiPolygon b = g->makeFreeSpace(storey, BuildingGraph::Union::EveryPair);
                ref += bench::threadCpuSeconds() - t0;
                if (!test::sameBits(a, b)) {
                    ++mismatches;
                    std::cerr << "plan " << g->plan().name << " storey " << storey << ": the free spaces differ\n";
                }
                ++storeys;
                polygons += b.size();
            }
        state.SetIterationTime(fast - before);
    }
    state.counters["storeys"] = static_cast<double>(storeys);
    state.counters["polygons"] = static_cast<double>(polygons);
    bench::twoWayCounters(state, "new_cpu_ms", fast, "ref_cpu_ms", ref, "ref_over_new", 1e3, mismatches,
                          "side by side and the overlay of every pair disagree");
}
BENCHMARK(BM_FreeSpace)->Arg(0)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);
BENCHMARK(BM_FreeSpace)->Arg(25)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

struct OneRule {
    RuleRegistry registry;
    RuleSet ruleset;
    OneRule() {
        registry.loadDirectory(VGSCAN_BENCH_PLUGIN_DIR);
        ruleset = loadRuleSet(VGSCAN_BENCH_SOURCE_DIR "/rulesets/vg7.json");
        std::erase_if(ruleset.rules, [](const RuleEntry& e) { return e.rule != "safe_routing"; });
        ruleset.verdicts.clear();
    }
};

void BM_SafeRoutingRule(benchmark::State& state) {
    static OneRule fixture;
    const FloorPlan plan = connectedPlan(static_cast<int>(state.range(0)));
    const Engine engine(fixture.registry, fixture.ruleset);
    double secs = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        BuildingAssessment a = engine.check(plan);
        benchmark::DoNotOptimize(a);
        secs = secondsSince(t0);
    }
    state.counters["spaces"] = static_cast<double>(plan.spaces.size());
    state.counters["ms_per_100_spaces"] = secs * 1000.0 * 100.0 / static_cast<double>(plan.spaces.size());
}
BENCHMARK(BM_SafeRoutingRule)->Arg(25)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond)->Iterations(1);

// The whole rule as `vgscan check` runs it on the ten sample plans (the
// plans a portfolio scan meets): CPU time of the thread per pass.
void BM_SafeRoutingSample(benchmark::State& state) {
    static OneRule fixture;
    const std::vector<FloorPlan> plans = samplePlans();
    const Engine engine(fixture.registry, fixture.ruleset);
    double cpu = 0;
    for (auto _ : state) {
        const double t0 = bench::threadCpuSeconds();
        for (const FloorPlan& plan : plans) {
            BuildingAssessment a = engine.check(plan);
            benchmark::DoNotOptimize(a);
        }
        const double t = bench::threadCpuSeconds() - t0;
        cpu += t;
        state.SetIterationTime(t);
    }
    state.counters["plans"] = static_cast<double>(plans.size());
    state.counters["cpu_ms_per_plan"] = 1000.0 * cpu / static_cast<double>(state.iterations()) / static_cast<double>(plans.size());
}
BENCHMARK(BM_SafeRoutingSample)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);

}  // namespace

BENCHMARK_MAIN();
