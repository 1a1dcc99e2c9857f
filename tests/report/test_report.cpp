// The HTML report. Structural checks read the generated file as text; the
// browser tests open it in headless Chromium and read the DOM after the
// page's script ran (the script writes what it rendered into data-*
// attributes of <body>, and script errors into data-errors).
#include "TestKit.h"

#include "derive/ContextIndex.h"
#include "derive/Placement.h"
#include "io/PortfolioReader.h"
#include "i18n/Language.h"
#include "report/HtmlReport.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"
#include "select/ScanSelection.h"
#include "classify/Friction.h"
#include "report/Reports.h"
#include "report/ScanDiff.h"
#include "i18n/Terms.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <optional>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <random>
#include <regex>
#include <sstream>

using namespace vgscan;
using Catch::Matchers::ContainsSubstring;

namespace {

// The browser: Debian's chromium; VGSCAN_CHROMIUM names another binary.
QString chromium() {
    const QByteArray env = qgetenv("VGSCAN_CHROMIUM");
    return env.isEmpty() ? QStringLiteral("/usr/bin/chromium") : QString::fromLocal8Bit(env);
}

std::string artefact(const std::string& name) { return std::string(VGSCAN_REPORT_ARTEFACT_DIR) + "/" + name; }

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

size_t count(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
    return n;
}

std::string sha256(const std::string& path) {
    QFile f(QString::fromStdString(path));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex().toStdString();
}

// The text of one building section: from its anchor to its back link.
std::string section(const std::string& html, const std::string& anchor) {
    const size_t start = html.find("<section class=\"bld\" id=\"" + anchor + "\"");
    if (start == std::string::npos) return "";
    const size_t end = html.find("<p class=\"back\">", start);
    return html.substr(start, end - start);
}

// --- the sample portfolio, scanned with the plugins of this build -----------

struct Scan {
    Portfolio portfolio;
    RuleSet ruleset;
    std::vector<SiteAssessment> sites;
};

const Scan& sampleScan() {
    static const std::unique_ptr<Scan> scan = [] {
        auto s = std::make_unique<Scan>();
        std::vector<InputIssue> issues;
        s->portfolio = readPortfolio(test::sourcePath("floorplans/portfolio.gpkg"), issues);
        s->ruleset = loadRuleSet(test::sourcePath("rulesets/vg7.json"));
        Engine engine(test::registry(), s->ruleset);
        const ContextIndex index(s->portfolio.context);
        for (const auto& site : s->portfolio.sites) s->sites.push_back(engine.scan(site, index));
        return s;
    }();
    return *scan;
}

const std::string& sampleReport() {
    static const std::string path = [] {
        const Scan& s = sampleScan();
        const std::string p = artefact("report-sample.html");
        writeHtmlReport(p, {&s.portfolio, &s.ruleset, &s.sites, "9.9.9-test"});
        return p;
    }();
    return path;
}

// --- a synthetic portfolio: n sites with a plan of `rooms` rooms each --------

struct Synthetic {
    Portfolio portfolio;
    RuleSet ruleset;
    std::vector<SiteAssessment> sites;
};

const Status kStatusCycle[] = {Status::Pass, Status::Fail, Status::Warn, Status::NotApplicable, Status::Unknown};

// The footprint of a w × h plan placed on its site.
Polygon placedRect(const PlanPlacement& at, double w, double h) {
    Polygon r;
    r.outer() = {{0, 0}, {w, 0}, {w, h}, {0, h}, {0, 0}};
    return toWorld(r, at);
}

std::unique_ptr<Synthetic> synthetic(int n, int rooms, const std::string& hostile) {
    auto s = std::make_unique<Synthetic>();
    // A rule set file of our own, so the page can show the parameter sources.
    const std::string rsPath = artefact("report-synthetic-ruleset.json");
    {
        std::ofstream out(rsPath);
        out << R"({"name":"synthetic","rules":[)"
            << R"({"key":"room_rule","rule":"room_rule","severity":"gate","parameters":{"min_m2":{"value":12,"source":"synthetic source A"}}},)"
            << R"({"key":"site_rule","rule":"site_rule","severity":"score","parameters":{"max_m":{"value":500,"source":"synthetic source B"}}}]})";
    }
    s->ruleset.source = rsPath;
    s->ruleset.name = "synthetic";
    RuleEntry a;
    a.key = hostile.empty() ? "room_rule" : hostile;
    a.rule = "room_rule";
    a.severity = Severity::Gate;
    a.parameters.insert("min_m2", 12);
    RuleEntry b;
    b.key = "site_rule";
    b.rule = "site_rule";
    b.severity = Severity::Score;
    b.parameters.insert("max_m", 500);
    s->ruleset.rules = {a, b};
    s->portfolio.source = artefact("report-synthetic-portfolio.gpkg");  // not written: its checksum shows 'not readable'
    s->portfolio.sites.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        Site& site = s->portfolio.sites[static_cast<size_t>(i)];
        char id[16];
        std::snprintf(id, sizeof id, "X%04d", i);
        site.id = id;
        site.name = (i == 0 && !hostile.empty()) ? hostile : "Site number " + std::to_string(i);
        site.places = 4 + i % 20;
        site.profile = i % 2 ? "VG3" : "VG4";
        const double x0 = 140000 + (i % 25) * 400.0, y0 = 450000 + (i / 25) * 400.0;
        Polygon plot;
        plot.outer() = {{x0, y0}, {x0 + 80, y0}, {x0 + 80, y0 + 60}, {x0, y0 + 60}, {x0, y0}};
        site.plot = {plot};
        site.placement = {x0 + 10, y0 + 10, 15.0, true};
        auto plan = std::make_shared<FloorPlan>();
        plan->name = site.name;
        for (int r = 0; r < rooms; ++r) {
            const double rx = (r % 6) * 4.1, ry = (r / 6) * 4.1;
            Space sp = test::rect("R" + std::to_string(r), r % 5 ? SpaceUse::Bedroom : SpaceUse::Corridor, rx, ry,
                                  rx + 4, ry + 4, "A", r % 2);
            if (r == 0 && !hostile.empty()) sp.name = hostile;
            plan->spaces.push_back(sp);
        }
        plan->openings.push_back(test::door("d1", "R0", "R1", 4.0, 1.5, 4.0, 2.4));
        plan->openings.push_back(test::door("w1", "R0", "outside", 0.0, 1.0, 0.0, 3.0, OpeningKind::Window));
        plan->staffPosts.push_back({"post1", 0, "A", Point(2, 2)});
        site.footprints = {placedRect(site.placement, 24.6, 4.1 * ((rooms + 5) / 6))};
        SiteAssessment as;
        as.site = &site;
        as.plan = plan;
        as.bedrooms = rooms - (rooms + 4) / 5;
        as.classification.verdict = i % 3 == 0 ? Verdict::ConvertToVG7 : Verdict::Dispose;
        as.classification.reasons = {"reason for " + site.id};
        as.classification.score = i % 101;
        as.classification.scoreRules = 1;
        EvaluatedRule er;
        er.entry = &s->ruleset.rules[0];
        er.scope = "building";
        er.result.status = i == 1 ? Status::Fail : kStatusCycle[i % 5];
        er.result.value = i * 0.5;
        er.result.unit = "m²";
        er.result.threshold = ">= 12";
        er.result.summary = "summary " + site.id;
        Finding f;
        f.object = "R1";
        f.objectType = "space";
        f.message = hostile.empty() ? "too small" : hostile;
        f.expected = ">= 12 m²";
        f.observed = "11 m²";
        f.location = Point(6, 2);
        f.storey = 1;
        er.result.findings.push_back(f);
        f.location.reset();  // a finding without a place: listed, not drawn
        er.result.findings.push_back(f);
        Shape shape;
        shape.label = hostile.empty() ? "area seen" : hostile;
        shape.storey = 1;
        shape.area = MultiPolygon{plan->spaces[1].shape};
        er.result.shapes.push_back(shape);
        as.results.push_back(er);
        EvaluatedRule sr;
        sr.entry = &s->ruleset.rules[1];
        sr.scope = "site";
        sr.result.status = Status::Pass;
        sr.result.value = 120;
        sr.result.unit = "m";
        Shape route;
        route.label = "route";
        route.line = {{x0, y0}, {x0 + 200, y0 + 150}};
        sr.result.shapes.push_back(route);
        Finding sf;
        sf.object = site.id;
        sf.objectType = "site";
        sf.message = "nearest service";
        sf.location = Point(x0 + 200, y0 + 150);
        sr.result.findings.push_back(sf);
        as.results.push_back(sr);
        s->sites.push_back(std::move(as));
    }
    return s;
}

}  // namespace

