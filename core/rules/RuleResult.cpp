#include "rules/RuleResult.h"

namespace vgscan {

const char* toString(Status s) {
    switch (s) {
        case Status::Pass: return "pass";
        case Status::Warn: return "warn";
        case Status::Fail: return "fail";
        case Status::Unknown: return "unknown";
        case Status::NotApplicable: return "na";
    }
    return "unknown";
}

}  // namespace vgscan
