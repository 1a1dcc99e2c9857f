#include "scan/Engine.h"

#include "derive/BuildingGraph.h"
#include "derive/ContextIndex.h"
#include "io/PlanReader.h"
#include "rules/RuleRegistry.h"

#include <algorithm>

namespace vgscan {

struct Engine::Prepared {
    const RuleEntry* entry = nullptr;
    const RuleInfo* info = nullptr;
    std::unique_ptr<Rule> rule;
    Params params;
    std::string error;  // why this entry cannot run
};

Engine::Engine(const RuleRegistry& registry, const RuleSet& ruleset) : registry_(registry), ruleset_(ruleset) {
    for (const auto& e : ruleset_.rules) {
        auto p = std::make_unique<Prepared>();
        p->entry = &e;
        try {
            p->info = &registry_.info(e.rule);
            p->params = registry_.resolveParams(e.rule, e.parameters);
            p->rule = registry_.create(e.rule);
        } catch (const std::exception& ex) {
            p->error = ex.what();
        }
        prepared_.push_back(std::move(p));
    }
}

Engine::~Engine() = default;

std::vector<EvaluatedRule> Engine::run(const FloorPlan* plan, const Site* site, const ContextIndex* index,
                                       bool siteRules) const {
    const Context* context = index ? &index->context() : nullptr;
    std::unique_ptr<BuildingGraph> graph;
    if (plan) graph = std::make_unique<BuildingGraph>(*plan);
    std::vector<EvaluatedRule> out;
    for (const auto& p : prepared_) {
        EvaluatedRule r;
        r.entry = p->entry;
        if (p->info) {
            r.version = p->info->version;
            r.scope = p->info->scope;
        }
        r.result.status = Status::Unknown;
        if (!p->error.empty()) {
            r.error = p->error;
            r.result.summary = "rule could not run";
            out.push_back(std::move(r));
            continue;
        }
        if (!siteRules && p->info->scope == "site") {
            r.inScope = false;
            r.result.summary = "site rule: not run on a plan alone";
            out.push_back(std::move(r));
            continue;
        }
        r.result.unit = p->info->unit;
        const auto& needs = p->info->needs;
        if (!plan && std::find(needs.begin(), needs.end(), "plan") != needs.end()) {
            r.result.summary = "no floor plan for this site";
            out.push_back(std::move(r));
            continue;
        }
        RuleContext ctx(plan, graph.get(), site, context, p->params, index);
        try {
            r.result = p->rule->evaluate(ctx);
            if (r.result.unit.empty()) r.result.unit = p->info->unit;
        } catch (const std::exception& ex) {
            r.result = RuleResult{};
            r.error = "rule '" + p->entry->rule + "' failed on " + (plan ? plan->name : site ? site->id : "?") +
                      ": " + ex.what();
        } catch (...) {
            r.result = RuleResult{};
            r.error = "rule '" + p->entry->rule + "' failed with an unknown exception";
        }
        out.push_back(std::move(r));
    }
    return out;
}

BuildingAssessment Engine::check(const FloorPlan& plan) const {
    BuildingAssessment a;
    a.building = plan.name;
    a.source = plan.source;
    a.results = run(&plan, nullptr, nullptr, /*siteRules=*/false);
    a.classification = classify(ruleset_, a.results);
    return a;
}

SiteAssessment Engine::scan(const Site& site, const Context& context) const {
    ContextIndex index(context);
    return scan(site, index);
}

SiteAssessment Engine::scan(const Site& site, const ContextIndex& index) const {
    SiteAssessment a;
    a.site = &site;
    auto plan = std::make_shared<FloorPlan>();
    bool hasPlan = !site.planFile.empty();
    if (hasPlan) {
        try {
            *plan = loadPlan(site.planFile, &a.issues);
        } catch (const InputError& e) {
            a.failed = true;
            a.issues.insert(a.issues.end(), e.issues().begin(), e.issues().end());
        } catch (const std::exception& e) {
            a.failed = true;
            a.issues.push_back({site.planFile, "site '" + site.id + "'", e.what(), true});
        }
    }
    if (a.failed) {
        a.classification.verdict = Verdict::NeedsData;
        a.classification.reasons.push_back("site not assessed: its floor plan has errors (" +
                                           a.issues.front().str() + ")");
        return a;
    }
    if (hasPlan) {
        a.bedrooms = static_cast<int>(std::count_if(plan->spaces.begin(), plan->spaces.end(),
                                                    [](const Space& s) { return s.use == SpaceUse::Bedroom; }));
        a.plan = plan;
    }
    a.results = run(hasPlan ? plan.get() : nullptr, &site, &index, /*siteRules=*/true);
    a.classification = classify(ruleset_, a.results);
    const int places = a.bedrooms > 0 ? a.bedrooms : site.places.value_or(0);
    a.friction = estimateFriction(ruleset_, a.classification.verdict, places, a.results);
    return a;
}

}  // namespace vgscan
