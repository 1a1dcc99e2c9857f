#include "SightView.h"

#include "model/Segment.h"
#include "rules/RuleKit.h"

// CGAL stays in this one translation unit (compile time and memory).
#include <CGAL/Arr_segment_traits_2.h>
#include <CGAL/Arr_landmarks_point_location.h>
#include <CGAL/Arr_trapezoid_ric_point_location.h>
#include <CGAL/Arr_extended_dcel.h>
#include <CGAL/Arrangement_2.h>
#include <CGAL/Exact_predicates_exact_constructions_kernel.h>
#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>
#include <CGAL/Epic_converter.h>

#include <vector>

namespace vgscan::sight {
// Where the sight ray from q through b meets the wall s-t, in doubles: the
// crossing of the two lines, clamped to the wall (the exact predicates say
// they meet).
inline CGAL::Epick::Point_2 roughCrossing(const CGAL::Epick::Point_2& q, const CGAL::Epick::Point_2& b,
                                          const CGAL::Epick::Point_2& s, const CGAL::Epick::Point_2& t) {
    const double qx = q.x(), qy = q.y();
    const double dx = b.x() - qx, dy = b.y() - qy;
    const double ax = s.x(), ay = s.y();
    const double ex = t.x() - ax, ey = t.y() - ay;
    const double denom = ex * dy - ey * dx;
    if (denom == 0.0) return s;  // parallel: not met in an expansion
    double u = ((qx - ax) * dy - (qy - ay) * dx) / denom;
    u = std::clamp(u, 0.0, 1.0);
    return CGAL::Epick::Point_2(ax + u * ex, ay + u * ey);
}

// The rough kernel: Epick (exact predicates on the same corners as the exact
// kernel), whose ray-wall intersection is roughCrossing. Epick's own answers
// "no intersection" when the ray passes a wall's end that the exact
// predicates say it meets.
struct RoughKernel : public CGAL::Epick {
    struct Intersect_2 {
        CGAL::Object operator()(const CGAL::Epick::Ray_2& ray, const CGAL::Epick::Segment_2& seg) const {
            return CGAL::make_object(roughCrossing(ray.source(), ray.second_point(), seg.source(), seg.target()));
        }
    };
};

// The exact kernel of the storey views: Epeck, whose ray-wall intersection
// (the corners of a view, Triangular_expansion_visibility_2's
// ray_seg_intersection) answers the wall's end itself when the sight ray
// passes exactly through it (exact Epick predicates on the corners, which
// are doubles). Epeck's own computes that point in intervals, cannot decide
// that it lies on the wall, throws and computes it again in rationals; its
// answer is the same point, whose coordinates are then doubles again (the
// exact value's interval). Every other crossing is Epeck's.
struct ViewKernel : public CGAL::Epeck {
    struct Intersect_2 : public CGAL::Epeck::Intersect_2 {
        using Base = CGAL::Epeck::Intersect_2;
        using Base::operator();
        using RaySegment = decltype(std::declval<const Base&>()(std::declval<const CGAL::Epeck::Ray_2&>(),
                                                                std::declval<const CGAL::Epeck::Segment_2&>()));
        RaySegment operator()(const CGAL::Epeck::Ray_2& ray, const CGAL::Epeck::Segment_2& seg) const;
    };
};
}  // namespace vgscan::sight

// The rough views (StoreyView::roughFrom) collect the corners that CGAL's
// triangular expansion reports instead of building an arrangement of them:
// a sink with just the calls its output step makes. Declared before the
// visibility header, whose qualified call must find the overload below.
namespace vgscan::sight {
struct RingSink {
    using Point_2 = CGAL::Epick::Point_2;
    using Segment_2 = CGAL::Epick::Segment_2;
    struct Face {
        bool is_unbounded() const { return false; }
    };
    using Face_handle = const Face*;
    struct FaceIterator {
        const Face* f;
        const Face* operator->() const { return f; }
        FaceIterator& operator++() { return *this; }
        operator Face_handle() const { return f; }
    };
    using Vertex_handle = int;
    struct Edge {
        int target() const { return 0; }
    };
    std::vector<Point_2> points;
    bool needles = false;  // never with regularisation (the default); then the ring is not trusted
    Face face;
    Edge edge;
    void clear() { points.clear(); }
    Face_handle unbounded_face() const { return &face; }
    Vertex_handle insert_in_face_interior(const Point_2& p, Face_handle) {
        points.push_back(p);
        return 0;
    }
    const Edge* insert_from_left_vertex(const Segment_2& s, Vertex_handle) {
        points.push_back(s.target());
        return &edge;
    }
    const Edge* insert_from_right_vertex(const Segment_2& s, Vertex_handle) {
        points.push_back(s.target());
        return &edge;
    }
    void insert_at_vertices(const Segment_2&, Vertex_handle, Vertex_handle) {}
    int number_of_faces() const { return 2; }
    FaceIterator faces_begin() const { return {&face}; }
};
}  // namespace vgscan::sight
namespace CGAL {
template <class Iterator>
void insert_non_intersecting_curves(vgscan::sight::RingSink& sink, Iterator, Iterator) {
    sink.needles = true;
}
}  // namespace CGAL

#include <CGAL/Triangular_expansion_visibility_2.h>
#include <CGAL/Polygon_2_algorithms.h>

#include <boost/geometry.hpp>
#include <boost/geometry/algorithms/point_on_surface.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <map>
#include <unordered_set>
#include <cmath>
#include <optional>

namespace vgscan::sight {

namespace {

// Exact kernel: the visibility polygon's corners are intersections of sight
// rays with walls; with exact constructions a ray that grazes a wall corner
// never leaks through it or stops short of it.
using Kernel = ViewKernel;
using Traits = CGAL::Arr_segment_traits_2<Kernel>;
using Arrangement = CGAL::Arrangement_2<Traits>;
using Visibility = CGAL::Triangular_expansion_visibility_2<Arrangement>;
// Trapezoidal map (randomized incremental): logarithmic expected query time
// like landmarks (the walk along a vertical line was linear in the storey's
// edges, and a corner post asked it 64 times), without the landmarks' walk
// from the nearest vertex, whose exact predicates cost more per query.
using Locator = CGAL::Arr_trapezoid_ric_point_location<Arrangement>;
using KPoint = Kernel::Point_2;
using KSegment = Kernel::Segment_2;
// The rough copy (roughFrom): the same corners in doubles, exact predicates,
// inexact constructions.
using RKernel = RoughKernel;
using RArrangement = CGAL::Arrangement_2<CGAL::Arr_segment_traits_2<RKernel>>;
using RVisibility = CGAL::Triangular_expansion_visibility_2<RArrangement>;
using RLocator = CGAL::Arr_landmarks_point_location<RArrangement>;

// The constrained Delaunay triangulation that Triangular_expansion_visibility_2
// builds of the arrangement's edges (its preprocessing), spelled as it does.
// The storey's point location walks it (CdtLocator) instead of building a
// trapezoidal map of the same edges.
using Cdt = CGAL::Constrained_Delaunay_triangulation_2<
    Kernel,
    CGAL::Triangulation_data_structure_2<CGAL::Triangulation_vertex_base_2<Kernel>, CGAL::Constrained_triangulation_face_base_2<Kernel>>,
    CGAL::No_constraint_intersection_requiring_constructions_tag>;

// The corner p when its exact value is a double (its interval a point).
bool asDouble(const CGAL::Simple_cartesian<CGAL::Interval_nt<false>>::Point_2& p, CGAL::Epick::Point_2& out) {
    if (p.x().inf() != p.x().sup() || p.y().inf() != p.y().sup()) return false;
    out = CGAL::Epick::Point_2(p.x().inf(), p.y().inf());
    return true;
}

}  // namespace

namespace {

// Triangular_expansion_visibility_2 keeps its triangulation private. An
// explicit instantiation may name a private member ([temp.spec.general]:
// access is not checked there), and a friend defined in it hands the member
// pointer out: the usual way to read a library's member that has no getter.
// The member's type is spelled out (Cdt above): a change in CGAL's fails to
// compile here.
template <class Tag, typename Tag::type Member>
struct Reach {
    friend typename Tag::type reached(Tag) { return Member; }
};
struct VisibilityCdt {
    using type = std::shared_ptr<Cdt> Visibility::*;
    friend type reached(VisibilityCdt);
};
template struct Reach<VisibilityCdt, &Visibility::p_cdt>;

// Point location on the visibility's own triangulation: its constraints are
// the arrangement's edges, its vertices the arrangement's, so each of its
// triangles lies in one face of the arrangement, each constrained edge is
// one arrangement edge. The answer is the trapezoidal map's (exact
// predicates either way): the face, edge or vertex holding the point; on an
// edge the halfedge the map holds, the one the edge iterator gives (the map
// is built from arr.edges_begin() .. edges_end(), each halfedge as given).
class CdtLocator {
public:
    using Result = CGAL::Arr_point_location_result<Arrangement>::Type;

    // False (and then the locator is not to be used) when the triangulation
    // and the arrangement do not correspond as expected.
    bool attach(const Arrangement& arr, const Visibility& view) {
        cdt_ = (view.*reached(VisibilityCdt{})).get();
        if (!cdt_ || cdt_->dimension() != 2) return false;
        unbounded_ = arr.unbounded_faces_begin();
        // Vertices: the same points, matched in lexicographic order.
        std::vector<Arrangement::Vertex_const_handle> av;
        av.reserve(arr.number_of_vertices());
        for (auto v = arr.vertices_begin(); v != arr.vertices_end(); ++v) av.push_back(v);
        std::vector<Cdt::Vertex_handle> cv;
        cv.reserve(cdt_->number_of_vertices());
        for (auto v = cdt_->finite_vertices_begin(); v != cdt_->finite_vertices_end(); ++v) cv.push_back(v);
        if (av.size() != cv.size()) return false;
        const auto lessXY = Kernel::Less_xy_2();
        std::sort(av.begin(), av.end(), [&](const auto& a, const auto& b) { return lessXY(a->point(), b->point()); });
        std::sort(cv.begin(), cv.end(), [&](const auto& a, const auto& b) { return lessXY(a->point(), b->point()); });
        vertices_.reserve(cv.size());
        std::unordered_map<const void*, Cdt::Vertex_handle> cdtOf;
        cdtOf.reserve(av.size());
        for (size_t i = 0; i < av.size(); ++i) {
            if (av[i]->point() != cv[i]->point()) return false;
            vertices_.emplace(&*cv[i], av[i]);
            cdtOf.emplace(&*av[i], cv[i]);
        }
        // Edges: each arrangement edge is a constrained edge; the triangles
        // on its two sides lie in its halfedges' faces.
        faces_.reserve(2 * cdt_->number_of_faces() + 16);
        edges_.reserve(arr.number_of_edges());
        std::vector<Cdt::Face_handle> todo;
        for (auto e = arr.edges_begin(); e != arr.edges_end(); ++e) {
            const Cdt::Vertex_handle a = cdtOf.at(&*e->source()), b = cdtOf.at(&*e->target());
            Cdt::Face_handle fh;
            int i;
            if (!cdt_->is_edge(a, b, fh, i) || !fh->is_constrained(i)) return false;
            edges_.emplace(key(&*a, &*b), Arrangement::Halfedge_const_handle(e));
            // fh's edge i runs from vertex ccw(i) to vertex cw(i) with fh on its left.
            Cdt::Face_handle left = fh, right = fh->neighbor(i);
            if (fh->vertex(Cdt::ccw(i)) != a) std::swap(left, right);
            for (const auto& [t, f] : {std::pair{left, e->face()}, std::pair{right, e->twin()->face()}}) {
                if (cdt_->is_infinite(t)) {
                    if (!f->is_unbounded()) return false;
                    continue;
                }
                auto [it, fresh] = faces_.emplace(&*t, f);
                if (!fresh && it->second != f) return false;
                if (fresh) todo.push_back(t);
            }
        }
        // The other triangles: across edges that are no constraint, the same face.
        while (!todo.empty()) {
            const Cdt::Face_handle t = todo.back();
            todo.pop_back();
            const Arrangement::Face_const_handle f = faces_.at(&*t);
            for (int i = 0; i < 3; ++i) {
                if (t->is_constrained(i)) continue;
                const Cdt::Face_handle n = t->neighbor(i);
                if (cdt_->is_infinite(n)) {
                    if (!f->is_unbounded()) return false;
                    continue;
                }
                auto [it, fresh] = faces_.emplace(&*n, f);
                if (!fresh && it->second != f) return false;
                if (fresh) todo.push_back(n);
            }
        }
        if (faces_.size() != cdt_->number_of_faces()) return false;
        makeHints();
        return true;
    }

    // The triangle holding q (as Triangulation_2::locate), the walk started
    // from the hint. The last answer is kept: a rough view asks again where
    // its post was just located (the walk would find the same triangle).
    Cdt::Face_handle triangle(const KPoint& q, Cdt::Locate_type& lt, int& li) const {
        const auto& a = CGAL::approx(q);
        const bool doubles = a.x().is_point() && a.y().is_point();  // then these are q
        const double x = CGAL::to_double(q.x()), y = CGAL::to_double(q.y());
        if (doubles && last_.t != Cdt::Face_handle() && x == last_.x && y == last_.y) {
            lt = last_.lt;
            li = last_.li;
            return last_.t;
        }
        const Cdt::Face_handle t = cdt_->locate(q, lt, li, hint(x, y));
        if (doubles) last_ = {x, y, t, lt, li};
        return t;
    }

