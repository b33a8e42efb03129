#pragma once
// The Interview dock's Phase tab: the current phase's task and what the
// candidate reads in it (InterviewPhaseBrief), a notes box per phase, and in
// the deep dive the answer the candidate gives before the stress test's
// result shows (which block failed, and why).
#include "model/Interview.h"

#include <QWidget>

#include <array>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace scalelab::widgets {

class InterviewPhases;

class InterviewPhasePanel : public QWidget {
    Q_OBJECT
public:
    InterviewPhasePanel(InterviewPhases* phases, QWidget* parent = nullptr);

    // The problem and the blocks the candidate can name in the deep dive (ids).
    void setInterview(const model::Interview& interview, const QStringList& blockIds);
    // The notes as the document holds them (after an undo, say); emits nothing.
    void setNotes(const std::array<std::string, model::kInterviewPhaseCount>& notes);
    // The stress test finished and waits for the candidate's answer.
    void setAnswerPending(bool pending);

    QTextBrowser* brief() const { return m_brief; }
    QPlainTextEdit* notes(int phase) const { return m_notes.at(size_t(phase)); }
    QComboBox* failedBlock() const { return m_failedBlock; }
    QLineEdit* why() const { return m_why; }
    QPushButton* revealButton() const { return m_reveal; }

signals:
    void noteEdited(int phase, const QString& text);
    void answerGiven(const QString& blockId, const QString& why);

private:
    void showPhase();

    InterviewPhases* m_phases;
    std::optional<model::Interview> m_interview;
    QLabel* m_heading;
    QPushButton* m_previous;
    QPushButton* m_next;
    QTextBrowser* m_brief;
    QLabel* m_notesLabel;
    QStackedWidget* m_notesStack;
    std::array<QPlainTextEdit*, model::kInterviewPhaseCount> m_notes{};
    QWidget* m_answer;
    QComboBox* m_failedBlock;
    QLineEdit* m_why;
    QPushButton* m_reveal;
};

} // namespace scalelab::widgets
