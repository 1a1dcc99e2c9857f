#include "io/StepReader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>

namespace vgscan::step {

std::optional<double> Value::asNumber() const {
    if (isNumber()) return number;
    if (kind == Kind::Typed && items.size() == 1) return items.front().asNumber();
    return std::nullopt;
}

std::optional<std::string> Value::asString() const {
    if (kind == Kind::String) return text;
    if (kind == Kind::Typed && items.size() == 1) return items.front().asString();
    return std::nullopt;
}

namespace {

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x110000) {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        throw std::runtime_error("character U+" + std::to_string(cp) + " is outside Unicode");
    }
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::uint32_t readHex(const std::string& s, std::size_t pos, int digits) {
    if (pos + digits > s.size()) throw std::runtime_error("string escape cut short");
    std::uint32_t v = 0;
    for (int i = 0; i < digits; ++i) {
        const int d = hexDigit(s[pos + i]);
        if (d < 0) throw std::runtime_error("bad hex digit '" + std::string(1, s[pos + i]) + "' in a string escape");
        v = v * 16 + static_cast<std::uint32_t>(d);
    }
    return v;
}

// Length of a valid UTF-8 sequence starting at s[i], 0 if there is none:
// some exporters write UTF-8 directly instead of \X2\ escapes.
std::size_t utf8Length(const std::string& s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

std::string decodeString(const std::string& raw) {
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        const char c = raw[i];
        if (c == '\'') {
            // Inside a string a quote only appears doubled.
            if (i + 1 < raw.size() && raw[i + 1] == '\'') {
                out += '\'';
                i += 2;
                continue;
            }
            throw std::runtime_error("a lone quote inside a string");
        }
        if (c != '\\') {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x80) {
                out += c;
                ++i;
            } else if (const std::size_t n = utf8Length(raw, i)) {
                out.append(raw, i, n);
                i += n;
            } else {
                appendUtf8(out, u);  // a Latin-1 byte
                ++i;
            }
            continue;
        }
        const std::string rest = raw.substr(i, 4);
        if (raw.compare(i, 2, "\\\\") == 0) {
            out += '\\';
            i += 2;
        } else if (rest == "\\X2\\" || rest == "\\X4\\") {
            const int digits = rest == "\\X2\\" ? 4 : 8;
            i += 4;
            const std::size_t end = raw.find("\\X0\\", i);
            if (end == std::string::npos) throw std::runtime_error("\\X2\\ or \\X4\\ without its closing \\X0\\");
            if ((end - i) % digits != 0)
                throw std::runtime_error("a \\X" + std::to_string(digits / 4 * 2) + "\\ run whose length is not a multiple of " +
                                         std::to_string(digits) + " hex digits");
            for (std::size_t p = i; p < end; p += digits) {
                std::uint32_t cp = readHex(raw, p, digits);
                if (digits == 4 && cp >= 0xD800 && cp < 0xDC00) {  // UTF-16 surrogate pair
                    if (p + 8 > end) throw std::runtime_error("a UTF-16 high surrogate without its low half");
                    const std::uint32_t lo = readHex(raw, p + 4, 4);
                    if (lo < 0xDC00 || lo >= 0xE000) throw std::runtime_error("a UTF-16 high surrogate without its low half");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 4;
                }
                appendUtf8(out, cp);
            }
            i = end + 4;
        } else if (raw.compare(i, 3, "\\X\\") == 0) {
            appendUtf8(out, readHex(raw, i + 3, 2));  // ISO 8859-1 code
            i += 5;
        } else if (raw.compare(i, 3, "\\S\\") == 0) {
            if (i + 3 >= raw.size()) throw std::runtime_error("\\S\\ without its character");
            appendUtf8(out, static_cast<unsigned char>(raw[i + 3]) + 128u);  // upper half of ISO 8859-1
            i += 4;
        } else if (raw.size() >= i + 4 && raw[i + 1] == 'P' && raw[i + 2] >= 'A' && raw[i + 2] <= 'I' && raw[i + 3] == '\\') {
            i += 4;  // code page switch for \S\: only page A (ISO 8859-1) is in use in practice
        } else {
            // A lone backslash (a Windows path written unescaped): kept as written.
            out += '\\';
            ++i;
        }
    }
    return out;
}

