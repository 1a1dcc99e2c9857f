// The scan's output folder: files written whole or not at all, a marker
// written last, nothing written over an input or through a symlink, no stale
// files mixed in, spreadsheet formulas neutralised, the same bytes twice.
#include "TestKit.h"

#include "io/OutputFiles.h"
#include "io/PortfolioReader.h"
#include "report/HtmlReport.h"
#include "report/Reports.h"
#include "report/ScanFiles.h"
#include "scan/ScanPipeline.h"
#include "ruleset/RuleSet.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cpl_conv.h>

#include <csignal>
#include <map>
#include <set>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

// The sample portfolio and the vg7 rule set, read as a scan reads them,
// and a scan of them (each test its own: some change it or pass options).
struct Sample {
    std::vector<InputIssue> issues;
    Portfolio p = readPortfolio(sourcePath("floorplans/portfolio.gpkg"), issues);
    RuleSet rs = loadRuleSet(findRuleSet("vg7"));
    ScanResult scan(ScanOptions options = {}) const { return ScanPipeline(registry(), rs, std::move(options)).run(p); }
};

QProcessEnvironment envWithEpoch(const char* epoch) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (epoch) env.insert("SOURCE_DATE_EPOCH", epoch);
    return env;
}

CliRun runScan(const QStringList& args, const char* epoch = nullptr) { return runVgscan(args, envWithEpoch(epoch), 180000); }

QString sample() { return QString::fromStdString(sourcePath("floorplans/portfolio.gpkg")); }

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QJsonObject marker(const QString& dir) {
    return QJsonDocument::fromJson(readFile(dir + "/scan.done")).object();
}

std::set<QString> markerFiles(const QString& dir) {
    std::set<QString> names;
    for (const auto& v : marker(dir)["files"].toArray()) names.insert(v.toObject()["name"].toString());
    return names;
}

}  // namespace

TEST_CASE("scan.done is written last and lists every file of the run with its size") {
    QTemporaryDir dir;
    const QString out = dir.filePath("out");
    const CliRun r = runScan({"scan", sample(), "--out", out});
    REQUIRE(r.code == 0);
    const QJsonObject m = marker(out);
    CHECK(m["complete"] == true);
    CHECK(m["sites"] == 11);
    CHECK(m["finished"].toString().size() >= 20);
    const std::set<QString> listed = markerFiles(out);
    CHECK(listed == std::set<QString>{"scan.json", "sites.csv", "sites_nl.csv", "sites.gpkg", "report.html"});
    for (const auto& v : m["files"].toArray()) {
        const QFileInfo info(out + "/" + v.toObject()["name"].toString());
        CHECK(info.size() == v.toObject()["bytes"].toInteger());
    }
    // Nothing else in the folder: no temporary or partial files.
    QStringList expected{"report.html", "scan.done", "scan.json", "sites.csv", "sites.gpkg", "sites_nl.csv"};
    CHECK(entries(out) == expected);
}

TEST_CASE("scan refuses to write over its input portfolio") {
    QTemporaryDir dir;
    const QString input = dir.filePath("sites.gpkg");
    REQUIRE(QFile::copy(sample(), input));
    const QByteArray before = readFile(input);
    const CliRun r = runScan({"scan", input, "--out", dir.path()});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, ContainsSubstring("sites.gpkg is an input of this run"));
    CHECK_THAT(r.err, ContainsSubstring("choose another output folder"));
    CHECK(readFile(input) == before);
    CHECK(entries(dir.path()) == QStringList{"sites.gpkg"});
    // The same folder given another way (a trailing "/." and a symlink to it).
    REQUIRE(QFile::link(dir.path(), dir.filePath("again")));
    const CliRun viaLink = runScan({"scan", input, "--out", dir.filePath("again") + "/."});
    CHECK(viaLink.code == 2);
    CHECK(readFile(input) == before);
}

