#pragma once
// Option values that every vgscan command checks the same way: an unknown
// value is a usage error (exit 1) with one message shape, never silently
// accepted or taken for the default.
#include "i18n/Language.h"

#include <QCommandLineParser>
#include <QStringList>

#include <initializer_list>
#include <iostream>
#include <string>

namespace vgscan::cli {

// True when `--option` holds one of `allowed`; otherwise prints
// "vgscan CMD: --option must be a, b or c (got 'x')" (in the chosen
// language) and returns false.
inline bool isOneOf(const QString& value, const char* command, const char* option,
                    std::initializer_list<const char*> allowed) {
    for (const char* a : allowed)
        if (value == QLatin1String(a)) return true;
    std::string list;
    std::size_t i = 0;
    for (const char* a : allowed) {
        list += (i == 0 ? "" : i + 1 == allowed.size() ? i18n::tx("cli", " or ") : ", ") + std::string(a);
        ++i;
    }
    std::cerr << "vgscan " << command << ": "
              << i18n::arg(i18n::tx("cli", "--%1 must be %2 (got '%3')"), option, list, value.toStdString()) << "\n";
    return false;
}
inline bool isOneOf(const QCommandLineParser& p, const char* command, const char* option,
                    std::initializer_list<const char*> allowed) {
    return isOneOf(p.value(option), command, option, allowed);
}

// Every command takes --lang; main() applies it before the command runs
// (chooseLanguage), the command's parser only has to accept it.
inline void addLanguageOption(QCommandLineParser& p) {
    p.addOption({"lang",
                 i18n::qtx("cli", "Language of the report, the messages and the spreadsheet CSV's headers: nl or en "
                                  "(default: from the locale)."),
                 "LANG"});
}

// Finds --lang VALUE or --lang=VALUE among a command's arguments (before a
// "--") and installs that language; without it the environment's language
// stays. An unknown value is a usage error like any other option value.
inline bool chooseLanguage(const QStringList& args, const char* command) {
    QString value;
    bool given = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("--")) break;
        if (a == QLatin1String("--lang") && i + 1 < args.size()) {
            value = args.at(++i);
            given = true;
        } else if (a.startsWith(QLatin1String("--lang="))) {
            value = a.mid(7);
            given = true;
        }
    }
    if (!given) return true;
    if (!isOneOf(value, command, "lang", {"nl", "en"})) return false;
    i18n::setLanguage(*i18n::parseLanguage(value));
    return true;
}

}  // namespace vgscan::cli