// --- structure ---------------------------------------------------------------

TEST_CASE("Every site of the sample portfolio is listed with its own section") {
    const Scan& s = sampleScan();
    const std::string html = readAll(sampleReport());
    REQUIRE(s.sites.size() == 11);
    for (const auto& a : s.sites) {
        INFO("site " << a.site->id);
        CHECK(count(html, "id=\"site-" + a.site->id + "\"") == 1);           // its section
        CHECK(count(html, "href=\"#site-" + a.site->id + "\"") >= 1);        // linked from the map
        CHECK(html.find("\"a\":\"site-" + a.site->id + "\"") != std::string::npos);  // a table row
        CHECK(count(section(html, "site-" + a.site->id), "id=\"v-site-" + a.site->id + "-plot\"") == 1);
    }
    // Counts per verdict are in the static page.
    int dispose = 0;
    for (const auto& a : s.sites) dispose += !a.failed && a.classification.verdict == Verdict::Dispose;
    CHECK(html.find("<b>" + std::to_string(dispose) + "</b><span>dispose</span>") != std::string::npos);
    CHECK(html.find("<b>11</b><span>all sites</span>") != std::string::npos);
}

TEST_CASE("Each plan is drawn with one polygon per space on its storeys") {
    const Scan& s = sampleScan();
    const std::string html = readAll(sampleReport());
    int withPlan = 0;
    for (const auto& a : s.sites) {
        const std::string sec = section(html, "site-" + a.site->id);
        INFO("site " << a.site->id);
        REQUIRE_FALSE(sec.empty());
        if (!a.plan) {
            CHECK(count(sec, "class=\"sp\"") == 0);
            CHECK(sec.find("No floor plan") != std::string::npos);
            continue;
        }
        ++withPlan;
        CHECK(count(sec, "class=\"sp\"") == a.plan->spaces.size());
        CHECK(count(sec, "<svg class=\"vg plan\"") == a.plan->storeys().size());
        size_t doors = 0, windows = 0;
        for (const auto& o : a.plan->openings) {
            doors += o.kind == OpeningKind::Door;
            windows += o.kind == OpeningKind::Window;
        }
        CHECK(count(sec, "class=\"op door\"") == doors);
        CHECK(count(sec, "class=\"op window\"") == windows);
        CHECK(count(sec, "class=\"post\"") == a.plan->staffPosts.size());
    }
    CHECK(withPlan == 10);
}

TEST_CASE("Findings with a place are numbered markers linked to their rows") {
    const Scan& s = sampleScan();
    const std::string html = readAll(sampleReport());
    for (const auto& a : s.sites) {
        const std::string anchor = "site-" + a.site->id;
        const std::string sec = section(html, anchor);
        int n = 0;
        size_t drawn = 0;
        for (const auto& r : a.results) {
            for (const auto& f : r.result.findings) {
                ++n;
                const std::string row = "f-" + anchor + "-" + std::to_string(n);
                INFO(row);
                CHECK(count(sec, "<tr class=\"finding\" id=\"" + row + "\"") == 1);
                if (f.location) {
                    // One marker per view it is drawn on: storey given or a site rule → one view.
                    CHECK(count(sec, "<a href=\"#" + row + "\" class=\"mk") >= 1);
                    ++drawn;
                }
            }
        }
        CHECK(count(sec, "class=\"mk ") >= drawn);
    }
}

TEST_CASE("The rule set is shown with every parameter and its source") {
    const Scan& s = sampleScan();
    const std::string html = readAll(sampleReport());
    for (const auto& e : s.ruleset.rules) {
        INFO(e.key);
        CHECK(html.find("<tr id=\"rs-" + html::slug(e.key) + "\">") != std::string::npos);
        for (auto it = e.parameters.begin(); it != e.parameters.end(); ++it)
            CHECK(html.find("<b>" + it.key().toStdString() + "</b> = ") != std::string::npos);
    }
    // A source text from rulesets/vg7.json, as written there.
    CHECK(html.find("groups above about 21 residents with this complexity are not sustainable") != std::string::npos);
    CHECK(html.find("vgscan 9.9.9-test") != std::string::npos);
}

TEST_CASE("Input files are listed with their SHA-256 checksums") {
    const Scan& s = sampleScan();
    const std::string html = readAll(sampleReport());
    CHECK(html.find(sha256(s.portfolio.source)) != std::string::npos);
    CHECK(html.find(sha256(s.ruleset.source)) != std::string::npos);
    for (const auto& site : s.portfolio.sites)
        if (!site.planFile.empty()) {
            INFO(site.planFile);
            CHECK(html.find(sha256(site.planFile)) != std::string::npos);
        }
    // No network: nothing is loaded from elsewhere.
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
}

