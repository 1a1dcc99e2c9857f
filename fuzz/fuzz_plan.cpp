// libFuzzer harness: the native plan reader (GeoJSON through GDAL/OGR) and the
// plan validator on arbitrary bytes. A clear InputError is the expected answer
// to garbage; anything else (another exception, a crash, a sanitizer report, a
// hang, a memory blow-up) is a bug.
#include "FuzzInput.h"
#include "io/InputError.h"
#include "io/PlanReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = vgscan::fuzz::writeInput(data, size, ".geojson");
    try {
        std::vector<vgscan::InputIssue> warnings;
        (void)vgscan::loadPlan(path, &warnings);
    } catch (const vgscan::InputError&) {
    }
    return 0;
}
