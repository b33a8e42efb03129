#pragma once
// The interview report in a window of its own, sized to its text so the
// verdict, every graded row and the requirements show without scrolling on
// a 1600 x 1000 screen (the Interview dock's Report tab is a narrow column,
// where the failing row ended below the fold).
#include "InterviewReport.h"

#include <QDialog>

class QTextBrowser;

namespace scalelab::widgets {

class InterviewReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit InterviewReportDialog(QWidget* parent = nullptr);

    // Shows `summary` and resizes the window to it (within the screen).
    void setSummary(const InterviewSummary& summary);
    QTextBrowser* browser() const { return m_browser; }
    // Resizes to the text, within `available` (a screen's available size).
    void fitTo(QSize available);

private:
    QTextBrowser* m_browser;
};

} // namespace scalelab::widgets
