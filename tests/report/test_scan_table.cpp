// The table `vgscan scan` prints: its columns line up in characters, in both
// languages, whatever letters the sites' names hold.
#include "TestKit.h"

#include "i18n/Language.h"
#include "i18n/Reasons.h"
#include "report/Reports.h"
#include "ruleset/RuleSet.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <set>
#include <sstream>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Matchers::ContainsSubstring;

namespace {

// Sites as a Dutch manager names them: with diaeresis, the Dutch Ĳ, and one
// longer than the column whose cut falls on a two-byte letter.
struct TableSites {
    std::vector<Site> sites;
    std::vector<SiteAssessment> assessed;
};

TableSites tableSites() {
    TableSites t;
    const char* names[] = {"Essen Stäte", "Woonhuis Ĳsselstraat", "Zorgboerderij Den Eikhoeve, Loënen aan de Vecht",
                           "Oude Kabelfabriek"};
    t.sites.resize(std::size(names));
    for (std::size_t i = 0; i < std::size(names); ++i) {
        t.sites[i].id = "D" + std::to_string(i + 1);
        t.sites[i].name = names[i];
        t.sites[i].places = 8;
        t.sites[i].profile = "VG3";
    }
    for (std::size_t i = 0; i < t.sites.size(); ++i) {
        SiteAssessment a;
        a.site = &t.sites[i];
        a.classification.verdict = i % 2 ? Verdict::Dispose : Verdict::Cluster;
        a.classification.reasons = {"reason " + t.sites[i].id};
        t.assessed.push_back(std::move(a));
    }
    return t;
}

// Qt's translator (the Dutch words) is installed on the application.
struct App {
    int argc = 1;
    char name[16] = "test_report";
    char* argv[2] = {name, nullptr};
    std::optional<QCoreApplication> app;
    App() {
        if (!QCoreApplication::instance()) app.emplace(argc, argv);
    }
};

QStringList printedLines(const TableSites& t, i18n::Language lang) {
    i18n::setLanguage(lang);
    std::ostringstream out;
    writeScanTable(out, t.assessed);
    i18n::setLanguage(i18n::Language::English);
    const std::string bytes = out.str();
    // Valid UTF-8 throughout: a name cut inside a letter would not come back.
    REQUIRE(QString::fromUtf8(bytes.data(), static_cast<int>(bytes.size())).toUtf8().toStdString() == bytes);
    return QString::fromStdString(bytes).split('\n');
}

}  // namespace

TEST_CASE("The printed scan table lines up by characters, in Dutch too and with names like Stäte and Ĳssel") {
    const App app;
    const TableSites t = tableSites();
    // The long name's 31st character is two bytes: a cut by bytes would split it.
    REQUIRE(std::string(t.sites[2].name).find("ë") == 30);
    for (const auto lang : {i18n::Language::English, i18n::Language::Dutch}) {
        INFO((lang == i18n::Language::Dutch ? "Dutch" : "English"));
        const QStringList lines = printedLines(t, lang);
        const QString header = lines[0];
        // Every header word starts after a space (the Dutch "locatie" is wider than "site").
        i18n::setLanguage(lang);
        const QString siteWord = QString::fromStdString(i18n::tx("table", "site"));
        const QString nameWord = QString::fromStdString(i18n::tx("table", "name"));
        const QString profileWord = QString::fromStdString(i18n::tx("table", "profile"));
        i18n::setLanguage(i18n::Language::English);
        const int nameAt = static_cast<int>(header.indexOf(" " + nameWord)) + 1;
        const int profileAt = static_cast<int>(header.indexOf(" " + profileWord)) + 1;
        CHECK(header.startsWith(siteWord + " "));
        CHECK(siteWord == (lang == i18n::Language::Dutch ? "locatie" : "site"));
        REQUIRE(nameAt > 0);
        REQUIRE(profileAt > nameAt);
        int rows = 0;
        for (const QString& line : lines) {
            if (!line.startsWith("D")) continue;
            ++rows;
            INFO(line.toStdString());
            // The name starts under its header and the profile under its own,
            // counted in characters on every row.
            CHECK(line.indexOf("VG3") == profileAt);
            CHECK(line.at(nameAt - 1) == ' ');
            CHECK(line.at(nameAt) != ' ');
        }
        CHECK(rows == 4);
        // The long name is cut to the column with "...", after a whole letter.
        CHECK(lines.filter("D3").first().contains("Zorgboerderij Den Eikhoeve, Loë..."));
    }
}

