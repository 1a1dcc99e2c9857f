#pragma once
// The files of a portfolio scan, written together into one output folder:
// scan.json, sites.csv, sites_nl.csv, sites.gpkg, report.html (with its
// pages for a large portfolio), then the marker scan.done, last. Each file
// is written to a temporary name and renamed (io/OutputFiles.h), so a killed
// scan never leaves a file that looks complete, and a folder without
// scan.done holds no finished run.
#include "io/OutputFiles.h"
#include "scan/ScanPipeline.h"

#include <QJsonObject>

#include <functional>
#include <string>
#include <vector>

namespace vgscan {

struct ScanDiff;

struct ScanFilesInput {
    const Portfolio* portfolio = nullptr;
    const RuleSet* ruleset = nullptr;
    const ScanResult* result = nullptr;
    std::string version;    // of vgscan
    std::string timestamp;  // when the run was made (runTimestamp()); in the report and scan.done only
    // What reading the portfolio reported: site rows left out (a refused plan
    // path, a plot that is not a polygon, an id twice) and skipped features.
    // Every output names them, not only the terminal.
    const std::vector<InputIssue>* inputIssues = nullptr;
    // What changed since an earlier scan (scan --since): shown in the report.
    const ScanDiff* since = nullptr;
    // When set, makes result->selection (the regional choice, left to the
    // caller by ScanOptions::choiceLater): writeScanFiles runs it first, the
    // files that do not show the choice beside it.
    std::function<void()> choose = {};
};

// The names a scan writes (patterns with '*'), for OutputFolder.
std::vector<std::string> scanFileNames();
// The files `vgscan plan --out` writes into a scan's folder from its
// scan.json: a rescan removes them (they describe the scan it replaces).
std::vector<std::string> scanDerivedFileNames();
// The files a scan reads: portfolio, rule set, every site's plan. An output
// folder must not hold one of them under a name the scan writes.
std::vector<std::string> scanInputs(const Portfolio& p, const RuleSet& rs);

// scan.json's object: every site's results, the clusters, the regional choice.
QJsonObject scanJson(const ScanFilesInput& in);
// How the sites' part of scan.json is made: written directly (appendSiteJson,
// what writeScanFiles does), or the former way, through Qt's JSON classes
// (kept as the reference of tests/test_json_text and bench_report_text).
enum class ScanJsonWay { Direct, Qt };
// Its indented text, byte for byte QJsonDocument(scanJson(in)).toJson(), the
// sites made on `threads` threads (a national scan.json is tens of MB).
QByteArray scanJsonText(const ScanFilesInput& in, unsigned threads, ScanJsonWay way = ScanJsonWay::Direct);

// Writes every file into `folder` (begin … finish), scan.done last, on as
// many threads as the scan used. `json`: scan.json's object when the caller
// has made it already (else made here). Throws OutputError or
// std::runtime_error naming the file that cannot be written.
void writeScanFiles(OutputFolder& folder, const ScanFilesInput& in, const QJsonObject* json = nullptr);

}  // namespace vgscan
