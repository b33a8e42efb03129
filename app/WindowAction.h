#pragma once
// An action of the main window: named, so MainWindow::action() and the
// menus find it by name, and added to the window itself, so its shortcut
// works even when the menu bar is hidden (presenter mode).
#include <QAction>
#include <QKeySequence>
#include <QString>

class QMainWindow;

namespace scalelab::app {

// `iconName`, when given, is ":/actions/NAME.svg".
QAction* addWindowAction(QMainWindow* window, const QString& name, const QString& text, const QKeySequence& shortcut,
                         const QString& iconName);

// The same, triggering `slot` of `receiver` (a member function or a functor).
template <typename Receiver, typename Slot>
QAction* addWindowAction(QMainWindow* window, const QString& name, const QString& text, const QKeySequence& shortcut,
                         const QString& iconName, const Receiver* receiver, Slot slot)
{
    QAction* action = addWindowAction(window, name, text, shortcut, iconName);
    QObject::connect(action, &QAction::triggered, receiver, slot);
    return action;
}

} // namespace scalelab::app
