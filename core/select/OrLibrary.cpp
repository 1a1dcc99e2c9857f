#include "select/OrLibrary.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

namespace vgscan::select {

namespace {

[[noreturn]] void fail(const std::string& path, int line, const std::string& what) {
    throw CostInputError(path + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + what);
}

}  // namespace

Problem readOrLibraryPMedian(const std::string& path) {
    std::ifstream in(path);
    if (!in) fail(path, 0, "cannot open the OR-Library file");
    std::string text;
    int lineNo = 0;
    long long n = 0, edges = 0, p = 0;
    while (std::getline(in, text)) {
        ++lineNo;
        std::istringstream s(text);
        if (s >> n) {
            if (!(s >> edges >> p)) fail(path, lineNo, "the header must be 'nodes edges p'");
            break;
        }
    }
    if (n <= 0) fail(path, lineNo, "no header 'nodes edges p' with nodes > 0");
    if (n > 20000) fail(path, lineNo, std::to_string(n) + " nodes: too many for the all-pairs shortest paths");
    if (p < 1 || p > n) fail(path, lineNo, "p = " + std::to_string(p) + " is not within 1.." + std::to_string(n));
    const std::size_t N = static_cast<std::size_t>(n);
    // Shortest paths in double: OR-Library costs are integers far below 2^53.
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::vector<double> d(N * N, inf);
    for (std::size_t i = 0; i < N; ++i) d[i * N + i] = 0;
    long long read = 0;
    while (read < edges && std::getline(in, text)) {
        ++lineNo;
        std::istringstream s(text);
        long long a = 0, b = 0;
        double c = 0;
        if (!(s >> a)) continue;  // blank line
        if (!(s >> b >> c)) fail(path, lineNo, "an edge must be 'node node cost'");
        if (a < 1 || a > n || b < 1 || b > n)
            fail(path, lineNo, "edge " + std::to_string(a) + "-" + std::to_string(b) + ": node outside 1.." +
                                   std::to_string(n));
        if (!(c >= 0) || !std::isfinite(c)) fail(path, lineNo, "edge cost must be a finite number >= 0");
        if (a != b) {
            // The last listing of an edge counts, as in Beasley's own reader.
            d[(a - 1) * N + (b - 1)] = c;
            d[(b - 1) * N + (a - 1)] = c;
        }
        ++read;
    }
    if (read < edges)
        fail(path, lineNo, "the header announces " + std::to_string(edges) + " edges, the file has " +
                               std::to_string(read));
    for (std::size_t k = 0; k < N; ++k) {
        const double* dk = &d[k * N];
        for (std::size_t i = 0; i < N; ++i) {
            const double dik = d[i * N + k];
            if (dik == inf) continue;
            double* di = &d[i * N];
            for (std::size_t j = 0; j < N; ++j) di[j] = std::min(di[j], dik + dk[j]);
        }
    }
    Problem problem;
    problem.k = static_cast<int>(p);
    problem.runnersUp = 0;
    problem.cost.resize(N * N);
    for (std::size_t i = 0; i < N * N; ++i) {
        if (d[i] == inf)
            fail(path, 0, "the graph is not connected: no path from node " + std::to_string(i / N + 1) +
                              " to node " + std::to_string(i % N + 1));
        problem.cost[i] = static_cast<float>(d[i]);
    }
    for (std::size_t i = 0; i < N; ++i) {
        problem.candidates.push_back(std::to_string(i + 1));
        problem.demand.push_back(std::to_string(i + 1));
    }
    problem.weight.assign(N, 1.0);
    return problem;
}

std::map<std::string, double> readOrLibraryOptima(const std::string& path) {
    std::ifstream in(path);
    if (!in) fail(path, 0, "cannot open the OR-Library optima file");
    std::map<std::string, double> optima;
    std::string text;
    int lineNo = 0;
    while (std::getline(in, text)) {
        ++lineNo;
        std::istringstream s(text);
        std::string name, value;
        if (!(s >> name >> value)) continue;
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || *end != '\0') {
            if (lineNo == 1) continue;  // "Data file   Optimal solution value"
            fail(path, lineNo, "'" + value + "' is not a number");
        }
        optima[name] = v;
    }
    return optima;
}

}  // namespace vgscan::select
