// vgscan diff: what changed between two scans (core/report/ScanDiff.h).
#include "cli/Commands.h"
#include "cli/Options.h"
#include "i18n/Language.h"
#include "i18n/Reasons.h"
#include "io/InputError.h"
#include "ruleset/RuleSet.h"
#include "report/ScanDiff.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <functional>
#include <iostream>

namespace {

// The classifier's reasons in the chosen language need the explanations of
// the rule set that made them: the new scan's rule set file, when it is
// still there with the bytes the scan recorded (else the reasons as recorded).
std::function<std::string(const std::string&)> reasonsOf(const vgscan::ScanSide& side) {
    if (vgscan::i18n::language() != vgscan::i18n::Language::Dutch || side.rulesetFile.empty()) return {};
    try {
        const vgscan::RuleSet rs = vgscan::loadRuleSet(side.rulesetFile);
        if (rs.sha256 != side.rulesetSha256) return {};
        return vgscan::i18n::ReasonTranslator(rs);  // keeps the explanations it needs
    } catch (const std::exception&) {
        return {};  // moved or broken since: the reasons stay as recorded
    }
}

constexpr int kOk = 0, kUsage = 1, kBadInput = 2;

const char* kUsageText =
    "Usage: vgscan diff OLD NEW [--format text|json]\n"
    "Compares two scans of a portfolio: OLD and NEW are scan.json files (or the output folders\n"
    "of `vgscan scan` holding them). Lists the sites added and removed, and for every site\n"
    "whose verdict, figures (score, places, bedrooms, cluster) or rule outcomes changed, which\n"
    "rules changed and how (status, value, threshold: old -> new); then what changed in the\n"
    "rule set (hash, parameters) and in the clusters and the regional choice. Exit 0 whether\n"
    "or not anything changed; 2 when a file is missing or not a scan.json.\n";

}  // namespace

int cmdDiff(const QStringList& args) {
    QCommandLineParser p;
    p.addHelpOption();
    vgscan::cli::addLanguageOption(p);
    p.addOption({"format", "Output format: text or json.", "FORMAT", "text"});
    p.addPositionalArgument("OLD", "The earlier scan.json (or its folder).");
    p.addPositionalArgument("NEW", "The later scan.json (or its folder).");
    if (!p.parse(args)) {
        std::cerr << "vgscan diff: " << p.errorText().toStdString() << "\n" << kUsageText;
        return kUsage;
    }
    if (p.isSet("help")) {
        std::cout << kUsageText << "\n" << p.helpText().toStdString().substr(p.helpText().indexOf("Options:")) << "\n";
        return kOk;
    }
    if (p.positionalArguments().size() != 2) {
        std::cerr << "vgscan diff: give two scans, OLD and NEW\n" << kUsageText;
        return kUsage;
    }
    if (!vgscan::cli::isOneOf(p, "diff", "format", {"text", "json"})) return kUsage;
    const std::string from = p.positionalArguments().at(0).toStdString();
    const std::string to = p.positionalArguments().at(1).toStdString();
    QJsonObject a, b;
    try {
        a = vgscan::readScanJson(from);
        b = vgscan::readScanJson(to);
    } catch (const vgscan::InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }
    const vgscan::ScanDiff d = vgscan::diffScans(a, b, from, to);
    // Two scans that are not the same portfolio judged twice: every
    // difference below would read as a change at the sites.
    if (!d.from.ruleset.empty() && !d.to.ruleset.empty() && d.from.ruleset != d.to.ruleset)
        std::cerr << "vgscan diff: note: " << d.from.file << " was made with rule set '" << d.from.ruleset << "', "
                  << d.to.file << " with rule set '" << d.to.ruleset
                  << "': the differences below are mostly the two rule sets' judgements, not changes at the sites\n";
    if (d.from.sites > 0 && d.to.sites > 0 && d.changed.empty() && d.unchanged == 0)
        std::cerr << "vgscan diff: note: " << d.from.file << " and " << d.to.file
                  << " have no site id in common: scans of two different portfolios?\n";
    if (p.value("format") == "json")
        std::cout << QJsonDocument(vgscan::toJson(d)).toJson(QJsonDocument::Indented).toStdString();
    else
        vgscan::writeDiffText(std::cout, d, reasonsOf(d.to));
    return kOk;
}
