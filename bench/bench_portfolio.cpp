// vgscan portfolio build at scale: 1,000 sites from an OpenStreetMap extract,
// with time and peak memory, to show that reading is clipped to the sites'
// surroundings.
//
// The extracts are made here (OpenStreetMap XML written by this program,
// turned into .osm.pbf by osmium-tool when it is installed): a synthetic
// country of roads every 250 m (split into 1 km ways), a building in every
// 250 m cell and a point of interest in every square kilometre.
//   core  : 24 x 24 km around the 1,000 sites
//   large : 120 x 120 km, the same core in its middle (25 x the area)
//   huge  : 240 x 240 km (100 x the area)
// The 1,000 sites are x/y points in buildings of the core's middle 20 x 20 km.
//
// Each build runs in a child process (fork), so that its peak resident
// memory (getrusage of the child) is its own. The reference is the same
// build of the large extract without clipping (a 200 km margin): it keeps
// everything. The clipped builds of the core and the large extract must keep
// exactly the same roads (checked: the same sorted OSM ids), and the report
// prints the memory and time ratios. With ../shared/realdata present, 1,000
// sites in the real Delft extract are built too.
//
// Run: build/bin/bench_portfolio (the extracts are made once, in
// build/bench-data; a few minutes the first time). $VGSCAN_REALDATA points
// to the real data when the checkout does not sit beside shared/.
#include "io/opendata/PortfolioBuilder.h"

#include <benchmark/benchmark.h>

#include <ogr_spatialref.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace vgscan;
using namespace vgscan::opendata;
namespace fs = std::filesystem;

