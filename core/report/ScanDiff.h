#pragma once
// `vgscan diff OLD NEW`: what changed between two scans of a portfolio
// (issue 14, monitoring twice a year). Works on the scan.json files alone:
// sites are matched by id; for each site the verdict, its key figures
// (score, places, bedrooms, cluster) and every rule's outcome (status,
// headline value, further figures) are compared, so a changed verdict comes
// with the rules that made it change. The rule set is compared by its hash
// and parameters; a threshold change that moved no outcome is reported once
// for the rule, not once per site.
#include <QJsonObject>
#include <QJsonValue>

#include <cstddef>
#include <ostream>
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace vgscan {

// Reads a scan.json (or a scan output folder holding one); throws InputError
// naming the file and the problem (missing, not JSON, not a scan, a site
// without id, an id given twice). With `keep` (paths as json::slim takes
// them, "sites[].id" is always kept), only those values are read: the rest
// of the file is skipped by a byte scan, not parsed (a 2,002-site scan.json is
// 128 MB; `vgscan plan` needs a few fields per site).
QJsonObject readScanJson(const std::string& path, const std::vector<std::string>& keep = {});

struct Change {
    std::string what;  // "verdict", "score", "status", "value", "figure bedrooms", a parameter name, ...
    QJsonValue from;   // Undefined: absent on that side
    QJsonValue to;
    std::string unit;
};

struct RuleChange {
    std::string key;   // the rule set key (the rule id when it has none)
    std::string rule;  // plugin id
    std::vector<Change> changes;
    QJsonValue value;  // the new headline value (context when only the status or threshold moved)
    std::string unit;
};

struct SiteChange {
    std::string id;
    std::string name;
    std::string verdictFrom, verdictTo;  // equal when the verdict held
    std::vector<Change> fields;          // site figures: score, places, bedrooms, failed, cluster, stable, ...
    std::vector<RuleChange> rules;       // rules whose outcome changed
    std::vector<std::string> reasons;    // the new scan's reasons, when the verdict changed
};

struct SiteRef {
    std::string id, name, verdict;
};

// A rule's threshold text that changed at sites where its outcome did not.
struct ThresholdChange {
    std::string key;
    std::string from, to;
    std::size_t sites = 0;
};

struct ScanSide {
    std::string file, portfolio, ruleset, rulesetFile, rulesetSha256;
    std::size_t sites = 0;
};

struct ScanDiff {
    ScanSide from, to;
    bool rulesetChanged = false;            // hash differs (or the name, when a side has no hash)
    bool rulesetKnown = true;               // both sides record the hash
    std::vector<RuleChange> rulesetRules;   // parameter, severity and rule changes per rule-set key
    std::vector<ThresholdChange> thresholds;
    std::vector<SiteRef> added, removed;    // in the new / old scan's order
    std::vector<SiteChange> changed;        // in the new scan's order
    std::size_t unchanged = 0;
    std::vector<Change> portfolioChanges;   // clusters, regional choice
    // What a side's scan.json does not record at all (a scan by an earlier
    // vgscan): "rule set", "regional choice", "clusters", "stable",
    // "friction cost", "rule version". Not compared: absent is not a change.
    std::vector<std::string> notRecordedFrom, notRecordedTo;

    // Whether the old / new scan records its rule set (the writers' first
    // line and whether the rule set can be compared at all).
    bool fromRecordsRuleset() const { return !lacks(notRecordedFrom, "rule set"); }
    bool toRecordsRuleset() const { return !lacks(notRecordedTo, "rule set"); }
    bool rulesetRecorded() const { return fromRecordsRuleset() && toRecordsRuleset(); }

private:
    static bool lacks(const std::vector<std::string>& v, const char* field) {
        return std::find(v.begin(), v.end(), field) != v.end();
    }
};

ScanDiff diffScans(const QJsonObject& from, const QJsonObject& to, const std::string& fromFile = "",
                   const std::string& toFile = "");

// `reason`: shows a classifier's reason (English in scan.json) in the chosen
// language (i18n::ReasonTranslator of the new scan's rule set); empty: as
// recorded.
void writeDiffText(std::ostream& out, const ScanDiff& d,
                   const std::function<std::string(const std::string&)>& reason = {});
// One change as text ("status pass -> fail"), and a list of them joined by "; ".
std::string changeText(const Change& c);
std::string changesText(const std::vector<Change>& v);
QJsonObject toJson(const ScanDiff& d);

}  // namespace vgscan
