// vgscan plan: the regional plan of VG7 and ambulant locations (core/plan).
// Argument parsing, wiring and output only.
#include "cli/Commands.h"
#include "cli/RuleSetup.h"
#include "cli/Options.h"
#include "derive/ContextIndex.h"
#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "io/InputError.h"
#include "io/PortfolioReader.h"
#include "plan/PlanLocations.h"
#include "plan/PlanRoutes.h"
#include "plan/RegionalPlan.h"
#include "io/OutputFiles.h"
#include "report/HtmlReport.h"
#include "report/PlanReport.h"
#include "report/ScanDiff.h"
#include "rules/RuleKit.h"
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"
#include "scan/ScanPipeline.h"
#include "select/PortfolioCosts.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <map>

using namespace vgscan;
using namespace vgscan::plan;

namespace {

constexpr int kOk = 0, kUsage = 1, kBadInput = 2, kConfig = 3;

const char* kUsageText =
    "Usage: vgscan plan PORTFOLIO --need-vg7 N --need-ambulant M [--k-vg7 2] [--k-ambulant 2]\n"
    "                   [--min-separation KM] [--scan SCAN.json] [--new-group-places 6]\n"
    "                   [--runners-up 3] [--detour-factor 1.3] [--ruleset FILE] [--plugins DIR]\n"
    "                   [--format text|json] [--out DIR] [--method lagrangian|enumeration]\n"
    "                   [--time-limit S]\n"
    "The regional plan: k VG7 locations and k ambulant locations that together hold the\n"
    "needed places, nearest to the portfolio's demand along the roads (weighted travel of\n"
    "each kind to its nearest chosen location), proven optimal, with the runners-up and the\n"
    "constraints that bind. Candidate locations come from the scan: its clusters, its\n"
    "fits_vg7 / convert_vg7 / cluster sites alone (VG7: places after conversion, or a new\n"
    "group on the plot, within the per-site and per-cluster caps) and its ambulant sites\n"
    "(their current places). With --scan, the scan.json of an earlier scan of PORTFOLIO is\n"
    "used instead of scanning again. A location is used for one kind only; a chosen location\n"
    "that is the nearest for no demand point is flagged. --time-limit S stops the search\n"
    "after S seconds (the plan and its relaxations together) with the best plan found, its\n"
    "proven lower bound and the gap.\n";

const char* kExitText =
    "Exit codes: 0 plan made (also one stopped at the time limit, its gap said); 1 usage error; 2 bad input (portfolio, scan.json, a need no\n"
    "combination can meet, k larger than the candidates); 3 rule set or plugin problem.\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

int wholeNumber(const QCommandLineParser& p, const char* name, int lo, int hi) {
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < lo || v > hi)
        throw UsageError(std::string("--") + name + " must be a whole number from " + std::to_string(lo) + " to " +
                         std::to_string(hi) + " (got '" + p.value(name).toStdString() + "')");
    return v;
}

double number(const QCommandLineParser& p, const char* name, double lo) {
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo)
        throw UsageError(std::string("--") + name + " must be a number >= " + QString::number(lo).toStdString() +
                         " (got '" + p.value(name).toStdString() + "')");
    return v;
}

QString q(const std::string& s) { return QString::fromStdString(s); }

struct PlanContext {
    std::string portfolio;
    std::string costs;
    std::string scanSource;  // "scanned now" or the scan.json
    std::vector<std::string> notes;
};

QJsonArray idsJson(const Problem& p, const std::vector<int>& ls) {
    QJsonArray a;
    for (int l : ls) a.append(q(p.locations[static_cast<std::size_t>(l)].id));
    return a;
}

QJsonObject planJson(const Problem& p, const PlanChoice& c) {
    QJsonObject o;
    for (int k = 0; k < kKinds; ++k)
        o[optionName(static_cast<Kind>(k))] = QJsonObject{{"locations", idsJson(p, c.kind[k].locations)},
                                                          {"weighted_travel", c.kind[k].value},
                                                          {"places", c.kind[k].places}};
    o["weighted_travel"] = c.value;
    return o;
}

