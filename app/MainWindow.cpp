#include "MainWindow.h"

#include "CanvasContextMenu.h"
#include "CompareMode.h"
#include "ConceptDock.h"
#include "DesignFiles.h"
#include "DockLayout.h"
#include "EditActions.h"
#include "InterviewMode.h"
#include "LearningPathMode.h"
#include "QtText.h"
#include "PresenterMode.h"
#include "RunDocks.h"
#include "TeachingDocks.h"
#include "WindowAction.h"
#include "canvas/BlockIcons.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignDocument.h"
#include "advisor/AdvisorPanel.h"
#include "faults/EventLogPanel.h"
#include "faults/FaultsPanel.h"
#include "palette/BlockPalette.h"
#include "problems/ProblemsView.h"
#include "properties/PropertyEditor.h"
#include "run/RunController.h"
#include "run/RunToolBar.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoView>

namespace scalelab::app {

MainWindow::MainWindow()
    : MainWindow(Options{})
{
}

MainWindow::MainWindow(Options options)
    : m_options(options)
    , m_document(new widgets::DesignDocument(this))
    , m_scene(new widgets::CanvasScene(m_document, this))
    , m_view(new widgets::CanvasView(m_scene))
{
    widgets::BlockIcons::ensureResources();
    setObjectName("MainWindow");
    setWindowIcon(QIcon(":/icons/scalelab.svg"));
    setCentralWidget(m_view);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    m_files = new DesignFiles(this, m_options.interactive);
    m_edit = new EditActions(this);
    connect(m_files, &DesignFiles::designLoaded, this, [this] {
        m_edit->resetPasteOffset();
        if (isVisible())
            m_view->fitToView();
        else
            m_fittedOnce = false; // fit once the view has its real size
    });
    createDocks();
    m_presenter = new PresenterMode(this);
    createActions();
    createMenusAndToolbar();
    m_layout = new DockLayout(this); // every dock exists: this arrangement is the default
    connect(m_layout, &DockLayout::defaultSizesApplied, m_run, &RunDocks::sizeBlockDock);
    connect(m_layout, &DockLayout::defaultSizesApplied, m_presenter, &PresenterMode::fitLayout);

    m_zoomLabel = new QLabel;
    m_countLabel = new QLabel;
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &widgets::CanvasView::zoomChanged, this,
            [this](double zoom) { m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(zoom * 100))); });
    m_zoomLabel->setText(tr("Zoom 100%"));
    // Space on the canvas: the view keeps space-drag for panning and reports a tap.
    connect(m_view, &widgets::CanvasView::spaceTapped, m_run->controller(), &widgets::RunController::togglePlay);
    connect(m_view, &widgets::CanvasView::contextMenuRequested, new CanvasContextMenu(this), &CanvasContextMenu::popup);
    connect(m_scene, &widgets::CanvasScene::linkRefused, this,
            [this](const QString& reason) { statusBar()->showMessage(tr("Link refused: %1").arg(reason), 6000); });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        m_properties->showSelection(m_scene->selectedBlockIds(), m_scene->selectedLinks());
        m_edit->updateEnabled();
    });
    connect(m_document, &widgets::DesignDocument::modifiedChanged, m_files, &DesignFiles::updateTitle);
    connect(m_document, &widgets::DesignDocument::filePathChanged, m_files, &DesignFiles::updateTitle);
    connect(m_document, &widgets::DesignDocument::designReset, m_files, &DesignFiles::updateTitle);
    connect(QApplication::clipboard(), &QClipboard::dataChanged, m_edit, &EditActions::updateEnabled);

    if (m_options.autosave)
        m_files->enableRecovery();
    if (m_options.useSettings)
        restoreSettings();
    m_files->updateTitle();
    m_edit->updateEnabled();
}

MainWindow::~MainWindow()
{
    // The scene emits selectionChanged while it deletes its items, and the
    // document (an older child) would already be gone: stop listening and
    // take the scene down first.
    m_scene->disconnect(this);
    m_scene->disconnect(m_run);
    m_scene->disconnect(m_concepts);
    delete m_view;
    delete m_scene;
}

// --- Construction ---------------------------------------------------------------

