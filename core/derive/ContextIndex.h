#pragma once
// What site rules need about a portfolio's context layers, computed once per
// portfolio and shared by every site and rule: spatial indexes over roads and
// points of interest, and the road network for travel distances.
// CGAL and Boost.Graph stay in the .cpp.
#include "model/Model.h"

#include <memory>

namespace vgscan {

class ContextIndex {
public:
    explicit ContextIndex(const Context& context);
    ~ContextIndex();
    ContextIndex(const ContextIndex&) = delete;
    ContextIndex& operator=(const ContextIndex&) = delete;

    const Context& context() const { return context_; }

private:
    const Context& context_;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vgscan
