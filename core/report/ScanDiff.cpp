#include "report/ScanDiff.h"

#include "i18n/Language.h"
#include "i18n/Terms.h"
#include "io/InputError.h"
#include "io/JsonSlim.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace vgscan {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QJsonValue& v) { return v.toString().toStdString(); }

// A site's verdict as the scan's report and table show it: a site that could
// not be assessed is "failed" (scan.json keeps needs_data beside failed: true).
std::string verdictOf(const QJsonObject& site) {
    return site["failed"].toBool() ? std::string("failed") : s(site["verdict"]);
}

// Figures are written with full double precision; a rerun on another machine
// may differ in the last bits. Those are not changes.
bool same(const QJsonValue& a, const QJsonValue& b) {
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size()) return false;
        for (qsizetype i = 0; i < x.size(); ++i)
            if (!same(x[i], y[i])) return false;
        return true;
    }
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys()) return false;
        for (auto it = x.begin(); it != x.end(); ++it)
            if (!same(it.value(), y.value(it.key()))) return false;
        return true;
    }
    return a == b;
}

// As people read it: the decimal comma in Dutch (i18n::shownNumber).
std::string number(double v) {
    if (v != 0 && std::fabs(v) < 0.01) return i18n::shownNumber(QString::number(v, 'g', 3).toStdString());
    QString t = QString::number(v, 'f', 2);
    while (t.contains('.') && (t.endsWith('0') || t.endsWith('.'))) t.chop(1);
    return i18n::shownNumber(t.toStdString());
}

std::string text(const QJsonValue& v) {
    using i18n::tx;
    switch (v.type()) {
    case QJsonValue::Undefined: return tx("diff", "absent");
    case QJsonValue::Null: return tx("diff", "none");
    case QJsonValue::Bool: return v.toBool() ? tx("diff", "yes") : tx("diff", "no");
    case QJsonValue::Double: return number(v.toDouble());
    case QJsonValue::String: return v.toString().toStdString();
    case QJsonValue::Array: {
        // "; " in Dutch, where the comma is the decimal mark.
        const std::string between = i18n::language() == i18n::Language::Dutch ? "; " : ", ";
        std::string out;
        for (const auto& e : v.toArray()) out += (out.empty() ? "" : between) + text(e);
        return "[" + out + "]";
    }
    case QJsonValue::Object:
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString();
    }
    return "";
}

void compare(std::vector<Change>& out, const std::string& what, const QJsonValue& a, const QJsonValue& b,
             const std::string& unit = "") {
    if (!same(a, b)) out.push_back({what, a, b, unit});
}

std::string ruleKey(const QJsonObject& r) {
    return r.contains("key") ? s(r["key"]) : s(r["rule"]);
}

// Per site: the sorted ids of the cluster it is in ("S01+S03"), from "clusters".
std::map<std::string, std::string> clusterOf(const QJsonObject& scan) {
    std::map<std::string, std::string> of;
    for (const auto& c : scan["clusters"].toArray()) {
        std::vector<std::string> ids;
        for (const auto& site : c.toObject()["sites"].toArray()) ids.push_back(s(site.toObject()["id"]));
        std::sort(ids.begin(), ids.end());
        std::string members;
        for (const auto& id : ids) members += (members.empty() ? "" : "+") + id;
        for (const auto& id : ids) of[id] = members;
    }
    return of;
}

QJsonValue clustersValue(const QJsonObject& scan) {
    std::set<std::string> sets;
    for (const auto& [id, members] : clusterOf(scan)) sets.insert(members);
    QJsonArray a;
    for (const auto& m : sets) a.append(q(m));
    return a;
}

QJsonValue choiceValue(const QJsonObject& scan) {
    const QJsonObject sel = scan["selection"].toObject();
    if (!scan.contains("selection")) return QJsonValue(QJsonValue::Undefined);
    if (!sel["made"].toBool()) return QJsonValue(QJsonValue::Null);
    QStringList chosen;
    for (const auto& c : sel["chosen"].toArray()) chosen << c.toString();
    chosen.sort();
    return QJsonArray::fromStringList(chosen);
}

