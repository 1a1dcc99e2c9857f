#include "BestPosts.h"

#include "SeenFloor.h"

#include "model/Segment.h"
#include "scan/Budget.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

namespace vgscan::sight {

namespace {

using MultiLineString = bg::model::multi_linestring<LineString>;

// Two areas closer than this are equal (rounding of the views to double).
constexpr double kAreaTie = 1e-6;  // m²
// Seen areas (seenFloor) closer than this, relative (or m² below 1 m²),
// are equal but for rounding: clipped and exact areas differ by at most
// 2.3e-15 relative on the sample plans (tests/test_seen_floor.cpp), while
// villa_1925 has spots whose areas differ by 9e-14 (its best pair is one
// of them, found by falling area). Far from the origin (coordinates of
// 1e5 m) rounding grows to about 1e-11 and equal areas may then be ordered
// by it.
constexpr double kRoundingTie = 2e-14;

// Whether any of the lines reaches into the view's bounding box (a quick
// test before the exact one).
bool nearView(const Box& viewBox, const std::vector<LineString>& lines) {
    for (const auto& l : lines)
        if (!l.empty() && bg::intersects(viewBox, bg::return_envelope<Box>(l))) return true;
    return false;
}

// Corners of a ring without its closing corner (the first, repeated).
template <class Ring>
size_t openSize(const Ring& ring) {
    size_t n = ring.size();
    if (n > 1 && bg::equals(ring.front(), ring.back())) --n;
    return n;
}

// Twice the signed area of the ring of the first n corners (the shoelace
// formula; positive counter-clockwise).
template <class Ring>
double twiceArea(const Ring& ring, size_t n) {
    double twice = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const Point& a = ring[i];
        const Point& b = ring[(i + 1) % n];
        twice += a.x() * b.y() - b.x() * a.y();
    }
    return twice;
}

// Where p lies from the line a-b: twice the signed area of the triangle
// a, b, p (positive on the left).
double sideOf(const Point& a, const Point& b, const Point& p) {
    return (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
}

// The clipping as it is (clipToConvex, the inside tests of ringInTriangle
// and areaInViewRough); false: the former clipping, while bestPosts runs
// with ScreenWay::formerClipping (benchmarks and tests, one thread). Only
// such a call writes it: the rule's calls, on any number of threads, only
// read it (a thread_local cost a call to __tls_get_addr per read in this
// shared library).
bool gNewClip = true;
// The screen's unions measured by ringInConvex (areaInSectors); false: as
// areaInSectorsFormer, while bestPosts or togetherRough runs with
// ScreenWay::formerSectors (benchmarks and tests, one thread), as gNewClip.
bool gNewSectors = true;
// CellAccumulator::edge finding an edge's first column and each column's
// first row by walking from a hint (upperFrom) instead of a binary search;
// and makeCells clipping only the polygons whose box meets a cell's; false:
// the binary search and every polygon, while bestPosts runs with
// ScreenWay::formerCells.
bool gNewCells = true;
// CellAccumulator::areas spreading and reading each column's rows only up to
// the highest an edge reached (the buffers cleared after, only where
// written); false: every row, the buffers cleared whole, while bestPosts runs
// with ScreenWay::formerRows.
bool gNewRows = true;
// areaInSectors passing over a polygon whose box lies wholly outside a
// sector's first side (or, for a ring of known area, its last), whose
// clipping gives 0; false: every polygon whose box meets the sector's
// clipped, while bestPosts or togetherRough runs with ScreenWay::formerApart.
bool gNewApart = true;
// doorSeen deciding the clear cases without an overlay (doorLineClear);
// false: every line by bg::intersection, while bestPosts or doorSeen runs
// with ScreenWay::formerDoors.
bool gNewDoors = true;

// The former clipping and sectors' measure when `way` asks for them, until
// it goes (written only then).
struct FormerWays {
    bool clipping, sectors, cells, rows, apart, doors;
    explicit FormerWays(const ScreenWay& way)
        : clipping(way.formerClipping), sectors(way.formerSectors), cells(way.formerCells), rows(way.formerRows),
          apart(way.formerApart), doors(way.formerDoors) {
        if (clipping) gNewClip = false;
        if (sectors) gNewSectors = false;
        if (cells) gNewCells = false;
        if (rows) gNewRows = false;
        if (apart) gNewApart = false;
        if (doors) gNewDoors = false;
    }
    ~FormerWays() {
        if (clipping) gNewClip = true;
        if (sectors) gNewSectors = true;
        if (cells) gNewCells = true;
        if (rows) gNewRows = true;
        if (apart) gNewApart = true;
        if (doors) gNewDoors = true;
    }
    FormerWays(const FormerWays&) = delete;
    FormerWays& operator=(const FormerWays&) = delete;
};

// The fan of a ring (a view) from `from`: for each edge a-b, fn(tri, box,
// negative) with tri the triangle from, a, b turned counter-clockwise, box
// its bounding box, and negative when it turns against the ring. For any
// point, the signed sum of the triangles' indicators is the ring's; from a
// post, in its view's kernel, all are positive and disjoint. Triangles of
// no area are left out.
template <class Ring, class Fn>
void forEachFanTriangle(const Ring& ring, const Point& from, Fn&& fn) {
    const size_t n = openSize(ring);
    if (n < 3) return;
    const bool clockwise = twiceArea(ring, n) < 0;
    for (size_t i = 0; i < n; ++i) {
        std::array<Point, 3> tri{from, ring[i], ring[(i + 1) % n]};
        const double turn = sideOf(tri[0], tri[1], tri[2]);
        if (turn == 0) continue;
        if (turn < 0) std::swap(tri[1], tri[2]);
        const Box box(Point(std::min({tri[0].x(), tri[1].x(), tri[2].x()}), std::min({tri[0].y(), tri[1].y(), tri[2].y()})),
                      Point(std::max({tri[0].x(), tri[1].x(), tri[2].x()}), std::max({tri[0].y(), tri[1].y(), tri[2].y()})));
        fn(static_cast<const std::array<Point, 3>&>(tri), box, (turn < 0) != clockwise);
    }
}

// The area of a closed ring inside an axis-parallel box: the ring clipped
// to each of the box's four sides in turn (Sutherland-Hodgman), then the
// shoelace formula. The clipped ring may run along the box's side and back;
// that adds no area, so the area is exact up to rounding.
double areaInBox(const Polygon::ring_type& ring, const Box& box) {
    std::vector<Point> cur(ring.begin(), ring.end()), next;
    if (!cur.empty() && bg::equals(cur.front(), cur.back())) cur.pop_back();
    const double lo[2] = {box.min_corner().x(), box.min_corner().y()};
    const double hi[2] = {box.max_corner().x(), box.max_corner().y()};
    auto coord = [](const Point& p, int axis) { return axis == 0 ? p.x() : p.y(); };
    for (int side = 0; side < 4 && !cur.empty(); ++side) {
        const int axis = side / 2;
        const bool keepAbove = side % 2 == 0;  // x >= lo, x <= hi, y >= lo, y <= hi
        const double edge = keepAbove ? lo[axis] : hi[axis];
        auto inside = [&](const Point& p) { return keepAbove ? coord(p, axis) >= edge : coord(p, axis) <= edge; };
        auto cut = [&](const Point& a, const Point& b) {
            const double t = (edge - coord(a, axis)) / (coord(b, axis) - coord(a, axis));
            const double x = axis == 0 ? edge : a.x() + t * (b.x() - a.x());
            const double y = axis == 1 ? edge : a.y() + t * (b.y() - a.y());
            return Point(x, y);
        };
        next.clear();
        for (size_t i = 0; i < cur.size(); ++i) {
            const Point& a = cur[i];
            const Point& b = cur[(i + 1) % cur.size()];
            const bool ia = inside(a), ib = inside(b);
            if (ia) next.push_back(a);
            if (ia != ib) next.push_back(cut(a, b));
        }
        cur.swap(next);
    }
    return std::abs(twiceArea(cur, cur.size())) / 2.0;
}

double areaInBox(const Polygon& poly, const Box& box) {
    double a = areaInBox(poly.outer(), box);
    for (const auto& in : poly.inners()) a -= areaInBox(in, box);
    return std::max(a, 0.0);
}

// The clipping's scratch, the thread's own, fetched once per measure and
// handed down (a thread_local costs a call to __tls_get_addr per read in
// this shared library: once per clip, it was some 2 % of a scan).
struct ClipScratch {
    std::vector<Point> cur, next;
    std::vector<double> sides;
    std::vector<unsigned char> own, ownNext;  // ringInConvex: which corners are the ring's own
    // areaInSectors: each polygon's box, its rings, and per polygon its first ring in `rings`.
    struct RingRef {
        const Point* at;
        size_t m;
        const double* whole;
    };
    std::vector<Box> polyBox;
    std::vector<RingRef> rings;
    std::vector<size_t> ringsAt;
    std::vector<unsigned> near;  // areaInSectors: the polygons of a sector to clip
};
// Not inlined: inlined, GCC takes the address of a thread_local for a value
// it may compute again instead of keeping it, and called __tls_get_addr
// again before every ringInConvex of areaInSectors' loops (0.7 % of a scan).
[[gnu::noinline]] ClipScratch& clipScratch() {
    thread_local ClipScratch s;
    return s;
}

// A ring (open: its n corners from `ring`) clipped by a counter-clockwise
// triangle's three sides in turn into `cur` (clipToConvex, below).
void clipToConvex(const Point* ring, size_t n, const Point* poly, size_t k, std::vector<Point>& cur,
                  std::vector<Point>& next, std::vector<double>& sides);
void clipToTriangle(const Point* ring, size_t n, const std::array<Point, 3>& tri, std::vector<Point>& cur,
                    std::vector<Point>& next, std::vector<double>& sides) {
    clipToConvex(ring, n, tri.data(), 3, cur, next, sides);
}

// A ring's signed area inside a convex polygon, its tests riding on the
// clipping (below).
double ringInConvex(const Point* r, size_t m, const Point* poly, size_t k, const double* whole, ClipScratch& scratch);

// The signed area of a ring (open or closed) inside a counter-clockwise
// triangle: the ring clipped to it, then the shoelace formula.
double signedAreaInTriangle(const Polygon::ring_type& ring, const std::array<Point, 3>& tri) {
    thread_local std::vector<Point> cur, next;
    thread_local std::vector<double> sides;
    clipToTriangle(ring.data(), openSize(ring), tri, cur, next, sides);
    if (cur.size() < 3) return 0.0;
    return twiceArea(cur, cur.size()) / 2.0;
}

// A ring's signed area inside a counter-clockwise triangle, as
// signedAreaInTriangle, with `whole` its own signed area: a ring wholly on
// the outer side of one of the triangle's sides gives 0 and a ring wholly
// inside gives `whole`, without clipping (Sutherland-Hodgman would keep it
// unchanged, or drop it).
double ringInTriangle(const Polygon::ring_type& ring, const std::array<Point, 3>& tri, double whole) {
    bool inside = true;
    for (int e = 0; e < 3; ++e) {
        const Point& a = tri[e];
        const Point& b = tri[(e + 1) % 3];
        bool anyIn = false, allIn = true;
        for (const Point& p : ring) {
            if (sideOf(a, b, p) >= 0) anyIn = true;
            else allIn = false;
            // Decided: a corner inside, and the ring not wholly inside.
            if (gNewClip && anyIn && (!allIn || !inside)) break;
        }
        if (!anyIn) return 0.0;
        inside = inside && allIn;
    }
    return inside ? whole : signedAreaInTriangle(ring, tri);
}

// The area of `area` inside the view (a simple ring); `area`: polygons
// whose interiors do not overlap, outer rings counter-clockwise, holes
// clockwise, or any signed pieces (seenFloor's: each ring counted by its
// orientation, the sum of their indicators that of the area), with their
// boxes and (for pieces without holes) signed areas when known. The
// view cut into the signed triangles of a fan from `from` (for any point,
// their signed sum is the view's indicator; from the post, in the view's
// kernel, they are positive and disjoint), the rings clipped to each. Linear
// in the rings, with no decision of topology that could drop or double a
// room, as an overlay can at a needle's tip: within rounding (some 1e-12 m²)
// of the area of the polygons as given.
double areaInView(const MultiPolygon& area, const Polygon& view, const Point& from, const std::vector<Box>* knownBoxes = nullptr,
                  const std::vector<double>* knownAreas = nullptr) {
    std::vector<Box> ownBoxes;
    if (!knownBoxes || knownBoxes->size() != area.size()) {
        for (const auto& poly : area) ownBoxes.push_back(bg::return_envelope<Box>(poly));
        knownBoxes = &ownBoxes;
    }
    const std::vector<Box>& boxes = *knownBoxes;
    const bool areasKnown = knownAreas && knownAreas->size() == area.size();
    Box all;
    bg::assign_inverse(all);
    for (const Box& b : boxes) bg::expand(all, b);
    double sum = 0.0;
    ClipScratch& scratch = clipScratch();
    forEachFanTriangle(view.outer(), from, [&](const std::array<Point, 3>& tri, const Box& tb, bool negative) {
        if (!bg::intersects(tb, all)) return;
        double part = 0.0;
        for (size_t k = 0; k < area.size(); ++k) {
            if (!bg::intersects(tb, boxes[k])) continue;
            const double* whole = areasKnown && area[k].inners().empty() ? &(*knownAreas)[k] : nullptr;
            if (gNewSectors && gNewClip) {
                // As below, the tests riding on the clipping (ringInConvex).
                part += ringInConvex(area[k].outer().data(), openSize(area[k].outer()), tri.data(), 3, whole, scratch);
                for (const auto& in : area[k].inners())
                    part += ringInConvex(in.data(), openSize(in), tri.data(), 3, nullptr, scratch);
                continue;
            }
            if (whole) {
                part += ringInTriangle(area[k].outer(), tri, *whole);
                continue;
            }
            part += signedAreaInTriangle(area[k].outer(), tri);
            for (const auto& in : area[k].inners()) part += signedAreaInTriangle(in, tri);
        }
        sum += negative ? -part : part;
    });
    return sum;
}

// A view cut into convex sectors from `from`: runs of consecutive positive
// fan triangles (forEachFanTriangle) whose union stays convex (every turn
// left or straight, less than half a turn at `from`), each negative triangle
// alone. For the screen's estimates (togetherRough): fewer, larger pieces to
// clip to than the fan's triangles; the sum is the same area up to rounding.
struct Sector {
    std::vector<Point> poly;  // counter-clockwise, open
    Box box;
    bool negative = false;
};
void convexSectors(const Polygon::ring_type& ring, const Point& from, std::vector<Sector>& out) {
    out.clear();
    const size_t n = openSize(ring);
    if (n < 3) return;
    const bool clockwise = twiceArea(ring, n) < 0;
    auto close = [&](Sector& sc) {
        Box b(sc.poly.front(), sc.poly.front());
        for (const Point& p : sc.poly) bg::expand(b, p);
        sc.box = b;
    };
    bool open = false;  // the last sector takes more triangles
    for (size_t i = 0; i < n; ++i) {
        const Point& v = ring[i];
        const Point& w = ring[(i + 1) % n];
        const double turn = sideOf(from, v, w);
        if (turn == 0) {
            if (open) close(out.back());
            open = false;
            continue;
        }
        const bool negative = (turn < 0) != clockwise;
        if (!negative && turn > 0 && open) {
            Sector& sc = out.back();
            const Point& first = sc.poly[1];
            const Point& before = sc.poly[sc.poly.size() - 2];
            if (bg::equals(sc.poly.back(), v) && sideOf(before, v, w) >= 0 && sideOf(from, first, w) > 0) {
                sc.poly.push_back(w);
                continue;
            }
        }
        if (open) close(out.back());
        Sector sc;
        sc.negative = negative;
        if (turn > 0) sc.poly = {from, v, w};
        else sc.poly = {from, w, v};
        out.push_back(std::move(sc));
        open = !negative && turn > 0;
        if (!open) close(out.back());
    }
    if (open) close(out.back());
}

// clipToConvex as it was (the reference of bench_posts' BM_ScreenWays): a
// ring (open, n corners) clipped to a convex counter-clockwise polygon of
// k corners (Sutherland-Hodgman, one pass per side) into `cur`; `next` and
// `sides` are scratch. The clipped ring may run along a side and back; that
// adds no area. Empty when fewer than three corners are left. Each corner's
// side of a polygon's side is computed once per pass, and the first pass
// reads the ring where it lies (no copy).
void clipToConvexFormer(const Point* ring, size_t n, const Point* poly, size_t k, std::vector<Point>& cur,
                  std::vector<Point>& next, std::vector<double>& sides) {
    cur.clear();
    if (n < 3) return;
    const Point* src = ring;
    size_t m = n;
    for (size_t e = 0; e < k && m >= 3; ++e) {
        const Point& a = poly[e];
        const Point& b = poly[e + 1 == k ? 0 : e + 1];
        sides.resize(m);
        for (size_t i = 0; i < m; ++i) sides[i] = sideOf(a, b, src[i]);
        next.clear();
        for (size_t i = 0; i < m; ++i) {
            const size_t j = i + 1 == m ? 0 : i + 1;
            const Point& p = src[i];
            const Point& q = src[j];
            const double sp = sides[i], sq = sides[j];
            if (sp >= 0) next.push_back(p);
            if ((sp >= 0) != (sq >= 0)) {
                const double t = sp / (sp - sq);
                next.emplace_back(p.x() + t * (q.x() - p.x()), p.y() + t * (q.y() - p.y()));
            }
        }
        cur.swap(next);
        src = cur.data();
        m = cur.size();
    }
    if (src == ring) cur.assign(ring, ring + n);  // a polygon of no sides: not met
    if (cur.size() < 3) cur.clear();
}

// One pass of Sutherland-Hodgman: the m corners of `src` clipped to the left
// of a-b (a corner's side >= 0 kept) into `out` (room for 2m corners); returns
// how many. Each corner's side computed once, carried to the next corner.
// With `own` (per corner of `src`, whether it is one of the ring's own; null:
// all are), `ownOut` gets the same for the corners written, `ownIn` whether
// one of the ring's own is kept, and `allIn` whether every corner is.
template <bool kOwn>
size_t clipPass(const Point* src, size_t m, const Point& a, const Point& b, Point* out, const unsigned char* own = nullptr,
                unsigned char* ownOut = nullptr, bool* ownIn = nullptr, bool* allIn = nullptr) {
    Point* const start = out;
    const double s0 = sideOf(a, b, src[0]);
    double sp = s0;
    for (size_t i = 0; i < m; ++i) {
        const size_t j = i + 1 == m ? 0 : i + 1;
        const double sq = j == 0 ? s0 : sideOf(a, b, src[j]);
        const Point& p = src[i];
        if (sp >= 0) {
            *out++ = p;
            if constexpr (kOwn) {
                const unsigned char mine = own ? own[i] : 1;
                *ownOut++ = mine;
                *ownIn = *ownIn || mine;
            }
        } else if constexpr (kOwn) {
            *allIn = false;
        }
        if ((sp >= 0) != (sq >= 0)) {
            const Point& q = src[j];
            const double t = sp / (sp - sq);
            *out++ = Point(p.x() + t * (q.x() - p.x()), p.y() + t * (q.y() - p.y()));
            if constexpr (kOwn) *ownOut++ = 0;
        }
        sp = sq;
    }
    return static_cast<size_t>(out - start);
}

// A ring (open, n corners) clipped to a convex counter-clockwise polygon of
// k corners (Sutherland-Hodgman, one pass per side) into `cur`; `next` is
// scratch. The clipped ring may run along a side and back; that adds no
// area. Empty when fewer than three corners are left. The first pass reads
// the ring where it lies (no copy). The same arithmetic as the former
// clipping (clipToConvexFormer): each corner's side of a polygon's side
// computed once per pass (carried from one corner to the next instead of
// kept in an array), the corners written through a pointer into room made
// for them (at most two per corner) instead of pushed one by one: the same
// corners, bit for bit.
void clipToConvex(const Point* ring, size_t n, const Point* poly, size_t k, std::vector<Point>& cur,
                  std::vector<Point>& next, std::vector<double>& sides) {
    if (!gNewClip) {
        clipToConvexFormer(ring, n, poly, k, cur, next, sides);
        return;
    }
    cur.clear();
    if (n < 3) return;
    const Point* src = ring;
    size_t m = n;
    for (size_t e = 0; e < k && m >= 3; ++e) {
        const Point& a = poly[e];
        const Point& b = poly[e + 1 == k ? 0 : e + 1];
        if (next.size() < 2 * m) next.resize(2 * m);
        m = clipPass<false>(src, m, a, b, next.data());
        cur.swap(next);
        src = cur.data();
    }
    if (src == ring) {
        cur.assign(ring, ring + n);  // a polygon of no sides: not met
        m = n;
    }
    cur.resize(m < 3 ? 0 : m);
}

// areaInSectors as it was (the reference of bench_posts' BM_ScreenWays and
// the tests): each ring tested against every side of a sector (wholly
// outside one: nothing; wholly inside all: its known area), then, when
// neither, clipped (clipToConvex) and measured by twiceArea.
double areaInSectorsFormer(const MultiPolygon& area, const std::vector<Sector>& sectors, const std::vector<Box>& boxes,
                           const std::vector<double>& areas) {
    thread_local std::vector<Point> cur, next;
    thread_local std::vector<double> sides;
    const bool known = boxes.size() == area.size() && areas.size() == area.size();
    Box all;
    bg::assign_inverse(all);
    for (size_t k = 0; k < area.size(); ++k) bg::expand(all, known ? boxes[k] : bg::return_envelope<Box>(area[k]));
    double sum = 0.0;
    for (const Sector& sc : sectors) {
        if (!bg::intersects(sc.box, all)) continue;
        double part = 0.0;
        for (size_t k = 0; k < area.size(); ++k) {
            const Box kb = known ? boxes[k] : bg::return_envelope<Box>(area[k]);
            if (!bg::intersects(sc.box, kb)) continue;
            auto ringPart = [&](const Polygon::ring_type& r, const double* whole) {
                const size_t m = openSize(r);
                if (whole) {
                    // Wholly outside a side: nothing; wholly inside all: whole.
                    bool inside = true;
                    const size_t ks = sc.poly.size();
                    for (size_t e = 0; e < ks; ++e) {
                        const Point& a = sc.poly[e];
                        const Point& b = sc.poly[e + 1 == ks ? 0 : e + 1];
                        bool anyIn = false, allIn = true;
                        for (size_t i = 0; i < m; ++i) {
                            if (sideOf(a, b, r[i]) >= 0) anyIn = true;
                            else allIn = false;
                            if (gNewClip && anyIn && (!allIn || !inside)) break;  // decided
                        }
                        if (!anyIn) return 0.0;
                        inside = inside && allIn;
                    }
                    if (inside) return *whole;
                }
                clipToConvex(r.data(), m, sc.poly.data(), sc.poly.size(), cur, next, sides);
                return cur.size() < 3 ? 0.0 : twiceArea(cur, cur.size()) / 2.0;
            };
            part += ringPart(area[k].outer(), known && area[k].inners().empty() ? &areas[k] : nullptr);
            for (const auto& in : area[k].inners()) part += ringPart(in, nullptr);
        }
        sum += sc.negative ? -part : part;
    }
    return sum;
}

// The signed area of a ring (open, m corners) inside a convex
// counter-clockwise polygon (k corners), as areaInSectorsFormer measures it:
// with `whole` (the ring's own signed area), that when every corner lies
// inside every side and 0 when every corner lies outside one side; else
// (and always without `whole`) the ring clipped to the polygon
// (Sutherland-Hodgman, as clipToConvex) and the shoelace formula. Here the
// tests ride on the clipping: one pass per side computes each corner's side
// once, a pass that cuts nothing leaves the corners where they are (no
// copy), and a side is checked against the ring's own corners (the former
// test) only when no corner of the ring's own is left inside it. The same
// arithmetic on the same corners in the same order: the same area, bit for
// bit (tests, bench_posts).
double ringInConvex(const Point* r, size_t m, const Point* poly, size_t k, const double* whole, ClipScratch& scratch) {
    // Corners of the clipped ring, and whether each is one of the ring's own.
    std::vector<Point>& bufA = scratch.cur;
    std::vector<Point>& bufB = scratch.next;
    std::vector<unsigned char>& ownA = scratch.own;
    std::vector<unsigned char>& ownB = scratch.ownNext;
    if (m < 3) {
        // Nothing to clip (clipToConvex leaves nothing): the former test alone.
        if (!whole) return 0.0;
        bool inside = true;
        for (size_t e = 0; e < k; ++e) {
            bool anyIn = false, allIn = true;
            for (size_t i = 0; i < m; ++i) {
                if (sideOf(poly[e], poly[e + 1 == k ? 0 : e + 1], r[i]) >= 0) anyIn = true;
                else allIn = false;
            }
            if (!anyIn) return 0.0;
            inside = inside && allIn;
        }
        return inside ? *whole : 0.0;
    }
    const Point* src = r;
    const unsigned char* own = nullptr;  // null: every corner is the ring's own
    size_t n = m;
    bool cut = false;  // some pass cut the ring
    std::vector<Point>* out = &bufA;
    std::vector<unsigned char>* outOwn = &ownA;
    for (size_t e = 0; e < k; ++e) {
        if (n < 3) return 0.0;
        const Point& a = poly[e];
        const Point& b = poly[e + 1 == k ? 0 : e + 1];
        // (Each checked: the scratch's corners are also clipToConvex's.)
        if (out->size() < 2 * n) out->resize(2 * n);
        if (outOwn->size() < 2 * n) outOwn->resize(2 * n);
        bool ownIn = false, allIn = true;
        const size_t kept = clipPass<true>(src, n, a, b, out->data(), own, outOwn->data(), &ownIn, &allIn);
        if (whole && !ownIn) {
            // The former test: is any of the ring's own corners inside this side?
            bool any = false;
            if (cut)
                for (size_t i = 0; i < m && !any; ++i) any = sideOf(a, b, r[i]) >= 0;
            if (!any) return 0.0;
        }
        if (allIn) continue;  // nothing cut: the same corners
        cut = true;
        n = kept;
        src = out->data();
        own = outOwn->data();
        out = out == &bufA ? &bufB : &bufA;
        outOwn = outOwn == &ownA ? &ownB : &ownA;
    }
    if (!cut && whole) return *whole;
    if (n < 3) return 0.0;
    // twiceArea, without the modulo.
    double twice = 0.0;
    for (size_t i = 0; i + 1 < n; ++i) twice += src[i].x() * src[i + 1].y() - src[i + 1].x() * src[i].y();
    twice += src[n - 1].x() * src[0].y() - src[0].x() * src[n - 1].y();
    return twice / 2.0;
}

// The greatest sideOf(a, b, p) over the points p of the box [x0, x1] x
// [y0, y1], computed as sideOf computes it (dx = b.x - a.x, dy = b.y - a.y):
// fl(fl(dx * fl(p.y - a.y)) - fl(dy * fl(p.x - a.x))). Each rounded
// operation is monotone in its operand (round to nearest never reverses an
// order), so over the box the computed side is greatest at the corner of
// greatest y (least, when dx < 0) and least x (greatest, when dy < 0). When
// it is negative, so is every point's of the box: the clipping (clipPass)
// keeps no corner of a ring inside it. (The same expression as sideOf's,
// not contracted into fused multiply-adds: none on x86-64's base ISA.)
double greatestSide(const Point& a, double dx, double dy, double x0, double y0, double x1, double y1) {
    return dx * ((dx >= 0 ? y1 : y0) - a.y()) - dy * ((dy >= 0 ? x0 : x1) - a.x());
}

// areaInView with the view cut into convex sectors (convexSectors) instead
// of its fan's triangles: the same area up to rounding, for the screen.
// The area of `area` in the sectors of a view (convexSectors), as
// areaInViewRough: per sector, each ring whose polygon's box meets the
// sector's measured by ringInConvex; the rings' corners counted and their
// boxes read once per call instead of once per sector.
double areaInSectors(const MultiPolygon& area, const std::vector<Sector>& sectors, const std::vector<Box>& boxes,
                     const std::vector<double>& areas) {
    if (!gNewSectors || !gNewClip) return areaInSectorsFormer(area, sectors, boxes, areas);
    ClipScratch& scratch = clipScratch();
    std::vector<Box>& polyBox = scratch.polyBox;
    std::vector<ClipScratch::RingRef>& rings = scratch.rings;
    std::vector<size_t>& ringsAt = scratch.ringsAt;
    const bool known = boxes.size() == area.size() && areas.size() == area.size();
    polyBox.clear();
    rings.clear();
    ringsAt.clear();
    Box all;
    bg::assign_inverse(all);
    for (size_t k = 0; k < area.size(); ++k) {
        polyBox.push_back(known ? boxes[k] : bg::return_envelope<Box>(area[k]));
        bg::expand(all, polyBox.back());
        ringsAt.push_back(rings.size());
        const auto& outer = area[k].outer();
        rings.push_back({outer.data(), openSize(outer), known && area[k].inners().empty() ? &areas[k] : nullptr});
        for (const auto& in : area[k].inners()) rings.push_back({in.data(), openSize(in), nullptr});
    }
    ringsAt.push_back(rings.size());
    std::vector<unsigned>& near = scratch.near;
    near.resize(area.size());
    double sum = 0.0;
    for (const Sector& sc : sectors) {
        if (!bg::intersects(sc.box, all)) continue;
        double part = 0.0;
        const Point* poly = sc.poly.data();
        const size_t ks = sc.poly.size();
        if (!gNewApart) {
            // The former way: every polygon whose box meets the sector's.
            for (size_t k = 0; k < area.size(); ++k) {
                if (!bg::intersects(sc.box, polyBox[k])) continue;
                for (size_t q = ringsAt[k]; q < ringsAt[k + 1]; ++q)
                    part += ringInConvex(rings[q].at, rings[q].m, poly, ks, rings[q].whole, scratch);
            }
            sum += sc.negative ? -part : part;
            continue;
        }
        // The polygons to clip, listed first (in order, without a branch per
        // polygon), then clipped: those whose box meets the sector's
        // (bg::intersects' comparisons) and does not lie wholly outside the
        // sector's first side (greatestSide: every corner of their rings is
        // outside too) or, for a ring of known area (`whole`), its last
        // side. A polygon passed over adds nothing: each ring's first pass
        // keeps no corner and ringInConvex returns +0.0, which leaves `part`
        // as it is (a sum begun at +0.0 is never -0.0); and for a ring of
        // known area, any side with every corner of its own outside gives
        // +0.0 (the former test, which ringInConvex keeps).
        const Point& f0 = poly[0];
        const Point& l0 = poly[ks - 1];
        const double fdx = poly[1].x() - f0.x(), fdy = poly[1].y() - f0.y();  // first side: f0 -> poly[1]
        const double ldx = f0.x() - l0.x(), ldy = f0.y() - l0.y();            // last side: l0 -> f0
        const double sx0 = sc.box.min_corner().x(), sy0 = sc.box.min_corner().y();
        const double sx1 = sc.box.max_corner().x(), sy1 = sc.box.max_corner().y();
        size_t nn = 0;
        for (size_t k = 0; k < area.size(); ++k) {
            const Box& b = polyBox[k];
            const double bx0 = b.min_corner().x(), by0 = b.min_corner().y(), bx1 = b.max_corner().x(), by1 = b.max_corner().y();
            const bool meets = !(bx1 < sx0) & !(bx0 > sx1) & !(by1 < sy0) & !(by0 > sy1);
            const bool apart = (greatestSide(f0, fdx, fdy, bx0, by0, bx1, by1) < 0) |
                               ((rings[ringsAt[k]].whole != nullptr) & (greatestSide(l0, ldx, ldy, bx0, by0, bx1, by1) < 0));
            near[nn] = static_cast<unsigned>(k);
            nn += meets & !apart;
        }
        for (size_t e = 0; e < nn; ++e) {
            const size_t k = near[e];
            for (size_t q = ringsAt[k]; q < ringsAt[k + 1]; ++q)
                part += ringInConvex(rings[q].at, rings[q].m, poly, ks, rings[q].whole, scratch);
        }
        sum += sc.negative ? -part : part;
    }
    return sum;
}

double areaInViewRough(const MultiPolygon& area, const Polygon& view, const Point& from, const std::vector<Box>& boxes,
                       const std::vector<double>& areas) {
    thread_local std::vector<Sector> sectors;
    convexSectors(view.outer(), from, sectors);
    return areaInSectors(area, sectors, boxes, areas);
}

// Which of two spots' seen floors together() cuts by the other's view: that
// of fewer corners, else the first by position, so that the union of a and b
// is that of b and a to the bit.
size_t cornersOf(const Seen& s) {
    size_t n = 0;
    for (const auto& p : s.shared) {
        n += p.outer().size();
        for (const auto& in : p.inners()) n += in.size();
    }
    return n;
}
bool cutFirst(size_t na, size_t nb, const Seen& a, const Seen& b) {
    return na != nb ? na < nb : std::make_tuple(a.spot.at.x(), a.spot.at.y()) < std::make_tuple(b.spot.at.x(), b.spot.at.y());
}
bool cutFirst(const Seen& a, const Seen& b) {
    return cutFirst(cornersOf(a), cornersOf(b), a, b);
}

// What the screen's unions (togetherRoughWith) read of one candidate's
// figures, made once per candidate instead of once per union: the box of
// its seen floor and, when first asked for, its view's convex sectors. The
// same values as togetherRough computes each time.
struct RoughParts {
    const Seen* of = nullptr;
    Box box;
    size_t corners = 0;  // of its seen floor (cutFirst)
    bool sectorsMade = false;
    std::vector<Sector> sectors;
};
RoughParts& partsOf(const Seen& s, RoughParts& p) {
    if (p.of != &s) {
        p.of = &s;
        p.box = bg::return_envelope<Box>(s.shared);
        p.corners = cornersOf(s);
        p.sectorsMade = false;
    }
    return p;
}
const std::vector<Sector>& sectorsOf(RoughParts& p) {
    if (!p.sectorsMade) {
        convexSectors(p.of->view.outer(), p.of->spot.at, p.sectors);
        p.sectorsMade = true;
    }
    return p.sectors;
}

// togetherRough with each candidate's parts made once (RoughParts): the
// same union to the bit.
double togetherRoughWith(const Seen& a, const Seen& b, RoughParts& pa, RoughParts& pb) {
    double united = a.area + b.area;
    if (a.spot.storey == b.spot.storey && !a.shared.empty() && !b.shared.empty() &&
        bg::intersects(partsOf(a, pa).box, partsOf(b, pb).box)) {
        const bool aFirst = cutFirst(pa.corners, pb.corners, a, b);
        const Seen& cut = aFirst ? a : b;
        RoughParts& by = aFirst ? pb : pa;
        united = a.area + b.area - areaInSectors(cut.shared, sectorsOf(by), cut.sharedBoxes, cut.sharedAreas);
    }
    return std::clamp(united, std::max(a.area, b.area), a.area + b.area);
}

// Cell areas smaller than this are rounding.
constexpr double kCellEps = 1e-9;  // m²

// Whether `a`'s seen floor and doors lie within `b`'s: first per cell (cheap,
// needs the cell areas), then exactly by the union's area (unite(): the
// union of a and b, as the pair search measures it).
template <class Unite>
bool covers(const Seen& b, const Seen& a, Unite&& unite) {
    if (a.area > b.area + kAreaTie) return false;
    for (size_t k = 0; k < a.doors.size(); ++k)
        if (a.doors[k] && !b.doors[k]) return false;
    if (a.area <= kAreaTie) return true;  // sees nothing of the floor
    if (a.spot.storey != b.spot.storey) return false;
    size_t j = 0;
    for (const auto& [cell, area] : a.cellAreas) {
        while (j < b.cellAreas.size() && b.cellAreas[j].first < cell) ++j;
        const double there = j < b.cellAreas.size() && b.cellAreas[j].first == cell ? b.cellAreas[j].second : 0.0;
        if (area > there + 1e3 * kCellEps) return false;
    }
    return unite() <= b.area + kAreaTie;
}


}  // namespace

double spaceSeenArea(const Polygon& space, const std::vector<PostView>& views) {
    if (views.empty()) return 0.0;
    const double whole = std::abs(bg::area(space));  // either orientation
    if (views.size() == 1) {
        // One view: the space clipped to its fan, no overlay. Each ring
        // oriented by its role (FloorRings: outer adds, holes subtract),
        // whatever way it was drawn.
        MultiPolygon rings;
        for (const FloorRings::Ring& r : FloorRings(MultiPolygon{space}).rings) {
            rings.emplace_back();
            rings.back().outer().assign(r.points.begin(), r.points.end());
        }
        return std::clamp(areaInView(rings, views[0].view, views[0].from), 0.0, whole);
    }
    // Several views: their union, exactly (what two posts both see counts
    // once).
    std::vector<Polygon> polys;
    for (const auto& v : views) polys.push_back(v.view);
    const double exact = exactSeenArea(space, polys);
    if (exact >= 0) return std::min(exact, whole);
    // A view's ring is not simple (CGAL's set operations need one): Boost's
    // overlay, held between the most any one view sees and their sum.
    double most = 0.0, sum = 0.0;
    for (const auto& v : views) {
        const double one = spaceSeenArea(space, {v});
        most = std::max(most, one);
        sum += one;
    }
    MultiPolygon seen, part;
    for (const auto& v : views) {
        MultiPolygon next;
        bg::union_(seen, v.view, next);
        seen = std::move(next);
    }
    bg::intersection(space, seen, part);
    return std::clamp(bg::area(part), most, std::min(sum, whole));
}

FloorRings::FloorRings(const MultiPolygon& floor) {
    auto add = [&](const Polygon::ring_type& r, bool hole) {
        const size_t n = openSize(r);
        if (n < 3) return;
        Ring ring;
        ring.points.assign(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(n));
        if ((twiceArea(ring.points, n) > 0) == hole) std::reverse(ring.points.begin(), ring.points.end());
        bg::envelope(r, ring.box);
        rings.push_back(std::move(ring));
    };
    for (const auto& poly : floor) {
        add(poly.outer(), false);
        for (const auto& in : poly.inners()) add(in, true);
    }
}

double seenFloor(const FloorRings& floor, const Polygon& view, const Point& from, MultiPolygon& pieces,
                 std::vector<Box>* boxes, std::vector<double>* areas) {
    pieces.clear();
    if (boxes) boxes->clear();
    if (areas) areas->clear();
    ClipScratch& scratch = clipScratch();
    std::vector<Point>& cur = scratch.cur;
    double sum = 0.0;
    forEachFanTriangle(view.outer(), from, [&](const std::array<Point, 3>& tri, const Box& tb, bool negative) {
        for (const FloorRings::Ring& ring : floor.rings) {
            if (!bg::intersects(tb, ring.box)) continue;
            clipToTriangle(ring.points.data(), ring.points.size(), tri, cur, scratch.next, scratch.sides);
            if (cur.size() < 3) continue;
            // The shoelace formula about the piece's first corner: the
            // products stay small far from the origin.
            const Point& o = cur.front();
            double twice = 0.0;
            for (size_t k = 1; k + 1 < cur.size(); ++k)
                twice += (cur[k].x() - o.x()) * (cur[k + 1].y() - o.y()) - (cur[k + 1].x() - o.x()) * (cur[k].y() - o.y());
            if (twice == 0) continue;
            if (negative) std::reverse(cur.begin(), cur.end());
            sum += negative ? -twice : twice;
            pieces.emplace_back();
            auto& out = pieces.back().outer();
            out.reserve(cur.size() + 1);
            out.assign(cur.begin(), cur.end());
            out.push_back(cur.front());
            if (areas) areas->push_back((negative ? -twice : twice) / 2.0);
            if (boxes) {
                Box b;
                bg::envelope(out, b);
                boxes->push_back(b);
            }
        }
    });
    return std::max(0.0, sum / 2.0);
}

Cells makeCells(const GroupFloor& g, double size) {
    Cells out;
    for (const auto& [storey, floor] : g.shared) {
        if (floor.empty()) continue;
        const Box env = bg::return_envelope<Box>(floor);
        std::vector<Box> polyBoxes;
        for (const auto& poly : floor) polyBoxes.push_back(bg::return_envelope<Box>(poly));
        const double s = size > 0 ? size : std::max(0.5, std::sqrt(bg::area(floor) / 400.0));
        out.size = s;
        Cells::Grid grid;
        grid.storey = storey;
        for (double y = env.min_corner().y(); y < env.max_corner().y(); y += s) grid.ys.push_back(y);
        grid.ys.push_back(env.max_corner().y());
        for (double x = env.min_corner().x(); x < env.max_corner().x(); x += s) {
            grid.xs.push_back(x);
            for (double y = env.min_corner().y(); y < env.max_corner().y(); y += s) {
                Cells::Cell c;
                c.storey = storey;
                c.box = Box(Point(x, y), Point(std::min(x + s, env.max_corner().x()), std::min(y + s, env.max_corner().y())));
                for (size_t k = 0; k < floor.size(); ++k)
                    // A polygon wholly apart from the cell (boxes that do not
                    // even touch) clips to nothing: 0, not measured.
                    if (!gNewCells || bg::intersects(polyBoxes[k], c.box)) c.floor += areaInBox(floor[k], c.box);
                grid.cell.push_back(c.floor > kCellEps ? static_cast<int>(out.cells.size()) : -1);
                if (c.floor > kCellEps) out.cells.push_back(c);
            }
        }
        grid.xs.push_back(env.max_corner().x());
        out.grids.push_back(std::move(grid));
    }
    return out;
}

namespace {

// Where std::upper_bound puts v among the strictly ascending bounds `b`
// (the first greater than v), walking from `hint` (any index): the same
// index, found in a few steps when the hint is near.
int upperFrom(const std::vector<double>& b, double v, int hint) {
    const int n = static_cast<int>(b.size());
    if (!(v == v)) return static_cast<int>(std::upper_bound(b.begin(), b.end(), v) - b.begin());  // NaN
    int i = std::clamp(hint, 0, n);
    while (i > 0 && b[i - 1] > v) --i;
    while (i < n && b[i] <= v) ++i;
    return i;
}
// A hint for upperFrom on a grid's bounds, evenly spaced but for the last.
int guess(const std::vector<double>& b, double v) {
    if (b.size() < 2) return 0;
    const double g = (v - b.front()) / (b[1] - b[0]) + 1.0;
    return g > 0 && g < static_cast<double>(b.size()) ? static_cast<int>(g) : g > 0 ? static_cast<int>(b.size()) : 0;
}

// The area of rings in each cell of one storey's grid: the integral over a
// cell's column of the height of the rings' section within its row. Per
// edge and column, -dx times the mean height of the edge above the row's
// floor, clamped to the row (positive under a counter-clockwise ring); rows
// wholly below an edge get -dx times their height, summed per column in
// `below` (at the first row not wholly below) and spread at the end. The
// mean is taken exactly: the edge is cut where it crosses the row's bounds,
// and on each part the clamped height is linear, its mean the value at the
// part's middle (no division by a tiny rise, as for an edge nearly level).
// One accumulator for views (ringCellAreas) and seen floors (cellAreas).
class CellAccumulator {
public:
    CellAccumulator(const Cells& cells, int storey)
        : buffers_(buffers()), part_(buffers_.part), below_(buffers_.below), top_(buffers_.top), rows_(gNewRows) {
        for (const auto& gr : cells.grids)
            if (gr.storey == storey) grid_ = &gr;
        if (!grid_) return;
        nx_ = static_cast<int>(grid_->xs.size()) - 1;
        ny_ = static_cast<int>(grid_->ys.size()) - 1;
        if (nx_ <= 0 || ny_ <= 0) {
            grid_ = nullptr;
            return;
        }
        const size_t parts = static_cast<size_t>(nx_) * ny_, belows = static_cast<size_t>(nx_) * (ny_ + 1);
        if (!rows_) {
            // The former way: every buffer cleared whole.
            part_.assign(parts, 0.0);
            below_.assign(belows, 0.0);
            top_.assign(static_cast<size_t>(nx_), -1);
            return;
        }
        // Zero already (the last accumulator cleared the columns it reached):
        // only grown where too short.
        if (part_.size() < parts) part_.resize(parts, 0.0);
        if (below_.size() < belows) below_.resize(belows, 0.0);
        if (top_.size() < static_cast<size_t>(nx_)) top_.resize(static_cast<size_t>(nx_), -1);
    }
    ~CellAccumulator() {
        if (!grid_ || hi_ < lo_) return;
        // The columns reached, cleared for the next accumulator (either way:
        // the next may be of the current way).
        std::fill(part_.begin() + static_cast<std::ptrdiff_t>(lo_) * ny_, part_.begin() + static_cast<std::ptrdiff_t>(hi_ + 1) * ny_,
                  0.0);
        std::fill(below_.begin() + static_cast<std::ptrdiff_t>(lo_) * (ny_ + 1),
                  below_.begin() + static_cast<std::ptrdiff_t>(hi_ + 1) * (ny_ + 1), 0.0);
        std::fill(top_.begin() + lo_, top_.begin() + hi_ + 1, -1);
    }
    CellAccumulator(const CellAccumulator&) = delete;
    CellAccumulator& operator=(const CellAccumulator&) = delete;
    bool usable() const { return grid_ != nullptr; }

