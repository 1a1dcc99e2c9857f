// Storey views (sight_lines' StoreyView): each way against its former way in
// the same run, alternating, the answers compared bit for bit and the ratio
// of CPU time printed. The storeys: every storey of the 10 sample plans and
// of the 200-space synthetic plan; the posts: the storey's decomposition
// corners and face points (many on walls and corners, as the rule's
// candidates).
#include "CpuClock.h"
#include "SamplePlans.h"
#include "SyntheticPlan.h"

#include "SightView.h"
#include "derive/BuildingGraph.h"
#include "io/PlanReader.h"

#include <benchmark/benchmark.h>
#include <boost/geometry.hpp>

#include <cstring>
#include <iostream>
#include <memory>
#include <set>

using namespace vgscan;
using namespace vgscan::sight;

namespace {

double cpuMs() { return 1e3 * bench::processCpuSeconds(); }

// Two ways timed in turn, which goes first alternating call by call; each
// one's CPU summed.
struct Alternation {
    double now = 0, former = 0;
    int turn = 0;
    template <class Now, class Former>
    void operator()(Now&& runNow, Former&& runFormer) {
        for (int k = 0; k < 2; ++k) {
            const double c0 = cpuMs();
            const bool nowTurn = (k == 0) == (turn % 2 == 0);
            nowTurn ? runNow() : runFormer();
            (nowTurn ? now : former) += cpuMs() - c0;
        }
        ++turn;
    }
};

struct Storeys {
    std::vector<std::unique_ptr<FloorPlan>> plans;
    std::vector<std::unique_ptr<BuildingGraph>> graphs;
    std::vector<std::pair<const MultiPolygon*, std::vector<Point>>> posts;  // free space, its candidates
    size_t count = 0;
};
Storeys storeys() {
    Storeys out;
    out.plans.push_back(std::make_unique<FloorPlan>(bench::syntheticPlan(10)));
    for (const auto& f : bench::samplePlanPaths()) out.plans.push_back(std::make_unique<FloorPlan>(loadPlan(f)));
    for (const auto& p : out.plans) {
        out.graphs.push_back(std::make_unique<BuildingGraph>(*p));
        std::set<int> levels;
        for (const Space& sp : p->spaces) levels.insert(sp.storey);
        for (int s : levels) {
            const MultiPolygon& free = out.graphs.back()->freeSpace(s);
            const Decomposition d = decompose(free, {});
            std::vector<Point> pts = d.vertices;
            pts.insert(pts.end(), d.facePoints.begin(), d.facePoints.end());
            out.count += pts.size();
            out.posts.emplace_back(&free, std::move(pts));
        }
    }
    return out;
}

// The exact views (visibleFrom) of every tenth candidate of every storey,
// the storey built once, against a former way, alternating storey by
// storey and which goes first; the views must be the same bit for bit.
// Where a sight ray meets a wall along x: argument 0, whether Epeck's
// intervals decide told without a throw (intervalsDecide) against CGAL's
// interval code run and its throw caught (CornerCheck::tryIntervals);
// argument 1, the crossing's signs told by exact predicates on doubles and
// one quotient in rationals against all in rationals
// (CornerCheck::formerRationals).
void BM_ExactViews(benchmark::State& state) {
    const Storeys st = storeys();
    const bool rationals = state.range(0) == 1;
    auto run = [&](const StoreyView& view, const std::vector<Point>& pts, bool former, std::vector<Point>& out) {
        (rationals ? cornerCheck().formerRationals : cornerCheck().tryIntervals) = former;
        for (size_t k = 0; k < pts.size(); k += 10) {
            std::string note;
            const std::optional<Polygon> v = view.visibleFrom(pts[k], note);
            out.push_back(Point(v ? static_cast<double>(v->outer().size()) : -1.0, static_cast<double>(note.size())));
            if (v) out.insert(out.end(), v->outer().begin(), v->outer().end());
        }
        cornerCheck().tryIntervals = cornerCheck().formerRationals = false;
    };
    constexpr int kRounds = 2;
    Alternation time;
    size_t views = 0;
    bool same = true;
    for (auto _ : state) {
        time = {};
        views = 0;
        for (int r = 0; r < kRounds; ++r)
            for (const auto& [free, pts] : st.posts) {
                const StoreyView view(*free, {});
                std::vector<Point> a, b;
                time([&] { run(view, pts, false, a); }, [&] { run(view, pts, true, b); });
                views += (pts.size() + 9) / 10;
                same = same && a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(Point)) == 0;
            }
    }
    const double nowCpu = time.now, formerCpu = time.former;
    std::cout << st.posts.size() << " storeys x " << kRounds << " (" << views / kRounds
              << " exact views of candidates): " << (rationals ? "one quotient in rationals " : "told without a throw ") << nowCpu
              << " ms CPU against " << (rationals ? "all in rationals " : "CGAL's code caught ") << formerCpu << " ms CPU: ratio " << formerCpu / nowCpu << "; same views bit for bit: " << (same ? "yes" : "NO")
              << "\n";
    state.counters["now_cpu_ms"] = nowCpu;
    state.counters["former_cpu_ms"] = formerCpu;
    state.counters["ratio"] = formerCpu / nowCpu;
    if (!same) state.SkipWithError("the exact views differ from the former way's");
}

}  // namespace

BENCHMARK(BM_ExactViews)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_MAIN();
