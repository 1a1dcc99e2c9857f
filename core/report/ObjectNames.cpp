#include "report/ObjectNames.h"

#include <algorithm>
#include <map>

namespace vgscan {

namespace {

// Characters that can be part of an id: an id next to one of them is part of
// a longer id (B1 in B10, a GlobalId inside another).
bool idChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
}

}  // namespace

ObjectNames::ObjectNames(const FloorPlan& plan) : plan_(plan) {
    std::map<std::string, int> uses;
    for (const auto& s : plan.spaces) ++uses[s.name];
    for (const auto& s : plan.spaces) {
        // An empty id stands nowhere as a word (it would match at every word
        // start without moving on); there is nothing to replace.
        if (s.id.empty() || s.name.empty() || s.name == s.id) continue;
        replace_.emplace_back(s.id, uses[s.name] > 1 ? s.name + " (" + s.id + ")" : s.name);
    }
    std::stable_sort(replace_.begin(), replace_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (std::size_t k = 0; k < replace_.size(); ++k)
        byFirst_[static_cast<unsigned char>(replace_[k].first[0])].push_back(static_cast<std::uint32_t>(k));
}

std::string ObjectNames::spaceName(const std::string& id) const {
    const Space* s = plan_.findSpace(id);
    return s && !s->name.empty() && s->name != id ? s->name : std::string();
}

std::string ObjectNames::label(const std::string& id) const {
    const std::string name = spaceName(id);
    return name.empty() ? id : name + " (" + id + ")";
}

std::string ObjectNames::withNames(const std::string& text) const {
    if (replace_.empty()) return text;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (i == 0 || !idChar(text[i - 1])) {
            const std::pair<std::string, std::string>* hit = nullptr;
            auto matches = [&](const std::pair<std::string, std::string>& r) {
                const std::size_t after = i + r.first.size();
                return text.compare(i, r.first.size(), r.first) == 0 && (after == text.size() || !idChar(text[after]));
            };
            for (const std::uint32_t k : byFirst_[static_cast<unsigned char>(text[i])])  // longest first
                if (matches(replace_[k])) {
                    hit = &replace_[k];
                    break;
                }
            if (hit) {
                out += hit->second;
                i += hit->first.size();
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace vgscan
