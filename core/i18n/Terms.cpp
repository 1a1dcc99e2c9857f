#include "i18n/Terms.h"

#include "i18n/Language.h"

#include <QtGlobal>

#include <cstring>

namespace vgscan::i18n {

namespace {

struct Word {
    const char* machine;
    const char* label;  // the English label: the source text lupdate collects
};

// The verdict names as the field says them (docs/domain.md): behouden,
// ombouwen naar VG7, clusteren, afstoten.
const Word kVerdicts[] = {
    {"fits_vg7", QT_TRANSLATE_NOOP("verdict", "fits_vg7")},
    {"convert_vg7", QT_TRANSLATE_NOOP("verdict", "convert_vg7")},
    {"cluster", QT_TRANSLATE_NOOP("verdict", "cluster")},
    {"keep", QT_TRANSLATE_NOOP("verdict", "keep")},
    {"ambulant", QT_TRANSLATE_NOOP("verdict", "ambulant")},
    {"dispose", QT_TRANSLATE_NOOP("verdict", "dispose")},
    {"needs_data", QT_TRANSLATE_NOOP("verdict", "needs_data")},
    {"failed", QT_TRANSLATE_NOOP("verdict", "failed")},
    {"building_pass", QT_TRANSLATE_NOOP("verdict", "building_pass")},
    {"building_fail", QT_TRANSLATE_NOOP("verdict", "building_fail")},
};

const Word kMeanings[] = {
    {"fits_vg7", QT_TRANSLATE_NOOP("verdict meaning", "building and location meet the VG7 gates as they are")},
    {"convert_vg7", QT_TRANSLATE_NOOP("verdict meaning",
                                      "fit for VG7 after renovation the building allows; the location passes and "
                                      "clustering is possible")},
    {"cluster", QT_TRANSLATE_NOOP("verdict meaning",
                                  "the building fails VG7 but the location and plot fit a new-build VG7 cluster")},
    {"keep", QT_TRANSLATE_NOOP("verdict meaning", "stays in its current VG3/VG4 use")},
    {"ambulant", QT_TRANSLATE_NOOP("verdict meaning",
                                   "clustered ambulant living, or back-up places (respite, crisis, time-out)")},
    {"dispose", QT_TRANSLATE_NOOP("verdict meaning", "fits no route: sell, or turn into regular housing (omklappen)")},
    {"needs_data", QT_TRANSLATE_NOOP("verdict meaning", "a deciding gate could not be evaluated")},
    {"failed", QT_TRANSLATE_NOOP("verdict meaning", "input problems kept the site from being assessed")},
    {"building_pass", QT_TRANSLATE_NOOP("verdict meaning", "the building passes the VG7 building gates")},
    {"building_fail", QT_TRANSLATE_NOOP("verdict meaning", "the building fails a VG7 building gate")},
};

const Word kStatuses[] = {
    {"pass", QT_TRANSLATE_NOOP("status", "pass")},       {"warn", QT_TRANSLATE_NOOP("status", "warn")},
    {"fail", QT_TRANSLATE_NOOP("status", "fail")},       {"unknown", QT_TRANSLATE_NOOP("status", "unknown")},
    {"na", QT_TRANSLATE_NOOP("status", "na")},           {"not run", QT_TRANSLATE_NOOP("status", "not run")},
};

// The statuses that are verbs in Dutch, with a plural subject: a rule title
// such as "zichtlijnen" takes "voldoen niet" ("title_nl_plural" in the rule
// set says which titles are plural).
const Word kVerbsPlural[] = {
    {"pass", QT_TRANSLATE_NOOP("status, plural subject", "pass")},
    {"fail", QT_TRANSLATE_NOOP("status, plural subject", "fail")},
};

const Word kSeverities[] = {
    {"gate", QT_TRANSLATE_NOOP("severity", "gate")},
    {"score", QT_TRANSLATE_NOOP("severity", "score")},
    {"info", QT_TRANSLATE_NOOP("severity", "info")},
};

template <std::size_t N>
std::string lookup(const Word (&words)[N], const char* context, const std::string& machine) {
    for (const Word& w : words)
        if (machine == w.machine) return tx(context, w.label);
    return machine;
}

}  // namespace

std::string verdictLabel(const std::string& v) { return lookup(kVerdicts, "verdict", v); }
std::string verdictMeaning(const std::string& v) {
    for (const Word& w : kMeanings)
        if (v == w.machine) return tx("verdict meaning", w.label);
    return "";
}
std::string statusLabel(const std::string& s) { return lookup(kStatuses, "status", s); }
std::string statusLabel(const std::string& s, bool pluralSubject) {
    if (pluralSubject)
        for (const Word& w : kVerbsPlural)
            if (s == w.machine) return tx("status, plural subject", w.label);
    return statusLabel(s);
}
std::string severityLabel(const std::string& s) { return lookup(kSeverities, "severity", s); }

}  // namespace vgscan::i18n
