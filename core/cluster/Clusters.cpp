#include "cluster/Clusters.h"

#include "rules/RuleKit.h"  // kit::say: the notes are shown to people, in their language

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace vgscan {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Distances compared against a limit: a walk of 400.0000001 m is 400 m.
constexpr double kSlackM = 1e-6;

// Held-Karp over every subset at once: tour[mask] is the shortest closed tour
// through the sites of mask (2 or more), starting at its lowest site. One
// dynamic programme per start s over the sites above s: O(2^n n^2) in all.
std::vector<double> allTours(const std::vector<double>& d, std::size_t n) {
    std::vector<double> tour(std::size_t{1} << n, kInf);
    for (std::size_t s = 0; s + 1 < n; ++s) {
        const std::size_t rest = n - 1 - s, full = std::size_t{1} << rest;
        std::vector<double> dp(full * rest, kInf);  // dp[mask*rest + j]: s -> ... -> s+1+j through mask
        for (std::size_t j = 0; j < rest; ++j) dp[(std::size_t{1} << j) * rest + j] = d[s * n + s + 1 + j];
        for (std::size_t mask = 1; mask < full; ++mask) {
            double best = kInf;
            for (std::size_t j = 0; j < rest; ++j) {
                const double v = dp[mask * rest + j];
                if (!(mask >> j & 1) || v == kInf) continue;
                best = std::min(best, v + d[(s + 1 + j) * n + s]);
                for (std::size_t k = 0; k < rest; ++k) {
                    if (mask >> k & 1) continue;
                    double& w = dp[(mask | std::size_t{1} << k) * rest + k];
                    w = std::min(w, v + d[(s + 1 + j) * n + s + 1 + k]);
                }
            }
            tour[(mask << (s + 1)) | (std::size_t{1} << s)] = best;
        }
    }
    return tour;
}

double tourLength(const std::vector<double>& d, std::size_t n, const std::vector<std::size_t>& order) {
    double len = 0;
    for (std::size_t k = 0; k < order.size(); ++k) len += d[order[k] * n + order[(k + 1) % order.size()]];
    return len;
}

// Which sites are close: walk (or drive) both ways within the limits.
std::vector<std::uint8_t> closeness(const RouteMatrix& walk, const RouteMatrix* drive, const ClusterParams& p) {
    const std::size_t n = walk.rows;
    std::vector<std::uint8_t> close(n * n, 0);
    const double driveLimitM = p.maxDriveMin ? *p.maxDriveMin * p.driveSpeedKmh * 1000.0 / 60.0 : 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            bool c = std::max(walk.at(i, j), walk.at(j, i)) <= p.maxWalkM + kSlackM;
            if (!c && drive) c = std::max(drive->at(i, j), drive->at(j, i)) <= driveLimitM + kSlackM;
            close[i * n + j] = close[j * n + i] = c;
        }
    return close;
}

// A partition's quality, compared lexicographically (smaller is better).
struct Score {
    std::size_t alone = 0, clusters = 0;
    double rounds = 0;
    bool operator<(const Score& o) const {
        if (alone != o.alone) return alone < o.alone;
        if (clusters != o.clusters) return clusters < o.clusters;
        return rounds < o.rounds - 1e-9;
    }
    Score operator+(const Score& o) const { return {alone + o.alone, clusters + o.clusters, rounds + o.rounds}; }
};

