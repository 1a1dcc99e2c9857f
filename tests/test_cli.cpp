// End-to-end: the vgscan command as a user runs it.
#include "TestKit.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>
#include <set>

using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

// The environment with the locale variables that choose vgscan's language
// set to `locale` (others removed), so that English tests stay English on a
// Dutch machine.
QProcessEnvironment localeEnv(const QString& locale = "C.UTF-8") {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("LC_ALL");
    env.remove("LC_MESSAGES");
    env.insert("LANG", locale);
    return env;
}

// vgscan in the locale the tests expect (English texts unless a test sets another).
CliRun runCli(const QStringList& args, const QProcessEnvironment& env = localeEnv()) { return runVgscan(args, env); }

QString src(const std::string& rel) { return QString::fromStdString(sourcePath(rel)); }

QByteArray sha(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

}  // namespace

TEST_CASE("help and exit codes") {
    CliRun r = runCli({"--help"});
    CHECK(r.code == 0);
    CHECK_THAT(r.out, ContainsSubstring("check PLAN"));
    CHECK_THAT(r.out, ContainsSubstring("scan PORTFOLIO"));
    CHECK_THAT(r.out, ContainsSubstring("Exit codes"));
    CliRun c = runCli({"check", "--help"});
    CHECK(c.code == 0);
    CHECK_THAT(c.out, ContainsSubstring("--format"));
    CHECK(runCli({}).code == 1);
    CHECK(runCli({"frobnicate"}).code == 1);
    CHECK(runCli({"check", "--bogus", "x"}).code == 1);
}

TEST_CASE("an unknown option value is a usage error (exit 1) in every command, before any work") {
    // Each command gets a real input, so only the option value can be wrong.
    const QString plan = src("floorplans/plans/newbuild_vg7_2026.geojson");
    QTemporaryDir out;
    const std::vector<std::pair<QStringList, std::string>> cases = {
        {{"check", plan, "--format", "xml"}, "vgscan check: --format must be text or json (got 'xml')"},
        {{"check", plan, "--bcf", out.filePath("f.bcfzip"), "--bcf-version", "4.0"},
         "vgscan check: --bcf-version must be 3.0 or 2.1 (got '4.0')"},
        {{"check", plan, "--bcf-version", "2.1"}, "vgscan check: --bcf-version needs --bcf FILE"},
        {{"scan", src("floorplans/portfolio.gpkg"), "--format", "xml", "--out", out.path()},
         "vgscan scan: --format must be table or json (got 'xml')"},
        {{"import", src("floorplans/dxf/grouphome_linde_mm.dxf"), out.filePath("l.geojson"), "--format", "xml"},
         "vgscan import: --format must be text or json (got 'xml')"},
    };
    for (const auto& [args, message] : cases) {
        INFO(args.join(' ').toStdString());
        const CliRun r = runCli(args);
        CHECK(r.code == 1);
        CHECK_THAT(r.err, ContainsSubstring(message));
        CHECK(r.out.empty());
    }
    CHECK(QDir(out.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());  // nothing written
}

TEST_CASE("rules lists the plugins with parameters; defaults and units") {
    CliRun r = runCli({"rules"});
    CHECK(r.code == 0);
    CHECK_THAT(r.out, ContainsSubstring("individual_sanitary"));
    CHECK_THAT(r.out, ContainsSubstring("max_places = 21 places"));
}

TEST_CASE("check --format json keeps its shape") {
    CliRun r = runCli({"check", src("plugins/individual_sanitary/tests/fail-individual_sanitary-shared_bathroom.geojson"),
                    "--format", "json"});
    REQUIRE(r.code == 0);
    QJsonParseError perr;
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(r.out), &perr).object();
    REQUIRE(perr.error == QJsonParseError::NoError);
    CHECK(o["building"].toString() == "fail-individual_sanitary-shared_bathroom");
    CHECK(o["verdict"].isString());
    QJsonArray results = o["results"].toArray();
    REQUIRE_FALSE(results.isEmpty());
    bool seen = false;
    for (const auto& v : results) {
        QJsonObject res = v.toObject();
        for (const char* key : {"rule", "status", "value", "unit", "threshold", "findings"}) CHECK(res.contains(key));
        if (res["rule"] == "individual_sanitary" && !res.contains("key")) {
            seen = true;
            CHECK(res["status"] == "fail");
            // vg7.json asks 0.85 m doors into own sanitary: bed3's 0.8 m wc door
            // no longer counts, so 0 of 3 (the rule's own default gives 33.3 %).
            CHECK(res["value"].toDouble() == Catch::Approx(0.0));
            CHECK(res["unit"] == "%");
            CHECK(res["threshold"] == ">= 100");
            REQUIRE(res["findings"].toArray().size() == 3);
            CHECK(res["findings"].toArray()[2].toObject()["observed"] == "0.8 m");
            QJsonObject f = res["findings"].toArray()[0].toObject();
            for (const char* key : {"object", "expected", "observed"}) CHECK(f.contains(key));
        }
    }
    CHECK(seen);
    // A building with shared bathrooms fails the VG7 building gates; a plan
    // alone never gets a site verdict (that needs the location).
    CHECK(o["verdict"] == "building_fail");
    const QString reasons = QJsonDocument(o["reasons"].toArray()).toJson();
    CHECK(reasons.contains("site rules not assessed"));
    CHECK_FALSE(reasons.contains("location works"));
}

TEST_CASE("check in text names the site rules it did not assess and gives no site verdict") {
    CliRun r = runCli({"check", src("plugins/individual_sanitary/tests/pass-individual_sanitary-two_ensuites.geojson")});
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, ContainsSubstring("building rules only; site rules not assessed"));
    CHECK_THAT(r.out, ContainsSubstring("site rules not assessed (busy_area_buffer"));
    CHECK_THAT(r.out, !ContainsSubstring("Verdict:"));
    CHECK_THAT(r.out, !ContainsSubstring("location works"));
}

TEST_CASE("check in text: a finding shows only the parts it has (advice has no expected value)") {
    // villa_1925 fails sight lines: its best-post advice has an observed
    // share and no expected value.
    CliRun r = runCli({"check", src("floorplans/plans/villa_1925.geojson")});
    CHECK_THAT(r.out, ContainsSubstring("best single staff post for group A"));
    CHECK_THAT(r.out, ContainsSubstring("(observed 78.3 % visible)"));
    CHECK_THAT(r.out, !ContainsSubstring("expected , "));
    CHECK_THAT(r.out, ContainsSubstring("(expected >= 0.85 m, observed 0.8 m)"));  // both parts
}