    Result locate(const KPoint& q) const {
        Cdt::Locate_type lt;
        int li;
        const Cdt::Face_handle t = triangle(q, lt, li);
        switch (lt) {
            case Cdt::VERTEX:
                return Result(vertices_.at(&*t->vertex(li)));
            case Cdt::EDGE:
                if (t->is_constrained(li)) return Result(edges_.at(key(&*t->vertex(Cdt::ccw(li)), &*t->vertex(Cdt::cw(li)))));
                return Result(faceOf(t));
            case Cdt::FACE:
                return Result(faceOf(t));
            default:  // outside the convex hull
                return Result(unbounded_);
        }
    }

private:
    // Where the walk starts: a grid over the corners' box, about one cell
    // for two triangles, each with the triangle holding its centre (found
    // by walking from the previous cell's). Only the walk's length depends
    // on it: the answer is where q lies, exactly.
    void makeHints() {
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (auto v = cdt_->finite_vertices_begin(); v != cdt_->finite_vertices_end(); ++v) {
            const double x = CGAL::to_double(v->point().x()), y = CGAL::to_double(v->point().y());
            x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
        }
        const double w = std::max(x1 - x0, 1e-9), h = std::max(y1 - y0, 1e-9);
        const double cells = std::max(1.0, static_cast<double>(cdt_->number_of_faces()) / 2);
        const double side = std::sqrt(w * h / cells);
        nx_ = std::clamp(static_cast<int>(std::ceil(w / side)), 1, 1024);
        ny_ = std::clamp(static_cast<int>(std::ceil(h / side)), 1, 1024);
        x0_ = x0, y0_ = y0;
        sx_ = nx_ / w, sy_ = ny_ / h;
        hints_.assign(static_cast<size_t>(nx_) * ny_, Cdt::Face_handle());
        Cdt::Face_handle at;
        for (int j = 0; j < ny_; ++j)
            for (int i = 0; i < nx_; ++i) {
                const int ii = j % 2 ? nx_ - 1 - i : i;  // back and forth: each walk from the cell beside
                at = cdt_->locate(KPoint(x0 + (ii + 0.5) / sx_, y0 + (j + 0.5) / sy_), at);
                hints_[static_cast<size_t>(j) * nx_ + ii] = at;
            }
    }
    Cdt::Face_handle hint(double x, double y) const {
        // Clamped as doubles (a point far outside, or not a number, is no int).
        const double fi = (x - x0_) * sx_, fj = (y - y0_) * sy_;
        const int i = fi >= 0 ? static_cast<int>(std::min(fi, nx_ - 1.0)) : 0;
        const int j = fj >= 0 ? static_cast<int>(std::min(fj, ny_ - 1.0)) : 0;
        return hints_[static_cast<size_t>(j) * nx_ + i];
    }

    static std::pair<const void*, const void*> key(const void* a, const void* b) { return a < b ? std::pair{a, b} : std::pair{b, a}; }
    struct PairHash {
        size_t operator()(const std::pair<const void*, const void*>& k) const {
            return std::hash<const void*>()(k.first) * 31 + std::hash<const void*>()(k.second);
        }
    };
    Arrangement::Face_const_handle faceOf(const Cdt::Face_handle& t) const {
        if (cdt_->is_infinite(t)) return unbounded_;
        return faces_.at(&*t);
    }

    const Cdt* cdt_ = nullptr;
    struct Located {
        double x = 0, y = 0;
        Cdt::Face_handle t;
        Cdt::Locate_type lt = Cdt::FACE;
        int li = 0;
    };
    mutable Located last_;
    Arrangement::Face_const_handle unbounded_;
    std::unordered_map<const void*, Arrangement::Vertex_const_handle> vertices_;  // by triangulation vertex
    std::unordered_map<std::pair<const void*, const void*>, Arrangement::Halfedge_const_handle, PairHash> edges_;
    std::unordered_map<const void*, Arrangement::Face_const_handle> faces_;  // by finite triangle
    int nx_ = 1, ny_ = 1;
    double x0_ = 0, y0_ = 0, sx_ = 1, sy_ = 1;
    std::vector<Cdt::Face_handle> hints_;
};

}  // namespace

CornerCheck& cornerCheck() {
    static CornerCheck check;
    return check;
}

namespace {

// Whether CGAL's intersection of a ray with a segment in intervals (the
// first try of Epeck's, Ray_2_Segment_2_pair::intersection_type) decides,
// without letting it throw: 1 it decides, 0 it throws (an uncertain
// comparison made certain), -1 not told here (lines parallel in
// intervals: then CGAL's code is asked). The ray's and the segment's
// corners are doubles. The same interval operations in the same order as
// CGAL's, their Uncertain answers looked at instead of converted to bool;
// run, as CGAL's, under Protect_FPU_rounding<true>. A throw and its
// unwinding cost far more than the arithmetic (some 1 % of a scan).
int intervalsDecide(const CGAL::Epeck::Approximate_kernel::Ray_2& ray, const CGAL::Epeck::Approximate_kernel::Segment_2& seg) {
    using AK = CGAL::Epeck::Approximate_kernel;
    using I = AK::FT;
    using U = CGAL::Uncertain<bool>;
    // Line_2_Line_2_pair::intersection_type: the supporting lines (their
    // construction compares doubles only: certain), then their crossing.
    const AK::Line_2 l1 = ray.supporting_line(), l2 = seg.supporting_line();
    const I denom = l1.a() * l2.b() - l2.a() * l1.b();
    const U parallel = denom == I(0);
    if (!CGAL::is_certain(parallel)) return 0;
    if (CGAL::get_certain(parallel)) return -1;
    const I nom1 = l1.b() * l2.c() - l2.b() * l1.c();
    if (!CGAL::is_finite(nom1)) return 1;  // no intersection
    const I nom2 = l2.a() * l1.c() - l1.a() * l2.c();
    if (!CGAL::is_finite(nom2)) return 1;
    const I xw = nom1 / denom, yw = nom2 / denom;
    if (!CGAL::is_finite(xw) || !CGAL::is_finite(yw)) return 1;
    // Ray_2::collinear_has_on(p) (Collinear_has_on_2), made a bool.
    const AK::Point_2& source = ray.source();
    const AK::Point_2& second = ray.second_point();
    const CGAL::Uncertain<CGAL::Comparison_result> sx = CGAL::compare(source.x(), second.x());
    if (!CGAL::is_certain(sx)) return 0;
    U onRay;
    switch (CGAL::get_certain(sx)) {
        case CGAL::SMALLER: onRay = CGAL::compare(source.x(), xw) != CGAL::LARGER; break;
        case CGAL::LARGER: onRay = CGAL::compare(xw, source.x()) != CGAL::LARGER; break;
        default: {
            const CGAL::Uncertain<CGAL::Comparison_result> sy = CGAL::compare(source.y(), second.y());
            if (!CGAL::is_certain(sy)) return 0;
            switch (CGAL::get_certain(sy)) {
                case CGAL::SMALLER: onRay = CGAL::compare(source.y(), yw) != CGAL::LARGER; break;
                case CGAL::LARGER: onRay = CGAL::compare(yw, source.y()) != CGAL::LARGER; break;
                default: onRay = true;
            }
        }
    }
    if (!CGAL::is_certain(onRay)) return 0;
    if (!CGAL::get_certain(onRay)) return 1;  // && stops: no intersection
    // Segment_2::collinear_has_on(p): collinear_are_ordered_along_lineC2
    // (source, p, target), by x then by y, each `if` a conversion, then
    // the answer made a bool.
    const std::array<std::array<I, 3>, 2> axes{{{seg.source().x(), xw, seg.target().x()}, {seg.source().y(), yw, seg.target().y()}}};
    U onSeg = true;  // p is the source
    for (const auto& [p, q, r] : axes) {
        const U before = p < q;
        if (!CGAL::is_certain(before)) return 0;
        if (CGAL::get_certain(before)) {
            onSeg = !(r < q);
            break;
        }
        const U after = q < p;
        if (!CGAL::is_certain(after)) return 0;
        if (CGAL::get_certain(after)) {
            onSeg = !(q < r);
            break;
        }
    }
    return CGAL::is_certain(onSeg) ? 1 : 0;
}

// CGAL's own way: its code run, the throw caught. True when it decides.
bool intervalsTried(const CGAL::Epeck::Approximate_kernel::Ray_2& ray, const CGAL::Epeck::Approximate_kernel::Segment_2& seg) {
    try {
        (void)CGAL::Epeck::Approximate_kernel::Intersect_2()(ray, seg);
        return true;
    } catch (CGAL::Uncertain_conversion_exception&) {
        return false;
    }
}

}  // namespace

ViewKernel::Intersect_2::RaySegment ViewKernel::Intersect_2::operator()(const CGAL::Epeck::Ray_2& ray,
                                                                         const CGAL::Epeck::Segment_2& seg) const {
    using EP = CGAL::Epick::Point_2;
    using AK = CGAL::Epeck::Approximate_kernel;
    using EK = CGAL::Epeck::Exact_kernel;
    const auto& ar = CGAL::approx(ray);
    const auto& as = CGAL::approx(seg);
    EP q, b, s, t;
    CornerCheck& check = cornerCheck();
    if (!asDouble(ar.source(), q) || !asDouble(ar.second_point(), b) || !asDouble(as.source(), s) || !asDouble(as.target(), t) ||
        s.x() != t.x()) {
        if (check.on) ++check.general;
        return Base::operator()(ray, seg);
    }
    // A wall along x: Epeck's intervals mostly cannot order the crossing's
    // x (exactly the wall's) against its ends, and it computes the crossing
    // in rationals. Where its intervals decide (told as they would, without
    // a throw), Epeck's answer is taken as it is.
    {
        CGAL::Protect_FPU_rounding<true> guard;
        bool decides;
        const int told = check.tryIntervals ? -1 : intervalsDecide(ar, as);
        if (told < 0) {
            decides = intervalsTried(ar, as);
            if (check.on && !check.tryIntervals) ++check.untold;
        } else {
            decides = told == 1;
            if (check.on) {
                ++check.told;
                if (intervalsTried(ar, as) != decides) ++check.toldDiffer;
            }
        }
        if (decides) {
            if (check.on) ++check.general;
            return Base::operator()(ray, seg);
        }
    }
    // Else Epeck's answer is the exact crossing with the interval of its
    // exact value: computed here from the corners (doubles, exact as
    // rationals). q + u (b - q) = s + v (t - s) with t - s = (0, ey):
    // u = wx / dx, v = -orientation(q, b, s) / (dx ey), 1 - v =
    // orientation(q, b, t) / (dx ey), w = s - q, d = b - q; the crossing
    // (sx, qy + wx dy / dx). The signs of u, v and 1 - v from the signs of
    // differences of doubles and exact orientations; one quotient in
    // rationals (formerRationals: u, v and the crossing all in rationals).
    CGAL::Protect_FPU_rounding<false> nearest(CGAL_FE_TONEAREST);
    std::optional<EK::Point_2> crossing;
    if (check.formerRationals) {
        const mpq_class qx(q.x()), qy(q.y()), sx(s.x()), sy(s.y());
        const mpq_class dx = mpq_class(b.x()) - qx, dy = mpq_class(b.y()) - qy;
        const mpq_class ey = mpq_class(t.y()) - sy;  // t.x = s.x
        const mpq_class wx = sx - qx, wy = sy - qy;
        const mpq_class den = dx * ey;  // d x e with e = (0, ey)
        if (CGAL::sign(den) == CGAL::ZERO) return Base::operator()(ray, seg);
        const mpq_class u = wx * ey / den;
        const mpq_class v = (wx * dy - wy * dx) / den;
        if (u < 0 || v < 0 || v > 1) return Base::operator()(ray, seg);
        crossing.emplace(sx, sy + v * ey);
    } else {
        auto sign = [](double a, double b) { return (a > b) - (a < b); };  // of a - b, exactly
        const int sden = sign(b.x(), q.x()) * sign(t.y(), s.y());
        if (sden == 0) return Base::operator()(ray, seg);
        const int u = sign(s.x(), q.x()) * sign(b.x(), q.x());
        const int v = -static_cast<int>(CGAL::orientation(q, b, s)) * sden;
        const int rest = static_cast<int>(CGAL::orientation(q, b, t)) * sden;  // 1 - v
        if (u < 0 || v < 0 || rest < 0) return Base::operator()(ray, seg);
        const mpq_class qx(q.x()), qy(q.y());
        const mpq_class dx = mpq_class(b.x()) - qx, dy = mpq_class(b.y()) - qy, wx = mpq_class(s.x()) - qx;
        crossing.emplace(s.x(), qy + wx * dy / dx);
    }
    const EK::Point_2& exact = *crossing;
    const KPoint p(new CGAL::Lazy_rep_0<AK::Point_2, EK::Point_2, CGAL::Epeck::E2A>(exact));
    if (check.on) {
        ++check.corners;
        const RaySegment general = Base::operator()(ray, seg);
        const KPoint* g = general ? boost::get<KPoint>(&*general) : nullptr;
        if (!g || *g != p)
            ++check.exactDiffer;
        else if (CGAL::to_double(g->x()) != CGAL::to_double(p.x()) || CGAL::to_double(g->y()) != CGAL::to_double(p.y()))
            ++check.doubleDiffer;
    }
    return RaySegment(RaySegment::value_type(p));
}

namespace {

// A post up to this far outside the free space (inside a wall, at most half a
// thick exterior wall) is taken as standing on the nearest wall face.
constexpr double kSnapDistance = 0.3;
// How far a post on a corner is moved into the room (1 mm: changes a seen
// area by about 1 mm times the room's size, far below the 0.1 % we report).
constexpr double kNudge = 1e-3;
constexpr int kNudgeDirections = 64;
// Corners of a rough view closer than this are a needle's tip (RoughView).
constexpr double kNeedleTip = 1e-6;  // m

// Nearest point on the boundary of `area` to `p`, and its distance.
std::pair<Point, double> nearestBoundaryPoint(const MultiPolygon& area, const Point& p) {
    Point best = p;
    double bestD = 1e300;
    auto scanRing = [&](const auto& ring) {
        for (size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point c = nearestOnSegment(p, ring[i], ring[i + 1]);
            double d = std::hypot(p.x() - c.x(), p.y() - c.y());
            if (d < bestD) bestD = d, best = c;
        }
    };
    for (const auto& poly : area) {
        scanRing(poly.outer());
        for (const auto& inner : poly.inners()) scanRing(inner);
    }
    return {best, bestD};
}

// Drops the corners of an open ring that span less than kSliverArea with
// their neighbours. The exact view can hold a wedge a few 1e-15 m wide (a
// sight ray through the gap between two nearly aligned wall corners, a
// doorway seen along its diagonal); rounded to doubles its two tips cross or
// fold back, and Boost's overlay of such a ring with the floor returned whole
// rooms behind the wall as seen. Each corner dropped changes the area by
// less than kSliverArea.
constexpr double kSliverArea = 1e-9;  // m²
void dropSlivers(std::vector<Point>& ring) {
    auto twiceArea = [](const Point& a, const Point& b, const Point& c) {
        return std::abs((b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x()));
    };
    for (bool changed = true; changed && ring.size() > 3;) {
        changed = false;
        for (size_t i = 0; i < ring.size() && ring.size() > 3;) {
            const Point& a = ring[(i + ring.size() - 1) % ring.size()];
            const Point& c = ring[(i + 1) % ring.size()];
            if (twiceArea(a, ring[i], c) < 2 * kSliverArea) {
                ring.erase(ring.begin() + static_cast<std::ptrdiff_t>(i));
                changed = true;
                if (i > 0) --i;  // the previous corner has a new neighbour
            } else {
                ++i;
            }
        }
    }
}

// The walls noded in doubles, for CGAL::insert_non_intersecting_curves:
// every wall split at each wall end that lies on it (exact predicates on
// the corners, which are doubles), pieces that coincide kept once. When no
// two pieces then meet but at a common end, they are the arrangement's
// edges, and inserting them computes no intersection: every corner stays a
// double, so the sweep, the point location and the views compare corners by
// their filters instead of falling back to rationals (the general insert
// constructs the points where the shared walls of two rooms overlap, equal
// to corners but compared exactly). Nothing when two walls cross: then the
// general insert is needed.
// The walls' ends in a wall's box and the pieces whose boxes meet are found
// in the ends and pieces sorted by x (a range of x, then the box); `byTrees`:
// by R-trees of them, as before (the reference of bench_posts; the same
// sets, so the same answer).
std::optional<std::vector<KSegment>> nodedWalls(const std::vector<std::array<double, 4>>& walls, bool byTrees = false) {
    using EP = CGAL::Epick::Point_2;
    namespace bgi = boost::geometry::index;
    using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
    using BBox = bg::model::box<BPoint>;
    auto lessXY = [](const EP& a, const EP& b) { return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y()); };
    std::vector<EP> ends;
    ends.reserve(2 * walls.size());
    for (const auto& w : walls) ends.emplace_back(w[0], w[1]), ends.emplace_back(w[2], w[3]);
    std::sort(ends.begin(), ends.end(), lessXY);
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    std::vector<std::pair<BPoint, size_t>> endValues;
    endValues.reserve(ends.size());
    for (size_t i = 0; i < ends.size(); ++i) endValues.emplace_back(BPoint(ends[i].x(), ends[i].y()), i);
    const bgi::rtree<std::pair<BPoint, size_t>, bgi::quadratic<16>> endTree =
        byTrees ? bgi::rtree<std::pair<BPoint, size_t>, bgi::quadratic<16>>(endValues.begin(), endValues.end())
                : bgi::rtree<std::pair<BPoint, size_t>, bgi::quadratic<16>>();

