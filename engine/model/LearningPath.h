#pragma once
// The learning path: every lesson, trade-off card, challenge and interview
// problem the app bundles, in four tiers (foundations, intermediate,
// advanced, expert), each step with the steps it builds on.
//
// A step is done when the learner finished it (the app keeps that record);
// it is locked while any step it requires is not done, and available
// otherwise. The next recommended step is the first available step not yet
// done, in tier order then file order: the file's order is the suggested
// order. The reader (io/LearningPathReader) guarantees that ids are unique,
// requirements name earlier-or-same-tier steps and form no cycle, so every
// step can be reached.
#include <set>
#include <string>
#include <vector>

namespace scalelab::model {

struct PathStep {
    enum class Kind { Lesson, Tradeoff, Challenge, Interview };
    std::string id;    // "<kind>:<ref>", e.g. "lesson:caching"
    Kind kind = Kind::Lesson;
    std::string ref;   // the bundled file's stem: resources/lessons/caching.scalelab
    std::string title;
    std::string why;   // one sentence: what this step adds
    std::vector<std::string> prerequisites; // "requires" in the file: step ids
    bool operator==(const PathStep&) const = default;
};

struct PathTier {
    std::string id;    // foundations | intermediate | advanced | expert
    std::string title; // "Foundations"
    std::vector<PathStep> steps;
    bool operator==(const PathTier&) const = default;
};

class LearningPath {
public:
    enum class State { Done, Available, Locked };
    // Tier ids in their only allowed order.
    static const std::vector<std::string>& tierIds();
    // "lesson", "tradeoff", "challenge", "interview": the kind's name in ids and files.
    static const char* kindName(PathStep::Kind kind);

    std::vector<PathTier> tiers;

    const PathStep* find(const std::string& id) const;
    int stepCount() const;
    State state(const PathStep& step, const std::set<std::string>& done) const;
    // The first available step not done, in tier order; null when all are done.
    const PathStep* next(const std::set<std::string>& done) const;
    // Share of a tier's steps that are done, 0..1 (an empty tier counts as done).
    double tierProgress(const PathTier& tier, const std::set<std::string>& done) const;

    bool operator==(const LearningPath&) const = default;
};

} // namespace scalelab::model
