#pragma once
// JSON text written directly, byte for byte as Qt 6 writes it
// (QJsonDocument::toJson(QJsonDocument::Indented)), without building
// QJsonObjects first: a 2,002-site scan.json is some 110 MB, and making it
// through Qt's classes (a CBOR container per object, every text converted to
// UTF-16 and back, keys sorted on insertion) was a quarter of writing the
// scan's files.
//
// What Qt does, and this writer therefore does (tests/test_json_text.cpp
// compares the two on random values, texts and documents):
//  - numbers: a double that is whole and within +-2^53 becomes an integer
//    (QJsonValue(double)): "100000", "-0" as "0"; other finite values in the
//    shortest digits that read back the same (Qt's 'g' with
//    FloatingPointShortest), plain ("0.001", "123456789012345680000") unless
//    the exponent form is shorter ("1e-04", "1e+16", "1.5e+20"; two exponent
//    digits at least); NaN and infinities as null.
//  - texts: " and \ escaped, \b \f \n \r \t, other bytes below 0x20 as
//    \u00XX (lower-case hex); everything else as it is (UTF-8). A text that
//    is not well-formed UTF-8, or starts with a byte order mark, is
//    converted the way QString::fromStdString converts it (U+FFFD for what
//    cannot be read; the mark dropped) before being written.
//  - layout: members in the order the caller writes them (a QJsonObject
//    sorts its keys: the caller writes them sorted), four spaces a level, an
//    empty object or array as "{" or "[", a line break and the closing
//    bracket at the container's own level.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

class QJsonValue;
class QString;

namespace vgscan::json {

// The number as Qt writes a QJsonValue(double): see above.
void appendNumber(std::string& out, double v);
// An integer (QJsonValue(int), QJsonValue(qint64)).
void appendInteger(std::string& out, std::int64_t v);
// The text in quotes, escaped as Qt escapes it.
void appendString(std::string& out, std::string_view utf8);

// Indented text like QJsonDocument::Indented. Members and elements are
// written in the order given; keys of an object must be given in Qt's order
// (sorted by UTF-16 code units; for ASCII keys, by bytes).
class IndentedWriter {
public:
    // `depth`: the level of the first value written (0 for a document).
    explicit IndentedWriter(std::string& out, int depth = 0) : out_(out), depth_(depth) {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // A member's key; its value follows (a value call or begin*).
    void key(std::string_view k);

    void string(std::string_view v);
    void number(double v);
    void integer(std::int64_t v);
    void boolean(bool v);
    void null();

    // key + value in one.
    void member(std::string_view k, std::string_view v) { key(k); string(v); }
    void member(std::string_view k, const char* v) { key(k); string(v); }
    void member(std::string_view k, const std::string& v) { key(k); string(v); }
    void memberNumber(std::string_view k, double v) { key(k); number(v); }
    void memberInteger(std::string_view k, std::int64_t v) { key(k); integer(v); }
    void memberBool(std::string_view k, bool v) { key(k); boolean(v); }
    void memberNull(std::string_view k) { key(k); null(); }

    // A value of Qt's (an object's members in its own order, which is Qt's):
    // the same text as Qt writes for it, where its numbers came from doubles
    // or from integers within +-2^53 (what a QJsonValue read back gives).
    void value(const QJsonValue& v);

private:
    void beforeValue();  // an array element's separator and indent
    void open(char bracket, bool object);  // an object's or array's start
    void close(char bracket);              // its end: on its own line unless empty
    void keyStart();     // a member's separator and indent
    void qtString(const QString& v);  // a text Qt holds (no lone surrogates)
    void indent(int level) { out_.append(static_cast<std::size_t>(4 * level), ' '); }

    std::string& out_;
    int depth_;
    // One entry per open container: whether it has a member yet, and
    // whether it is an object (whose values follow their key).
    std::vector<std::pair<bool, bool>> open_;
};

}  // namespace vgscan::json
