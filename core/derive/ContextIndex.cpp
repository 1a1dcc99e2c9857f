#include "derive/ContextIndex.h"

namespace vgscan {

struct ContextIndex::Impl {};

ContextIndex::ContextIndex(const Context& context) : context_(context), impl_(std::make_unique<Impl>()) {}
ContextIndex::~ContextIndex() = default;

}  // namespace vgscan
