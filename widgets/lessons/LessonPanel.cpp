#include "LessonPanel.h"

#include "analysis/LessonCheck.h"
#include "analysis/NetworkModel.h"
#include "analysis/RecentMetric.h"
#include "commands/AddBlocksCommand.h"
#include "commands/AddLinkCommand.h"
#include "commands/ChangeParamCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "document/DesignDocument.h"
#include "model/LessonEdit.h"
#include "model/MetricCatalog.h"
#include "run/RunController.h"

#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace scalelab::widgets {

namespace {

// A run check reads the last few seconds of windows: long enough to smooth
// a single window's noise, short enough to follow an edit within seconds.
constexpr double kRecentSpanS = 5;
constexpr int kMinWindows = 3;

QString text(const std::string& s) { return QString::fromStdString(s); }

QString targetText(const model::Check& check)
{
    const auto shown = [&](double v) { return text(model::formatMetric(check.metric, v)); };
    if (check.min && check.max)
        return QObject::tr("target between %1 and %2").arg(shown(*check.min), shown(*check.max));
    if (check.min)
        return QObject::tr("target above %1").arg(shown(*check.min));
    return QObject::tr("target below %1").arg(shown(check.max.value_or(0)));
}

QLabel* wrappedLabel(QWidget* parent, int pointSizeDelta, bool bold = false)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() + pointSizeDelta);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

} // namespace

LessonPanel::LessonPanel(DesignDocument* document, RunController* run, bool keepsProgress, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_run(run)
    , m_keepsProgress(keepsProgress)
{
    buildUi();
    connect(document, &DesignDocument::designReset, this, &LessonPanel::onDesignReset);
    for (auto signal : {&DesignDocument::blockAdded, &DesignDocument::blockRemoved, &DesignDocument::blockChanged})
        connect(document, signal, this, &LessonPanel::evaluatePlan);
    for (auto signal : {&DesignDocument::linkAdded, &DesignDocument::linkRemoved, &DesignDocument::linkChanged})
        connect(document, signal, this, &LessonPanel::evaluatePlan);
    connect(run, &RunController::snapshotReady, this, &LessonPanel::onSnapshot);
    // Windows count from the moment the design or the traffic last changed: see onSnapshot.
    connect(run, &RunController::editApplied, this, [this](double at) { m_measureSince = at; });
    connect(run, &RunController::faultApplied, this, [this](const QString&, double at) { m_measureSince = at; });
    connect(run, &RunController::cleared, this, [this] {
        m_measureSince = m_latestSimSeconds = 0;
        if (m_lesson && !m_passed && m_lesson->steps[size_t(m_step)].checkOn == model::LessonStep::CheckOn::Run)
            setValue(std::nullopt, tr("Press Play to run the design."));
    });
    onDesignReset();
}

void LessonPanel::buildUi()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    m_title = wrappedLabel(content, 4, true);
    m_progress = wrappedLabel(content, 1);
    m_steps = new QListWidget(content);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_stepTitle = wrappedLabel(content, 3, true);
    m_explain = wrappedLabel(content, 1);
    m_instruction = wrappedLabel(content, 2);
    m_instruction->setObjectName("lessonInstruction");
    m_instruction->setStyleSheet("#lessonInstruction { background: #fff4c2; border: 1px solid #e0b400;"
                                 " border-radius: 6px; padding: 8px; color: #222; }");
    // The goal, its live check and the buttons stay in a footer below the
    // scrolling text, in view however short the dock is.
    m_goal = wrappedLabel(this, 1, true);
    m_checkLine = wrappedLabel(this, 1);
    m_status = wrappedLabel(this, 1, true);
    m_status->setObjectName("lessonStatus");
    m_showMe = new QPushButton(tr("Show me"), this);
    m_showMe->setToolTip(tr("Make this step's changes for you (undoable with Edit > Undo)"));
    m_next = new QPushButton(tr("Next step"), this);
    m_next->setDefault(true);
    m_restart = new QPushButton(tr("Restart lesson"), this);
    m_restart->setToolTip(tr("Back to step 1 with the lesson's original design"));
    connect(m_showMe, &QPushButton::clicked, this, &LessonPanel::showMe);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::next);
    connect(m_restart, &QPushButton::clicked, this, &LessonPanel::restartLesson);

    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_steps);
    layout->addSpacing(6);
    layout->addWidget(m_stepTitle);
    layout->addWidget(m_explain);
    layout->addWidget(m_instruction);
    layout->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(scroll, 1);
    auto* footer = new QVBoxLayout;
    footer->setContentsMargins(8, 6, 8, 6);
    footer->addWidget(m_goal);
    footer->addWidget(m_checkLine);
    footer->addWidget(m_status);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_restart);
    buttons->addStretch();
    buttons->addWidget(m_showMe);
    buttons->addWidget(m_next);
    footer->addLayout(buttons);
    outer->addLayout(footer);
}

void LessonPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    showStepListIfRoom();
}

void LessonPanel::showStepListIfRoom()
{
    // In a short dock (a laptop's column shared with the properties) the
    // list of steps would push the step's instruction out of view; "Step 2
    // of 3" above it says where the student is.
    m_steps->setVisible(m_lesson && height() >= kStepListMinimumPanelHeight);
}

QString LessonPanel::settingsKey() const
{
    // Per lesson file: a bundled lesson opened from the gallery has no path, its title names it.
    const QString path = m_document->filePath();
    QString name = path.isEmpty() ? text(m_lesson ? m_lesson->title : "") : QFileInfo(path).completeBaseName();
    name.replace('/', '_').replace('\\', '_');
    return "lessons/" + name;
}

void LessonPanel::onDesignReset()
{
    const model::Architecture& design = m_document->architecture();
    m_lesson = design.lesson;
    m_value.reset();
    m_finished = m_passed = false;
    m_step = 0;
    if (!m_lesson || m_lesson->steps.empty()) {
        m_lesson.reset();
        emit lessonAvailable(false);
        refresh();
        return;
    }
    m_lessonKey = settingsKey();
    int saved = 0;
    bool passed = false, finished = false;
    if (m_keepsProgress) {
        QSettings settings;
        saved = std::clamp(settings.value(m_lessonKey + "/step", 0).toInt(), 0, int(m_lesson->steps.size()) - 1);
        passed = settings.value(m_lessonKey + "/passed", false).toBool();
        finished = settings.value(m_lessonKey + "/finished", false).toBool();
    }
    emit lessonAvailable(true);
    goToStep(saved);
    m_passed = passed;
    m_finished = finished;
    saveProgress();
    refresh();
}

void LessonPanel::goToStep(int index)
{
    if (!m_lesson)
        return;
    index = std::clamp(index, 0, int(m_lesson->steps.size()) - 1);
    if (index > 0)
        performEdits(0, index - 1, tr("Lesson: catch up to step %1").arg(index + 1));
    m_step = index;
    m_passed = m_finished = false;
    m_value.reset();
    m_waiting.clear();
    markMeasureStart();
    saveProgress();
    evaluatePlan();
    refresh();
}

void LessonPanel::next()
{
    if (!m_lesson || !m_passed || m_finished)
        return;
    if (m_step + 1 >= int(m_lesson->steps.size())) {
        m_finished = true;
        saveProgress();
        refresh();
        emit lessonFinished();
        return;
    }
    ++m_step;
    m_passed = false;
    m_value.reset();
    markMeasureStart();
    saveProgress();
    evaluatePlan();
    refresh();
}

void LessonPanel::showMe()
{
    if (!m_lesson || m_finished)
        return;
    const model::LessonStep& step = m_lesson->steps[size_t(m_step)];
    performEdits(m_step, m_step, tr("Show me: %1").arg(text(step.title)));
    if (step.checkOn == model::LessonStep::CheckOn::Run && m_run->state() != RunController::State::Running)
        m_run->play();
    performLiveActions(step);
}

void LessonPanel::restartLesson()
{
    if (!m_lesson)
        return;
    if (m_keepsProgress)
        QSettings().remove(m_lessonKey);
    // Back to the design as the file was opened, before any catch-up or
    // learner edit: undo to the stack's start, so the edits stay redoable.
    m_document->undoStack()->setIndex(0);
    onDesignReset();
}

