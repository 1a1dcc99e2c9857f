// A rule that never finishes on sites whose id starts with "endless": it
// stands in for a plan that makes a rule's work explode. It polls the site's
// time budget like any long loop, so the scan fails that site alone. Without
// a working budget it gives up after 60 s and passes, and the tests fail.
#include "rules/Rule.h"
#include "model/Model.h"
#include "scan/Budget.h"

#include <QObject>

#include <chrono>

namespace vgscan {

class EndlessRule : public Rule {
public:
    RuleResult evaluate(const RuleContext& ctx) const override {
        RuleResult r;
        r.status = Status::Pass;
        r.summary = "finished";
        if (!ctx.site() || ctx.site()->id.rfind("endless", 0) != 0) return r;
        const auto start = std::chrono::steady_clock::now();
        volatile double sink = 0;
        while (std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
            budget::check("spinning in test_endless");
            for (int i = 0; i < 1000; ++i) sink = sink + i;
        }
        return r;
    }
};

class EndlessRulePlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<EndlessRule>(); }
};

}  // namespace vgscan

#include "EndlessRule.moc"
