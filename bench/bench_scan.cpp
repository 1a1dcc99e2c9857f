// `vgscan scan` end to end, as a user runs it (the vgscan program, reading
// the GeoPackage, every rule, every output file), on two portfolios made
// once into the build folder (bench-data/):
//
//  - national: 5,000 sites without plans on a road grid of 1,001,112
//    segments with 10,000 POIs (bench::nationalRegion). Targets: under 10 s,
//    peak memory under 1 GB. In the same run a plain C++ reference (its own
//    GeoPackage reading with GDAL, node merging, snapping, one multi-source
//    Dijkstra per POI category and one bounded Dijkstra per site for "GPs
//    within 5 km") computes every site's distances; they must agree with
//    scan.json, and the ratio of the two times is printed.
//  - sample2002: the sample portfolio repeated 182 times (2,002 sites with
//    their plans), 40 km apart. Target: under 12 s with both cores busy
//    (CPU time / wall time >= 1.7).
//
// Figures: wall_s, cpu_s (user + system of the vgscan process), cpu_per_wall,
// peak_MB (its maximum resident set), load_1min (the machine's load after the
// run), and for national ref_s, ratio and max_diff_m; on stderr the load
// before and after and vgscan's phase times (VGSCAN_TIMING).
// docs/performance.md keeps the table.
#include "PortfolioFile.h"

#include "io/PortfolioReader.h"

#include <benchmark/benchmark.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <queue>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/geometry.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char** environ;

using namespace vgscan;
namespace fs = std::filesystem;

namespace {

const std::string kData = VGSCAN_BENCH_DATA_DIR;

// --- the portfolios ---------------------------------------------------------------

std::string nationalFile() {
    const std::string path = kData + "/national/portfolio.gpkg";
    if (!fs::exists(path)) {
        fs::create_directories(kData + "/national");
        bench::writePortfolioGpkg(path + ".tmp.gpkg", bench::nationalRegion());
        fs::rename(path + ".tmp.gpkg", path);
    }
    return path;
}

std::string sample2002File() {
    const std::string dir = kData + "/sample2002", path = dir + "/portfolio.gpkg";
    if (fs::exists(path)) return path;
    fs::create_directories(dir + "/plans");
    for (const auto& e : fs::directory_iterator(VGSCAN_BENCH_SOURCE_DIR "/floorplans/plans"))
        fs::copy_file(e.path(), dir + "/plans/" + e.path().filename().string(), fs::copy_options::overwrite_existing);
    std::vector<InputIssue> issues;
    const Portfolio sample = readPortfolio(VGSCAN_BENCH_SOURCE_DIR "/floorplans/portfolio.gpkg", issues);
    Portfolio p;
    p.context.hasRoads = p.context.hasPois = p.context.hasDemand = true;
    // bg::transform clears its output before reading its input: never in place.
    auto moved = [](const auto& geometry, double dx, double dy) {
        std::decay_t<decltype(geometry)> out;
        bg::transform(geometry, out, bg::strategy::transform::translate_transformer<double, 2, 2>(dx, dy));
        return out;
    };
    for (int c = 0; c < 182; ++c) {
        const double dx = (c % 14) * 40000.0, dy = (c / 14) * 40000.0;
        for (Site s : sample.sites) {
            s.id += "-" + std::to_string(c);
            s.plot = moved(s.plot, dx, dy);
            for (auto& f : s.footprints) f = moved(f, dx, dy);
            s.placement.x += dx;
            s.placement.y += dy;
            p.sites.push_back(std::move(s));
        }
        for (Road r : sample.context.roads) {
            r.line = moved(r.line, dx, dy);
            p.context.roads.push_back(std::move(r));
        }
        for (Poi q : sample.context.pois) {
            q.position = moved(q.position, dx, dy);
            p.context.pois.push_back(std::move(q));
        }
        for (DemandPoint d : sample.context.demand) {
            d.id += "-" + std::to_string(c);
            d.position = moved(d.position, dx, dy);
            p.context.demand.push_back(std::move(d));
        }
    }
    bench::writePortfolioGpkg(path + ".tmp.gpkg", p);
    fs::rename(path + ".tmp.gpkg", path);
    return path;
}

// --- running vgscan -------------------------------------------------------------------

struct Measured {
    double wall = 0, cpu = 0, peakMB = 0;
    int exitCode = -1;
};

// The machine's load (1-minute average), printed beside every figure: the
// benchmark shares its machine.
double loadAverage() {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

// Runs vgscan, its stdout into `output`; with a `timingFile`, with
// VGSCAN_TIMING set and its stderr there: the phase times for
// docs/performance.md (printed after the run).
Measured runVgscan(const std::vector<std::string>& args, const std::string& output = "/dev/null",
                   const std::string& timingFile = "") {
    std::vector<char*> argv;
    std::string exe = VGSCAN_BENCH_EXE;
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);  // the table
    std::vector<std::string> env;
    if (!timingFile.empty()) {
        posix_spawn_file_actions_addopen(&actions, 2, timingFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        env.emplace_back("VGSCAN_TIMING=1");
    }
    for (char** e = environ; *e; ++e)
        if (timingFile.empty() || std::string(*e).rfind("VGSCAN_TIMING=", 0) != 0) env.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data()) != 0)
        throw std::runtime_error("cannot start " + exe);
    int status = 0;
    rusage use{};
    wait4(pid, &status, 0, &use);
    Measured m;
    m.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.cpu = static_cast<double>(use.ru_utime.tv_sec + use.ru_stime.tv_sec) +
            static_cast<double>(use.ru_utime.tv_usec + use.ru_stime.tv_usec) / 1e6;
    m.peakMB = static_cast<double>(use.ru_maxrss) / 1024.0;
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    return m;
}

