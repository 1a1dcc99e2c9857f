// Walks plugins/: every rule has its metadata, a README, a tests/README, and
// pass/fail/na fixtures whose status, with the rule's defaults, is the one
// their file name says (as in buildingSMART's rule tests).
#include "TestKit.h"

#include "io/PlanReader.h"
#include "io/PortfolioReader.h"
#include "rules/RuleRegistry.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>

using namespace vgscan;
using namespace vgscan::test;

namespace {

QStringList ruleFolders() {
    QDir plugins(QString::fromStdString(sourcePath("plugins")));
    QStringList out;
    for (const auto& d : plugins.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFile::exists(plugins.filePath(d + "/CMakeLists.txt"))) out << d;
    return out;
}

Status statusOfPrefix(const QString& file) {
    if (file.startsWith("pass-")) return Status::Pass;
    if (file.startsWith("fail-")) return Status::Fail;
    if (file.startsWith("warn-")) return Status::Warn;
    return Status::NotApplicable;
}

RuleResult runFixture(const std::string& id, const std::string& path) {
    if (path.ends_with(".gpkg")) {
        std::vector<InputIssue> issues;
        Portfolio p = readPortfolio(path, issues);
        REQUIRE_FALSE(hasErrors(issues));
        REQUIRE_FALSE(p.sites.empty());
        const Site& site = p.sites.front();
        if (!site.planFile.empty()) {
            FloorPlan plan = loadPlan(site.planFile);
            return runRule(id, &plan, &site, &p.context);
        }
        return runRule(id, nullptr, &site, &p.context);
    }
    FloorPlan plan = loadPlan(path);
    return runRule(id, &plan);
}

}  // namespace

TEST_CASE("there are rule plugins") { CHECK(ruleFolders().size() >= 2); }

TEST_CASE("every rule folder follows the conventions") {
    for (const QString& id : ruleFolders()) {
        INFO("plugins/" << id.toStdString());
        QDir dir(QString::fromStdString(sourcePath("plugins/" + id.toStdString())));
        QFile meta(dir.filePath("rule.json"));
        REQUIRE(meta.open(QIODevice::ReadOnly));
        RuleInfo info = parseRuleInfo(QJsonDocument::fromJson(meta.readAll()).object(), meta.fileName().toStdString());
        CHECK(info.id == id.toStdString());
        CHECK_FALSE(info.summary.empty());
        CHECK(QFile::exists(dir.filePath("README.md")));
        CHECK(QFile::exists(dir.filePath("tests/README.md")));
        CHECK(registry().has(info.id));  // built and loadable

        QDir tests(dir.filePath("tests"));
        QFile readme(tests.filePath("README.md"));
        QString readmeText = readme.open(QIODevice::ReadOnly) ? QString::fromUtf8(readme.readAll()) : QString();
        for (const char* prefix : {"pass", "fail", "na"}) {
            QStringList fixtures = tests.entryList({QString("%1-%2-*").arg(prefix, id)}, QDir::Files);
            bool waived = QString(prefix) == "na" && readmeText.contains("no na fixture");
            INFO("prefix " << prefix);
            CHECK((!fixtures.isEmpty() || waived));
            for (const auto& f : fixtures) CHECK(readmeText.contains(f));  // each fixture is explained
        }
    }
}

TEST_CASE("every fixture's status is the one its name says") {
    for (const QString& id : ruleFolders()) {
        QDir tests(QString::fromStdString(sourcePath("plugins/" + id.toStdString() + "/tests")));
        for (const auto& f : tests.entryList({"pass-*", "fail-*", "warn-*", "na-*"}, QDir::Files)) {
            if (!f.endsWith(".geojson") && !f.endsWith(".gpkg")) continue;
            INFO(id.toStdString() << "/tests/" << f.toStdString());
            RuleResult r = runFixture(id.toStdString(), tests.filePath(f).toStdString());
            CHECK(toString(r.status) == std::string(toString(statusOfPrefix(f))));
            if (r.status != Status::NotApplicable) CHECK(r.value.has_value());  // a figure, not just a word
        }
    }
}

namespace {

// Calls fn(path, object) for every JSON object under `v` that has a "source".
template <class Fn>
void forEachSourced(const QJsonValue& v, const std::string& path, Fn fn) {
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains("source")) fn(path, o);
        for (auto it = o.begin(); it != o.end(); ++it) forEachSourced(it.value(), path + "." + it.key().toStdString(), fn);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) forEachSourced(a[i], path + "[" + std::to_string(i) + "]", fn);
    }
}

}  // namespace

TEST_CASE("the bundled rule sets give every source in Dutch too, citing the same passages") {
    // The Dutch report shows source_nl: it must say what the source says,
    // so it cites the same reports ([000], [001]) and is an assumption
    // (aanname) exactly when the source is one.
    int sourced = 0;
    for (const char* file : {"rulesets/vg7.json", "rulesets/ambulant.json"}) {
        QFile f(QString::fromStdString(sourcePath(file)));
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        REQUIRE(!root.isEmpty());
        const QJsonObject sources = root.value("sources").toObject(), sourcesNl = root.value("sources_nl").toObject();
        CHECK(sources.keys() == sourcesNl.keys());
        forEachSourced(root, file, [&](const std::string& path, const QJsonObject& o) {
            INFO(path);
            ++sourced;
            const QString en = o.value("source").toString(), nl = o.value("source_nl").toString();
            REQUIRE(!nl.isEmpty());
            for (const QString& tag : sources.keys())
                if (tag.startsWith('[')) CHECK(en.contains(tag) == nl.contains(tag));
            CHECK(en.contains("assumption") == nl.contains("aanname"));
        });
    }
    CHECK(sourced == 81);
}

namespace {
void forEachText(const QJsonValue& v, const std::function<void(const QString&)>& visit) {
    if (v.isString()) visit(v.toString());
    else if (v.isArray())
        for (const QJsonValue& e : v.toArray()) forEachText(e, visit);
    else if (v.isObject())
        for (const QJsonValue& e : v.toObject()) forEachText(e, visit);
}
}  // namespace

TEST_CASE("every report a bundled rule set cites is in its list of sources") {
    // The report's rule set section lists `sources`: a tag quoted anywhere
    // else in the rule set ([004] in the dispose explanation) must be there,
    // or a reader cannot find what it is.
    const QRegularExpression tag(R"(\[\d{3}\])");
    for (const char* file : {"rulesets/vg7.json", "rulesets/ambulant.json"}) {
        QFile f(QString::fromStdString(sourcePath(file)));
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject sources = root.value("sources").toObject();
        int cited = 0;
        forEachText(root, [&](const QString& text) {
            for (auto m = tag.globalMatch(text); m.hasNext();) {
                const QString t = m.next().captured();
                INFO(file << ": " << t.toStdString() << " in '" << text.toStdString() << "'");
                CHECK(sources.contains(t));
                ++cited;
            }
        });
        CHECK(cited > 0);
    }
}
