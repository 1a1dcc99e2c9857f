#pragma once
// Writing results for people and other tools. JSON shapes are a contract:
// `vgscan check --format json` gives {"building", "verdict", "results": [...]}.
#include "scan/Engine.h"

#include <QJsonObject>

#include <ostream>
#include <string>
#include <vector>

class GDALDataset;

namespace vgscan {

QJsonObject toJson(const EvaluatedRule& r);
QJsonObject toJson(const BuildingAssessment& a, const RuleSet& rs);
QJsonObject toJson(const SiteAssessment& a);
// The text of toJson(a) as QJsonDocument::Indented writes it, byte for byte,
// as the value of a member or element at `depth` (its lines after the first
// indented 4 x depth more; no indent before the first, no line break after
// the last), made without Qt's JSON classes (io/JsonText.h).
void appendSiteJson(std::string& out, const SiteAssessment& a, int depth);
QJsonObject scanToJson(const Portfolio& p, const RuleSet& rs, const std::vector<SiteAssessment>& sites);

// Human-readable check of one plan: rule by rule, with findings.
void writeCheckText(std::ostream& out, const BuildingAssessment& a, const RuleSet& rs);
// The portfolio table: site, profile, places, verdict, main reasons.
// `rs`: the rule set whose explanations (explain_nl) the reasons are shown in,
// in Dutch; without it the reasons are printed as the classifier wrote them.
void writeScanTable(std::ostream& out, const std::vector<SiteAssessment>& sites, const RuleSet* rs = nullptr);

// A cell of a text table: `text` padded to `width` characters (not bytes: a
// Dutch word may hold an é), on the left or, with `right`, on the right.
std::string textColumn(const std::string& text, int width, bool right = false);
// The characters of `s` as a terminal shows them, not its bytes (an ë or an
// Ĳ is two bytes in UTF-8): the width textColumn pads to.
int shownWidth(const std::string& s);

// How a CSV is spelled. Spreadsheets read CSV by the computer's locale: with
// Dutch settings they split on ';' and read '12,5' as a number, so a scan
// writes one file for tools (RFC 4180) and one for Dutch spreadsheets.
// A text cell. One that starts with = + - @ (or a tab or carriage return)
// would run as a formula in a spreadsheet: it gets a leading apostrophe,
// which spreadsheets show as text. A plain number (a negative value in a
// site's own column) stays a number. Quoted when it holds a quote, a line
// break or the separator.
std::string csvField(const std::string& text, char sep = ',');

struct CsvDialect {
    char separator = ',';
    bool decimalComma = false;
    bool byteOrderMark = false;  // so spreadsheets read UTF-8 names right
    bool dutchHeaders = false;   // Dutch column names for a person (values stay as they are)
    static CsvDialect tools() { return {}; }
    static CsvDialect dutchSpreadsheet() { return {';', true, true, true}; }
};
// One row per site; one status and one value column per rule-set key. Text
// cells that a spreadsheet would run as a formula (= + - @ first) get a
// leading apostrophe; numbers stay numbers.
std::string scanCsv(const RuleSet& rs, const std::vector<SiteAssessment>& sites,
                    const CsvDialect& dialect = CsvDialect::tools());
// The same, written to `path` (temporary name + rename).
void writeScanCsv(const std::string& path, const RuleSet& rs, const std::vector<SiteAssessment>& sites,
                  const CsvDialect& dialect = CsvDialect::tools());
// In the portfolio's CRS: layer `sites` (plots with verdict, score, reasons and
// each rule's status and figure), and the rules' evidence as geometry:
// `evidence_areas` (e.g. visibility polygons, free buildable area),
// `evidence_lines` (routes, distances) and `findings` (points), each row with
// site, rule key, label and status. Building evidence is placed on the site
// with the plan's placement; without one it cannot be, and is left out (the
// HTML report still draws it on the plan). QGIS styles (verdict colours) are
// stored in the file's layer_styles table: sites by verdict with a category of
// their own for failed sites, and labelled; evidence and findings by rule;
// `plan_spaces` (each plan's spaces placed on its site) by use.
// `fields`: how the rows of evidence, findings and spaces get their fields:
// by number (looked up once per layer), or by name (the former way: GDAL
// compares the name with the layer's fields for every value; kept as the
// reference of bench_scan_files).
enum class GpkgFields { ByNumber, ByName };
void writeScanGpkg(const std::string& path, const Portfolio& p, const RuleSet& rs,
                   const std::vector<SiteAssessment>& sites, GpkgFields fields = GpkgFields::ByNumber);

// Replaces the QGIS style of the layer `clusters` in a sites.gpkg written by
// writeScanGpkg: one colour per cluster id.
void writeClustersStyle(GDALDataset& ds, const std::string& path, const std::vector<std::string>& clusterIds);

// Indented JSON, written to `path` (temporary name + rename).
void writeJsonFile(const std::string& path, const QJsonObject& obj);

}  // namespace vgscan