TEST_CASE("outputs replace symlinks in the folder, never the files they point to") {
    QTemporaryDir dir;
    const QString out = dir.filePath("out");
    QDir().mkpath(out);
    const QString victim = dir.filePath("victim.txt");
    writeFile(victim, "precious");
    for (const char* name : {"scan.json", "sites.csv", "report.html", "sites.gpkg", "scan.done"})
        REQUIRE(QFile::link(victim, out + "/" + name));
    const CliRun r = runScan({"scan", sample(), "--out", out});
    REQUIRE(r.code == 0);
    CHECK(readFile(victim) == "precious");
    for (const char* name : {"scan.json", "sites.csv", "report.html", "sites.gpkg", "scan.done"}) {
        INFO(name);
        const QFileInfo info(out + "/" + name);
        CHECK_FALSE(info.isSymLink());
        CHECK(info.isFile());
        CHECK(info.size() > 100);
    }
}

TEST_CASE("an earlier run's files are not mixed with the new ones; other files stay") {
    QTemporaryDir dir;
    const QString out = dir.filePath("out");
    QDir().mkpath(out);
    // What an earlier, larger run (and a killed one) left behind.
    writeFile(out + "/scan.done", R"({"complete":true,"files":[{"name":"report-sites-0009.html","bytes":3},
                                      {"name":"../escape.txt","bytes":1},{"name":"notes.txt","bytes":1}]})");
    writeFile(out + "/report-sites-0009.html", "old");
    writeFile(out + "/report-sites-0002.html", "old");
    writeFile(out + "/report.html.part-4242", "half a page");
    writeFile(out + "/.scan.tmp-4242-00aa11bb22cc33dd.json", "{\"half");
    writeFile(out + "/.sites.tmp-4242-00aa11bb22cc33dd.gpkg-journal", "j");
    writeFile(out + "/notes.txt", "mine");
    writeFile(dir.filePath("escape.txt"), "outside");
    const CliRun r = runScan({"scan", sample(), "--out", out});
    REQUIRE(r.code == 0);
    QStringList expected{"notes.txt", "report.html", "scan.done", "scan.json", "sites.csv", "sites.gpkg", "sites_nl.csv"};
    CHECK(entries(out) == expected);
    CHECK(readFile(out + "/notes.txt") == "mine");
    CHECK(readFile(dir.filePath("escape.txt")) == "outside");
}

TEST_CASE("two runs give the same bytes; without a fixed time only the named timestamp differs") {
    QTemporaryDir dir;
    const QString a = dir.filePath("a"), b = dir.filePath("b"), c = dir.filePath("c");
    REQUIRE(runScan({"scan", sample(), "--out", a, "--threads", "1"}, "1700000000").code == 0);
    REQUIRE(runScan({"scan", sample(), "--out", b, "--threads", "2"}, "1700000000").code == 0);
    REQUIRE(runScan({"scan", sample(), "--out", c, "--threads", "2"}, "1800000000").code == 0);
    for (const QString& name : entries(a)) {
        INFO(name.toStdString());
        CHECK(readFile(a + "/" + name) == readFile(b + "/" + name));
    }
    for (const QString& name : entries(a)) {
        INFO(name.toStdString());
        QByteArray x = readFile(a + "/" + name), y = readFile(c + "/" + name);
        if (name == "sites.gpkg") {
            // GDAL stamps the tables with the run's time (OGR_CURRENT_DATE): the same length,
            // different only where the timestamp is.
            CHECK(x.size() == y.size());
            continue;
        }
        x.replace("2023-11-14T22:13:20Z", "TIME");
        y.replace("2027-01-15T08:00:00Z", "TIME");
        CHECK(x == y);
    }
}