TEST_CASE("Hostile names are escaped everywhere") {
    const std::string hostile = "<script>alert(1)</script><img src=x onerror=\"document.body.dataset.pwned='1'\">";
    auto syn = synthetic(3, 8, hostile);
    const std::string path = artefact("report-hostile.html");
    writeHtmlReport(path, {&syn->portfolio, &syn->ruleset, &syn->sites, "<b>v</b>"});
    const std::string html = readAll(path);
    CHECK(html.find("<script>alert(1)") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>v</b>") == std::string::npos);
    // Only the page's own three scripts: error hook, data, code.
    CHECK(count(html, "<script") == 3);
    CHECK(count(html, "</script>") == 3);
    // As text in the markup, and as \u003c in the embedded JSON.
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;") != std::string::npos);
    CHECK(html.find("\\u003cscript\\u003ealert(1)") != std::string::npos);
}

TEST_CASE("The check page draws the plan and its rule table") {
    FloorPlan plan = test::loadFixture("floorplans/plans/villa_1925.geojson");
    const RuleSet rs = loadRuleSet(test::sourcePath("rulesets/vg7.json"));
    Engine engine(test::registry(), rs);
    const BuildingAssessment a = engine.check(plan);
    const std::string path = artefact("report-check.html");
    writeCheckHtml(path, plan, a, rs, "9.9.9-test");
    const std::string html = readAll(path);
    CHECK(count(html, "class=\"sp\"") == plan.spaces.size());
    CHECK(count(html, "<svg class=\"vg plan\"") == 2);  // two storeys
    // every rule a row; gates of other routes than fits_vg7 apart ("rule off")
    CHECK(count(html, "<tr class=\"rule\">") + count(html, "<tr class=\"rule off\">") == rs.rules.size());
    CHECK(html.find(sha256(plan.source)) != std::string::npos);
    CHECK(html.find(std::string("badge v-") + a.classification.verdict) != std::string::npos);
    // a plan alone: the building check, and the site rules named as not assessed
    CHECK(html.find("site rules not assessed") != std::string::npos);
}

TEST_CASE("Evidence shapes go to their storey and site shapes to the plot") {
    auto syn = synthetic(2, 12, "");
    const std::string path = artefact("report-synthetic-small.html");
    writeHtmlReport(path, {&syn->portfolio, &syn->ruleset, &syn->sites, "t"});
    const std::string html = readAll(path);
    const std::string sec = section(html, "site-X0001");
    // Storey 1: the area shape and the marker of finding 1; storey 0 neither.
    const size_t s0 = sec.find("id=\"v-site-X0001-s0\""), s1 = sec.find("id=\"v-site-X0001-s1\""),
                 pl = sec.find("id=\"v-site-X0001-plot\""), ar = sec.find("id=\"v-site-X0001-area\"");
    REQUIRE(s0 < s1);
    REQUIRE(s1 < pl);
    REQUIRE(pl < ar);
    REQUIRE(ar != std::string::npos);
    const std::string storey0 = sec.substr(s0, s1 - s0), storey1 = sec.substr(s1, pl - s1),
                      plot = sec.substr(pl, ar - pl), area = sec.substr(ar);
    CHECK(count(storey0, "class=\"ev\"") == 0);
    CHECK(count(storey1, "class=\"ev\"") == 1);
    CHECK(count(storey1, "<a href=\"#f-site-X0001-1\" class=\"mk st-fail\"") == 1);
    CHECK(count(sec, "href=\"#f-site-X0001-2\"") == 0);  // no location: not drawn
    // The site rule's route runs 250 m off the 80 × 60 m plot: drawn on the
    // plot (cut at its frame) and whole on the surroundings, where its end
    // marker is (outside the plot view, so not there).
    CHECK(count(plot, "class=\"evl\"") == 1);
    CHECK(count(area, "class=\"evl\"") == 1);
    CHECK(count(plot, "<a href=\"#f-site-X0001-3\"") == 0);
    CHECK(count(area, "<a href=\"#f-site-X0001-3\"") == 1);
    CHECK(sec.find("on the <a href=\"#v-site-X0001-area\">surroundings</a>") != std::string::npos);
    // The placed plan is drawn on the plot faintly: one outline per space of its lowest storey.
    CHECK(count(plot, "class=\"placed\"") == 6);
    // Rooms 0..11 alternate storeys 0 and 1: six polygons on each.
    CHECK(count(storey0, "class=\"sp\"") == 6);
    CHECK(count(storey1, "class=\"sp\"") == 6);
    // The parameter sources come from the rule set file.
    CHECK(html.find("synthetic source A") != std::string::npos);
    CHECK(html.find("synthetic source B") != std::string::npos);
}

TEST_CASE("An unwritable path throws naming the path") {
    auto syn = synthetic(1, 2, "");
    const std::string bad = "/nonexistent-dir-vgscan/report.html";
    try {
        writeHtmlReport(bad, {&syn->portfolio, &syn->ruleset, &syn->sites, "t"});
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find(bad) != std::string::npos);
    }
}

TEST_CASE("An empty portfolio still gives a page") {
    auto syn = synthetic(0, 0, "");
    const std::string path = artefact("report-empty.html");
    writeHtmlReport(path, {&syn->portfolio, &syn->ruleset, &syn->sites, "t"});
    const std::string html = readAll(path);
    CHECK(html.find("<b>0</b><span>all sites</span>") != std::string::npos);
    CHECK(count(html, "<section class=\"bld\"") == 0);
    CHECK(html.find("</html>") != std::string::npos);
}

// Speed is bench_scan's business (no timed unit tests: this machine is noisy);
// here: 500 sites are all written, within a sane size.
TEST_CASE("500 sites are written in full") {
    auto syn = synthetic(500, 30, "");
    const std::string path = artefact("report-500.html");
    writeHtmlReport(path, {&syn->portfolio, &syn->ruleset, &syn->sites, "t"});
    const std::string html = readAll(path);
    CHECK(count(html, "<section class=\"bld\"") == 500);
    CHECK(count(html, "class=\"sp\"") == 500u * 30u);
    CHECK(html.size() < 40u * 1024u * 1024u);
}

// --- a real browser ------------------------------------------------------------

namespace {

struct Page {
    std::string dom;
    std::string log;
};

// Opens `file#fragment` in headless Chromium and returns the DOM after the
// scripts ran; with `screenshot`, takes one instead (dom is then empty).
Page runChromium(const std::string& file, const std::string& fragment, const std::string& screenshot = "") {
    if (!QFile::exists(chromium()))
        FAIL("the headless browser test needs " << chromium().toStdString()
                                                << ": install the Debian package 'chromium' (apt-get install -y "
                                                   "--no-install-recommends chromium; scripts/setup does)");
    QTemporaryDir profile;  // a fresh profile: no state from earlier runs
    REQUIRE(profile.isValid());
    QStringList args{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + profile.path(), "--enable-logging=stderr", "--v=0",
                     "--virtual-time-budget=5000"};
    if (screenshot.empty()) args << "--dump-dom";
    else args << QString::fromStdString("--screenshot=" + screenshot) << "--window-size=1400,1000" << "--hide-scrollbars";
    args << QString::fromStdString("file://" + file + fragment);
    QProcess p;
    p.start(chromium(), args);
    REQUIRE(p.waitForStarted(20000));
    const bool finished = p.waitForFinished(180000);
    if (!finished) p.kill();
    Page page{p.readAllStandardOutput().toStdString(), p.readAllStandardError().toStdString()};
    INFO("chromium stderr: " << page.log.substr(0, 4000));
    REQUIRE(finished);
    REQUIRE(p.exitCode() == 0);
    return page;
}

// The value of a data-* attribute of <body> in a dumped DOM ("" if absent).
std::string bodyAttr(const std::string& dom, const std::string& name) {
    const size_t b = dom.find("<body");
    if (b == std::string::npos) return "";
    const std::string tag = dom.substr(b, dom.find('>', b) - b);
    const std::regex re(" data-" + name + "=\"([^\"]*)\"");
    std::smatch m;
    return std::regex_search(tag, m, re) ? m[1].str() : std::string("<absent>");
}

}  // namespace