QJsonObject planJsonObject(const Problem& p, const Result& r, const PlanContext& ctx) {
    QJsonObject o;
    o["portfolio"] = q(ctx.portfolio);
    o["scan"] = q(ctx.scanSource);
    o["costs"] = q(ctx.costs);
    o["demand_points"] = static_cast<double>(p.demand.size());
    o["demand_weight"] = r.totalWeight;
    o["min_separation_m"] = p.minSeparation;
    o["optimal"] = r.optimal;
    o["stopped_at_time_limit"] = r.stoppedAtTimeLimit;
    o["bound"] = r.bound;
    o["gap"] = r.gap;
    o["method"] = q(r.method);
    QJsonArray candidates;
    for (const auto& l : p.locations) {
        QJsonArray sites;
        for (const auto& s : l.sites) sites.append(q(s));
        QJsonObject x{{"id", q(l.id)}, {"name", q(l.name)}, {"sites", sites}};
        for (int k = 0; k < kKinds; ++k)
            if (l.places[k] > 0)
                x[QString("places_") + optionName(static_cast<Kind>(k))] =
                    QJsonObject{{"places", l.places[k]}, {"uncapped", l.uncapped[k]}, {"basis", q(basisText(l.basis[k], false))}};
        candidates.append(x);
    }
    o["candidates"] = candidates;
    QJsonObject kinds;
    for (int k = 0; k < kKinds; ++k) {
        const Kind kind = static_cast<Kind>(k);
        QJsonArray chosen;
        for (const auto& s : r.served[k]) {
            const Location& l = p.locations[static_cast<std::size_t>(s.location)];
            chosen.append(QJsonObject{{"id", q(l.id)},
                                      {"places", l.places[k]},
                                      {"demand_points", s.points},
                                      {"demand_weight", s.weight},
                                      {"mean_travel_m", s.weight > 0 ? QJsonValue(s.weightedCost / s.weight) : QJsonValue()},
                                      {"serves_no_demand", s.servesNoDemand}});
        }
        kinds[optionName(kind)] = QJsonObject{{"k", p.k[k]},
                                              {"need", p.need[k]},
                                              {"places", r.best.kind[k].places},
                                              {"weighted_travel", r.best.kind[k].value},
                                              {"mean_travel_m", r.totalWeight > 0 ? r.best.kind[k].value / r.totalWeight : 0.0},
                                              {"chosen", chosen}};
    }
    o["plan"] = kinds;
    o["weighted_travel"] = r.best.value;
    QJsonArray runners;
    for (const auto& c : r.runnersUp) {
        QJsonObject x = planJson(p, c);
        x["more_than_optimum"] = c.value - r.best.value;
        runners.append(x);
    }
    o["runners_up"] = runners;
    QJsonArray constraints;
    for (const auto& x : r.relaxations) {
        QJsonObject c{{"constraint", q(x.constraint)}, {"what", q(x.what)}, {"binds", x.binds}, {"solved", x.solved}};
        if (x.solved) {
            c["without_it"] = planJson(p, x.plan);
            c["saving"] = r.best.value - x.value;
        }
        if (!x.note.empty()) c["note"] = q(x.note);
        constraints.append(c);
    }
    o["constraints"] = constraints;
    QJsonArray notes;
    for (const auto& n : ctx.notes) notes.append(q(n));
    o["notes"] = notes;
    return o;
}


}  // namespace

