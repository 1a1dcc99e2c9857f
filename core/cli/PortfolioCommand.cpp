// vgscan portfolio build: a portfolio GeoPackage from a site list and Dutch
// open data (core/io/opendata). Argument parsing and wiring only.
#include "cli/Commands.h"
#include "cli/Options.h"
#include "io/opendata/PortfolioBuilder.h"
#include "rules/RuleRegistry.h"
#include "ruleset/RuleSet.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>

using namespace vgscan;

namespace {

// The exit codes of main.cpp.
constexpr int kOk = 0, kUsage = 1, kBadInput = 2, kConfig = 3, kSitesFailed = 4;

const char* kUsageText =
    "Usage: vgscan portfolio build SITES.csv [--osm FILE.osm.pbf] [--bag FILE]... [--parcels FILE] [--nwb FILE]\n"
    "                              [--demand FILE] [--liveability FILE] [--poi FILE.csv] --out PORTFOLIO.gpkg\n"
    "                              [--margin M | --ruleset FILE [--plugins DIR]]\n"
    "Builds a portfolio (docs/floorplan-format.md) from a list of sites and Dutch open data, for\n"
    "`vgscan scan PORTFOLIO.gpkg`. SITES.csv (or .xlsx) has columns id, name and one way to find\n"
    "the building: bag_pand_id, postcode + huisnummer (+ toevoeging), x + y (EPSG:28992) or\n"
    "lat + lon; optional places, profile, plan (relative to the CSV); every other column is\n"
    "carried through. Every extract is read only within the margin around the sites: by default\n"
    "the largest distance the rule set's site rules look (see docs/open-data.md). The inputs are\n"
    "never written to.\n";

const char* kExitText =
    "Exit codes:\n"
    "  0   success (warnings may have been printed)\n"
    "  1   usage error\n"
    "  2   bad input: the site list cannot be read, or no site could be placed\n"
    "  3   rule set or plugin problem (the margin comes from the rule set; or give --margin)\n"
    "  4   portfolio written, but some sites could not be placed or an extract could not be read\n";

// The farthest the rule set's site rules look: their parameters in metres,
// and the cluster walk. Readers keep this much around every site.
double rulesetMargin(const RuleSet& rs, const RuleRegistry& registry, std::string& from) {
    double margin = rs.clusters.maxWalkM;
    from = "clusters.max_walk_m";
    for (const auto& e : rs.rules) {
        if (!registry.has(e.rule)) continue;
        const RuleInfo& info = registry.info(e.rule);
        if (info.scope != "site") continue;
        const Params params = registry.resolveParams(e.rule, e.parameters);
        for (const auto& spec : info.parameters) {
            if (spec.unit != "m" || spec.type != "number") continue;
            const double v = params.number(spec.name);
            if (std::isfinite(v) && v > margin) {
                margin = v;
                from = e.key + "." + spec.name;
            }
        }
    }
    return margin;
}

int build(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("");
    p.addHelpOption();
    vgscan::cli::addLanguageOption(p);
    p.addOption({"osm", "OpenStreetMap extract (.osm.pbf or .osm): roads, points of interest, buildings.", "FILE"});
    p.addOption({"bag", "BAG extract (LV XML, zip or folder; bag-light .gpkg) or a BGT/BRK pand .gml; repeatable.",
                 "FILE"});
    p.addOption({"parcels", "BRK Kadastrale kaart parcels (GML or GeoPackage): the sites' plots.", "FILE"});
    p.addOption({"nwb", "NWB wegvakken (GML, shapefile, GeoPackage): the roads, instead of OSM's.", "FILE"});
    p.addOption({"demand", "CBS buurten with inhabitants, or a CSV of clients per postcode or point.", "FILE"});
    p.addOption({"liveability", "Leefbaarometer grid cells or buurten with the class 1-9.", "FILE"});
    p.addOption({"poi", "CSV of services OSM lacks (category, name, address or coordinates).", "FILE"});
    p.addOption({"out", "The portfolio GeoPackage to write.", "PORTFOLIO.gpkg"});
    p.addOption({"margin", "Metres around each site that the readers keep (default: from the rule set).", "M"});
    p.addOption({"ruleset", "Rule set whose site rules give the margin (default: vg7).", "FILE", "vg7"});
    p.addOption({"plugins", "Directory with rule plugins (repeatable).", "DIR"});
    p.addPositionalArgument("SITES", "The site list (.csv or .xlsx).");
    if (!p.parse(args)) {
        std::cerr << "vgscan portfolio build: " << p.errorText().toStdString() << "\n" << kUsageText;
        return kUsage;
    }
    if (p.isSet("help")) {
        const QString help = p.helpText();
        std::cout << kUsageText << "\n" << help.mid(help.indexOf("Options:")).toStdString() << "\n" << kExitText;
        return kOk;
    }
    if (p.positionalArguments().size() != 1 || !p.isSet("out")) {
        std::cerr << "vgscan portfolio build: give exactly one SITES list and --out\n" << kUsageText;
        return kUsage;
    }
    opendata::BuildOptions o;
    o.sites = p.positionalArguments().front().toStdString();
    o.osm = p.value("osm").toStdString();
    for (const auto& b : p.values("bag")) o.bag.push_back(b.toStdString());
    o.parcels = p.value("parcels").toStdString();
    o.nwb = p.value("nwb").toStdString();
    o.demand = p.value("demand").toStdString();
    o.liveability = p.value("liveability").toStdString();
    o.poi = p.value("poi").toStdString();
    const std::string out = p.value("out").toStdString();

    // Never write over an input.
    std::vector<std::string> inputs = {o.sites, o.osm, o.parcels, o.nwb, o.demand, o.liveability, o.poi};
    inputs.insert(inputs.end(), o.bag.begin(), o.bag.end());
    const QFileInfo target(QString::fromStdString(out));
    for (const auto& in : inputs)
        if (!in.empty() && QFileInfo(QString::fromStdString(in)).absoluteFilePath() == target.absoluteFilePath()) {
            std::cerr << "vgscan portfolio build: --out " << out << " is an input; inputs are never written to\n";
            return kUsage;
        }

    std::string marginFrom;
    if (p.isSet("margin")) {
        bool ok = false;
        o.margin = p.value("margin").toDouble(&ok);
        if (!ok || !std::isfinite(o.margin) || o.margin < 0) {
            std::cerr << "vgscan portfolio build: --margin must be a number of metres >= 0\n";
            return kUsage;
        }
        marginFrom = "--margin";
    } else {
        RuleRegistry registry;
        const QStringList dirs = p.values("plugins");
        if (dirs.isEmpty())
            for (const auto& d : RuleRegistry::defaultDirectories()) registry.loadDirectory(d);
        else
            for (const auto& d : dirs) registry.loadDirectory(d.toStdString());
        try {
            const RuleSet rs = loadRuleSet(findRuleSet(p.value("ruleset").toStdString()));
            if (registry.rules().empty())
                throw std::runtime_error("no rule plugins found, so the rule set's search distances are unknown");
            o.margin = rulesetMargin(rs, registry, marginFrom);
            marginFrom = rs.name + ": " + marginFrom;
        } catch (const std::exception& e) {
            std::cerr << "vgscan portfolio build: " << e.what() << " (or give --margin)\n";
            return kConfig;
        }
    }

    const auto start = std::chrono::steady_clock::now();
    opendata::BuildResult r;
    try {
        r = opendata::buildPortfolio(o);
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }
    for (const auto& i : r.issues) std::cerr << i.str() << "\n";
    if (r.portfolio.sites.empty()) {
        std::cerr << "vgscan portfolio build: no site could be placed; nothing written\n";
        return kBadInput;
    }
    try {
        opendata::writePortfolio(out, r.portfolio);
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const auto& line : r.summary) std::cout << line << "\n";
    std::cout << "Margin around each site: " << static_cast<long>(o.margin) << " m (" << marginFrom << ")\n"
              << "Placed " << r.sitesPlaced << " of " << r.sitesListed << " sites; wrote " << out << " in "
              << static_cast<long>(secs * 10 + 0.5) / 10.0 << " s. Next: vgscan scan " << out << "\n";
    return r.sitesPlaced < r.sitesListed || r.extractFailed ? kSitesFailed : kOk;
}

}  // namespace

int cmdPortfolio(const QStringList& args) {
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    if (sub == "build") return build(args.mid(1));
    if (sub == "-h" || sub == "--help") {
        std::cout << kUsageText << "\n" << kExitText;
        return kOk;
    }
    std::cerr << "vgscan portfolio: unknown or missing subcommand" << (sub.isEmpty() ? "" : " '" + sub.toStdString() + "'")
              << "\n" << kUsageText;
    return kUsage;
}
