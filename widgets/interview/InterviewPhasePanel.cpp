#include "InterviewPhasePanel.h"

#include "InterviewPhaseBrief.h"
#include "InterviewPhases.h"
#include "QtText.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace scalelab::widgets {

InterviewPhasePanel::InterviewPhasePanel(InterviewPhases* phases, QWidget* parent)
    : QWidget(parent)
    , m_phases(phases)
{
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName("phaseHeading");
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_heading->setAlignment(Qt::AlignCenter);
    m_heading->setWordWrap(true);
    m_previous = new QPushButton(QString::fromUtf8("◀"), this);
    m_previous->setObjectName("previousPhase");
    m_previous->setToolTip(tr("Back to the previous phase"));
    connect(m_previous, &QPushButton::clicked, m_phases, &InterviewPhases::previous);
    m_next = new QPushButton(tr("Next") + QString::fromUtf8(" ▶"), this);
    m_next->setObjectName("nextPhase");
    m_next->setToolTip(tr("On to the next phase: this one's model answer shows when you come back to it"));
    connect(m_next, &QPushButton::clicked, m_phases, &InterviewPhases::next);
    auto* headingRow = new QHBoxLayout;
    headingRow->addWidget(m_previous);
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_next);
    layout->addLayout(headingRow);
    m_brief = new QTextBrowser(this);
    m_brief->setObjectName("phaseBrief");
    m_brief->setMinimumHeight(150);
    layout->addWidget(m_brief, 3);

    m_answer = new QWidget(this);
    m_answer->setObjectName("deepDiveAnswer");
    auto* form = new QFormLayout(m_answer);
    form->setContentsMargins(0, 0, 0, 0);
    m_failedBlock = new QComboBox(m_answer);
    m_failedBlock->setObjectName("failedBlock");
    form->addRow(tr("Which block failed?"), m_failedBlock);
    m_why = new QLineEdit(m_answer);
    m_why->setObjectName("failedWhy");
    m_why->setPlaceholderText(tr("Why it failed, and what would have saved it"));
    form->addRow(tr("Why?"), m_why);
    m_reveal = new QPushButton(tr("Give my answer and show the result"), m_answer);
    m_reveal->setObjectName("revealResult");
    m_reveal->setEnabled(false);
    m_reveal->setToolTip(tr("Enabled once the stress test has run: the result shows after your answer."));
    form->addRow(m_reveal);
    connect(m_reveal, &QPushButton::clicked, this,
            [this] { emit answerGiven(m_failedBlock->currentText(), m_why->text().trimmed()); });
    layout->addWidget(m_answer);

    m_notesLabel = new QLabel(this);
    layout->addWidget(m_notesLabel);
    m_notesStack = new QStackedWidget(this);
    for (int phase = 0; phase < model::kInterviewPhaseCount; ++phase) {
        auto* box = new QPlainTextEdit(m_notesStack);
        box->setObjectName(QStringLiteral("phaseNotes_%1").arg(model::kInterviewPhaseKeys.at(size_t(phase))));
        box->setPlaceholderText(tr("Your notes for this phase (saved with the design)"));
        connect(box, &QPlainTextEdit::textChanged, this, [this, phase, box] { emit noteEdited(phase, box->toPlainText()); });
        m_notes.at(size_t(phase)) = box;
        m_notesStack->addWidget(box);
    }
    m_notesStack->setMinimumHeight(80);
    layout->addWidget(m_notesStack, 2);
    connect(m_phases, &InterviewPhases::changed, this, &InterviewPhasePanel::showPhase);
    showPhase();
}

void InterviewPhasePanel::setInterview(const model::Interview& interview, const QStringList& blockIds)
{
    m_interview = interview;
    m_failedBlock->clear();
    m_failedBlock->addItems(blockIds);
    m_why->clear();
    setNotes(interview.phaseNotes);
    setAnswerPending(false);
    showPhase();
}

void InterviewPhasePanel::setNotes(const std::array<std::string, model::kInterviewPhaseCount>& notes)
{
    for (int phase = 0; phase < model::kInterviewPhaseCount; ++phase) {
        QPlainTextEdit* box = m_notes.at(size_t(phase));
        const QString text = toQString(notes.at(size_t(phase)));
        if (box->toPlainText() == text)
            continue;
        const QSignalBlocker block(box);
        box->setPlainText(text);
        box->moveCursor(QTextCursor::End);
    }
}

void InterviewPhasePanel::setAnswerPending(bool pending)
{
    m_reveal->setEnabled(pending);
    if (pending)
        m_failedBlock->setFocus();
}

void InterviewPhasePanel::showPhase()
{
    const int phase = m_phases->current();
    m_heading->setText(tr("Phase %1 of %2: %3").arg(phase + 1).arg(model::kInterviewPhaseCount).arg(InterviewPhases::name(phase)));
    // The brief's text changes only with the phase: keeping it avoids resetting the scroll on every tick.
    const QString html = m_interview ? phaseBriefHtml(*m_interview, phase, m_phases->done(phase)) : QString();
    if (m_brief->property("shownHtml").toString() != html) {
        m_brief->setHtml(html);
        m_brief->setProperty("shownHtml", html);
    }
    m_notesStack->setCurrentIndex(phase);
    m_previous->setEnabled(phase > 0);
    m_next->setEnabled(!m_phases->isLast());
    m_notesLabel->setText(tr("Notes: %1").arg(InterviewPhases::name(phase)));
    m_answer->setVisible(m_phases->currentPhase() == model::InterviewPhase::DeepDive);
}

} // namespace scalelab::widgets
