#include "PresenterMode.h"

#include "MainWindow.h"
#include "RunDocks.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "plots/PlotMagnifier.h"
#include "plots/TimeSeriesPlot.h"

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

    m_windowState = m_window->windowState();
    m_geometry = m_window->saveGeometry();
    m_dockState = m_window->saveState();
    // The canvas gets their room: the palette (blocks are rarely added in a
    // talk) and the selected block's small plots, unreadable at this size.
    for (const char* name : {"PaletteDock", "BlockDock"})
        if (auto* dock = m_window->findChild<QDockWidget*>(name))
            dock->hide();
    if (m_fullScreenAllowed)
        m_window->showFullScreen();
    // Fit once the new size and fonts are laid out.
    QTimer::singleShot(0, view, &widgets::CanvasView::fitToView);
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

    m_window->restoreState(m_dockState);
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