TEST_CASE("Browser: the sample report runs its script and renders every row") {
    const Scan& s = sampleScan();
    const Page page = runChromium(sampleReport(), "#vgscan-selftest");
    INFO("chromium stderr: " << page.log.substr(0, 2000));
    REQUIRE(bodyAttr(page.dom, "ready") == "1");
    CHECK(bodyAttr(page.dom, "errors").empty());
    CHECK(bodyAttr(page.dom, "rows") == std::to_string(s.sites.size()));
    size_t spaces = 0, storeys = 0;
    for (const auto& a : s.sites)
        if (a.plan) {
            spaces += a.plan->spaces.size();
            storeys += a.plan->storeys().size();
        }
    CHECK(bodyAttr(page.dom, "spaces") == std::to_string(spaces));
    CHECK(bodyAttr(page.dom, "plans") == std::to_string(storeys));
    CHECK(bodyAttr(page.dom, "keys") == std::to_string(s.ruleset.rules.size()));
    // The self-test filtered on the last id (S11: only itself matches) and
    // sorted by name descending (Woonvoorziening... first).
    CHECK(bodyAttr(page.dom, "filter-rows") == "1");
    CHECK(bodyAttr(page.dom, "filter-first") == "S11");
    CHECK(bodyAttr(page.dom, "sorted-last") == "Woonvoorziening Havenzicht");
    // Rows in the DOM: one <tr> per site in the table body.
    const size_t tb = page.dom.find("<tbody>", page.dom.find("id=\"sites-table\""));
    const std::string tbody = page.dom.substr(tb, page.dom.find("</tbody>", tb) - tb);
    CHECK(count(tbody, "<tr>") == s.sites.size());
}

TEST_CASE("Browser: hostile names stay text and 500 rows filter at once") {
    const std::string hostile = "<script>alert(1)</script><img src=x onerror=\"document.body.dataset.pwned='1'\">";
    auto syn = synthetic(500, 30, hostile);
    const std::string path = artefact("report-500-hostile.html");
    writeHtmlReport(path, {&syn->portfolio, &syn->ruleset, &syn->sites, "t"});
    const Page page = runChromium(path, "#vgscan-selftest");
    REQUIRE(bodyAttr(page.dom, "ready") == "1");
    CHECK(bodyAttr(page.dom, "errors").empty());
    CHECK(bodyAttr(page.dom, "pwned") == "<absent>");
    CHECK(bodyAttr(page.dom, "rows") == "500");
    CHECK(bodyAttr(page.dom, "spaces") == std::to_string(500 * 30));
    CHECK(bodyAttr(page.dom, "filter-rows") == "1");
    CHECK(bodyAttr(page.dom, "filter-first") == "X0499");
    // The page times its own filtering and rendering; the figures are not
    // judged here (no timed unit tests), only that both ran to the end.
    CHECK(std::isfinite(std::stod(bodyAttr(page.dom, "filter-ms"))));
    CHECK(std::isfinite(std::stod(bodyAttr(page.dom, "render-ms"))));
    // The hostile name is the text of its table cell.
    CHECK(page.dom.find(">&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=\"document.body.dataset.pwned='1'\"&gt;</a></td>") !=
          std::string::npos);
}

TEST_CASE("Browser: the check page runs its script and shows every space") {
    FloorPlan plan = test::loadFixture("floorplans/plans/villa_1925.geojson");
    const RuleSet rs = loadRuleSet(test::sourcePath("rulesets/vg7.json"));
    Engine engine(test::registry(), rs);
    const std::string path = artefact("report-check-browser.html");
    writeCheckHtml(path, plan, engine.check(plan), rs, "9.9.9-test");
    const Page page = runChromium(path, "");
    REQUIRE(bodyAttr(page.dom, "ready") == "1");
    CHECK(bodyAttr(page.dom, "errors").empty());
    CHECK(bodyAttr(page.dom, "spaces") == std::to_string(plan.spaces.size()));
    CHECK(bodyAttr(page.dom, "plans") == "2");
}

TEST_CASE("A report replaces an earlier one whole") {
    auto syn = synthetic(2, 4, "");
    const std::string path = artefact("report-replace.html");
    {
        std::ofstream old(path);
        old << std::string(3000000, 'x');  // longer than the new page
    }
    writeHtmlReport(path, {&syn->portfolio, &syn->ruleset, &syn->sites, "t"});
    const std::string html = readAll(path);
    CHECK(html.find('x' + std::string(100, 'x')) == std::string::npos);
    CHECK(html.size() > 1000);
    CHECK(html.substr(html.size() - 8) == "</html>\n");
    CHECK_FALSE(QDir(QString::fromStdString(artefact(""))).entryList({"report-replace.html.part-*"}).size() > 0);
}

TEST_CASE("Browser: a screenshot of the sample report") {
    const std::string shot = artefact("report-screenshot.png");
    QFile::remove(QString::fromStdString(shot));
    runChromium(sampleReport(), "", shot);
    QFile f(QString::fromStdString(shot));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray png = f.readAll();
    CHECK(png.startsWith("\x89PNG"));
    CHECK(png.size() > 20000);  // a page with content, not a blank image
}

