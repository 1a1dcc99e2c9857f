// Figures people read: the Dutch decimal comma ("1,25 m") in Dutch texts,
// the point in English and in every machine format.
#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "rules/RuleKit.h"

#include <catch2/catch_test_macros.hpp>

#include <QtGlobal>

using namespace vgscan;

namespace {

// Restores English whatever a check does: other tests assume it.
struct InDutch {
    InDutch() { i18n::setLanguage(i18n::Language::Dutch); }
    ~InDutch() { i18n::setLanguage(i18n::Language::English); }
};

}  // namespace

TEST_CASE("shown numbers: the point in English, the comma in Dutch, other text untouched") {
    CHECK(i18n::shown(1.25) == "1.25");
    CHECK(i18n::shown(2.0) == "2");
    CHECK(i18n::shown(-0.0001) == "0");
    CHECK(i18n::shown(1234.56, 1) == "1234.6");
    CHECK(i18n::shownNumber(">= 1.2") == ">= 1.2");
    CHECK(i18n::shownPoint(12.5, 3) == "12.5, 3");

    const InDutch dutch;
    CHECK(i18n::shown(1.25) == "1,25");
    CHECK(i18n::shown(2.0) == "2");
    CHECK(i18n::shown(1234.56, 1) == "1234,6");  // no thousands mark: none in English either
    CHECK(i18n::shown(-0.5, 1) == "-0,5");
    CHECK(i18n::shownPoint(12.5, 3) == "12,5; 3");  // the comma is taken: a semicolon between
    // a figure alone, after a comparison, before a unit
    CHECK(i18n::shownNumber("0.85") == "0,85");
    CHECK(i18n::shownNumber(">= 1.2") == ">= 1,2");
    CHECK(i18n::shownNumber("<= 16") == "<= 16");
    CHECK(i18n::shownNumber("< 0.5") == "< 0,5");
    CHECK(i18n::shownNumber("87.2 %") == "87,2 %");
    CHECK(i18n::shownNumber("84.6 m2") == "84,6 m2");
    CHECK(i18n::shownNumber(">= 15.5 m2") == ">= 15,5 m2");
    // not a figure alone: unchanged
    for (const char* other : {"vg7.json", "1.2.3", "12.", ".5", "S01.2", "(10.2, 2.1)", "1.2 kg", "version 1.2", ""})
        CHECK(i18n::shownNumber(other) == other);
}

TEST_CASE("a rule's Dutch text shows its figures with the comma, its English text with the point") {
    // The parts a rule fills in are figures written with kit::fmt; the
    // translation replaces the point in each part that is a figure alone.
    const char* pattern = QT_TRANSLATE_NOOP("rules", "(%1, %2) on storey %3");
    CHECK(i18n::ruleText(kit::say(pattern, kit::fmt(0.0, 2), kit::fmt(4.994, 2), "1")) == "(0, 4.99) on storey 1");
    const InDutch dutch;
    CHECK(i18n::ruleText(kit::say(pattern, kit::fmt(0.0, 2), kit::fmt(4.994, 2), "1")) == "(0; 4,99) op bouwlaag 1");
    // a threshold with its warning band, made by the kit
    CHECK(i18n::ruleText(kit::atLeastText(1.2, 0.9, 2)) == ">= 1,2 (waarschuwing vanaf 0,9)");
}
