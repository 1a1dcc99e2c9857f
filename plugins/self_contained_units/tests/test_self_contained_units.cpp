// self_contained_units: figures on plans whose answer is worked out by hand.
#include "TestKit.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace vgscan;
using namespace vgscan::test;
using Catch::Approx;

namespace {

enum class Sanitary { Bathroom, WcShower, WcOnly, None };
enum class Kitchen { Own, AlsoCorridor, None };

// Studio i on a corridor y 0..1.8: bedroom [x,x+3.5]x[1.9,5.9]; behind it the
// sanitary [x,x+2]x[6,8] and the kitchenette [x+2.1,x+3.5]x[6,8], each with a
// door from the bedroom. Ids: bedI, bathI (or wcI + showerI), kitI.
void addStudio(FloorPlan& p, int i, Sanitary san, Kitchen kit) {
    const double x = i * 3.6;
    const std::string n = std::to_string(i);
    p.spaces.push_back(rect("bed" + n, SpaceUse::Bedroom, x, 1.9, x + 3.5, 5.9, "A"));
    p.openings.push_back(door("db" + n, "corridor", "bed" + n, x + 1, 1.85, x + 1.9, 1.85));
    if (san == Sanitary::Bathroom) {
        p.spaces.push_back(rect("bath" + n, SpaceUse::Bathroom, x, 6, x + 2, 8, "A"));
        p.openings.push_back(door("ds" + n, "bed" + n, "bath" + n, x + 0.5, 5.95, x + 1.3, 5.95));
    } else if (san != Sanitary::None) {  // wc [x,x+2]x[6,7], shower [x,x+2]x[7.1,8] behind it
        p.spaces.push_back(rect("wc" + n, SpaceUse::Wc, x, 6, x + 2, 7, "A"));
        p.openings.push_back(door("ds" + n, "bed" + n, "wc" + n, x + 0.5, 5.95, x + 1.3, 5.95));
        if (san == Sanitary::WcShower) {
            p.spaces.push_back(rect("shower" + n, SpaceUse::Shower, x, 7.1, x + 2, 8, "A"));
            p.openings.push_back(door("dsh" + n, "wc" + n, "shower" + n, x + 0.5, 7.05, x + 1.3, 7.05));
        }
    }
    if (kit != Kitchen::None) {
        p.spaces.push_back(rect("kit" + n, SpaceUse::Kitchen, x + 2.1, 6, x + 3.5, 8, "A"));
        p.openings.push_back(door("dk" + n, "bed" + n, "kit" + n, x + 2.3, 5.95, x + 3.1, 5.95, OpeningKind::Passage));
    }
    if (kit == Kitchen::AlsoCorridor)  // a second door, as if the kitchen were reached by a back passage
        p.openings.push_back(door("dk2" + n, "kit" + n, "corridor", x + 3.55, 7, x + 3.55, 7.8));
}

// `complete` full studios, then `rest` bedrooms with own bathroom but no kitchenette.
FloorPlan studios(int complete, int rest) {
    FloorPlan p;
    p.spaces.push_back(rect("corridor", SpaceUse::Corridor, 0, 0, 3.6 * (complete + rest), 1.8, "A"));
    for (int i = 0; i < complete + rest; ++i)
        addStudio(p, i, Sanitary::Bathroom, i < complete ? Kitchen::Own : Kitchen::None);
    return p;
}

}  // namespace

TEST_CASE("five complete studios: 5 of 5 = 100 %; pass") {
    FloorPlan p = loadFixture("plugins/self_contained_units/tests/pass-self_contained_units-five_studios.geojson");
    RuleResult r = runRule("self_contained_units", &p);
    CHECK(r.status == Status::Pass);
    REQUIRE(r.value);
    CHECK(*r.value == Approx(100.0));
    CHECK(r.findings.empty());
    CHECK(r.threshold == ">= 80 (warn from 50)");
}

