#pragma once
// Problems with what the user gave: each names the file, the object and the
// problem, so a person can find and fix it.
#include <stdexcept>
#include <string>
#include <vector>

namespace vgscan {

struct InputIssue {
    std::string file;
    std::string object;  // e.g. "space 'bed_3'", "layer 'roads'"; empty for the whole file
    std::string problem;
    bool error = true;  // false: a warning, the input is still used
    std::string str() const;  // "file: object: error: problem"
    // "file: object: problem", for a list that says error or warning itself
    // (in the reader's language) before it.
    std::string where() const;
};

class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<InputIssue> issues);
    InputError(std::string file, std::string object, std::string problem);
    const std::vector<InputIssue>& issues() const { return issues_; }

private:
    std::vector<InputIssue> issues_;
};

bool hasErrors(const std::vector<InputIssue>& issues);

}  // namespace vgscan