int cmdPlan(const QStringList& args) {
    QCommandLineParser p;
    p.addHelpOption();
    vgscan::cli::addLanguageOption(p);
    p.addOptions({
        {"need-vg7", "VG7 places needed (required).", "N"},
        {"need-ambulant", "Places for clustered ambulant living needed (required).", "M"},
        {"k-vg7", "VG7 locations to choose, 1 to 3 (default 2).", "K", "2"},
        {"k-ambulant", "Ambulant locations to choose, 1 to 3 (default 2).", "K", "2"},
        {"min-separation", "Chosen locations of a kind at least this many km apart along the roads (default: none).",
         "KM"},
        {"scan", "Use this scan.json of PORTFOLIO instead of scanning again.", "FILE"},
        {"new-group-places", "VG7 places of a new-build group on a plot with room (default 6, requirements B14).", "N",
         "6"},
        {"runners-up", "Next best plans to list (default 3).", "N", "3"},
        {"detour-factor", "Straight line x this where the roads give no route (default 1.3).", "F", "1.3"},
        {"ruleset", "Rule set file or name for the scan (default: vg7).", "FILE", "vg7"},
        {"plugins", "Directory with rule plugins (repeatable).", "DIR"},
        {"format", "Output: text or json (default text).", "FORMAT", "text"},
        {"out", "Also write plan.json, plan.csv and plan.html (a page with the map) into this folder; a scan's "
                "output folder gets a plan page beside its report.html, which it links.",
         "DIR"},
        {"time-limit", "Stop the search after S seconds (the plan gets half, its relaxations the rest) and give the "
                       "best plan found with its proven lower bound and gap (default: none).",
         "S"},
        {"method", "lagrangian (default: branch and bound with a Lagrangian bound) or enumeration (every set, the "
                   "simple bound: the reference for benchmarks; slow beyond k = 1 on large portfolios).",
         "METHOD", "lagrangian"},
    });
    p.addPositionalArgument("PORTFOLIO", "The portfolio file.");
    if (!p.parse(args)) {
        std::cerr << "vgscan plan: " << p.errorText().toStdString() << "\n" << kUsageText;
        return kUsage;
    }
    if (p.isSet("help")) {
        const QString help = p.helpText();
        std::cout << kUsageText << "\n" << help.mid(help.indexOf("Options:")).toStdString() << "\n" << kExitText;
        return kOk;
    }
    Problem problem;
    LocationRules rules;
    double detour = 1.3;
    try {
        if (p.positionalArguments().size() != 1) throw UsageError("give exactly one PORTFOLIO");
        if (!cli::isOneOf(p, "plan", "format", {"text", "json"})) return kUsage;
        if (!cli::isOneOf(p, "plan", "method", {"lagrangian", "enumeration"})) return kUsage;
        problem.enumerate = p.value("method") == "enumeration";
        for (const char* required : {"need-vg7", "need-ambulant"})
            if (!p.isSet(required)) throw UsageError(std::string("--") + required + " is required");
        problem.need[VG7] = wholeNumber(p, "need-vg7", 0, 1000000);
        problem.need[Ambulant] = wholeNumber(p, "need-ambulant", 0, 1000000);
        problem.k[VG7] = wholeNumber(p, "k-vg7", 1, kMaxK);
        problem.k[Ambulant] = wholeNumber(p, "k-ambulant", 1, kMaxK);
        if (p.isSet("min-separation")) problem.minSeparation = 1000.0 * number(p, "min-separation", 0);
        problem.runnersUp = wholeNumber(p, "runners-up", 0, 100);
        rules.newGroupPlaces = wholeNumber(p, "new-group-places", 1, 100);
        detour = number(p, "detour-factor", 1);
        if (p.isSet("time-limit")) {
            problem.timeLimit = number(p, "time-limit", 0);
            // 0 is "none" to the solver; a limit beyond the clock's range is none too.
            if (!(problem.timeLimit > 0) || problem.timeLimit > 1e9)
                throw UsageError("--time-limit must be a number of seconds above 0, at most 1e9 (got '" +
                                 p.value("time-limit").toStdString() + "')");
            if (problem.enumerate) throw UsageError("--time-limit applies to --method lagrangian only");
        }
    } catch (const UsageError& e) {
        std::cerr << "vgscan plan: " << e.what() << "\n" << kUsageText;
        return kUsage;
    }
    const std::string path = p.positionalArguments().front().toStdString();
    PlanContext ctx;
    ctx.portfolio = path;
    problem.source = path;
    try {
        std::vector<InputIssue> issues;
        const Portfolio portfolio = readPortfolio(path, issues);
        for (const auto& i : issues) std::cerr << i.str() << "\n";
        if (!portfolio.context.hasDemand)
            throw InputError(path, "layer 'demand'", "is missing: the plan minimises travel from demand (points with a 'weight')");
        const std::vector<select::PlacePoint> demand = select::demandFromLayer(portfolio.context);
        if (demand.empty()) throw InputError(path, "layer 'demand'", "has no points");
        // Without clients every plan costs 0: one would be called optimal at
        // random, each location flagged and no constraint binding (select
        // refuses the same).
        if (std::none_of(demand.begin(), demand.end(), [](const auto& d) { return d.weight > 0; }))
            throw InputError(path, "layer 'demand'",
                             "every point's 'weight' is 0: the plan minimises the clients' travel, and without "
                             "clients every plan is as good; give the points their weights (clients or families)");
        select::checkPlacesNearSites(demand, portfolio, path, "layer 'demand'", "demand point",
                                     select::PlacesCrs::PortfolioLayer);

        std::vector<SiteFacts> facts;
        std::vector<ClusterFacts> clusters;
        std::unique_ptr<ContextIndex> ownIndex;
        std::string rulesetName;
        std::shared_ptr<const ContextIndex> scanIndex;
        if (p.isSet("scan")) {
            const std::string scanFile = p.value("scan").toStdString();
            const QJsonObject scan = readScanJson(scanFile, scanJsonFields());
            facts = factsFromScanJson(scan, portfolio, scanFile);
            clusters = clustersFromScanJson(scan);
            rulesFromScanJson(scan, rules);
            ctx.scanSource = scanFile;
            rulesetName = scan["ruleset"].toString().toStdString();
            ownIndex = std::make_unique<ContextIndex>(portfolio.context);
        } else {
            RuleRegistry registry;
            RuleSet ruleset;
            if (!cli::loadRules(p, "vgscan plan", registry, ruleset)) return kConfig;
            rules.take(ruleset.clusters);
            const ScanResult result = ScanPipeline(registry, ruleset).run(portfolio);
            facts = factsFromScan(result.sites);
            clusters = clustersFromScan(result.clusters);
            scanIndex = result.index;
            rulesetName = ruleset.name;
            ctx.scanSource = kit::say(QT_TRANSLATE_NOOP("rules", "scanned now with rule set %1"), ruleset.name);
        }
        const ContextIndex& index = ownIndex ? *ownIndex : *scanIndex;

        CandidateLocations cands = candidateLocations(facts, clusters, rules);
        ctx.notes = cands.notes;
        // No candidate of a kind: say what the scan made of the sites, which
        // the solver cannot know.
        for (int k = 0; k < kKinds; ++k)
            if (std::none_of(cands.locations.begin(), cands.locations.end(),
                             [&](const Location& l) { return l.places[k] > 0; }))
                throw InputError(p.isSet("scan") ? ctx.scanSource : path, "",
                                 noCandidates(static_cast<Kind>(k), facts, rulesetName, rules));
        problem.locations = cands.locations;
        // Costs per site, then per location: a demand point travels to the
        // nearest site of a cluster; two locations are as far apart as their
        // nearest sites (either direction).
        std::vector<select::PortfolioCandidate> sites;
        std::vector<std::vector<std::size_t>> siteRows(cands.locations.size());
        for (std::size_t l = 0; l < cands.members.size(); ++l)
            for (std::size_t m : cands.members[l]) {
                const SiteFacts& f = facts[m];
                siteRows[l].push_back(sites.size());
                sites.push_back({f.id, f.name, f.verdict, ContextIndex::sitePoint(*f.site)});
            }
        const bool separation = problem.minSeparation > 0;
        const select::PortfolioCosts costs = select::portfolioCosts(sites, demand, index, false, detour, separation);
        const std::size_t L = cands.locations.size(), N = demand.size(), S = sites.size();
        problem.demand.clear();
        for (const auto& d : demand) {
            problem.demand.push_back(d.id);
            problem.weight.push_back(d.weight);
        }
        // Each location's row: its first site's, then the nearer of each further
        // site (one pass over the large matrix for a location of one site).
        problem.cost.resize(L * N);
        for (std::size_t l = 0; l < L; ++l) {
            double* row = problem.cost.data() + l * N;
            bool first = true;
            for (std::size_t s : siteRows[l]) {
                const float* from = costs.cost.data() + s * N;
                for (std::size_t j = 0; j < N; ++j)
                    row[j] = first ? static_cast<double>(from[j]) : std::min(row[j], static_cast<double>(from[j]));
                first = false;
            }
            if (first) std::fill(row, row + N, std::numeric_limits<double>::infinity());  // no site (not made)
        }
        if (separation) {
            problem.separation.assign(L * L, std::numeric_limits<double>::infinity());
            for (std::size_t a = 0; a < L; ++a)
                for (std::size_t b = 0; b < L; ++b)
                    for (std::size_t sa : siteRows[a])
                        for (std::size_t sb : siteRows[b])
                            problem.separation[a * L + b] =
                                std::min({problem.separation[a * L + b], static_cast<double>(costs.separation[sa * S + sb]),
                                          static_cast<double>(costs.separation[sb * S + sa])});
        }
        // English data (plan.json) in marked patterns: the text and the page
        // show them in the chosen language (i18n/RuleTexts.h).
        ctx.costs = index.hasNetwork() ? QT_TRANSLATE_NOOP("rules", "metres along the roads (driving, oneway followed)")
                                       : QT_TRANSLATE_NOOP("rules", "metres as the crow flies");
        if (costs.estimated)
            ctx.costs += "; " + kit::say(QT_TRANSLATE_NOOP("rules", "%1 pairs ESTIMATED as straight line x %2"),
                                         std::to_string(costs.estimatedPairs), kit::fmt(detour, 2));
        const Result r = solvePlan(problem);
        const QJsonObject json = planJsonObject(problem, r, ctx);
        PlanReportInput in;
        in.problem = &problem;
        in.result = &r;
        in.portfolio = ctx.portfolio;
        in.scan = ctx.scanSource;
        in.costs = ctx.costs;
        in.notes = ctx.notes;
        if (p.value("format") == "json")
            std::cout << QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString();
        else
            std::cout << planText(in) << std::flush;
        if (p.isSet("out")) {
            const QString dir = p.value("out");
            if (!QDir().mkpath(dir))
                throw OutputError("vgscan plan: cannot make the folder " + dir.toStdString() +
                                  (QFileInfo(dir).exists() && !QFileInfo(dir).isDir()
                                       ? ": a file by that name is there (--out names a folder)"
                                       : std::string(": check that its parent exists and is writable")));
            for (const auto& rows : siteRows) {
                in.sitesAt.emplace_back();
                for (std::size_t s : rows) in.sitesAt.back().push_back(sites[s].at);
            }
            for (const auto& d : demand) in.demandAt.push_back(d.at);
            in.linkReport = QFileInfo(QDir(dir).filePath("report.html")).isFile();
            in.roadTravel = index.hasNetwork();
            // The map's routes: the costs' searches again from the chosen
            // locations' sites (driving, the same detour factor).
            RouteOptions driving;
            driving.walking = false;
            driving.detourFactor = detour;
            const PlanRoutes routes = planRoutes(problem, r, in.sitesAt, in.demandAt, index, driving);
            in.routes = &routes;
            in.index = &index;
            const auto file = [&](const char* name) { return QDir(dir).filePath(name).toStdString(); };
            writeFileAtomically(file("plan.json"), QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString());
            writeFileAtomically(file("plan.csv"), planCsv(in));
            in.timestamp = runTimestamp();
            writeFileAtomically(file("plan.html"), planHtml(in));
            std::cerr << i18n::arg(i18n::tx("plan", "vgscan plan: wrote %1, plan.json and plan.csv"), file("plan.html"))
                      << "\n";
            // Made from the scan.json of this folder: its report.html names
            // the plan and links plan.html (a plan from elsewhere, or
            // scanned now, leaves the report alone).
            // --scan may name the scan's folder (readScanJson, as diff takes it): its scan.json.
            const QFileInfo scanHere(QDir(dir).filePath("scan.json"));
            QFileInfo given(p.value("scan"));
            if (given.isDir()) given = QFileInfo(QDir(given.filePath()).filePath("scan.json"));
            if (in.linkReport && p.isSet("scan") && scanHere.exists() &&
                given.canonicalFilePath() == scanHere.canonicalFilePath()) {
                QFile f(QDir(dir).filePath("report.html"));
                if (!f.open(QIODevice::ReadOnly))
                    throw OutputError("vgscan plan: cannot read " + file("report.html") + ": " + f.errorString().toStdString());
                const QByteArray bytes = f.readAll();
                f.close();
                if (const auto updated = reportWithPlan(bytes.toStdString(), in)) {
                    writeFileAtomically(file("report.html"), *updated);
                    OutputFolder::refreshMarker(dir.toStdString(), "report.html");
                    std::cerr << i18n::arg(i18n::tx("plan", "vgscan plan: %1 now links plan.html"), file("report.html"))
                              << "\n";
                }
            }
        }
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    } catch (const PlanError& e) {
        std::cerr << "vgscan plan: " << i18n::ruleText(e.what()) << "\n";
        return kBadInput;
    } catch (const OutputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }
    return kOk;
}
