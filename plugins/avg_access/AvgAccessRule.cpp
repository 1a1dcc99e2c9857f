#include "AvgAccessRule.h"

#include "rules/RuleKit.h"

#include <QObject>

namespace vgscan {

RuleResult AvgAccessRule::evaluate(const RuleContext& ctx) const {
    return kit::reachEachRule(ctx, QT_TRANSLATE_NOOP("rules", "travel to the services unknown"),
 /*countWithin=*/false);
}

class AvgAccessPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<AvgAccessRule>(); }
};

}  // namespace vgscan

#include "AvgAccessRule.moc"
