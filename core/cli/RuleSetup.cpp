#include "cli/RuleSetup.h"

#include <iostream>

namespace vgscan::cli {

void loadPlugins(RuleRegistry& registry, const QCommandLineParser& p) {
    const QStringList dirs = p.values("plugins");
    if (dirs.isEmpty())
        for (const auto& d : RuleRegistry::defaultDirectories()) registry.loadDirectory(d);
    else
        for (const auto& d : dirs) registry.loadDirectory(d.toStdString());
    for (const auto& e : registry.errors()) std::cerr << "vgscan: plugin " << e.file << ": " << e.message << "\n";
}

bool loadRules(const QCommandLineParser& p, const char* who, RuleRegistry& registry, RuleSet& ruleset) {
    loadPlugins(registry, p);
    try {
        ruleset = loadRuleSet(findRuleSet(p.value("ruleset").toStdString()));
    } catch (const std::exception& e) {
        std::cerr << who << ": " << e.what() << "\n";
        return false;
    }
    const auto problems = checkAgainst(ruleset, registry);
    for (const auto& problem : problems) std::cerr << "vgscan: " << problem << "\n";
    return problems.empty();
}

}  // namespace vgscan::cli
