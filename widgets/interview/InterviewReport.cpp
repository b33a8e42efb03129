#include "InterviewReport.h"

#include "InterviewClock.h"
#include "RubricHtml.h"
#include "QtText.h"
#include "model/MetricCatalog.h"

#include <QObject>

#include <cmath>

namespace scalelab::widgets {

namespace {

QString tr(const char* text)
{
    return QObject::tr(text);
}

QString esc(const std::string& text)
{
    return toQString(text).toHtmlEscaped();
}

QString measured(const analysis::GoalResult& row)
{
    if (std::isnan(row.mean))
        return tr("no figure");
    return esc(model::formatMetric(row.metric, row.mean)) + QString::fromUtf8(" ± ")
           + esc(model::formatMetric(row.metric, row.halfWidth));
}

QString gradeTable(const analysis::GradeResult& grade)
{
    QString html = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
                   "<tr><th align='left'>" + tr("Load") + "</th><th align='left'>" + tr("Goal")
                   + "</th><th align='left'>" + tr("Measured ± 95% interval") + "</th><th align='left'>" + tr("Target")
                   + "</th><th>" + tr("Result") + "</th></tr>";
    // Failing rows first: the verdict's reasons are what the candidate reads first.
    for (const auto& row : analysis::failingFirst(grade.rows)) {
        const QString load = esc(row.load) + (row.hidden ? " <b>" + tr("(hidden load, now revealed)") + "</b>" : QString());
        const QString verdict = row.pass ? "<span style='color:#1b7f3b'><b>" + tr("pass") + "</b></span>"
                                         : "<span style='color:#b00020'><b>" + tr("FAIL") + "</b></span>";
        QString goal = esc(row.label);
        if (!row.detail.empty())
            goal += "<br><small>" + esc(row.detail) + "</small>";
        html += "<tr><td>" + load + "</td><td>" + goal + "</td><td>" + measured(row) + "</td><td>"
                + esc(analysis::boundText(row)) + "</td><td align='center'>"
                + verdict + "</td></tr>";
    }
    return html + "</table>";
}

// The checklist and the sums side by side: two short lists need not stack.
QString requirementsAndEnvelope(const InterviewSummary& s)
{
    QString requirements = "<h3>" + tr("Requirements: %1 of %2 ticked").arg(s.ticked.size()).arg(s.ticked.size() + s.unticked.size())
                           + "</h3><ul>";
    for (const QString& r : s.ticked)
        requirements += QString::fromUtf8("<li>✔ ") + r.toHtmlEscaped() + "</li>";
    for (const QString& r : s.unticked)
        requirements += QString::fromUtf8("<li style='color:#888'>✘ ") + r.toHtmlEscaped() + "</li>";
    requirements += "</ul>";

    QString envelope = "<h3>" + tr("Back of the envelope") + "</h3>";
    if (s.envelope) {
        envelope += "<ul>";
        for (const auto& step : s.envelope->steps)
            envelope += "<li>" + esc(step.label) + ": " + esc(step.formula) + "</li>";
        envelope += "</ul>";
    } else {
        envelope += "<p>" + tr("The envelope inputs cannot be computed.") + "</p>";
    }
    return "<table width='100%' cellspacing='0' cellpadding='0'><tr><td width='50%' valign='top'>" + requirements
           + "</td><td width='50%' valign='top'>" + envelope + "</td></tr></table>";
}

QString timeline(const InterviewSummary& s)
{
    if (s.phases.empty())
        return {};
    // One column per phase: the timeline reads left to right in three rows.
    QString names = "<tr><th align='left'>" + tr("Phase") + "</th>";
    QString used = "<tr><td>" + tr("Used") + "</td>";
    QString target = "<tr><td>" + tr("Target") + "</td>";
    for (const PhaseTime& phase : s.phases) {
        names += "<th>" + phase.name.toHtmlEscaped() + "</th>";
        const QString time = InterviewClock::format(phase.seconds);
        used += "<td align='center'>"
                + (phase.seconds > phase.targetSeconds ? "<span style='color:#c62828'><b>" + time + "</b></span>" : time) + "</td>";
        target += "<td align='center'>" + InterviewClock::format(phase.targetSeconds) + "</td>";
    }
    QString html = "<h3>" + tr("Timeline") + "</h3><table border='1' cellspacing='0' cellpadding='3'>" + names + "</tr>"
                   + used + "</tr>" + target + "</tr></table>";
    for (const ChangeAnnounced& change : s.changes)
        html += "<p><b>" + tr("Requirement change at %1:").arg(InterviewClock::format(change.atSeconds)) + "</b> "
                + change.announcement.toHtmlEscaped() + " <small>" + tr("(graded under the load \"%1\" from then on)").arg(change.load.toHtmlEscaped())
                + "</small></p>";
    if (s.hints.empty()) {
        html += "<p>" + tr("Hints used: none.") + "</p>";
    } else {
        html += "<p><b>" + tr("Hints used: %1").arg(s.hints.size()) + "</b></p><ol>";
        for (const HintUsed& hint : s.hints)
            html += "<li>" + tr("at %1: ").arg(InterviewClock::format(hint.atSeconds)) + hint.text.toHtmlEscaped() + "</li>";
        html += "</ol>";
    }
    return html;
}

QString deepDive(const InterviewSummary& s)
{
    if (!s.deepDive)
        return {};
    const DeepDiveAnswer& d = *s.deepDive;
    QString html = "<h3>" + tr("Deep dive: which block failed?") + "</h3><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
                   "<tr><th align='left' width='50%'>" + tr("Your answer") + "</th><th align='left'>" + tr("What the run found") + "</th></tr>";
    QString answer = "<b>" + d.blockId.toHtmlEscaped() + "</b>";
    if (!d.why.isEmpty())
        answer += ": " + d.why.toHtmlEscaped();
    if (!d.culprits.isEmpty())
        answer += d.named() ? "<br><span style='color:#1b7f3b'><b>" + tr("You named the right block.") + "</b></span>"
                            : "<br><span style='color:#b00020'><b>" + tr("Not the block the run blames.") + "</b></span>";
    QString found = d.found.isEmpty() ? tr("Nothing failed under the hidden load.") : QString();
    for (const QString& line : d.found)
        found += (found.isEmpty() ? QString() : QStringLiteral("<br>")) + line.toHtmlEscaped();
    return html + "<tr><td valign='top'>" + answer + "</td><td valign='top'>" + found + "</td></tr></table>";
}

} // namespace

QString interviewVerdict(const InterviewSummary& s)
{
    if (!s.grade)
        return tr("Not graded yet: run the stress test when your design is ready.");
    const auto& g = *s.grade;
    if (g.cancelled)
        return tr("Stress test stopped before it finished: run it again for a verdict.");
    const int failed = int(g.rows.size()) - g.passed();
    const QString requirements = tr("%1 of %2 requirements ticked").arg(s.ticked.size()).arg(s.ticked.size() + s.unticked.size());
    if (failed == 0)
        return tr("Pass: the design meets every goal, under the stated load and the hidden one (%1).").arg(requirements);
    return tr("Not yet: %1 of %2 checks failed (score %3%; %4).")
        .arg(failed)
        .arg(g.rows.size())
        .arg(std::round(g.scorePercent()))
        .arg(requirements);
}

QString interviewReportHtml(const InterviewSummary& s)
{
    QString html = "<h2>" + tr("Interview report") + ": " + s.title.toHtmlEscaped() + "</h2>";
    html += "<p><b>" + interviewVerdict(s).toHtmlEscaped() + "</b></p>";
    html += "<p>" + tr("Time used: <b>%1</b> of %2").arg(InterviewClock::format(s.secondsUsed), InterviewClock::format(s.secondsAllowed))
            + "</p>";

    html += timeline(s);
    if (!s.grade) {
        html += "<h3>" + tr("Stress test") + "</h3><p>" + tr("Not run yet. Press <b>Stress test</b>: your design runs under the stated traffic and a "
                           "hidden load, over several seeds.") + "</p>";
        return html + requirementsAndEnvelope(s);
    }
    const auto& g = *s.grade;
    html += deepDive(s);
    if (s.rubric)
        html += rubricHtml(*s.rubric);
    else if (!s.rubricStatus.isEmpty())
        html += "<p><i>" + s.rubricStatus.toHtmlEscaped() + "</i></p>";
    html += "<h3>" + tr("Stress test: the goals") + "</h3>";
    html += gradeTable(g);
    html += "<p>" + tr("Cost at the stated load: %1 ± %2 a month")
                        .arg(esc(model::formatMetric("cost_per_month", g.costPerMonth.mean)),
                             esc(model::formatMetric("cost_per_month", g.costPerMonth.halfWidth)))
            + "</p>";
    for (const auto& hint : g.hints) {
        html += "<p><b>" + tr("Advisor") + " (" + esc(hint.load) + (hint.hidden ? tr(", hidden load") : QString()) + "):</b> "
                + esc(hint.blockName.empty() ? hint.blockId : hint.blockName) + ": " + esc(hint.problem);
        if (!hint.pattern.empty())
            html += " <i>" + esc(hint.pattern) + "</i>";
        if (!hint.suggestion.empty())
            html += " " + esc(hint.suggestion);
        html += "</p>";
    }
    return html + requirementsAndEnvelope(s);
}

} // namespace scalelab::widgets
