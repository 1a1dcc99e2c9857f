#pragma once
// Writing results for people and other tools. JSON shapes are a contract:
// `vgscan check --format json` gives {"building", "verdict", "results": [...]}.
#include "scan/Engine.h"

#include <QJsonObject>

#include <ostream>
#include <string>
#include <vector>

namespace vgscan {

QJsonObject toJson(const EvaluatedRule& r);
QJsonObject toJson(const BuildingAssessment& a, const RuleSet& rs);
QJsonObject toJson(const SiteAssessment& a);
QJsonObject scanToJson(const Portfolio& p, const RuleSet& rs, const std::vector<SiteAssessment>& sites);

// Human-readable check of one plan: rule by rule, with findings.
void writeCheckText(std::ostream& out, const BuildingAssessment& a, const RuleSet& rs);
// The portfolio table: site, profile, places, verdict, main reasons.
void writeScanTable(std::ostream& out, const std::vector<SiteAssessment>& sites);

// One row per site; one status and one value column per rule-set key.
void writeScanCsv(const std::string& path, const RuleSet& rs, const std::vector<SiteAssessment>& sites);
// The sites' plots with verdict, score and reasons, in the portfolio's CRS.
void writeScanGpkg(const std::string& path, const Portfolio& p, const std::vector<SiteAssessment>& sites);

void writeJsonFile(const std::string& path, const QJsonObject& obj);

}  // namespace vgscan
