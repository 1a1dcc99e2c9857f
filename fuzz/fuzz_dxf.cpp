// libFuzzer harness: the DXF importer on arbitrary bytes. A clear InputError is the expected answer to garbage; any
// other exception, a crash, a sanitizer report, a hang or a memory blow-up is
// a bug (libFuzzer's -timeout and -rss_limit_mb catch the last two).
#include "FuzzInput.h"
#include "io/Import.h"
#include "io/InputError.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = vgscan::fuzz::writeInput(data, size, ".dxf");
    try {
        vgscan::ImportReport report;
        (void)vgscan::importDxf(path, vgscan::ImportOptions{}, report);
    } catch (const vgscan::InputError&) {
    }
    return 0;
}
