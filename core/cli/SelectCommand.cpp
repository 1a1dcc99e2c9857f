// vgscan select: regional selection of k sites from a cost matrix (CSV).
// Argument parsing and output only; the work is in core/select.
#include "cli/Commands.h"
#include "select/CostMatrix.h"
#include "select/Selection.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

using namespace vgscan::select;

namespace {

constexpr int kOk = 0, kUsage = 1, kBadInput = 2;

const char* kUsageText =
    "Usage: vgscan select --costs FILE.csv --from-col NAME --to-col NAME --cost-col NAME\n"
    "                     [--weight-col NAME | --weights FILE.csv --weights-id-col NAME --weights-col NAME]\n"
    "                     [--k 3] [--objective median|coverage|center] [--radius R]\n"
    "                     [--min-separation D [--separation FILE.csv]] [--must-include ID,...]\n"
    "                     [--runners-up 5] [--format text|json]\n"
    "Chooses k sites among the candidates so that demand is as close as possible to a chosen\n"
    "site, and proves the choice optimal (exact branch and bound):\n"
    "  median    minimise the weighted sum of costs to the nearest chosen site\n"
    "  coverage  maximise the weight within --radius of a chosen site\n"
    "  center    minimise the largest cost of any demand point with weight > 0\n"
    "The costs file is long form: one row per candidate-demand pair. Without a weight every\n"
    "demand point weighs 1. The separation file is long form too (candidate to candidate, same\n"
    "column names as the costs); without it, candidates that are also demand points are\n"
    "separated by their mutual costs.\n";

const char* kExitText =
    "Exit codes:\n"
    "  0   success\n"
    "  1   usage error\n"
    "  2   bad input (the message names file, line and column), or no set satisfies the constraints\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

double parseNumber(const QCommandLineParser& p, const char* name) {
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || v < 0) throw UsageError(std::string("--") + name + " must be a number >= 0");
    return v;
}

int parseCount(const QCommandLineParser& p, const char* name, int minimum) {
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < minimum)
        throw UsageError(std::string("--") + name + " must be a whole number >= " + std::to_string(minimum));
    return v;
}

std::string join(const Problem& problem, const std::vector<int>& sites) {
    std::string s;
    for (int i : sites) s += (s.empty() ? "" : ", ") + problem.candidates[i];
    return s;
}

QJsonArray ids(const Problem& problem, const std::vector<int>& sites) {
    QJsonArray a;
    for (int i : sites) a.append(QString::fromStdString(problem.candidates[i]));
    return a;
}

