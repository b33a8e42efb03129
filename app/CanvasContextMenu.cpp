#include "CanvasContextMenu.h"

#include "MainWindow.h"
#include "QtText.h"
#include "RunDocks.h"
#include "document/DesignDocument.h"
#include "faults/FaultTarget.h"
#include "faults/FaultsPanel.h"
#include "model/FaultCatalog.h"
#include "run/RunController.h"

#include <QDockWidget>
#include <QMenu>

namespace scalelab::app {

namespace {

// "Crash instances (1 instance)", "Slow down (5 x slower)", "Flush cache".
QString faultText(const model::FaultSpec& spec)
{
    const QString label = widgets::toQString(spec.label);
    if (!spec.hasValue)
        return label;
    QString unit = widgets::toQString(spec.valueLabel);
    if (spec.wholeNumber && spec.defaultValue == 1 && unit.endsWith('s'))
        unit.chop(1); // a count of one
    return QObject::tr("%1 (%2 %3)").arg(label, QString::number(spec.defaultValue), unit);
}

void showDock(QMainWindow* window, const char* objectName)
{
    if (auto* dock = window->findChild<QDockWidget*>(objectName)) {
        dock->show();
        dock->raise();
    }
}

} // namespace

CanvasContextMenu::CanvasContextMenu(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
}

void CanvasContextMenu::popup(const QPoint& globalPos, const QString& blockId)
{
    QMenu* menu = build(blockId).release();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

std::unique_ptr<QMenu> CanvasContextMenu::build(const QString& blockId) const
{
    auto menu = std::make_unique<QMenu>(m_window);
    menu->setToolTipsVisible(true); // a disabled fault says why
    const auto addExisting = [&](const char* name) {
        if (QAction* action = m_window->action(name))
            menu->addAction(action);
    };
    if (!blockId.isEmpty()) {
        addBlockFaults(menu.get(), blockId);
        menu->addSeparator();
        for (const char* name : {"cut", "copy", "duplicate", "delete"})
            addExisting(name);
        menu->addSeparator();
        QAction* properties = menu->addAction(tr("Properties"));
        connect(properties, &QAction::triggered, m_window, [window = m_window] { showDock(window, "PropertyDock"); });
        return menu;
    }
    for (const char* name : {"paste", "delete", "selectAll"})
        addExisting(name);
    menu->addSeparator();
    for (const char* name : {"arrange", "fit"})
        addExisting(name);
    return menu;
}

void CanvasContextMenu::addBlockFaults(QMenu* menu, const QString& blockId) const
{
    const model::Architecture& design = m_window->document()->architecture();
    const model::Block* block = design.findBlock(blockId.toStdString());
    widgets::RunController* run = m_window->run()->controller();
    const bool running = run->state() != widgets::RunController::State::Stopped;
    if (!block)
        return;
    bool any = false;
    for (const model::FaultSpec& spec : model::faultSpecs()) {
        if (spec.target != model::FaultSpec::Target::Block || !spec.appliesTo(block->kind))
            continue;
        for (const widgets::FaultTarget& target : widgets::FaultTarget::listFor(spec, design)) {
            if (target.block != block->id)
                continue;
            const model::Fault fault = target.fault(spec, spec.defaultValue, 0);
            QAction* action = menu->addAction(faultText(spec));
            const QString refusal = !running ? tr("Press Play first: faults strike a running simulation.")
                                             : widgets::toQString(model::faultRefusal(fault, design));
            action->setEnabled(refusal.isEmpty());
            action->setToolTip(refusal.isEmpty() ? widgets::toQString(spec.help) : refusal);
            connect(action, &QAction::triggered, run, [run, fault] { run->injectFault(fault); });
            any = true;
        }
    }
    if (!any)
        return;
    QAction* recover = menu->addAction(tr("Recover"));
    recover->setEnabled(running);
    recover->setToolTip(tr("End every fault on this block now"));
    connect(recover, &QAction::triggered, run, [run, blockId] { run->recoverBlock(blockId); });
    QAction* more = menu->addAction(tr("Other Faults…"));
    more->setToolTip(tr("The Faults dock: any value, a duration, links and regions"));
    connect(more, &QAction::triggered, m_window, [window = m_window] { showDock(window, "FaultsDock"); });
}

} // namespace scalelab::app
