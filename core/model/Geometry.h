#pragma once
// Plain 2D geometry types shared by the model and the rules. Boost.Geometry
// models only (algorithms are included in .cpp files); CGAL never appears in
// a header that others include.
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

namespace vgscan {

namespace bg = boost::geometry;

using Point = bg::model::d2::point_xy<double>;
// Counter-clockwise outer rings, closed: as OGC simple features / GeoJSON.
using Polygon = bg::model::polygon<Point, /*ClockWise=*/false, /*Closed=*/true>;
using MultiPolygon = bg::model::multi_polygon<Polygon>;
using LineString = bg::model::linestring<Point>;
using Box = bg::model::box<Point>;

}  // namespace vgscan
