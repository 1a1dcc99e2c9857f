#include "rules/RuleRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QLibrary>
#include <QPluginLoader>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace vgscan {

namespace {

std::string str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString().toStdString();
}

bool typeMatches(const std::string& type, const QJsonValue& v) {
    if (type == "number") return v.isDouble();
    if (type == "integer") return v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger());
    if (type == "text") return v.isString();
    if (type == "bool") return v.isBool();
    if (type == "list") return v.isArray();
    return false;
}

const char* jsonKind(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Null: return "null";
        case QJsonValue::Bool: return "true/false";
        case QJsonValue::Double: return "a number";
        case QJsonValue::String: return "text";
        case QJsonValue::Array: return "a list";
        case QJsonValue::Object: return "an object";
        default: return "nothing";
    }
}

}  // namespace

RuleInfo parseRuleInfo(const QJsonObject& meta, const std::string& file) {
    RuleInfo info;
    info.file = file;
    info.id = str(meta, "id");
    info.version = str(meta, "version");
    info.summary = str(meta, "summary");
    info.scope = str(meta, "scope");
    info.unit = str(meta, "unit");
    auto fail = [&](const std::string& what) {
        throw std::runtime_error(file + ": rule metadata: " + what);
    };
    if (info.id.empty()) fail("missing 'id'");
    if (info.version.empty()) fail("rule '" + info.id + "': missing 'version'");
    if (info.scope != "building" && info.scope != "site")
        fail("rule '" + info.id + "': 'scope' must be \"building\" or \"site\"");
    for (const auto& n : meta.value("needs").toArray()) info.needs.push_back(n.toString().toStdString());
    for (const auto& p : meta.value("parameters").toArray()) {
        QJsonObject po = p.toObject();
        ParameterSpec spec;
        spec.name = str(po, "name");
        spec.type = str(po, "type");
        spec.defaultValue = po.value("default");
        spec.unit = str(po, "unit");
        spec.description = str(po, "description");
        spec.source = str(po, "source");
        spec.bound = str(po, "bound");
        spec.figure = str(po, "figure");
        if (!spec.bound.empty() && spec.bound != "pass_max" && spec.bound != "warn_max" && spec.bound != "pass_min" &&
            spec.bound != "warn_min")
            fail("rule '" + info.id + "': parameter '" + spec.name +
                 "': 'bound' must be pass_max, warn_max, pass_min or warn_min");
        if (spec.name.empty()) fail("rule '" + info.id + "': a parameter has no 'name'");
        if (!typeMatches(spec.type, spec.defaultValue))
            fail("rule '" + info.id + "': parameter '" + spec.name + "' default does not match type '" +
                 spec.type + "'");
        if (spec.source.empty())
            fail("rule '" + info.id + "': parameter '" + spec.name +
                 "' names no source (write \"assumption\" when there is none)");
        if ((spec.type == "number" || spec.type == "integer") && spec.unit.empty())
            fail("rule '" + info.id + "': parameter '" + spec.name +
                 "' is a threshold without a unit (write its 'unit', \"ratio\" for a pure number)");
        info.parameters.push_back(std::move(spec));
    }
    return info;
}

RuleRegistry::RuleRegistry() = default;
RuleRegistry::~RuleRegistry() = default;

std::vector<std::string> RuleRegistry::defaultDirectories() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("VGSCAN_PLUGIN_PATH"); env && *env) {
        for (const auto& part : QString::fromLocal8Bit(env).split(':', Qt::SkipEmptyParts))
            dirs.push_back(part.toStdString());
        return dirs;
    }
    QString appDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QDir::currentPath();
    dirs.push_back(QDir(appDir).filePath("plugins").toStdString());
    dirs.push_back(QDir(appDir).filePath("../lib/vgscan/plugins").toStdString());
    return dirs;
}

void RuleRegistry::loadDirectory(const std::string& dir) {
    QDir d(QString::fromStdString(dir));
    if (!d.exists()) return;
    const auto files = d.entryInfoList(QDir::Files, QDir::Name);
    for (const auto& fi : files) {
        const QString path = fi.absoluteFilePath();
        if (!QLibrary::isLibrary(path)) continue;
        auto loader = std::make_unique<QPluginLoader>(path);
        const QJsonObject md = loader->metaData();
        const std::string file = path.toStdString();
        if (md.isEmpty()) {
            errors_.push_back({file, "not a Qt plugin (no metadata): " + loader->errorString().toStdString()});
            continue;
        }
        if (md.value("IID").toString() != QLatin1String(VGSCAN_RULE_IID)) continue;  // another kind of plugin
        try {
            RuleInfo info = parseRuleInfo(md.value("MetaData").toObject(), file);
            if (entries_.count(info.id)) {
                errors_.push_back({file, "rule '" + info.id + "' is already provided by " +
                                             entries_.at(info.id).info.file + "; this copy is ignored"});
                continue;
            }
            std::string id = info.id;
            entries_.emplace(id, Entry{std::move(info), std::move(loader)});
        } catch (const std::exception& e) {
            errors_.push_back({file, e.what()});
        }
    }
}

bool RuleRegistry::has(const std::string& id) const { return entries_.count(id) > 0; }

const RuleInfo& RuleRegistry::info(const std::string& id) const {
    auto it = entries_.find(id);
    if (it == entries_.end()) throw std::runtime_error("no rule plugin provides '" + id + "'");
    return it->second.info;
}

std::vector<const RuleInfo*> RuleRegistry::rules() const {
    std::vector<const RuleInfo*> out;
    for (const auto& [id, e] : entries_) out.push_back(&e.info);
    return out;
}

std::unique_ptr<Rule> RuleRegistry::create(const std::string& id) const {
    auto it = entries_.find(id);
    if (it == entries_.end()) throw std::runtime_error("no rule plugin provides '" + id + "'");
    QObject* obj = it->second.loader->instance();
    if (!obj)
        throw std::runtime_error("rule '" + id + "': plugin " + it->second.info.file +
                                 " failed to load: " + it->second.loader->errorString().toStdString());
    auto* factory = qobject_cast<RuleFactory*>(obj);
    if (!factory)
        throw std::runtime_error("rule '" + id + "': plugin " + it->second.info.file +
                                 " does not implement the rule interface " VGSCAN_RULE_IID);
    auto rule = factory->create();
    if (!rule) throw std::runtime_error("rule '" + id + "': plugin returned no rule");
    return rule;
}

Params RuleRegistry::resolveParams(const std::string& id, const QJsonObject& overrides) const {
    const RuleInfo& ri = info(id);
    QJsonObject values;
    for (const auto& p : ri.parameters) values.insert(QString::fromStdString(p.name), p.defaultValue);
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        const std::string name = it.key().toStdString();
        auto spec = std::find_if(ri.parameters.begin(), ri.parameters.end(),
                                 [&](const ParameterSpec& p) { return p.name == name; });
        if (spec == ri.parameters.end())
            throw std::runtime_error("rule '" + id + "' has no parameter '" + name + "'");
        if (!typeMatches(spec->type, it.value()))
            throw std::runtime_error("rule '" + id + "': parameter '" + name + "' must be of type " + spec->type +
                                     ", not " + jsonKind(it.value()));
        values.insert(it.key(), it.value());
    }
    return Params(values);
}

}  // namespace vgscan
