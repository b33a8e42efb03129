#pragma once
// What span of simulated time the run plots show while they follow the run:
// the whole run (0 to now, the default) or the last N seconds. One choice
// for every plot, so stacked and side-by-side plots share their time axis;
// kept in QSettings ("plots/followLastSeconds", 0 = whole run) so it
// survives a restart. Any plot's menu changes it for all.
#include <QObject>

#include <vector>

namespace scalelab::widgets {

class PlotTimeSpan : public QObject {
    Q_OBJECT

public:
    static PlotTimeSpan* instance();

    // 0: the whole run; otherwise the last this many seconds.
    double followSeconds() const { return m_followSeconds; }
    void setFollowSeconds(double seconds);
    // The choices the plots' menus offer, whole run (0) first.
    static std::vector<double> choices();
    // "Whole run", "Last 1 min", "Last 90 s".
    static QString label(double seconds);

signals:
    void changed(double followSeconds);

private:
    PlotTimeSpan();
    double m_followSeconds = 0;
};

} // namespace scalelab::widgets
