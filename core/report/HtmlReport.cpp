// The HTML pages: the portfolio report and the page of one checked plan.
// Everything a person needs is in the one file (CSS, JS, SVG, data), and every
// text from the user's files goes through html::esc (markup) or into the
// embedded JSON with '<' escaped (read by script with textContent only).
#include "report/HtmlReport.h"

#include "cluster/Clusters.h"
#include "derive/ContextIndex.h"
#include "select/ScanSelection.h"

#include "i18n/Language.h"
#include "i18n/Reasons.h"
#include "i18n/RuleTexts.h"
#include "i18n/Terms.h"
#include "io/JsonText.h"
#include "io/OutputFiles.h"
#include "io/PlanPath.h"
#include "report/CheckProfile.h"
#include "report/ScanDiff.h"
#include "report/ObjectNames.h"
#include "rules/RuleKit.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

#include <unistd.h>

namespace vgscan {

using html::esc;
using html::num;
using i18n::arg;
using i18n::tx;
using i18n::ruleText;

namespace {
// The report's words in the chosen language (i18n/Language.h).
std::string V(const std::string& verdict) { return i18n::verdictLabel(verdict); }
std::string S(const std::string& status) { return i18n::statusLabel(status); }
// The decimal mark of the chosen language, as i18n::shown writes it: the
// table's script writes the scores and needs it too (toFixed gives a point).
std::string decimalMark() { return i18n::shown(0.5, 1).substr(1, 1); }
}  // namespace

namespace {

// Statuses worst first: the order of sorting and of the legend.
const char* kStatuses[] = {"fail", "unknown", "warn", "na", "pass"};
const char* kVerdicts[] = {"fits_vg7", "convert_vg7", "cluster", "keep", "ambulant", "dispose", "needs_data", "failed"};

std::string verdictWord(const SiteAssessment& s) {
    return s.failed ? "failed" : toString(s.classification.verdict);
}

std::string figureText(const RuleResult& r) {
    if (!r.value) return "";
    return i18n::shown(*r.value, 2) + (r.unit.empty() ? "" : " " + ruleText(r.unit));
}

int ruleIndex(const RuleSet& rs, const RuleEntry* e) {
    for (size_t i = 0; i < rs.rules.size(); ++i)
        if (&rs.rules[i] == e || rs.rules[i].key == e->key) return static_cast<int>(i);
    return 0;
}

// Regular files only: a plan path naming /dev/zero or a FIFO would be read
// forever; GDAL virtual paths (/vsicurl/) are never fetched for a checksum.
std::string sha256(const std::string& path) {
    const int fd = openRegularFile(path);
    if (fd < 0) return "";
    QCryptographicHash h(QCryptographicHash::Sha256);
    std::vector<char> buf(1 << 16);
    ssize_t n = 0;
    while ((n = ::read(fd, buf.data(), buf.size())) != 0) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        h.addData(QByteArrayView(buf.data(), n));
    }
    ::close(fd);
    if (n < 0) return "";
    return h.result().toHex().toStdString();
}

// JSON safe inside <script>: no '<' (so no "</script>" or "<!--"), '>' or '&'.
std::string scriptSafe(std::string_view raw) {
    std::string s;
    s.reserve(raw.size() + 64);
    for (char c : raw) {
        if (c == '<') s += "\\u003c";
        else if (c == '>') s += "\\u003e";
        else if (c == '&') s += "\\u0026";
        else s += c;
    }
    return s;
}

std::string scriptJson(const QJsonObject& o) {
    const QByteArray raw = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return scriptSafe(std::string_view(raw.constData(), static_cast<std::size_t>(raw.size())));
}

// Written beside the target and renamed over it, so a browser (or a second
// scan) never sees half a page.
void writeFile(const std::string& path, const std::string& text) { writeFileAtomically(path, text); }

std::string badge(const std::string& cls, const std::string& text) {
    return "<span class=\"badge " + cls + "\">" + esc(text) + "</span>";
}

std::string pageHead(const std::string& title) {
    std::string s = "<!DOCTYPE html>\n<html lang=\"" + std::string(i18n::code(i18n::language())) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"vgscan\">\n<title>" +
                    esc(title) + "</title>\n<style>\n";
    s += html::kCss;
    s += "\n</style>\n</head>\n<body data-ready=\"0\" data-errors=\"\">\n";
    // First thing in the body: script errors become visible (and testable).
    s += "<script>window.onerror=function(m,src,l,c){var b=document.body;"
         "b.dataset.errors=(b.dataset.errors?b.dataset.errors+' | ':'')+m+' (line '+l+')';};</script>\n";
    return s;
}

// --- one building --------------------------------------------------------------

// The words of one rule set shown to people: the rules' titles in the
// chosen language ("title_nl" beside "key" in the rule set file; English
// shows the key) and the classifier's reasons translated.
struct Words {
    explicit Words(const RuleSet& rs) : reason(rs) {}
    const std::map<std::string, std::string>& titles() const { return reason.ruleTitles(); }
    std::string rule(const std::string& key) const {
        auto it = titles().find(key);
        return it == titles().end() ? key : it->second;
    }
    i18n::ReasonTranslator reason;  // reads the titles with the Dutch explanations
};

struct Building {
    std::string anchor;  // fragment id of the section
    const FloorPlan* plan = nullptr;
    const Site* site = nullptr;  // null on the check page
    const ContextIndex* index = nullptr;
    const std::vector<EvaluatedRule>* results = nullptr;
    const RuleSet* rs = nullptr;
    // The check page: gates that do not count for the profile checked (rule
    // key -> the routes they count for); shown apart, never as a failed gate.
    const std::map<std::string, std::string>* outsideProfile = nullptr;
    const Words* words = nullptr;
    SectionWay way = SectionWay::Appended;
};

// The routes of CheckProfile's gatesOutsideProfile() ("cluster, keep", or
// "no route") by their names in the chosen language.
std::string routeNames(const std::string& routes) {
    if (routes == "no route") return tx("report", "no route");
    std::string out;
    for (const QString& r : QString::fromStdString(routes).split(", "))
        out += (out.empty() ? "" : ", ") + i18n::verdictLabel(r.toStdString());
    return out;
}

// A finding's texts as shown, rooms by their names (ObjectNames::withNames):
// made once for its marker's title and its row in the rule table.
struct FindingTexts {
    std::string message, expected, observed;
    FindingTexts(const Finding& f, const ObjectNames& names)
        : message(names.withNames(ruleText(f.message))),
          expected(f.expected.empty() ? std::string() : names.withNames(ruleText(f.expected))),
          observed(f.observed.empty() ? std::string() : names.withNames(ruleText(f.observed))) {}
};

std::string findingTitle(int n, const EvaluatedRule& r, const Finding& f, const FindingTexts& said, const ObjectNames& names) {
    std::string t = "#" + std::to_string(n) + " " + r.entry->key + ": " + said.message;
    if (!f.object.empty()) t += " [" + ruleText(f.objectType) + " " + names.label(f.object) + "]";
    if (!f.expected.empty() && !f.observed.empty())
        t += " (" + arg(tx("report", "expected %1, observed %2"), said.expected, said.observed) + ")";
    else if (!f.expected.empty())
        t += " (" + arg(tx("report", "expected %1"), said.expected) + ")";
    else if (!f.observed.empty())
        t += " (" + arg(tx("report", "observed %1"), said.observed) + ")";
    return t;
}

// A rule's row of the rule table (up to its summary), appended to `s`;
// `routes`: the routes of a gate outside the profile checked, or null.
void appendRuleRow(std::string& s, const EvaluatedRule& r, int ri, const std::string* routes, const std::string& statusClass,
                   const std::string& status, const Words& words, const ObjectNames& names) {
    using html::Esc;
    const std::string& key = r.entry->key;
    html::cat(s, "<tr class=\"rule", routes ? " off" : "", "\"><td><i class=\"sw\" style=\"background:", html::ruleColour(ri),
              "\"></i>");
    if (words.titles().count(key)) html::cat(s, Esc{words.rule(key)}, "<br><small>", Esc{key}, "</small>");
    else if (key != r.entry->rule) html::cat(s, Esc{key}, "<br><small>", Esc{r.entry->rule}, "</small>");
    else html::cat(s, Esc{key});
    html::cat(s, "</td><td>", Esc{i18n::severityLabel(toString(r.entry->severity))});
    if (routes)
        html::cat(s, "<br><small title=\"", Esc{tx("report", "not a gate of the profile checked")}, "\">",
                  arg(tx("report", "for %1"), esc(routeNames(*routes))), "</small>");
    html::cat(s, "</td><td class=\"st-", statusClass, "\">", Esc{S(status)});
    if (routes) html::cat(s, "<br><small>", tx("report", "not in this check"), "</small>");
    html::cat(s, "</td><td class=\"fig\">", Esc{figureText(r.result)});
    for (const auto& f : r.result.figures) {
        html::cat(s, "<br><small>", Esc{ruleText(f.name)}, " ", Esc{i18n::shown(f.value, 2)});
        if (!f.unit.empty()) html::cat(s, " ", Esc{ruleText(f.unit)});
        s += "</small>";
    }
    html::cat(s, "</td><td>", Esc{ruleText(r.result.threshold)}, "</td><td>", Esc{names.withNames(ruleText(r.result.summary))});
}

// Finding number n's row of the rule table, appended to `s`: the room by
// its name and its id (an IFC GlobalId) beside it to find it in the model;
// `drawn`: the link to the view that shows it, or null.
void appendFindingRow(std::string& s, const std::string& anchor, int n, const Finding& f, const FindingTexts& text,
                      const std::string& roomName, const std::string& statusClass, const std::string* drawn) {
    using html::Esc;
    char digits[16];
    const std::string_view number(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, n).ptr - digits));
    html::cat(s, "<tr class=\"finding\" id=\"f-", anchor, "-", number, "\"><td class=\"fno\">", number,
              "</td><td colspan=\"5\"><b>", Esc{ruleText(f.objectType)}, " ", Esc{roomName.empty() ? f.object : roomName}, "</b>");
    if (!roomName.empty()) html::cat(s, " <code class=\"oid\">", Esc{f.object}, "</code>");
    html::cat(s, ": ", Esc{text.message});
    if (!f.expected.empty()) html::cat(s, " <span class=\"exp\">", arg(tx("report", "expected %1"), esc(text.expected)), "</span>");
    // Red only when the rule fails: a passing rule's observed value is no fault.
    if (!f.observed.empty())
        html::cat(s, " <span class=\"obs st-", statusClass, "\">", arg(tx("report", "observed %1"), esc(text.observed)), "</span>");
    if (f.location) {
        const std::string at = i18n::shownPoint(f.location->x(), f.location->y());
        html::cat(s, " <span class=\"at\">", drawn ? arg(tx("report", "at %1 on the %2"), at, *drawn) : arg(tx("report", "at %1"), at),
                  "</span>");
    }
}