void LessonPanel::performEdits(int first, int last, const QString& macroText)
{
    model::Architecture working = m_document->architecture();
    std::vector<const model::LessonAction*> todo;
    for (int i = first; i <= last; ++i)
        for (const auto& action : m_lesson->steps[size_t(i)].apply) {
            if (model::isLiveAction(action))
                continue;
            if (action.kind == model::LessonAction::Kind::SetParam)
                if (const model::Block* block = working.findBlock(action.block);
                    block && block->params.count(action.param) && block->params.at(action.param) == action.value)
                    continue; // the learner has done it already
            // Skips what no longer applies: a block the learner already added, a link already removed.
            if (model::applyLessonAction(working, action).empty())
                todo.push_back(&action);
        }
    if (todo.empty())
        return;
    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(macroText);
    using Kind = model::LessonAction::Kind;
    for (const model::LessonAction* action : todo) {
        switch (action->kind) {
        case Kind::SetParam:
            stack->push(new ChangeParamCommand(m_document, action->block, action->param, action->value));
            break;
        case Kind::AddBlock:
            stack->push(new AddBlocksCommand(m_document, {action->newBlock}, {},
                                             tr("Add %1").arg(text(action->newBlock.name))));
            break;
        case Kind::RemoveBlock:
            stack->push(new RemoveItemsCommand(m_document, {action->block}, {}));
            break;
        case Kind::AddLink:
            stack->push(new AddLinkCommand(m_document, action->link));
            break;
        case Kind::RemoveLink:
            stack->push(new RemoveItemsCommand(m_document, {}, {LinkKey{action->link.from, action->link.to}}));
            break;
        case Kind::Fault:
        case Kind::Command:
            break;
        }
    }
    stack->endMacro();
}

void LessonPanel::performLiveActions(const model::LessonStep& step)
{
    std::vector<model::Fault> faults;
    for (const auto& action : step.apply) {
        if (action.kind == model::LessonAction::Kind::Fault)
            faults.push_back(action.fault);
        else if (action.kind == model::LessonAction::Kind::Command) {
            model::Fault command; // operator commands are FaultCatalog actions ("flush")
            command.action = action.command;
            command.block = action.block;
            faults.push_back(command);
        }
    }
    if (faults.empty())
        return;
    if (m_run->state() == RunController::State::Stopped)
        m_run->play();
    // After the edits' restart (queued the same way), so the faults reach the new run.
    QTimer::singleShot(0, this, [this, faults] {
        for (const auto& fault : faults)
            m_run->injectFault(fault);
    });
}

void LessonPanel::markMeasureStart()
{
    m_measureSince = m_latestSimSeconds;
}

void LessonPanel::onSnapshot(const std::shared_ptr<const stats::Snapshot>& snapshot)
{
    m_latestSimSeconds = snapshot->simSeconds;
    if (!m_lesson || m_finished || m_lesson->steps[size_t(m_step)].checkOn != model::LessonStep::CheckOn::Run)
        return;
    // A live run is never reset: the plots show it from its start, and its
    // totals average the design before the learner's edit with the design
    // after it, so a check on them would lag by minutes and could pass on
    // the past. The check reads only the windows that began after the step
    // started or the design, traffic or faults last changed (editApplied,
    // faultApplied, a restart), and at most the last few seconds of them.
    // Resetting the run's statistics instead would blank the plots the
    // learner is watching.
    const model::Check& check = m_lesson->steps[size_t(m_step)].check;
    const analysis::RecentValue recent =
        analysis::recentMetricValue(*snapshot, check.metric, m_measureSince, kRecentSpanS);
    if (!recent.fromTotals && recent.windows < kMinWindows)
        setValue(std::nullopt, tr("Measuring the design as it is now… %1 of %2 s").arg(recent.windows).arg(kMinWindows));
    else
        setValue(recent.value, tr("The run does not report this figure."));
}

void LessonPanel::evaluatePlan()
{
    if (!m_lesson || m_finished || m_lesson->steps[size_t(m_step)].checkOn != model::LessonStep::CheckOn::Plan)
        return;
    std::string error;
    std::optional<double> value;
    try {
        value = analysis::planMetricValue(analysis::planNetwork(m_document->architecture()),
                                          m_lesson->steps[size_t(m_step)].check.metric, error);
    } catch (const std::exception& failure) {
        error = failure.what();
    }
    setValue(value, text(error));
}

void LessonPanel::setValue(std::optional<double> value, const QString& waiting)
{
    m_value = value;
    m_waiting = waiting;
    if (m_lesson && !m_passed && value && m_lesson->steps[size_t(m_step)].check.passes(*value)) {
        m_passed = true; // stays done: a figure that wobbles back must not re-lock Next
        saveProgress();
    }
    refresh();
}

void LessonPanel::saveProgress() const
{
    if (!m_lesson || !m_keepsProgress)
        return;
    QSettings settings;
    settings.setValue(m_lessonKey + "/step", m_step);
    settings.setValue(m_lessonKey + "/passed", m_passed);
    settings.setValue(m_lessonKey + "/finished", m_finished);
}

