#include "report/ScanFiles.h"

#include "io/Gdal.h"
#include "report/ClusterReports.h"
#include "report/HtmlReport.h"
#include "report/Reports.h"

#include <QJsonDocument>

#include <cpl_conv.h>

namespace vgscan {

std::vector<std::string> scanFileNames() {
    return {"scan.json", "sites.csv", "sites_nl.csv", "sites.gpkg", "report.html", "report-sites-*.html"};
}

std::vector<std::string> scanInputs(const Portfolio& p, const RuleSet& rs) {
    std::vector<std::string> in{p.source, rs.source};
    for (const auto& s : p.sites)
        if (!s.planFile.empty()) in.push_back(s.planFile);
    return in;
}

QJsonObject scanJson(const ScanFilesInput& in) {
    QJsonObject json = scanToJson(*in.portfolio, *in.ruleset, in.result->sites);
    addClusters(json, in.result->clusters);
    json["selection"] = toJson(in.result->selection);
    return json;
}

namespace {

// GDAL stamps a GeoPackage's tables with the time they changed; the run's
// timestamp instead, so the file changes with the named timestamp only.
class GpkgDate {
public:
    explicit GpkgDate(const std::string& iso) { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", iso.c_str()); }
    ~GpkgDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr); }
};

}  // namespace

void writeScanFiles(OutputFolder& folder, const ScanFilesInput& in, const QJsonObject& json) {
    const Portfolio& p = *in.portfolio;
    const RuleSet& rs = *in.ruleset;
    const ScanResult& r = *in.result;
    const std::string timestamp = in.timestamp.empty() ? runTimestamp() : in.timestamp;
    folder.begin();
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Indented);
    folder.write("scan.json", std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    folder.write("sites.csv", scanCsv(rs, r.sites));
    folder.write("sites_nl.csv", scanCsv(rs, r.sites, CsvDialect::dutchSpreadsheet()));
    folder.write("sites.gpkg", [&](const std::string& tmp) {
        const GpkgDate date(timestamp);
        writeScanGpkg(tmp, p, rs, r.sites);
        writeClustersLayer(tmp, p, r.clusters);
    });
    HtmlReportInput html;
    html.portfolio = &p;
    html.ruleset = &rs;
    html.sites = &r.sites;
    html.version = in.version;
    html.clusters = &r.clusters;
    html.selection = &r.selection;
    html.timestamp = timestamp;
    html.index = r.index.get();
    htmlReport(html, "report.html", [&](const std::string& name, const std::string& page) { folder.write(name, page); });
    QJsonObject about;
    about["vgscan"] = QString::fromStdString(in.version);
    about["finished"] = QString::fromStdString(timestamp);
    about["portfolio"] = QString::fromStdString(p.source);
    about["sites"] = static_cast<double>(r.sites.size());
    about["failed_sites"] = static_cast<double>(r.failed);
    folder.finish(about);
}

}  // namespace vgscan