// The plans (one per storey), the plot, and the rule table with numbered
// findings: the evidence drawn where the rule put it; appended to `s` (a
// site's section, some 100 kB: not made apart and copied in).
void buildingBody(const Building& b, std::string& s) {
    const RuleSet& rs = *b.rs;
    std::vector<int> storeys = b.plan ? b.plan->storeys() : std::vector<int>{};
    std::map<int, std::vector<html::Evidence>> planShapes;
    std::map<int, std::vector<html::Mark>> planMarks;
    std::vector<html::Evidence> plotShapes;
    std::vector<html::Mark> plotMarks;
    std::set<int> rulesOnPlan, rulesOnPlot;
    std::map<int, std::string> whereDrawn;  // finding number -> view link
    static const FloorPlan kNoPlan;
    const ObjectNames names(b.plan ? *b.plan : kNoPlan);
    auto outside = [&](const EvaluatedRule& r) {
        return b.outsideProfile && b.outsideProfile->count(r.entry->key) ? &b.outsideProfile->at(r.entry->key) : nullptr;
    };
    // The status class a rule is painted with: a gate outside the profile is
    // grey whatever its status.
    auto statusClass = [&](const EvaluatedRule& r) {
        return !r.inScope ? std::string("na") : outside(r) ? std::string("off") : std::string(toString(r.result.status));
    };

    int n = 0;
    std::vector<FindingTexts> said;  // by finding number - 1
    for (const auto& r : *b.results) {
        if (!r.inScope) continue;
        const int ri = ruleIndex(rs, r.entry);
        const bool siteRule = r.scope == "site";
        for (const auto& sh : r.result.shapes) {
            html::Evidence e;
            e.ruleIndex = ri;
            e.shape = &sh;
            e.title = r.entry->key + ": " + ruleText(sh.label) + (sh.object.empty() ? "" : " (" + sh.object + ")");
            if (sh.storey) {
                planShapes[*sh.storey].push_back(e);
                rulesOnPlan.insert(ri);
            } else if (siteRule) {
                plotShapes.push_back(e);
                rulesOnPlot.insert(ri);
            } else {  // a building rule's plan-wide shape: on every storey
                for (int st : storeys) planShapes[st].push_back(e);
                rulesOnPlan.insert(ri);
            }
        }
        for (const auto& f : r.result.findings) {
            ++n;
            said.emplace_back(f, names);
            if (!f.location) continue;
            html::Mark m;
            m.number = n;
            m.href = "#f-" + b.anchor + "-" + std::to_string(n);
            m.title = findingTitle(n, r, f, said.back(), names);
            m.cssClass = "st-" + statusClass(r);
            m.at = *f.location;
            if (f.storey) {
                planMarks[*f.storey].push_back(m);
                whereDrawn[n] = "<a href=\"#v-" + b.anchor + "-s" + std::to_string(*f.storey) + "\">" +
                                arg(tx("report", "plan, storey %1"), std::to_string(*f.storey)) + "</a>";
            } else if (siteRule) {
                plotMarks.push_back(m);
                whereDrawn[n] = "<a href=\"#v-" + b.anchor + "-plot\">" + tx("report", "plot") + "</a>";
            } else {
                for (int st : storeys) planMarks[st].push_back(m);
                whereDrawn[n] = "<a href=\"#v-" + b.anchor + "-s" + std::to_string(storeys.empty() ? 0 : storeys[0]) +
                                "\">" + tx("report", "plan") + "</a>";
            }
        }
    }

    auto ruleLegend = [&](const std::set<int>& rules) {
        if (rules.empty()) return std::string();
        std::string s = "<div class=\"evlegend\">" + tx("report", "evidence:") + " ";
        for (int ri : rules)
            s += "<span><i style=\"background:" + html::ruleColour(ri) + "\"></i>" + esc(b.words->rule(rs.rules[static_cast<size_t>(ri)].key)) +
                 "</span>";
        return s + "</div>";
    };

    s += "<div class=\"views\">";
    // A site that names a plan which could not be read has one: say so, the errors are listed above.
    if (!b.plan)
        s += "<p class=\"note nofp\">" +
             (b.site && !b.site->planFile.empty()
                  ? tx("report", "The floor plan could not be read (see the errors above): building rules could not look at the building.")
                  : tx("report", "No floor plan: building rules could not look at the building.")) +
             "</p>";
    if (b.plan) {
        const html::View v = html::planView(*b.plan);
        std::optional<PlanPlacement> place;
        if (b.site && b.site->placement.given) place = b.site->placement;
        for (int st : storeys) {
            int count = 0;
            for (const auto& sp : b.plan->spaces) count += sp.storey == st;
            const std::string caption = arg(tx("report", "Storey %1 — %2 spaces"), std::to_string(st), std::to_string(count));
            // Appended part by part: the drawing (most of the bytes) is not
            // copied into a joined temporary first.
            s += "<figure class=\"view planfig" + std::string(html::narrowPlan(v) ? " narrow" : "") + "\" id=\"v-" + b.anchor + "-s" + std::to_string(st) + "\">";
            const std::string title = (b.plan->name.empty() ? tx("report", "plan") : b.plan->name) + ", " + caption;
            if (b.way == SectionWay::Joined) s += html::planSvg(*b.plan, st, v, planShapes[st], planMarks[st], place, title);
            else html::appendPlanSvg(s, *b.plan, st, v, planShapes[st], planMarks[st], place, title);
            s += "<figcaption>" + esc(caption) + ruleLegend(rulesOnPlan) + "</figcaption></figure>";
        }
    }
    if (b.site) {
        const html::View close = html::plotView(*b.site, b.plan);
        const html::View wide = html::surroundingsView(close, plotShapes, plotMarks);
        const std::string closeTitle = arg(tx("report", "plot of site %1"), b.site->id);
        // plotSvg draws nothing for an empty view, and something for any other.
        if (!close.empty()) {
            s += "<figure class=\"view plotfig\" id=\"v-" + b.anchor + "-plot\">";
            if (b.way == SectionWay::Joined) s += html::plotSvg(*b.site, b.plan, b.index, close, plotShapes, plotMarks, closeTitle);
            else html::appendPlotSvg(s, *b.site, b.plan, b.index, close, plotShapes, plotMarks, closeTitle);
            s += "<figcaption>" +
                 (b.plan && b.site->placement.given ? tx("report", "Plot and footprints (world coordinates, plan placed faintly)")
                                                    : tx("report", "Plot and footprints (world coordinates)")) +
                 ruleLegend(rulesOnPlot) + "</figcaption></figure>";
        }
        if (!wide.empty()) {
            s += "<figure class=\"view plotfig\" id=\"v-" + b.anchor + "-area\">";
            const std::string wideTitle = arg(tx("report", "surroundings of site %1"), b.site->id);
            if (b.way == SectionWay::Joined) s += html::plotSvg(*b.site, b.plan, b.index, wide, plotShapes, plotMarks, wideTitle);
            else html::appendPlotSvg(s, *b.site, b.plan, b.index, wide, plotShapes, plotMarks, wideTitle);
            s += "<figcaption>" + tx("report", "Surroundings: the site rules' evidence with roads and points of interest") +
                 ruleLegend(rulesOnPlot) + "</figcaption></figure>";
        }
        // Each drawn site finding links to the closest view that shows it.
        for (const auto& m : plotMarks)
            whereDrawn[m.number] = html::contains(close, m.at)
                                       ? "<a href=\"#v-" + b.anchor + "-plot\">" + tx("report", "plot") + "</a>"
                                       : "<a href=\"#v-" + b.anchor + "-area\">" + tx("report", "surroundings") + "</a>";
    }
    s += "</div>";

    // A site that could not be assessed ran no rule: an empty table would
    // look like a page that failed to load.
    if (b.results->empty()) {
        s += "<p class=\"note\">" + tx("report", "No rule was run: the site could not be assessed (see the errors above).") + "</p>";
        return;
    }
    // The rule table.
    s += "<table class=\"rules\"><thead><tr><th>" + tx("report", "key") + "</th><th>" + tx("report", "severity") + "</th><th>" +
         tx("report", "status") + "</th><th>" + tx("report", "figure") + "</th><th>" + tx("report", "threshold") + "</th><th>" + tx("report", "summary") +
         "</th></tr></thead><tbody>";
    n = 0;
    for (const auto& r : *b.results) {
        const std::string st = r.inScope ? toString(r.result.status) : "not run";
        const int ri = ruleIndex(rs, r.entry);
        const std::string* routes = outside(r);
        if (b.way == SectionWay::Joined) {
            s += "<tr class=\"rule" + std::string(routes ? " off" : "") + "\"><td><i class=\"sw\" style=\"background:" +
                 html::ruleColour(ri) + "\"></i>" +
                 (b.words->titles().count(r.entry->key)
                      ? esc(b.words->rule(r.entry->key)) + "<br><small>" + esc(r.entry->key) + "</small>"
                      : esc(r.entry->key) + (r.entry->key != r.entry->rule ? "<br><small>" + esc(r.entry->rule) + "</small>" : "")) +
                 "</td><td>" + esc(i18n::severityLabel(toString(r.entry->severity))) +
                 (routes ? "<br><small title=\"" + esc(tx("report", "not a gate of the profile checked")) + "\">" +
                               arg(tx("report", "for %1"), esc(routeNames(*routes))) + "</small>"
                         : "") +
                 "</td><td class=\"st-" + statusClass(r) + "\">" + esc(S(st)) +
                 (routes ? "<br><small>" + tx("report", "not in this check") + "</small>" : "") + "</td><td class=\"fig\">" +
                 esc(figureText(r.result));
            for (const auto& f : r.result.figures)
                s += "<br><small>" + esc(ruleText(f.name)) + " " + esc(i18n::shown(f.value, 2)) +
                     (f.unit.empty() ? "" : " " + esc(ruleText(f.unit))) + "</small>";
            s += "</td><td>" + esc(ruleText(r.result.threshold)) + "</td><td>" +
                 esc(names.withNames(ruleText(r.result.summary)));
        } else {
            appendRuleRow(s, r, ri, routes, statusClass(r), st, *b.words, names);
        }
        if (!r.inScope && r.result.summary.empty()) s += "<small>" + tx("report", "site rule: not run on a plan alone") + "</small>";
        if (!r.error.empty()) s += "<div class=\"err\">" + tx("report", "error:") + " " + esc(r.error) + "</div>";
        s += "</td></tr>";
        if (!r.inScope) continue;
        for (const auto& f : r.result.findings) {
            ++n;
            const FindingTexts& text = said[static_cast<std::size_t>(n - 1)];
            // A room by its name, its id (an IFC GlobalId) beside it to find it in the model.
            const std::string roomName = names.spaceName(f.object);
            if (b.way == SectionWay::Joined) {
                s += "<tr class=\"finding\" id=\"f-" + b.anchor + "-" + std::to_string(n) + "\"><td class=\"fno\">" +
                     std::to_string(n) + "</td><td colspan=\"5\"><b>" + esc(ruleText(f.objectType)) + " " +
                     esc(roomName.empty() ? f.object : roomName) + "</b>" +
                     (roomName.empty() ? std::string() : " <code class=\"oid\">" + esc(f.object) + "</code>") + ": " +
                     esc(text.message);
                if (!f.expected.empty())
                    s += " <span class=\"exp\">" + arg(tx("report", "expected %1"), esc(text.expected)) + "</span>";
                // Red only when the rule fails: a passing rule's observed value is no fault.
                if (!f.observed.empty())
                    s += " <span class=\"obs st-" + statusClass(r) + "\">" +
                         arg(tx("report", "observed %1"), esc(text.observed)) + "</span>";
                if (f.location) {
                    const std::string at = i18n::shownPoint(f.location->x(), f.location->y());
                    s += " <span class=\"at\">" +
                         (whereDrawn.count(n) ? arg(tx("report", "at %1 on the %2"), at, whereDrawn[n]) : arg(tx("report", "at %1"), at)) +
                         "</span>";
                }
            } else {
                const auto drawn = whereDrawn.find(n);
                appendFindingRow(s, b.anchor, n, f, text, roomName, statusClass(r),
                                 drawn == whereDrawn.end() ? nullptr : &drawn->second);
            }
            s += "</td></tr>";
        }
    }
    s += "</tbody></table>";
}

