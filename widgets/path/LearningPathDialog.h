#pragma once
// Help > Learning path: the four tiers with their steps (lessons, trade-off
// cards, challenges, interview problems), each done, available or locked
// (which steps it waits for), the share of each tier done, and the next
// recommended step (the first available one not done, in tier order) with an
// Open button. Opening a step is the window's job: the dialog says which file
// through one signal per way of opening it. Non-modal, so the path stays in
// view while the learner works.
#include "model/LearningPath.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace scalelab::widgets {

class PathProgress;

class LearningPathDialog : public QDialog {
    Q_OBJECT
public:
    LearningPathDialog(model::LearningPath path, PathProgress* progress, QWidget* parent = nullptr);

    const model::LearningPath& path() const { return m_path; }
    QTreeWidget* tree() const { return m_tree; }
    QPushButton* openNextButton() const { return m_openNext; }
    QLabel* nextLabel() const { return m_next; }
    // The step's line in the tree ("lesson:caching"); null if none.
    QTreeWidgetItem* itemFor(const QString& stepId) const;
    // A tier's line: "Foundations — 3 of 10 done (30%)".
    QString tierLine(int tier) const;

public slots:
    // Emits the signal that opens `stepId`'s file; false for an unknown id.
    bool openStep(const QString& stepId);
    void openNext();
    void refresh();

signals:
    // A lesson or challenge: a design to open as a new, untitled design.
    void openDesignRequested(const QString& resourcePath);
    // An interview problem: open it and start the interview.
    void openInterviewRequested(const QString& resourcePath);
    // A trade-off card: open the compare window with its two designs.
    void openTradeoffRequested(const QString& cardPath);

private:
    void askReset();

    model::LearningPath m_path;
    PathProgress* m_progress;
    QLabel* m_next;
    QLabel* m_nextWhy;
    QPushButton* m_openNext;
    QTreeWidget* m_tree;
};

} // namespace scalelab::widgets
