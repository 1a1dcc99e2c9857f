#pragma once
// The readers take paths (they stream files, GDAL opens by name), so each
// fuzz input is written to one scratch file per process and read back from it.
#include <cstddef>
#include <cstdint>
#include <string>

namespace vgscan::fuzz {

// Writes the bytes to <tmp>/vgscan-fuzz-<pid>/input<extension> and returns the path.
std::string writeInput(const std::uint8_t* data, std::size_t size, const char* extension);

}  // namespace vgscan::fuzz
