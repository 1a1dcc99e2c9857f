// The two text helpers the report and the files call for nearly every byte
// they write, each against its former way in the same run, alternating:
//
//  - BM_Esc: html::esc (runs between the bytes it replaces appended whole)
//    against html::escByByte (the former loop, byte by byte), on every text
//    of the sample plans and the rule sets (ids, names, uses, rule titles,
//    summaries, sources: what the report escapes) and the same texts with
//    & < > " ' and control characters put in.
//  - BM_Fmt: kit::fmt (std::to_chars) against kit::fmtPrintf (the former
//    snprintf "%.*f"), on every coordinate of the sample plans, scaled to
//    areas, lengths and map coordinates, and random numbers of every
//    magnitude, with 0 to 4 decimals (what the report, the CSVs and the
//    rules' figures ask for).
//  - BM_Num: html::num (the whole number of v × 10^decimals written with
//    the point put in, to_chars near a half) against html::numToChars (the
//    former: std::to_chars for every number), on the inputs of BM_Fmt with
//    0 to 3 decimals (the report's SVG coordinates, sizes and labels).
//  - BM_Arg: i18n::arg (the markers %1 .. %n filled in without Qt where
//    the pattern and texts are plain) against i18n::argByQt (the former:
//    QString::arg and two conversions for every call), on every pattern of
//    core/i18n/vgscan_nl.ts, English and Dutch, filled with the corpus's
//    texts and figures.
//  - BM_Tx: i18n::tx (each thread's cache of the texts it gave) against
//    i18n::txUncached (the former: QCoreApplication::translate and two
//    conversions for every call), on every message of core/i18n/vgscan_nl.ts
//    (contexts, sources, disambiguations), 50 times each, in English and in
//    Dutch.
//  - BM_TxKept: i18n::tx (its cache found by where the caller's words are,
//    checked to be them) against i18n::txByWords (the former cache: a key
//    built from the words and hashed for every call), 200 times each.
//
// Both ways must give the same bytes for every input (the benchmark fails
// if not). Figures: CPU time of this thread for each way, the ratio.
#include "CpuClock.h"
#include "i18n/Language.h"
#include "i18n/Translated.h"
#include "report/HtmlReport.h"
#include "rules/NumberText.h"
#include "rules/RuleKit.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace vgscan;

namespace {

void collect(const QJsonValue& v, std::vector<std::string>& texts, std::vector<double>& numbers) {
    if (v.isString()) texts.push_back(v.toString().toStdString());
    else if (v.isDouble()) numbers.push_back(v.toDouble());
    else if (v.isArray())
        for (const auto& x : v.toArray()) collect(x, texts, numbers);
    else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            texts.push_back(it.key().toStdString());
            collect(it.value(), texts, numbers);
        }
    }
}

struct Corpus {
    std::vector<std::string> texts;
    std::vector<double> numbers;
};

const Corpus& corpus() {
    static const Corpus c = [] {
        Corpus k;
        const QString root = VGSCAN_BENCH_SOURCE_DIR;
        QStringList files;
        for (const QString& dir : {root + "/floorplans/plans", root + "/rulesets"})
            for (const QString& f : QDir(dir).entryList({"*.geojson", "*.json"}, QDir::Files, QDir::Name))
                files << dir + "/" + f;
        for (const QString& path : files) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + path.toStdString());
            collect(QJsonDocument::fromJson(f.readAll()).object(), k.texts, k.numbers);
        }
        // The same texts with what esc replaces put in.
        const std::size_t plain = k.texts.size();
        const char* inserts[] = {"&", "<b>", "\"", "'", "\x01", "\t", "\n", "R&D <lab> \"x\" 'y'"};
        for (std::size_t i = 0; i < plain; ++i) {
            std::string t = k.texts[i];
            t.insert(t.size() / 2, inserts[i % 8]);
            k.texts.push_back(std::move(t));
        }
        return k;
    }();
    return c;
}

