#include "i18n/Reasons.h"

#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "i18n/Terms.h"
#include "ruleset/RuleSet.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtGlobal>

#include <vector>

namespace vgscan::i18n {

namespace {

// The shapes of Classifier.cpp, most specific first. %1, %2 ... are the
// parts; a part is a verdict name, or a rule's state (translated by state()).
const char* const kShapes[] = {
    QT_TRANSLATE_NOOP("reason",
                      "not %1 on its own: clustering is not possible (%2); it would be, in a cluster with nearby "
                      "VG7 sites"),
    QT_TRANSLATE_NOOP("reason", "not %1: clustering is not possible (%2)"),
    QT_TRANSLATE_NOOP("reason", "not %1: %2"),
    QT_TRANSLATE_NOOP("reason", "%1 cannot be decided: %2"),
    QT_TRANSLATE_NOOP("reason", "%1: all gates pass"),
    QT_TRANSLATE_NOOP("reason", "%1: the site is in a cluster of VG7 sites"),
    QT_TRANSLATE_NOOP("reason", "warning: %1"),
    QT_TRANSLATE_NOOP("reason", "renovation must fix: %1"),
    QT_TRANSLATE_NOOP("reason", "renovation should improve: %1"),
    QT_TRANSLATE_NOOP("reason", "could improve: %1"),
    QT_TRANSLATE_NOOP("reason", "not assessed here: %1"),
    QT_TRANSLATE_NOOP("reason", "no verdict's gates all pass"),
    // the building check (checkBuilding)
    QT_TRANSLATE_NOOP("reason", "for %1: no building gate (it rests on site rules alone)"),
    QT_TRANSLATE_NOOP("reason", "for %1, the building fails: %2"),
    QT_TRANSLATE_NOOP("reason", "for %1, the building cannot be decided: %2"),
    QT_TRANSLATE_NOOP("reason", "for %1, the building passes after renovation of: %2"),
    QT_TRANSLATE_NOOP("reason", "for %1, the building passes its %2 building gate(s)"),
    QT_TRANSLATE_NOOP("reason",
                      "site rules not assessed (%1): a plan alone gives no site verdict; scan the site in a "
                      "portfolio for one"),
    QT_TRANSLATE_NOOP("reason",
                      "site rules not assessed: a plan alone gives no site verdict; scan the site in a portfolio "
                      "for one"),
    // the scan of a site without a plan (scan/Engine.cpp)
    QT_TRANSLATE_NOOP("reason",
                      "the building was not assessed (no floor plan): the site's other rules already decide every "
                      "route"),
    // a verdict with a score condition ("fits_vg7: score 61.5 % (needs >= 50 %)")
    QT_TRANSLATE_NOOP("reason", "%1: %2"),
};

// The shapes of a site that could not be assessed (scan/Engine.cpp). Their
// parts are a reader's error message or what the budget stopped: shown as
// written, like the errors listed beside them.
const char* const kNotAssessed[] = {
    QT_TRANSLATE_NOOP("reason", "site not assessed: its floor plan has errors (%1)"),
    QT_TRANSLATE_NOOP("reason", "site not assessed: it could not be assessed: %1"),
    QT_TRANSLATE_NOOP("reason", "site not assessed: it ran out of memory"),
    QT_TRANSLATE_NOOP("reason", "site not assessed: it exceeded its time budget of %1 s while %2"),
    QT_TRANSLATE_NOOP("reason", "site not assessed: it exceeded its time budget of %1 s"),
};

// What a site's time budget stopped (scan/Engine.cpp's budget::checkNow).
const char* const kStoppedWhile[] = {
    QT_TRANSLATE_NOOP("reason", "reading the plan"),
    QT_TRANSLATE_NOOP("reason", "deriving the building graph"),
};

// Parts of a rule's state ("individual_sanitary fail: 25 % (needs >= 100)").
const char* const kWords[][2] = {
    {" (renovation cannot fix it)", QT_TRANSLATE_NOOP("reason", " (renovation cannot fix it)")},
    {"(needs ", QT_TRANSLATE_NOOP("reason", "(needs ")},
    {"(warn from ", QT_TRANSLATE_NOOP("reason", "(warn from ")},
    {"in no cluster of VG7 sites", QT_TRANSLATE_NOOP("reason", "in no cluster of VG7 sites")},
    {"no score rule has a figure", QT_TRANSLATE_NOOP("reason", "no score rule has a figure")},
    {" not assessed", QT_TRANSLATE_NOOP("reason", " not assessed")},
};

struct Shape {
    QRegularExpression match;
    const char* source;
};

template <std::size_t N>
std::vector<Shape> shapesOf(const char* const (&sources)[N]) {
    std::vector<Shape> v;
    for (const char* s : sources) {
        QString re = QRegularExpression::escape(QString::fromUtf8(s));
        // each %n (escaped or not) becomes a group
        re.replace(QRegularExpression("\\\\?%\\d"), "(.+?)");
        v.push_back({QRegularExpression("^" + re + "$"), s});
    }
    return v;
}

const std::vector<Shape>& shapes() {
    static const std::vector<Shape> all = shapesOf(kShapes);
    return all;
}

const std::vector<Shape>& notAssessedShapes() {
    static const std::vector<Shape> all = shapesOf(kNotAssessed);
    return all;
}

// `pattern` with %1..%n replaced by `args` in one pass, so a part that holds "%2" is left alone.
QString filled(QString pattern, const QStringList& args) {
    for (int i = 0; i < args.size(); ++i) pattern.replace(QString("%%1").arg(i + 1), QString("\x01%1\x01").arg(i));
    for (int i = 0; i < args.size(); ++i) pattern.replace(QString("\x01%1\x01").arg(i), args[i]);
    return pattern;
}

bool isVerdict(const QString& w) {
    static const QRegularExpression re("^(fits_vg7|convert_vg7|cluster|keep|ambulant|dispose|needs_data)$");
    return re.match(w).hasMatch();
}

// One rule's state ("site_capacity fail: 24 places (needs <= 16 (warn up to
// 21))", Classifier.cpp's describe()): the rule by its Dutch title where the
// rule set gives one (`titles`: key -> title_nl; "eigen sanitair", as the
// report's columns name it), the status, the unit, the threshold and a
// summary in the chosen language; the figure takes the Dutch decimal comma.
QString oneState(QString p, const std::map<std::string, std::string>& titles, const std::set<std::string>& plural) {
    QString tail;
    const QString cannot = QStringLiteral(" (renovation cannot fix it)");
    if (p.endsWith(cannot)) {
        p.chop(cannot.size());
        tail = qtx("reason", " (renovation cannot fix it)");
    }
    static const QRegularExpression full(QStringLiteral(
        "^(\\S+) (pass|warn|fail|unknown|na)(?:: (-?[0-9.]+)(?: ([^()]+?))?)?(?: \\(needs (.*?)\\))?(?:: (.*))?$"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto m = full.match(p);
    if (!m.hasMatch()) {
        for (const auto& w : kWords) p.replace(QString::fromUtf8(w[0]), qtx("reason", w[1]));
        // its figures ("score 61.5 %") with the decimal comma
        static const QRegularExpression figure(QStringLiteral("(?<![\\w.])(-?\\d+)\\.(\\d+)(?![\\w.])"));
        p.replace(figure, QStringLiteral("\\1,\\2"));
        return p + tail;
    }
    auto rt = [](const QString& s) { return QString::fromStdString(ruleText(s.toStdString())); };
    const std::string key = m.captured(1).toStdString();
    const auto title = titles.find(key);
    // the status is a verb after the title: it agrees with it ("zichtlijnen voldoen niet")
    const bool pluralTitle = title != titles.end() && plural.count(key);
    QString out = (title == titles.end() ? m.captured(1) : QString::fromStdString(title->second)) + " " +
                  QString::fromStdString(statusLabel(m.captured(2).toStdString(), pluralTitle));
    if (m.capturedLength(3)) out += ": " + QString::fromStdString(shownNumber(m.captured(3).toStdString())) + (m.capturedLength(4) ? " " + rt(m.captured(4)) : QString());
    if (m.capturedLength(5)) out += " " + qtx("reason", "(needs ") + rt(m.captured(5)) + ")";
    if (m.capturedLength(6)) out += ": " + rt(m.captured(6));
    return out + tail;
}

// One rule's state, or a list of them joined by "; ".
QString state(const QString& s, const std::map<std::string, std::string>& titles, const std::set<std::string>& plural) {
    // "; " inside one state (a threshold "road >= 100; place >= 200") stays in it
    static const QRegularExpression head(QStringLiteral("^\\S+ (pass|warn|fail|unknown|na)(?=$|:| )"));
    QStringList parts;
    for (const QString& piece : s.split("; ")) {
        if (!parts.isEmpty() && !head.match(piece).hasMatch()) parts.back() += "; " + piece;
        else parts << piece;
    }
    for (QString& p : parts) {
        // a list item that is no rule's state (a summary's own "; ")
        p = oneState(p, titles, plural);
        for (const auto& w : kWords) p.replace(QString::fromUtf8(w[0]), qtx("reason", w[1]));
    }
    return parts.join("; ");
}

}  // namespace

ReasonTranslator::ReasonTranslator(const RuleSet& rs) : dutch_(language() == Language::Dutch) {
    if (!dutch_) return;
    // The Dutch explanations are read from the rule set file (as the report
    // reads the parameters' sources): words for people, not for the classifier.
    QFile f(QString::fromStdString(rs.source));
    if (!f.open(QIODevice::ReadOnly)) return;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    for (const auto& v : root.value("rules").toArray()) {
        const QJsonObject r = v.toObject();
        const QString key = r.value("key").toString(r.value("rule").toString());
        if (r.value("title_nl").isString()) titles_[key.toStdString()] = r.value("title_nl").toString().toStdString();
        if (r.value("title_nl_plural").toBool()) pluralTitles_.insert(key.toStdString());
    }
    const QJsonObject cls = root.value("classification").toObject();
    for (const auto& v : cls.value("verdicts").toArray()) {
        const QJsonObject o = v.toObject();
        if (o.contains("explain") && o.contains("explain_nl"))
            explained_[o.value("explain").toString().toStdString()] = o.value("explain_nl").toString().toStdString();
    }
    if (cls.contains("otherwise_explain") && cls.contains("otherwise_explain_nl"))
        explained_[cls.value("otherwise_explain").toString().toStdString()] =
            cls.value("otherwise_explain_nl").toString().toStdString();
}

std::string ReasonTranslator::operator()(const std::string& reason) const {
    if (!dutch_) return reason;
    if (auto it = explained_.find(reason); it != explained_.end()) return it->second;
    const QString r = QString::fromStdString(reason);
    for (const Shape& sh : notAssessedShapes()) {
        const auto m = sh.match.match(r);
        if (!m.hasMatch()) continue;
        QStringList args = m.capturedTexts().mid(1);
        for (QString& a : args)
            for (const char* w : kStoppedWhile)
                if (a == QLatin1String(w)) a = qtx("reason", w);
        return filled(qtx("reason", sh.source), args).toStdString();
    }
    for (const Shape& sh : shapes()) {
        const auto m = sh.match.match(r);
        if (!m.hasMatch()) continue;
        QStringList args;
        for (int i = 1; i <= m.lastCapturedIndex(); ++i) {
            const QString a = m.captured(i);
            args << (isVerdict(a) ? QString::fromStdString(verdictLabel(a.toStdString())) : state(a, titles_, pluralTitles_));
        }
        return filled(qtx("reason", sh.source), args).toStdString();
    }
    return state(r, titles_, pluralTitles_).toStdString();
}

}  // namespace vgscan::i18n
