#pragma once
// A plot of per-window values over simulated time: the base of the live
// plot docks. It keeps one row per statistics window for the whole run (up
// to maxSamples, a day at 1 s, the oldest dropped beyond that), draws the
// rows in view decimated to a few points per pixel (MinMaxDecimation: every
// spike survives), and follows the run until the user zooms or drags:
// either the whole run, the time axis growing from 0 to now, or the last N
// seconds (PlotTimeSpan, one choice for all plots). The run's event log is
// drawn as markers on the time axis (TimeMarkers). It shows the values under
// the mouse and exports PNG, PDF or CSV. Subclasses only say which series
// exist and how a window becomes one value per series. Its parts:
// PlotRows holds the rows, GraphDataFeed fills the graphs, PlotReadout is the hover read-out,
// PlotButtons the Follow, span and Save buttons, PlotLayoutFit fits the
// legend, title and ticks to the plot's size.
#include "GraphDataFeed.h"
#include "PlotLayoutFit.h"
#include "PlotRows.h"
#include "stats/Snapshot.h"

#include <QColor>
#include <QWidget>

#include <deque>
#include <memory>
#include <vector>

class QCustomPlot;
class QCPGraph;

namespace scalelab::widgets {

class PlotButtons;
class PlotReadout;
class TimeMarkers;

class TimeSeriesPlot : public QWidget {
    Q_OBJECT

public:
    explicit TimeSeriesPlot(QWidget* parent = nullptr);
    ~TimeSeriesPlot() override;

    // Appends the windows of `snapshot` (taken with series) that end after the
    // newest one held, and its event-log entries as markers. When the
    // snapshot's clock or newest window is earlier than what is held, the run
    // was reset: the plot clears first. Replots at most once.
    void appendSnapshot(const stats::Snapshot& snapshot);
    void clear();

    // While following: 0, the whole run (0 to now); otherwise the last this
    // many seconds. Starts as PlotTimeSpan's choice and follows its changes.
    void setFollowSeconds(double seconds);
    double followSeconds() const { return m_followSeconds; }
    void setMaxSamples(int count); // rows kept (default 86,400: a day at 1 s)
    int maxSamples() const { return m_rows.limit(); }
    // Points each graph holds now: the rows in view, decimated.
    int drawnPointCount() const { return m_feed.drawnPointCount(); }
    // How the graphs were filled so far: rebuilt whole (a zoom, a new
    // series, decimation), and rows appended to what they held (following
    // a live run at up to two rows a pixel). For tests and benchmarks.
    int graphRebuilds() const { return m_feed.rebuilds(); }
    int rowsAppendedToGraphs() const { return m_feed.appendedRows(); }
    TimeMarkers* markers() const { return m_markers; }
    bool isFollowing() const { return m_following; }
    void setLegendShown(bool shown);
    // The "simulated time (s)" title; stacked plots show it on the lowest only.
    void setTimeAxisTitleShown(bool shown);

    // Writes the plot as .png, .pdf or .csv (by the extension of `path`).
    // False when the extension is none of these or writing failed.
    bool exportTo(const QString& path);
    // Every buffered row: a header ("time_s" then "name (unit)" per series), one line per window.
    QString csv() const;

    int sampleCount() const { return static_cast<int>(m_rows.all().size()); }
    double firstSeconds() const;
    double lastSeconds() const; // newest window end held; -infinity when empty
    int seriesCount() const { return static_cast<int>(m_series.size()); }
    QString seriesName(int series) const;
    QCPGraph* graph(int series) const;
    QCustomPlot* customPlot() const { return m_plot; }
    // The value axis' title (a compact one where the plot is short).
    void setValueAxisLabel(const QString& label);
    // What the hover read-out shows for the window nearest `seconds`.
    QString readoutAt(double seconds) const;
    // Wraps the legend to the plot's width; again after its fonts change (presenter mode).
    void relayoutLegend();
    // The legend for a picture `width` wide with no buttons beside it (a
    // report figure); relayoutLegend() afterwards restores the widget's.
    void layoutLegendForPicture(int width);

public slots:
    void setFollowing(bool following);

signals:
    void followingChanged(bool following);

protected:
    // The windows that set this plot's clock, oldest first; nullptr when the
    // snapshot has none for this plot. Default: all clients together.
    virtual const std::vector<stats::WindowSample>* timeline(const stats::Snapshot& snapshot) const;
    // Called before a snapshot's windows are read: add series for new blocks.
    virtual void prepare(const stats::Snapshot& snapshot);
    // One value per series for window `index` of timeline(snapshot); NaN leaves a gap.
    virtual std::vector<double> rowValues(const stats::Snapshot& snapshot, size_t index) const = 0;
    // What the graphs draw for a row; stacked areas draw running sums.
    virtual std::vector<double> displayValues(const std::vector<double>& values) const;
    // Top of the value axis while following, given the largest value drawn.
    virtual double valueCeiling(double largestShown) const;
    // Bottom of the value axis while following (default 0).
    virtual double valueFloor() const { return 0; }
    // How the read-out writes a value of `series` (default: the number and its unit).
    virtual QString valueText(int series, double value) const;
    // After rows were appended or cleared, before the axes follow them.
    virtual void rowsChanged() {}

    // Adds a graph; returns its series index.
    int addSeries(const QString& name, const QString& unit, const QColor& color);
    // A series whose meaning depends on what the plot shows now (the read-out and CSV use it).
    void renameSeries(int series, const QString& name, const QString& unit);
    // Rows held: simulated time, raw values and what the graphs draw, oldest first.
    using Row = PlotRow;
    const std::deque<Row>& rows() const { return m_rows.all(); }
    // While following: the span followed, values from valueFloor() to valueCeiling().
    void updateAxes();

    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Series {
        QString name, unit;
        QCPGraph* graph = nullptr;
    };

    // Puts the rows in view, decimated, into the graphs (when view or rows changed).
    void redrawGraphs();
    void updateSpanButton();
    void showReadout(double pixelX);
    void buildControls();
    void saveWithDialog(const QString& extension, const QString& filter);
    void onRangeChanged();

    QCustomPlot* m_plot = nullptr;
    PlotLayoutFit m_layoutFit; // legend, time-axis title and value ticks for the plot's size
    PlotButtons* m_buttons = nullptr;
    TimeMarkers* m_markers = nullptr;
    std::unique_ptr<PlotReadout> m_readout;
    std::vector<Series> m_series;
    PlotRows m_rows;
    GraphDataFeed m_feed;
    double m_followSeconds = 0;
    bool m_replotWhenShown = false; // snapshots came while the window hid this plot
    bool m_following = true;
    bool m_settingRange = false; // our own range changes must not stop following
};

} // namespace scalelab::widgets
