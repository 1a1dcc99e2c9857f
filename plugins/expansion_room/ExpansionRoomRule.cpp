#include "ExpansionRoomRule.h"

#include "ExactDoubles.h"
#include "FitScreen.h"
#include "StarRing.h"

#include "model/Model.h"
#include "rules/RuleKit.h"

// CGAL stays in this one file and ExactDoubles.h (compile time and memory);
// the screens in doubles are in FitScreen.cpp.
#include <CGAL/Exact_predicates_exact_constructions_kernel.h>
#include <CGAL/Polygon_2.h>
#include <CGAL/Polygon_set_2.h>
#include <CGAL/Polygon_with_holes_2.h>
#include <CGAL/convex_hull_2.h>
#include <CGAL/minkowski_sum_2.h>

#include <QObject>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <queue>
#include <vector>

namespace vgscan {

namespace {

// Exact constructions: the Minkowski sums and Booleans decide "fits" by
// exact predicates on the (double) input, so a near-tight fit is never lost
// or invented by rounding inside the geometry.
using K = CGAL::Epeck;
using Pt = K::Point_2;
using Poly = CGAL::Polygon_2<K>;
using Pwh = CGAL::Polygon_with_holes_2<K>;
using PSet = CGAL::Polygon_set_2<K>;

constexpr double kPi = std::numbers::pi;
// Round distances (the clearance round a building corner, the setback round a
// reflex plot corner) become polygons circumscribing the arc, at most this
// angle per segment: never nearer than the distance, at most 0.12 % farther.
constexpr double kArcStep = 2.0 * kPi / 64.0;
// A module that fits to within 1 mm counts: regularised Booleans drop a fit
// with exactly zero slack, and the input is not drawn to the millimetre.
constexpr double kFitTolerance = 0.001;
// Edge directions always tried (the longest edges first), and the shortest
// edge whose direction counts (a curved boundary would give hundreds).
constexpr std::size_t kMaxEdgeDirections = 8;
constexpr double kMinEdgeLength = 1.0;

using expansion::Proof;
using expansion::V;

Pt pt(V v) { return Pt(v.x, v.y); }
V vd(const Pt& p) { return expansion::toDoubles(p); }

// The plot's lower-left corner is the local origin, so RD coordinates
// (~1e5 m) keep their precision in the sums of small offsets.
struct Frame {
    double ox = 0.0, oy = 0.0;
};

template <class Ring>
std::vector<V> ringPoints(const Ring& ring, const Frame& f) {
    std::vector<V> pts;
    for (const auto& p : ring) {
        V v{p.x() - f.ox, p.y() - f.oy};
        if (!pts.empty() && pts.back().x == v.x && pts.back().y == v.y) continue;
        pts.push_back(v);
    }
    while (pts.size() > 1 && pts.front().x == pts.back().x && pts.front().y == pts.back().y) pts.pop_back();
    return pts;
}

// A simple polygon with area, counter-clockwise; nullopt otherwise. Most
// rings the rule makes (grown footprints, the band's strips and fans, most
// plots) are star-shaped from their vertices' mean: proven simple there
// without CGAL's sweep (StarRing.h; the same answer), else the sweep.
std::optional<Poly> simplePoly(const std::vector<V>& pts) {
    if (pts.size() < 3) return std::nullopt;
    Poly p;
    V mean{0.0, 0.0};
    for (const V& v : pts) {
        p.push_back(pt(v));
        mean = mean + v;
    }
    mean = (1.0 / static_cast<double>(pts.size())) * mean;
    if (const auto star = expansion::starShapedFrom(p, mean.x, mean.y)) {
        if (*star == CGAL::CLOCKWISE) p.reverse_orientation();
        return p;
    }
    if (!p.is_simple()) return std::nullopt;
    auto o = p.orientation();
    if (o == CGAL::COLLINEAR) return std::nullopt;
    if (o == CGAL::CLOCKWISE) p.reverse_orientation();
    return p;
}

void addPiece(std::vector<Poly>& out, const std::vector<V>& pts) {
    if (auto p = simplePoly(pts)) out.push_back(std::move(*p));
}

double area(const Pwh& p) {
    double a = CGAL::to_double(p.outer_boundary().area());
    for (auto h = p.holes_begin(); h != p.holes_end(); ++h) a += CGAL::to_double(h->area());  // holes are clockwise
    return a;
}

std::vector<Pwh> pieces(const PSet& s) {
    std::vector<Pwh> out;
    s.polygons_with_holes(std::back_inserter(out));
    return out;
}

double area(const PSet& s) {
    double a = 0.0;
    for (const Pwh& p : pieces(s)) a += area(p);
    return a;
}

// A polygon from the model as a regularised point set (outer less holes);
// `repaired` is set when a ring is not simple: a non-simple outer ring is
// replaced by its convex hull (more, never less, is taken), a non-simple hole
// is dropped (it is filled). With `repair` false a non-simple outer ring gives
// an empty set.
PSet toSet(const Polygon& poly, const Frame& f, bool repair, bool& repaired) {
    PSet s;
    std::vector<V> outer = ringPoints(poly.outer(), f);
    auto op = simplePoly(outer);
    if (!op) {
        repaired = true;
        if (!repair || outer.size() < 3) return s;
        std::vector<Pt> in, hull;
        for (const V& v : outer) in.push_back(pt(v));
        CGAL::convex_hull_2(in.begin(), in.end(), std::back_inserter(hull));
        Poly h(hull.begin(), hull.end());
        if (hull.size() < 3 || h.orientation() == CGAL::COLLINEAR) return s;
        s.insert(h);
        return s;
    }
    s.insert(*op);
    for (const auto& ring : poly.inners()) {
        if (auto hp = simplePoly(ringPoints(ring, f)))
            s.difference(*hp);
        else
            repaired = true;
    }
    return s;
}

V leftNormal(V a, V b) {
    const double dx = b.x - a.x, dy = b.y - a.y, l = std::hypot(dx, dy);
    return {-dy / l, dx / l};
}

// Fan round corner v from unit direction s counter-clockwise to unit
// direction e, radius r, its arc circumscribed: v, v + r s, the arc's
// corners, v + r e; empty where there is no real corner. Its two straight
// sides meet the neighbouring edge strips exactly (the same doubles).
std::vector<V> fanPoints(V v, V s, V e, double r) {
    const double a0 = std::atan2(s.y, s.x);
    double sweep = std::atan2(e.y, e.x) - a0;
    while (sweep <= 0.0) sweep += 2.0 * kPi;
    if (sweep < 1e-9 || sweep >= kPi) return {};  // no real corner
    const int k = std::max(1, static_cast<int>(std::ceil(sweep / kArcStep - 1e-9)));
    const double step = sweep / k, rr = r / std::cos(step / 2.0);
    std::vector<V> pts{v, v + r * s};
    for (int i = 0; i < k; ++i) {
        const double a = a0 + (i + 0.5) * step;
        pts.push_back(v + rr * V{std::cos(a), std::sin(a)});
    }
    pts.push_back(v + r * e);
    return pts;
}

void addFan(std::vector<Poly>& out, V v, V s, V e, double r) {
    const std::vector<V> pts = fanPoints(v, s, e, r);
    if (!pts.empty()) addPiece(out, pts);
}

// The points of a region within distance r of its boundary, on one side:
// inside (a setback) or outside (a clearance). A strip along every edge and a
// fan round every corner where the strips leave a gap (reflex corners inside,
// convex corners outside). Together they are exactly the set of points on
// that side nearer than r to the boundary, up to the circumscribed arcs.
void addBand(std::vector<Poly>& out, const Pwh& region, double r, bool inside) {
    auto ring = [&](const Poly& poly) {
        // CGAL's orientation: the region is on the left of every ring.
        std::vector<V> p;
        for (auto it = poly.vertices_begin(); it != poly.vertices_end(); ++it) p.push_back(vd(*it));
        const std::size_t n = p.size();
        if (n < 3) return;
        std::vector<V> nrm(n);  // unit normal of edge i (p[i] -> p[i+1]) towards the band
        for (std::size_t i = 0; i < n; ++i) {
            V l = leftNormal(p[i], p[(i + 1) % n]);
            nrm[i] = inside ? l : V{-l.x, -l.y};
        }
        for (std::size_t i = 0; i < n; ++i) {
            const V a = p[i], b = p[(i + 1) % n];
            addPiece(out, {a, b, b + r * nrm[i], a + r * nrm[i]});
            const std::size_t prev = (i + n - 1) % n;
            const auto turn = CGAL::orientation(pt(p[prev]), pt(a), pt(b));
            if (inside && turn == CGAL::RIGHT_TURN) addFan(out, a, nrm[i], nrm[prev], r);
            if (!inside && turn == CGAL::LEFT_TURN) addFan(out, a, nrm[prev], nrm[i], r);
        }
    };
    ring(region.outer_boundary());
    for (auto h = region.holes_begin(); h != region.holes_end(); ++h) ring(*h);
}

// A convex footprint (no holes, every corner a strict left turn) with the
// points within r outside it, as the one polygon that addBand's strips and
// fans tile: each strip's outer edge, then the fan's arc round the next
// corner. The pieces share their sides exactly (the same doubles) and lie
// in the footprint's disjoint outside Voronoi regions (a strip beside its
// edge, a fan in its corner's wedge), so their union is this polygon, with
// the same vertices; built directly it costs no Boolean union of nine
// pieces (the national scan's footprints are rectangles). `ring` is simple
// and counter-clockwise; nullopt: not convex, or a corner without a fan
// (the caller unites the pieces).
std::optional<Poly> grownConvex(const Poly& ring, double r) {
    if (!(r > 0.0)) return std::nullopt;
    std::vector<V> p;  // counter-clockwise (simplePoly), simple
    for (auto it = ring.vertices_begin(); it != ring.vertices_end(); ++it) p.push_back(vd(*it));
    const std::size_t n = p.size();
    for (std::size_t i = 0; i < n; ++i)
        if (CGAL::orientation(ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]) != CGAL::LEFT_TURN) return std::nullopt;
    std::vector<V> nrm(n);  // outward unit normal of edge i (p[i] -> p[i+1]), as addBand
    for (std::size_t i = 0; i < n; ++i) {
        const V l = leftNormal(p[i], p[(i + 1) % n]);
        nrm[i] = V{-l.x, -l.y};
    }
    std::vector<V> q;
    for (std::size_t i = 0; i < n; ++i) {
        const std::vector<V> fan = fanPoints(p[i], nrm[(i + n - 1) % n], nrm[i], r);
        if (fan.size() < 4) return std::nullopt;
        // The fan's arc without its centre and its sides' outer ends: those
        // are the neighbouring strips' outer corners, added with the strips.
        q.insert(q.end(), fan.begin() + 2, fan.end() - 1);
        q.push_back(p[i] + r * nrm[i]);
        q.push_back(p[(i + 1) % n] + r * nrm[i]);
    }
    return simplePoly(q);
}

// The centred w x d rectangle turned by theta (radians): w along the direction
// theta, d across it.
Poly moduleRect(double w, double d, double theta) {
    const V u{std::cos(theta), std::sin(theta)}, v{-u.y, u.x};
    Poly p;
    for (auto [su, sv] : {std::pair{-1.0, -1.0}, {1.0, -1.0}, {1.0, 1.0}, {-1.0, 1.0}})
        p.push_back(pt(su * w / 2.0 * u + sv * d / 2.0 * v));
    return p;
}

// Where the centre of `rect` may go so that the rectangle lies inside the
// free piece c: c's outer ring eroded by the rectangle (the holes of
// (frame - outer) + rect), less every hole of c grown by the rectangle.
// Minkowski sums by reduced convolution, exact.
PSet centres(const Pwh& c, const Poly& rect, double reach) {
    PSet out;
    const CGAL::Bbox_2 bb = c.outer_boundary().bbox();
    const double m = 2.0 * reach + 1.0;
    Poly box;
    box.push_back(Pt(bb.xmin() - m, bb.ymin() - m));
    box.push_back(Pt(bb.xmax() + m, bb.ymin() - m));
    box.push_back(Pt(bb.xmax() + m, bb.ymax() + m));
    box.push_back(Pt(bb.xmin() - m, bb.ymax() + m));
    Poly hole = c.outer_boundary();
    hole.reverse_orientation();
    const Pwh frame(box, &hole, &hole + 1);
    const Pwh sum = CGAL::minkowski_sum_2(frame, rect);
    std::vector<Poly> inner;
    for (auto h = sum.holes_begin(); h != sum.holes_end(); ++h) {
        Poly p = *h;
        p.reverse_orientation();
        inner.push_back(std::move(p));
    }
    if (inner.empty()) return out;
    out.join(inner.begin(), inner.end());
    for (auto h = c.holes_begin(); h != c.holes_end() && !out.is_empty(); ++h) {
        Poly p = *h;
        p.reverse_orientation();
        out.difference(CGAL::minkowski_sum_2(p, rect));
    }
    return out;
}

// The piece's rings as doubles, for the screens (FitScreen.h).
expansion::Rings rings(const Pwh& piece) {
    expansion::Rings out;
    auto add = [&](const Poly& ring) {
        out.emplace_back();
        for (auto it = ring.vertices_begin(); it != ring.vertices_end(); ++it) out.back().push_back(vd(*it));
    };
    add(piece.outer_boundary());
    for (auto h = piece.holes_begin(); h != piece.holes_end(); ++h) add(*h);
    return out;
}

V centroid(const Poly& p) {
    double a = 0.0, cx = 0.0, cy = 0.0;
    const std::size_t n = p.size();
    for (std::size_t i = 0; i < n; ++i) {
        const V s = vd(p[i]), t = vd(p[(i + 1) % n]);
        const double cr = s.x * t.y - t.x * s.y;
        a += cr;
        cx += (s.x + t.x) * cr;
        cy += (s.y + t.y) * cr;
    }
    if (a == 0.0) return vd(p[0]);
    return {cx / (3.0 * a), cy / (3.0 * a)};
}

// A point well inside a non-empty set: the centroid of its largest piece when
// that lies inside, else a point just inside a convex corner of that piece,
// else the corner itself (on the boundary: still a fit to kFitTolerance).
V pointInside(const PSet& s) {
    std::vector<Pwh> ps = pieces(s);
    const Pwh& big = *std::max_element(ps.begin(), ps.end(), [](const Pwh& a, const Pwh& b) { return area(a) < area(b); });
    const Poly& o = big.outer_boundary();
    const V c = centroid(o);
    if (s.oriented_side(pt(c)) == CGAL::ON_POSITIVE_SIDE) return c;
    const std::size_t n = o.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Pt &a = o[(i + n - 1) % n], &v = o[i], &b = o[(i + 1) % n];
        if (CGAL::orientation(a, v, b) != CGAL::LEFT_TURN) continue;
        const V vv = vd(v), g = (1.0 / 3.0) * (vd(a) + vv + vd(b));
        for (double t = 1.0; t > 1e-6; t /= 2.0) {
            const V q = vv + t * (g - vv);
            if (s.oriented_side(pt(q)) == CGAL::ON_POSITIVE_SIDE) return q;
        }
    }
    return vd(o[0]);
}