std::string verdictBlock(const Classification& c, const std::string& verdict, const Words& words,
                         const std::string& label = tx("report", "Verdict")) {
    std::string s = "<div class=\"verdict\"><span class=\"vlabel\">" + esc(label) + "</span> " +
                    badge("v-" + verdict, V(verdict)) + "<ul>";
    for (const auto& r : c.reasons) s += "<li>" + esc(words.reason(r)) + "</li>";
    s += "</ul>";
    if (c.scoreRules > 0)
        s += "<p>" + arg(tx("report", "score %1 % over %2 score rules"), i18n::shown(c.score, 1), std::to_string(c.scoreRules)) + "</p>";
    else s += "<p>" + tx("report", "score —") + "</p>";  // undecided: no figure that could rank it beside the best
    return s + "</div>";
}

// How the verdict stands up to the assumed thresholds, and the money and time
// beside it: renovation and new build side by side, each amount the rule set
// leaves empty named as missing.
std::string sensitivityBlock(const Sensitivity& se) {
    if (!se.computed) return "";
    std::string s = "<div class=\"sens\"><span class=\"vlabel\">" + tx("report", "Sensitivity") + "</span> ";
    if (se.thresholds == 0) return s + tx("report", "no assumed threshold could be varied from the stored figures") + "</div>";
    s += se.stable ? "<b>" + tx("report", "stable") + "</b>" : "<b class=\"unstable\">" + tx("report", "unstable") + "</b>";
    s += " · " + arg(tx("report", "%1 % of %2 draws with all %3 assumed thresholds within ±20 % keep the verdict"),
                     i18n::shown(100.0 * se.shareSame, 1), std::to_string(se.samples), std::to_string(se.thresholds));
    if (!se.flips.empty()) {
        s += "<ul>";
        for (const auto& f : se.flips)
            s += "<li>" + esc(f.rule + " " + f.parameter) + " " + i18n::shown(f.from, 2) + " → " + i18n::shown(f.to, 2) + ": " +
                 badge(std::string("v-") + toString(f.verdict), V(toString(f.verdict))) + "</li>";
        s += "</ul>";
    }
    return s + "</div>";
}

std::string costsBlock(const RuleSet& rs, const SiteAssessment& a) {
    const CostOptions c = costOptions(rs, a);
    if (!c.applies) return "";
    auto amount = [&](const std::optional<double>& v) { return v ? esc(rs.friction.currency) + " " + i18n::shown(*v, 0) : std::string("—"); };
    auto column = [&](const FrictionEstimate& e) {
        std::string t;
        for (const auto& p : e.parts) t += "<tr><td>" + esc(p.name) + "</td><td class=\"num\">" + amount(p.amount) + "</td></tr>";
        t += "<tr class=\"tot\"><td>" + tx("report", "total") + "</td><td class=\"num\">" + amount(e.total) + "</td></tr>";
        t += "<tr><td>" + tx("report", "months to opening") + "</td><td class=\"num\">" +
             (e.monthsToOpening ? i18n::shown(*e.monthsToOpening, 0) : std::string("—")) + "</td></tr>";
        return t;
    };
    std::string s = "<div class=\"costs\"><span class=\"vlabel\">" + tx("report", "Money and time") + "</span> " +
                    arg(tx("report", "for %1 places"), std::to_string(c.places)) +
                    "<div class=\"sbs\"><table><thead><tr><th colspan=\"2\">" + tx("report", "renovation") +
                    "</th></tr></thead><tbody>" + column(c.renovation) +
                    "</tbody></table><table><thead><tr><th colspan=\"2\">" + tx("report", "new build") + "</th></tr></thead><tbody>" +
                    column(c.newBuild) + "</tbody></table></div>";
    std::vector<std::string> missing = c.renovation.missing;
    for (const auto& m : c.newBuild.missing)
        if (std::find(missing.begin(), missing.end(), m) == missing.end()) missing.push_back(m);
    if (!c.renovation.monthsToOpening || !c.newBuild.monthsToOpening) missing.push_back("team_lead_time_months / *_months");
    if (!missing.empty()) {
        s += "<p class=\"note\">" + tx("report", "Missing amounts (the sources give none; fill them in the rule set's friction_costs):") + " ";
        for (size_t i = 0; i < missing.size(); ++i) s += (i ? ", " : "") + esc(missing[i]);
        s += "</p>";
    }
    return s + "</div>";
}

std::string issuesBlock(const std::vector<InputIssue>& issues) {
    if (issues.empty()) return "";
    std::string s = "<ul class=\"issues\">";
    for (const auto& i : issues)
        s += std::string("<li class=\"") + (i.error ? "err" : "warnl") + "\">" + (i.error ? tx("report", "error:") : tx("report", "warning:")) + " " +
             esc(i.where()) + "</li>";
    return s + "</ul>";
}

// --- legend, rule set, inputs ----------------------------------------------------

std::string legendSection(bool withPortfolio) {
    std::string s = "<section id=\"legend\"><h2>" + tx("report", "Legend") + "</h2><div class=\"legend\">";
    s += "<div><h4>" + tx("report", "Verdicts") + "</h4>";
    for (const char* v : kVerdicts)
        if (withPortfolio || std::string(v) != "failed")
            s += "<p>" + badge(std::string("v-") + v, V(v)) + " " + esc(i18n::verdictMeaning(v)) + "</p>";
    s += "</div><div><h4>" + tx("report", "Rule status") + "</h4>";
    const std::string meaning[] = {tx("report", "the rule's requirement is not met"),
                                   tx("report", "could not be evaluated (missing data or an error)"),
                                   tx("report", "met, but close to the limit"), tx("report", "does not apply here"), tx("report", "met")};
    for (size_t i = 0; i < 5; ++i)
        s += std::string("<p><span class=\"badge st-") + kStatuses[i] + "\">" + esc(S(kStatuses[i])) + "</span> " +
             meaning[i] + "</p>";
    s += "</div><div><h4>" + tx("report", "Space use") + "</h4><p class=\"uses\">";
    for (const auto& w : spaceUseWords()) {
        auto u = parseSpaceUse(w);
        s += "<span><i style=\"background:" + std::string(html::useColour(u ? *u : SpaceUse::Other)) + "\"></i>" +
             esc(ruleText(w)) + "</span>";
    }
    s += "</p></div><div><h4>" + tx("report", "Plan") + "</h4><svg class=\"key\" viewBox=\"0 0 220 150\" width=\"220\" height=\"150\">"
         "<line x1=\"10\" y1=\"12\" x2=\"40\" y2=\"12\" class=\"op door\"/><text x=\"50\" y=\"16\">" + tx("report", "door") + "</text>"
         "<line x1=\"10\" y1=\"32\" x2=\"40\" y2=\"32\" class=\"op passage\"/><text x=\"50\" y=\"36\">" + tx("report", "passage (no leaf)") + "</text>"
         "<line x1=\"10\" y1=\"52\" x2=\"40\" y2=\"52\" class=\"op window\"/><text x=\"50\" y=\"56\">" + tx("report", "window") + "</text>"
         "<path d=\"M25 64L33 72L25 80L17 72Z\" class=\"post\"/><text x=\"50\" y=\"76\">" + tx("report", "staff post") + "</text>"
         "<g class=\"mk st-fail\"><circle cx=\"25\" cy=\"94\" r=\"8\"/><text x=\"25\" y=\"94\" font-size=\"10\">3</text></g>"
         "<text x=\"50\" y=\"98\">" + tx("report", "finding no. 3 (links to its row)") + "</text>"
         "<rect x=\"12\" y=\"108\" width=\"26\" height=\"14\" fill=\"#d62728\" fill-opacity=\"0.22\" stroke=\"#d62728\"/>"
         "<text x=\"50\" y=\"119\">" + tx("report", "evidence area of a rule") + "</text>"
         "<line x1=\"10\" y1=\"138\" x2=\"40\" y2=\"138\" stroke=\"#1f77b4\" stroke-width=\"2.5\"/>"
         "<text x=\"50\" y=\"142\">" + tx("report", "evidence line of a rule") + "</text></svg></div>";
    if (withPortfolio)
        s += "<div><h4>" + tx("report", "Plot and map") + "</h4><svg class=\"key\" viewBox=\"0 0 220 110\" width=\"220\" height=\"110\">"
             "<rect x=\"10\" y=\"4\" width=\"30\" height=\"16\" class=\"plotarea\"/><text x=\"50\" y=\"16\">" + tx("report", "plot") + "</text>"
             "<rect x=\"10\" y=\"26\" width=\"30\" height=\"16\" class=\"footprint\"/><text x=\"50\" y=\"38\">" + tx("report", "building footprint") + "</text>"
             "<rect x=\"10\" y=\"48\" width=\"30\" height=\"16\" class=\"placed\"/><text x=\"50\" y=\"60\">" + tx("report", "plan placed on the site") + "</text>"
             "<line x1=\"10\" y1=\"78\" x2=\"40\" y2=\"78\" class=\"road\"/><text x=\"50\" y=\"82\">" + tx("report", "road") + "</text>"
             "<circle cx=\"25\" cy=\"98\" r=\"4\" class=\"poi\"/><text x=\"50\" y=\"102\">" + tx("report", "point of interest") + "</text></svg></div>";
    return s + "</div></section>";
}

