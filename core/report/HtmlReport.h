#pragma once
// One self-contained HTML page per scan or per checked plan: inline CSS, JS
// and SVG, no network, so it opens from a USB stick. The page shows the
// portfolio (counts, a sortable and filterable table, a map), one section per
// building (plans to scale with each rule's evidence drawn on them, the rule
// table, the verdict, the plot), the rule set with its sources, and the input
// files with SHA-256 checksums so a report can be traced to what made it.
// Rules are drawn generically from their results: no rule is named here.
#include "scan/Engine.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vgscan {

struct ScanDiff;

struct ClusterResult;
struct ScanSelection;
class ContextIndex;

struct HtmlReportInput {
    const Portfolio* portfolio = nullptr;
    const RuleSet* ruleset = nullptr;
    const std::vector<SiteAssessment>* sites = nullptr;
    std::string version;  // the vgscan version that made the report
    const ClusterResult* clusters = nullptr;  // optional: drawn on the map and listed
    const ScanSelection* selection = nullptr;  // optional: the chosen cluster sites, ringed on the map
    // When the run was made (UTC, ISO 8601), the one part of the page that
    // differs between two runs on the same input; empty: runTimestamp().
    std::string timestamp = {};
    // The index whose R-trees give each site map its roads and POIs (built
    // here from the portfolio's context when null).
    const ContextIndex* index = nullptr;
    // Buildings per page: 0 puts them all on the main page up to
    // kOnePageMaxSites sites, else on pages of kSitesPerPage.
    std::size_t sitesPerPage = 0;
    // The scan's other files (scan.json, sites.csv, sites_nl.csv,
    // sites.gpkg) are written beside the report: link them and say which
    // to open where.
    bool scanFiles = false;
    // The portfolio reader's problems (rows left out), shown in the overview.
    const std::vector<InputIssue>* inputIssues = nullptr;
    // What changed since an earlier scan (report/ScanDiff.h): a section
    // after the overview.
    const ScanDiff* since = nullptr;
};

inline constexpr std::size_t kOnePageMaxSites = 500;
inline constexpr std::size_t kSitesPerPage = 250;

// The portfolio report as pages made one by one, in any order and from
// several threads at once: 0 is the main page (`mainName`, e.g.
// report.html), then the pages of buildings (report-sites-0001.html, ...)
// of a large portfolio, which the main page links to.
// How the main page's table data (JSON in a script element) is made:
// written directly (Direct), or the former way through Qt's JSON classes
// (Qt), kept as the reference of tests and bench_scan_files. The same bytes.
enum class TableDataWay { Direct, Qt };
// How a site's section of buildings is made: its drawings and rule table
// appended part by part to a buffer each thread keeps (Appended), or the
// former way (Joined: each drawing and row a text of its own made of joined
// temporaries, then copied into a new section), kept as the reference of
// tests and bench_scan_files. The same bytes.
enum class SectionWay { Appended, Joined };