    void edge(const Point& p, const Point& q) {
        if (p.x() == q.x()) return;
        const std::vector<double>& xs = grid_->xs;
        const std::vector<double>& ys = grid_->ys;
        const int nx = nx_, ny = ny_;
        const double xlo = std::min(p.x(), q.x()), xhi = std::max(p.x(), q.x());
        const double sign = q.x() > p.x() ? 1.0 : -1.0;
        auto yAt = [&](double x) { return p.y() + (q.y() - p.y()) * ((x - p.x()) / (q.x() - p.x())); };
        int i = gNewCells ? upperFrom(xs, xlo, guess(xs, xlo)) - 1
                          : static_cast<int>(std::upper_bound(xs.begin(), xs.end(), xlo) - xs.begin()) - 1;
        i = std::max(i, 0);
        lo_ = std::min(lo_, i);
        // The height at a column's left bound is that at the last one's right
        // bound (the same x, the same expression): taken over, not recomputed.
        double lastB = std::numeric_limits<double>::quiet_NaN(), lastYb = 0.0;
        int rowHint = -1;  // the last column's first row: the next one's is near
        for (; i < nx && xs[i] < xhi; ++i) {
            hi_ = std::max(hi_, i);
            const double a = std::max(xlo, xs[i]), b = std::min(xhi, xs[i + 1]);
            if (b <= a) continue;
            const double ya = a == lastB ? lastYb : a == p.x() ? p.y() : a == q.x() ? q.y() : yAt(a);
            const double yb = b == p.x() ? p.y() : b == q.x() ? q.y() : yAt(b);
            lastB = b;
            lastYb = yb;
            const double dx = sign * (b - a);
            const double ylo = std::min(ya, yb), yhi = std::max(ya, yb);
            int k;
            if (gNewCells) {
                k = upperFrom(ys, ylo, rowHint < 0 ? guess(ys, ylo) : rowHint);
                rowHint = k;
            } else {
                k = static_cast<int>(std::upper_bound(ys.begin(), ys.end(), ylo) - ys.begin());
            }
            const int full = std::clamp(k - 1, 0, ny);
            below_[static_cast<size_t>(i) * (ny + 1) + full] -= dx;
            int j = full;
            for (; j < ny && ys[j] < yhi; ++j) {
                const double y0 = ys[j], h = ys[j + 1] - ys[j];
                // The parts of [0, 1] (from ya to yb) between the crossings
                // of y0 and y0 + h.
                double cuts[4] = {0.0, 0.0, 0.0, 1.0};
                int nc = 1;
                for (double cy : {y0, y0 + h})
                    if ((ya < cy && cy < yb) || (yb < cy && cy < ya)) cuts[nc++] = (cy - ya) / (yb - ya);
                if (nc == 3 && cuts[1] > cuts[2]) std::swap(cuts[1], cuts[2]);
                cuts[nc] = 1.0;
                double mean = 0.0;
                for (int m = 0; m < nc; ++m) {
                    const double t = (cuts[m] + cuts[m + 1]) / 2.0;
                    mean += (cuts[m + 1] - cuts[m]) * std::clamp(ya + (yb - ya) * t - y0, 0.0, h);
                }
                part_[static_cast<size_t>(i) * ny + j] -= dx * mean;
            }
            // Rows up to j - 1 written here, and those below full (the
            // spread of below_[full]): none above.
            top_[i] = std::max(top_[i], j - 1);
        }
    }

