#pragma once
// `scalelab grade FILE [--json] [--threads N]`: runs the design under its
// challenge's stated traffic and hidden loads, prints every goal with its
// 95% interval, the score, the monthly cost and the advisor's hints. Exit
// status 0 when every goal passes, 1 when one fails or the file is wrong.
#include <QStringList>

namespace scalelab::cli {

int gradeCommand(const QStringList& arguments);

} // namespace scalelab::cli
