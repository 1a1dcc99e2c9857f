#include "io/JsonText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

namespace vgscan::json {

void appendInteger(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void appendNumber(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    // QJsonValue(double) keeps a whole number within +-2^53 as an integer.
    constexpr double kExact = 9007199254740992.0;  // 2^53
    if (std::trunc(v) == v && std::fabs(v) <= kExact) {
        appendInteger(out, static_cast<std::int64_t>(v));
        return;
    }
    // The shortest digits that read back the same (Qt and std::to_chars both
    // give these), then Qt's choice: plain unless the exponent form is shorter.
    char sci[40];
    const auto r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
    const char* p = sci;
    if (*p == '-') {
        out += '-';
        ++p;
    }
    const char* e = static_cast<const char*>(std::memchr(p, 'e', static_cast<std::size_t>(r.ptr - p)));
    char digits[20];
    int n = 0;
    for (const char* c = p; c < e; ++c)
        if (*c != '.') digits[n++] = *c;
    int exponent = 0;
    std::from_chars(e + 1 + (e[1] == '+'), r.ptr, exponent);
    const int point = exponent + 1;  // digits before the decimal point
    const std::size_t sciLength = static_cast<std::size_t>(r.ptr - p);
    const std::size_t plainLength = point <= 0  ? static_cast<std::size_t>(2 - point + n)
                                    : point < n ? static_cast<std::size_t>(n + 1)
                                                : static_cast<std::size_t>(point);
    if (plainLength > sciLength) {
        out.append(p, static_cast<std::size_t>(r.ptr - p));  // d.ddde+XX, as Qt writes it
        return;
    }
    if (point <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-point), '0');
        out.append(digits, static_cast<std::size_t>(n));
    } else if (point < n) {
        out.append(digits, static_cast<std::size_t>(point));
        out += '.';
        out.append(digits + point, static_cast<std::size_t>(n - point));
    } else {
        out.append(digits, static_cast<std::size_t>(n));
        out.append(static_cast<std::size_t>(point - n), '0');
    }
}

namespace {

// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF), which QString::fromUtf8 reads without replacing anything.
bool wellFormedUtf8(const unsigned char* s, const unsigned char* end) {
    while (s < end) {
        const unsigned c = *s;
        if (c < 0x80) {
            ++s;
            continue;
        }
        int more;
        unsigned min, cp;
        if ((c & 0xE0) == 0xC0) more = 1, min = 0x80, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0) more = 2, min = 0x800, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0) more = 3, min = 0x10000, cp = c & 0x07;
        else return false;
        if (end - s <= more) return false;
        for (int k = 1; k <= more; ++k) {
            if ((s[k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (s[k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        s += more + 1;
    }
    return true;
}

// What Qt writes for each byte below 0x80: 0 as it is, else the escape.
struct EscapeTable {
    char kind[128];  // 0: as it is; 'u': \u00XX; else the letter after '\'
    EscapeTable() {
        for (int c = 0; c < 128; ++c) kind[c] = c < 0x20 ? 'u' : 0;
        kind['"'] = '"';
        kind['\\'] = '\\';
        kind['\b'] = 'b';
        kind['\f'] = 'f';
        kind['\n'] = 'n';
        kind['\r'] = 'r';
        kind['\t'] = 't';
    }
};
const EscapeTable kEscape;

void appendEscaped(std::string& out, const unsigned char* s, const unsigned char* end) {
    const unsigned char* run = s;
    for (; s < end; ++s) {
        const unsigned c = *s;
        if (c >= 0x80 || kEscape.kind[c] == 0) continue;
        out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(s - run));
        run = s + 1;
        out += '\\';
        if (kEscape.kind[c] != 'u') {
            out += kEscape.kind[c];
        } else {
            static const char kHex[] = "0123456789abcdef";
            out += "u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(end - run));
}

}  // namespace

void appendString(std::string& out, std::string_view utf8) {
    const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
    const auto* end = s + utf8.size();
    out += '"';
    bool ascii = true;
    for (const unsigned char* c = s; c < end; ++c)
        if (*c >= 0x80) {
            ascii = false;
            break;
        }
    // QString::fromUtf8 also drops a byte order mark at the start.
    const bool bom = utf8.size() >= 3 && utf8.compare(0, 3, "\xEF\xBB\xBF") == 0;
    if (ascii || (!bom && wellFormedUtf8(s, end))) {
        appendEscaped(out, s, end);
    } else {
        // As QString::fromStdString reads it (what it cannot read becomes
        // U+FFFD, a leading byte order mark goes), then written again as UTF-8.
        const QByteArray fixed = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())).toUtf8();
        const auto* f = reinterpret_cast<const unsigned char*>(fixed.constData());
        appendEscaped(out, f, f + fixed.size());
    }
    out += '"';
}

void IndentedWriter::qtString(const QString& v) {
    // Already read: its UTF-8 is written as it is (a leading U+FEFF too).
    const QByteArray u = v.toUtf8();
    const auto* b = reinterpret_cast<const unsigned char*>(u.constData());
    out_ += '"';
    appendEscaped(out_, b, b + u.size());
    out_ += '"';
}

void IndentedWriter::beforeValue() {
    if (open_.empty()) return;
    auto& [has, isObject] = open_.back();
    if (isObject) return;  // after its key
    if (has) out_ += ",\n";
    has = true;
    indent(depth_ + static_cast<int>(open_.size()));
}

void IndentedWriter::keyStart() {
    auto& has = open_.back().first;
    if (has) out_ += ",\n";
    has = true;
    indent(depth_ + static_cast<int>(open_.size()));
}

void IndentedWriter::key(std::string_view k) {
    keyStart();
    appendString(out_, k);
    out_ += ": ";
}

void IndentedWriter::open(char bracket, bool object) {
    beforeValue();
    out_ += bracket;
    out_ += '\n';
    open_.emplace_back(false, object);
}

void IndentedWriter::close(char bracket) {
    const bool has = open_.back().first;
    open_.pop_back();
    if (has) out_ += '\n';
    indent(depth_ + static_cast<int>(open_.size()));
    out_ += bracket;
}

void IndentedWriter::beginObject() { open('{', true); }
void IndentedWriter::beginArray() { open('[', false); }
void IndentedWriter::endObject() { close('}'); }
void IndentedWriter::endArray() { close(']'); }

void IndentedWriter::string(std::string_view v) {
    beforeValue();
    appendString(out_, v);
}

void IndentedWriter::number(double v) {
    beforeValue();
    appendNumber(out_, v);
}

void IndentedWriter::integer(std::int64_t v) {
    beforeValue();
    appendInteger(out_, v);
}

void IndentedWriter::boolean(bool v) {
    beforeValue();
    out_ += v ? "true" : "false";
}

void IndentedWriter::null() {
    beforeValue();
    out_ += "null";
}

void IndentedWriter::value(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Bool: boolean(v.toBool()); break;
        case QJsonValue::Double: number(v.toDouble()); break;
        case QJsonValue::String:
            beforeValue();
            qtString(v.toString());
            break;
        case QJsonValue::Array: {
            beginArray();
            for (const QJsonValue& x : v.toArray()) value(x);
            endArray();
            break;
        }
        case QJsonValue::Object: {
            beginObject();
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                keyStart();
                qtString(it.key());
                out_ += ": ";
                value(it.value());
            }
            endObject();
            break;
        }
        default: null();  // null and undefined (Qt writes both as null)
    }
}

}  // namespace vgscan::json
