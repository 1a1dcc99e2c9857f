// Figures people read: the Dutch decimal comma ("1,25 m") in Dutch texts,
// the point in English and in every machine format.
#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "i18n/Translated.h"
#include "rules/NumberText.h"
#include "rules/RuleKit.h"

#include <catch2/catch_test_macros.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QXmlStreamReader>
#include <QtGlobal>

#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace vgscan;

namespace {

// Restores English whatever a check does: other tests assume it.
struct InDutch {
    InDutch() { i18n::setLanguage(i18n::Language::Dutch); }
    ~InDutch() { i18n::setLanguage(i18n::Language::English); }
};

}  // namespace

TEST_CASE("shown numbers: the point in English, the comma in Dutch, other text untouched") {
    CHECK(i18n::shown(1.25) == "1.25");
    CHECK(i18n::shown(2.0) == "2");
    CHECK(i18n::shown(-0.0001) == "0");
    CHECK(i18n::shown(1234.56, 1) == "1234.6");
    CHECK(i18n::shownNumber(">= 1.2") == ">= 1.2");
    CHECK(i18n::shownPoint(12.5, 3) == "12.5, 3");

    const InDutch dutch;
    CHECK(i18n::shown(1.25) == "1,25");
    CHECK(i18n::shown(2.0) == "2");
    CHECK(i18n::shown(1234.56, 1) == "1234,6");  // no thousands mark: none in English either
    CHECK(i18n::shown(-0.5, 1) == "-0,5");
    CHECK(i18n::shownPoint(12.5, 3) == "12,5; 3");  // the comma is taken: a semicolon between
    // a figure alone, after a comparison, before a unit
    CHECK(i18n::shownNumber("0.85") == "0,85");
    CHECK(i18n::shownNumber(">= 1.2") == ">= 1,2");
    CHECK(i18n::shownNumber("<= 16") == "<= 16");
    CHECK(i18n::shownNumber("< 0.5") == "< 0,5");
    CHECK(i18n::shownNumber("87.2 %") == "87,2 %");
    CHECK(i18n::shownNumber("84.6 m2") == "84,6 m2");
    CHECK(i18n::shownNumber(">= 15.5 m2") == ">= 15,5 m2");
    // not a figure alone: unchanged
    for (const char* other : {"vg7.json", "1.2.3", "12.", ".5", "S01.2", "(10.2, 2.1)", "1.2 kg", "version 1.2", ""})
        CHECK(i18n::shownNumber(other) == other);
}

TEST_CASE("a rule's Dutch text shows its figures with the comma, its English text with the point") {
    // The parts a rule fills in are figures written with kit::fmt; the
    // translation replaces the point in each part that is a figure alone.
    const char* pattern = QT_TRANSLATE_NOOP("rules", "(%1, %2) on storey %3");
    CHECK(i18n::ruleText(kit::say(pattern, kit::fmt(0.0, 2), kit::fmt(4.994, 2), "1")) == "(0, 4.99) on storey 1");
    const InDutch dutch;
    CHECK(i18n::ruleText(kit::say(pattern, kit::fmt(0.0, 2), kit::fmt(4.994, 2), "1")) == "(0; 4,99) op bouwlaag 1");
    // a threshold with its warning band, made by the kit
    CHECK(i18n::ruleText(kit::atLeastText(1.2, 0.9, 2)) == ">= 1,2 (waarschuwing vanaf 0,9)");
}

