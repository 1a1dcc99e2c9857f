#pragma once
// Every figure of a read plan and its warnings as text, doubles to the bit
// (hexfloat): two readings of a plan are the same when their dumps are
// (tests/test_model_io.cpp, bench/bench_plan_read.cpp).
#include "io/PlanReader.h"

#include <sstream>
#include <string>
#include <vector>

namespace vgscan::test {

inline std::string dumpPlan(const FloorPlan& p, const std::vector<InputIssue>& warnings) {
    std::ostringstream o;
    o << std::hexfloat;
    auto pt = [&](const Point& q) { o << q.x() << ',' << q.y() << ' '; };
    o << p.source << '|' << p.name << '|' << p.localMetres << '|' << p.crsWkt << '\n';
    for (const auto& s : p.spaces) {
        o << "S " << s.id << '|' << static_cast<int>(s.use) << '|' << s.storey << '|' << s.group << '|' << s.name << '|'
          << s.shaft << '|' << s.area << '|';
        for (const auto& q : s.shape.outer()) pt(q);
        for (const auto& ring : s.shape.inners()) {
            o << "| ";
            for (const auto& q : ring) pt(q);
        }
        o << '\n';
    }
    for (const auto& d : p.openings) {
        o << "O " << d.id << '|' << static_cast<int>(d.kind) << '|' << d.from << '|' << d.to << '|' << d.storey << '|'
          << d.width << '|';
        pt(d.position);
        for (const auto& q : d.line) pt(q);
        o << '\n';
    }
    for (const auto& s : p.staffPosts) {
        o << "P " << s.id << '|' << s.storey << '|' << s.group << '|';
        pt(s.position);
        o << '\n';
    }
    for (const auto& w : warnings) o << "W " << w.str() << '\n';
    return o.str();
}

}  // namespace vgscan::test