double norm180(double deg) {
    double a = std::fmod(deg, 180.0);
    if (a < 0.0) a += 180.0;
    if (a >= 180.0 - 1e-9) a = 0.0;
    return a;
}

// Orientations to try, in order: along and across the longest plot and
// building edges (a module parallel to a skew boundary is found exactly),
// then every `step` degrees. Degrees in [0, 180): the rectangle is symmetric.
// Edges shorter than half the module's width do not count (a curved
// boundary drawn in short pieces would give dozens of directions).
std::vector<double> candidateAngles(const Site& site, double step, double width) {
    const double minLength = std::max(kMinEdgeLength, width / 2.0);
    struct Edge {
        double length, angle;
    };
    std::vector<Edge> edges;
    auto addRing = [&](const auto& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const double dx = ring[i + 1].x() - ring[i].x(), dy = ring[i + 1].y() - ring[i].y();
            const double l = std::hypot(dx, dy);
            if (l >= minLength) edges.push_back({l, norm180(std::atan2(dy, dx) * 180.0 / kPi)});
        }
    };
    for (const auto& p : site.plot) addRing(p.outer());
    for (const auto& p : site.footprints) addRing(p.outer());
    std::stable_sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.length > b.length; });

    std::vector<double> out;
    auto add = [&](double a) {
        a = norm180(a);
        for (double b : out) {
            const double diff = std::fabs(a - b);
            if (std::min(diff, 180.0 - diff) < 1e-6) return false;
        }
        out.push_back(a);
        return true;
    };
    std::size_t directions = 0;
    for (const Edge& e : edges) {
        if (directions >= kMaxEdgeDirections) break;
        if (add(e.angle)) ++directions;
        add(e.angle + 90.0);
    }
    for (int k = 0; k * step < 180.0 - 1e-9; ++k) add(k * step);
    return out;
}

