#include "TeachingDockLayout.h"

#include <QList>
#include <QTimer>

#include <algorithm>

namespace scalelab::app {

void giveRightColumnTo(QMainWindow* window, QDockWidget* teaching)
{
    teaching->setFloating(false);
    window->addDockWidget(Qt::RightDockWidgetArea, teaching); // docked on the right, out of any tab group
    teaching->show();
    QList<QDockWidget*> others;
    for (QDockWidget* dock : window->findChildren<QDockWidget*>())
        if (dock != teaching && !dock->isFloating() && !dock->isHidden() &&
            window->dockWidgetArea(dock) == Qt::RightDockWidgetArea)
            others << dock;
    if (others.isEmpty())
        return;
    // Properties heads the group when present: it is what an instruction sends you to.
    std::stable_partition(others.begin(), others.end(),
                          [](QDockWidget* dock) { return dock->objectName() == "PropertyDock"; });
    QDockWidget* below = others.first();
    // Split before tabifying: splitting a tabbed dock would add a tab instead.
    window->splitDockWidget(teaching, below, Qt::Vertical);
    for (qsizetype i = 1; i < others.size(); ++i)
        window->tabifyDockWidget(below, others[i]);
    below->raise();
    // Sized once the window is laid out (a file opened at start-up arrives
    // before the window has its size): the column's own height is shared
    // out, so the plot docks at the bottom keep theirs.
    QTimer::singleShot(0, teaching, [window, teaching, below] {
        const int column = teaching->height() + below->height();
        QList<QDockWidget*> bottom;
        QList<int> heights;
        for (QDockWidget* dock : window->findChildren<QDockWidget*>())
            if (!dock->isHidden() && !dock->isFloating() && window->dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
                bottom << dock;
                heights << std::max(dock->height(), window->height() / 5);
            }
        window->resizeDocks({teaching, below}, {column * 7 / 10, column * 3 / 10}, Qt::Vertical);
        if (!bottom.isEmpty())
            window->resizeDocks(bottom, heights, Qt::Vertical);
    });
}

} // namespace scalelab::app