// The fields a scan.json of an earlier vgscan lacks altogether: a field no
// site (no rule result) of a scan holds was not recorded by the vgscan that
// wrote it, and is compared with nothing (it did not change from "none").
// Only fields every scan of today writes for every site (result): an
// optional one (a rule's error) may be absent from a whole scan.
struct Recorded {
    bool ruleset = false, selection = false, clusters = false, sensitivity = false, friction = false, version = false;
};

Recorded recorded(const QJsonObject& scan) {
    Recorded r;
    r.ruleset = scan.contains("ruleset");
    r.selection = scan.contains("selection");
    r.clusters = scan.contains("clusters");
    for (const auto& v : scan["sites"].toArray()) {
        const QJsonObject site = v.toObject();
        r.sensitivity = r.sensitivity || site.contains("sensitivity");
        r.friction = r.friction || site.contains("friction_cost");
        for (const auto& res : site["results"].toArray()) r.version = r.version || res.toObject().contains("version");
    }
    return r;
}

// What `r` lacks and `other` has, by the names the diff gives the fields.
std::vector<std::string> lacking(const Recorded& r, const Recorded& other) {
    std::vector<std::string> out;
    if (!r.ruleset && other.ruleset) out.push_back("rule set");
    if (!r.selection && other.selection) out.push_back("regional choice");
    if (!r.clusters && other.clusters) out.push_back("clusters");
    if (!r.sensitivity && other.sensitivity) out.push_back("stable");
    if (!r.friction && other.friction) out.push_back("friction cost");
    if (!r.version && other.version) out.push_back("rule version");
    return out;
}

// The names the diff gives the fields it compares (Change::what, the JSON's
// "what" and "not_recorded", English) as the text shows them. A rule
// parameter's name is the rule set's key and stays as written there.
const char* const kFieldNames[] = {
    QT_TRANSLATE_NOOP("diff", "rule set"),  QT_TRANSLATE_NOOP("diff", "regional choice"),
    QT_TRANSLATE_NOOP("diff", "clusters"),  QT_TRANSLATE_NOOP("diff", "stable"),
    QT_TRANSLATE_NOOP("diff", "friction cost"), QT_TRANSLATE_NOOP("diff", "rule version"),
    QT_TRANSLATE_NOOP("diff", "name"),      QT_TRANSLATE_NOOP("diff", "profile"),
    QT_TRANSLATE_NOOP("diff", "plan"),      QT_TRANSLATE_NOOP("diff", "failed"),
    QT_TRANSLATE_NOOP("diff", "score"),     QT_TRANSLATE_NOOP("diff", "places"),
    QT_TRANSLATE_NOOP("diff", "bedrooms"),  QT_TRANSLATE_NOOP("diff", "cluster"),
    QT_TRANSLATE_NOOP("diff", "status"),    QT_TRANSLATE_NOOP("diff", "value"),
    QT_TRANSLATE_NOOP("diff", "unit"),      QT_TRANSLATE_NOOP("diff", "version"),
    QT_TRANSLATE_NOOP("diff", "error"),     QT_TRANSLATE_NOOP("diff", "in scope"),
    QT_TRANSLATE_NOOP("diff", "threshold"), QT_TRANSLATE_NOOP("diff", "rule"),
    QT_TRANSLATE_NOOP("diff", "severity"),
};
const std::string kFigure = "figure ";

std::string fieldLabel(const std::string& what) {
    for (const char* name : kFieldNames)
        if (what == name) return i18n::tx("diff", name);
    if (what.rfind(kFigure, 0) == 0) return i18n::arg(i18n::tx("diff", "figure %1"), what.substr(kFigure.size()));
    return what;
}

ScanSide side(const QJsonObject& scan, const std::string& file) {
    ScanSide x;
    x.file = file;
    x.portfolio = s(scan["portfolio"]);
    x.ruleset = s(scan["ruleset"]);
    x.rulesetFile = s(scan["ruleset_file"]);
    x.rulesetSha256 = s(scan["ruleset_sha256"]);
    x.sites = static_cast<std::size_t>(scan["sites"].toArray().size());
    return x;
}

