#pragma once
// Finds rule plugins in directories, reads their metadata without creating
// the rule (as GDAL reads a driver's metadata), and creates rules by id.
// The core never names a concrete rule: everything comes from here.
#include "rules/Rule.h"

#include <QJsonObject>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QPluginLoader;

namespace vgscan {

struct ParameterSpec {
    std::string name;
    std::string type;  // number, integer, text, bool, list
    QJsonValue defaultValue;
    std::string unit;
    std::string description;
    std::string source;  // where the default comes from, or "assumption"
    // A threshold the rule compares its headline figure with ("pass_max",
    // "warn_max", "pass_min", "warn_min"; empty: not such a threshold). Only
    // rules whose status follows from these alone declare them, so a verdict's
    // sensitivity can be worked out from the stored figure (classify/Sensitivity).
    std::string bound;
    std::string figure;  // the named figure it bounds; empty: the headline
};

struct RuleInfo {
    std::string id;
    std::string version;
    std::string summary;
    std::string scope;  // "building" (runs in check and scan) or "site" (scan only)
    std::string unit;   // unit of the headline figure
    std::vector<std::string> needs;
    std::vector<ParameterSpec> parameters;
    std::string file;  // the plugin library
};

// Parses and checks rule metadata (the object under "MetaData"); throws
// std::runtime_error naming the problem.
RuleInfo parseRuleInfo(const QJsonObject& meta, const std::string& file);

struct PluginLoadError {
    std::string file;
    std::string message;
};

class RuleRegistry {
public:
    RuleRegistry();
    ~RuleRegistry();
    RuleRegistry(const RuleRegistry&) = delete;
    RuleRegistry& operator=(const RuleRegistry&) = delete;

    // Scans a directory for plugins; problems are recorded in errors().
    void loadDirectory(const std::string& dir);
    // The directories searched by default: $VGSCAN_PLUGIN_PATH (':'-separated),
    // else `plugins/` next to the executable and ../lib/vgscan/plugins.
    static std::vector<std::string> defaultDirectories();

    bool has(const std::string& id) const;
    const RuleInfo& info(const std::string& id) const;  // throws if unknown
    std::vector<const RuleInfo*> rules() const;          // sorted by id
    const std::vector<PluginLoadError>& errors() const { return errors_; }

    // Creates the rule; throws std::runtime_error when the plugin cannot be
    // instantiated (the message names the plugin file).
    std::unique_ptr<Rule> create(const std::string& id) const;

    // Defaults overlaid with `overrides` (values only); throws on unknown names
    // or wrong types, naming rule and parameter.
    Params resolveParams(const std::string& id, const QJsonObject& overrides) const;

private:
    struct Entry {
        RuleInfo info;
        std::unique_ptr<QPluginLoader> loader;
    };
    std::map<std::string, Entry> entries_;
    std::vector<PluginLoadError> errors_;
};

}  // namespace vgscan
