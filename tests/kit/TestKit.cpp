#include "TestKit.h"

#include "derive/BuildingGraph.h"
#include "derive/ContextIndex.h"
#include "io/PlanReader.h"

#include <boost/geometry.hpp>

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace vgscan::test {

std::string sourcePath(const std::string& relative) { return std::string(VGSCAN_TEST_SOURCE_DIR) + "/" + relative; }

std::string realdata(const std::string& relative) {
    const QString root = qEnvironmentVariableIsSet("VGSCAN_REALDATA")
                             ? qEnvironmentVariable("VGSCAN_REALDATA")
                             : QString::fromStdString(sourcePath("../shared/realdata"));
    const QString path = QDir::cleanPath(root + "/" + QString::fromStdString(relative));
    return QFile::exists(path) ? path.toStdString() : std::string();
}

std::string pluginDir() { return VGSCAN_TEST_PLUGIN_DIR; }

const RuleRegistry& registry() {
    static const std::unique_ptr<RuleRegistry> reg = [] {
        auto r = std::make_unique<RuleRegistry>();
        r->loadDirectory(pluginDir());
        return r;
    }();
    return *reg;
}

RuleResult runRule(const std::string& ruleId, const FloorPlan* plan, const Site* site, const Context* context,
                   const QJsonObject& params) {
    const RuleRegistry& reg = registry();
    auto rule = reg.create(ruleId);
    std::unique_ptr<BuildingGraph> graph;
    if (plan) graph = std::make_unique<BuildingGraph>(*plan);
    std::unique_ptr<ContextIndex> index;
    if (context) index = std::make_unique<ContextIndex>(*context);
    RuleContext ctx(plan, graph.get(), site, context, reg.resolveParams(ruleId, params), index.get());
    return rule->evaluate(ctx);
}

FloorPlan loadFixture(const std::string& relative) { return loadPlan(sourcePath(relative)); }

std::vector<std::string> samplePlanFiles() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(sourcePath("floorplans/plans")))
        if (e.path().extension() == ".geojson") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<int> storeysOf(const FloorPlan& plan) {
    std::vector<int> levels;
    for (const auto& s : plan.spaces) levels.push_back(s.storey);
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    return levels;
}

Space rect(const std::string& id, SpaceUse use, double x0, double y0, double x1, double y1, const std::string& group,
           int storey) {
    Space s;
    s.id = id;
    s.use = use;
    s.group = group;
    s.storey = storey;
    s.shape.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    bg::correct(s.shape);
    s.area = bg::area(s.shape);
    return s;
}

Opening door(const std::string& id, const std::string& from, const std::string& to, double x0, double y0, double x1,
             double y1, OpeningKind kind, int storey) {
    Opening o;
    o.id = id;
    o.from = from;
    o.to = to;
    o.kind = kind;
    o.storey = storey;
    o.line = {{x0, y0}, {x1, y1}};
    o.width = bg::length(o.line);
    o.position = Point((x0 + x1) / 2, (y0 + y1) / 2);
    return o;
}

const Finding* findingFor(const RuleResult& r, const std::string& object, const std::string& text) {
    for (const auto& f : r.findings)
        if (f.object == object && f.message.find(text) != std::string::npos) return &f;
    return nullptr;
}

std::optional<double> figureOf(const RuleResult& r, const std::string& name) {
    for (const auto& f : r.figures)
        if (f.name == name) return f.value;
    return std::nullopt;
}

double figure(const RuleResult& r, const std::string& name) {
    const auto v = figureOf(r, name);
    if (!v) FAIL("no figure " << name);
    return *v;
}

CliRun runVgscan(const QStringList& args, const QProcessEnvironment& env, int timeoutMs, const QString& workingDirectory) {
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty()) p.setWorkingDirectory(workingDirectory);
    p.start(QStringLiteral(VGSCAN_TEST_EXE), args);
    const bool ended = p.waitForFinished(timeoutMs);
    if (!ended) p.kill();
    INFO("vgscan " << args.join(' ').toStdString());
    REQUIRE(ended);
    return {p.exitCode(), p.readAllStandardOutput().toStdString(), p.readAllStandardError().toStdString()};
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    INFO(path.toStdString());
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    INFO(path.toStdString());
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

}  // namespace vgscan::test
