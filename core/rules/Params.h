#pragma once
// A rule's parameters: its metadata defaults overlaid with the rule set's
// values. Reading a parameter the rule did not declare is a programming error
// and throws, so a typo never silently falls back to zero.
#include <QJsonObject>

#include <stdexcept>
#include <string>
#include <vector>

namespace vgscan {

class ParamError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Params {
public:
    Params() = default;
    explicit Params(QJsonObject values) : values_(std::move(values)) {}

    bool has(const std::string& name) const;
    double number(const std::string& name) const;
    std::string text(const std::string& name) const;
    bool flag(const std::string& name) const;
    std::vector<std::string> list(const std::string& name) const;
    const QJsonObject& json() const { return values_; }

private:
    QJsonValue get(const std::string& name) const;
    QJsonObject values_;
};

}  // namespace vgscan
