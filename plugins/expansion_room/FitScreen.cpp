#include "FitScreen.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <queue>

namespace vgscan::expansion {

namespace {

thread_local std::size_t distancesComputed = 0;

struct Seg {
    V a, b;
    double x0, x1, y0, y1;  // bounding box
};

// The piece's segments after `to`, and the largest coordinate (for the
// rounding margin of the pruning).
template <class To>
std::vector<Seg> segments(const Rings& piece, To to, double& scale) {
    std::vector<Seg> segs;
    scale = 0.0;
    for (const std::vector<V>& ring : piece) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0; i < n; ++i) {
            const V a = to(ring[i]), b = to(ring[(i + 1) % n]);
            segs.push_back({a, b, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y)});
            scale = std::max({scale, std::fabs(a.x), std::fabs(a.y)});
        }
    }
    return segs;
}

// Distance to the boundary, negative outside (even-odd over all rings; a
// point misjudged by rounding lies on the boundary, distance ~0).
//
// Pruned: a segment is passed over when the distance from p to its bounding
// box, less a margin, is no smaller than the nearest distance so far. Either
// distance (L-infinity or Euclidean) of p to a segment is at least the
// L-infinity distance to its box, max(gx, gy) below: the box's sides are the
// very differences a - p, b - p the segment distance starts from, and what it
// computes from them (a point between them, a maximum or a root of squares)
// is off by a few units in the last place of the coordinates at most, far
// below the margin 1e-12 (1 + |coordinates|). So a passed segment's distance
// is never below the minimum: the minimum is the same double.
template <class Distance>
double signedDistance(const std::vector<Seg>& segs, double scale, V p, Distance toSegment, Screen screen) {
    bool inside = false;
    double best = INFINITY;
    const double margin = 1e-12 * (1.0 + scale + std::fabs(p.x) + std::fabs(p.y));
    for (const Seg& s : segs) {
        if ((s.a.y > p.y) != (s.b.y > p.y) && p.x < (s.b.x - s.a.x) * (p.y - s.a.y) / (s.b.y - s.a.y) + s.a.x)
            inside = !inside;
        if (screen == Screen::Pruned) {
            const double gx = std::max({s.x0 - p.x, p.x - s.x1, 0.0});
            const double gy = std::max({s.y0 - p.y, p.y - s.y1, 0.0});
            if (std::max(gx, gy) - margin >= best) continue;
        }
        ++distancesComputed;
        best = std::min(best, toSegment(s.a - p, s.b - p));
    }
    return inside ? best : -best;
}

double euclidToSegment(V a, V b) {
    const V d = b - a;
    const double len2 = d.x * d.x + d.y * d.y;
    const double t = len2 > 0.0 ? std::clamp(-(a.x * d.x + a.y * d.y) / len2, 0.0, 1.0) : 0.0;
    const V q = a + t * d;
    return std::sqrt(q.x * q.x + q.y * q.y);
}

// Is some point of the piece `r` or farther from its boundary? A branch and
// bound over square cells in doubles (the idea of Mapbox's polylabel): the
// distance to the boundary changes by at most the distance moved, so no point
// of a cell is farther than its centre's distance plus `spread` times its
// half side (sqrt 2 for the Euclidean distance, 1 for L-infinity). Each
// vertex goes through `to` first (a rotation and scaling for a rectangle).
// The margins cover the rounding of the double arithmetic: No when every
// bound is below r - noMargin, Yes when a centre is r + yesMargin or farther,
// else (the answer is close, or the search grows past `maxCells`) Maybe.
template <class To, class Distance>
Proof farthest(const Rings& piece, To to, Distance toSegment, double spread, double r, double noMargin,
               double yesMargin, std::size_t maxCells, Screen screen) {
    double scale = 0.0;
    const std::vector<Seg> segs = segments(piece, to, scale);
    if (segs.empty()) return Proof::No;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const Seg& s : segs)
        x0 = std::min(x0, s.a.x), y0 = std::min(y0, s.a.y), x1 = std::max(x1, s.a.x), y1 = std::max(y1, s.a.y);
    struct Cell {
        V c;
        double half, d, bound;
        bool operator<(const Cell& o) const { return bound < o.bound; }
    };
    auto cell = [&](V c, double half) {
        const double d = signedDistance(segs, scale, c, toSegment, screen);
        return Cell{c, half, d, d + half * spread};
    };
    std::priority_queue<Cell> queue;
    const double size = std::min(x1 - x0, y1 - y0);
    if (!(size > 0.0)) return Proof::No;
    for (double x = x0; x < x1; x += size)
        for (double y = y0; y < y1; y += size) queue.push(cell({x + size / 2.0, y + size / 2.0}, size / 2.0));
    for (std::size_t visited = 0; !queue.empty(); ++visited) {
        const Cell best = queue.top();
        queue.pop();
        if (best.bound < r - noMargin) return Proof::No;  // the best bound left is short: so are all others
        if (best.d >= r + yesMargin) return Proof::Yes;
        if (best.d >= r - noMargin || visited > maxCells) return Proof::Maybe;
        const double h = best.half / 2.0;
        for (auto [sx, sy] : {std::pair{-1.0, -1.0}, {1.0, -1.0}, {-1.0, 1.0}, {1.0, 1.0}})
            queue.push(cell(best.c + V{sx * h, sy * h}, h));
    }
    return Proof::No;
}

