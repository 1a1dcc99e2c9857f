#pragma once
// A whole portfolio scan as one object: portfolio in, every site's
// assessment, the clusters and the regional choice out. The CLI, a test, a
// server or a QGIS plugin call it the same way; writing files is separate
// (report/ScanFiles.h).
//
//   ScanPipeline pipeline(registry, ruleset);
//   ScanResult result = pipeline.run(portfolio);
//
// Sites are assessed in parallel on a small pool of threads: the rules are
// const, the rule set and registry are read only, and the context index is
// shared read-only (its caches are built once, under std::call_once). Each
// result lands in its input position, so the output does not depend on the
// number of threads or on which thread finished first.
#include "cluster/Clusters.h"
#include "derive/ContextIndex.h"
#include "scan/Budget.h"
#include "scan/Engine.h"
#include "select/ScanSelection.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace vgscan {

class RuleRegistry;

struct ScanOptions {
    // Threads assessing sites; 0: one per core (std::thread::hardware_concurrency).
    unsigned threads = 0;
    // Time and size per site; a site over it fails alone (Budget.h).
    SiteBudget budget;
    // Called after each site is assessed, one call at a time (from any
    // worker): sites done so far, all sites, and the site just done.
    std::function<void(std::size_t done, std::size_t total, const SiteAssessment&)> onSite;
    // run() leaves the regional choice (ScanResult::selection) to the caller,
    // who makes it with chooseForScan: the scan's files that do not show it
    // are written meanwhile (the choice is single-threaded work after every
    // site is assessed, with a core free).
    bool choiceLater = false;
};

struct ScanResult {
    std::vector<SiteAssessment> sites;  // in the portfolio's order
    ClusterResult clusters;
    ScanSelection selection;
    std::size_t failed = 0;             // sites that could not be assessed
    unsigned threads = 1;               // threads used
    // The index the sites were assessed with (roads R-tree for the report's
    // map windows); refers to the portfolio's context.
    std::shared_ptr<const ContextIndex> index;
};

// The portfolio pass of the routes: a site whose verdict waits on being in a
// cluster (Classification::ifClustered, e.g. convert_vg7 when its plot takes
// no second house) takes part in cluster detection with that verdict; in a
// cluster of two or more sites it is classified again as clustered, else it
// keeps its verdict on its own. Returns how many sites changed verdict;
// `reclassified` (when given) gets the index of every site classified again.
std::size_t settleClusterRoutes(std::vector<SiteAssessment>& sites, const RuleSet& rs, const ContextIndex& index,
                                std::vector<std::size_t>* reclassified = nullptr);

// The regional choice of a scan's result (selectForScan on its sites and index).
void chooseForScan(ScanResult& r, const Portfolio& portfolio);

class ScanPipeline {
public:
    ScanPipeline(const RuleRegistry& registry, const RuleSet& ruleset, ScanOptions options = {});
    ~ScanPipeline();

    // The portfolio must outlive the result: assessments point at its sites.
    ScanResult run(const Portfolio& portfolio) const;
    // The sites only, in input order, with the caller's index (e.g. `vgscan
    // select` adds its own candidates afterwards).
    std::vector<SiteAssessment> assess(const Portfolio& portfolio, const ContextIndex& index) const;

    // The threads a run would use for n sites.
    unsigned threadsFor(std::size_t sites) const;

private:
    std::vector<SiteAssessment> assessSites(const Portfolio& portfolio, const ContextIndex& index,
                                            bool withSensitivity) const;

    const RuleSet& ruleset_;
    ScanOptions options_;
    std::unique_ptr<Engine> engine_;
    std::unique_ptr<SensitivityModel> sensitivity_;
};

}  // namespace vgscan
