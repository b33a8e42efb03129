#include "ReportCommand.h"

#include "CliArgs.h"
#include "CliOutput.h"
#include "MainWindow.h"
#include "ReportExport.h"
#include "RunDocks.h"
#include "Screenshot.h"
#include "run/RunController.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace scalelab::cli {

int reportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Simulate a design and write a PDF report: the design, its blocks and "
                                     "parameters, the run's plots and key figures, and the advisor's findings.");
    parser.addPositionalArgument("file", "The .scalelab design.");
    parser.addOption({{"o", "output"}, "The PDF to write.", "out.pdf"});
    parser.addOption({"duration", "Simulated time to run before the report (default 30s).", "time", "30s"});
    parser.addOption({"seed", "Random seed (default 1); the same seed gives the same result.", "n", "1"});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    if (parser.positionalArguments().size() != 1)
        return usageError("report needs exactly one FILE (scalelab report FILE -o OUT.pdf)");
    if (!parser.isSet("output"))
        return usageError("report needs -o OUT.pdf, the file to write");
    std::string error;
    const auto duration = parseDuration(parser.value("duration").toStdString(), error);
    if (!duration || *duration <= 0)
        return usageError("--duration: " + (error.empty() ? std::string("must be longer than 0") : error));
    bool seedOk = false;
    const quint64 seed = parser.value("seed").toULongLong(&seedOk);
    if (!seedOk)
        return usageError("--seed must be a whole number >= 0, got \"" + parser.value("seed").toStdString() + "\"");

    app::MainWindow window(app::MainWindow::Options::headless());
    const QString path = parser.positionalArguments().front();
    if (const QString openError = window.openFile(path); !openError.isEmpty())
        return failure(openError.toStdString());
    window.run()->controller()->setSeed(seed);
    // Laid out at the screenshot size, so the plots are drawn as a user sees them.
    window.resize(app::Screenshot::kDefaultSize);
    window.show();
    if (const QString runError = app::Screenshot::runFor(window, sim::toSeconds(*duration)); !runError.isEmpty())
        return failure(QFileInfo(path).fileName().toStdString() + ": " + runError.toStdString());
    const QString output = parser.value("output");
    if (const QString writeError = app::ReportExport::write(window, output); !writeError.isEmpty())
        return failure(writeError.toStdString());
    std::printf("wrote %s\n", qPrintable(output));
    return kExitOk;
}

} // namespace scalelab::cli