// Does every group of touching cells (within `touch`) lie in a box whose
// diagonal is under `reach`? Cells are squares: centre c, half side `half`.
template <class Cell>
bool groupsShort(const std::vector<Cell>& cells, double reach, double touch) {
    std::vector<std::size_t> group(cells.size());
    for (std::size_t i = 0; i < group.size(); ++i) group[i] = i;
    auto find = [&](std::size_t i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    };
    for (std::size_t i = 0; i < cells.size(); ++i)
        for (std::size_t j = i + 1; j < cells.size(); ++j) {
            const Cell &a = cells[i], &b = cells[j];
            const double apart = a.half + b.half + touch;
            if (std::fabs(a.c.x - b.c.x) <= apart && std::fabs(a.c.y - b.c.y) <= apart) group[find(i)] = find(j);
        }
    struct Box {
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    };
    std::vector<Box> boxes(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        Box& b = boxes[find(i)];
        const Cell& c = cells[i];
        b.x0 = std::min(b.x0, c.c.x - c.half), b.y0 = std::min(b.y0, c.c.y - c.half);
        b.x1 = std::max(b.x1, c.c.x + c.half), b.y1 = std::max(b.y1, c.c.y + c.half);
    }
    for (const Box& b : boxes)
        if (b.x1 >= b.x0 && (b.x1 - b.x0) * (b.x1 - b.x0) + (b.y1 - b.y0) * (b.y1 - b.y0) >= reach * reach) return false;
    return true;
}

}  // namespace

// max(|x(t)|, |y(t)|) is convex and piecewise linear in t, so its least value
// on [0, 1] is at an end or where a coordinate is zero or |x| = |y|.
double chebyshevToSegment(V a, V b) {
    const V d = b - a;
    auto at = [&](double t) {
        t = std::clamp(t, 0.0, 1.0);
        return std::max(std::fabs(a.x + t * d.x), std::fabs(a.y + t * d.y));
    };
    double best = std::min(at(0.0), at(1.0));
    if (d.x != 0.0) best = std::min(best, at(-a.x / d.x));
    if (d.y != 0.0) best = std::min(best, at(-a.y / d.y));
    if (d.x != d.y) best = std::min(best, at((a.y - a.x) / (d.x - d.y)));
    if (d.x != -d.y) best = std::min(best, at(-(a.x + a.y) / (d.x + d.y)));
    return best;
}

// Only a proven "no" lets the exact Minkowski sieve be skipped for a piece
// that cannot take the module (in a national scan most plots cannot); a
// proven "yes" says the sieve is not empty without making it.
Proof discFits(const Rings& piece, double r, Screen screen) {
    return farthest(piece, [](V p) { return p; }, euclidToSegment, std::numbers::sqrt2, r, 1e-6, 1e-4, 20000, screen);
}

// In coordinates (p.u / hu, p.v / hv) the rectangle is the square of half
// side 1, which fits at a centre exactly where the centre is inside and its
// L-infinity distance to the boundary is at least 1. Margins in units of the
// half sides (1e-6 of some 6 m: micrometres).
Proof rectangleFits(const Rings& piece, V u, V v, double hu, double hv, Screen screen) {
    auto to = [&](V p) { return V{(p.x * u.x + p.y * u.y) / hu, (p.x * v.x + p.y * v.y) / hv}; };
    return farthest(piece, to, chebyshevToSegment, 1.0, 1.0, 1e-6, 1e-4, 4000, screen);
}

