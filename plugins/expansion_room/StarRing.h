#pragma once
// A sufficient test, exact, that a ring is simple, without CGAL's sweep
// (Polygon_2::is_simple sorts the vertices and keeps a tree of the edges:
// most of the cost of a grown footprint, the rule's most frequent ring).
// Every edge turns the same way, strictly, about a point c, and the ring
// winds round c once: then the edges sweep angles about c that follow one
// another round the circle without overlap, so no two edges share a point
// but adjacent ones at their common vertex (the ring is star-shaped from c).
// The turns are exact predicates (CGAL::orientation); the winding counts the
// edges that cross the horizontal ray from c, by comparing coordinates: an
// edge that turns left about c crosses the line y = c.y upward only right
// of c, one that turns right crosses it downward only right of c. Anything
// else (a turn the other way or none, a ring that winds twice) answers
// nothing, and the caller asks is_simple().
#include <CGAL/Exact_predicates_exact_constructions_kernel.h>
#include <CGAL/Polygon_2.h>

#include <optional>

namespace vgscan::expansion {

// The ring's orientation when it is simple and star-shaped from (cx, cy)
// as above; nullopt when this test cannot tell.
inline std::optional<CGAL::Orientation> starShapedFrom(const CGAL::Polygon_2<CGAL::Epeck>& ring, double cx, double cy) {
    using Pt = CGAL::Epeck::Point_2;
    const std::size_t n = ring.size();
    if (n < 3) return std::nullopt;
    const Pt c(cx, cy);
    const CGAL::Orientation turn = CGAL::orientation(c, ring[0], ring[1]);
    if (turn == CGAL::COLLINEAR) return std::nullopt;
    int crossings = 0;  // of the ray from c to +x, in the direction of the turn
    for (std::size_t i = 0; i < n; ++i) {
        const Pt& a = ring[i];
        const Pt& b = ring[(i + 1) % n];
        if (i > 0 && CGAL::orientation(c, a, b) != turn) return std::nullopt;
        // Half-open (a below, b on or above; or the reverse), so a vertex on
        // the ray counts once. compare_y: a predicate, no lazy number made.
        const bool aBelow = CGAL::compare_y(a, c) == CGAL::SMALLER, bBelow = CGAL::compare_y(b, c) == CGAL::SMALLER;
        if (turn == CGAL::LEFT_TURN ? (aBelow && !bBelow) : (!aBelow && bBelow)) ++crossings;
    }
    if (crossings != 1) return std::nullopt;
    return turn == CGAL::LEFT_TURN ? CGAL::COUNTERCLOCKWISE : CGAL::CLOCKWISE;
}

}  // namespace vgscan::expansion