namespace {

constexpr double kCell = 250.0;        // m between roads; one building per cell
constexpr double kCoreSideKm = 24.0;
constexpr double kLargeSideKm = 120.0;
constexpr double kHugeSideKm = 240.0;
constexpr double kSiteSideKm = 20.0;   // the sites lie in the middle 20 x 20 km
constexpr int kSites = 1000;
constexpr double kMargin = 2000.0;     // m kept around each site
const double kCentreX = 155000.0, kCentreY = 463000.0;  // RD New, the middle of the Netherlands

const fs::path kData = fs::path(VGSCAN_BENCH_BINARY_DIR) / "bench-data";

// RD New -> WGS 84 for the OSM file.
struct ToLonLat {
    std::unique_ptr<OGRCoordinateTransformation> t;
    ToLonLat() {
        OGRSpatialReference rd, wgs;
        rd.importFromEPSG(28992);
        wgs.SetWellKnownGeogCS("WGS84");
        rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        t.reset(OGRCreateCoordinateTransformation(&rd, &wgs));
    }
    void operator()(double x, double y, double& lon, double& lat) const {
        lon = x;
        lat = y;
        t->Transform(1, &lon, &lat);
    }
};

// Cell (i, j) of a square of `n` cells per side, its lower-left corner at
// (x0, y0); ids are the same for the same coordinates in every extract, so
// the core's roads are the same objects in the large extract.
long long gridId(long long gi, long long gj) { return 1 + gi * 1000003 + gj; }

// Writes an OSM XML extract of `sideKm` around the centre. Global grid
// indexes keep ids stable across extracts.
void writeOsm(const fs::path& file, double sideKm) {
    ToLonLat ll;
    const double half = sideKm * 500.0;
    const long long g0 = static_cast<long long>(std::llround((kCentreX - half) / kCell));
    const long long h0 = static_cast<long long>(std::llround((kCentreY - half) / kCell));
    const long long n = static_cast<long long>(std::llround(sideKm * 1000.0 / kCell));
    std::ofstream out(file);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"vgscan bench_portfolio\">\n";
    char buf[256];
    auto node = [&](long long id, double x, double y, const char* tags = nullptr) {
        double lon, lat;
        ll(x, y, lon, lat);
        std::snprintf(buf, sizeof buf, "<node id=\"%lld\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"", id, lat, lon);
        out << buf << (tags ? std::string(">") + tags + "</node>\n" : std::string("/>\n"));
    };
    // Node ids: crossings, then building corners, then points of interest; every
    // family in global-grid order, so ids increase as OSM files require.
    const long long cornerBase = 4'000'000'000'000LL, poiBase = 8'000'000'000'000LL;
    for (long long i = 0; i <= n; ++i)
        for (long long j = 0; j <= n; ++j) node(gridId(g0 + i, h0 + j), (g0 + i) * kCell, (h0 + j) * kCell);
    for (long long i = 0; i < n; ++i)
        for (long long j = 0; j < n; ++j) {
            const double cx = (g0 + i + 0.5) * kCell, cy = (h0 + j + 0.5) * kCell;
            const long long base = cornerBase + gridId(g0 + i, h0 + j) * 4;
            node(base + 0, cx - 8, cy - 6);
            node(base + 1, cx + 8, cy - 6);
            node(base + 2, cx + 8, cy + 6);
            node(base + 3, cx - 8, cy + 6);
        }
    static const char* kPoiTags[] = {"<tag k=\"amenity\" v=\"doctors\"/>", "<tag k=\"shop\" v=\"supermarket\"/>",
                                     "<tag k=\"highway\" v=\"bus_stop\"/>", "<tag k=\"amenity\" v=\"school\"/>",
                                     "<tag k=\"amenity\" v=\"pub\"/>"};
    for (long long i = 0; i < n; i += 4)
        for (long long j = 0; j < n; j += 4) {
            const long long gi = g0 + i, gj = h0 + j;
            node(poiBase + gridId(gi, gj), (gi + 0.3) * kCell, (gj + 0.7) * kCell,
                 kPoiTags[static_cast<std::size_t>((gi * 7 + gj * 3) % 5 + 5) % 5]);
        }
    // Roads: every grid line, in ways of four cells (1 km); buildings.
    auto wayStart = [&](long long id) { out << "<way id=\"" << id << "\" version=\"1\">"; };
    auto nd = [&](long long id) { out << "<nd ref=\"" << id << "\"/>"; };
    for (int dir = 0; dir < 2; ++dir)
        for (long long line = 0; line <= n; ++line) {
            const long long gl = (dir == 0 ? h0 : g0) + line;
            const char* cls = gl % 20 == 0 ? "primary" : gl % 4 == 0 ? "tertiary" : "residential";
            for (long long k = 0; k < n; k += 4) {
                const long long ga = (dir == 0 ? g0 : h0) + k;
                wayStart((dir == 0 ? 1'000'000'000'000LL : 2'000'000'000'000LL) + gridId(gl, ga));
                for (long long m = k; m <= std::min(k + 4, n); ++m)
                    nd(dir == 0 ? gridId(g0 + m, gl) : gridId(gl, h0 + m));
                out << "<tag k=\"highway\" v=\"" << cls << "\"/></way>\n";
            }
        }
    for (long long i = 0; i < n; ++i)
        for (long long j = 0; j < n; ++j) {
            const long long base = cornerBase + gridId(g0 + i, h0 + j) * 4;
            wayStart(3'000'000'000'000LL + gridId(g0 + i, h0 + j));
            for (int c : {0, 1, 2, 3, 0}) nd(base + c);
            out << "<tag k=\"building\" v=\"house\"/></way>\n";
        }
    out << "</osm>\n";
}

// The extract as .osm.pbf (osmium-tool), else as .osm XML (GDAL reads both).
fs::path extract(const std::string& name, double sideKm) {
    fs::create_directories(kData);
    const fs::path pbf = kData / (name + ".osm.pbf"), xml = kData / (name + ".osm");
    if (fs::exists(pbf)) return pbf;
    if (!fs::exists(xml)) writeOsm(xml, sideKm);
    const std::string cmd = "osmium cat -O --no-progress '" + xml.string() + "' -o '" + pbf.string() + "' 2>/dev/null";
    if (std::system(cmd.c_str()) == 0 && fs::exists(pbf)) {
        fs::remove(xml);
        return pbf;
    }
    return xml;
}

// 1,000 sites at building centres in the middle 20 x 20 km (fixed seed).
fs::path siteList() {
    const fs::path file = kData / "sites-1000.csv";
    if (fs::exists(file)) return file;
    std::mt19937 rng(20261203);
    const long long cells = static_cast<long long>(kSiteSideKm * 1000.0 / kCell);
    const long long g0 = static_cast<long long>(std::llround((kCentreX - kSiteSideKm * 500.0) / kCell));
    const long long h0 = static_cast<long long>(std::llround((kCentreY - kSiteSideKm * 500.0) / kCell));
    std::uniform_int_distribution<long long> pick(0, cells - 1);
    std::ofstream out(file);
    out << "id,name,x,y,places,profile,asset_no\n";
    for (int s = 0; s < kSites; ++s) {
        const double x = (g0 + pick(rng) + 0.5) * kCell, y = (h0 + pick(rng) + 0.5) * kCell;
        out << "B" << s << ",Site " << s << "," << x << "," << y << ",12,VG3,ASSET-" << s << "\n";
    }
    return file;
}

struct Outcome {
    double seconds = 0;
    long peakKb = 0;
    std::size_t placed = 0, roads = 0, pois = 0, featuresRead = 0;
    std::size_t roadIdsHash = 0;
    bool ok = false;
};

// Builds (and writes) the portfolio in a child process; its peak memory is its own.
Outcome buildInChild(const BuildOptions& o) {
    int fd[2];
    if (pipe(fd) != 0) return {};
    const pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        Outcome r;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            const BuildResult b = buildPortfolio(o);
            writePortfolio((kData / ("out-" + std::to_string(::getpid()) + ".gpkg")).string(), b.portfolio);
            fs::remove(kData / ("out-" + std::to_string(::getpid()) + ".gpkg"));
            r.placed = b.sitesPlaced;
            r.roads = b.portfolio.roads.size();
            r.pois = b.portfolio.pois.size();
            for (const auto& line : b.summary)
                if (line.rfind("OSM ", 0) == 0) std::sscanf(line.c_str() + line.find(": ") + 2, "%zu", &r.featuresRead);
            std::vector<std::string> ids;
            for (const auto& rd : b.portfolio.roads) ids.push_back(rd.sourceId);
            std::sort(ids.begin(), ids.end());
            std::string all;
            for (const auto& id : ids) all += id + ";";
            r.roadIdsHash = std::hash<std::string>{}(all);
            r.ok = true;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "build failed: %s\n", e.what());
        }
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (write(fd[1], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) _exit(2);
        _exit(0);
    }
    close(fd[1]);
    Outcome r;
    const bool got = read(fd[0], &r, sizeof r) == static_cast<ssize_t>(sizeof r);
    close(fd[0]);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    if (!got) r.ok = false;
    r.peakKb = usage.ru_maxrss;
    return r;
}

