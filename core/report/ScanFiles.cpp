#include "report/ScanFiles.h"

#include "io/Gdal.h"
#include "report/ClusterReports.h"
#include "report/HtmlReport.h"
#include "report/Reports.h"
#include "scan/Timing.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cpl_conv.h>

#include <atomic>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <stdexcept>
#include <thread>

namespace vgscan {

std::vector<std::string> scanFileNames() {
    return {"scan.json", "sites.csv", "sites_nl.csv", "sites.gpkg", "report.html", "report-sites-*.html"};
}

std::vector<std::string> scanDerivedFileNames() { return {"plan.html", "plan.json", "plan.csv"}; }

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
    // Always present (an empty array: nothing was left out), so a reader
    // can tell "none" from "an older scan that did not say".
    QJsonArray issues;
    if (in.inputIssues)
        for (const InputIssue& i : *in.inputIssues)
            issues.append(QJsonObject{{"file", QString::fromStdString(i.file)},
                                      {"object", QString::fromStdString(i.object)},
                                      {"problem", QString::fromStdString(i.problem)},
                                      {"error", i.error}});
    json["input_issues"] = issues;
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

// sites.gpkg is written to a new temporary file that is renamed only when
// whole, and a killed scan's temporary file is removed by the next: SQLite's
// rollback journal and its syncs protect nothing there (the bytes of the
// database are the same without them).
class GpkgScratchFile {
public:
    GpkgScratchFile() {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_JOURNAL", "OFF");
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
    }
    ~GpkgScratchFile() {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_JOURNAL", nullptr);
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", nullptr);
    }
};

}  // namespace

