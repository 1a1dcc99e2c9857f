// scan.json written directly (io/JsonText.h, appendSiteJson) against Qt's
// own text of the same values (QJsonDocument::Indented): numbers of every
// kind, texts with control characters, non-ASCII and broken UTF-8, random
// documents, and random sites with every optional part present or absent.
#include "io/JsonText.h"
#include "report/Reports.h"

#include <catch2/catch_test_macros.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

using namespace vgscan;

namespace {

std::string qtNumber(double v) {
    const QByteArray t = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return t.mid(1, t.size() - 2).toStdString();  // [x]
}

std::string myNumber(double v) {
    std::string s;
    json::appendNumber(s, v);
    return s;
}

std::string qtString(const std::string& s) {
    const QByteArray t = QJsonDocument(QJsonArray{QString::fromStdString(s)}).toJson(QJsonDocument::Compact);
    return t.mid(1, t.size() - 2).toStdString();
}

std::string myString(const std::string& s) {
    std::string out;
    json::appendString(out, s);
    return out;
}

// A text of random pieces: ASCII, control bytes, quotes and backslashes,
// UTF-8 of 2, 3 and 4 bytes (BOM, noncharacters, U+10FFFF), and broken
// sequences (stray continuation bytes, cut sequences, overlong forms,
// surrogates, beyond U+10FFFF, bytes F8-FF).
std::string randomText(std::mt19937_64& rng, int pieces) {
    static const char* kPieces[] = {"a", "Z", " ", "~", "\x7f", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t",
                                    "" /* NUL */, "\x01", "\x1f", "\x1b",
                                    "\xc3\xa9",          // é
                                    "\xc2\x80",          // U+0080
                                    "\xdf\xbf",          // U+07FF
                                    "\xe2\x82\xac",      // €
                                    "\xef\xbb\xbf",      // BOM
                                    "\xef\xbf\xbe",      // U+FFFE
                                    "\xef\xbf\xbf",      // U+FFFF
                                    "\xef\xb7\x90",      // U+FDD0
                                    "\xee\x80\x80",      // U+E000
                                    "\xf0\x9f\x98\x80",  // U+1F600
                                    "\xf4\x8f\xbf\xbf",  // U+10FFFF
                                    "\x80", "\xbf", "\xc3", "\xe2\x82", "\xf0\x9f\x98",
                                    "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf",  // overlong
                                    "\xed\xa0\x80", "\xed\xbf\xbf",                            // surrogates
                                    "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",                    // > U+10FFFF
                                    "\xf8\x88\x80\x80\x80", "\xfe", "\xff"};
    std::string s;
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
    for (int i = 0; i < pieces; ++i) {
        const std::size_t k = pick(rng);
        if (k == 13) s += '\0';  // the NUL piece (a C string cannot hold it)
        else s += kPieces[k];
    }
    return s;
}

double randomNumber(std::mt19937_64& rng) {
    switch (rng() % 6) {
        case 0: {  // any bit pattern (NaN, infinities, denormals among them)
            const std::uint64_t b = rng();
            double v;
            std::memcpy(&v, &b, sizeof v);
            return v;
        }
        case 1: {  // few digits at any exponent: 0.001, 1e-04, 1.5e+20
            const double m = static_cast<double>(rng() % 100000);
            return (rng() & 1 ? -1 : 1) * m * std::pow(10.0, static_cast<int>(rng() % 61) - 30);
        }
        case 2: {  // whole numbers about 2^53 and beyond
            const int e = 40 + static_cast<int>(rng() % 30);
            return std::ldexp(1.0, e) + static_cast<double>(static_cast<int>(rng() % 9) - 4);
        }
        case 3: return static_cast<double>(static_cast<std::int64_t>(rng() % 2000001) - 1000000) / 8;
        case 4: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng);
        default: return std::uniform_real_distribution<double>(0, 1)(rng);
    }
}

QJsonValue randomValue(std::mt19937_64& rng, int depth) {
    switch (rng() % (depth > 3 ? 5 : 7)) {
        case 0: return QJsonValue::Null;
        case 1: return bool(rng() & 1);
        case 2: return randomNumber(rng);
        case 3: return static_cast<int>(rng() % 2000) - 1000;
        case 4: return QString::fromStdString(randomText(rng, static_cast<int>(rng() % 8)));
        case 5: {
            QJsonArray a;
            for (int i = static_cast<int>(rng() % 4); i > 0; --i) a.append(randomValue(rng, depth + 1));
            return a;
        }
        default: {
            QJsonObject o;
            for (int i = static_cast<int>(rng() % 5); i > 0; --i)
                o[QString::fromStdString(randomText(rng, 1 + static_cast<int>(rng() % 3)))] = randomValue(rng, depth + 1);
            return o;
        }
    }
}

