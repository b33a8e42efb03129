#include "InterviewPanel.h"

#include "EnvelopePanel.h"
#include "InterviewClock.h"
#include "InterviewReportDialog.h"
#include "QtText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace scalelab::widgets {

namespace {

enum Tab { RequirementsTab, EnvelopeTab, ReportTab };

} // namespace

InterviewPanel::InterviewPanel(QWidget* parent)
    : QWidget(parent)
    , m_clock(new InterviewClock(this))
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setStyleSheet("color: palette(mid);");
    layout->addWidget(m_title);

    m_prompt = new QLabel(this);
    m_prompt->setObjectName("interviewPrompt");
    m_prompt->setWordWrap(true);
    m_prompt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_prompt->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    m_prompt->setFont(big);
    layout->addWidget(m_prompt);

    auto* clockRow = new QHBoxLayout;
    m_time = new QLabel(this);
    m_time->setObjectName("interviewTime");
    QFont clockFont = m_time->font();
    clockFont.setPointSizeF(clockFont.pointSizeF() * 2);
    clockFont.setBold(true);
    m_time->setFont(clockFont);
    clockRow->addWidget(m_time);
    m_startPause = new QPushButton(this);
    connect(m_startPause, &QPushButton::clicked, m_clock, &InterviewClock::toggle);
    clockRow->addWidget(m_startPause);
    clockRow->addStretch();
    layout->addLayout(clockRow);

    m_nextStep = new QLabel(this);
    m_nextStep->setObjectName("interviewNextStep");
    m_nextStep->setWordWrap(true);
    m_nextStep->setStyleSheet("background: palette(alternate-base); padding: 6px; border-radius: 4px;");
    layout->addWidget(m_nextStep);

    m_tabs = new QTabWidget(this);
    m_requirements = new QListWidget(this);
    m_requirements->setWordWrap(true);
    m_tabs->addTab(m_requirements, tr("1. Requirements"));
    m_envelope = new EnvelopePanel(this);
    auto* envelopeScroll = new QScrollArea(this);
    envelopeScroll->setWidget(m_envelope);
    envelopeScroll->setWidgetResizable(true);
    envelopeScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(envelopeScroll, tr("2. Envelope"));
    m_report = new QTextBrowser(this);
    m_report->setObjectName("interviewReport");
    m_tabs->addTab(m_report, tr("3. Report"));
    m_reportWindow = new InterviewReportDialog(this);
    layout->addWidget(m_tabs, 1);

    auto* testRow = new QHBoxLayout;
    auto* openReport = new QPushButton(tr("Open report"), this);
    openReport->setObjectName("openInterviewReport");
    openReport->setToolTip(tr("The whole report in a window of its own"));
    connect(openReport, &QPushButton::clicked, this, &InterviewPanel::showReport);
    m_stressTest = new QPushButton(tr("Stress test my design"), this);
    m_stressTest->setToolTip(tr("Runs the design on the canvas under the stated traffic and a hidden load, over "
                                "several seeds, and grades it against the interview's goals."));
    connect(m_stressTest, &QPushButton::clicked, this, &InterviewPanel::runStressTest);
    testRow->addWidget(m_stressTest);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    testRow->addWidget(m_progress, 1);
    testRow->addWidget(openReport);
    layout->addLayout(testRow);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_clock, &InterviewClock::changed, this, &InterviewPanel::updateClock);
    connect(m_requirements, &QListWidget::itemChanged, this, &InterviewPanel::refreshReport);
    connect(m_envelope, &EnvelopePanel::recomputed, this, &InterviewPanel::refreshReport);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &InterviewPanel::stressTestDone);
    updateClock();
}

InterviewPanel::~InterviewPanel()
{
    if (m_cancel)
        *m_cancel = true;
    m_watcher.waitForFinished(); // grade() stops at the next run once cancelled
}

