#include "ChallengePanel.h"

#include "document/DesignDocument.h"
#include "model/MetricCatalog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
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

QString measuredText(const analysis::GoalResult& row)
{
    if (row.metric == "allowed_kinds")
        return row.pass ? QObject::tr("none other") : QObject::tr("%1 other").arg(int(row.mean));
    if (!std::isfinite(row.mean))
        return QObject::tr("not measured");
    return qs(model::formatMetric(row.metric, row.mean)) + QString::fromUtf8(" ± ") +
           qs(model::formatMetric(row.metric, row.halfWidth));
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
    , m_submit(new QPushButton(tr("Submit for grading"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(wrappedLabel(this))
    , m_table(new QTableWidget(0, 5, this))
    , m_score(wrappedLabel(this))
    , m_next(wrappedLabel(this))
    , m_hints(wrappedLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_goals->setSelectionMode(QAbstractItemView::NoSelection);
    m_goals->setMaximumHeight(110);
    m_submit->setDefault(true);
    m_submit->setToolTip(tr("Run the design under the stated traffic and the hidden loads, several seeds each"));
    m_cancel->setEnabled(false);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m runs"));
    m_progress->hide();

    m_table->setHorizontalHeaderLabels({tr("Goal"), tr("Load"), tr("Measured ± 95% CI"), tr("Bound"), tr("Result")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 5; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 12); // every row of a typical challenge
    m_table->hide();
    QFont nextFont = m_next->font();
    nextFont.setBold(true);
    m_next->setFont(nextFont);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_submit);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_brief);
    layout->addWidget(m_goalsHeading);
    layout->addWidget(m_goals);
    layout->addWidget(m_hiddenNote);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_score);
    layout->addWidget(m_next);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hints);
    layout->addStretch();

    connect(m_submit, &QPushButton::clicked, this, &ChallengePanel::submit);
    connect(m_cancel, &QPushButton::clicked, this, &ChallengePanel::cancel);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] { finish(m_watcher.result()); });
    connect(m_document, &DesignDocument::designReset, this, &ChallengePanel::refresh);
    const auto markStale = [this] {
        if (!m_table->isHidden())
            m_status->setText(tr("The design changed since it was graded: submit again to see the new result."));
    };
    connect(m_document, &DesignDocument::blockAdded, this, markStale);
    connect(m_document, &DesignDocument::blockRemoved, this, markStale);
    connect(m_document, &DesignDocument::blockChanged, this, markStale);
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

void ChallengePanel::refresh()
{
    const model::Architecture& design = m_document->architecture();
    m_table->hide();
    m_table->setRowCount(0);
    m_score->clear();
    m_next->clear();
    m_hints->clear();
    m_status->clear();
    m_goals->clear();
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
    m_table->setRowCount(int(result.rows.size()));
    for (int r = 0; r < int(result.rows.size()); ++r) {
        const analysis::GoalResult& row = result.rows[size_t(r)];
        const QString load = row.load == model::Challenge::kStatedLoad ? tr("stated")
                             : row.hidden ? tr("%1 (hidden)").arg(qs(row.load))
                                          : qs(row.load);
        const QStringList cells{qs(row.label), load, measuredText(row), qs(analysis::boundText(row)),
                                row.pass ? QString::fromUtf8("✔ PASS") : QString::fromUtf8("✘ FAIL")};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (!row.detail.empty())
                item->setToolTip(qs(row.detail));
            if (c == 4) {
                item->setForeground(row.pass ? passColour : failColour);
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(r, c, item);
        }
    }
    m_table->show();
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
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
    m_score->setText(tr("<b>Score: %1%</b> (%2 of %3 goals passed) · Cost at the stated traffic: %4 ± %5 a month")
                         .arg(result.scorePercent(), 0, 'f', 0)
                         .arg(result.passed())
                         .arg(result.rows.size())
                         .arg(qs(model::formatMetric("cost_per_month", result.costPerMonth.mean)))
                         .arg(qs(model::formatMetric("cost_per_month", result.costPerMonth.halfWidth))));
    m_next->setText(qs(analysis::nextStep(result)));
    m_next->setStyleSheet(result.allPassed() ? "color: #1b7f3b;" : "color: #c62828;");
    QStringList hints;
    for (const auto& hint : result.hints)
        hints << tr("<b>%1</b>: %2 → <i>%3</i>: %4")
                     .arg(qs(analysis::loadPhrase(hint.load, hint.hidden)).toHtmlEscaped(),
                          qs(hint.problem).toHtmlEscaped(), qs(hint.pattern).toHtmlEscaped(),
                          qs(hint.suggestion).toHtmlEscaped());
    m_hints->setText(hints.isEmpty() ? QString() : tr("<b>Advisor:</b><br>") + hints.join("<br>"));
}

} // namespace scalelab::widgets