void diffRuleset(ScanDiff& d, const QJsonObject& from, const QJsonObject& to) {
    d.rulesetKnown = !d.from.rulesetSha256.empty() && !d.to.rulesetSha256.empty();
    d.rulesetChanged = d.rulesetKnown ? d.from.rulesetSha256 != d.to.rulesetSha256 : d.from.ruleset != d.to.ruleset;
    if (!from.contains("ruleset_rules") || !to.contains("ruleset_rules")) return;
    const QJsonObject a = from["ruleset_rules"].toObject(), b = to["ruleset_rules"].toObject();
    QStringList keys = a.keys();
    for (const auto& k : b.keys())
        if (!a.contains(k)) keys << k;
    for (const auto& k : keys) {
        const QJsonObject x = a[k].toObject(), y = b[k].toObject();
        RuleChange rc{k.toStdString(), s(y.contains("rule") ? y["rule"] : x["rule"]), {}, {}, ""};
        if (!a.contains(k) || !b.contains(k)) {
            compare(rc.changes, "rule", a.contains(k) ? x["rule"] : QJsonValue(QJsonValue::Undefined),
                    b.contains(k) ? y["rule"] : QJsonValue(QJsonValue::Undefined));
        } else {
            compare(rc.changes, "rule", x["rule"], y["rule"]);
            compare(rc.changes, "severity", x["severity"], y["severity"]);
            const QJsonObject px = x["parameters"].toObject(), py = y["parameters"].toObject();
            QStringList names = px.keys();
            for (const auto& n : py.keys())
                if (!px.contains(n)) names << n;
            for (const auto& n : names) compare(rc.changes, n.toStdString(), px.value(n), py.value(n));
        }
        if (!rc.changes.empty()) d.rulesetRules.push_back(rc);
    }
}

// The outcome of one rule at one site; thresholds that moved without it go to `thresholds`.
bool diffRule(RuleChange& rc, const QJsonObject& a, const QJsonObject& b, bool bothRecordVersion,
              std::map<std::tuple<std::string, std::string, std::string>, std::size_t>& thresholds) {
    compare(rc.changes, "status", a["status"], b["status"]);
    compare(rc.changes, "value", a["value"], b["value"], s(b["unit"]));
    compare(rc.changes, "unit", a["unit"], b["unit"]);
    if (bothRecordVersion) compare(rc.changes, "version", a["version"], b["version"]);
    compare(rc.changes, "error", a["error"], b["error"]);
    compare(rc.changes, "in scope", a["in_scope"], b["in_scope"]);
    std::map<std::string, std::pair<QJsonObject, QJsonObject>> figures;
    for (const auto& f : a["figures"].toArray()) figures[s(f.toObject()["name"])].first = f.toObject();
    for (const auto& f : b["figures"].toArray()) figures[s(f.toObject()["name"])].second = f.toObject();
    for (const auto& [name, fs] : figures)
        compare(rc.changes, kFigure + name, fs.first.isEmpty() ? QJsonValue(QJsonValue::Undefined) : fs.first["value"],
                fs.second.isEmpty() ? QJsonValue(QJsonValue::Undefined) : fs.second["value"],
                s(fs.second.isEmpty() ? fs.first["unit"] : fs.second["unit"]));
    const bool outcome = !rc.changes.empty();
    if (!same(a["threshold"], b["threshold"])) {
        if (outcome)
            compare(rc.changes, "threshold", a["threshold"], b["threshold"]);
        else
            ++thresholds[{rc.key, s(a["threshold"]), s(b["threshold"])}];
    }
    rc.value = b["value"];
    rc.unit = s(b["unit"]);
    return outcome;
}

