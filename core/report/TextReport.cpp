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

std::string clip(const std::string& s, size_t n) {
    if (s.size() <= n) return s;
    return s.substr(0, n - 3) + "...";
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
    for (const auto& w : a.warnings) out << tx("check", "warning:") << " " << w.str() << "\n";
}

std::string textColumn(const std::string& text, int width, bool right) {
    const int n = static_cast<int>(QString::fromStdString(text).size());
    const std::string pad(static_cast<std::size_t>(std::max(0, width - n)), ' ');
    return right ? pad + text : text + pad;
}

void writeScanTable(std::ostream& out, const std::vector<SiteAssessment>& sites, const RuleSet* rs) {
    size_t wId = 4, wName = 4;
    for (const auto& s : sites) {
        wId = std::max(wId, s.site->id.size());
        wName = std::max(wName, std::min<size_t>(s.site->name.size(), 34));
    }
    // Wider columns only where a translated word needs them (the English
    // table keeps its widths). std::setw counts bytes: the Dutch words are ASCII.
    using i18n::tx;
    const std::size_t wPlaces = std::max<std::size_t>(8, tx("table", "places").size() + 1);
    std::size_t wVerdict = std::max<std::size_t>(13, tx("table", "FAILED").size() + 2);
    for (const auto& s : sites)
        wVerdict = std::max(wVerdict, i18n::verdictLabel(toString(s.classification.verdict)).size() + 2);
    out << std::left << std::setw(wId + 2) << tx("table", "site") << std::setw(wName + 2) << tx("table", "name")
        << std::setw(9) << tx("table", "profile") << std::setw(wPlaces) << tx("table", "places") << std::setw(wVerdict)
        << tx("table", "verdict") << tx("table", "main reasons") << "\n";
    out << std::string(wId + wName + 4 + 9 + wPlaces + wVerdict + 40, '-') << "\n";
    // The reasons in the chosen language (the rule set's explain_nl).
    std::unique_ptr<i18n::ReasonTranslator> reason;
    if (rs) reason = std::make_unique<i18n::ReasonTranslator>(*rs);
    for (const auto& s : sites) {
        const auto& r = s.classification.reasons;
        std::string places = s.site->places ? std::to_string(*s.site->places) : "-";
        std::string verdict = s.failed ? tx("table", "FAILED") : i18n::verdictLabel(toString(s.classification.verdict));
        if (s.sensitivity.computed && !s.sensitivity.stable) verdict += "*";
        out << std::left << std::setw(wId + 2) << s.site->id << std::setw(wName + 2) << clip(s.site->name, 34)
            << std::setw(9) << (s.site->profile.empty() ? "-" : s.site->profile) << std::setw(wPlaces) << places
            << std::setw(wVerdict) << verdict;
        std::string pad(wId + wName + 4 + 9 + wPlaces + wVerdict, ' ');
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