QString LessonPanel::checkText() const
{
    if (!m_lesson)
        return {};
    const model::Check& check = m_lesson->steps[size_t(m_step)].check;
    QString figure = text(model::metricLabel(check.metric, m_document->architecture()));
    figure.replace(": ", " ");
    const QString value = m_value ? text(model::formatMetric(check.metric, *m_value)) : QStringLiteral("…");
    return tr("%1: %2 — %3").arg(figure, value, targetText(check));
}

void LessonPanel::refresh()
{
    setEnabled(m_lesson.has_value());
    if (!m_lesson) {
        m_title->setText(tr("No lesson"));
        m_progress->setText(tr("Open a lesson from File > Examples (topic Lessons) to be guided step by step."));
        for (QWidget* w : std::initializer_list<QWidget*>{m_steps, m_stepTitle, m_explain, m_instruction, m_goal,
                                                          m_checkLine, m_status, m_showMe, m_next, m_restart})
            w->setVisible(false);
        return;
    }
    for (QWidget* w : std::initializer_list<QWidget*>{m_stepTitle, m_explain, m_instruction, m_goal, m_checkLine,
                                                      m_status, m_showMe, m_next, m_restart})
        w->setVisible(true);
    showStepListIfRoom();
    const int count = int(m_lesson->steps.size());
    const model::LessonStep& step = m_lesson->steps[size_t(m_step)];
    m_title->setText(text(m_lesson->title).toHtmlEscaped());
    m_progress->setText(m_finished ? tr("Lesson complete: all %1 steps done").arg(count)
                                   : tr("Step %1 of %2").arg(m_step + 1).arg(count));
    m_steps->clear();
    for (int i = 0; i < count; ++i) {
        const bool done = i < m_step || (i == m_step && (m_passed || m_finished));
        const QString mark = done ? QStringLiteral("✓") : i == m_step ? QStringLiteral("▶") : QStringLiteral("🔒");
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2. %3").arg(mark).arg(i + 1).arg(text(m_lesson->steps[size_t(i)].title)));
        if (i > m_step)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        if (i == m_step) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
        m_steps->addItem(item);
    }
    // Exactly as tall as its rows: the space below belongs to the instruction and the check.
    m_steps->setFixedHeight(m_steps->sizeHintForRow(0) * count + 2 * m_steps->frameWidth() + 2);
    m_stepTitle->setText(tr("Step %1: %2").arg(m_step + 1).arg(text(step.title).toHtmlEscaped()));
    m_explain->setText(text(step.explain).toHtmlEscaped());
    m_instruction->setText(tr("<b>Your turn:</b> %1").arg(text(step.instruction).toHtmlEscaped()));
    const bool onPlan = step.checkOn == model::LessonStep::CheckOn::Plan;
    m_goal->setText(tr("Goal: %1%2")
                        .arg(text(model::checkLabel(step.check, m_document->architecture())).toHtmlEscaped(),
                             onPlan ? tr(" <i>(checked on the plan)</i>") : tr(" <i>(checked on the live run)</i>")));
    m_checkLine->setText(checkText().toHtmlEscaped());
    if (m_finished) {
        m_status->setText(tr("🎉 Lesson complete! Restart it, or open another lesson from File > Examples."));
        m_status->setStyleSheet("#lessonStatus { color: #1b7f2a; }");
    } else if (m_passed) {
        m_status->setText(m_step + 1 < count ? tr("✓ Done! Press Next step to continue.")
                                             : tr("✓ Done! Press Finish to complete the lesson."));
        m_status->setStyleSheet("#lessonStatus { background: #d8f5dc; color: #1b7f2a; border-radius: 6px; padding: 6px; }");
    } else if (!m_value) {
        m_status->setText(m_waiting.isEmpty() ? tr("Press Play to run the design.") : m_waiting.toHtmlEscaped());
        m_status->setStyleSheet("#lessonStatus { color: #666; }");
    } else {
        m_status->setText(tr("Not there yet: follow the instruction above, or press Show me."));
        m_status->setStyleSheet("#lessonStatus { color: #a05a00; }");
    }
    m_next->setText(m_step + 1 < count ? tr("Next step ▶") : tr("Finish"));
    m_next->setEnabled(m_passed && !m_finished);
    m_showMe->setEnabled(!m_finished);
}

} // namespace scalelab::widgets
