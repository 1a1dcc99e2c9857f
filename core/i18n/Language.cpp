#include "i18n/Language.h"
#include "i18n/Translated.h"

#include "rules/RuleKit.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace vgscan::i18n {

namespace {

std::mutex gMutex;
std::unique_ptr<QTranslator> gTranslator;  // installed while Dutch
// Set under gMutex; read without it (every figure the report shows asks for
// it, from every thread writing a file).
std::atomic<Language> gLanguage{Language::English};
// Bumped (after the translator changed) by setLanguage: each thread's cache
// of translated texts (tx) is emptied when it sees a new value.
std::atomic<unsigned> gGeneration{0};

bool dutch(const QString& locale) { return locale.startsWith(QLatin1String("nl"), Qt::CaseInsensitive); }

}  // namespace

const char* code(Language l) { return l == Language::Dutch ? "nl" : "en"; }

std::optional<Language> parseLanguage(const QString& s) {
    if (s == QLatin1String("nl")) return Language::Dutch;
    if (s == QLatin1String("en")) return Language::English;
    return std::nullopt;
}

Language languageFromEnvironment() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty()) return dutch(v) ? Language::Dutch : Language::English;
    }
    return dutch(QLocale::system().name()) ? Language::Dutch : Language::English;
}

void setLanguage(Language l) {
    const std::lock_guard<std::mutex> lock(gMutex);
    struct Bump {
        ~Bump() { gGeneration.fetch_add(1, std::memory_order_acq_rel); }
    } bump;  // whichever way this returns, after the change
    if (gTranslator) {
        QCoreApplication::removeTranslator(gTranslator.get());
        gTranslator.reset();
    }
    gLanguage.store(Language::English, std::memory_order_release);
    if (l == Language::English) return;
    // The resource is compiled into this library (qt_add_translations in
    // core/CMakeLists.txt, prefix /i18n).
    auto t = std::make_unique<QTranslator>();
    if (!t->load(QStringLiteral(":/i18n/vgscan_nl.qm")))
        throw std::runtime_error("the Dutch translation (:/i18n/vgscan_nl.qm) is not in this build");
    QCoreApplication::installTranslator(t.get());
    gTranslator = std::move(t);
    gLanguage.store(l, std::memory_order_release);
}

Language language() { return gLanguage.load(std::memory_order_acquire); }

QString qtx(const char* context, const char* source, const char* disambiguation, int n) {
    return QCoreApplication::translate(context, source, disambiguation, n);
}

std::string txUncached(const char* context, const char* source, const char* disambiguation, int n) {
    return qtx(context, source, disambiguation, n).toStdString();
}

namespace {

// This thread's kept texts (of tx or txByWords), emptied when the language
// has changed since they were kept.
template <class Texts>
Texts& keptTexts() {
    struct Cache {
        unsigned generation = 0;
        bool used = false;
        Texts texts;
    };
    thread_local Cache cache;
    const unsigned generation = gGeneration.load(std::memory_order_acquire);
    if (!cache.used || cache.generation != generation) {
        cache.texts.clear();
        cache.generation = generation;
        cache.used = true;
    }
    return cache.texts;
}

// Where a caller's words are: tx's texts are found by it.
struct Where {
    const char *context, *source, *disambiguation;
    bool operator==(const Where&) const = default;
};
struct ByAddress {
    std::size_t operator()(const Where& w) const {
        auto bits = [](const char* p) { return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(p)); };
        return (bits(w.source) * 0x9E3779B97F4A7C15ull) ^ (bits(w.context) * 31) ^ bits(w.disambiguation);
    }
};
// The words that were there, and their text.
struct Kept {
    std::string context, source;
    std::optional<std::string> disambiguation;
    std::string text;
    bool made = false;
};

bool sameWords(const char* given, const std::optional<std::string>& kept) {
    return given ? kept && std::strcmp(given, kept->c_str()) == 0 : !kept;
}

}  // namespace

