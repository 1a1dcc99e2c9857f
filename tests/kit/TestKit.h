#pragma once
// Test helpers: where fixtures are, a registry of the built plugins, and
// small builders for plans drawn in code (rectangles and doors).
#include "model/Model.h"
#include "rules/RuleRegistry.h"
#include "rules/RuleResult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace vgscan::test {

// Absolute path of a file given relative to the repository root.
std::string sourcePath(const std::string& relative);
// <repo>/../shared/realdata/<relative> (or under $VGSCAN_REALDATA, for a
// checkout that does not sit beside shared/); empty when absent.
std::string realdata(const std::string& relative);
// Declares `var` as the real-data file `rel`, or skips the test with a message.
#define REQUIRE_REALDATA(var, rel)                                                      \
    const std::string var = ::vgscan::test::realdata(rel);                              \
    if (var.empty()) SKIP("../shared/realdata/" rel " is absent (or set VGSCAN_REALDATA): real-data test skipped")

// The plugin folder of this build.
std::string pluginDir();
// A registry with every plugin of this build, loaded once.
const RuleRegistry& registry();

// Runs one rule (its defaults overlaid with `params`) on a plan and/or site;
// with a context, its ContextIndex is built for this call.
RuleResult runRule(const std::string& ruleId, const FloorPlan* plan, const Site* site = nullptr,
                   const Context* context = nullptr, const QJsonObject& params = {});

// The first finding about `object` whose message contains `text`; null when none.
const Finding* findingFor(const RuleResult& r, const std::string& object, const std::string& text = "");
// A further figure of the result by name; nullopt when the rule did not report it.
std::optional<double> figureOf(const RuleResult& r, const std::string& name);
// The same, for figures that must be there: fails the test when it is missing.
double figure(const RuleResult& r, const std::string& name);

// The sample plans (floorplans/plans/*.geojson), sorted by path.
std::vector<std::string> samplePlanFiles();
// The storeys a plan's spaces lie on, lowest first, each once.
std::vector<int> storeysOf(const FloorPlan& plan);

// Loads and validates a plan file (relative to the repository root).
FloorPlan loadFixture(const std::string& relative);

// Builders. Rectangles are counter-clockwise; doors are lines along the doorway.
Space rect(const std::string& id, SpaceUse use, double x0, double y0, double x1, double y1,
           const std::string& group = "", int storey = 0);
Opening door(const std::string& id, const std::string& from, const std::string& to, double x0, double y0,
             double x1, double y1, OpeningKind kind = OpeningKind::Door, int storey = 0);

// A finished run of the vgscan command line of this build.
struct CliRun {
    int code = -1;
    std::string out, err;  // standard output and error, UTF-8
};
// Runs `vgscan args...` to its end; the test fails when it has not ended
// after `timeoutMs` (a hang is a failure, not a stuck test run). In
// `workingDirectory` when given (a command as a report writes it).
CliRun runVgscan(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                 int timeoutMs = 120000, const QString& workingDirectory = {});

// Whole-file helpers that fail the test when the file cannot be opened.
void writeFile(const QString& path, const QByteArray& bytes);
QByteArray readFile(const QString& path);

}  // namespace vgscan::test
