#pragma once
// The words of the domain that the report, the CLI and the CSV headers show
// people, in the chosen language (i18n/Language.h). The machine words stay
// what they are (verdict "convert_vg7", status "fail"): they are CSS classes,
// filter values and JSON; these functions give the label shown beside them.
// In English the label is the machine word itself, so English output is as
// it always was.
#include <string>

namespace vgscan::i18n {

// "convert_vg7" -> "ombouwen naar VG7"; also "failed" (a site that could not
// be assessed). An unknown word comes back unchanged.
std::string verdictLabel(const std::string& verdict);
// What the verdict means, one line (the report's legend).
std::string verdictMeaning(const std::string& verdict);
// "fail" -> "voldoet niet"; also "not run". An unknown word comes back unchanged.
std::string statusLabel(const std::string& status);
// The same after a subject (a rule's Dutch title): "zichtlijnen voldoen niet"
// where the subject is plural, "eigen sanitair voldoet niet" where not.
std::string statusLabel(const std::string& status, bool pluralSubject);
// "gate" -> "poort"; an unknown word comes back unchanged.
std::string severityLabel(const std::string& severity);

}  // namespace vgscan::i18n
