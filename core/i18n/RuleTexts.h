#pragma once
// The texts rules write for people (summaries, findings, expected and
// observed values, thresholds, labels, units) in the chosen language.
//
// A rule writes English from patterns marked QT_TRANSLATE_NOOP("rules", ...)
// and filled by kit::say() (rules/RuleKit.h); lupdate collects them from
// plugins/ into core/i18n/vgscan_nl.ts beside the core's texts. The .ts is
// embedded too: its "rules" context is the catalogue of patterns. A text is
// matched against the patterns (the most literal text first) and the Dutch
// pattern is filled with the parts, each translated in turn ("lacks %1" with
// "a shower"). The core knows no rule: only the catalogue its plugins marked.
// A text no pattern matches comes back unchanged, and so does every text in
// English.
#include <string>
#include <vector>

namespace vgscan::i18n {

std::string ruleText(const std::string& english);

// kit::say() notes each text it fills (in Dutch only: English needs nothing).
void noteSaid(const char* pattern, const std::vector<std::string>& parts, const std::string& text);

// The number of patterns and plain texts in the catalogue (0 in English or
// when the .ts is not embedded); for tests.
std::size_t ruleTextCount();

}  // namespace vgscan::i18n
