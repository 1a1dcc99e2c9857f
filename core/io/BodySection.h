#pragma once
// The floor outline of a 3D body given as planar faces (a Brep, a face-based
// surface model, a tessellated face set): the horizontal section of the body a
// little above its lowest point, as closed rings in plan. Used for IFC spaces
// whose bodies are not extrusions.
#include <array>
#include <string>
#include <vector>

namespace vgscan::section {

using Point3 = std::array<double, 3>;
// One planar face: its loops (outer and inner bounds alike, any orientation).
using Face = std::vector<std::vector<Point3>>;
using Ring2 = std::vector<std::array<double, 2>>;

// One outline with its holes (outer first), in plan.
struct Outline {
    Ring2 outer;
    std::vector<Ring2> holes;
};

// Cuts the faces with the plane z = zmin + lift, where zmin is the lowest
// vertex and lift is min(`lift`, half the body's height); the cut segments are
// chained into rings (ends within `tolerance` join) and nested: a ring inside
// an odd number of others is a hole. Throws std::runtime_error naming the
// problem when the cut does not close into rings (an open body).
std::vector<Outline> sectionNearBottom(const std::vector<Face>& faces, double lift, double tolerance);

}  // namespace vgscan::section