// Runs both ways `rounds` times over the inputs, alternating; counts
// differing outputs (first round).
template <class A, class B>
void compareWays(benchmark::State& state, const char* what, std::size_t inputs, A fast, B former, int rounds) {
    double fastCpu = 0, formerCpu = 0;
    std::size_t bytes = 0, mismatches = 0;
    for (auto _ : state) {
        for (int r = 0; r < rounds; ++r) {
            std::vector<std::string> a, b;
            auto timed = [](auto& way, std::vector<std::string>& out) {
                const double t0 = bench::threadCpuSeconds();
                out = way();
                return bench::threadCpuSeconds() - t0;
            };
            if (r % 2 == 0) {  // which way goes first alternates
                fastCpu += timed(fast, a);
                formerCpu += timed(former, b);
            } else {
                formerCpu += timed(former, b);
                fastCpu += timed(fast, a);
            }
            if (r == 0) {
                if (a.size() != b.size() || a.size() != inputs) ++mismatches;
                for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
                    bytes += a[i].size();
                    if (a[i] != b[i] && mismatches++ < 5) std::cerr << what << ": '" << a[i] << "' against '" << b[i] << "'\n";
                }
            }
        }
        state.SetIterationTime(fastCpu);
    }
    state.counters["inputs"] = static_cast<double>(inputs);
    state.counters["bytes"] = static_cast<double>(bytes);
    state.counters["new_s"] = fastCpu;
    state.counters["former_s"] = formerCpu;
    state.counters["former_over_new"] = formerCpu / fastCpu;
    state.counters["mismatches"] = static_cast<double>(mismatches);
    std::cerr << what << ": " << inputs << " inputs x " << rounds << ": new " << fastCpu << " s CPU, former " << formerCpu
              << " s: ratio " << formerCpu / fastCpu << ", " << mismatches << " differ\n";
    if (mismatches > 0) state.SkipWithError("the new and the former way disagree");
}

void BM_Esc(benchmark::State& state) {
    const auto& texts = corpus().texts;
    auto run = [&](std::string (*f)(const std::string&)) {
        return [&texts, f] {
            std::vector<std::string> out;
            out.reserve(texts.size());
            for (const auto& t : texts) out.push_back(f(t));
            return out;
        };
    };
    compareWays(state, "esc", texts.size(), run(&html::esc), run(&html::escByByte), 200);
}
BENCHMARK(BM_Esc)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// Numbers as the report and the files write them: the sample's figures
// scaled to lengths, areas and map coordinates, random numbers of every
// magnitude, and ties and edges.
std::vector<double> figures() {
    std::vector<double> values;
    for (double v : corpus().numbers)
        for (double scale : {1.0, -1.0, 0.37, 13.1, 155000.0, 1e-3})  // lengths, areas, map coordinates
            values.push_back(v * scale);
    std::mt19937 rng(17);
    std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
    std::uniform_int_distribution<int> exponent(-8, 12);
    for (int i = 0; i < 20000; ++i) values.push_back(mantissa(rng) * std::pow(10.0, exponent(rng)));
    for (double v : {0.0, -0.0, 0.005, 0.015, 0.125, -0.125, 2.675, 1e15, -1e22, 0.49999999999999994})
        values.push_back(v);
    return values;
}

// Each of `values` with 0 to maxDecimals decimals, by f.
auto formatted(const std::vector<double>& values, int maxDecimals, std::string (*f)(double, int)) {
    return [&values, maxDecimals, f] {
        std::vector<std::string> out;
        out.reserve(values.size() * static_cast<std::size_t>(maxDecimals + 1));
        for (int d = 0; d <= maxDecimals; ++d)
            for (double v : values) out.push_back(f(v, d));
        return out;
    };
}

void BM_Fmt(benchmark::State& state) {
    const std::vector<double> values = figures();
    compareWays(state, "fmt", values.size() * 5, formatted(values, 4, &kit::fmt), formatted(values, 4, &kit::fmtPrintf), 20);
}
BENCHMARK(BM_Fmt)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

void BM_Num(benchmark::State& state) {
    const std::vector<double> values = figures();
    compareWays(state, "num", values.size() * 4, formatted(values, 3, &html::num), formatted(values, 3, &html::numToChars),
                20);
}
BENCHMARK(BM_Num)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

struct Message {
    std::string context, source, disambiguation, translation;
    bool hasDisambiguation = false;
};