namespace {

// Runs the tasks on `threads` threads (this one included), each task once;
// rethrows the exception of the first task (in list order) that threw.
void runTasks(const std::vector<std::function<void()>>& tasks, unsigned threads) {
    std::vector<std::exception_ptr> errors(tasks.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < tasks.size();) {
            try {
                tasks[i]();
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::max(1u, threads); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace

namespace {

// The text of QJsonDocument(scanJson(in)).toJson(Indented), byte for byte,
// but with the sites (nearly all of it) made in chunks that any thread may
// take: each site's object is written alone, two levels deep, which is
// exactly how Qt indents an object in the array of a member. Written
// directly (appendSiteJson), or the former way (ScanJsonWay::Qt): each
// site's QJsonObject through QJsonDocument, its lines indented afterwards.
class ScanJsonText {
public:
    ScanJsonText(const ScanFilesInput& in, ScanJsonWay way) : in_(in), way_(way), parts_(in.result->sites.size()) {}

    static constexpr std::size_t kChunk = 64;
    std::size_t chunks() const { return (parts_.size() + kChunk - 1) / kChunk; }

    void makeChunk(std::size_t c) {
        const std::vector<SiteAssessment>& sites = in_.result->sites;
        for (std::size_t i = c * kChunk; i < std::min(sites.size(), (c + 1) * kChunk); ++i) {
            std::string& out = parts_[i];
            if (way_ == ScanJsonWay::Direct) {
                out.append(8, ' ');
                appendSiteJson(out, sites[i], 2);
                // Grown by doubling: up to half of it unused, on 2,002
                // sites some 15 MB more at the peak than text made to size.
                out.shrink_to_fit();
                continue;
            }
            QByteArray text = QJsonDocument(toJson(sites[i])).toJson(QJsonDocument::Indented);
            text.chop(1);  // its final newline
            out.reserve(static_cast<std::size_t>(text.size() + 8 * (text.count('\n') + 1)));
            for (qsizetype from = 0; from < text.size();) {
                qsizetype end = text.indexOf('\n', from);
                if (end < 0) end = text.size();
                out.append(8, ' ');
                out.append(text.constData() + from, static_cast<std::size_t>(end - from));
                if (end < text.size()) out += '\n';
                from = end + 1;
            }
        }
    }

    // Once every chunk is made: the whole text in pieces, views of the
    // parts and of the frame this object keeps (valid while it lives), so
    // that 100 MB of sites need not be joined in memory to be written.
    std::vector<std::string_view> pieces() {
        const QString marker = QStringLiteral("\u0001sites\u0001");
        ScanFilesInput none = in_;
        ScanResult noSites;
        noSites.clusters = in_.result->clusters;
        noSites.selection = in_.result->selection;
        none.result = &noSites;
        QJsonObject top = scanJson(none);
        top["sites"] = marker;
        frame_ = QJsonDocument(top).toJson(QJsonDocument::Indented);
        const QByteArray quoted =
            "\"sites\": " + QJsonDocument(QJsonArray{marker}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        const qsizetype at = frame_.indexOf(quoted);
        if (at < 0) throw std::logic_error("scan.json: the sites marker was not found");
        auto view = [](const auto& b) { return std::string_view(b.data(), static_cast<std::size_t>(b.size())); };
        std::vector<std::string_view> out;
        out.reserve(2 * parts_.size() + 4);
        out.push_back(view(frame_).substr(0, static_cast<std::size_t>(at)));
        out.push_back("\"sites\": [\n");
        for (std::size_t i = 0; i < parts_.size(); ++i) {
            out.push_back(view(parts_[i]));
            out.push_back(i + 1 < parts_.size() ? ",\n" : "\n");
        }
        out.push_back("    ]");
        out.push_back(view(frame_).substr(static_cast<std::size_t>(at + quoted.size())));
        return out;
    }

    // The whole text at once.
    QByteArray assemble() {
        const std::vector<std::string_view> all = pieces();
        qsizetype size = 0;
        for (const auto& p : all) size += static_cast<qsizetype>(p.size());
        QByteArray text;
        text.reserve(size);
        for (const auto& p : all) text.append(p.data(), static_cast<qsizetype>(p.size()));
        return text;
    }

private:
    const ScanFilesInput& in_;
    ScanJsonWay way_;
    std::vector<std::string> parts_;
    QByteArray frame_;
};

}  // namespace

QByteArray scanJsonText(const ScanFilesInput& in, unsigned threads, ScanJsonWay way) {
    ScanJsonText text(in, way);
    std::vector<std::function<void()>> tasks;
    for (std::size_t c = 0; c < text.chunks(); ++c) tasks.emplace_back([&, c] { text.makeChunk(c); });
    runTasks(tasks, threads);
    return text.assemble();
}

void writeScanFiles(OutputFolder& folder, const ScanFilesInput& in, const QJsonObject* json) {
    const Portfolio& p = *in.portfolio;
    const RuleSet& rs = *in.ruleset;
    const ScanResult& r = *in.result;
    const std::string timestamp = in.timestamp.empty() ? runTimestamp() : in.timestamp;
    folder.begin();
    HtmlReportInput html;
    html.portfolio = &p;
    html.ruleset = &rs;
    html.sites = &r.sites;
    html.version = in.version;
    html.clusters = &r.clusters;
    html.selection = &r.selection;
    html.timestamp = timestamp;
    html.index = r.index.get();
    html.scanFiles = true;
    html.inputIssues = in.inputIssues;
    html.since = in.since;
    const HtmlReportPages pages(html, "report.html");

    // The files are independent: written by as many threads as the sites
    // were assessed with, the longest single task first. scan.json is made
    // in chunks of sites among the other files' tasks; the thread that
    // finishes its last chunk writes the file from them, piece by piece. Each file is
    // whole or absent until scan.done.
    auto writeJson = [&](const QByteArray& text) {
        folder.write("scan.json", std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    };
    ScanJsonText jsonText(in, ScanJsonWay::Direct);
    std::atomic<std::size_t> chunksLeft{jsonText.chunks()};
    std::vector<std::function<void()>> tasks;
    // The regional choice, when still to be made, is the first task: the
    // tasks that show it (scan.json's frame, the main page) wait for it.
    // Tasks are taken in list order, so it has started before any of them.
    std::promise<void> choice;
    const std::shared_future<void> chosen = choice.get_future().share();
    if (in.choose)
        tasks.emplace_back([&] {
            try {
                in.choose();
            } catch (...) {
                choice.set_exception(std::current_exception());
                throw;
            }
            choice.set_value();
        });
    else
        choice.set_value();
    tasks.emplace_back([&] {
        const PhaseTimer t("sites.gpkg");
        folder.write("sites.gpkg", [&](const std::string& tmp) {
            const GpkgDate date(timestamp);
            const GpkgScratchFile scratch;
            writeScanGpkg(tmp, p, rs, r.sites);
            writeClustersLayer(tmp, p, r.clusters);
        });
    });
    if (json) {
        tasks.emplace_back([&] {
            chosen.get();
            const PhaseTimer t("scan.json");
            writeJson(QJsonDocument(*json).toJson(QJsonDocument::Indented));
        });
    } else if (jsonText.chunks() == 0) {
        tasks.emplace_back([&] {
            chosen.get();
            writeJson(jsonText.assemble());
        });
    } else {
        for (std::size_t c = 0; c < jsonText.chunks(); ++c)
            tasks.emplace_back([&, c] {
                jsonText.makeChunk(c);
                if (chunksLeft.fetch_sub(1) != 1) return;
                chosen.get();
                const PhaseTimer t("scan.json (written)");
                folder.write("scan.json", jsonText.pieces());  // written piece by piece, not joined first
            });
    }
    tasks.emplace_back([&] {
        const PhaseTimer t("sites.csv, sites_nl.csv");
        folder.write("sites.csv", scanCsv(rs, r.sites));
        folder.write("sites_nl.csv", scanCsv(rs, r.sites, CsvDialect::dutchSpreadsheet()));
    });
    // A page of buildings (250 sites, a quarter of a second) in tasks of
    // kSectionsPerTask sites, so that no thread is left alone with a whole
    // page at the end; the thread that makes a page's last part writes it.
    constexpr std::size_t kSectionsPerTask = 25;
    struct PageParts {
        std::vector<std::string> pieces;
        std::atomic<std::size_t> tasksLeft{0};
    };
    std::deque<PageParts> parts(pages.count());
    for (std::size_t k = 0; k < pages.count(); ++k) {
        PageParts& page = parts[k];
        page.pieces.resize(pages.pieceCount(k));
        const std::size_t n = page.pieces.size();
        page.tasksLeft = (n + kSectionsPerTask - 1) / kSectionsPerTask;
        for (std::size_t from = 0; from < n; from += kSectionsPerTask)
            tasks.emplace_back([&, k, from] {
                if (k == 0) chosen.get();  // the main page shows the choice; the pages of buildings do not
                PageParts& own = parts[k];
                for (std::size_t j = from; j < std::min(own.pieces.size(), from + kSectionsPerTask); ++j)
                    own.pieces[j] = pages.piece(k, j);
                if (own.tasksLeft.fetch_sub(1) != 1) return;
                folder.write(pages.name(k), std::vector<std::string_view>(own.pieces.begin(), own.pieces.end()));
                std::vector<std::string>().swap(own.pieces);  // written: its memory goes back
            });
    }
    {
        const PhaseTimer t("all files");
        runTasks(tasks, r.threads);
    }
    QJsonObject about;
    about["vgscan"] = QString::fromStdString(in.version);
    about["finished"] = QString::fromStdString(timestamp);
    about["portfolio"] = QString::fromStdString(p.source);
    about["sites"] = static_cast<double>(r.sites.size());
    about["failed_sites"] = static_cast<double>(r.failed);
    folder.finish(about);
}

}  // namespace vgscan
