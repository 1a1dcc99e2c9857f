#include "SyntheticPlan.h"

#include <boost/geometry.hpp>

#include <string>

namespace vgscan::bench {

namespace {

Space rect(const std::string& id, SpaceUse use, double x0, double y0, double x1, double y1, const std::string& group) {
    Space s;
    s.id = id;
    s.use = use;
    s.group = group;
    s.shape.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    bg::correct(s.shape);
    s.area = bg::area(s.shape);
    return s;
}

Opening door(const std::string& id, const std::string& from, const std::string& to, double x0, double y0, double x1,
             double y1) {
    Opening o;
    o.id = id;
    o.from = from;
    o.to = to;
    o.line = {{x0, y0}, {x1, y1}};
    o.width = bg::length(o.line);
    o.position = Point((x0 + x1) / 2, (y0 + y1) / 2);
    return o;
}

}  // namespace

FloorPlan syntheticPlan(int wings) {
    FloorPlan p;
    p.name = "synthetic_" + std::to_string(wings);
    p.source = "(synthetic)";
    for (int w = 0; w < wings; ++w) {
        const double ox = 30.0 * w;
        const std::string g = "g" + std::to_string(w);
        auto id = [&](const std::string& s) { return g + "_" + s; };
        p.spaces.push_back(rect(id("corridor"), SpaceUse::Corridor, ox + 10, 0, ox + 12, 30, g));
        for (int k = 0; k < 4; ++k) {
            const double y = 4.1 * k;
            for (int side = 0; side < 2; ++side) {
                std::string b = id("bed" + std::to_string(2 * k + side));
                std::string t = id("bath" + std::to_string(2 * k + side));
                if (side == 0) {
                    p.spaces.push_back(rect(b, SpaceUse::Bedroom, ox + 5.9, y, ox + 9.9, y + 4, g));
                    p.spaces.push_back(rect(t, SpaceUse::Bathroom, ox + 3.6, y, ox + 5.8, y + 4, g));
                    p.openings.push_back(door(id("d" + b), id("corridor"), b, ox + 9.95, y + 1.5, ox + 9.95, y + 2.45));
                    p.openings.push_back(door(id("d" + t), b, t, ox + 5.85, y + 1.0, ox + 5.85, y + 1.9));
                } else {
                    p.spaces.push_back(rect(b, SpaceUse::Bedroom, ox + 12.1, y, ox + 16.1, y + 4, g));
                    p.spaces.push_back(rect(t, SpaceUse::Bathroom, ox + 16.2, y, ox + 18.4, y + 4, g));
                    p.openings.push_back(door(id("d" + b), id("corridor"), b, ox + 12.05, y + 1.5, ox + 12.05, y + 2.45));
                    p.openings.push_back(door(id("d" + t), b, t, ox + 16.15, y + 1.0, ox + 16.15, y + 1.9));
                }
            }
        }
        p.spaces.push_back(rect(id("living"), SpaceUse::Living, ox + 3.6, 20, ox + 9.9, 28, g));
        p.spaces.push_back(rect(id("kitchen"), SpaceUse::Kitchen, ox + 12.1, 20, ox + 18.4, 26, g));
        p.spaces.push_back(rect(id("quiet"), SpaceUse::Quiet, ox + 12.1, 26.1, ox + 16.1, 29.1, g));
        p.openings.push_back(door(id("dliving"), id("corridor"), id("living"), ox + 9.95, 23, ox + 9.95, 24.2));
        p.openings.push_back(door(id("dkitchen"), id("corridor"), id("kitchen"), ox + 12.05, 22, ox + 12.05, 23.2));
        p.openings.push_back(door(id("dquiet"), id("corridor"), id("quiet"), ox + 12.05, 27, ox + 12.05, 27.9));
        p.openings.push_back(door(id("dexit"), id("corridor"), "outside", ox + 10.5, -0.15, ox + 11.5, -0.15));
        p.openings.push_back(door(id("dgarden"), id("living"), "outside", ox + 3.45, 22, ox + 3.45, 23));
        StaffPost post;
        post.id = id("post");
        post.group = g;
        post.position = Point(ox + 8, 24);
        p.staffPosts.push_back(post);
    }
    return p;
}

}  // namespace vgscan::bench
