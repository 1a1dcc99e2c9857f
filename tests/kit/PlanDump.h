#pragma once
// Every figure of a read plan and its warnings as text, doubles to the bit
// (hexfloat): two readings of a plan are the same when their dumps are
// (tests/test_model_io.cpp, bench/bench_plan_read.cpp). And polygons compared
// to the bit, ring by ring (free spaces made two ways: tests/test_derive.cpp,
// bench/bench_building_graph.cpp, bench/bench_safe_routing.cpp).
#include "io/PlanReader.h"

#include <cstring>
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

// The same polygons, rings and vertices in the same order, every coordinate
// the same double.
inline bool sameBits(const MultiPolygon& a, const MultiPolygon& b) {
    auto sameRing = [](const auto& r, const auto& s) {
        return r.size() == s.size() && (r.empty() || std::memcmp(r.data(), s.data(), r.size() * sizeof(Point)) == 0);
    };
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!sameRing(a[i].outer(), b[i].outer()) || a[i].inners().size() != b[i].inners().size()) return false;
        for (std::size_t k = 0; k < a[i].inners().size(); ++k)
            if (!sameRing(a[i].inners()[k], b[i].inners()[k])) return false;
    }
    return true;
}

}  // namespace vgscan::test