void MainWindow::createDocks()
{
    m_palette = new widgets::BlockPalette;
    auto* paletteDock = new QDockWidget(tr("Blocks"), this);
    paletteDock->setObjectName("PaletteDock");
    paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);
    connect(m_palette, &widgets::BlockPalette::blockActivated, this, &MainWindow::addBlockAtCentre);

    m_properties = new widgets::PropertyEditor(m_document);
    auto* propertyDock = new QDockWidget(tr("Properties"), this);
    propertyDock->setObjectName("PropertyDock");
    propertyDock->setWidget(m_properties);
    propertyDock->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, propertyDock);

    m_problems = new widgets::ProblemsView(m_document);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName("ProblemsDock");
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    connect(m_problems, &widgets::ProblemsView::blockActivated, m_view, &widgets::CanvasView::centreOnBlock);
    connect(m_problems, &widgets::ProblemsView::countsChanged, this, &MainWindow::showProblemCounts);

    m_history = new QUndoView(m_document->undoStack());
    m_history->setEmptyLabel(tr("<opened design>"));
    auto* historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName("HistoryDock");
    historyDock->setWidget(m_history);
    m_problemsDock->raise();
    resizeDocks({paletteDock, propertyDock}, {220, 330}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {150}, Qt::Vertical);

    m_run = new RunDocks(this, m_document, m_scene, m_problemsDock, m_options.interactive);
    // The undo history is about editing, like the properties: a tab behind
    // them, which leaves the bottom row's tabs room for their titles.
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    tabifyDockWidget(findChild<QDockWidget*>("FaultsDock"), historyDock);
    propertyDock->raise();
    connect(m_run->eventLog(), &widgets::EventLogPanel::blocksActivated, m_view, &widgets::CanvasView::revealBlocks);
    connect(m_run->advisor(), &widgets::AdvisorPanel::blocksActivated, m_view, &widgets::CanvasView::revealBlocks);
    connect(m_run->faultsPanel(), &widgets::FaultsPanel::blocksActivated, m_view, &widgets::CanvasView::revealBlocks);

    m_teaching = new TeachingDocks(this, m_document, m_run->controller(), m_options.useSettings);

    m_interview = new InterviewMode(this, m_document, m_options.interactive);
    m_compare = new CompareMode(this, m_document, m_options.interactive);
    connect(m_interview, &InterviewMode::interviewChosen, m_files, &DesignFiles::openInterview);
    const auto openDesign = [this](const QString& path) {
        if (m_files->maybeSave())
            openExample(path);
    };
    connect(m_interview, &InterviewMode::lessonChosen, this, openDesign);

    m_learning = new LearningPathMode(this, m_document, m_options.useSettings);
    m_learning->watch(m_teaching->lessons(), m_teaching->challenge(), m_interview->panel());
    connect(m_learning, &LearningPathMode::openDesignRequested, this, openDesign);
    connect(m_learning, &LearningPathMode::openInterviewRequested, m_files, &DesignFiles::openInterview);
    m_concepts = new ConceptDock(this, m_document, m_scene);
    connect(m_concepts, &ConceptDock::lessonRequested, this, openDesign);
    connect(m_concepts, &ConceptDock::exampleRequested, this, openDesign);

    connect(m_learning, &LearningPathMode::openTradeoffRequested, this, &MainWindow::openTradeoffCard);
    // A card compared counts as that step of the learning path done.
    connect(m_compare, &CompareMode::comparisonFinished, m_learning, &LearningPathMode::markTradeoffDone);
    connect(m_concepts, &ConceptDock::tradeoffRequested, this, &MainWindow::openTradeoffCard);
}

QAction* MainWindow::addAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                               const QString& iconName, void (MainWindow::*slot)())
{
    QAction* action = addWindowAction(this, name, text, shortcut, iconName);
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    return action;
}

QAction* MainWindow::action(const QString& objectName) const { return findChild<QAction*>(objectName); }

