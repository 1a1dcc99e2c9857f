#include "select/CostMatrix.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_map>

namespace vgscan::select {

namespace {

struct Record {
    int line = 0;  // where the record starts (1-based, header = 1)
    std::vector<std::string> fields;
};

struct Csv {
    std::string path;
    std::vector<std::string> header;
    std::vector<Record> rows;

    [[noreturn]] void fail(int line, const std::string& message) const {
        throw CostInputError(path + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message);
    }
    std::size_t column(const std::string& name, const char* role) const {
        for (std::size_t c = 0; c < header.size(); ++c)
            if (header[c] == name) return c;
        std::string known;
        for (const auto& h : header) known += (known.empty() ? "" : ", ") + h;
        fail(1, std::string("no column '") + name + "' (" + role + "); the columns are: " + known);
    }
    const std::string& cell(const Record& r, std::size_t c) const {
        if (c >= r.fields.size())
            fail(r.line, "column '" + header[c] + "' is missing (row has " + std::to_string(r.fields.size()) +
                             " fields, header " + std::to_string(header.size()) + ")");
        return r.fields[c];
    }
    // A finite, non-negative number.
    double number(const Record& r, std::size_t c) const {
        std::string s = cell(r, c);
        const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
        s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
        double v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
            fail(r.line, "column '" + header[c] + "': '" + cell(r, c) + "' is not a number");
        if (v < 0) fail(r.line, "column '" + header[c] + "': " + s + " is negative");
        return v;
    }
};

// RFC 4180: commas and line breaks inside double quotes, "" for a quote.
Csv readCsv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    Csv csv{path, {}, {}};
    if (!in) csv.fail(0, "cannot open the file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Excel's byte order mark

    std::vector<Record> records;
    Record current{1, {}};
    std::string field;
    bool quoted = false, fieldWasQuoted = false;
    int line = 1;
    auto endField = [&] {
        current.fields.push_back(field);
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank) records.push_back(std::move(current));
        current = Record{line + 1, {}};
    };
    for (std::size_t p = 0; p < text.size(); ++p) {
        const char ch = text[p];
        if (quoted) {
            if (ch == '"' && p + 1 < text.size() && text[p + 1] == '"') {
                field += '"';
                ++p;
            } else if (ch == '"') {
                quoted = false;
            } else {
                if (ch == '\n') ++line;
                field += ch;
            }
        } else if (ch == '"' && field.empty() && !fieldWasQuoted) {
            quoted = fieldWasQuoted = true;
        } else if (ch == ',') {
            endField();
        } else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && p + 1 < text.size() && text[p + 1] == '\n') ++p;
            endRecord();
            ++line;
        } else {
            field += ch;
        }
    }
    if (quoted) csv.fail(current.line, "a quoted field is not closed");
    if (!field.empty() || !current.fields.empty()) endRecord();

    if (records.empty()) csv.fail(0, "the file is empty");
    csv.header = std::move(records.front().fields);
    for (auto& h : csv.header) {
        const auto b = h.find_first_not_of(" \t"), e = h.find_last_not_of(" \t");
        h = b == std::string::npos ? std::string() : h.substr(b, e - b + 1);
    }
    csv.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    if (csv.rows.empty()) csv.fail(0, "no data rows under the header");
    return csv;
}

std::size_t indexOf(std::unordered_map<std::string, std::size_t>& index, std::vector<std::string>& ids,
                    const std::string& id) {
    auto [it, added] = index.try_emplace(id, ids.size());
    if (added) ids.push_back(id);
    return it->second;
}

}  // namespace

