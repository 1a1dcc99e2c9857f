#include "WaysOut.h"

#include <algorithm>
#include <deque>
#include <utility>

namespace vgscan::routing {

// --- block-cut tree ---------------------------------------------------------

WaysOut::WaysOut(const std::vector<std::vector<int>>& adj, int outside) : outside_(outside) {
    const int n = static_cast<int>(adj.size());
    treeOf_.assign(n, -1);
    isCut_.assign(n, 0);
    std::vector<int> treeParent(n, -1);  // tree nodes 0..n-1 (cut vertices); blocks appended
    // Biconnected components by Hopcroft-Tarjan from the outside, without
    // recursion (a building of 10^5 spaces would overflow the stack).
    std::vector<int> disc(n, -1), low(n, 0), stack;
    struct Frame {
        int v, parentEdge, next;  // next: position in adj[v]
    };
    std::vector<Frame> frames;
    int time = 0;
    disc[outside] = low[outside] = time++;
    treeOf_[outside] = outside;
    isCut_[outside] = 1;  // the root of the tree; never a failure point
    frames.push_back({outside, -1, 0});
    stack.push_back(outside);
    while (!frames.empty()) {
        Frame& f = frames.back();
        const int v = f.v;
        if (f.next < static_cast<int>(adj[v].size())) {
            const int k = f.next++;
            const int w = adj[v][k];
            if (k == f.parentEdge) continue;  // the edge we came by (only that one)
            if (disc[w] < 0) {
                disc[w] = low[w] = time++;
                // The position of v in adj[w]: the edge back to skip once.
                const auto back = std::find(adj[w].begin(), adj[w].end(), v) - adj[w].begin();
                stack.push_back(w);
                frames.push_back({w, static_cast<int>(back), 0});
            } else {
                low[v] = std::min(low[v], disc[w]);
            }
            continue;
        }
        frames.pop_back();
        if (frames.empty()) break;
        const int u = frames.back().v;  // v's parent in the search
        low[u] = std::min(low[u], low[v]);
        if (low[v] >= disc[u]) {
            // A block: u with everything above v on the stack. u separates
            // it from the outside (u is the outside itself at the top).
            isCut_[u] = 1;
            const int block = static_cast<int>(treeParent.size());
            treeParent.push_back(u);
            for (;;) {
                const int x = stack.back();
                stack.pop_back();
                // Each node is popped once, into the block of the edge to its
                // search parent; it is a cut vertex by now if it will ever be.
                if (isCut_[x]) {
                    treeOf_[x] = x;
                    treeParent[x] = block;
                } else {
                    treeOf_[x] = block;
                }
                if (x == v) break;
            }
        }
    }
    const int size = static_cast<int>(treeParent.size());
    parent_ = treeParent;
    std::vector<std::vector<int>> children(size);
    for (int x = 0; x < size; ++x)
        if (parent_[x] >= 0) children[parent_[x]].push_back(x);
    depth_.assign(size, 0);
    cutAbove_.assign(size, -1);
    std::deque<int> q{outside};
    while (!q.empty()) {
        const int x = q.front();
        q.pop_front();
        for (int c : children[x]) {
            depth_[c] = depth_[x] + 1;
            const bool cutParent = x < n && isCut_[x] && x != outside;
            cutAbove_[c] = cutParent ? x : cutAbove_[x];
            q.push_back(c);
        }
    }
    int levels = 1;
    while ((1 << levels) < size) ++levels;
    up_.assign(levels, std::vector<int>(size));
    for (int x = 0; x < size; ++x) up_[0][x] = parent_[x] >= 0 ? parent_[x] : x;
    for (int k = 1; k < levels; ++k)
        for (int x = 0; x < size; ++x) up_[k][x] = up_[k - 1][up_[k - 1][x]];
}

int WaysOut::lca(int a, int b) const {
    if (depth_[a] < depth_[b]) std::swap(a, b);
    for (int k = static_cast<int>(up_.size()) - 1; k >= 0; --k)
        if (depth_[a] - (1 << k) >= depth_[b]) a = up_[k][a];
    if (a == b) return a;
    for (int k = static_cast<int>(up_.size()) - 1; k >= 0; --k)
        if (up_[k][a] != up_[k][b]) {
            a = up_[k][a];
            b = up_[k][b];
        }
    return parent_[a];
}

int WaysOut::ways(const std::vector<int>& from, int* cut) const {
    if (cut) *cut = -1;
    // The separators common to every start: the cut vertices on the tree path
    // from the starts' lowest common ancestor to the outside, starts excepted.
    int common = -1;
    for (int s : from) {
        const int t = treeOf_[s];
        if (t < 0) continue;  // not connected to the outside
        common = common < 0 ? t : lca(common, t);
    }
    if (common < 0) return 0;
    auto isStart = [&](int x) { return std::find(from.begin(), from.end(), x) != from.end(); };
    const int n = static_cast<int>(treeOf_.size());
    int c = common < n && isCut_[common] && common != outside_ ? common : cutAbove_[common];
    while (c >= 0 && isStart(c)) c = cutAbove_[c];
    if (c < 0) return 2;
    if (cut) *cut = c;
    return 1;
}

// --- the reference: vertex-split maximum flow per query ----------------------
// in(x) = 2x, out(x) = 2x + 1, source = 2n; the outside's in-node is the sink.

WaysOutByFlow::WaysOutByFlow(const std::vector<std::vector<int>>& adj, int outside, int starts)
    : n_(static_cast<int>(adj.size())), outside_(outside), starts_(starts) {
    const int n = n_;
    struct A {
        int from, to, cap;
    };
    std::vector<A> arcs;
    splitArc.assign(n, -1);
    sourceArc.assign(n, -1);
    auto add = [&](int a, int b, int c) {
        arcs.push_back({a, b, c});
        arcs.push_back({b, a, 0});
        return static_cast<int>(arcs.size()) - 2;
    };
    for (int x = 0; x < n; ++x) {
        splitArc[x] = add(2 * x, 2 * x + 1, x == outside ? kBig : 1);
        for (int y : adj[x]) add(2 * x + 1, 2 * y, kBig);
    }
    for (int x = 0; x < starts; ++x) sourceArc[x] = add(2 * n, 2 * x, 0);
    // Compressed rows, keeping each arc's partner.
    const int m = static_cast<int>(arcs.size()), nodes = 2 * n + 1;
    head.assign(nodes + 1, 0);
    for (const A& a : arcs) ++head[a.from + 1];
    for (int i = 0; i < nodes; ++i) head[i + 1] += head[i];
    std::vector<int> pos(head.begin(), head.end() - 1), where(m);
    to.assign(m, 0);
    from_.assign(m, 0);
    baseCap.assign(m, 0);
    for (int i = 0; i < m; ++i) {
        where[i] = pos[arcs[i].from]++;
        to[where[i]] = arcs[i].to;
        from_[where[i]] = arcs[i].from;
        baseCap[where[i]] = arcs[i].cap;
    }
    rev.assign(m, 0);
    for (int i = 0; i < m; i += 2) {
        rev[where[i]] = where[i + 1];
        rev[where[i + 1]] = where[i];
    }
    for (int x = 0; x < n; ++x) splitArc[x] = where[splitArc[x]];
    for (int x = 0; x < starts; ++x) sourceArc[x] = where[sourceArc[x]];
    cap.assign(m, 0);
    parent.assign(nodes, -1);
}

int WaysOutByFlow::ways(const std::vector<int>& from, int* cut) const {
    const int n = n_;
    const int src = 2 * n, sink = 2 * outside_;
    std::copy(baseCap.begin(), baseCap.end(), cap.begin());
    for (int s : from) {
        if (s >= starts_) continue;
        cap[splitArc[s]] = kBig;   // the start spaces are not failure points
        cap[sourceArc[s]] = kBig;  // and the walk may begin in any of them
    }
    std::vector<int>& parentArc = parent;
    auto reach = [&]() {
        std::fill(parentArc.begin(), parentArc.end(), -1);
        std::vector<char> seen(2 * n + 1, 0);
        std::deque<int> q{src};
        seen[src] = 1;
        while (!q.empty()) {
            int u = q.front();
            q.pop_front();
            for (int a = head[u]; a < head[u + 1]; ++a)
                if (cap[a] > 0 && !seen[to[a]]) {
                    seen[to[a]] = 1;
                    parentArc[to[a]] = a;
                    q.push_back(to[a]);
                }
        }
        return seen;
    };
    int flow = 0;
    std::vector<char> seen;
    while (flow < 2) {
        seen = reach();
        if (!seen[sink]) break;
        for (int v = sink; v != src;) {
            int a = parentArc[v];
            cap[a] -= 1;
            cap[rev[a]] += 1;
            v = from_[a];
        }
        ++flow;
    }
    if (cut) {
        // Residual reachability after the maximum flow: the saturated split arc nearest the start is the cut.
        *cut = -1;
        if (flow == 1)
            for (int x = 0; x < n && *cut < 0; ++x)
                if (seen[2 * x] && !seen[2 * x + 1]) *cut = x;
    }
    return flow;
}

}  // namespace vgscan::routing
