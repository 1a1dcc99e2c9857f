#include "io/JsonSlim.h"

#include <cstring>

namespace vgscan::json {

namespace {

// The kept paths as a tree: a node keeps its value whole, or some keys of an
// object, or (with `items`) every element of an array.
struct Node {
    bool whole = false;
    std::vector<std::pair<std::string, int>> keys;  // key -> node index
    int items = -1;                                 // node index for the elements
};

class Slimmer {
public:
    Slimmer(std::string_view text, const std::vector<std::string>& keep) : t_(text) {
        nodes_.emplace_back();
        for (const auto& path : keep) add(path);
    }

    std::string run() {
        std::size_t at = ws(0);
        if (at >= t_.size() || t_[at] != '{') fail(at, "expected an object");
        at = write(at, 0);
        if (ws(at) != t_.size()) fail(ws(at), "text after the top-level value");
        return std::move(out_);
    }

private:
    void add(const std::string& path) {
        int node = 0;
        std::size_t from = 0;
        while (from <= path.size()) {
            std::size_t dot = path.find('.', from);
            if (dot == std::string::npos) dot = path.size();
            std::string key = path.substr(from, dot - from);
            int arrays = 0;
            while (key.size() >= 2 && key.compare(key.size() - 2, 2, "[]") == 0) key.resize(key.size() - 2), ++arrays;
            node = child(node, key);
            for (int a = 0; a < arrays; ++a) {
                if (nodes_[static_cast<std::size_t>(node)].items < 0) {
                    nodes_.emplace_back();
                    nodes_[static_cast<std::size_t>(node)].items = static_cast<int>(nodes_.size()) - 1;
                }
                node = nodes_[static_cast<std::size_t>(node)].items;
            }
            from = dot + 1;
        }
        nodes_[static_cast<std::size_t>(node)].whole = true;
    }

    int child(int node, const std::string& key) {
        for (const auto& [k, i] : nodes_[static_cast<std::size_t>(node)].keys)
            if (k == key) return i;
        nodes_.emplace_back();
        const int i = static_cast<int>(nodes_.size()) - 1;
        nodes_[static_cast<std::size_t>(node)].keys.emplace_back(key, i);
        return i;
    }

    [[noreturn]] void fail(std::size_t at, const std::string& what) const { throw SlimError(at, what); }

    std::size_t ws(std::size_t at) const {
        while (at < t_.size() && (t_[at] == ' ' || t_[at] == '\n' || t_[at] == '\r' || t_[at] == '\t')) ++at;
        return at;
    }

    // At an opening quote: the position after the closing one.
    std::size_t stringEnd(std::size_t at) const {
        for (std::size_t i = at + 1; i < t_.size(); ++i) {
            const char c = t_[i];
            if (c == '"') return i + 1;
            if (c == '\\') ++i;
            else if (static_cast<unsigned char>(c) < 0x20) fail(i, "control character in a string");
        }
        fail(at, "string not closed");
    }

    // At a value: the position after it. Brackets must match; scalars are
    // taken as they stand (their syntax is checked where they are kept).
    std::size_t skip(std::size_t at) const {
        if (at >= t_.size()) fail(at, "a value is missing");
        const char c = t_[at];
        if (c == '"') return stringEnd(at);
        if (c != '{' && c != '[') {
            std::size_t i = at;
            while (i < t_.size() && !std::strchr(",}] \t\r\n", t_[i])) ++i;
            if (i == at) fail(at, "a value is missing");
            return i;
        }
        std::string open;
        for (std::size_t i = at; i < t_.size(); ++i) {
            const char x = t_[i];
            if (x == '"') {
                i = stringEnd(i) - 1;
            } else if (x == '{' || x == '[') {
                open.push_back(x);
            } else if (x == '}' || x == ']') {
                if (open.empty() || open.back() != (x == '}' ? '{' : '[')) fail(i, std::string("unexpected '") + x + "'");
                open.pop_back();
                if (open.empty()) return i + 1;
            }
        }
        fail(at, "not closed");
    }

    std::size_t copy(std::size_t at) {
        const std::size_t end = skip(at);
        out_.append(t_.substr(at, end - at));
        return end;
    }

    std::size_t write(std::size_t at, int index) {
        at = ws(at);
        const Node& node = nodes_[static_cast<std::size_t>(index)];
        if (at >= t_.size()) fail(at, "a value is missing");
        if (node.whole) return copy(at);
        const char c = t_[at];
        if (node.items >= 0 && c == '[') {
            out_.push_back('[');
            at = ws(at + 1);
            bool first = true;
            if (at < t_.size() && t_[at] == ']') return out_.push_back(']'), at + 1;
            for (;;) {
                if (!first) out_.push_back(',');
                first = false;
                at = ws(write(at, node.items));
                if (at < t_.size() && t_[at] == ',') {
                    at = ws(at + 1);
                    continue;
                }
                if (at < t_.size() && t_[at] == ']') return out_.push_back(']'), at + 1;
                fail(at, "expected ',' or ']' in an array");
            }
        }
        if (!node.keys.empty() && c == '{') {
            out_.push_back('{');
            at = ws(at + 1);
            bool first = true;
            if (at < t_.size() && t_[at] == '}') return out_.push_back('}'), at + 1;
            for (;;) {
                if (at >= t_.size() || t_[at] != '"') fail(at, "expected a key");
                const std::size_t keyStart = at, keyEnd = stringEnd(at);
                const std::string_view key = t_.substr(at + 1, keyEnd - at - 2);
                at = ws(keyEnd);
                if (at >= t_.size() || t_[at] != ':') fail(at, "expected ':' after a key");
                at = ws(at + 1);
                int kept = -1;
                for (const auto& [k, i] : node.keys)
                    if (key == k) kept = i;
                if (kept >= 0) {
                    if (!first) out_.push_back(',');
                    first = false;
                    out_.append(t_.substr(keyStart, keyEnd - keyStart));
                    out_.push_back(':');
                }
                at = ws(kept >= 0 ? write(at, kept) : skip(at));
                if (at < t_.size() && t_[at] == ',') {
                    at = ws(at + 1);
                    continue;
                }
                if (at < t_.size() && t_[at] == '}') return out_.push_back('}'), at + 1;
                fail(at, "expected ',' or '}' in an object");
            }
        }
        return copy(at);  // not the shape the path expects: the reader refuses it
    }

    std::string_view t_;
    std::vector<Node> nodes_;
    std::string out_;
};

}  // namespace

std::string slim(std::string_view text, const std::vector<std::string>& keep) { return Slimmer(text, keep).run(); }

}  // namespace vgscan::json
