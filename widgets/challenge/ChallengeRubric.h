#pragma once
// The Challenge dock's rubric: a button that scores the design on the five
// dimensions (analysis::gradeRubric, on a worker thread through RubricRunner)
// and the result below it, each criterion with its evidence, the weakest
// dimension and the lesson that teaches it.
#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace scalelab::widgets {

class DesignDocument;
class RubricRunner;

class ChallengeRubric : public QWidget {
    Q_OBJECT
public:
    explicit ChallengeRubric(DesignDocument* document, QWidget* parent = nullptr);

    QPushButton* button() const { return m_button; }
    QTextBrowser* view() const { return m_view; }
    RubricRunner* runner() const { return m_runner; }

public slots:
    void grade();

private:
    void showResult();

    DesignDocument* m_document;
    RubricRunner* m_runner;
    QPushButton* m_button;
    QLabel* m_status;
    QTextBrowser* m_view;
};

} // namespace scalelab::widgets
