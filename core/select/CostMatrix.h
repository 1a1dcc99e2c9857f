#pragma once
// Cost matrices for regional selection from long-form CSV: one row per
// candidate-demand pair (as exported by network tools, spopt's test data,
// a GIS origin-destination matrix). Errors name file, line and column.
#include <stdexcept>
#include <string>
#include <vector>

namespace vgscan::select {

struct CostInputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CostColumns {
    std::string from;    // candidate id column
    std::string to;      // demand id column
    std::string cost;    // cost column (distance, minutes, ...)
    // Demand weight: a column of the costs file, or a second file with id and
    // weight columns; neither = every demand point weighs 1.
    std::string weight;
    std::string weightsFile, weightsIdColumn, weightsColumn;
};

struct CostTable {
    std::vector<std::string> candidates;  // in order of first appearance
    std::vector<std::string> demand;      // in order of first appearance
    std::vector<float> cost;              // candidates x demand, row-major
    std::vector<double> weight;           // per demand point
    // Rows of a --weights file whose demand point has no costs: left out of
    // the problem, and counted so that the clients left out can be told.
    std::size_t weightedWithoutCosts = 0;  // such rows with a weight > 0
    double weightWithoutCosts = 0;         // their weights summed
    std::string firstWithoutCosts;         // the first of them ("id (line N)")
};

// Throws CostInputError: missing file, empty file, unknown column, a cell
// that is not a number, negative cost or weight, a pair given twice, a
// candidate without a cost for some demand point, a demand point without weight.
CostTable readCostTable(const std::string& path, const CostColumns& columns);

// Candidate-candidate distances (long form, from/to/distance columns) for the
// min-separation constraint; a pair may be given in either direction.
std::vector<float> readSeparation(const std::string& path, const std::string& fromColumn,
                                  const std::string& toColumn, const std::string& distanceColumn,
                                  const std::vector<std::string>& candidates);

// When candidates are themselves demand points (same ids), their mutual
// costs serve as separation distances; empty when some candidate is not a
// demand point.
std::vector<float> separationFromCosts(const CostTable& table);

}  // namespace vgscan::select