SiteChange diffSite(const QJsonObject& a, const QJsonObject& b, const std::string& clusterA,
                    const std::string& clusterB, const Recorded& both,
                    std::map<std::tuple<std::string, std::string, std::string>, std::size_t>& thresholds) {
    SiteChange c;
    c.id = s(b["id"]);
    c.name = s(b["name"]);
    c.verdictFrom = verdictOf(a);
    c.verdictTo = verdictOf(b);
    compare(c.fields, "name", a["name"], b["name"]);
    compare(c.fields, "profile", a["profile"], b["profile"]);
    compare(c.fields, "plan", a["plan"], b["plan"]);
    compare(c.fields, "failed", a["failed"], b["failed"]);
    compare(c.fields, "score", a["score"], b["score"], "%");
    compare(c.fields, "places", a["places"], b["places"]);
    compare(c.fields, "bedrooms", a["bedrooms"], b["bedrooms"]);
    if (both.clusters)
        compare(c.fields, "cluster", clusterA.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(clusterA)),
                clusterB.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(clusterB)));
    if (both.sensitivity)
        compare(c.fields, "stable", a["sensitivity"].toObject()["stable"], b["sensitivity"].toObject()["stable"]);
    if (both.friction)
        compare(c.fields, "friction cost", a["friction_cost"].toObject()["total"], b["friction_cost"].toObject()["total"],
                s(b["friction_cost"].toObject()["currency"]));

    // A site that failed in one scan has no rule results there: every rule
    // would read "status pass -> absent"; its reason (now) says why instead.
    if (a["failed"].toBool() != b["failed"].toBool()) {
        for (const auto& r : b["reasons"].toArray()) c.reasons.push_back(s(r));
        return c;
    }
    std::vector<std::string> order;
    std::map<std::string, std::pair<QJsonObject, QJsonObject>> rules;
    for (const auto& r : a["results"].toArray()) {
        const std::string k = ruleKey(r.toObject());
        if (!rules.count(k)) order.push_back(k);
        rules[k].first = r.toObject();
    }
    for (const auto& r : b["results"].toArray()) {
        const std::string k = ruleKey(r.toObject());
        if (!rules.count(k)) order.push_back(k);
        rules[k].second = r.toObject();
    }
    for (const auto& k : order) {
        const auto& [x, y] = rules[k];
        RuleChange rc{k, s(y.isEmpty() ? x["rule"] : y["rule"]), {}, {}, ""};
        if (x.isEmpty() || y.isEmpty()) {
            compare(rc.changes, "status", x.isEmpty() ? QJsonValue(QJsonValue::Undefined) : x["status"],
                    y.isEmpty() ? QJsonValue(QJsonValue::Undefined) : y["status"]);
            rc.value = y.isEmpty() ? x["value"] : y["value"];
            rc.unit = s(y.isEmpty() ? x["unit"] : y["unit"]);
            c.rules.push_back(rc);
        } else if (diffRule(rc, x, y, both.version, thresholds)) {
            c.rules.push_back(rc);
        }
    }
    if (c.verdictFrom != c.verdictTo)
        for (const auto& r : b["reasons"].toArray()) c.reasons.push_back(s(r));
    return c;
}

QJsonObject changeJson(const Change& c) {
    QJsonObject o{{"what", q(c.what)},
                  {"from", c.from.isUndefined() ? QJsonValue(QJsonValue::Null) : c.from},
                  {"to", c.to.isUndefined() ? QJsonValue(QJsonValue::Null) : c.to}};
    if (c.from.isUndefined()) o["from_absent"] = true;
    if (c.to.isUndefined()) o["to_absent"] = true;
    if (!c.unit.empty()) o["unit"] = q(c.unit);
    return o;
}

QJsonArray changesJson(const std::vector<Change>& v) {
    QJsonArray a;
    for (const auto& c : v) a.append(changeJson(c));
    return a;
}

QJsonArray rulesJson(const std::vector<RuleChange>& v) {
    QJsonArray a;
    for (const auto& r : v) {
        QJsonObject o{{"key", q(r.key)}, {"rule", q(r.rule)}, {"changes", changesJson(r.changes)}};
        if (!r.value.isUndefined()) o["value"] = r.value;
        if (!r.unit.empty()) o["unit"] = q(r.unit);
        a.append(o);
    }
    return a;
}

QJsonObject sideJson(const ScanSide& x) {
    return {{"file", q(x.file)},
            {"portfolio", q(x.portfolio)},
            {"ruleset", q(x.ruleset)},
            {"ruleset_file", q(x.rulesetFile)},
            {"ruleset_sha256", x.rulesetSha256.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(x.rulesetSha256))},
            {"sites", static_cast<double>(x.sites)}};
}

QJsonArray refsJson(const std::vector<SiteRef>& v) {
    QJsonArray a;
    for (const auto& r : v) a.append(QJsonObject{{"id", q(r.id)}, {"name", q(r.name)}, {"verdict", q(r.verdict)}});
    return a;
}

