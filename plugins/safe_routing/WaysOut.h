#pragma once
// "How many ways out share no space or opening": vertex connectivity from a
// set of start nodes to the outside node of an undirected graph (spaces,
// openings and flights as nodes; SafeRoutingRule's Topology), counted up to
// two, and with exactly one the node whose loss cuts the start off.
//
// WaysOut answers from the block-cut tree of the graph, built once: a node
// separates a start node from the outside exactly when it is a cut vertex on
// the tree path between them, so a query costs the depth of its start nodes'
// lowest common ancestor, not a search of the building. WaysOutByFlow is the
// former answer (a vertex-split maximum flow per query, two augmenting
// paths), kept as the reference for the tests and bench/bench_safe_routing.
#include <cstdint>
#include <vector>

namespace vgscan::routing {

class WaysOut {
public:
    // adj: undirected (each edge listed at both ends); `outside` is a node of it.
    WaysOut(const std::vector<std::vector<int>>& adj, int outside);

    // 0, 1 or 2 (we need no more) ways from the nodes in `from` (one start:
    // a walk may begin at any of them; they are not failure points) to the
    // outside that share no other node. With exactly one, `cut` (when given)
    // is the separating node nearest the start; -1 otherwise.
    int ways(const std::vector<int>& from, int* cut) const;

private:
    int outside_;
    // Block-cut tree, rooted at the outside: nodes 0..n-1 stand for the cut
    // vertices (only those are used), n.. for the blocks.
    std::vector<int> treeOf_;        // graph node -> its tree node (itself if a cut vertex, else its block); -1 unconnected
    std::vector<int> parent_;        // tree parent, -1 at the root
    std::vector<int> depth_;
    std::vector<int> cutAbove_;      // nearest cut vertex strictly above a tree node (not the outside); -1 none
    std::vector<std::vector<int>> up_;  // binary lifting: up_[k][x] = 2^k-th ancestor
    std::vector<char> isCut_;
    int lca(int a, int b) const;
};

class WaysOutByFlow {
public:
    WaysOutByFlow(const std::vector<std::vector<int>>& adj, int outside, int starts);
    // As WaysOut::ways; only nodes below `starts` may start.
    int ways(const std::vector<int>& from, int* cut) const;

private:
    static constexpr int kBig = 1 << 20;
    int n_, outside_, starts_;
    std::vector<int> head, to, from_, rev, baseCap, splitArc, sourceArc;
    mutable std::vector<int> cap, parent;
};

}  // namespace vgscan::routing
