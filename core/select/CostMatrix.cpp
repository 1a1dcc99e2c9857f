#include "select/CostMatrix.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace vgscan::select {

namespace {

struct Record {
    int line = 0;  // where the record starts (1-based, header = 1)
    std::vector<std::string> fields;
    std::size_t count = 0;  // fields in use; the strings beyond are kept for their capacity
};

// RFC 4180 records streamed from the file one at a time: commas and line
// breaks inside double quotes, "" for a quote. Field strings are reused from
// record to record, so a cost file of any size is read without holding its
// cells (the matrix alone, 4 bytes a pair, is what stays).
// A spreadsheet with Dutch settings saves CSV with ';' between fields and a
// decimal comma (as vgscan's own sites_nl.csv): a header line with ';' and no
// ',' selects that form.
class CsvReader {
public:
    explicit CsvReader(std::string path) : path_(std::move(path)), in_(path_, std::ios::binary) {
        if (!in_) fail(0, "cannot open the file");
        buffer_.resize(1 << 20);
        if (fill()) {
            const std::string_view head(buffer_.data(), size_);
            const std::string_view first = head.substr(0, head.find('\n'));
            if (first.find(';') != std::string_view::npos && first.find(',') == std::string_view::npos) {
                separator_ = ';';
                decimalComma_ = true;
            }
        }
        Record header;
        if (!next(header)) fail(0, "the file is empty");
        for (std::size_t c = 0; c < header.count; ++c) {
            std::string h = header.fields[c];
            if (c == 0 && h.rfind("\xEF\xBB\xBF", 0) == 0) h.erase(0, 3);  // Excel's byte order mark
            const auto b = h.find_first_not_of(" \t"), e = h.find_last_not_of(" \t");
            header_.push_back(b == std::string::npos ? std::string() : h.substr(b, e - b + 1));
        }
    }

    const std::string& path() const { return path_; }

    [[noreturn]] void fail(int line, const std::string& message) const {
        throw CostInputError(path_ + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message);
    }
    std::size_t column(const std::string& name, const char* role) const {
        for (std::size_t c = 0; c < header_.size(); ++c)
            if (header_[c] == name) return c;
        std::string known;
        for (const auto& h : header_) known += (known.empty() ? "" : ", ") + h;
        fail(1, std::string("no column '") + name + "' (" + role + "); the columns are: " + known);
    }
    const std::string& cell(const Record& r, std::size_t c) const {
        if (c >= r.count)
            fail(r.line, "column '" + header_[c] + "' is missing (row has " + std::to_string(r.count) +
                             " fields, header " + std::to_string(header_.size()) + ")");
        return r.fields[c];
    }
    // A finite, non-negative number.
    double number(const Record& r, std::size_t c) const {
        const std::string& s = cell(r, c);
        const auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
        const char* first = b == std::string::npos ? s.data() : s.data() + b;
        const char* last = b == std::string::npos ? s.data() : s.data() + e + 1;
        // In a ';' file a point is a Dutch thousands point ('1.234' is 1234), never a
        // decimal: read as a decimal it would be a thousand times too small, silently.
        if (decimalComma_ && std::find(first, last, '.') != last)
            fail(r.line, "column '" + header_[c] + "': '" + s +
                             "': a point in a number of a ';' file: a thousands point? write 1234 or 1234,5");
        if (decimalComma_ && std::find(first, last, ',') != last) {
            number_.assign(first, last);
            std::replace(number_.begin(), number_.end(), ',', '.');
            first = number_.data();
            last = first + number_.size();
        }
        double v = 0;
        const auto [end, ec] = std::from_chars(first, last, v);
        if (first == last || ec != std::errc() || end != last || !std::isfinite(v))
            fail(r.line, "column '" + header_[c] + "': '" + s + "' is not a number");
        if (v < 0) fail(r.line, "column '" + header_[c] + "': " + std::string(first, last) + " is negative");
        return v;
    }

    // The next non-blank record; false at the end of the file.
    bool next(Record& r) {
        for (;;) {
            if (atEnd()) return false;
            r.line = line_;
            r.count = 0;
            bool quoted = false, fieldWasQuoted = false;
            std::string* field = startField(r);
            bool endOfRecord = false;
            while (!endOfRecord) {
                int ch = get();
                if (ch < 0) {
                    if (quoted) fail(r.line, "a quoted field is not closed");
                    break;
                }
                if (quoted) {
                    if (ch == '"' && peek() == '"') {
                        *field += '"';
                        get();
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        if (ch == '\n') ++line_;
                        *field += static_cast<char>(ch);
                    }
                } else if (ch == '"' && field->empty() && !fieldWasQuoted) {
                    quoted = fieldWasQuoted = true;
                } else if (ch == separator_) {
                    field = startField(r);
                    fieldWasQuoted = false;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && peek() == '\n') get();
                    ++line_;
                    endOfRecord = true;
                } else {
                    *field += static_cast<char>(ch);
                }
            }
            const bool blank = r.count == 1 && r.fields[0].empty() && !fieldWasQuoted;
            if (!blank) return true;
        }
    }

private:
    std::string* startField(Record& r) {
        if (r.fields.size() <= r.count) r.fields.emplace_back();
        std::string* f = &r.fields[r.count++];
        f->clear();
        return f;
    }
    bool fill() {
        if (pos_ < size_) return true;
        if (!in_) return false;
        in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        size_ = static_cast<std::size_t>(in_.gcount());
        pos_ = 0;
        return size_ > 0;
    }
    bool atEnd() { return !fill(); }
    int get() { return fill() ? static_cast<unsigned char>(buffer_[pos_++]) : -1; }
    int peek() { return fill() ? static_cast<unsigned char>(buffer_[pos_]) : -1; }

