// OR-Library p-median files (core/select/OrLibrary) and the exact solver on
// them: a tiny graph worked out by hand, the reader's errors, and the first
// real instances against their published optima (skipped without ../shared).
#include "select/OrLibrary.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace vgscan::select;

namespace {

std::string writeFile(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("vgscan-orlib-" + name);
    std::ofstream(path) << text;
    return path.string();
}

std::string orlibDir() {
    const char* env = std::getenv("VGSCAN_ORLIB");
    return env ? env : VGSCAN_ORLIB_DIR;
}

}  // namespace

TEST_CASE("An OR-Library graph becomes shortest-path costs and its 2-median is found") {
    // Path 1 -1- 2 -2- 3 -3- 4; edge 3-4 is listed first as 9, then as 3 (the
    // last listing counts). Shortest paths:
    //   from 1: 0 1 3 6    from 2: 1 0 2 5    from 3: 3 2 0 3    from 4: 6 5 3 0
    // p = 2, each node's distance to the nearer median, summed:
    //   {1,2} 0+0+2+5 = 7   {1,3} 0+1+0+3 = 4   {1,4} 0+1+3+0 = 4
    //   {2,3} 1+0+0+3 = 4   {2,4} 1+0+2+0 = 3   {3,4} 3+2+0+0 = 5
    // so {2,4} with 3 is the unique optimum.
    const std::string path = writeFile("path.txt", " 4 4 2\n 1 2 1\n 2 3 2\n 3 4 9\n 4 3 3\n");
    Problem p = readOrLibraryPMedian(path);
    REQUIRE(p.candidates.size() == 4);
    REQUIRE(p.demand.size() == 4);
    CHECK(p.k == 2);
    CHECK(p.cost[0 * 4 + 3] == 6.f);
    CHECK(p.cost[3 * 4 + 1] == 5.f);
    CHECK(p.cost[2 * 4 + 0] == 3.f);
    const Result r = solve(p);
    CHECK(r.optimal);
    CHECK(r.value == 3);
    CHECK(r.chosen == std::vector<int>{1, 3});  // nodes 2 and 4
    CHECK(p.candidates[r.chosen[1]] == "4");
}

TEST_CASE("OR-Library files that cannot be read are refused naming file and line") {
    CHECK_THROWS_WITH(readOrLibraryPMedian(writeFile("range.txt", "3 2 1\n1 2 5\n2 7 1\n")),
                      Catch::Matchers::ContainsSubstring("range.txt:3") &&
                          Catch::Matchers::ContainsSubstring("node outside 1..3"));
    CHECK_THROWS_WITH(readOrLibraryPMedian(writeFile("short.txt", "3 3 1\n1 2 5\n2 3 1\n")),
                      Catch::Matchers::ContainsSubstring("announces 3 edges, the file has 2"));
    CHECK_THROWS_WITH(readOrLibraryPMedian(writeFile("apart.txt", "3 1 1\n1 2 5\n")),
                      Catch::Matchers::ContainsSubstring("not connected"));
    CHECK_THROWS_WITH(readOrLibraryPMedian(writeFile("bigp.txt", "3 2 4\n1 2 5\n2 3 1\n")),
                      Catch::Matchers::ContainsSubstring("p = 4 is not within 1..3"));
    CHECK_THROWS_WITH(readOrLibraryPMedian(writeFile("neg.txt", "2 1 1\n1 2 -5\n")),
                      Catch::Matchers::ContainsSubstring("neg.txt:2"));
    CHECK_THROWS_AS(readOrLibraryPMedian("/nonexistent/pmed1.txt"), CostInputError);
}

TEST_CASE("OR-Library pmed1, pmed2 and pmed6 are solved to their published optima (real data)") {
    const std::filesystem::path dir = orlibDir();
    if (!std::filesystem::exists(dir / "pmedopt.txt"))
        SKIP(dir.string() + " is absent (../shared/data/orlib or VGSCAN_ORLIB): real-data test skipped");
    const auto optima = readOrLibraryOptima((dir / "pmedopt.txt").string());
    CHECK(optima.size() == 40);
    for (const char* name : {"pmed1", "pmed2", "pmed6"}) {
        INFO(name);
        const Result r = solve(readOrLibraryPMedian((dir / (std::string(name) + ".txt")).string()));
        CHECK(r.optimal);
        CHECK(r.value == optima.at(name));
        CHECK(r.bound == r.value);
    }
}