std::vector<Message> messages() {
    QFile f(QString(VGSCAN_BENCH_SOURCE_DIR) + "/core/i18n/vgscan_nl.ts");
    if (!f.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read vgscan_nl.ts");
    QXmlStreamReader xml(&f);
    std::vector<Message> out;
    std::string context;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement()) continue;
        if (xml.name() == QLatin1String("name")) context = xml.readElementText().toStdString();
        else if (xml.name() == QLatin1String("message")) out.push_back({context, "", "", "", false});
        else if (xml.name() == QLatin1String("source") && !out.empty()) out.back().source = xml.readElementText().toStdString();
        else if (xml.name() == QLatin1String("translation") && !out.empty())
            out.back().translation = xml.readElementText(QXmlStreamReader::IncludeChildElements).toStdString();
        else if (xml.name() == QLatin1String("comment") && !out.empty()) {
            out.back().disambiguation = xml.readElementText().toStdString();
            out.back().hasDisambiguation = true;
        }
    }
    return out;
}

using TxWay = std::string (*)(const char*, const char*, const char*, int);

// As the report asks: every message again and again (`passes` times, once
// a site), the language set once, English then Dutch.
std::function<std::vector<std::string>()> askEvery(const std::vector<Message>& all, int passes, TxWay f) {
    return [&all, passes, f] {
        std::vector<std::string> out;
        out.reserve(2 * static_cast<std::size_t>(passes) * all.size());
        for (const auto l : {i18n::Language::English, i18n::Language::Dutch}) {
            i18n::setLanguage(l);
            for (int pass = 0; pass < passes; ++pass)
                for (const auto& m : all)
                    out.push_back(f(m.context.c_str(), m.source.c_str(),
                                    m.hasDisambiguation ? m.disambiguation.c_str() : nullptr, -1));
        }
        i18n::setLanguage(i18n::Language::English);
        return out;
    };
}

void BM_Tx(benchmark::State& state) {
    const std::vector<Message> all = messages();
    compareWays(state, "tx", 2 * 50 * all.size(), askEvery(all, 50, &i18n::tx), askEvery(all, 50, &i18n::txUncached), 4);
}
BENCHMARK(BM_Tx)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// tx's cache found by where the words are (checked to be them) against the
// former cache by the words (a key built and hashed for every call).
void BM_TxKept(benchmark::State& state) {
    const std::vector<Message> all = messages();
    compareWays(state, "tx kept", 2 * 200 * all.size(), askEvery(all, 200, &i18n::tx),
                askEvery(all, 200, &i18n::txByWords), 4);
}
BENCHMARK(BM_TxKept)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

void BM_Arg(benchmark::State& state) {
    // Every pattern of the translation (English and Dutch), its markers
    // filled with texts of the sample plans and rule sets and with figures,
    // 20 times.
    std::vector<std::pair<std::string, std::size_t>> patterns;  // pattern, its arguments
    for (const Message& m : messages())
        for (const std::string* t : {&m.source, &m.translation}) {
            std::size_t n = 0;
            for (char d = '1'; d <= '5'; ++d)
                if (t->find(std::string("%") + d) != std::string::npos) n = static_cast<std::size_t>(d - '0');
            if (n > 0) patterns.emplace_back(*t, n);
        }
    const auto& texts = corpus().texts;
    std::vector<std::vector<std::string>> args;
    for (std::size_t i = 0; i < patterns.size() * 20; ++i) {
        std::vector<std::string> a;
        for (std::size_t k = 0; k < patterns[i % patterns.size()].second; ++k)
            a.push_back(k % 2 ? kit::fmt(static_cast<double>(i * 7 + k) / 8.0, 2) : texts[(i * 5 + k) % texts.size()]);
        args.push_back(std::move(a));
    }
    auto fast = [&] {
        std::vector<std::string> out;
        out.reserve(args.size());
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& p = patterns[i % patterns.size()].first;
            const auto& a = args[i];
            switch (a.size()) {
            case 1: out.push_back(i18n::arg(p, a[0])); break;
            case 2: out.push_back(i18n::arg(p, a[0], a[1])); break;
            case 3: out.push_back(i18n::arg(p, a[0], a[1], a[2])); break;
            case 4: out.push_back(i18n::arg(p, a[0], a[1], a[2], a[3])); break;
            default: out.push_back(i18n::arg(p, a[0], a[1], a[2], a[3], a[4])); break;
            }
        }
        return out;
    };
    auto former = [&] {
        std::vector<std::string> out;
        out.reserve(args.size());
        for (std::size_t i = 0; i < args.size(); ++i) out.push_back(i18n::argByQt(patterns[i % patterns.size()].first, args[i]));
        return out;
    };
    compareWays(state, "arg", args.size(), fast, former, 20);
}
BENCHMARK(BM_Arg)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);  // translators are installed on the application
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
