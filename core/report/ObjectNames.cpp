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
        // An id of lower-case letters only (staff, living, wc, kitchen) is a
        // word of the rules' own sentences too: "seen from a staff post",
        // "own bathroom (or wc + shower)". In a text it cannot be told from
        // that word, and naming it there made "a staff room post" and "(or
        // shared WC + shower)"; it stays as written (label() still names it).
        if (std::all_of(s.id.begin(), s.id.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
        replace_.emplace_back(s.id, uses[s.name] > 1 ? s.name + " (" + s.id + ")" : s.name);
    }
    std::stable_sort(replace_.begin(), replace_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& r : replace_) plain_.push_back(std::all_of(r.first.begin(), r.first.end(), idChar));
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

const std::pair<std::string, std::string>* ObjectNames::idAt(const std::string& text, std::size_t i) const {
    // An id of id characters only stands here when it is the whole word
    // (the run of id characters from i); one with another byte in it is
    // longer than the word. Only those are compared.
    std::size_t word = i;
    while (word < text.size() && idChar(text[word])) ++word;
    const std::size_t length = word - i;
    for (const std::uint32_t k : byFirst_[static_cast<unsigned char>(text[i])]) {  // longest first
        const auto& r = replace_[k];
        if (plain_[k] ? r.first.size() != length : r.first.size() <= length) continue;
        const std::size_t after = i + r.first.size();
        if (text.compare(i, r.first.size(), r.first) == 0 && (after == text.size() || !idChar(text[after]))) return &r;
    }
    return nullptr;
}

bool ObjectNames::named(const std::string& text, std::string& out) const {
    if (replace_.empty()) return false;
    // Only a byte that begins an id, at a word start, is looked at; the
    // runs between the ids replaced are appended whole.
    std::size_t copied = 0;  // text[0, copied) is in out
    for (std::size_t i = 0; i < text.size();) {
        if (byFirst_[static_cast<unsigned char>(text[i])].empty() || (i > 0 && idChar(text[i - 1]))) {
            ++i;
            continue;
        }
        const auto* hit = idAt(text, i);
        if (!hit) {
            ++i;
            continue;
        }
        if (copied == 0) out.reserve(text.size() + hit->second.size());
        out.append(text, copied, i - copied);
        out += hit->second;
        i += hit->first.size();
        copied = i;  // ids are never empty: past 0
    }
    if (copied == 0) return false;
    out.append(text, copied, std::string::npos);
    return true;
}

std::string ObjectNames::withNames(const std::string& text) const {
    std::string out;
    return named(text, out) ? out : text;
}

std::string ObjectNames::withNames(std::string&& text) const {
    std::string out;
    return named(text, out) ? out : std::move(text);
}

std::string ObjectNames::withNamesByByte(const std::string& text) const {
    if (replace_.empty()) return text;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (i == 0 || !idChar(text[i - 1])) {
            const std::pair<std::string, std::string>* hit = nullptr;
            for (const std::uint32_t k : byFirst_[static_cast<unsigned char>(text[i])]) {  // every id, longest first
                const auto& r = replace_[k];
                const std::size_t after = i + r.first.size();
                if (text.compare(i, r.first.size(), r.first) == 0 && (after == text.size() || !idChar(text[after]))) {
                    hit = &r;
                    break;
                }
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
