#pragma once
// The classifier's reasons in the chosen language. The classifier writes its
// reasons in English, once, because they are data too (scan.json, sites.csv);
// the pages for people translate them when they show them. A reason is built
// from the shapes in core/classify/Classifier.cpp ("not convert_vg7: sight_lines
// fail: 1.9 % (needs >= 90) (renovation cannot fix it)"): each shape is a
// translatable pattern here, matched whole, its parts translated in turn
// (verdict names, statuses, "needs"); the explanations the rule set gives
// come from its "explain_nl" fields. Rule summaries and findings that plugins
// write stay as the plugin wrote them. In English every text comes back
// unchanged.
#include <map>
#include <set>
#include <string>

namespace vgscan {
struct RuleSet;
}

namespace vgscan::i18n {

class ReasonTranslator {
public:
    // The Dutch explanations of `rs` ("explain_nl", "otherwise_explain_nl"
    // in its file, beside "explain" and "otherwise_explain") and its rules'
    // Dutch titles ("title_nl"), which name the rules in the reasons.
    explicit ReasonTranslator(const RuleSet& rs);
    std::string operator()(const std::string& reason) const;
    // Rule key -> its Dutch title; empty in English.
    const std::map<std::string, std::string>& ruleTitles() const { return titles_; }

private:
    bool dutch_ = false;
    std::map<std::string, std::string> explained_;  // English explanation -> Dutch
    std::map<std::string, std::string> titles_;     // rule key -> its Dutch title ("title_nl")
    std::set<std::string> pluralTitles_;            // keys whose title is plural ("title_nl_plural": true)
};

}  // namespace vgscan::i18n