TEST_CASE("vgscan with jemalloc writes the bytes of the same program with glibc's malloc") {
#ifndef VGSCAN_GLIBC_MALLOC_EXE
    SKIP("vgscan is not linked with jemalloc (core/CMakeLists.txt)");
#else
    // Each program's scan of the sample portfolio and check of every sample
    // plan; jemalloc's statistics on stderr prove which allocator ran.
    auto run = [](const QString& exe, const QStringList& args, bool stats) {
        QProcessEnvironment env = envWithEpoch("1700000000");
        if (stats) env.insert("MALLOC_CONF", "stats_print:true");
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(exe, args);
        INFO(exe.toStdString() << " " << args.join(' ').toStdString());
        REQUIRE(p.waitForFinished(180000));
        CHECK(p.exitCode() == 0);
        const QByteArray err = p.readAllStandardError();
        if (stats) CHECK(err.contains("jemalloc statistics") == (exe == QStringLiteral(VGSCAN_EXE)));
        return p.readAllStandardOutput();
    };
    const QString jem = QStringLiteral(VGSCAN_EXE), glibc = QStringLiteral(VGSCAN_GLIBC_MALLOC_EXE);
    QTemporaryDir dir;
    const QString a = dir.filePath("jemalloc"), b = dir.filePath("glibc");
    run(jem, {"scan", sample(), "--out", a, "--threads", "2"}, true);
    run(glibc, {"scan", sample(), "--out", b, "--threads", "2"}, true);
    REQUIRE(entries(a) == entries(b));
    for (const QString& name : entries(a)) {
        INFO(name.toStdString());
        CHECK(readFile(a + "/" + name) == readFile(b + "/" + name));
    }
    const QStringList plans =
        QDir(QString::fromStdString(sourcePath("floorplans/plans"))).entryList({"*.geojson"}, QDir::Files, QDir::Name);
    REQUIRE(plans.size() >= 10);
    for (const QString& plan : plans) {
        const QString path = QString::fromStdString(sourcePath("floorplans/plans/")) + plan;
        const QByteArray x = run(jem, {"check", path, "--format", "json"}, false);
        CHECK(x.size() > 1000);
        CHECK(x == run(glibc, {"check", path, "--format", "json"}, false));
    }
#endif
}

TEST_CASE("a scan killed while it writes leaves no file that looks complete") {
    QTemporaryDir dir;
    const QString ref = dir.filePath("ref");
    QElapsedTimer clock;
    clock.start();
    REQUIRE(runScan({"scan", sample(), "--out", ref}, "1700000000").code == 0);
    // The kills are spread over the run as long as it took here, the last two
    // after its end: fixed delays from 150 ms came near or after the end of
    // the 0.16 s this run takes on a quiet machine, so whether a kill came
    // early depended on the machine's speed.
    const qint64 took = clock.elapsed();
    std::map<QString, QByteArray> reference;
    for (const QString& name : entries(ref)) reference[name] = readFile(ref + "/" + name);

    int killedEarly = 0;
    for (int k = 0; k < 8; ++k) {
        const QString out = dir.filePath("k" + QString::number(k));
        QProcess p;
        p.setProcessEnvironment(envWithEpoch("1700000000"));
        p.start(VGSCAN_EXE, {"scan", sample(), "--out", out});
        REQUIRE(p.waitForStarted(20000));
        QThread::msleep(static_cast<unsigned long>(took * (2 * k + 1) / 12));
        const bool term = k % 2 == 0;  // SIGTERM cleans up; SIGKILL cannot
        ::kill(static_cast<pid_t>(p.processId()), term ? SIGTERM : SIGKILL);
        REQUIRE(p.waitForFinished(60000));
        killedEarly += p.exitStatus() == QProcess::CrashExit;
        const bool finished = QFileInfo::exists(out + "/scan.done");
        for (const QString& name : entries(out)) {
            INFO("run " << k << ": " << name.toStdString());
            if (name.startsWith('.')) {  // a temporary file: only after SIGKILL, never under a final name
                CHECK_FALSE(term);
                CHECK_FALSE(finished);
                continue;
            }
            REQUIRE(reference.count(name) == 1);
            CHECK(readFile(out + "/" + name) == reference[name]);  // whole, never a part
        }
        if (finished) CHECK(entries(out) == entries(ref));
    }
    CHECK(killedEarly > 0);  // some kill came before the end
}