namespace {

// Parses values from normalised statement text (no whitespace or comments
// outside strings).
class ValueParser {
public:
    explicit ValueParser(const std::string& s, std::size_t pos = 0) : s_(s), i_(pos) {}

    std::vector<Value> arguments(char close) {
        std::vector<Value> out;
        if (peek() == close) {
            ++i_;
            return out;
        }
        for (;;) {
            out.push_back(value(0));
            const char c = get();
            if (c == close) return out;
            if (c != ',') fail(std::string("expected ',' or '") + close + "'", 1);
        }
    }

    std::size_t pos() const { return i_; }
    bool atEnd() const { return i_ >= s_.size(); }

    std::string keyword() {
        const std::size_t start = i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '-')) ++i_;
        if (i_ == start) fail("expected a type name", 0);
        return s_.substr(start, i_ - start);
    }

    char get() {
        if (i_ >= s_.size()) fail("unexpected end of the entity", 0);
        return s_[i_++];
    }
    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }

    [[noreturn]] void fail(const std::string& what, std::size_t back) const {
        const std::size_t at = i_ >= back ? i_ - back : 0;
        std::string near = s_.substr(at, 24);
        for (auto& ch : near)
            if (static_cast<unsigned char>(ch) < 0x20) ch = '?';
        throw std::runtime_error(what + " at '" + near + "'");
    }

    static constexpr int kMaxDepth = 64;  // nested lists; deeper is garbage, not IFC

    Value value(int depth = 0) {
        if (depth > kMaxDepth) fail("lists nested more than 64 deep", 0);
        Value v;
        const char c = peek();
        if (c == '$') {
            ++i_;
            v.kind = Value::Kind::Unset;
        } else if (c == '*') {
            ++i_;
            v.kind = Value::Kind::Derived;
        } else if (c == '#') {
            ++i_;
            const std::size_t start = i_;
            while (std::isdigit(static_cast<unsigned char>(peek()))) ++i_;
            if (i_ == start) fail("expected an entity number after '#'", 1);
            v.kind = Value::Kind::Ref;
            std::from_chars(s_.data() + start, s_.data() + i_, v.ref);
        } else if (c == '\'') {
            ++i_;
            const std::size_t start = i_;
            for (;;) {
                if (i_ >= s_.size()) fail("unterminated string", 0);
                if (s_[i_] == '\'') {
                    if (i_ + 1 < s_.size() && s_[i_ + 1] == '\'') {
                        i_ += 2;
                        continue;
                    }
                    break;
                }
                ++i_;
            }
            v.kind = Value::Kind::String;
            try {
                v.text = decodeString(s_.substr(start, i_ - start));
            } catch (const std::exception& e) {
                i_ = start;
                fail(std::string("bad string: ") + e.what(), 1);
            }
            ++i_;
        } else if (c == '.') {
            ++i_;
            const std::size_t start = i_;
            while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
            if (peek() != '.' || i_ == start) fail("bad enumeration", i_ - start + 1);
            v.kind = Value::Kind::Enum;
            v.text = s_.substr(start, i_ - start);
            ++i_;
        } else if (c == '"') {
            ++i_;
            const std::size_t start = i_;
            while (i_ < s_.size() && hexDigit(s_[i_]) >= 0) ++i_;
            if (peek() != '"') fail("bad binary value", i_ - start + 1);
            v.kind = Value::Kind::Binary;
            v.text = s_.substr(start, i_ - start);
            ++i_;
        } else if (c == '(') {
            ++i_;
            v.kind = Value::Kind::List;
            listItems(v, depth, "a list");
        } else if (c == '+' || c == '-' || c == '.' || std::isdigit(static_cast<unsigned char>(c))) {
            number(v);
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            v.kind = Value::Kind::Typed;
            v.text = keyword();
            if (get() != '(') fail("expected '(' after a type name", 1);
            listItems(v, depth, "a typed value");
        } else {
            fail("unexpected character", 0);
        }
        return v;
    }

    // The items after an opening '(' up to its ')', comma separated.
    void listItems(Value& v, int depth, const char* what) {
        if (peek() == ')') {
            ++i_;
            return;
        }
        for (;;) {
            v.items.push_back(value(depth + 1));
            const char d = get();
            if (d == ')') return;
            if (d != ',') fail(std::string("expected ',' or ')' in ") + what, 1);
        }
    }

    void number(Value& v) {
        const std::size_t start = i_;
        bool real = false;
        if (peek() == '+' || peek() == '-') ++i_;
        while (std::isdigit(static_cast<unsigned char>(peek()))) ++i_;
        if (peek() == '.') {
            real = true;
            ++i_;
            while (std::isdigit(static_cast<unsigned char>(peek()))) ++i_;
        }
        if (peek() == 'E' || peek() == 'e') {
            real = true;
            ++i_;
            if (peek() == '+' || peek() == '-') ++i_;
            const std::size_t exp = i_;
            while (std::isdigit(static_cast<unsigned char>(peek()))) ++i_;
            if (i_ == exp) fail("bad number", i_ - start);
        }
        // from_chars knows no leading '+' and ignores the locale (a Dutch
        // locale must not turn "1.5" into 1).
        const char* b = s_.data() + start;
        if (*b == '+') ++b;
        const auto r = std::from_chars(b, s_.data() + i_, v.number);
        if (r.ec != std::errc() || r.ptr != s_.data() + i_) fail("bad number", i_ - start);
        v.kind = real ? Value::Kind::Real : Value::Kind::Integer;
    }

