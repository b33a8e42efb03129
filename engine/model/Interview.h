#pragma once
// A system-design interview to practise: the question, the time allowed, the
// requirements a good answer covers and the figures for the back-of-the-
// envelope sums. The stress test that ends it grades the candidate's design
// with the file's challenge section (the stated load and a hidden one).
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

struct Interview {
    std::string prompt;                    // the question as the interviewer asks it
    std::string source;                    // where it comes from, e.g. "Seed 05, Q5"
    int minutes = 45;                      // countdown
    std::vector<std::string> requirements; // the checklist a good answer covers
    EnvelopeInputs envelope;
    bool operator==(const Interview&) const = default;
};

} // namespace scalelab::model