// A SIGTERM lands on whichever thread the kernel picks, often on a writer
// just back from creating its temporary file. Two threads write without a
// pause in a forked child; the child is stopped by SIGTERM at 40 moments:
// every time, no temporary file may be left. (The scan test above met this
// once in CI: a report page's temporary file created just before its thread
// registered it for the handler.)
TEST_CASE("writeFileAtomically: SIGTERM while two threads write leaves no temporary file") {
    QTemporaryDir dir;
    for (int run = 0; run < 40; ++run) {
        const std::string folder = dir.filePath("r" + QString::number(run)).toStdString();
        REQUIRE(QDir().mkpath(QString::fromStdString(folder)));
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            removeTemporaryFilesOnSignal();
            auto writer = [&](int t) {
                const std::string a(200, 'a');
                for (unsigned i = 0;; ++i) {
                    writeFileAtomically(folder + "/w" + std::to_string(t) + "-" + std::to_string(i % 4) + ".txt", a);
                    writeFileAtomically(folder + "/p" + std::to_string(t) + ".txt",
                                        std::vector<std::string_view>{a, a});
                }
            };
            std::thread other(writer, 1);
            writer(0);
            _exit(0);  // never reached
        }
        ::usleep(static_cast<useconds_t>(2000 + 700 * run));
        ::kill(child, SIGTERM);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        CHECK(WIFSIGNALED(status));
        for (const QString& name : entries(QString::fromStdString(folder))) {
            INFO("run " << run << ": " << name.toStdString());
            CHECK_FALSE(name.startsWith('.'));
        }
    }
}

// A signal during a slow write (a large GeoPackage) waits for that file,
// which is finished under its name, and says so at once; nothing new begins.
TEST_CASE("writeFileAtomically: SIGTERM during a slow write finishes that file, says why it waits, begins no other") {
    QTemporaryDir dir;
    const std::string slow = dir.filePath("slow.txt").toStdString(), next = dir.filePath("next.txt").toStdString();
    int err[2];
    REQUIRE(::pipe(err) == 0);
    int started[2];
    REQUIRE(::pipe(started) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::dup2(err[1], STDERR_FILENO);
        removeTemporaryFilesOnSignal();
        writeFileAtomically(slow, [&](const std::string& tmp) {
            QFile f(QString::fromStdString(tmp));
            if (!f.open(QIODevice::WriteOnly)) _exit(3);
            f.write("slow");
            f.close();
            [[maybe_unused]] const ssize_t n = ::write(started[1], "s", 1);
            ::usleep(1500 * 1000);
        });
        writeFileAtomically(next, std::string_view("next"));
        _exit(0);
    }
    ::close(err[1]);
    ::close(started[1]);
    char c = 0;
    REQUIRE(::read(started[0], &c, 1) == 1);  // the slow file is being written
    ::kill(child, SIGTERM);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
    std::string said;
    char buf[256];
    for (ssize_t n; (n = ::read(err[0], buf, sizeof buf)) > 0;) said.append(buf, static_cast<std::size_t>(n));
    ::close(err[0]);
    ::close(started[0]);
    CHECK_THAT(said, ContainsSubstring("stopping once the file being written is finished"));
    CHECK(readFile(QString::fromStdString(slow)) == "slow");
    CHECK_FALSE(QFileInfo::exists(QString::fromStdString(next)));
    CHECK(entries(dir.path()) == QStringList{"slow.txt"});
}

TEST_CASE("OutputFolder: a failing writer leaves the old file and no temporary file") {
    QTemporaryDir dir;
    OutputFolder folder(dir.path().toStdString(), {"a.json", "b.gpkg"}, {});
    folder.begin();
    folder.write("a.json", std::string_view("first"));
    CHECK_THROWS_WITH(folder.write("a.json", [](const std::string& tmp) {
                          QFile f(QString::fromStdString(tmp));
                          REQUIRE(f.open(QIODevice::WriteOnly));
                          f.write("half");
                          f.close();
                          throw std::runtime_error("disk full (simulated)");
                      }),
                      ContainsSubstring("disk full"));
    CHECK(readFile(dir.filePath("a.json")) == "first");
    CHECK(entries(dir.path()) == QStringList{"a.json"});
    CHECK_FALSE(QFileInfo::exists(dir.filePath("scan.done")));  // not finished
    folder.finish({});
    CHECK(QFileInfo::exists(dir.filePath("scan.done")));
}

