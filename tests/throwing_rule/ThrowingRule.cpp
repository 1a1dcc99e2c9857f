// A rule that always throws: the engine must turn that into `unknown` with the
// error for this rule and building, and go on with the others.
#include "rules/Rule.h"

#include <QObject>

#include <stdexcept>

namespace vgscan {

class ThrowingRule : public Rule {
public:
    RuleResult evaluate(const RuleContext&) const override { throw std::runtime_error("deliberate failure"); }
};

class ThrowingRulePlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<ThrowingRule>(); }
};

}  // namespace vgscan

#include "ThrowingRule.moc"
