#pragma once
// Registry entries of the managed data services a system-design answer
// reaches for beside a database: object storage (S3-like), a key-value
// store (DynamoDB-like) and a search index (Elasticsearch-like).
#include "BlockSpec.h"

#include <vector>

namespace scalelab::model {

std::vector<BlockSpec> dataStoreSpecs();

} // namespace scalelab::model
