#pragma once
// The rule interface. A rule is a Qt plugin: a RuleFactory with JSON metadata
// (rule.json: id, version, parameters with defaults and units, what it needs).
// A rule sees the building and site only through RuleContext: it reads no
// files and decides no verdict.
#include "rules/Params.h"
#include "rules/RuleResult.h"

#include <QtPlugin>

#include <memory>

namespace vgscan {

struct FloorPlan;
struct Site;
struct Context;
class BuildingGraph;
class ContextIndex;

class RuleContext {
public:
    RuleContext(const FloorPlan* plan, const BuildingGraph* graph, const Site* site,
                const Context* context, Params params, const ContextIndex* index = nullptr)
        : plan_(plan), graph_(graph), site_(site), context_(context), index_(index), params_(std::move(params)) {}

    // The building's plan and its derived graph; null when the site has no plan.
    const FloorPlan* plan() const { return plan_; }
    const BuildingGraph* graph() const { return graph_; }
    // The site and the portfolio's context layers; null in `vgscan check`.
    const Site* site() const { return site_; }
    const Context* context() const { return context_; }
    // Indexes and networks over the context layers, built once per portfolio.
    const ContextIndex* contextIndex() const { return index_; }
    const Params& params() const { return params_; }

private:
    const FloorPlan* plan_;
    const BuildingGraph* graph_;
    const Site* site_;
    const Context* context_;
    const ContextIndex* index_;
    Params params_;
};

class Rule {
public:
    virtual ~Rule() = default;
    virtual RuleResult evaluate(const RuleContext& ctx) const = 0;
};

class RuleFactory {
public:
    virtual ~RuleFactory() = default;
    virtual std::unique_ptr<Rule> create() const = 0;
};

}  // namespace vgscan

#define VGSCAN_RULE_IID "org.vgscan.RuleFactory/1.0"
Q_DECLARE_INTERFACE(vgscan::RuleFactory, VGSCAN_RULE_IID)
