#include "plan/PlanRoutes.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <utility>

namespace vgscan::plan {

namespace {

using Key = std::pair<double, double>;
Key keyOf(const Point& p) { return {p.x(), p.y()}; }

// The routes of one location, merged: every segment once with the weight of
// the routes along it.
class Merge {
public:
    void add(const LineString& route, double weight) {
        for (std::size_t i = 1; i < route.size(); ++i) {
            Key a = keyOf(route[i - 1]), b = keyOf(route[i]);
            if (a == b) continue;
            if (b < a) std::swap(a, b);
            weight_[{a, b}] += weight;
        }
    }

    // Runs: maximal chains of segments through points where exactly two
    // segments of the same weight meet; each segment in exactly one run.
    std::vector<RouteRun> runs() const {
        struct Edge {
            Key a, b;
            double w;
        };
        std::vector<Edge> edges;
        std::map<Key, std::vector<std::size_t>> at;
        for (const auto& [ab, w] : split()) {
            at[ab.first].push_back(edges.size());
            at[ab.second].push_back(edges.size());
            edges.push_back({ab.first, ab.second, w});
        }
        std::vector<char> used(edges.size(), 0);
        auto through = [&](const Key& p) {
            const auto& e = at.at(p);
            return e.size() == 2 && edges[e[0]].w == edges[e[1]].w;
        };
        std::vector<RouteRun> out;
        auto walk = [&](Key p, std::size_t e) {
            RouteRun run;
            run.weight = edges[e].w;
            run.line.push_back(Point(p.first, p.second));
            while (true) {
                used[e] = 1;
                const Key q = edges[e].a == p ? edges[e].b : edges[e].a;
                run.line.push_back(Point(q.first, q.second));
                if (!through(q)) break;
                const auto& two = at.at(q);
                const std::size_t next = two[0] == e ? two[1] : two[0];
                if (used[next]) break;  // round a loop
                p = q;
                e = next;
            }
            out.push_back(std::move(run));
        };
        for (const auto& [p, es] : at)
            if (!through(p))
                for (std::size_t e : es)
                    if (!used[e]) walk(p, e);
        for (std::size_t e = 0; e < edges.size(); ++e)  // loops of through points only
            if (!used[e]) walk(edges[e].a, e);
        return out;
    }

private:
    using Segments = std::map<std::pair<Key, Key>, double>;

    // A route's last stretch ends inside a road segment (where its demand
    // point meets the road) that other routes use whole, and overlaps it:
    // every segment is cut at the routes' points that lie on it (within
    // kOnSegment), so the stretch they share is one segment carrying both
    // weights and no line is drawn twice.
    Segments split() const {
        constexpr double kOnSegment = 1e-6;  // m: far below a drawn pixel, far above rounding at RD coordinates
        std::vector<Key> points;
        for (const auto& [ab, w] : weight_) {
            points.push_back(ab.first);
            points.push_back(ab.second);
        }
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        namespace bgi = boost::geometry::index;
        std::vector<std::pair<Point, std::size_t>> entries;
        for (std::size_t i = 0; i < points.size(); ++i)
            entries.emplace_back(Point(points[i].first, points[i].second), i);
        const bgi::rtree<std::pair<Point, std::size_t>, bgi::quadratic<16>> tree(entries);  // packed
        Segments out;
        std::vector<std::pair<Point, std::size_t>> near;
        for (const auto& [ab, w] : weight_) {
            const auto& [a, b] = ab;
            const double dx = b.first - a.first, dy = b.second - a.second, len2 = dx * dx + dy * dy;
            const Box box(Point(std::min(a.first, b.first) - kOnSegment, std::min(a.second, b.second) - kOnSegment),
                          Point(std::max(a.first, b.first) + kOnSegment, std::max(a.second, b.second) + kOnSegment));
            near.clear();
            tree.query(bgi::intersects(box), std::back_inserter(near));
            std::vector<std::pair<double, Key>> cuts;  // (position along a->b, point)
            for (const auto& [at, i] : near) {
                const Key& p = points[i];
                if (p == a || p == b) continue;
                const double t = ((p.first - a.first) * dx + (p.second - a.second) * dy) / len2;
                if (t <= 0 || t >= 1) continue;
                const double ex = a.first + t * dx - p.first, ey = a.second + t * dy - p.second;
                if (ex * ex + ey * ey <= kOnSegment * kOnSegment) cuts.emplace_back(t, p);
            }
            std::sort(cuts.begin(), cuts.end());
            Key from = a;
            for (const auto& [t, p] : cuts) {
                out[from < p ? std::make_pair(from, p) : std::make_pair(p, from)] += w;
                from = p;
            }
            out[from < b ? std::make_pair(from, b) : std::make_pair(b, from)] += w;
        }
        return out;
    }