    std::vector<std::pair<EP, EP>> pieces;
    std::vector<std::pair<BPoint, size_t>> hits;
    std::vector<EP> on;
    for (const auto& w : walls) {
        EP a(w[0], w[1]), b(w[2], w[3]);
        if (a == b) continue;
        if (lessXY(b, a)) std::swap(a, b);
        hits.clear();
        const double y0 = std::min(a.y(), b.y()), y1 = std::max(a.y(), b.y());
        if (byTrees) {
            endTree.query(bgi::intersects(BBox(BPoint(std::min(a.x(), b.x()), y0), BPoint(std::max(a.x(), b.x()), y1))),
                          std::back_inserter(hits));
        } else {
            // a.x <= b.x: the ends from the first with x >= a.x on.
            auto it = std::lower_bound(ends.begin(), ends.end(), a.x(), [](const EP& e, double x) { return e.x() < x; });
            for (; it != ends.end() && it->x() <= b.x(); ++it)
                if (it->y() >= y0 && it->y() <= y1) {
                    const size_t i = static_cast<size_t>(it - ends.begin());
                    hits.emplace_back(endValues[i].first, i);
                }
        }
        on.clear();
        // A corner in the wall's box on its line lies on it.
        for (const auto& [bp, i] : hits)
            if (ends[i] != a && ends[i] != b && CGAL::orientation(a, b, ends[i]) == CGAL::COLLINEAR) on.push_back(ends[i]);
        std::sort(on.begin(), on.end(), lessXY);  // from a to b: a is the smaller
        EP from = a;
        for (const EP& p : on) pieces.emplace_back(from, p), from = p;
        pieces.emplace_back(from, b);
    }
    std::sort(pieces.begin(), pieces.end(), [&](const auto& x, const auto& y) {
        return lessXY(x.first, y.first) || (x.first == y.first && lessXY(x.second, y.second));
    });
    pieces.erase(std::unique(pieces.begin(), pieces.end()), pieces.end());

    // No piece has a corner inside another now (each was split there), so
    // two pieces meet elsewhere than at a common end only where they cross.
    std::vector<std::pair<BBox, size_t>> boxes;
    boxes.reserve(pieces.size());
    for (size_t i = 0; i < pieces.size(); ++i) {
        const auto& [a, b] = pieces[i];
        boxes.emplace_back(BBox(BPoint(a.x(), std::min(a.y(), b.y())), BPoint(b.x(), std::max(a.y(), b.y()))), i);
    }
    const bgi::rtree<std::pair<BBox, size_t>, bgi::quadratic<16>> pieceTree =
        byTrees ? bgi::rtree<std::pair<BBox, size_t>, bgi::quadratic<16>>(boxes.begin(), boxes.end())
                : bgi::rtree<std::pair<BBox, size_t>, bgi::quadratic<16>>();
    std::vector<std::pair<BBox, size_t>> near;
    for (size_t i = 0; i < pieces.size(); ++i) {
        near.clear();
        if (byTrees) {
            pieceTree.query(bgi::intersects(boxes[i].first), std::back_inserter(near));
        } else {
            // The pieces after i start at x >= its start (sorted); their
            // boxes meet its box where they start by its end and the y
            // ranges meet.
            const BBox& box = boxes[i].first;
            for (size_t j = i + 1; j < pieces.size() && pieces[j].first.x() <= box.max_corner().get<0>(); ++j) {
                const BBox& other = boxes[j].first;
                if (other.min_corner().get<1>() <= box.max_corner().get<1>() && other.max_corner().get<1>() >= box.min_corner().get<1>())
                    near.push_back(boxes[j]);
            }
        }
        const auto& [a, b] = pieces[i];
        for (const auto& [box, j] : near) {
            if (j <= i) continue;
            const auto& [c, d] = pieces[j];
            if (a == c || a == d || b == c || b == d) continue;
            if (CGAL::do_intersect(CGAL::Epick::Segment_2(a, b), CGAL::Epick::Segment_2(c, d))) return std::nullopt;
        }
    }
    std::vector<KSegment> out;
    out.reserve(pieces.size());
    for (const auto& [a, b] : pieces) out.emplace_back(KPoint(a.x(), a.y()), KPoint(b.x(), b.y()));
    return out;
}

// The storey's arrangement: the free space's rings and the extra walls,
// noded (nodedWalls) or, where two walls cross or when asked, by CGAL's
// general insert. Returns whether they were noded.
bool buildStorey(Arrangement& arr, const MultiPolygon& free, const std::vector<Wall>& extraWalls, bool generalInsert,
                 bool nodedByTrees = false) {
    std::vector<std::array<double, 4>> walls;
    for (const auto& [a, b] : extraWalls) walls.push_back({a.x(), a.y(), b.x(), b.y()});
    auto addRing = [&](const auto& ring) {
        for (size_t i = 0; i + 1 < ring.size(); ++i)
            if (!bg::equals(ring[i], ring[i + 1])) walls.push_back({ring[i].x(), ring[i].y(), ring[i + 1].x(), ring[i + 1].y()});
    };
    for (const auto& poly : free) {
        addRing(poly.outer());
        for (const auto& inner : poly.inners()) addRing(inner);
    }
    // Rounding in the union may leave rings that touch or nearly cross, and
    // the zero-thickness walls end in the middle of boundary edges: noded
    // first, else the general insert.
    if (!generalInsert)
        if (std::optional<std::vector<KSegment>> noded = nodedWalls(walls, nodedByTrees)) {
            CGAL::insert_non_intersecting_curves(arr, noded->begin(), noded->end());
            return true;
        }
    std::vector<KSegment> segs;
    segs.reserve(walls.size());
    for (const auto& w : walls) segs.emplace_back(KPoint(w[0], w[1]), KPoint(w[2], w[3]));
    CGAL::insert(arr, segs.begin(), segs.end());
    return false;
}

// CGAL's Triangular_expansion_visibility_2 (regularised, its default: no
// needles), step for step, run in doubles on the exact view's own
// triangulation: the rough views without a copy of the storey in doubles
// and a second triangulation of it. Every corner is a double (else the view
// is not had roughly), so Epick's exact predicates on them answer as on the
// copy; the copy's triangulation is built from the same edges in the same
// order by the same exact predicates, so it is this one, triangle for
// triangle (the test compares the rings with the copy's, bit for bit); the
// crossings are roughCrossing, as RoughKernel's. The corners are appended
// to `out` as the expansion reports them (the copy's RingSink collects the
// same).
class RoughExpansion {
public:
    using EP = CGAL::Epick::Point_2;
    RoughExpansion(const EP& q, std::vector<EP>& out) : q_(q), out_(out) {}

    static EP at(const Cdt::Vertex_handle& v) {
        const auto& a = CGAL::approx(v->point());
        return EP(a.x().inf(), a.y().inf());
    }

    // From q strictly inside triangle fh.
    void fromTriangle(const Cdt::Face_handle& fh) {
        const EP v0 = at(fh->vertex(0)), v1 = at(fh->vertex(1)), v2 = at(fh->vertex(2));
        out_.push_back(v1);
        if (!fh->is_constrained(0)) expand(v2, v1, fh, 0);
        out_.push_back(v2);
        if (!fh->is_constrained(1)) expand(v0, v2, fh, 1);
        out_.push_back(v0);
        if (!fh->is_constrained(2)) expand(v1, v0, fh, 2);
    }

    // From q on the wall source-target (a constrained edge of fh, opposite
    // its vertex `index`), looking to the wall's left.
    void fromWall(Cdt::Face_handle fh, int index, const EP& source, const EP& target) {
        if (at(fh->vertex(Cdt::cw(index))) != target) {  // the triangle on the other side
            const Cdt::Face_handle nfh = fh->neighbor(index);
            index = nfh->index(fh);
            fh = nfh;
        }
        const EP apex = at(fh->vertex(index));
        out_.push_back(source);
        out_.push_back(target);
        if (!fh->is_constrained(Cdt::ccw(index))) expand(apex, target, fh, Cdt::ccw(index));
        out_.push_back(apex);
        if (!fh->is_constrained(Cdt::cw(index))) expand(source, apex, fh, Cdt::cw(index));
    }

private:
    // CGAL's expand_edge: what is seen through edge `index` of fh between
    // the rays from q through `left` and `right`.
    void expand(const EP& left, const EP& right, const Cdt::Face_handle& fh, int index) {
        const Cdt::Face_handle nfh = fh->neighbor(index);
        const int nindex = nfh->index(fh);
        const int rindex = Cdt::ccw(nindex), lindex = Cdt::cw(nindex);
        const EP n = at(nfh->vertex(nindex));
        const auto orientation = CGAL::Epick().orientation_2_object();
        const CGAL::Orientation ro = orientation(q_, right, n), lo = orientation(q_, left, n);
        if (ro == CGAL::COUNTERCLOCKWISE) {  // the right edge is seen
            if (nfh->is_constrained(rindex)) {
                const EP r = at(nfh->vertex(Cdt::cw(nindex)));
                if (right != r) out_.push_back(roughCrossing(q_, right, n, r));
                if (lo == CGAL::COUNTERCLOCKWISE) out_.push_back(roughCrossing(q_, left, n, r));
            } else if (lo == CGAL::COUNTERCLOCKWISE) {
                expand(left, right, nfh, rindex);
                return;
            } else {
                expand(n, right, nfh, rindex);
            }
        }
        if (ro != CGAL::CLOCKWISE && lo != CGAL::COUNTERCLOCKWISE) out_.push_back(n);
        if (lo == CGAL::CLOCKWISE) {  // the left edge is seen
            if (nfh->is_constrained(lindex)) {
                const EP l = at(nfh->vertex(Cdt::ccw(nindex)));
                if (ro == CGAL::CLOCKWISE) out_.push_back(roughCrossing(q_, right, n, l));
                if (left != l) out_.push_back(roughCrossing(q_, left, n, l));
            } else if (ro == CGAL::CLOCKWISE) {
                expand(left, right, nfh, lindex);
            } else {
                expand(left, n, nfh, lindex);
            }
        }
    }

