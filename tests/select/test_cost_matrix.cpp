// Long-form CSV cost matrices: parsing and the error messages a user sees.
#include "select/CostMatrix.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <filesystem>
#include <fstream>

using namespace vgscan::select;
using Catch::Matchers::ContainsSubstring;

namespace {

std::string write(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / "vgscan_test_select";
    std::filesystem::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

CostColumns columns(const std::string& weight = "") {
    CostColumns c;
    c.from = "site";
    c.to = "client";
    c.cost = "cost";
    c.weight = weight;
    return c;
}

std::string errorOf(const std::string& path, const CostColumns& c) {
    try {
        readCostTable(path, c);
    } catch (const CostInputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("Cost table from long form with quoted fields and a weight column") {
    // Quoted ids with a comma and a doubled quote, CRLF line ends, a byte order mark.
    const auto path = write("ok.csv",
                            "\xEF\xBB\xBFsite,client,cost,w\r\n"
                            "A,\"x, north\",1.5,2\r\n"
                            "A,\"y \"\"south\"\"\",2.5,3\r\n"
                            "B,\"x, north\",4,2\r\n"
                            "\r\n"
                            "B,\"y \"\"south\"\"\",0,3\r\n");
    const CostTable t = readCostTable(path, columns("w"));
    CHECK(t.candidates == std::vector<std::string>{"A", "B"});
    CHECK(t.demand == std::vector<std::string>{"x, north", "y \"south\""});
    CHECK(t.cost == std::vector<float>{1.5f, 2.5f, 4.f, 0.f});
    CHECK(t.weight == std::vector<double>{2, 3});
    // Without any weight every demand point weighs 1.
    CHECK(readCostTable(path, columns()).weight == std::vector<double>{1, 1});
}

TEST_CASE("Cost table saved by a spreadsheet with Dutch settings: ';' between fields, decimal commas") {
    // Before: "no column 'site' ...; the columns are: site;client;cost;w".
    const auto path = write("nl.csv",
                            "\xEF\xBB\xBFsite;client;cost;w\r\n"
                            "A;\"x; noord\";1,5;2\r\n"
                            "A;y;2,25;3\r\n"
                            "B;\"x; noord\";4;2\r\n"
                            "B;y;0,5;3\r\n");
    const CostTable t = readCostTable(path, columns("w"));
    CHECK(t.candidates == std::vector<std::string>{"A", "B"});
    CHECK(t.demand == std::vector<std::string>{"x; noord", "y"});
    CHECK(t.cost == std::vector<float>{1.5f, 2.25f, 4.f, 0.5f});
    CHECK(t.weight == std::vector<double>{2, 3});
    // A comma file keeps the decimal point: '3,5' there is still an error.
    CHECK_THAT(errorOf(write("comma35.csv", "site,client,cost\nA,x,\"3,5\"\n"), columns()),
               ContainsSubstring("comma35.csv:2: column 'cost': '3,5' is not a number"));
    // A thousands point in a decimal-comma file is not read as a decimal.
    CHECK_THAT(errorOf(write("nl-thousands.csv", "site;client;cost\nA;x;1.234,5\n"), columns()),
               ContainsSubstring("nl-thousands.csv:2: column 'cost': '1.234,5': a point in a number"));
}

TEST_CASE("A point in a number of a ';' file is refused, not read as a decimal a thousand times too small") {
    // Before: '1.234' (Dutch for 1234, no comma) was read as 1.234, silently.
    const std::string thousands =
        "': a point in a number of a ';' file: a thousands point? write 1234 or 1234,5";
    CHECK_THAT(errorOf(write("nl-point.csv", "site;client;cost\nA;x;2\nA;y;1.234\n"), columns()),
               ContainsSubstring("nl-point.csv:3: column 'cost': '1.234" + thousands));
    CHECK_THAT(errorOf(write("nl-point-w.csv", "site;client;cost;w\nA;x;2;1.500\n"), columns("w")),
               ContainsSubstring("nl-point-w.csv:2: column 'w': '1.500" + thousands));
    // The weights file of the same form, too.
    const auto costs = write("nl-c.csv", "site;client;cost\nA;x;1\n");
    auto c = columns();
    c.weightsFile = write("nl-w.csv", "id;pop\nx;2.000\n");
    c.weightsIdColumn = "id";
    c.weightsColumn = "pop";
    CHECK_THAT(errorOf(costs, c), ContainsSubstring("nl-w.csv:2: column 'pop': '2.000" + thousands));
    // A comma file keeps its decimal point.
    CHECK(readCostTable(write("comma-point.csv", "site,client,cost\nA,x,1.234\n"), columns()).cost ==
          std::vector<float>{1.234f});
}

TEST_CASE("Weights from a second file") {
    const auto costs = write("c.csv", "site,client,cost\nA,x,1\nA,y,2\nB,x,3\nB,y,4\n");
    const auto weights = write("w.csv", "id,pop,other\ny,7,a\nx,5,b\nz,100,c\n");
    CostColumns c = columns();
    c.weightsFile = weights;
    c.weightsIdColumn = "id";
    c.weightsColumn = "pop";
    CHECK(readCostTable(costs, c).weight == std::vector<double>{5, 7});  // z has no costs: left out
    // ... but counted, so that 100 clients left out are not silent (before:
    // nothing said); a weight 0 row without costs is no client left out.
    c.weightsFile = write("w-extra.csv", "id,pop\ny,7\nx,5\nz,100\nq,0\nr,2.5\n");
    const CostTable extra = readCostTable(costs, c);
    CHECK(extra.weight == std::vector<double>{5, 7});
    CHECK(extra.weightedWithoutCosts == 2);
    CHECK(extra.weightWithoutCosts == 102.5);
    CHECK(extra.firstWithoutCosts == "'z' (line 4)");
    c.weightsFile = weights;
    c.weightsFile = write("w2.csv", "id,pop\nx,5\n");
    CHECK_THAT(errorOf(costs, c), ContainsSubstring("w2.csv: no weight for demand point 'y'"));
    c.weightsFile = write("w3.csv", "id,pop\nx,5\ny,-1\n");
    CHECK_THAT(errorOf(costs, c), ContainsSubstring("w3.csv:3: column 'pop': -1 is negative"));
    c.weightsColumn = "population";
    CHECK_THAT(errorOf(costs, c), ContainsSubstring("w3.csv:1: no column 'population'"));
}

TEST_CASE("Bad cost files name file line and column") {
    const auto good = "site,client,cost,w\nA,x,1,1\nA,y,2,1\nB,x,3,1\nB,y,4,1\n";
    CostColumns c = columns("w");
    c.cost = "distance";
    CHECK_THAT(errorOf(write("unknown.csv", good), c),
               ContainsSubstring("unknown.csv:1: no column 'distance' (cost, --cost-col); the columns are: site, client, cost, w"));
    CHECK_THAT(errorOf(write("missing.csv", "site,client,cost\nA,x,1\nA,y,2\nB,x,3\n"), columns()),
               ContainsSubstring("missing.csv: candidate 'B' has no cost for demand point 'y' (missing pair"));
    CHECK_THAT(errorOf(write("negw.csv", "site,client,cost,w\nA,x,1,1\nA,y,2,-2\n"), columns("w")),
               ContainsSubstring("negw.csv:3: column 'w': -2 is negative"));
    CHECK_THAT(errorOf(write("text.csv", "site,client,cost\nA,x,abc\n"), columns()),
               ContainsSubstring("text.csv:2: column 'cost': 'abc' is not a number"));
    CHECK_THAT(errorOf(write("nan.csv", "site,client,cost\nA,x,nan\n"), columns()),
               ContainsSubstring("nan.csv:2: column 'cost': 'nan' is not a number"));
    CHECK_THAT(errorOf(write("empty.csv", ""), columns()), ContainsSubstring("empty.csv: the file is empty"));
    CHECK_THAT(errorOf(write("header.csv", "site,client,cost\n"), columns()),
               ContainsSubstring("header.csv: no data rows under the header"));
    CHECK_THAT(errorOf(write("twice.csv", "site,client,cost\nA,x,1\nA,x,2\n"), columns()),
               ContainsSubstring("twice.csv:3: a second cost for candidate 'A' and demand point 'x' (first on line 2)"));
    CHECK_THAT(errorOf(write("wdiff.csv", "site,client,cost,w\nA,x,1,1\nB,x,2,5\n"), columns("w")),
               ContainsSubstring("wdiff.csv:3: column 'w': weight 5 for demand point 'x' differs from the one on line 2"));
    CHECK_THAT(errorOf(write("short.csv", "site,client,cost\nA,x\n"), columns()),
               ContainsSubstring("short.csv:2: column 'cost' is missing"));
    CHECK_THAT(errorOf(write("quote.csv", "site,client,cost\nA,\"x,1\n"), columns()),
               ContainsSubstring("quote.csv:2: a quoted field is not closed"));
    CHECK_THAT(errorOf("/nonexistent/costs.csv", columns()), ContainsSubstring("/nonexistent/costs.csv: cannot open"));
}

TEST_CASE("Separation distances from a file or from the costs") {
    const std::vector<std::string> ids{"A", "B", "C"};
    // A-B given one way round only; B-C both ways.
    const auto sep = readSeparation(write("sep.csv", "site,client,cost\nA,B,5\nA,C,7\nB,C,3\nC,B,3\nX,A,1\n"),
                                    "site", "client", "cost", ids);
    CHECK(sep == std::vector<float>{0, 5, 7, 5, 0, 3, 7, 3, 0});
    CHECK_THROWS_WITH(readSeparation(write("sep2.csv", "site,client,cost\nA,B,5\n"), "site", "client", "cost", ids),
                      ContainsSubstring("sep2.csv: no distance between candidates 'A' and 'C'"));
    // Candidates that are demand points: the shorter direction counts.
    CostTable t;
    t.candidates = {"p", "q"};
    t.demand = {"p", "q", "r"};
    t.cost = {0, 4, 9, 6, 0, 1};
    CHECK(separationFromCosts(t) == std::vector<float>{0, 4, 4, 0});
    t.candidates = {"p", "s"};
    CHECK(separationFromCosts(t).empty());
}

TEST_CASE("Rows in any order fill the matrix by id, without a trailing line break") {
    // The file is streamed twice (ids, then costs); the order of rows must not matter.
    const auto path = write("shuffled.csv", "client,cost,site\ny,4,B\nx,1,A\ny,2,A\nx,3,B");
    const CostTable t = readCostTable(path, columns());
    CHECK(t.candidates == std::vector<std::string>{"B", "A"});
    CHECK(t.demand == std::vector<std::string>{"y", "x"});
    CHECK(t.cost == std::vector<float>{4.f, 3.f, 2.f, 1.f});
}
