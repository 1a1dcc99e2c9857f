// vgscan import: a DXF drawing or IFC model to a native plan file, with a
// report of what was and was not recognised (core/io/Import.h).
#include "cli/Commands.h"
#include "cli/Options.h"
#include "i18n/Language.h"

#include "io/Import.h"
#include "io/PlanWriter.h"
#include "validate/PlanValidator.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

#include <iomanip>
#include <iostream>
#include <sstream>

using namespace vgscan;

namespace {

// The tallies the DXF and IFC readers count (ImportReport::counts), marked
// here so that lupdate offers them for translation; the text shows them with
// tx("import", key).
[[maybe_unused]] const char* const kTallies[] = {
    QT_TRANSLATE_NOOP("import", "doors that connect nothing"),
    QT_TRANSLATE_NOOP("import", "doors to outside"),
    QT_TRANSLATE_NOOP("import", "open polylines skipped"),
    QT_TRANSLATE_NOOP("import", "other block inserts ignored"),
    QT_TRANSLATE_NOOP("import", "outlines skipped"),
    QT_TRANSLATE_NOOP("import", "paper space entities ignored"),
    QT_TRANSLATE_NOOP("import", "polygons outside the outline skipped"),
    QT_TRANSLATE_NOOP("import", "rooms without use"),
    QT_TRANSLATE_NOOP("import", "staff posts"),
    QT_TRANSLATE_NOOP("import", "staff posts skipped"),
    QT_TRANSLATE_NOOP("import", "doors matched by geometry"),
    QT_TRANSLATE_NOOP("import", "doors matched by space boundaries"),
    QT_TRANSLATE_NOOP("import", "storeys"),
    QT_TRANSLATE_NOOP("import", "doors without geometry"),
    QT_TRANSLATE_NOOP("import", "spaces without geometry"),
};

// The exit codes of main.cpp.
constexpr int kOk = 0;
constexpr int kUsage = 1;
constexpr int kBadInput = 2;

const char* kUsageText =
    "Usage: vgscan import INPUT OUTPUT [--mapping FILE] [--room-layer NAME]... [--door-layer NAME]...\n"
    "                     [--format text|json]\n"
    "Turns a DXF drawing or IFC model into a plan in the vgscan format (OUTPUT ends in .geojson or\n"
    ".gpkg), prints what was recognised and what was not (with DXF handles / IFC GlobalIds), and\n"
    "validates the plan as `vgscan check` would. OUTPUT is written even when the plan has errors, so\n"
    "that it can be inspected (e.g. in QGIS); the exit code is then 2. The input is never written to.\n"
    "Room names are mapped to uses by a built-in Dutch/English table; a mapping file adds lines\n"
    "'name = use' (see docs/importing-dxf.md and docs/importing.md).\n";

const char* kExitCodes =
    "Exit codes:\n"
    "  0   success (warnings may have been printed)\n"
    "  1   usage error\n"
    "  2   bad input: the file cannot be read, or the imported plan has errors\n";

QJsonObject issueJson(const InputIssue& i) {
    return {{"severity", i.error ? "error" : "warning"}, {"object", QString::fromStdString(i.object)},
            {"problem", QString::fromStdString(i.problem)}};
}

std::string fixed(double v, int digits) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << v;
    return s.str();
}

}  // namespace