    const EP q_;
    std::vector<EP>& out_;
};

}  // namespace

class StoreyView::Impl {
public:
    Impl(const MultiPolygon& free, const std::vector<Wall>& extraWalls, StoreyView::Locate how) : free_(free) {
        buildStorey(arr_, free, extraWalls, false);
        view_.attach(arr_);
        // The walk on the visibility's triangulation; CGAL's trapezoidal
        // map of the arrangement when asked (the reference) or should the
        // two not correspond.
        if (how == StoreyView::Locate::TrapezoidalMap || !walk_.attach(arr_, view_)) {
            trapezoids_ = std::make_unique<Locator>();
            trapezoids_->attach(arr_);
        }
        markFreeFaces();
    }

    // Where q lies: the face, edge or vertex of the arrangement.
    CdtLocator::Result locate(const KPoint& q) const { return trapezoids_ ? trapezoids_->locate(q) : walk_.locate(q); }

    // The visibility polygon of a post, or nothing (with the reason in
    // `note`) when the post is not in the free space. `note` also says when
    // the post had to be moved.
    std::optional<Polygon> visibleFrom(const Point& post, std::string& note) const {
        const std::optional<Where> w = resolve(post, note);
        if (!w) return std::nullopt;
        if (w->face) return compute(KPoint(w->at.x(), w->at.y()), *w->face);
        return compute(KPoint(w->at.x(), w->at.y()), *w->edge);
    }

    // The view for screening: the same decision where the post stands
    // (resolve), then the expansion in doubles on the view's triangulation.
    RoughView roughFrom(const Point& post) const {
        RoughView out;
        const std::optional<Where> w = roughWhere(post, out);
        if (!w || !cornersDoubles()) return out;
        const Cdt& cdt = *(view_.*reached(VisibilityCdt{}));
        const KPoint kq(w->at.x(), w->at.y());
        Cdt::Locate_type lt;
        int li;
        Cdt::Face_handle t = trapezoids_ ? cdt.locate(kq, lt, li) : walk_.triangle(kq, lt, li);
        std::vector<RoughExpansion::EP> points;
        RoughExpansion expansion(RoughExpansion::EP(w->at.x(), w->at.y()), points);
        if (w->face) {
            // On an edge of the triangulation (not a wall) the triangle
            // depends on the walk: the one CGAL's expansion starts from,
            // located from the same face as it does.
            if (lt != Cdt::FACE) t = cdt.locate(kq, lt, li);
            if (lt != Cdt::FACE && lt != Cdt::EDGE) return out;
            expansion.fromTriangle(t);
        } else {
            if (lt != Cdt::EDGE) return out;
            const auto& he = *w->edge;
            auto corner = [](const Arrangement::Vertex_const_handle& v) {
                return RoughExpansion::EP(CGAL::to_double(v->point().x()), CGAL::to_double(v->point().y()));
            };
            expansion.fromWall(t, li, corner(he->source()), corner(he->target()));
        }
        finishRing(points, out);
        return out;
    }

    // The former way: the expansion on the rough copy, its corners collected.
    RoughView roughFromCopy(const Point& post) const {
        RoughView out;
        const std::optional<Where> w = roughWhere(post, out);
        if (!w) return out;
        const Rough* r = rough();
        if (!r) return out;
        const RKernel::Point_2 q(w->at.x(), w->at.y());
        RingSink sink;
        try {
            if (w->face && r->locator) {
                // The former way (the reference): the rough copy's own point location.
                auto where = r->locator->locate(q);
                auto f = boost::get<RArrangement::Face_const_handle>(&where);
                if (!f || (*f)->is_unbounded()) return out;
                r->view.compute_visibility(q, *f, sink);
            } else if (w->face) {
                // The copy's face of the same edges: q lies strictly inside
                // it too (the same corners, exact predicates).
                auto it = r->faces.find(&**w->face);
                if (it == r->faces.end()) return out;
                r->view.compute_visibility(q, it->second, sink);
            } else {
                const auto& he = *w->edge;
                auto it = r->halfedges.find({CGAL::to_double(he->source()->point().x()), CGAL::to_double(he->source()->point().y()),
                                             CGAL::to_double(he->target()->point().x()), CGAL::to_double(he->target()->point().y())});
                if (it == r->halfedges.end()) return out;
                r->view.compute_visibility(q, it->second, sink);
            }
        } catch (const CGAL::Bad_object_cast&) {
            // A sight ray through a wall's end: in doubles the ray and the
            // wall may miss each other, and no corner is constructed.
            return out;
        }
        if (sink.needles) return out;
        finishRing(sink.points, out);
        return out;
    }

private:
    // The rough view's ring from the corners the expansion reported: equal
    // neighbours once, and whether it has a needle's tip. Ring, or Unsure
    // when fewer than three corners are left.
    static void finishRing(const std::vector<CGAL::Epick::Point_2>& points, RoughView& out) {
        for (const auto& p : points) {
            const Point d(p.x(), p.y());
            if (out.ring.empty() || !bg::equals(out.ring.back(), d)) out.ring.push_back(d);
        }
        while (out.ring.size() > 1 && bg::equals(out.ring.front(), out.ring.back())) out.ring.pop_back();
        if (out.ring.size() < 3) {
            out.ring.clear();
            return;
        }
        // Two corners a hair apart are the tip of a needle (a sight ray
        // through two nearly aligned corners): said in `tip`. The ring is
        // kept: its seen floor is measured by clipping the floor to its fan
        // (seenFloor), linear in the rings, so a tip neither drops nor
        // doubles floor as Boost's overlay did. A tip whose corners span
        // less than a tenth of kSliverArea with their neighbours is rounding
        // of corners that coincide (or nearly) in the exact view, where
        // dropSlivers removes them: not a tip.
        const size_t m = out.ring.size();
        auto twiceArea = [](const Point& a, const Point& b, const Point& c) {
            return std::abs((b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x()));
        };
        for (size_t i = 0; i < m && !out.tip; ++i) {
            const Point& a = out.ring[i];
            const Point& b = out.ring[(i + 1) % m];
            // hypot is at least either side (it is faithfully rounded and
            // each side is a double): only the close pairs are measured.
            const double dx = b.x() - a.x(), dy = b.y() - a.y();
            if (std::abs(dx) >= kNeedleTip || std::abs(dy) >= kNeedleTip || std::hypot(dx, dy) >= kNeedleTip) continue;
            const Point& before = out.ring[(i + m - 1) % m];
            const Point& after = out.ring[(i + 2) % m];
            if (std::max(twiceArea(before, a, b), twiceArea(a, b, after)) < 2 * kSliverArea / 10) continue;
            out.tip = true;
        }
        out.kind = RoughView::Ring;
    }

    // Where a post's view is computed from: a point strictly inside a free
    // face, or on a wall face (a halfedge whose face is free).
    struct Where {
        Point at;
        std::optional<Arrangement::Face_const_handle> face;
        std::optional<Arrangement::Halfedge_const_handle> edge;
    };
    static Where inFace(const Point& p, Arrangement::Face_const_handle f) { return {p, f, std::nullopt}; }

    // Where a rough view is taken from (resolve); `out` None without it,
    // else Unsure until a ring is had.
    std::optional<Where> roughWhere(const Point& post, RoughView& out) const {
        std::string note;
        std::optional<Where> w = resolve(post, note);
        out.kind = w ? RoughView::Unsure : RoughView::None;
        return w;
    }

    // The decision of visibleFrom, without the view: nothing when the post
    // is not in the free space (the reason in `note`).
    std::optional<Where> resolve(const Point& post, std::string& note) const {
        const KPoint kq(post.x(), post.y());
        auto where = locate(kq);
        if (auto f = boost::get<Arrangement::Face_const_handle>(&where)) {
            if (isFree(*f)) return inFace(post, *f);
        } else if (auto h = boost::get<Arrangement::Halfedge_const_handle>(&where)) {
            // On a wall face: CGAL computes the view from a point on an edge
            // exactly, looking into the face of the halfedge given; take the
            // side that is free space (either, on a zero-thickness wall).
            Arrangement::Halfedge_const_handle he = *h;
            if (!isFree(he->face())) he = he->twin();
            if (isFree(he->face())) {
                note = QT_TRANSLATE_NOOP("rules", "stands on a wall face");
                return Where{post, std::nullopt, he};
            }
        } else if (auto v = boost::get<Arrangement::Vertex_const_handle>(&where)) {
            // On a corner: CGAL's expansion from a query on a vertex is not
            // reliable; move the post 1 mm into the room, along the bisector
            // of the widest free corner.
            if (std::optional<Point> inside = intoRoom(*v)) {
                note = QT_TRANSLATE_NOOP("rules", "stands on a wall corner: moved 1 mm into the room");
                return inFreeFace(*inside);
            }
        }
        // Outside the free space (or a corner with no free side).
        auto [onWall, d] = nearestBoundaryPoint(free_, post);
        if (d > kSnapDistance) {
            note = QT_TRANSLATE_NOOP("rules", "lies outside the walkable space of storey");
            return std::nullopt;
        }
        note = kit::say(QT_TRANSLATE_NOOP("rules", "lies %1 m inside a wall: taken from the nearest wall face"), kit::fmt(d, 2));
        // A projected point is only nearly on the wall: always move it inside.
        std::optional<Point> inside = nudge(onWall);
        if (!inside) {
            note = QT_TRANSLATE_NOOP("rules", "cannot be placed in the walkable space");

            return std::nullopt;
        }
        return inFreeFace(*inside);
    }

    std::optional<Where> inFreeFace(const Point& p) const {
        if (std::optional<Arrangement::Face_const_handle> f = locateFace(p)) return inFace(p, *f);
        return std::nullopt;
    }

    // Whether every corner of the storey is a double (else no view is had
    // roughly, as the copy's): asked once. Compared exactly, which leaves
    // each corner's interval a point, read by RoughExpansion.
    bool cornersDoubles() const {
        if (cornersDoubles_) return *cornersDoubles_;
        bool all = true;
        const Cdt& cdt = *(view_.*reached(VisibilityCdt{}));
        for (auto v = cdt.finite_vertices_begin(); all && v != cdt.finite_vertices_end(); ++v) {
            const KPoint& p = v->point();
            all = KPoint(CGAL::to_double(p.x()), CGAL::to_double(p.y())) == p;
            const auto& a = CGAL::approx(p);
            all = all && a.x().is_point() && a.y().is_point();
        }
        cornersDoubles_ = all && cdt.dimension() == 2;
        return *cornersDoubles_;
    }

    // The rough copy of the arrangement, made when first asked for; none
    // when a corner of the exact one is not a double (two walls crossing):
    // then every rough view is Unsure and computed exactly.
    struct Rough {
        RArrangement arr;
        std::unique_ptr<RLocator> locator;  // the former way only (StoreyView::Locate::TrapezoidalMap)
        std::unordered_map<const void*, RArrangement::Face_const_handle> faces;  // by the exact arrangement's bounded face
        RVisibility view;
        std::map<std::array<double, 4>, RArrangement::Halfedge_const_handle> halfedges;  // by (source, target)
    };
    const Rough* rough() const {
        if (roughTried_) return rough_.get();
        roughTried_ = true;
        std::vector<RKernel::Segment_2> segs;
        for (auto e = arr_.edges_begin(); e != arr_.edges_end(); ++e) {
            const KPoint& a = e->source()->point();
            const KPoint& b = e->target()->point();
            const double ax = CGAL::to_double(a.x()), ay = CGAL::to_double(a.y());
            const double bx = CGAL::to_double(b.x()), by = CGAL::to_double(b.y());
            if (KPoint(ax, ay) != a || KPoint(bx, by) != b) return nullptr;
            segs.emplace_back(RKernel::Point_2(ax, ay), RKernel::Point_2(bx, by));
        }
        auto r = std::make_unique<Rough>();
        // The exact arrangement's edges meet only at their ends, and so do
        // these: the same corners, compared exactly.
        CGAL::insert_non_intersecting_curves(r->arr, segs.begin(), segs.end());
        if (r->arr.number_of_edges() != arr_.number_of_edges()) return nullptr;
        if (trapezoids_) r->locator = std::make_unique<RLocator>(r->arr);
        r->view.attach(r->arr);
        for (auto h = r->arr.halfedges_begin(); h != r->arr.halfedges_end(); ++h)
            r->halfedges[{h->source()->point().x(), h->source()->point().y(), h->target()->point().x(), h->target()->point().y()}] = h;
        // Each bounded face is the one on the left of its outer boundary's
        // halfedges, in either arrangement.
        for (auto f = arr_.faces_begin(); f != arr_.faces_end(); ++f) {
            if (f->is_unbounded()) continue;
            const auto he = f->outer_ccb();
            auto it = r->halfedges.find({CGAL::to_double(he->source()->point().x()), CGAL::to_double(he->source()->point().y()),
                                         CGAL::to_double(he->target()->point().x()), CGAL::to_double(he->target()->point().y())});
            if (it == r->halfedges.end() || it->second->face()->is_unbounded()) return nullptr;
            r->faces.emplace(&*f, it->second->face());
        }
        rough_ = std::move(r);
        return rough_.get();
    }

