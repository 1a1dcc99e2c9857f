// The vgscan command: argument parsing and wiring, nothing else.
#include "cli/Commands.h"
#include "cli/RuleSetup.h"
#include "cli/Options.h"
#include "i18n/Language.h"
#include "io/PlanReader.h"
#include "io/PortfolioReader.h"
#include "report/BcfWriter.h"
#include "report/ClusterReports.h"
#include "report/HtmlReport.h"
#include "report/Reports.h"
#include "report/ScanDiff.h"
#include "report/ScanFiles.h"
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"
#include "scan/ScanPipeline.h"
#include "scan/Timing.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <chrono>
#include <filesystem>
#include <memory>
#include <iostream>

#include <unistd.h>

using namespace vgscan;
using i18n::tx;

namespace {

// Exit codes (documented in README and --help).
constexpr int kOk = 0;
constexpr int kUsage = 1;         // wrong arguments
constexpr int kBadInput = 2;      // the plan or portfolio cannot be used
constexpr int kConfig = 3;        // rule set or plugins missing or broken
constexpr int kSitesFailed = 4;   // scan done, but some sites could not be assessed
constexpr int kInternal = 70;     // a bug: please report

std::string exitCodes() {
    return tx("cli",     "Exit codes:\n"
    "  0   success\n"
    "  1   usage error (unknown command or option)\n"
    "  2   bad input: the plan or portfolio cannot be used (the message names file, object, problem)\n"
    "  3   rule set or plugin problem (file not found, invalid, a rule it names is not loaded)\n"
    "  4   scan finished, but one or more sites could not be assessed (see the report)\n"
    " 70   internal error\n");
}

std::string mainHelp() {
    return tx("cli",
    "vgscan - scan care real estate: keep, convert to VG7, cluster or dispose\n"
    "\n"
    "Usage: vgscan <command> [options]\n"
    "\n"
    "Commands:\n"
    "  check PLAN      check one floor plan against the building rules (architect's use)\n"
    "  scan PORTFOLIO  scan every site of a portfolio and classify it\n"
    "  rules           list the loaded rule plugins with their parameters\n"
    "  select          choose k cluster sites (portfolio or cost matrix), proven optimal\n"
    "  import IN OUT   turn a DXF drawing or IFC model into a plan file (GeoJSON/GeoPackage)\n"
    "  portfolio build SITES --out PORTFOLIO  a portfolio from a site list and Dutch open data\n"
    "  plan PORTFOLIO  the regional plan: 2-3 VG7 and 2-3 ambulant locations for the needed places\n"
    "  diff OLD NEW    what changed between two scans (verdicts, figures, rule outcomes, rule set)\n"
    "\n"
    "Common options:\n"
    "  --ruleset FILE  rule set (default: vg7, from rulesets/)\n"
    "  --plugins DIR   directory with rule plugins (default: $VGSCAN_PLUGIN_PATH, else plugins/ next to vgscan)\n"
    "  -h, --help      help for vgscan or a command (vgscan check --help)\n"
    "  --lang nl|en    language of the report, the messages and the spreadsheet CSV's headers\n"
    "                  (default: from the locale, LC_ALL / LC_MESSAGES / LANG)\n"
    "  --version       print the version\n"
    "\n");
}

void addCommon(QCommandLineParser& p) {
    p.setApplicationDescription("");
    p.addHelpOption();
    p.addOption({"ruleset", i18n::qtx("cli", "Rule set file or name (default: vg7)."), "FILE", "vg7"});
    p.addOption({"plugins", i18n::qtx("cli", "Directory with rule plugins (repeatable)."), "DIR"});
    cli::addLanguageOption(p);
}

// Parses `args` (command name first); prints help/errors itself.
bool parse(QCommandLineParser& p, const QStringList& args, const std::string& usage, int& exitCode) {
    if (!p.parse(args)) {
        std::cerr << "vgscan: " << p.errorText().toStdString() << "\n" << usage;
        exitCode = kUsage;
        return false;
    }
    if (p.isSet("help")) {
        std::cout << usage << "\n" << p.helpText().toStdString().substr(p.helpText().indexOf("Options:")) << "\n"
                  << exitCodes();
        exitCode = kOk;
        return false;
    }
    return true;
}

struct Setup {
    RuleRegistry registry;
    RuleSet ruleset;
};

// Loads plugins and the rule set. A rule the set names that no plugin
// provides, or a parameter the rule does not take or of the wrong type, stops
// the run with exit 3: a mistyped threshold must never run as its default.
bool setup(Setup& s, const QCommandLineParser& p, int& exitCode) {
    if (cli::loadRules(p, "vgscan", s.registry, s.ruleset)) return true;
    exitCode = kConfig;
    return false;
}

int cmdCheck(const QStringList& args) {
    const std::string usage = tx("cli",
        "Usage: vgscan check PLAN [--ruleset FILE] [--format text|json] [--out DIR]\n"
        "                         [--bcf FILE.bcfzip [--bcf-version 3.0|2.1]]\n"
        "Checks one floor plan (GeoJSON, GeoPackage, ... in the vgscan plan format, or a DXF\n"
        "drawing or IFC model) against the building rules of the rule set. Site rules are not\n"
        "run. With --out, also writes check.html: the plan with each rule's evidence drawn on it.\n"
        "With --bcf, also writes the findings of the failing rules as BCF topics (one per finding,\n"
        "the room or door by its IFC GlobalId, a view from above) for BIMcollab, Solibri or BlenderBIM.\n");
    QCommandLineParser p;
    addCommon(p);
    p.addOption({"format", i18n::qtx("cli", "Output format: text or json."), "FORMAT", "text"});
    p.addOption({"out", i18n::qtx("cli", "Also write check.html to this folder."), "DIR"});
    p.addOption({"bcf", i18n::qtx("cli", "Also write the failing findings as a BCF file (.bcfzip)."), "FILE"});
    p.addOption({"bcf-version", i18n::qtx("cli", "BCF version: 3.0 or 2.1 (default 3.0)."), "VERSION", "3.0"});
    p.addPositionalArgument("PLAN", i18n::qtx("cli", "The floor plan file."));
    int code = kOk;
    if (!parse(p, args, usage, code)) return code;
    if (p.positionalArguments().size() != 1) {
        std::cerr << "vgscan check: " << tx("cli", "give exactly one PLAN") << "\n" << usage;
        return kUsage;
    }
    if (!cli::isOneOf(p, "check", "format", {"text", "json"})) return kUsage;
    if (!cli::isOneOf(p, "check", "bcf-version", {"3.0", "2.1"})) return kUsage;
    if (p.isSet("bcf-version") && !p.isSet("bcf")) {
        std::cerr << "vgscan check: " << tx("cli", "--bcf-version needs --bcf FILE") << "\n";
        return kUsage;
    }
    if (p.isSet("bcf") && p.value("bcf").isEmpty()) {
        std::cerr << "vgscan check: " << tx("cli", "--bcf needs a file name (e.g. findings.bcfzip)") << "\n";
        return kUsage;
    }
    const QString format = p.value("format");
    Setup s;
    if (!setup(s, p, code)) return code;
    std::vector<InputIssue> warnings;
    FloorPlan plan;
    try {
        plan = loadPlan(p.positionalArguments().front().toStdString(), &warnings);
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }
    Engine engine(s.registry, s.ruleset);
    BuildingAssessment a = engine.check(plan);
    a.warnings = warnings;
    if (format == "json")
        std::cout << QJsonDocument(toJson(a, s.ruleset)).toJson(QJsonDocument::Indented).toStdString();
    else
        writeCheckText(std::cout, a, s.ruleset);
    if (p.isSet("out")) {
        QDir out(p.value("out"));
        if (!QDir().mkpath(out.absolutePath())) {
            std::cerr << "vgscan check: " << i18n::arg(tx("cli", "cannot create output folder %1"), out.absolutePath().toStdString()) << "\n";
            return kBadInput;
        }
        try {
            writeCheckHtml(out.filePath("check.html").toStdString(), plan, a, s.ruleset, VGSCAN_VERSION);
        } catch (const std::exception& e) {
            std::cerr << "vgscan check: " << e.what() << "\n";
            return kBadInput;
        }
        // stderr, so that --format json keeps stdout one JSON object
        std::cerr << i18n::arg(tx("cli", "Wrote %1"), out.filePath("check.html").toStdString()) << "\n";
    }
    if (p.isSet("bcf")) {
        const std::string bcf = p.value("bcf").toStdString();
        std::error_code ec;
        if (std::filesystem::equivalent(bcf, plan.source, ec)) {  // never write over the input
            std::cerr << "vgscan check: " << i18n::arg(tx("cli", "--bcf %1 is the plan itself; give another file name"), bcf) << "\n";
            return kBadInput;
        }
        BcfOptions options;
        options.version = p.value("bcf-version") == "2.1" ? BcfVersion::V2_1 : BcfVersion::V3_0;
        std::size_t topics = 0;
        try {
            topics = writeBcf(bcf, plan, a, s.ruleset, options);
        } catch (const std::exception& e) {
            std::cerr << "vgscan check: " << e.what() << "\n";
            return kBadInput;
        }
        std::cerr << i18n::arg(tx("cli", "Wrote %1"), bcf) << " (BCF " << toString(options.version) << ", "
                  << (topics == 1 ? tx("cli", "1 topic") : i18n::arg(tx("cli", "%1 topics"), std::to_string(topics)))
                  << ")\n";
    }
    return kOk;
}

int cmdScan(const QStringList& args) {
    const std::string usage = tx("cli",
        "Usage: vgscan scan PORTFOLIO [--ruleset FILE] [--out DIR] [--threads N] [--allow-outside-plans]\n"
        "                   [--since OLD/scan.json]\n"
        "Scans every site of a portfolio (GeoPackage with layers sites, buildings, roads, poi,\n"
        "demand), runs building rules on each site's plan and site rules on its plot and\n"
        "context, and classifies it, then finds clusters of nearby sites (rule set 'clusters').\n"
        "Prints a table; writes scan.json, sites.csv (sites_nl.csv for Dutch spreadsheets),\n"
        "sites.gpkg (for QGIS: the sites, the rules' evidence and the clusters' night rounds)\n"
        "and report.html (the readable report) to the output folder. With --since, the report\n"
        "shows what changed since that earlier scan (as vgscan diff does).\n");
    QCommandLineParser p;
    addCommon(p);
    p.addOption({"out", i18n::qtx("cli", "Output folder (default: vgscan-out)."), "DIR", "vgscan-out"});
    p.addOption({"format", i18n::qtx("cli", "Printed output: table or json."), "FORMAT", "table"});
    p.addOption({"threads", i18n::qtx("cli", "Sites assessed at once (default: one per core)."), "N"});
    p.addOption({"allow-outside-plans", i18n::qtx("cli", "Read site plans outside the portfolio's folder and GDAL virtual "
                                                         "paths (/vsizip/, /vsicurl/); refused by default (docs/limits.md).")});
    p.addOption({"since", i18n::qtx("cli", "An earlier scan.json (or its folder): the report shows what changed since."),
                 "SCAN"});
    p.addPositionalArgument("PORTFOLIO", i18n::qtx("cli", "The portfolio file."));
    int code = kOk;
    if (!parse(p, args, usage, code)) return code;
    if (p.positionalArguments().size() != 1) {
        std::cerr << "vgscan scan: " << tx("cli", "give exactly one PORTFOLIO") << "\n" << usage;
        return kUsage;
    }
    if (!cli::isOneOf(p, "scan", "format", {"table", "json"})) return kUsage;
    unsigned threads = 0;
    if (p.isSet("threads")) {
        bool ok = false;
        const int t = p.value("threads").toInt(&ok);
        if (!ok || t < 1 || t > 256) {
            std::cerr << "vgscan scan: " << tx("cli", "--threads must be a whole number from 1 to 256") << "\n";
            return kUsage;
        }
        threads = static_cast<unsigned>(t);
    }
    Setup s;
    if (!setup(s, p, code)) return code;
    // The earlier scan is read before any work: a wrong path fails at once.
    QJsonObject since;
    std::string sinceFile;
    if (p.isSet("since")) {
        sinceFile = p.value("since").toStdString();
        if (QFileInfo(p.value("since")).isDir()) sinceFile = QDir(p.value("since")).filePath("scan.json").toStdString();
        try {
            since = readScanJson(sinceFile);
        } catch (const InputError& e) {
            std::cerr << e.what() << "\n";
            return kBadInput;
        }
    }
    std::vector<InputIssue> issues;
    Portfolio portfolio;
    try {
        const PhaseTimer t("read portfolio");
        portfolio = readPortfolio(p.positionalArguments().front().toStdString(), issues,
                                  PlanPathPolicy{p.isSet("allow-outside-plans")});
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }
    for (const auto& i : issues) std::cerr << i.str() << "\n";
    // The output folder is checked before the work: it must not hold an input
    // under a name the scan writes (scan DIR/sites.gpkg --out DIR).
    std::unique_ptr<OutputFolder> folder;
    try {
        // The earlier scan is an input too: rescanning into its own folder
        // would replace the scan it is compared with.
        std::vector<std::string> inputs = scanInputs(portfolio, s.ruleset);
        if (!sinceFile.empty()) inputs.push_back(sinceFile);
        folder = std::make_unique<OutputFolder>(p.value("out").toStdString(), scanFileNames(), inputs,
                                                scanDerivedFileNames());
    } catch (const OutputError& e) {
        std::cerr << "vgscan scan: " << e.what() << "\n";
        return kBadInput;
    }
    removeTemporaryFilesOnSignal();

    ScanOptions options;
    options.threads = threads;
    // Progress only for a person watching a terminal; scripts and CI stay quiet.
    const bool progress = isatty(STDERR_FILENO) && portfolio.sites.size() > 1;
    const auto start = std::chrono::steady_clock::now();
    std::size_t failedCount = 0;
    if (progress) options.onSite = [&](std::size_t done, std::size_t total, const SiteAssessment& a) {
        failedCount += a.failed;
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double left = secs / static_cast<double>(done) * static_cast<double>(total - done);
        std::cerr << "\r\033[K"
                  << i18n::arg(tx("cli", "%1/%2 sites, %3 failed, about %4 s left"), std::to_string(done),
                               std::to_string(total), std::to_string(failedCount),
                               std::to_string(static_cast<int>(left + 0.5)))
                  << std::flush;
    };
    options.choiceLater = true;  // made while the files that do not show it are written
    ScanResult result = ScanPipeline(s.registry, s.ruleset, options).run(portfolio);
    if (progress) std::cerr << "\r\033[K";
    // A plan with one mistake made on every object (a misspelt 'use' on each
    // space) gives an error per object and more for what follows from them:
    // the first few name the problem, the rest would bury the other sites'
    // lines. The report's section of the site lists them all.
    constexpr std::size_t kErrorsShownPerSite = 5;
    for (const auto& a : result.sites) {  // in input order, whichever thread assessed them
        if (!a.failed) continue;
        std::size_t shown = 0;
        for (const auto& i : a.issues)
            if (i.error && shown++ < kErrorsShownPerSite)
                std::cerr << i18n::arg(tx("cli", "site '%1' failed: %2"), a.site->id, i.str()) << "\n";
        if (shown > kErrorsShownPerSite)
            std::cerr << i18n::arg(tx("cli", "site '%1': %2 more errors, all listed in its section of report.html"),
                                   a.site->id, std::to_string(shown - kErrorsShownPerSite))
                      << "\n";
    }
    const bool anyFailed = hasErrors(issues) || result.failed > 0;
    const auto& results = result.sites;
    const ClusterResult& clusters = result.clusters;
    const ScanSelection& selection = result.selection;
    ScanFilesInput files{&portfolio, &s.ruleset, &result, VGSCAN_VERSION, runTimestamp(), &issues};
    const bool printJson = p.value("format") == "json";
    QJsonObject json;
    if (printJson || !sinceFile.empty()) {
        chooseForScan(result, portfolio);  // scan.json's object shows the choice
        json = scanJson(files);
    } else {
        files.choose = [&] { chooseForScan(result, portfolio); };
    }
    ScanDiff changes;
    if (!sinceFile.empty()) {
        changes = diffScans(since, json, sinceFile, QDir(p.value("out")).filePath("scan.json").toStdString());
        files.since = &changes;
    }
    try {
        writeScanFiles(*folder, files, json.isEmpty() ? nullptr : &json);
    } catch (const std::exception& e) {
        std::cerr << "vgscan scan: " << e.what() << "\n";
        return kBadInput;
    }
    if (printJson) {
        std::cout << QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString();
    } else {
        writeScanTable(std::cout, results, &s.ruleset);
        writeClusterTable(std::cout, clusters);
        if (selection.made) {
            std::string chosen;
            for (size_t i = 0; i < selection.chosen.size(); ++i) chosen += (i ? ", " : "") + selection.chosen[i];
            std::cout << "\n"
                      << i18n::arg(selection.optimal
                                       ? tx("cli", "Regional choice (k = %1, p-median over %2 demand points, proven "
                                                   "optimal): %3; mean weighted distance %4 m. Other choices: vgscan select.")
                                       : tx("cli", "Regional choice (k = %1, p-median over %2 demand points, not proven "
                                                   "optimal): %3; mean weighted distance %4 m. Other choices: vgscan select."),
                                   std::to_string(selection.k), std::to_string(selection.demandPoints), chosen,
                                   std::to_string(static_cast<int>(selection.meanWeightedCost + 0.5)))
                      << "\n";
        } else {
            std::cout << "\n" << i18n::arg(tx("cli", "Regional choice not made: %1"), selection.why) << "\n";
        }
        const std::string files = folder->path("scan.json") + ", sites.csv, sites_nl.csv, sites.gpkg, report.html";
        std::cout << "\n"
                  << (folder->written().size() > 5
                          ? i18n::arg(tx("cli", "Wrote %1 (+ %2 pages), scan.done"), files,
                                      std::to_string(folder->written().size() - 5))
                          : i18n::arg(tx("cli", "Wrote %1, scan.done"), files))
                  << "\n";
        if (!folder->removedDerived().empty()) {
            std::string names;
            for (const auto& n : folder->removedDerived()) names += (names.empty() ? "" : ", ") + n;
            std::cout << i18n::arg(tx("cli", "Removed %1: made from the earlier scan in this folder (run vgscan plan "
                                             "again for this scan)."),
                                   names)
                      << "\n";
        }
    }
    // Said last: the lines naming each failed site came before the table and
    // have scrolled away on a terminal; exit code 4 alone is easy to miss.
    if (result.failed > 0) {
        constexpr std::size_t kIdsShown = 10;
        std::string ids;
        std::size_t named = 0;
        for (const auto& a : results)
            if (a.failed && named++ < kIdsShown) ids += (ids.empty() ? "" : ", ") + a.site->id;
        if (named > kIdsShown) ids += ", ...";
        std::cout << std::flush;
        std::cerr << "\n"
                  << i18n::arg(result.failed == 1
                                   ? tx("cli", "%1 of %2 sites could not be assessed (%3): its section of report.html says why.")
                                   : tx("cli", "%1 of %2 sites could not be assessed (%3): their sections of report.html say why."),
                               std::to_string(result.failed), std::to_string(results.size()), ids)
                  << "\n";
    }
    return anyFailed ? kSitesFailed : kOk;
}

int cmdRules(const QStringList& args) {
    const std::string usage = tx("cli", "Usage: vgscan rules [--plugins DIR]\nLists the loaded rule plugins, their parameters, defaults, units and sources.\n");
    QCommandLineParser p;
    addCommon(p);
    int code = kOk;
    if (!parse(p, args, usage, code)) return code;
    RuleRegistry reg;
    cli::loadPlugins(reg, p);
    if (reg.rules().empty()) {
        std::cerr << "vgscan: " << tx("cli", "no rule plugins found (searched: ");
        for (const auto& d : RuleRegistry::defaultDirectories()) std::cerr << d << " ";
        std::cerr << ")\n";
        return kConfig;
    }
    for (const auto* r : reg.rules()) {
        std::cout << r->id << " " << r->version << " [" << r->scope << "]"
                  << (r->unit.empty() ? "" : " headline in " + r->unit) << "\n  " << r->summary << "\n";
        for (const auto& prm : r->parameters) {
            std::string def = QJsonDocument::fromVariant(QVariantList{prm.defaultValue.toVariant()})
                                  .toJson(QJsonDocument::Compact).toStdString();
            def = def.substr(1, def.size() - 2);  // strip the list brackets
            std::cout << "    " << prm.name << " = " << def << (prm.unit.empty() ? "" : " " + prm.unit) << "  ("
                      << prm.type << ") " << prm.description << " [source: " << prm.source << "]\n";
        }
    }
    return kOk;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("vgscan");
    QCoreApplication::setApplicationVersion(VGSCAN_VERSION);
    QStringList args = app.arguments();
    if (args.size() < 2) {
        std::cerr << mainHelp() << exitCodes();
        return kUsage;
    }
    QString cmd = args.at(1);
    i18n::setLanguage(i18n::languageFromEnvironment());  // --lang of a command may change it below
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
        std::cout << mainHelp() << exitCodes();
        return kOk;
    }
    if (cmd == "--version" || cmd == "version") {
        std::cout << "vgscan " << VGSCAN_VERSION << "\n";
        return kOk;
    }
    QStringList rest = args.mid(1);  // command name stands in for argv[0]
    // The language first, so that every message of the command is in it.
    if (!cli::chooseLanguage(rest, cmd.toStdString().c_str())) return kUsage;
    try {
        if (cmd == "check") return cmdCheck(rest);
        if (cmd == "scan") return cmdScan(rest);
        if (cmd == "rules") return cmdRules(rest);
        if (cmd == "select") return cmdSelect(rest);
        if (cmd == "import") return cmdImport(rest);
        if (cmd == "portfolio") return cmdPortfolio(rest);
        if (cmd == "diff") return cmdDiff(rest);
        if (cmd == "plan") return cmdPlan(rest);
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    } catch (const std::exception& e) {
        std::cerr << "vgscan: " << tx("cli", "internal error: ") << e.what() << "\n";
        return kInternal;
    }
    std::cerr << "vgscan: " << i18n::arg(tx("cli", "unknown command '%1'"), cmd.toStdString()) << "\n\n" << mainHelp();
    return kUsage;
}
