// The reasons a scan and a check give per route: vg7.json reaches `ambulant`
// by two routes (clustered ambulant living, back-up places) that share the
// group ambulant_care, so a verdict or a failed gate could be said twice.
#include "TestKit.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <set>

using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

TEST_CASE("check: a verdict reached by two routes is one line, passing when one route passes") {
    // The sample studios: 10 self-contained units pass clustered ambulant
    // living; 10 places are too many for back-up places (<= 8).
    const CliRun run = runVgscan({"check", QString::fromStdString(sourcePath("floorplans/plans/studios_2008.geojson")),
                                  "--format", "json", "--lang", "en"});
    REQUIRE(run.code == 0);
    const QJsonArray reasons = QJsonDocument::fromJson(QByteArray::fromStdString(run.out)).object()["reasons"].toArray();
    std::vector<std::string> ambulant;
    for (const auto& r : reasons)
        if (r.toString().startsWith("for ambulant")) ambulant.push_back(r.toString().toStdString());
    INFO(run.out);
    REQUIRE(ambulant.size() == 1);
    CHECK(ambulant[0] == "for ambulant, the building passes its 1 building gate(s)");
}

TEST_CASE("scan: a gate that rules out two routes of one verdict is said once") {
    QTemporaryDir out;
    REQUIRE(out.isValid());
    const CliRun run = runVgscan({"scan", QString::fromStdString(sourcePath("floorplans/portfolio.gpkg")), "--out",
                                  out.path(), "--lang", "en"});
    REQUIRE(run.code == 0);
    const QJsonObject scan = QJsonDocument::fromJson(readFile(out.filePath("scan.json"))).object();
    bool s07 = false;
    for (const auto& v : scan["sites"].toArray()) {
        const QJsonObject site = v.toObject();
        std::set<QString> seen;
        for (const auto& r : site["reasons"].toArray()) {
            INFO(site["id"].toString().toStdString() << ": " << r.toString().toStdString());
            CHECK(seen.insert(r.toString()).second);
        }
        // Villa Eikenhof: its GP is 16.8 km away, which both ambulant routes need within 5 km.
        if (site["id"].toString() == "S07") {
            s07 = true;
            CHECK(seen.count("not ambulant: gp_for_keep fail: 16761.3 m (needs <= 5000)") == 1);
        }
    }
    CHECK(s07);
}