    // Each bounded face of the arrangement lies wholly inside the free space
    // or wholly outside it (its boundary edges are all inserted); one probe
    // point strictly inside each face, tested once, says which.
    void markFreeFaces() {
        for (auto f = arr_.faces_begin(); f != arr_.faces_end(); ++f) {
            if (f->is_unbounded()) continue;
            auto he = f->outer_ccb();
            const auto first = he;
            do {
                // A hair left of the middle of one of its edges (the face is
                // on the left of its outer boundary), confirmed by locating it.
                const double sx = CGAL::to_double(he->source()->point().x());
                const double sy = CGAL::to_double(he->source()->point().y());
                const double tx = CGAL::to_double(he->target()->point().x());
                const double ty = CGAL::to_double(he->target()->point().y());
                const double len = std::hypot(tx - sx, ty - sy);
                if (len > 1e-6) {
                    const double off = std::min(1e-4, len * 1e-3);
                    const Point probe((sx + tx) / 2 - (ty - sy) / len * off, (sy + ty) / 2 + (tx - sx) / len * off);
                    auto where = locate(KPoint(probe.x(), probe.y()));
                    auto g = boost::get<Arrangement::Face_const_handle>(&where);
                    if (g && *g == Arrangement::Face_const_handle(f)) {
                        if (bg::within(probe, free_)) free_faces_.insert(&*f);
                        break;
                    }
                }
            } while (++he != first);
        }
    }

    bool isFree(Arrangement::Face_const_handle f) const { return !f->is_unbounded() && free_faces_.count(&*f) > 0; }

    // The face holding p when p is strictly inside a free one.
    std::optional<Arrangement::Face_const_handle> locateFace(const Point& p) const {
        auto where = locate(KPoint(p.x(), p.y()));
        if (auto f = boost::get<Arrangement::Face_const_handle>(&where))
            if (isFree(*f)) return *f;
        return std::nullopt;
    }

    // A point 1 mm from corner v along the bisector of its widest free
    // sector (the sectors between the walls meeting at v, each of one face).
    std::optional<Point> intoRoom(Arrangement::Vertex_const_handle v) const {
        const double vx = CGAL::to_double(v->point().x()), vy = CGAL::to_double(v->point().y());
        struct Ray {
            double angle;
            Arrangement::Face_const_handle face;  // the face clockwise of the ray (left of the halfedge into v)
        };
        std::vector<Ray> rays;
        auto he = v->incident_halfedges();
        if (he == decltype(he)()) return std::nullopt;
        const auto first = he;
        do {
            const double sx = CGAL::to_double(he->source()->point().x()), sy = CGAL::to_double(he->source()->point().y());
            rays.push_back({std::atan2(sy - vy, sx - vx), he->face()});
        } while (++he != first);
        std::sort(rays.begin(), rays.end(), [](const Ray& a, const Ray& b) { return a.angle < b.angle; });
        double bestWidth = 0.0, bestMid = 0.0;
        for (size_t i = 0; i < rays.size(); ++i) {
            // From the ray clockwise to the previous one (counter-clockwise order).
            const Ray& r = rays[i];
            const double prev = i > 0 ? rays[i - 1].angle : rays.back().angle - 2.0 * M_PI;
            const double width = rays.size() == 1 ? 2.0 * M_PI : r.angle - prev;
            if (isFree(r.face) && width > bestWidth) bestWidth = width, bestMid = r.angle - width / 2;
        }
        if (bestWidth <= 0.0) return std::nullopt;
        const Point p(vx + kNudge * std::cos(bestMid), vy + kNudge * std::sin(bestMid));
        if (locateFace(p)) return p;
        return nudge(Point(vx, vy));  // a sector narrower than 1 mm deep: probe around
    }

    // The middle of the widest fan of directions in which a point 1 mm away
    // is strictly inside the free space: the bisector of the room's corner.
    std::optional<Point> nudge(const Point& q) const {
        std::array<bool, kNudgeDirections> ok{};
        auto at = [&](int k) {
            double a = 2.0 * M_PI * k / kNudgeDirections;
            return Point(q.x() + kNudge * std::cos(a), q.y() + kNudge * std::sin(a));
        };
        int start = -1;
        for (int k = 0; k < kNudgeDirections; ++k) {
            ok[k] = locateFace(at(k)).has_value();
            if (!ok[k]) start = k;
        }
        if (start < 0) return at(0);  // free all round
        int bestFrom = -1, bestLen = 0;
        for (int i = 1, run = 0, from = 0; i <= kNudgeDirections; ++i) {
            int k = (start + i) % kNudgeDirections;
            if (ok[k]) {
                if (run++ == 0) from = k;
                if (run > bestLen) bestLen = run, bestFrom = from;
            } else {
                run = 0;
            }
        }
        if (bestLen == 0) return std::nullopt;
        return at((bestFrom + (bestLen - 1) / 2) % kNudgeDirections);
    }

    template <class Where>
    std::optional<Polygon> compute(const KPoint& q, const Where& where) const {
        Arrangement out;
        auto face = view_.compute_visibility(q, where, out);
        Polygon poly;
        auto first = face->outer_ccb();
        auto he = first;
        do {
            // A sight ray that grazes two wall corners (a doorway seen exactly
            // along its diagonal) leaves a needle of zero width: an edge with
            // the view on both sides. It adds no area, but a ring that runs out
            // along it and back is not a valid polygon, and Boost's overlay of
            // such a ring with the floor returned whole rooms behind the wall.
            if (he->twin()->face() == he->face()) continue;
            Point p(CGAL::to_double(he->source()->point().x()), CGAL::to_double(he->source()->point().y()));
            if (poly.outer().empty() || !bg::equals(poly.outer().back(), p)) poly.outer().push_back(p);
        } while (++he != first);
        while (poly.outer().size() > 1 && bg::equals(poly.outer().front(), poly.outer().back())) poly.outer().pop_back();
        dropSlivers(poly.outer());
        if (poly.outer().size() < 3) return std::nullopt;
        poly.outer().push_back(poly.outer().front());
        bg::correct(poly);
        return poly;
    }

    std::optional<Polygon> compute(const KPoint& q, std::optional<Arrangement::Face_const_handle> face) const {
        if (!face) return std::nullopt;
        return compute(q, *face);
    }

    MultiPolygon free_;
    Arrangement arr_;
    Visibility view_;
    CdtLocator walk_;
    std::unique_ptr<Locator> trapezoids_;
    std::unordered_set<const Arrangement::Face*> free_faces_;
    mutable bool roughTried_ = false;
    mutable std::optional<bool> cornersDoubles_;

    mutable std::unique_ptr<Rough> rough_;
};


namespace {

// The floor in exact coordinates: its rings (interior on the left: outer
// rings counter-clockwise, holes clockwise) and their edges.
struct ExactFloor {
    std::vector<std::vector<KPoint>> outers;                   // per polygon
    std::vector<std::vector<std::vector<KPoint>>> holes;       // per polygon
    std::vector<KSegment> edges;
    // The same edges in doubles (the floor's corners are doubles): exact
    // predicates on them (Epick) tell cheaply which edges a sight line cannot
    // meet, before the exact intersection.
    using DPoint = CGAL::Epick::Point_2;
    std::vector<std::pair<DPoint, DPoint>> dedges;
    // The former crossings: every edge that may meet a sight line
    // intersected exactly (decomposeReference).
    bool reference = false;

    explicit ExactFloor(const MultiPolygon& floor) {
        auto ring = [&](const auto& r) {
            std::vector<KPoint> out;
            std::vector<DPoint> dout;
            for (const auto& p : r) {
                KPoint k(p.x(), p.y());
                if (out.empty() || out.back() != k) {
                    out.push_back(k);
                    dout.emplace_back(p.x(), p.y());
                }
            }
            if (out.size() > 1 && out.front() == out.back()) {
                out.pop_back();
                dout.pop_back();
            }
            for (size_t i = 0; i < out.size(); ++i) {
                edges.emplace_back(out[i], out[(i + 1) % out.size()]);
                dedges.emplace_back(dout[i], dout[(i + 1) % dout.size()]);
            }
            return out;
        };
        for (const auto& poly : floor) {
            outers.push_back(ring(poly.outer()));
            holes.emplace_back();
            for (const auto& in : poly.inners()) holes.back().push_back(ring(in));
        }
    }

    // Where p lies: inside, on the boundary or outside the floor (exact).
    CGAL::Bounded_side side(const KPoint& p) const {
        for (size_t k = 0; k < outers.size(); ++k) {
            if (outers[k].size() < 3) continue;
            const CGAL::Bounded_side o = CGAL::bounded_side_2(outers[k].begin(), outers[k].end(), p, Kernel());
            if (o == CGAL::ON_UNBOUNDED_SIDE) continue;
            if (o == CGAL::ON_BOUNDARY) return CGAL::ON_BOUNDARY;
            bool inHole = false;
            for (const auto& h : holes[k]) {
                if (h.size() < 3) continue;
                const CGAL::Bounded_side hs = CGAL::bounded_side_2(h.begin(), h.end(), p, Kernel());
                if (hs == CGAL::ON_BOUNDARY) return CGAL::ON_BOUNDARY;
                if (hs == CGAL::ON_BOUNDED_SIDE) inHole = true;
            }
            if (!inHole) return CGAL::ON_BOUNDED_SIDE;
        }
        return CGAL::ON_UNBOUNDED_SIDE;
    }

    // A point in doubles when it is one exactly.
    static std::optional<DPoint> asDouble(const KPoint& p) {
        const double x = CGAL::to_double(p.x()), y = CGAL::to_double(p.y());
        if (KPoint(x, y) != p) return std::nullopt;
        return DPoint(x, y);
    }

    // Where the line `from` + t (to - from), t > 0 (t <= 1 for a segment),
    // meets the boundary, sorted along it, `from` first. `mayMeet(k)`: false
    // only when edge k cannot meet it (decided exactly).
    template <class Linear, class MayMeet>
    std::vector<KPoint> crossings(const KPoint& from, const Linear& line, MayMeet&& mayMeet) const {
        std::vector<KPoint> pts{from};
        for (size_t k = 0; k < edges.size(); ++k) {
            if (!mayMeet(k)) continue;
            addCrossing(line, edges[k], pts);
        }
        sortAlong(from, pts);
        return pts;
    }

    // Where `line` (a segment or ray) meets edge e, exactly: nothing, a
    // point, or both ends of the piece they share, added to `pts`.
    template <class Linear>
    static void addCrossing(const Linear& line, const KSegment& e, std::vector<KPoint>& pts) {
        if (!CGAL::do_intersect(line, e)) return;
        auto hit = CGAL::intersection(line, e);
        if (!hit) return;
        if (const KPoint* p = boost::get<KPoint>(&*hit)) {
            pts.push_back(*p);
        } else if (const KSegment* sg = boost::get<KSegment>(&*hit)) {
            pts.push_back(sg->source());
            pts.push_back(sg->target());
        }
    }

    // Sorted by distance from `from`, equal points once.
    static void sortAlong(const KPoint& from, std::vector<KPoint>& pts) {
        std::sort(pts.begin(), pts.end(), [&](const KPoint& a, const KPoint& b) {
            return CGAL::compare_distance_to_point(from, a, b) == CGAL::SMALLER;
        });
        pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
    }

    // Whether the closed segment a-b lies in the closed floor: every piece
    // between two of its boundary crossings has its middle inside or on it.
    bool contains(const KPoint& a, const KPoint& b) const {
        const std::optional<DPoint> da = asDouble(a), db = asDouble(b);
        std::vector<KPoint> pts;
        if (reference || !da || !db) {
            // An edge meets the segment only if neither lies wholly on one
            // side of the other's line.
            auto mayMeet = [&](size_t k) {
                if (!da || !db) return true;
                const auto& [p, q] = dedges[k];
                const CGAL::Orientation op = CGAL::orientation(*da, *db, p), oq = CGAL::orientation(*da, *db, q);
                if (op != CGAL::COLLINEAR && op == oq) return false;
                const CGAL::Orientation oa = CGAL::orientation(p, q, *da), ob = CGAL::orientation(p, q, *db);
                return !(oa != CGAL::COLLINEAR && oa == ob);
            };
            pts = crossings(a, KSegment(a, b), mayMeet);
        } else {
            // The same crossings, told apart by exact predicates on doubles:
            // an edge touching the segment adds its ends on it (a and b need
            // not be added: a is the first point, b is appended below), and
            // only an edge crossing it properly needs the exact intersection.
            pts.push_back(a);
            std::optional<KSegment> seg;
            for (size_t k = 0; k < edges.size(); ++k) {
                const auto& [p, q] = dedges[k];
                const CGAL::Orientation op = CGAL::orientation(*da, *db, p), oq = CGAL::orientation(*da, *db, q);
                if (op != CGAL::COLLINEAR && op == oq) continue;
                const CGAL::Orientation oa = CGAL::orientation(p, q, *da), ob = CGAL::orientation(p, q, *db);
                if (oa != CGAL::COLLINEAR && oa == ob) continue;
                if (op == CGAL::COLLINEAR || oq == CGAL::COLLINEAR) {
                    // The edge meets the line a-b at its ends on it only (or
                    // lies along it): those strictly between a and b.
                    if (op == CGAL::COLLINEAR && CGAL::collinear_are_strictly_ordered_along_line(*da, p, *db))
                        pts.push_back(edges[k].source());
                    if (oq == CGAL::COLLINEAR && CGAL::collinear_are_strictly_ordered_along_line(*da, q, *db))
                        pts.push_back(edges[k].target());
                    continue;
                }
                if (oa == CGAL::COLLINEAR || ob == CGAL::COLLINEAR) continue;  // it meets the segment at a or b
                if (!seg) seg.emplace(a, b);
                auto hit = CGAL::intersection(*seg, edges[k]);
                if (!hit) continue;
                if (const KPoint* x = boost::get<KPoint>(&*hit)) pts.push_back(*x);
            }
            sortAlong(a, pts);
        }
        std::vector<KPoint> along = pts;
        if (along.back() != b) along.push_back(b);
        for (size_t i = 0; i + 1 < along.size(); ++i)
            if (side(CGAL::midpoint(along[i], along[i + 1])) == CGAL::ON_UNBOUNDED_SIDE) return false;
        return true;
    }