private:
    const std::string& s_;
    std::size_t i_;
};

// Splits the byte stream into statements (up to ';' outside strings), with
// comments and whitespace outside strings removed, counting lines.
class StatementSource {
public:
    StatementSource(std::istream& in, std::string name, std::size_t maxBytes, std::size_t maxStringBytes)
        : in_(in), name_(std::move(name)), maxBytes_(maxBytes), maxStringBytes_(maxStringBytes) {}

    // False at the end of input with nothing pending; throws on a statement
    // cut off by the end of input or on binary data.
    bool next(std::string& stmt, int& startLine, const char* what) {
        stmt.clear();
        startLine = 0;
        int c;
        if (line_ == 1 && !bomSkipped_) {
            // Windows tools may put a UTF-8 byte order mark before ISO-10303-21.
            bomSkipped_ = true;
            if (peekc() == 0xEF) {
                get();
                if (get() != 0xBB || get() != 0xBF) bad(0xEF);
            }
        }
        while ((c = get()) != EOF) {
            if (c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
            if (c == '/' && peekc() == '/') {
                // Not STEP, but a few tools write line comments; nothing valid starts with "//".
                bad(c);
            }
            if (c == '/' && peekc() == '*') {
                get();
                skipComment();
                continue;
            }
            if (startLine == 0) startLine = line_;
            if (c == ';') return true;
            if (c == '\'') {
                stmt += '\'';
                readString(stmt, startLine, what);
                continue;
            }
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 || u >= 0x7F) bad(c);
            stmt += static_cast<char>(c);
            if (stmt.size() > maxBytes_)
                throw InputError(name_, "line " + std::to_string(startLine),
                                 "a statement longer than " + std::to_string(maxBytes_ >> 20) +
                                     " MB without a ';': not a STEP file, or a damaged one");
        }
        if (startLine != 0)
            throw InputError(name_, "line " + std::to_string(startLine),
                             std::string(what) + " starting here is not terminated: the file ends inside it at line " +
                                 std::to_string(line_) + " (truncated?)");
        return false;
    }

    int line() const { return line_; }

private:
    int get() {
        if (pos_ == len_) {
            in_.read(buf_, sizeof buf_);
            len_ = static_cast<std::size_t>(in_.gcount());
            pos_ = 0;
            if (len_ == 0) return EOF;
        }
        const int c = static_cast<unsigned char>(buf_[pos_++]);
        if (c == '\n') ++line_;
        return c;
    }
    int peekc() {
        if (pos_ == len_) {
            in_.read(buf_, sizeof buf_);
            len_ = static_cast<std::size_t>(in_.gcount());
            pos_ = 0;
            if (len_ == 0) return EOF;
        }
        return static_cast<unsigned char>(buf_[pos_]);
    }