// Exact: the best partition of a group of m connected sites (m <= 16) into
// complete-linkage clusters within the places limit; blocks as bit masks.
std::vector<std::uint32_t> exactPartition(const std::vector<std::size_t>& group, const std::vector<std::uint8_t>& close,
                                          std::size_t n, const std::vector<double>& walk,
                                          const std::vector<int>& counted, int maxPlaces) {
    const std::size_t m = group.size(), full = std::size_t{1} << m;
    std::vector<double> d(m * m);
    for (std::size_t a = 0; a < m; ++a)
        for (std::size_t b = 0; b < m; ++b) d[a * m + b] = walk[group[a] * n + group[b]];
    std::vector<std::uint32_t> adj(m, 0);
    for (std::size_t a = 0; a < m; ++a)
        for (std::size_t b = 0; b < m; ++b)
            if (a != b && close[group[a] * n + group[b]]) adj[a] |= 1u << b;
    // valid[mask]: every pair close and places within the limit.
    std::vector<std::uint8_t> valid(full, 0);
    std::vector<int> places(full, 0);
    for (std::size_t mask = 1; mask < full; ++mask) {
        const unsigned low = static_cast<unsigned>(__builtin_ctzll(mask));
        const std::size_t rest = mask & (mask - 1);
        places[mask] = places[rest] + counted[group[low]];
        // A site alone is always allowed (it is simply in no cluster).
        valid[mask] = rest == 0 || (valid[rest] && (adj[low] & rest) == rest && places[mask] <= maxPlaces);
    }
    const std::vector<double> tour = allTours(d, m);
    std::vector<Score> best(full);
    std::vector<std::uint32_t> choice(full, 0);
    for (std::size_t mask = 1; mask < full; ++mask) {
        const std::size_t low = mask & (~mask + 1);
        bool found = false;
        // Every block holding the lowest site of mask, then the best for the rest.
        for (std::size_t sub = mask; sub; sub = (sub - 1) & mask) {
            if (!(sub & low) || !valid[sub]) continue;
            const Score block = (sub == low) ? Score{1, 0, 0} : Score{0, 1, tour[sub]};
            const Score total = block + best[mask ^ sub];
            if (!found || total < best[mask]) {
                best[mask] = total;
                choice[mask] = static_cast<std::uint32_t>(sub);
                found = true;
            }
        }
    }
    std::vector<std::uint32_t> blocks;
    for (std::size_t mask = full - 1; mask; mask ^= choice[mask]) blocks.push_back(choice[mask]);
    return blocks;
}

// Heuristic for large groups: merge the two clusters whose union has the
// shortest largest pairwise walk, while every pair stays close and the places
// fit; stop when no merge is allowed.
std::vector<std::vector<std::size_t>> greedyPartition(const std::vector<std::size_t>& group,
                                                      const std::vector<std::uint8_t>& close, std::size_t n,
                                                      const std::vector<double>& walk, const std::vector<int>& counted,
                                                      int maxPlaces) {
    std::vector<std::vector<std::size_t>> parts;
    for (std::size_t s : group) parts.push_back({s});
    for (;;) {
        double bestD = kInf;
        std::size_t ba = 0, bb = 0;
        for (std::size_t a = 0; a < parts.size(); ++a)
            for (std::size_t b = a + 1; b < parts.size(); ++b) {
                int places = 0;
                for (std::size_t s : parts[a]) places += counted[s];
                for (std::size_t s : parts[b]) places += counted[s];
                if (places > maxPlaces) continue;
                double far = 0;
                bool ok = true;
                for (std::size_t x : parts[a])
                    for (std::size_t y : parts[b]) {
                        ok = ok && close[x * n + y];
                        far = std::max({far, walk[x * n + y], walk[y * n + x]});
                    }
                if (ok && far < bestD) {
                    bestD = far;
                    ba = a;
                    bb = b;
                }
            }
        if (bestD == kInf) break;
        parts[ba].insert(parts[ba].end(), parts[bb].begin(), parts[bb].end());
        parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(bb));
    }
    return parts;
}

}  // namespace