    std::string path_;
    std::ifstream in_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0, size_ = 0;
    int line_ = 1;
    std::vector<std::string> header_;
    char separator_ = ',';
    bool decimalComma_ = false;
    mutable std::string number_;  // a cell with its decimal comma made a point (reused)
};

std::size_t indexOf(std::unordered_map<std::string, std::size_t>& index, std::vector<std::string>& ids,
                    const std::string& id) {
    auto [it, added] = index.try_emplace(id, ids.size());
    if (added) ids.push_back(id);
    return it->second;
}

}  // namespace

CostTable readCostTable(const std::string& path, const CostColumns& cols) {
    // Two passes over the file: the first interns the ids (and checks every
    // cell), the second fills the matrix in place. Nothing per cell is kept
    // in between, so memory is the float matrix plus the ids.
    CostTable t;
    std::unordered_map<std::string, std::size_t> candidateIndex, demandIndex;
    std::vector<double> weight;
    std::vector<int> weightLine;
    const bool weightInFile = !cols.weight.empty();
    {
        CsvReader csv(path);
        const std::size_t from = csv.column(cols.from, "candidate id, --from-col");
        const std::size_t to = csv.column(cols.to, "demand id, --to-col");
        const std::size_t cost = csv.column(cols.cost, "cost, --cost-col");
        const std::size_t weightCol = weightInFile ? csv.column(cols.weight, "weight, --weight-col") : 0;
        Record r;
        while (csv.next(r)) {
            const std::string& a = csv.cell(r, from);
            const std::string& b = csv.cell(r, to);
            if (a.empty()) csv.fail(r.line, "column '" + cols.from + "' is empty");
            if (b.empty()) csv.fail(r.line, "column '" + cols.to + "' is empty");
            indexOf(candidateIndex, t.candidates, a);
            const std::size_t j = indexOf(demandIndex, t.demand, b);
            csv.number(r, cost);
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
        if (t.candidates.empty()) csv.fail(0, "no data rows under the header");
    }

    const std::size_t M = t.candidates.size(), N = t.demand.size();
    // NaN marks a pair not yet given: every cost read is finite.
    t.cost.assign(M * N, std::numeric_limits<float>::quiet_NaN());
    {
        CsvReader csv(path);
        const std::size_t from = csv.column(cols.from, "candidate id, --from-col");
        const std::size_t to = csv.column(cols.to, "demand id, --to-col");
        const std::size_t cost = csv.column(cols.cost, "cost, --cost-col");
        Record r;
        while (csv.next(r)) {
            const std::size_t i = candidateIndex.at(csv.cell(r, from));
            const std::size_t j = demandIndex.at(csv.cell(r, to));
            float& c = t.cost[i * N + j];
            if (!std::isnan(c)) {
                // A rare error: read once more for the first line of the pair.
                CsvReader again(path);
                Record q;
                int first = 0;
                while (!first && again.next(q))
                    if (again.cell(q, from) == t.candidates[i] && again.cell(q, to) == t.demand[j]) first = q.line;
                csv.fail(r.line, "a second cost for candidate '" + t.candidates[i] + "' and demand point '" +
                                     t.demand[j] + "' (first on line " + std::to_string(first) + ")");
            }
            c = static_cast<float>(csv.number(r, cost));
        }
    }
    for (std::size_t i = 0; i < M; ++i)
        for (std::size_t j = 0; j < N; ++j)
            if (std::isnan(t.cost[i * N + j]))
                throw CostInputError(path + ": candidate '" + t.candidates[i] + "' has no cost for demand point '" +
                                     t.demand[j] +
                                     "' (missing pair; every candidate needs a row for every demand point)");

    if (weightInFile) {
        t.weight = std::move(weight);
    } else if (!cols.weightsFile.empty()) {
        CsvReader wcsv(cols.weightsFile);
        const std::size_t id = wcsv.column(cols.weightsIdColumn, "demand id, --weights-id-col");
        const std::size_t value = wcsv.column(cols.weightsColumn, "weight, --weights-col");
        t.weight.assign(N, std::numeric_limits<double>::quiet_NaN());
        std::vector<int> line(N, 0);
        Record r;
        while (wcsv.next(r)) {
            auto it = demandIndex.find(wcsv.cell(r, id));
            const double w = wcsv.number(r, value);
            if (it == demandIndex.end()) {  // a demand point without costs plays no part, but is counted
                if (w > 0 && t.weightedWithoutCosts++ == 0)
                    t.firstWithoutCosts = "'" + wcsv.cell(r, id) + "' (line " + std::to_string(r.line) + ")";
                t.weightWithoutCosts += w;
                continue;
            }
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
    CsvReader csv(path);
    const std::size_t from = csv.column(fromColumn, "candidate id");
    const std::size_t to = csv.column(toColumn, "candidate id");
    const std::size_t dist = csv.column(distanceColumn, "distance");
    const std::size_t M = candidates.size();
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < M; ++i) index.emplace(candidates[i], i);
    const float unknown = -1.f;
    std::vector<float> sep(M * M, unknown);
    for (std::size_t i = 0; i < M; ++i) sep[i * M + i] = 0.f;
    Record r;
    bool any = false;
    while (csv.next(r)) {
        any = true;
        auto a = index.find(csv.cell(r, from)), b = index.find(csv.cell(r, to));
        const double d = csv.number(r, dist);
        if (a == index.end() || b == index.end()) continue;  // not a candidate here
        sep[a->second * M + b->second] = static_cast<float>(d);
    }
    if (!any) csv.fail(0, "no data rows under the header");
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
