#pragma once
// The GUI thread's cost of showing the live run, per frame, for
// `bench --ui`. A frame is everything the GUI thread does for one snapshot:
// from its arrival to the next one's, the views taking it in (canvas, plots,
// docks; RunDocks::viewFed), the plots' queued replots (QCustomPlot's
// beforeReplot / afterReplot) and the window's repaints (the top-level
// UpdateRequest, with the canvas viewport's and the plots' paint events
// inside it timed apart). Work the views do outside a frame (before the first
// snapshot) is not counted.
//
// How: an application event filter that, for the paint events it times,
// sends the event on itself (the other filters and the widget see it as
// usual) and swallows the original; a flag stops it timing its own resend.
// Cost: two clock reads per timed event and per view, a few doubles per frame.
// It measures the wall time those calls take on the GUI thread: on a busy
// machine that includes time the thread waited for a core.
#include <QObject>

#include <array>
#include <set>
#include <vector>

class QEvent;
class QMainWindow;
class QWidget;

namespace scalelab::app {

class RunDocks;

class UiFrameBudget : public QObject {
    Q_OBJECT
public:
    // One frame at 60 Hz: a snapshot taken in, replotted and painted within it
    // leaves the window as smooth as the display.
    static constexpr double kBudgetMs = 1000.0 / 60;

    // Where a frame's time went. Paint is the window's repaint less the
    // canvas' and plots' own paint events, which count under their part.
    enum Part { Canvas, Plots, Docks, Paint, PartCount };
    static const char* partName(Part part);

    struct Figures {
        double p50Ms = 0, p95Ms = 0, maxMs = 0, meanMs = 0;
    };
    struct Report {
        int frames = 0;
        int overBudget = 0;
        int repaints = 0;        // of the window
        double largestPieceMs = 0; // the longest single view, replot or repaint: what a stall is made of
        Figures total;
        std::array<Figures, PartCount> parts;
    };

    // Measures `window` (its run docks' views, every QCustomPlot in it, the
    // canvas' `canvasViewport` and the window's repaints) from now until destroyed.
    UiFrameBudget(QMainWindow* window, QWidget* canvasViewport, RunDocks* docks);
    ~UiFrameBudget() override;

    // Closes the frame in progress and summarises every frame so far.
    Report report();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void add(Part part, double ms);
    void closeFrame();
    double timeDelivery(QObject* watched, QEvent* event);

    QMainWindow* m_window;
    QWidget* m_canvasViewport = nullptr;
    std::set<const QObject*> m_plots; // the QCustomPlot widgets
    bool m_inFrame = false;
    std::vector<QEvent*> m_resending; // events sent on by timeDelivery, innermost last
    int m_paintDepth = 0;     // inside a timed window repaint
    double m_nestedMs = 0;    // canvas and plot paints inside the current window repaint
    std::array<double, PartCount> m_frame{};
    std::array<std::vector<double>, PartCount> m_partFrames;
    std::vector<double> m_totals;
    int m_repaints = 0;
    double m_largestPieceMs = 0;
};

} // namespace scalelab::app