TEST_CASE("check: bad input exits 2 naming the file; a bad rule set exits 3") {
    QTemporaryDir dir;
    CliRun missing = runCli({"check", dir.filePath("nope.geojson")});
    CHECK(missing.code == 2);
    CHECK_THAT(missing.err, ContainsSubstring("nope.geojson: error: file not found"));
    QString bad = dir.filePath("bad.geojson");
    writeFile(bad, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"feature":"space","id":"x","use":"ballroom"},
       "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]]]}}]})");
    CliRun r = runCli({"check", bad});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, ContainsSubstring("space 'x': error: unknown use 'ballroom'"));
    CliRun rs = runCli({"check", src("plugins/site_capacity/tests/pass-site_capacity-twelve_bedrooms.geojson"), "--ruleset",
                     dir.filePath("none.json")});
    CHECK(rs.code == 3);
    CHECK_THAT(rs.err, ContainsSubstring("rule set file not found"));
}

TEST_CASE("check in text says warning once per warning, in the reader's language") {
    // A plan with a property vgscan does not read: a warning, the check goes
    // on. The line said "warning: FILE: layer 'x': warning: property ...".
    QTemporaryDir dir;
    const QString plan = dir.filePath("remarks.geojson");
    writeFile(plan, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"feature":"space","id":"x","use":"living","remarks":"new floor"},
       "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]]]}}]})");
    const CliRun en = runCli({"check", plan});
    CHECK_THAT(en.out, ContainsSubstring("warning: " + plan.toStdString() + ": layer 'remarks': property 'remarks' is not read"));
    CHECK_THAT(en.out, !ContainsSubstring(": warning: property"));
    const CliRun nl = runCli({"check", plan, "--lang", "nl"});
    CHECK_THAT(nl.out, ContainsSubstring(plan.toStdString() + ": layer 'remarks': property 'remarks' is not read"));
    CHECK_THAT(nl.out, !ContainsSubstring(": warning:"));
}

TEST_CASE("check --bcf writes the BCF file beside the usual output; never over the plan") {
    QTemporaryDir dir;
    const QString plan = dir.filePath("villa.geojson");
    REQUIRE(QFile::copy(src("floorplans/plans/villa_1925.geojson"), plan));
    const QByteArray before = sha(plan);
    const CliRun r = runCli({"check", plan, "--format", "json", "--bcf", dir.filePath("villa.bcfzip")});
    CHECK(r.code == 0);
    CHECK_THAT(r.err, ContainsSubstring("Wrote " + dir.filePath("villa.bcfzip").toStdString() + " (BCF 3.0, "));
    // stdout stays one JSON object
    CHECK(QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).isObject());
    CHECK(QFileInfo(dir.filePath("villa.bcfzip")).size() > 0);
    const CliRun v21 = runCli({"check", plan, "--bcf", dir.filePath("villa21.bcfzip"), "--bcf-version", "2.1"});
    CHECK(v21.code == 0);
    CHECK_THAT(v21.err, ContainsSubstring("(BCF 2.1, "));
    // The plan itself as the BCF file: refused, the plan untouched.
    const CliRun self = runCli({"check", plan, "--bcf", plan});
    CHECK(self.code == 2);
    CHECK_THAT(self.err, ContainsSubstring("is the plan itself"));
    CHECK(sha(plan) == before);
    // A folder that cannot hold it: exit 2 naming the path.
    const CliRun nowhere = runCli({"check", plan, "--bcf", dir.filePath("no/such/dir/x.bcfzip")});
    CHECK(nowhere.code == 2);
    CHECK_THAT(nowhere.err, ContainsSubstring("no/such/dir/x.bcfzip"));
}

TEST_CASE("check --bcf with one topic says so in one piece") {
    // "1 topic" has no %1: filling it in made Qt print "QString::arg: Argument
    // missing" into the line.
    QTemporaryDir dir;
    QFile fixture(src("plugins/individual_sanitary/tests/pass-individual_sanitary-two_ensuites.geojson"));
    REQUIRE(fixture.open(QIODevice::ReadOnly));
    QByteArray text = fixture.readAll();
    const QByteArray bathroom = "\"use\": \"bathroom\"";
    const int ensuite = text.indexOf(bathroom);
    REQUIRE(ensuite >= 0);
    text.replace(ensuite, bathroom.size(), "\"use\": \"storage\"");  // one bedroom left without its own sanitary
    const QString plan = dir.filePath("one_ensuite.geojson");
    writeFile(plan, text);
    const QString ruleset = dir.filePath("sanitary.json");
    writeFile(ruleset, R"({"name": "t", "rules": [{"rule": "individual_sanitary", "severity": "gate", "groups": ["b"]}],
        "classification": {"verdicts": [{"verdict": "keep", "requires": ["b"]}]}})");
    const QString bcf = dir.filePath("one.bcfzip");
    const CliRun r = runCli({"check", plan, "--ruleset", ruleset, "--bcf", bcf});
    CHECK(r.code == 0);
    CHECK(r.err == "Wrote " + bcf.toStdString() + " (BCF 3.0, 1 topic)\n");
}

TEST_CASE("plugins come from VGSCAN_PLUGIN_PATH or --plugins") {
    QTemporaryDir empty;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("VGSCAN_PLUGIN_PATH", empty.path());
    CliRun r = runCli({"rules"}, env);
    CHECK(r.code == 3);
    CHECK_THAT(r.err, ContainsSubstring("no rule plugins found"));
    // With no plugins, the rule set names rules nobody provides: a rule set problem, never a pass.
    CliRun c = runCli({"check", src("plugins/individual_sanitary/tests/pass-individual_sanitary-two_ensuites.geojson"),
                    "--format", "json", "--plugins", empty.path()});
    CHECK(c.code == 3);
    CHECK_THAT(c.err, ContainsSubstring("no loaded plugin provides it"));
    CHECK(c.out.empty());
}