TEST_CASE("kit::fmt (std::to_chars) writes what the former snprintf \"%.*f\" wrote") {
    // By hand: rounding of the exact binary value (0.125 is exact: half to
    // even; 2.675 is 2.67499999...), trailing zeros and the point cut, -0.
    CHECK(kit::fmt(0.125, 2) == "0.12");
    CHECK(kit::fmt(0.375, 2) == "0.38");
    CHECK(kit::fmt(2.675, 2) == "2.67");
    CHECK(kit::fmt(2.5, 0) == "2");
    CHECK(kit::fmt(3.5, 0) == "4");
    CHECK(kit::fmt(1.10, 2) == "1.1");
    CHECK(kit::fmt(100.0, 3) == "100");
    CHECK(kit::fmt(-0.004, 2) == "0");
    CHECK(kit::fmt(-0.0, 1) == "0");
    CHECK(kit::fmt(-1.25, 1) == "-1.2");
    CHECK(kit::fmt(1234567.891, 1) == "1234567.9");
    // Against the former way: special values, every magnitude, the
    // decimals the callers ask for and the edges of the buffer (a text of
    // 63 bytes or more: snprintf cut it at 63).
    std::vector<double> values = {0.0, -0.0, std::numeric_limits<double>::quiet_NaN(),
                                  -std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::max(),
                                  std::numeric_limits<double>::denorm_min(), 0.5, 1.5, 0.05, 0.15, 0.25, 0.35, 1e15,
                                  123456789012345678.0, 1e60, -1e60, 1e61, 9.99999e61, 1e62, 1e63, 1e64};
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
    std::uniform_int_distribution<int> exponent(-12, 70);
    for (int i = 0; i < 20000; ++i) values.push_back(mantissa(rng) * std::pow(10.0, exponent(rng)));
    // Halfway cases in decimal that are exact in binary (k / 2^n).
    for (int k = -400; k <= 400; ++k) values.push_back(k / 64.0);
    int compared = 0, differ = 0;
    for (int d : {-1, 0, 1, 2, 3, 4, 6, 10, 17, 30, 41, 60})
        for (double v : values) {
            ++compared;
            if (kit::fmt(v, d) != kit::fmtPrintf(v, d) && differ++ < 5)
                FAIL_CHECK("fmt(" << v << ", " << d << ") = " << kit::fmt(v, d) << ", the former way "
                                  << kit::fmtPrintf(v, d));
        }
    CHECK(differ == 0);
    CHECK(compared > 200000);
}

namespace {

// The messages of core/i18n/vgscan_nl.ts.
struct Message {
    std::string context, source, comment, translation;
    bool hasComment = false;
};

std::vector<Message> messages() {
    QFile f(QStringLiteral(VGSCAN_TEST_SOURCE_DIR "/core/i18n/vgscan_nl.ts"));
    if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read vgscan_nl.ts");
    QXmlStreamReader xml(&f);
    std::vector<Message> all;
    std::string context;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement()) continue;
        if (xml.name() == QLatin1String("name")) context = xml.readElementText().toStdString();
        else if (xml.name() == QLatin1String("message")) all.push_back({context, "", "", "", false});
        else if (xml.name() == QLatin1String("source") && !all.empty()) all.back().source = xml.readElementText().toStdString();
        else if (xml.name() == QLatin1String("translation") && !all.empty())
            all.back().translation = xml.readElementText(QXmlStreamReader::IncludeChildElements).toStdString();
        else if (xml.name() == QLatin1String("comment") && !all.empty()) {
            all.back().comment = xml.readElementText().toStdString();
            all.back().hasComment = true;
        }
    }
    return all;
}

}  // namespace

TEST_CASE("i18n::arg gives QString::arg's bytes: the translation's patterns, odd markers and broken UTF-8") {
    using i18n::arg;
    CHECK(arg("%1 sites", "12") == "12 sites");
    CHECK(arg("%2 of %1", "a", "b") == "b of a");
    CHECK(arg("%1 and %1", "x") == "x and x");
    CHECK(arg("%1%", "50") == "50%");  // a lone '%' after the marker: Qt's way
    CHECK(arg("100% %1", "x") == i18n::argByQt("100% %1", {"x"}));
    CHECK(arg("%1", "%2", "y") == "%2");  // one pass: an argument's markers stay
    CHECK(arg("Storey %1 — %2 spaces", "0", "12") == "Storey 0 — 12 spaces");
    // Patterns: every source and Dutch translation with a marker, and odd ones.
    std::vector<std::string> patterns;
    for (const Message& m : messages())
        for (const std::string* t : {&m.source, &m.translation})
            if (t->find('%') != std::string::npos) patterns.push_back(*t);
    REQUIRE(patterns.size() > 100);
    for (const char* odd : {"%1", "%1%2%3%4%5", "%5 %4 %3 %2 %1", "%10 %1", "%1%0", "%L1 %2", "%%1", "%", "a%",
                            "%1\xd9\xa3", "%1\xc3\xa9", "%01", "%1 %3", "%2 %3", "%n sites", "%1 %1 %2 %2",
                            "\xef\xbb\xbf%1", "\xff%1", "%1\x00%2", "%1 % of %2", "%%1", "%%%1%%", "%a%1%L", "%1%L2",
                            "%1 %\xd9\xa3", "%1%\xc3\xa9", "50 %"})
        patterns.emplace_back(odd);
    patterns.emplace_back(std::string("%1\0%2", 5));
    // Arguments: plain, UTF-8, markers, broken UTF-8, a byte order mark, a noncharacter, surrogates, NUL.
    const std::vector<std::string> texts{"",          "12.5",       "kamer één",  "%1",         "%2%",
                                         "\xc3",       "\xe2\x80",   "\xed\xa0\x80", "\xef\xbb\xbf", "\xef\xbf\xbe",
                                         "\xf4\x90\x80\x80", "\xc0\xaf", std::string("a\0b", 3), "ok \xf0\x9f\x98\x80"};
    int compared = 0, differ = 0;
    std::mt19937 rng(5);
    for (const std::string& p : patterns)
        for (std::size_t n = 1; n <= 5; ++n)
            for (int round = 0; round < 6; ++round) {
                std::vector<std::string> a;
                for (std::size_t k = 0; k < n; ++k) a.push_back(texts[rng() % texts.size()]);
                std::string fast;
                switch (n) {
                case 1: fast = arg(p, a[0]); break;
                case 2: fast = arg(p, a[0], a[1]); break;
                case 3: fast = arg(p, a[0], a[1], a[2]); break;
                case 4: fast = arg(p, a[0], a[1], a[2], a[3]); break;
                default: fast = arg(p, a[0], a[1], a[2], a[3], a[4]); break;
                }
                ++compared;
                if (fast != i18n::argByQt(p, a) && differ++ < 5) FAIL_CHECK("'" << p << "' with " << n << " arguments");
            }
    CHECK(differ == 0);
    CHECK(compared > 3000);
}

