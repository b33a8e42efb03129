#pragma once
// Checks of a figure a text states (an example's what-to-try, a lesson)
// against what a run measured; a failure prints both numbers.
#include "SimTestSupport.h"
#include "io/ScenarioFile.h"

#include <QString>
#include <QtTest>

#include <cmath>

namespace scalelab::testing {

// A bundled example (resources/examples/NAME), read as the app reads it.
inline model::Architecture example(const char* name)
{
    return io::readScenario(std::string(SCALELAB_SOURCE_DIR "/resources/examples/") + name);
}

// Sets parameter `key` of block `id`; throws when the block has no such
// parameter (a renamed parameter must fail the claim, not be ignored).
inline void set(model::Architecture& design, const char* id, const char* key, double value)
{
    model::Block* block = design.findBlock(id);
    if (!block || !block->params.count(key))
        throw std::out_of_range(std::string("no parameter ") + id + "." + key);
    block->params[key] = value;
}

// Arrivals at block `id` per measured second.
inline double perSecond(const stats::Snapshot& snap, const char* id)
{
    return double(block(snap, id).arrivals) / snap.measuredSeconds;
}

// Within 3.29 sigma of a Poisson count with mean rate x seconds.
inline bool poissonClose(double measuredRate, double rate, double seconds)
{
    return std::abs(measuredRate - rate) < 3.29 * std::sqrt(rate * seconds) / seconds;
}

// A count within 3.29 sigma of a Poisson count with mean `expected`.
inline bool poissonCount(double count, double expected)
{
    return std::abs(count - expected) < 3.29 * std::sqrt(expected) + 1;
}

// When the event log first says `words`; -1 when it never does.
inline double loggedAt(const stats::Snapshot& snap, const std::string& words)
{
    const auto entries = logged(snap, words);
    return entries.empty() ? -1 : entries.front().atS;
}

// Share of the clients' requests that ended in an error.
inline double failedShare(const stats::Snapshot& snap)
{
    return double(snap.errors.total()) / double(snap.requests);
}

inline bool within(double measured, double stated, double relative)
{
    return std::abs(measured - stated) <= relative * stated;
}

inline QString figure(const char* what, double measured, double stated)
{
    return QString("%1: measured %2, expected %3").arg(what).arg(measured, 0, 'g', 4).arg(stated, 0, 'g', 4);
}

} // namespace scalelab::testing

// |measured - expected| < band.
#define VERIFY_NEAR(what, measured, expected, band)                                                      \
    do {                                                                                                 \
        const double measured_ = (measured), expected_ = (expected);                                    \
        QVERIFY2(std::abs(measured_ - expected_) < (band), qPrintable(figure(what, measured_, expected_))); \
    } while (false)

// Within a relative share of the expected figure (claims with no closed form).
#define VERIFY_WITHIN(what, measured, expected, relative)                                                \
    do {                                                                                                 \
        const double measured_ = (measured), expected_ = (expected);                                    \
        QVERIFY2(within(measured_, expected_, relative), qPrintable(figure(what, measured_, expected_))); \
    } while (false)

// Block `id`'s arrival rate within the Poisson band of `rate` over the
// snapshot's measured seconds.
#define VERIFY_RATE(snap, id, rate)                                                                      \
    do {                                                                                                 \
        const double measured_ = perSecond(snap, id);                                                   \
        QVERIFY2(poissonClose(measured_, rate, (snap).measuredSeconds),                                 \
                 qPrintable(figure(id " per second", measured_, rate)));                                \
    } while (false)
