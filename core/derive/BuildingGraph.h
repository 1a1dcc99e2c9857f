#pragma once
// What many rules need about one building, computed once: the space–opening
// graph (who opens onto whom), spaces per storey and per living group, and
// the walkable free space of each storey (spaces joined through their door
// and passage openings), on which visibility and walking are computed.
#include "model/Model.h"

#include <functional>
#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vgscan {

class BuildingGraph {
public:
    static constexpr int kOutsideNode = -1;
    static constexpr const char* kWholePlan = "(whole plan)";  // a plan without any group
    static constexpr const char* kNoGroup = "(no group)";      // ungrouped spaces in a plan with groups

    // Spaces of one kind (e.g. sanitary) reached from a bedroom, directly or
    // through each other, and what else they open onto. They are the bedroom's
    // own when they open onto nothing else, not even the outside.
    struct PrivateUnit {
        std::vector<int> spaces;
        std::set<int> alsoOnto;      // other spaces; kOutsideNode for the outside
        double area = 0.0;           // m², the unit's spaces together
        double narrowestEntry = 0.0; // narrowest opening from the bedroom into the unit
        bool own() const { return !spaces.empty() && alsoOnto.empty(); }
    };

    struct Link {
        int opening;    // index into plan.openings
        int neighbour;  // index into plan.spaces, or kOutsideNode
    };

    explicit BuildingGraph(const FloorPlan& plan);

    const FloorPlan& plan() const { return plan_; }
    int indexOf(const std::string& spaceId) const;  // -1 when unknown
    const Space& space(int index) const { return plan_.spaces.at(index); }

    // Door and passage links of a space (windows excluded).
    const std::vector<Link>& links(int space) const { return links_.at(space); }
    // Spaces directly reachable from `space` through a door or passage.
    std::vector<int> neighbours(int space) const;

    std::vector<int> spacesWithUse(SpaceUse use) const;
    const std::vector<int>& spacesOnStorey(int storey) const;
    // Living group id -> its spaces (spaces without a group are not listed).
    const std::map<std::string, std::vector<int>>& groups() const { return groups_; }
    // The living groups as rules judge them: the `group` values; a plan with no
    // group at all is one group, kWholePlan; ungrouped spaces of a plan with
    // groups form kNoGroup when they include a bedroom (nobody decided which
    // group carries those residents).
    std::map<std::string, std::vector<int>> livingGroups() const;

    PrivateUnit privateUnit(int bedroom, const std::function<bool(SpaceUse)>& ofKind) const;

    // Union of the storey's spaces and doorway strips of its walkable openings.
    // Computed on first use (not every rule needs it), then kept.
    const MultiPolygon& freeSpace(int storey) const;
    // How the storey's pieces (spaces, then doorway strips) are joined, halves
    // merged pairwise (a cascaded union). Two halves that cannot meet are put
    // side by side, the first's polygons then the second's, which is what
    // Boost.Geometry's union gives for them (no turns, no ring inside the
    // other half: each input ring is copied, in input order): with
    // SkipPolygonsApart when no polygon's box of one half meets (not even
    // touches) a polygon's box of the other; with SkipApart (an earlier way,
    // kept as a reference of test_derive) only when the two halves' boxes are
    // apart. The others, and every pair with EveryPair (the reference of
    // test_derive and bench_safe_routing's BM_FreeSpace), by bg::union_.
    // NoSelfTurnsApart (what freeSpace uses) joins as SkipPolygonsApart, and
    // tells bg::union_ not to look for turns between the polygons of a half
    // made of pieces without holes put side by side with gaps wider than
    // Boost.Geometry's rounding grid (it finds none there; see
    // BuildingGraph.cpp); SkipPolygonsApart is its reference in test_derive
    // and bench_building_graph.
    enum class Union { NoSelfTurnsApart, SkipPolygonsApart, SkipApart, EveryPair };
    // The storey's free space made afresh (not kept), as freeSpace makes it
    // with NoSelfTurnsApart.
    MultiPolygon makeFreeSpace(int storey, Union how) const;
    // The strip that fills the wall gap of a walkable opening (empty polygon
    // when the opening cannot be placed).
    const Polygon& doorway(int opening) const { return doorways_.at(opening); }

private:
    const FloorPlan& plan_;
    std::map<std::string, int> index_;
    std::vector<std::vector<Link>> links_;
    std::map<int, std::vector<int>> byStorey_;
    std::map<std::string, std::vector<int>> groups_;
    std::vector<Polygon> doorways_;
    struct FreeSpace {
        std::once_flag once;
        MultiPolygon area;
    };
    std::map<int, std::unique_ptr<FreeSpace>> freeSpace_;  // one slot per storey, filled lazily
};

}  // namespace vgscan
