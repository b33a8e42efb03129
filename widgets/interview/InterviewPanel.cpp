#include "InterviewPanel.h"

#include "EnvelopePanel.h"
#include "InterviewClock.h"
#include "InterviewPhasePanel.h"
#include "InterviewPhases.h"
#include "InterviewReportDialog.h"
#include "QtText.h"
#include "RubricHtml.h"
#include "RubricRunner.h"
#include "commands/AddChallengeLoadCommand.h"
#include "commands/ChangePhaseNoteCommand.h"
#include "document/DesignDocument.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace scalelab::widgets {

namespace {

enum Tab { PhaseTab, RequirementsTab, EnvelopeTab, ReportTab };

const char* const kHintKinds[] = {QT_TR_NOOP("a nudge"), QT_TR_NOOP("the pattern"), QT_TR_NOOP("the fix")};

QString statusColour(InterviewPhases::Status status)
{
    switch (status) {
    case InterviewPhases::Status::Plenty: return {};
    case InterviewPhases::Status::Hurry: return QStringLiteral("color: #d98200;");
    case InterviewPhases::Status::Over: return QStringLiteral("color: #c62828;");
    }
    return {};
}

} // namespace

InterviewPanel::InterviewPanel(QWidget* parent)
    : QWidget(parent)
    , m_clock(new InterviewClock(this))
    , m_phases(new InterviewPhases(this))
    , m_rubric(new RubricRunner(this))
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
    big.setPointSizeF(big.pointSizeF() * 1.2);
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
    m_phaseTime = new QLabel(this);
    m_phaseTime->setObjectName("phaseTime");
    QFont phaseFont = m_phaseTime->font();
    phaseFont.setPointSizeF(phaseFont.pointSizeF() * 1.3);
    phaseFont.setBold(true);
    m_phaseTime->setFont(phaseFont);
    clockRow->addSpacing(12);
    clockRow->addWidget(m_phaseTime);
    clockRow->addStretch();
    m_startPause = new QPushButton(this);
    connect(m_startPause, &QPushButton::clicked, m_clock, &InterviewClock::toggle);
    clockRow->addWidget(m_startPause);
    layout->addLayout(clockRow);

    m_banner = new QLabel(this);
    m_banner->setObjectName("changeBanner");
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet("background: #fff3c4; color: #5c4200; border: 2px solid #d98200; padding: 8px; "
                            "border-radius: 4px; font-weight: bold;");
    m_banner->hide();
    layout->addWidget(m_banner);

    m_nextStep = new QLabel(this);
    m_nextStep->setObjectName("interviewNextStep");
    m_nextStep->setWordWrap(true);
    m_nextStep->setStyleSheet("background: palette(alternate-base); padding: 6px; border-radius: 4px;");
    layout->addWidget(m_nextStep);

    m_tabs = new QTabWidget(this);
    m_phasePanel = new InterviewPhasePanel(m_phases, this);
    m_tabs->addTab(m_phasePanel, tr("Phase"));
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
    m_hintButton = new QPushButton(tr("Hint"), this);
    m_hintButton->setObjectName("interviewHint");
    m_hintButton->setToolTip(tr("One hint at a time: a nudge, then the pattern's name, then the fix, then the "
                                "Advisor's reading of your design. Each hint used shows in the report."));
    connect(m_hintButton, &QPushButton::clicked, this, &InterviewPanel::requestHint);
    testRow->addWidget(m_hintButton);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    testRow->addWidget(m_progress, 1);
    testRow->addWidget(openReport);
    layout->addLayout(testRow);
    m_hintText = new QLabel(this);
    m_hintText->setObjectName("interviewHintText");
    m_hintText->setWordWrap(true);
    m_hintText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hintText->setStyleSheet("background: #e8f0fe; padding: 6px; border-radius: 4px;");
    m_hintText->hide();
    layout->addWidget(m_hintText);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_clock, &InterviewClock::changed, this, &InterviewPanel::updateClock);
    connect(m_clock, &InterviewClock::ticked, this, &InterviewPanel::onTick);
    connect(m_phases, &InterviewPhases::changed, this, &InterviewPanel::updatePhase);
    connect(m_phasePanel, &InterviewPhasePanel::noteEdited, this, [this](int phase, const QString& text) {
        if (m_document && m_document->architecture().interview)
            m_document->undoStack()->push(new ChangePhaseNoteCommand(m_document, phase, text.toStdString()));
    });
    connect(m_phasePanel, &InterviewPhasePanel::answerGiven, this, &InterviewPanel::giveAnswer);
    connect(m_rubric, &RubricRunner::progress, this, [this](int done, int total) {
        m_rubricProgress = tr("Grading the rubric: %1 of %2 runs…").arg(done).arg(total);
        refreshReport();
    });
    connect(m_rubric, &RubricRunner::finished, this, [this] {
        m_rubricProgress = m_rubric->error().isEmpty() ? QString() : tr("The rubric could not be graded: %1").arg(m_rubric->error());
        refreshReport();
        emit rubricFinished();
    });
    auto openLesson = [this](const QUrl& url) {
        if (url.scheme() == QLatin1String(kLessonLinkScheme))
            emit lessonRequested(url.path());
    };
    m_report->setOpenLinks(false);
    connect(m_report, &QTextBrowser::anchorClicked, this, openLesson);
    connect(m_reportWindow->browser(), &QTextBrowser::anchorClicked, this, openLesson);
    connect(m_requirements, &QListWidget::itemChanged, this, &InterviewPanel::refreshReport);
    connect(m_envelope, &EnvelopePanel::recomputed, this, &InterviewPanel::refreshReport);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &InterviewPanel::stressTestDone);
    updateClock();
    updatePhase();
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
    m_interview = interview;
    m_nextHint = 0;
    m_hintsUsed.clear();
    m_hintText->clear();
    m_hintText->hide();
    m_changeFired.assign(interview.changes.size(), false);
    m_changes.clear();
    m_banner->hide();
    m_pendingGrade.reset();
    m_deepDive.reset();
    QStringList blockIds;
    for (const model::Block& block : design.blocks)
        blockIds << toQString(block.id);
    m_phasePanel->setInterview(interview, blockIds);
    m_phases->reset();
    m_clock->reset(interview.minutes);
    m_tabs->setCurrentIndex(PhaseTab);
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
    for (int phase = 0; phase < model::kInterviewPhaseCount; ++phase)
        s.phases.push_back({InterviewPhases::name(phase), m_phases->secondsIn(phase), InterviewPhases::targetSeconds(phase)});
    s.hints = m_hintsUsed;
    s.changes = m_changes;
    s.deepDive = m_deepDive;
    if (m_grade && m_rubric->result())
        s.rubric = m_rubric->result();
    else if (m_grade)
        s.rubricStatus = m_rubric->running() ? (m_rubricProgress.isEmpty() ? tr("Grading the rubric…") : m_rubricProgress) : m_rubricProgress;
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
    else if (m_pendingGrade)
        text = tr("<b>Deep dive:</b> which block failed under the hidden load, and why? Answer before you see the result.");
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
    // The rubric's runs take longer than the goals': it follows on a worker thread.
    if (m_gradedDesign && !m_rubric->running()) {
        m_rubricProgress.clear();
        m_rubric->start(*m_gradedDesign);
    }
    showReport();
    emit gradeShown();
}

