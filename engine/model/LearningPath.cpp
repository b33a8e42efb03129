#include "LearningPath.h"

#include <algorithm>

namespace scalelab::model {

const std::vector<std::string>& LearningPath::tierIds()
{
    static const std::vector<std::string> ids = {"foundations", "intermediate", "advanced", "expert"};
    return ids;
}

const char* LearningPath::kindName(PathStep::Kind kind)
{
    switch (kind) {
    case PathStep::Kind::Lesson: return "lesson";
    case PathStep::Kind::Tradeoff: return "tradeoff";
    case PathStep::Kind::Challenge: return "challenge";
    case PathStep::Kind::Interview: return "interview";
    }
    return "lesson";
}

const PathStep* LearningPath::find(const std::string& id) const
{
    for (const PathTier& tier : tiers)
        for (const PathStep& step : tier.steps)
            if (step.id == id)
                return &step;
    return nullptr;
}

int LearningPath::stepCount() const
{
    int count = 0;
    for (const PathTier& tier : tiers)
        count += int(tier.steps.size());
    return count;
}

LearningPath::State LearningPath::state(const PathStep& step, const std::set<std::string>& done) const
{
    if (done.count(step.id))
        return State::Done;
    const bool ready = std::all_of(step.prerequisites.begin(), step.prerequisites.end(),
                                   [&done](const std::string& required) { return done.count(required) > 0; });
    return ready ? State::Available : State::Locked;
}

const PathStep* LearningPath::next(const std::set<std::string>& done) const
{
    for (const PathTier& tier : tiers)
        for (const PathStep& step : tier.steps)
            if (state(step, done) == State::Available)
                return &step;
    return nullptr;
}

double LearningPath::tierProgress(const PathTier& tier, const std::set<std::string>& done) const
{
    if (tier.steps.empty())
        return 1.0;
    const auto finished = std::count_if(tier.steps.begin(), tier.steps.end(),
                                        [&done](const PathStep& step) { return done.count(step.id) > 0; });
    return double(finished) / double(tier.steps.size());
}

} // namespace scalelab::model
