#pragma once
// The candidate locations of a regional plan (`vgscan plan`), from a scan:
// the scan's clusters, and its VG7 and ambulant sites on their own, each
// with the places it can hold after conversion or new build within the caps.
// The facts come from a scan run in process or from a scan.json, so that a
// plan can reuse a scan made earlier (a national scan takes seconds; the plan
// alone well under them).
#include "model/Model.h"
#include "plan/RegionalPlan.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace vgscan {
struct ClusterResult;
}

namespace vgscan::plan {

// What the plan needs of one site's assessment.
struct SiteFacts {
    std::string id, name, verdict;
    std::optional<int> places;     // the portfolio's current places
    std::optional<int> bedrooms;   // in the plan
    std::optional<int> vg7Places;  // vg7_places: VG7 places after conversion (as built for a VG7 design)
    bool failed = false;
    const Site* site = nullptr;    // in the portfolio (for its position)
};

struct ClusterFacts {
    std::string id;
    std::vector<std::string> sites;
};

struct LocationRules {
    // rule set "clusters": verdicts (the sites that can house VG7), as the scan's clusters take them
    std::vector<std::string> vg7Verdicts = defaultVg7Verdicts();
    int maxPlacesPerSite = 21;     // rule set "clusters": max_places_per_site ([000] about 21 residents)
    int maxPlacesPerCluster = 42;  // rule set "clusters": max_places_per_cluster (assumption)
    int newGroupPlaces = 6;        // a new-build group on a plot with room for one (requirements B14)

    // ClusterParams' verdicts by name: the default when no rule set says otherwise.
    static std::vector<std::string> defaultVg7Verdicts();
    // The rule set's clusters block.
    void take(const ClusterParams& clusters);
};

std::vector<SiteFacts> factsFromScan(const std::vector<SiteAssessment>& sites);
std::vector<ClusterFacts> clustersFromScan(const ClusterResult& r);

// From a scan.json (io: readScanJson): every site must be in the portfolio
// and every site of the portfolio in the scan (else InputError naming the
// file and the sites); the caps from its
// cluster_detection parameters (caps and verdicts) when recorded.
// The scan.json paths the three functions below read (for readScanJson's
// `keep`: the rest of the file is skipped).
const std::vector<std::string>& scanJsonFields();
std::vector<SiteFacts> factsFromScanJson(const QJsonObject& scan, const Portfolio& portfolio, const std::string& file);
std::vector<ClusterFacts> clustersFromScanJson(const QJsonObject& scan);
void rulesFromScanJson(const QJsonObject& scan, LocationRules& rules);

// Why a kind has no candidate location, for the message: the scan's verdicts
// counted, under the rule set that gave them ("ruleset" in scan.json).
// The VG7 verdicts it names are the rules' (clusters.verdicts).
std::string noCandidates(Kind kind, const std::vector<SiteFacts>& facts, const std::string& ruleset,
                         const LocationRules& rules);

// The VG7 places a site holds after conversion or new build, uncapped; 0 when
// its verdict is not one of the rules' VG7 verdicts, or one without places
// (fits_vg7 as built, convert_vg7 after conversion, cluster a new group). `how` says how they were counted (English, marked).
int vg7Places(const SiteFacts& s, const LocationRules& rules, const char*& how);
// The places for clustered ambulant living (verdict ambulant): its current places.
int ambulantPlaces(const SiteFacts& s, const char*& how);

// A location's basis as text ("as built"; for a cluster "S01 6 after
// conversion (vg7_places); S03 6 ..."): English for plan.json, or
// `translated` in the reader's language for plan.html.
std::string basisText(const std::vector<PlacesBasis>& basis, bool translated);

struct CandidateLocations {
    std::vector<Location> locations;
    std::vector<std::vector<std::size_t>> members;  // per location: indices into the facts
    std::vector<std::string> notes;                 // sites left out and why
};

// Clusters first (a cluster is one location: its sites' places summed within
// the per-cluster cap), then the VG7 sites alone, then the ambulant sites.
CandidateLocations candidateLocations(const std::vector<SiteFacts>& facts, const std::vector<ClusterFacts>& clusters,
                                      const LocationRules& rules);

}  // namespace vgscan::plan
