#include "AmenitiesWithinReachRule.h"

#include "rules/RuleKit.h"

#include <QObject>

namespace vgscan {

RuleResult AmenitiesWithinReachRule::evaluate(const RuleContext& ctx) const {
    // Each must be within reach: one too far fails (the site is too remote, "een eindstation").
    return kit::reachEachRule(ctx, QT_TRANSLATE_NOOP("rules", "the distance to shops, stops and day activities is unknown"),
 /*countWithin=*/true);
}

class AmenitiesWithinReachPlugin : public QObject, public RuleFactory {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vgscan.RuleFactory/1.0" FILE "rule.json")
    Q_INTERFACES(vgscan::RuleFactory)
public:
    std::unique_ptr<Rule> create() const override { return std::make_unique<AmenitiesWithinReachRule>(); }
};

}  // namespace vgscan

#include "AmenitiesWithinReachRule.moc"