int cmdImport(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("");
    p.addHelpOption();
    vgscan::cli::addLanguageOption(p);
    p.addOption({"mapping", "Room-name mapping file (lines 'name = use').", "FILE"});
    p.addOption({"room-layer", "DXF layer holding rooms (repeatable; default: common Dutch/English names).", "NAME"});
    p.addOption({"door-layer", "DXF layer holding doors (repeatable; default: common Dutch/English names).", "NAME"});
    p.addOption({"format", "Output format of the report: text or json.", "FORMAT", "text"});
    p.addPositionalArgument("INPUT", "The DXF or IFC file.");
    p.addPositionalArgument("OUTPUT", "The plan to write (.geojson or .gpkg).");
    if (!p.parse(args)) {
        std::cerr << "vgscan: " << p.errorText().toStdString() << "\n" << kUsageText;
        return kUsage;
    }
    if (p.isSet("help")) {
        std::cout << kUsageText << "\n" << p.helpText().toStdString().substr(p.helpText().indexOf("Options:")) << "\n"
                  << kExitCodes;
        return kOk;
    }
    if (p.positionalArguments().size() != 2) {
        std::cerr << "vgscan import: give INPUT and OUTPUT\n" << kUsageText;
        return kUsage;
    }
    if (!vgscan::cli::isOneOf(p, "import", "format", {"text", "json"})) return kUsage;
    const QString format = p.value("format");
    const std::string input = p.positionalArguments().at(0).toStdString();
    const std::string output = p.positionalArguments().at(1).toStdString();
    if (!isImportedFormat(input)) {
        std::cerr << "vgscan import: " << input << " is not a .dxf or .ifc file (native plans need no import)\n";
        return kUsage;
    }

    ImportOptions options;
    options.mappingFile = p.value("mapping").toStdString();
    for (const auto& l : p.values("room-layer")) options.roomLayers.push_back(l.toStdString());
    for (const auto& l : p.values("door-layer")) options.doorLayers.push_back(l.toStdString());

    ImportReport report;
    FloorPlan plan;
    try {
        plan = importPlan(input, options, report);
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }
    std::vector<InputIssue> issues;
    validatePlan(plan, issues);
    const bool errors = hasErrors(issues);
    try {
        writePlan(output, plan);
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return kBadInput;
    }

    if (format == "json") {
        QJsonArray notes, validation;
        for (const auto& n : report.notes) notes.append(issueJson(n));
        for (const auto& i : issues) validation.append(issueJson(i));
        QJsonObject counts;
        for (const auto& [k, v] : report.counts) counts.insert(QString::fromStdString(k), v);
        QJsonObject o{{"input", QString::fromStdString(input)},
                      {"output", QString::fromStdString(output)},
                      {"format", QString::fromStdString(report.format)},
                      {"units", QString::fromStdString(report.units)},
                      {"rooms", report.rooms},
                      {"doors", report.doors},
                      {"floor_area_m2", report.floorArea},
                      {"counts", counts},
                      {"notes", notes},
                      {"validation", validation},
                      {"valid", !errors}};
        std::cout << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
    } else {
        using vgscan::i18n::arg;
        using vgscan::i18n::tx;
        std::cout << arg(tx("import", "Imported %1 (%2, %3)"), input, report.format, report.units) << "\n  "
                  << arg(tx("import", "rooms: %1, total floor area %2 m²"), std::to_string(report.rooms),
                         vgscan::i18n::shownNumber(fixed(report.floorArea, 2)))
                  << "\n  " << arg(tx("import", "doors: %1"), std::to_string(report.doors)) << "\n";
        // The readers' tallies (JSON keys too), shown in the chosen language.
        for (const auto& [k, v] : report.counts) std::cout << "  " << tx("import", k.c_str()) << ": " << v << "\n";
        if (!report.notes.empty()) {
            std::cout << arg(tx("import", "Not recognised or assumed (%1):"), std::to_string(report.notes.size())) << "\n";
            for (const auto& n : report.notes)
                std::cout << "  " << (n.object.empty() ? "" : n.object + ": ") << n.problem << "\n";
        }
        if (issues.empty()) {
            std::cout << tx("import", "Validation: no problems") << "\n";
        } else {
            std::cout << arg(tx("import", "Validation (%1):"), std::to_string(issues.size())) << "\n";
            for (const auto& i : issues)
                std::cout << "  " << (i.error ? tx("import", "error: ") : tx("import", "warning: "))
                          << (i.object.empty() ? "" : i.object + ": ") << i.problem << "\n";
        }
        std::cout << (errors ? arg(tx("import", "Wrote %1 (the plan has errors: fix the drawing or the mapping)"), output)
                             : arg(tx("import", "Wrote %1"), output))
                  << "\n";
    }
    return errors ? kBadInput : kOk;
}
