#include "GuiStartup.h"

#include "CompareMode.h"
#include "ConceptDock.h"
#include "LearningPathMode.h"
#include "MainWindow.h"
#include "PresenterMode.h"
#include "InterviewMode.h"
#include "RunDocks.h"
#include "interview/InterviewClock.h"
#include "interview/InterviewPanel.h"
#include "interview/InterviewPhasePanel.h"
#include "interview/InterviewPhases.h"
#include "interview/InterviewReportDialog.h"
#include "interview/RubricRunner.h"

#include <QPushButton>
#include "Screenshot.h"
#include "TeachingDockLayout.h"
#include "challenge/ChallengePanel.h"
#include "canvas/CanvasScene.h"
#include "compare/CompareWindow.h"
#include "document/DesignDocument.h"
#include "examples/ExampleLibrary.h"
#include "help/ConceptBrowser.h"
#include "lessons/LessonPanel.h"
#include "path/LearningPathDialog.h"
#include "path/PathProgress.h"
#include "model/DurationText.h"
#include "run/RunController.h"
#include "compare/CompareRun.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QEventLoop>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>

#include <cstdio>
#include <optional>

namespace scalelab::app {

namespace {

int fail(const QString& message, int status = 1)
{
    std::fprintf(stderr, "scalelab: %s\n", qPrintable(message));
    return status;
}

} // namespace

namespace {

// For the screenshot of an interview under way: half the time gone, half the
// checklist ticked. Real candidates do this themselves.
void showInterviewUnderWay(widgets::InterviewPanel& panel)
{
    // Half the time gone, each phase so far in its target time: the phase
    // clock reads as the interview's would, not as one phase overrun.
    int left = panel.clock()->allowedSeconds() / 2;
    for (int phase = 0; phase + 1 < model::kInterviewPhaseCount && left >= widgets::InterviewPhases::targetSeconds(phase);
         ++phase) {
        for (int s = widgets::InterviewPhases::targetSeconds(phase); s > 0; --s)
            panel.clock()->tick();
        left -= widgets::InterviewPhases::targetSeconds(phase);
        panel.phases()->next();
    }
    for (; left > 0; --left)
        panel.clock()->tick();
    for (int i = 0; i < panel.requirements()->count() / 2; ++i)
        panel.requirements()->item(i)->setCheckState(Qt::Checked);
    panel.tabs()->setCurrentIndex(2); // the envelope sums
}

// For the screenshot of phase `phase` (1-based): each earlier phase took its
// target time (the estimation a minute over), and the current one 85% of its
// own, so its clock shows amber.
void showInterviewAtPhase(widgets::InterviewPanel& panel, int phase)
{
    auto run = [&panel](int seconds) {
        for (; seconds > 0; --seconds)
            panel.clock()->tick();
    };
    for (int done = 0; done + 1 < phase; ++done) {
        run(widgets::InterviewPhases::targetSeconds(done) + (done == 1 ? 60 : 0));
        panel.phases()->next();
    }
    run(int(widgets::InterviewPhases::targetSeconds(phase - 1) * 0.85));
}

void runStressTestAndWait(widgets::InterviewPanel& panel)
{
    QEventLoop loop;
    QObject::connect(&panel, &widgets::InterviewPanel::stressTestFinished, &loop, &QEventLoop::quit);
    panel.runStressTest();
    if (panel.stressTestRunning())
        loop.exec();
}

} // namespace

int GuiStartup::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("ScaleLab: build software architectures and simulate them."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("FILE", QObject::tr("Design to open (.scalelab). Default: the built-in example."),
                                 "[FILE]");
    const QCommandLineOption screenshot("screenshot", QObject::tr("Render the window to OUT.png and exit."), "OUT.png");
    const QCommandLineOption size("size", QObject::tr("Window size for --screenshot (default 1600x1000)."), "WxH");
    const QCommandLineOption empty("new", QObject::tr("Start with an empty design."));
    const QCommandLineOption select("select", QObject::tr("Select block ID (shows its properties)."), "ID");
    const QCommandLineOption runFor("run-for",
                                    QObject::tr("Simulate this long (e.g. 30s) as fast as possible before the "
                                                "screenshot, so plots and the live canvas hold data."),
                                    "DURATION");
    const QCommandLineOption dock("dock", QObject::tr("Show and raise the dock titled NAME (e.g. \"Event log\"); repeatable."),
                                  "NAME");
    const QCommandLineOption presenter("presenter",
                                       QObject::tr("Start in presenter mode (large text, cards and plot lines; full "
                                                   "screen unless taking a --screenshot)."));
    const QCommandLineOption gallery("gallery",
                                     QObject::tr("With --screenshot: render the gallery dialog NAME (examples, lessons or "
                                                 "challenges) instead of the window."),
                                     "NAME");
    const QCommandLineOption filter("filter", QObject::tr("With --gallery: text typed in the gallery's filter box."),
                                    "TEXT");
    const QCommandLineOption grade("grade", QObject::tr("Grade the design's challenge before the screenshot (the "
                                                        "Challenge dock shows the results)."));
    const QCommandLineOption lessonStep("lesson-step",
                                        QObject::tr("Jump to step N (1-based) of the design's lesson, the earlier "
                                                    "steps' edits applied."),
                                        "N");
    const QCommandLineOption interview(
        "interview", QObject::tr("Start the interview of FILE. With --screenshot the clock is shown half-run and half "
                                 "the requirements ticked, as in an interview under way."));
    const QCommandLineOption interviewReport(
        "interview-report", QObject::tr("Start the interview of FILE, run its stress test and show the report. With "
                                         "--screenshot, the report's own window is saved too, as NAME-report.png."));
    const QCommandLineOption interviewPhase(
        "interview-phase", QObject::tr("With --interview and --screenshot: show the interview in phase N (1-6), the "
                                       "earlier phases done and this one's clock amber."),
        "N");
    const QCommandLineOption helpDock(
        "help-dock", QObject::tr("Show the Concepts dock (Help > Concept Library); with --select it shows that block's concept."));
    const QCommandLineOption conceptId("concept", QObject::tr("Show the Concepts dock at concept ID (e.g. cache)."), "ID");
    const QCommandLineOption learningPath(
        "learning-path", QObject::tr("With --screenshot: render the Learning path dialog instead of the window."));
    const QCommandLineOption pathDone("path-done",
                                      QObject::tr("With --learning-path: the first N steps, in the recommended order, "
                                                  "count as done (for the picture only)."),
                                      "N");
    const QCommandLineOption compare(
        "compare", QObject::tr("Open the compare window with design A and the design FILE as B (with --screenshot: "
                               "render that window)."),
        "A");
    const QCommandLineOption tradeoff(
        "tradeoff", QObject::tr("Open the trade-off card CARD (a .tradeoff file or :/tradeoffs/NAME.tradeoff) in the "
                                "compare window (with --screenshot: render that window)."),
        "CARD");
    const QCommandLineOption difference(
        "difference", QObject::tr("With --compare or --tradeoff and --screenshot: run the paired comparison (the "
                                  "difference table) before the screenshot."));
    parser.addOptions({screenshot, size, empty, select, runFor, dock, presenter, gallery, filter, grade, lessonStep,
                       interview, interviewReport, interviewPhase, helpDock, conceptId, learningPath, pathDone,
                       compare, tradeoff, difference});
    if (!parser.parse(arguments))
        return fail(parser.errorText(), 2);
    if (parser.isSet("help"))
        parser.showHelp(0);
    if (parser.isSet("version"))
        parser.showVersion();
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return fail(QObject::tr("expected at most one FILE, got %1").arg(files.size()), 2);

    const bool shooting = parser.isSet(screenshot);
    if (shooting && parser.isSet(gallery)) {
        const QSize gallerySize = parser.isSet(size) ? Screenshot::parseSize(parser.value(size)) : QSize(1100, 720);
        if (!gallerySize.isValid())
            return fail(QObject::tr("--size wants WIDTHxHEIGHT, e.g. 1600x1000, got \"%1\"").arg(parser.value(size)), 2);
        const QString galleryError = Screenshot::captureGallery(parser.value(gallery), parser.value(filter), gallerySize,
                                                                parser.value(screenshot));
        return galleryError.isEmpty() ? 0 : fail(galleryError);
    }
    if (parser.isSet(compare) && files.size() != 1)
        return fail(QObject::tr("--compare A wants design B as FILE: scalelab --compare A.scalelab B.scalelab"), 2);
    std::optional<double> runSeconds;
    if (parser.isSet(runFor)) {
        std::string why;
        runSeconds = model::parseDurationSeconds(parser.value(runFor).toStdString(), why);
        if (!runSeconds)
            return fail(QObject::tr("--run-for: %1").arg(QString::fromStdString(why)), 2);
    }
    if (shooting && (parser.isSet(compare) || parser.isSet(tradeoff))) {
        const QSize compareSize = parser.isSet(size) ? Screenshot::parseSize(parser.value(size)) : Screenshot::kDefaultSize;
        if (!compareSize.isValid())
            return fail(QObject::tr("--size wants WIDTHxHEIGHT, e.g. 1600x1000, got \"%1\"").arg(parser.value(size)), 2);
        widgets::CompareWindow compareWindow;
        const QString openError = parser.isSet(tradeoff) ? compareWindow.openCard(parser.value(tradeoff))
                                                         : compareWindow.openFiles(parser.value(compare), files.first());
        if (!openError.isEmpty())
            return fail(openError);
        const QString shotError = Screenshot::captureCompare(compareWindow, compareSize, runSeconds.value_or(0),
                                                             parser.isSet(difference), parser.value(screenshot));
        return shotError.isEmpty() ? 0 : fail(shotError);
    }
    MainWindow::Options options;
    options.interactive = !shooting;
    options.autosave = !shooting;
    options.useSettings = !shooting; // screenshots look the same on every machine
    MainWindow window(options);

    QString error;
    // A design left by a crash is offered first: opening anything discards it.
    // If recovered, that design is open and a requested file is in Open Recent.
    const bool recovered = !shooting && window.offerRecovery(files.value(0));
    if (!recovered) {
        if (parser.isSet(compare))
            error = window.openFile(parser.value(compare)); // A; FILE is B
        else if (!files.isEmpty())
            error = window.openFile(files.first());
        else if (parser.isSet(empty))
            window.newDesign();
        else
            error = window.openExample(widgets::ExampleLibrary::kDefaultExample);
    }

    if (error.isEmpty() && parser.isSet(select)) {
        const std::string id = parser.value(select).toStdString();
        if (!window.document()->architecture().findBlock(id))
            return fail(QObject::tr("--select: no block with id \"%1\"").arg(parser.value(select)), 2);
        window.scene()->selectBlocks({id});
    }
    for (const QString& name : parser.values(dock)) {
        QDockWidget* found = nullptr;
        for (QDockWidget* candidate : window.findChildren<QDockWidget*>())
            if (candidate->windowTitle().compare(name, Qt::CaseInsensitive) == 0 || candidate->objectName() == name)
                found = candidate;
        if (!found)
            return fail(QObject::tr("--dock: no dock titled \"%1\"").arg(name), 2);
        found->show();
        found->raise();
    }
    if (shooting && parser.isSet(learningPath)) {
        window.learningPath()->showPath();
        widgets::LearningPathDialog* dialog = window.learningPath()->dialog();
        if (!dialog)
            return fail(QObject::tr("--learning-path: the bundled learning path did not load"), 2);
        // Marked in memory only: a screenshot window keeps no settings.
        for (int i = 0, count = parser.value(pathDone).toInt(); i < count; ++i)
            if (const model::PathStep* next = dialog->path().next(window.learningPath()->progress()->done()))
                window.learningPath()->progress()->markDone(QString::fromStdString(next->id));
        if (parser.isSet(size) && Screenshot::parseSize(parser.value(size)).isValid())
            dialog->resize(dialog->size().boundedTo(Screenshot::parseSize(parser.value(size))));
        QApplication::processEvents();
        const QString pathError = Screenshot::save(*dialog, parser.value(screenshot));
        return pathError.isEmpty() ? 0 : fail(pathError);
    }
    if (parser.isSet(presenter)) {
        // A screenshot stands for a projector of --size: the window keeps that
        // size, and has it already when presenter mode lays out its toolbars.
        window.presenterMode()->setFullScreenAllowed(!shooting);
        if (shooting && parser.isSet(size) && Screenshot::parseSize(parser.value(size)).isValid())
            window.resize(Screenshot::parseSize(parser.value(size)));
        else if (shooting)
            window.resize(Screenshot::kDefaultSize);
        window.presenterMode()->setActive(true);
    }
    if (error.isEmpty() && parser.isSet(lessonStep)) {
        widgets::LessonPanel* lessons = window.lessonPanel();
        bool ok = false;
        const int step = parser.value(lessonStep).toInt(&ok);
        if (!lessons->hasLesson())
            return fail(QObject::tr("--lesson-step: the design has no lesson"), 2);
        if (!ok || step < 1 || step > lessons->stepCount())
            return fail(QObject::tr("--lesson-step wants 1 to %1, got \"%2\"").arg(lessons->stepCount()).arg(parser.value(lessonStep)), 2);
        lessons->goToStep(step - 1);
    }
    if (error.isEmpty() && (parser.isSet(interview) || parser.isSet(interviewReport))) {
        if (!window.interview()->startCurrent())
            return fail(QObject::tr("--interview: the design has no \"interview\" section"), 2);
        widgets::InterviewPanel& panel = *window.interview()->panel();
        if (shooting && parser.isSet(interviewPhase)) {
            bool ok = false;
            const int phase = parser.value(interviewPhase).toInt(&ok);
            if (!ok || phase < 1 || phase > model::kInterviewPhaseCount)
                return fail(QObject::tr("--interview-phase wants 1 to %1, got \"%2\"").arg(model::kInterviewPhaseCount).arg(parser.value(interviewPhase)), 2);
            showInterviewAtPhase(panel, phase);
        } else if (shooting) {
            showInterviewUnderWay(panel);
        } else {
            panel.clock()->start();
        }
        if (parser.isSet(interviewReport)) {
            runStressTestAndWait(panel);
            // The deep dive waits for an answer; the screenshot gives the first block.
            if (panel.phasePanel()->revealButton()->isEnabled())
                panel.phasePanel()->revealButton()->click();
            // The rubric follows the stress test on a worker thread: the report shows it once done.
            if (panel.rubric()->running()) {
                QEventLoop loop;
                QObject::connect(&panel, &widgets::InterviewPanel::rubricFinished, &loop, &QEventLoop::quit);
                loop.exec();
            }
        }
    }
    if (shooting) {
        if (!error.isEmpty())
            return fail(error);
        const QSize windowSize = parser.isSet(size) ? Screenshot::parseSize(parser.value(size)) : Screenshot::kDefaultSize;
        if (!windowSize.isValid())
            return fail(QObject::tr("--size wants WIDTHxHEIGHT, e.g. 1600x1000, got \"%1\"").arg(parser.value(size)), 2);
        if (parser.isSet(runFor)) {
            std::string why;
            const auto seconds = model::parseDurationSeconds(parser.value(runFor).toStdString(), why);
            if (!seconds)
                return fail(QObject::tr("--run-for: %1").arg(QString::fromStdString(why)), 2);
            // Laid out first, so the plots size themselves as they fill.
            window.resize(windowSize);
            window.show();
            if (const QString runError = Screenshot::runFor(window, *seconds); !runError.isEmpty())
                return fail(runError);
        }
        if (parser.isSet(grade)) {
            if (!window.challenge()->hasChallenge())
                return fail(QObject::tr("--grade: the design has no \"challenge\" section"), 2);
            // Synchronous on purpose: the screenshot must show the finished grade.
            window.challenge()->gradeNow();
            // A tabified dock is only brought to the front once the window is shown.
            window.resize(windowSize);
            window.show();
            QApplication::processEvents();
            if (auto* challengeDock = window.findChild<QDockWidget*>("ChallengeDock"))
                challengeDock->raise();
        }
        if (parser.isSet(helpDock) || parser.isSet(conceptId)) {
            // Opened as F1 opens it, once the window has its size.
            window.resize(windowSize);
            window.show();
            QApplication::processEvents();
            window.concepts()->showLibrary();
            if (parser.isSet(conceptId) && window.concepts()->browser() &&
                !window.concepts()->browser()->showConcept(parser.value(conceptId)))
                return fail(QObject::tr("--concept: no concept \"%1\"").arg(parser.value(conceptId)), 2);
            QApplication::processEvents();
        }
        if (parser.isSet(interview) || parser.isSet(interviewReport)) {
            // The right column is shared out once the window has its size (as when a user starts one).
            window.resize(windowSize);
            window.show();
            QApplication::processEvents();
            giveRightColumnTo(&window, window.interview()->dock());
            QApplication::processEvents();
        }
        error = Screenshot::capture(window, windowSize, parser.value(screenshot));
        if (error.isEmpty() && parser.isSet(interviewReport)) {
            // The report's own window, fitted to a screen of the same size, beside the main one: NAME-report.png.
            widgets::InterviewReportDialog* report = window.interview()->panel()->reportWindow();
            report->setSummary(window.interview()->panel()->summary());
            report->fitTo(windowSize);
            report->show();
            QApplication::processEvents();
            QString path = parser.value(screenshot);
            path.insert(path.endsWith(".png", Qt::CaseInsensitive) ? path.size() - 4 : path.size(), "-report");
            error = Screenshot::save(*report, path);
        }
        return error.isEmpty() ? 0 : fail(error);
    }
    window.show();
    if (error.isEmpty() && parser.isSet(tradeoff)) {
        window.openTradeoffCard(parser.value(tradeoff));
        return QApplication::exec();
    }
    if (error.isEmpty() && parser.isSet(compare)) {
        if (const QString compareError = window.compare()->compareWith(files.first()); !compareError.isEmpty())
            return fail(compareError);
        if (runSeconds)
            window.compare()->window()->run()->runTo(*runSeconds);
        return QApplication::exec();
    }
    if (error.isEmpty() && parser.isSet(runFor)) {
        std::string why;
        if (const auto seconds = model::parseDurationSeconds(parser.value(runFor).toStdString(), why))
            window.run()->controller()->runTo(*seconds); // pauses there; the user takes over
        else
            return fail(QObject::tr("--run-for: %1").arg(QString::fromStdString(why)), 2);
    }
    return QApplication::exec();
}

} // namespace scalelab::app