void MainWindow::createActions()
{
    m_files->createActions();
    addAction("quit", tr("&Quit"), QKeySequence::Quit, {}, nullptr);
    connect(action("quit"), &QAction::triggered, this, &QWidget::close);

    m_edit->createActions();

    addAction("zoomIn", tr("Zoom &In"), QKeySequence::ZoomIn, "zoom-in", nullptr);
    action("zoomIn")->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(action("zoomIn"), &QAction::triggered, m_view, &widgets::CanvasView::zoomIn);
    addAction("zoomOut", tr("Zoom &Out"), QKeySequence::ZoomOut, "zoom-out", nullptr);
    connect(action("zoomOut"), &QAction::triggered, m_view, &widgets::CanvasView::zoomOut);
    addAction("fit", tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0), "fit", nullptr);
    connect(action("fit"), &QAction::triggered, m_view, &widgets::CanvasView::fitToView);
    addAction("actualSize", tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_1), {}, nullptr);
    connect(action("actualSize"), &QAction::triggered, m_view, &widgets::CanvasView::resetZoom);
    addAction("snap", tr("&Snap to Grid"), {}, {}, nullptr);
    action("snap")->setCheckable(true);
    action("snap")->setChecked(m_scene->snapToGrid());
    connect(action("snap"), &QAction::toggled, this, [this](bool on) {
        m_scene->setSnapToGrid(on);
        QSettings().setValue("snapToGrid", on);
    });
    addAction("presenterMode", tr("&Presenter Mode"), QKeySequence(Qt::Key_F11), {}, nullptr);
    action("presenterMode")->setShortcuts({QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    action("presenterMode")->setCheckable(true);
    action("presenterMode")->setToolTip(tr("Full screen with large text, cards and plot lines, for a projector"));
    connect(action("presenterMode"), &QAction::toggled, m_presenter, &PresenterMode::setActive);
    connect(m_presenter, &PresenterMode::activeChanged, action("presenterMode"), &QAction::setChecked);
    addAction("resetLayout", tr("&Reset Layout"), {}, {}, nullptr);
    action("resetLayout")->setToolTip(tr("Put every panel back where it was on the first start"));
    connect(action("resetLayout"), &QAction::triggered, this, [this] {
        m_layout->reset();
        m_run->setBlockDockEnabled(!m_presenter->isActive());
        m_view->fitToView();
    });
    addAction("about", tr("&About ScaleLab"), {}, {}, nullptr);
    connect(action("about"), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About ScaleLab"),
                           tr("<h3>ScaleLab %1</h3><p>Build software architectures from scaling patterns and "
                              "simulate traffic through them.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createMenusAndToolbar()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({action("new"), action("open"), action("examples"), action("lessons"), action("challenges")});
    m_files->setRecentMenu(file->addMenu(tr("Open &Recent")));
    file->addSeparator();
    file->addActions({action("save"), action("saveAs"), action("exportImage"), action("exportReport")});
    file->addSeparator();
    file->addAction(m_compare->compareWithAction());
    file->addSeparator();
    file->addAction(action("quit"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({action("undo"), action("redo")});
    edit->addSeparator();
    edit->addActions({action("cut"), action("copy"), action("paste"), action("duplicate"), action("delete")});
    edit->addSeparator();
    edit->addAction(action("selectAll"));
    edit->addAction(action("arrange"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions({action("zoomIn"), action("zoomOut"), action("fit"), action("actualSize")});
    view->addSeparator();
    view->addAction(action("snap"));
    view->addAction(action("presenterMode"));
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(action("resetLayout"));

    menuBar()->addMenu(tr("&Design"))->addAction(m_compare->duplicateAction());

    m_run->fillMenu(menuBar()->addMenu(tr("&Run")));

    m_interview->fillMenu(menuBar()->addMenu(tr("&Practice")));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_concepts->showAction());
    help->addAction(m_learning->showAction());
    help->addAction(m_compare->cardsAction());
    help->addSeparator();
    help->addAction(action("about"));

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName("MainToolBar");
    tools->setIconSize(QSize(20, 20));
    tools->addActions({action("new"), action("open"), action("save")});
    tools->addSeparator();
    tools->addActions({action("undo"), action("redo")});
    tools->addSeparator();
    tools->addActions({action("cut"), action("copy"), action("paste"), action("duplicate"), action("delete")});
    tools->addSeparator();
    tools->addActions({action("zoomOut"), action("zoomIn"), action("fit")});
    tools->addSeparator();
    tools->addActions({action("examples"), action("exportImage")});
    addToolBar(m_run->toolBar());
    // Tooltips name the shortcut, so the toolbar teaches the keyboard.
    for (QAction* a : tools->actions())
        if (!a->isSeparator())
            a->setToolTip(a->shortcut().isEmpty()
                              ? a->text().remove('&')
                              : QStringLiteral("%1 (%2)").arg(a->text().remove('&'),
                                                               a->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    m_layout->restore();
    action("snap")->setChecked(settings.value("snapToGrid", true).toBool());
}

// --- Status and files ---------------------------------------------------------------

void MainWindow::showProblemCounts(int errors, int warnings)
{
    const int total = errors + warnings;
    m_problemsDock->setWindowTitle(total ? tr("Problems (%1)").arg(total) : tr("Problems"));
    m_countLabel->setText(tr("%n block(s)", nullptr, static_cast<int>(m_document->architecture().blocks.size()))
                          + (errors ? tr(" · %n error(s)", nullptr, errors) : QString())
                          + (warnings ? tr(" · %n warning(s)", nullptr, warnings) : QString()));
}

void MainWindow::addBlockAtCentre(const QString& kind)
{
    m_scene->addBlock(kind.toStdString(), m_view->visibleCentre());
    m_view->setFocus();
}

QString MainWindow::openFile(const QString& path)
{
    return m_files->openFile(path);
}

QString MainWindow::openExample(const QString& resourcePath)
{
    return m_files->openExample(resourcePath);
}

QString MainWindow::saveTo(const QString& path)
{
    return m_files->saveTo(path);
}

void MainWindow::newDesign()
{
    m_files->newDesign();
}

bool MainWindow::offerRecovery(const QString& requestedFile)
{
    return m_files->offerRecovery(requestedFile);
}

void MainWindow::openTradeoffCard(const QString& cardPath)
{
    m_compare->openCard(cardPath);
}

// --- Events ----------------------------------------------------------------------------

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedOnce) {
        m_fittedOnce = true;
        // After this event the layout gives the view its real size; fit then.
        QTimer::singleShot(0, m_view, &widgets::CanvasView::fitToView);
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_presenter->setActive(false); // the saved layout and the fonts are the everyday ones
    if (m_options.useSettings) {
        m_layout->save();
    }
    m_files->discardRecovery();
    event->accept();
}

} // namespace scalelab::app
