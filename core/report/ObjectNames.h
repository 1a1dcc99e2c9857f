#pragma once
// Names people know a plan's objects by. Rules report objects by id (an IFC
// GlobalId for an imported model, which nobody reads); reports show the
// room's name and keep the id beside it, so that it can still be found in
// the BIM tool.
#include "model/Model.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vgscan {

class ObjectNames {
public:
    explicit ObjectNames(const FloorPlan& plan);

    // The space's name when it has one that differs from its id; else empty.
    std::string spaceName(const std::string& id) const;
    // "A202 Bedroom 1 (0BTBFw6f90Nfh9rP1dlXrc)" for a named space, else the id.
    std::string label(const std::string& id) const;
    // `text` with each space id that stands as a whole word (not inside a
    // longer id) replaced by the space's name; a name that two spaces share
    // keeps the id beside it, so the text still says which one. Ids of
    // lower-case letters only are left: they read as the sentence's words.
    std::string withNames(const std::string& text) const;
    // The same; a text that names no room is handed back, not copied (most
    // texts: the report passes the translated text it has just made).
    std::string withNames(std::string&& text) const;
    // The former way, byte by byte (the reference of bench_scan_files).
    std::string withNamesByByte(const std::string& text) const;

private:
    // withNames into `out`; false (out untouched) when `text` names no room.
    bool named(const std::string& text, std::string& out) const;
    // The id that stands at text[i] (the longest), or null.
    const std::pair<std::string, std::string>* idAt(const std::string& text, std::size_t i) const;
    const FloorPlan& plan_;
    std::vector<std::pair<std::string, std::string>> replace_;  // id -> shown text, longest id first
    // replace_'s entries by the first byte of the id, longest first as in
    // replace_: a word is compared only with the ids it can begin (a report
    // asks this for every finding of every site). Ids are never empty.
    std::array<std::vector<std::uint32_t>, 256> byFirst_;
    std::vector<bool> plain_;  // by replace_'s entry: its id is id characters only
};

}  // namespace vgscan