// Qt's text of an object as a member two levels deep (scan.json's sites).
std::string qtSite(const QJsonObject& o) {
    QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Indented);
    text.chop(1);
    text.replace("\n", "\n        ");
    return text.toStdString();
}

}  // namespace

TEST_CASE("JSON numbers are written as Qt writes a QJsonValue(double)") {
    // By hand: integers up to 2^53, the shortest digits, plain unless the exponent form is shorter.
    CHECK(myNumber(0.0) == "0");
    CHECK(myNumber(-0.0) == "0");
    CHECK(myNumber(1e5) == "100000");
    CHECK(myNumber(9007199254740992.0) == "9007199254740992");
    CHECK(myNumber(18014398509481984.0) == "18014398509481984");  // 2^54: a double, plain is shorter
    CHECK(myNumber(1e16) == "1e+16");
    CHECK(myNumber(1.5e20) == "1.5e+20");
    CHECK(myNumber(0.001) == "0.001");
    CHECK(myNumber(0.0001) == "1e-04");
    CHECK(myNumber(0.00033) == "0.00033");
    CHECK(myNumber(-1.2345e-5) == "-1.2345e-05");
    CHECK(myNumber(0.1) == "0.1");
    CHECK(myNumber(1.0 / 3) == "0.3333333333333333");
    CHECK(myNumber(123456.5) == "123456.5");
    CHECK(myNumber(5e-324) == "5e-324");
    CHECK(myNumber(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(myNumber(std::numeric_limits<double>::quiet_NaN()) == "null");
    CHECK(myNumber(-std::numeric_limits<double>::infinity()) == "null");
    // Against Qt.
    std::mt19937_64 rng(17);
    int differ = 0;
    for (int i = 0; i < 300000; ++i) {
        const double v = randomNumber(rng);
        for (double x : {v, std::nextafter(v, 0.0), -v})
            if (myNumber(x) != qtNumber(x) && ++differ <= 10) FAIL_CHECK(x << ": Qt " << qtNumber(x) << ", mine " << myNumber(x));
    }
    for (int e = -330; e <= 310; ++e)
        for (int k = 1; k < 20; ++k) {
            const double x = k * std::pow(10.0, e);
            if (myNumber(x) != qtNumber(x) && ++differ <= 10) FAIL_CHECK(x << ": Qt " << qtNumber(x) << ", mine " << myNumber(x));
        }
    CHECK(differ == 0);
}

TEST_CASE("JSON texts are escaped as Qt escapes them, broken UTF-8 read as QString reads it") {
    CHECK(myString("a\"b\\c/\b\f\n\r\t") == "\"a\\\"b\\\\c/\\b\\f\\n\\r\\t\"");
    CHECK(myString(std::string("\0\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\x7f\"");
    CHECK(myString("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
    CHECK(myString("a\xff") == "\"a\xef\xbf\xbd\"");  // U+FFFD
    std::mt19937_64 rng(4);
    int differ = 0;
    for (int i = 0; i < 200000; ++i) {
        const std::string s = randomText(rng, static_cast<int>(rng() % 12));
        if (myString(s) != qtString(s) && ++differ <= 10) FAIL_CHECK("text " << i << ": Qt " << qtString(s) << ", mine " << myString(s));
    }
    CHECK(differ == 0);
}

TEST_CASE("random JSON documents are written as QJsonDocument::Indented writes them") {
    std::mt19937_64 rng(99);
    int differ = 0;
    for (int i = 0; i < 20000; ++i) {
        QJsonObject o;
        for (int k = static_cast<int>(rng() % 6); k > 0; --k)
            o[QString::fromStdString(randomText(rng, 1 + static_cast<int>(rng() % 3)))] = randomValue(rng, 0);
        std::string mine;
        json::IndentedWriter(mine).value(o);
        mine += '\n';
        const QByteArray qt = QJsonDocument(o).toJson(QJsonDocument::Indented);
        if (mine != qt.toStdString() && ++differ <= 3) FAIL_CHECK("document " << i << ":\nQt:\n" << qt.toStdString() << "\nmine:\n" << mine);
    }
    CHECK(differ == 0);
}

TEST_CASE("a site's scan.json text written directly is Qt's text of toJson(site), byte for byte") {
    std::mt19937_64 rng(2026);
    auto text = [&] { return randomText(rng, static_cast<int>(rng() % 6)); };
    auto maybe = [&] { return rng() % 3 != 0; };
    std::vector<RuleEntry> entries(4);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        entries[k].rule = "rule_" + std::to_string(k);
        entries[k].key = k % 2 ? entries[k].rule : entries[k].rule + "_b";  // a key of its own, or none
        entries[k].severity = static_cast<Severity>(k % 3);
    }
    int differ = 0;
    for (int i = 0; i < 3000; ++i) {
        Site site;
        site.id = text();
        site.name = text();
        site.profile = text();
        site.planPath = text();
        if (maybe()) site.places = static_cast<int>(rng() % 40);
        for (int k = static_cast<int>(rng() % 4); k > 0; --k)
            site.attributes[rng() % 4 ? "col" + std::to_string(rng() % 10) : text()] = text();  // non-ASCII keys too
        SiteAssessment a;
        a.site = &site;
        a.failed = rng() & 1;
        a.bedrooms = maybe() ? static_cast<int>(rng() % 20) : -1;
        for (int k = static_cast<int>(rng() % 3); k > 0; --k) a.issues.push_back({text(), text(), text(), bool(rng() & 1)});
        a.classification.verdict = static_cast<Verdict>(rng() % 7);
        for (int k = static_cast<int>(rng() % 3); k > 0; --k) a.classification.reasons.push_back(text());
        a.classification.scoreRules = static_cast<int>(rng() % 2);
        a.classification.score = randomNumber(rng);
        for (int k = static_cast<int>(rng() % 4); k > 0; --k) {
            EvaluatedRule r;
            r.entry = &entries[rng() % entries.size()];
            r.version = text();
            r.inScope = rng() % 4 != 0;
            if (rng() % 4 == 0) r.error = text();
            r.result.status = static_cast<Status>(rng() % 5);
            if (maybe()) r.result.value = randomNumber(rng);
            r.result.unit = text();
            r.result.threshold = text();
            r.result.summary = text();
            for (int f = static_cast<int>(rng() % 3); f > 0; --f) {
                Finding fd{text(), text(), text(), text(), text(), std::nullopt, std::nullopt};
                if (maybe()) fd.location = Point(randomNumber(rng), randomNumber(rng));
                if (maybe()) fd.storey = static_cast<int>(rng() % 5) - 1;
                r.result.findings.push_back(fd);
            }
            for (int f = static_cast<int>(rng() % 3); f > 0; --f) r.result.figures.push_back({text(), randomNumber(rng), text()});
            a.results.push_back(r);
        }
        if ((a.sensitivity.computed = maybe())) {
            a.sensitivity.stable = rng() & 1;
            a.sensitivity.shareSame = randomNumber(rng);
            a.sensitivity.samples = static_cast<int>(rng() % 300);
            a.sensitivity.thresholds = static_cast<int>(rng() % 9);
            for (int f = static_cast<int>(rng() % 3); f > 0; --f)
                a.sensitivity.flips.push_back({text(), text(), randomNumber(rng), randomNumber(rng), static_cast<Verdict>(rng() % 7)});
        }
        if ((a.friction.applies = maybe())) {
            a.friction.currency = text();
            for (int f = static_cast<int>(rng() % 3); f > 0; --f) {
                FrictionPart part{text(), std::nullopt, text()};
                if (maybe()) part.amount = randomNumber(rng);
                a.friction.parts.push_back(part);
            }
            if (maybe()) a.friction.total = randomNumber(rng);
            for (int f = static_cast<int>(rng() % 3); f > 0; --f) a.friction.missing.push_back(text());
        }
        std::string mine;
        appendSiteJson(mine, a, 2);
        const std::string qt = qtSite(toJson(a));
        if (mine != qt && ++differ <= 3) FAIL_CHECK("site " << i << ":\nQt:\n" << qt << "\nmine:\n" << mine);
    }
    CHECK(differ == 0);
}
