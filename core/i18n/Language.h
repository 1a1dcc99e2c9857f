#pragma once
// The language of the words vgscan shows people: the HTML report, the CLI's
// messages and the headers of the spreadsheet CSV. Machine formats (JSON keys,
// scan.json, sites.csv for tools) stay English whatever the language.
//
// Texts are marked with tx(context, source) and found by Qt's lupdate
// (`-tr-function-alias translate+=tx`, see core/CMakeLists.txt); the Dutch
// translations live in core/i18n/vgscan_nl.ts, compiled by lrelease at build
// time and embedded in the library as a Qt resource, so the binary needs no
// file at run time. tx() is QCoreApplication::translate: without a translator
// installed (English, or a test that never chose) it returns the source text.
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace vgscan::i18n {

enum class Language { English, Dutch };

// "en" or "nl".
const char* code(Language l);
// "nl" / "en" (as given to --lang); anything else: nullopt.
std::optional<Language> parseLanguage(const QString& s);
// The user's language from the environment, POSIX order: the first non-empty
// of LC_ALL, LC_MESSAGES, LANG; without any, QLocale::system(). Dutch when it
// starts with "nl" (nl_NL, nl_BE, nl), else English.
Language languageFromEnvironment();

// Installs (Dutch) or removes (English) the translator for the whole process.
// Call before work starts: the report is made on several threads, which only
// read the installed translator. Throws std::runtime_error when the embedded
// Dutch translation cannot be loaded (a build without it).
void setLanguage(Language l);
Language language();

// The text `source` of `context` in the chosen language. `n` >= 0 picks a
// plural form ("%n sites") and replaces %n.
std::string tx(const char* context, const char* source, const char* disambiguation = nullptr, int n = -1);
QString qtx(const char* context, const char* source, const char* disambiguation = nullptr, int n = -1);

// The Dutch text whatever the chosen language (sites_nl.csv is for Dutch
// spreadsheets in both); the source text when it has no translation.
std::string inDutch(const char* context, const char* source);

// `pattern` with %1, %2, ... replaced by the arguments in order (QString::arg).
std::string arg(const std::string& pattern, const std::string& a1);
std::string arg(const std::string& pattern, const std::string& a1, const std::string& a2);
std::string arg(const std::string& pattern, const std::string& a1, const std::string& a2, const std::string& a3);
std::string arg(const std::string& pattern, const std::string& a1, const std::string& a2, const std::string& a3,
                const std::string& a4);
std::string arg(const std::string& pattern, const std::string& a1, const std::string& a2, const std::string& a3,
                const std::string& a4, const std::string& a5);
// The former way, through QString for every call (1 to 5 arguments): the
// reference of tests and bench_report_text. arg gives its bytes without Qt
// where the pattern holds only %1 .. %n and the texts are plain UTF-8.
std::string argByQt(const std::string& pattern, const std::vector<std::string>& args);

// A number as people read it in the chosen language: at most `decimals`
// digits after the mark, no trailing zeros, and in Dutch a decimal comma
// ("1,25 m"). Machine formats (JSON, sites.csv, SVG coordinates) keep the
// point of kit::fmt.
std::string shown(double v, int decimals = 2);
// `text` with its decimal point made a comma in Dutch when the text is a
// number alone, perhaps after a comparison (">= 1.2", "-0.5"); any other
// text, and every text in English, unchanged. For figures already written
// as text (a rule's threshold, a part of a rule's message).
std::string shownNumber(const std::string& text);
// A point's coordinates as people read them: "12.5, 3" in English,
// "12,5; 3" in Dutch (the comma is the decimal mark there).
std::string shownPoint(double x, double y, int decimals = 2);

}  // namespace vgscan::i18n