TEST_CASE("i18n::tx: each thread's kept texts are QCoreApplication::translate's, also after the language changes") {
    // Translators are installed on the application.
    int argc = 1;
    char name[] = "test_core";
    char* argv[] = {name, nullptr};
    std::optional<QCoreApplication> app;
    if (!QCoreApplication::instance()) app.emplace(argc, argv);
    // Every message of the translation, both languages in turn (twice, so
    // that kept texts of the other language would show).
    const std::vector<Message> all = messages();
    REQUIRE(all.size() > 500);
    int differ = 0, translated = 0;
    for (const auto l : {i18n::Language::English, i18n::Language::Dutch, i18n::Language::English, i18n::Language::Dutch}) {
        i18n::setLanguage(l);
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& m : all) {
                const char* comment = m.hasComment ? m.comment.c_str() : nullptr;
                const std::string kept = i18n::tx(m.context.c_str(), m.source.c_str(), comment);
                differ += kept != i18n::txUncached(m.context.c_str(), m.source.c_str(), comment);
                differ += i18n::txByWords(m.context.c_str(), m.source.c_str(), comment) != kept;
                translated += l == i18n::Language::Dutch && kept != m.source;
            }
    }
    i18n::setLanguage(i18n::Language::English);
    CHECK(differ == 0);
    CHECK(translated > 1000);  // the Dutch texts were seen (2 passes x 2 rounds x most messages)
    // By hand, and from another thread after this one changed the language.
    CHECK(i18n::tx("report", "Overview") == "Overview");
    {
        const InDutch nl;
        CHECK(i18n::tx("report", "Overview") == "Overzicht");
        std::string there;
        std::thread([&] { there = i18n::tx("report", "Overview"); }).join();
        CHECK(there == "Overzicht");
    }
    CHECK(i18n::tx("report", "Overview") == "Overview");
    // A caller's buffer reused for another text is not mistaken for the first.
    char buffer[32] = "Overview";
    CHECK(i18n::tx("report", buffer) == "Overview");
    std::snprintf(buffer, sizeof buffer, "%s", "Legend");
    CHECK(i18n::tx("report", buffer) == "Legend");
    {
        // The same for the context and the disambiguation: the words count,
        // not where they are.
        const InDutch nl;
        char context[16] = "report";
        CHECK(i18n::tx(context, "Overview") == "Overzicht");
        std::snprintf(context, sizeof context, "%s", "no such context");
        CHECK(i18n::tx(context, "Overview") == "Overview");
        char comment[16] = "";
        CHECK(i18n::tx("report", "Overview", comment) == i18n::txUncached("report", "Overview", comment));
        CHECK(i18n::tx("report", "Overview") == "Overzicht");
        std::snprintf(comment, sizeof comment, "%s", "other");
        CHECK(i18n::tx("report", "Overview", comment) == i18n::txUncached("report", "Overview", comment));
    }
}
