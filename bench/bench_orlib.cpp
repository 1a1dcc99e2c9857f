// The exact p-median (core/select) on the OR-Library set pmed1-pmed40 (Beasley
// 1990) against the published optima (pmedopt.txt): time, value, proven bound,
// gap and value / optimum per instance. A proven optimum that differs from the
// published one is a solver error (exit 1).
//   bench_orlib [--time-limit S] [--data DIR] [--order best|dfs] [pmedN ...]    (default: all 40, 60 s each,
//   best-bound node selection; dfs: depth-first, the search before 2026-12-05)
// The data is read from ../shared/data/orlib beside the checkout (or --data,
// or $VGSCAN_ORLIB); without it the benchmark says so and exits 0.
#include "select/OrLibrary.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace vgscan::select;

int main(int argc, char** argv) {
    double timeLimit = 60;
    std::string dir = std::getenv("VGSCAN_ORLIB") ? std::getenv("VGSCAN_ORLIB") : VGSCAN_BENCH_ORLIB_DIR;
    std::vector<std::string> names;
    Problem::NodeOrder order = Problem::NodeOrder::BestBound;
    for (int a = 1; a < argc; ++a) {
        const std::string arg = argv[a];
        if (arg == "--time-limit" && a + 1 < argc) timeLimit = std::atof(argv[++a]);
        else if (arg == "--data" && a + 1 < argc) dir = argv[++a];
        else if (arg == "--order" && a + 1 < argc) {
            const std::string o = argv[++a];
            if (o != "best" && o != "dfs") return std::fprintf(stderr, "--order must be best or dfs\n"), 2;
            order = o == "dfs" ? Problem::NodeOrder::DepthFirst : Problem::NodeOrder::BestBound;
        }
        else names.push_back(arg);
    }
    if (names.empty())
        for (int i = 1; i <= 40; ++i) names.push_back("pmed" + std::to_string(i));
    const std::filesystem::path root(dir);
    if (!std::filesystem::exists(root / "pmedopt.txt")) {
        std::printf("%s: OR-Library data absent (../shared/data/orlib, --data DIR or VGSCAN_ORLIB): skipped\n",
                    dir.c_str());
        return 0;
    }
    const auto optima = readOrLibraryOptima((root / "pmedopt.txt").string());
    std::printf("time limit %.0f s per instance\n", timeLimit);
    std::printf("%-7s %5s %4s %9s %9s %9s %8s %9s %10s %10s %s\n", "name", "n", "p", "read s", "solve s", "value",
                "optimum", "bound", "gap %", "nodes", "status");
    int proven = 0, wrong = 0, total = 0;
    double totalTime = 0;
    for (const std::string& name : names) {
        const auto t0 = std::chrono::steady_clock::now();
        Problem problem = readOrLibraryPMedian((root / (name + ".txt")).string());
        const auto t1 = std::chrono::steady_clock::now();
        problem.timeLimit = timeLimit;
        problem.nodeOrder = order;
        const Result r = solve(problem);
        const auto t2 = std::chrono::steady_clock::now();
        const double read = std::chrono::duration<double>(t1 - t0).count();
        const double time = std::chrono::duration<double>(t2 - t1).count();
        const auto known = optima.find(name);
        const double optimum = known != optima.end() ? known->second : std::nan("");
        const char* status = "";
        if (r.optimal) {
            ++proven;
            if (known != optima.end() && std::abs(r.value - optimum) > 1e-6) status = "PROVEN VALUE != PUBLISHED", ++wrong;
            else status = "optimal";
        } else {
            status = "time limit";
        }
        ++total;
        totalTime += time;
        std::printf("%-7s %5zu %4d %9.2f %9.2f %9.0f %8.0f %9.1f %10.4f %10lld %s\n", name.c_str(),
                    problem.candidates.size(), problem.k, read, time, r.value, optimum, r.bound, 100 * r.gap, r.nodes,
                    status);
        std::fflush(stdout);
    }
    std::printf("%d of %d proven optimal, %d differ from the published optimum; solve time %.1f s in all\n", proven,
                total, wrong, totalTime);
    return wrong > 0 ? 1 : 0;
}
