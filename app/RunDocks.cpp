#include "RunDocks.h"

#include "QtText.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "advisor/AdvisorPanel.h"
#include "faults/EventLogPanel.h"
#include "faults/FaultsPanel.h"
#include "model/Registry.h"
#include "plots/BlockDetailPlots.h"
#include "plots/BlockMetricPlot.h"
#include "plots/CostPlot.h"
#include "plots/LatencyPlot.h"
#include "plots/ThroughputPlot.h"
#include "run/RunController.h"
#include "run/RunToolBar.h"
#include "sweep/CapacitySweepDialog.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QMenu>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace scalelab::app {

using widgets::RunController;

RunDocks::RunDocks(QMainWindow* window, widgets::DesignDocument* document, widgets::CanvasScene* scene,
                   QDockWidget* problemsDock, bool interactive)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_scene(scene)
    , m_problemsDock(problemsDock)
    , m_interactive(interactive)
    , m_controller(new RunController(document, this))
    , m_toolBar(new widgets::RunToolBar(m_controller, window))
{
    m_latency = new widgets::LatencyPlot;
    m_throughput = new widgets::ThroughputPlot;
    m_utilization = new widgets::BlockMetricPlot(widgets::BlockMetricPlot::Metric::Utilization);
    m_queue = new widgets::BlockMetricPlot(widgets::BlockMetricPlot::Metric::Queue);
    m_instances = new widgets::BlockMetricPlot(widgets::BlockMetricPlot::Metric::Instances);
    m_cost = new widgets::CostPlot;
    m_blockPlots = new widgets::BlockDetailPlots;
    m_faults = new widgets::FaultsPanel(document, m_controller);
    m_eventLog = new widgets::EventLogPanel;
    m_advisor = new widgets::AdvisorPanel(document);
    layoutDocks(problemsDock);
    using Part = ViewPart;
    m_views = {
        {Part::Canvas, [this](const stats::Snapshot& s) { m_scene->showLiveSnapshot(s); }},
        {Part::Plots, [this](const stats::Snapshot&) { m_latency->appendSnapshot(wholeRun()); }},
        {Part::Plots, [this](const stats::Snapshot&) { m_throughput->appendSnapshot(wholeRun()); }},
        {Part::Plots, [this](const stats::Snapshot&) { m_utilization->appendSnapshot(wholeRun()); }},
        {Part::Plots, [this](const stats::Snapshot&) { m_queue->appendSnapshot(wholeRun()); }},
        {Part::Plots, [this](const stats::Snapshot&) { m_instances->appendSnapshot(wholeRun()); }},
        {Part::Plots, [this](const stats::Snapshot&) { m_cost->appendSnapshot(wholeRun()); }},
        {Part::Plots, [this](const stats::Snapshot&) { m_blockPlots->appendSnapshot(wholeRun()); }},
        {Part::Docks, [this](const stats::Snapshot& s) { m_eventLog->appendSnapshot(s); }},
        {Part::Docks, [this](const stats::Snapshot& s) { m_advisor->appendSnapshot(s); }},
        {Part::Docks, [this](const stats::Snapshot& s) { showApproximation(s); }},
    };
    m_approximation = new QLabel;
    m_approximation->setObjectName("runApproximation");
    m_approximation->hide();
    m_window->statusBar()->addPermanentWidget(m_approximation);
    m_stagger = new QTimer(this);
    m_stagger->setInterval(0);
    connect(m_stagger, &QTimer::timeout, this, &RunDocks::feedNextView);

    m_sweepAction = new QAction(tr("&Capacity Sweep…"), this);
    m_sweepAction->setObjectName("capacitySweep");
    m_sweepAction->setToolTip(tr("Simulate the design at rising load to find its knee and saturation point"));
    connect(m_sweepAction, &QAction::triggered, this, &RunDocks::openCapacitySweep);

    connect(m_controller, &RunController::snapshotReady, this, &RunDocks::showSnapshot);
    connect(m_controller, &RunController::cleared, this, &RunDocks::clearData);
    connect(m_controller, &RunController::notice, this,
            [this](const QString& message) { m_window->statusBar()->showMessage(message, 8000); });
    connect(m_controller, &RunController::startRefused, this, &RunDocks::refuseStart);
    // A fault the user just injected: its cascade is what they want to watch.
    connect(m_controller, &RunController::faultApplied, m_eventLogDock, [this] {
        m_eventLogDock->show();
        m_eventLogDock->raise();
    });
    connect(m_controller, &RunController::failed, this, [this](const QString& message) {
        m_window->statusBar()->showMessage(tr("Simulation stopped: %1").arg(message), 15000);
        if (m_interactive)
            QMessageBox::warning(m_window, tr("Simulation stopped"), message);
    });
    connect(scene, &QGraphicsScene::selectionChanged, this, &RunDocks::followSelection);
    connect(scene, &QGraphicsScene::selectionChanged, this, [this] {
        const auto ids = m_scene->selectedBlockIds();
        m_faults->setSelectedBlock(ids.size() == 1 ? widgets::toQString(ids.front()) : QString());
    });
    connect(document, &widgets::DesignDocument::designReset, this, &RunDocks::updateSlo);
    connect(document, &widgets::DesignDocument::designReset, this, [this] { forgetBlock(m_blockPlots->block()); });
    connect(document, &widgets::DesignDocument::blockRemoved, this, &RunDocks::forgetBlock);
    // Queued: the scene renames its item on the same signal, maybe after us.
    connect(document, &widgets::DesignDocument::blockIdChanged, this,
            [this] { QTimer::singleShot(0, this, &RunDocks::followSelection); });
    connect(document, &widgets::DesignDocument::blockChanged, this, [this] { followSelection(); });
    connect(document, &widgets::DesignDocument::blockChanged, this, &RunDocks::updateSlo);
    connect(document, &widgets::DesignDocument::blockAdded, this, &RunDocks::updateSlo);
    connect(document, &widgets::DesignDocument::blockRemoved, this, &RunDocks::updateSlo);
    updateSlo();
}

