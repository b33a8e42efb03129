#include "cli/Cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    // Headless subcommands never touch a display.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("ScaleLab");
    QCoreApplication::setApplicationVersion(SCALELAB_VERSION);
    QStringList arguments = app.arguments();
    if (!scalelab::cli::isCliInvocation(arguments))
        arguments.insert(1, "help"); // the editor window comes with the canvas issue
    return scalelab::cli::runCli(arguments);
}
