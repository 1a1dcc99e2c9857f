// The table `vgscan scan` prints: its columns line up in characters, in both
// languages, whatever letters the sites' names hold.
#include "TestKit.h"

#include "i18n/Language.h"
#include "report/Reports.h"

#include <catch2/catch_test_macros.hpp>

#include <QString>
#include <QStringList>

#include <sstream>

using namespace vgscan;

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
