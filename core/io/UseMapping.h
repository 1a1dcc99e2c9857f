#pragma once
// Room names as people write them ("Slaapkamer 3", "badk.", "Woonkamer/keuken",
// "Corridor") mapped to the plan format's `use` vocabulary. A built-in table
// of Dutch and English names; a user file extends or overrides it.
#include "model/Model.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vgscan {

class UseMapping {
public:
    // The built-in Dutch and English table.
    UseMapping();
    // Adds the entries of a mapping file: one `name = use` per line, `#`
    // starts a comment; later entries win over earlier ones and the built-in
    // table. Throws InputError naming file, line and problem (unknown use).
    void addFile(const std::string& path);
    void add(const std::string& name, SpaceUse use);

    // The use for a label: the label is lower-cased, numbers and punctuation
    // become spaces; an entry matches when it equals the whole label, or is a
    // whole word of it, or a word starts with it (so "badk" matches
    // "badkamer 2" only if "badk" is an entry). User entries are tried first,
    // then longer entries before shorter ones. nullopt: no entry matches.
    std::optional<SpaceUse> find(const std::string& label) const;

    // The normal form used for matching (exposed for tests and reports).
    static std::string normalise(const std::string& label);

private:
    std::vector<std::pair<std::string, SpaceUse>> entries_;  // normalised, in match order
};

}  // namespace vgscan