TEST_CASE("In Dutch the table's reasons name the rules by their Dutch titles, as the report's columns do") {
    const App app;
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    TableSites t = tableSites();
    t.assessed[0].classification.reasons = {"not fits_vg7: individual_sanitary fail: 0 % (needs >= 100)",
                                            "not convert_vg7: sight_lines fail: 1.9 % (needs >= 90) (renovation cannot fix it)",
                                            "not ambulant: own_rule fail: 3 m (needs <= 2)"};
    i18n::setLanguage(i18n::Language::Dutch);
    std::ostringstream out;
    writeScanTable(out, t.assessed, &rs);
    i18n::setLanguage(i18n::Language::English);
    const std::string text = out.str();
    INFO(text);
    // vg7.json's title_nl of individual_sanitary and sight_lines; a key without one stays.
    CHECK_THAT(text, ContainsSubstring("niet geschikt voor VG7: eigen sanitair voldoet niet: 0 % (eis >= 100)"));
    // "zichtlijnen" is plural (title_nl_plural): the verb agrees with it.
    CHECK_THAT(text, ContainsSubstring("niet ombouwen naar VG7: zichtlijnen voldoen niet: 1,9 % (eis >= 90)"));
    CHECK_THAT(text, ContainsSubstring(": own_rule voldoet niet: 3 m (eis <= 2)"));
    CHECK(text.find("individual_sanitary") == std::string::npos);
    // In English the reasons are printed as the classifier wrote them.
    std::ostringstream en;
    writeScanTable(en, t.assessed, &rs);
    CHECK_THAT(en.str(), ContainsSubstring("not fits_vg7: individual_sanitary fail: 0 % (needs >= 100)"));
}

TEST_CASE("Dutch reasons: the status agrees with the rule's title, plural or singular, in both bundled rule sets") {
    const App app;
    // Read by a Dutch speaker: each title_nl of the bundled rule sets that is plural.
    const std::set<std::string> plural = {"zichtlijnen", "veilige looproutes", "VG7-plaatsen", "brede gangen",
                                          "plaatsen op de locatie", "voorzieningen dichtbij", "zelfstandige wooneenheden",
                                          "eigen voorzieningen (behouden)"};
    for (const char* file : {"rulesets/vg7.json", "rulesets/ambulant.json"}) {
        const RuleSet rs = loadRuleSet(sourcePath(file));
        i18n::setLanguage(i18n::Language::Dutch);
        const i18n::ReasonTranslator reason(rs);
        i18n::setLanguage(i18n::Language::English);
        REQUIRE(!reason.ruleTitles().empty());
        for (const auto& [key, title] : reason.ruleTitles()) {
            INFO(file << ": " << key << " (" << title << ")");
            i18n::setLanguage(i18n::Language::Dutch);
            const std::string failed = reason("not fits_vg7: " + key + " fail: 2 m (needs <= 1)");
            i18n::setLanguage(i18n::Language::English);
            const bool many = plural.count(title) > 0;
            CHECK(failed == "niet geschikt voor VG7: " + title + (many ? " voldoen niet" : " voldoet niet") + ": 2 m (eis <= 1)");
        }
    }
}

TEST_CASE("Dutch reasons: a site that could not be assessed is said in Dutch, the reader's error as written") {
    const App app;
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    i18n::setLanguage(i18n::Language::Dutch);
    const i18n::ReasonTranslator reason(rs);
    // Engine.cpp's reasons for a failed site; they once came out as "site niet beoordeeld: its floor plan has errors (...)".
    const std::string missing = reason("site not assessed: its floor plan has errors (/p/plans/x.geojson: error: file not found)");
    const std::string budget = reason("site not assessed: it exceeded its time budget of 60 s while reading the plan");
    const std::string thrown = reason("site not assessed: it could not be assessed: space 'hall' not assessed: 2.5 m");
    i18n::setLanguage(i18n::Language::English);
    CHECK(missing == "locatie niet beoordeeld: de plattegrond heeft fouten (/p/plans/x.geojson: error: file not found)");
    CHECK(budget == "locatie niet beoordeeld: de tijdslimiet van 60 s werd overschreden bij het lezen van de plattegrond");
    CHECK(thrown == "locatie niet beoordeeld: de beoordeling liep vast: space 'hall' not assessed: 2.5 m");
}

TEST_CASE("Dutch reasons: check's line per verdict names the verdict as a verdict, not after 'voor'") {
    const App app;
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    i18n::setLanguage(i18n::Language::Dutch);
    const i18n::ReasonTranslator reason(rs);
    // checkBuilding's lines; 'voor geschikt voor VG7 voldoet het gebouw niet' read as broken Dutch.
    const std::string fails = reason("for fits_vg7, the building fails: sight_lines fail: 5.1 % (needs >= 90)");
    const std::string passes = reason("for ambulant, the building passes its 1 building gate(s)");
    const std::string none = reason("for cluster: no building gate (it rests on site rules alone)");
    i18n::setLanguage(i18n::Language::English);
    CHECK(fails == "oordeel geschikt voor VG7: het gebouw voldoet niet: zichtlijnen voldoen niet: 5,1 % (eis >= 90)");
    CHECK(passes == "oordeel ambulant: het gebouw voldoet aan zijn 1 gebouwpoort(en)");
    CHECK(none == "oordeel clusteren: geen gebouwpoort (het rust alleen op locatieregels)");
}
