// The STEP (ISO 10303-21) reader behind the IFC importer: values, string
// escapes, and clear errors for truncated, binary and wrong-schema input.
#include "io/StepReader.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QTemporaryDir>

#include <fstream>
#include <string>

using namespace vgscan;
using namespace vgscan::step;
using Catch::Matchers::ContainsSubstring;

namespace {

std::string sourcePath(const std::string& rel) { return std::string(VGSCAN_TEST_SOURCE_DIR) + "/" + rel; }

ReadOptions ifcOptions() {
    ReadOptions o;
    o.schemas = {"IFC2X3", "IFC4", "IFC4X3"};
    return o;
}

std::string file(const std::string& schema, const std::string& data) {
    return "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),'2;1');\n"
           "FILE_NAME('t','2026-01-01T00:00:00',(''),(''),'','','');\nFILE_SCHEMA(('" +
           schema + "'));\nENDSEC;\nDATA;\n" + data + "ENDSEC;\nEND-ISO-10303-21;\n";
}

// The problem text of the InputError thrown by `f`, with its object.
template <class F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.issues().front().object + ": " + e.issues().front().problem;
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("step: string escapes decode to UTF-8") {
    CHECK(decodeString("It''s") == "It's");
    CHECK(decodeString("a\\\\b") == "a\\b");
    // House.ifc's storey name "Уровень" (U+0423 U+0440 ...).
    CHECK(decodeString("\\X2\\04230440043E04320435043D044C\\X0\\ 1") == "Уровень 1");
    CHECK(decodeString("caf\\X\\E9") == "café");      // ISO 8859-1 byte
    CHECK(decodeString("caf\\S\\i") == "café");       // 'i' + 128 = 0xE9
    CHECK(decodeString("\\X4\\0001F600\\X0\\") == "\xF0\x9F\x98\x80");  // U+1F600
    CHECK(decodeString("\\X2\\D83DDE00\\X0\\") == "\xF0\x9F\x98\x80");  // the same as a UTF-16 surrogate pair
    CHECK(decodeString("\\PA\\x") == "x");            // code page directive, no text
    CHECK(decodeString("C:\\Temp") == "C:\\Temp");    // an unescaped backslash stays as written
    CHECK(decodeString("Stra\xC3\x9F" "e") == "Straße");  // raw UTF-8 passes through
    CHECK_THROWS_AS(decodeString("\\X2\\041\\X0\\"), std::runtime_error);   // not a multiple of 4 digits
    CHECK_THROWS_AS(decodeString("\\X2\\0410"), std::runtime_error);        // no \X0\ terminator
    CHECK_THROWS_AS(decodeString("\\X2\\D83D\\X0\\"), std::runtime_error);  // half a surrogate pair
    CHECK_THROWS_AS(decodeString("\\X2\\04G0\\X0\\"), std::runtime_error);  // not hex
}

TEST_CASE("step: arguments with unset derived enums refs nested lists and typed values") {
    const auto a = parseArguments("'a''b',$,*,.T.,#12,(1,2.5,(3,-4.E-1)),IFCLENGTHMEASURE(1.),\"0FF\",(),+7");
    REQUIRE(a.size() == 10);
    CHECK(a[0].kind == Value::Kind::String);
    CHECK(a[0].text == "a'b");
    CHECK(a[1].kind == Value::Kind::Unset);
    CHECK(a[2].kind == Value::Kind::Derived);
    CHECK(a[1].isUnset());
    CHECK(a[2].isUnset());
    CHECK(a[3].kind == Value::Kind::Enum);
    CHECK(a[3].text == "T");
    CHECK(a[4].isRef());
    CHECK(a[4].ref == 12);
    REQUIRE(a[5].isList());
    REQUIRE(a[5].items.size() == 3);
    CHECK(a[5].items[0].kind == Value::Kind::Integer);
    CHECK(a[5].items[1].number == 2.5);
    REQUIRE(a[5].items[2].items.size() == 2);
    CHECK(a[5].items[2].items[1].kind == Value::Kind::Real);
    CHECK(a[5].items[2].items[1].number == -0.4);
    CHECK(a[6].kind == Value::Kind::Typed);
    CHECK(a[6].text == "IFCLENGTHMEASURE");
    CHECK(a[6].asNumber() == 1.0);
    CHECK(a[7].kind == Value::Kind::Binary);
    CHECK(a[7].text == "0FF");
    CHECK(a[8].isList());
    CHECK(a[8].items.empty());
    CHECK(a[9].number == 7);
    CHECK(parseArguments("").empty());
    CHECK_THROWS_AS(parseArguments("(1,2"), std::runtime_error);
    CHECK_THROWS_AS(parseArguments("'open"), std::runtime_error);
    CHECK_THROWS_AS(parseArguments("1.5.5"), std::runtime_error);
    CHECK_THROWS_AS(parseArguments(std::string(100, '(')), std::runtime_error);  // nesting limit, no stack overflow
}

TEST_CASE("step: a file keeps only the asked types; comments strings and line breaks are handled") {
    const std::string text = file("IFC4",
                                  "/* a comment; with a semicolon */\n"
                                  "#1= IFCWALL('id;1',$,'/* not a comment */',\n  (1.,2.),.T.);\n"
                                  "#2=IFCSLAB($,\n#1);\n"
                                  "#3 = IFCWALL('long\nwrapped','\\X2\\041A\\X0\\',$,(),.F.);\n");
    ReadOptions o = ifcOptions();
    o.keepTypes = {"IFCWALL"};
    const StepFile f = readStepText("t.ifc", text, o);
    REQUIRE(f.schemas().size() == 1);
    CHECK(f.schemas()[0] == "IFC4");
    CHECK(f.entitiesRead() == 3);
    CHECK(f.entitiesKept() == 2);
    CHECK(f.idsOfType("IFCWALL") == std::vector<std::int64_t>{1, 3});
    CHECK(f.idsOfType("IFCSLAB").empty());
    CHECK_FALSE(f.has(2));
    const Entity e1 = f.get(1);
    CHECK(e1.type == "IFCWALL");
    CHECK(e1.line == 9);
    REQUIRE(e1.args.size() == 5);
    CHECK(e1.args[0].text == "id;1");
    CHECK(e1.args[2].text == "/* not a comment */");
    const Entity e3 = f.get(3);
    CHECK(e3.line == 13);
    CHECK(e3.args[0].text == "longwrapped");  // a line break inside a string is not content
    CHECK(e3.args[1].text == "К");
    CHECK_THROWS_AS(f.get(2), InputError);
}

TEST_CASE("step: truncated input names the line") {
    const std::string full = file("IFC2X3", "#1=IFCWALL('a',$);\n#2=IFCWALL('b',\n(1.,2.),$);\n#3=IFCWALL('c',$);\n");
    // Cut inside entity #2 (which starts on line 9: DATA is line 7, #1 line 8).
    const std::string cut = full.substr(0, full.find("(1.,2.)"));
    CHECK_THAT(errorOf([&] { readStepText("t.ifc", cut, ifcOptions()); }),
               ContainsSubstring("line 9") && ContainsSubstring("not terminated") && ContainsSubstring("truncated"));
    // Cut inside a string.
    const std::string inString = full.substr(0, full.find("'b'") + 2);
    CHECK_THAT(errorOf([&] { readStepText("t.ifc", inString, ifcOptions()); }),
               ContainsSubstring("line 9") && ContainsSubstring("inside a string"));
    // Cut cleanly after an entity: no ENDSEC / END-ISO-10303-21.
    const std::string noEnd = full.substr(0, full.find("ENDSEC;\nEND-ISO"));
    CHECK_THAT(errorOf([&] { readStepText("t.ifc", noEnd, ifcOptions()); }),
               ContainsSubstring("without END-ISO-10303-21") && ContainsSubstring("line 12"));
    // An unclosed comment.
    CHECK_THAT(errorOf([&] { readStepText("t.ifc", full.substr(0, full.find("#3")) + "/* x", ifcOptions()); }),
               ContainsSubstring("comment") && ContainsSubstring("line 11"));
    // The complete text reads.
    CHECK(readStepText("t.ifc", full, ifcOptions()).entitiesRead() == 3);
}

TEST_CASE("step: binary garbage and malformed entities are clear errors") {
    const std::string elf("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20);
    CHECK_THAT(errorOf([&] { readStepText("g.ifc", elf, ifcOptions()); }),
               ContainsSubstring("not a STEP (ISO 10303-21) file") && ContainsSubstring("binary data"));
    CHECK_THAT(errorOf([&] { readStepText("g.ifc", "<?xml version=\"1.0\"?><ifcXML/>", ifcOptions()); }),
               ContainsSubstring("does not start with 'ISO-10303-21;'"));
    CHECK_THAT(errorOf([&] { readStepText("g.ifc", "", ifcOptions()); }), ContainsSubstring("not a STEP"));
    // A UTF-8 byte order mark before the magic is fine (Windows tools), CRLF too.
    std::string crlf;
    for (char c : file("IFC4", "#1=IFCWALL($);\n")) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(readStepText("bom.ifc", "\xEF\xBB\xBF" + crlf, ifcOptions()).entitiesRead() == 1);
    // A good header, then binary bytes on line 8 (the first line of DATA).
    std::string text = file("IFC4", "#1=IFCWALL($);\n");
    text.insert(text.find("#1="), std::string("\x01\x02\xFF", 3));
    CHECK_THAT(errorOf([&] { readStepText("g.ifc", text, ifcOptions()); }),
               ContainsSubstring("line 8") && ContainsSubstring("binary data (byte 0x01)"));
    CHECK_THAT(errorOf([&] { readStepText("g.ifc", file("IFC4", "#1 IFCWALL($);\n"), ifcOptions()); }),
               ContainsSubstring("line 8") && ContainsSubstring("expected '='"));
    CHECK_THAT(errorOf([&] { readStepText("g.ifc", file("IFC4", "#1=IFCWALL($,(1,2);\n"), ifcOptions()); }),
               ContainsSubstring("line 8") && ContainsSubstring("malformed entity"));
    CHECK_THAT(errorOf([&] { readStepText("g.ifc", file("IFC4", "#1=IFCWALL($);\n#1=IFCWALL($);\n"), ifcOptions()); }),
               ContainsSubstring("line 9") && ContainsSubstring("#1 is defined twice (first at line 8)"));
    // A statement that never ends stops at the statement limit, not at the memory's.
    ReadOptions small = ifcOptions();
    small.maxStatementBytes = 1 << 20;
    const std::string endless = file("IFC4", "") .substr(0, file("IFC4", "").find("ENDSEC;\nEND")) +
                                "#1=IFCWALL((" + std::string(2 << 20, '1') + "\n";
    CHECK_THAT(errorOf([&] { readStepText("g.ifc", endless, small); }), ContainsSubstring("without a ';'"));
}

TEST_CASE("step: the schema is checked against the accepted list") {
    CHECK_THAT(errorOf([] { readStepText("s.ifc", file("IFC2X2_FINAL", ""), ifcOptions()); }),
               ContainsSubstring("FILE_SCHEMA (line 5)") && ContainsSubstring("schema 'IFC2X2_FINAL' is not supported") &&
                   ContainsSubstring("accepted: IFC2X3, IFC4, IFC4X3"));
    CHECK_THAT(errorOf([] { readStepText("s.ifc", file("AP214", ""), ifcOptions()); }), ContainsSubstring("'AP214'"));
    CHECK(readStepText("s.ifc", file("IFC4X3_ADD2", ""), ifcOptions()).schemas()[0] == "IFC4X3_ADD2");
    CHECK(readStepText("s.ifc", file("ifc2x3", ""), ifcOptions()).schemas()[0] == "IFC2X3");
    // IFC4X1 is not IFC4 followed by '_': refused.
    CHECK_THROWS_AS(readStepText("s.ifc", file("IFC4X1", ""), ifcOptions()), InputError);
    std::string noSchema = file("IFC4", "");
    noSchema.erase(noSchema.find("FILE_SCHEMA"), noSchema.find("ENDSEC") - noSchema.find("FILE_SCHEMA"));
    CHECK_THAT(errorOf([&] { readStepText("s.ifc", noSchema, ifcOptions()); }), ContainsSubstring("no FILE_SCHEMA"));
}

TEST_CASE("step: memory follows the kept entities and a size limit refuses huge files") {
    // 200,000 faces the importer does not keep, and one point it does.
    std::string data;
    data.reserve(200000 * 40);
    for (int i = 1; i <= 200000; ++i) data += "#" + std::to_string(i) + "=IFCFACE((#" + std::to_string(i + 1) + "));\n";
    data += "#200001=IFCCARTESIANPOINT((1.,2.,3.));\n";
    ReadOptions o = ifcOptions();
    o.keepTypes = {"IFCCARTESIANPOINT"};
    const StepFile f = readStepText("big.ifc", file("IFC4", data), o);
    CHECK(f.entitiesRead() == 200001);
    CHECK(f.entitiesKept() == 1);
    CHECK(f.bytesKept() < 1000);
    CHECK(f.get(200001).args[0].items[2].number == 3.0);

    ReadOptions limited = ifcOptions();
    limited.maxFileBytes = 1 << 20;
    CHECK_THAT(errorOf([&] { readStepFile(sourcePath("floorplans/ifc/SampleHouse4.ifc"), limited); }),
               ContainsSubstring("file is 2.2 MB, more than the 1.0 MB") && ContainsSubstring("VGSCAN_MAX_PLAN_MB"));
    CHECK_THAT(errorOf([] { readStepFile("/nonexistent/x.ifc", ifcOptions()); }), ContainsSubstring("cannot open"));
}

TEST_CASE("step: the two samples read completely") {
    // Entity counts by hand: `grep -c '^#' House.ifc` gives 25225 and
    // `grep -c '^#' SampleHouse4.ifc` gives 47309 (one entity per line in both).
    const StepFile house = readStepFile(sourcePath("floorplans/ifc/House.ifc"), ifcOptions());
    CHECK(house.schemas() == std::vector<std::string>{"IFC2X3"});
    CHECK(house.entitiesRead() == 25225);
    const StepFile sample = readStepFile(sourcePath("floorplans/ifc/SampleHouse4.ifc"), ifcOptions());
    CHECK(sample.schemas() == std::vector<std::string>{"IFC4"});
    CHECK(sample.entitiesRead() == 47309);
    // `grep -c 'IFCSPACE(' SampleHouse4.ifc` = 4; #177 is the living room.
    REQUIRE(sample.idsOfType("IFCSPACE").size() == 4);
    const Entity living = sample.get(177);
    CHECK(living.args[0].text == "3w0zWKm7n8SB1qbfwUzt0U");
    CHECK(living.args[7].text == "Living room");
    CHECK(living.args[8].text == "ELEMENT");
    CHECK(living.args[9].text == "SPACE");
}