std::string txByWords(const char* context, const char* source, const char* disambiguation, int n) {
    if (n != -1) return txUncached(context, source, disambiguation, n);
    auto& texts = keptTexts<std::unordered_map<std::string, std::string>>();
    std::string key(context);
    key += '\0';
    key += source;
    if (disambiguation) {
        key += '\0';
        key += disambiguation;
    }
    const auto it = texts.find(key);
    if (it != texts.end()) return it->second;
    std::string text = txUncached(context, source, disambiguation, n);
    texts.emplace(std::move(key), text);
    return text;
}

std::string tx(const char* context, const char* source, const char* disambiguation, int n) {
    // The report asks for the same few hundred texts for every site (and Qt
    // converts each from UTF-8 and back): each thread keeps the texts it was
    // given until the language changes, found by where the caller's words
    // are (nearly always the same literals), then checked to be those words:
    // a caller's buffer may be reused for others, which then take the
    // place. No key is built or hashed from the words. Plural forms are not
    // kept.
    if (n != -1) return txUncached(context, source, disambiguation, n);
    Kept& kept = keptTexts<std::unordered_map<Where, Kept, ByAddress>>()[Where{context, source, disambiguation}];
    if (kept.made && std::strcmp(source, kept.source.c_str()) == 0 && std::strcmp(context, kept.context.c_str()) == 0 &&
        sameWords(disambiguation, kept.disambiguation))
        return kept.text;
    kept.context = context;
    kept.source = source;
    kept.disambiguation = disambiguation ? std::optional<std::string>(disambiguation) : std::nullopt;
    kept.text = txUncached(context, source, disambiguation, n);
    kept.made = true;
    return kept.text;
}

std::string inDutch(const char* context, const char* source) {
    // Loaded once, read only after: safe from any thread.
    static const std::unique_ptr<QTranslator> dutch = [] {
        auto t = std::make_unique<QTranslator>();
        if (!t->load(QStringLiteral(":/i18n/vgscan_nl.qm"))) t.reset();
        return t;
    }();
    const QString t = dutch ? dutch->translate(context, source) : QString();
    return t.isEmpty() ? std::string(source) : t.toStdString();
}

static QString q(const std::string& s) { return QString::fromStdString(s); }

std::string argByQt(const std::string& p, const std::vector<std::string>& a) {
    switch (a.size()) {
    case 1: return q(p).arg(q(a[0])).toStdString();
    case 2: return q(p).arg(q(a[0]), q(a[1])).toStdString();
    case 3: return q(p).arg(q(a[0]), q(a[1]), q(a[2])).toStdString();
    case 4: return q(p).arg(q(a[0]), q(a[1]), q(a[2]), q(a[3])).toStdString();
    case 5: return q(p).arg(q(a[0]), q(a[1]), q(a[2]), q(a[3]), q(a[4])).toStdString();
    }
    throw std::invalid_argument("i18n::argByQt: 1 to 5 arguments");
}

