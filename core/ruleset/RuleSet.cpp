#include "ruleset/RuleSet.h"

#include "rules/RuleRegistry.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <set>
#include <stdexcept>

#ifndef VGSCAN_SOURCE_DIR
#define VGSCAN_SOURCE_DIR "."
#endif

namespace vgscan {

const char* toString(Severity s) {
    switch (s) {
        case Severity::Gate: return "gate";
        case Severity::Score: return "score";
        case Severity::Info: return "info";
    }
    return "info";
}

namespace {

std::vector<std::string> strings(const QJsonValue& v) {
    std::vector<std::string> out;
    for (const auto& x : v.toArray()) out.push_back(x.toString().toStdString());
    return out;
}

// The optional "clusters" block: each parameter {"value": ..., "source": ...}.
ClusterParams clusterParams(const QJsonValue& block, const std::string& path) {
    ClusterParams cp;
    static const char* kNames[] = {"verdicts",          "max_walk_m",          "max_drive_min",
                                   "drive_speed_kmh",   "walk_speed_kmh",      "max_places_per_site",
                                   "max_places_per_cluster", "night_round_max_min", "detour_factor"};
    for (const char* n : kNames) cp.sources[n] = "default (assumption)";
    if (block.isUndefined() || block.isNull()) return cp;
    auto fail = [&](const std::string& what) { throw std::runtime_error(path + ": clusters." + what); };
    if (!block.isObject()) fail("must be an object");
    const QJsonObject o = block.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string k = it.key().toStdString();
        if (k == "note") continue;
        if (std::find(std::begin(kNames), std::end(kNames), k) == std::end(kNames)) fail(k + ": unknown parameter");
        const QJsonObject p = it.value().toObject();
        if (!it.value().isObject() || !p.contains("value"))
            fail(k + ": must be {\"value\": ..., \"source\": ...}");
        if (p.value("source").toString().trimmed().isEmpty())
            fail(k + ": names no source (write \"assumption\" when there is none)");
        if (p.contains("source_nl") && p.value("source_nl").toString().trimmed().isEmpty())
            fail(k + ": 'source_nl' must be text (the source in Dutch)");
        cp.sources[k] = p.value("source").toString().toStdString();
    }
    auto value = [&](const char* k) { return o.value(k).toObject().value("value"); };
    auto positive = [&](const char* k, double& out) {
        const QJsonValue v = value(k);
        if (v.isUndefined()) return;
        if (!v.isDouble() || !(v.toDouble() > 0)) fail(std::string(k) + ": value must be a number > 0");
        out = v.toDouble();
    };
    auto count = [&](const char* k, int& out) {
        const QJsonValue v = value(k);
        if (v.isUndefined()) return;
        if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != static_cast<int>(v.toDouble()))
            fail(std::string(k) + ": value must be a whole number >= 1");
        out = v.toInt();
    };
    if (o.contains("verdicts")) {
        const QJsonValue v = value("verdicts");
        if (!v.isArray() || v.toArray().isEmpty()) fail("verdicts: value must be a list of verdicts");
        cp.verdicts.clear();
        for (const auto& x : v.toArray()) {
            auto parsed = parseVerdict(x.toString().toStdString());
            if (!parsed) fail("verdicts: '" + x.toString().toStdString() + "' is not a verdict");
            cp.verdicts.push_back(*parsed);
        }
    }
    positive("max_walk_m", cp.maxWalkM);
    if (o.contains("max_drive_min") && !value("max_drive_min").isNull()) {
        double d = 0;
        positive("max_drive_min", d);
        cp.maxDriveMin = d;
    }
    positive("drive_speed_kmh", cp.driveSpeedKmh);
    positive("walk_speed_kmh", cp.walkSpeedKmh);
    count("max_places_per_site", cp.maxPlacesPerSite);
    count("max_places_per_cluster", cp.maxPlacesPerCluster);
    positive("night_round_max_min", cp.nightRoundMaxMin);
    positive("detour_factor", cp.detourFactor);
    if (cp.detourFactor < 1) fail("detour_factor: value must be >= 1 (a road is never shorter than the straight line)");
    if (cp.maxPlacesPerCluster < cp.maxPlacesPerSite)
        fail("max_places_per_cluster: value is below max_places_per_site");
    return cp;
}

}  // namespace