std::string withUnit(const QJsonValue& v, const std::string& unit) {
    const std::string t = text(v);
    if (unit.empty() || !v.isDouble()) return t;
    return t + (unit == "%" ? "" : " ") + unit;
}

}  // namespace

std::string changeText(const Change& c) {
    auto side = [&](const QJsonValue& v) {
        if (c.what == "status" && v.isString()) return i18n::statusLabel(s(v));
        const std::string t = withUnit(v, c.unit);
        return v.isString() && c.what == "threshold" ? "'" + i18n::shownNumber(t) + "'" : t;
    };
    return fieldLabel(c.what) + " " + side(c.from) + " -> " + side(c.to);
}

std::string changesText(const std::vector<Change>& v) {
    std::string out;
    for (const auto& c : v) out += (out.empty() ? "" : "; ") + changeText(c);
    return out;
}

QJsonObject readScanJson(const std::string& path, const std::vector<std::string>& keep) {
    QString file = q(path);
    if (QFileInfo(file).isDir()) file = QDir(file).filePath("scan.json");
    const std::string name = file.toStdString();
    QFile f(file);
    if (!f.exists()) throw InputError(name, "", "file not found");
    if (!f.open(QIODevice::ReadOnly)) throw InputError(name, "", "cannot be read: " + f.errorString().toStdString());
    QJsonParseError err;
    QByteArray text;
    if (!keep.empty()) {
        std::vector<std::string> paths = keep;
        paths.push_back("sites[].id");
        // Mapped, not read: the file is scanned once and never copied whole.
        const qint64 size = f.size();
        const uchar* mapped = size > 0 ? f.map(0, size) : nullptr;
        const QByteArray read = mapped ? QByteArray() : f.readAll();
        const std::string_view all = mapped ? std::string_view(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(size))
                                            : std::string_view(read.constData(), static_cast<std::size_t>(read.size()));
        try {
            text = QByteArray::fromStdString(json::slim(all, paths));
        } catch (const json::SlimError& e) {
            throw InputError(name, "", "not valid JSON at offset " + std::to_string(e.offset) + ": " + e.what());
        }
    } else {
        text = f.readAll();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (doc.isNull())
        throw InputError(name, "", "not valid JSON at offset " + std::to_string(err.offset) + ": " +
                                       err.errorString().toStdString());
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o["sites"].isArray())
        throw InputError(name, "", "not a vgscan scan.json (no 'sites' array; give the scan.json of `vgscan scan`)");
    std::set<std::string> ids;
    const QJsonArray sites = o["sites"].toArray();
    for (qsizetype i = 0; i < sites.size(); ++i) {
        const std::string id = s(sites[i].toObject()["id"]);
        const std::string where = "sites[" + std::to_string(i) + "]";
        if (!sites[i].isObject() || id.empty()) throw InputError(name, where, "has no site id");
        if (!ids.insert(id).second) throw InputError(name, "site '" + id + "'", "is given twice");
        if (!sites[i].toObject()["results"].isArray() && sites[i].toObject().contains("results"))
            throw InputError(name, "site '" + id + "'", "'results' is not an array");
    }
    return o;
}