QJsonObject readRuleSetFile(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::string jsonText(const QJsonValue& v) {
    if (v.isString()) return v.toString().toStdString();
    QJsonArray a{v};
    std::string s = QJsonDocument(a).toJson(QJsonDocument::Compact).toStdString();
    return s.substr(1, s.size() - 2);
}

std::string rulesetSection(const RuleSet& rs) {
    const QJsonObject file = readRuleSetFile(rs.source);
    const Words words(rs);
    std::map<std::string, QJsonObject> fileParams;  // key -> parameters with sources
    for (const auto& v : file.value("rules").toArray()) {
        const QJsonObject r = v.toObject();
        const std::string key = r.value("key").toString(r.value("rule").toString()).toStdString();
        fileParams[key] = r.value("parameters").toObject();
    }
    std::string s = "<section id=\"ruleset\"><h2>" + arg(tx("report", "Rule set %1"), esc(rs.name)) + "</h2>";
    const QString titleNl = file.value("title_nl").toString();
    if (i18n::language() == i18n::Language::Dutch && !titleNl.isEmpty()) s += "<p>" + esc(titleNl.toStdString()) + "</p>";
    else if (!rs.title.empty()) s += "<p>" + esc(rs.title) + "</p>";
    s += "<p class=\"meta\">" + arg(tx("report", "file %1"), esc(rs.source)) + "</p>";
    if (file.isEmpty())
        s += "<p class=\"err\">" + tx("report", "The rule set file could not be read again: parameter sources are not shown.") + "</p>";
    const bool dutch = i18n::language() == i18n::Language::Dutch;
    const QJsonObject sources = file.value("sources").toObject();
    const QJsonObject sourcesNl = file.value("sources_nl").toObject();
    if (!sources.isEmpty()) {
        s += "<h4>" + tx("report", "Sources") + "</h4><table class=\"plain\"><tbody>";
        for (auto it = sources.begin(); it != sources.end(); ++it) {
            const bool inDutch = dutch && sourcesNl.value(it.key()).isString();
            const std::string key = it.key() == QLatin1String("assumption") ? tx("report", "assumption") : it.key().toStdString();
            s += "<tr><td>" + esc(key) + "</td><td>" + esc(jsonText(inDutch ? sourcesNl.value(it.key()) : it.value())) +
                 "</td></tr>";
        }
        s += "</tbody></table>";
    }
    s += "<h4>" + tx("report", "Entries") + "</h4><table class=\"plain rsentries\"><thead><tr><th>" + tx("report", "key") + "</th><th>" +
         tx("report", "rule") + "</th><th>" + tx("report", "severity") + "</th><th>" + tx("report", "weight") + "</th><th>" + tx("report", "groups") + "</th><th>" +
         tx("report", "parameters (value — source)") + "</th></tr></thead><tbody>";
    for (size_t i = 0; i < rs.rules.size(); ++i) {
        const RuleEntry& e = rs.rules[i];
        std::string groups;
        for (const auto& g : e.groups) groups += (groups.empty() ? "" : ", ") + g;
        s += "<tr id=\"rs-" + html::slug(e.key) + "\"><td><i class=\"sw\" style=\"background:" +
             html::ruleColour(static_cast<int>(i)) + "\"></i>" + esc(e.key) +
             (words.titles().count(e.key) ? "<br><small>" + esc(words.rule(e.key)) + "</small>" : "") + "</td><td>" +
             esc(e.rule) + "</td><td>" +
             esc(i18n::severityLabel(toString(e.severity))) + "</td><td>" + i18n::shown(e.weight, 3) + "</td><td>" + esc(groups) + "</td><td><ul class=\"params\">";
        const QJsonObject withSources = fileParams[e.key];
        for (auto it = e.parameters.begin(); it != e.parameters.end(); ++it) {
            // the Dutch source (source_nl) in a Dutch report where the rule set gives one
            const QJsonObject withSource = withSources.value(it.key()).toObject();
            const std::string source =
                withSource.value(dutch && withSource.contains("source_nl") ? "source_nl" : "source").toString().toStdString();
            s += "<li><b>" + esc(it.key().toStdString()) + "</b> = " + esc(it.value().isDouble() ? i18n::shown(it.value().toDouble(), 6) : jsonText(it.value())) +
                 " — <span class=\"src\">" +
                 esc(source.empty()           ? tx("report", "(source not available)")
                     : source == "assumption" ? tx("report", "assumption")
                                              : source) +
                 "</span></li>";
        }
        if (e.parameters.isEmpty()) s += "<li><i>" + tx("report", "the rule's defaults (vgscan rules lists them)") + "</i></li>";
        s += "</ul></td></tr>";
    }
    // A source as the file gives it, in Dutch where it has one ("source_nl").
    auto sourceOf = [&](const QJsonObject& withSource, const std::string& english) {
        const std::string text = dutch && withSource.value("source_nl").isString()
                                     ? withSource.value("source_nl").toString().toStdString()
                                     : english;
        return "<span class=\"src\">" + esc(text == "assumption" ? tx("report", "assumption") : text) + "</span>";
    };
    auto groupList = [&](const std::vector<std::string>& groups) {
        std::string out;
        for (const auto& g : groups)
            out += (out.empty() ? "" : ", ") + (g == kInCluster ? tx("report", "in a cluster of VG7 sites") : g);
        return esc(out);
    };
    // Each route with all its conditions: the reasons quote its score
    // threshold and its renovations, so their sources are shown here too.
    const QJsonArray fileVerdicts = file.value("classification").toObject().value("verdicts").toArray();
    s += "</tbody></table><h4>" + tx("report", "Classification") + "</h4><ol>";
    for (std::size_t k = 0; k < rs.verdicts.size(); ++k) {
        const VerdictRule& v = rs.verdicts[k];
        const QJsonObject fileVerdict = fileVerdicts.at(static_cast<int>(k)).toObject();
        s += "<li>" + badge(std::string("v-") + toString(v.verdict), V(toString(v.verdict))) + " " +
             arg(tx("report", "when every gate of %1 passes"),
                 v.requiredGroups.empty() ? tx("report", "(no group)") : groupList(v.requiredGroups));
        if (!v.renovable.empty()) {
            std::string rules;
            for (const auto& r : v.renovable) rules += (rules.empty() ? "" : ", ") + r;
            s += "; " + arg(tx("report", "gates of %1 may fail where renovation fixes them (%2)"),
                            groupList(v.renovateGroups), esc(rules)) +
                 " — " + sourceOf(fileVerdict.value("renovate").toObject().value("rules").toObject(), v.renovableSource);
        }
        if (!v.anyGroups.empty())
            s += "; " + arg(tx("report", "and at least one of %1 passes"), groupList(v.anyGroups));
        if (v.minScore)
            s += "; " + esc(arg(tx("report", "score >= %1 %"), i18n::shown(*v.minScore, 2))) + " — " +
                 sourceOf(fileVerdict.value("min_score").toObject(), v.minScoreSource);
        s += (v.explain.empty() ? "" : ": " + esc(words.reason(v.explain))) + "</li>";
    }
    s += "<li>" + tx("report", "otherwise") + " " + badge(std::string("v-") + toString(rs.otherwise), V(toString(rs.otherwise))) +
         (rs.otherwiseExplain.empty() ? "" : ": " + esc(words.reason(rs.otherwiseExplain))) + "</li></ol>";
    // The clusters' limits, which the Clusters section quotes (400 m, 42 places).
    const ClusterParams& cp = rs.clusters;
    std::string verdictNames;
    for (Verdict v : cp.verdicts) verdictNames += (verdictNames.empty() ? "" : ", ") + V(toString(v));
    const std::pair<const char*, std::string> clusterValues[] = {
        {"verdicts", verdictNames},
        {"max_walk_m", i18n::shown(cp.maxWalkM, 6)},
        {"max_drive_min", cp.maxDriveMin ? i18n::shown(*cp.maxDriveMin, 6) : tx("report", "off")},
        {"drive_speed_kmh", i18n::shown(cp.driveSpeedKmh, 6)},
        {"walk_speed_kmh", i18n::shown(cp.walkSpeedKmh, 6)},
        {"max_places_per_site", std::to_string(cp.maxPlacesPerSite)},
        {"max_places_per_cluster", std::to_string(cp.maxPlacesPerCluster)},
        {"night_round_max_min", i18n::shown(cp.nightRoundMaxMin, 6)},
        {"detour_factor", i18n::shown(cp.detourFactor, 6)}};
    const QJsonObject fileClusters = file.value("clusters").toObject();
    s += "<h4>" + tx("report", "Clusters") + "</h4><ul class=\"params\">";
    for (const auto& [name, value] : clusterValues) {
        const auto source = cp.sources.find(name);
        s += "<li><b>" + std::string(name) + "</b> = " + esc(value) + " — " +
             sourceOf(fileClusters.value(name).toObject(),
                      source == cp.sources.end() ? tx("report", "(source not available)") : source->second) +
             "</li>";
    }
    s += "</ul></section>";
    return s;
}

struct InputFile {
    std::string role, path;
};

std::string inputsSection(const std::vector<InputFile>& files, const std::string& version, std::string made) {
    if (made.empty()) made = runTimestamp();
    std::string s = "<section id=\"inputs\"><h2>" + tx("report", "Inputs and provenance") + "</h2><p>" +
                    arg(tx("report", "Made by %1 on %2."), "<b>vgscan " + esc(version) + "</b>",
                        "<time id=\"made\">" + esc(made) + "</time>") +
                    " " + arg(tx("report", "Check a file against this report with %1."), "<code>sha256sum FILE</code>") + "</p>"
                    "<table class=\"plain inputs\"><thead><tr><th>" + tx("report", "role") + "</th><th>" + tx("report", "file") + "</th><th>" +
                    tx("report", "bytes") + "</th><th>SHA-256</th></tr></thead><tbody>";
    for (const auto& f : files) {
        const std::string h = sha256(f.path);
        const QFileInfo info(QString::fromStdString(f.path));
        s += "<tr><td>" + esc(f.role) + "</td><td>" + esc(f.path) + "</td><td>" +
             (info.exists() ? std::to_string(info.size()) : std::string("-")) + "</td><td class=\"sha\">" +
             (!h.empty() ? h
                          : isGdalVirtualPath(f.path) || !notRegularFile(f.path).empty()
                              ? "<span class=\"err\">" + tx("report", "not read: not a regular local file") + "</span>"
                              : "<span class=\"err\">" + tx("report", "not readable") + "</span>") + "</td></tr>";
    }
    return s + "</tbody></table></section>";
}

// Where the portfolio's context layers came from (its layer_sources table):
// file, date, licence and the credit a licence asks for.
std::string layerSourcesSection(const std::vector<LayerSource>& sources) {
    if (sources.empty()) return "";
    std::string s = "<section id=\"sources\"><h2>" + tx("report", "Data sources") + "</h2><table class=\"plain inputs\"><thead><tr>"
                    "<th>" + tx("report", "layer") + "</th><th>" + tx("report", "file") + "</th><th>" + tx("report", "date") + "</th><th>" + tx("report", "licence") +
                    "</th><th>" + tx("report", "credit") + "</th></tr></thead><tbody>";
    for (const auto& src : sources)
        s += "<tr><td>" + esc(src.layer) + "</td><td>" + esc(src.file) + "</td><td>" + esc(src.date) + "</td><td>" +
             esc(src.licence) + "</td><td>" + esc(src.attribution) + "</td></tr>";
    return s + "</tbody></table></section>";
}

// A site's id linked to its building section (plain text when it is not
// among `sites`, e.g. removed since an earlier scan).
std::string siteLink(const std::string& id, const std::vector<SiteAssessment>& sites,
                     const std::vector<std::string>& hrefs) {
    for (size_t i = 0; i < sites.size(); ++i)
        if (sites[i].site->id == id) return "<a href=\"" + esc(hrefs[i]) + "\">" + esc(id) + "</a>";
    return esc(id);
}

// ScanDiff's names of what a scan.json may not record (notRecordedFrom/To),
// as a manager reads them; a name not listed here is shown as it is.
std::string notRecordedList(const std::vector<std::string>& fields) {
    static const std::pair<const char*, const char*> kFields[] = {
        {"rule set", QT_TRANSLATE_NOOP("report", "its rule set")},
        {"regional choice", QT_TRANSLATE_NOOP("report", "the regional choice")},
        {"clusters", QT_TRANSLATE_NOOP("report", "the clusters")},
        {"stable", QT_TRANSLATE_NOOP("report", "whether each verdict is stable")},
        {"friction cost", QT_TRANSLATE_NOOP("report", "the friction costs")},
        {"rule version", QT_TRANSLATE_NOOP("report", "the rules' versions")},
    };
    std::string list;
    for (const auto& f : fields) {
        std::string shown = f;
        for (const auto& [name, label] : kFields)
            if (f == name) shown = tx("report", label);
        list += (list.empty() ? "" : ", ") + shown;
    }
    return list;
}

// What changed since an earlier scan (scan --since): the progress the
// reports ask to monitor twice a year, on the page the region reads. The
// same comparison as `vgscan diff`.
std::string changesSection(const ScanDiff& d, const std::vector<SiteAssessment>& sites,
                           const std::vector<std::string>& hrefs, const Words& words) {
    std::string s = "<section id=\"changes\"><h2>" + tx("report", "Changes since the earlier scan") + "</h2><p class=\"meta\">" +
                    arg(tx("report", "Compared with %1: %2 sites, rule set %3 (vgscan diff gives the same as text or JSON)."),
                        "<code>" + esc(d.from.file) + "</code>", std::to_string(d.from.sites),
                        !d.fromRecordsRuleset() ? tx("report", "not recorded") : esc(d.from.ruleset)) +
                    "</p>";
    // Said once, as vgscan diff says it: what is not compared is no change at any site.
    if (!d.notRecordedFrom.empty())
        s += "<p>" + arg(tx("report", "The earlier scan does not record %1 (it was made by an earlier vgscan): not compared."),
                         esc(notRecordedList(d.notRecordedFrom))) + "</p>";
    if (!d.notRecordedTo.empty())
        s += "<p>" + arg(tx("report", "This scan does not record %1, which the earlier scan does: not compared."),
                         esc(notRecordedList(d.notRecordedTo))) + "</p>";
    if (!d.rulesetRecorded()) {
        // said above
    } else if (!d.rulesetKnown)
        s += "<p>" + tx("report", "The earlier scan does not record its rule set's hash, so edits of the rule set cannot be known.") + "</p>";
    else if (!d.rulesetChanged && d.rulesetRules.empty())
        s += "<p>" + tx("report", "Rule set unchanged.") + "</p>";
    else {
        s += "<p>" + tx("report", "Rule set changed:") + "</p><ul>";
        // rules by their titles in Dutch, as the table's columns name them
        for (const auto& r : d.rulesetRules) s += "<li><b>" + esc(words.rule(r.key)) + "</b>: " + esc(changesText(r.changes)) + "</li>";
        if (d.rulesetRules.empty())
            s += "<li>" + tx("report", "no rule parameter changed: the verdict policy, sources or text of the file did") + "</li>";
        for (const auto& t : d.thresholds)
            s += "<li>" + arg(tx("report", "%1: threshold '%2' -> '%3' at %4 sites where the outcome held"), esc(words.rule(t.key)),
                              esc(t.from), esc(t.to), std::to_string(t.sites)) + "</li>";
        s += "</ul>";
    }
    auto refs = [&](const std::string& label, const std::vector<SiteRef>& v) {
        if (v.empty()) return;
        s += "<p>" + label + " (" + std::to_string(v.size()) + "): ";
        for (size_t i = 0; i < v.size(); ++i)
            s += (i ? ", " : "") + siteLink(v[i].id, sites, hrefs) + " " + esc(v[i].name) + " (" + esc(V(v[i].verdict)) + ")";
        s += "</p>";
    };
    refs(tx("report", "Sites added"), d.added);
    refs(tx("report", "Sites removed"), d.removed);
    if (d.changed.empty()) {
        s += "<p>" + arg(tx("report", "No site changed (%1 compared)."), std::to_string(d.unchanged)) + "</p>";
    } else {
        s += "<p>" + arg(d.changed.size() == 1 ? tx("report", "%1 site changed, %2 unchanged:") : tx("report", "%1 sites changed, %2 unchanged:"),
                         std::to_string(d.changed.size()), std::to_string(d.unchanged)) +
             "</p><div class=\"tablewrap\"><table class=\"plain changes\"><thead><tr><th>" + tx("report", "id") + "</th><th>" +
             tx("report", "name") + "</th><th>" + tx("report", "verdict") + "</th><th>" + tx("report", "what changed") +
             "</th></tr></thead><tbody>";
        for (const auto& c : d.changed) {
            const std::string verdict = c.verdictFrom == c.verdictTo
                                            ? arg(tx("report", "%1 (held)"), esc(V(c.verdictTo)))
                                            : "<s>" + esc(V(c.verdictFrom)) + "</s> → <b>" + esc(V(c.verdictTo)) + "</b>";
            std::string what;
            for (const auto& r : c.rules) what += "<div><b>" + esc(words.rule(r.key)) + "</b>: " + esc(changesText(r.changes)) + "</div>";
            if (!c.fields.empty()) what += "<div>" + esc(changesText(c.fields)) + "</div>";
            // The new verdict's first reason, as vgscan diff prints it (a failed site: the error).
            if (!c.reasons.empty())
                what += "<div>" + esc(arg(tx("diff", "now: %1"), words.reason(c.reasons.front()))) + "</div>";
            s += "<tr><td>" + siteLink(c.id, sites, hrefs) + "</td><td>" + esc(c.name) + "</td><td>" + verdict + "</td><td>" +
                 what + "</td></tr>";
        }
        s += "</tbody></table></div>";
    }
    if (!d.portfolioChanges.empty()) {
        s += "<p>" + tx("report", "Portfolio:") + "</p><ul>";
        for (const auto& c : d.portfolioChanges) s += "<li>" + esc(changeText(c)) + "</li>";
        s += "</ul>";
    }
    return s + "</section>\n";
}

// The regional choice: which cluster sites serve the demand best, with the
// runners-up so planners see how close the alternatives are.
std::string selectionSection(const ScanSelection& sel, const std::vector<SiteAssessment>& sites,
                             const std::vector<std::string>& hrefs) {
    auto link = [&](const std::string& id) { return siteLink(id, sites, hrefs); };
    auto list = [&](const std::vector<std::string>& ids) {
        std::string t;
        for (const auto& id : ids) t += (t.empty() ? "" : ", ") + link(id);
        return t;
    };
    std::string s = "<section id=\"selection\"><h2>" + tx("report", "Regional choice of cluster sites") + "</h2>";
    if (!sel.made)
        return s + "<p class=\"meta\">" + arg(tx("report", "Not made: %1."), esc(sel.why)) + "</p></section>\n";
    s += "<p class=\"meta\">" +
         arg(tx("report", "%1 of %2 candidate sites (fits_vg7, convert_vg7 and cluster), nearest to %3 demand points by weighted travel "
               "(p-median); costs: %4."),
             std::to_string(sel.k), std::to_string(sel.candidates), std::to_string(sel.demandPoints), esc(ruleText(sel.costs))) +
         " " + (sel.optimal ? tx("report", "Proven optimal") : tx("report", "Not proven optimal")) + " (" + esc(ruleText(sel.method)) + "). " +
         arg(tx("report", "Other k, objectives and constraints: %1."), "<code>vgscan select</code>") + " " +
         // A manager sees two answers (this one and plan.html) and asks why they differ.
         arg(tx("report", "This choice weighs distance only; the regional plan (%1) also counts the places each location "
                          "holds against the region's need, so it may choose otherwise."),
             "<a href=\"#regional-plan\">plan.html</a>") +
         "</p>";
    s += "<p>" + arg(tx("report", "Chosen: %1; mean weighted distance %2 km."), "<b>" + list(sel.chosen) + "</b>",
                     i18n::shown(sel.meanWeightedCost / 1000.0, 2)) + "</p>";
    if (!sel.servesNoDemand.empty())
        s += "<p><span class=\"badge warn\">" + tx("report", "serves no demand") + "</span> " +
             arg(tx("report", "%1: no demand point has it as its nearest chosen site, so the objective is the same without "
                              "it; fewer sites serve as well."),
                 list(sel.servesNoDemand)) +
             "</p>";
    if (!sel.runnersUp.empty()) {
        s += "<div class=\"tablewrap\"><table class=\"plain\"><thead><tr><th>" + tx("report", "runner-up") + "</th><th>" +
             tx("report", "sites") + "</th><th>" + tx("report", "objective (weighted m)") + "</th><th>" + tx("report", "vs. chosen") +
             "</th></tr></thead><tbody>";
        int n = 2;
        for (const auto& r : sel.runnersUp)
            s += "<tr><td>" + std::to_string(n++) + "</td><td>" + list(r.sites) + "</td><td>" + i18n::shown(r.value, 0) +
                 "</td><td>+" + i18n::shown(sel.value > 0 ? 100.0 * (r.value - sel.value) / sel.value : 0.0, 2) +
                 " %</td></tr>";
        s += "</tbody></table></div>";
    }
    return s + "</section>\n";
}

// The clusters found in the scan: sites (linked), places, night round.
std::string clustersSection(const ClusterResult& r, const std::vector<SiteAssessment>& sites,
                            const std::vector<std::string>& hrefs) {
    const ClusterParams& p = r.params;
    std::string s = "<section id=\"clusters\"><h2>" + tx("report", "Clusters") + "</h2><p class=\"meta\">" +
                    (p.maxDriveMin ? arg(tx("report", "Every pair of sites of a cluster within %1 m walking or %2 min driving"),
                                         i18n::shown(p.maxWalkM, 0), i18n::shown(*p.maxDriveMin, 1))
                                   : arg(tx("report", "Every pair of sites of a cluster within %1 m walking"), i18n::shown(p.maxWalkM, 0))) +
                    ", " +
                    arg(r.candidates == 1 ? tx("report", "at most %1 places per cluster and %2 per site; %3 site took part.")
                                          : tx("report", "at most %1 places per cluster and %2 per site; %3 sites took part."),
                        std::to_string(p.maxPlacesPerCluster), std::to_string(p.maxPlacesPerSite),
                        std::to_string(r.candidates)) +
                    (r.candidates == 0 ? std::string() : " " + esc(ruleText(r.method)) + ".") +
                    (r.estimated ? " <b>" + tx("report", "Some distances are estimates") + "</b> (" +
                                       arg(tx("report", "straight line × %1"), i18n::shown(p.detourFactor, 2)) + ")."
                                 : std::string()) +
                    "</p>";
    auto link = [&](const ClusterSite& cs) {
        return cs.index < hrefs.size() && sites[cs.index].site && sites[cs.index].site->id == cs.id
                   ? "<a href=\"" + esc(hrefs[cs.index]) + "\">" + esc(cs.id) + "</a>"
                   : esc(cs.id);
    };
    if (r.clusters.empty()) {
        // Why there is none: "not close enough" is wrong when fewer than two sites could take part.
        std::string verdicts;
        for (std::size_t i = 0; i < p.verdicts.size(); ++i)
            verdicts += (i == 0 ? "" : i + 1 == p.verdicts.size() ? tx("report", " or ") : ", ") + esc(V(toString(p.verdicts[i])));
        s += "<p>" +
             (r.candidates == 0   ? arg(tx("report", "No cluster: no site has the verdict %1, so none takes part."), verdicts)
              : r.candidates == 1 ? arg(tx("report", "No cluster: only one site has the verdict %1."), verdicts)
                                  : tx("report", "No cluster: no two taking part are close enough.")) +
             "</p>";
    } else {
        s += "<div class=\"tablewrap\"><table class=\"plain clusters\"><thead><tr><th>" + tx("report", "cluster") + "</th><th>" +
             tx("report", "sites") + "</th><th>" + tx("report", "places") + "</th><th>" + tx("report", "night round") + "</th><th>" + tx("report", "order") +
             "</th><th>" + tx("report", "notes") + "</th></tr></thead><tbody>";
        for (const auto& c : r.clusters) {
            std::string ids, order, notes;
            for (const auto& cs : c.sites) ids += (ids.empty() ? "" : ", ") + link(cs);
            for (std::size_t k : c.round.order) order += esc(c.sites[k].id) + " → ";
            if (!c.round.order.empty()) order += esc(c.sites[c.round.order.front()].id);
            for (const auto& n : c.notes) notes += esc(ruleText(n)) + "<br>";
            s += "<tr id=\"cluster-" + html::slug(c.id) + "\"><td>" + esc(c.id) + "</td><td>" + ids + "</td><td>" +
                 std::to_string(c.places) + "</td><td>" + i18n::shown(c.round.lengthM, 0) + " m, " + i18n::shown(c.round.minutes, 1) +
                 " min" + (c.round.withinLimit ? "" : " (" + arg(tx("report", "over %1 min"), i18n::shown(p.nightRoundMaxMin, 0)) + ")") +
                 " (" + (c.round.exact ? tx("report", "exact") : tx("report", "heuristic")) + ")" +
                 (c.round.estimated ? " (" + tx("report", "estimate") + ")" : "") +
                 "</td><td>" + order + "</td><td>" + notes + "</td></tr>";
        }
        s += "</tbody></table></div>";
    }
    if (!r.alone.empty()) {
        s += "<p>" + tx("report", "In no cluster:") + " ";
        for (std::size_t i = 0; i < r.alone.size(); ++i) s += (i ? ", " : "") + link(r.alone[i]);
        s += ".</p>";
    }
    return s + "</section>\n";
}

// A path as one shell word: quoted when it holds anything but the plain
// characters of a path.
std::string shellWord(const std::string& path) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./+:-]+$"));
    QString q = QString::fromStdString(path);
    if (plain.match(q).hasMatch()) return path;
    return "'" + q.replace(QStringLiteral("'"), QStringLiteral("'\\''")).toStdString() + "'";
}

