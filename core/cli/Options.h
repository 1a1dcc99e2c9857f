#pragma once
// Option values that every vgscan command checks the same way: an unknown
// value is a usage error (exit 1) with one message shape, never silently
// accepted or taken for the default.
#include <QCommandLineParser>

#include <initializer_list>
#include <iostream>

namespace vgscan::cli {

// True when `--option` holds one of `allowed`; otherwise prints
// "vgscan CMD: --option must be a, b or c (got 'x')" and returns false.
inline bool isOneOf(const QCommandLineParser& p, const char* command, const char* option,
                    std::initializer_list<const char*> allowed) {
    const QString value = p.value(option);
    for (const char* a : allowed)
        if (value == QLatin1String(a)) return true;
    std::cerr << "vgscan " << command << ": --" << option << " must be ";
    std::size_t i = 0;
    for (const char* a : allowed) {
        std::cerr << (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") << a;
        ++i;
    }
    std::cerr << " (got '" << value.toStdString() << "')\n";
    return false;
}

}  // namespace vgscan::cli