// vgscan's phase lines ("vgscan timing: ...") and anything else it said.
void printPhases(const std::string& timingFile) {
    std::ifstream in(timingFile);
    for (std::string line; std::getline(in, line);) std::cerr << "  " << line << "\n";
}

void report(benchmark::State& state, const Measured& m) {
    state.SetIterationTime(m.wall);
    state.counters["wall_s"] = m.wall;
    state.counters["cpu_s"] = m.cpu;
    state.counters["cpu_per_wall"] = m.cpu / m.wall;
    state.counters["peak_MB"] = m.peakMB;
    state.counters["load_1min"] = loadAverage();
    if (m.exitCode != 0 && m.exitCode != 4) state.SkipWithError("vgscan scan failed");
}

// --- the plain C++ reference ------------------------------------------------------------
// Its own reading, graph and searches: no vgscan code. The model is the one
// documented in core/derive/ContextIndex.h: a node per distinct vertex, an
// edge per segment (one-way roads in drawing direction only), a point joins
// the nearest segment at its nearest point (lowest segment number on a tie).

constexpr double kInf = std::numeric_limits<double>::infinity();

struct RefSeg {
    double x0, y0, x1, y1, len;
    int a, b;
    bool oneway;
};
struct RefSnap {
    int seg = -1;
    double t = 0, access = kInf;
};
struct RefPoi {
    std::string category;
    int wlz = -1;  // -1 unknown, 0 no, 1 yes
    double x, y;
};

struct Reference {
    std::vector<RefSeg> segs;
    std::vector<std::vector<std::pair<int, double>>> fwd, rev;
    std::vector<RefPoi> pois;
    std::vector<std::string> siteIds;
    std::vector<std::pair<double, double>> sitePoints;
    // uniform grid over segment boxes
    double cell = 500, gx0 = 0, gy0 = 0;
    int nx = 0, ny = 0;
    std::vector<std::vector<int>> grid;