// The regional plan is made from this scan by another command (it needs the
// region's need, which the scan does not know). The report stays a page of
// its own: it names the command to run in its folder and links the file
// that command writes beside it (plan.html links back here).
std::string planParagraph(const std::string& portfolio) {
    const std::string command = "vgscan plan " +
                                shellWord(QFileInfo(QString::fromStdString(portfolio)).absoluteFilePath().toStdString()) +
                                " --scan scan.json --need-vg7 N --need-ambulant M --out .";
    return "<p id=\"regional-plan\">" +
           arg(tx("report", "The regional plan (VG7 and clustered ambulant locations against the region's need of N and M "
                            "places) is made from this scan: run %1 in this folder. It writes %2 beside this report."),
               "<code>" + esc(command) + "</code>", "<a href=\"plan.html\">plan.html</a>") +
           "</p>";
}

// The scan's files beside the report, and which one to open where: a
// spreadsheet under Dutch settings reads the decimal point of sites.csv as a
// thousands separator (14.018 becomes 14018), so it gets sites_nl.csv.
std::string filesSection(const std::string& portfolio) {
    auto row = [](const char* file, const std::string& what) {
        return std::string("<tr><td><a href=\"") + file + "\">" + file + "</a></td><td>" + what + "</td></tr>";
    };
    return "<section id=\"files\"><h2>" + tx("report", "Files") + "</h2><table class=\"plain files\"><tbody>" +
           row("sites_nl.csv", tx("report", "open this one in Excel or LibreOffice Calc with Dutch settings (double-click): "
                                            "columns separated by <code>;</code>, decimal comma (14,018)")) +
           row("sites.csv", tx("report", "for scripts and tools (Python, R, QGIS) and spreadsheets with English settings: "
                                         "columns separated by <code>,</code>, decimal point (14.018); a spreadsheet with "
                                         "Dutch settings misreads its numbers")) +
           row("sites.gpkg", tx("report", "open in QGIS: the sites, the rules' evidence and the clusters as styled layers")) +
           row("scan.json", tx("report", "every rule result, for scripts")) + "</tbody></table>" + planParagraph(portfolio) +
           "</section>\n";
}

