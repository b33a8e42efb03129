#include "ChallengePanel.h"

#include "ChallengeProgress.h"
#include "ChallengeResultsDialog.h"
#include "ChallengeRubric.h"
#include "document/DesignDocument.h"
#include "model/MetricCatalog.h"
#include "model/StatedTraffic.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QTableWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QLabel* wrappedLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString trafficText(const model::Challenge& challenge)
{
    QStringList parts;
    for (const auto& [target, value] : challenge.traffic)
        parts << QString("%1 = %2").arg(qs(target)).arg(value);
    return parts.join(", ");
}

// A goal of the checklist: its label (to match the graded rows) and its text.
constexpr int kLabelRole = Qt::UserRole;
constexpr int kTextRole = Qt::UserRole + 1;

void addGoalItem(QListWidget* list, const QString& label, const QString& text)
{
    auto* item = new QListWidgetItem(QString::fromUtf8("☐ ") + text, list);
    item->setData(kLabelRole, label);
    item->setData(kTextRole, text);
}

} // namespace

ChallengePanel::ChallengePanel(DesignDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(wrappedLabel(this))
    , m_brief(wrappedLabel(this))
    , m_goalsHeading(wrappedLabel(this))
    , m_goals(new QListWidget(this))
    , m_hiddenNote(wrappedLabel(this))
    , m_load(wrappedLabel(this))
    , m_submit(new QPushButton(tr("Submit for grading"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(wrappedLabel(this))
    , m_showResults(new QPushButton(tr("Show results…"), this))
    , m_score(wrappedLabel(this))
    , m_next(wrappedLabel(this))
    , m_results(new ChallengeResultsDialog(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_goals->setSelectionMode(QAbstractItemView::NoSelection);
    m_goals->setMaximumHeight(110);
    m_goals->setWordWrap(true); // a long goal (the allowed kinds) wraps in a narrow column
    m_goals->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_submit->setDefault(true);
    m_submit->setToolTip(tr("Run the design under the stated traffic and the hidden loads, several seeds each"));
    m_cancel->setEnabled(false);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m runs"));
    m_progress->hide();

    m_showResults->setToolTip(tr("Every goal under every load, failing ones first, in a window of its own"));
    m_showResults->hide();
    QFont nextFont = m_next->font();
    nextFont.setBold(true);
    m_next->setFont(nextFont);

    // Two buttons a row: the panel fits a laptop's right column (about 300 px).
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_submit);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto* resultsRow = new QHBoxLayout;
    resultsRow->addWidget(m_showResults);
    resultsRow->addStretch();
    // The brief, goals and results scroll; Submit, the progress and the
    // status stay in a footer below them, in view however short the dock.
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(m_title);
    layout->addWidget(m_brief);
    layout->addWidget(m_goalsHeading);
    layout->addWidget(m_goals);
    layout->addWidget(m_hiddenNote);
    layout->addWidget(m_load);
    layout->addWidget(m_score);
    layout->addWidget(m_next);
    layout->addWidget(new ChallengeRubric(document, content), 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Text wraps to the column rather than running off its right edge.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* footer = new QVBoxLayout;
    footer->setContentsMargins(9, 4, 9, 6);
    footer->addLayout(buttons);
    footer->addWidget(m_progress);
    footer->addWidget(m_status);
    footer->addLayout(resultsRow);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(scroll, 1);
    outer->addLayout(footer);

    connect(m_submit, &QPushButton::clicked, this, &ChallengePanel::submit);
    connect(m_cancel, &QPushButton::clicked, this, &ChallengePanel::cancel);
    connect(m_showResults, &QPushButton::clicked, this, &ChallengePanel::showResults);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] { finish(m_watcher.result()); });
    connect(m_document, &DesignDocument::designReset, this, &ChallengePanel::refresh);
    const auto markStale = [this] {
        if (!m_showResults->isHidden())
            m_status->setText(tr("The design changed since it was graded: submit again to see the new result."));
    };
    connect(m_document, &DesignDocument::blockAdded, this, markStale);
    connect(m_document, &DesignDocument::blockRemoved, this, markStale);
    connect(m_document, &DesignDocument::blockChanged, this, markStale);
    connect(m_document, &DesignDocument::blockChanged, this, &ChallengePanel::updateLoadText);
    connect(m_document, &DesignDocument::linkAdded, this, markStale);
    connect(m_document, &DesignDocument::linkRemoved, this, markStale);
    connect(m_document, &DesignDocument::linkChanged, this, markStale);
    refresh();
}

ChallengePanel::~ChallengePanel()
{
    // The worker reports progress to this panel: stop it before going away.
    m_cancelRequested = true;
    m_watcher.waitForFinished();
}

bool ChallengePanel::hasChallenge() const { return m_document->architecture().challenge.has_value(); }

QString ChallengePanel::scoreText() const { return m_score->text(); }
QString ChallengePanel::nextText() const { return m_next->text(); }
QTableWidget* ChallengePanel::resultTable() const { return m_results->table(); }
QString ChallengePanel::loadText() const { return m_load->text(); }

void ChallengePanel::showResults()
{
    m_results->show();
    m_results->raise();
    m_results->activateWindow();
}

void ChallengePanel::updateLoadText()
{
    const model::Architecture& design = m_document->architecture();
    if (!design.challenge || design.challenge->traffic.empty()) {
        m_load->clear();
        return;
    }
    const QString stated = qs(model::statedTrafficText(design));
    if (model::runsStatedTraffic(design)) {
        m_load->setText(tr("Play runs the stated load: <b>%1</b>, the load the grader uses.").arg(stated.toHtmlEscaped()));
        m_load->setStyleSheet({});
    } else {
        m_load->setText(tr("Play runs your design's own traffic, not the stated load (<b>%1</b>) that grading "
                           "uses: set it back to explore what is graded.")
                            .arg(stated.toHtmlEscaped()));
        m_load->setStyleSheet("color: #d98200;");
    }
}

void ChallengePanel::refresh()
{
    const model::Architecture& design = m_document->architecture();
    m_showResults->hide();
    m_results->hide();
    m_results->table()->setRowCount(0);
    m_score->clear();
    m_next->clear();
    m_status->clear();
    m_goals->clear();
    updateLoadText();
    if (!design.challenge) {
        m_title->setText(tr("No challenge"));
        m_brief->setText(tr("This design carries no challenge. Open one from File > Examples (the \"Challenges\" "
                            "topics), or add a \"challenge\" section to a .scalelab file (see the README)."));
        m_goalsHeading->clear();
        m_hiddenNote->clear();
        m_goals->hide();
        m_submit->setEnabled(false);
        emit challengeChanged(false);
        return;
    }
    const model::Challenge& challenge = *design.challenge;
    m_title->setText(tr("%1 (level %2 of 5)").arg(qs(challenge.title)).arg(challenge.level));
    m_brief->setText(qs(challenge.brief));
    m_goalsHeading->setText(challenge.traffic.empty()
                                ? tr("Goals at the stated traffic:")
                                : tr("Goals at the stated traffic (%1):").arg(trafficText(challenge)));
    m_goals->show();
    for (const auto& goal : challenge.goals) {
        const QString label = qs(model::checkLabel(goal.check, design));
        QString text = label;
        QStringList visible;
        for (const auto& load : goal.loads) {
            const auto named = std::find_if(challenge.loads.begin(), challenge.loads.end(),
                                            [&](const model::ChallengeLoad& l) { return l.name == load; });
            if (load != model::Challenge::kStatedLoad && named != challenge.loads.end() && !named->hidden)
                visible << qs(load);
        }
        if (!visible.isEmpty())
            text += tr("  (also under %1)").arg(visible.join(", "));
        addGoalItem(m_goals, label, text);
    }
    if (!challenge.allowedKinds.empty()) {
        const QString label = qs(analysis::allowedKindsLabel(challenge));
        addGoalItem(m_goals, label, label);
    }
    QStringList shownLoads;
    int hidden = 0;
    for (const auto& load : challenge.loads) {
        if (load.hidden)
            ++hidden;
        else
            shownLoads << qs(load.name);
    }
    QString note;
    if (!shownLoads.isEmpty())
        note = tr("Also graded under: %1. ").arg(shownLoads.join(", "));
    if (hidden > 0)
        note += tr("+ %n hidden load(s) revealed on submit.", "", hidden);
    note += tr(" %1 seeds per load, %2 s measured each.").arg(challenge.replications).arg(challenge.durationS);
    m_hiddenNote->setText(note.trimmed());
    m_submit->setEnabled(!isGrading());
    emit challengeChanged(true);
}

ChallengePanel::Outcome ChallengePanel::gradeDesign(const model::Architecture& design, bool withProgress)
{
    Outcome outcome;
    analysis::GradeOptions options;
    options.cancel = &m_cancelRequested;
    if (withProgress)
        options.progress = [this](int done, int total) {
            QMetaObject::invokeMethod(
                this,
                [this, done, total] {
                    m_progress->setMaximum(total);
                    m_progress->setValue(std::max(m_progress->value(), done));
                },
                Qt::QueuedConnection);
        };
    try {
        outcome.result = analysis::grade(design, options);
    } catch (const std::exception& error) {
        outcome.error = qs(error.what());
    }
    return outcome;
}

void ChallengePanel::submit()
{
    if (!hasChallenge() || isGrading())
        return;
    m_cancelRequested = false;
    setGrading(true);
    const model::Architecture design = m_document->architecture();
    m_watcher.setFuture(QtConcurrent::run([this, design] { return gradeDesign(design, true); }));
}

void ChallengePanel::cancel()
{
    m_cancelRequested = true;
    m_status->setText(tr("Cancelling…"));
}

void ChallengePanel::gradeNow()
{
    if (!hasChallenge())
        return;
    m_cancelRequested = false;
    finish(gradeDesign(m_document->architecture(), false));
}

void ChallengePanel::setGrading(bool grading)
{
    m_submit->setEnabled(!grading && hasChallenge());
    m_cancel->setEnabled(grading);
    m_progress->setVisible(grading);
    if (grading) {
        m_progress->setRange(0, 0);
        m_progress->setValue(0);
        m_status->setText(tr("Grading: running every load over several seeds…"));
    }
}

void ChallengePanel::finish(const Outcome& outcome)
{
    setGrading(false);
    if (!outcome.error.isEmpty()) {
        m_status->setText(tr("Cannot grade: %1").arg(outcome.error));
        emit gradeFailed(outcome.error);
        return;
    }
    if (outcome.result.cancelled) {
        m_status->setText(tr("Grading cancelled."));
        return;
    }
    m_status->clear();
    showResult(outcome.result);
    emit graded();
}

void ChallengePanel::showResult(const analysis::GradeResult& result)
{
    const QColor passColour(0x1b, 0x7f, 0x3b), failColour(0xc6, 0x28, 0x28);
    const model::Architecture& design = m_document->architecture();
    m_results->setResult(design.challenge ? qs(design.challenge->title) : QString(), result);
    m_showResults->show();
    // Tick the goals that passed under every load.
    for (int i = 0; i < m_goals->count(); ++i) {
        QListWidgetItem* item = m_goals->item(i);
        bool allPass = true;
        for (const auto& row : result.rows)
            if (qs(row.label) == item->data(kLabelRole).toString() && !row.pass)
                allPass = false;
        item->setText((allPass ? QString::fromUtf8("☑ ") : QString::fromUtf8("☒ ")) + item->data(kTextRole).toString());
        item->setForeground(allPass ? passColour : failColour);
    }
    m_score->setText(m_results->scoreText());
    m_next->setText(m_results->nextText());
    m_next->setStyleSheet(result.allPassed() ? "color: #1b7f3b;" : "color: #c62828;");
    if (result.allPassed() && m_keepsProgress && design.challenge)
        ChallengeProgress::markPassed(*design.challenge);
    showResults();
    if (result.allPassed() && design.challenge)
        emit passed();
}

} // namespace scalelab::widgets
