#pragma once
// The rule plugins and the rule set a command runs with, loaded the same way
// by every command that assesses sites (scan, check, select, plan).
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"

#include <QCommandLineParser>

namespace vgscan::cli {

// Loads the plugins from --plugins (or the default folders); prints each
// plugin that could not be loaded.
void loadPlugins(RuleRegistry& registry, const QCommandLineParser& p);

// loadPlugins, then the rule set named by --ruleset, checked against the
// plugins (an unknown rule or parameter must never run as a default). Prints
// every problem, prefixed with `who` ("vgscan select"); false means: exit 3.
bool loadRules(const QCommandLineParser& p, const char* who, RuleRegistry& registry, RuleSet& ruleset);

}  // namespace vgscan::cli
