#pragma once
// The walking network of a building: per storey a visibility graph on the
// walkable free space (spaces joined by their doorway strips), whose nodes are
// the reflex corners of that free space plus the points the rule asks about;
// storeys are joined by explicit links (stair and lift shafts). Shortest walks
// are geodesic inside the free space: they bend only at reflex corners.
#include "model/Geometry.h"

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace vgscan::routing {

// What a node is for. Corners and portals are passed through; sources and
// targets are only start or end points, so two of them in the same query set
// get an edge only when one is a source and the other a target.
enum class NodeRole { Corner, Portal, Source, Target };

class WalkNetwork {
public:
    WalkNetwork();
    ~WalkNetwork();
    WalkNetwork(const WalkNetwork&) = delete;
    WalkNetwork& operator=(const WalkNetwork&) = delete;

    // The free space of one storey; its reflex corners become nodes.
    void addStorey(int storey, const MultiPolygon& freeSpace);
    // A point of interest; -1 when it is not inside the storey's free space.
    // `querySet` separates unrelated sources and targets (no edges between sets).
    int addPoint(int storey, const Point& p, NodeRole role, int querySet = 0);
    // Takes the corners for which `drop` is true out of the storey's network
    // (corners no shortest walk between the points of interest can bend round).
    void dropCorners(int storey, const std::function<bool(const Point&)>& drop);
    // A walk of a given length between two nodes (e.g. a stair between storeys).
    void addLink(int a, int b, double length);
    // Which pairs of a storey's nodes get the sight test: only those in the
    // same piece of free space (pieces that touch or nearly touch count as
    // one), each node's sight lines testing first the wall that hid its last
    // node, and the walls whose answer is plain without dividing (both ends
    // clearly on one side of the line, an end on it with the start clearly
    // off, a clear crossing) answered in place on the grid cell's copy of
    // their ends; or every pair,
    // every wall through the full test in the order the grid gives (the
    // former construction, kept as the reference). Both give the same edges.
    enum class Pairs { SamePiece, All };
    // Computes the visibility edges of every storey. Call once, after adding points.
    void build(Pairs pairs = Pairs::SamePiece);

    struct Tree {
        std::vector<double> dist;  // +inf when unreachable
        std::vector<int> prev;     // -1 at sources and unreachable nodes
    };
    // Dijkstra from several sources at once (distance to the nearest source).
    Tree shortestFrom(const std::vector<int>& sources) const;
    // The bends of the route from the tree's source to `target`, in walking order.
    std::vector<int> route(const Tree& tree, int target) const;

    const Point& point(int node) const;
    int storey(int node) const;
    size_t nodeCount() const;  // nodes in use (dropped corners not counted)
    size_t edgeCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace vgscan::routing
