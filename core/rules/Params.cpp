#include "rules/Params.h"

#include <QJsonArray>

namespace vgscan {

bool Params::has(const std::string& name) const {
    return values_.contains(QString::fromStdString(name));
}

QJsonValue Params::get(const std::string& name) const {
    auto key = QString::fromStdString(name);
    if (!values_.contains(key)) throw ParamError("parameter '" + name + "' is not declared");
    return values_.value(key);
}

double Params::number(const std::string& name) const {
    QJsonValue v = get(name);
    if (!v.isDouble()) throw ParamError("parameter '" + name + "' is not a number");
    return v.toDouble();
}

std::string Params::text(const std::string& name) const {
    QJsonValue v = get(name);
    if (!v.isString()) throw ParamError("parameter '" + name + "' is not text");
    return v.toString().toStdString();
}

bool Params::flag(const std::string& name) const {
    QJsonValue v = get(name);
    if (!v.isBool()) throw ParamError("parameter '" + name + "' is not true/false");
    return v.toBool();
}

std::vector<std::string> Params::list(const std::string& name) const {
    QJsonValue v = get(name);
    if (!v.isArray()) throw ParamError("parameter '" + name + "' is not a list");
    std::vector<std::string> out;
    for (const auto& item : v.toArray()) out.push_back(item.toString().toStdString());
    return out;
}

}  // namespace vgscan
