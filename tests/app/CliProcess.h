#pragma once
// Runs the real `scalelab` binary in a child process, as a user would, for
// the CLI tests: exit status, stdout and stderr. The designs they run are
// named with WidgetTestSupport's examplePath and resourcePath.
#include "../widgets/WidgetTestSupport.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace scalelab::testing {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliResult runScalelab(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SCALELAB_BINARY_DIR "/app/scalelab"), arguments);
    process.waitForFinished(120'000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

} // namespace scalelab::testing
