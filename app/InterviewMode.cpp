#include "InterviewMode.h"

#include "QtText.h"
#include "document/DesignDocument.h"
#include "TeachingDockLayout.h"
#include "examples/ExampleLibrary.h"
#include "examples/GalleryDialog.h"
#include "interview/InterviewClock.h"
#include "interview/InterviewPanel.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>

namespace scalelab::app {

using widgets::toQString;

InterviewMode::InterviewMode(QMainWindow* window, widgets::DesignDocument* document, bool interactive)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_interactive(interactive)
    , m_panel(new widgets::InterviewPanel)
{
    m_panel->setDocument(document);
    m_dock = new QDockWidget(tr("Interview"), window);
    m_dock->setObjectName("InterviewDock");
    // In a scroll area: on a small screen the phase's text and notes keep
    // their height and the dock scrolls, instead of squeezing them unreadable.
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_dock->setWidget(scroll);
    m_dock->setMinimumWidth(420);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide(); // shown when an interview starts

    connect(m_panel, &widgets::InterviewPanel::announced, this, [window](const QString& text) {
        window->statusBar()->showMessage(text, 30000);
    });

    connect(m_panel, &widgets::InterviewPanel::lessonRequested, this, &InterviewMode::lessonChosen);

    m_start = new QAction(tr("Start &Interview…"), this);
    m_start->setObjectName("startInterview");
    m_start->setStatusTip(tr("Practise a system-design interview: a question, a clock, and a stress test at the end."));
    connect(m_start, &QAction::triggered, this, &InterviewMode::chooseInterview);
}

void InterviewMode::fillMenu(QMenu* menu)
{
    menu->addAction(m_start);
    auto* again = menu->addAction(tr("Restart the Interview of This Design"));
    again->setObjectName("restartInterview");
    connect(again, &QAction::triggered, this, &InterviewMode::startCurrent);
    auto* report = menu->addAction(tr("Show Interview &Report"));
    report->setObjectName("showInterviewReport");
    connect(report, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->raise();
        m_panel->showReport();
    });
    auto updateEnabled = [this, again, report] {
        again->setEnabled(m_document->architecture().interview.has_value());
        report->setEnabled(m_panel->active());
    };
    connect(menu, &QMenu::aboutToShow, this, updateEnabled);
}

bool InterviewMode::startCurrent()
{
    if (!m_panel->startInterview(m_document->architecture()))
        return false;
    giveRightColumnTo(m_window, m_dock);
    return true;
}

void InterviewMode::offerInterview()
{
    const auto& design = m_document->architecture();
    if (!m_interactive || !design.interview)
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Start the interview?"),
        tr("<p>%1 is an interview exercise:</p><p><i>%2</i></p><p>Start it now? The clock runs for %3 minutes.</p>")
            .arg(toQString(design.name).toHtmlEscaped(), toQString(design.interview->prompt).toHtmlEscaped())
            .arg(design.interview->minutes),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes && startCurrent())
        m_panel->clock()->start();
}

void InterviewMode::chooseInterview()
{
    widgets::GalleryDialog dialog(kInterviewDir, tr("Start Interview"), tr("No interviews are built in."), m_window);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedPath().isEmpty())
        emit interviewChosen(dialog.selectedPath());
}

} // namespace scalelab::app