RuleSet loadRuleSet(const std::string& path) {
    auto fail = [&](const std::string& what) { throw std::runtime_error(path + ": " + what); };
    QFile f(QString::fromStdString(path));
    if (!f.exists()) fail("rule set file not found");
    if (!f.open(QIODevice::ReadOnly)) fail("cannot be read: " + f.errorString().toStdString());
    QByteArray bytes = f.readAll();
    if (bytes.trimmed().isEmpty()) fail("rule set file is empty");
    QJsonParseError perr;
    QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (doc.isNull()) fail("not valid JSON at offset " + std::to_string(perr.offset) + ": " + perr.errorString().toStdString());
    if (!doc.isObject()) fail("a rule set is a JSON object");
    QJsonObject root = doc.object();

    RuleSet rs;
    rs.source = path;
    rs.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
    rs.name = root.value("name").toString().toStdString();
    rs.title = root.value("title").toString().toStdString();
    if (rs.name.empty()) fail("missing 'name'");

    std::set<std::string> keys, groupsWithGates;
    const QJsonArray rules = root.value("rules").toArray();
    if (rules.isEmpty()) fail("'rules' is missing or empty");
    for (int i = 0; i < rules.size(); ++i) {
        if (!rules[i].isObject()) fail("rules[" + std::to_string(i) + "]: must be an object");
        QJsonObject r = rules[i].toObject();
        RuleEntry e;
        e.rule = r.value("rule").toString().toStdString();
        std::string where = "rules[" + std::to_string(i) + "]";
        if (e.rule.empty()) fail(where + ": missing 'rule'");
        e.key = r.value("key").toString(QString::fromStdString(e.rule)).toStdString();
        where += " ('" + e.key + "')";
        if (!keys.insert(e.key).second) fail(where + ": key is used twice; give each entry its own 'key'");
        std::string sev = r.value("severity").toString().toStdString();
        if (sev == "gate") e.severity = Severity::Gate;
        else if (sev == "score") e.severity = Severity::Score;
        else if (sev == "info") e.severity = Severity::Info;
        else fail(where + ": 'severity' must be gate, score or info");
        e.weight = r.value("weight").toDouble(1.0);
        if (e.weight < 0) fail(where + ": 'weight' is negative");
        e.groups = strings(r.value("groups"));
        if (e.severity == Severity::Gate && e.groups.empty())
            fail(where + ": a gate must name the decision 'groups' it counts for");
        for (const auto& g : e.groups) groupsWithGates.insert(g);
        if (r.contains("parameters") && !r.value("parameters").isObject())
            fail(where + ": 'parameters' must be an object {name: {\"value\": ..., \"source\": ...}}");
        const QJsonObject params = r.value("parameters").toObject();
        for (auto it = params.begin(); it != params.end(); ++it) {
            QJsonObject p = it.value().toObject();
            std::string pname = it.key().toStdString();
            if (!it.value().isObject() || !p.contains("value"))
                fail(where + ": parameter '" + pname + "' must be {\"value\": ..., \"source\": ...}");
            if (p.value("value").isNull())
                fail(where + ": parameter '" + pname + "' is null; give a value (or leave the parameter out for its default)");
            if (p.value("source").toString().trimmed().isEmpty())
                fail(where + ": parameter '" + pname + "' names no source (write \"assumption\" when there is none)");
            // The source in Dutch, for the Dutch report: optional, text when given.
            if (p.contains("source_nl") && p.value("source_nl").toString().trimmed().isEmpty())
                fail(where + ": parameter '" + pname + "': 'source_nl' must be text (the source in Dutch)");
            if (p.contains("unit")) {
                if (!p.value("unit").isString())
                    fail(where + ": parameter '" + pname + "': 'unit' must be text, e.g. \"m\"");
                e.parameterUnits[pname] = p.value("unit").toString().toStdString();
            }
            e.parameters.insert(it.key(), p.value("value"));
            e.sources[pname] = p.value("source").toString().toStdString();
        }
        rs.rules.push_back(std::move(e));
    }

    QJsonObject cls = root.value("classification").toObject();
    const QJsonArray verdicts = cls.value("verdicts").toArray();
    if (verdicts.isEmpty()) fail("'classification.verdicts' is missing or empty");
    for (int i = 0; i < verdicts.size(); ++i) {
        QJsonObject v = verdicts[i].toObject();
        std::string where = "classification.verdicts[" + std::to_string(i) + "]";
        VerdictRule vr;
        auto parsed = parseVerdict(v.value("verdict").toString().toStdString());
        if (!parsed || *parsed == Verdict::NeedsData)
            fail(where + ": 'verdict' must be fits_vg7, convert_vg7, cluster, keep, ambulant or dispose");
        vr.verdict = *parsed;
        vr.requiredGroups = strings(v.value("requires"));
        vr.anyGroups = strings(v.value("requires_any"));
        const QJsonObject renovate = v.value("renovate").toObject();
        vr.renovateGroups = strings(renovate.value("groups"));
        if (!renovate.isEmpty()) {
            const QJsonObject rules = renovate.value("rules").toObject();
            vr.renovable = strings(rules.value("value"));
            vr.renovableSource = rules.value("source").toString().toStdString();
            if (vr.renovateGroups.empty()) fail(where + ": 'renovate' names no 'groups'");
            if (vr.renovableSource.empty())
                fail(where + ": 'renovate.rules' must be {\"value\": [keys], \"source\": ...} with a source");
            for (const auto& k : vr.renovable)
                if (!keys.count(k)) fail(where + ": 'renovate.rules' names '" + k + "', not a key of this rule set");
        }
        if (vr.requiredGroups.empty() && vr.renovateGroups.empty())
            fail(where + ": 'requires' names no decision groups");
        for (const auto* list : {&vr.requiredGroups, &vr.renovateGroups, &vr.anyGroups})
            for (const auto& g : *list)
                if (!groupsWithGates.count(g) && !(list == &vr.anyGroups && g == kInCluster))
                    fail(where + ": group '" + g + "' has no gate rule in this rule set (it would pass unseen)");
        vr.explain = v.value("explain").toString().toStdString();
        if (v.contains("min_score")) {
            const QJsonObject ms = v.value("min_score").toObject();
            const QJsonValue value = ms.value("value");
            if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 100)
                fail(where + ": 'min_score' must be {\"value\": 0..100, \"source\": ...}");
            vr.minScore = value.toDouble();
            vr.minScoreSource = ms.value("source").toString().toStdString();
            if (vr.minScoreSource.empty()) fail(where + ": 'min_score' needs a 'source' (or 'assumption')");
        }
        rs.verdicts.push_back(std::move(vr));
    }
    auto other = parseVerdict(cls.value("otherwise").toString("dispose").toStdString());
    if (!other || *other == Verdict::NeedsData)
        fail("'classification.otherwise' must be fits_vg7, convert_vg7, cluster, keep, ambulant or dispose");
    rs.otherwise = *other;
    rs.otherwiseExplain = cls.value("otherwise_explain").toString().toStdString();

    // Friction-cost amounts: numbers or null (unknown), nothing else.
    const QJsonObject fc = root.value("friction_costs").toObject();
    rs.friction.currency = fc.value("currency").toString("EUR").toStdString();
    static const char* kAmounts[] = {"vacancy_months", "revenue_per_place_month", "rehousing_per_resident",
                                     "team_startup", "retraining", "absence_premium", "new_build_per_place",
                                     "team_lead_time_months", "renovation_months", "new_build_months"};
    auto amount = [&](const QJsonValue& v, const std::string& where) -> std::optional<double> {
        if (v.isNull() || v.isUndefined()) return std::nullopt;
        if (!v.isDouble() || v.toDouble() < 0) fail("friction_costs." + where + " must be a number >= 0 or null");
        return v.toDouble();
    };
    for (const char* k : kAmounts) rs.friction.amounts[k] = amount(fc.value(k), k);
    for (auto it = fc.begin(); it != fc.end(); ++it) {
        const std::string k = it.key().toStdString();
        if (k == "currency" || k == "renovation" || k == "note") continue;
        if (std::find(std::begin(kAmounts), std::end(kAmounts), k) == std::end(kAmounts))
            fail("friction_costs: unknown amount '" + k + "'");
    }
    const QJsonObject ren = fc.value("renovation").toObject();
    for (auto it = ren.begin(); it != ren.end(); ++it) {
        const std::string k = it.key().toStdString();
        if (!keys.count(k)) fail("friction_costs.renovation: '" + k + "' is not a key of this rule set");
        rs.friction.renovation[k] = amount(it.value(), "renovation." + k);
    }
    rs.clusters = clusterParams(root.value("clusters"), path);
    return rs;
}

