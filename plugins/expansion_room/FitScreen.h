#pragma once
// expansion_room's screens in doubles (no CGAL): does a disc, or a turned
// rectangle, fit somewhere in a free piece? A branch and bound over square
// cells (the idea of Mapbox's polylabel) proves "fits nowhere" (No), "fits
// with room to spare" (Yes) or leaves it to the exact geometry (Maybe).
// Separate from ExpansionRoomRule.cpp so that the test and bench_expansion_room
// can compare the screen with the former one (Screen::Every, the reference).
#include <cstddef>
#include <vector>

namespace vgscan::expansion {

struct V {
    double x, y;
};
inline V operator+(V a, V b) { return {a.x + b.x, a.y + b.y}; }
inline V operator-(V a, V b) { return {a.x - b.x, a.y - b.y}; }
inline V operator*(double s, V a) { return {s * a.x, s * a.y}; }

// A free piece: its outer ring, then its holes (each ring's corners in order,
// not closed: the last corner joins the first).
using Rings = std::vector<std::vector<V>>;

// What a search in doubles proved about a piece: nothing fits (No), something
// fits with room to spare (Yes), or too close or too long to tell (Maybe).
enum class Proof { No, Yes, Maybe };

// How a cell centre's distance to the boundary is found: every segment's
// distance computed (Every: the former screen, kept as the reference), or
// segments whose bounding box is already no nearer than the nearest so far
// passed over (Pruned). Both give the same distance to the bit (a passed
// segment's distance cannot be below the minimum), so the same answers.
enum class Screen { Pruned, Every };

// The L-infinity distance from the origin to the segment a-b.
double chebyshevToSegment(V a, V b);

// Does a disc of radius r fit in the piece (Euclidean distance)?
Proof discFits(const Rings& piece, double r, Screen screen = Screen::Pruned);

// Does the rectangle of half sides hu along u and hv along v (unit,
// perpendicular) fit in the piece?
Proof rectangleFits(const Rings& piece, V u, V v, double hu, double hv, Screen screen = Screen::Pruned);

// Can two discs of radius r whose centres are `separation` apart both lie
// in the piece? No when every point at least r from the boundary lies in a
// box whose diagonal is shorter than `separation` (less a margin); Maybe
// otherwise. A module w x d (d >= w) at any orientation holds the discs of
// radius w / 2 at d - w apart along its length, so No proves that it fits
// at no orientation.
Proof discPairFits(const Rings& piece, double r, double separation, Screen screen = Screen::Pruned);

// The signed distance (negative outside) from p to the piece's boundary
// that the screens use, in the rectangle's frame (u, v, hu, hv) or, with
// hu = 0, the Euclidean one in the piece's own coordinates; for the test.
double screenDistance(const Rings& piece, V p, V u, V v, double hu, double hv, Screen screen);

// Segment distances computed by the screens in this thread so far (for the
// test and the benchmark).
std::size_t segmentDistancesComputed();

}  // namespace vgscan::expansion