std::map<std::string, Outcome>& outcomes() {
    static std::map<std::string, Outcome> m;
    return m;
}

void report(benchmark::State& state, const std::string& name, const Outcome& r) {
    if (!r.ok) {
        state.SkipWithError("the build failed (see stderr)");
        return;
    }
    state.SetIterationTime(r.seconds);
    state.counters["peak_MB"] = static_cast<double>(r.peakKb) / 1024.0;
    state.counters["sites"] = static_cast<double>(r.placed);
    state.counters["roads_kept"] = static_cast<double>(r.roads);
    state.counters["poi_kept"] = static_cast<double>(r.pois);
    state.counters["osm_in_bounds"] = static_cast<double>(r.featuresRead);
    outcomes()[name] = r;
}

void run(benchmark::State& state, const std::string& name, const fs::path& osm, double margin) {
    BuildOptions o;
    o.sites = siteList().string();
    o.osm = osm.string();
    o.margin = margin;
    for (auto _ : state) report(state, name, buildInChild(o));
    state.counters["extract_MB"] = static_cast<double>(fs::file_size(osm)) / (1024.0 * 1024.0);
    state.counters["margin_m"] = margin;
}

void BM_Core(benchmark::State& state) { run(state, "core", extract("core-24km", kCoreSideKm), kMargin); }
void BM_Large(benchmark::State& state) { run(state, "large", extract("large-120km", kLargeSideKm), kMargin); }
void BM_Huge(benchmark::State& state) { run(state, "huge", extract("huge-240km", kHugeSideKm), kMargin); }
// The reference: the large extract without clipping (every feature kept).
void BM_LargeUnclipped(benchmark::State& state) {
    run(state, "unclipped", extract("large-120km", kLargeSideKm), 200000.0);
}

