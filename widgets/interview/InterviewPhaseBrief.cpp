#include "InterviewPhaseBrief.h"

#include "InterviewPhases.h"
#include "QtText.h"

#include <QLocale>
#include <QObject>

#include <vector>

namespace scalelab::widgets {

namespace {

QString tr(const char* text) { return QObject::tr(text); }

QString esc(const std::string& text) { return toQString(text).toHtmlEscaped(); }

QString list(const QString& title, const std::vector<std::string>& items)
{
    if (items.empty())
        return {};
    QString html = "<p><b>" + title + "</b></p><ul>";
    for (const std::string& item : items)
        html += "<li>" + esc(item) + "</li>";
    return html + "</ul>";
}

QString number(double value) { return QLocale().toString(value, 'g', 6); }

QString scaleHtml(const model::Interview& interview)
{
    const model::ProblemScale& s = interview.scale;
    QStringList rows;
    if (s.dailyUsers > 0)
        rows << tr("Daily users: <b>%1</b>").arg(number(s.dailyUsers));
    if (s.peakRps > 0)
        rows << tr("Peak: <b>%1 requests/s</b>").arg(number(s.peakRps));
    if (s.readShare > 0)
        rows << tr("Reads: <b>%1%</b>, writes %2%").arg(number(s.readShare * 100), number((1 - s.readShare) * 100));
    if (s.storageGb > 0)
        rows << tr("Storage after a year: <b>%1 GB</b>").arg(number(s.storageGb));
    if (interview.budgetPerMonth > 0)
        rows << tr("Budget: <b>$%1 a month</b>").arg(number(interview.budgetPerMonth));
    if (rows.isEmpty())
        return {};
    return "<p><b>" + tr("Scale") + "</b></p><ul><li>" + rows.join("</li><li>") + "</li></ul>";
}

// The guide's part for a phase, as lines (one endpoint or table per line).
QString guideHtml(const std::string& text)
{
    return "<pre style='white-space: pre-wrap'>" + esc(text) + "</pre>";
}

const char* task(model::InterviewPhase phase)
{
    switch (phase) {
    case model::InterviewPhase::Requirements:
        return QT_TR_NOOP("Clarify what the system must do and how well. Write the requirements you would confirm "
                          "with the interviewer in your notes below.");
    case model::InterviewPhase::Estimation:
        return QT_TR_NOOP("Size the system: peak requests per second, reads against writes, storage and bandwidth. "
                          "The Envelope tab does the sums; write your estimate below.");
    case model::InterviewPhase::Api:
        return QT_TR_NOOP("Sketch the API: one endpoint per line, with what it takes and returns.");
    case model::InterviewPhase::DataModel:
        return QT_TR_NOOP("Sketch the data model: the tables or records, their keys, and what is read together.");
    case model::InterviewPhase::HighLevelDesign:
        return QT_TR_NOOP("Build the design on the canvas: blocks from the palette, wired from the clients to the "
                          "data. Run it to see where it saturates.");
    case model::InterviewPhase::DeepDive:
        return QT_TR_NOOP("Press <b>Stress test my design</b>: the hidden load and its fault are injected. Before "
                          "the result shows, name the block that failed and say why.");
    }
    return "";
}

} // namespace

QString phaseBriefHtml(const model::Interview& interview, int phase, bool done)
{
    const auto which = model::InterviewPhase(phase);
    QString html = "<p>" + tr(task(which)) + "</p>";
    const std::string* guide = nullptr;
    switch (which) {
    case model::InterviewPhase::Requirements:
        html += list(tr("Functional requirements"), interview.functional);
        html += list(tr("Non-functional requirements"), interview.nonFunctional);
        html += scaleHtml(interview);
        html += list(tr("Constraints"), interview.constraints);
        break;
    case model::InterviewPhase::Estimation:
        html += scaleHtml(interview);
        guide = &interview.guide.estimation;
        break;
    case model::InterviewPhase::Api: guide = &interview.guide.api; break;
    case model::InterviewPhase::DataModel: guide = &interview.guide.dataModel; break;
    case model::InterviewPhase::HighLevelDesign:
    case model::InterviewPhase::DeepDive: break;
    }
    if (guide && !guide->empty()) {
        if (done)
            html += "<p><b>" + tr("Model answer") + "</b> <small>" + tr("(shown now that you have finished this phase: compare it with yours)")
                    + "</small></p>" + guideHtml(*guide);
        else
            html += "<p><small>" + tr("A model answer shows here once you move on to the next phase.") + "</small></p>";
    }
    return html;
}

} // namespace scalelab::widgets