    void load(const std::string& path) {
        GDALAllRegister();
        GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        if (!ds) throw std::runtime_error("reference: cannot open " + path);
        std::map<std::pair<double, double>, int> nodeOf;
        auto node = [&](double x, double y) { return nodeOf.emplace(std::make_pair(x, y), static_cast<int>(nodeOf.size())).first->second; };
        OGRLayerH roads = GDALDatasetGetLayerByName(ds, "roads");
        OGR_L_ResetReading(roads);
        while (OGRFeatureH f = OGR_L_GetNextFeature(roads)) {
            const bool oneway = std::string(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "oneway"))) == "yes";
            OGRGeometryH g = OGR_F_GetGeometryRef(f);
            const int n = OGR_G_GetPointCount(g);
            for (int k = 0; k + 1 < n; ++k) {
                RefSeg s{OGR_G_GetX(g, k), OGR_G_GetY(g, k), OGR_G_GetX(g, k + 1), OGR_G_GetY(g, k + 1), 0, 0, 0, oneway};
                s.len = std::hypot(s.x1 - s.x0, s.y1 - s.y0);
                s.a = node(s.x0, s.y0);
                s.b = node(s.x1, s.y1);
                segs.push_back(s);
            }
            OGR_F_Destroy(f);
        }
        fwd.assign(nodeOf.size(), {});
        rev.assign(nodeOf.size(), {});
        for (const auto& s : segs) {
            fwd[s.a].push_back({s.b, s.len});
            rev[s.b].push_back({s.a, s.len});
            if (!s.oneway) {
                fwd[s.b].push_back({s.a, s.len});
                rev[s.a].push_back({s.b, s.len});
            }
        }
        OGRLayerH poi = GDALDatasetGetLayerByName(ds, "poi");
        OGR_L_ResetReading(poi);
        while (OGRFeatureH f = OGR_L_GetNextFeature(poi)) {
            RefPoi p;
            p.category = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "category"));
            const int wi = OGR_F_GetFieldIndex(f, "accepts_wlz");
            if (OGR_F_IsFieldSetAndNotNull(f, wi)) p.wlz = std::string(OGR_F_GetFieldAsString(f, wi)) == "yes";
            OGRGeometryH g = OGR_F_GetGeometryRef(f);
            p.x = OGR_G_GetX(g, 0);
            p.y = OGR_G_GetY(g, 0);
            pois.push_back(p);
            OGR_F_Destroy(f);
        }
        // Site point: the area centroid of the site's buildings (its plot without any).
        std::map<std::string, std::vector<OGRGeometryH>> footprints;
        OGRLayerH buildings = GDALDatasetGetLayerByName(ds, "buildings");
        OGR_L_ResetReading(buildings);
        while (OGRFeatureH f = OGR_L_GetNextFeature(buildings)) {
            footprints[OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "site_id"))].push_back(
                OGR_G_Clone(OGR_F_GetGeometryRef(f)));
            OGR_F_Destroy(f);
        }
        OGRLayerH sites = GDALDatasetGetLayerByName(ds, "sites");
        OGR_L_ResetReading(sites);
        while (OGRFeatureH f = OGR_L_GetNextFeature(sites)) {
            const std::string id = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "id"));
            std::vector<OGRGeometryH> areas = footprints[id];
            if (areas.empty()) areas.push_back(OGR_G_Clone(OGR_F_GetGeometryRef(f)));
            // Relative to the first vertex: national coordinates (1e5 m) times
            // each other would lose the millimetres.
            double A = 0, cx = 0, cy = 0;
            const double ox = OGR_G_GetX(OGR_G_GetGeometryRef(areas.front(), 0), 0);
            const double oy = OGR_G_GetY(OGR_G_GetGeometryRef(areas.front(), 0), 0);
            for (OGRGeometryH g : areas) {
                OGRGeometryH ring = OGR_G_GetGeometryRef(g, 0);
                const int n = OGR_G_GetPointCount(ring);
                for (int k = 0; k + 1 < n; ++k) {
                    const double x0 = OGR_G_GetX(ring, k) - ox, y0 = OGR_G_GetY(ring, k) - oy,
                                 x1 = OGR_G_GetX(ring, k + 1) - ox, y1 = OGR_G_GetY(ring, k + 1) - oy,
                                 c = x0 * y1 - x1 * y0;
                    A += c;
                    cx += (x0 + x1) * c;
                    cy += (y0 + y1) * c;
                }
                OGR_G_DestroyGeometry(g);
            }
            siteIds.push_back(id);
            sitePoints.push_back({ox + cx / (3 * A), oy + cy / (3 * A)});
            OGR_F_Destroy(f);
        }
        GDALClose(ds);
        // The grid for snapping.
        double x0 = kInf, y0 = kInf, x1 = -kInf, y1 = -kInf;
        for (const auto& s : segs) {
            x0 = std::min({x0, s.x0, s.x1});
            y0 = std::min({y0, s.y0, s.y1});
            x1 = std::max({x1, s.x0, s.x1});
            y1 = std::max({y1, s.y0, s.y1});
        }
        gx0 = x0;
        gy0 = y0;
        nx = static_cast<int>((x1 - x0) / cell) + 1;
        ny = static_cast<int>((y1 - y0) / cell) + 1;
        grid.assign(static_cast<std::size_t>(nx) * ny, {});
        for (int i = 0; i < static_cast<int>(segs.size()); ++i) {
            const auto& s = segs[i];
            for (int cx = cellX(std::min(s.x0, s.x1)); cx <= cellX(std::max(s.x0, s.x1)); ++cx)
                for (int cy = cellY(std::min(s.y0, s.y1)); cy <= cellY(std::max(s.y0, s.y1)); ++cy)
                    grid[static_cast<std::size_t>(cy) * nx + cx].push_back(i);
        }
    }
    int cellX(double x) const { return std::clamp(static_cast<int>((x - gx0) / cell), 0, nx - 1); }
    int cellY(double y) const { return std::clamp(static_cast<int>((y - gy0) / cell), 0, ny - 1); }

    RefSnap snap(double px, double py) const {
        RefSnap best;
        const int cx = cellX(px), cy = cellY(py);
        for (int ring = 0; ring < std::max(nx, ny); ++ring) {
            for (int x = cx - ring; x <= cx + ring; ++x)
                for (int y = cy - ring; y <= cy + ring; ++y) {
                    if (x < 0 || y < 0 || x >= nx || y >= ny) continue;
                    if (std::max(std::abs(x - cx), std::abs(y - cy)) != ring) continue;
                    for (int i : grid[static_cast<std::size_t>(y) * nx + x]) {
                        const auto& s = segs[i];
                        const double dx = s.x1 - s.x0, dy = s.y1 - s.y0, l2 = dx * dx + dy * dy;
                        const double t = l2 == 0 ? 0 : std::clamp(((px - s.x0) * dx + (py - s.y0) * dy) / l2, 0.0, 1.0);
                        const double d = std::hypot(px - (s.x0 + t * dx), py - (s.y0 + t * dy));
                        if (d < best.access || (d == best.access && i < best.seg)) best = {i, t, d};
                    }
                }
            // Every segment not yet seen lies in a cell at least `ring` cells away.
            if (best.seg >= 0 && best.access <= ring * cell) break;
        }
        return best;
    }

    // Multi-source Dijkstra on the reversed graph: travel from each node to its nearest accepted POI.
    std::vector<double> field(const std::function<bool(const RefPoi&)>& accept, const std::vector<RefSnap>& snaps,
                              std::vector<std::vector<std::pair<int, double>>>& onSeg) const {
        std::vector<double> dist(fwd.size(), kInf);
        onSeg.assign(segs.size(), {});
        using E = std::pair<double, int>;
        std::priority_queue<E, std::vector<E>, std::greater<>> heap;
        auto seed = [&](int n, double d) {
            if (d < dist[n]) heap.push({dist[n] = d, n});
        };
        for (std::size_t i = 0; i < pois.size(); ++i) {
            if (!accept(pois[i])) continue;
            const auto& sn = snaps[i];
            const auto& s = segs[sn.seg];
            seed(s.a, sn.access + sn.t * s.len);
            if (!s.oneway) seed(s.b, sn.access + (1 - sn.t) * s.len);
            onSeg[sn.seg].push_back({static_cast<int>(i), sn.t});
        }
        while (!heap.empty()) {
            auto [d, u] = heap.top();
            heap.pop();
            if (d > dist[u]) continue;
            for (auto [w, l] : rev[u]) seed(w, d + l);
        }
        return dist;
    }

    double nearest(const RefSnap& sn, const std::vector<double>& dist, const std::vector<RefSnap>& poiSnaps,
                   const std::vector<std::vector<std::pair<int, double>>>& onSeg) const {
        const auto& s = segs[sn.seg];
        double best = (1 - sn.t) * s.len + dist[s.b];
        if (!s.oneway) best = std::min(best, sn.t * s.len + dist[s.a]);
        for (auto [poi, t] : onSeg[sn.seg]) {
            if (t >= sn.t) best = std::min(best, (t - sn.t) * s.len + poiSnaps[poi].access);
            else if (!s.oneway) best = std::min(best, (sn.t - t) * s.len + poiSnaps[poi].access);
        }
        return sn.access + best;
    }

    // POIs within maxD of the site: one bounded Dijkstra over the forward graph.
    int countWithin(const RefSnap& sn, double maxD, const std::vector<int>& accepted,
                    const std::vector<RefSnap>& poiSnaps, std::vector<double>& dist, std::vector<int>& touched) const {
        const auto& s = segs[sn.seg];
        const double budget = maxD - sn.access;
        using E = std::pair<double, int>;
        std::priority_queue<E, std::vector<E>, std::greater<>> heap;
        auto relax = [&](int n, double d) {
            if (d <= budget && d < dist[n]) {
                if (dist[n] == kInf) touched.push_back(n);
                heap.push({dist[n] = d, n});
            }
        };
        relax(s.b, (1 - sn.t) * s.len);
        if (!s.oneway) relax(s.a, sn.t * s.len);
        while (!heap.empty()) {
            auto [d, u] = heap.top();
            heap.pop();
            if (d > dist[u]) continue;
            for (auto [w, l] : fwd[u]) relax(w, d + l);
        }
        int count = 0;
        for (int i : accepted) {
            const auto& ps = poiSnaps[i];
            const auto& q = segs[ps.seg];
            double reach = dist[q.a] + ps.t * q.len;
            if (!q.oneway) reach = std::min(reach, dist[q.b] + (1 - ps.t) * q.len);
            if (ps.seg == sn.seg) {
                if (ps.t >= sn.t) reach = std::min(reach, (ps.t - sn.t) * q.len);
                else if (!q.oneway) reach = std::min(reach, (sn.t - ps.t) * q.len);
            }
            count += sn.access + reach + ps.access <= maxD;
        }
        for (int n : touched) dist[n] = kInf;
        touched.clear();
        return count;
    }
};