TEST_CASE("drawnLine: a route along a grid drawn on a small plot keeps only what shows") {
    // Worked by hand. View: the plot, x 0..70, y 0..80 (size 80): "far
    // outside" is beyond x -80..150, y -80..160.
    const html::View v{0, 0, 70, 80};
    // A route from the plot west along y = 40 on 400 m road segments to
    // x = -2000, then north to y = 4000, then back east to x = 35 (above the
    // plot) and down into it at (35, 60).
    LineString route;
    route.push_back(Point(35, 40));
    for (double x = -100; x >= -2000; x -= 400) route.push_back(Point(x, 40));    // -100, -500, ..., -1700
    route.push_back(Point(-2000, 40));
    for (double y = 440; y <= 4000; y += 400) route.push_back(Point(-2000, y));    // 440 ... 3640
    route.push_back(Point(-2000, 4000));
    for (double x = -1600; x <= 0; x += 400) route.push_back(Point(x, 4000));     // -1600 ... 0
    route.push_back(Point(35, 4000));
    route.push_back(Point(35, 60));
    const LineString d = html::drawnLine(v, route);
    // Phase 1: from (-100, 40) to (-400, 4000) every vertex is west of
    // x = -80 (the corners too): kept by its ends; from (0, 4000) to
    // (35, 4000) all lie north of y = 160: kept by its ends. The straight
    // line (-100, 40)-(-400, 4000) stays west of x = -80: nothing of it shows.
    // Phase 2: (0, 4000) lies on the straight line (-400, 4000)-(35, 4000).
    const std::vector<std::pair<double, double>> expected = {
        {35, 40}, {-100, 40}, {-400, 4000}, {35, 4000}, {35, 60}};
    REQUIRE(d.size() == expected.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
        CHECK(d[i].x() == expected[i].first);
        CHECK(d[i].y() == expected[i].second);
    }
    // A line that leaves on the west and comes back from the north is not
    // cut short across the view: (-500, 10) and (-500, 3000) share the west
    // side, (20, 3000) is north only: two runs, every vertex kept (a
    // straight line from (-500, 10) to (20, 3000) would cross the view's
    // neighbourhood).
    LineString round{Point(10, 10), Point(-500, 10), Point(-500, 3000), Point(20, 3000), Point(20, 20)};
    const LineString r = html::drawnLine(v, round);
    CHECK(r.size() == 5);
    // A gentle arc: its vertices bend away from every chord by more than
    // 1 mm, so all stay; a straight line with a turn back keeps the turn.
    LineString arc;
    for (int i = 0; i <= 20; ++i) arc.push_back(Point(35 + 30 * std::cos(i * 0.05), 40 + 30 * std::sin(i * 0.05)));
    CHECK(html::drawnLine(v, arc).size() == arc.size());
    LineString back{Point(0, 0), Point(50, 0), Point(20, 0)};
    CHECK(html::drawnLine(v, back).size() == 3);
}

// A page of buildings is made in pieces (one per site) and written without
// joining them; joined, they are the page.
TEST_CASE("The table's data written directly is Qt's JSON, byte for byte") {
    // Hostile and broken texts (markup, quotes, control bytes, a byte order
    // mark, bytes that are no UTF-8) in ids, names and profiles, paged and
    // not, in English and in Dutch (its translator is installed on the
    // application).
    int argc = 1;
    char name[] = "test_report";
    char* argv[] = {name, nullptr};
    std::optional<QCoreApplication> app;
    if (!QCoreApplication::instance()) app.emplace(argc, argv);
    for (const std::string& odd : {std::string(), std::string("<b>\"x\"</b> & \x01\t\\"),
                                   std::string("\xEF\xBB\xBF" "bom \xC3\xA9\xFF\xC0\x80 \xED\xA0\x80")}) {
        auto syn = synthetic(7, 4, odd);
        if (!odd.empty()) syn->portfolio.sites[2].profile = odd;
        // No places, no score, an unstable verdict, a rule not run, no
        // figure, figures not whole or not finite, an error for a summary.
        syn->portfolio.sites[1].places.reset();
        syn->sites[1].classification.scoreRules = 0;
        syn->sites[2].classification.score = 66.66666;
        syn->sites[3].sensitivity.computed = true;
        syn->sites[3].sensitivity.stable = false;
        syn->sites[4].results[1].inScope = false;
        syn->sites[5].results[0].result.value.reset();
        syn->sites[5].results[1].result.value = 1e-7;
        syn->sites[6].results[0].result.value = std::nan("");
        syn->sites[6].results[1].error = "broken " + odd;
        HtmlReportInput in{&syn->portfolio, &syn->ruleset, &syn->sites, "t"};
        for (const std::size_t perPage : {std::size_t{0}, std::size_t{3}}) {
            in.sitesPerPage = perPage;
            for (const bool dutch : {false, true}) {
                if (dutch) i18n::setLanguage(i18n::Language::Dutch);
                const HtmlReportPages pages(in, "report.html");
                const std::string direct = pages.tableData(TableDataWay::Direct);
                if (dutch) CHECK(direct.find("afstoten") != std::string::npos);  // a verdict's label in Dutch
                CHECK(direct == pages.tableData(TableDataWay::Qt));
                CHECK(direct.find('<') == std::string::npos);
                i18n::setLanguage(i18n::Language::English);
            }
        }
    }
}

TEST_CASE("A site's section with its drawings appended part by part is the former joined one, byte for byte") {
    // The sample portfolio (roads, POIs, placed plans, evidence on plan and
    // plot) and synthetic sites with hostile texts (markup, control bytes, a
    // byte order mark, bytes that are no UTF-8) in ids, names, rule keys and
    // findings; in English and in Dutch.
    int argc = 1;
    char name[] = "test_report";
    char* argv[] = {name, nullptr};
    std::optional<QCoreApplication> app;
    if (!QCoreApplication::instance()) app.emplace(argc, argv);
    const Scan& sample = sampleScan();
    std::vector<std::unique_ptr<Synthetic>> synthetics;
    std::vector<HtmlReportInput> inputs{{&sample.portfolio, &sample.ruleset, &sample.sites, "t"}};
    for (const std::string& odd : {std::string("<b>\"x\"</b> & \x01\t\\"),
                                   std::string("\xEF\xBB\xBF" "bom \xC3\xA9\xFF\xC0\x80 \xED\xA0\x80")}) {
        synthetics.push_back(synthetic(4, 7, odd));
        inputs.push_back({&synthetics.back()->portfolio, &synthetics.back()->ruleset, &synthetics.back()->sites, "t"});
    }
    std::size_t sections = 0;
    for (HtmlReportInput& in : inputs) {
        in.timestamp = "2026-01-01T00:00:00Z";
        in.sitesPerPage = 3;
        for (const bool dutch : {false, true}) {
            if (dutch) i18n::setLanguage(i18n::Language::Dutch);
            const HtmlReportPages pages(in, "report.html");
            for (std::size_t k = 1; k < pages.count(); ++k)
                for (std::size_t j = 0; j < pages.pieceCount(k); ++j) {
                    const std::string appended = pages.piece(k, j, SectionWay::Appended);
                    CHECK(appended == pages.piece(k, j, SectionWay::Joined));
                    sections += appended.find("<svg") != std::string::npos;
                }
            i18n::setLanguage(i18n::Language::English);
        }
    }
    CHECK(sections == 2 * (sample.sites.size() + 8));  // every site's section has drawings
}