CostTable readCostTable(const std::string& path, const CostColumns& cols) {
    const Csv csv = readCsv(path);
    const std::size_t from = csv.column(cols.from, "candidate id, --from-col");
    const std::size_t to = csv.column(cols.to, "demand id, --to-col");
    const std::size_t cost = csv.column(cols.cost, "cost, --cost-col");
    const bool weightInFile = !cols.weight.empty();
    const std::size_t weightCol = weightInFile ? csv.column(cols.weight, "weight, --weight-col") : 0;

    CostTable t;
    std::unordered_map<std::string, std::size_t> candidateIndex, demandIndex;
    struct Entry {
        std::size_t candidate, demand;
        double cost;
        int line;
    };
    std::vector<Entry> entries;
    entries.reserve(csv.rows.size());
    std::vector<double> weight;
    std::vector<int> weightLine;
    for (const Record& r : csv.rows) {
        const std::string& a = csv.cell(r, from);
        const std::string& b = csv.cell(r, to);
        if (a.empty()) csv.fail(r.line, "column '" + cols.from + "' is empty");
        if (b.empty()) csv.fail(r.line, "column '" + cols.to + "' is empty");
        const std::size_t i = indexOf(candidateIndex, t.candidates, a);
        const std::size_t j = indexOf(demandIndex, t.demand, b);
        entries.push_back({i, j, csv.number(r, cost), r.line});
        if (weightInFile) {
            const double w = csv.number(r, weightCol);
            if (j == weight.size()) {
                weight.push_back(w);
                weightLine.push_back(r.line);
            } else if (weight[j] != w) {
                csv.fail(r.line, "column '" + cols.weight + "': weight " + csv.cell(r, weightCol) +
                                     " for demand point '" + b + "' differs from the one on line " +
                                     std::to_string(weightLine[j]));
            }
        }
    }

    const std::size_t M = t.candidates.size(), N = t.demand.size();
    t.cost.assign(M * N, std::numeric_limits<float>::quiet_NaN());
    std::vector<int> seenOn(M * N, 0);
    for (const Entry& e : entries) {
        const std::size_t at = e.candidate * N + e.demand;
        if (seenOn[at])
            csv.fail(e.line, "a second cost for candidate '" + t.candidates[e.candidate] + "' and demand point '" +
                                 t.demand[e.demand] + "' (first on line " + std::to_string(seenOn[at]) + ")");
        seenOn[at] = e.line;
        t.cost[at] = static_cast<float>(e.cost);
    }
    for (std::size_t i = 0; i < M; ++i)
        for (std::size_t j = 0; j < N; ++j)
            if (!seenOn[i * N + j])
                csv.fail(0, "candidate '" + t.candidates[i] + "' has no cost for demand point '" + t.demand[j] +
                                "' (missing pair; every candidate needs a row for every demand point)");

    if (weightInFile) {
        t.weight = std::move(weight);
    } else if (!cols.weightsFile.empty()) {
        const Csv wcsv = readCsv(cols.weightsFile);
        const std::size_t id = wcsv.column(cols.weightsIdColumn, "demand id, --weights-id-col");
        const std::size_t value = wcsv.column(cols.weightsColumn, "weight, --weights-col");
        t.weight.assign(N, std::numeric_limits<double>::quiet_NaN());
        std::vector<int> line(N, 0);
        for (const Record& r : wcsv.rows) {
            auto it = demandIndex.find(wcsv.cell(r, id));
            const double w = wcsv.number(r, value);
            if (it == demandIndex.end()) continue;  // a demand point without costs plays no part
            if (line[it->second])
                wcsv.fail(r.line, "a second weight for demand point '" + it->first + "' (first on line " +
                                      std::to_string(line[it->second]) + ")");
            line[it->second] = r.line;
            t.weight[it->second] = w;
        }
        for (std::size_t j = 0; j < N; ++j)
            if (!line[j]) wcsv.fail(0, "no weight for demand point '" + t.demand[j] + "' (named in " + path + ")");
    } else {
        t.weight.assign(N, 1.0);
    }
    return t;
}

std::vector<float> readSeparation(const std::string& path, const std::string& fromColumn,
                                  const std::string& toColumn, const std::string& distanceColumn,
                                  const std::vector<std::string>& candidates) {
    const Csv csv = readCsv(path);
    const std::size_t from = csv.column(fromColumn, "candidate id");
    const std::size_t to = csv.column(toColumn, "candidate id");
    const std::size_t dist = csv.column(distanceColumn, "distance");
    const std::size_t M = candidates.size();
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < M; ++i) index.emplace(candidates[i], i);
    const float unknown = -1.f;
    std::vector<float> sep(M * M, unknown);
    for (std::size_t i = 0; i < M; ++i) sep[i * M + i] = 0.f;
    for (const Record& r : csv.rows) {
        auto a = index.find(csv.cell(r, from)), b = index.find(csv.cell(r, to));
        const double d = csv.number(r, dist);
        if (a == index.end() || b == index.end()) continue;  // not a candidate here
        sep[a->second * M + b->second] = static_cast<float>(d);
    }
    for (std::size_t i = 0; i < M; ++i)
        for (std::size_t j = 0; j < M; ++j) {
            float& d = sep[i * M + j];
            if (d == unknown) d = sep[j * M + i];  // given the other way round only
            if (d == unknown)
                csv.fail(0, "no distance between candidates '" + candidates[i] + "' and '" + candidates[j] + "'");
        }
    return sep;
}

std::vector<float> separationFromCosts(const CostTable& t) {
    const std::size_t M = t.candidates.size(), N = t.demand.size();
    std::unordered_map<std::string, std::size_t> demandIndex;
    for (std::size_t j = 0; j < N; ++j) demandIndex.emplace(t.demand[j], j);
    std::vector<std::size_t> asDemand(M);
    for (std::size_t i = 0; i < M; ++i) {
        auto it = demandIndex.find(t.candidates[i]);
        if (it == demandIndex.end()) return {};
        asDemand[i] = it->second;
    }
    // Network costs may differ by direction: the shorter way counts, so sites
    // are never treated as further apart than they are.
    std::vector<float> sep(M * M);
    for (std::size_t i = 0; i < M; ++i)
        for (std::size_t j = 0; j < M; ++j)
            sep[i * M + j] = i == j ? 0.f : std::min(t.cost[i * N + asDemand[j]], t.cost[j * N + asDemand[i]]);
    return sep;
}

}  // namespace vgscan::select