TEST_CASE("OutputFolder: files derived from the earlier run are removed when the run finishes, never an input") {
    QTemporaryDir dir;
    for (const char* name : {"plan.html", "plan.csv", "plan.json", "plan.txt", "notes.html"}) {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(name);
    }
    REQUIRE(QDir(dir.path()).mkdir("plan.dir"));  // a folder by a derived name is not removed
    // plan.csv is one of this run's inputs: kept, and not refused as it would
    // be under one of the run's own names.
    OutputFolder folder(dir.path().toStdString(), {"a.json"}, {dir.filePath("plan.csv").toStdString()},
                        {"plan.html", "plan.json", "plan.csv", "plan.*"});
    folder.begin();
    folder.write("a.json", std::string_view("{}"));
    CHECK(QFileInfo::exists(dir.filePath("plan.html")));  // removed only by a finished run
    CHECK(folder.removedDerived().empty());
    folder.finish({});
    CHECK(folder.removedDerived() == std::vector<std::string>{"plan.html", "plan.json", "plan.txt"});
    CHECK(entries(dir.path()) == QStringList{"a.json", "notes.html", "plan.csv", "scan.done"});
    CHECK(QFileInfo(dir.filePath("plan.dir")).isDir());
}

TEST_CASE("OutputFolder: a text in pieces is written as their concatenation, replacing the old file") {
    // scan.json is written from its sites' texts and the frame around them
    // without joining them first.
    QTemporaryDir dir;
    OutputFolder folder(dir.path().toStdString(), {"a.json"}, {});
    folder.begin();
    folder.write("a.json", std::string_view("old text"));
    const std::string big(100000, 'x');
    folder.write("a.json", std::vector<std::string_view>{"{\"a\": [", "", big, ",\n", "1]}"});
    CHECK(readFile(dir.filePath("a.json")) == QByteArray::fromStdString("{\"a\": [" + big + ",\n1]}"));
    CHECK(entries(dir.path()) == QStringList{"a.json"});  // no temporary file left
    folder.finish({});
}