void InterviewPanel::runStressTest()
{
    if (m_watcher.isRunning() || !m_designSource)
        return;
    const model::Architecture design = m_designSource();
    m_clock->pause(); // the interview ends with the stress test
    m_phases->setCurrent(int(model::InterviewPhase::DeepDive));
    m_pendingGrade.reset();
    m_deepDive.reset();
    m_phasePanel->setAnswerPending(false);
    noteWhatTheRunInjects(design);
    m_gradedDesign = design;
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
    if (outcome.result && m_interview && !outcome.result->cancelled) {
        // The deep dive: the candidate names the failed block before the result shows.
        m_pendingGrade = *outcome.result;
        m_status->setText(tr("The stress test has run. Which block failed, and why? Answer in the Phase tab, then "
                             "press <b>Give my answer and show the result</b>."));
        m_status->setStyleSheet({});
        m_phasePanel->setAnswerPending(true);
        m_tabs->setCurrentIndex(PhaseTab);
        updateNextStep();
    } else if (outcome.result) {
        m_status->clear();
        setGradeResult(*outcome.result);
    } else {
        m_status->setText(tr("Cannot stress-test this design: %1").arg(outcome.error));
        m_status->setStyleSheet("color: #b00020;");
        updateNextStep();
    }
    emit stressTestFinished();
}

void InterviewPanel::setDocument(DesignDocument* document)
{
    m_document = document;
    setDesignSource([document] { return document->architecture(); });
    connect(document, &DesignDocument::teachingChanged, this, &InterviewPanel::syncFromDocument);
}

void InterviewPanel::syncFromDocument()
{
    if (m_active && m_document && m_document->architecture().interview)
        m_phasePanel->setNotes(m_document->architecture().interview->phaseNotes);
}

