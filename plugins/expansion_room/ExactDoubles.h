#pragma once
// expansion_room's exact points (CGAL::Epeck) as doubles, the value
// CGAL::to_double(p.x()) gives, without making a lazy number per coordinate:
// p.x() allocates a node of the lazy DAG whose interval is the point's own,
// and To_double of Lazy_exact_nt reads only that interval (or, when it is
// too wide, computes the exact value first). toDoubles() reads the point's
// interval the same way and calls the former conversion (toDoublesByNumber,
// kept as the reference for the test) only where To_double would compute
// the exact value, so both give the same doubles, bit for bit, and leave
// the point in the same state.
#include "FitScreen.h"

#include <CGAL/Exact_predicates_exact_constructions_kernel.h>

namespace vgscan::expansion {

// The former conversion: a lazy number per coordinate, then CGAL::to_double
// (x first, then y, as a braced list evaluates them).
inline V toDoublesByNumber(const CGAL::Epeck::Point_2& p) { return {CGAL::to_double(p.x()), CGAL::to_double(p.y())}; }

// Lazy_exact_nt's To_double on an interval, up to where it would compute the
// exact value (false then).
inline bool intervalToDouble(const CGAL::Interval_nt<false>& i, double& r) {
    if (CGAL::fit_in_double(i, r)) return true;
    if (!CGAL::has_smaller_relative_precision(i, CGAL::Epeck::FT::get_relative_precision_of_to_double())) return false;
    r = CGAL::to_double(i);
    return true;
}

inline V toDoubles(const CGAL::Epeck::Point_2& p) {
    const auto& a = p.approx();
    V v;
    if (intervalToDouble(a.x(), v.x) && intervalToDouble(a.y(), v.y)) return v;
    return toDoublesByNumber(p);  // an interval too wide: the exact value first, as before
}

}  // namespace vgscan::expansion