namespace {

// Whether QString reads `s` and writes it back unchanged: UTF-8 without an
// overlong form, a surrogate, a code point beyond U+10FFFF, a byte order
// mark or a noncharacter (the last two left to Qt, whatever it does).
bool keptByQString(const std::string& s) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned c = b[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
        else return false;
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((b[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        if (cp == 0xFEFF || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return false;
        i += len;
    }
    return true;
}

// The marker at p[i] == '%' when it is one of %1 .. %9 followed by no
// digit or non-ASCII byte (which Qt might read as a further digit): its
// number; 0 for a '%' that both ways keep as it is (at the end, or before an
// ASCII byte that is neither a digit nor L); -1 for anything else.
int marker(const std::string& p, std::size_t i) {
    if (i + 1 >= p.size()) return 0;
    const unsigned char d = static_cast<unsigned char>(p[i + 1]);
    if (d < 0x80 && !(d >= '0' && d <= '9') && d != 'L') return 0;
    if (d < '1' || d > '9') return -1;
    if (i + 2 < p.size()) {
        const unsigned char next = static_cast<unsigned char>(p[i + 2]);
        if ((next >= '0' && next <= '9') || next >= 0x80) return -1;
    }
    return d - '0';
}

// QString::arg's text without QString, where the two agree plainly: the
// pattern's markers are %1 .. %n (n the arguments, each there at least
// once; see marker), and every text is kept by QString. False (out
// untouched) otherwise.
bool argInPlace(const std::string& p, std::initializer_list<const std::string*> args, std::string& out) {
    const int n = static_cast<int>(args.size());
    unsigned seen = 0;
    std::size_t size = p.size();
    for (std::size_t i = p.find('%'); i != std::string::npos; i = p.find('%', i + 1)) {
        const int k = marker(p, i);
        if (k < 0 || k > n) return false;
        if (k == 0) continue;
        seen |= 1u << (k - 1);
        size += args.begin()[k - 1]->size();
    }
    if (seen != (1u << n) - 1 || !keptByQString(p)) return false;
    for (const std::string* a : args)
        if (!keptByQString(*a)) return false;
    out.reserve(size);
    std::size_t from = 0;
    for (std::size_t i = p.find('%'); i != std::string::npos; i = p.find('%', i + 1)) {
        const int k = marker(p, i);
        if (k == 0) continue;
        out.append(p, from, i - from);
        out += *args.begin()[k - 1];
        from = i + 2;
    }
    out.append(p, from, std::string::npos);
    return true;
}

}  // namespace

std::string arg(const std::string& p, const std::string& a1) {
    std::string out;
    return argInPlace(p, {&a1}, out) ? out : argByQt(p, {a1});
}
std::string arg(const std::string& p, const std::string& a1, const std::string& a2) {
    std::string out;
    return argInPlace(p, {&a1, &a2}, out) ? out : argByQt(p, {a1, a2});
}
std::string arg(const std::string& p, const std::string& a1, const std::string& a2, const std::string& a3) {
    std::string out;
    return argInPlace(p, {&a1, &a2, &a3}, out) ? out : argByQt(p, {a1, a2, a3});
}
std::string arg(const std::string& p, const std::string& a1, const std::string& a2, const std::string& a3,
                const std::string& a4) {
    std::string out;
    return argInPlace(p, {&a1, &a2, &a3, &a4}, out) ? out : argByQt(p, {a1, a2, a3, a4});
}
std::string arg(const std::string& p, const std::string& a1, const std::string& a2, const std::string& a3,
                const std::string& a4, const std::string& a5) {
    std::string out;
    return argInPlace(p, {&a1, &a2, &a3, &a4, &a5}, out) ? out : argByQt(p, {a1, a2, a3, a4, a5});
}

namespace {

bool isNumber(const std::string& t) {
    std::size_t i = 0;
    // a comparison first: ">= 1.2", "<= 16", "< 0.5"
    if (i < t.size() && (t[i] == '<' || t[i] == '>')) {
        ++i;
        if (i < t.size() && t[i] == '=') ++i;
        if (i < t.size() && t[i] == ' ') ++i;
    }
    if (i < t.size() && t[i] == '-') ++i;
    // a unit after it: "87.2 %", "1.2 m", "84.6 m2"
    std::size_t end = t.size();
    for (const char* unit : {" %", " m", " m2", " m²", " km", " min"}) {
        const std::size_t n = std::char_traits<char>::length(unit);
        if (end > i + n && t.compare(end - n, n, unit) == 0) {
            end -= n;
            break;
        }
    }
    std::size_t digits = 0, points = 0;
    for (; i < end; ++i) {
        if (t[i] >= '0' && t[i] <= '9') ++digits;
        else if (t[i] == '.' && digits > 0 && points == 0) ++points;
        else return false;
    }
    return digits > 0 && t[end - 1] != '.';
}

}  // namespace

std::string shownNumber(const std::string& text) {
    if (language() != Language::Dutch || !isNumber(text)) return text;
    std::string out = text;
    for (char& c : out)
        if (c == '.') c = ',';
    return out;
}

std::string shown(double v, int decimals) {
    // kit::fmt's figure (the machine formats' text), with the reader's decimal mark
    return shownNumber(kit::fmt(v, decimals));
}

std::string shownPoint(double x, double y, int decimals) {
    return shown(x, decimals) + (language() == Language::Dutch ? "; " : ", ") + shown(y, decimals);
}

}  // namespace vgscan::i18n
