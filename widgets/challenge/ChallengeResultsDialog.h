#pragma once
// A graded challenge's results in a window of their own, sized to show every
// row without scrolling: the score and cost, the "Next:" line, then each goal
// under each load, failing ones first, with its measured mean, 95% interval
// and target, and the advisor's hints below. The Challenge dock is a narrow
// column; a verdict a student has to scroll for is a verdict they miss.
#include "analysis/Grader.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace scalelab::widgets {

class ChallengeResultsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { GoalColumn, LoadColumn, MeasuredColumn, IntervalColumn, TargetColumn, ResultColumn, ColumnCount };

    explicit ChallengeResultsDialog(QWidget* parent = nullptr);

    // Fills the window and resizes it to its content (within the screen).
    void setResult(const QString& title, const analysis::GradeResult& result);
    QTableWidget* table() const { return m_table; }
    // Resizes to the content, within `available` (a screen's available size).
    void fitTo(QSize available);
    QString scoreText() const;
    QString nextText() const;

private:

    QLabel* m_title;
    QLabel* m_score;
    QLabel* m_next;
    QTableWidget* m_table;
    QLabel* m_hints;
};

} // namespace scalelab::widgets
