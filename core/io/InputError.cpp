#include "io/InputError.h"

#include <algorithm>

namespace vgscan {

std::string InputIssue::where() const {
    std::string s = file;
    if (!object.empty()) s += ": " + object;
    return s + ": " + problem;
}

std::string InputIssue::str() const {
    std::string s = file;
    if (!object.empty()) s += ": " + object;
    s += error ? ": error: " : ": warning: ";
    s += problem;
    return s;
}

namespace {
std::string joinIssues(const std::vector<InputIssue>& issues) {
    std::string s;
    for (const auto& i : issues) {
        if (!s.empty()) s += "\n";
        s += i.str();
    }
    return s;
}
}  // namespace

InputError::InputError(std::vector<InputIssue> issues)
    : std::runtime_error(joinIssues(issues)), issues_(std::move(issues)) {}

InputError::InputError(std::string file, std::string object, std::string problem)
    : InputError(std::vector<InputIssue>{{std::move(file), std::move(object), std::move(problem), true}}) {}

bool hasErrors(const std::vector<InputIssue>& issues) {
    return std::any_of(issues.begin(), issues.end(), [](const InputIssue& i) { return i.error; });
}

}  // namespace vgscan
