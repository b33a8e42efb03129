#pragma once
// The gallery's sections in teaching order: from the first server to global
// scale, then the theory, the lessons and the challenges by level. Kept in one
// place so that the gallery sorts by it and the tests can catch a misspelt
// topic (which would otherwise open a section of its own).
#include <cstddef>
#include <string>
#include <vector>

namespace scalelab::model {

const std::vector<std::string>& libraryTopics();

// Position of `topic` in libraryTopics(), or libraryTopics().size() when it
// is not listed (such topics come last, by name).
std::size_t topicRank(const std::string& topic);

} // namespace scalelab::model
