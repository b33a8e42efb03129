#include "DockLayout.h"

#include "TeachingDockLayout.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QTabBar>
#include <QTimer>

#include <algorithm>
#include <array>
#include <utility>

namespace scalelab::app {

namespace {

// Shown by what the open design holds (a challenge, a lesson, an interview
// under way), never by what the last session had open.
constexpr std::array kTeachingDocks{"ChallengeDock", "LessonDock", "InterviewDock"};
// Shown while a block is selected; none is when a window opens.
constexpr const char* kBlockDock = "BlockDock";

// The bottom row's groups, left to right, and their shares of the width:
// the two headline plots widest, the cost wide enough for its figures.
constexpr std::array<std::pair<const char*, double>, 5> kBottomRow{{{"ProblemsDock", 0.19},
                                                                     {"LatencyDock", 0.22},
                                                                     {"ThroughputDock", 0.21},
                                                                     {"UtilisationDock", 0.19},
                                                                     {"CostDock", 0.19}}};

int clampToInt(double value, int low, int high) { return std::clamp(static_cast<int>(value), low, std::max(low, high)); }

} // namespace

DockLayout::DockLayout(QMainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_defaultState(window->saveState(kStateVersion))
    , m_fitTabs(new QTimer(this))
{
    // Once per event-loop pass however many docks moved or were renamed.
    m_fitTabs->setSingleShot(true);
    m_fitTabs->setInterval(0);
    connect(m_fitTabs, &QTimer::timeout, this, &DockLayout::keepTabsWhole);
    for (QDockWidget* dock : window->findChildren<QDockWidget*>()) {
        dock->setProperty("baseMinimumWidth", dock->minimumWidth());
        const auto refit = [this] { m_fitTabs->start(); };
        connect(dock, &QDockWidget::windowTitleChanged, this, refit);
        connect(dock, &QDockWidget::dockLocationChanged, this, refit);
        connect(dock, &QDockWidget::visibilityChanged, this, refit);
        connect(dock, &QDockWidget::topLevelChanged, this, refit);
    }
    window->installEventFilter(this);
    keepTabsWhole();
}

QDockWidget* DockLayout::dock(const char* objectName) const { return m_window->findChild<QDockWidget*>(objectName); }

bool DockLayout::restore()
{
    QSettings settings;
    if (!m_window->restoreGeometry(settings.value("window/geometry").toByteArray()))
        fitToScreen();
    const bool restored = m_window->restoreState(settings.value("window/state").toByteArray(), kStateVersion);
    if (restored) {
        m_sizesPending = false;
        for (const char* name : kTeachingDocks)
            if (QDockWidget* teaching = dock(name))
                teaching->hide();
        if (QDockWidget* block = dock(kBlockDock); block && !block->isFloating())
            block->hide();
    }
    return restored;
}

void DockLayout::save() const
{
    QSettings settings;
    settings.setValue("window/geometry", m_window->saveGeometry());
    settings.setValue("window/state", m_window->saveState(kStateVersion));
}

void DockLayout::fitToScreen()
{
    const QScreen* screen = m_window->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize size = available.size() * 0.9;
    m_window->resize(size);
    m_window->move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    // Below this the docks and the canvas need every pixel the screen has.
    if (available.width() < 1600 || available.height() < 950)
        m_window->setWindowState(m_window->windowState() | Qt::WindowMaximized);
}

void DockLayout::reset()
{
    QList<QDockWidget*> teaching;
    for (const char* name : kTeachingDocks)
        if (QDockWidget* candidate = dock(name); candidate && !candidate->isHidden())
            teaching << candidate;
    m_window->restoreState(m_defaultState, kStateVersion);
    applyDefaultSizes();
    for (QDockWidget* candidate : teaching)
        giveRightColumnTo(m_window, candidate);
    keepTabsWhole();
}

void DockLayout::applyDefaultSizes()
{
    m_sizesPending = false;
    const double width = m_window->width();
    const double height = m_window->height();
    // Side columns as narrow as their content reads at: the palette at its
    // names' width, the properties form at a label and a field side by side.
    QList<QDockWidget*> columns;
    QList<int> widths;
    if (QDockWidget* palette = dock("PaletteDock"); palette && !palette->isHidden()) {
        columns << palette;
        widths << clampToInt(width * 0.13, palette->minimumSizeHint().width(), 260);
    }
    if (QDockWidget* properties = dock("PropertyDock"); properties && !properties->isHidden()) {
        columns << properties;
        widths << clampToInt(width * 0.22, 300, 440);
    }
    if (!columns.isEmpty())
        m_window->resizeDocks(columns, widths, Qt::Horizontal);

    QList<QDockWidget*> bottom;
    QList<int> shares;
    for (const auto& [name, share] : kBottomRow)
        if (QDockWidget* candidate = dock(name);
            candidate && !candidate->isHidden() && m_window->dockWidgetArea(candidate) == Qt::BottomDockWidgetArea) {
            bottom << candidate;
            shares << static_cast<int>(width * share);
        }
    if (!bottom.isEmpty()) {
        m_window->resizeDocks(bottom, shares, Qt::Horizontal);
        // A fifth of a short window, a little more of a tall one: plots with
        // room for five ticks, the canvas keeping the rest.
        m_window->resizeDocks({bottom.first()}, {clampToInt(height * 0.22, 170, 300)}, Qt::Vertical);
    }
    emit defaultSizesApplied();
}

void DockLayout::keepTabsWhole()
{
    // The main window's tab bars elide titles that do not fit; with none
    // elided and each group at least as wide as its tabs, none are cut.
    for (QTabBar* bar : m_window->findChildren<QTabBar*>(Qt::FindDirectChildrenOnly))
        bar->setElideMode(Qt::ElideNone);
    QTabBar probe;
    probe.setFont(m_window->font());
    for (QDockWidget* candidate : m_window->findChildren<QDockWidget*>()) {
        int needed = candidate->property("baseMinimumWidth").toInt();
        if (!candidate->isFloating() && !candidate->isHidden()) {
            QList<QDockWidget*> group = m_window->tabifiedDockWidgets(candidate);
            group.removeIf([](QDockWidget* other) { return other->isHidden(); });
            if (!group.isEmpty()) {
                group.prepend(candidate);
                while (probe.count())
                    probe.removeTab(0);
                for (QDockWidget* member : group)
                    probe.addTab(member->windowTitle());
                needed = std::max(needed, probe.sizeHint().width() + 8);
            }
        }
        if (candidate->minimumWidth() != needed)
            candidate->setMinimumWidth(needed);
    }
}

bool DockLayout::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::Show && m_sizesPending)
            // After this event the layout gives the docks the window's size.
            QTimer::singleShot(0, this, [this] {
                if (m_sizesPending)
                    applyDefaultSizes();
            });
        else if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange)
            m_fitTabs->start();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace scalelab::app
