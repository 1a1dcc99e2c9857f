#pragma once
// Reading part of a large JSON text: the values at the kept paths are
// copied, everything else is skipped by a byte scan that matches strings and
// brackets only (no numbers parsed, no objects built). A scan.json of 2,002
// sites is 128 MB, most of it rule results and figures; `vgscan plan` needs a
// few fields per site. The output is JSON of the same shape holding only the
// kept values, small enough for QJsonDocument.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vgscan::json {

// The text is not JSON where the scan looked: `offset` is in the input.
struct SlimError : std::runtime_error {
    SlimError(std::size_t at, const std::string& what) : std::runtime_error(what), offset(at) {}
    std::size_t offset;
};

// `keep`: paths of the values to keep from the top-level object, "." between
// keys and "[]" for every element of an array: {"clusters", "sites[].id",
// "sites[].results[].rule"}. A kept path's value is copied whole; an object
// on the way keeps only the kept keys (in their order in the input), an array
// every element. A value of another type than its path says (a string where
// "sites[]" wants an array) is copied whole for the reader to refuse.
std::string slim(std::string_view text, const std::vector<std::string>& keep);

}  // namespace vgscan::json
