#include "model/Model.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace vgscan {

namespace {
constexpr std::array<std::pair<const char*, SpaceUse>, 23> kUses{{
    {"bedroom", SpaceUse::Bedroom},   {"bathroom", SpaceUse::Bathroom},
    {"wc", SpaceUse::Wc},             {"shower", SpaceUse::Shower},
    {"living", SpaceUse::Living},     {"dining", SpaceUse::Dining},
    {"kitchen", SpaceUse::Kitchen},   {"corridor", SpaceUse::Corridor},
    {"hall", SpaceUse::Hall},         {"entrance", SpaceUse::Entrance},
    {"staff", SpaceUse::Staff},       {"office", SpaceUse::Office},
    {"treatment", SpaceUse::Treatment}, {"activity", SpaceUse::Activity},
    {"quiet", SpaceUse::Quiet},       {"seclusion", SpaceUse::Seclusion},
    {"storage", SpaceUse::Storage},   {"technical", SpaceUse::Technical},
    {"laundry", SpaceUse::Laundry},   {"stair", SpaceUse::Stair},
    {"lift", SpaceUse::Lift},         {"outdoor", SpaceUse::Outdoor},
    {"other", SpaceUse::Other},
}};
}  // namespace

std::optional<SpaceUse> parseSpaceUse(const std::string& text) {
    for (const auto& [word, use] : kUses)
        if (text == word) return use;
    return std::nullopt;
}

const char* toString(SpaceUse use) {
    for (const auto& [word, u] : kUses)
        if (u == use) return word;
    return "other";
}

const std::vector<std::string>& spaceUseWords() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> w;
        for (const auto& entry : kUses) w.emplace_back(entry.first);
        return w;
    }();
    return words;
}

std::optional<OpeningKind> parseOpeningKind(const std::string& text) {
    if (text == "door") return OpeningKind::Door;
    if (text == "passage") return OpeningKind::Passage;
    if (text == "window") return OpeningKind::Window;
    return std::nullopt;
}

const char* toString(OpeningKind kind) {
    switch (kind) {
        case OpeningKind::Door: return "door";
        case OpeningKind::Passage: return "passage";
        case OpeningKind::Window: return "window";
    }
    return "door";
}

const Space* FloorPlan::findSpace(const std::string& id) const {
    auto it = std::find_if(spaces.begin(), spaces.end(), [&](const Space& s) { return s.id == id; });
    return it == spaces.end() ? nullptr : &*it;
}

std::vector<int> FloorPlan::storeys() const {
    std::set<int> s;
    for (const auto& sp : spaces) s.insert(sp.storey);
    return {s.begin(), s.end()};
}

}  // namespace vgscan
