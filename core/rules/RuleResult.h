#pragma once
// What a rule says about one building or site: a status, one headline figure
// and the findings that explain it (object, expected, observed, where).
#include "model/Geometry.h"

#include <optional>
#include <string>
#include <vector>

namespace vgscan {

enum class Status { Pass, Warn, Fail, Unknown, NotApplicable };
const char* toString(Status s);  // pass, warn, fail, unknown, na

struct Finding {
    std::string object;      // id of the space, opening, post, site ...
    std::string objectType;  // "space", "opening", "staff_post", "group", "site", ...
    std::string message;
    std::string expected;
    std::string observed;
    std::optional<Point> location;  // in plan (or portfolio) coordinates
    std::optional<int> storey;
};

// A geometry a rule wants drawn in the report (a visibility polygon, a spot).
struct Shape {
    std::string label;
    std::string object;
    std::optional<int> storey;
    MultiPolygon area;
    LineString line;
    // The line stands for a way it does not follow (a travel distance
    // estimated from the straight line): drawn dashed.
    bool straight = false;
};

// A further named figure beside the headline (e.g. share of bedroom doors seen).
struct Figure {
    std::string name;
    double value = 0.0;
    std::string unit;
};

struct RuleResult {
    Status status = Status::Unknown;
    std::optional<double> value;  // the headline figure
    std::string unit;
    std::string threshold;        // e.g. ">= 100", "<= 21 (warn above 16)"
    std::string summary;          // one line for people
    std::vector<Finding> findings;
    std::vector<Figure> figures;
    std::vector<Shape> shapes;
};

}  // namespace vgscan