    // What the former exact test and intersection of the ray with edge e did
    // to the ray, replayed in intervals: where their filter failed, the ray
    // became exact, and the intersections constructed after it start from
    // its exact value (finer intervals, so other doubles out of to_double).
    // `meets`: whether they meet (known exactly). `exact`: set once the ray
    // is made exact here (after that nothing more changes; a filter failure
    // of the edges crossing the line, which still go the former way, may
    // have made it exact too: replaying then is merely redundant).
    static void replay(const Kernel::Ray_2& ray, const KSegment& e, bool meets, bool& exact) {
        if (exact) return;
        using AK = Kernel::Approximate_kernel;
        const auto aray = CGAL::approx(ray);
        const auto aseg = CGAL::approx(e);
        bool failed = false;
        {
            CGAL::Protect_FPU_rounding<true> guard;
            try {
                // The predicate: on doubles (a static filter) when the ray's
                // corners are doubles, else in intervals.
                if (!CGAL::Epic_converter<AK>()(aray).second) {
                    const auto res = AK().do_intersect_2_object()(aray, aseg);
                    if (!CGAL::is_certain(res)) failed = true;
                }
                if (!failed && meets) (void)AK().intersect_2_object()(aray, aseg);
            } catch (CGAL::Uncertain_conversion_exception&) {
                failed = true;
            }
        }
        if (failed) {
            (void)ray.exact();
            exact = true;
        }
    }

    // Where the ray from r away from u first leaves the closed floor (r
    // itself when it leaves at once).
    KPoint exit(const KPoint& u, const KPoint& r) const {
        const Kernel::Ray_2 ray(r, r - u);
        const std::optional<DPoint> du = asDouble(u), dr = asDouble(r);
        // An edge meets the ray only if it is not wholly on one side of the
        // line u-r, and not wholly behind r (where (x - r) . (u - r) > 0).
        auto mayMeet = [&](size_t k) {
            if (!du || !dr) return true;
            const auto& [p, q] = dedges[k];
            const CGAL::Orientation op = CGAL::orientation(*du, *dr, p), oq = CGAL::orientation(*du, *dr, q);
            if (op != CGAL::COLLINEAR && op == oq) return false;
            return !(CGAL::angle(*du, *dr, p) == CGAL::ACUTE && CGAL::angle(*du, *dr, q) == CGAL::ACUTE);
        };
        std::vector<KPoint> pts;
        if (reference || !du || !dr) {
            pts = crossings(r, ray, mayMeet);
        } else {
            // The same crossings: an edge with an end on the ray's line adds
            // its ends on the ray past r (exact predicates on doubles; the
            // former exact intersections of these, all at floor corners, were
            // the dear part); the others as before, in the same order.
            pts.push_back(r);
            bool rayExact = false;
            for (size_t k = 0; k < edges.size(); ++k) {
                if (!mayMeet(k)) continue;
                const auto& [p, q] = dedges[k];
                const KSegment& e = edges[k];
                const CGAL::Orientation op = CGAL::orientation(*du, *dr, p), oq = CGAL::orientation(*du, *dr, q);
                if (op != CGAL::COLLINEAR && oq != CGAL::COLLINEAR) {
                    addCrossing(ray, e, pts);
                    continue;
                }
                const CGAL::Angle ap = CGAL::angle(*du, *dr, p), aq = CGAL::angle(*du, *dr, q);
                replay(ray, e, (op == CGAL::COLLINEAR && ap != CGAL::ACUTE) || (oq == CGAL::COLLINEAR && aq != CGAL::ACUTE), rayExact);
                if (op == CGAL::COLLINEAR && ap == CGAL::OBTUSE) pts.push_back(e.source());
                if (oq == CGAL::COLLINEAR && aq == CGAL::OBTUSE) pts.push_back(e.target());
            }
            sortAlong(r, pts);
        }
        for (size_t i = 0; i + 1 < pts.size(); ++i)
            if (side(CGAL::midpoint(pts[i], pts[i + 1])) == CGAL::ON_UNBOUNDED_SIDE) return pts[i];
        return pts.back();  // the floor is bounded: past the last crossing is outside
    }
};

struct Corner {
    KPoint at, prev, next;  // its neighbours on its ring
    bool reflex;
};

// The corners of every ring, with an exact turn test: the interior lies
// left of every ring, so a right turn is a reflex corner.
std::vector<Corner> corners(const ExactFloor& f) {
    std::vector<Corner> out;
    auto ring = [&](const std::vector<KPoint>& r) {
        const size_t n = r.size();
        if (n < 3) return;
        for (size_t i = 0; i < n; ++i) {
            const KPoint& a = r[(i + n - 1) % n];
            const KPoint& b = r[(i + 1) % n];
            out.push_back({r[i], a, b, CGAL::orientation(a, r[i], b) == CGAL::RIGHT_TURN});
        }
    };
    for (size_t k = 0; k < f.outers.size(); ++k) {
        ring(f.outers[k]);
        for (const auto& h : f.holes[k]) ring(h);
    }
    return out;
}

}  // namespace

// Canonical doubles of the decomposition's vertices: the crossing of two
// lines, each through two points that are doubles, rounded to the nearest
// double (ties to even), coordinate by coordinate. The value depends on the
// point only (not on which two lines through it are taken, nor on how the
// arrangement was built). Certified in double-double arithmetic with a
// bound on its error; in exact rationals where that cannot decide (the
// crossing within some 1e-30 of a halfway point between two doubles).
namespace canon {

// A double-double value (h + l) and a bound e on its distance to the exact
// value it stands for.
struct DD {
    double h = 0, l = 0, e = 0;
};

constexpr double kU2 = 0x1p-106;  // u², u = 2^-53
// The bounds are computed in doubles rounded to nearest: each of the few
// steps is within 2^-53 relative, far inside this factor.
constexpr double kSlack = 1.0 + 0x1p-40;

inline void twoSum(double a, double b, double& s, double& e) {
    s = a + b;
    const double bb = s - a;
    e = (a - (s - bb)) + (b - bb);
}
inline void fastTwoSum(double a, double b, double& s, double& e) {
    s = a + b;
    e = b - (s - a);
}
// a - b exactly.
inline DD diff(double a, double b) {
    DD z;
    twoSum(a, -b, z.h, z.l);
    return z;
}
// x + y: Joldes, Muller, Popescu (2017), AccurateDWPlusDW, relative error
// at most 3u²/(1 - 4u) of the exact sum of the two double-doubles.
inline DD add(const DD& x, const DD& y) {
    double sh, sl, th, tl, vh, vl, zh, zl;
    twoSum(x.h, y.h, sh, sl);
    twoSum(x.l, y.l, th, tl);
    const double c = sl + th;
    fastTwoSum(sh, c, vh, vl);
    const double w = tl + vl;
    fastTwoSum(vh, w, zh, zl);
    return {zh, zl, (x.e + y.e + 4 * kU2 * std::abs(zh)) * kSlack};
}
inline DD neg(const DD& x) { return {-x.h, -x.l, x.e}; }
inline DD sub(const DD& x, const DD& y) { return add(x, neg(y)); }
// x · y: the same paper's DWTimesDW3 (with FMA), relative error at most 4u²
// of the exact product of the two double-doubles (taken as 8u² here).
inline DD mul(const DD& x, const DD& y) {
    const double ch = x.h * y.h;
    const double cl1 = std::fma(x.h, y.h, -ch);
    const double tl0 = x.l * y.l;
    const double tl1 = std::fma(x.h, y.l, tl0);
    const double cl2 = std::fma(x.l, y.h, tl1);
    const double cl3 = cl1 + cl2;
    DD z;
    fastTwoSum(ch, cl3, z.h, z.l);
    const double ax = std::abs(x.h) * (1 + 0x1p-51), ay = std::abs(y.h) * (1 + 0x1p-51);
    z.e = (ax * y.e + ay * x.e + x.e * y.e + 8 * kU2 * std::abs(z.h)) * kSlack;
    return z;
}
// x · 2^k exactly (no overflow or underflow here: checked by the caller).
inline DD scale(const DD& x, double pow2) { return {x.h * pow2, x.l * pow2, x.e * pow2}; }

// The sign of the exact value, 0 when the bound cannot tell.
inline int sign(const DD& x) {
    if (std::abs(x.h) * (1 - 0x1p-50) <= x.e) return 0;
    return x.h > 0 ? 1 : -1;
}

using EFT = CGAL::Epeck::Exact_kernel::FT;

// The double nearest the exact rational q, ties to even.
double nearest(const EFT& q) {
    const std::pair<double, double> iv = CGAL::to_interval(q);
    if (iv.first == iv.second) return iv.first;
    double lo = iv.first, hi = iv.second;
    if (EFT(lo) == q) return lo;
    if (EFT(hi) == q) return hi;
    // The interval is the tightest one: lo and hi are neighbours.
    const EFT mid = (EFT(lo) + EFT(hi)) / 2;
    if (q < mid) return lo;
    if (q > mid) return hi;
    std::uint64_t bits;
    std::memcpy(&bits, &lo, sizeof bits);
    return (bits & 1) ? hi : lo;
}

// The nearest double of X / D, or nothing when the bounds cannot decide.
std::optional<double> quotient(const DD& X, const DD& D) {
    const int sd = sign(D);
    if (sd == 0) return std::nullopt;
    double q = X.h / D.h;
    for (int step = 0; step < 4; ++step) {
        if (!std::isfinite(q) || q == 0.0 || std::abs(q) < 0x1p-900 || std::abs(q) > 0x1p900) return std::nullopt;
        const double below = std::nextafter(q, -HUGE_VAL), above = std::nextafter(q, HUGE_VAL);
        // Halfway to each neighbour: q - gl / 2 and q + gh / 2, where the
        // gaps are powers of two (exact differences of neighbours).
        const double gl = q - below, gh = above - q;
        const DD rest = sub(X, mul(DD{q, 0, 0}, D));  // X - q D
        const int lowSide = sign(add(rest, scale(D, gl / 2))) * sd;   // sign of X/D - (q - gl/2)
        const int highSide = sign(sub(rest, scale(D, gh / 2))) * sd;  // sign of X/D - (q + gh/2)
        if (lowSide == 0 || highSide == 0) return std::nullopt;
        if (lowSide > 0 && highSide < 0) return q;
        q = lowSide < 0 ? below : above;
    }
    return std::nullopt;
}

// Coordinates of plans in metres: far from overflow and underflow in the
// cubic terms and their bounds; others go the exact way.
bool tame(double v) { return v == 0.0 || (std::abs(v) > 0x1p-100 && std::abs(v) < 0x1p100); }

}  // namespace canon

Point roundedCrossing(const Point& a, const Point& b, const Point& c, const Point& d) {
    using namespace canon;
    // x = (ax D + (bx - ax) N) / D, y alike, D = (b - a) x (d - c),
    // N = (c - a) x (d - c).
    const bool ok = tame(a.x()) && tame(a.y()) && tame(b.x()) && tame(b.y()) && tame(c.x()) && tame(c.y()) &&
                    tame(d.x()) && tame(d.y());
    if (ok) {
        const DD dx1 = diff(b.x(), a.x()), dy1 = diff(b.y(), a.y());
        const DD dx2 = diff(d.x(), c.x()), dy2 = diff(d.y(), c.y());
        const DD ex = diff(c.x(), a.x()), ey = diff(c.y(), a.y());
        const DD D = sub(mul(dx1, dy2), mul(dy1, dx2));
        const DD N = sub(mul(ex, dy2), mul(ey, dx2));
        const DD X = add(mul(DD{a.x(), 0, 0}, D), mul(dx1, N));
        const DD Y = add(mul(DD{a.y(), 0, 0}, D), mul(dy1, N));
        // An exact zero (a coordinate on an axis) is not halfway anywhere.
        auto coord = [&](const DD& num, double at, const DD& delta) -> std::optional<double> {
            if (delta.h == 0 && delta.l == 0) return at;  // the line along this axis: at exactly
            if (num.h == 0 && num.l == 0 && num.e == 0) return 0.0;
            return quotient(num, D);
        };
        const std::optional<double> x = coord(X, a.x(), dx1), y = coord(Y, a.y(), dy1);
        if (x && y) return Point(*x, *y);
    }
    // Exactly, in rationals.
    const EFT ax = a.x(), ay = a.y(), bx = b.x(), by = b.y(), cx = c.x(), cy = c.y(), dx = d.x(), dy = d.y();
    const EFT D = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    const EFT N = (cx - ax) * (dy - cy) - (cy - ay) * (dx - cx);
    if (D == 0) return Point(std::nan(""), std::nan(""));  // parallel: no crossing (not asked)
    const EFT t = N / D;
    return Point(nearest(ax + (bx - ax) * t), nearest(ay + (by - ay) * t));
}

