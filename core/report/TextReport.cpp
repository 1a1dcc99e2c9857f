#include "report/Reports.h"

#include "i18n/Language.h"
#include "i18n/Reasons.h"
#include "i18n/RuleTexts.h"
#include "i18n/Terms.h"
#include "rules/RuleKit.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iomanip>
#include <memory>

namespace vgscan {

namespace {

std::string valueText(const RuleResult& r) {
    if (!r.value) return "-";
    return i18n::shown(*r.value, 2) + (r.unit.empty() ? "" : " " + i18n::ruleText(r.unit));
}

// At most n characters; a longer text is cut (never inside a character) and
// ends in "...".
std::string clip(const std::string& s, int n) {
    const QString q = QString::fromStdString(s);
    if (q.size() <= n) return s;
    return q.left(n - 3).toStdString() + "...";
}

}  // namespace

void writeCheckText(std::ostream& out, const BuildingAssessment& a, const RuleSet& rs) {
    using i18n::tx;
    out << tx("check", "Building:") << " " << a.building << "  (" << a.source << ")\n";
    // The rule set's title in Dutch from its file ("title_nl"), as the report shows it.
    std::string title = rs.title;
    if (i18n::language() == i18n::Language::Dutch) {
        QFile f(QString::fromStdString(rs.source));
        if (f.open(QIODevice::ReadOnly)) {
            const QString nl = QJsonDocument::fromJson(f.readAll()).object().value("title_nl").toString();
            if (!nl.isEmpty()) title = nl.toStdString();
        }
    }
    out << tx("check", "Rule set:") << " " << rs.name << (title.empty() ? "" : " - " + title) << "\n";
    out << tx("check", "Building:") << " " << i18n::verdictLabel(a.classification.verdict) << " "
        << tx("check", "(building rules only; site rules not assessed)") << "\n";
    const i18n::ReasonTranslator reason(rs);
    for (const auto& r : a.classification.reasons) out << "  - " << reason(r) << "\n";
    out << "\n";
    using i18n::ruleText;
    // Status and severity columns as wide as their words (English keeps 8 and 7).
    std::size_t wStatus = 8, wSeverity = 7;
    for (const auto& r : a.results) {
        if (!r.inScope) continue;
        wStatus = std::max(wStatus, i18n::statusLabel(toString(r.result.status)).size() + 1);
        wSeverity = std::max(wSeverity, i18n::severityLabel(toString(r.entry->severity)).size() + 1);
    }
    for (const auto& r : a.results) {
        if (!r.inScope) continue;
        out << std::left << std::setw(static_cast<int>(wStatus)) << i18n::statusLabel(toString(r.result.status))
            << std::setw(26) << r.entry->key << std::setw(static_cast<int>(wSeverity))
            << i18n::severityLabel(toString(r.entry->severity)) << valueText(r.result);
        if (!r.result.threshold.empty())
            out << "  (" << i18n::arg(tx("check", "threshold %1"), ruleText(r.result.threshold)) << ")";
        out << "\n";
        if (!r.result.summary.empty()) out << "        " << ruleText(r.result.summary) << "\n";
        if (!r.error.empty()) out << "        " << tx("check", "error:") << " " << r.error << "\n";
        for (const auto& f : r.result.findings) {
            out << "        - " << ruleText(f.objectType) << " " << f.object << ": " << ruleText(f.message);
            // Only the parts the finding has (advice has no expected value).
            if (!f.expected.empty() && !f.observed.empty())
                out << " ("
                    << i18n::arg(tx("check", "expected %1, observed %2"), ruleText(f.expected), ruleText(f.observed))
                    << ")";
            else if (!f.expected.empty())
                out << " (" << i18n::arg(tx("report", "expected %1"), ruleText(f.expected)) << ")";
            else if (!f.observed.empty())
                out << " (" << i18n::arg(tx("report", "observed %1"), ruleText(f.observed)) << ")";
            if (f.location)
                out << " "
                    << i18n::arg(tx("check", "at (%1, %2)"), i18n::shown(f.location->x(), 2), i18n::shown(f.location->y(), 2));
            out << "\n";
        }
    }
    for (const auto& w : a.warnings) out << tx("check", "warning:") << " " << w.where() << "\n";
}

int shownWidth(const std::string& s) { return static_cast<int>(QString::fromStdString(s).size()); }

std::string textColumn(const std::string& text, int width, bool right) {
    const int n = shownWidth(text);
    const std::string pad(static_cast<std::size_t>(std::max(0, width - n)), ' ');
    return right ? pad + text : text + pad;
}

void writeScanTable(std::ostream& out, const std::vector<SiteAssessment>& sites, const RuleSet* rs) {
    using i18n::tx;
    // Each column as wide as its widest cell or header, in characters (the
    // Dutch headers are wider than the English ones, "locatie" over "site";
    // the English table of ASCII ids and names keeps its widths).
    const int kNameMax = 34;
    int wId = std::max(4, shownWidth(tx("table", "site"))), wName = std::max(4, shownWidth(tx("table", "name")));
    int wProfile = std::max(9, shownWidth(tx("table", "profile")) + 1);
    for (const auto& s : sites) {
        wId = std::max(wId, shownWidth(s.site->id));
        wName = std::max(wName, std::min(shownWidth(s.site->name), kNameMax));
        wProfile = std::max(wProfile, shownWidth(s.site->profile) + 1);
    }
    const int wPlaces = std::max(8, shownWidth(tx("table", "places")) + 1);
    int wVerdict = std::max(13, shownWidth(tx("table", "FAILED")) + 2);
    for (const auto& s : sites)
        wVerdict = std::max(wVerdict, shownWidth(i18n::verdictLabel(toString(s.classification.verdict))) + 2);
    out << textColumn(tx("table", "site"), wId + 2) << textColumn(tx("table", "name"), wName + 2)
        << textColumn(tx("table", "profile"), wProfile) << textColumn(tx("table", "places"), wPlaces)
        << textColumn(tx("table", "verdict"), wVerdict) << tx("table", "main reasons") << "\n";
    const std::size_t wLead = static_cast<std::size_t>(wId + wName + 4 + wProfile + wPlaces + wVerdict);
    out << std::string(wLead + 40, '-') << "\n";
    // The reasons in the chosen language (the rule set's explain_nl).
    std::unique_ptr<i18n::ReasonTranslator> reason;
    if (rs) reason = std::make_unique<i18n::ReasonTranslator>(*rs);
    for (const auto& s : sites) {
        const auto& r = s.classification.reasons;
        std::string places = s.site->places ? std::to_string(*s.site->places) : "-";
        std::string verdict = s.failed ? tx("table", "FAILED") : i18n::verdictLabel(toString(s.classification.verdict));
        if (s.sensitivity.computed && !s.sensitivity.stable) verdict += "*";
        out << textColumn(s.site->id, wId + 2) << textColumn(clip(s.site->name, kNameMax), wName + 2)
            << textColumn(s.site->profile.empty() ? "-" : s.site->profile, wProfile) << textColumn(places, wPlaces)
            << textColumn(verdict, wVerdict);
        const std::string pad(wLead, ' ');
        for (size_t i = 0; i < r.size() && i < 3; ++i) out << (i ? pad : "") << (reason ? (*reason)(r[i]) : r[i]) << "\n";
        if (r.empty()) out << "\n";
    }
    // Verdicts that an assumed threshold within +-20 % would change.
    bool header = false;
    for (const auto& s : sites) {
        if (!s.sensitivity.computed || s.sensitivity.stable) continue;
        if (!header) out << "\n" << tx("table", "* unstable: the verdict changes with an assumed threshold within +-20 %") << "\n";
        header = true;
        out << "  " << s.site->id << ": "
            << i18n::arg(tx("table", "%1 % of draws keep it"), i18n::shown(100.0 * s.sensitivity.shareSame, 1));
        for (const auto& f : s.sensitivity.flips)
            out << "; " << f.rule << "." << f.parameter << " " << i18n::shown(f.from, 2) << " -> " << i18n::shown(f.to, 2)
                << ": " << i18n::verdictLabel(toString(f.verdict));
        out << "\n";
    }
}

}  // namespace vgscan