    // Each cell's area times `orient`, where more than `eps` (with
    // `atMostFloor`, at most the cell's floor); sorted by cell.
    std::vector<std::pair<int, double>> areas(const Cells& cells, double orient, double eps, bool atMostFloor) {
        std::vector<std::pair<int, double>> out;
        const std::vector<double>& ys = grid_->ys;
        const int ny = ny_;
        // Rows above a column's top (the highest an edge wrote to, or spread
        // to) hold nothing: their part and every below_ above them are 0, so
        // the spread leaves them 0 (no area, not listed) and reaches the rows
        // under them with a run of 0, as it started. The former way spreads
        // and reads every row.
        auto top = [&](int i) { return rows_ ? std::min(top_[i], ny - 1) : ny - 1; };
        // Room for every cell of the columns reached up to their tops: one
        // allocation, not a growing vector's dozen.
        size_t room = 0;
        for (int i = lo_; i <= hi_; ++i) room += static_cast<size_t>(top(i) + 1);
        out.reserve(room);
        // Columns no edge reached hold nothing.
        for (int i = lo_; i <= hi_; ++i) {
            const int rows = top(i) + 1;
            double run = 0.0;
            for (int j = rows - 1; j >= 0; --j) {
                run += below_[static_cast<size_t>(i) * (ny + 1) + j + 1];
                part_[static_cast<size_t>(i) * ny + j] += run * (ys[j + 1] - ys[j]);
            }
            for (int j = 0; j < rows; ++j) {
                const int c = grid_->cell[static_cast<size_t>(i) * ny + j];
                const double a = orient * part_[static_cast<size_t>(i) * ny + j];
                if (c >= 0 && a > eps) out.emplace_back(c, atMostFloor ? std::min(a, cells.cells[c].floor) : a);
            }
        }
        // By cell: cells are numbered column by column, row by row, as
        // here, so `out` is sorted already (checked, in linear time).
        if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
        return out;
    }

private:
    // The thread's own buffers, reused from call to call (one accumulator
    // at a time per thread): no allocation per view; one thread_local (a
    // call to __tls_get_addr in this shared library) for the three.
    struct Buffers {
        std::vector<double> part, below;
        std::vector<int> top;  // per column, the highest row reached (-1: none)
    };
    static Buffers& buffers() {
        thread_local Buffers b;
        return b;
    }
    Buffers& buffers_;
    std::vector<double>& part_;
    std::vector<double>& below_;
    std::vector<int>& top_;
    const bool rows_;  // up to each column's top only (false: every row, the former way)
    const Cells::Grid* grid_ = nullptr;
    int nx_ = 0, ny_ = 0;
    int lo_ = std::numeric_limits<int>::max(), hi_ = -1;  // the columns edges reached
};

}  // namespace

std::vector<std::pair<int, double>> ringCellAreas(const Cells& cells, int storey, const std::vector<Point>& ring) {
    CellAccumulator acc(cells, storey);
    if (!acc.usable() || ring.size() < 3) return {};
    const size_t n = ring.size();
    for (size_t e = 0; e < n; ++e) acc.edge(ring[e], ring[(e + 1) % n]);
    // Either orientation: the ring's own sign makes its areas positive.
    return acc.areas(cells, twiceArea(ring, n) < 0 ? -1.0 : 1.0, 0.0, false);
}

Cells makeCells(const GroupFloor& g, double size, const ScreenWay& way) {
    const FormerWays formerWays(way);
    return makeCells(g, size);
}

std::vector<std::pair<int, double>> ringCellAreas(const Cells& cells, int storey, const std::vector<Point>& ring,
                                                  const ScreenWay& way) {
    const FormerWays formerWays(way);
    return ringCellAreas(cells, storey, ring);
}

std::vector<std::pair<int, double>> cellAreas(const Cells& cells, int storey, const MultiPolygon& area) {
    CellAccumulator acc(cells, storey);
    if (!acc.usable()) return {};
    auto ring = [&](const Polygon::ring_type& r) {
        const size_t n = openSize(r);
        if (n < 3) return;
        for (size_t e = 0; e < n; ++e) acc.edge(r[e], r[(e + 1) % n]);
    };
    for (const auto& poly : area) {
        ring(poly.outer());
        for (const auto& in : poly.inners()) ring(in);
    }
    // Each ring counted by its own orientation (signed pieces), so no sign here.
    return acc.areas(cells, 1.0, kCellEps, true);
}

namespace {

// Where doorLineClear leaves a door line to the overlay: a distance this
// small (m) is not trusted to a computation in doubles (some 1e-13 m at
// 1e2 m from the origin, 1e-11 m at 1e5 m), nor a length this close to
// kMinDoorSeen.
constexpr double kDoorClear = 1e-7;  // m

// The squared distance from p to the segment a-b.
double distance2(const Point& p, const Point& a, const Point& b) {
    const Point c = nearestOnSegment(p, a, b);
    const double ex = c.x() - p.x(), ey = c.y() - p.y();
    return ex * ex + ey * ey;
}

// Whether a door line (one segment) is seen from a view (a polygon without
// holes), where that is clear without an overlay: 1 when its middle lies
// inside the view at a distance d from the view's boundary with
// min(2 d, its length) at least kMinDoorSeen (the part of the line within d
// of its middle is in view), 0 when its middle lies outside and the segment
// keeps away from every edge (nothing of it is in view); -1 otherwise (and
// for other lines or views), for bg::intersection to decide. Clear means by
// kDoorClear: far beyond the rounding of the overlay's length or of these
// distances, so the overlay would answer the same.
int doorLineClear(const LineString& l, const Polygon& view) {
    if (l.size() != 2 || !view.inners().empty()) return -1;
    const auto& ring = view.outer();
    const size_t n = openSize(ring);
    if (n < 3) return -1;
    const Point& a = l[0];
    const Point& b = l[1];
    const Point mid((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    const double len = std::hypot(b.x() - a.x(), b.y() - a.y());
    bool inside = false;   // the middle's (crossing number)
    bool touches = false;  // the segment crosses or comes near an edge
    double mid2 = std::numeric_limits<double>::infinity();  // squared distance from the middle to the boundary
    const double near2 = kDoorClear * kDoorClear;
    // The segment's box grown by kDoorClear: an edge whose box lies beyond
    // it neither crosses the segment nor comes within kDoorClear of it.
    const double sx0 = std::min(a.x(), b.x()) - kDoorClear, sx1 = std::max(a.x(), b.x()) + kDoorClear;
    const double sy0 = std::min(a.y(), b.y()) - kDoorClear, sy1 = std::max(a.y(), b.y()) + kDoorClear;
    for (size_t i = 0; i < n; ++i) {
        const Point& p = ring[i];
        const Point& q = ring[i + 1 == n ? 0 : i + 1];
        if ((p.y() > mid.y()) != (q.y() > mid.y()) &&
            mid.x() < p.x() + (mid.y() - p.y()) * (q.x() - p.x()) / (q.y() - p.y()))
            inside = !inside;
        const double ex0 = std::min(p.x(), q.x()), ex1 = std::max(p.x(), q.x());
        const double ey0 = std::min(p.y(), q.y()), ey1 = std::max(p.y(), q.y());
        // The edge's box, no nearer to the middle than the nearest edge so
        // far: nor is the edge.
        const double gx = std::max({0.0, ex0 - mid.x(), mid.x() - ex1}), gy = std::max({0.0, ey0 - mid.y(), mid.y() - ey1});
        if (gx * gx + gy * gy < mid2) mid2 = std::min(mid2, distance2(mid, p, q));
        if (touches || ex0 > sx1 || ex1 < sx0 || ey0 > sy1 || ey1 < sy0) continue;
        // Crossing (the signs of the four sides), or an end of one within
        // kDoorClear of the other: near-collinear and touching cases show
        // as one or the other.
        const double s1 = sideOf(p, q, a), s2 = sideOf(p, q, b), s3 = sideOf(a, b, p), s4 = sideOf(a, b, q);
        if (((s1 <= 0 && s2 >= 0) || (s1 >= 0 && s2 <= 0)) && ((s3 <= 0 && s4 >= 0) || (s3 >= 0 && s4 <= 0))) touches = true;
        else if (distance2(a, p, q) <= near2 || distance2(b, p, q) <= near2 || distance2(p, a, b) <= near2 ||
                 distance2(q, a, b) <= near2)
            touches = true;
    }
    const double d = std::sqrt(mid2);
    if (!(d > kDoorClear)) return -1;  // the middle on (or near) the boundary
    if (inside) return std::min(2 * d, len) >= kMinDoorSeen + kDoorClear ? 1 : -1;
    return touches ? -1 : 0;
}

}  // namespace

bool doorSeen(const std::vector<LineString>& lines, const Polygon& view) {
    for (const auto& l : lines) {
        // Where it is clear, without the overlay: the same answer (tests).
        if (gNewDoors) {
            const int clear = doorLineClear(l, view);
            if (clear == 1) return true;
            if (clear == 0) continue;
        }
        MultiLineString part;
        bg::intersection(l, view, part);
        if (bg::length(part) >= kMinDoorSeen) return true;
    }
    return false;
}

bool doorSeen(const std::vector<LineString>& lines, const Polygon& view, const ScreenWay& way) {
    const FormerWays formerWays(way);
    return doorSeen(lines, view);
}

namespace {

// The group's resident doors seen from a spot with this view (seen.view).
void seeDoors(const GroupFloor& g, Seen& seen) {
    seen.doors.assign(g.doors.size(), false);
    seen.doorsSeen = 0;
    const Box viewBox = bg::return_envelope<Box>(seen.view);
    for (size_t k = 0; k < g.doors.size(); ++k)
        if (g.doors[k].storey == seen.spot.storey && nearView(viewBox, g.doors[k].lines) &&
            doorSeen(g.doors[k].lines, seen.view)) {
            seen.doors[k] = true;
            ++seen.doorsSeen;
        }
}

}  // namespace

std::vector<Spot> candidates(const GroupFloor& g, int* reflexVertices, int* criticalSegments) {
    std::vector<Spot> out;
    for (const auto& [storey, domain] : g.domain) {
        // The doors' ends are not made sources of critical lines: in a
        // corridor lined with doors they multiply the arrangement while the
        // floor area, the first aim, does not change across them. Doors are
        // counted exactly at every candidate.
        Decomposition dec = decompose(domain, {});
        if (reflexVertices) *reflexVertices += dec.reflexVertices;
        if (criticalSegments) *criticalSegments += dec.criticalSegments;
        for (const auto& p : dec.facePoints) out.push_back({storey, p});
        for (const auto& p : dec.vertices) out.push_back({storey, p});
    }
    return out;
}

std::vector<Seen> evaluate(const GroupFloor& g, const std::vector<Spot>& spots, const ViewOf& viewOf,
                           const Cells* cells) {
    std::vector<Seen> out;
    out.reserve(spots.size());
    for (const auto& s : spots) {
        auto floor = g.shared.find(s.storey);
        if (floor == g.shared.end()) continue;
        std::string note;
        std::optional<Polygon> view = viewOf(s.storey).visibleFrom(s.at, note);
        if (!view) continue;
        Seen seen;
        seen.spot = s;
        // Not by an overlay: Boost's of a view with a needle's tip can
        // count more floor than the view holds, and CGAL's exact one cost
        // ten times the clipping (about 0.4 ms a view).
        auto& rings = g.sharedRings[s.storey];
        if (!rings) rings = std::make_shared<const FloorRings>(floor->second);
        seen.area = seenFloor(*rings, *view, s.at, seen.shared, &seen.sharedBoxes, &seen.sharedAreas);
        if (cells) seen.cellAreas = cellAreas(*cells, s.storey, seen.shared);
        seen.view = std::move(*view);
        seeDoors(g, seen);
        out.push_back(std::move(seen));
    }
    return out;
}

bool better(double area, int doors, double thanArea, int thanDoors) {
    if (area > thanArea + kAreaTie) return true;
    if (area < thanArea - kAreaTie) return false;
    return doors > thanDoors;
}

int bestSingle(const std::vector<Seen>& seen) {
    int best = -1;
    for (int i = 0; i < static_cast<int>(seen.size()); ++i)
        if (best < 0 || better(seen[i].area, seen[i].doorsSeen, seen[best].area, seen[best].doorsSeen)) best = i;
    return best;
}

std::pair<double, int> together(const Seen& a, const Seen& b) {
    int doors = 0;
    for (size_t k = 0; k < a.doors.size(); ++k) doors += (a.doors[k] || b.doors[k]) ? 1 : 0;
    double united = a.area + b.area;
    if (a.spot.storey == b.spot.storey && !a.shared.empty() && !b.shared.empty() &&
        bg::intersects(bg::return_envelope<Box>(a.shared), bg::return_envelope<Box>(b.shared))) {
        // What both see: one's seen floor inside the other's view (both
        // lie in the floor). Not by an overlay: Boost's can lose what both
        // see at a needle's tip (the union then counted up to a + b), and
        // CGAL's exact one was most of the search's time. areaInView is
        // within some 1e-11 m² of the exact area (6.5e-12 m² at most over
        // the 48,630 unions of the tests and bench_posts, against CGAL's).
        // The seen floor of fewer corners (of its pieces, seenFloor) is
        // cut, whichever comes first, so that together(a, b) ==
        // together(b, a) to the bit.
        const bool aFirst = cutFirst(a, b);
        const Seen& cut = aFirst ? a : b;
        const Seen& by = aFirst ? b : a;
        united = a.area + b.area - areaInView(cut.shared, by.view, by.spot.at, &cut.sharedBoxes, &cut.sharedAreas);
    }
    // The union holds at least either and at most both.
    return {std::clamp(united, std::max(a.area, b.area), a.area + b.area), doors};
}

std::pair<double, int> together(const Seen& a, const Seen& b, const ScreenWay& way) {
    const FormerWays formerWays(way);
    return together(a, b);
}

double togetherRough(const Seen& a, const Seen& b, const ScreenWay& way) {
    const FormerWays formerWays(way);
    return togetherRough(a, b);
}

double togetherRough(const Seen& a, const Seen& b) {
    double united = a.area + b.area;
    if (a.spot.storey == b.spot.storey && !a.shared.empty() && !b.shared.empty() &&
        bg::intersects(bg::return_envelope<Box>(a.shared), bg::return_envelope<Box>(b.shared))) {
        const bool aFirst = cutFirst(a, b);
        const Seen& cut = aFirst ? a : b;
        const Seen& by = aFirst ? b : a;
        united = a.area + b.area - areaInViewRough(cut.shared, by.view, by.spot.at, cut.sharedBoxes, cut.sharedAreas);
    }
    return std::clamp(united, std::max(a.area, b.area), a.area + b.area);
}

namespace {

// Unions of two entries of `seen` already measured the way bestPair's
// bySectors measures them (togetherRoughWith, to the bit), by the pair of
// indices (lower first).
using KnownUnions = std::map<std::pair<int, int>, double>;

// bestPair, with the unions in `known` (bySectors only) taken as measured;
// `reused` counts them.
PairChoice searchPairs(const GroupFloor& g, const std::vector<Seen>& seen, bool prune, const Cells* cells, bool bySectors,
                       const KnownUnions* known, long long* reused) {
    PairChoice best;
    const int n = static_cast<int>(seen.size());
    if (n < 2) return best;
    // The union of seen[i] and seen[j] with the doors: together(), or as
    // togetherRough with each spot's parts (RoughParts) made once.
    std::vector<RoughParts> parts(bySectors ? n : 0);
    auto unite = [&](int i, int j) -> std::pair<double, int> {
        if (!bySectors) return together(seen[i], seen[j]);
        const Seen& a = seen[i];
        const Seen& b = seen[j];
        int doors = 0;
        for (size_t k = 0; k < a.doors.size(); ++k) doors += (a.doors[k] || b.doors[k]) ? 1 : 0;
        if (known) {
            auto it = known->find({std::min(i, j), std::max(i, j)});
            if (it != known->end()) {
                if (reused) ++*reused;
                return {it->second, doors};
            }
        }
        return {togetherRoughWith(a, b, parts[i], parts[j]), doors};
    };
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    // By falling area: a pair's union is at most the sum of its areas, so
    // once that sum falls short of the best union no later pair can win.
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return seen[x].area > seen[y].area; });
    // Areas that differ by less than kRoundingTie (relative) are equal but
    // for rounding (spots that see the same floor, clipped through
    // different fans, differ by some 1e-15): such a run is put in index
    // order. Which of several equal pairs is found first, and which of two
    // spots that see the same is left out, must not follow the rounding.
    for (int s = 0; s < n;) {
        int e = s + 1;
        while (e < n && seen[order[e - 1]].area - seen[order[e]].area <=
                            kRoundingTie * std::max(1.0, seen[order[e - 1]].area))
            ++e;
        std::sort(order.begin() + s, order.begin() + e);
        s = e;
    }
    const bool bounded = prune && cells && !cells->cells.empty();
    if (bounded) {
        // A spot whose seen floor and doors lie within another's (met
        // earlier, so seeing at least as much) can be replaced by that one in
        // any pair without loss: leave it out. Of two spots that see the
        // same, the later one goes.
        std::vector<int> keep, left;
        for (int i : order) {
            budget::check("running rule 'sight_lines' (posts within others)");
            bool within = false;
            for (int j : keep)
                if (covers(seen[j], seen[i], [&] { return unite(i, j).first; })) {
                    within = true;
                    break;
                }
            (within ? left : keep).push_back(i);
        }
        if (keep.size() < 2 && !left.empty()) keep.push_back(left.front());  // a pair needs two spots
        best.dominated = n - static_cast<int>(keep.size());
        order = std::move(keep);
    }
    const int m = static_cast<int>(order.size());
    const int allDoors = static_cast<int>(g.doors.size());
    std::vector<double> mine(bounded ? cells->cells.size() : 0, 0.0);  // the first spot's area per cell
    for (int i = 0; i < m; ++i) {
        const Seen& a = seen[order[i]];
        if (prune && best.a >= 0) {
            if (i + 1 < m && a.area + seen[order[i + 1]].area < best.area - kAreaTie) break;
            if (best.area >= g.area - kAreaTie && best.doorsSeen == allDoors) break;  // everything seen
        }
        if (bounded)
            for (const auto& [cell, area] : a.cellAreas) mine[cell] = area;
        for (int j = i + 1; j < m; ++j) {
            // Every pair of candidate posts: bounded by the site's time budget.
            budget::check("running rule 'sight_lines' (pairs of posts)");
            const Seen& b = seen[order[j]];
            if (prune && best.a >= 0 && a.area + b.area < best.area - kAreaTie) break;
            if (bounded && best.a >= 0) {
                // In each cell the union holds at most the cell's floor.
                double excess = 0.0;
                for (const auto& [cell, area] : b.cellAreas)
                    excess += std::max(0.0, mine[cell] + area - cells->cells[cell].floor);
                const double ub = a.area + b.area - excess;
                if (ub < best.area - kAreaTie) {
                    ++best.pairsBounded;
                    continue;
                }
                // Nor can it win by doors when it sees no more of them and its
                // union cannot exceed the best by the tie (better()): where
                // the best pair sees the whole floor, most pairs that reach
                // it too. The bound is the union's up to rounding (some
                // 1e-11 m², against kAreaTie / 10 here).
                if (ub <= best.area + kAreaTie * 0.9) {
                    int doors = 0;
                    for (size_t k = 0; k < a.doors.size(); ++k) doors += (a.doors[k] || b.doors[k]) ? 1 : 0;
                    if (doors <= best.doorsSeen) {
                        ++best.pairsBounded;
                        continue;
                    }
                }
            }
            auto [area, doors] = unite(order[i], order[j]);
            ++best.pairsMeasured;
            if (best.a < 0 || better(area, doors, best.area, best.doorsSeen)) {
                best.a = order[i];
                best.b = order[j];
                best.area = area;
                best.doorsSeen = doors;
            }
        }
        if (bounded)
            for (const auto& [cell, area] : a.cellAreas) mine[cell] = 0.0;
    }
    return best;
}

}  // namespace

PairChoice bestPair(const GroupFloor& g, const std::vector<Seen>& seen, bool prune, const Cells* cells, bool bySectors) {
    return searchPairs(g, seen, prune, cells, bySectors, nullptr, nullptr);
}

namespace {

// Whether sum - Σ max(0, mine[k] + v - floor[k]) over the n entries (k, v)
// falls below `limit`: the terms summed in the given order into a local (the
// former loop kept its sum in memory), stopping as soon as it falls below
// (the terms are not negative, so the rounded partial sums only grow and
// sum less them only falls: the same answer as summing them all). When it
// does not, `value` (if given) gets sum less the whole excess, as the
// former loop computed it. The entries are read where they lie (a
// candidate's cells or blocks, by cell or block).
__attribute__((noinline)) bool boundBelow(double sum, double limit, const std::pair<int, double>* entries, size_t n,
                                          const double* mine, const double* floor, double* value = nullptr) {
    double excess = 0.0;
    size_t e = 0;
    while (e < n) {
        const size_t end = std::min(n, e + 8);
        for (; e < end; ++e) {
            const auto& [k, v] = entries[e];
            excess += std::max(0.0, mine[k] + v - floor[k]);
        }
        if (sum - excess < limit) return true;
    }
    if (value) *value = sum - excess;
    return false;
}

// What a candidate's rough view bounds: its seen floor per cell (at most the
// cell's floor, at most the view's area in the cell), by cell, and their sum;
// and the rough view itself, for roughSeen.
struct Bound {
    RoughView::Kind kind = RoughView::Unsure;
    double area = 0.0;
    std::vector<std::pair<int, double>> cells;
    std::vector<Point> ring;  // the rough view (open), when kind is Ring
};

Bound bound(const GroupFloor& g, const Spot& s, const ViewOf& viewOf, const Cells& cells) {
    Bound b;
    if (!g.shared.count(s.storey)) {
        b.kind = RoughView::None;  // evaluate() drops it as well
        return b;
    }
    RoughView v = viewOf(s.storey).roughFrom(s.at);
    b.kind = v.kind;
    if (v.kind != RoughView::Ring) return b;
    b.cells = ringCellAreas(cells, s.storey, v.ring);  // then at most each cell's floor, in place
    for (auto& [k, a] : b.cells) {
        a = std::min(cells.cells[k].floor, a);
        b.area += a;
    }
    b.ring = std::move(v.ring);
    return b;
}

Seen roughSeenOf(const GroupFloor& g, const Spot& s, const std::vector<Point>& ring, const Cells& cells) {
    Seen seen;
    seen.spot = s;
    seen.view.outer().assign(ring.begin(), ring.end());
    seen.view.outer().push_back(ring.front());
    bg::correct(seen.view);
    auto& rings = g.sharedRings[s.storey];
    if (!rings) rings = std::make_shared<const FloorRings>(g.shared.at(s.storey));
    seen.area = seenFloor(*rings, seen.view, s.at, seen.shared, &seen.sharedBoxes, &seen.sharedAreas);
    seen.cellAreas = cellAreas(cells, s.storey, seen.shared);
    seen.doors.assign(g.doors.size(), false);
    return seen;
}

// The candidates of `seen` found best, as a Best.
Best choose(const GroupFloor& g, const std::vector<Seen>& seen, const Cells& cells) {
    Best out;
    const int s = bestSingle(seen);
    if (s < 0) return out;
    out.single = seen[s];
    PairChoice p = bestPair(g, seen, true, &cells);
    if (p.a >= 0) {
        out.first = seen[p.a];
        out.second = seen[p.b];
        out.pairArea = p.area;
        out.pairDoorsSeen = p.doorsSeen;
    }
    out.pairsMeasured = p.pairsMeasured;
    out.pairsBounded = p.pairsBounded;
    return out;
}

// The search on rough figures (bestPosts, bestPostsRough): the best single
// and pair of `seen`, whose entries marked `onRough` are measured on their
// rough view (seen floor, per cell, doors; the others exactly), then the
// winners measured exactly (evaluate, together): the figures and views put in
// `out` are exact ones. `index`: each entry's place among the candidates.
// The pair is put in the order bestPair would give it on the exact figures
// (by falling area; areas within kRoundingTie, by index). False when a
// winner has no exact view, its exact seen floor or the pair's exact union
// lies more than kRoughError from the rough one, or other doors are seen
// (the caller then runs the former search).
bool chooseOnRough(const GroupFloor& g, const ViewOf& viewOf, const Cells& cells, const std::vector<Seen>& seen,
                   const std::vector<char>& onRough, const std::vector<int>& index, Best& out,
                   const KnownUnions* known = nullptr) {
    const int s = bestSingle(seen);
    if (s < 0) return true;
    const PairChoice p = searchPairs(g, seen, true, &cells, true, known, &out.unionsReused);
    out.pairsMeasured = p.pairsMeasured;
    out.pairsBounded = p.pairsBounded;
    bool holds = true;
    std::map<int, std::optional<Seen>> exactOf;
    auto exact = [&](int k) -> const Seen* {
        if (!onRough[k]) return &seen[k];
        auto it = exactOf.find(k);
        if (it == exactOf.end()) {
            // Without its cell areas: the search is done.
            std::vector<Seen> one = evaluate(g, {seen[k].spot}, viewOf);
            ++out.exactViews;
            it = exactOf.emplace(k, one.empty() ? std::nullopt : std::optional<Seen>(std::move(one.front()))).first;
            const std::optional<Seen>& e = it->second;
            if (!e || std::abs(e->area - seen[k].area) > kRoughError || e->doors != seen[k].doors) holds = false;
        }
        return it->second ? &*it->second : nullptr;
    };
    const Seen* single = exact(s);
    if (!single) return false;
    out.single = *single;
    if (p.a >= 0) {
        const Seen* a = exact(p.a);
        const Seen* b = exact(p.b);
        if (!a || !b) return false;
        const bool tied = std::abs(a->area - b->area) <= kRoundingTie * std::max(1.0, std::max(a->area, b->area));
        const bool aFirst = tied ? index[p.a] < index[p.b] : a->area > b->area;
        const auto [area, doors] = together(*a, *b);
        if (std::abs(area - p.area) > kRoughError || doors != p.doorsSeen) holds = false;
        out.first = aFirst ? *a : *b;
        out.second = aFirst ? *b : *a;
        out.pairArea = area;
        out.pairDoorsSeen = doors;
    }
    return holds;
}

}  // namespace

std::optional<Seen> roughSeen(const GroupFloor& g, const Spot& s, const ViewOf& viewOf, const Cells& cells) {
    if (!g.shared.count(s.storey)) return std::nullopt;
    const RoughView v = viewOf(s.storey).roughFrom(s.at);
    if (v.kind != RoughView::Ring) return std::nullopt;
    return roughSeenOf(g, s, v.ring, cells);
}

Best bestPosts(const GroupFloor& g, const ViewOf& viewOf, const ScreenWay& way) {
    // The former clipping when asked, until return (written only then).
    const FormerWays formerWays(way);
    const Cells cells = makeCells(g);
    const std::vector<Spot> spots = candidates(g);
    const int n = static_cast<int>(spots.size());
    std::vector<Bound> bounds;
    bounds.reserve(spots.size());
    for (const Spot& s : spots) {
        budget::check("running rule 'sight_lines' (rough views)");
        bounds.push_back(bound(g, s, viewOf, cells));
    }

    std::vector<std::optional<Seen>> exact(n), rough(n);
    // Measured: entered into the search, with its figures: on its rough view
    // (onRough: the rough seen floor with the doors seen from it), or, the
    // former way or where the rough view is Unsure, exactly.
    std::vector<bool> measured(n, false);
    std::vector<char> onRough(n, 0);
    int exactViews = 0, roughFigures = 0;
    auto measure = [&](int i) {
        if (measured[i]) return;
        measured[i] = true;
        if (!way.formerExact && bounds[i].kind == RoughView::Ring) {
            if (!rough[i]) rough[i] = roughSeenOf(g, spots[i], bounds[i].ring, cells);
            seeDoors(g, *rough[i]);
            onRough[i] = 1;
            ++roughFigures;
            return;
        }
        ++exactViews;
        std::vector<Seen> one = evaluate(g, {spots[i]}, viewOf, &cells);
        if (!one.empty()) exact[i] = std::move(one.front());
    };
    // A measured candidate's figures (none: no view).
    auto figure = [&](int i) -> const Seen* { return onRough[i] ? &*rough[i] : exact[i] ? &*exact[i] : nullptr; };
    // A candidate's figures for the screen: its figures when measured, else
    // its rough seen floor (made when first asked for; only candidates with
    // a rough view are asked).
    auto estimate = [&](int i) -> const Seen* {
        if (measured[i]) return figure(i);
        if (!rough[i]) rough[i] = roughSeenOf(g, spots[i], bounds[i].ring, cells);
        return &*rough[i];
    };
    for (int i = 0; i < n; ++i)
        if (bounds[i].kind == RoughView::Unsure) measure(i);

    // By falling bound; the best single area can only be met by a candidate
    // whose bound reaches it.
    std::vector<int> order;
    for (int i = 0; i < n; ++i)
        if (bounds[i].kind == RoughView::Ring) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return bounds[x].area > bounds[y].area; });
    double bestArea = -1.0;
    for (int i = 0; i < n; ++i)
        if (measured[i] && figure(i)) bestArea = std::max(bestArea, figure(i)->area);
    int estimatedRing = 0;
    for (int i : order) {
        // Two at least, for a first pair.
        if (estimatedRing >= 2 && bounds[i].area < bestArea - kScreenMargin) break;
        const Seen* e = estimate(i);
        ++estimatedRing;
        if (e) bestArea = std::max(bestArea, e->area);
    }

    // When a candidate sees (about) the whole floor, every candidate's union
    // with it reaches the whole floor, so the screen below would measure
    // every candidate (each in an estimated union within the margin of the
    // best): they are measured now, without it, and the search runs on all
    // of them as bestPostsEvery's does.
    const bool seesAll = bestArea >= g.area - kScreenMargin;
    if (seesAll)
        for (int i = 0; i < n; ++i) measure(i);

    // The best pair. A candidate's figures: estimated when known (exact or
    // rough seen floor), else its rough bound. The cell bound of a pair's
    // union (at most the cell's floor in each cell, at most the sum of both
    // there) is compared with the best union estimated so far: pairs are
    // taken by falling bound and their union estimated, until no bound
    // reaches that union less the margin.
    auto known = [&](int i) { return measured[i] || rough[i].has_value(); };
    auto area = [&](int i) { return known(i) ? estimate(i)->area : bounds[i].area; };
    auto cellsOf = [&](int i) -> const std::vector<std::pair<int, double>>& {
        return known(i) ? estimate(i)->cellAreas : bounds[i].cells;
    };
    std::vector<int> viewable;  // none when every candidate is measured already
    for (int i = 0; i < n && !seesAll; ++i)
        if ((measured[i] && figure(i)) || (!measured[i] && bounds[i].kind == RoughView::Ring)) viewable.push_back(i);
    std::stable_sort(viewable.begin(), viewable.end(), [&](int x, int y) { return area(x) > area(y); });
    std::vector<double> mine(cells.cells.size(), 0.0);
    auto unionBound = [&](int b) {  // with the candidate in `mine`
        double excess = 0.0;
        for (const auto& [cell, a] : cellsOf(b)) excess += std::max(0.0, mine[cell] + a - cells.cells[cell].floor);
        return excess;
    };
    double pairFloor = -1.0;
    long long roughUnions = 0;
    struct Union {
        int a, b;
        double area;
    };
    std::vector<Union> unions;  // estimated
    std::vector<double> unionOf(n, -1.0);  // per candidate, the largest union estimated with it
    std::vector<RoughParts> parts(n);      // per candidate, what its unions read (made once)
    // `listed`: the pair's bound in the list (pairs are estimated by falling
    // listed bound; no union exceeds its bound but for rounding, far below
    // kRoughError), so no union estimated from here on exceeds `ceiling`.
    // When both are measured already, or each is in a union that reaches
    // `ceiling` less the margin, both will be measured whatever this union
    // is and the exact search measures it: it is not estimated (pairFloor
    // may then stay lower, which screens out less, never more).
    auto estimatePair = [&](int a, int b, double listed) {
        const double ceiling = std::max(pairFloor, listed + kRoughError);
        auto sure = [&](int i) { return measured[i] || unionOf[i] >= ceiling - kScreenMargin; };
        if (sure(a) && sure(b)) return;
        const Seen* ea = estimate(a);
        const Seen* eb = estimate(b);
        if (!ea || !eb) return;
        // The union is estimated only when its bound, now from estimated
        // figures, reaches the floor less the margin.
        for (const auto& [cell, ar] : ea->cellAreas) mine[cell] = ar;
        const double ub = ea->area + eb->area - unionBound(b);
        for (const auto& [cell, ar] : ea->cellAreas) mine[cell] = 0.0;
        if (ub >= pairFloor - kScreenMargin) {
            const double u = way.formerUnions ? togetherRough(*ea, *eb) : togetherRoughWith(*ea, *eb, parts[a], parts[b]);
            ++roughUnions;
            unions.push_back({a, b, u});
            unionOf[a] = std::max(unionOf[a], u);
            unionOf[b] = std::max(unionOf[b], u);
            pairFloor = std::max(pairFloor, u);
        }
    };
    // A first union: the best single with the candidate whose bound adds most to it.
    int first = -1;
    for (int i : viewable)
        if (known(i) && estimate(i) && (first < 0 || estimate(i)->area > estimate(first)->area)) first = i;
    if (first >= 0) {
        for (const auto& [cell, a] : cellsOf(first)) mine[cell] = a;
        int partner = -1;
        double partnerBound = -1.0;
        if (way.formerPartner) {
            for (int j : viewable) {
                if (j == first) continue;
                const double ub = area(first) + area(j) - unionBound(j);
                if (ub > partnerBound) partnerBound = ub, partner = j;
            }
        } else {
            // As above, deciding no sooner than needed: a bound is the sum
            // of both areas less its excess, never more than that sum, and
            // the sums only fall along `viewable` (by falling area), so once
            // one is no more than the best bound none after it can beat it;
            // and a bound whose excess so far already puts it below the best
            // cannot beat it (boundBelow; the excess only grows). The bound
            // that can is summed whole, in the same order: the same partner.
            std::vector<double> floorOf(cells.cells.size());
            for (size_t c = 0; c < cells.cells.size(); ++c) floorOf[c] = cells.cells[c].floor;
            for (int j : viewable) {
                if (j == first) continue;
                const double sum = area(first) + area(j);
                if (sum <= partnerBound) break;
                const std::vector<std::pair<int, double>>& cs = cellsOf(j);
                double ub = 0.0;
                if (boundBelow(sum, partnerBound, cs.data(), cs.size(), mine.data(), floorOf.data(), &ub)) continue;
                if (ub > partnerBound) partnerBound = ub, partner = j;
            }
        }
        for (const auto& [cell, a] : cellsOf(first)) mine[cell] = 0.0;
        if (partner >= 0) estimatePair(first, partner, std::numeric_limits<double>::infinity());
    }
    struct PairBound {
        double bound;
        int a, b;
    };
    // Blocks of kBlock x kBlock cells: the same bound per block (each
    // block's floor, each candidate's area there) is at least the bound per
    // cell (the excess over a block's floor is at most the sum of its
    // cells'), and is summed over some 16 times fewer terms. A pair whose
    // block bound falls short (with a hair for rounding) is passed over
    // without the cell bound, which would fall shorter.
    constexpr int kBlock = 4;
    std::vector<int> blockOf(cells.cells.size(), 0);
    std::vector<double> blockFloor;
    for (const Cells::Grid& gr : cells.grids) {
        const int nx = static_cast<int>(gr.xs.size()) - 1, ny = static_cast<int>(gr.ys.size()) - 1;
        if (nx <= 0 || ny <= 0) continue;
        const int base = static_cast<int>(blockFloor.size()), nby = (ny + kBlock - 1) / kBlock;
        blockFloor.resize(blockFloor.size() + static_cast<size_t>((nx + kBlock - 1) / kBlock) * nby, 0.0);
        for (int i = 0; i < nx; ++i)
            for (int j = 0; j < ny; ++j) {
                const int c = gr.cell[static_cast<size_t>(i) * ny + j];
                if (c < 0) continue;
                blockOf[c] = base + (i / kBlock) * nby + j / kBlock;
                blockFloor[blockOf[c]] += cells.cells[c].floor;
            }
    }
    // Each candidate's area per block (the sum of its cells' there, in
    // their order), by first cell: the former way (the pair listing's
    // reference) looks each cell's block up in the list made so far.
    std::vector<std::vector<std::pair<int, double>>> blocks(way.formerListing ? n : 0);
    if (way.formerListing)
        for (int i : viewable) {
            for (const auto& [cell, ar] : cellsOf(i)) {
                const int k = blockOf[cell];
                if (blocks[i].empty() || blocks[i].back().first != k) {
                    auto it = std::find_if(blocks[i].begin(), blocks[i].end(), [k](const auto& e) { return e.first == k; });
                    if (it != blocks[i].end()) {
                        it->second += ar;
                        continue;
                    }
                    blocks[i].emplace_back(k, 0.0);
                }
                blocks[i].back().second += ar;
            }
        }
    std::vector<double> mineBlock(blockFloor.size(), 0.0);
    std::vector<PairBound> pairs;
    if (way.formerListing) {
        // The former loop (the reference of bench_posts' BM_PairListing).
        for (size_t x = 0; x < viewable.size(); ++x) {
            budget::check("running rule 'sight_lines' (pairs of rough views)");
            const int a = viewable[x];
            for (const auto& [cell, ar] : cellsOf(a)) mine[cell] = ar;
            for (const auto& [k, ar] : blocks[a]) mineBlock[k] = ar;
            for (size_t y = x + 1; y < viewable.size(); ++y) {
                const int b = viewable[y];
                if (area(a) + area(b) < pairFloor - kScreenMargin) break;
                double blockExcess = 0.0;
                for (const auto& [k, ar] : blocks[b]) blockExcess += std::max(0.0, mineBlock[k] + ar - blockFloor[k]);
                if (area(a) + area(b) - blockExcess < pairFloor - kScreenMargin - 1e-9) continue;
                const double ub = area(a) + area(b) - unionBound(b);
                if (ub >= pairFloor - kScreenMargin) pairs.push_back({ub, a, b});
            }
            for (const auto& [cell, ar] : cellsOf(a)) mine[cell] = 0.0;
            for (const auto& [k, ar] : blocks[a]) mineBlock[k] = 0.0;
        }
    } else {
        // The same bounds from flat arrays: each viewable candidate's area,
        // blocks (one list for all) and cells (read where they lie), the
        // cells' floor side by side, the sums in the same order as the former
        // loop's, each stopped as soon as it decides (boundBelow).
        const size_t nv = viewable.size();
        std::vector<double> areaOf(nv), cellFloor(cells.cells.size());
        std::vector<std::pair<int, double>> blockList;  // every candidate's blocks, one after another
        std::vector<size_t> blockAt(nv + 1, 0);
        std::vector<const std::pair<int, double>*> cellList(nv);  // each candidate's cells, where they lie
        std::vector<size_t> cellCount(nv);
        for (size_t c = 0; c < cells.cells.size(); ++c) cellFloor[c] = cells.cells[c].floor;
        {
            // A candidate's blocks summed in place (the same additions in the
            // same order as the former list's), listed by first cell.
            std::vector<double> blockSum(blockFloor.size(), 0.0);
            std::vector<char> blockMet(blockFloor.size(), 0);
            std::vector<int> met;
            for (size_t v = 0; v < nv; ++v) {
                const int i = viewable[v];
                areaOf[v] = area(i);
                const std::vector<std::pair<int, double>>& cs = cellsOf(i);
                cellList[v] = cs.data();
                cellCount[v] = cs.size();
                met.clear();
                for (const auto& [cell, ar] : cs) {
                    const int k = blockOf[cell];
                    if (!blockMet[k]) {
                        blockMet[k] = 1;
                        met.push_back(k);
                    }
                    blockSum[k] += ar;
                }
                for (int k : met) {
                    blockList.emplace_back(k, blockSum[k]);
                    blockSum[k] = 0.0;
                    blockMet[k] = 0;
                }
                blockAt[v + 1] = blockList.size();
            }
        }
        const double limit = pairFloor - kScreenMargin;
        for (size_t x = 0; x < nv; ++x) {
            // No pair with the next (the sum of areas is short): none with
            // any later one, nor of two later ones (areas only fall).
            if (x + 1 < nv && areaOf[x] + areaOf[x + 1] < limit) break;
            budget::check("running rule 'sight_lines' (pairs of rough views)");
            for (size_t e = 0; e < cellCount[x]; ++e) mine[cellList[x][e].first] = cellList[x][e].second;
            for (size_t e = blockAt[x]; e < blockAt[x + 1]; ++e) mineBlock[blockList[e].first] = blockList[e].second;
            for (size_t y = x + 1; y < nv; ++y) {
                const double sum = areaOf[x] + areaOf[y];
                if (sum < limit) break;
                if (boundBelow(sum, limit - 1e-9, blockList.data() + blockAt[y], blockAt[y + 1] - blockAt[y], mineBlock.data(),
                               blockFloor.data()))
                    continue;
                double ub = 0.0;
                if (boundBelow(sum, limit, cellList[y], cellCount[y], mine.data(), cellFloor.data(), &ub)) continue;
                pairs.push_back({ub, viewable[x], viewable[y]});
            }
            for (size_t e = 0; e < cellCount[x]; ++e) mine[cellList[x][e].first] = 0.0;
            for (size_t e = blockAt[x]; e < blockAt[x + 1]; ++e) mineBlock[blockList[e].first] = 0.0;
        }
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const PairBound& x, const PairBound& y) { return x.bound > y.bound; });
    const long long pairsListed = static_cast<long long>(pairs.size());
    for (const PairBound& p : pairs) {
        if (p.bound < pairFloor - kScreenMargin) break;
        budget::check("running rule 'sight_lines' (pairs of rough views)");
        estimatePair(p.a, p.b, p.bound);
    }

    // Measured exactly: every candidate whose estimate reaches the best
    // single area, and both of every pair whose estimated union reaches the
    // best union, less the margin. A candidate left out has an estimate (or
    // a bound) below the best single by the margin, and with every other
    // candidate a union estimate (or bound) below the best union by the
    // margin: with estimates within kRoughError of the exact figures it loses
    // every comparison of the exact search.
    double bestEstimate = -1.0;
    for (int i = 0; i < n; ++i)
        if (known(i) && estimate(i)) bestEstimate = std::max(bestEstimate, estimate(i)->area);
    for (int i = 0; i < n; ++i)
        if (rough[i] && !measured[i] && rough[i]->area >= bestEstimate - kScreenMargin) measure(i);
    for (const Union& u : unions)
        if (u.area >= pairFloor - kScreenMargin) {
            measure(u.a);
            measure(u.b);
        }

    // The bounds and estimates hold for every candidate measured (else:
    // measure them all).
    bool holds = true;
    for (int i = 0; i < n && holds; ++i) {
        if (!measured[i] || bounds[i].kind != RoughView::Ring) continue;
        const Seen* f = figure(i);
        if (!f || f->area > bounds[i].area + kScreenMargin / 2) holds = false;
        else if (!onRough[i] && rough[i] && std::abs(f->area - rough[i]->area) > kRoughError) holds = false;
    }
    // The best estimated union, exactly (the others within the margin are
    // measured by the search itself).
    const Union* top = nullptr;
    for (const Union& u : unions)
        if (!top || u.area > top->area) top = &u;
    if (holds && top && measured[top->a] && measured[top->b] && figure(top->a) && figure(top->b) &&
        (rough[top->a] || rough[top->b]) &&
        std::abs(together(*figure(top->a), *figure(top->b)).first - top->area) > kRoughError)
        holds = false;
    if (!holds)
        for (int i = 0; i < n; ++i) measure(i);

    int withView = 0;
    for (int i = 0; i < n; ++i) withView += (measured[i] && figure(i)) || (!measured[i] && bounds[i].kind == RoughView::Ring) ? 1 : 0;
    int roughViews = 0;
    for (int i = 0; i < n; ++i) roughViews += rough[i] ? 1 : 0;
    std::vector<Seen> seen;
    std::vector<char> seenRough;
    std::vector<int> index;
    for (int i = 0; i < n; ++i)
        if (measured[i] && figure(i)) {
            seen.push_back(onRough[i] ? std::move(*rough[i]) : std::move(*exact[i]));
            seenRough.push_back(onRough[i]);
            index.push_back(i);
        }
    Best out;
    // The screen's unions, measured as the search measures them (the same
    // figures, togetherRoughWith): not measured again.
    KnownUnions screenUnions;
    if (!way.formerExact) {
        std::vector<int> place(n, -1);
        for (size_t k = 0; k < index.size(); ++k) place[index[k]] = static_cast<int>(k);
        for (const Union& u : unions)
            if (place[u.a] >= 0 && place[u.b] >= 0)
                screenUnions.emplace(std::make_pair(std::min(place[u.a], place[u.b]), std::max(place[u.a], place[u.b])), u.area);
    }
    if (way.formerExact) out = choose(g, seen, cells);
    else if (!chooseOnRough(g, viewOf, cells, seen, seenRough, index, out, &screenUnions)) {
        // A winner's exact figures are not its rough ones (within
        // kRoughError, the same doors): the former search.
        ScreenWay former = way;
        former.formerExact = true;
        return bestPosts(g, viewOf, former);
    }
    out.candidates = withView;
    out.exactViews += exactViews;
    out.roughFigures = roughFigures;
    out.roughViews = roughViews;
    out.pairsListed = pairsListed;
    out.roughUnions = roughUnions;
    return out;
}

