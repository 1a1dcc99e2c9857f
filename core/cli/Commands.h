#pragma once
// Commands of the vgscan executable that live outside main.cpp. Each takes
// the arguments with the command name first (it stands in for argv[0]) and
// returns the process exit code.
#include <QStringList>

// vgscan select: choose k sites among candidates, proven optimal (core/select).
int cmdSelect(const QStringList& args);