TEST_CASE("CSV: text that a spreadsheet would run as a formula is neutralised, numbers are not") {
    RuleSet rs;
    RuleEntry e;
    e.key = "delta";
    e.rule = "delta";
    rs.rules.push_back(e);
    std::vector<Site> sites(5);
    const char* names[] = {"=HYPERLINK(\"http://x\",\"y\")", "+31 6 1234", "-2+3", "@SUM(A1)", "Plain -name"};
    std::vector<SiteAssessment> results;
    for (int i = 0; i < 5; ++i) {
        sites[i].id = "s" + std::to_string(i);
        sites[i].name = names[i];
        SiteAssessment a;
        a.site = &sites[i];
        EvaluatedRule r;
        r.entry = &rs.rules[0];
        r.result.status = Status::Fail;
        r.result.value = -3.5 * i;
        a.results.push_back(r);
        results.push_back(a);
    }
    sites[4].profile = "=1+1";
    sites[0].attributes["level_m"] = "-2.5";   // a site's own column: a number stays a number
    sites[1].attributes["level_m"] = "-1e3";
    sites[2].attributes["level_m"] = "-cmd|' /C calc'!A0";
    const std::string csv = scanCsv(rs, results);
    CHECK_THAT(csv, ContainsSubstring("s0,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
    CHECK_THAT(csv, ContainsSubstring("s1,'+31 6 1234,"));
    CHECK_THAT(csv, ContainsSubstring("s2,'-2+3,"));
    CHECK_THAT(csv, ContainsSubstring("s3,'@SUM(A1),"));
    CHECK_THAT(csv, ContainsSubstring("s4,Plain -name,'=1+1,"));
    CHECK_THAT(csv, ContainsSubstring(",fail,0,-2.5\n"));  // figures and plain numbers stay numbers
    CHECK_THAT(csv, ContainsSubstring(",fail,-3.5,-1e3\n"));
    CHECK_THAT(csv, ContainsSubstring(",fail,-7,'-cmd|' /C calc'!A0\n"));
    CHECK_THAT(csv, ContainsSubstring(",fail,-14,\n"));
    const std::string nl = scanCsv(rs, results, CsvDialect::dutchSpreadsheet());
    CHECK_THAT(nl, ContainsSubstring("s2;'-2+3;"));
    CHECK_THAT(nl, ContainsSubstring(";fail;-3,5;-1e3\n"));
}

TEST_CASE("a large portfolio's buildings go on pages that the main page links to") {
    const Sample s;
    const ScanResult r = s.scan();
    HtmlReportInput in;
    in.portfolio = &s.p;
    in.ruleset = &s.rs;
    in.sites = &r.sites;
    in.version = "t";
    in.index = r.index.get();
    in.sitesPerPage = 4;  // 11 sites: pages of 4, 4 and 3
    const HtmlReportPages pages(in, "report.html");
    REQUIRE(pages.count() == 4);
    CHECK(pages.name(0) == "report.html");
    CHECK(pages.name(1) == "report-sites-0001.html");
    CHECK(pages.name(3) == "report-sites-0003.html");
    const std::string main = pages.page(0);
    CHECK(main.find("<section class=\"bld\"") == std::string::npos);
    std::size_t sections = 0;
    for (std::size_t k = 1; k < pages.count(); ++k) {
        const std::string page = pages.page(k);
        INFO(pages.name(k));
        CHECK(page.find("</html>") != std::string::npos);
        CHECK(page.find("<a href=\"report.html#sites\">↑ back to the table</a>") != std::string::npos);
        for (std::size_t i = (k - 1) * 4; i < std::min<std::size_t>(k * 4, r.sites.size()); ++i) {
            const std::string anchor = "site-" + r.sites[i].site->id;
            CHECK(page.find("<section class=\"bld\" id=\"" + anchor + "\"") != std::string::npos);
            // The main page's map and table link to the site on its page.
            CHECK(main.find("href=\"" + pages.name(k) + "#" + anchor + "\"") != std::string::npos);
            CHECK(main.find("\"p\":\"" + pages.name(k) + "\"") != std::string::npos);
            ++sections;
        }
        std::size_t at = 0, here = 0;
        while ((at = page.find("<section class=\"bld\"", at)) != std::string::npos) ++here, ++at;
        CHECK(here == std::min<std::size_t>(4, r.sites.size() - (k - 1) * 4));
    }
    CHECK(sections == r.sites.size());
    // Piece by piece (as the scan's threads make them): the same pieces.
    for (std::size_t k = 0; k < pages.count(); ++k) {
        const std::vector<std::string> whole = pages.pieces(k);
        REQUIRE(pages.pieceCount(k) == whole.size());
        CHECK(pages.pieceCount(k) == (k == 0 ? 1 : std::min<std::size_t>(4, r.sites.size() - (k - 1) * 4) + 2));
        for (std::size_t j = whole.size(); j-- > 0;) CHECK(pages.piece(k, j) == whole[j]);
    }
    // Written by the scan: the same pages beside report.html.
    QTemporaryDir dir;
    writeHtmlReport(dir.filePath("report.html").toStdString(), in);
    CHECK(entries(dir.path()) == QStringList{"report-sites-0001.html", "report-sites-0002.html",
                                            "report-sites-0003.html", "report.html"});
}

TEST_CASE("scan.json's text made site by site on threads is Qt's text of the whole object, byte for byte") {
    const Sample s;
    const ScanResult r = s.scan();
    REQUIRE(r.sites.size() > 1);
    ScanFilesInput in;
    in.portfolio = &s.p;
    in.ruleset = &s.rs;
    in.result = &r;
    const QByteArray whole = QJsonDocument(scanJson(in)).toJson(QJsonDocument::Indented);
    CHECK(scanJsonText(in, 1) == whole);
    CHECK(scanJsonText(in, 2) == whole);
    // One site and none: the array's edges.
    for (std::size_t n : {std::size_t{1}, std::size_t{0}}) {
        ScanResult few;
        few.sites.assign(r.sites.begin(), r.sites.begin() + static_cast<std::ptrdiff_t>(n));
        few.clusters = r.clusters;
        few.selection = r.selection;
        in.result = &few;
        INFO(n << " sites");
        CHECK(scanJsonText(in, 2) == QJsonDocument(scanJson(in)).toJson(QJsonDocument::Indented));
    }
}

TEST_CASE("sites.gpkg with the rows' fields set by number is the file set by name, byte for byte") {
    const Sample s;
    const ScanResult r = s.scan();
    QTemporaryDir dir;
    CPLSetConfigOption("OGR_CURRENT_DATE", "2025-11-24T16:00:00Z");  // the tables' date, as the scan sets it
    auto written = [&](GpkgFields way, const char* name) {
        const std::string path = dir.filePath(name).toStdString();
        writeScanGpkg(path, s.p, s.rs, r.sites, way);
        QFile f(QString::fromStdString(path));
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    };
    const QByteArray byNumber = written(GpkgFields::ByNumber, "number.gpkg");
    const QByteArray byName = written(GpkgFields::ByName, "name.gpkg");
    CPLSetConfigOption("OGR_CURRENT_DATE", nullptr);
    REQUIRE(byNumber.size() > 100000);
    CHECK(byNumber == byName);
}

namespace {

// Every file of a scan's folder by name (scan.done included).
std::map<QString, QByteArray> folderFiles(const QString& dir) {
    std::map<QString, QByteArray> files;
    for (const QString& name : entries(dir)) files[name] = readFile(dir + "/" + name);
    return files;
}

}  // namespace

TEST_CASE("the regional choice made while the files are written gives the files of a scan that made it first") {
    const Sample s;
    ScanResult first = s.scan();
    REQUIRE(first.selection.made);  // the sample has cluster sites to choose among
    ScanOptions later;
    later.choiceLater = true;
    CHECK_FALSE(s.scan(later).selection.made);
    QTemporaryDir dir;
    auto write = [&](ScanResult& result, const QString& name, std::function<void()> choose, unsigned threads) {
        result.threads = threads;  // the threads the files are written with
        OutputFolder folder(dir.filePath(name).toStdString(), scanFileNames(), scanInputs(s.p, s.rs), scanDerivedFileNames());
        ScanFilesInput in{&s.p, &s.rs, &result, "t", "2025-11-24T16:00:00Z", &s.issues};
        in.choose = std::move(choose);
        writeScanFiles(folder, in);
        return folderFiles(dir.filePath(name));
    };
    const auto before = write(first, "first", {}, 2);
    REQUIRE(before.count("report.html"));
    CHECK(before.at("report.html").contains("class=\"selected\""));  // the choice is on the map
    for (unsigned threads : {1u, 2u, 3u}) {
        ScanResult again = s.scan(later);
        const auto after = write(again, "later" + QString::number(threads), [&] { chooseForScan(again, s.p); }, threads);
        INFO(threads << " threads");
        CHECK(again.selection.made);
        REQUIRE(after.size() == before.size());
        for (const auto& [name, bytes] : before) {
            INFO(name.toStdString());
            CHECK(after.at(name) == bytes);
        }
    }
}

TEST_CASE("a regional choice that fails fails the scan's files, after the others are written, without scan.done") {
    const Sample s;
    ScanOptions later;
    later.choiceLater = true;
    const ScanResult r = s.scan(later);
    QTemporaryDir dir;
    OutputFolder folder(dir.path().toStdString(), scanFileNames(), scanInputs(s.p, s.rs), scanDerivedFileNames());
    ScanFilesInput in{&s.p, &s.rs, &r, "t", "2025-11-24T16:00:00Z", &s.issues};
    in.choose = [] { throw std::runtime_error("no choice"); };
    CHECK_THROWS_WITH(writeScanFiles(folder, in), "no choice");
    CHECK_FALSE(QFileInfo::exists(dir.filePath("scan.done")));
    CHECK_FALSE(QFileInfo::exists(dir.filePath("report.html")));  // it waits for the choice
    CHECK_FALSE(QFileInfo::exists(dir.filePath("scan.json")));
}