    Segments weight_;
};

// Demand points routed per search: bounds the paths held at once.
constexpr std::size_t kBatch = 4096;

}  // namespace

PlanRoutes planRoutes(const Problem& problem, const Result& result, const std::vector<std::vector<Point>>& sitesAt,
                      const std::vector<Point>& demandAt, const ContextIndex& index, RouteOptions options,
                      const RouteVisit& visit) {
    PlanRoutes out;
    const std::size_t N = demandAt.size();
    for (int k = 0; k < kKinds; ++k) {
        const std::vector<int>& assigned = result.assignment[k];
        for (int l : result.best.kind[k].locations) {
            RouteDrawing d;
            d.kind = k;
            d.location = l;
            const std::vector<Point>& sites = sitesAt[static_cast<std::size_t>(l)];
            std::vector<std::size_t> mine;
            std::vector<Point> to;
            for (std::size_t j = 0; j < N && j < assigned.size(); ++j)
                if (assigned[j] == l && problem.weight[j] > 0) {
                    mine.push_back(j);
                    to.push_back(demandAt[j]);
                }
            if (mine.empty() || sites.empty()) {
                out.drawings.push_back(std::move(d));
                continue;
            }
            // Which site each demand point travels to: the nearest, as the
            // location's cost takes it (the first on a tie).
            std::vector<std::size_t> siteOf(mine.size(), 0);
            if (sites.size() > 1) {
                options.paths = false;
                const RouteMatrix m = index.routes(sites, to, options);
                for (std::size_t i = 0; i < mine.size(); ++i)
                    for (std::size_t s = 1; s < sites.size(); ++s)
                        if (m.at(s, i) < m.at(siteOf[i], i)) siteOf[i] = s;
            }
            options.paths = true;
            Merge merge;
            for (std::size_t s = 0; s < sites.size(); ++s) {
                std::vector<std::size_t> ours;
                for (std::size_t i = 0; i < mine.size(); ++i)
                    if (siteOf[i] == s) ours.push_back(i);
                for (std::size_t b = 0; b < ours.size(); b += kBatch) {
                    const std::size_t e = std::min(ours.size(), b + kBatch);
                    std::vector<Point> batch;
                    for (std::size_t x = b; x < e; ++x) batch.push_back(to[ours[x]]);
                    const RouteMatrix m = index.routes({sites[s]}, batch, options);
                    for (std::size_t x = b; x < e; ++x) {
                        const std::size_t c = x - b, j = mine[ours[x]];
                        const bool estimated = m.estimated[c] != 0;
                        if (visit) visit(k, j, l, m.paths[c], m.distance[c], estimated);
                        if (estimated) {
                            d.straight.push_back(LineString{demandAt[j], sites[s]});
                            ++out.estimated;
                        } else {
                            merge.add(m.paths[c], problem.weight[j]);
                            ++d.routed;
                            ++out.routed;
                        }
                    }
                }
            }
            d.runs = merge.runs();
            for (const auto& r : d.runs) out.maxWeight = std::max(out.maxWeight, r.weight);
            out.drawings.push_back(std::move(d));
        }
    }
    return out;
}

}  // namespace vgscan::plan
