#pragma once
// A small reader for STEP physical files (ISO 10303-21), enough for IFC:
// streams the file statement by statement, checks every entity's syntax, and
// keeps only the entity types the caller asks for (as their argument text,
// parsed again on access), so memory follows what is kept, not the file.
// Errors name the file and the line: truncated input, binary data, a schema
// that is not accepted.
#include "io/InputError.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace vgscan::step {

class Loader;

// One parameter value. Lists and typed parameters (IFCLENGTHMEASURE(1.)) hold
// their items; strings are decoded to UTF-8.
struct Value {
    enum class Kind { Unset /* $ */, Derived /* * */, Integer, Real, String, Enum, Binary, Ref, List, Typed };
    Kind kind = Kind::Unset;
    double number = 0.0;   // Integer and Real
    std::int64_t ref = 0;  // Ref: the #id
    std::string text;      // String (UTF-8), Enum (without dots), Binary (hex digits), Typed (type name)
    std::vector<Value> items;  // List, Typed

    bool isUnset() const { return kind == Kind::Unset || kind == Kind::Derived; }
    bool isRef() const { return kind == Kind::Ref; }
    bool isList() const { return kind == Kind::List; }
    bool isNumber() const { return kind == Kind::Integer || kind == Kind::Real; }
    // A number, also inside a typed parameter (IFCLENGTHMEASURE(2.5) → 2.5).
    std::optional<double> asNumber() const;
    // A string, also inside a typed parameter (IFCLABEL('x') → "x").
    std::optional<std::string> asString() const;
};

struct Entity {
    std::int64_t id = 0;
    std::string type;  // upper case, e.g. "IFCSPACE"
    int line = 0;      // where the entity starts in the file
    std::vector<Value> args;
};

struct ReadOptions {
    // Entity types to keep (upper case); empty: keep every entity.
    std::set<std::string> keepTypes;
    // Accepted FILE_SCHEMA names; a name is accepted when it equals an entry
    // or starts with an entry followed by '_' (IFC4X3_ADD2). Empty: any.
    std::vector<std::string> schemas;
    // Files larger than this are refused before reading (0: no limit).
    std::uint64_t maxFileBytes = 0;
    // Longest single statement: a sane entity is far shorter; garbage
    // without a ';' must not grow without bound.
    std::size_t maxStatementBytes = 64u << 20;
    // Longest string literal: an IFC label is at most 255 characters and a
    // description a paragraph; a string of megabytes is a damaged or hostile
    // file (a 50 MB room name), refused rather than carried into every output.
    std::size_t maxStringBytes = 1u << 20;
    // Most entities (all types) in one file; 0: no limit. Time and memory
    // grow with them; a building's model has a few million at most.
    std::size_t maxEntities = 0;
};

// The header and the kept entities of one file.
class StepFile {
public:
    const std::string& path() const { return path_; }
    const std::vector<std::string>& schemas() const { return schemas_; }
    // Every kept entity id of one type, in file order.
    const std::vector<std::int64_t>& idsOfType(const std::string& type) const;
    bool has(std::int64_t id) const { return index_.count(id) != 0; }
    // The type of a kept entity; empty when the id was not kept or not defined.
    const std::string& typeOf(std::int64_t id) const;
    // The parsed entity; throws InputError when the id was not kept or not defined.
    Entity get(std::int64_t id) const;
    // Entities read (all types) and kept.
    std::size_t entitiesRead() const { return read_; }
    std::size_t entitiesKept() const { return index_.size(); }
    std::size_t bytesKept() const { return bytesKept_; }

private:
    friend class Loader;
    struct Stored {
        std::uint16_t type;
        int line;
        std::string args;  // normalised argument text, without the outer parentheses
    };
    std::string path_;
    std::vector<std::string> schemas_;
    std::vector<std::string> typeNames_;
    std::unordered_map<std::string, std::uint16_t> typeIndex_;
    std::unordered_map<std::int64_t, Stored> index_;
    std::unordered_map<std::string, std::vector<std::int64_t>> byType_;
    std::size_t read_ = 0;
    std::size_t bytesKept_ = 0;
};

// Reads a file; throws InputError(path, "line N", problem) for anything that
// is not a complete, well-formed STEP file with an accepted schema.
StepFile readStepFile(const std::string& path, const ReadOptions& options);
// The same for text in memory (tests); `name` stands for the file in errors.
StepFile readStepText(const std::string& name, const std::string& text, const ReadOptions& options);

// Parses one argument list text ("'a',(1,2.),$") (exposed for tests).
std::vector<Value> parseArguments(const std::string& text);

// Decodes a STEP string body (between the quotes, '' already a quote or not):
// '' → ', \\ → \, \X\hh, \S\c, \X2\…\X0\, \X4\…\X0\ → UTF-8. Throws
// std::runtime_error on a malformed escape.
std::string decodeString(const std::string& raw);

}  // namespace vgscan::step
