#include "LibraryTopics.h"

#include <algorithm>

namespace scalelab::model {

const std::vector<std::string>& libraryTopics()
{
    static const std::vector<std::string> topics = {
        "Scaling path",     "Load balancing",       "Caching",
        "Databases",        "Queues & async",       "Resilience",
        "Autoscaling",      "Global scale",         "Queueing theory",
        "Lessons",          "Interviews",           "Challenges — level 1", "Challenges — level 2",
        "Challenges — level 3", "Challenges — level 4", "Challenges — level 5",
    };
    return topics;
}

std::size_t topicRank(const std::string& topic)
{
    const auto& topics = libraryTopics();
    return static_cast<std::size_t>(std::find(topics.begin(), topics.end(), topic) - topics.begin());
}

} // namespace scalelab::model