class HtmlReportPages {
public:
    HtmlReportPages(const HtmlReportInput& in, std::string mainName);
    ~HtmlReportPages();
    std::size_t count() const;
    std::string name(std::size_t k) const;
    std::string page(std::size_t k) const;
    // The same text in pieces (a page of buildings: one per site), to be
    // written one after the other without joining them first.
    std::vector<std::string> pieces(std::size_t k) const;
    // The pieces one by one, in any order and from several threads: page k
    // has pieceCount(k) of them, pieces(k)[j] == piece(k, j).
    std::size_t pieceCount(std::size_t k) const;
    std::string piece(std::size_t k, std::size_t j, SectionWay way = SectionWay::Appended) const;
    // The main page's table data, as the page embeds it.
    std::string tableData(TableDataWay way) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Receives each page of a report: its file name and its text.
using HtmlPageSink = std::function<void(const std::string& name, const std::string& text)>;

// The portfolio report as pages: `mainName` (e.g. report.html) first, then,
// for a large portfolio, the pages of buildings (report-sites-0001.html, ...)
// that the main page links to.
void htmlReport(const HtmlReportInput& in, const std::string& mainName, const HtmlPageSink& sink);

// Now in UTC as ISO 8601 ("2026-03-01T12:00:00Z"), or the time given by the
// SOURCE_DATE_EPOCH environment variable (seconds since 1970), so that two
// runs can be made byte-identical.
std::string runTimestamp();

// The portfolio report (`vgscan scan` → report.html), its pages of
// buildings beside it. Throws std::runtime_error naming `path` when it
// cannot be written.
void writeHtmlReport(const std::string& path, const HtmlReportInput& in);

// The page for one checked plan (`vgscan check PLAN --out DIR`).
void writeCheckHtml(const std::string& path, const FloorPlan& plan, const BuildingAssessment& a,
                    const RuleSet& rs, const std::string& version);

// --- Building blocks shared by the Html*.cpp files (not an API) -------------
namespace html {

// Text and attribute values: & < > " ' escaped, so names from user files
// never become markup (control characters other than tab and newline become
// spaces). The runs between such bytes are appended whole.
std::string esc(const std::string& s);
// esc(s) appended to `out`.
void appendEsc(std::string& out, std::string_view s);
// The former way, byte by byte (the reference of tests and bench_report_text).
std::string escByByte(const std::string& s);
// A number with at most `decimals` digits after the point, no trailing zeros.
std::string num(double v, int decimals = 2);
// num(v, decimals) appended to `out`.
void appendNum(std::string& out, double v, int decimals = 2);
// The former way, std::to_chars for every number (the reference of tests and
// bench_report_text).
std::string numToChars(double v, int decimals = 2);
// Parts of markup appended to a text in order, without a joined temporary
// (a site's section is some hundred kB written from thousands of parts):
// text as it is, Esc{t} as esc(t), Num{v, d} as num(v, d).
struct Esc {
    std::string_view text;
};
struct Num {
    double value;
    int decimals = 2;
};
inline void appendPart(std::string& out, std::string_view t) { out += t; }
inline void appendPart(std::string& out, char c) { out += c; }
inline void appendPart(std::string& out, Esc e) { appendEsc(out, e.text); }
inline void appendPart(std::string& out, Num n) { appendNum(out, n.value, n.decimals); }
template <class... Parts>
void cat(std::string& out, const Parts&... parts) {
    (appendPart(out, parts), ...);
}
// A fragment id made from any text: [A-Za-z0-9_-] kept, every other byte as
// _xx, so distinct texts give distinct ids.
std::string slug(const std::string& s);
// At most `maxChars` characters of UTF-8 text; a longer one is cut on a
// character boundary (never inside a multi-byte character) and ends in '…'.
std::string clipped(const std::string& s, std::size_t maxChars);

// Where an SVG view's local metres come from: world/plan minus `origin`,
// y up inside a group flipped with scale(1,-1).
struct View {
    double minX = 0, minY = 0, maxX = 1, maxY = 1;  // the extent shown (incl. padding)
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    // Coordinates inside the flipped group; text goes outside it at (x, -y).
    double x(double wx) const { return wx - minX; }
    double y(double wy) const { return wy - minY; }
    void include(double x, double y);
    void pad(double metres);
    bool empty() const { return minX > maxX; }
    static View none() { return View{1e300, 1e300, -1e300, -1e300}; }
};

// The vertices of `line` that change its drawing in view v, for an SVG
// polyline: a run of vertices far outside the view (beyond one view size
// from it, where no aspect ratio of the figure shows anything) and on one
// side of it is kept by its first and last vertex (the straight line between
// them stays on that side), and a vertex within 1 mm of the straight line
// between the vertices kept around it is left out. A route along the roads
// of a national grid drawn on a plot 70 m wide had hundreds of vertices,
// most of them 40 km away or on a straight road.
LineString drawnLine(const View& v, const LineString& line);

// Evidence to draw on one view: shapes and numbered finding markers.
struct Mark {
    int number = 0;         // the finding's number in the building's rule table
    std::string href;       // #id of the finding row
    std::string title;      // tooltip
    std::string cssClass;   // status class
    Point at{0, 0};
};
struct Evidence {
    int ruleIndex = 0;  // colour index
    std::string title;  // tooltip
    const Shape* shape = nullptr;
    bool world = false;  // plan coordinates to be placed with `placement`
};

// A colour for the i-th rule-set entry (shapes and the legend beside them).
std::string ruleColour(int i);
const char* useColour(SpaceUse use);
const char* verdictColour(const std::string& verdictWord);

// SVG of one storey of a plan, to scale, with evidence and markers. `north`
// is the world north in plan coordinates when the plan is placed.
std::string planSvg(const FloorPlan& plan, int storey, const View& view, const std::vector<Evidence>& shapes,
                    const std::vector<Mark>& marks, const std::optional<PlanPlacement>& placement,
                    const std::string& caption);
// planSvg appended to `out` part by part (no temporary of each element).
void appendPlanSvg(std::string& out, const FloorPlan& plan, int storey, const View& view,
                   const std::vector<Evidence>& shapes, const std::vector<Mark>& marks,
                   const std::optional<PlanPlacement>& placement, const std::string& caption);
// The close view of a site: plot, footprints and the placed plan (world
// coordinates); empty without any geometry.
View plotView(const Site& site, const FloorPlan* plan);
// A wider view when site evidence reaches beyond `close` (shapes up to 5 km
// around it, every marker); empty when everything fits the close view.
View surroundingsView(const View& close, const std::vector<Evidence>& shapes, const std::vector<Mark>& marks);
bool contains(const View& v, const Point& p);
// A site's map draws at most this many road segments; a wider window keeps
// the more important classes only, and says so on the map.
inline constexpr std::size_t kMaxWindowSegments = 1500;
// ... and at most this many points of interest: the ones nearest the site
// (a wide window in a national layer holds hundreds), saying so on the map.
// The POIs a finding names keep their numbered markers.
inline constexpr std::size_t kMaxWindowPois = 50;
// SVG of a site in world coordinates: plot, footprints, the placed plan
// faintly, roads and POIs of the context, site-rule evidence and the
// markers that fall inside the view.
std::string plotSvg(const Site& site, const FloorPlan* plan, const ContextIndex* index, const View& view,
                    const std::vector<Evidence>& shapes, const std::vector<Mark>& marks, const std::string& title);
// plotSvg appended to `out` part by part; nothing for an empty view.
void appendPlotSvg(std::string& out, const Site& site, const FloorPlan* plan, const ContextIndex* index,
                   const View& view, const std::vector<Evidence>& shapes, const std::vector<Mark>& marks,
                   const std::string& title);
// The overview map draws the roads and POIs up to these counts; beyond them
// (a national layer) it leaves them out and says so: each site's own map
// still shows those around it.
inline constexpr std::size_t kMapMaxRoadVertices = 200000;
inline constexpr std::size_t kMapMaxPois = 20000;
std::size_t roadVertices(const Context& c);
bool mapDrawsRoads(const Context& c);
bool mapDrawsPois(const Context& c);
// Where the overview map puts each site, in the map's SVG units (metres
// from the view's corner, y down), laid out once at the zoom the page opens
// with. Sites on one spot (a campus: markers that would overlap) get their
// markers on a small circle around the spot, each with a leader line to its
// true point, so that each can be clicked; every label takes the first of 8
// places around its marker that covers no other label or marker, or is left
// out (the marker's tooltip still names the site).
struct MapPlace {
    bool drawn = false;          // the site has geometry
    double x = 0, y = 0;         // the site's point
    double mx = 0, my = 0;       // its marker
    bool spread = false;         // marker moved off the point (leader line)
    bool labelled = false;       // a free place for the label was found
    double lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;  // the label's box
};
struct MapLayout {
    View view = View::none();
    double unit = 1.0;           // about 12 px at the page's size, in metres
    double markerRadius = 0.0;
    std::vector<MapPlace> places;  // one per site, in the sites' order
};
MapLayout mapLayout(const std::vector<SiteAssessment>& sites);
// Where each cluster's id goes on the overview map: near the start of its
// night round, at the first of 8 places inside the map that covers no site
// marker or label, no other cluster's id, the scale bar or the north arrow.
// None is drawn where every place is taken (a national portfolio's grid of
// clusters): the clusters table lists it, and its round's tooltip names it.
struct MapClusterLabel {
    std::string id;
    double px = 0, py = 0;  // the round's start, which the page's script scales the label about
    double fontSize = 0;
    bool shown = false;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // its box
};
std::vector<MapClusterLabel> mapClusterLabels(const MapLayout& L, const ClusterResult& clusters);
// SVG map of every site coloured by verdict, with roads and POIs faintly.
// With clusters, their night rounds are drawn as lines labelled with the cluster id;
// the `selected` site ids (the regional choice) get a ring.
// `hrefs`: where each site's section is ("#site-x" or "report-sites-0002.html#site-x").
std::string mapSvg(const Portfolio& p, const std::vector<SiteAssessment>& sites,
                   const std::vector<std::string>& verdicts, const std::vector<std::string>& hrefs,
                   const ClusterResult* clusters = nullptr, const std::vector<std::string>& selected = {});
// The extent of all storeys of a plan (spaces, openings, posts).
View planView(const FloorPlan& plan);
// Tall plans are shown narrower, storeys side by side.
bool narrowPlan(const View& v);

extern const char* const kCss;
extern const char* const kJs;

}  // namespace html

}  // namespace vgscan