// The module holds the disc round every point of its length's middle
// segment, so that segment lies where the points r or more from the
// boundary are: in the cells that may hold such a point (the bound of
// discFits' search: the centre's distance plus sqrt 2 half sides, less the
// margin of its No), and, the segment being connected, in one group of
// those cells that touch (within 1e-6 m: more cells joined only makes Maybe
// likelier). No: every group's box has a diagonal shorter than the
// separation, less 1e-6 m (its sides and their squares are off by far
// less). The cells are split until their half side is under separation /
// 16, then, while that proves nothing, / 64 and / 256. A search that grows
// past 20,000 distances or leaves more than 400 cells, or that meets two
// cell centres surely r from the boundary (r + 1e-4, as discFits' Yes) at
// least the separation apart, proves nothing (Maybe): most pieces that
// take the module end the search at once.
Proof discPairFits(const Rings& piece, double r, double separation, Screen screen) {
    double scale = 0.0;
    const std::vector<Seg> segs = segments(piece, [](V p) { return p; }, scale);
    if (segs.empty()) return Proof::No;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const Seg& s : segs)
        x0 = std::min(x0, s.a.x), y0 = std::min(y0, s.a.y), x1 = std::max(x1, s.a.x), y1 = std::max(y1, s.a.y);
    const double size = std::min(x1 - x0, y1 - y0);
    if (!(size > 0.0)) return Proof::No;
    constexpr double noMargin = 1e-6, yesMargin = 1e-4;
    struct Cell {
        V c;
        double half;
    };
    std::vector<Cell> open, left;
    for (double x = x0; x < x1; x += size)
        for (double y = y0; y < y1; y += size) open.push_back({{x + size / 2.0, y + size / 2.0}, size / 2.0});
    double sx0 = INFINITY, sy0 = INFINITY, sx1 = -INFINITY, sy1 = -INFINITY;  // box of the sure centres
    std::size_t visited = 0;
    for (const double smallest : {separation / 16.0, separation / 64.0, separation / 256.0}) {
        open.insert(open.end(), left.begin(), left.end());  // the cells left at the coarser size, split further
        left.clear();
        while (!open.empty()) {
            if (++visited > 20000 || left.size() > 400) return Proof::Maybe;
            const Cell cell = open.back();
            open.pop_back();
            const double d = signedDistance(segs, scale, cell.c, euclidToSegment, screen);
            if (d + cell.half * std::numbers::sqrt2 < r - noMargin) continue;  // no point of the cell is r from the boundary
            if (d >= r + yesMargin) {
                sx0 = std::min(sx0, cell.c.x), sy0 = std::min(sy0, cell.c.y), sx1 = std::max(sx1, cell.c.x), sy1 = std::max(sy1, cell.c.y);
                if ((sx1 - sx0) * (sx1 - sx0) + (sy1 - sy0) * (sy1 - sy0) >= separation * separation) return Proof::Maybe;
            }
            // Small enough, or every point of it r from the boundary (its
            // box is then no larger than the region's): not split.
            if (cell.half < smallest || d - cell.half * std::numbers::sqrt2 >= r + noMargin) {
                left.push_back(cell);
                continue;
            }
            const double h = cell.half / 2.0;
            for (auto [sx, sy] : {std::pair{-1.0, -1.0}, {1.0, -1.0}, {-1.0, 1.0}, {1.0, 1.0}})
                open.push_back({cell.c + V{sx * h, sy * h}, h});
        }
        if (groupsShort(left, separation - noMargin, noMargin)) return Proof::No;
    }
    return Proof::Maybe;
}

double screenDistance(const Rings& piece, V p, V u, V v, double hu, double hv, Screen screen) {
    double scale = 0.0;
    if (hu == 0.0) {
        const std::vector<Seg> segs = segments(piece, [](V q) { return q; }, scale);
        return signedDistance(segs, scale, p, euclidToSegment, screen);
    }
    auto to = [&](V q) { return V{(q.x * u.x + q.y * u.y) / hu, (q.x * v.x + q.y * v.y) / hv}; };
    const std::vector<Seg> segs = segments(piece, to, scale);
    return signedDistance(segs, scale, p, chebyshevToSegment, screen);
}

std::size_t segmentDistancesComputed() { return distancesComputed; }

}  // namespace vgscan::expansion
