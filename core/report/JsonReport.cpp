#include "report/Reports.h"

#include "io/OutputFiles.h"
#include "rules/RuleKit.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <stdexcept>

namespace vgscan {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QJsonArray strings(const std::vector<std::string>& v) {
    QJsonArray a;
    for (const auto& s : v) a.append(q(s));
    return a;
}

QJsonArray point(const Point& p) { return QJsonArray{p.x(), p.y()}; }

QJsonObject toJson(const Finding& f) {
    QJsonObject o;
    o["object"] = q(f.object);
    o["type"] = q(f.objectType);
    o["message"] = q(f.message);
    o["expected"] = q(f.expected);
    o["observed"] = q(f.observed);
    if (f.location) o["location"] = point(*f.location);
    if (f.storey) o["storey"] = *f.storey;
    return o;
}

QJsonArray issues(const std::vector<InputIssue>& v) {
    QJsonArray a;
    for (const auto& i : v) {
        QJsonObject o;
        o["file"] = q(i.file);
        o["object"] = q(i.object);
        o["problem"] = q(i.problem);
        o["level"] = i.error ? "error" : "warning";
        a.append(o);
    }
    return a;
}

QJsonObject classificationJson(QJsonObject o, const Classification& c) {
    o["verdict"] = toString(c.verdict);
    o["reasons"] = strings(c.reasons);
    if (c.scoreRules > 0) o["score"] = c.score;
    else o["score"] = QJsonValue::Null;
    return o;
}

}  // namespace

QJsonObject toJson(const EvaluatedRule& r) {
    QJsonObject o;
    o["rule"] = q(r.entry->rule);
    if (r.entry->key != r.entry->rule) o["key"] = q(r.entry->key);
    o["version"] = q(r.version);
    o["severity"] = toString(r.entry->severity);
    o["status"] = toString(r.result.status);
    o["value"] = r.result.value ? QJsonValue(*r.result.value) : QJsonValue(QJsonValue::Null);
    o["unit"] = q(r.result.unit);
    o["threshold"] = q(r.result.threshold);
    o["summary"] = q(r.result.summary);
    QJsonArray findings;
    for (const auto& f : r.result.findings) findings.append(toJson(f));
    o["findings"] = findings;
    if (!r.result.figures.empty()) {
        QJsonArray figs;
        for (const auto& f : r.result.figures) figs.append(QJsonObject{{"name", q(f.name)}, {"value", f.value}, {"unit", q(f.unit)}});
        o["figures"] = figs;
    }
    if (!r.error.empty()) o["error"] = q(r.error);
    if (!r.inScope) o["in_scope"] = false;
    return o;
}

QJsonObject toJson(const BuildingAssessment& a, const RuleSet& rs) {
    QJsonObject o;
    o["building"] = q(a.building);
    o["source"] = q(a.source);
    o["ruleset"] = q(rs.name);
    o["verdict"] = q(a.classification.verdict);
    o["reasons"] = strings(a.classification.reasons);
    o["score"] = a.classification.scoreRules > 0 ? QJsonValue(a.classification.score) : QJsonValue(QJsonValue::Null);
    QJsonArray results;
    for (const auto& r : a.results)
        if (r.inScope) results.append(toJson(r));
    o["results"] = results;
    o["warnings"] = issues(a.warnings);
    return o;
}

QJsonObject toJson(const SiteAssessment& a) {
    QJsonObject o;
    const Site& s = *a.site;
    o["id"] = q(s.id);
    o["name"] = q(s.name);
    o["profile"] = q(s.profile);
    o["places"] = s.places ? QJsonValue(*s.places) : QJsonValue(QJsonValue::Null);
    o["plan"] = q(s.planPath);
    o["bedrooms"] = a.bedrooms >= 0 ? QJsonValue(a.bedrooms) : QJsonValue(QJsonValue::Null);
    o["failed"] = a.failed;
    QJsonObject attributes;  // the portfolio's own columns (e.g. an asset number)
    for (const auto& [k, v] : s.attributes) attributes[q(k)] = q(v);
    o["attributes"] = attributes;
    o = classificationJson(o, a.classification);
    QJsonArray results;
    for (const auto& r : a.results) results.append(toJson(r));
    o["results"] = results;
    o["issues"] = issues(a.issues);
    if (a.sensitivity.computed) {
        QJsonObject sens;
        sens["stable"] = a.sensitivity.stable;
        sens["share_same"] = a.sensitivity.shareSame;
        sens["samples"] = a.sensitivity.samples;
        sens["thresholds"] = a.sensitivity.thresholds;
        QJsonArray flips;
        for (const auto& f : a.sensitivity.flips)
            flips.append(QJsonObject{{"rule", q(f.rule)},
                                     {"parameter", q(f.parameter)},
                                     {"from", f.from},
                                     {"to", f.to},
                                     {"verdict", toString(f.verdict)}});
        sens["flips"] = flips;
        o["sensitivity"] = sens;
    }
    if (a.friction.applies) {
        QJsonObject fc;
        fc["currency"] = q(a.friction.currency);
        fc["total"] = a.friction.total ? QJsonValue(*a.friction.total) : QJsonValue(QJsonValue::Null);
        QJsonArray parts;
        for (const auto& p : a.friction.parts)
            parts.append(QJsonObject{{"part", q(p.name)},
                                     {"amount", p.amount ? QJsonValue(*p.amount) : QJsonValue(QJsonValue::Null)},
                                     {"basis", q(p.basis)}});
        fc["parts"] = parts;
        fc["missing"] = strings(a.friction.missing);
        o["friction_cost"] = fc;
    }
    return o;
}

QJsonObject scanToJson(const Portfolio& p, const RuleSet& rs, const std::vector<SiteAssessment>& sites) {
    QJsonObject o;
    o["portfolio"] = q(p.source);
    o["ruleset"] = q(rs.name);
    o["ruleset_file"] = q(rs.source);
    // What `vgscan diff` needs to say how the rule set changed between scans:
    // its hash and every rule's parameters as used.
    o["ruleset_sha256"] = q(rs.sha256);
    QJsonObject parameters;
    for (const auto& e : rs.rules)
        parameters[q(e.key)] = QJsonObject{{"rule", q(e.rule)}, {"severity", toString(e.severity)}, {"parameters", e.parameters}};
    o["ruleset_rules"] = parameters;
    QJsonArray arr;
    for (const auto& s : sites) arr.append(toJson(s));
    o["sites"] = arr;
    QJsonArray sources;  // where the context layers came from (OpenStreetMap needs its credit)
    for (const auto& src : p.context.sources)
        sources.append(QJsonObject{{"layer", q(src.layer)},
                                   {"file", q(src.file)},
                                   {"date", q(src.date)},
                                   {"licence", q(src.licence)},
                                   {"attribution", q(src.attribution)}});
    o["sources"] = sources;
    return o;
}

void writeJsonFile(const std::string& path, const QJsonObject& obj) {
    const QByteArray text = QJsonDocument(obj).toJson(QJsonDocument::Indented);
    writeFileAtomically(path, std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
}

}  // namespace vgscan
