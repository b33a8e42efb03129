#pragma once
// The on-screen interview report: time used, requirements ticked, the
// envelope figures and, once the stress test has run, every goal under every
// load (the hidden ones revealed), pass/fail, a verdict and the Advisor's hint.
#include "analysis/Envelope.h"
#include "analysis/Grader.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace scalelab::widgets {

struct InterviewSummary {
    QString title;
    int secondsAllowed = 0;
    int secondsUsed = 0;
    QStringList ticked;   // requirements the candidate says the design covers
    QStringList unticked;
    std::optional<analysis::EnvelopeFigures> envelope;
    std::optional<analysis::GradeResult> grade; // empty until the stress test has run
};

// One line: "Pass: ...", "Not yet: ..." or "Run the stress test ...".
QString interviewVerdict(const InterviewSummary& summary);
// Rich text for a QTextBrowser.
QString interviewReportHtml(const InterviewSummary& summary);

} // namespace scalelab::widgets