QDockWidget* RunDocks::addDock(QWidget* widget, const QString& title, const QString& objectName)
{
    // Plots can shrink far below their comfortable size; without this the
    // window's minimum would be the sum of theirs and small screens could not fit it.
    // 80 wide: the bottom row's five, two of them tab groups as wide as
    // their titles, must fit an 800-wide window above their minimum.
    widget->setMinimumSize(80, 90);
    widget->setWindowTitle(title); // what a report calls the plot
    auto* dock = new QDockWidget(title, m_window);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    return dock;
}

void RunDocks::layoutDocks(QDockWidget* problemsDock)
{
    // Bottom row, left to right: problems, latency, throughput, the
    // per-block plots tabbed (utilisation first: where the bottleneck
    // shows), and the cost. MainWindow sizes them in proportion to the window.
    QDockWidget* latency = addDock(m_latency, tr("Latency"), "LatencyDock");
    QDockWidget* throughput = addDock(m_throughput, tr("Throughput"), "ThroughputDock");
    QDockWidget* utilization = addDock(m_utilization, tr("Utilisation"), "UtilisationDock");
    QDockWidget* queue = addDock(m_queue, tr("Queue"), "QueueDock");
    QDockWidget* instances = addDock(m_instances, tr("Instances"), "InstancesDock");
    m_window->addDockWidget(Qt::BottomDockWidgetArea, latency, Qt::Horizontal);
    m_window->splitDockWidget(latency, throughput, Qt::Horizontal);
    m_window->splitDockWidget(throughput, utilization, Qt::Horizontal);
    // Split before tabifying: splitting a tabbed dock would add a tab.
    QDockWidget* cost = addDock(m_cost, tr("Cost"), "CostDock");
    m_window->splitDockWidget(utilization, cost, Qt::Horizontal);
    m_window->tabifyDockWidget(utilization, queue);
    m_window->tabifyDockWidget(queue, instances);
    utilization->raise();

    // The selected block's own plots sit under its properties (shown only
    // while one block is selected), and the Faults form is a tab behind the
    // properties: all three are about "this block".
    m_blockDock = addDock(m_blockPlots, tr("Block"), "BlockDock");
    // The cost line and one plot with readable ticks; the others scroll.
    m_blockPlots->setMinimumHeight(200);
    // The form's help text wraps; in a short dock it scrolls rather than being clipped.
    auto* faultsScroll = new QScrollArea;
    faultsScroll->setWidget(m_faults);
    faultsScroll->setWidgetResizable(true);
    faultsScroll->setFrameShape(QFrame::NoFrame);
    faultsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QDockWidget* faults = addDock(faultsScroll, tr("Faults"), "FaultsDock");
    if (auto* properties = m_window->findChild<QDockWidget*>("PropertyDock")) {
        m_window->splitDockWidget(properties, m_blockDock, Qt::Vertical);
        m_window->tabifyDockWidget(properties, faults);
        properties->raise();
    } else {
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_blockDock);
        m_window->tabifyDockWidget(m_blockDock, faults);
    }
    m_blockDock->hide(); // until a block is selected
    // The event log is a list of lines like Problems and History: a tab beside them.
    m_eventLogDock = addDock(m_eventLog, tr("Event log"), "EventLogDock");
    m_window->tabifyDockWidget(problemsDock, m_eventLogDock);
    m_advisorDock = addDock(m_advisor, tr("Advisor"), "AdvisorDock");
    m_window->tabifyDockWidget(m_eventLogDock, m_advisorDock);
    problemsDock->raise();
}

