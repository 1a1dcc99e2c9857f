#pragma once
// sight_lines tests: comparing the answers of two best-post searches.
// bestPosts decides on rough figures and measures only its winners exactly;
// its choice is that of the exact search (bestPostsEvery) or, where two
// candidates tie within the rounding of their figures, another spot of the
// same exact area (within better()'s 1e-6 m²) and doors. What it reports
// must be the exact figures of the spots it chose, to the bit.
#include "BestPosts.h"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <optional>
#include <vector>

namespace vgscan::test {

inline bool sameSpot(const sight::Seen& a, const sight::Seen& b) {
    return a.spot.storey == b.spot.storey && a.spot.at.x() == b.spot.at.x() && a.spot.at.y() == b.spot.at.y();
}

// The spot measured exactly now (evaluate), as the search reported it: the
// same seen area, doors and view, to the bit.
inline void checkExactFigures(const sight::GroupFloor& gf, const sight::ViewOf& viewOf, const sight::Seen& reported) {
    const std::vector<sight::Seen> one = sight::evaluate(gf, {reported.spot}, viewOf);
    REQUIRE(one.size() == 1);
    CHECK(one[0].area == reported.area);
    CHECK(one[0].doors == reported.doors);
    CHECK(one[0].doorsSeen == reported.doorsSeen);
    const auto& ra = one[0].view.outer();
    const auto& rb = reported.view.outer();
    bool sameView = ra.size() == rb.size();
    for (size_t i = 0; sameView && i < ra.size(); ++i) sameView = ra[i].x() == rb[i].x() && ra[i].y() == rb[i].y();
    CHECK(sameView);
}

// How two answers compared.
struct AnswerTies {
    int singles = 0, singleTies = 0;  // best singles compared, of which another spot of a tied area
    int pairs = 0, pairTies = 0;      // pairs compared, of which other spots of a tied union
};

// `fast` (bestPosts) against `exact` (bestPostsEvery): the same candidates;
// the same best spot with the same figures to the bit, or another one whose
// exact area ties (within 1e-6 m²) and sees the same doors; the same pair
// (in the same order) with the same union to the bit, or another one whose
// exact union ties and sees the same doors. And `fast`'s figures are the
// exact figures of its spots (evaluate and together now), to the bit.
inline void checkExactOrTie(const sight::GroupFloor& gf, const sight::ViewOf& viewOf, const sight::Best& fast,
                            const sight::Best& exact, AnswerTies* ties = nullptr) {
    constexpr double kTie = 1e-6;  // better()'s
    CHECK(fast.candidates == exact.candidates);
    REQUIRE(fast.single.has_value() == exact.single.has_value());
    if (fast.single) {
        checkExactFigures(gf, viewOf, *fast.single);
        if (ties) ++ties->singles;
        if (sameSpot(*fast.single, *exact.single)) {
            CHECK(fast.single->area == exact.single->area);
            CHECK(fast.single->doorsSeen == exact.single->doorsSeen);
        } else {
            if (ties) ++ties->singleTies;
            CHECK(std::abs(fast.single->area - exact.single->area) <= kTie);
            CHECK(fast.single->doorsSeen == exact.single->doorsSeen);
        }
    }
    REQUIRE(fast.first.has_value() == exact.first.has_value());
    REQUIRE(fast.second.has_value() == exact.second.has_value());
    if (fast.first && fast.second) {
        checkExactFigures(gf, viewOf, *fast.first);
        checkExactFigures(gf, viewOf, *fast.second);
        const auto [area, doors] = sight::together(*fast.first, *fast.second);
        CHECK(fast.pairArea == area);
        CHECK(fast.pairDoorsSeen == doors);
        if (ties) ++ties->pairs;
        if (sameSpot(*fast.first, *exact.first) && sameSpot(*fast.second, *exact.second)) {
            CHECK(fast.pairArea == exact.pairArea);
            CHECK(fast.pairDoorsSeen == exact.pairDoorsSeen);
        } else {
            if (ties) ++ties->pairTies;
            CHECK(std::abs(fast.pairArea - exact.pairArea) <= kTie);
            CHECK(fast.pairDoorsSeen == exact.pairDoorsSeen);
        }
    }
}

// Two searches on the same figures gave the same answer to the bit: the same
// candidates, spots, areas, doors and views, union and doors.
inline void checkBitForBit(const sight::Best& a, const sight::Best& b) {
    CHECK(a.candidates == b.candidates);
    auto same = [](const std::optional<sight::Seen>& x, const std::optional<sight::Seen>& y) {
        if (!x || !y) return !x && !y;
        if (!sameSpot(*x, *y) || x->area != y->area || x->doors != y->doors) return false;
        const auto& rx = x->view.outer();
        const auto& ry = y->view.outer();
        if (rx.size() != ry.size()) return false;
        for (size_t i = 0; i < rx.size(); ++i)
            if (rx[i].x() != ry[i].x() || rx[i].y() != ry[i].y()) return false;
        return true;
    };
    CHECK(same(a.single, b.single));
    CHECK(same(a.first, b.first));
    CHECK(same(a.second, b.second));
    CHECK(a.pairArea == b.pairArea);
    CHECK(a.pairDoorsSeen == b.pairDoorsSeen);
}

}  // namespace vgscan::test
