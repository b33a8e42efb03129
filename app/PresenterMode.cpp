#include "PresenterMode.h"

#include "MainWindow.h"
#include "RunDocks.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "plots/PlotMagnifier.h"
#include "plots/TimeSeriesPlot.h"
#include "run/RunToolBar.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QDockWidget>
#include <QTimer>
#include <QToolBar>

namespace scalelab::app {

PresenterMode::PresenterMode(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
    // Graphs appear while a run goes on (a block's first window, the selected block's plots).
    connect(window->run(), &RunDocks::viewsUpdated, this, [this] {
        if (m_active)
            magnifyPlots();
    });
    connect(window->scene(), &QGraphicsScene::selectionChanged, this, [this] {
        if (m_active)
            QTimer::singleShot(0, this, &PresenterMode::magnifyPlots);
    });
}

PresenterMode::~PresenterMode() = default;

void PresenterMode::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active)
        enter();
    else
        leave();
    emit activeChanged(active);
}

void PresenterMode::enter()
{
    m_font = QApplication::font();
    QFont large = m_font;
    if (m_font.pointSizeF() > 0)
        large.setPointSizeF(m_font.pointSizeF() * kScale);
    else
        large.setPixelSize(qRound(m_font.pixelSize() * kScale));
    QApplication::setFont(large);

    m_iconSizes.clear();
    for (QToolBar* toolBar : m_window->findChildren<QToolBar*>()) {
        m_iconSizes[toolBar] = toolBar->iconSize();
        toolBar->setIconSize(toolBar->iconSize() * kScale);
    }

    m_plots = std::make_unique<widgets::PlotMagnifier>(kScale);
    magnifyPlots();

    widgets::CanvasView* view = m_window->view();
    m_viewTransform = view->transform();
    m_fitFloor = view->fitZoomFloor();
    m_fitLimit = view->fitZoomLimit();
    // The whole design in sight, cards up to kScale times larger than everyday.
    view->setFitZoomRange(m_fitFloor, m_fitLimit * kScale);

    m_window->scene()->setTextScale(kScale);

    m_windowState = m_window->windowState();
    m_geometry = m_window->saveGeometry();
    m_dockState = m_window->saveState();
    // The canvas gets their room: the palette (blocks are rarely added in a
    // talk) and the selected block's small plots, unreadable at this size.
    if (auto* dock = m_window->findChild<QDockWidget*>("PaletteDock"))
        dock->hide();
    m_window->run()->setBlockDockEnabled(false);
    if (m_fullScreenAllowed)
        m_window->showFullScreen();
    // Once the larger fonts and the new size are laid out.
    QTimer::singleShot(0, this, &PresenterMode::fitLayout);
}

void PresenterMode::fitLayout()
{
    if (!m_active)
        return;
    // At 1.5 times their size the two toolbars do not share a row on a
    // 1280-wide projector: the run's (with the clock) gets its own rather
    // than hiding its end behind an extension arrow.
    int toolBars = 0;
    for (QToolBar* toolBar : m_window->findChildren<QToolBar*>())
        if (!toolBar->isHidden() && m_window->toolBarArea(toolBar) == Qt::TopToolBarArea)
            toolBars += toolBar->sizeHint().width();
    if (toolBars > m_window->width())
        m_window->insertToolBarBreak(m_window->run()->toolBar());
    // Five plots at 1.5 times their size do not fit a 1280-wide row: the cost
    // joins the utilisation tabs, and the four left get a legible width.
    // leave() restores the saved dock state, and with it the cost's own column.
    auto* cost = m_window->findChild<QDockWidget*>("CostDock");
    auto* instances = m_window->findChild<QDockWidget*>("InstancesDock");
    if (m_window->width() < kFivePlotsWidth && cost && instances && !cost->isHidden() && !instances->isHidden()
        && m_window->tabifiedDockWidgets(cost).isEmpty()) {
        m_window->tabifyDockWidget(instances, cost);
        m_window->findChild<QDockWidget*>("UtilisationDock")->raise();
    }
    // Larger legends and ticks need a taller plot row, and the plots the
    // width: the Problems tabs keep only what their titles need.
    QList<QDockWidget*> row;
    QList<int> widths;
    for (const char* name : {"ProblemsDock", "LatencyDock", "ThroughputDock", "UtilisationDock", "CostDock"})
        if (auto* dock = m_window->findChild<QDockWidget*>(name); dock && !dock->isHidden()
                                                                 && m_window->dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
            row << dock;
            widths << (row.size() == 1 ? 1 : m_window->width());
        }
    if (!row.isEmpty()) {
        m_window->resizeDocks(row, widths, Qt::Horizontal);
        m_window->resizeDocks({row.first()}, {m_window->height() * 3 / 10}, Qt::Vertical);
    }
    m_window->view()->fitToView();
}

void PresenterMode::leave()
{
    QApplication::setFont(m_font);
    for (const auto& [toolBar, size] : m_iconSizes)
        toolBar->setIconSize(size);
    m_iconSizes.clear();
    m_plots.reset(); // restores every plot it magnified
    for (widgets::TimeSeriesPlot* plot : m_window->findChildren<widgets::TimeSeriesPlot*>())
        plot->relayoutLegend();

    m_window->scene()->setTextScale(1.0);
    m_window->removeToolBarBreak(m_window->run()->toolBar());
    m_window->restoreState(m_dockState);
    m_window->run()->setBlockDockEnabled(true);
    if (m_fullScreenAllowed) {
        m_window->setWindowState(m_windowState);
        if (!(m_windowState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
            m_window->restoreGeometry(m_geometry);
    }
    widgets::CanvasView* view = m_window->view();
    view->setFitZoomRange(m_fitFloor, m_fitLimit);
    view->setTransform(m_viewTransform);
    emit view->zoomChanged(view->zoom());
}

void PresenterMode::magnifyPlots()
{
    if (!m_plots)
        return;
    for (QCustomPlot* plot : m_window->findChildren<QCustomPlot*>())
        m_plots->magnify(plot);
    for (widgets::TimeSeriesPlot* plot : m_window->findChildren<widgets::TimeSeriesPlot*>())
        plot->relayoutLegend();
}

} // namespace scalelab::app