std::string siteMeta(const SiteAssessment& a) {
    const Site& s = *a.site;
    std::string m = "<p class=\"meta\">" + tx("report", "profile") + " " + esc(s.profile.empty() ? "-" : s.profile) + " · " +
                    tx("report", "places") + " " + (s.places ? std::to_string(*s.places) : std::string("-")) + " · " +
                    tx("report", "bedrooms in plan") + " " + (a.bedrooms >= 0 ? std::to_string(a.bedrooms) : std::string("-")) +
                    " · " + tx("report", "plan") + " " + esc(s.planPath.empty() ? tx("report", "none") : s.planPath);
    if (a.plan && !a.plan->name.empty()) m += " (" + esc(a.plan->name) + ")";
    return m + "</p>";
}

}  // namespace

// --- the portfolio report --------------------------------------------------------

std::string runTimestamp() {
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    const QDateTime t = ok && epoch >= 0 ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime::currentDateTimeUtc();
    return t.toString(Qt::ISODate).toStdString();
}

struct HtmlReportPages::Impl {
    HtmlReportInput in;
    std::string mainName;
    const Portfolio& p;
    const RuleSet& rs;
    const std::vector<SiteAssessment>& sites;
    // The roads and POIs of each site's map come from the index's R-trees.
    std::unique_ptr<ContextIndex> ownIndex;
    const ContextIndex* index = nullptr;
    std::size_t perPage = 0, pages = 0;
    bool paged = false;
    std::string stem;
    std::vector<std::string> anchors, verdicts, hrefs;
    std::unique_ptr<Words> words;  // rule titles and reasons in the chosen language

    Impl(const HtmlReportInput& input, std::string name);
    std::string pageName(std::size_t page) const {
        char n[24];  // any size_t
        std::snprintf(n, sizeof n, "%04zu", page + 1);
        return stem + "-sites-" + n + ".html";
    }
    // One site's section of buildings, appended to `t`.
    void building(std::size_t i, const std::string& table, std::string& t, SectionWay way = SectionWay::Appended) const;
    std::string buildings(std::size_t from, std::size_t to, const std::string& table) const;
    std::string mainPage() const;
    // The data of the main page's table of sites (one row per site, one cell
    // per rule-set key), as embedded in the page.
    std::string tableData(TableDataWay way) const;
    std::string tableDataDirect() const;
    std::string tableDataByQt() const;
    // Page of buildings g: its sites [from, to), its head (before the first
    // site's section) and its tail (after the last).
    std::size_t pageFrom(std::size_t g) const { return g * perPage; }
    std::size_t pageTo(std::size_t g) const { return std::min(sites.size(), pageFrom(g) + perPage); }
    std::string buildingsHead(std::size_t g) const;
    static std::string buildingsTail();
    std::vector<std::string> buildingsPage(std::size_t g) const;
};

const HtmlReportInput& checked(const HtmlReportInput& in) {
    if (!in.portfolio || !in.ruleset || !in.sites) throw std::invalid_argument("writeHtmlReport: incomplete input");
    return in;
}

HtmlReportPages::Impl::Impl(const HtmlReportInput& input, std::string name)
    : in(checked(input)), mainName(std::move(name)), p(*in.portfolio), rs(*in.ruleset), sites(*in.sites) {
    if (!in.index) ownIndex = std::make_unique<ContextIndex>(p.context);
    words = std::make_unique<Words>(rs);
    index = in.index ? in.index : ownIndex.get();
    // A large portfolio's buildings go on pages of their own, so that every
    // page stays quick to open; the main page keeps the overview, the map,
    // the table of every site and the provenance.
    perPage = in.sitesPerPage > 0 ? in.sitesPerPage : sites.size() <= kOnePageMaxSites ? sites.size() : kSitesPerPage;
    paged = perPage > 0 && sites.size() > perPage;
    pages = paged ? (sites.size() + perPage - 1) / perPage : 0;
    stem = QFileInfo(QString::fromStdString(mainName)).completeBaseName().toStdString();

    // Anchors from the site ids; a repeated id gets its position appended.
    std::set<std::string> used;
    for (size_t i = 0; i < sites.size(); ++i) {
        std::string a = "site-" + html::slug(sites[i].site->id);
        if (!used.insert(a).second) {
            a += "--" + std::to_string(i);
            used.insert(a);
        }
        anchors.push_back(a);
        verdicts.push_back(verdictWord(sites[i]));
    }
    // Where each site's section is: on the main page, or on its page of buildings.
    hrefs.reserve(sites.size());
    for (size_t i = 0; i < sites.size(); ++i) hrefs.push_back((paged ? pageName(i / perPage) : "") + "#" + anchors[i]);
}

std::string HtmlReportPages::Impl::buildings(std::size_t from, std::size_t to, const std::string& table) const {
    std::string t;
    for (size_t i = from; i < to; ++i) building(i, table, t);
    return t;
}

void HtmlReportPages::Impl::building(std::size_t i, const std::string& table, std::string& t, SectionWay way) const {
    const SiteAssessment& a = sites[i];
    t += "<section class=\"bld\" id=\"" + esc(anchors[i]) + "\"><h3><span class=\"sid\">" + esc(a.site->id) +
         "</span> " + esc(a.site->name) + " " + badge("v-" + verdicts[i], V(verdicts[i])) + "</h3>";
    t += siteMeta(a);
    t += verdictBlock(a.classification, verdicts[i], *words);
    t += sensitivityBlock(a.sensitivity);
    t += costsBlock(rs, a);
    t += issuesBlock(a.issues);
    Building b;
    b.anchor = anchors[i];
    b.plan = a.plan.get();
    b.site = a.site;
    b.index = index;
    b.results = &a.results;
    b.rs = &rs;
    b.words = words.get();
    b.way = way;
    buildingBody(b, t);
    t += "<p class=\"back\"><a href=\"" + table + "#sites\">↑ " + tx("report", "back to the table") + "</a></p></section>\n";
}

