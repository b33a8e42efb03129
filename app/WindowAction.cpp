#include "WindowAction.h"

#include <QAction>
#include <QIcon>
#include <QMainWindow>

namespace scalelab::app {

QAction* addWindowAction(QMainWindow* window, const QString& name, const QString& text, const QKeySequence& shortcut,
                         const QString& iconName)
{
    auto* action = new QAction(text, window);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (!iconName.isEmpty())
        action->setIcon(QIcon(":/actions/" + iconName + ".svg"));
    window->addAction(action); // shortcuts work even when the menu bar is hidden
    return action;
}

} // namespace scalelab::app
