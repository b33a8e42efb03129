#include "UiFrameBudget.h"

#include "RunDocks.h"
#include "run/RunController.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QMainWindow>
#include <QWindow>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace scalelab::app {

namespace {

UiFrameBudget::Figures figuresOf(std::vector<double> values)
{
    UiFrameBudget::Figures figures;
    if (values.empty())
        return figures;
    std::sort(values.begin(), values.end());
    // Nearest rank: a figure some frame really took.
    auto rank = [&](double q) {
        const auto index = static_cast<size_t>(std::max(0.0, std::ceil(q * static_cast<double>(values.size())) - 1));
        return values[std::min(index, values.size() - 1)];
    };
    figures.p50Ms = rank(0.50);
    figures.p95Ms = rank(0.95);
    figures.maxMs = values.back();
    figures.meanMs = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    return figures;
}

} // namespace

const char* UiFrameBudget::partName(Part part)
{
    switch (part) {
    case Canvas: return "canvas";
    case Plots: return "plots";
    case Docks: return "docks";
    case Paint: return "paint";
    case PartCount: break;
    }
    return "?";
}

UiFrameBudget::UiFrameBudget(QMainWindow* window, QWidget* canvasViewport, RunDocks* docks)
    : QObject(window)
    , m_window(window)
    , m_canvasViewport(canvasViewport)
{
    connect(docks->controller(), &widgets::RunController::snapshotReady, this, [this] {
        closeFrame();
        m_inFrame = true;
    });
    connect(docks, &RunDocks::viewFed, this, [this](RunDocks::ViewPart part, qint64 nsecs) {
        const Part into = part == RunDocks::ViewPart::Canvas ? Canvas : part == RunDocks::ViewPart::Plots ? Plots : Docks;
        add(into, static_cast<double>(nsecs) / 1e6);
    });
    for (QCustomPlot* plot : window->findChildren<QCustomPlot*>()) {
        m_plots.insert(plot);
        auto clock = std::make_shared<QElapsedTimer>();
        connect(plot, &QCustomPlot::beforeReplot, this, [clock] { clock->start(); });
        connect(plot, &QCustomPlot::afterReplot, this, [this, clock] {
            if (clock->isValid())
                add(Plots, static_cast<double>(clock->nsecsElapsed()) / 1e6);
            clock->invalidate();
        });
    }
    QCoreApplication::instance()->installEventFilter(this);
}

UiFrameBudget::~UiFrameBudget()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

bool UiFrameBudget::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if ((type != QEvent::UpdateRequest && type != QEvent::Paint) ||
        std::find(m_resending.begin(), m_resending.end(), event) != m_resending.end())
        return false;
    if (type == QEvent::UpdateRequest && (watched == m_window || watched == m_window->windowHandle())) {
        ++m_paintDepth;
        const double nestedBefore = m_nestedMs;
        m_nestedMs = 0;
        const double ms = timeDelivery(watched, event);
        add(Paint, std::max(0.0, ms - m_nestedMs));
        m_nestedMs = nestedBefore;
        --m_paintDepth;
        ++m_repaints;
        return true;
    }
    if (type != QEvent::Paint)
        return false;
    const bool canvas = watched == m_canvasViewport;
    if (!canvas && !m_plots.count(watched))
        return false;
    const double ms = timeDelivery(watched, event);
    add(canvas ? Canvas : Plots, ms);
    if (m_paintDepth > 0)
        m_nestedMs += ms;
    return true;
}

double UiFrameBudget::timeDelivery(QObject* watched, QEvent* event)
{
    // The event goes on to the other filters and the object as it would
    // have; the original delivery is then swallowed by returning true.
    m_resending.push_back(event);
    QElapsedTimer clock;
    clock.start();
    QCoreApplication::sendEvent(watched, event);
    const double ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    m_resending.pop_back();
    return ms;
}

void UiFrameBudget::add(Part part, double ms)
{
    if (!m_inFrame)
        return;
    m_frame[part] += ms;
    m_largestPieceMs = std::max(m_largestPieceMs, ms);
}

void UiFrameBudget::closeFrame()
{
    if (!m_inFrame)
        return;
    double total = 0;
    for (int part = 0; part < PartCount; ++part) {
        m_partFrames[part].push_back(m_frame[part]);
        total += m_frame[part];
    }
    m_totals.push_back(total);
    m_frame.fill(0);
    m_inFrame = false;
}

UiFrameBudget::Report UiFrameBudget::report()
{
    closeFrame();
    Report report;
    report.frames = static_cast<int>(m_totals.size());
    report.overBudget = static_cast<int>(std::count_if(m_totals.begin(), m_totals.end(),
                                                       [](double ms) { return ms > kBudgetMs; }));
    report.repaints = m_repaints;
    report.largestPieceMs = m_largestPieceMs;
    report.total = figuresOf(m_totals);
    for (int part = 0; part < PartCount; ++part)
        report.parts[part] = figuresOf(m_partFrames[part]);
    return report;
}

} // namespace scalelab::app