// 1,000 sites by lat/lon in the real Delft extract (skipped without it).
void BM_Delft(benchmark::State& state) {
    const char* realdata = std::getenv("VGSCAN_REALDATA");
    const fs::path pbf = (realdata ? fs::path(realdata) : fs::path(VGSCAN_BENCH_SOURCE_DIR) / "../shared/realdata") /
                         "geo/delft-osm/tudelft_region_2025.osm.pbf";
    if (!fs::exists(pbf)) {
        state.SkipWithError("../shared/realdata absent");
        return;
    }
    const fs::path file = kData / "delft-1000.csv";
    if (!fs::exists(file)) {
        fs::create_directories(kData);
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> lat(51.96, 52.03), lon(4.32, 4.40);
        std::ofstream out(file);
        out << "id,name,lat,lon\n";
        for (int s = 0; s < kSites; ++s) out << "D" << s << ",Delft " << s << "," << lat(rng) << "," << lon(rng) << "\n";
    }
    BuildOptions o;
    o.sites = file.string();
    o.osm = pbf.string();
    o.margin = kMargin;
    for (auto _ : state) report(state, "delft", buildInChild(o));
    state.counters["extract_MB"] = static_cast<double>(fs::file_size(pbf)) / (1024.0 * 1024.0);
    state.counters["margin_m"] = kMargin;
}

}  // namespace

BENCHMARK(BM_Core)->Unit(benchmark::kSecond)->Iterations(1)->UseManualTime();
BENCHMARK(BM_Large)->Unit(benchmark::kSecond)->Iterations(1)->UseManualTime();
BENCHMARK(BM_Huge)->Unit(benchmark::kSecond)->Iterations(1)->UseManualTime();
BENCHMARK(BM_LargeUnclipped)->Unit(benchmark::kSecond)->Iterations(1)->UseManualTime();
BENCHMARK(BM_Delft)->Unit(benchmark::kSecond)->Iterations(1)->UseManualTime();

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    auto& o = outcomes();
    if (o.count("core") && o.count("large")) {
        const Outcome &core = o["core"], &large = o["large"];
        const bool same = core.roadIdsHash == large.roadIdsHash && core.roads == large.roads && core.pois == large.pois;
        std::printf("\nClipping: the large extract (%.0f x the core's area) keeps %s roads and points of interest as "
                    "the core (%zu roads, %zu poi)\n",
                    (kLargeSideKm * kLargeSideKm) / (kCoreSideKm * kCoreSideKm), same ? "exactly the same" : "DIFFERENT",
                    large.roads, large.pois);
        std::printf("Peak memory: core %.0f MB, large %.0f MB (ratio %.2f); time: core %.1f s, large %.1f s (ratio %.2f)\n",
                    core.peakKb / 1024.0, large.peakKb / 1024.0, static_cast<double>(large.peakKb) / core.peakKb,
                    core.seconds, large.seconds, large.seconds / core.seconds);
        if (o.count("huge")) {
            const Outcome& huge = o["huge"];
            const bool sameHuge = huge.roadIdsHash == core.roadIdsHash && huge.pois == core.pois;
            std::printf("The huge extract (%.0f x the core's area): %s roads and poi kept, %.0f MB peak (%.2f x the "
                        "core), %.1f s\n",
                        (kHugeSideKm * kHugeSideKm) / (kCoreSideKm * kCoreSideKm),
                        sameHuge ? "the same" : "DIFFERENT", huge.peakKb / 1024.0,
                        static_cast<double>(huge.peakKb) / core.peakKb, huge.seconds);
            if (!sameHuge) return 1;
        }
        if (o.count("unclipped"))
            std::printf("Reference, the large extract unclipped: %zu roads, %.0f MB peak (%.2f x the clipped build)\n",
                        o["unclipped"].roads, o["unclipped"].peakKb / 1024.0,
                        static_cast<double>(o["unclipped"].peakKb) / large.peakKb);
        if (!same) return 1;
    }
    return 0;
}
