#pragma once
// The property editor's preview of a client's traffic: a small plot of the
// offered rate over the next few minutes (two periods for a diurnal cycle),
// computed by the engine's own sim::TrafficProfile so the picture is the
// curve the simulation follows. A closed-model client has no offered rate:
// it shows its virtual users and think time instead.
#include "model/Architecture.h"

#include <QVector>
#include <QWidget>

class QCPGraph;
class QCustomPlot;
class QLabel;

namespace scalelab::widgets {

class TrafficPreview : public QWidget {
    Q_OBJECT
public:
    explicit TrafficPreview(QWidget* parent = nullptr);

    // True for block kinds with a traffic model (clients).
    static bool appliesTo(const model::Block& block);
    void showBlock(const model::Block& block);

    // Seconds the preview covers for `block`: long enough for a ramp's stages
    // or a spike to end, two periods of a diurnal cycle, else five minutes.
    static double horizonSeconds(const model::Block& block);
    // (seconds, rps) samples of the offered rate over the horizon.
    static void sample(const model::Block& block, QVector<double>& seconds, QVector<double>& rps);

    QCustomPlot* plot() const { return m_plot; }
    QLabel* caption() const { return m_caption; }

private:
    QLabel* m_caption;
    QCustomPlot* m_plot;
    QCPGraph* m_graph;
};

} // namespace scalelab::widgets
