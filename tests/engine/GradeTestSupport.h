#pragma once
// Shared by the tests that grade a design against its challenge or
// interview goals: one line per goal for a failure message, and the
// question "does this goal fail under this load".
#include "analysis/Grader.h"

#include <QString>

#include <algorithm>
#include <string>

namespace scalelab::testing {

// "\n  p95 latency <= 200 ms [stated]: 180 ± 4 -> pass" per goal.
inline QString describeGrade(const analysis::GradeResult& result)
{
    QString text;
    for (const auto& row : result.rows)
        text += QString("\n  %1 [%2]: %3 ± %4 -> %5")
                    .arg(QString::fromStdString(row.label), QString::fromStdString(row.load))
                    .arg(row.mean)
                    .arg(row.halfWidth)
                    .arg(row.pass ? "pass" : "FAIL");
    return text;
}

// Whether the goal on `metric` fails; under `load` when one is given.
inline bool goalFails(const analysis::GradeResult& result, const std::string& metric, const std::string& load = {})
{
    return std::any_of(result.rows.begin(), result.rows.end(), [&](const analysis::GoalResult& row) {
        return row.metric == metric && (load.empty() || row.load == load) && !row.pass;
    });
}

} // namespace scalelab::testing