struct SiteFigures {
    double gpWlz = kInf, avg = kInf, crisis = kInf;
    int withinWlz = 0;
};

// The reference answers for every site, and the seconds they took: load,
// graph, three multi-source searches (nearest: GP taking Wlz clients, AVG, crisis), then the bounded searches.
std::vector<SiteFigures> reference(const std::string& path, double& nearestSecs, double& withinSecs) {
    const auto t0 = std::chrono::steady_clock::now();
    Reference ref;
    ref.load(path);
    std::vector<RefSnap> poiSnaps;
    for (const auto& p : ref.pois) poiSnaps.push_back(ref.snap(p.x, p.y));
    std::vector<RefSnap> siteSnaps;
    for (const auto& [x, y] : ref.sitePoints) siteSnaps.push_back(ref.snap(x, y));
    std::vector<SiteFigures> out(ref.sitePoints.size());
    std::vector<std::vector<std::pair<int, double>>> onSeg;
    auto run = [&](const std::function<bool(const RefPoi&)>& accept, double SiteFigures::*field) {
        const auto dist = ref.field(accept, poiSnaps, onSeg);
        for (std::size_t i = 0; i < out.size(); ++i) out[i].*field = ref.nearest(siteSnaps[i], dist, poiSnaps, onSeg);
    };
    run([](const RefPoi& p) { return p.category == "gp" && p.wlz == 1; }, &SiteFigures::gpWlz);
    run([](const RefPoi& p) { return p.category == "avg"; }, &SiteFigures::avg);
    run([](const RefPoi& p) { return p.category == "crisis"; }, &SiteFigures::crisis);
    const auto t1 = std::chrono::steady_clock::now();
    std::vector<int> wlz;
    for (int i = 0; i < static_cast<int>(ref.pois.size()); ++i)
        if (ref.pois[i].category == "gp" && ref.pois[i].wlz == 1) wlz.push_back(i);
    std::vector<double> dist(ref.fwd.size(), kInf);
    std::vector<int> touched;
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].withinWlz = ref.countWithin(siteSnaps[i], 5000, wlz, poiSnaps, dist, touched);
    }
    nearestSecs = std::chrono::duration<double>(t1 - t0).count();
    withinSecs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    return out;
}

