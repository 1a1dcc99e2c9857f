#pragma once
// Regional selection on a portfolio (`vgscan select PORTFOLIO`): candidates
// are the scan's convert_vg7 / cluster sites plus extra plots from a file;
// demand comes from the portfolio's `demand` layer or a file; costs are
// travel distances along the road network, one Dijkstra per candidate
// (ContextIndex::routes), or the straight line x detour factor, marked as an
// estimate, where the roads give no route.
#include "derive/ContextIndex.h"
#include "io/InputError.h"
#include "model/Model.h"
#include "scan/Engine.h"
#include "select/Selection.h"

#include <string>
#include <vector>

namespace vgscan::select {

// Problems with many items of one input (points of a file, sites of a
// portfolio): the first ten named, the rest counted in one more issue, "and
// 2,990 more demand points with errors": a file of thousands of points in the
// wrong CRS, or a scan of another portfolio, would bury the message.
class NamedIssues {
public:
    // `rest` says what the uncounted items are: "demand points with errors".
    NamedIssues(std::string file, std::string rest) : file_(std::move(file)), rest_(std::move(rest)) {}
    // `make()` gives the issue; called only for one that is named.
    template <class Make>
    void add(Make&& make) {
        if (named_.size() < kNamed)
            named_.push_back(make());
        else
            ++more_;
    }
    bool empty() const { return named_.empty(); }
    // Throws InputError with the named issues and the count, if any.
    void throwIfAny() const;

private:
    static constexpr std::size_t kNamed = 10;
    std::string file_, rest_;
    std::vector<InputIssue> named_;
    std::size_t more_ = 0;
};

// A point read from a candidates or demand file.
struct PlacePoint {
    std::string id;
    std::string name;
    double weight = 1.0;  // demand only
    Point at{0.0, 0.0};
};

// Reads points, or polygons (their centroid), each with an `id` (candidates:
// required; demand: the feature number when absent) and, for demand, a
// `weight` >= 0 (1 when absent). Reprojected to `targetWkt`; a file without
// a CRS (or GeoJSON without a "crs" member) is taken to be in it. Throws
// InputError naming the file and feature.
// Where the CRS of points came from, for the advice when they lie far away.
enum class PlacesCrs {
    Implied,         // a file without one, taken to be in the portfolio's
    Declared,        // the file's own (reprojected when it differs)
    PortfolioLayer,  // a layer of the portfolio
};
std::vector<PlacePoint> readPlaces(const std::string& path, const std::string& targetWkt, bool demand,
                                   PlacesCrs* crs = nullptr);

// Points read in the wrong CRS (longitude/latitude in degrees taken as
// metres, or another projection) land far from every site, and each of their
// costs becomes a straight-line estimate from there: a choice for clients who
// are not there. Throws InputError naming `file` and `object` (e.g. "layer
// 'demand'") when no place lies within kFarFromSitesM of the box around the
// portfolio's sites; `what` names the places ("demand point").
inline constexpr double kFarFromSitesM = 100000.0;  // assumption: a region's clients are within 100 km of its sites
void checkPlacesNearSites(const std::vector<PlacePoint>& places, const Portfolio& portfolio, const std::string& file,
                          const std::string& object, const std::string& what, PlacesCrs crs);

struct PortfolioCandidate {
    std::string id;
    std::string name;
    std::string verdict;  // the scan's verdict; "extra" for a plot from --candidates
    Point at{0.0, 0.0};
};

struct PortfolioCosts {
    std::vector<float> cost;        // candidates x demand, metres
    std::vector<float> separation;  // candidates x candidates, metres (when asked)
    bool estimated = false;         // some cost is straight x detour factor
    std::size_t estimatedPairs = 0;
};

// The scan's sites whose verdict is one of `verdicts`; failed sites never.
std::vector<PortfolioCandidate> candidatesFromScan(const std::vector<SiteAssessment>& sites,
                                                   const std::vector<Verdict>& verdicts);
// The portfolio's `demand` layer as places (every point, whatever its weight).
std::vector<PlacePoint> demandFromLayer(const Context& context);

// Costs from each candidate to each demand point: one search per candidate
// over the network (driving follows oneway, walking does not).
PortfolioCosts portfolioCosts(const std::vector<PortfolioCandidate>& candidates,
                              const std::vector<PlacePoint>& demand, const ContextIndex& index, bool walking,
                              double detourFactor, bool withSeparation);

// Sets a problem's candidate and demand ids, weights, costs and separation.
void setMatrix(Problem& problem, const std::vector<PortfolioCandidate>& candidates,
               const std::vector<PlacePoint>& demand, PortfolioCosts costs);

}  // namespace vgscan::select
