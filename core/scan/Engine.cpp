#include "scan/Engine.h"

#include "derive/BuildingGraph.h"
#include "derive/ContextIndex.h"
#include "derive/LocalOrigin.h"
#include "derive/Placement.h"
#include "io/PlanReader.h"
#include "rules/RuleRegistry.h"

#include <QtGlobal>  // QT_TRANSLATE_NOOP: the summary is shown to people

#include <algorithm>
#include <filesystem>
#include <new>
#include <optional>

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
                                       bool siteRules, RuleOrder order) const {
    const Context* context = index ? &index->context() : nullptr;
    // A plan far from (0, 0) (drawn in RD) is computed near it and the
    // building rules' locations are moved back (derive/LocalOrigin.h).
    std::optional<FloorPlan> local;
    const Point origin = plan ? localOrigin(*plan) : Point(0.0, 0.0);
    if (origin.x() != 0.0 || origin.y() != 0.0) plan = &local.emplace(movedToOrigin(*plan, origin));
    std::unique_ptr<BuildingGraph> graph;
    if (plan) {
        graph = std::make_unique<BuildingGraph>(*plan);
        budget::checkNow("deriving the building graph");
    }
    std::vector<EvaluatedRule> out(prepared_.size());
    for (std::size_t k = 0; k < prepared_.size(); ++k) {
        const std::size_t at = order == RuleOrder::Reversed ? prepared_.size() - 1 - k : k;
        const auto& p = prepared_[at];
        EvaluatedRule& r = out[at];
        r.entry = p->entry;
        if (p->info) {
            r.version = p->info->version;
            r.scope = p->info->scope;
        }
        r.result.status = Status::Unknown;
        if (!p->error.empty()) {
            r.error = p->error;
            r.result.summary = QT_TRANSLATE_NOOP("rules", "rule could not run");
            continue;
        }
        if (!siteRules && p->info->scope == "site") {
            r.inScope = false;
            r.result.summary = QT_TRANSLATE_NOOP("rules", "site rule: not run on a plan alone");
            continue;
        }
        r.result.unit = p->info->unit;
        const auto& needs = p->info->needs;
        if (!plan && std::find(needs.begin(), needs.end(), "plan") != needs.end()) {
            r.result.summary = QT_TRANSLATE_NOOP("rules", "no floor plan for this site");
            continue;
        }
        RuleContext ctx(plan, graph.get(), site, context, p->params, index);
        try {
            r.result = p->rule->evaluate(ctx);
            if (r.result.unit.empty()) r.result.unit = p->info->unit;
            if (local && p->info->scope != "site") moveBack(r.result, origin);
        } catch (const BudgetExceeded&) {
            throw;  // the whole site fails, not one rule
        } catch (const std::exception& ex) {
            r.result = RuleResult{};
            r.error = "rule '" + p->entry->rule + "' failed on " + (plan ? plan->name : site ? site->id : "?") +
                      ": " + ex.what();
        } catch (...) {
            r.result = RuleResult{};
            r.error = "rule '" + p->entry->rule + "' failed with an unknown exception";
        }
        budget::checkNow(("running rule '" + p->entry->key + "'").c_str());
    }
    return out;
}

BuildingAssessment Engine::check(const FloorPlan& plan) const {
    BuildingAssessment a;
    a.building = plan.name;
    a.source = plan.source;
    a.results = run(&plan, nullptr, nullptr, /*siteRules=*/false);
    a.classification = checkBuilding(ruleset_, a.results);
    return a;
}

SiteAssessment Engine::scan(const Site& site, const Context& context, const SiteBudget& budget) const {
    ContextIndex index(context);
    return scan(site, index, budget);
}

namespace {

// The plan's size against the budget, before and after reading it: the
// memory a site can take grows with these.
void checkPlanFileSize(const Site& site, const SiteBudget& budget) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(site.planFile, ec)) return;  // the reader says what is wrong
    const auto bytes = std::filesystem::file_size(site.planFile, ec);
    if (!ec && bytes > budget.maxPlanBytes)
        throw InputError(site.planFile, "",
                         "is " + std::to_string(bytes) + " bytes, more than the per-site budget of " +
                             std::to_string(budget.maxPlanBytes) + " bytes for a plan file");
}

