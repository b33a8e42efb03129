#pragma once
// A guided walk through a design: steps with an explanation, an instruction
// and a check that unlocks the next step. Each step also carries the edits
// that carry out its instruction (`apply`), so a "Show me" button and the
// tests can complete the lesson without a person.
#include "Block.h"
#include "Check.h"
#include "Fault.h"
#include "Link.h"

#include <string>
#include <vector>

namespace scalelab::model {

struct LessonAction {
    enum class Kind { SetParam, AddBlock, RemoveBlock, AddLink, RemoveLink, Fault, Command };
    Kind kind = Kind::SetParam;
    std::string block;   // SetParam, RemoveBlock, Command
    std::string param;   // SetParam
    double value = 0;    // SetParam (enum: choice index)
    Block newBlock;      // AddBlock
    Link link;           // AddLink (complete), RemoveLink (from and to)
    Fault fault;         // Fault (injected now; at_s ignored)
    std::string command; // Command: a Simulator::command name, e.g. "flush"
    bool operator==(const LessonAction&) const = default;
};

struct LessonStep {
    enum class CheckOn { Run, Plan }; // the live run's figures, or the analytic model's
    std::string title;
    std::string explain;     // why, in the app's own words
    std::string instruction; // what to do now
    Check check;
    CheckOn checkOn = CheckOn::Run;
    std::vector<LessonAction> apply;
    bool operator==(const LessonStep&) const = default;
};

struct Lesson {
    std::string title;
    std::string family; // seed pattern family: "caching", "load balancing"...
    std::vector<LessonStep> steps;
    bool operator==(const Lesson&) const = default;
};

} // namespace scalelab::model