std::vector<widgets::TimeSeriesPlot*> RunDocks::runPlots() const
{
    return {m_latency, m_throughput, m_utilization, m_queue, m_instances, m_cost};
}

void RunDocks::fillMenu(QMenu* menu)
{
    menu->addActions({m_toolBar->playPauseAction(), m_toolBar->stepAction(), m_toolBar->resetAction()});
    menu->addSeparator();
    menu->addAction(m_sweepAction);
}

void RunDocks::showSnapshot()
{
    // One view per event-loop pass (a 0 ms timer), each with the newest
    // snapshot: a replot per plot and a canvas repaint in one pass would hold the
    // GUI thread for tens of milliseconds; spread out, input gets in between.
    m_nextView = 0;
    if (!m_stagger->isActive())
        m_stagger->start();
}

void RunDocks::feedNextView()
{
    const auto snapshot = m_controller->latestSnapshot();
    if (!snapshot || m_nextView >= m_views.size()) {
        m_stagger->stop();
        return;
    }
    const View& view = m_views[m_nextView++];
    QElapsedTimer took;
    took.start();
    view.show(*snapshot);
    emit viewFed(view.part, took.nsecsElapsed());
    if (m_nextView == m_views.size()) {
        m_stagger->stop();
        emit viewsUpdated(snapshot->simSeconds);
    }
}

const stats::Snapshot& RunDocks::wholeRun()
{
    // The engine keeps its last 600 windows; the plots show the whole run.
    if (const auto latest = m_controller->latestSnapshot(); latest && latest != m_historyOf) {
        m_history.append(*latest);
        m_historyOf = latest;
    }
    return m_history.whole();
}

void RunDocks::showApproximation(const stats::Snapshot& snapshot)
{
    QString text, tip;
    if (snapshot.cells > 1) {
        text = tr("Cells: 1 of %1 simulated").arg(snapshot.cells);
        tip = tr("The design is simulated as one of %1 identical cells; counts, instances and cost are scaled back "
                 "(\"scale\": {\"cells\"}).")
                  .arg(snapshot.cells);
    }
    if (snapshot.sampled) {
        text = tr("Approximate: shard sampling");
        tip = QString::fromStdString(snapshot.sampling);
    } else if (!snapshot.sampling.empty()) {
        text = text.isEmpty() ? tr("Full simulation (not sampled)") : text;
        tip += (tip.isEmpty() ? "" : "\n") + QString::fromStdString(snapshot.sampling);
    }
    m_approximation->setText(text);
    m_approximation->setToolTip(tip);
    m_approximation->setVisible(!text.isEmpty());
}

void RunDocks::clearData()
{
    m_approximation->hide();
    m_stagger->stop();
    m_history.clear();
    m_historyOf.reset();
    m_latency->clear();
    m_throughput->clear();
    m_utilization->clear();
    m_queue->clear();
    m_instances->clear();
    m_cost->clear();
    m_blockPlots->clear();
    m_eventLog->clear();
    m_advisor->clear();
    m_scene->clearLiveStats();
}

void RunDocks::updateSlo()
{
    // The latency plot shows all clients together; the tightest objective is the one at risk.
    double slo = 0;
    for (const auto& block : m_document->architecture().blocks) {
        const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
        if (spec && spec->param("slo_p95_ms") && block.param("slo_p95_ms") > 0)
            slo = slo > 0 ? std::min(slo, block.param("slo_p95_ms")) : block.param("slo_p95_ms");
    }
    m_latency->setSloMs(slo);
}