// Compares scan.json with the reference; the largest difference in metres.
double compare(const std::string& scanJson, const std::vector<SiteFigures>& ref, int& countMismatches) {
    QFile f(QString::fromStdString(scanJson));
    if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + scanJson);
    const QJsonArray sites = QJsonDocument::fromJson(f.readAll()).object()["sites"].toArray();
    if (static_cast<std::size_t>(sites.size()) != ref.size()) throw std::runtime_error("site count differs");
    double worst = 0;
    countMismatches = 0;
    int shown = 0;
    QString site, what;
    auto diff = [&](double a, double b) {
        worst = std::max(worst, std::abs(a - b));
        if (std::abs(a - b) > 1e-6 && shown++ < 10)
            std::cerr << "site " << site.toStdString() << " " << what.toStdString() << ": vgscan " << a << ", reference " << b << "\n";
    };
    auto count = [&](int a, int b) {
        if (a == b) return;
        ++countMismatches;
        if (shown++ < 10)
            std::cerr << "site " << site.toStdString() << " " << what.toStdString() << " within 5 km: vgscan " << a << ", reference " << b << "\n";
    };
    for (qsizetype i = 0; i < sites.size(); ++i) {
        const auto& r = ref[static_cast<std::size_t>(i)];
        site = sites[i].toObject()["id"].toString();
        for (const auto& v : sites[i].toObject()["results"].toArray()) {
            const QJsonObject o = v.toObject();
            const QString key = o.contains("key") ? o["key"].toString() : o["rule"].toString();
            what = key;
            std::map<QString, double> fig;
            for (const auto& fv : o["figures"].toArray()) fig[fv.toObject()["name"].toString()] = fv.toObject()["value"].toDouble();
            // vg7.json: gp_access and gp_for_keep both ask for a GP taking Wlz clients within 5 km.
            if (key == "gp_access" || key == "gp_for_keep") {
                diff(o["value"].toDouble(), r.gpWlz);
                count(static_cast<int>(fig["gps_within_max"]), r.withinWlz);
            } else if (key == "avg_access") {
                diff(fig["avg_distance_m"], r.avg);
                diff(fig["crisis_distance_m"], r.crisis);
            }
        }
    }
    return worst;
}