bool InterviewPanel::startInterview(const model::Architecture& design)
{
    if (!design.interview)
        return false;
    const model::Interview& interview = *design.interview;
    m_active = true;
    m_designName = toQString(design.name);
    m_grade.reset();
    m_title->setText(tr("Interview: %1 — %2").arg(m_designName.toHtmlEscaped(), toQString(interview.source).toHtmlEscaped()));
    m_prompt->setText(toQString(interview.prompt));
    m_requirements->blockSignals(true);
    m_requirements->clear();
    for (const std::string& requirement : interview.requirements) {
        auto* item = new QListWidgetItem(toQString(requirement), m_requirements);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_requirements->blockSignals(false);
    m_envelope->setInputs(interview.envelope);
    m_clock->reset(interview.minutes);
    m_tabs->setCurrentIndex(RequirementsTab);
    m_stressTest->setEnabled(design.challenge.has_value());
    m_status->setText(design.challenge ? QString() : tr("This interview has no challenge section, so it cannot be stress-tested."));
    refreshReport();
    updateClock();
    return true;
}

InterviewSummary InterviewPanel::summary() const
{
    InterviewSummary s;
    s.title = m_designName;
    s.secondsAllowed = m_clock->allowedSeconds();
    s.secondsUsed = m_clock->usedSeconds();
    for (int i = 0; i < m_requirements->count(); ++i) {
        const QListWidgetItem* item = m_requirements->item(i);
        (item->checkState() == Qt::Checked ? s.ticked : s.unticked) << item->text();
    }
    s.envelope = m_envelope->figures();
    s.grade = m_grade;
    return s;
}

void InterviewPanel::updateClock()
{
    m_time->setText(InterviewClock::format(m_clock->remainingSeconds()));
    switch (m_clock->phase()) {
    case InterviewClock::Phase::Plenty: m_time->setStyleSheet({}); break;
    case InterviewClock::Phase::Hurry: m_time->setStyleSheet("color: #d98200;"); break;
    case InterviewClock::Phase::TimeUp: m_time->setStyleSheet("color: #c62828;"); break;
    }
    m_time->setToolTip(m_clock->phase() == InterviewClock::Phase::TimeUp ? tr("Time is up") : tr("Time left"));
    m_startPause->setText(m_clock->running() ? tr("Pause") : m_clock->usedSeconds() == 0 ? tr("Start the clock") : tr("Resume"));
    m_startPause->setEnabled(m_clock->remainingSeconds() > 0);
    updateNextStep();
}

void InterviewPanel::updateNextStep()
{
    QString text;
    if (m_watcher.isRunning())
        text = tr("Stress test running: your design is under the stated traffic and a hidden load.");
    else if (m_grade)
        text = interviewVerdict(summary());
    else if (m_clock->phase() == InterviewClock::Phase::TimeUp)
        text = tr("Time is up. Press <b>Stress test my design</b> to see how your design holds up.");
    else if (m_clock->usedSeconds() == 0 && !m_clock->running())
        text = tr("<b>Next:</b> press <b>Start the clock</b>, read the question, then size the system in "
                  "<b>2. Envelope</b> and change the design on the canvas.");
    else
        text = tr("<b>Next:</b> build your answer on the canvas (add blocks from the palette), tick each requirement "
                  "it covers, then press <b>Stress test my design</b>.");
    m_nextStep->setText(text);
}

void InterviewPanel::refreshReport()
{
    m_report->setHtml(interviewReportHtml(summary()));
    if (m_reportWindow->isVisible())
        m_reportWindow->setSummary(summary());
    updateNextStep();
}

void InterviewPanel::showReport()
{
    refreshReport();
    m_tabs->setCurrentIndex(ReportTab);
    m_reportWindow->setSummary(summary());
    m_reportWindow->show();
    m_reportWindow->raise();
}

void InterviewPanel::setGradeResult(const analysis::GradeResult& result)
{
    m_grade = result;
    showReport();
}

void InterviewPanel::runStressTest()
{
    if (m_watcher.isRunning() || !m_designSource)
        return;
    const model::Architecture design = m_designSource();
    m_clock->pause(); // the interview ends with the stress test
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_stressTest->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_status->setText(tr("Stress test running…"));
    QPointer<QProgressBar> progress = m_progress;
    analysis::GradeOptions options;
    options.cancel = m_cancel.get();
    options.progress = [progress](int done, int total) {
        QMetaObject::invokeMethod(progress, [progress, done, total] {
            if (progress) {
                progress->setRange(0, total);
                progress->setValue(done);
            }
        }, Qt::QueuedConnection);
    };
    const auto cancel = m_cancel; // kept alive by the task
    m_watcher.setFuture(QtConcurrent::run([design, options, cancel]() -> Outcome {
        try {
            return {analysis::grade(design, options), {}};
        } catch (const std::exception& error) {
            return {std::nullopt, QString::fromUtf8(error.what())};
        }
    }));
    updateNextStep();
}

void InterviewPanel::stressTestDone()
{
    const Outcome outcome = m_watcher.result();
    m_progress->setVisible(false);
    m_stressTest->setEnabled(true);
    if (outcome.result) {
        m_status->clear();
        setGradeResult(*outcome.result);
    } else {
        m_status->setText(tr("Cannot stress-test this design: %1").arg(outcome.error));
        m_status->setStyleSheet("color: #b00020;");
        updateNextStep();
    }
    emit stressTestFinished();
}

} // namespace scalelab::widgets
