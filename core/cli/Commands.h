#pragma once
// Commands of the vgscan executable that live outside main.cpp. Each takes
// the arguments with the command name first (it stands in for argv[0]) and
// returns the process exit code.
#include <QStringList>

// vgscan select: choose k sites among candidates, proven optimal (core/select).
int cmdSelect(const QStringList& args);

// vgscan import: a DXF drawing or IFC model to a native plan file, with a
// report of what was and was not recognised (core/io/Import.h).
int cmdImport(const QStringList& args);

// vgscan portfolio build: a portfolio from a site list and Dutch open data
// (core/io/opendata).
int cmdPortfolio(const QStringList& args);

// vgscan diff: what changed between two scans (core/report/ScanDiff.h).
int cmdDiff(const QStringList& args);

// vgscan plan: the regional plan of VG7 and ambulant locations (core/plan).
int cmdPlan(const QStringList& args);
