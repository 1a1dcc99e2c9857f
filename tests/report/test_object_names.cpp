// ObjectNames::withNames looks a word up only among the ids that begin with
// its first byte; the answers must be those of trying every id, longest
// first (the former loop, kept here as the reference).
#include "report/ObjectNames.h"

#include <catch2/catch_test_macros.hpp>

using namespace vgscan;

namespace {

bool idChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
}

// Every id tried at every word start, longest first.
std::string everyId(const std::vector<std::pair<std::string, std::string>>& replace, const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (i == 0 || !idChar(text[i - 1])) {
            const std::pair<std::string, std::string>* hit = nullptr;
            for (const auto& r : replace) {
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

Space space(std::string id, std::string name) {
    Space s;
    s.id = std::move(id);
    s.name = std::move(name);
    return s;
}

}  // namespace

TEST_CASE("withNames replaces whole ids only, the longest that fits, as trying every id does") {
    FloorPlan plan;
    // B1 and B10 share their first byte; "B1-a" holds a byte that ends a word;
    // 0BTB... is an IFC GlobalId; two spaces named "Bedroom" keep their ids;
    // "é1" begins with a byte above 127; "#3" with a byte that is no id character.
    plan.spaces = {space("B1", "Kitchen"),    space("B10", "Bedroom"),       space("B1-a", "Hall"),
                   space("B11", "Bedroom"),   space("0BTBFw6f90Nfh9rP1dlXrc", "Office"), space("$x", "Store"), space("#3", "Cellar"),
                   space("\xC3\xA9" "1", "Attic"), space("C2", ""), space("D4", "D4")};
    const ObjectNames names(plan);
    const std::vector<std::pair<std::string, std::string>> replace = {
        {"0BTBFw6f90Nfh9rP1dlXrc", "Office"}, {"B1-a", "Hall"}, {"B10", "Bedroom (B10)"}, {"B11", "Bedroom (B11)"},
        {"\xC3\xA9" "1", "Attic"}, {"B1", "Kitchen"}, {"$x", "Store"}, {"#3", "Cellar"}};
    const std::vector<std::string> texts = {
        "B1 and B10 and B11, B1-a, B1-b, B100, xB1, B1x, (B1)",
        "0BTBFw6f90Nfh9rP1dlXrc has no door; 0BTBFw6f90Nfh9rP1dlXrcX is another",
        "$x, \xC3\xA9" "1 and \xC3\xA9" "12; C2 and D4 keep their ids",
        "", "B1", "B10", "B1-", "-B1-a-", "B1B1 B1,B1 B1", "see B10", "no room here at all", "x$x $x$x", "#3, #33, a#3, (#3)"};
    for (const std::string& t : texts) {
        CHECK(names.withNames(t) == everyId(replace, t));
        CHECK(names.withNamesByByte(t) == everyId(replace, t));
    }
    // By hand.
    CHECK(names.withNames("B1 and B10, B1-a, B100") == "Kitchen and Bedroom (B10), Hall, B100");
    CHECK(names.withNames("B1x xB1 (B1)") == "B1x xB1 (Kitchen)");
}

TEST_CASE("withNames leaves a text alone for a space without id (it once looped for ever on it)") {
    FloorPlan plan;
    plan.spaces = {space("", "Nameless room"), space("B1", "Kitchen")};
    const ObjectNames names(plan);
    CHECK(names.withNames("B1 and the room") == "Kitchen and the room");
    CHECK(names.withNames("") == "");
    CHECK(names.withNames(" , ") == " , ");
}

TEST_CASE("withNames leaves ids that are words of the rules' sentences (staff, wc, living) as written") {
    // The sample group home's ids: the sentences the rules write about it
    // read as they were written, the rooms with ids of their own are named.
    FloorPlan plan;
    plan.spaces = {space("staff", "staff room"), space("wc", "shared WC"), space("living", "living/dining room"),
                   space("bed1", "bedroom 1"), space("A.kitchen", "kitchen A")};
    const ObjectNames names(plan);
    CHECK(names.withNames("seen from a staff post of group A") == "seen from a staff post of group A");
    CHECK(names.withNames("own bathroom (or wc + shower) opening off the bedroom") ==
          "own bathroom (or wc + shower) opening off the bedroom");
    CHECK(names.withNames("a quiet room reachable from the living room") == "a quiet room reachable from the living room");
    CHECK(names.withNames("the door of bedroom bed1 (d01); 16.8 m2 of A.kitchen") ==
          "the door of bedroom bedroom 1 (d01); 16.8 m2 of kitchen A");
    CHECK(names.withNamesByByte("from a staff post, bed1") == "from a staff post, bedroom 1");
    // The finding's own object is still named.
    CHECK(names.label("staff") == "staff room (staff)");
}
