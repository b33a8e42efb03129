#pragma once
// The live-simulation half of the main window: the run controller and its
// toolbar, the plot docks (latency, throughput, utilisation, queue,
// instances, cost, selected block), the Faults and Event log docks and the Run
// menu. It routes each snapshot to the plots, the event log and the canvas
// (the live view), clears them when the run's data goes, and reports the
// controller's notices in the status bar. Kept apart from MainWindow, which
// owns the editing and file workflow.
#include "plots/RunHistory.h"
#include "stats/Snapshot.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QStatusBar;
class QTimer;

namespace scalelab::widgets {
class BlockDetailPlots;
class BlockMetricPlot;
class CanvasScene;
class CostPlot;
class DesignDocument;
class AdvisorPanel;
class EventLogPanel;
class FaultsPanel;
class LatencyPlot;
class RunController;
class RunToolBar;
class ThroughputPlot;
class TimeSeriesPlot;
} // namespace scalelab::widgets

namespace scalelab::app {

class RunDocks : public QObject {
    Q_OBJECT
public:
    // Creates the docks in `window` (bottom and right areas) and the toolbar,
    // which the window places.
    // `interactive`: false never opens a modal dialog (screenshots, tests).
    RunDocks(QMainWindow* window, widgets::DesignDocument* document, widgets::CanvasScene* scene,
             QDockWidget* problemsDock, bool interactive);

    widgets::RunController* controller() const { return m_controller; }
    widgets::RunToolBar* toolBar() const { return m_toolBar; }
    widgets::LatencyPlot* latencyPlot() const { return m_latency; }
    widgets::ThroughputPlot* throughputPlot() const { return m_throughput; }
    widgets::BlockMetricPlot* utilizationPlot() const { return m_utilization; }
    widgets::CostPlot* costPlot() const { return m_cost; }
    widgets::BlockDetailPlots* blockPlots() const { return m_blockPlots; }
    QDockWidget* blockDock() const { return m_blockDock; }
    widgets::FaultsPanel* faultsPanel() const { return m_faults; }
    widgets::EventLogPanel* eventLog() const { return m_eventLog; }
    widgets::AdvisorPanel* advisor() const { return m_advisor; }
    // The run's plots in dock order (latency, throughput, utilisation, queue,
    // instances, cost); each one's window title is its dock's.
    std::vector<widgets::TimeSeriesPlot*> runPlots() const;
    // The Run menu: play/pause, step, reset, capacity sweep.
    void fillMenu(QMenu* menu);
    // The Block dock shows while exactly one block is selected, and only
    // then; presenter mode turns it off (its small plots do not project).
    void setBlockDockEnabled(bool enabled);
    // Gives the Block dock most of the properties' column (default layout).
    void sizeBlockDock();

    // What a view fed with a snapshot belongs to, for the frame budget
    // (`bench --ui`): the live canvas, the plots, the other docks.
    enum class ViewPart { Canvas, Plots, Docks };

signals:
    // Every plot and the canvas now show the snapshot taken at `simSeconds`.
    void viewsUpdated(double simSeconds);
    // A view took `nsecs` of the GUI thread to take in a snapshot (its
    // replot and repaint come later, queued).
    void viewFed(scalelab::app::RunDocks::ViewPart part, qint64 nsecs);

private:
    // A lesson, challenge or interview dock is open in the right column.
    bool teachingInRightColumn() const;
    QDockWidget* addDock(QWidget* widget, const QString& title, const QString& objectName);
    void layoutDocks(QDockWidget* problemsDock);
    void showSnapshot();
    void feedNextView();
    void clearData();
    void showApproximation(const stats::Snapshot& snapshot);
    void updateSlo();
    void followSelection();
    void forgetBlock(const QString& id);
    void refuseStart(const QString& message);
    void openCapacitySweep();
    // The run so far, the latest snapshot merged in: what the plots draw.
    const stats::Snapshot& wholeRun();

    QMainWindow* m_window;
    widgets::DesignDocument* m_document;
    widgets::CanvasScene* m_scene;
    QDockWidget* m_problemsDock;
    bool m_interactive;
    widgets::RunController* m_controller;
    widgets::RunToolBar* m_toolBar;
    widgets::LatencyPlot* m_latency = nullptr;
    widgets::ThroughputPlot* m_throughput = nullptr;
    widgets::BlockMetricPlot* m_utilization = nullptr;
    widgets::BlockMetricPlot* m_queue = nullptr;
    widgets::BlockMetricPlot* m_instances = nullptr;
    widgets::CostPlot* m_cost = nullptr;
    widgets::BlockDetailPlots* m_blockPlots = nullptr;
    QDockWidget* m_blockDock = nullptr;
    bool m_blockDockEnabled = true;
    bool m_blockDockSized = false;
    widgets::FaultsPanel* m_faults = nullptr;
    widgets::EventLogPanel* m_eventLog = nullptr;
    QDockWidget* m_eventLogDock = nullptr;
    widgets::AdvisorPanel* m_advisor = nullptr;
    QDockWidget* m_advisorDock = nullptr;
    QAction* m_sweepAction = nullptr;
    // Views fed one per event-loop pass (see showSnapshot).
    struct View {
        ViewPart part;
        std::function<void(const stats::Snapshot&)> show;
    };
    std::vector<View> m_views;
    size_t m_nextView = 0;
    QTimer* m_stagger = nullptr;
    // In the status bar while a run is approximate (cells, shard sampling);
    // its tooltip says how.
    QLabel* m_approximation = nullptr;
    widgets::RunHistory m_history;
    std::shared_ptr<const stats::Snapshot> m_historyOf; // the snapshot last merged into m_history
};

} // namespace scalelab::app