ScanDiff diffScans(const QJsonObject& from, const QJsonObject& to, const std::string& fromFile,
                   const std::string& toFile) {
    ScanDiff d;
    d.from = side(from, fromFile);
    d.to = side(to, toFile);
    const Recorded inFrom = recorded(from), inTo = recorded(to);
    d.notRecordedFrom = lacking(inFrom, inTo);
    d.notRecordedTo = lacking(inTo, inFrom);
    const Recorded both{inFrom.ruleset && inTo.ruleset,         inFrom.selection && inTo.selection,
                        inFrom.clusters && inTo.clusters,       inFrom.sensitivity && inTo.sensitivity,
                        inFrom.friction && inTo.friction,       inFrom.version && inTo.version};
    diffRuleset(d, from, to);
    if (!both.ruleset) d.rulesetChanged = false;  // a name not recorded did not change

    std::map<std::string, QJsonObject> old;
    for (const auto& v : from["sites"].toArray()) old[s(v.toObject()["id"])] = v.toObject();
    std::set<std::string> inNew;
    const auto clustersA = clusterOf(from), clustersB = clusterOf(to);
    auto clusterIn = [](const std::map<std::string, std::string>& m, const std::string& id) {
        const auto it = m.find(id);
        return it == m.end() ? std::string() : it->second;
    };
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> thresholds;
    for (const auto& v : to["sites"].toArray()) {
        const QJsonObject b = v.toObject();
        const std::string id = s(b["id"]);
        inNew.insert(id);
        const auto it = old.find(id);
        if (it == old.end()) {
            d.added.push_back({id, s(b["name"]), verdictOf(b)});
            continue;
        }
        SiteChange c = diffSite(it->second, b, clusterIn(clustersA, id), clusterIn(clustersB, id), both, thresholds);
        if (c.verdictFrom != c.verdictTo || !c.fields.empty() || !c.rules.empty())
            d.changed.push_back(std::move(c));
        else
            ++d.unchanged;
    }
    for (const auto& v : from["sites"].toArray()) {
        const QJsonObject a = v.toObject();
        if (!inNew.count(s(a["id"]))) d.removed.push_back({s(a["id"]), s(a["name"]), verdictOf(a)});
    }
    for (const auto& [k, n] : thresholds) d.thresholds.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), n});
    if (both.clusters) compare(d.portfolioChanges, "clusters", clustersValue(from), clustersValue(to));
    if (both.selection) compare(d.portfolioChanges, "regional choice", choiceValue(from), choiceValue(to));
    return d;
}

void writeDiffText(std::ostream& out, const ScanDiff& d, const std::function<std::string(const std::string&)>& reason) {
    using i18n::arg;
    using i18n::tx;
    using i18n::verdictLabel;
    auto sideLine = [&](const std::string& label, const ScanSide& x, bool recordsRuleset) {
        out << "  " << label << " "
            << (!recordsRuleset ? arg(tx("diff", "%1: %2 sites, rule set not recorded"), x.file, std::to_string(x.sites))
                          : arg(tx("diff", "%1: %2 sites, rule set %3 (sha256 %4)"), x.file, std::to_string(x.sites),
                                x.ruleset, x.rulesetSha256.empty() ? tx("diff", "not recorded") : x.rulesetSha256.substr(0, 12)))
            << "\n";
    };
    out << tx("diff", "Scan diff") << "\n";
    sideLine(tx("diff", "old:"), d.from, d.fromRecordsRuleset());
    sideLine(tx("diff", "new:"), d.to, d.toRecordsRuleset());
    // Said once, not as a change at every site.
    auto notRecorded = [&](const char* pattern, const std::vector<std::string>& fields) {
        if (fields.empty()) return;
        std::string list;
        for (const auto& f : fields) list += (list.empty() ? "" : ", ") + fieldLabel(f);
        out << "\n" << arg(tx("diff", pattern), list) << "\n";
    };
    notRecorded(QT_TRANSLATE_NOOP("diff", "The old scan does not record %1 (made by an earlier vgscan): not compared."),
                d.notRecordedFrom);
    notRecorded(QT_TRANSLATE_NOOP("diff", "The new scan does not record %1 (made by an earlier vgscan): not compared."),
                d.notRecordedTo);

    if (!d.rulesetRecorded()) {
        // said above
    } else if (!d.rulesetKnown)
        out << "\n"
            << (d.rulesetChanged ? tx("diff", "Rule set: changed (name); a scan does not record its hash (made before vgscan "
                                              "recorded it), so edits are not known")
                                 : tx("diff", "Rule set: same name; a scan does not record its hash (made before vgscan "
                                              "recorded it), so edits are not known"))
            << "\n";
    else if (d.rulesetChanged || !d.rulesetRules.empty())
        out << "\n" << tx("report", "Rule set changed:") << "\n";
    else
        out << "\n" << tx("diff", "Rule set: unchanged") << "\n";
    for (const auto& r : d.rulesetRules) out << "  " << r.key << ": " << changesText(r.changes) << "\n";
    if (d.rulesetChanged && d.rulesetRules.empty() && d.rulesetKnown)
        out << "  (" << tx("report", "no rule parameter changed: the verdict policy, sources or text of the file did") << ")\n";
    for (const auto& t : d.thresholds)
        out << "  "
            << arg(tx("report", "%1: threshold '%2' -> '%3' at %4 sites where the outcome held"), t.key,
                   i18n::shownNumber(t.from), i18n::shownNumber(t.to), std::to_string(t.sites))
            << "\n";

    auto refs = [&](const std::string& label, const std::vector<SiteRef>& v) {
        if (v.empty()) return;
        out << "\n" << label << " (" << v.size() << "):\n";
        for (const auto& r : v) out << "  " << r.id << "  " << r.name << "  (" << verdictLabel(r.verdict) << ")\n";
    };
    refs(tx("report", "Sites added"), d.added);
    refs(tx("report", "Sites removed"), d.removed);

    if (d.changed.empty()) {
        out << "\n" << arg(tx("report", "No site changed (%1 compared)."), std::to_string(d.unchanged)) << "\n";
    } else {
        out << "\n"
            << arg(tx("diff", "Sites changed (%1; %2 unchanged):"), std::to_string(d.changed.size()), std::to_string(d.unchanged))
            << "\n";
        for (const auto& c : d.changed) {
            out << "  " << c.id << "  " << c.name << ": ";
            if (c.verdictFrom != c.verdictTo)
                out << arg(tx("diff", "verdict %1 -> %2"), verdictLabel(c.verdictFrom), verdictLabel(c.verdictTo)) << "\n";
            else
                out << arg(tx("diff", "verdict %1 (held)"), verdictLabel(c.verdictTo)) << "\n";
            for (const auto& r : c.rules) {
                out << "    " << r.key << ": " << changesText(r.changes);
                const bool valueMoved = std::any_of(r.changes.begin(), r.changes.end(),
                                                    [](const Change& x) { return x.what == "value"; });
                if (!valueMoved && !r.value.isUndefined() && !r.value.isNull())
                    out << " (" << arg(tx("diff", "value %1"), withUnit(r.value, r.unit)) << ")";
                out << "\n";
            }
            if (!c.fields.empty()) out << "    " << changesText(c.fields) << "\n";
            if (!c.reasons.empty()) out << "    " << arg(tx("diff", "now: %1"), reason ? reason(c.reasons.front()) : c.reasons.front()) << "\n";
        }
    }
    if (!d.portfolioChanges.empty()) {
        out << "\n" << tx("report", "Portfolio:") << "\n";
        for (const auto& c : d.portfolioChanges) out << "  " << changeText(c) << "\n";
    }
}

