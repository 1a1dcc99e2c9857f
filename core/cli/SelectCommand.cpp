// vgscan select: regional selection of k sites from a cost matrix (CSV).
// Argument parsing and output only; the work is in core/select.
#include "cli/Commands.h"
#include "cli/RuleSetup.h"
#include "cli/Options.h"
#include "derive/ContextIndex.h"
#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "i18n/Terms.h"
#include "io/PortfolioReader.h"
#include "report/PlanReport.h"
#include "report/Reports.h"
#include "rules/RuleKit.h"
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"
#include "scan/ScanPipeline.h"
#include "select/CostMatrix.h"
#include "select/PortfolioCosts.h"
#include "select/Selection.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>

using namespace vgscan::select;

namespace {

constexpr int kOk = 0, kUsage = 1, kBadInput = 2, kConfig = 3;

const char* kUsageText =
    "Usage: vgscan select PORTFOLIO [--candidates FILE] [--demand FILE] [--network drive|walk]\n"
    "                     [--detour-factor 1.3] [--ruleset FILE] [--plugins DIR] [--verdicts LIST]\n"
    "                     [--k 3] [--objective median|coverage|center] [--radius R]\n"
    "                     [--min-separation D] [--must-include ID,...] [--runners-up 5] [--time-limit S]\n"
    "                     [--center-method auto|relaxation|branch-and-bound] [--format text|json]\n"
    "   or: vgscan select --costs FILE.csv --from-col NAME --to-col NAME --cost-col NAME\n"
    "                     [--weight-col NAME | --weights FILE.csv --weights-id-col NAME --weights-col NAME]\n"
    "                     [--k 3] [--objective median|coverage|center] [--radius R]\n"
    "                     [--min-separation D [--separation FILE.csv]] [--must-include ID,...]\n"
    "                     [--runners-up 5] [--time-limit S] [--center-method auto|relaxation|branch-and-bound]\n"
    "                     [--format text|json]\n"
    "Chooses k sites among the candidates so that demand is as close as possible to a chosen\n"
    "site, and proves the choice optimal (exact branch and bound):\n"
    "  median    minimise the weighted sum of costs to the nearest chosen site\n"
    "  coverage  maximise the weight within --radius of a chosen site\n"
    "  center    minimise the largest cost of any demand point with weight > 0\n"
    "The costs file is long form: one row per candidate-demand pair. Without a weight every\n"
    "demand point weighs 1. The separation file is long form too (candidate to candidate, same\n"
    "column names as the costs); without it, candidates that are also demand points are\n"
    "separated by their mutual costs. Fields are separated by ',' (decimal point), or by ';'\n"
    "with decimal commas when the header line has ';' and no ',' (a spreadsheet with Dutch\n"
    "settings).\n"
    "With a PORTFOLIO the sites are scanned first (as vgscan scan does): the candidates are the\n"
    "sites classified fits_vg7, convert_vg7 or cluster (--verdicts; e.g. --ruleset ambulant\n"
    "--verdicts ambulant for clustered ambulant living) plus the plots of --candidates (points or polygons\n"
    "with an 'id'); the demand is the portfolio's 'demand' layer (or --demand: points with a\n"
    "'weight'); costs are metres along the roads (one search per candidate; --network drive\n"
    "follows oneway), or the straight line x --detour-factor, marked as an estimate, where the\n"
    "roads give no route. Separation distances are along the roads too.\n";

const char* kExitText =
    "Exit codes:\n"
    "  0   success\n"
    "  1   usage error\n"
    "  2   bad input (the message names file, line and column), or no set satisfies the constraints\n"
    "  3   rule set or plugin problem (portfolio mode)\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// `nan` and `inf` parse as numbers: a radius or separation of nan compares
// false with everything, and a time limit of inf (or beyond the clock's
// range, about 292 years in nanoseconds) put the deadline in the past.
constexpr double kMostSeconds = 1e9;  // about 31 years: far below the clock's range

double parseNumber(const QCommandLineParser& p, const char* name, double most = std::numeric_limits<double>::max()) {
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0 || v > most)
        throw UsageError(std::string("--") + name + " must be a number " +
                         (most < std::numeric_limits<double>::max() ? "from 0 to " + vgscan::kit::fmt(most, 0) : ">= 0") +
                         " (got '" + p.value(name).toStdString() + "')");
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

// What the portfolio mode adds to the output: where costs came from and each
// candidate's name and verdict.
struct PortfolioInfo {
    std::string portfolio;
    std::vector<vgscan::select::PortfolioCandidate> candidates;  // same order as Problem::candidates
    std::string costs;  // how costs were measured
    bool estimated = false;
};

QJsonObject siteJson(const PortfolioInfo& info, int i) {
    const auto& c = info.candidates[static_cast<std::size_t>(i)];
    return QJsonObject{{"id", QString::fromStdString(c.id)},
                       {"name", QString::fromStdString(c.name)},
                       {"verdict", QString::fromStdString(c.verdict)}};
}

void writeJson(const Problem& problem, const Result& r, const PortfolioInfo* info = nullptr) {
    QJsonObject o;
    o["objective"] = toString(r.objective);
    o["k"] = r.k;
    o["optimal"] = r.optimal;
    o["stopped_at_time_limit"] = r.timedOut;
    o["bound"] = r.bound;
    o["gap"] = r.gap;
    o["method"] = QString::fromStdString(r.method);
    o["chosen"] = ids(problem, r.chosen);
    o["serves_no_demand"] = ids(problem, servingNoDemand(problem, r));
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
    if (info) {
        o["portfolio"] = QString::fromStdString(info->portfolio);
        o["costs"] = QString::fromStdString(info->costs);
        o["estimated"] = info->estimated;
        QJsonArray chosen, all;
        for (int i : r.chosen) chosen.append(siteJson(*info, i));
        for (std::size_t i = 0; i < info->candidates.size(); ++i) all.append(siteJson(*info, static_cast<int>(i)));
        o["chosen_sites"] = chosen;
        o["candidates"] = all;
    }
    std::cout << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

// A figure with two decimals, as people read it in the chosen language
// (a decimal comma in Dutch).
std::string fixed(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return vgscan::i18n::shownNumber(buf);
}


void writeText(const Problem& problem, const Result& r, const PortfolioInfo* info = nullptr) {
    using vgscan::i18n::arg;
    using vgscan::i18n::ruleText;
    using vgscan::i18n::tx;
    std::string out;
    if (info)
        out += arg(tx("select", "Portfolio: %1, %2 candidates, %3 demand points"), info->portfolio,
                   std::to_string(info->candidates.size()), std::to_string(problem.demand.size())) +
               "\n" + arg(tx("select", "Costs: %1"), ruleText(info->costs)) + "\n";
    const std::string meaning = r.objective == Objective::Median     ? tx("select", "weighted sum of costs")
                                : r.objective == Objective::Coverage ? tx("select", "weight covered")
                                                                     : tx("select", "largest cost of a demand point");
    // The objective as people name it (the option's word, --objective, in English).
    const std::string objective = r.objective == Objective::Median     ? tx("select", "median")
                                  : r.objective == Objective::Coverage ? tx("select", "coverage")
                                                                       : tx("select", "center");
    out += arg(tx("select", "Objective: %1, k = %2"), objective, std::to_string(r.k)) +
           (r.objective == Objective::Coverage ? arg(tx("select", ", radius %1"), fixed(problem.radius)) : std::string()) +
           (r.optimal ? tx("select", ", proven optimal") : std::string()) + "\n" +
           arg(tx("select", "Chosen: %1"), join(problem, r.chosen)) + "\n" +
           arg(tx("select", "Objective value: %1 (%2)"), fixed(r.value), meaning) + "\n" +
           arg(tx("select", "Mean weighted cost: %1"), fixed(r.meanWeightedCost)) + "\n" +
           arg(tx("select", "Method: %1"), ruleText(r.method)) + "\n";
    if (r.timedOut)
        out += arg(r.objective == Objective::Coverage
                       ? tx("select", "Stopped at the time limit: best found %1, proven upper bound %2, gap %3 %")
                       : tx("select", "Stopped at the time limit: best found %1, proven lower bound %2, gap %3 %"),
                   fixed(r.value), fixed(r.bound), fixed(100 * r.gap)) +
               "\n";
    out += "\n";
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
    const std::vector<int> idle = servingNoDemand(problem, r);
    vgscan::TextTable chosen{{{tx("select", "site"), 24},
                              {tx("select", "demand"), 8, true},
                              {tx("select", "weight"), 12, true},
                              {tx("select", "mean cost"), 12, true},
                              {tx("select", "max cost"), 12, true}},
                             {}};
    if (info) chosen.columns.insert(chosen.columns.end(), {{tx("select", "verdict"), 13, false, "  "}, {tx("select", "name"), 0}});
    for (int i : r.chosen) {
        const Served& s = served[i];
        vgscan::TextTable::Row row{{problem.candidates[static_cast<std::size_t>(i)], std::to_string(s.points), fixed(s.weight),
                                    s.weight > 0 ? fixed(s.weightedCost / s.weight) : "-",
                                    s.weight > 0 ? fixed(s.worst) : "-"},  // no client: no cost, not 0
                                   ""};
        if (info) {
            const auto& c = info->candidates[static_cast<std::size_t>(i)];
            row.cells.push_back(vgscan::i18n::verdictLabel(c.verdict));  // "extra" (a --candidates plot) as it is
            row.cells.push_back(c.name);
        }
        if (std::binary_search(idle.begin(), idle.end(), i)) row.after = "  [" + tx("report", "serves no demand") + "]";
        chosen.rows.push_back(std::move(row));
    }
    out += chosen.str();
    if (!idle.empty())
        out += "[" + tx("report", "serves no demand") + "]: " +
               tx("select", "no demand point has this site as its nearest chosen site, so the objective is the same "
                            "without it: fewer sites serve as well.") +
               "\n";
    if (!r.runnersUp.empty()) {
        // The sites column as wide as its longest entry (k = 10 sets run past
        // a fixed width and push the values out of their column).
        vgscan::TextTable runners{{{"#", 4}, {tx("select", "sites"), 48}, {tx("select", "objective value"), 16, true}}, {}};
        int rank = 2;
        for (const auto& c : r.runnersUp)
            runners.rows.push_back({{std::to_string(rank++), join(problem, c.sites), fixed(c.value)}, ""});
        out += "\n" + tx("select", "Runners-up:") + "\n" + runners.str();
    }
    std::cout << out << std::flush;
}

}  // namespace

namespace {

// Options shared by both modes: k, objective, constraints, output.
struct Common {
    Problem problem;  // k, objective, radius, minSeparation, runnersUp
    QStringList mustInclude;
    QString format;
};

Common parseCommon(const QCommandLineParser& p) {
    Common c;
    c.problem.k = parseCount(p, "k", 1);
    c.problem.runnersUp = parseCount(p, "runners-up", 0);
    if (p.isSet("time-limit")) c.problem.timeLimit = parseNumber(p, "time-limit", kMostSeconds);
    const QString centerMethod = p.value("center-method");
    if (centerMethod == "auto") c.problem.centerMethod = CenterMethod::Auto;
    else if (centerMethod == "relaxation") c.problem.centerMethod = CenterMethod::Relaxation;
    else if (centerMethod == "branch-and-bound") c.problem.centerMethod = CenterMethod::BranchAndBound;
    else throw UsageError("unknown --center-method '" + centerMethod.toStdString() +
                          "' (auto, relaxation or branch-and-bound)");
    try {
        c.problem.objective = objectiveFromString(p.value("objective").toStdString());
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (c.problem.objective == Objective::Coverage) {
        if (!p.isSet("radius")) throw UsageError("--objective coverage needs --radius");
        c.problem.radius = parseNumber(p, "radius");
    } else if (p.isSet("radius")) {
        throw UsageError("--radius only applies to --objective coverage");
    }
    if (p.isSet("min-separation")) c.problem.minSeparation = parseNumber(p, "min-separation");
    c.mustInclude = p.value("must-include").split(',', Qt::SkipEmptyParts);
    c.format = p.value("format");
    if (c.format != "text" && c.format != "json") throw UsageError("--format must be text or json");
    return c;
}

// `why`: for an id that is not a candidate, what it is instead (empty: nothing known).
int mustIncludeIndex(const std::vector<std::string>& candidates, const QString& id, const std::string& where,
                     const std::function<std::string(const std::string&)>& why = {}) {
    const std::string s = id.trimmed().toStdString();
    auto it = std::find(candidates.begin(), candidates.end(), s);
    if (it == candidates.end()) {
        const std::string reason = why ? why(s) : std::string();
        throw CostInputError(where + ": --must-include names '" + s + "', which is not a candidate" +
                             (reason.empty() ? std::string() : " (" + reason + ")"));
    }
    return static_cast<int>(it - candidates.begin());
}

// The portfolio mode: scan, candidates, demand, network costs, selection.
int selectPortfolio(const QCommandLineParser& p, Common common) {
    using namespace vgscan;
    const std::string path = p.positionalArguments().front().toStdString();
    Problem& problem = common.problem;
    // Which verdicts make a site a candidate: VG7 cluster sites by default;
    // `ambulant` with the ambulant rule set for clustered ambulant living.
    std::vector<Verdict> verdicts;
    for (const QString& w : p.value("verdicts").split(',', Qt::SkipEmptyParts)) {
        const auto v = parseVerdict(w.trimmed().toStdString());
        if (!v || *v == Verdict::NeedsData) {
            std::cerr << "vgscan select: --verdicts: '" << w.toStdString()
                      << "' is not one of fits_vg7, convert_vg7, cluster, ambulant, keep, dispose\n";
            return kUsage;
        }
        verdicts.push_back(*v);
    }
    if (verdicts.empty()) {
        std::cerr << "vgscan select: --verdicts names no verdict\n";
        return kUsage;
    }
    std::vector<InputIssue> issues;
    Portfolio portfolio;
    try {
        portfolio = readPortfolio(path, issues, PlanPathPolicy{p.isSet("allow-outside-plans")});
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }
    for (const auto& i : issues) std::cerr << i.str() << "\n";

    RuleRegistry registry;
    RuleSet ruleset;
    if (!cli::loadRules(p, "vgscan select", registry, ruleset)) return kConfig;

    try {
        // Candidates: the scan's convert_vg7 and cluster sites, then the extra plots.
        const ContextIndex index(portfolio.context);
        PortfolioInfo info;
        info.portfolio = path;
        const std::vector<SiteAssessment> scanned = ScanPipeline(registry, ruleset).assess(portfolio, index);
        info.candidates = candidatesFromScan(scanned, verdicts);
        const std::size_t fromScan = info.candidates.size();
        if (p.isSet("candidates")) {
            const std::string file = p.value("candidates").toStdString();
            PlacesCrs crs = PlacesCrs::Implied;
            const std::vector<PlacePoint> plots = readPlaces(file, portfolio.crsWkt, false, &crs);
            checkPlacesNearSites(plots, portfolio, file, "", "candidate", crs);
            for (auto& x : plots) {
                for (const auto& c : info.candidates)
                    if (c.id == x.id)
                        throw InputError(file, "candidate '" + x.id + "'",
                                         "has the id of a site of the portfolio; give it its own id");
                info.candidates.push_back({x.id, x.name, "extra", x.at});
            }
        }
        if (info.candidates.empty())
            throw CostInputError(path + ": no candidate sites: the scan classified no site as " +
                                 p.value("verdicts").toStdString() + " (rule set " + ruleset.name +
                                 "), and no --candidates FILE was given");
        if (static_cast<std::size_t>(problem.k) > info.candidates.size())
            throw CostInputError(path + ": k = " + std::to_string(problem.k) + " but there are only " +
                                 std::to_string(info.candidates.size()) + " candidates (" + std::to_string(fromScan) +
                                 " from the scan)");

        // Demand: a file, or the portfolio's layer.
        std::vector<PlacePoint> demand;
        if (p.isSet("demand")) {
            PlacesCrs crs = PlacesCrs::Implied;
            demand = readPlaces(p.value("demand").toStdString(), portfolio.crsWkt, true, &crs);
            checkPlacesNearSites(demand, portfolio, p.value("demand").toStdString(), "", "demand point", crs);
        } else {
            if (!portfolio.context.hasDemand)
                throw CostInputError(path + ": has no layer 'demand' (points with a 'weight'); give --demand FILE");
            demand = demandFromLayer(portfolio.context);
            if (demand.empty()) throw CostInputError(path + ": layer 'demand' has no points; give --demand FILE");
            checkPlacesNearSites(demand, portfolio, path, "layer 'demand'", "demand point", PlacesCrs::PortfolioLayer);
        }

        bool ok = false;
        const double detour = p.value("detour-factor").toDouble(&ok);
        if (!ok || !std::isfinite(detour) || detour < 1) throw UsageError("--detour-factor must be a number >= 1");
        const QString network = p.value("network");
        if (network != "drive" && network != "walk") throw UsageError("--network must be drive or walk");
        const PortfolioCosts costs =
            portfolioCosts(info.candidates, demand, index, network == "walk", detour, problem.minSeparation > 0);
        info.estimated = costs.estimated;
        // English (the JSON's "costs"), from marked patterns: the text shows
        // it in the chosen language (i18n::ruleText).
        info.costs = !index.hasNetwork()
                         ? (costs.estimated ? QT_TRANSLATE_NOOP("rules", "estimated: metres as the crow flies")
                                            : QT_TRANSLATE_NOOP("rules", "metres as the crow flies"))
                     : network == "walk"
                         ? QT_TRANSLATE_NOOP("rules", "metres along the roads (walking, one search per candidate)")
                         : QT_TRANSLATE_NOOP("rules", "metres along the roads (driving, oneway followed, one search per candidate)");
        if (costs.estimated)
            info.costs += "; " + vgscan::kit::say(QT_TRANSLATE_NOOP("rules", "%1 pairs ESTIMATED as straight line x %2"),
                                                  std::to_string(costs.estimatedPairs), vgscan::kit::fmt(detour, 2));

        setMatrix(problem, info.candidates, demand, costs);
        // A site the planner wants kept in the choice but the scan did not
        // make a candidate: say what the scan made of it.
        const auto verdictOf = [&](const std::string& id) -> std::string {
            for (const auto& a : scanned)
                if (a.site->id == id)
                    return "the scan classified site '" + id + "' " +
                           (a.failed ? std::string("failed") : toString(a.classification.verdict)) +
                           "; the candidates are the sites classified " + p.value("verdicts").toStdString() +
                           " (--verdicts) and the --candidates plots";
            return "no site or --candidates plot has this id";
        };
        for (const QString& id : common.mustInclude)
            problem.mustInclude.push_back(mustIncludeIndex(problem.candidates, id, path, verdictOf));
        const Result result = solve(problem);
        if (common.format == "json")
            writeJson(problem, result, &info);
        else
            writeText(problem, result, &info);
    } catch (const UsageError& e) {
        std::cerr << "vgscan select: " << e.what() << "\n" << kUsageText;
        return kUsage;
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    } catch (const CostInputError& e) {
        std::cerr << "vgscan select: " << e.what() << "\n";
        return kBadInput;
    } catch (const SelectionError& e) {
        // The solver's messages ("all demand weights are zero", "no set of
        // 3 candidates satisfying the constraints") are about this input.
        std::cerr << "vgscan select: " << path
                  << (p.isSet("demand") ? " (demand: " + p.value("demand").toStdString() + ")" : std::string()) << ": "
                  << e.what() << "\n";
        return kBadInput;
    }
    return kOk;
}

}  // namespace

int cmdSelect(const QStringList& args) {
    QCommandLineParser p;
    p.addHelpOption();
    vgscan::cli::addLanguageOption(p);
    p.addOptions({
        {"costs", "Long-form cost CSV: one row per candidate-demand pair.", "FILE"},
        {"from-col", "Column with the candidate id.", "NAME"},
        {"to-col", "Column with the demand point id.", "NAME"},
        {"cost-col", "Column with the cost (distance, minutes).", "NAME"},
        {"weight-col", "Column of the costs file with the demand weight.", "NAME"},
        {"weights", "CSV with a weight per demand point.", "FILE"},
        {"weights-id-col", "Demand id column of --weights.", "NAME"},
        {"weights-col", "Weight column of --weights.", "NAME"},
        {"candidates", "Portfolio mode: extra candidate plots (points or polygons with an 'id').", "FILE"},
        {"verdicts", "Portfolio mode: verdicts that make a site a candidate, comma separated (default "
                     "fits_vg7,convert_vg7,cluster; ambulant with --ruleset ambulant for clustered ambulant "
                     "living).",
         "LIST", "fits_vg7,convert_vg7,cluster"},
        {"demand", "Portfolio mode: demand points with a 'weight' instead of the 'demand' layer.", "FILE"},
        {"network", "Portfolio mode: drive (follows oneway) or walk (default drive).", "MODE", "drive"},
        {"detour-factor", "Portfolio mode: straight line x this where the roads give no route (default 1.3).",
         "F", "1.3"},
        {"ruleset", "Portfolio mode: rule set file or name (default: vg7).", "FILE", "vg7"},
        {"plugins", "Portfolio mode: directory with rule plugins (repeatable).", "DIR"},
        {"allow-outside-plans", "Portfolio mode: read site plans outside the portfolio's folder and GDAL virtual "
                                "paths (/vsizip/, /vsicurl/); refused by default."},
        {"k", "Number of sites to choose (default 3).", "K", "3"},
        {"objective", "median, coverage or center (default median).", "NAME", "median"},
        {"radius", "Coverage radius, in cost units (coverage only).", "R"},
        {"min-separation", "Chosen sites at least this far apart.", "D"},
        {"separation", "Long-form candidate-candidate distance CSV for --min-separation.", "FILE"},
        {"must-include", "Candidate ids that are always chosen (comma separated).", "IDS"},
        {"runners-up", "How many next-best sets to list (default 5).", "N", "5"},
        {"time-limit", "Stop the exact search after S seconds; prints the best set with its proven bound and gap.",
         "S"},
        {"center-method", "Center only: relaxation (binary search on the radius; each runner-up with the sets "
                          "before it excluded), branch-and-bound, or auto (the relaxation; default). Both list the "
                          "same values.", "METHOD", "auto"},
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

    Common common;
    CostColumns columns;
    std::string costsPath;
    try {
        common = parseCommon(p);
        if (p.positionalArguments().size() > 1)
            throw UsageError("give one PORTFOLIO, not " + std::to_string(p.positionalArguments().size()));
        if (p.positionalArguments().size() == 1) {
            for (const char* matrixOnly : {"costs", "from-col", "to-col", "cost-col", "weight-col", "weights", "separation"})
                if (p.isSet(matrixOnly))
                    throw UsageError(std::string("--") + matrixOnly + " belongs to the cost-matrix mode, not to PORTFOLIO");
        }
    } catch (const UsageError& e) {
        std::cerr << "vgscan select: " << e.what() << "\n" << kUsageText;
        return kUsage;
    }
    if (p.positionalArguments().size() == 1) return selectPortfolio(p, common);

    Problem& problem = common.problem;
    try {
        for (const char* portfolioOnly : {"candidates", "demand", "verdicts"})
            if (p.isSet(portfolioOnly))
                throw UsageError(std::string("--") + portfolioOnly + " needs a PORTFOLIO");
        for (const char* required : {"costs", "from-col", "to-col", "cost-col"})
            if (!p.isSet(required)) throw UsageError(std::string("--") + required + " is required (or give a PORTFOLIO)");
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
        if (p.isSet("separation") && !p.isSet("min-separation"))
            throw UsageError("--separation needs --min-separation");
    } catch (const UsageError& e) {
        std::cerr << "vgscan select: " << e.what() << "\n" << kUsageText;
        return kUsage;
    }

    try {
        CostTable table = readCostTable(costsPath, columns);
        if (table.weightedWithoutCosts > 0)
            std::cerr << "vgscan select: note: " << columns.weightsFile << ": " << table.weightedWithoutCosts
                      << " demand point(s) with a weight (" << vgscan::kit::fmt(table.weightWithoutCosts, 2)
                      << " in all) have no costs in " << costsPath << " and are left out, the first "
                      << table.firstWithoutCosts << "\n";
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
        for (const QString& id : common.mustInclude)
            problem.mustInclude.push_back(mustIncludeIndex(table.candidates, id, costsPath));
        problem.candidates = std::move(table.candidates);
        problem.demand = std::move(table.demand);
        problem.cost = std::move(table.cost);
        problem.weight = std::move(table.weight);
        const Result result = solve(problem);
        if (common.format == "json")
            writeJson(problem, result);
        else
            writeText(problem, result);
    } catch (const CostInputError& e) {
        std::cerr << "vgscan select: " << e.what() << "\n";
        return kBadInput;
    } catch (const SelectionError& e) {
        std::cerr << "vgscan select: " << costsPath << ": " << e.what() << "\n";
        return kBadInput;
    }
    return kOk;
}