TEST_CASE("A paged report's pieces join to its pages") {
    auto syn = synthetic(7, 4, "");
    HtmlReportInput in{&syn->portfolio, &syn->ruleset, &syn->sites, "t"};
    in.timestamp = "2026-01-01T00:00:00Z";
    in.sitesPerPage = 3;
    const HtmlReportPages pages(in, "report.html");
    REQUIRE(pages.count() == 4);  // the main page and 3 + 3 + 1 sites
    for (std::size_t k = 0; k < pages.count(); ++k) {
        const std::vector<std::string> pieces = pages.pieces(k);
        std::string joined;
        for (const std::string& p : pieces) joined += p;
        CHECK(joined == pages.page(k));
        // A page of buildings: its head, one piece per site, its tail.
        CHECK(pieces.size() == (k == 0 ? 1u : k < 3 ? 5u : 3u));
        if (k > 0) CHECK(count(joined, "<section class=\"bld\"") == (k < 3 ? 3u : 1u));
    }
}

TEST_CASE("html::num writes std::to_chars's rounded digits, trailing zeros and a lone minus cut") {
    using html::num;
    CHECK(num(12.3) == "12.3");
    CHECK(num(12.0) == "12");
    CHECK(num(120.0, 0) == "120");
    CHECK(num(0.1 + 0.2) == "0.3");
    CHECK(num(-0.004) == "0");
    CHECK(num(-0.0) == "0");
    CHECK(num(-0.006) == "-0.01");
    CHECK(num(1234.5678, 3) == "1234.568");
    CHECK(num(0.08, 3) == "0.08");
    CHECK(num(-7.5, 0) == "-8");  // an exact tie, half to even
    CHECK(num(0.125) == "0.12");  // an exact tie, half to even
    CHECK(num(0.375) == "0.38");
    CHECK(num(2.675) == "2.67");  // 2.67499999999999982236431605997495353221893310546875
    CHECK(num(1e15) == "1000000000000000");
    CHECK(num(std::nan("")) == "0");
    CHECK(num(INFINITY) == "0");
    // Against the former way: every magnitude, near halves and whole numbers,
    // 0 to 7 decimals.
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
    std::uniform_int_distribution<int> exponent(-9, 14);
    int compared = 0, differ = 0;
    for (int i = 0; i < 200000; ++i) {
        const double m = mantissa(rng) * std::pow(10.0, exponent(rng));
        const int d = i % 8;
        const double step = std::pow(10.0, -d);
        for (double v : {m, std::round(m / step) * step, (std::floor(m / step) + 0.5) * step,
                         std::nextafter((std::floor(m / step) + 0.5) * step, 0.0)}) {
            ++compared;
            if (num(v, d) != html::numToChars(v, d) && differ++ < 5) FAIL_CHECK(v << " with " << d << " decimals");
        }
    }
    CHECK(compared == 800000);
    CHECK(differ == 0);
}

TEST_CASE("html::esc replaces what the former byte loop replaced, runs appended whole") {
    using html::esc;
    CHECK(esc("") == "");
    CHECK(esc("plain text, no markup") == "plain text, no markup");
    CHECK(esc("R&D <lab> \"x\" 'y'") == "R&amp;D &lt;lab&gt; &quot;x&quot; &#39;y&#39;");
    CHECK(esc("&&") == "&amp;&amp;");
    CHECK(esc("a\x01" "b\tc\nd\x1f") == "a b\tc\nd ");
    CHECK(esc("bedroom 1 \xc3\xa9\xe2\x80\x94 <") == "bedroom 1 \xc3\xa9\xe2\x80\x94 &lt;");  // UTF-8 kept
    // Every byte alone and in every position of short texts against the former loop.
    int compared = 0;
    for (int c = 0; c < 256; ++c) {
        const char ch = static_cast<char>(c);
        for (const std::string& t : {std::string(1, ch), "x" + std::string(1, ch), std::string(1, ch) + "yz",
                                     "ab" + std::string(1, ch) + "&" + std::string(1, ch) + "cd"}) {
            CHECK(esc(t) == html::escByByte(t));
            ++compared;
        }
    }
    CHECK(compared == 1024);
}

namespace {

// The main page made from `in`: its section `id`, from its start up to `end`.
std::string pageSection(const HtmlReportInput& in, const std::string& id, const std::string& end) {
    const std::string html = HtmlReportPages(in, "report.html").page(0);
    const size_t at = html.find("<section id=\"" + id + "\">");
    REQUIRE(at != std::string::npos);
    return html.substr(at, html.find(end, at) - at);
}

// The same in the Dutch report.
std::string dutchPageSection(const HtmlReportInput& in, const std::string& id, const std::string& end) {
    int argc = 1;
    char name[] = "test_report";
    char* argv[] = {name, nullptr};
    std::optional<QCoreApplication> app;  // the Dutch translator is installed on it
    if (!QCoreApplication::instance()) app.emplace(argc, argv);
    i18n::setLanguage(i18n::Language::Dutch);
    const std::string section = pageSection(in, id, end);
    i18n::setLanguage(i18n::Language::English);
    return section;
}

}  // namespace

TEST_CASE("The regional choice says which verdicts its candidates have, the chosen sites' among them") {
    const Scan& s = sampleScan();
    const ContextIndex index(s.portfolio.context);
    const ScanSelection sel = selectForScan(s.portfolio, s.sites, index);
    REQUIRE(sel.made);
    int argc = 1;
    char name[] = "test_report";
    char* argv[] = {name, nullptr};
    std::optional<QCoreApplication> app;  // the Dutch translator is installed on it
    if (!QCoreApplication::instance()) app.emplace(argc, argv);
    for (const auto lang : {i18n::Language::English, i18n::Language::Dutch}) {
        i18n::setLanguage(lang);
        HtmlReportInput in{&s.portfolio, &s.ruleset, &s.sites, "9.9.9-test"};
        in.selection = &sel;
        const std::string sentence = pageSection(in, "selection", "</p>");
        // Every chosen site's verdict is among the candidates the sentence
        // names (the sample chooses S09, fits_vg7, beside a cluster site).
        for (const auto& id : sel.chosen) {
            const auto site = std::find_if(s.sites.begin(), s.sites.end(), [&](const auto& a) { return a.site->id == id; });
            REQUIRE(site != s.sites.end());
            const std::string word = i18n::verdictLabel(toString(site->classification.verdict));
            INFO(id << ": " << word << " in " << sentence);
            CHECK(sentence.find(word) != std::string::npos);
            if (lang == i18n::Language::Dutch) CHECK(word != toString(site->classification.verdict));
        }
        i18n::setLanguage(i18n::Language::English);
    }
}