void checkPlanModelSize(const Site& site, const FloorPlan& plan, const SiteBudget& budget) {
    std::size_t vertices = 0;
    for (const auto& sp : plan.spaces) {
        vertices += sp.shape.outer().size();
        for (const auto& in : sp.shape.inners()) vertices += in.size();
    }
    if (plan.spaces.size() > budget.maxSpaces)
        throw InputError(site.planFile, "",
                         "has " + std::to_string(plan.spaces.size()) + " spaces, more than the per-site budget of " +
                             std::to_string(budget.maxSpaces));
    if (vertices > budget.maxVertices)
        throw InputError(site.planFile, "",
                         "has " + std::to_string(vertices) + " space vertices, more than the per-site budget of " +
                             std::to_string(budget.maxVertices));
}

}  // namespace

SiteAssessment Engine::scan(const Site& site, const ContextIndex& index, const SiteBudget& budget,
                            RuleOrder order) const {
    const budget::Scope deadline(budget.seconds);
    SiteAssessment a;
    a.site = &site;
    auto fail = [&](const std::string& why) {
        a.failed = true;
        a.results.clear();
        a.plan.reset();
        a.bedrooms = -1;
        a.classification = Classification{};
        a.classification.verdict = Verdict::NeedsData;
        a.classification.reasons.push_back("site not assessed: " + why);
        return a;
    };
    auto plan = std::make_shared<FloorPlan>();
    const bool hasPlan = !site.planFile.empty();
    try {
        if (hasPlan) {
            try {
                checkPlanFileSize(site, budget);
                *plan = loadPlan(site.planFile, &a.issues);
                requireOnePlacement(site, *plan);
                budget::checkNow("reading the plan");
                checkPlanModelSize(site, *plan, budget);
            } catch (const InputError& e) {
                a.issues.insert(a.issues.end(), e.issues().begin(), e.issues().end());
                return fail("its floor plan has errors (" +
                            (e.issues().empty() ? std::string(e.what()) : e.issues().front().str()) + ")");
            } catch (const BudgetExceeded&) {
                throw;
            } catch (const std::exception& e) {
                a.issues.push_back({site.planFile, "site '" + site.id + "'", e.what(), true});
                return fail("its floor plan has errors (" + a.issues.back().str() + ")");
            }
            a.bedrooms = static_cast<int>(std::count_if(plan->spaces.begin(), plan->spaces.end(),
                                                        [](const Space& s) { return s.use == SpaceUse::Bedroom; }));
            a.plan = plan;
        }
        a.results = run(hasPlan ? plan.get() : nullptr, &site, &index, /*siteRules=*/true, order);
    } catch (const BudgetExceeded& e) {
        a.issues.push_back({site.planFile, "site '" + site.id + "'", e.what(), true});
        return fail("it " + std::string(e.what()));
    } catch (const std::bad_alloc&) {
        a.issues.push_back({site.planFile, "site '" + site.id + "'", "ran out of memory while being assessed", true});
        return fail("it ran out of memory");
    } catch (const std::exception& e) {  // e.g. deriving the building graph
        a.issues.push_back({site.planFile, "site '" + site.id + "'", e.what(), true});
        return fail(std::string("it could not be assessed: ") + e.what());
    }
    a.classification = classify(ruleset_, a.results);
    if (!hasPlan && a.classification.verdict != Verdict::NeedsData)
        a.classification.reasons.insert(a.classification.reasons.begin() + 1,
                                        "the building was not assessed (no floor plan): the site's other rules "
                                        "already decide every route");
    const int places = a.bedrooms > 0 ? a.bedrooms : site.places.value_or(0);
    a.friction = estimateFriction(ruleset_, a.classification.verdict, places, a.results);
    return a;
}

}  // namespace vgscan