void BM_ScanNational(benchmark::State& state) {
    const std::string portfolio = nationalFile();
    const std::string out = kData + "/national/out";
    const std::string timing = kData + "/national/timing.txt";
    for (auto _ : state) {
        const double loadBefore = loadAverage();
        const Measured m = runVgscan({"scan", portfolio, "--out", out}, "/dev/null", timing);
        report(state, m);
        std::cerr << "vgscan scan (national), load " << loadBefore << " before, " << loadAverage() << " after:\n";
        printPhases(timing);
        double nearestSecs = 0, withinSecs = 0;
        const auto ref = reference(portfolio, nearestSecs, withinSecs);
        int mismatches = 0;
        const double worst = compare(out + "/scan.json", ref, mismatches);
        state.counters["ref_nearest_s"] = nearestSecs;
        state.counters["ref_within_s"] = withinSecs;
        state.counters["ratio"] = m.wall / nearestSecs;
        state.counters["max_diff_m"] = worst;
        state.counters["count_mismatches"] = mismatches;
        std::cerr << "vgscan " << m.wall << " s wall, " << m.cpu << " s CPU, peak " << m.peakMB << " MB; reference "
                  << nearestSecs << " s (nearest) + " << withinSecs << " s (within 5 km); largest difference " << worst
                  << " m, " << mismatches << " counts differ\n";
        if (worst > 1e-6 || mismatches > 0) state.SkipWithError("vgscan and the reference disagree");
    }
}
BENCHMARK(BM_ScanNational)->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);

void BM_ScanSample2002(benchmark::State& state) {
    const std::string portfolio = sample2002File();
    const std::string timing = kData + "/sample2002/timing.txt";
    for (auto _ : state) {
        const double loadBefore = loadAverage();
        report(state, runVgscan({"scan", portfolio, "--out", kData + "/sample2002/out"}, "/dev/null", timing));
        std::cerr << "vgscan scan (sample2002), load " << loadBefore << " before, " << loadAverage() << " after:\n";
        printPhases(timing);
    }
}
BENCHMARK(BM_ScanSample2002)->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);

// --- vgscan plan on sample2002 ----------------------------------------------------------
// `vgscan plan PORTFOLIO --scan scan.json` for k = 1..3 of each kind, without
// and with --min-separation 10 (km), needs 10k VG7 and 8k ambulant places
// (locations hold at most 12 and 10: the need binds). Target: under 5 s each.
// The reference is the same command with `--method enumeration` (the
// complete enumeration with the simple bound, what `vgscan plan` did before
// the Lagrangian search); it runs where it finishes (k = 1: seconds; k = 2
// took over 90 s, k = 3 over 18 min). Both answers (the plan, its value, the
// runners-up's values, each constraint's verdict and saving) must agree; the
// ratio of the wall times is printed.

