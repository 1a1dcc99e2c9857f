#pragma once
// The regional plan's files (`vgscan plan ... --out DIR`): plan.csv (one row
// per location of the plan and of each runner-up) and plan.html (a
// self-contained page: the needs, a map of the candidate and the chosen
// locations with the demand, the plan, the runners-up, the constraints that
// bind and the method). plan.json is the `--format json` object
// (core/cli/PlanCommand). When the folder holds the scan's report.html, the
// page links it.
#include "model/Geometry.h"
#include "plan/PlanRoutes.h"
#include "plan/RegionalPlan.h"

#include <optional>
#include <string>
#include <vector>

namespace vgscan {

class ContextIndex;

struct PlanReportInput {
    const plan::Problem* problem = nullptr;
    const plan::Result* result = nullptr;
    std::vector<std::vector<Point>> sitesAt;  // per location: its sites' points (the map)
    std::vector<Point> demandAt;              // per demand point
    std::string portfolio;                    // the portfolio file
    std::string scan;                         // where the candidates came from
    std::string costs;                        // how travel was measured
    std::vector<std::string> notes;
    std::string timestamp;                    // empty: runTimestamp()
    bool linkReport = false;                  // report.html is beside plan.html
    bool roadTravel = false;                  // travel measured along the road network
    const plan::PlanRoutes* routes = nullptr; // the map's lines: routes along the roads, straight where estimated
    const ContextIndex* index = nullptr;      // the roads drawn under them (none when null)
};

// Columns: plan (1 the optimum, 2... the runners-up), kind, location, sites
// (+ between), places, weighted_travel and more_than_optimum (of the whole
// plan), then for the optimum only: clients, client_weight, mean_travel_km,
// serves_no_demand (yes/no).
std::string planCsv(const PlanReportInput& in);
std::string planHtml(const PlanReportInput& in);
// The scan's report.html (`report`, its bytes) once a plan was made from
// that scan into its folder: a paragraph naming the plan and linking
// plan.html, put before the report's paragraph on how to make one (id
// "regional-plan"), and a link to it last in the bar at the top; those of
// an earlier plan are replaced. In the
// report's language (its <html lang>). nullopt: no such paragraph (not a
// scan's report), left alone.
std::optional<std::string> reportWithPlan(const std::string& report, const PlanReportInput& in);
// A table of `vgscan plan` and `vgscan select`'s text: each column as wide as
// its widest cell, header included, in shown characters (Reports.h
// shownWidth), never narrower than `minWidth`: a Dutch header or a long cell
// (a cluster of five sites, an id of twenty characters) widens its column
// instead of pushing the ones after it out of line.
struct TextTable {
    struct Column {
        std::string head;
        int minWidth = 0;
        bool right = false;
        std::string before = " ";  // between it and the column before
    };
    struct Row {
        std::vector<std::string> cells;  // one per column
        std::string after;               // written after the last cell ("  [serves no demand]")
    };
    std::vector<Column> columns;
    std::vector<Row> rows;
    // The header line and the rows, each ending in '\n'; a last column on
    // the left is not padded (no trailing blanks).
    std::string str() const;
};

// What `vgscan plan` prints (--format text), in the chosen language; the
// map's fields of `in` are not used.
std::string planText(const PlanReportInput& in);

}  // namespace vgscan