NightRound shortestRound(const std::vector<double>& d, std::size_t n) {
    NightRound r;
    if (n == 0) return r;
    if (n <= kExactTourMax) {
        r.exact = true;
        r.method = "exact (Held-Karp dynamic programme)";
        if (n == 1) {
            r.order = {0};
        } else {
            // dp over subsets of {1..n-1}; parent for the order.
            const std::size_t rest = n - 1, full = std::size_t{1} << rest;
            std::vector<double> dp(full * rest, kInf);
            std::vector<std::uint8_t> parent(full * rest, 0xff);
            for (std::size_t j = 0; j < rest; ++j) dp[(std::size_t{1} << j) * rest + j] = d[0 * n + j + 1];
            for (std::size_t mask = 1; mask < full; ++mask)
                for (std::size_t j = 0; j < rest; ++j) {
                    const double v = dp[mask * rest + j];
                    if (!(mask >> j & 1) || v == kInf) continue;
                    for (std::size_t k = 0; k < rest; ++k) {
                        if (mask >> k & 1) continue;
                        const std::size_t to = (mask | std::size_t{1} << k) * rest + k;
                        const double w = v + d[(j + 1) * n + k + 1];
                        if (w < dp[to]) {
                            dp[to] = w;
                            parent[to] = static_cast<std::uint8_t>(j);
                        }
                    }
                }
            double best = kInf;
            std::size_t last = 0;
            for (std::size_t j = 0; j < rest; ++j) {
                const double v = dp[(full - 1) * rest + j] + d[(j + 1) * n];
                if (v < best) {
                    best = v;
                    last = j;
                }
            }
            std::vector<std::size_t> back;
            for (std::size_t mask = full - 1, j = last;;) {
                back.push_back(j + 1);
                const std::uint8_t p = parent[mask * rest + j];
                mask ^= std::size_t{1} << j;
                if (p == 0xff) break;
                j = p;
            }
            r.order = {0};
            r.order.insert(r.order.end(), back.rbegin(), back.rend());
        }
    } else {
        r.exact = false;
        r.method = "heuristic (nearest neighbour + 2-opt; more than " + std::to_string(kExactTourMax) + " sites)";
        std::vector<std::uint8_t> seen(n, 0);
        r.order = {0};
        seen[0] = 1;
        while (r.order.size() < n) {
            std::size_t next = 0;
            double bestD = kInf;
            for (std::size_t k = 0; k < n; ++k)
                if (!seen[k] && d[r.order.back() * n + k] < bestD) {
                    bestD = d[r.order.back() * n + k];
                    next = k;
                }
            seen[next] = 1;
            r.order.push_back(next);
        }
        for (bool improved = true; improved;) {
            improved = false;
            const double current = tourLength(d, n, r.order);
            for (std::size_t a = 1; a + 1 < n && !improved; ++a)
                for (std::size_t b = a + 1; b < n && !improved; ++b) {
                    std::vector<std::size_t> t = r.order;
                    std::reverse(t.begin() + static_cast<std::ptrdiff_t>(a), t.begin() + static_cast<std::ptrdiff_t>(b) + 1);
                    if (tourLength(d, n, t) < current - 1e-9) {
                        r.order = std::move(t);
                        improved = true;
                    }
                }
        }
    }
    for (std::size_t k = 0; k < r.order.size() && n > 1; ++k)
        r.legsM.push_back(d[r.order[k] * n + r.order[(k + 1) % r.order.size()]]);
    r.lengthM = std::accumulate(r.legsM.begin(), r.legsM.end(), 0.0);
    return r;
}

std::vector<ClusterSite> clusterSites(const std::vector<SiteAssessment>& sites, const ClusterParams& params) {
    std::vector<ClusterSite> out;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const SiteAssessment& a = sites[i];
        if (a.failed || !a.site) continue;
        const Verdict v = a.classification.verdict;
        if (std::find(params.verdicts.begin(), params.verdicts.end(), v) == params.verdicts.end()) continue;
        out.push_back({a.site->id, a.site->name, toString(v), a.site->places, ContextIndex::sitePoint(*a.site), i});
    }
    return out;
}