// Extent of a ring along a unit direction.
double extent(const std::vector<V>& ring, V dir) {
    double lo = INFINITY, hi = -INFINITY;
    for (const V& v : ring) {
        const double s = v.x * dir.x + v.y * dir.y;
        lo = std::min(lo, s);
        hi = std::max(hi, s);
    }
    return hi - lo;
}

double extent(const Poly& p, V dir) {
    std::vector<V> ring;
    for (auto it = p.vertices_begin(); it != p.vertices_end(); ++it) ring.push_back(vd(*it));
    return extent(ring, dir);
}

MultiPolygon toModel(const PSet& s, const Frame& f) {
    MultiPolygon mp;
    auto ring = [&](const Poly& p, auto& out) {
        for (auto it = p.vertices_begin(); it != p.vertices_end(); ++it) {
            const V v = vd(*it);
            out.push_back(Point(v.x + f.ox, v.y + f.oy));
        }
        if (!out.empty()) out.push_back(out.front());
    };
    for (const Pwh& p : pieces(s)) {
        Polygon poly;
        ring(p.outer_boundary(), poly.outer());  // counter-clockwise, as the model
        for (auto h = p.holes_begin(); h != p.holes_end(); ++h) {
            poly.inners().emplace_back();
            ring(*h, poly.inners().back());  // clockwise
        }
        mp.push_back(std::move(poly));
    }
    return mp;
}