TEST_CASE("rule set errors exit 3 naming the rule set file, the rule and the parameter") {
    QTemporaryDir dir;
    // One rule entry (corridor_width) in an otherwise valid rule set; `params`
    // is its "parameters" object, `rule` its plugin id.
    auto ruleset = [&](const QString& name, const QString& rule, const QString& params) {
        const QString path = dir.filePath(name + ".json");
        writeFile(path, QString(R"({"name": "t", "rules": [{"rule": "%1", "severity": "gate", "groups": ["b"],
            "parameters": %2}], "classification": {"verdicts": [{"verdict": "keep", "requires": ["b"]}]}})")
                            .arg(rule, params)
                            .toUtf8());
        return path;
    };
    const QString plan = src("plugins/corridor_width/tests/pass-corridor_width-wide_corridor.geojson");
    struct Case {
        const char* name;
        QString rule, params;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"unknown_rule", "corridor_widht", "{}", "rule 'corridor_widht' (key 'corridor_widht') is in the rule set but no loaded plugin provides it"},
        {"unknown_param", "corridor_width", R"({"min_widht_m": {"value": 1.8, "source": "assumption"}})",
         "rule 'corridor_width' has no parameter 'min_widht_m'"},
        {"null_param", "corridor_width", R"({"min_width_m": {"value": null, "source": "assumption"}})",
         "rules[0] ('corridor_width'): parameter 'min_width_m' is null"},
        {"text_param", "corridor_width", R"({"min_width_m": {"value": "1.8 m", "source": "assumption"}})",
         "rule 'corridor_width': parameter 'min_width_m' must be of type number, not text"},
        {"list_param", "corridor_width", R"({"min_width_m": {"value": [1.8], "source": "assumption"}})",
         "parameter 'min_width_m' must be of type number, not a list"},
        {"negative_area", "quiet_room", R"({"min_area_m2": {"value": -8, "source": "assumption"}})",
         "rule 'quiet_room': parameter 'min_area_m2' is -8 m2; a threshold cannot be negative"},
        {"wrong_unit", "corridor_width", R"({"min_width_m": {"value": 180, "unit": "cm", "source": "assumption"}})",
         "rule 'corridor_width': parameter 'min_width_m' is given in 'cm' but the rule takes 'm'"},
        {"not_an_object", "corridor_width", R"([1.8])", "rules[0] ('corridor_width'): 'parameters' must be an object"},
        {"source_nl_not_text", "corridor_width", R"({"min_width_m": {"value": 1.8, "source": "assumption", "source_nl": 1.8}})",
         "rules[0] ('corridor_width'): parameter 'min_width_m': 'source_nl' must be text (the source in Dutch)"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const QString path = ruleset(c.name, c.rule, c.params);
        CliRun r = runCli({"check", plan, "--ruleset", path});
        CHECK(r.code == 3);
        CHECK_THAT(r.err, ContainsSubstring(path.toStdString() + ": " ) && ContainsSubstring(c.message));
        CHECK(r.out.empty());
    }
    // The same rule set with a good value runs (the cases fail for their own reason).
    CliRun ok = runCli({"check", plan, "--ruleset",
                        ruleset("good", "corridor_width",
                                R"({"min_width_m": {"value": 1.8, "unit": "m", "source": "assumption"}})")});
    CHECK(ok.code == 0);
    CHECK(ok.err.empty());
}

TEST_CASE("scan: a broken plan fails its site only; the input is untouched") {
    QTemporaryDir dir;
    QDir(dir.path()).mkpath("plans");
    QFile::copy(src("plugins/individual_sanitary/tests/pass-individual_sanitary-two_ensuites.geojson"),
                dir.filePath("plans/good.geojson"));
    writeFile(dir.filePath("plans/broken.geojson"), R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"feature":"space","id":"bow","use":"bedroom"},
       "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,4],[4,0],[0,4],[0,0]]]}}]})");
    writeFile(dir.filePath("sites.geojson"), R"({"type":"FeatureCollection",
      "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
      {"type":"Feature","properties":{"id":"good","name":"Good","plan":"plans/good.geojson","places":2,"profile":"VG4"},
       "geometry":{"type":"Polygon","coordinates":[[[0,0],[50,0],[50,50],[0,50],[0,0]]]}},
      {"type":"Feature","properties":{"id":"broken","name":"Broken","plan":"plans/broken.geojson","places":1,"profile":"VG3"},
       "geometry":{"type":"Polygon","coordinates":[[[100,0],[150,0],[150,50],[100,50],[100,0]]]}},
      {"type":"Feature","properties":{"id":"noplan","name":"No plan","plan":"","places":24,"profile":"VG3"},
       "geometry":{"type":"Polygon","coordinates":[[[200,0],[250,0],[250,50],[200,50],[200,0]]]}}]})");
    QString gpkg = dir.filePath("portfolio.gpkg");
    REQUIRE(QProcess::execute("ogr2ogr", {"-f", "GPKG", "-nln", "sites", gpkg, dir.filePath("sites.geojson")}) == 0);
    QByteArray before = sha(gpkg), planBefore = sha(dir.filePath("plans/broken.geojson"));

    // A building-only policy, so the good site's verdict follows from its plan
    // alone (the shipped vg7 set also needs roads and services).
    writeFile(dir.filePath("building.json"), R"({"name":"building","rules":[
      {"key":"individual_sanitary","rule":"individual_sanitary","severity":"gate","groups":["vg7_building"]},
      {"key":"site_capacity","rule":"site_capacity","severity":"gate","groups":["vg7_building"]}],
     "classification":{"verdicts":[{"verdict":"convert_vg7","requires":["vg7_building"]}],"otherwise":"dispose"}})");
    QString out = dir.filePath("out");
    CliRun r = runCli({"scan", gpkg, "--out", out, "--ruleset", dir.filePath("building.json")});
    CHECK(r.code == 4);  // finished, but a site could not be assessed
    CHECK_THAT(r.err, ContainsSubstring("site 'broken' failed"));
    CHECK_THAT(r.err, ContainsSubstring("space 'bow'"));
    CHECK_THAT(r.out, ContainsSubstring("FAILED"));
    CHECK(sha(gpkg) == before);
    CHECK(sha(dir.filePath("plans/broken.geojson")) == planBefore);

    QFile jf(out + "/scan.json");
    REQUIRE(jf.open(QIODevice::ReadOnly));
    QJsonArray sites = QJsonDocument::fromJson(jf.readAll()).object()["sites"].toArray();
    REQUIRE(sites.size() == 3);
    // One candidate but no demand layer: no regional choice, and it says why.
    {
        QFile again(out + "/scan.json");
        REQUIRE(again.open(QIODevice::ReadOnly));
        const QJsonObject sel = QJsonDocument::fromJson(again.readAll()).object()["selection"].toObject();
        CHECK(sel["made"] == false);
        CHECK(sel["why_not"] == "the portfolio has no demand layer");
    }
    CHECK(sites[0].toObject()["failed"] == false);
    CHECK(sites[0].toObject()["verdict"] == "convert_vg7");
    CHECK(sites[1].toObject()["failed"] == true);
    CHECK(sites[2].toObject()["verdict"] != "convert_vg7");  // 24 places

    QFile csv(out + "/sites.csv");
    REQUIRE(csv.open(QIODevice::ReadOnly));
    CHECK(QString(csv.readAll()).trimmed().split('\n').size() == 4);  // header + 3 sites

    GDALAllRegister();
    auto* ds = static_cast<GDALDataset*>(GDALOpenEx((out + "/sites.gpkg").toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("sites");
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 3);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("verdict") >= 0);
    CHECK(layer->GetSpatialRef() != nullptr);
    GDALClose(ds);
}

namespace {
// RFC 4180 rows (quoted fields may hold the separator), for checking our CSVs.
std::vector<QStringList> readCsv(const QString& text, QChar sep) {
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') quoted = true;
        else if (c == sep) row << field, field.clear();
        else if (c == '\n') row << field, field.clear(), rows.push_back(row), row.clear();
        else field += c;
    }
    return rows;
}
}  // namespace