TEST_CASE("old group home: 1 studio of 4 bedrooms = 25 %; fail") {
    FloorPlan p = loadFixture("plugins/self_contained_units/tests/fail-self_contained_units-group_home.geojson");
    RuleResult r = runRule("self_contained_units", &p);
    CHECK(r.status == Status::Fail);
    CHECK(*r.value == Approx(25.0));
    REQUIRE(r.findings.size() == 3);
    CHECK(findingFor(r, "bed1")->observed == "no own kitchenette");  // own bathroom, shared kitchen
    CHECK(findingFor(r, "bed2")->observed == "neither");             // shared bathroom, no kitchen
    CHECK(findingFor(r, "bed3")->observed == "neither");
    CHECK(findingFor(r, "bed2")->message.find("also opens onto bed3") != std::string::npos);
    CHECK_FALSE(findingFor(r, "bed0"));
}

TEST_CASE("no bedrooms: na") {
    FloorPlan p = loadFixture("plugins/self_contained_units/tests/na-self_contained_units-office.geojson");
    RuleResult r = runRule("self_contained_units", &p);
    CHECK(r.status == Status::NotApplicable);
    CHECK_FALSE(r.value);
}

TEST_CASE("the bands: 8/10 = 80 % pass, 7/10 warn, 5/10 = 50 % warn, 4/10 fail") {
    for (auto [complete, status] :
         {std::pair{8, Status::Pass}, {7, Status::Warn}, {5, Status::Warn}, {4, Status::Fail}}) {
        FloorPlan p = studios(complete, 10 - complete);
        RuleResult r = runRule("self_contained_units", &p);
        INFO(complete << " of 10");
        CHECK(*r.value == Approx(complete * 10.0));
        CHECK(r.status == status);
        CHECK(r.findings.size() == static_cast<size_t>(10 - complete));
    }
}

TEST_CASE("a studio whose kitchen also opens onto the corridor has no own kitchenette") {
    FloorPlan p;
    p.spaces.push_back(rect("corridor", SpaceUse::Corridor, 0, 0, 7.1, 1.8, "A"));
    addStudio(p, 0, Sanitary::Bathroom, Kitchen::Own);
    addStudio(p, 1, Sanitary::Bathroom, Kitchen::AlsoCorridor);
    RuleResult r = runRule("self_contained_units", &p);
    CHECK(*r.value == Approx(50.0));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].object == "bed1");
    CHECK(r.findings[0].observed == "no own kitchenette");
    CHECK(r.findings[0].message == "kitchen kit1 also opens onto corridor");
}

TEST_CASE("own sanitary: wc + shower chain counts, a wc alone does not; a window is no way in") {
    FloorPlan p;
    p.spaces.push_back(rect("corridor", SpaceUse::Corridor, 0, 0, 10.7, 1.8, "A"));
    addStudio(p, 0, Sanitary::WcShower, Kitchen::Own);
    addStudio(p, 1, Sanitary::WcOnly, Kitchen::Own);
    addStudio(p, 2, Sanitary::None, Kitchen::Own);
    RuleResult r = runRule("self_contained_units", &p);
    CHECK(*r.value == Approx(100.0 / 3).margin(0.05));
    CHECK(findingFor(r, "bed1")->message == "own sanitary wc1 lacks a shower");
    CHECK(findingFor(r, "bed2")->message == "no sanitary opens off it");
    CHECK(findingFor(r, "bed2")->observed == "no own sanitary");

    for (auto& o : p.openings)
        if (o.id == "dk0") o.kind = OpeningKind::Window;
    CHECK(runRule("self_contained_units", &p).findings.size() == 3);
}

TEST_CASE("a kitchenette with a door to the outside is not only the bedroom's") {
    FloorPlan p = studios(1, 0);
    p.openings.push_back(door("dout", "kit0", "outside", 3.5, 7, 3.5, 7.8));
    RuleResult r = runRule("self_contained_units", &p);
    CHECK(*r.value == Approx(0.0));
    CHECK(r.findings.at(0).message == "kitchen kit0 also opens onto the outside");
}