std::string m2(double a) { return kit::fmt(a, 1) + " m²"; }

}  // namespace

RuleResult ExpansionRoomRule::evaluate(const RuleContext& ctx) const {
    const double setback = ctx.params().number("setback_m");
    const double clearance = ctx.params().number("building_clearance_m");
    const double w = ctx.params().number("module_width_m");
    const double d = ctx.params().number("module_depth_m");
    const double step = ctx.params().number("angle_step_deg");
    const std::string module = kit::say(QT_TRANSLATE_NOOP("rules", "%1 x %2 m module"), kit::fmt(w, 1), kit::fmt(d, 1));

    RuleResult r;
    r.unit = "m2";
    r.threshold = kit::say(QT_TRANSLATE_NOOP("rules", "room for a %1"), module);
    const Site* site = ctx.site();
    if (!site) {
        r.summary = QT_TRANSLATE_NOOP("rules", "no site: expansion room is measured on a portfolio's plot");
        return r;
    }
    if (!(setback >= 0.0 && clearance >= 0.0 && w > 0.0 && d > 0.0 && step > 0.0)) {
        r.summary = QT_TRANSLATE_NOOP("rules", "invalid parameters: setback and clearance must be >= 0, module sides and angle step > 0");
        return r;
    }
    Frame frame{INFINITY, INFINITY};
    for (const auto& p : site->plot)
        for (const auto& q : p.outer()) {
            frame.ox = std::min(frame.ox, q.x());
            frame.oy = std::min(frame.oy, q.y());
        }
    bool plotRepaired = false;
    // Made in place: assigning a polygon set copies its arrangement.
    const PSet plot = [&] {
        if (!std::isfinite(frame.ox)) return PSet();
        if (site->plot.size() == 1) return toSet(site->plot.front(), frame, /*repair=*/false, plotRepaired);
        PSet all;
        for (const auto& p : site->plot) all.join(toSet(p, frame, /*repair=*/false, plotRepaired));
        return all;
    }();
    const double plotArea = area(plot);
    if (plot.is_empty() || plotArea <= 0.0) {
        r.summary = plotRepaired ? QT_TRANSLATE_NOOP("rules", "the site's plot is not a simple polygon") : QT_TRANSLATE_NOOP("rules", "the site has no plot geometry");
        return r;
    }

    // Buildable: the plot less the band within `setback` of its boundary.
    PSet buildable;
    if (setback > 0.0) {
        std::vector<Poly> band;
        for (const Pwh& p : pieces(plot)) addBand(band, p, setback, /*inside=*/true);
        PSet bandSet;
        bandSet.join(band.begin(), band.end());
        buildable.difference(plot, bandSet);  // into a new set: no copy of the plot first
    } else {
        buildable = plot;
    }
    const double buildableArea = area(buildable);

    // Obstacles: every footprint grown by `clearance`.
    PSet obstacles;
    for (std::size_t i = 0; i < site->footprints.size(); ++i) {
        const Polygon& footprint = site->footprints[i];
        std::optional<Poly> grown;
        if (footprint.inners().empty())
            if (auto simple = simplePoly(ringPoints(footprint.outer(), frame))) grown = grownConvex(*simple, clearance);
        if (grown) {
            if (obstacles.is_empty()) obstacles.insert(*grown);  // no overlay with an empty set
            else obstacles.join(*grown);
            continue;
        }
        bool repaired = false;
        PSet fp = toSet(footprint, frame, /*repair=*/true, repaired);
        if (repaired)
            r.findings.push_back({site->id + "/building " + std::to_string(i + 1), "building",
                                  QT_TRANSLATE_NOOP("rules", "footprint is not a simple polygon: its convex hull (outer ring) is used, holes that "
                                    "cross are filled"),
                                  QT_TRANSLATE_NOOP("rules", "a simple polygon"), QT_TRANSLATE_NOOP("rules", "self-intersecting ring"), std::nullopt, std::nullopt});
        if (fp.is_empty()) continue;
        std::vector<Poly> band;
        if (clearance > 0.0)
            for (const Pwh& p : pieces(fp)) addBand(band, p, clearance, /*inside=*/false);
        fp.join(band.begin(), band.end());
        obstacles.join(fp);
    }
    PSet freeSet;
    if (!obstacles.is_empty()) freeSet.difference(buildable, obstacles);
    else freeSet = std::move(buildable);
    // Each piece's area once (exact areas are not cheap), summed in the
    // set's own order as area(freeSet) would.
    std::vector<Pwh> freePieces = pieces(freeSet);
    std::vector<std::pair<double, std::size_t>> bySize;
    double freeArea = 0.0;
    for (std::size_t k = 0; k < freePieces.size(); ++k) {
        bySize.emplace_back(area(freePieces[k]), k);
        freeArea += bySize.back().first;
    }
    std::stable_sort(bySize.begin(), bySize.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    {
        std::vector<Pwh> sorted;
        for (const auto& [a, k] : bySize) sorted.push_back(std::move(freePieces[k]));
        freePieces = std::move(sorted);
    }
    const double largest = bySize.empty() ? 0.0 : bySize.front().first;

    // Fit search. The rectangle is shrunk by the tolerance; pieces smaller
    // than it, and orientations where a piece's extent is too short, are
    // skipped without exact work.
    const double ws = w - kFitTolerance, ds = d - kFitTolerance;
    const double needArea = ws * ds;
    std::optional<double> fitAngle;
    V fitCentre{0.0, 0.0};
    int tried = 0;
    if (largest >= needArea) {
        // Angle-independent sieve: the module holds a disc of its short side,
        // so its centre lies where a disc fits (the piece eroded by a polygon
        // inscribed in that disc), and it holds that disc swept the sides'
        // difference along its long side, so that region must reach that far
        // in the long side's direction. The short side is the smaller of the
        // two, whichever parameter names it (a 25 x 12 module was sieved
        // with a 25 m disc it does not hold, and wrongly found no room).
        const double shortSide = std::min(ws, ds), sweep = std::fabs(ds - ws);
        const bool longAlongDepth = ds >= ws;
        const double inscribed = shortSide / 2.0 * (1.0 - 1e-9);
        Poly disc;
        for (int i = 0; i < 16; ++i)
            disc.push_back(pt(inscribed * V{std::cos(i * kPi / 8.0), std::sin(i * kPi / 8.0)}));
        // The exact sieve of a piece is made only when an orientation needs
        // it: not when doubles prove that the module fits nowhere at that
        // orientation (the exact sieve gives the empty set there) or that it
        // fits (then the sieve cannot reject it). A piece whose sieve is
        // empty takes no module; the answers are those of the sieve made for
        // every piece first.
        // A piece's rings in doubles are made once, for every screen and
        // orientation (they were made again for each).
        struct Candidate {
            const Pwh* piece;
            expansion::Rings rings;
            std::optional<bool> narrow;  // proven to take the module at no orientation (made at first need)
            bool sieved = false;
            std::vector<Poly> discCentres;  // outer rings of the pieces of the sieve
        };
        auto sieve = [&](Candidate& c) -> const std::vector<Poly>& {
            if (!c.sieved)
                for (const Pwh& e : pieces(centres(*c.piece, disc, shortSide))) c.discCentres.push_back(e.outer_boundary());
            c.sieved = true;
            return c.discCentres;
        };
        std::vector<Candidate> candidates;
        // The sieve's polygon holds the disc of its apothem: where no point is
        // that far from a piece's boundary, the polygon fits nowhere in it.
        // Where the disc it is inscribed in fits with room, its sieve is not empty.
        const double apothem = inscribed * std::cos(kPi / 16.0);
        bool someSieveFull = false;  // a piece known to hold the sieve's polygon
        for (std::size_t k = 0; k < freePieces.size(); ++k) {
            const Pwh& piece = freePieces[k];
            if (bySize[k].first < needArea) break;
            expansion::Rings doubles = rings(piece);
            if (expansion::discFits(doubles, apothem) == Proof::No) continue;
            candidates.push_back({&piece, std::move(doubles), std::nullopt, false, {}});
            if (!someSieveFull && expansion::discFits(candidates.back().rings, inscribed) == Proof::Yes) someSieveFull = true;
        }
        // Without a piece that surely holds the sieve's polygon, the sieve is
        // made now: no orientation is tried when every piece's is empty.
        if (!someSieveFull)
            for (Candidate& c : candidates) someSieveFull |= !sieve(c).empty();
        for (double deg : someSieveFull ? candidateAngles(*site, step, w) : std::vector<double>{}) {
            ++tried;
            const double theta = deg * kPi / 180.0;
            const V u{std::cos(theta), std::sin(theta)}, v{-u.y, u.x};
            const Poly rect = moduleRect(ws, ds, theta);
            for (Candidate& c : candidates) {
                const std::vector<V>& outer = c.rings.front();
                if (extent(outer, u) < ws || extent(outer, v) < ds) continue;
                // The module at any orientation holds two discs of its
                // shorter side, its sides' difference apart: where no two
                // points that far from the boundary are that far apart,
                // no orientation is screened (each would be No or Maybe,
                // and the exact sums empty).
                if (!c.narrow)
                    c.narrow = expansion::discPairFits(c.rings, shortSide / 2.0, sweep) == Proof::No;
                if (*c.narrow) continue;
                const Proof fits = expansion::rectangleFits(c.rings, u, v, ws / 2.0, ds / 2.0);
                if (fits == Proof::No) continue;
                if (fits == Proof::Maybe) {
                    const std::vector<Poly>& sieved = sieve(c);
                    if (std::none_of(sieved.begin(), sieved.end(),
                                     [&](const Poly& e) { return extent(e, longAlongDepth ? v : u) >= sweep - 1e-9; }))
                        continue;
                }
                PSet fit = centres(*c.piece, rect, std::hypot(w, d) / 2.0);
                if (fit.is_empty()) continue;
                fitAngle = deg;
                fitCentre = pointInside(fit);
                break;
            }
            if (fitAngle) break;
        }
    }

    r.value = freeArea;
    r.figures = {{"plot_area_m2", plotArea, "m2"},
                 {"buildable_area_m2", buildableArea, "m2"},
                 {"free_area_m2", freeArea, "m2"},
                 {"largest_free_piece_m2", largest, "m2"},
                 {"module_area_m2", w * d, "m2"},
                 {"module_fits", fitAngle ? 1.0 : 0.0, ""},
                 {"orientations_tried", static_cast<double>(tried), ""}};
    if (!freeSet.is_empty())
        r.shapes.push_back({QT_TRANSLATE_NOOP("rules", "free buildable area"), site->id, std::nullopt, toModel(freeSet, frame), {}});

    const std::string freeText = kit::say(QT_TRANSLATE_NOOP("rules", "%1 free buildable area"), m2(freeArea));
    if (fitAngle) {
        r.status = Status::Pass;
        r.figures.push_back({"module_rotation_deg", *fitAngle, "deg"});
        const double theta = *fitAngle * kPi / 180.0;
        const V u{std::cos(theta), std::sin(theta)}, v{-u.y, u.x};
        Polygon rect;
        for (auto [su, sv] : {std::pair{-1.0, -1.0}, {1.0, -1.0}, {1.0, 1.0}, {-1.0, 1.0}, {-1.0, -1.0}}) {
            const V q = fitCentre + su * w / 2.0 * u + sv * d / 2.0 * v;
            rect.outer().push_back(Point(q.x + frame.ox, q.y + frame.oy));
        }
        const Point centre(fitCentre.x + frame.ox, fitCentre.y + frame.oy);
        r.shapes.push_back({QT_TRANSLATE_NOOP("rules", "module that fits"), site->id, std::nullopt, MultiPolygon{rect}, {}});
        r.summary = freeText + "; " + kit::say(QT_TRANSLATE_NOOP("rules", "a %1 fits, turned %2°"), module, kit::fmt(*fitAngle, 1));
        r.findings.push_back({site->id, "site",
                              kit::say(QT_TRANSLATE_NOOP("rules", "a %1 fits, turned %2° (its width %3 m along that bearing from the x axis), "
                                         "centred here"),
                                       module, kit::fmt(*fitAngle, 1), kit::fmt(w, 1)),
                              r.threshold, kit::say(QT_TRANSLATE_NOOP("rules", "fits at %1°"), kit::fmt(*fitAngle, 1)), centre, std::nullopt});
        return r;
    }
    r.status = Status::Fail;
    std::optional<Point> where;
    if (!freePieces.empty()) {
        const V c = centroid(freePieces.front().outer_boundary());
        where = Point(c.x + frame.ox, c.y + frame.oy);
    }
    if (freeArea < needArea) {
        r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "%1: less than one %2 (%3)"), freeText, module, m2(w * d));
        r.findings.push_back({site->id, "site", QT_TRANSLATE_NOOP("rules", "the free buildable area is smaller than one module"),
                              ">= " + m2(w * d), m2(freeArea), where, std::nullopt});
    } else {
        r.summary = kit::say(QT_TRANSLATE_NOOP("rules", "%1, but a %2 fits in no orientation"), freeText, module);
        r.findings.push_back({site->id, "site",
                              largest < needArea ? QT_TRANSLATE_NOOP("rules", "the free area is split into pieces each smaller than one module")
                                                 : QT_TRANSLATE_NOOP("rules", "the free area is too narrow for the module in every orientation"),
                              r.threshold,
                              kit::say(QT_TRANSLATE_NOOP("rules", "largest free piece %1; %2 orientations tried"), m2(largest), std::to_string(tried)),

                              where, std::nullopt});
    }
    return r;
}

class ExpansionRoomPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<ExpansionRoomRule>(); }
};

}  // namespace vgscan

#include "ExpansionRoomRule.moc"