TEST_CASE("scan: files for QGIS and for spreadsheets with Dutch settings") {
    QTemporaryDir dir;
    const QString out = dir.filePath("out");
    CliRun r = runCli({"scan", src("floorplans/portfolio.gpkg"), "--out", out});
    REQUIRE(r.code == 0);

    // The Dutch spreadsheet file says the same as the tools file, spelled with
    // ';', decimal commas and a UTF-8 byte-order mark.
    QFile tf(out + "/sites.csv"), nf(out + "/sites_nl.csv");
    REQUIRE(tf.open(QIODevice::ReadOnly));
    REQUIRE(nf.open(QIODevice::ReadOnly));
    const QByteArray nlBytes = nf.readAll();
    REQUIRE(nlBytes.startsWith("\xEF\xBB\xBF"));
    const auto tools = readCsv(QString::fromUtf8(tf.readAll()), ',');
    const auto nl = readCsv(QString::fromUtf8(nlBytes.mid(3)), ';');
    REQUIRE(tools.size() == 12);  // header + 11 sites
    REQUIRE(nl.size() == tools.size());
    // The headers are Dutch words for the person reading the spreadsheet
    // (sites.csv keeps the names tools read): the same columns in the same order.
    REQUIRE(nl[0].size() == tools[0].size());
    CHECK(tools[0].mid(0, 9) ==
          QStringList{"site_id", "name", "profile", "places", "bedrooms", "verdict", "failed", "score", "reasons"});
    CHECK(nl[0].mid(0, 9) ==
          QStringList{"locatie_id", "naam", "profiel", "plaatsen", "slaapkamers", "oordeel", "mislukt", "score", "redenen"});
    CHECK(nl[0].contains("sight_lines status"));
    CHECK(nl[0].contains("sight_lines waarde"));
    CHECK(tools[0].contains("sight_lines_status"));
    int decimals = 0;
    for (size_t i = 1; i < tools.size(); ++i) {
        REQUIRE(nl[i].size() == tools[i].size());
        for (int j = 0; j < tools[i].size(); ++j) {
            QString expected = tools[i][j];
            bool isNumber = false;
            expected.toDouble(&isNumber);
            if (isNumber && expected.contains('.')) {
                expected.replace('.', ',');
                ++decimals;
            }
            CHECK(nl[i][j] == expected);
        }
    }
    CHECK(decimals > 10);  // figures with decimals were there to convert

    // Sensitivity and money beside the verdict. S01 (cluster) is 22.7 km from
    // the AVG: the assumed 25 km at -20 % (20 km) rules out every route but
    // dispose; S04 (dispose) stays dispose whatever the thresholds.
    const QStringList head = tools[0];
    const int stable = head.indexOf("stable"), flips = head.indexOf("flipping_thresholds"),
              missing = head.indexOf("friction_missing"), score = head.indexOf("score");
    REQUIRE(stable > 0);
    REQUIRE(flips > 0);
    REQUIRE(missing > 0);
    CHECK(tools[1][0] == "S01");
    CHECK(tools[1][stable] == "no");
    CHECK(tools[1][flips] == "avg_access.max_distance_m 25000 -> 20000: dispose");
    CHECK(tools[1][missing].contains("new_build_per_place"));  // the rule set ships no amounts
    CHECK(tools[4][0] == "S04");
    CHECK(tools[4][stable] == "yes");
    CHECK(tools[4][missing].isEmpty());  // dispose: no VG7 costs
    // a site without a decided verdict never shows a score
    for (size_t i = 1; i < tools.size(); ++i)
        if (tools[i][head.indexOf("verdict")] == "needs_data") CHECK(tools[i][score].isEmpty());
    QFile jf(out + "/scan.json");
    REQUIRE(jf.open(QIODevice::ReadOnly));
    const QJsonObject s01 = QJsonDocument::fromJson(jf.readAll()).object()["sites"].toArray()[0].toObject();
    const QJsonObject sens = s01["sensitivity"].toObject();
    CHECK(sens["stable"] == false);
    CHECK(sens["share_same"].isDouble());
    const QJsonObject flip = sens["flips"].toArray()[0].toObject();
    for (const char* k : {"rule", "parameter", "from", "to", "verdict"}) CHECK(flip.contains(k));
    CHECK(flip["verdict"] == "dispose");
    // the printed table marks it too
    CHECK_THAT(r.out, ContainsSubstring("* unstable"));
    CHECK_THAT(r.out, ContainsSubstring("  S01: "));

    GDALAllRegister();
    auto* ds = static_cast<GDALDataset*>(
        GDALOpenEx((out + "/sites.gpkg").toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* sites = ds->GetLayerByName("sites");
    REQUIRE(sites);
    CHECK(sites->GetLayerDefn()->GetFieldIndex("sight_lines_status") >= 0);
    CHECK(sites->GetLayerDefn()->GetFieldIndex("expansion_room_value") >= 0);
    std::map<std::string, std::unique_ptr<OGRGeometry>> plots;
    for (auto& f : *sites) plots[f->GetFieldAsString("site_id")].reset(f->GetGeometryRef()->clone());
    REQUIRE(plots.size() == 11);

    // Every evidence area (visibility, corridor discs, buildable area, ...)
    // lies on its own site's plot: building evidence was placed with the
    // plan's placement, not left in plan metres.
    OGRLayer* areas = ds->GetLayerByName("evidence_areas");
    REQUIRE(areas);
    std::set<std::string> rules;
    int n = 0;
    for (auto& f : *areas) {
        const std::string site = f->GetFieldAsString("site_id");
        REQUIRE(plots.count(site));
        std::unique_ptr<OGRGeometry> plot(plots[site]->Buffer(0.01));
        INFO(site << " " << f->GetFieldAsString("rule") << " " << f->GetFieldAsString("label"));
        CHECK(f->GetGeometryRef()->Within(plot.get()));
        rules.insert(f->GetFieldAsString("rule"));
        ++n;
    }
    CHECK(n > 20);
    CHECK(rules.count("sight_lines") == 1);
    CHECK(rules.count("expansion_room") == 1);
    for (const char* name : {"evidence_lines", "findings", "clusters"}) {
        INFO(name);
        OGRLayer* l = ds->GetLayerByName(name);
        REQUIRE(l);
        CHECK(l->GetFeatureCount() > 0);
    }
    // The floor plans placed on their sites: every space on its own plot.
    OGRLayer* spaces = ds->GetLayerByName("plan_spaces");
    REQUIRE(spaces);
    std::map<std::string, int> spacesPerSite;
    for (auto& f : *spaces) {
        const std::string site = f->GetFieldAsString("site_id");
        REQUIRE(plots.count(site));
        std::unique_ptr<OGRGeometry> plot(plots[site]->Buffer(0.01));
        INFO(site << " " << f->GetFieldAsString("space_id"));
        CHECK(f->GetGeometryRef()->Within(plot.get()));
        CHECK(std::string(f->GetFieldAsString("use")).size() > 0);
        ++spacesPerSite[site];
    }
    CHECK(spacesPerSite.size() >= 5);
    // QGIS opens every layer styled: sites coloured by verdict with failed
    // sites a category of their own, evidence by rule, spaces by use.
    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    REQUIRE(styles);
    std::map<std::string, std::string> qml;
    for (auto& f : *styles) qml[f->GetFieldAsString("f_table_name")] = f->GetFieldAsString("styleQML");
    CHECK(qml["sites"].find("&quot;failed&quot; = 1 THEN 'failed' ELSE &quot;verdict&quot;") != std::string::npos);
    CHECK(qml["sites"].find("<category value=\"failed\"") != std::string::npos);
    CHECK(qml["sites"].find("labelsEnabled=\"1\"") != std::string::npos);
    for (const char* layer : {"evidence_areas", "evidence_lines", "findings"})
        CHECK(qml[layer].find("attr=\"rule\"") != std::string::npos);
    CHECK(qml["evidence_areas"].find("<category value=\"sight_lines\"") != std::string::npos);
    CHECK(qml["plan_spaces"].find("attr=\"use\"") != std::string::npos);
    CHECK(qml["clusters"].find("<category value=\"C1\"") != std::string::npos);
    GDALClose(ds);
}

TEST_CASE("scan: the regional choice equals vgscan select and is ringed on the map") {
    QTemporaryDir dir;
    const QString out = dir.filePath("out");
    CliRun scan = runCli({"scan", src("floorplans/portfolio.gpkg"), "--out", out});
    REQUIRE(scan.code == 0);
    QFile jf(out + "/scan.json");
    REQUIRE(jf.open(QIODevice::ReadOnly));
    const QJsonObject sel = QJsonDocument::fromJson(jf.readAll()).object()["selection"].toObject();
    REQUIRE(sel["made"] == true);
    CHECK(sel["optimal"] == true);
    CHECK(sel["k"] == 2);
    const QJsonArray chosen = sel["chosen"].toArray();
    REQUIRE(chosen.size() == 2);

    // The same answer from the select command (its own scan, same costs).
    CliRun select = runCli({"select", src("floorplans/portfolio.gpkg"), "--k", "2", "--format", "json"});
    REQUIRE(select.code == 0);
    const QJsonObject sj = QJsonDocument::fromJson(QByteArray::fromStdString(select.out)).object();
    CHECK(sj["chosen"].toArray() == chosen);
    CHECK(sj["objective_value"].toDouble() == Catch::Approx(sel["objective_value"].toDouble()).epsilon(1e-9));

    // The report rings exactly the chosen sites and lists the choice.
    QFile html(out + "/report.html");
    REQUIRE(html.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(html.readAll());
    CHECK(page.count("class=\"selected\"") == 2);
    CHECK(page.contains("id=\"selection\""));
    const QString section = page.mid(page.indexOf("id=\"selection\""));
    const QString chosenLine = section.mid(section.indexOf("Chosen:"), section.indexOf("</p>", section.indexOf("Chosen:")) - section.indexOf("Chosen:"));
    for (const auto& id : chosen) CHECK(chosenLine.contains(">" + id.toString() + "</a>"));
    CHECK(page.count("(chosen cluster site)") == 2);
}

// --- numbers that are not numbers, read where they are read -----------------------

TEST_CASE("non-finite and absurd numbers are errors naming file and object; never a lost room or exit 70") {
    QTemporaryDir dir;
    // A corridor and a bedroom joined by a door; `bed` is the bedroom's third
    // vertex's y (6 in a good plan), `extra` more bedroom properties and
    // `door` the door's properties.
    auto plan = [&](const QString& name, const QString& bed, const QString& extra, const QString& door) {
        const QString path = dir.filePath(name);
        writeFile(path, QString(R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"feature":"space","id":"c1","use":"corridor"},
 "geometry":{"type":"Polygon","coordinates":[[[0,0],[12,0],[12,2],[0,2],[0,0]]]}},
{"type":"Feature","properties":{"feature":"space","id":"bed1","use":"bedroom"%2},
 "geometry":{"type":"Polygon","coordinates":[[[0,2],[4,2],[4,%1],[0,6],[0,2]]]}},
{"type":"Feature","properties":{"feature":"opening","id":"d1","kind":"door","from":"c1","to":"bed1"%3},
 "geometry":{"type":"LineString","coordinates":[[1,2],[2,2]]}}]})")
                            .arg(bed, extra, door)
                            .toUtf8());
        return path;
    };
    struct Case {
        const char* name;
        QString bed, extra, door;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"nan_vertex.geojson", "NaN", "", "", "space 'bed1': error: has a vertex that is not a finite number (4, nan)"},
        {"far_vertex.geojson", "1e300", "", "", "space 'bed1': error: has a vertex (4, 1e+300) more than 1e+08 m from the origin"},
        {"storey.geojson", "6", R"(,"storey":1e20)", "", "space 'bed1': error: 'storey' 1e+20 is not a storey"},
        // A door of NaN width must not pass the door-width gate (NaN < min is false).
        {"nan_width.geojson", "6", "", R"(,"width_m":"NaN")", "opening 'd1': error: field 'width_m' is not a finite number"},
        {"nan_width_literal.geojson", "6", "", R"(,"width_m":NaN)", "opening 'd1': error: field 'width_m' is not a finite number"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const QString path = plan(c.name, c.bed, c.extra, c.door);
        CliRun r = runCli({"check", path});
        CHECK(r.code == 2);
        CHECK_THAT(r.err, ContainsSubstring(path.toStdString() + ": " + c.message));
    }
    // The good plan reads (so each case fails for its own reason).
    CHECK(runCli({"check", plan("good.geojson", "6", "", "")}).code == 0);
}

