// What `vgscan scan` says on the terminal about the sites it could not
// assess: each failed site named with its file, object and problem, and a
// plan with one mistake made on every object does not bury the others.
#include "TestKit.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

std::string readText(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll().toStdString();
}

void writeText(const QString& path, const std::string& text) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text.c_str());
}

}  // namespace

TEST_CASE("A plan with 'use' misspelt on every space shows its first errors and a count, the other sites' lines stay") {
    QTemporaryDir root;
    REQUIRE(root.isValid());
    REQUIRE(QDir(root.path()).mkpath("plans"));
    // The sample studios with the Dutch word for 'use' as the property name:
    // every space lacks its use, and every opening then names a space that is not there.
    std::string studios = readText(QString::fromStdString(sourcePath("floorplans/plans/studios_2008.geojson")));
    int renamed = 0;
    for (std::size_t at = studios.find("\"use\":"); at != std::string::npos; at = studios.find("\"use\":", at)) {
        studios.replace(at, 6, "\"Gebruik\":");
        ++renamed;
    }
    REQUIRE(renamed > 30);
    writeText(root.filePath("plans/studios.geojson"), studios);
    REQUIRE(QFile::copy(QString::fromStdString(sourcePath("floorplans/plans/terraced_house_1930.geojson")),
                        root.filePath("plans/good.geojson")));
    std::string features;
    double x = 155000;
    for (const auto& [id, plan] : std::vector<std::pair<std::string, std::string>>{
             {"misspelt", "plans/studios.geojson"}, {"missing", "plans/gone.geojson"}, {"good", "plans/good.geojson"}}) {
        if (!features.empty()) features += ",";
        features += R"({"type":"Feature","properties":{"id":")" + id + R"(","plan":")" + plan +
                    R"(","places":6},"geometry":{"type":"Polygon","coordinates":[[[)" + std::to_string(x) + ",463000],[" +
                    std::to_string(x + 40) + ",463000],[" + std::to_string(x + 40) + ",463040],[" + std::to_string(x) +
                    ",463040],[" + std::to_string(x) + ",463000]]]}}";
        x += 100;
    }
    writeText(root.filePath("sites.geojson"),
              R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)" +
                  features + "]}");
    const QString out = root.filePath("out");
    QProcess proc;
    proc.start(VGSCAN_EXE, {"scan", root.filePath("sites.geojson"), "--out", out, "--lang", "en"});
    REQUIRE(proc.waitForFinished(180000));
    const QString err = QString::fromUtf8(proc.readAllStandardError());
    INFO(err.toStdString());
    CHECK(proc.exitCode() == 4);
    const QStringList lines = err.split('\n', Qt::SkipEmptyParts);
    const QString plan = root.filePath("plans/studios.geojson");
    // The first five errors of the misspelt plan, each with file, object and problem.
    const QStringList misspelt = lines.filter(QRegularExpression("^site 'misspelt' failed: "));
    CHECK(misspelt.size() == 5);
    for (const QString& l : misspelt) CHECK_THAT(l.toStdString(), ContainsSubstring(plan.toStdString() + ": "));
    CHECK_THAT(misspelt.value(0).toStdString(), ContainsSubstring("space 'corridor': error: has no 'use'"));
    // Then how many more, and where they are: the report lists every one.
    const QRegularExpression moreLine("^site 'misspelt': (\\d+) more errors, all listed in its section of report\\.html$");
    const QStringList more = lines.filter(moreLine);
    REQUIRE(more.size() == 1);
    const int hidden = moreLine.match(more[0]).captured(1).toInt();
    CHECK(hidden >= renamed - 5);
    const std::string report = readText(out + "/report.html");
    const std::size_t section = report.find("id=\"site-misspelt\"");
    REQUIRE(section != std::string::npos);
    const std::string sectionText = report.substr(section, report.find("<p class=\"back\">", section) - section);
    std::size_t listed = 0;
    for (std::size_t at = sectionText.find(plan.toStdString()); at != std::string::npos;
         at = sectionText.find(plan.toStdString(), at + 1))
        ++listed;
    CHECK(listed >= static_cast<std::size_t>(hidden + 5));
    // The other failed site is not lost among them, and the good one is scanned.
    CHECK_THAT(err.toStdString(), ContainsSubstring("site 'missing' failed: " +
                                                    root.filePath("plans/gone.geojson").toStdString() +
                                                    ": error: file not found"));
    CHECK(lines.filter(QRegularExpression("^site 'good'")).isEmpty());
    CHECK(QFile::exists(out + "/scan.done"));
    // Said again last, after the table: the lines above have scrolled away on a terminal.
    CHECK(lines.last() == "2 of 3 sites could not be assessed (misspelt, missing): their sections of report.html say why.");
}
