// json::slim (core/io/JsonSlim): the kept paths copied, the rest skipped,
// the output parsed back by Qt as the plan reads a scan.json.
#include "io/JsonSlim.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using vgscan::json::slim;
using vgscan::json::SlimError;
using Catch::Matchers::ContainsSubstring;

TEST_CASE("slim keeps the kept paths and skips strings with quotes and brackets") {
    // The skipped parts hold what a byte scan could trip on: an escaped quote
    // followed by a bracket inside a string, nested arrays, \u escapes.
    const std::string text = R"({ "portfolio": "p.gpkg",
      "sites": [
        {"id": "S01", "name": "Eik \"]}{[\" \u00e9", "figures": {"a": [1, [2, {"b": "]"}]], "c": null},
         "results": [{"rule": "site_capacity", "value": 16, "detail": {"x": "}"}},
                     {"rule": "vg7_places", "value": 12.5, "path": [[1,2],[3,4]]}],
         "failed": false},
        {"id": "S02", "results": [], "failed": true, "extra": "x"}
      ],
      "clusters": [{"id": "C1", "sites": [{"id": "S01"}], "night_round": {"legs": [1.5, 2]}}],
      "big": {"deep": [[[["]]]]"]]]]}
    })";
    const std::string out = slim(text, {"clusters", "sites[].id", "sites[].name", "sites[].failed",
                                        "sites[].results[].rule", "sites[].results[].value"});
    // Exactly what is kept, in input order, nothing else.
    CHECK(out == R"({"sites":[{"id":"S01","name":"Eik \"]}{[\" \u00e9","results":[{"rule":"site_capacity","value":16},)"
                 R"({"rule":"vg7_places","value":12.5}],"failed":false},{"id":"S02","results":[],"failed":true}],)"
                 R"("clusters":[{"id": "C1", "sites": [{"id": "S01"}], "night_round": {"legs": [1.5, 2]}}]})");
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &err);
    REQUIRE(!doc.isNull());
    const QJsonArray sites = doc.object()["sites"].toArray();
    REQUIRE(sites.size() == 2);
    CHECK(sites[0].toObject()["name"].toString() == QString::fromUtf8("Eik \"]}{[\" \u00e9"));
    CHECK(sites[0].toObject()["results"].toArray()[1].toObject()["value"].toDouble() == 12.5);
    CHECK(!sites[0].toObject().contains("figures"));
    CHECK(doc.object()["clusters"].toArray()[0].toObject()["night_round"].toObject()["legs"].toArray().size() == 2);
}

TEST_CASE("slim copies a value of another shape than its path whole, for the reader to refuse") {
    CHECK(slim(R"({"sites": "none", "x": 1})", {"sites[].id"}) == R"({"sites":"none"})");
    CHECK(slim(R"({"sites": [1, "a", {"id": 2}]})", {"sites[].id"}) == R"({"sites":[1,"a",{"id":2}]})");
}

TEST_CASE("slim refuses text that is not JSON where it scans, naming the offset") {
    auto offset = [](const std::string& text) -> long {
        try {
            slim(text, {"sites[].id"});
        } catch (const SlimError& e) {
            return static_cast<long>(e.offset);
        }
        return -1;
    };
    CHECK(offset(R"({"sites": [{"id": "S01", "skip": [1, 2}]})") == 38);  // '}' closes the '['
    CHECK(offset(R"({"sites": [{"id": "S01", "skip": "no end}]})") == 33);  // the string never closes
    CHECK(offset(R"({"sites": [{"id": "S01"})") == 24);                      // truncated
    CHECK(offset(R"([1, 2])") == 0);                                          // not an object
    CHECK(offset(R"({"a": 1} x)") == 9);
    try {
        slim(R"({"sites": [{"id": "S01" "x": 1}]})", {"sites[].id"});
        FAIL("no error");
    } catch (const SlimError& e) {
        CHECK_THAT(e.what(), ContainsSubstring("expected ',' or '}'"));
    }
}
