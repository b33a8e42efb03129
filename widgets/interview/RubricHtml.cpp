#include "RubricHtml.h"

#include "QtText.h"

#include <QFileInfo>
#include <QLocale>
#include <QObject>

#include <cmath>

namespace scalelab::widgets {

namespace {

QString tr(const char* text) { return QObject::tr(text); }

QString esc(const std::string& text) { return toQString(text).toHtmlEscaped(); }

QString points(double value) { return QLocale().toString(value, 'g', 3); }

QString figure(const analysis::RubricEvidence& e)
{
    if (std::isnan(e.value))
        return QString::fromUtf8("—");
    QString text = QLocale().toString(e.value, 'g', 4);
    if (e.halfWidth > 0)
        text += QString::fromUtf8(" ± ") + QLocale().toString(e.halfWidth, 'g', 3);
    return text + (e.unit.empty() ? QString() : " " + esc(e.unit));
}

QString colourFor(double got, double max)
{
    if (got >= max)
        return QStringLiteral("#1b7f3b");
    return got >= max / 2 ? QStringLiteral("#b36b00") : QStringLiteral("#b00020");
}

} // namespace

QString rubricHtml(const analysis::RubricResult& rubric, bool lessonLink)
{
    const analysis::RubricScore& weakest = rubric.weakest();
    QString html = "<h3>" + tr("Rubric: %1 / 100, %2").arg(points(rubric.total()), tr(analysis::rubricVerdictName(rubric.verdict())))
                   + "</h3>";
    // Where the points went first: the weakest dimension and what to study.
    html += "<p style='background:#fdecea; padding:6px'><b>" + tr("Weakest: %1, %2 of %3 points.")
                .arg(tr(analysis::rubricDimensionName(weakest.dimension)), points(weakest.points), points(analysis::kRubricDimensionPoints))
            + "</b> ";
    for (const auto& e : weakest.evidence)
        if (!e.met() && !e.detail.empty()) {
            html += esc(e.detail) + " ";
            break;
        }
    if (!weakest.lesson.empty() && !lessonLink)
        html += tr("Study the lesson <i>%1</i> (File, Lessons…).").arg(QFileInfo(toQString(weakest.lesson)).completeBaseName().toHtmlEscaped());
    else if (!weakest.lesson.empty())
        html += "<a href='" + QString(kLessonLinkScheme) + ":" + esc(weakest.lesson) + "'>" + tr("Open the lesson that teaches it") + "</a>";
    html += "</p>";

    html += "<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr><th align='left'>" + tr("Criterion")
            + "</th><th align='left'>" + tr("Run") + "</th><th align='left'>" + tr("Measured ± 95%") + "</th><th>"
            + tr("Points") + "</th></tr>";
    for (const analysis::RubricScore& score : rubric.dimensions) {
        html += "<tr><td colspan='3' style='background:#eef1f5'><b>" + tr(analysis::rubricDimensionName(score.dimension))
                + "</b></td><td align='center' style='background:#eef1f5'><b><span style='color:" + colourFor(score.points, analysis::kRubricDimensionPoints)
                + "'>" + points(score.points) + " / " + points(analysis::kRubricDimensionPoints) + "</span></b></td></tr>";
        for (const analysis::RubricEvidence& e : score.evidence) {
            QString criterion = esc(e.criterion);
            if (!e.detail.empty())
                criterion += "<br><small>" + esc(e.detail) + "</small>";
            html += "<tr><td>" + criterion + "</td><td>" + esc(e.run) + "</td><td>" + figure(e) + "</td><td align='center'><span style='color:"
                    + colourFor(e.points, e.maxPoints) + "'>" + points(e.points) + " / " + points(e.maxPoints) + "</span></td></tr>";
        }
    }
    return html + "</table>";
}

} // namespace scalelab::widgets
