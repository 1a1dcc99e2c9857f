#include "scan/ScanPipeline.h"

#include "rules/RuleRegistry.h"
#include "scan/Timing.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

namespace vgscan {

namespace {

// Runs work(0) here and work(1..threads-1) on their own threads, and waits.
template <class Work>
void onWorkers(unsigned threads, Work work) {
    std::vector<std::thread> pool;
    pool.reserve(threads > 0 ? threads - 1 : 0);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0u);
    for (auto& t : pool) t.join();
}

}  // namespace

ScanPipeline::ScanPipeline(const RuleRegistry& registry, const RuleSet& ruleset, ScanOptions options)
    : ruleset_(ruleset),
      options_(std::move(options)),
      engine_(std::make_unique<Engine>(registry, ruleset)),
      sensitivity_(std::make_unique<SensitivityModel>(ruleset, registry)) {}

ScanPipeline::~ScanPipeline() = default;

unsigned ScanPipeline::threadsFor(std::size_t sites) const {
    unsigned n = options_.threads;
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, sites)));
}

std::vector<SiteAssessment> ScanPipeline::assess(const Portfolio& portfolio, const ContextIndex& index) const {
    return assessSites(portfolio, index, /*withSensitivity=*/false);
}

std::vector<SiteAssessment> ScanPipeline::assessSites(const Portfolio& portfolio, const ContextIndex& index,
                                                      bool withSensitivity) const {
    const std::size_t n = portfolio.sites.size();
    std::vector<SiteAssessment> results(n);
    std::atomic<std::size_t> next{0};
    std::mutex reportMutex;
    std::size_t done = 0;
    std::exception_ptr error;  // a bug (Engine::scan does not throw on bad input)
    // Odd workers run each site's rules last to first. The context index
    // builds what a rule asks for on first use (a multi-source search per POI
    // filter) while other threads asking for the same thing wait: started
    // from opposite ends, two workers build different searches at the same
    // time instead of one after the other. The results do not change.
    auto work = [&](unsigned worker) {
        const auto order = worker % 2 ? Engine::RuleOrder::Reversed : Engine::RuleOrder::RuleSet;
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= n) return;
            try {
                results[i] = engine_->scan(portfolio.sites[i], index, options_.budget, order);
                // Right away, in the same task: from the stored figures only
                // (no geometry runs again), and no thread waits for the last site.
                SiteAssessment& a = results[i];
                if (withSensitivity && !a.failed && a.site)
                    a.sensitivity = sensitivity_->assess(a.results, a.classification, a.site->id);
            } catch (...) {
                std::lock_guard<std::mutex> lock(reportMutex);
                if (!error) error = std::current_exception();
                next.store(n);  // stop the others early
                return;
            }
            std::lock_guard<std::mutex> lock(reportMutex);
            ++done;
            if (options_.onSite) options_.onSite(done, n, results[i]);
        }
    };
    onWorkers(threadsFor(n), work);
    if (error) std::rethrow_exception(error);
    return results;
}

std::size_t settleClusterRoutes(std::vector<SiteAssessment>& sites, const RuleSet& rs, const ContextIndex& index,
                                std::vector<std::size_t>* reclassified) {
    std::vector<ClusterSite> candidates = clusterSites(sites, rs.clusters);
    std::set<std::size_t> taking;
    for (const auto& c : candidates) taking.insert(c.index);
    bool pending = false;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const SiteAssessment& a = sites[i];
        if (a.failed || !a.site || !a.classification.ifClustered) continue;
        pending = true;
        if (!taking.count(i))
            candidates.push_back({a.site->id, a.site->name, toString(*a.classification.ifClustered), a.site->places,
                                  ContextIndex::sitePoint(*a.site), i});
    }
    if (!pending) return 0;
    std::sort(candidates.begin(), candidates.end(),
              [](const ClusterSite& x, const ClusterSite& y) { return x.index < y.index; });
    const ClusterResult found = findClusters(candidates, index, rs.clusters);
    std::size_t changed = 0;
    for (const auto& cluster : found.clusters) {
        if (cluster.sites.size() < 2) continue;
        for (const auto& cs : cluster.sites) {
            SiteAssessment& a = sites[cs.index];
            if (!a.classification.ifClustered) continue;
            Classification c = classify(rs, a.results, /*inCluster=*/true);
            std::string with;
            for (const auto& other : cluster.sites)
                if (other.index != cs.index) with += (with.empty() ? "" : ", ") + other.id;
            c.reasons.insert(c.reasons.begin() + 1, "in cluster " + cluster.id + " with " + with);
            changed += c.verdict != a.classification.verdict;
            a.classification = std::move(c);
            if (reclassified) reclassified->push_back(cs.index);
            const int places = a.bedrooms > 0 ? a.bedrooms : a.site->places.value_or(0);
            a.friction = estimateFriction(rs, a.classification.verdict, places, a.results);
        }
    }
    return changed;
}

ScanResult ScanPipeline::run(const Portfolio& portfolio) const {
    ScanResult r;
    auto index = std::make_shared<ContextIndex>(portfolio.context);  // once for all sites
    if (!portfolio.context.roads.empty()) {
        // Built here rather than by the first site that asks, so that no
        // site's time budget pays for it.
        const PhaseTimer t("road network");
        index->buildNetwork(threadsFor(portfolio.sites.size()));
    }
    r.threads = threadsFor(portfolio.sites.size());
    {
        const PhaseTimer t("assess sites");
        r.sites = assessSites(portfolio, *index, /*withSensitivity=*/true);
    }
    std::vector<std::size_t> reclassified;
    {
        const PhaseTimer t("routes that need a cluster");
        settleClusterRoutes(r.sites, ruleset_, *index, &reclassified);
    }
    {
        // The sites classified again in a cluster: their sensitivity again,
        // from their new classification (each site's draws are seeded by its
        // id, so the answer is what it would have been computed here first).
        const PhaseTimer t("sensitivity after clusters");
        std::atomic<std::size_t> next{0};
        onWorkers(threadsFor(reclassified.size()), [&](unsigned) {
            for (std::size_t k; (k = next.fetch_add(1)) < reclassified.size();) {
                SiteAssessment& a = r.sites[reclassified[k]];
                if (!a.failed && a.site) a.sensitivity = sensitivity_->assess(a.results, a.classification, a.site->id);
            }
        });
    }
    r.failed = static_cast<std::size_t>(
        std::count_if(r.sites.begin(), r.sites.end(), [](const SiteAssessment& a) { return a.failed; }));
    {
        const PhaseTimer t("clusters");
        r.clusters = findClusters(r.sites, *index, ruleset_.clusters);
    }
    r.index = std::move(index);
    if (!options_.choiceLater) chooseForScan(r, portfolio);
    return r;
}

void chooseForScan(ScanResult& r, const Portfolio& portfolio) {
    const PhaseTimer t("regional choice");
    r.selection = selectForScan(portfolio, r.sites, *r.index);
}

}  // namespace vgscan