std::string HtmlReportPages::Impl::mainPage() const {
    std::string s = pageHead(arg(tx("report", "vgscan report: %1"), QFileInfo(QString::fromStdString(p.source)).fileName().toStdString()));
    s += "<header><h1>" + tx("report", "vgscan portfolio report") + "</h1><p class=\"meta\">" + tx("report", "portfolio") + " " +
         esc(p.source) + " · " + tx("report", "rule set") + " " + esc(rs.name) + " · vgscan " + esc(in.version) + " · " +
         arg(tx("report", "%1 sites"), std::to_string(sites.size())) + "</p>"
         "<nav><a href=\"#overview\">" + tx("report", "Overview") + "</a><a href=\"#map\">" + tx("report", "Map") +
         "</a><a href=\"#sites\">" + tx("report", "Sites") + "</a><a href=\"#buildings\">" + tx("report", "Buildings") + "</a>" +
         (in.since ? "<a href=\"#changes\">" + tx("report", "Changes") + "</a>" : std::string()) +
         (in.clusters ? "<a href=\"#clusters\">" + tx("report", "Clusters") + "</a>" : std::string()) +
         (in.selection ? "<a href=\"#selection\">" + tx("report", "Choice") + "</a>" : std::string()) +
         "<a href=\"#legend\">" + tx("report", "Legend") + "</a><a href=\"#ruleset\">" + tx("report", "Rule set") + "</a>"
         "<a href=\"#inputs\">" + tx("report", "Inputs") + "</a></nav></header>\n<main>\n";

    // Counts per verdict (static: readable without script; buttons filter).
    std::map<std::string, int> counts;
    for (const auto& v : verdicts) ++counts[v];
    s += "<section id=\"overview\"><h2>" + tx("report", "Portfolio") + "</h2><div class=\"counts\">";
    s += "<button type=\"button\" class=\"count\" data-verdict=\"\"><b>" + std::to_string(sites.size()) +
         "</b><span>" + tx("report", "all sites") + "</span></button>";
    for (const char* v : kVerdicts)
        s += std::string("<button type=\"button\" class=\"count v-") + v + "\" data-verdict=\"" + v + "\"><b>" +
             std::to_string(counts[v]) + "</b><span>" + esc(V(v)) + "</span></button>";
    s += "</div>";
    // Rows the portfolio reader could not use are not among the counts: say
    // so here, where a reader of the counts looks, not only on the terminal.
    if (in.inputIssues && !in.inputIssues->empty()) {
        const auto left = std::count_if(in.inputIssues->begin(), in.inputIssues->end(),
                                        [](const InputIssue& i) { return i.error; });
        s += "<div id=\"leftout\"><h3>" + tx("report", "Left out of the scan") + "</h3><p>" +
             arg(tx("report", "%1 rows of the portfolio could not be used and are not counted above:"),
                 std::to_string(left)) +
             "</p>" + issuesBlock(*in.inputIssues) + "</div>";
    }
    s += "</section>\n";

    // The map and its legend.
    s += "<section id=\"map\"><h2>" + tx("report", "Map") + "</h2><div class=\"mapwrap\"><div class=\"mapbox\">" +
         html::mapSvg(p, sites, verdicts, hrefs, in.clusters,
                      in.selection ? in.selection->chosen : std::vector<std::string>{}) +
         "<div class=\"mapctl\"><button type=\"button\" data-zoom=\"in\" title=\"" + esc(tx("report", "zoom in")) +
         "\" aria-label=\"" + esc(tx("report", "zoom in")) + "\">+</button>"
         "<button type=\"button\" data-zoom=\"out\" title=\"" + esc(tx("report", "zoom out")) + "\" aria-label=\"" +
         esc(tx("report", "zoom out")) + "\">\u2212</button>"
         "<button type=\"button\" data-zoom=\"reset\" title=\"" + esc(tx("report", "whole map")) + "\" aria-label=\"" +
         esc(tx("report", "whole map")) + "\">\u27f2</button></div>"
         "</div><div class=\"maplegend\"><h4>" + tx("report", "Verdict") + "</h4>";
    for (const char* v : kVerdicts)
        s += std::string("<p><i class=\"dot\" style=\"background:") + html::verdictColour(v) + "\"></i>" + esc(V(v)) +
             " (" + std::to_string(counts[v]) + ")</p>";
    s += "<h4>" + tx("report", "Context") + "</h4>";
    if (html::mapDrawsRoads(p.context))
        s += "<p><i class=\"ln\"></i>" + tx("report", "road") + "</p>";
    else
        s += "<p class=\"note\">" +
             arg(tx("report", "Roads not drawn: %1 road vertices are too many for an overview; each site's map shows the roads "
                   "around it."),
                 std::to_string(html::roadVertices(p.context))) +
             "</p>";
    std::set<std::string> cats;
    for (const auto& poi : p.context.pois) cats.insert(poi.category);
    int ci = 0;
    if (html::mapDrawsPois(p.context))
        for (const auto& c : cats)
            s += "<p><i class=\"dot faint\" style=\"background:" + html::ruleColour(ci++) + "\"></i>" + esc(ruleText(c)) + "</p>";
    else
        s += "<p class=\"note\">" +
             arg(tx("report", "Points of interest not drawn: %1 are too many for an overview; each site's map shows those around "
                   "it."),
                 std::to_string(p.context.pois.size())) +
             "</p>";
    if (in.clusters && !in.clusters->clusters.empty())
        s += "<h4>" + tx("report", "Clusters") + "</h4><p><i class=\"ln\" style=\"border-top:3px dashed #6a3d9a\"></i>" +
             tx("report", "night round") + "</p>";
    if (in.selection && in.selection->made)
        s += "<h4>" + tx("report", "Regional choice") + "</h4><p><i class=\"dot\" style=\"background:none;border:2px solid #111\"></i>" +
             tx("report", "chosen cluster site") + "</p>";
    std::set<std::string> credits;  // e.g. "© OpenStreetMap contributors", required with the map
    for (const auto& src : p.context.sources)
        if (!src.attribution.empty()) credits.insert(src.attribution);
    for (const auto& c : credits) s += "<p class=\"note credit\">" + esc(c) + "</p>";
    s += "<p class=\"note\">" + tx("report", "North up. Click a site for its section.") + "</p>"
         "<p class=\"note zoomhint\">" + arg(tx("report", "Zoom: wheel, + and %1; move: drag or arrow keys."), "\u2212") +
         "</p></div></div></section>\n";
    if (in.since) s += changesSection(*in.since, sites, hrefs, *words);
    if (in.clusters) s += clustersSection(*in.clusters, sites, hrefs);
    if (in.selection) s += selectionSection(*in.selection, sites, hrefs);

    // The table: rows built by script from the JSON below.
    s += "<section id=\"sites\"><h2>" + tx("report", "Sites") + "</h2><div class=\"filters\">"
         "<label>" + tx("report", "Search") + " <input type=\"search\" id=\"q\" placeholder=\"" + esc(tx("report", "id, name, profile, reason")) +
         "\" autocomplete=\"off\"></label>"
         "<label>" + tx("report", "Verdict") + " <select id=\"fv\"><option value=\"\">" + tx("report", "any") + "</option>";
    for (const char* v : kVerdicts) s += std::string("<option value=\"") + v + "\">" + esc(V(v)) + "</option>";
    s += "</select></label><label>" + tx("report", "Rule") + " <select id=\"fr\"><option value=\"\">" + tx("report", "any rule") + "</option>";
    for (size_t i = 0; i < rs.rules.size(); ++i)
        s += "<option value=\"" + std::to_string(i) + "\">" + esc(words->rule(rs.rules[i].key)) + "</option>";
    s += "</select></label><label>" + tx("report", "Status") + " <select id=\"fs\"><option value=\"\">" + tx("report", "any") + "</option>";
    for (const char* st : kStatuses) s += std::string("<option value=\"") + st + "\">" + esc(S(st)) + "</option>";
    s += "</select></label><span id=\"shown\" class=\"meta\"></span></div>"
         "<noscript><p class=\"note\">" + tx("report", "The table needs JavaScript; every site has its own section below.") +
         "</p></noscript>"
         "<div class=\"tablewrap\"><table id=\"sites-table\" class=\"sites\"><thead><tr>"
         "<th data-sort=\"id\">" + tx("report", "id") + "</th><th data-sort=\"name\">" + tx("report", "name") +
         "</th><th data-sort=\"verdict\">" + tx("report", "verdict") + "</th><th data-sort=\"places\">" + tx("report", "places") +
         "</th><th data-sort=\"profile\">" + tx("report", "profile") + "</th><th data-sort=\"score\">" + tx("report", "score") + "</th>";
    for (size_t i = 0; i < rs.rules.size(); ++i)
        s += "<th data-sort=\"r" + std::to_string(i) + "\" title=\"" + esc(rs.rules[i].rule + ", " + toString(rs.rules[i].severity)) +
             "\">" + esc(words->rule(rs.rules[i].key)) + "</th>";
    s += "</tr></thead><tbody></tbody></table></div></section>\n";
    if (in.scanFiles) s += filesSection(p.source);

    // One section per building: here, or on the pages of buildings.
    s += "<section id=\"buildings\"><h2>" + tx("report", "Buildings") + "</h2>";
    if (!paged) {
        s += buildings(0, sites.size(), "");
    } else {
        s += "<p>" +
             arg(tx("report", "%1 sites: their plans, maps and rule tables are on %2 pages of up to %3 sites each (the table and "
                   "the map link to them)."),
                 std::to_string(sites.size()), std::to_string(pages), std::to_string(perPage)) +
             "</p><ol class=\"pages\">";
        for (std::size_t g = 0; g < pages; ++g) {
            const std::size_t from = g * perPage, to = std::min(sites.size(), from + perPage);
            s += "<li><a href=\"" + esc(pageName(g)) + "\">" + esc(sites[from].site->id) + " – " +
                 esc(sites[to - 1].site->id) + "</a> (" + arg(tx("report", "%1 sites"), std::to_string(to - from)) + ")</li>";
        }
        s += "</ol>";
    }
    s += "</section>\n";

    s += legendSection(true) + "\n" + rulesetSection(rs) + "\n";
    std::vector<InputFile> files{{tx("report", "portfolio"), p.source}};
    std::set<std::string> plans;
    for (const auto& a : sites)
        if (!a.site->planFile.empty() && plans.insert(a.site->planFile).second)
            files.push_back({arg(tx("report", "plan of %1"), a.site->id), a.site->planFile});
    files.push_back({tx("report", "rule set"), rs.source});
    s += layerSourcesSection(p.context.sources);
    s += inputsSection(files, in.version, in.timestamp) + "\n</main>\n";

    s += "<script type=\"application/json\" id=\"vg-data\">" + tableData(TableDataWay::Direct) + "</script>\n<script>\n";
    s += html::kJs;
    s += "\n</script>\n</body>\n</html>\n";
    return s;
}

// The former way of tableData, through Qt's JSON classes.
std::string HtmlReportPages::Impl::tableDataByQt() const {
    // Data for the table: one row per site, one cell per rule-set key.
    QJsonObject data;
    QJsonArray keys;
    for (const auto& e : rs.rules) keys.append(QString::fromStdString(e.key));
    data["keys"] = keys;
    QJsonArray rows;
    for (size_t i = 0; i < sites.size(); ++i) {
        const SiteAssessment& a = sites[i];
        QJsonObject o;
        o["id"] = QString::fromStdString(a.site->id);
        o["name"] = QString::fromStdString(a.site->name);
        o["a"] = QString::fromStdString(anchors[i]);
        if (paged) o["p"] = QString::fromStdString(pageName(i / perPage));
        o["v"] = QString::fromStdString(verdicts[i]);
        o["pl"] = a.site->places ? QJsonValue(*a.site->places) : QJsonValue();
        o["pr"] = QString::fromStdString(a.site->profile);
        if (a.sensitivity.computed && !a.sensitivity.stable) o["un"] = true;
        o["sc"] = a.classification.scoreRules > 0 ? QJsonValue(std::round(a.classification.score * 10) / 10) : QJsonValue();
        std::string reasons;
        for (const auto& r : a.classification.reasons) reasons += words->reason(r) + "\n";
        o["why"] = QString::fromStdString(reasons);
        QJsonArray cells;
        for (const auto& e : rs.rules) {
            auto it = std::find_if(a.results.begin(), a.results.end(),
                                   [&](const EvaluatedRule& r) { return r.entry->key == e.key; });
            if (it == a.results.end() || !it->inScope) {
                cells.append(QJsonArray{"", "", QJsonValue(), ""});
                continue;
            }
            const RuleResult& r = it->result;
            cells.append(QJsonArray{toString(r.status), QString::fromStdString(figureText(r)),
                                    r.value ? QJsonValue(*r.value) : QJsonValue(),
                                    QString::fromStdString(it->error.empty() ? ruleText(r.summary) : it->error)});
        }
        o["r"] = cells;
        rows.append(o);
    }
    data["sites"] = rows;
    // The words the script shows: verdict and status labels in the chosen language.
    QJsonObject labels, verdictLabels, statusLabels;
    for (const char* v : kVerdicts) verdictLabels[v] = QString::fromStdString(V(v));
    for (const char* st : kStatuses) statusLabels[st] = QString::fromStdString(S(st));
    labels["v"] = verdictLabels;
    labels["s"] = statusLabels;
    labels["dec"] = QString::fromStdString(decimalMark());
    labels["unstable"] = QString::fromStdString(tx("report", "unstable"));
    labels["shown"] = QString::fromStdString(tx("report", "%1 of %2 sites shown"));
    data["l"] = labels;
    return scriptJson(data);
}

