// Clusters in the HTML report: drawn on the map (night-round lines with the
// cluster id) and listed in their own section with links to the sites.
#include "cluster/Clusters.h"
#include "derive/ContextIndex.h"
#include "report/ClusterReports.h"
#include "report/HtmlReport.h"

#include <catch2/catch_test_macros.hpp>

#include <QTemporaryDir>

#include <fstream>
#include <sstream>

using namespace vgscan;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Tiny {
    Portfolio portfolio;
    RuleSet ruleset;
    std::vector<SiteAssessment> sites;
};

// Three 40 m plots: the first two 200 m apart (x 1.3 = 260 m, no roads: one
// cluster, estimated), the third 1 km away (alone). The second has a hostile id.
std::unique_ptr<Tiny> tiny() {
    auto t = std::make_unique<Tiny>();
    t->ruleset.name = "t";
    const std::vector<std::pair<std::string, double>> at{{"K1", 0}, {"K<b>&\"2", 200}, {"K3", 1200}};
    for (const auto& [id, dx] : at) {
        Site s;
        s.id = id;
        s.name = "Site " + id;
        s.places = 8;
        Polygon plot;
        const double x0 = 140000 + dx, y0 = 450000;
        plot.outer() = {{x0, y0}, {x0 + 40, y0}, {x0 + 40, y0 + 40}, {x0, y0 + 40}, {x0, y0}};
        s.plot = {plot};
        t->portfolio.sites.push_back(s);
    }
    for (const auto& s : t->portfolio.sites) {
        SiteAssessment a;
        a.site = &s;
        a.classification.verdict = Verdict::Cluster;
        t->sites.push_back(a);
    }
    return t;
}

}  // namespace

TEST_CASE("The report marks clusters on the map and lists them with links") {
    auto t = tiny();
    const ContextIndex index(t->portfolio.context);
    const ClusterResult clusters = findClusters(t->sites, index, t->ruleset.clusters);
    REQUIRE(clusters.clusters.size() == 1);
    QTemporaryDir dir;
    const std::string path = dir.filePath("report.html").toStdString();
    writeHtmlReport(path, {&t->portfolio, &t->ruleset, &t->sites, "t", &clusters});
    const std::string html = slurp(path);
    CHECK(html.find("<a href=\"#clusters\">Clusters</a>") != std::string::npos);
    CHECK(html.find("<section id=\"clusters\">") != std::string::npos);
    CHECK(html.find("<polyline class=\"round\" data-cluster=\"C1\"") != std::string::npos);
    CHECK(html.find("class=\"cluster-label\"") != std::string::npos);
    const std::size_t row = html.find("<tr id=\"cluster-C1\">");
    REQUIRE(row != std::string::npos);
    const std::string cells = html.substr(row, html.find("</tr>", row) - row);
    CHECK(cells.find("<a href=\"#site-K1\">K1</a>") != std::string::npos);
    CHECK(cells.find("K&lt;b&gt;&amp;&quot;2</a>") != std::string::npos);
    CHECK(cells.find("<td>16</td>") != std::string::npos);
    CHECK(cells.find("(estimate)") != std::string::npos);
    CHECK(html.find("In no cluster: <a href=\"#site-K3\">K3</a>") != std::string::npos);
    CHECK(html.find("K<b>") == std::string::npos);
}

TEST_CASE("Without clusters the report has no clusters section") {
    auto t = tiny();
    QTemporaryDir dir;
    const std::string path = dir.filePath("report.html").toStdString();
    writeHtmlReport(path, {&t->portfolio, &t->ruleset, &t->sites, "t"});
    const std::string html = slurp(path);
    CHECK(html.find("id=\"clusters\"") == std::string::npos);
    CHECK(html.find("class=\"round\"") == std::string::npos);
}

TEST_CASE("No cluster because too few sites take part says so, not that they are too far apart") {
    auto t = tiny();
    const ContextIndex index(t->portfolio.context);
    auto clustersSection = [&](int taking) {
        // the first `taking` sites are cluster sites, the others dispose
        for (std::size_t i = 0; i < t->sites.size(); ++i)
            t->sites[i].classification.verdict = static_cast<int>(i) < taking ? Verdict::Cluster : Verdict::Dispose;
        const ClusterResult clusters = findClusters(t->sites, index, t->ruleset.clusters);
        REQUIRE(clusters.clusters.empty());
        QTemporaryDir dir;
        const std::string path = dir.filePath("report.html").toStdString();
        writeHtmlReport(path, {&t->portfolio, &t->ruleset, &t->sites, "t", &clusters});
        const std::string html = slurp(path);
        const std::size_t at = html.find("<section id=\"clusters\">");
        REQUIRE(at != std::string::npos);
        return html.substr(at, html.find("</section>", at) - at);
    };
    // A portfolio of real sites without plans: every site needs_data or dispose.
    std::string s = clustersSection(0);
    INFO(s);
    CHECK(s.find("0 sites took part.</p>") != std::string::npos);  // not "... took part. no site takes part."
    CHECK(s.find("No cluster: no site has the verdict fits_vg7, convert_vg7 or cluster, so none takes part.") != std::string::npos);
    CHECK(s.find("close enough") == std::string::npos);
    s = clustersSection(1);
    CHECK(s.find("1 site took part.") != std::string::npos);
    CHECK(s.find("No cluster: only one site has the verdict fits_vg7, convert_vg7 or cluster.") != std::string::npos);
    CHECK(s.find("close enough") == std::string::npos);
    // The printed table counts one site in the singular too.
    std::ostringstream table;
    writeClusterTable(table, findClusters(t->sites, index, t->ruleset.clusters));
    CHECK(table.str().find("; 1 site took part") != std::string::npos);
}