Best bestPostsEvery(const GroupFloor& g, const ViewOf& viewOf) {
    const Cells cells = makeCells(g);
    const std::vector<Seen> seen = evaluate(g, candidates(g), viewOf, &cells);
    Best out = choose(g, seen, cells);
    out.candidates = static_cast<int>(seen.size());
    out.exactViews = out.candidates;
    return out;
}

Best bestPostsRough(const GroupFloor& g, const ViewOf& viewOf) {
    const Cells cells = makeCells(g);
    const std::vector<Spot> spots = candidates(g);
    std::vector<Seen> seen;
    std::vector<char> onRough;
    std::vector<int> index;
    int exactViews = 0;
    for (int i = 0; i < static_cast<int>(spots.size()); ++i) {
        const Spot& s = spots[i];
        if (!g.shared.count(s.storey)) continue;
        const RoughView v = viewOf(s.storey).roughFrom(s.at);
        if (v.kind == RoughView::None) continue;
        if (v.kind == RoughView::Ring) {
            seen.push_back(roughSeenOf(g, s, v.ring, cells));
            seeDoors(g, seen.back());
            onRough.push_back(1);
        } else {
            ++exactViews;
            std::vector<Seen> one = evaluate(g, {s}, viewOf, &cells);
            if (one.empty()) continue;
            seen.push_back(std::move(one.front()));
            onRough.push_back(0);
        }
        index.push_back(i);
    }
    Best out;
    if (!chooseOnRough(g, viewOf, cells, seen, onRough, index, out)) return bestPostsEvery(g, viewOf);
    out.candidates = static_cast<int>(seen.size());
    out.exactViews += exactViews;
    out.roughFigures = static_cast<int>(std::count(onRough.begin(), onRough.end(), 1));
    return out;
}

}  // namespace vgscan::sight
