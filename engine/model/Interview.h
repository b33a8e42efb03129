#pragma once
// A system-design interview to practise: the question, the time allowed, the
// requirements a good answer covers and the figures for the back-of-the-
// envelope sums. The stress test that ends it grades the candidate's design
// with the file's challenge section (the stated load and a hidden one).
//
// A full practice problem also carries what a candidate reads before
// designing (functional and non-functional requirements, scale, constraints,
// budget), hints that go deeper one at a time, an interview guide, a change
// of requirements announced part-way, and the candidate's notes per phase.
#include "Challenge.h"

#include <array>
#include <string>
#include <vector>

namespace scalelab::model {

// Starting figures of the envelope panel; the candidate edits them.
struct EnvelopeInputs {
    double dailyUsers = 1e6;
    double requestsPerUserPerDay = 10;
    double peakFactor = 3;          // peak / average traffic
    double writeShare = 0.1;        // share of requests that store something
    double bytesPerWrite = 1000;    // stored per write
    double latencyMs = 200;         // for the capacity formula
    double concurrencyPerServer = 1000;
    bool operator==(const EnvelopeInputs&) const = default;
};

// The scale a problem states, as the candidate reads it (0 = not stated).
struct ProblemScale {
    double dailyUsers = 0;
    double peakRps = 0;
    double readShare = 0; // share of requests that only read
    double storageGb = 0; // after a year
    bool operator==(const ProblemScale&) const = default;
};

// How an interviewer would walk through the problem: the worked estimate,
// the API and the data model a strong answer sketches.
struct InterviewGuide {
    std::string estimation; // worked out, figures included
    std::string api;        // one endpoint per line
    std::string dataModel;  // one table or record per line
    bool operator==(const InterviewGuide&) const = default;
};

// Announced part-way through the interview (10x traffic, a new region, a
// celebrity account). From then on the design is also graded under `load`.
struct RequirementChange {
    int atMinute = 25;        // minutes into the interview
    std::string announcement; // what the interviewer says
    ChallengeLoad load;       // its name is the change's name in the report
    bool operator==(const RequirementChange&) const = default;
};

// The six phases of a 45-minute interview, in order.
enum class InterviewPhase { Requirements, Estimation, Api, DataModel, HighLevelDesign, DeepDive };
inline constexpr int kInterviewPhaseCount = 6;
// The phases' names in files ("notes") and on the command line, in phase order.
inline constexpr std::array<const char*, kInterviewPhaseCount> kInterviewPhaseKeys = {
    "requirements", "estimation", "api", "data_model", "high_level_design", "deep_dive"};

struct Interview {
    std::string prompt;                    // the question as the interviewer asks it
    std::string source;                    // where it comes from, e.g. "Seed 05, Q5"
    int minutes = 45;                      // countdown
    std::vector<std::string> requirements; // the checklist a good answer covers
    EnvelopeInputs envelope;

    // A full practice problem (all optional: older files have none).
    std::vector<std::string> functional;    // what the system does
    std::vector<std::string> nonFunctional; // latency, availability, consistency
    ProblemScale scale;
    std::vector<std::string> constraints;
    double budgetPerMonth = 0;           // dollars; 0 = none stated
    std::vector<std::string> hints;      // a nudge, then the pattern's name, then the fix
    InterviewGuide guide;
    std::vector<RequirementChange> changes;
    // The candidate's notes, one per InterviewPhase (empty = none), saved with the design.
    std::array<std::string, kInterviewPhaseCount> phaseNotes{};

    bool operator==(const Interview&) const = default;
};

} // namespace scalelab::model
