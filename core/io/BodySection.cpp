#include "io/BodySection.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace vgscan::section {

namespace {

using P2 = std::array<double, 2>;

double signedArea(const Ring2& r) {
    double a = 0;
    for (std::size_t i = 0, n = r.size(); i < n; ++i) {
        const auto& p = r[i];
        const auto& q = r[(i + 1) % n];
        a += p[0] * q[1] - q[0] * p[1];
    }
    return a / 2;
}

bool inside(const P2& p, const Ring2& r) {
    bool in = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        const auto& a = r[i];
        const auto& b = r[j];
        if ((a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) in = !in;
    }
    return in;
}

double dist(const P2& a, const P2& b) { return std::hypot(a[0] - b[0], a[1] - b[1]); }

}  // namespace

std::vector<Outline> sectionNearBottom(const std::vector<Face>& faces, double lift, double tolerance) {
    double zmin = std::numeric_limits<double>::max(), zmax = -zmin;
    for (const auto& f : faces)
        for (const auto& loop : f)
            for (const auto& p : loop) {
                zmin = std::min(zmin, p[2]);
                zmax = std::max(zmax, p[2]);
            }
    if (faces.empty() || zmax < zmin) throw std::runtime_error("the body has no faces");
    if (zmax <= zmin) throw std::runtime_error("the body is flat (no height to cut)");
    const double h = zmin + std::min(lift, (zmax - zmin) / 2);

    // Each face meets the plane along a line; its loops cross that line at
    // points which, sorted along it, pair up into the parts inside the face.
    std::vector<std::array<P2, 2>> segments;
    for (const auto& f : faces) {
        std::vector<P2> cuts;
        for (const auto& loop : f)
            for (std::size_t i = 0, n = loop.size(); i < n; ++i) {
                const Point3& a = loop[i];
                const Point3& b = loop[(i + 1) % n];
                // Half-open rule: a vertex exactly on the plane counts as above.
                const bool aBelow = a[2] < h, bBelow = b[2] < h;
                if (aBelow == bBelow) continue;
                const double t = (h - a[2]) / (b[2] - a[2]);
                cuts.push_back({a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
            }
        if (cuts.size() < 2) continue;
        // Sort along the direction of greatest spread.
        const auto [xmin, xmax] = std::minmax_element(cuts.begin(), cuts.end(), [](auto& p, auto& q) { return p[0] < q[0]; });
        const auto [ymin, ymax] = std::minmax_element(cuts.begin(), cuts.end(), [](auto& p, auto& q) { return p[1] < q[1]; });
        const int axis = (*xmax)[0] - (*xmin)[0] >= (*ymax)[1] - (*ymin)[1] ? 0 : 1;
        std::sort(cuts.begin(), cuts.end(), [axis](const P2& p, const P2& q) { return p[axis] < q[axis]; });
        for (std::size_t i = 0; i + 1 < cuts.size(); i += 2)
            if (dist(cuts[i], cuts[i + 1]) > tolerance) segments.push_back({cuts[i], cuts[i + 1]});
    }
    if (segments.empty()) throw std::runtime_error("no face of the body crosses the plane near its bottom");

    // Chain segments end to end into rings.
    std::vector<bool> used(segments.size(), false);
    std::vector<Ring2> rings;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        if (used[s]) continue;
        used[s] = true;
        Ring2 ring{segments[s][0], segments[s][1]};
        for (;;) {
            const P2 end = ring.back();
            if (ring.size() > 2 && dist(end, ring.front()) <= tolerance) {
                ring.pop_back();
                break;
            }
            std::size_t best = segments.size();
            int side = 0;
            double bestD = tolerance;
            for (std::size_t k = 0; k < segments.size(); ++k) {
                if (used[k]) continue;
                for (int e = 0; e < 2; ++e) {
                    const double d = dist(segments[k][e], end);
                    if (d <= bestD) {
                        bestD = d;
                        best = k;
                        side = e;
                    }
                }
            }
            if (best == segments.size()) {
                char buf[160];
                std::snprintf(buf, sizeof buf,
                              "the section near its bottom does not close (an open body: a loose end at x %.3f, y %.3f)",
                              end[0], end[1]);
                throw std::runtime_error(buf);
            }
            used[best] = true;
            ring.push_back(segments[best][1 - side]);
        }
        // Drop points on a straight run (faces split along a wall).
        Ring2 clean;
        for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
            const P2& a = ring[(i + n - 1) % n];
            const P2& b = ring[i];
            const P2& c = ring[(i + 1) % n];
            const double cr = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
            if (std::fabs(cr) > tolerance * (dist(a, b) + dist(b, c))) clean.push_back(b);
        }
        if (clean.size() >= 3 && std::fabs(signedArea(clean)) > tolerance * tolerance) rings.push_back(std::move(clean));
    }
    if (rings.empty()) throw std::runtime_error("the section near its bottom encloses no area");

    // Nesting: even depth is an outline, odd depth a hole of the smallest
    // outline around it.
    std::sort(rings.begin(), rings.end(), [](const Ring2& a, const Ring2& b) {
        return std::fabs(signedArea(a)) > std::fabs(signedArea(b));
    });
    std::vector<int> depth(rings.size(), 0), parent(rings.size(), -1);
    for (std::size_t i = 0; i < rings.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (inside(rings[i][0], rings[j])) {
                ++depth[i];
                parent[i] = static_cast<int>(j);  // later j are smaller: the innermost wins
            }
    std::vector<Outline> out;
    std::vector<int> outlineOf(rings.size(), -1);
    for (std::size_t i = 0; i < rings.size(); ++i)
        if (depth[i] % 2 == 0) {
            outlineOf[i] = static_cast<int>(out.size());
            out.push_back({rings[i], {}});
        }
    for (std::size_t i = 0; i < rings.size(); ++i)
        if (depth[i] % 2 == 1 && parent[i] >= 0 && outlineOf[parent[i]] >= 0)
            out[outlineOf[parent[i]]].holes.push_back(rings[i]);
    return out;
}

}  // namespace vgscan::section
