// The fuzz target: a design file from a stranger goes through everything a
// file meets in ScaleLab without a person in the loop. Load (bounded,
// validated), save to text and load again (the round trip must give the same
// design), then simulate a few milliseconds in small steps. A crash, a
// sanitizer report, a failed round trip (abort) or a step that never ends is
// a finding. Built two ways: with libFuzzer under clang (design_fuzzer, see
// `make fuzz`) and with ReplayMain.cpp under any compiler, so every build
// replays the corpus (FuzzCorpusReplay in ctest).
#include "io/LoadError.h"
#include "io/ScenarioFile.h"
#include "model/Validator.h"
#include "run/Simulator.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace {

// Simulated time and work per input: enough to reach every block's code
// (arrivals, calls, timeouts of a few ms), little enough to keep a run of a
// million inputs to minutes.
constexpr double kSimulatedMs = 20;
constexpr double kStepMs = 0.5;
constexpr uint64_t kEventBudget = 200'000;

[[noreturn]] void finding(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "design fuzz finding: %s: %s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace scalelab;
    const std::string text(reinterpret_cast<const char*>(data), size);
    model::Architecture design;
    try {
        design = io::parseScenario(text, "fuzz.scalelab");
    } catch (const io::LoadError&) {
        return 0; // refused with a message: what a stranger's file should get
    }
    // Whatever loads must save, and load back as the same design.
    std::string saved;
    try {
        saved = io::serializeScenario(design);
    } catch (const std::exception& error) {
        finding("a loaded design cannot be saved", error.what());
    }
    try {
        if (!(io::parseScenario(saved, "fuzz-saved.scalelab") == design))
            finding("the design changed in a save and load", saved.substr(0, 2000));
    } catch (const io::LoadError& error) {
        finding("a saved design does not load", error.what());
    }
    if (model::hasErrors(model::validate(design)))
        return 0; // the editor shows these; nothing runs them
    try {
        sim::Simulator simulator(design, 1);
        for (double ms = kStepMs; ms <= kSimulatedMs && simulator.events() < kEventBudget; ms += kStepMs)
            simulator.runUntil(sim::fromMs(ms));
        (void)simulator.snapshot(true);
    } catch (const std::exception& error) {
        // A valid design must run; a refusal (memory budget) must say why.
        if (std::string(error.what()).empty())
            finding("a valid design failed without a message", "");
    }
    return 0;
}
