#pragma once
// Cluster detection (issue 6): sites close enough to share night care,
// supervision and treatment form clusters, and each cluster gets its night
// round (the shortest closed walk through its sites).
//
// The rule (docs/domain.md, "Clusters and regional selection"):
//  - sites take part when their verdict is in ClusterParams::verdicts (and
//    their scan did not fail);
//  - two sites are close when the walk between them over the roads (walking
//    ignores oneway) is at most max_walk_m both ways, or, when max_drive_min
//    is set, the drive both ways takes at most that long; without roads the
//    straight line x detour_factor stands in, marked as an estimate;
//  - complete linkage: EVERY pair of sites of a cluster is close (chains of
//    sites each close to the next are not one cluster), and the counted
//    places of a cluster are at most max_places_per_cluster; a site counts
//    its places capped at max_places_per_site (a VG7 site houses no more),
//    and a site with unknown places counts the cap;
//  - among all such partitions: the most sites in a cluster (2 or more
//    sites), then the fewest clusters, then the shortest total night rounds,
//    found exactly (dynamic programming over the subsets of each group of
//    connected sites) when such a group has at most kExactGroupingMax sites,
//    else by a labelled heuristic (greedy complete-linkage merging);
//  - the night round is exact (Held-Karp) up to kExactTourMax sites, else
//    nearest neighbour + 2-opt, labelled as a heuristic.
#include "derive/ContextIndex.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace vgscan {

inline constexpr std::size_t kExactGroupingMax = 16;
inline constexpr std::size_t kExactTourMax = 16;

// A site that takes part in cluster detection.
struct ClusterSite {
    std::string id;
    std::string name;
    std::string verdict;
    std::optional<int> places;
    Point at{0.0, 0.0};     // where the round calls: ContextIndex::sitePoint
    std::size_t index = 0;  // position in the scan's results
};

struct NightRound {
    std::vector<std::size_t> order;  // positions in Cluster::sites; the round returns to the first
    std::vector<double> legsM;       // order[k] -> order[k+1], the last back to the first
    double lengthM = 0;
    double minutes = 0;              // at walk_speed_kmh
    bool withinLimit = true;         // minutes <= night_round_max_min
    bool exact = true;
    std::string method;
    bool estimated = false;          // some leg is straight x detour factor
    LineString path;                 // closed, along the roads where known
};

struct Cluster {
    std::string id;                  // C1, C2, ... by the scan order of their first site
    std::vector<ClusterSite> sites;  // in scan order
    std::vector<int> countedPlaces;  // per site: places capped at max_places_per_site
    std::vector<std::string> notes;  // capped or unknown places
    int places = 0;                  // sum of countedPlaces
    double maxPairWalkM = 0;         // largest walk between two of its sites (both ways)
    NightRound round;
};

struct ClusterResult {
    ClusterParams params;
    std::vector<Cluster> clusters;
    std::vector<ClusterSite> alone;  // took part, but no other site can join them
    std::size_t candidates = 0;      // sites that took part
    bool estimated = false;          // some distance is straight x detour factor
    bool exact = true;               // grouping optimal under the rule above
    std::string method;              // how the grouping was found
};

// The sites of a scan that take part (verdict listed, not failed).
std::vector<ClusterSite> clusterSites(const std::vector<SiteAssessment>& sites, const ClusterParams& params);

ClusterResult findClusters(const std::vector<ClusterSite>& sites, const ContextIndex& index,
                           const ClusterParams& params);
inline ClusterResult findClusters(const std::vector<SiteAssessment>& sites, const ContextIndex& index,
                                  const ClusterParams& params) {
    return findClusters(clusterSites(sites, params), index, params);
}

// The shortest closed tour through all points of a square matrix d (row-major,
// d[i*n+j] from i to j), starting at 0: exact (Held-Karp) up to kExactTourMax
// points, else nearest neighbour + 2-opt. Exposed for tests.
NightRound shortestRound(const std::vector<double>& d, std::size_t n);

}  // namespace vgscan
