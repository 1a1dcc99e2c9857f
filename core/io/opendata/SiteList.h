#pragma once
// The user's list of sites (SITES.csv, or .xlsx), read through GDAL's CSV
// and XLSX drivers. Columns (names ignore case):
//   id, name                       required: id unique
//   bag_pand_id                    the BAG pand (16 digits; a spreadsheet that
//                                  dropped the leading zero is padded back)
//   postcode, huisnummer[, toevoeging]   an address, found in a BAG with addresses
//   x, y                           RD New (EPSG:28992) metres
//   lat, lon                       WGS 84 degrees
//   places, profile, plan          optional; plan relative to the list's folder
// The first way to find the building that a row fills in is used (in the
// order above). Every other column is carried through as text.
#include "io/opendata/OpenData.h"

#include <string>
#include <vector>

namespace vgscan::opendata {

// A table read through GDAL (CSV with , ; or tab, XLSX: the first sheet),
// every cell as text; column names lower-cased and trimmed.
struct TableRow {
    int line = 0;  // the header is row 1
    std::vector<std::string> cells;
};
struct Table {
    std::string file;
    std::vector<std::string> columns;
    std::vector<TableRow> rows;
    int column(const std::string& name) const;  // -1 when absent
    std::string cell(const TableRow& row, const std::string& name) const;  // "" when absent
};
Table readTable(const std::string& path);

// Where a row says its object is: a BAG pand, an address, or coordinates
// (x/y in RD New, or lat/lon), the first one filled in. Throws
// std::runtime_error with the problem when a value is malformed.
Locator locatorOf(const Table& table, const TableRow& row, bool allowPandId = true);

// Whole-file problems throw InputError; a bad row is reported in `issues`
// (an error naming the row and the site) and left out.
SiteList readSiteList(const std::string& path, std::vector<InputIssue>& issues);

// "0221100000311191" from "NL.IMBAG.Pand.0221100000311191", "221100000311191"
// (a spreadsheet's number) or "0221100000311191.0"; empty when it is not a
// pand id.
std::string normaliseBagId(const std::string& text);

// A number written by a person: "12.5", "12,5", " 12 "; nullopt otherwise.
std::optional<double> parseNumber(const std::string& text);

// "1234 AB" / "1234ab" -> "1234AB"; empty when it is not a Dutch postcode.
std::string normalisePostcode(const std::string& text);

}  // namespace vgscan::opendata