namespace {

// The decomposition's arrangement: segment traits whose intersection of two
// curves from one end point, not along one line, answers nothing at once
// (they meet at that end only, which the sweep skips). CGAL's would build
// the crossing of their lines and compare it with the event, which fails
// Epeck's filter and computes both in rationals. The same arrangement.
struct CanonTraits : public Traits {
    using Base = Traits;
    class Intersect_2 : public Base::Intersect_2 {
    public:
        explicit Intersect_2(const Base& t) : Base::Intersect_2(t) {}
        template <class OutputIterator>
        OutputIterator operator()(const X_monotone_curve_2& a, const X_monotone_curve_2& b, OutputIterator oi) const {
            const bool left = same(a.left(), b.left());
            if (left || same(a.right(), b.right())) {
                const KPoint& other = left ? b.right() : b.left();
                if (Kernel().orientation_2_object()(a.left(), a.right(), other) != CGAL::COLLINEAR) return oi;
            }
            return Base::Intersect_2::operator()(a, b, oi);
        }

    private:
        // The same point object, or both doubles and equal.
        static bool same(const KPoint& p, const KPoint& q) {
            if (p.identical(q)) return true;
            const auto& ap = CGAL::approx(p);
            const auto& aq = CGAL::approx(q);
            return ap.x().is_point() && ap.y().is_point() && aq.x().is_point() && aq.y().is_point() &&
                   ap.x().inf() == aq.x().inf() && ap.y().inf() == aq.y().inf();
        }
    };
    Intersect_2 intersect_2_object() const { return Intersect_2(*this); }
};
// Vertex data: the index of the vertex's canonical double.
using CanonArrangement = CGAL::Arrangement_2<CanonTraits, CGAL::Arr_extended_dcel<CanonTraits, size_t, int, int>>;

using DPoint = CGAL::Epick::Point_2;

// Where a point given in doubles lies: inside, on the boundary or outside
// the floor (exact predicates on doubles, as ExactFloor::side on the same
// point).
CGAL::Bounded_side sideOf(const std::vector<std::vector<DPoint>>& outers,
                          const std::vector<std::vector<std::vector<DPoint>>>& holes, const DPoint& p) {
    for (size_t k = 0; k < outers.size(); ++k) {
        if (outers[k].size() < 3) continue;
        const CGAL::Bounded_side o = CGAL::bounded_side_2(outers[k].begin(), outers[k].end(), p, CGAL::Epick());
        if (o == CGAL::ON_UNBOUNDED_SIDE) continue;
        if (o == CGAL::ON_BOUNDARY) return CGAL::ON_BOUNDARY;
        bool inHole = false;
        for (const auto& h : holes[k]) {
            if (h.size() < 3) continue;
            const CGAL::Bounded_side hs = CGAL::bounded_side_2(h.begin(), h.end(), p, CGAL::Epick());
            if (hs == CGAL::ON_BOUNDARY) return CGAL::ON_BOUNDARY;
            if (hs == CGAL::ON_BOUNDED_SIDE) inHole = true;
        }
        if (!inHole) return CGAL::ON_BOUNDED_SIDE;
    }
    return CGAL::ON_UNBOUNDED_SIDE;
}

// The floor's corners in doubles, with their neighbours on the ring (for
// fastExit).
struct DCorner {
    DPoint v, a, b;  // the corner, the one before it, the one after it
    size_t index;    // in corners()
};

// Where the ray from r away from u first leaves the closed floor, told by
// exact predicates on doubles (every point here is a corner or a door end):
// a proper crossing of an edge leaves the floor where the edge's interior
// side (its left) is behind; at a corner on the ray the ray goes on inside
// or along a wall when its direction lies in the corner's closed interior
// wedge. The first leaving event along the ray is the exit; it is made
// exactly (the corner itself, or the crossing of the two lines) only once.
// Nothing (the caller then takes ExactFloor::exit) where the floor is not
// plain there: another ring's corner at r or on an edge's line through r,
// two corners at one point on the ray, a crossing the bounds cannot order.
std::optional<KPoint> fastExit(const ExactFloor& f, const std::vector<Corner>& cs, const std::vector<DCorner>& dcs,
                               const DPoint& du, const DPoint& dr, size_t rIndex, const Kernel::Line_2& line) {
    using CGAL::orientation;
    // Whether the ray, just after corner v (on the ray's line, at or beyond
    // r), lies in the closed floor: its direction d = r - u within the
    // counter-clockwise sweep from b - v to a - v (the interior, left of
    // the ring's edges), its bounding directions included.
    auto inside = [&](const DCorner& c) {
        const int sBd = -static_cast<int>(orientation(du, dr, c.b));  // sign((b - v) x d)
        const int sAd = -static_cast<int>(orientation(du, dr, c.a));  // sign((a - v) x d)
        const bool bAhead = sBd == 0 && CGAL::angle(du, c.v, c.b) == CGAL::OBTUSE;
        if (bAhead) return true;  // along the wall to b
        const int sBA = static_cast<int>(orientation(c.v, c.b, c.a));
        const int halfD = (sBd > 0) ? 0 : 1;
        const int halfA = (sBA > 0 || (sBA == 0 && CGAL::angle(c.b, c.v, c.a) == CGAL::ACUTE)) ? 0 : 1;
        if (halfD != halfA) return halfD < halfA;
        return sAd <= 0;
    };
    if (!inside(dcs[rIndex])) return cs[dcs[rIndex].index].at;  // the line leaves the floor at r
    // The nearest leaving event: a corner (index into dcs) or an edge.
    std::optional<size_t> corner, edge;
    int edgeOp = 0;
    using namespace canon;
    const DD dx = diff(dr.x(), du.x()), dy = diff(dr.y(), du.y());
    auto param = [&](size_t k, DD& N, DD& D) {  // t of the crossing with edge k: N / D
        const auto& [p, q] = f.dedges[k];
        const DD ex = diff(q.x(), p.x()), ey = diff(q.y(), p.y());
        const DD px = diff(p.x(), du.x()), py = diff(p.y(), du.y());
        N = sub(mul(ex, py), mul(ey, px));
        D = sub(mul(ex, dy), mul(ey, dx));
    };
    bool unsure = false;
    // Whether crossing k lies before crossing m along the ray.
    auto before = [&](size_t k, size_t m) {
        DD Nk, Dk, Nm, Dm;
        param(k, Nk, Dk);
        param(m, Nm, Dm);
        const int s = sign(sub(mul(Nk, Dm), mul(Nm, Dk))), sk = sign(Dk), sm = sign(Dm);
        if (s == 0 || sk == 0 || sm == 0) {
            unsure = true;
            return false;
        }
        return s * sk * sm < 0;
    };
    // Whether corner c lies before crossing k (with op the sign of p).
    auto cornerBefore = [&](const DCorner& c, size_t k, int op) {
        const auto& [p, q] = f.dedges[k];
        const int s = static_cast<int>(orientation(p, q, c.v));
        if (s == 0) unsure = true;
        return s != 0 && s != op;  // after the crossing the side is op's
    };
    for (size_t k = 0; k < f.dedges.size(); ++k) {
        const auto& [p, q] = f.dedges[k];
        const int op = static_cast<int>(orientation(du, dr, p)), oq = static_cast<int>(orientation(du, dr, q));
        if (op == 0 || oq == 0 || op == oq) continue;  // not a proper crossing (corners on the line: below)
        if (op > 0) continue;                           // entering the floor there
        const int pr = static_cast<int>(orientation(p, q, dr));
        if (pr == 0) return std::nullopt;  // through r
        if (pr * op > 0) continue;         // behind r
        if (!edge || before(k, *edge)) {
            edge = k;
            edgeOp = op;
        }
        if (unsure) return std::nullopt;
    }
    std::vector<size_t> onRay;  // the corners on the ray beyond r
    for (size_t i = 0; i < dcs.size(); ++i) {
        const DCorner& c = dcs[i];
        if (orientation(du, dr, c.v) != CGAL::COLLINEAR) continue;
        if (c.v == dr) {
            if (i != rIndex) return std::nullopt;  // another ring's corner at r
            continue;
        }
        if (CGAL::angle(du, dr, c.v) != CGAL::OBTUSE) continue;  // behind r
        onRay.push_back(i);
        if (corner && dcs[*corner].v == c.v) return std::nullopt;  // two corners at one point
        if (inside(c)) continue;
        if (!corner || CGAL::collinear_are_strictly_ordered_along_line(dr, c.v, dcs[*corner].v)) corner = i;
    }
    // A corner at the same point as another, not leaving there, is not
    // checked above: any corner on the ray at the chosen corner's point.
    if (corner) {
        for (size_t i = 0; i < dcs.size(); ++i)
            if (i != *corner && dcs[i].v == dcs[*corner].v) return std::nullopt;
    }
    if (corner && edge) {
        const bool c = cornerBefore(dcs[*corner], *edge, edgeOp);
        if (unsure) return std::nullopt;
        if (c) edge.reset();
        else corner.reset();
    }
    if (corner) return cs[dcs[*corner].index].at;
    if (!edge) return std::nullopt;
    // A corner (of another ring) at the edge's crossing: not plain.
    for (size_t i : onRay)
        if (orientation(f.dedges[*edge].first, f.dedges[*edge].second, dcs[i].v) == CGAL::COLLINEAR) return std::nullopt;
    const auto hit = CGAL::intersection(line, f.edges[*edge].supporting_line());
    if (!hit) return std::nullopt;
    if (const KPoint* x = boost::get<KPoint>(&*hit)) return *x;
    return std::nullopt;
}

Decomposition decomposeCanonical(const MultiPolygon& floor, const std::vector<Point>& targets) {
    Decomposition d;
    ExactFloor f(floor);
    const std::vector<Corner> cs = corners(f);
    std::vector<KSegment> segs = f.edges;
    // Each segment's line through two points that are doubles: a floor
    // edge's ends; a critical segment's u and r (directed from u to r, as
    // the segment from r to its exit). Given to the arrangement as the
    // curve's supporting line, exact in intervals where the line through r
    // and the exit (a constructed point) is not.
    std::vector<std::pair<DPoint, DPoint>> lines(f.dedges.begin(), f.dedges.end());
    std::vector<Kernel::Line_2> klines;
    klines.reserve(f.edges.size());
    for (const KSegment& e : f.edges) klines.emplace_back(e.source(), e.target());
    // The rings in doubles (the floor's corners are doubles), and whether
    // one is degenerate (fewer than three corners: its edges are in the
    // arrangement but not in the floor, so vertices are tested one by one).
    std::vector<std::vector<DPoint>> douters;
    std::vector<std::vector<std::vector<DPoint>>> dholes;
    bool degenerate = false;
    auto dring = [&](const std::vector<KPoint>& r) {
        std::vector<DPoint> out;
        out.reserve(r.size());
        for (const auto& p : r) out.push_back(*ExactFloor::asDouble(p));
        if (out.size() < 3) degenerate = true;
        return out;
    };
    for (size_t k = 0; k < f.outers.size(); ++k) {
        douters.push_back(dring(f.outers[k]));
        dholes.emplace_back();
        for (const auto& h : f.holes[k]) dholes.back().push_back(dring(h));
    }
    std::vector<std::pair<KPoint, DPoint>> targetPoints;
    for (const auto& t : targets) {
        KPoint k(t.x(), t.y());
        if (f.side(k) != CGAL::ON_UNBOUNDED_SIDE) targetPoints.push_back({k, DPoint(t.x(), t.y())});
    }
    for (const auto& r : cs)
        if (r.reflex) ++d.reflexVertices;
    struct Source {
        KPoint at;
        DPoint dat;
        bool sees;
    };
    struct Ray {
        DPoint u;
        bool segment;
    };
    std::vector<Source> sources;
    std::vector<Ray> rays;
    std::vector<DCorner> dcs;
    dcs.reserve(cs.size());
    for (size_t i = 0; i < cs.size(); ++i)
        dcs.push_back({*ExactFloor::asDouble(cs[i].at), *ExactFloor::asDouble(cs[i].prev), *ExactFloor::asDouble(cs[i].next), i});
    for (size_t rIndex = 0; rIndex < cs.size(); ++rIndex) {
        const Corner& r = cs[rIndex];
        if (!r.reflex) continue;
        const DPoint dr = dcs[rIndex].v;
        sources.clear();
        sources.push_back({r.prev, *ExactFloor::asDouble(r.prev), true});
        sources.push_back({r.next, *ExactFloor::asDouble(r.next), true});
        for (const auto& c : cs)
            if (c.reflex && c.at != r.at) sources.push_back({c.at, *ExactFloor::asDouble(c.at), false});
        for (const auto& [t, dt] : targetPoints)
            if (t != r.at) sources.push_back({t, dt, false});
        rays.clear();
        for (const Source& s : sources) {
            if (s.at == r.at) continue;
            if (!s.sees && !f.contains(s.at, r.at)) continue;  // u must see r
            // The ray from r away from u was cast already (from a u' on the
            // same side, on the same line): the same segment, or none.
            const Ray* cast = nullptr;
            for (const Ray& ray : rays)
                if (CGAL::orientation(ray.u, dr, s.dat) == CGAL::COLLINEAR && CGAL::angle(ray.u, dr, s.dat) == CGAL::ACUTE) {
                    cast = &ray;
                    break;
                }
            if (cast) {
                if (cast->segment) ++d.criticalSegments;  // counted as the former code does
                continue;
            }
            const Kernel::Line_2 line(s.at, r.at);
            std::optional<KPoint> fast = degenerate ? std::nullopt : fastExit(f, cs, dcs, s.dat, dr, rIndex, line);
            const KPoint exit = fast ? *fast : f.exit(s.at, r.at);
            rays.push_back({s.dat, exit != r.at});
            if (exit == r.at) continue;  // the line leaves the floor at r
            segs.emplace_back(r.at, exit);
            lines.push_back({s.dat, dr});
            klines.push_back(line);
            ++d.criticalSegments;
        }
    }

    // Each curve's supporting line (split curves keep it) to its segment.
    std::vector<CanonTraits::X_monotone_curve_2> curves;
    curves.reserve(segs.size());
    std::unordered_map<CGAL::Handle::Id_type, size_t> lineOf;
    lineOf.reserve(segs.size() * 2);
    for (size_t i = 0; i < segs.size(); ++i) {
        curves.emplace_back(klines[i], segs[i].source(), segs[i].target());
        lineOf.emplace(curves.back().line().id(), i);
    }
    CanonArrangement arr;
    CGAL::insert(arr, curves.begin(), curves.end());

    // Each vertex's double: a double already (its interval a point), else
    // the rounded crossing of two of its curves' lines, else (one line
    // only, or a curve not known) the rounded exact point.
    std::vector<DPoint> vpts;
    vpts.reserve(arr.number_of_vertices());
    auto sameLine = [&](size_t i, size_t j) {
        return CGAL::orientation(lines[i].first, lines[i].second, lines[j].first) == CGAL::COLLINEAR &&
               CGAL::orientation(lines[i].first, lines[i].second, lines[j].second) == CGAL::COLLINEAR;
    };
    auto toP = [](const DPoint& p) { return Point(p.x(), p.y()); };
    for (auto v = arr.vertices_begin(); v != arr.vertices_end(); ++v) {
        v->set_data(vpts.size());
        const auto& ap = CGAL::approx(v->point());
        if (ap.x().is_point() && ap.y().is_point()) {
            vpts.emplace_back(ap.x().inf(), ap.y().inf());
            continue;
        }
        std::optional<size_t> first, second;
        bool known = true;
        auto he = v->incident_halfedges();
        const auto end = he;
        do {
            auto it = lineOf.find(he->curve().line().id());
            if (it == lineOf.end()) {
                known = false;
                break;
            }
            if (!first) {
                first = it->second;
            } else if (!sameLine(*first, it->second)) {
                second = it->second;
                break;
            }
        } while (++he != end);
        if (known && second) {
            const Point p = roundedCrossing(toP(lines[*first].first), toP(lines[*first].second), toP(lines[*second].first),
                                            toP(lines[*second].second));
            vpts.emplace_back(p.x(), p.y());
        } else {
            vpts.emplace_back(canon::nearest(v->point().x().exact()), canon::nearest(v->point().y().exact()));
        }
    }
    for (auto v = arr.vertices_begin(); v != arr.vertices_end(); ++v) {
        // Every critical segment lies in the closed floor, so every vertex
        // is on or inside it, unless a ring is degenerate.
        if (degenerate && f.side(v->point()) == CGAL::ON_UNBOUNDED_SIDE) continue;
        const DPoint& p = vpts[v->data()];
        d.vertices.emplace_back(p.x(), p.y());
    }
    std::vector<const DPoint*> ring;
    for (auto face = arr.faces_begin(); face != arr.faces_end(); ++face) {
        if (face->is_unbounded()) continue;
        // The mean of the face's (canonical) corners, summed from the
        // lowest one (x, then y) counter-clockwise: the same doubles however
        // the arrangement was built.
        ring.clear();
        auto he = face->outer_ccb();
        const auto first = he;
        do ring.push_back(&vpts[he->source()->data()]);
        while (++he != first);
        const size_t n = ring.size();
        size_t low = 0;
        for (size_t i = 1; i < n; ++i)
            if (ring[i]->x() < ring[low]->x() || (ring[i]->x() == ring[low]->x() && ring[i]->y() < ring[low]->y())) low = i;
        double sx = 0, sy = 0, twiceArea = 0;
        for (size_t k = 0; k < n; ++k) {
            const DPoint& a = *ring[(low + k) % n];
            const DPoint& b = *ring[(low + k + 1) % n];
            sx += a.x();
            sy += a.y();
            twiceArea += a.x() * b.y() - b.x() * a.y();
        }
        if (n < 3 || std::abs(twiceArea) < 2e-9) continue;  // a sliver: its corners are candidates already
        const DPoint mean(sx / static_cast<double>(n), sy / static_cast<double>(n));
        if (sideOf(douters, dholes, mean) != CGAL::ON_BOUNDED_SIDE) continue;  // a hole or outside
        d.facePoints.emplace_back(mean.x(), mean.y());
    }
    return d;
}

}  // namespace

