#include "i18n/RuleTexts.h"

#include "i18n/Language.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace vgscan::i18n {

namespace {

// The plan format's words that rules put in their texts as they are (space
// uses, opening kinds, the kinds of object a finding is about): machine words
// in the data, words for people on the pages.
[[maybe_unused]] const char* const kWords[] = {
    QT_TRANSLATE_NOOP("rules", "bedroom"),   QT_TRANSLATE_NOOP("rules", "bathroom"),
    QT_TRANSLATE_NOOP("rules", "wc"),        QT_TRANSLATE_NOOP("rules", "shower"),
    QT_TRANSLATE_NOOP("rules", "living"),    QT_TRANSLATE_NOOP("rules", "dining"),
    QT_TRANSLATE_NOOP("rules", "kitchen"),   QT_TRANSLATE_NOOP("rules", "corridor"),
    QT_TRANSLATE_NOOP("rules", "hall"),      QT_TRANSLATE_NOOP("rules", "entrance"),
    QT_TRANSLATE_NOOP("rules", "staff"),     QT_TRANSLATE_NOOP("rules", "office"),
    QT_TRANSLATE_NOOP("rules", "treatment"), QT_TRANSLATE_NOOP("rules", "activity"),
    QT_TRANSLATE_NOOP("rules", "quiet"),     QT_TRANSLATE_NOOP("rules", "seclusion"),
    QT_TRANSLATE_NOOP("rules", "storage"),   QT_TRANSLATE_NOOP("rules", "technical"),
    QT_TRANSLATE_NOOP("rules", "laundry"),   QT_TRANSLATE_NOOP("rules", "stair"),
    QT_TRANSLATE_NOOP("rules", "lift"),      QT_TRANSLATE_NOOP("rules", "outdoor"),
    QT_TRANSLATE_NOOP("rules", "other"),     QT_TRANSLATE_NOOP("rules", "door"),
    QT_TRANSLATE_NOOP("rules", "passage"),   QT_TRANSLATE_NOOP("rules", "window"),
    QT_TRANSLATE_NOOP("rules", "space"),     QT_TRANSLATE_NOOP("rules", "opening"),
    QT_TRANSLATE_NOOP("rules", "group"),     QT_TRANSLATE_NOOP("rules", "site"),
    QT_TRANSLATE_NOOP("rules", "building"),  QT_TRANSLATE_NOOP("rules", "plan"),
    QT_TRANSLATE_NOOP("rules", "staff_post"), QT_TRANSLATE_NOOP("rules", "dwelling"),
    QT_TRANSLATE_NOOP("rules", "poi"),       QT_TRANSLATE_NOOP("rules", "wall"),
    QT_TRANSLATE_NOOP("rules", "liveability"),
    // figures named by one word (the others, with '_', are keys)
    QT_TRANSLATE_NOOP("rules", "groups"),    QT_TRANSLATE_NOOP("rules", "estimated"),
    QT_TRANSLATE_NOOP("rules", "best_post"),
    // the poi layer's categories of the sample and the open-data builder
    QT_TRANSLATE_NOOP("rules", "avg"),       QT_TRANSLATE_NOOP("rules", "crisis"),
    QT_TRANSLATE_NOOP("rules", "daycare"),   QT_TRANSLATE_NOOP("rules", "gp"),
    QT_TRANSLATE_NOOP("rules", "hospital"),  QT_TRANSLATE_NOOP("rules", "nightlife"),
    QT_TRANSLATE_NOOP("rules", "pt_stop"),   QT_TRANSLATE_NOOP("rules", "school"),
    QT_TRANSLATE_NOOP("rules", "shop"),      QT_TRANSLATE_NOOP("rules", "stadium"),
    QT_TRANSLATE_NOOP("rules", "station"),
};

// The texts this process filled (kit::say): the text -> its pattern and
// parts. A text found here needs no guess at where one part ends and the next
// begins ("%1 %2 away" with a name of several words); texts read back from a
// file (an earlier scan.json) are matched against the patterns instead.
struct Said {
    std::string pattern;
    std::vector<std::string> parts;
};
std::mutex saidMutex;
std::unordered_map<std::string, Said>& said() {
    static std::unordered_map<std::string, Said> m;
    return m;
}

struct Pattern {
    QRegularExpression match;
    std::vector<std::string> literals;  // the text between the parts, to skip a pattern quickly
    std::size_t literalLength = 0;
    QString dutch;
};

struct Catalogue {
    std::unordered_map<std::string, std::string> plain;  // texts without parts
    std::unordered_map<std::string, QString> byPattern;  // a pattern -> its Dutch
    std::vector<Pattern> patterns;                       // the most literal text first
};

Catalogue load() {
    Catalogue c;
    QFile f(QStringLiteral(":/i18n-src/vgscan_nl.ts"));
    if (!f.open(QIODevice::ReadOnly)) return c;
    QXmlStreamReader xml(&f);
    QString context, source, translation;
    bool unfinished = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (name == QLatin1String("translation") && context == QLatin1String("rules")) {
            unfinished = xml.attributes().value("type") == QLatin1String("unfinished");
            translation = xml.readElementText();
            if (unfinished || translation.isEmpty()) continue;
            static const QRegularExpression part(QStringLiteral("%[1-9]"));
            if (!source.contains(part)) {
                c.plain[source.toStdString()] = translation.toStdString();
                continue;
            }
            c.byPattern[source.toStdString()] = translation;
            Pattern p;
            p.dutch = translation;
            QString re = QStringLiteral("^");
            int at = 0;
            for (auto it = part.globalMatch(source); it.hasNext();) {
                const auto m = it.next();
                const QString lit = source.mid(at, m.capturedStart() - at);
                if (!lit.isEmpty()) p.literals.push_back(lit.toStdString());
                p.literalLength += static_cast<std::size_t>(lit.size());
                re += QRegularExpression::escape(lit) + QStringLiteral("(?<p") + m.captured().mid(1) + QStringLiteral(">.+?)");
                at = static_cast<int>(m.capturedEnd());
            }
            const QString tail = source.mid(at);
            if (!tail.isEmpty()) p.literals.push_back(tail.toStdString());
            p.literalLength += static_cast<std::size_t>(tail.size());
            p.match = QRegularExpression(re + QRegularExpression::escape(tail) + QStringLiteral("$"),
                                         QRegularExpression::DotMatchesEverythingOption);
            // A pattern with few words of its own ("%1 %2", "%1 and %2") would
            // cut any text at its spaces: found by kit::say() only, never guessed.
            int letters = 0;
            for (const auto& lit : p.literals)
                for (char ch : lit) letters += (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
            if (letters >= 5 && p.match.isValid()) c.patterns.push_back(std::move(p));
        }
    }
    std::stable_sort(c.patterns.begin(), c.patterns.end(),
                     [](const Pattern& a, const Pattern& b) { return a.literalLength > b.literalLength; });
    return c;
}

const Catalogue& catalogue() {
    static const Catalogue c = load();
    return c;
}

std::string translate(const Catalogue& c, const std::string& s, int depth);

bool said(const std::string& s) {
    std::lock_guard<std::mutex> lock(saidMutex);
    return said().count(s) > 0;
}

// The Dutch pattern `d` with %1..%n replaced by the parts in one pass (so a
// part that holds "%2" is left alone), each part translated in turn.
template <class PartAt>
std::string fill(const Catalogue& c, const QString& d, int depth, PartAt partAt) {
    QString result;
    for (int i = 0; i < d.size(); ++i) {
        if (d[i] == '%' && i + 1 < d.size() && d[i + 1] >= '1' && d[i + 1] <= '9') {
            result += QString::fromStdString(translate(c, partAt(d[i + 1].unicode() - '1'), depth + 1));
            ++i;
        } else {
            result += d[i];
        }
    }
    return result.toStdString();
}

// `s` as a whole: a plain text, a text this process said, or the first
// pattern it fits.
bool translateWhole(const Catalogue& c, const std::string& s, int depth, std::string& out) {
    if (auto it = c.plain.find(s); it != c.plain.end()) {
        out = it->second;
        return true;
    }
    {
        std::unique_lock<std::mutex> lock(saidMutex);
        if (auto it = said().find(s); it != said().end()) {
            const Said known = it->second;
            lock.unlock();
            if (auto d = c.byPattern.find(known.pattern); d != c.byPattern.end()) {
                out = fill(c, d->second, depth, [&](int i) {
                    return i < static_cast<int>(known.parts.size()) ? known.parts[static_cast<std::size_t>(i)]
                                                                     : std::string();
                });
                return true;
            }
        }
    }
    QString q;
    for (const Pattern& p : c.patterns) {
        bool all = true;
        for (const auto& lit : p.literals)
            if (s.find(lit) == std::string::npos) {
                all = false;
                break;
            }
        if (!all) continue;
        if (q.isEmpty()) q = QString::fromStdString(s);
        const auto m = p.match.match(q);
        if (!m.hasMatch()) continue;
        out = fill(c, p.dutch, depth,
                   [&](int i) { return m.captured(QStringLiteral("p") + QString::number(i + 1)).toStdString(); });
        return true;
    }
    return false;
}

std::string translate(const Catalogue& c, const std::string& s, int depth) {
    if (s.empty() || depth > 6) return s;
    // a figure alone (a part "1.2", a threshold ">= 0.9"): the decimal comma
    if (std::string n = shownNumber(s); n != s) return n;
    std::string out;
    // A list the rule joined with "; " (a summary with several parts): item
    // by item, before a pattern could take the whole list as one of its parts.
    if (s.find("; ") != std::string::npos && !said(s)) {
        std::string joined;
        std::size_t from = 0;
        bool any = false;
        while (true) {
            const std::size_t to = s.find("; ", from);
            const std::string item = s.substr(from, to == std::string::npos ? std::string::npos : to - from);
            std::string t;
            if (translateWhole(c, item, depth, t)) any = true;
            else t = item;
            joined += (from ? "; " : "") + t;
            if (to == std::string::npos) break;
            from = to + 2;
        }
        if (any) return joined;
    }
    if (translateWhole(c, s, depth, out)) return out;
    return s;
}

}  // namespace

void noteSaid(const char* pattern, const std::vector<std::string>& parts, const std::string& text) {
    if (language() != Language::Dutch) return;
    std::lock_guard<std::mutex> lock(saidMutex);
    said().emplace(text, Said{pattern, parts});
}

std::string ruleText(const std::string& english) {
    if (language() != Language::Dutch || english.empty()) return english;
    // The same texts come back often (a finding per bedroom): remember them.
    static std::mutex mutex;
    static std::unordered_map<std::string, std::string> cache;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (auto it = cache.find(english); it != cache.end()) return it->second;
    }
    std::string t = translate(catalogue(), english, 0);
    std::lock_guard<std::mutex> lock(mutex);
    cache.emplace(english, t);
    return t;
}

std::size_t ruleTextCount() {
    if (language() != Language::Dutch) return 0;
    const Catalogue& c = catalogue();
    return c.plain.size() + c.patterns.size();
}

}  // namespace vgscan::i18n