    void skipComment() {
        const int start = line_;
        int prev = 0, c;
        while ((c = get()) != EOF) {
            if (prev == '*' && c == '/') return;
            prev = c;
        }
        throw InputError(name_, "line " + std::to_string(start),
                         "a comment starting here is not closed: the file ends inside it (truncated?)");
    }

    void readString(std::string& stmt, int startLine, const char* what) {
        const std::size_t start = stmt.size();
        const int stringLine = line_;
        int c;
        while ((c = get()) != EOF) {
            if (maxStringBytes_ > 0 && stmt.size() - start > maxStringBytes_) {
                char mb[32];
                std::snprintf(mb, sizeof mb, "%.1f MB", static_cast<double>(maxStringBytes_) / (1 << 20));
                throw InputError(name_, "line " + std::to_string(stringLine),
                                 std::string("a string longer than ") + mb + " in " + what + " starting at line " +
                                     std::to_string(startLine) +
                                     ": no name or description in a model is that long (an IFC label is at most "
                                     "255 characters); a damaged file");
            }
            if (c == '\n' || c == '\r') continue;  // long strings may be wrapped; the break is not content
            if (c == '\'') {
                stmt += '\'';
                if (peekc() == '\'') {
                    stmt += static_cast<char>(get());
                    continue;
                }
                return;
            }
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 && c != '\t') bad(c);
            stmt += static_cast<char>(c);
            if (stmt.size() > maxBytes_)
                throw InputError(name_, "line " + std::to_string(startLine), "a string longer than the statement limit: damaged file");
        }
        throw InputError(name_, "line " + std::to_string(startLine),
                         std::string(what) + " starting here is not terminated: the file ends inside a string at line " +
                             std::to_string(line_) + " (truncated?)");
    }

    [[noreturn]] void bad(int c) const {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", c & 0xFF);
        throw InputError(name_, "line " + std::to_string(line_),
                         std::string("binary data (byte ") + hex + "): not a STEP text file, or a damaged one");
    }

    std::istream& in_;
    std::string name_;
    std::size_t maxBytes_;
    std::size_t maxStringBytes_;
    char buf_[1 << 16];
    std::size_t pos_ = 0, len_ = 0;
    int line_ = 1;
    bool bomSkipped_ = false;
};

