#pragma once
// OR-Library p-median instances (Beasley 1990, pmed1-pmed40): the standard
// test set for exact p-median solvers, read into a selection Problem so that
// the benchmark and the real-data tests run the same solver as `vgscan select`.
#include "select/CostMatrix.h"  // CostInputError
#include "select/Selection.h"

#include <map>
#include <string>

namespace vgscan::select {

// First line `n edges p`, then one undirected edge `i j cost` a line (nodes
// 1..n). Every node is a candidate and a client of weight 1; the cost of a
// pair is the shortest path over the graph (Floyd-Warshall, n <= a few
// thousand); an edge listed twice keeps its last listing (Beasley's
// convention). k = p. Throws CostInputError naming file and line: a missing
// file, a header or edge that is not three integers, a node out of 1..n, a
// negative cost, p outside 1..n, fewer edges than announced, a graph that is
// not connected.
Problem readOrLibraryPMedian(const std::string& path);

// pmedopt.txt: a header line, then `name value` a line (pmed1 5819).
std::map<std::string, double> readOrLibraryOptima(const std::string& path);

}  // namespace vgscan::select