QJsonObject toJson(const ScanDiff& d) {
    QJsonObject o;
    o["from"] = sideJson(d.from);
    o["to"] = sideJson(d.to);
    QJsonArray thresholds;
    for (const auto& t : d.thresholds)
        thresholds.append(QJsonObject{{"key", q(t.key)}, {"from", q(t.from)}, {"to", q(t.to)},
                                      {"sites", static_cast<double>(t.sites)}});
    o["ruleset"] = QJsonObject{{"changed", d.rulesetChanged},
                               {"hash_recorded", d.rulesetKnown},
                               {"rules", rulesJson(d.rulesetRules)},
                               {"thresholds_outcome_held", thresholds}};
    o["added"] = refsJson(d.added);
    o["removed"] = refsJson(d.removed);
    QJsonArray changed;
    for (const auto& c : d.changed) {
        QJsonObject x{{"id", q(c.id)},
                      {"name", q(c.name)},
                      {"verdict", QJsonObject{{"from", q(c.verdictFrom)}, {"to", q(c.verdictTo)}}},
                      {"verdict_changed", c.verdictFrom != c.verdictTo},
                      {"fields", changesJson(c.fields)},
                      {"rules", rulesJson(c.rules)}};
        if (!c.reasons.empty()) {
            QJsonArray reasons;
            for (const auto& r : c.reasons) reasons.append(q(r));
            x["reasons"] = reasons;
        }
        changed.append(x);
    }
    o["changed"] = changed;
    o["unchanged"] = static_cast<double>(d.unchanged);
    o["portfolio"] = changesJson(d.portfolioChanges);
    auto names = [](const std::vector<std::string>& v) {
        QJsonArray a;
        for (const auto& n : v) a.append(q(n));
        return a;
    };
    o["not_recorded"] = QJsonObject{{"from", names(d.notRecordedFrom)}, {"to", names(d.notRecordedTo)}};
    return o;
}

}  // namespace vgscan
