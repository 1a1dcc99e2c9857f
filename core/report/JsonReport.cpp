#include "report/Reports.h"

#include "io/JsonText.h"
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

namespace {

// The writers below give the text of the toJson functions above through
// QJsonDocument::Indented, byte for byte; each writes its object's keys in
// Qt's (sorted) order.

void writeStrings(json::IndentedWriter& w, const std::vector<std::string>& v) {
    w.beginArray();
    for (const auto& s : v) w.string(s);
    w.endArray();
}

void writeNumberOrNull(json::IndentedWriter& w, const std::optional<double>& v) {
    if (v) w.number(*v);
    else w.null();
}

void writeFinding(json::IndentedWriter& w, const Finding& f) {
    w.beginObject();
    w.member("expected", f.expected);
    if (f.location) {
        w.key("location");
        w.beginArray();
        w.number(f.location->x());
        w.number(f.location->y());
        w.endArray();
    }
    w.member("message", f.message);
    w.member("object", f.object);
    w.member("observed", f.observed);
    if (f.storey) w.memberInteger("storey", *f.storey);
    w.member("type", f.objectType);
    w.endObject();
}

void writeIssues(json::IndentedWriter& w, const std::vector<InputIssue>& v) {
    w.beginArray();
    for (const auto& i : v) {
        w.beginObject();
        w.member("file", i.file);
        w.member("level", i.error ? "error" : "warning");
        w.member("object", i.object);
        w.member("problem", i.problem);
        w.endObject();
    }
    w.endArray();
}

void writeRule(json::IndentedWriter& w, const EvaluatedRule& r) {
    w.beginObject();
    if (!r.error.empty()) w.member("error", r.error);
    if (!r.result.figures.empty()) {
        w.key("figures");
        w.beginArray();
        for (const auto& f : r.result.figures) {
            w.beginObject();
            w.member("name", f.name);
            w.member("unit", f.unit);
            w.memberNumber("value", f.value);
            w.endObject();
        }
        w.endArray();
    }
    w.key("findings");
    w.beginArray();
    for (const auto& f : r.result.findings) writeFinding(w, f);
    w.endArray();
    if (!r.inScope) w.memberBool("in_scope", false);
    if (r.entry->key != r.entry->rule) w.member("key", r.entry->key);
    w.member("rule", r.entry->rule);
    w.member("severity", toString(r.entry->severity));
    w.member("status", toString(r.result.status));
    w.member("summary", r.result.summary);
    w.member("threshold", r.result.threshold);
    w.member("unit", r.result.unit);
    w.key("value");
    writeNumberOrNull(w, r.result.value);
    w.member("version", r.version);
    w.endObject();
}

}  // namespace

void appendSiteJson(std::string& out, const SiteAssessment& a, int depth) {
    json::IndentedWriter w(out, depth);
    const Site& s = *a.site;
    w.beginObject();
    w.key("attributes");
    bool asciiKeys = true;
    for (const auto& kv : s.attributes)
        for (const char c : kv.first) asciiKeys = asciiKeys && static_cast<unsigned char>(c) < 0x80;
    if (asciiKeys) {  // a std::map's order is Qt's
        w.beginObject();
        for (const auto& [k, v] : s.attributes) w.member(k, v);
        w.endObject();
    } else {  // Qt's order of UTF-16 keys, and keys it reads alike merged as it merges them
        QJsonObject attributes;
        for (const auto& [k, v] : s.attributes) attributes[q(k)] = q(v);
        w.value(attributes);
    }
    w.key("bedrooms");
    if (a.bedrooms >= 0) w.integer(a.bedrooms);
    else w.null();
    w.memberBool("failed", a.failed);
    if (a.friction.applies) {
        w.key("friction_cost");
        w.beginObject();
        w.member("currency", a.friction.currency);
        w.key("missing");
        writeStrings(w, a.friction.missing);
        w.key("parts");
        w.beginArray();
        for (const auto& p : a.friction.parts) {
            w.beginObject();
            w.key("amount");
            writeNumberOrNull(w, p.amount);
            w.member("basis", p.basis);
            w.member("part", p.name);
            w.endObject();
        }
        w.endArray();
        w.key("total");
        writeNumberOrNull(w, a.friction.total);
        w.endObject();
    }
    w.member("id", s.id);
    w.key("issues");
    writeIssues(w, a.issues);
    w.member("name", s.name);
    w.key("places");
    if (s.places) w.integer(*s.places);
    else w.null();
    w.member("plan", s.planPath);
    w.member("profile", s.profile);
    w.key("reasons");
    writeStrings(w, a.classification.reasons);
    w.key("results");
    w.beginArray();
    for (const auto& r : a.results) writeRule(w, r);
    w.endArray();
    w.key("score");
    if (a.classification.scoreRules > 0) w.number(a.classification.score);
    else w.null();
    if (a.sensitivity.computed) {
        const Sensitivity& se = a.sensitivity;
        w.key("sensitivity");
        w.beginObject();
        w.key("flips");
        w.beginArray();
        for (const auto& f : se.flips) {
            w.beginObject();
            w.memberNumber("from", f.from);
            w.member("parameter", f.parameter);
            w.member("rule", f.rule);
            w.memberNumber("to", f.to);
            w.member("verdict", toString(f.verdict));
            w.endObject();
        }
        w.endArray();
        w.memberInteger("samples", se.samples);
        w.memberNumber("share_same", se.shareSame);
        w.memberBool("stable", se.stable);
        w.memberInteger("thresholds", se.thresholds);
        w.endObject();
    }
    w.member("verdict", toString(a.classification.verdict));
    w.endObject();
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