namespace {
Decomposition decomposeWith(const MultiPolygon& floor, const std::vector<Point>& targets, bool reference) {
    // Exact throughout (predicates and constructions): a double test here
    // drops or bends critical segments of floors drawn alike but rounded
    // differently, and two groups that are the same would get different
    // candidates.
    Decomposition d;
    ExactFloor f(floor);
    f.reference = reference;
    const std::vector<Corner> cs = corners(f);
    std::vector<KSegment> segs = f.edges;
    // Sources u: the reflex corners themselves (a line through two reflex
    // corners is where a whole pocket of floor appears or vanishes), each
    // reflex corner's two neighbours (the extensions of its walls) and the
    // targets. Lines through a reflex corner and a convex one only move the
    // end of a shadow along a wall: the seen area changes smoothly there,
    // so they are left out to keep the arrangement small.
    std::vector<KPoint> targetPoints;
    for (const auto& t : targets) {
        KPoint k(t.x(), t.y());
        if (f.side(k) != CGAL::ON_UNBOUNDED_SIDE) targetPoints.push_back(k);
    }
    for (const auto& r : cs)
        if (r.reflex) ++d.reflexVertices;
    for (const Corner& r : cs) {
        if (!r.reflex) continue;
        // (point, sees r for sure): r's neighbours see it along its walls.
        std::vector<std::pair<KPoint, bool>> sources{{r.prev, true}, {r.next, true}};
        for (const auto& c : cs)
            if (c.reflex && c.at != r.at) sources.push_back({c.at, false});
        for (const auto& t : targetPoints)
            if (t != r.at) sources.push_back({t, false});
        for (const auto& [u, sees] : sources) {
            if (u == r.at) continue;
            if (!sees && !f.contains(u, r.at)) continue;  // u must see r
            const KPoint exit = f.exit(u, r.at);
            if (exit == r.at) continue;  // the line leaves the floor at r
            segs.emplace_back(r.at, exit);
            ++d.criticalSegments;
        }
    }

    Arrangement arr;
    CGAL::insert(arr, segs.begin(), segs.end());
    for (auto v = arr.vertices_begin(); v != arr.vertices_end(); ++v)
        if (f.side(v->point()) != CGAL::ON_UNBOUNDED_SIDE)
            d.vertices.emplace_back(CGAL::to_double(v->point().x()), CGAL::to_double(v->point().y()));
    for (auto face = arr.faces_begin(); face != arr.faces_end(); ++face) {
        if (face->is_unbounded()) continue;
        // The faces inside the floor are convex (every reflex corner's walls
        // are extended), so the mean of a face's corners lies inside it.
        Kernel::FT sx = 0, sy = 0;
        int n = 0;
        double twiceArea = 0.0;
        auto he = face->outer_ccb();
        const auto first = he;
        do {
            sx += he->source()->point().x();
            sy += he->source()->point().y();
            ++n;
            const double ax = CGAL::to_double(he->source()->point().x()), ay = CGAL::to_double(he->source()->point().y());
            const double bx = CGAL::to_double(he->target()->point().x()), by = CGAL::to_double(he->target()->point().y());
            twiceArea += ax * by - bx * ay;
        } while (++he != first);
        if (n < 3 || std::abs(twiceArea) < 2e-9) continue;  // a sliver: its corners are candidates already
        const KPoint mean(sx / n, sy / n);
        if (f.side(mean) != CGAL::ON_BOUNDED_SIDE) continue;  // a hole or outside
        d.facePoints.emplace_back(CGAL::to_double(mean.x()), CGAL::to_double(mean.y()));
    }
    return d;
}
}  // namespace

Decomposition decompose(const MultiPolygon& floor, const std::vector<Point>& targets) {
    return decomposeCanonical(floor, targets);
}

Decomposition decomposeFormer(const MultiPolygon& floor, const std::vector<Point>& targets) {
    return decomposeWith(floor, targets, false);
}

Decomposition decomposeReference(const MultiPolygon& floor, const std::vector<Point>& targets) {
    return decomposeWith(floor, targets, true);
}

StoreyEdges storeyEdges(const MultiPolygon& free, const std::vector<Wall>& extraWalls, bool generalInsert, bool nodedByTrees) {
    Arrangement arr;
    StoreyEdges out;
    out.noded = buildStorey(arr, free, extraWalls, generalInsert, nodedByTrees);
    for (auto e = arr.edges_begin(); e != arr.edges_end(); ++e) {
        const KPoint& a = e->source()->point();
        const KPoint& b = e->target()->point();
        out.edges.push_back({CGAL::to_double(a.x()), CGAL::to_double(a.y()), CGAL::to_double(b.x()), CGAL::to_double(b.y())});
    }
    out.faces = arr.number_of_faces();
    return out;
}

LocateCheck checkLocate(const MultiPolygon& free, const std::vector<Wall>& extraWalls, const std::vector<Point>& probes) {
    LocateCheck out;
    Arrangement arr;
    buildStorey(arr, free, extraWalls, false);
    Visibility view(arr);
    CdtLocator walk;
    out.walked = walk.attach(arr, view);
    if (!out.walked) return out;
    Locator map(arr);
    std::vector<KPoint> qs;
    for (const Point& p : probes) qs.emplace_back(p.x(), p.y());
    for (auto v = arr.vertices_begin(); v != arr.vertices_end(); ++v) {
        qs.push_back(v->point());
        const double vx = CGAL::to_double(v->point().x()), vy = CGAL::to_double(v->point().y());
        for (int k = 0; k < kNudgeDirections; k += 4) {
            const double a = 2.0 * M_PI * k / kNudgeDirections;
            qs.emplace_back(vx + kNudge * std::cos(a), vy + kNudge * std::sin(a));
        }
    }
    for (auto e = arr.edges_begin(); e != arr.edges_end(); ++e) {
        const KPoint& a = e->source()->point();
        const KPoint& b = e->target()->point();
        qs.push_back(CGAL::midpoint(a, b));
        qs.push_back(a + (b - a) / 3);
    }
    const Cdt& cdt = *(view.*reached(VisibilityCdt{}));
    size_t n = 0;
    for (auto t = cdt.finite_faces_begin(); t != cdt.finite_faces_end(); ++t, ++n) {
        qs.push_back(CGAL::centroid(t->vertex(0)->point(), t->vertex(1)->point(), t->vertex(2)->point()));
        const int i = static_cast<int>(n % 3);  // one edge of each
        qs.push_back(CGAL::midpoint(t->vertex(Cdt::ccw(i))->point(), t->vertex(Cdt::cw(i))->point()));
    }
    for (const KPoint& q : qs) {
        const auto got = walk.locate(q);
        const auto want = map.locate(q);
        ++out.points;
        if (auto f = boost::get<Arrangement::Face_const_handle>(&want)) {
            ++((*f)->is_unbounded() ? out.unbounded : out.faces);
            auto g = boost::get<Arrangement::Face_const_handle>(&got);
            out.differ += g && *g == *f ? 0 : 1;
        } else if (auto h = boost::get<Arrangement::Halfedge_const_handle>(&want)) {
            ++out.edges;
            auto g = boost::get<Arrangement::Halfedge_const_handle>(&got);
            out.differ += g && *g == *h ? 0 : 1;
        } else if (auto v = boost::get<Arrangement::Vertex_const_handle>(&want)) {
            ++out.vertices;
            auto g = boost::get<Arrangement::Vertex_const_handle>(&got);
            out.differ += g && *g == *v ? 0 : 1;
        } else {
            ++out.differ;
        }
    }
    return out;
}

StoreyView::StoreyView(const MultiPolygon& free, const std::vector<Wall>& extraWalls, Locate how)
    : impl_(std::make_unique<Impl>(free, extraWalls, how)) {}
StoreyView::~StoreyView() = default;

std::optional<Polygon> StoreyView::visibleFrom(const Point& post, std::string& note) const {
    return impl_->visibleFrom(post, note);
}

RoughView StoreyView::roughFrom(const Point& post) const { return impl_->roughFrom(post); }

RoughView StoreyView::roughFromCopy(const Point& post) const { return impl_->roughFromCopy(post); }

}  // namespace vgscan::sight
