#pragma once
// The former way of i18n::tx (i18n/Language.h), kept as the reference of
// tests and bench_report_text: QCoreApplication::translate for every call,
// its text converted to UTF-8. tx gives the same text from each thread's
// cache of the texts it was given (emptied when the language changes).
#include <string>

namespace vgscan::i18n {

std::string txUncached(const char* context, const char* source, const char* disambiguation = nullptr, int n = -1);
// The former cache of tx, by the words (a key built from context, source and
// disambiguation and hashed for every call), kept as the reference of
// bench_report_text. The same texts.
std::string txByWords(const char* context, const char* source, const char* disambiguation = nullptr, int n = -1);

}  // namespace vgscan::i18n
