// `vgscan select` end to end: output formats and exit codes.
#include <catch2/catch_test_macros.hpp>
#include <catch2/catch_approx.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <fstream>

namespace {

struct Run {
    int code;
    QString out, err;
};

Run vgscan(const QStringList& args) {
    QProcess p;
    p.start(VGSCAN_EXE, QStringList{"select"} + args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

const QString kCosts = VGSCAN_SELECT_DATA "/SF_network_distance_candidateStore_16_censusTract_205_new.csv";
const QStringList kColumns{"--costs", kCosts, "--from-col", "name", "--to-col", "DestinationName",
                           "--cost-col", "distance", "--weight-col", "demand"};

}  // namespace

TEST_CASE("select prints the optimum as JSON") {
    const Run r = vgscan(kColumns + QStringList{"--k", "4", "--format", "json"});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(o["objective"].toString() == "median");
    CHECK(o["k"].toInt() == 4);
    CHECK(o["optimal"].toBool());
    CHECK(!o["method"].toString().isEmpty());
    QStringList chosen;
    for (const auto& v : o["chosen"].toArray()) chosen << v.toString();
    chosen.sort();
    CHECK(chosen == QStringList{"Store_11", "Store_12", "Store_15", "Store_2"});
    CHECK(o["mean_weighted_cost"].toDouble() == Catch::Approx(2982.1268579890657).epsilon(1e-7));
    CHECK(o["objective_value"].toDouble() == Catch::Approx(2848268129.7145104).epsilon(1e-7));
    const QJsonArray assignment = o["assignment"].toArray();
    REQUIRE(assignment.size() == 205);
    const QJsonObject first = assignment.first().toObject();
    CHECK(first.contains("demand"));
    CHECK(chosen.contains(first["site"].toString()));
    CHECK(first["cost"].toDouble() > 0);
    const QJsonArray runners = o["runners_up"].toArray();
    REQUIRE(runners.size() == 5);
    CHECK(runners[0].toObject()["objective_value"].toDouble() >= o["objective_value"].toDouble());
    CHECK(runners[0].toObject()["chosen"].toArray().size() == 4);
}

TEST_CASE("select text: a chosen site that serves no demand shows no cost, and long runners-up keep their column") {
    // Worked by hand: demand d1..d3 (weights 10, 1, 5); the site ..._D is
    // 50 from everyone, so with k = 4 it is chosen and serves no one.
    QTemporaryDir dir;
    const std::string file = dir.filePath("tiny.csv").toStdString();
    {
        std::ofstream out(file);
        out << "cand,dem,cost,w\n";
        const char* sites[] = {"Zorgcampus_Noord_A", "Zorgcampus_Noord_B", "Zorgcampus_Noord_C", "Zorgcampus_Noord_D"};
        const int costs[4][3] = {{1, 5, 9}, {6, 1, 3}, {8, 6, 2}, {50, 50, 50}};
        const int weights[3] = {10, 1, 5};
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 3; ++j)
                out << sites[i] << ",d" << j + 1 << "," << costs[i][j] << "," << weights[j] << "\n";
    }
    const QStringList columns{"--costs", QString::fromStdString(file), "--from-col", "cand", "--to-col", "dem",
                              "--cost-col", "cost", "--weight-col", "w"};
    Run r = vgscan(columns + QStringList{"--k", "4"});
    INFO(r.out.toStdString() << r.err.toStdString());
    REQUIRE(r.code == 0);
    // Its mean and its largest cost are "-": it has no client (before: max cost 0.00).
    CHECK(r.out.contains(QRegularExpression("\\nZorgcampus_Noord_D +0 +0.00 +- +-  \\[serves no demand\\]\\n")));
    // k = 3: the optimum {A, B, C} = 10 + 1 + 10 = 21, then three runners-up
    // whose site lists (58 characters) are longer than the column was; each
    // value ends where the header's "objective value" ends.
    r = vgscan(columns + QStringList{"--k", "3"});
    REQUIRE(r.code == 0);
    CHECK(r.out.contains("Objective value: 21.00"));
    const QStringList lines = r.out.split('\n');
    const auto header = std::find_if(lines.begin(), lines.end(), [](const QString& l) { return l.startsWith("#  "); });
    REQUIRE(header != lines.end());
    const qsizetype end = header->size();
    int rows = 0;
    for (auto it = header + 1; it != lines.end() && !it->isEmpty(); ++it, ++rows) {
        CHECK(it->size() == end);
        CHECK(it->contains("Zorgcampus_Noord_D"));
    }
    CHECK(rows == 3);
}

TEST_CASE("select prints a table with coverage and must-include") {
    const Run r = vgscan(kColumns + QStringList{"--k", "2", "--objective", "coverage", "--radius", "5000",
                                                 "--must-include", "Store_1", "--runners-up", "2"});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(r.out.contains("Objective: coverage, k = 2, radius 5000.00, proven optimal"));
    CHECK(r.out.contains("Store_1 "));
    CHECK(r.out.contains("Runners-up:"));
}

TEST_CASE("select solves the center by either method to the same optimum and runner-ups") {
    // The relaxation (binary search on the radius) and the branch and bound
    // must prove the same worst cost on the 16 x 205 network matrix, and list
    // runner-ups of the same values.
    auto center = [](const QString& method, const QString& runnersUp) {
        const Run r = vgscan(kColumns + QStringList{"--k", "3", "--objective", "center", "--runners-up", runnersUp,
                                                     "--center-method", method, "--format", "json"});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    auto runnerUpValues = [](const QJsonObject& o) {
        std::vector<double> v;
        for (const auto& c : o["runners_up"].toArray()) v.push_back(c.toObject()["objective_value"].toDouble());
        return v;
    };
    for (const QString runnersUp : {"0", "5"}) {
        INFO("runners-up " << runnersUp.toStdString());
        const QJsonObject relaxed = center("relaxation", runnersUp), branched = center("branch-and-bound", runnersUp);
        CHECK(relaxed["method"].toString().contains("binary search on the radius"));
        CHECK(branched["method"].toString().contains("branch and bound"));
        CHECK(relaxed["optimal"].toBool());
        CHECK(relaxed["objective_value"].toDouble() == branched["objective_value"].toDouble());
        CHECK(runnerUpValues(relaxed).size() == (runnersUp == "0" ? 0u : 5u));
        CHECK(runnerUpValues(relaxed) == runnerUpValues(branched));
        CHECK(center("auto", runnersUp)["method"].toString().contains("binary search on the radius"));
    }
    CHECK(vgscan(kColumns + QStringList{"--objective", "center", "--center-method", "fast"}).code == 1);
}

TEST_CASE("select usage errors exit 1") {
    CHECK(vgscan({"--from-col", "a"}).code == 1);                                    // no --costs
    CHECK(vgscan(kColumns + QStringList{"--objective", "mean"}).code == 1);          // unknown objective
    CHECK(vgscan(kColumns + QStringList{"--objective", "coverage"}).code == 1);      // no radius
    CHECK(vgscan(kColumns + QStringList{"--k", "two"}).code == 1);
    CHECK(vgscan(kColumns + QStringList{"--format", "xml"}).code == 1);
    CHECK(vgscan(kColumns + QStringList{"--weights", "w.csv"}).code == 1);           // both weight sources
    // Not numbers a search can use: before, --time-limit nan or inf (or
    // 1e12, past the clock's range) stopped the search at once ("proven
    // lower bound -inf, gap inf %"), a radius of nan covered nothing.
    for (const char* bad : {"nan", "inf", "-inf", "1e12"}) {
        INFO(bad);
        const Run r = vgscan(kColumns + QStringList{"--time-limit", bad});
        CHECK(r.code == 1);
        CHECK(r.err.contains(QString("--time-limit must be a number from 0 to 1000000000 (got '") + bad + "')"));
        if (std::string(bad) == "1e12") continue;  // a large radius or separation is a number like any other
        CHECK(vgscan(kColumns + QStringList{"--objective", "coverage", "--radius", bad}).code == 1);
        CHECK(vgscan(kColumns + QStringList{"--min-separation", bad}).code == 1);
    }
    // The portfolio mode's detour factor (straight line x it where the roads
    // give no route): nan made every such cost nan.
    const Run detour = vgscan({VGSCAN_SELECT_DATA "/../../../floorplans/portfolio.gpkg", "--detour-factor", "nan"});
    CHECK(detour.code == 1);
    CHECK(detour.err.contains("--detour-factor must be a number >= 1"));
    CHECK(vgscan({"--help"}).code == 0);
}

TEST_CASE("select bad input exits 2 naming the problem") {
    Run r = vgscan({"--costs", kCosts, "--from-col", "store", "--to-col", "DestinationName", "--cost-col", "distance"});
    CHECK(r.code == 2);
    CHECK(r.err.contains("_new.csv:1: no column 'store'"));
    r = vgscan(kColumns + QStringList{"--k", "17"});
    CHECK(r.code == 2);
    CHECK(r.err.contains("k = 17 but the file has only 16 candidates"));
    r = vgscan(kColumns + QStringList{"--must-include", "Store_99"});
    CHECK(r.code == 2);
    CHECK(r.err.contains("'Store_99', which is not a candidate"));
    r = vgscan(kColumns + QStringList{"--min-separation", "1000"});  // stores are not tracts
    CHECK(r.code == 2);
    CHECK(r.err.contains("--min-separation needs --separation FILE"));
    // The solver's own refusals name the file they are about (before:
    // "vgscan select: all demand weights are zero", which file?).
    QTemporaryDir dir;
    const std::string zero = dir.filePath("zero-weights.csv").toStdString();
    std::ofstream(zero) << "cand,dem,cost,w\nA,d1,1,0\nA,d2,2,0\nB,d1,3,0\nB,d2,1,0\n";
    r = vgscan({"--costs", QString::fromStdString(zero), "--from-col", "cand", "--to-col", "dem", "--cost-col", "cost",
                "--weight-col", "w", "--k", "1"});
    CHECK(r.code == 2);
    CHECK(r.err.contains("vgscan select: " + QString::fromStdString(zero) + ": all demand weights are zero"));
    // Clients in a --weights file where the costs have no demand point are
    // left out, with a note (before: silently).
    const std::string weights = dir.filePath("weights.csv").toStdString();
    std::ofstream(weights) << "id,n\nd1,4\nd2,1\nd9,30\n";
    r = vgscan({"--costs", QString::fromStdString(zero), "--from-col", "cand", "--to-col", "dem", "--cost-col", "cost",
                "--weights", QString::fromStdString(weights), "--weights-id-col", "id", "--weights-col", "n", "--k", "1"});
    CHECK(r.code == 0);
    CHECK(r.err.contains("weights.csv: 1 demand point(s) with a weight (30 in all) have no costs in "));
    CHECK(r.err.contains("left out, the first 'd9' (line 4)"));
}
