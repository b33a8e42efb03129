#pragma once
// The on-screen interview report: time used, requirements ticked, the
// envelope figures and, once the stress test has run, every goal under every
// load (the hidden ones revealed), pass/fail, a verdict and the Advisor's hint.
#include "analysis/Envelope.h"
#include "analysis/Grader.h"
#include "analysis/Rubric.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace scalelab::widgets {

// Time spent in one interview phase against its target.
struct PhaseTime {
    QString name;
    int seconds = 0;
    int targetSeconds = 0;
};

// A hint the candidate asked for, and when (seconds into the interview).
struct HintUsed {
    int atSeconds = 0;
    QString text;
};

// A requirement change the interviewer announced.
struct ChangeAnnounced {
    int atSeconds = 0;
    QString announcement;
    QString load; // the load the design is graded under from then on
};

// The deep dive: the candidate's answer, and what the run found.
struct DeepDiveAnswer {
    QString blockId;
    QString why;
    QStringList found;  // the hidden load's faults and the Advisor's reading, one per line
    QStringList culprits; // the block ids the run blames
    bool named() const { return culprits.contains(blockId); }
};

struct InterviewSummary {
    QString title;
    int secondsAllowed = 0;
    int secondsUsed = 0;
    QStringList ticked;   // requirements the candidate says the design covers
    QStringList unticked;
    std::optional<analysis::EnvelopeFigures> envelope;
    std::optional<analysis::GradeResult> grade; // empty until the stress test has run
    std::vector<PhaseTime> phases;
    std::vector<HintUsed> hints;
    std::vector<ChangeAnnounced> changes;
    std::optional<DeepDiveAnswer> deepDive;
    std::optional<analysis::RubricResult> rubric; // empty until graded
    QString rubricStatus;                         // "Grading the rubric…" or why it failed
};

// One line: "Pass: ...", "Not yet: ..." or "Run the stress test ...".
QString interviewVerdict(const InterviewSummary& summary);
// Rich text for a QTextBrowser.
QString interviewReportHtml(const InterviewSummary& summary);

} // namespace scalelab::widgets