QJsonObject readJson(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + path);
    return QJsonDocument::fromJson(f.readAll()).object();
}

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

// What differs between two plan answers ("" when they agree). The chosen
// sets are compared only when the optimum is unique (a runner-up of the same
// value may be listed first by either method).
std::string comparePlans(const QJsonObject& a, const QJsonObject& b) {
    if (!near(a["weighted_travel"].toDouble(), b["weighted_travel"].toDouble())) return "optimum value";
    const QJsonArray ra = a["runners_up"].toArray(), rb = b["runners_up"].toArray();
    if (ra.size() != rb.size()) return "number of runners-up";
    for (qsizetype i = 0; i < ra.size(); ++i)
        if (!near(ra[i].toObject()["weighted_travel"].toDouble(), rb[i].toObject()["weighted_travel"].toDouble()))
            return "runner-up " + std::to_string(i + 2);
    const bool unique = ra.isEmpty() || !near(ra[0].toObject()["weighted_travel"].toDouble(), a["weighted_travel"].toDouble());
    if (unique)
        for (const char* kind : {"vg7", "ambulant"}) {
            QJsonArray ia, ib;
            for (const auto& c : a["plan"].toObject()[kind].toObject()["chosen"].toArray()) ia.append(c.toObject()["id"]);
            for (const auto& c : b["plan"].toObject()[kind].toObject()["chosen"].toArray()) ib.append(c.toObject()["id"]);
            if (ia != ib) return std::string("chosen ") + kind;
        }
    const QJsonArray ca = a["constraints"].toArray(), cb = b["constraints"].toArray();
    if (ca.size() != cb.size()) return "constraints";
    for (qsizetype i = 0; i < ca.size(); ++i) {
        const QJsonObject x = ca[i].toObject(), y = cb[i].toObject();
        if (x["constraint"] != y["constraint"] || x["binds"] != y["binds"] || x["solved"] != y["solved"] ||
            !near(x["saving"].toDouble(), y["saving"].toDouble()))
            return "constraint " + x["constraint"].toString().toStdString();
    }
    return "";
}

void BM_PlanSample2002(benchmark::State& state) {
    const int k = static_cast<int>(state.range(0));
    const bool apart = state.range(1) != 0;
    const std::string portfolio = sample2002File(), scan = kData + "/sample2002/out/scan.json";
    if (!fs::exists(scan)) runVgscan({"scan", portfolio, "--out", kData + "/sample2002/out"});  // once, not timed
    std::vector<std::string> args = {"plan", portfolio, "--scan", scan, "--need-vg7", std::to_string(10 * k),
                                     "--need-ambulant", std::to_string(8 * k), "--k-vg7", std::to_string(k),
                                     "--k-ambulant", std::to_string(k), "--format", "json"};
    if (apart) args.insert(args.end(), {"--min-separation", "10"});
    const std::string out = kData + "/sample2002/plan-" + std::to_string(k) + (apart ? "-apart" : "") + ".json";
    for (auto _ : state) {
        const Measured m = runVgscan(args, out);
        report(state, m);
        if (m.exitCode != 0) return;
        if (k > 1) continue;
        std::vector<std::string> refArgs = args;
        refArgs.insert(refArgs.end(), {"--method", "enumeration"});
        const Measured ref = runVgscan(refArgs, out + ".reference.json");
        state.counters["ref_wall_s"] = ref.wall;
        state.counters["ref_cpu_s"] = ref.cpu;
        state.counters["ratio"] = ref.wall / m.wall;
        const std::string differ = comparePlans(readJson(out), readJson(out + ".reference.json"));
        std::cerr << "plan k = " << k << (apart ? " apart" : "") << ": " << m.wall << " s wall (" << m.cpu
                  << " s CPU); enumeration " << ref.wall << " s wall (" << ref.cpu << " s CPU): ratio "
                  << ref.wall / m.wall << (differ.empty() ? ", same answer\n" : ", ANSWERS DIFFER: " + differ + "\n");
        if (!differ.empty()) state.SkipWithError(("plan and the enumeration disagree: " + differ).c_str());
    }
}
BENCHMARK(BM_PlanSample2002)
    ->ArgsProduct({{1, 2, 3}, {0, 1}})
    ->ArgNames({"k", "apart"})
    ->Unit(benchmark::kSecond)
    ->UseManualTime()
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