void InterviewPanel::updatePhase()
{
    const int phase = m_phases->current();
    m_phaseTime->setText(tr("Phase %1 / %2")
                             .arg(InterviewClock::format(m_phases->secondsIn(phase)),
                                  InterviewClock::format(InterviewPhases::targetSeconds(phase))));
    m_phaseTime->setStyleSheet(statusColour(m_phases->status(phase)));
    m_phaseTime->setToolTip(tr("Time in %1 against its target (amber at 80%, red when over)").arg(InterviewPhases::name(phase)));
}

void InterviewPanel::onTick()
{
    m_phases->tick();
    if (!m_interview)
        return;
    const int used = m_clock->usedSeconds();
    for (size_t i = 0; i < m_interview->changes.size(); ++i)
        if (!m_changeFired[i] && used >= m_interview->changes[i].atMinute * 60)
            announceChange(i);
}

void InterviewPanel::announceChange(size_t index)
{
    m_changeFired[index] = true;
    const model::RequirementChange& change = m_interview->changes[index];
    const QString announcement = toQString(change.announcement);
    m_changes.push_back({m_clock->usedSeconds(), announcement, toQString(change.load.name)});
    m_banner->setText(tr("Requirement change (%1): %2 Your design is now also graded under it.")
                          .arg(InterviewClock::format(m_clock->usedSeconds()), announcement.toHtmlEscaped()));
    m_banner->show();
    // A design saved after the change already carries its load (the interview restarted): not twice.
    if (m_document && m_document->architecture().challenge) {
        const auto& loads = m_document->architecture().challenge->loads;
        if (std::none_of(loads.begin(), loads.end(), [&](const model::ChallengeLoad& load) { return load.name == change.load.name; }))
            m_document->undoStack()->push(new AddChallengeLoadCommand(m_document, change.load));
    }
    emit announced(tr("Requirement change: %1").arg(announcement));
    refreshReport();
}

void InterviewPanel::requestHint()
{
    if (!m_interview)
        return;
    QString text;
    const auto& hints = m_interview->hints;
    if (m_nextHint < hints.size()) {
        const QString kind = m_nextHint < std::size(kHintKinds) ? tr(kHintKinds[m_nextHint]) : QString();
        text = tr("Hint %1 of %2 (%3): %4").arg(m_nextHint + 1).arg(hints.size()).arg(kind, toQString(hints[m_nextHint]));
        ++m_nextHint;
    } else if (m_grade && !m_grade->hints.empty()) {
        const analysis::GradeHint& hint = m_grade->hints.front();
        text = tr("Advisor (%1): %2: %3 %4 %5")
                   .arg(toQString(hint.load), toQString(hint.blockName.empty() ? hint.blockId : hint.blockName),
                        toQString(hint.problem), toQString(hint.pattern), toQString(hint.suggestion));
    } else {
        m_hintText->setText(tr("No more hints from the problem. The Advisor reads a run: press Run, or stress-test "
                               "your design, then ask again."));
        m_hintText->show();
        return;
    }
    m_hintsUsed.push_back({m_clock->usedSeconds(), text});
    m_hintText->setText(text);
    m_hintText->show();
    refreshReport();
}

void InterviewPanel::noteWhatTheRunInjects(const model::Architecture& design)
{
    m_injected.clear();
    m_culprits.clear();
    if (!design.challenge)
        return;
    for (const model::ChallengeLoad& load : design.challenge->loads) {
        if (!load.hidden)
            continue;
        for (const model::Fault& fault : load.faults) {
            const QString target = toQString(fault.block.empty() ? fault.region : fault.block);
            m_injected << tr("%1: %2 %3 at %4 s").arg(toQString(load.name), toQString(fault.action), target).arg(fault.atS);
            if (!fault.block.empty())
                m_culprits << toQString(fault.block);
        }
    }
}

void InterviewPanel::giveAnswer(const QString& blockId, const QString& why)
{
    if (!m_pendingGrade)
        return;
    DeepDiveAnswer answer{blockId, why, m_injected, m_culprits};
    for (const analysis::GradeHint& hint : m_pendingGrade->hints) {
        if (!hint.hidden)
            continue;
        answer.found << tr("Advisor (%1): %2: %3").arg(toQString(hint.load), toQString(hint.blockId), toQString(hint.problem));
        answer.culprits << toQString(hint.blockId);
    }
    m_deepDive = answer;
    m_phasePanel->setAnswerPending(false);
    m_status->clear();
    const analysis::GradeResult grade = *m_pendingGrade;
    m_pendingGrade.reset();
    setGradeResult(grade);
}

} // namespace scalelab::widgets
