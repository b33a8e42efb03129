#include "GuiStartup.h"
#include "UiBench.h"
#include "cli/Cli.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

int main(int argc, char* argv[])
{
    // Decide before creating the application object: headless subcommands
    // must run with a QCoreApplication, without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setOrganizationName("ScaleLab");
    QCoreApplication::setApplicationName("ScaleLab");
    QCoreApplication::setApplicationVersion(SCALELAB_VERSION);
    // `bench --ui` measures the editor itself and `report` draws the design and
    // its plots, so they need a QApplication (offscreen without a display);
    // the other subcommands stay headless below.
    if (scalelab::cli::cliNeedsWidgets(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        if (arguments.at(1) == "bench")
            return scalelab::app::UiBench::run(app.arguments());
        return scalelab::cli::runCli(app.arguments());
    }
    if (scalelab::cli::isCliInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        return scalelab::cli::runCli(app.arguments());
    }
    // A screenshot is taken offscreen, so it works on a build server without a display.
    if (arguments.contains("--screenshot") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName("scalelab");
    return scalelab::app::GuiStartup::run(app.arguments());
}