TEST_CASE("Browser: the Dutch report's table writes the scores with a decimal comma") {
    const Scan& s = sampleScan();
    const std::string path = artefact("report-sample-nl.html");
    i18n::setLanguage(i18n::Language::Dutch);
    writeHtmlReport(path, {&s.portfolio, &s.ruleset, &s.sites, "9.9.9-test"});
    i18n::setLanguage(i18n::Language::English);
    const Page page = runChromium(path, "");
    REQUIRE(bodyAttr(page.dom, "ready") == "1");
    const size_t tb = page.dom.find("<tbody>", page.dom.find("id=\"sites-table\""));
    const std::string tbody = page.dom.substr(tb, page.dom.find("</tbody>", tb) - tb);
    // The score column: "21,4 %" as the building pages write it, never "21.4 %".
    const std::regex comma(R"(<td class="num">\d+,\d %</td>)"), point(R"(<td class="num">\d+\.\d %</td>)");
    size_t scored = 0;
    for (const auto& a : s.sites)
        if (a.classification.scoreRules > 0) ++scored;
    REQUIRE(scored > 0);
    CHECK(static_cast<size_t>(std::distance(std::sregex_iterator(tbody.begin(), tbody.end(), comma), std::sregex_iterator())) ==
          scored);
    CHECK_FALSE(std::regex_search(tbody, point));
}

TEST_CASE("A site whose plan could not be read says so, not that it has no plan") {
    auto syn = synthetic(2, 4, "");
    // X0000 names a plan that could not be read; X0001 names none.
    syn->portfolio.sites[0].planFile = "plans/broken.geojson";
    syn->portfolio.sites[1].planFile.clear();
    for (auto& a : syn->sites) {
        a.plan.reset();
        a.results.clear();
    }
    syn->sites[0].failed = true;
    syn->sites[0].issues.push_back({"plans/broken.geojson", "space 'bed1'", "invalid polygon: self-intersection", true});
    const std::string path = artefact("report-unreadable-plan.html");
    writeHtmlReport(path, {&syn->portfolio, &syn->ruleset, &syn->sites, "t"});
    const std::string html = readAll(path);
    const std::string broken = section(html, "site-X0000"), none = section(html, "site-X0001");
    REQUIRE_FALSE(broken.empty());
    REQUIRE_FALSE(none.empty());
    CHECK(broken.find("invalid polygon: self-intersection") != std::string::npos);
    CHECK(broken.find("The floor plan could not be read") != std::string::npos);
    CHECK(broken.find("No floor plan") == std::string::npos);
    CHECK(none.find("No floor plan") != std::string::npos);
    // No rule ran at the failed site: said, not an empty rule table.
    CHECK(broken.find("No rule was run: the site could not be assessed") != std::string::npos);
    CHECK(broken.find("class=\"rules\"") == std::string::npos);
}

TEST_CASE("The sample report's rule sentences keep their words where a room's id is one of them") {
    // The sample plans have rooms with the ids staff, wc and living (named
    // "staff room", "shared WC", "living/dining room"): the rules' sentences
    // around those words once read "a staff room post" and "(or shared WC + shower)".
    const std::string html = readAll(sampleReport());
    CHECK(html.find("staff post of group A") != std::string::npos);
    for (const char* mangled : {"staff room post", "(or shared WC + shower)", "(or WC + shower)", "living/dining room room",
                                "common living room room"}) {
        INFO(mangled);
        CHECK(html.find(mangled) == std::string::npos);
    }
}

TEST_CASE("The rule set section shows each route's score threshold, renovations and the clusters' limits with their sources") {
    // The reasons quote "score 85.7 % (needs >= 50 %)" and the Clusters
    // section "within 400 m walking, at most 42 places": each number is in the
    // rule set section with the source the rule set gives it.
    const Scan& s = sampleScan();
    const std::string html = readAll(sampleReport());
    const size_t at = html.find("<section id=\"ruleset\">");
    REQUIRE(at != std::string::npos);
    const std::string section = html.substr(at, html.find("</section>", at) - at);
    auto plain = [](const std::string& source) { return source.substr(0, source.find('\'')); };  // before any quote
    size_t scored = 0, renovating = 0;
    for (const auto& v : s.ruleset.verdicts) {
        if (v.minScore) {
            ++scored;
            INFO(toString(v.verdict) << ": " << v.minScoreSource);
            CHECK(section.find("score &gt;= " + i18n::shown(*v.minScore, 2) + " % — <span class=\"src\">" +
                               plain(v.minScoreSource)) != std::string::npos);
        }
        if (!v.renovable.empty()) {
            ++renovating;
            INFO(toString(v.verdict) << ": " << v.renovableSource);
            for (const auto& r : v.renovable) CHECK(section.find(r) != std::string::npos);
            CHECK(section.find(plain(v.renovableSource)) != std::string::npos);
        }
    }
    CHECK(scored == 2);      // fits_vg7 and convert_vg7 in vg7.json
    CHECK(renovating == 1);  // convert_vg7
    CHECK(section.find("and at least one of vg7_plot, in a cluster of VG7 sites passes") != std::string::npos);
    REQUIRE(s.ruleset.clusters.sources.size() == 9);
    for (const auto& [name, source] : s.ruleset.clusters.sources) {
        INFO(name << ": " << source);
        CHECK(section.find("<b>" + name + "</b> = ") != std::string::npos);
        CHECK(section.find(plain(source)) != std::string::npos);
    }
    CHECK(section.find("<b>max_walk_m</b> = 400 — <span class=\"src\">assumption; requirements C1 and L5") != std::string::npos);
    CHECK(section.find("<b>max_places_per_cluster</b> = 42 — ") != std::string::npos);
}

TEST_CASE("The money table renovates what the conversion fixes, not another route's gates nor sight lines") {
    // S09 passes every VG7 gate: its renovation once listed self_contained_units,
    // units_for_keep and backup_capacity (the ambulant and keep routes' gates),
    // and S01 sight_lines, which no renovation fixes; each with an amount to fill in.
    const Scan& s = sampleScan();
    const auto convert = std::find_if(s.ruleset.verdicts.begin(), s.ruleset.verdicts.end(),
                                      [](const VerdictRule& v) { return v.verdict == Verdict::ConvertToVG7; });
    REQUIRE(convert != s.ruleset.verdicts.end());
    size_t parts = 0;
    for (const auto& a : s.sites) {
        const CostOptions c = costOptions(s.ruleset, a.classification.verdict, 12, a.results);
        if (!c.applies) continue;
        for (const auto& p : c.renovation.parts) {
            if (p.name.rfind("renovation: ", 0) != 0) continue;
            ++parts;
            const std::string key = p.name.substr(12);
            const auto e = std::find_if(s.ruleset.rules.begin(), s.ruleset.rules.end(),
                                        [&](const RuleEntry& r) { return r.key == key; });
            REQUIRE(e != s.ruleset.rules.end());
            INFO(a.site->id << ": " << key);
            CHECK((e->severity == Severity::Score ||
                   std::find(convert->renovable.begin(), convert->renovable.end(), key) != convert->renovable.end()));
        }
    }
    CHECK(parts > 0);  // S01-S03: individual_sanitary and the score rules
    const std::string html = readAll(sampleReport());
    for (const char* id : {"site-S01", "site-S09"}) {
        const std::string sec = section(html, id);
        REQUIRE_FALSE(sec.empty());
        INFO(id);
        for (const char* other : {"renovation: self_contained_units", "renovation: units_for_keep",
                                  "renovation: backup_capacity", "renovation: sight_lines", "renovation.sight_lines"})
            CHECK(sec.find(other) == std::string::npos);
    }
    CHECK(section(html, "site-S01").find("renovation: individual_sanitary") != std::string::npos);
}

