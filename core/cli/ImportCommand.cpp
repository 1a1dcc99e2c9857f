// Placeholder until `vgscan import` lands (issue 8).
#include "cli/Commands.h"

#include <iostream>

int cmdImport(const QStringList&) {
    std::cerr << "vgscan import: not available in this build yet\n";
    return 1;
}