ClusterResult findClusters(const std::vector<ClusterSite>& sites, const ContextIndex& index,
                           const ClusterParams& params) {
    ClusterResult result;
    result.params = params;
    result.candidates = sites.size();
    const std::size_t n = sites.size();
    if (n == 0) {
        result.method = "no site takes part";
        return result;
    }
    std::vector<Point> points;
    for (const auto& s : sites) points.push_back(s.at);
    RouteOptions walkOptions;
    walkOptions.walking = true;
    walkOptions.detourFactor = params.detourFactor;
    const RouteMatrix walk = index.routes(points, points, walkOptions);
    std::optional<RouteMatrix> drive;
    if (params.maxDriveMin) {
        RouteOptions o = walkOptions;
        o.walking = false;
        drive = index.routes(points, points, o);
    }
    result.estimated = walk.anyEstimated() || (drive && drive->anyEstimated());
    const std::vector<std::uint8_t> close = closeness(walk, drive ? &*drive : nullptr, params);

    std::vector<int> counted(n);
    for (std::size_t i = 0; i < n; ++i)
        counted[i] = sites[i].places ? std::min(*sites[i].places, params.maxPlacesPerSite) : params.maxPlacesPerSite;

    // Groups of connected sites: a cluster never spans two of them.
    std::vector<std::size_t> groupOf(n, n);
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t s = 0; s < n; ++s) {
        if (groupOf[s] != n) continue;
        groups.emplace_back();
        std::vector<std::size_t> stack{s};
        groupOf[s] = groups.size() - 1;
        while (!stack.empty()) {
            const std::size_t u = stack.back();
            stack.pop_back();
            groups.back().push_back(u);
            for (std::size_t v = 0; v < n; ++v)
                if (close[u * n + v] && groupOf[v] == n) {
                    groupOf[v] = groups.size() - 1;
                    stack.push_back(v);
                }
        }
        std::sort(groups.back().begin(), groups.back().end());
    }

    std::vector<std::vector<std::size_t>> blocks;
    for (const auto& g : groups) {
        if (g.size() <= kExactGroupingMax) {
            for (std::uint32_t mask : exactPartition(g, close, n, walk.distance, counted, params.maxPlacesPerCluster)) {
                std::vector<std::size_t> b;
                for (std::size_t a = 0; a < g.size(); ++a)
                    if (mask >> a & 1) b.push_back(g[a]);
                blocks.push_back(std::move(b));
            }
        } else {
            result.exact = false;
            for (auto& b : greedyPartition(g, close, n, walk.distance, counted, params.maxPlacesPerCluster)) {
                std::sort(b.begin(), b.end());
                blocks.push_back(std::move(b));
            }
        }
    }
    result.method = result.exact
                        ? QT_TRANSLATE_NOOP("rules", "exact: every partition of each group of connected sites into "
                                                     "complete-linkage clusters (dynamic programme over subsets)")
                        : kit::say(QT_TRANSLATE_NOOP("rules", "heuristic for groups of more than %1 connected sites "
                                                              "(greedy complete-linkage merging); exact for the others"),
                                   std::to_string(kExactGroupingMax));
    std::sort(blocks.begin(), blocks.end());

    const double metresPerMinute = params.walkSpeedKmh * 1000.0 / 60.0;
    for (const auto& b : blocks) {
        if (b.size() == 1) {
            result.alone.push_back(sites[b.front()]);
            continue;
        }
        Cluster c;
        c.id = "C" + std::to_string(result.clusters.size() + 1);
        std::vector<Point> pts;
        for (std::size_t s : b) {
            c.sites.push_back(sites[s]);
            c.countedPlaces.push_back(counted[s]);
            c.places += counted[s];
            pts.push_back(sites[s].at);
            if (!sites[s].places)
                c.notes.push_back(kit::say(QT_TRANSLATE_NOOP("rules", "%1: places unknown, counted as %2 (the per-site maximum)"),
                                           sites[s].id, std::to_string(counted[s])));
            else if (*sites[s].places > counted[s])
                c.notes.push_back(kit::say(QT_TRANSLATE_NOOP("rules", "%1: %2 places, counted as %3 (the per-site maximum)"),
                                           sites[s].id, std::to_string(*sites[s].places), std::to_string(counted[s])));
            for (std::size_t t : b) c.maxPairWalkM = std::max(c.maxPairWalkM, walk.distance[s * n + t]);
        }
        // The round over the cluster's own matrix, with paths for its legs.
        RouteOptions o = walkOptions;
        o.paths = true;
        const RouteMatrix legs = index.routes(pts, pts, o);
        c.round = shortestRound(legs.distance, b.size());
        c.round.minutes = c.round.lengthM / metresPerMinute;
        c.round.withinLimit = c.round.minutes <= params.nightRoundMaxMin + 1e-9;
        const auto& ord = c.round.order;
        for (std::size_t k = 0; k < ord.size(); ++k) {
            const std::size_t from = ord[k], to = ord[(k + 1) % ord.size()];
            c.round.estimated = c.round.estimated || legs.estimated[from * b.size() + to];
            for (const Point& p : legs.paths[from * b.size() + to])
                if (c.round.path.empty() || p.x() != c.round.path.back().x() || p.y() != c.round.path.back().y())
                    c.round.path.push_back(p);
        }
        result.clusters.push_back(std::move(c));
    }
    return result;
}

}  // namespace vgscan