TEST_CASE("no false rejects: a GeoJSON that merely mentions \"crs\", a GeoPackage without a CRS") {
    QTemporaryDir dir;
    // "crs" as a property name and a room name: not the file's CRS member, so
    // the local-metres plan is read as it is (GDAL would imply degrees).
    const QString named = dir.filePath("crs_word.geojson");
    writeFile(named, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"feature":"space","id":"c1","use":"corridor","crs":"yes"},
 "geometry":{"type":"Polygon","coordinates":[[[0,0],[12,0],[12,2],[0,2],[0,0]]]}},
{"type":"Feature","properties":{"feature":"space","id":"bed1","use":"bedroom","name":"\"crs\""},
 "geometry":{"type":"Polygon","coordinates":[[[0,2],[4,2],[4,6],[0,6],[0,2]]]}}]})");
    CliRun r = runCli({"check", named});
    CHECK(r.code == 0);
    CHECK_THAT(r.err, !ContainsSubstring("geographic"));
    // A real top-level "crs" of degrees is still refused.
    const QString degrees = dir.filePath("degrees.geojson");
    writeFile(degrees, R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
"features":[{"type":"Feature","properties":{"feature":"space","id":"c1","use":"corridor"},
 "geometry":{"type":"Polygon","coordinates":[[[0,0],[12,0],[12,2],[0,2],[0,0]]]}}]})");
    CliRun d = runCli({"check", degrees});
    CHECK(d.code == 2);
    CHECK_THAT(d.err, ContainsSubstring("geographic CRS"));

    // A GeoPackage whose layer has srs_id 0, the standard's "Undefined geographic SRS" (no CRS).
    GDALAllRegister();
    const QString gpkg = dir.filePath("no_crs.gpkg");
    {
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        std::unique_ptr<GDALDataset> ds(drv->Create(gpkg.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        OGRLayer* layer = ds->CreateLayer("spaces", nullptr, wkbPolygon, nullptr);
        REQUIRE(layer);
        for (const char* f : {"id", "use"}) {
            OGRFieldDefn def(f, OFTString);
            layer->CreateField(&def);
        }
        auto add = [&](const char* id, const char* use, const char* wkt) {
            OGRFeature feat(layer->GetLayerDefn());
            feat.SetField("id", id);
            feat.SetField("use", use);
            OGRGeometry* g = nullptr;
            OGRGeometryFactory::createFromWkt(wkt, nullptr, &g);
            feat.SetGeometryDirectly(g);
            REQUIRE(layer->CreateFeature(&feat) == OGRERR_NONE);
        };
        add("c1", "corridor", "POLYGON((0 0,12 0,12 2,0 2,0 0))");
        add("bed1", "bedroom", "POLYGON((0 2,4 2,4 6,0 6,0 2))");
        ds->ExecuteSQL("UPDATE gpkg_geometry_columns SET srs_id = 0", nullptr, nullptr);
        ds->ExecuteSQL("UPDATE gpkg_contents SET srs_id = 0", nullptr, nullptr);
    }
    CliRun g = runCli({"check", gpkg});
    CHECK(g.code == 0);
    CHECK_THAT(g.err, !ContainsSubstring("geographic"));
}

TEST_CASE("a damaged DXF group code and an IFC without a usable unit assignment are reported") {
    QTemporaryDir dir;
    // GDAL stops at a group code that is not a number and keeps what it read:
    // the rooms after it would be lost unseen.
    QFile in(src("floorplans/dxf/grouphome_linde_mm.dxf"));
    REQUIRE(in.open(QIODevice::ReadOnly));
    QByteArray dxf = in.readAll();
    const int at = dxf.indexOf("  0\r\nLWPOLYLINE\r\n");
    REQUIRE(at > 0);
    const int lineNo = dxf.left(at).count('\n') + 1;
    dxf.replace(at, 3, "abc");
    const QString damaged = dir.filePath("damaged.dxf");
    writeFile(damaged, dxf);
    CliRun r = runCli({"check", damaged});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, ContainsSubstring("damaged.dxf: line " + std::to_string(lineNo) +
                                        ": error: group code 'abc' is not a number"));

    QFile ifcIn(src("floorplans/ifc/House.ifc"));
    REQUIRE(ifcIn.open(QIODevice::ReadOnly));
    QByteArray ifc = ifcIn.readAll();
    // The project's unit assignment (#9) points at an entity that is not there.
    const QByteArray project = "(#14),#9);";
    REQUIRE(ifc.contains(project));
    ifc.replace(project, "(#14),#99999);");
    const QString noUnits = dir.filePath("no_units.ifc");
    writeFile(noUnits, ifc);
    CliRun u = runCli({"check", noUnits});
    CHECK(u.code == 2);
    CHECK_THAT(u.err, ContainsSubstring("no_units.ifc: IfcProject #18: error: its unit assignment cannot be read"));
}