std::vector<std::string> checkAgainst(const RuleSet& rs, const RuleRegistry& registry) {
    std::vector<std::string> problems;
    for (const auto& e : rs.rules) {
        if (!registry.has(e.rule)) {
            problems.push_back(rs.source + ": rule '" + e.rule + "' (key '" + e.key +
                               "') is in the rule set but no loaded plugin provides it (unknown rule)");
            continue;
        }
        const std::string where = rs.source + ": rule '" + e.rule + "'" +
                                  (e.key == e.rule ? std::string() : " (key '" + e.key + "')") + ": ";
        try {
            registry.resolveParams(e.rule, e.parameters);
        } catch (const std::exception& ex) {
            // The registry's message names the rule and the parameter.
            problems.push_back(rs.source + ": " + ex.what() +
                               (e.key == e.rule ? std::string() : " (key '" + e.key + "')"));
            continue;
        }
        // Thresholds (each has a unit: parseRuleInfo) are never below zero: a
        // negative area or distance would make a gate pass or fail unseen.
        for (const auto& spec : registry.info(e.rule).parameters) {
            if (spec.type != "number" && spec.type != "integer") continue;
            const std::string param = "parameter '" + spec.name + "'";
            const QString qname = QString::fromStdString(spec.name);
            if (auto u = e.parameterUnits.find(spec.name); u != e.parameterUnits.end() && u->second != spec.unit)
                problems.push_back(where + param + " is given in '" + u->second + "' but the rule takes '" +
                                   spec.unit + "'");
            if (e.parameters.contains(qname) && e.parameters.value(qname).toDouble() < 0)
                problems.push_back(where + param + " is " +
                                   QString::number(e.parameters.value(qname).toDouble()).toStdString() + " " +
                                   spec.unit + "; a threshold cannot be negative");
        }
    }
    return problems;
}

std::string findRuleSet(const std::string& nameOrPath) {
    if (QFileInfo::exists(QString::fromStdString(nameOrPath))) return nameOrPath;
    QString file = QString::fromStdString(nameOrPath);
    if (!file.endsWith(".json")) file += ".json";
    QStringList dirs;
    if (QCoreApplication::instance()) {
        QDir app(QCoreApplication::applicationDirPath());
        dirs << app.filePath("rulesets") << app.filePath("../share/vgscan/rulesets");
    }
    dirs << QDir(QStringLiteral(VGSCAN_SOURCE_DIR)).filePath("rulesets");
    for (const auto& d : dirs) {
        QString p = QDir(d).filePath(file);
        if (QFileInfo::exists(p)) return QDir::cleanPath(p).toStdString();
    }
    return nameOrPath;  // loadRuleSet reports it as not found
}

}  // namespace vgscan
