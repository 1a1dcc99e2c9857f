#pragma once
// The former way of kit::fmt (rules/RuleKit.h), kept as the reference of
// tests and bench_report_text: snprintf("%.*f") into a 64-byte buffer, then
// the trailing zeros cut. kit::fmt gives the same text through std::to_chars.
#include <string>

namespace vgscan::kit {

std::string fmtPrintf(double value, int decimals);

}  // namespace vgscan::kit
