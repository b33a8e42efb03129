#include "PlotTimeSpan.h"

#include <QCoreApplication>
#include <QSettings>

#include <cmath>

namespace scalelab::widgets {

namespace {
const char* const kKey = "plots/followLastSeconds";
} // namespace

PlotTimeSpan::PlotTimeSpan()
    : QObject(QCoreApplication::instance())
{
    const double stored = QSettings().value(kKey, 0.0).toDouble();
    m_followSeconds = std::isfinite(stored) && stored > 0 ? stored : 0;
}

PlotTimeSpan* PlotTimeSpan::instance()
{
    // Parented to the application, so it goes with it (tests make one per process).
    static PlotTimeSpan* span = new PlotTimeSpan;
    return span;
}

void PlotTimeSpan::setFollowSeconds(double seconds)
{
    const double value = std::isfinite(seconds) && seconds > 0 ? seconds : 0;
    if (value == m_followSeconds)
        return;
    m_followSeconds = value;
    QSettings().setValue(kKey, value);
    emit changed(value);
}

std::vector<double> PlotTimeSpan::choices()
{
    return {0, 60, 300, 900};
}

QString PlotTimeSpan::label(double seconds)
{
    if (seconds <= 0)
        return tr("Whole run");
    if (std::fmod(seconds, 60) == 0)
        return tr("Last %1 min").arg(seconds / 60);
    return tr("Last %1 s").arg(seconds);
}

} // namespace scalelab::widgets
