#include "ConceptDock.h"

#include "canvas/BlockIcons.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "help/ConceptBrowser.h"
#include "io/ConceptReader.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>

#include <algorithm>
#include <exception>

namespace scalelab::app {

ConceptDock::ConceptDock(QMainWindow* window, widgets::DesignDocument* document, widgets::CanvasScene* scene)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_scene(scene)
    , m_dock(new QDockWidget(tr("Concepts"), window))
    , m_show(new QAction(tr("&Concept Library"), this))
{
    m_dock->setObjectName("ConceptDock");
    m_dock->setMinimumWidth(320);
    widgets::BlockIcons::ensureResources();
    try {
        QFile file(kConceptsResource);
        file.open(QIODevice::ReadOnly); // a missing resource reads as empty text: the reader says so
        m_browser = new widgets::ConceptBrowser(io::parseConceptLibrary(file.readAll().toStdString(), "concepts.json"));
        m_dock->setWidget(m_browser);
        connect(m_browser, &widgets::ConceptBrowser::lessonRequested, this, &ConceptDock::lessonRequested);
        connect(m_browser, &widgets::ConceptBrowser::exampleRequested, this, &ConceptDock::exampleRequested);
        connect(m_browser, &widgets::ConceptBrowser::tradeoffRequested, this, &ConceptDock::tradeoffRequested);
    } catch (const std::exception& error) {
        auto* message = new QLabel(tr("The concept library could not be read: %1").arg(QString::fromUtf8(error.what())));
        message->setWordWrap(true);
        m_dock->setWidget(message);
    }
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();

    m_show->setObjectName("conceptLibrary");
    m_show->setShortcut(QKeySequence::HelpContents); // F1
    m_show->setToolTip(tr("When to use each pattern, when not to, its trade-offs and numbers, and what to say in an interview"));
    connect(m_show, &QAction::triggered, this, &ConceptDock::showLibrary);
    window->addAction(m_show); // F1 works with the menu bar hidden (presenter mode)

    connect(scene, &QGraphicsScene::selectionChanged, this, &ConceptDock::followSelection);
}

void ConceptDock::showLibrary()
{
    if (m_dock->isHidden()) {
        // A tab of the right-hand column's editing group (Properties, Block, Faults): the page
        // then has the column's full height to be read in, the properties stay one click away,
        // and a lesson or challenge at the column's top keeps its place.
        auto* properties = m_window->findChild<QDockWidget*>("PropertyDock");
        if (properties && !properties->isHidden() && !properties->isFloating() &&
            m_window->dockWidgetArea(properties) == Qt::RightDockWidgetArea) {
            m_window->tabifyDockWidget(properties, m_dock);
            // The selected block's plots, split below, would leave the page a few lines: a tab too
            // (as RunDocks does while the Concepts dock is open, see teachingInRightColumn).
            if (auto* block = m_window->findChild<QDockWidget*>("BlockDock");
                block && !block->isHidden() && !block->isFloating() &&
                m_window->dockWidgetArea(block) == Qt::RightDockWidgetArea)
                m_window->tabifyDockWidget(properties, block);
        } else
            m_window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
        m_dock->show();
        // A page of prose wants a wider column than the properties form: about 60 characters a line.
        m_window->resizeDocks({m_dock}, {std::clamp(m_window->width() * 28 / 100, 360, 480)}, Qt::Horizontal);
    }
    m_dock->show();
    m_dock->raise();
    followSelection();
    if (m_browser)
        m_browser->searchField()->setFocus();
}

void ConceptDock::followSelection()
{
    // Only a reader who has the dock in view wants it to follow; it never takes the focus.
    if (!m_browser || !m_dock->isVisible())
        return;
    for (const std::string& id : m_scene->selectedBlockIds())
        if (const model::Block* block = m_document->architecture().findBlock(id)) {
            m_browser->showKind(QString::fromStdString(block->kind));
            return;
        }
}

} // namespace scalelab::app