void RunDocks::setBlockDockEnabled(bool enabled)
{
    m_blockDockEnabled = enabled;
    if (!enabled)
        m_blockDock->hide();
    else
        m_blockDockSized = false; // back from presenter mode or a reset: the default split again
    followSelection();
}

void RunDocks::followSelection()
{
    const auto ids = m_scene->selectedBlockIds();
    const model::Block* block = ids.size() == 1 ? m_document->architecture().findBlock(ids.front()) : nullptr;
    if (!block) {
        // Nothing, several blocks or a link: no block to tell the story of,
        // and three empty plots would only take the properties' room.
        forgetBlock(m_blockPlots->block());
        return;
    }
    const QString id = widgets::toQString(block->id);
    if (m_blockPlots->block() != id) {
        m_blockPlots->setBlock(id);
        if (m_controller->latestSnapshot())
            m_blockPlots->appendSnapshot(wholeRun()); // the block's whole run, not only the engine's last windows
    }
    m_blockDock->setWindowTitle(tr("Block: %1").arg(widgets::toQString(block->name.empty() ? block->id : block->name)));
    if (!m_blockDockEnabled || m_blockDock->isFloating() || !m_blockDock->isHidden())
        return;
    // A lesson, challenge or interview holds the right column's top, or the
    // Concepts dock its editing group: a third section there would leave each
    // too short to read, so the block's plots become a tab beside the properties.
    auto* properties = m_window->findChild<QDockWidget*>("PropertyDock");
    if (properties && !properties->isHidden() && !properties->isFloating() && teachingInRightColumn()) {
        m_window->tabifyDockWidget(properties, m_blockDock);
        m_blockDock->show();
        properties->raise();
        return;
    }
    m_blockDock->show();
    if (!m_blockDockSized && m_window->isVisible())
        QTimer::singleShot(0, this, &RunDocks::sizeBlockDock); // once the column is laid out with it
}

bool RunDocks::teachingInRightColumn() const
{
    for (const char* name : {"LessonDock", "ChallengeDock", "InterviewDock", "ConceptDock"})
        if (auto* dock = m_window->findChild<QDockWidget*>(name); dock && !dock->isHidden() && !dock->isFloating() &&
                                                                 m_window->dockWidgetArea(dock) == Qt::RightDockWidgetArea)
            return true;
    return false;
}

void RunDocks::sizeBlockDock()
{
    auto* properties = m_window->findChild<QDockWidget*>("PropertyDock");
    if (m_blockDockSized || m_blockDock->isHidden() || !properties || properties->isHidden() || properties->isFloating()
        || m_window->dockWidgetArea(properties) != m_window->dockWidgetArea(m_blockDock)
        || m_window->tabifiedDockWidgets(properties).contains(m_blockDock))
        return;
    m_blockDockSized = true;
    // The form a little over half the column: on a laptop (a column of
    // about 540 px) its first parameters show under the name, id and
    // region, and the plots below keep the first one whole and scroll.
    const int column = properties->height() + m_blockDock->height();
    m_window->resizeDocks({properties, m_blockDock}, {column * 11 / 20, column * 9 / 20}, Qt::Vertical);
}

void RunDocks::forgetBlock(const QString& id)
{
    // Never the story of a block that is gone or no longer selected.
    if (id.isEmpty() || id != m_blockPlots->block())
        return;
    m_blockPlots->setBlock({});
    m_blockPlots->clear();
    m_blockDock->setWindowTitle(tr("Block"));
    if (!m_blockDock->isFloating())
        m_blockDock->hide();
}

void RunDocks::refuseStart(const QString& message)
{
    m_problemsDock->show();
    m_problemsDock->raise();
    m_window->statusBar()->showMessage(message, 15000);
    if (m_interactive)
        QMessageBox::information(m_window, tr("Cannot run the design"),
                                 message + "\n\n" + tr("The Problems list shows what to fix."));
}

void RunDocks::openCapacitySweep()
{
    // A copy of the design as it is now: the sweep runs its own simulations, apart from the live run.
    widgets::CapacitySweepDialog dialog(m_document->architecture(), m_controller->seed(), m_window);
    dialog.exec();
}

} // namespace scalelab::app