// The table's data as QJsonDocument(...).toJson(Compact) writes it (keys in
// Qt's order: sorted), made directly (json::appendString and appendNumber
// write Qt's texts and numbers); then '<', '>' and '&' escaped.
std::string HtmlReportPages::Impl::tableDataDirect() const {
    std::string j;
    auto text = [&](std::string_view v) { json::appendString(j, v); };
    auto numberOrNull = [&](const std::optional<double>& v) {
        if (v) json::appendNumber(j, *v);
        else j += "null";
    };
    j += "{\"keys\":[";
    for (std::size_t k = 0; k < rs.rules.size(); ++k) {
        if (k > 0) j += ',';
        text(rs.rules[k].key);
    }
    // The words the script shows: verdict and status labels in the chosen language.
    auto labels = [&](const auto& keys, std::string (*label)(const std::string&)) {
        std::map<std::string, std::string> sorted;
        for (const char* k : keys) sorted[k] = label(k);
        j += '{';
        bool first = true;
        for (const auto& [k, v] : sorted) {
            if (!first) j += ',';
            first = false;
            text(k);
            j += ':';
            text(v);
        }
        j += '}';
    };
    j += "],\"l\":{\"dec\":";
    text(decimalMark());
    j += ",\"s\":";
    labels(kStatuses, &S);
    j += ",\"shown\":";
    text(tx("report", "%1 of %2 sites shown"));
    j += ",\"unstable\":";
    text(tx("report", "unstable"));
    j += ",\"v\":";
    labels(kVerdicts, &V);
    j += "},\"sites\":[";
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const SiteAssessment& a = sites[i];
        if (i > 0) j += ',';
        j += "{\"a\":";
        text(anchors[i]);
        j += ",\"id\":";
        text(a.site->id);
        j += ",\"name\":";
        text(a.site->name);
        if (paged) {
            j += ",\"p\":";
            text(pageName(i / perPage));
        }
        j += ",\"pl\":";
        if (a.site->places) json::appendInteger(j, *a.site->places);
        else j += "null";
        j += ",\"pr\":";
        text(a.site->profile);
        j += ",\"r\":[";
        bool firstCell = true;
        for (const auto& e : rs.rules) {
            if (!firstCell) j += ',';
            firstCell = false;
            auto it = std::find_if(a.results.begin(), a.results.end(),
                                   [&](const EvaluatedRule& r) { return r.entry->key == e.key; });
            if (it == a.results.end() || !it->inScope) {
                j += "[\"\",\"\",null,\"\"]";
                continue;
            }
            const RuleResult& r = it->result;
            j += '[';
            text(toString(r.status));
            j += ',';
            text(figureText(r));
            j += ',';
            numberOrNull(r.value);
            j += ',';
            text(it->error.empty() ? ruleText(r.summary) : it->error);
            j += ']';
        }
        j += "],\"sc\":";
        numberOrNull(a.classification.scoreRules > 0 ? std::optional<double>(std::round(a.classification.score * 10) / 10)
                                                     : std::nullopt);
        if (a.sensitivity.computed && !a.sensitivity.stable) j += ",\"un\":true";
        j += ",\"v\":";
        text(verdicts[i]);
        std::string reasons;
        for (const auto& r : a.classification.reasons) reasons += words->reason(r) + "\n";
        j += ",\"why\":";
        text(reasons);
        j += '}';
    }
    j += "]}";
    return scriptSafe(j);
}

std::string HtmlReportPages::Impl::tableData(TableDataWay way) const {
    return way == TableDataWay::Direct ? tableDataDirect() : tableDataByQt();
}

std::string HtmlReportPages::tableData(TableDataWay way) const { return impl_->tableData(way); }

// A page of buildings in pieces: the head, one piece per site, the tail. A
// page holds some 20 MB; joined, the growing text was copied into ever
// larger new blocks (each a fresh mapping the kernel fills page by page).
std::vector<std::string> HtmlReportPages::Impl::buildingsPage(std::size_t g) const {
    const std::size_t from = pageFrom(g), to = pageTo(g);
    std::vector<std::string> pieces;
    pieces.reserve(to - from + 2);
    pieces.push_back(buildingsHead(g));
    for (std::size_t i = from; i < to; ++i) building(i, esc(mainName), pieces.emplace_back());
    pieces.push_back(buildingsTail());
    return pieces;
}

std::string HtmlReportPages::Impl::buildingsHead(std::size_t g) const {
    const std::size_t from = pageFrom(g), to = pageTo(g);
    const std::string range = sites[from].site->id + " – " + sites[to - 1].site->id;
    std::string page = pageHead(arg(tx("report", "vgscan report: sites %1"), range));
    const std::string back = esc(mainName);
    page += "<header><h1>" + arg(tx("report", "vgscan portfolio report: sites %1"), esc(range)) + "</h1><p class=\"meta\">" +
            arg(tx("report", "page %1 of %2"), std::to_string(g + 1), std::to_string(pages)) + " · " +
            arg(tx("report", "sites %1–%2 of %3"), std::to_string(from + 1), std::to_string(to), std::to_string(sites.size())) +
            " · " + tx("report", "portfolio") + " " + esc(p.source) + " · " + tx("report", "rule set") + " " + esc(rs.name) +
            "</p><nav><a href=\"" + back + "\">" + tx("report", "Overview") + "</a><a href=\"" + back + "#map\">" + tx("report", "Map") +
            "</a><a href=\"" + back + "#sites\">" + tx("report", "Sites") + "</a>" +
            (g > 0 ? "<a href=\"" + esc(pageName(g - 1)) + "\">← " + tx("report", "previous page") + "</a>" : std::string()) +
            (g + 1 < pages ? "<a href=\"" + esc(pageName(g + 1)) + "\">" + tx("report", "next page") + " →</a>" : std::string()) +
            "<a href=\"" + back + "#legend\">" + tx("report", "Legend") + "</a></nav></header>\n<main>\n";
    page += "<section id=\"buildings\"><h2>" + tx("report", "Buildings") + "</h2>";
    return page;
}

std::string HtmlReportPages::Impl::buildingsTail() {
    std::string tail = "</section>\n</main>\n";
    tail += "<script type=\"application/json\" id=\"vg-data\">{\"keys\":[],\"sites\":[]}</script>\n<script>\n";
    tail += html::kJs;
    tail += "\n</script>\n</body>\n</html>\n";
    return tail;
}

HtmlReportPages::HtmlReportPages(const HtmlReportInput& in, std::string mainName)
    : impl_(std::make_unique<Impl>(in, std::move(mainName))) {}
HtmlReportPages::~HtmlReportPages() = default;
std::size_t HtmlReportPages::count() const { return 1 + impl_->pages; }
std::string HtmlReportPages::name(std::size_t k) const { return k == 0 ? impl_->mainName : impl_->pageName(k - 1); }
std::vector<std::string> HtmlReportPages::pieces(std::size_t k) const {
    if (k == 0) return {impl_->mainPage()};
    return impl_->buildingsPage(k - 1);
}
std::size_t HtmlReportPages::pieceCount(std::size_t k) const {
    return k == 0 ? 1 : impl_->pageTo(k - 1) - impl_->pageFrom(k - 1) + 2;
}
std::string HtmlReportPages::piece(std::size_t k, std::size_t j, SectionWay way) const {
    if (k == 0) return impl_->mainPage();
    const std::size_t g = k - 1;
    if (j == 0) return impl_->buildingsHead(g);
    const std::size_t i = impl_->pageFrom(g) + (j - 1);
    if (i >= impl_->pageTo(g)) return Impl::buildingsTail();
    if (way == SectionWay::Joined) {
        std::string section;
        impl_->building(i, esc(impl_->mainName), section, way);
        return section;
    }
    // Made in this thread's buffer, kept from section to section (a section
    // of some 100 kB grown by doubling was copied again at each step, into
    // memory the kernel had to supply), then copied out at its size.
    static thread_local std::string buffer;
    buffer.clear();
    impl_->building(i, esc(impl_->mainName), buffer, way);
    return buffer;
}
std::string HtmlReportPages::page(std::size_t k) const {
    if (k == 0) return impl_->mainPage();
    std::string out;
    const std::vector<std::string> parts = impl_->buildingsPage(k - 1);
    std::size_t size = 0;
    for (const std::string& part : parts) size += part.size();
    out.reserve(size);
    for (const std::string& part : parts) out += part;
    return out;
}

void htmlReport(const HtmlReportInput& in, const std::string& mainName, const HtmlPageSink& sink) {
    // One page at a time: a national report need not fit in memory at once.
    const HtmlReportPages pages(in, mainName);
    for (std::size_t k = 0; k < pages.count(); ++k) sink(pages.name(k), pages.page(k));
}

void writeHtmlReport(const std::string& path, const HtmlReportInput& in) {
    const std::filesystem::path target(path);
    const std::filesystem::path dir = target.parent_path();
    htmlReport(in, target.filename().string(), [&](const std::string& name, const std::string& text) {
        writeFile((dir / name).string(), text);
    });
}



// --- the page of one checked plan ---------------------------------------------------

void writeCheckHtml(const std::string& path, const FloorPlan& plan, const BuildingAssessment& a, const RuleSet& rs,
                    const std::string& version) {
    const std::string verdict = a.classification.verdict;
    const std::string name = plan.name.empty() ? a.building : plan.name;
    const Words words(rs);
    std::string s = pageHead(arg(tx("report", "vgscan check: %1"), name));
    s += "<header><h1>" + arg(tx("report", "vgscan check: %1"), esc(name)) + "</h1><p class=\"meta\">" + tx("report", "plan") + " " +
         esc(plan.source) + " · " + tx("report", "rule set") + " " + esc(rs.name) + " · vgscan " + esc(version) +
         "</p><nav><a href=\"#plan\">" + tx("report", "Plan") + "</a><a href=\"#legend\">" + tx("report", "Legend") +
         "</a><a href=\"#ruleset\">" + tx("report", "Rule set") + "</a><a href=\"#inputs\">" + tx("report", "Inputs") +
         "</a></nav></header>\n<main>\n";
    int bedrooms = 0;
    for (const auto& sp : plan.spaces) bedrooms += sp.use == SpaceUse::Bedroom;
    s += "<section class=\"bld\" id=\"plan\"><h2>" + esc(name) + " " + badge("v-" + verdict, V(verdict)) + "</h2>";
    s += "<p class=\"meta\">" +
         arg(tx("report", "%1 spaces · %2 openings · %3 staff posts · %4 bedrooms"), std::to_string(plan.spaces.size()),
             std::to_string(plan.openings.size()), std::to_string(plan.staffPosts.size()), std::to_string(bedrooms)) +
         " · " + arg(tx("report", "storeys %1"), std::to_string(plan.storeys().size())) + " · " +
         tx("report", "building rules only: site rules need a portfolio (vgscan scan)") + "</p>";
    {
        Classification shown;  // the building check's reasons, in the verdict block's form
        shown.reasons = a.classification.reasons;
        shown.score = a.classification.score;
        shown.scoreRules = a.classification.scoreRules;
        s += verdictBlock(shown, verdict, words, tx("report", "Building")) + issuesBlock(a.warnings);
    }
    Building b;
    b.anchor = "plan";
    b.plan = &plan;
    b.results = &a.results;
    b.rs = &rs;
    const auto outside = gatesOutsideProfile(rs);
    b.outsideProfile = &outside;
    b.words = &words;
    buildingBody(b, s);
    s += "</section>\n";
    s += legendSection(false) + "\n" + rulesetSection(rs) + "\n";
    s += inputsSection({{tx("report", "plan"), plan.source}, {tx("report", "rule set"), rs.source}}, version, "") + "\n</main>\n";
    s += "<script type=\"application/json\" id=\"vg-data\">{\"keys\":[],\"sites\":[]}</script>\n<script>\n";
    s += html::kJs;
    s += "\n</script>\n</body>\n</html>\n";
    writeFile(path, s);
}

}  // namespace vgscan