TEST_CASE("What changed since a scan calls a site that could not be assessed 'failed', as the report does") {
    // scan.json keeps a failed site's verdict needs_data beside failed: true;
    // the comparison once said "cluster -> needs_data" while the table said failed.
    const Scan& s = sampleScan();
    const QJsonObject before = scanToJson(s.portfolio, s.ruleset, s.sites);
    QJsonObject after = before;
    QJsonArray sites = after["sites"].toArray();
    QJsonObject broken = sites[0].toObject();
    broken["failed"] = true;
    broken["verdict"] = "needs_data";
    broken["results"] = QJsonArray();
    broken["reasons"] = QJsonArray{"site not assessed: its floor plan has errors (plans/x.geojson: error: file is empty)"};
    sites[0] = broken;
    QJsonObject added = sites[1].toObject();
    added["id"] = "S99";
    added["failed"] = true;
    added["verdict"] = "needs_data";
    sites.append(added);
    after["sites"] = sites;
    const ScanDiff d = diffScans(before, after);
    REQUIRE_FALSE(d.changed.empty());
    const SiteChange& c = d.changed.front();
    CHECK(c.id == s.sites[0].site->id);
    CHECK(c.verdictFrom == toString(s.sites[0].classification.verdict));
    CHECK(c.verdictTo == "failed");
    // No rule by rule "status pass -> absent" (a failed site has no results): why it failed instead.
    CHECK(c.rules.empty());
    REQUIRE(c.reasons.size() == 1);
    REQUIRE(d.added.size() == 1);
    CHECK(d.added[0].verdict == "failed");
    // and back: a site failed before and assessed now
    const ScanDiff back = diffScans(after, before);
    CHECK(back.changed.front().verdictFrom == "failed");
    std::ostringstream text;
    writeDiffText(text, d);
    CHECK(text.str().find("-> failed") != std::string::npos);
    CHECK(text.str().find("-> needs_data") == std::string::npos);
    CHECK(text.str().find("now: site not assessed: its floor plan has errors (plans/x.geojson: error: file is empty)") !=
          std::string::npos);
    CHECK(text.str().find("-> absent") == std::string::npos);
    // The report's comparison gives the reason too.
    HtmlReportInput in{&s.portfolio, &s.ruleset, &s.sites, "9.9.9-test"};
    in.since = &d;
    const std::string changes = pageSection(in, "changes", "</section>");
    CHECK(changes.find("now: site not assessed: its floor plan has errors") != std::string::npos);
    CHECK(changes.find("-&gt; absent") == std::string::npos);
    REQUIRE(d.changed.size() == 1);
    CHECK_THAT(changes, ContainsSubstring("1 site changed, "));
}

TEST_CASE("What changed since a scan by an earlier vgscan names what that scan does not record, in both languages") {
    const Scan& s = sampleScan();
    const QJsonObject now = scanToJson(s.portfolio, s.ruleset, s.sites);
    // A scan.json as vgscan wrote it before it recorded the rule set, the
    // clusters, the regional choice, the sensitivity, friction costs and rule versions.
    QJsonObject old = now;
    for (const char* key : {"ruleset", "ruleset_sha256", "ruleset_rules", "ruleset_file", "selection", "clusters"}) old.remove(key);
    QJsonArray sites = old["sites"].toArray();
    for (auto&& v : sites) {
        QJsonObject site = v.toObject();
        site.remove("sensitivity");
        site.remove("friction_cost");
        QJsonArray results = site["results"].toArray();
        for (auto&& r : results) {
            QJsonObject o = r.toObject();
            o.remove("version");
            r = o;
        }
        site["results"] = results;
        v = site;
    }
    old["sites"] = sites;
    const ScanDiff d = diffScans(old, now, "old/scan.json");
    // The sample scan of these tests has no clusters, regional choice nor sensitivity to record.
    REQUIRE(d.notRecordedFrom == std::vector<std::string>{"rule set", "friction cost", "rule version"});
    HtmlReportInput in{&s.portfolio, &s.ruleset, &s.sites, "9.9.9-test"};
    in.since = &d;
    std::string changes = pageSection(in, "changes", "</section>");
    INFO(changes);
    CHECK_THAT(changes, ContainsSubstring("rule set not recorded"));
    CHECK_THAT(changes, ContainsSubstring("The earlier scan does not record its rule set, the friction costs, "
                                          "the rules&#39; versions (it was made by an earlier vgscan): not compared."));
    // Said once, not again as "does not record its rule set's hash".
    CHECK(changes.find("hash") == std::string::npos);
    changes = dutchPageSection(in, "changes", "</section>");
    CHECK_THAT(changes, ContainsSubstring("De eerdere scan legt zijn regelset, de frictiekosten, de versies van de "
                                          "regels niet vast (hij is gemaakt door een eerdere vgscan): niet vergeleken."));
    CHECK_THAT(changes, ContainsSubstring("niet vastgelegd"));
}

TEST_CASE("What changed since a scan names the rules by their Dutch titles in the Dutch report") {
    const Scan& s = sampleScan();
    const QJsonObject before = scanToJson(s.portfolio, s.ruleset, s.sites);
    QJsonObject after = before;
    QJsonArray sites = after["sites"].toArray();
    QJsonObject site = sites[0].toObject();
    QJsonArray results = site["results"].toArray();
    bool changed = false;
    for (auto&& r : results) {
        QJsonObject o = r.toObject();
        if (o["rule"].toString() != "sight_lines") continue;
        o["status"] = o["status"].toString() == "pass" ? "fail" : "pass";
        r = o;
        changed = true;
    }
    REQUIRE(changed);
    site["results"] = results;
    sites[0] = site;
    after["sites"] = sites;
    const ScanDiff d = diffScans(before, after, "old/scan.json");
    REQUIRE(d.changed.size() == 1);
    HtmlReportInput in{&s.portfolio, &s.ruleset, &s.sites, "9.9.9-test"};
    in.since = &d;
    CHECK_THAT(pageSection(in, "changes", "</section>"), ContainsSubstring("<b>sight_lines</b>: status "));
    const std::string changes = dutchPageSection(in, "changes", "</section>");
    // vg7.json's title_nl, as the Dutch table's column says it
    CHECK_THAT(changes, ContainsSubstring("<b>zichtlijnen</b>: status "));
}
