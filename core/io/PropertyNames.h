#pragma once
// Which expected property a column of another name most likely stands for:
// the names exports and Dutch offices give them ('level' for 'storey',
// 'plattegrond' for 'plan'), else one a typing error or two away. Used to say
// "did you mean ...?" where a misnamed column would otherwise be read as
// absent without a word.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace vgscan::io {

inline std::string lowered(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

inline std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// `otherNames`: (another name, the property it stands for), lower case.
// Empty when no property is near.
inline std::string likelyMeant(const std::string& field,
                               const std::vector<std::pair<const char*, const char*>>& otherNames,
                               const std::vector<const char*>& properties) {
    const std::string f = lowered(field);
    for (const auto& [other, property] : otherNames)
        if (f == other) return property;
    // Short names are too near each other ('to' and 'id') for a guess.
    if (f.size() < 4) return "";
    for (const char* property : properties)
        if (editDistance(f, property) <= (f.size() < 6 ? 1u : 2u)) return property;
    return "";
}

}  // namespace vgscan::io