namespace {

// The text a reader sees: tags, scripts, styles and tooltips removed.
std::string visibleText(const QString& page) {
    QString s = page;
    s.remove(QRegularExpression("<script.*?</script>", QRegularExpression::DotMatchesEverythingOption));
    s.remove(QRegularExpression("<style.*?</style>", QRegularExpression::DotMatchesEverythingOption));
    s.remove(QRegularExpression("<title>.*?</title>", QRegularExpression::DotMatchesEverythingOption));
    s.replace(QRegularExpression("<[^>]*>"), "\n");
    return s.toStdString();
}

QString readText(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

}  // namespace

TEST_CASE("Dutch with --lang nl: the report, the table and the messages; scan.json the same as in English") {
    QTemporaryDir dir;
    QProcessEnvironment env = localeEnv();
    env.insert("SOURCE_DATE_EPOCH", "1767225600");  // the same bytes in both runs
    const CliRun nl = runCli({"scan", src("floorplans/portfolio.gpkg"), "--out", dir.filePath("nl"), "--lang", "nl"}, env);
    const CliRun en = runCli({"scan", src("floorplans/portfolio.gpkg"), "--out", dir.filePath("en"), "--lang", "en"}, env);
    REQUIRE(nl.code == 0);
    REQUIRE(en.code == 0);

    // The printed table and summary.
    CHECK_THAT(nl.out, ContainsSubstring("belangrijkste redenen"));
    CHECK_THAT(nl.out, ContainsSubstring("afstoten"));
    CHECK_THAT(nl.out, ContainsSubstring("scan.done geschreven"));
    CHECK_THAT(en.out, ContainsSubstring("main reasons"));
    CHECK_THAT(en.out, ContainsSubstring("dispose"));

    // The report: headings, navigation, legend, verdict names in Dutch.
    const QString page = readText(dir.filePath("nl/report.html"));
    const std::string text = visibleText(page);
    CHECK(page.contains("<html lang=\"nl\">"));
    for (const char* dutch : {"vgscan-portefeuillerapport", "Overzicht", "Kaart", "Locaties", "Gebouwen", "Legenda",
                              "Oordelen", "Invoer en herkomst", "Regelset vg7", "Status van een regel",
                              "ombouwen naar VG7", "afstoten", "behouden", "clusteren", "gegevens nodig",
                              "voldoet niet", "nachtronde", "Regionale keuze van clusterlocaties"}) {
        INFO(dutch);
        CHECK_THAT(text, ContainsSubstring(dutch));
    }
    // No English heading or verdict name is left where a reader sees it:
    // every badge (verdicts and statuses) shows a Dutch word, and the
    // headings of the English report are gone.
    const QRegularExpression badge("<span class=\"badge (v|st)-([a-z_0-9]+)\">([^<]*)</span>");
    int badges = 0;
    for (auto it = badge.globalMatch(page); it.hasNext();) {
        const auto m = it.next();
        ++badges;
        INFO(m.captured(0).toStdString());
        if (m.captured(2) != "ambulant" && m.captured(2) != "na") CHECK(m.captured(2) != m.captured(3));
    }
    CHECK(badges > 40);
    for (const char* english : {">Legend<", ">Map<", ">Buildings<", ">Overview<", "Inputs and provenance",
                                "Rule status", ">fits_vg7<", ">convert_vg7<", ">keep<", ">dispose<", ">needs_data<",
                                ">failed<", ">all sites<", "back to the table", ">night round<",
                                "Plot and footprints", "months to opening", "Sensitivity"}) {
        INFO(english);
        CHECK_FALSE(page.contains(english));
    }
    // The table's script gets the labels; the machine words stay its keys.
    CHECK(page.contains("\"convert_vg7\":\"ombouwen naar VG7\""));
    CHECK(page.contains("\"v\":\"dispose\""));

    // English is as it was.
    const QString enPage = readText(dir.filePath("en/report.html"));
    CHECK(enPage.contains("<html lang=\"en\">"));
    CHECK(enPage.contains("<h1>vgscan portfolio report</h1>"));
    CHECK(enPage.contains(">Legend</h2>"));
    CHECK(enPage.contains("<span class=\"badge v-dispose\">dispose</span>"));

    // Machine formats do not follow the language.
    CHECK(sha(dir.filePath("nl/scan.json")) == sha(dir.filePath("en/scan.json")));
    CHECK(sha(dir.filePath("nl/sites.csv")) == sha(dir.filePath("en/sites.csv")));
}

namespace {

// What a reader of a page sees or hovers: its text, the tooltips (<title>,
// title=, aria-label=, placeholder=) and the strings of the JSON the table is
// built from. Not counted: ids and the rule set's keys (in <code>, or words
// with '_' or '.'), and the rule set's own section (its quotes and parameter
// sources are the rule set file's words, in the language it was written in).
std::string readerText(const QString& page) {
    QString s = page;
    QString shown;
    // the table's data: its string values
    const QRegularExpression data("<script type=\"application/json\" id=\"vg-data\">(.*?)</script>",
                                  QRegularExpression::DotMatchesEverythingOption);
    for (auto it = data.globalMatch(s); it.hasNext();) {
        const QRegularExpression str("\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (auto st = str.globalMatch(it.next().captured(1)); st.hasNext();) {
            const QString value = st.next().captured(1);
            if (value.contains(' ')) shown += value + "\n";  // one word: a machine value (a verdict, a status)
        }
    }
    const QRegularExpression attr("(?:title|aria-label|placeholder)=\"([^\"]*)\"");
    for (auto it = attr.globalMatch(s); it.hasNext();) shown += it.next().captured(1) + "\n";
    s.remove(QRegularExpression("<script.*?</script>", QRegularExpression::DotMatchesEverythingOption));
    s.remove(QRegularExpression("<style.*?</style>", QRegularExpression::DotMatchesEverythingOption));
    s.remove(QRegularExpression("<code[^>]*>.*?</code>", QRegularExpression::DotMatchesEverythingOption));
    s.replace(QRegularExpression("<[^>]*>"), "\n");
    return (shown + s).toStdString();
}

// The English words of `text` from a list of words that are not Dutch, each
// with the line it stands in. The names of the sample's spaces are the
// user's words ("bedroom A1"), taken out first.
std::vector<std::string> englishIn(std::string text) {
    static const std::vector<QString> names = [] {
        std::set<QString> all;
        for (const QFileInfo& f : QDir(src("floorplans/plans")).entryInfoList({"*.geojson"})) {
            const QString plan = readText(f.filePath());
            // names and ids ("living", "staff1")
            const QRegularExpression name("\"(?:name|id)\"\\s*:\\s*\"([^\"]+)\"");
            for (auto it = name.globalMatch(plan); it.hasNext();) all.insert(it.next().captured(1));
        }
        std::vector<QString> v(all.begin(), all.end());
        std::sort(v.begin(), v.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
        return v;
    }();
    QString q = QString::fromStdString(text);
    for (const QString& n : names)
        q.replace(QRegularExpression("(?<![A-Za-z])" + QRegularExpression::escape(n) + "(?![A-Za-z])"), " ");
    // a name cut short in a plan's label ("plant room (outsi…")
    q.remove(QRegularExpression("\\S[^<>\n]{0,16}…"));
    text = q.toStdString();
    static const std::set<std::string> english = {
        "the", "and", "with", "from", "for", "not", "has", "have", "are", "was", "bedroom", "bedrooms",
        "room", "rooms", "doors", "group", "groups", "site", "sites", "plot", "building", "buildings",
        "corridor", "nearest", "within", "visible", "estimated", "estimate", "unknown", "none", "through",
        "only", "shared", "wall", "walk", "staff", "place", "places", "road", "roads", "fail", "fails",
        "pass", "passes", "needs", "warn", "warning", "too", "away", "far", "close", "each", "every",
        "which", "where", "when", "opens", "onto", "own", "sanitary", "living", "quiet", "outdoor",
        "residents", "homes", "neighbouring", "reach", "travel", "layer", "missing", "cannot", "could",
        "measured", "narrowest", "width", "clear", "seen", "posts", "storey", "area", "free",
        "fits", "turned", "expected", "observed", "verdict", "threshold", "summary", "zoom", "whole", "north",
        "scale", "round", "night", "chosen", "keep",
        "dispose", "convert", "rule", "rules", "set", "source", "sources", "assumption"};
    std::vector<std::string> found;
    std::size_t lineStart = 0;
    const QRegularExpression word("[A-Za-z_0-9.-]*[A-Za-z_0-9]");
    while (lineStart <= text.size()) {
        const std::size_t end = std::min(text.find('\n', lineStart), text.size());
        const std::string line = text.substr(lineStart, end - lineStart);
        for (auto it = word.globalMatch(QString::fromStdString(line)); it.hasNext();) {
            const QString w = it.next().captured(0);
            // keys, ids, file names, numbers; a Dutch compound with a hyphen ("branch-and-bound")
            if (w.contains(QRegularExpression("[_.0-9-]"))) continue;
            if (english.count(w.toLower().toStdString())) {
                found.push_back(w.toStdString() + "  in: " + line.substr(0, 200));
                break;
            }
        }
        lineStart = end + 1;
    }
    return found;
}

}  // namespace

TEST_CASE("Dutch with --lang nl: no English word in the report, check.html or the CLI's output") {
    QTemporaryDir dir;
    const QProcessEnvironment env = localeEnv();
    const CliRun scan = runCli({"scan", src("floorplans/portfolio.gpkg"), "--out", dir.filePath("scan"), "--lang", "nl"}, env);
    REQUIRE(scan.code == 0);
    // A plan that fails rules with findings of every kind (sanitary, sight lines, routes).
    const CliRun check = runCli(
        {"check", src("floorplans/plans/pavilion_1972.geojson"), "--out", dir.filePath("check"), "--lang", "nl"}, env);
    REQUIRE(check.code == 0);
    struct Source {
        const char* what;
        std::string text;
        const char* dutch;
    };
    // The output names files by their paths; the folders' names are not the
    // program's words (a checkout in .../rooms/ is no English text).
    auto withoutPaths = [&](std::string text) {
        for (const std::string& path : {dir.path().toStdString(), sourcePath("")})
            for (auto at = text.find(path); !path.empty() && at != std::string::npos; at = text.find(path, at))
                text.erase(at, path.size());
        return text;
    };
    const std::vector<Source> sources = {
        {"report.html", withoutPaths(readerText(readText(dir.filePath("scan/report.html")))), "eigen sanitair"},
        {"check.html", withoutPaths(readerText(readText(dir.filePath("check/check.html")))), "teampost"},
        {"vgscan scan output", withoutPaths(scan.out + scan.err), "nachtronde"},
        {"vgscan check output", withoutPaths(check.out + check.err), "slaapkamers hebben eigen sanitair"},
    };
    for (const auto& src : sources) {
        INFO(src.what);
        const auto found = englishIn(src.text);
        std::string first;
        for (std::size_t i = 0; i < found.size() && i < 25; ++i) first += found[i] + "\n";
        INFO(found.size() << " lines with an English word; the first:\n" << first);
        CHECK(found.empty());
        // and the test sees the text it means: Dutch words of the rules' texts
        CHECK_THAT(src.text, ContainsSubstring(src.dutch));
    }
}

TEST_CASE("Dutch with --lang nl: every figure in the output of scan and check has the decimal comma") {
    // A figure written with a point ("7.1 %", "(11.75, 2.1)") in a Dutch text
    // reads as a thousands mark to a Dutch reader. The same runs in English
    // must show points, so the test sees the figures it means.
    static const QRegularExpression pointFigure(QStringLiteral("(?<![\\w.])\\d+\\.\\d+(?![\\w.])"));
    static const QRegularExpression commaFigure(QStringLiteral("(?<![\\w,])\\d+,\\d+(?![\\w])"));
    const QProcessEnvironment env = localeEnv();
    QTemporaryDir dir;
    std::vector<std::pair<std::string, CliRun>> runs;
    runs.push_back({"scan", runCli({"scan", src("floorplans/portfolio.gpkg"), "--out", dir.filePath("nl"), "--lang", "nl"}, env)});
    const QDir plans(src("floorplans/plans"));
    for (const QString& plan : plans.entryList({"*.geojson"}, QDir::Files, QDir::Name))
        runs.push_back({"check " + plan.toStdString(), runCli({"check", plans.filePath(plan), "--lang", "nl"}, env)});
    REQUIRE(runs.size() == 11);
    int withComma = 0;
    for (const auto& [what, run] : runs) {
        INFO(what);
        REQUIRE(run.code == 0);
        const QString text = QString::fromStdString(run.out + run.err);
        const auto m = pointFigure.match(text);
        INFO("first figure with a point: " << (m.hasMatch() ? text.mid(std::max(0, int(m.capturedStart()) - 60), 90).toStdString() : ""));
        CHECK(!m.hasMatch());
        withComma += commaFigure.match(text).hasMatch();
    }
    CHECK(withComma >= 10);
    const CliRun english = runCli({"check", src("floorplans/plans/grouphome_1994_a.geojson"), "--lang", "en"}, env);
    CHECK(pointFigure.match(QString::fromStdString(english.out)).hasMatch());
    CHECK_THAT(english.out, ContainsSubstring("at (11.75, 2.1)"));
}

TEST_CASE("the language comes from --lang, else LC_ALL, LC_MESSAGES or LANG; an unknown --lang is exit 1") {
    const QString plan = src("floorplans/plans/newbuild_vg7_2026.geojson");
    // Usage errors show the language: Dutch from LANG=nl_NL, English when
    // LC_ALL (first in POSIX order) says otherwise, and --lang over both.
    CHECK_THAT(runCli({"check", plan, "--format", "xml"}, localeEnv("nl_NL.UTF-8")).err,
               ContainsSubstring("--format moet text of json zijn (niet 'xml')"));
    QProcessEnvironment cAll = localeEnv("nl_NL.UTF-8");
    cAll.insert("LC_ALL", "C.UTF-8");
    CHECK_THAT(runCli({"check", plan, "--format", "xml"}, cAll).err,
               ContainsSubstring("--format must be text or json (got 'xml')"));
    QProcessEnvironment messages = localeEnv();
    messages.insert("LC_MESSAGES", "nl_BE.UTF-8");
    CHECK_THAT(runCli({"check", plan, "--format", "xml"}, messages).err, ContainsSubstring("moet text of json"));
    CHECK_THAT(runCli({"check", plan, "--format", "xml", "--lang", "en"}, localeEnv("nl_NL.UTF-8")).err,
               ContainsSubstring("must be text or json"));
    CHECK_THAT(runCli({"check", plan, "--format=xml", "--lang=nl"}).err, ContainsSubstring("moet text of json"));
    CHECK_THAT(runCli({"--help"}, localeEnv("nl_NL.UTF-8")).out, ContainsSubstring("Afsluitcodes"));

    // Every command takes --lang and rejects an unknown value before any work.
    QTemporaryDir out;
    const std::vector<QStringList> commands = {
        {"check", plan},
        {"scan", src("floorplans/portfolio.gpkg"), "--out", out.filePath("scan")},
        {"select", src("floorplans/portfolio.gpkg")},
        {"import", src("floorplans/dxf/grouphome_linde_mm.dxf"), out.filePath("l.geojson")},
        {"rules"},
        {"diff", out.filePath("a"), out.filePath("b")},
        {"plan", src("floorplans/portfolio.gpkg"), "--need-vg7", "8", "--need-ambulant", "8"},
        {"portfolio", "build", src("floorplans/portfolio.gpkg"), "--out", out.filePath("p.gpkg")},
    };
    for (const auto& args : commands) {
        INFO(args.join(' ').toStdString());
        const CliRun r = runCli(args + QStringList{"--lang", "de"});
        CHECK(r.code == 1);
        CHECK_THAT(r.err, ContainsSubstring("vgscan " + args.front().toStdString() + ": --lang must be nl or en (got 'de')"));
        CHECK(r.out.empty());
        CHECK(runCli(QStringList{args.front(), "--help", "--lang", "nl"}).code == 0);
    }
    CHECK(QDir(out.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());  // nothing written
}