bool schemaAccepted(const std::string& schema, const std::vector<std::string>& accepted) {
    for (const auto& a : accepted)
        if (schema == a || (schema.size() > a.size() && schema.compare(0, a.size(), a) == 0 && schema[a.size()] == '_'))
            return true;
    return false;
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::vector<Value> parseArguments(const std::string& text) {
    ValueParser p(text);
    std::vector<Value> args;
    if (p.atEnd()) return args;
    for (;;) {
        args.push_back(p.value());
        if (p.atEnd()) return args;
        if (p.get() != ',') p.fail("expected ','", 1);
    }
}

// Reads sections and entities from a statement source into a StepFile.
class Loader {
public:
    Loader(std::istream& in, std::string name, const ReadOptions& opt)
        : src_(in, name, opt.maxStatementBytes, opt.maxStringBytes), name_(std::move(name)), opt_(opt) {
        file_.path_ = name_;
    }

    StepFile run() {
        std::string stmt;
        int line = 0;
        // The magic first statement; a binary file fails here, or on its first odd byte.
        try {
            if (!src_.next(stmt, line, "the first statement") || stmt != "ISO-10303-21")
                throw InputError(name_, "line " + std::to_string(std::max(line, 1)),
                                 "not a STEP (ISO 10303-21) file: it does not start with 'ISO-10303-21;'");
        } catch (const InputError& e) {
            const auto& issue = e.issues().front();
            if (issue.problem.rfind("not a STEP", 0) == 0) throw;
            if (issue.problem.rfind("binary data", 0) == 0)
                throw InputError(name_, issue.object, "not a STEP (ISO 10303-21) file: " + issue.problem);
            throw InputError(name_, "line 1", "not a STEP (ISO 10303-21) file: it does not start with 'ISO-10303-21;'");
        }
        expect(stmt, line, "HEADER", "the HEADER section");
        bool schemaSeen = false;
        for (;;) {
            if (!src_.next(stmt, line, "a header entry")) truncated();
            if (stmt == "ENDSEC") break;
            if (stmt.rfind("FILE_SCHEMA(", 0) == 0) {
                readSchema(stmt, line);
                schemaSeen = true;
            }
        }
        if (!schemaSeen) throw InputError(name_, "HEADER", "the header has no FILE_SCHEMA: the schema of the file is unknown");
        checkSchema(line);
        bool ended = false;
        while (!ended) {
            if (!src_.next(stmt, line, "a section")) truncated();
            if (stmt == "END-ISO-10303-21") break;
            if (stmt != "DATA" && stmt.rfind("DATA(", 0) != 0)
                throw InputError(name_, "line " + std::to_string(line),
                                 "expected DATA; or END-ISO-10303-21; but found '" + stmt.substr(0, 40) + "'");
            for (;;) {
                if (!src_.next(stmt, line, "the entity")) truncated();
                if (stmt == "ENDSEC") break;
                if (stmt == "END-ISO-10303-21") {
                    throw InputError(name_, "line " + std::to_string(line), "END-ISO-10303-21 inside the DATA section (no ENDSEC;)");
                }
                entity(stmt, line);
            }
        }
        return std::move(file_);
    }

private:
    [[noreturn]] void truncated() {
        throw InputError(name_, "line " + std::to_string(src_.line()),
                         "the file ends at line " + std::to_string(src_.line()) +
                             " without END-ISO-10303-21; (truncated?)");
    }

    void expect(std::string& stmt, int& line, const char* word, const char* what) {
        if (!src_.next(stmt, line, what)) truncated();
        if (stmt != word)
            throw InputError(name_, "line " + std::to_string(line),
                             std::string("expected ") + word + "; but found '" + stmt.substr(0, 40) + "'");
    }

    void readSchema(const std::string& stmt, int line) {
        try {
            ValueParser p(stmt, std::string("FILE_SCHEMA(").size());
            auto args = p.arguments(')');
            if (args.empty() || !args[0].isList()) throw std::runtime_error("expected a list of schema names");
            for (const auto& v : args[0].items)
                if (auto s = v.asString()) file_.schemas_.push_back(upper(*s));
        } catch (const std::runtime_error& e) {
            throw InputError(name_, "line " + std::to_string(line), std::string("bad FILE_SCHEMA: ") + e.what());
        }
        schemaLine_ = line;
    }

    void checkSchema(int) {
        if (opt_.schemas.empty()) return;
        for (const auto& s : file_.schemas_)
            if (schemaAccepted(s, opt_.schemas)) return;
        std::string accepted;
        for (const auto& a : opt_.schemas) accepted += (accepted.empty() ? "" : ", ") + a;
        const std::string found = file_.schemas_.empty() ? std::string("(none)") : file_.schemas_.front();
        throw InputError(name_, "FILE_SCHEMA (line " + std::to_string(schemaLine_) + ")",
                         "schema '" + found + "' is not supported; accepted: " + accepted);
    }

    void entity(const std::string& stmt, int line) {
        const std::string where = "line " + std::to_string(line);
        try {
            ValueParser p(stmt);
            if (p.get() != '#') p.fail("expected '#<number>=' to start an entity", 1);
            std::int64_t id = 0;
            const std::size_t idStart = p.pos();
            while (std::isdigit(static_cast<unsigned char>(p.peek()))) p.get();
            if (p.pos() == idStart ||
                std::from_chars(stmt.data() + idStart, stmt.data() + p.pos(), id).ec != std::errc())
                p.fail("expected an entity number", 1);
            if (p.get() != '=') p.fail("expected '=' after the entity number", 1);
            if (++file_.read_ > opt_.maxEntities && opt_.maxEntities > 0)
                throw InputError(name_, where,
                                 "more than " + std::to_string(opt_.maxEntities) +
                                     " entities: more than a building's model holds; a damaged or generated file");
            if (p.peek() == '(') {
                // A complex instance (several partial types): checked, never kept; IFC has no use for it.
                p.get();
                while (p.peek() != ')') {
                    p.keyword();
                    if (p.get() != '(') p.fail("expected '('", 1);
                    p.arguments(')');
                }
                p.get();
                if (!p.atEnd()) p.fail("unexpected text after the entity", 0);
                return;
            }
            const std::string type = upper(p.keyword());
            if (p.get() != '(') p.fail("expected '(' after the type name", 1);
            const std::size_t argsStart = p.pos();
            p.arguments(')');
            const std::size_t argsEnd = p.pos() - 1;
            if (!p.atEnd()) p.fail("unexpected text after the entity", 0);
            if (!opt_.keepTypes.empty() && !opt_.keepTypes.count(type)) return;
            auto [it, inserted] = file_.index_.try_emplace(id);
            if (!inserted)
                throw InputError(name_, where, "entity #" + std::to_string(id) + " is defined twice (first at line " +
                                                   std::to_string(it->second.line) + ")");
            it->second.type = typeId(type);
            it->second.line = line;
            it->second.args = stmt.substr(argsStart, argsEnd - argsStart);
            file_.bytesKept_ += it->second.args.size() + sizeof(StepFile::Stored) + 32;
            file_.byType_[type].push_back(id);
        } catch (const std::runtime_error& e) {
            if (dynamic_cast<const InputError*>(&e)) throw;
            throw InputError(name_, where, std::string("malformed entity: ") + e.what());
        }
    }

    std::uint16_t typeId(const std::string& type) {
        auto it = file_.typeIndex_.find(type);
        if (it != file_.typeIndex_.end()) return it->second;
        if (file_.typeNames_.size() >= 0xFFFF) throw InputError(name_, "", "more than 65535 entity types: not IFC");
        const auto id = static_cast<std::uint16_t>(file_.typeNames_.size());
        file_.typeNames_.push_back(type);
        file_.typeIndex_.emplace(type, id);
        return id;
    }

    StatementSource src_;
    std::string name_;
    const ReadOptions& opt_;
    StepFile file_;
    int schemaLine_ = 0;
};

StepFile readStepFile(const std::string& path, const ReadOptions& options) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw InputError(path, "", "cannot open the file");
    if (S_ISDIR(st.st_mode)) throw InputError(path, "", "is a directory, not a file");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (options.maxFileBytes > 0 && size > options.maxFileBytes)
    {
        char msg[200];
        std::snprintf(msg, sizeof msg,
                      "file is %.1f MB, more than the %.1f MB expected of one building's model (raise "
                      "VGSCAN_MAX_PLAN_MB if it is right)",
                      static_cast<double>(size) / (1 << 20), static_cast<double>(options.maxFileBytes) / (1 << 20));
        throw InputError(path, "", msg);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "", "cannot open the file");
    return Loader(in, path, options).run();
}

StepFile readStepText(const std::string& name, const std::string& text, const ReadOptions& options) {
    std::istringstream in(text);
    return Loader(in, name, options).run();
}

const std::vector<std::int64_t>& StepFile::idsOfType(const std::string& type) const {
    static const std::vector<std::int64_t> none;
    auto it = byType_.find(type);
    return it == byType_.end() ? none : it->second;
}

const std::string& StepFile::typeOf(std::int64_t id) const {
    static const std::string none;
    auto it = index_.find(id);
    return it == index_.end() ? none : typeNames_[it->second.type];
}

Entity StepFile::get(std::int64_t id) const {
    auto it = index_.find(id);
    if (it == index_.end())
        throw InputError(path_, "#" + std::to_string(id), "refers to an entity that is not in the file or not of a usable type");
    Entity e;
    e.id = id;
    e.type = typeNames_[it->second.type];
    e.line = it->second.line;
    e.args = parseArguments(it->second.args);
    return e;
}

}  // namespace vgscan::step