void writeJson(const Problem& problem, const Result& r) {
    QJsonObject o;
    o["objective"] = toString(r.objective);
    o["k"] = r.k;
    o["optimal"] = r.optimal;
    o["method"] = QString::fromStdString(r.method);
    o["chosen"] = ids(problem, r.chosen);
    o["objective_value"] = r.value;
    o["mean_weighted_cost"] = r.meanWeightedCost;
    if (r.objective == Objective::Coverage) o["radius"] = problem.radius;
    if (problem.minSeparation > 0) o["min_separation"] = problem.minSeparation;
    if (!problem.mustInclude.empty()) o["must_include"] = ids(problem, problem.mustInclude);
    QJsonArray assignment;
    const std::size_t N = problem.demand.size();
    for (std::size_t j = 0; j < N; ++j) {
        const int i = r.assignment[j];
        assignment.append(QJsonObject{{"demand", QString::fromStdString(problem.demand[j])},
                                      {"site", QString::fromStdString(problem.candidates[i])},
                                      {"cost", problem.cost[static_cast<std::size_t>(i) * N + j]}});
    }
    o["assignment"] = assignment;
    QJsonArray runners;
    for (const auto& c : r.runnersUp) runners.append(QJsonObject{{"chosen", ids(problem, c.sites)}, {"objective_value", c.value}});
    o["runners_up"] = runners;
    std::cout << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

std::string fixed(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

void writeText(const Problem& problem, const Result& r) {
    const char* meaning = r.objective == Objective::Median     ? "weighted sum of costs"
                          : r.objective == Objective::Coverage ? "weight covered"
                                                               : "largest cost of a demand point";
    std::cout << "Objective: " << toString(r.objective) << ", k = " << r.k
              << (r.objective == Objective::Coverage ? ", radius " + fixed(problem.radius) : std::string())
              << (r.optimal ? ", proven optimal" : "") << "\n"
              << "Chosen: " << join(problem, r.chosen) << "\n"
              << "Objective value: " << fixed(r.value) << " (" << meaning << ")\n"
              << "Mean weighted cost: " << fixed(r.meanWeightedCost) << "\n"
              << "Method: " << r.method << "\n\n";
    // Per chosen site: how much demand it serves and how far away.
    struct Served {
        int points = 0;
        double weight = 0, weightedCost = 0, worst = 0;
    };
    std::map<int, Served> served;
    const std::size_t N = problem.demand.size();
    for (std::size_t j = 0; j < N; ++j) {
        const int i = r.assignment[j];
        const double c = problem.cost[static_cast<std::size_t>(i) * N + j];
        Served& s = served[i];
        ++s.points;
        s.weight += problem.weight[j];
        s.weightedCost += problem.weight[j] * c;
        if (problem.weight[j] > 0) s.worst = std::max(s.worst, c);
    }
    std::printf("%-24s %8s %12s %12s %12s\n", "site", "demand", "weight", "mean cost", "max cost");
    for (int i : r.chosen) {
        const Served& s = served[i];
        std::printf("%-24s %8d %12.2f %12s %12.2f\n", problem.candidates[i].c_str(), s.points, s.weight,
                    s.weight > 0 ? fixed(s.weightedCost / s.weight).c_str() : "-", s.worst);
    }
    if (!r.runnersUp.empty()) {
        std::printf("\nRunners-up:\n%-4s %-48s %16s\n", "#", "sites", "objective value");
        int rank = 2;
        for (const auto& c : r.runnersUp)
            std::printf("%-4d %-48s %16.2f\n", rank++, join(problem, c.sites).c_str(), c.value);
    }
    std::fflush(stdout);
}

}  // namespace

int cmdSelect(const QStringList& args) {
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({
        {"costs", "Long-form cost CSV: one row per candidate-demand pair.", "FILE"},
        {"from-col", "Column with the candidate id.", "NAME"},
        {"to-col", "Column with the demand point id.", "NAME"},
        {"cost-col", "Column with the cost (distance, minutes).", "NAME"},
        {"weight-col", "Column of the costs file with the demand weight.", "NAME"},
        {"weights", "CSV with a weight per demand point.", "FILE"},
        {"weights-id-col", "Demand id column of --weights.", "NAME"},
        {"weights-col", "Weight column of --weights.", "NAME"},
        {"k", "Number of sites to choose (default 3).", "K", "3"},
        {"objective", "median, coverage or center (default median).", "NAME", "median"},
        {"radius", "Coverage radius, in cost units (coverage only).", "R"},
        {"min-separation", "Chosen sites at least this far apart.", "D"},
        {"separation", "Long-form candidate-candidate distance CSV for --min-separation.", "FILE"},
        {"must-include", "Candidate ids that are always chosen (comma separated).", "IDS"},
        {"runners-up", "How many next-best sets to list (default 5).", "N", "5"},
        {"format", "Output: text or json (default text).", "FORMAT", "text"},
    });
    if (!p.parse(args)) {
        std::cerr << "vgscan select: " << p.errorText().toStdString() << "\n" << kUsageText;
        return kUsage;
    }
    if (p.isSet("help")) {
        const QString help = p.helpText();
        std::cout << kUsageText << "\n" << help.mid(help.indexOf("Options:")).toStdString() << "\n" << kExitText;
        return kOk;
    }

    Problem problem;
    CostColumns columns;
    std::string costsPath;
    QString format;
    try {
        if (!p.positionalArguments().isEmpty())
            throw UsageError("unexpected argument '" + p.positionalArguments().front().toStdString() +
                             "' (selection from a portfolio is not available yet; give --costs)");
        for (const char* required : {"costs", "from-col", "to-col", "cost-col"})
            if (!p.isSet(required)) throw UsageError(std::string("--") + required + " is required");
        costsPath = p.value("costs").toStdString();
        columns.from = p.value("from-col").toStdString();
        columns.to = p.value("to-col").toStdString();
        columns.cost = p.value("cost-col").toStdString();
        if (p.isSet("weight-col") && p.isSet("weights"))
            throw UsageError("give either --weight-col or --weights, not both");
        columns.weight = p.value("weight-col").toStdString();
        if (p.isSet("weights")) {
            if (!p.isSet("weights-id-col") || !p.isSet("weights-col"))
                throw UsageError("--weights needs --weights-id-col and --weights-col");
            columns.weightsFile = p.value("weights").toStdString();
            columns.weightsIdColumn = p.value("weights-id-col").toStdString();
            columns.weightsColumn = p.value("weights-col").toStdString();
        }
        problem.k = parseCount(p, "k", 1);
        problem.runnersUp = parseCount(p, "runners-up", 0);
        try {
            problem.objective = objectiveFromString(p.value("objective").toStdString());
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
        if (problem.objective == Objective::Coverage) {
            if (!p.isSet("radius")) throw UsageError("--objective coverage needs --radius");
            problem.radius = parseNumber(p, "radius");
        } else if (p.isSet("radius")) {
            throw UsageError("--radius only applies to --objective coverage");
        }
        if (p.isSet("min-separation")) problem.minSeparation = parseNumber(p, "min-separation");
        if (p.isSet("separation") && !p.isSet("min-separation"))
            throw UsageError("--separation needs --min-separation");
        format = p.value("format");
        if (format != "text" && format != "json") throw UsageError("--format must be text or json");
    } catch (const UsageError& e) {
        std::cerr << "vgscan select: " << e.what() << "\n" << kUsageText;
        return kUsage;
    }

    try {
        CostTable table = readCostTable(costsPath, columns);
        if (static_cast<std::size_t>(problem.k) > table.candidates.size())
            throw CostInputError(costsPath + ": k = " + std::to_string(problem.k) + " but the file has only " +
                                 std::to_string(table.candidates.size()) + " candidates");
        if (problem.minSeparation > 0) {
            if (p.isSet("separation"))
                problem.separation = readSeparation(p.value("separation").toStdString(), columns.from, columns.to,
                                                    columns.cost, table.candidates);
            else
                problem.separation = separationFromCosts(table);
            if (problem.separation.empty())
                throw CostInputError(costsPath + ": --min-separation needs --separation FILE, or candidates that "
                                                 "are also demand points (same ids)");
        }
        for (const QString& id : p.value("must-include").split(',', Qt::SkipEmptyParts)) {
            const std::string s = id.trimmed().toStdString();
            auto it = std::find(table.candidates.begin(), table.candidates.end(), s);
            if (it == table.candidates.end())
                throw CostInputError(costsPath + ": --must-include names '" + s + "', which is not a candidate");
            problem.mustInclude.push_back(static_cast<int>(it - table.candidates.begin()));
        }
        problem.candidates = std::move(table.candidates);
        problem.demand = std::move(table.demand);
        problem.cost = std::move(table.cost);
        problem.weight = std::move(table.weight);
        const Result result = solve(problem);
        if (format == "json")
            writeJson(problem, result);
        else
            writeText(problem, result);
    } catch (const CostInputError& e) {
        std::cerr << "vgscan select: " << e.what() << "\n";
        return kBadInput;
    } catch (const SelectionError& e) {
        std::cerr << "vgscan select: " << e.what() << "\n";
        return kBadInput;
    }
    return kOk;
}
