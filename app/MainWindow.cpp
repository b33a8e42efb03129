#include "MainWindow.h"

#include "CompareMode.h"
#include "ConceptDock.h"
#include "DockLayout.h"
#include "InterviewMode.h"
#include "LearningPathMode.h"
#include "QtText.h"
#include "PresenterMode.h"
#include "RecentFiles.h"
#include "ReportExport.h"
#include "RecoveryFile.h"
#include "RunDocks.h"
#include "TeachingDocks.h"
#include "canvas/BlockIcons.h"
#include "canvas/CanvasExporter.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignClipboard.h"
#include "document/DesignDocument.h"
#include "examples/ExampleLibrary.h"
#include "examples/GalleryDialog.h"
#include "interview/InterviewClock.h"
#include "interview/InterviewPanel.h"
#include "advisor/AdvisorPanel.h"
#include "faults/EventLogPanel.h"
#include "faults/FaultsPanel.h"
#include "io/LoadError.h"
#include "io/ScenarioFile.h"
#include "model/StatedTraffic.h"
#include "palette/BlockPalette.h"
#include "problems/ProblemsView.h"
#include "properties/PropertyEditor.h"
#include "run/RunController.h"
#include "run/RunToolBar.h"

#include <algorithm>

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

#include <exception>

namespace scalelab::app {

using widgets::toQString;

namespace {
const QString kFileFilter = QObject::tr("ScaleLab designs (*.scalelab);;All files (*)");
constexpr QPointF kPasteStep(40, 40);
} // namespace

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
    connect(m_scene, &widgets::CanvasScene::linkRefused, this,
            [this](const QString& reason) { statusBar()->showMessage(tr("Link refused: %1").arg(reason), 6000); });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        m_properties->showSelection(m_scene->selectedBlockIds(), m_scene->selectedLinks());
        updateEditActions();
    });
    connect(m_document, &widgets::DesignDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &widgets::DesignDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &widgets::DesignDocument::designReset, this, &MainWindow::updateTitle);
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, &MainWindow::updateEditActions);

    if (m_options.autosave)
        m_recovery = new RecoveryFile(m_document, {}, this);
    if (m_options.useSettings)
        restoreSettings();
    updateTitle();
    updateEditActions();
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
    connect(m_interview, &InterviewMode::interviewChosen, this, &MainWindow::openInterview);
    const auto openDesign = [this](const QString& path) {
        if (maybeSave())
            openExample(path);
    };
    connect(m_interview, &InterviewMode::lessonChosen, this, openDesign);

    m_learning = new LearningPathMode(this, m_document, m_options.useSettings);
    m_learning->watch(m_teaching->lessons(), m_teaching->challenge(), m_interview->panel());
    connect(m_learning, &LearningPathMode::openDesignRequested, this, openDesign);
    connect(m_learning, &LearningPathMode::openInterviewRequested, this, &MainWindow::openInterview);
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
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (!iconName.isEmpty())
        action->setIcon(QIcon(":/actions/" + iconName + ".svg"));
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    QMainWindow::addAction(action); // shortcuts work even when the menu bar is hidden
    return action;
}

QAction* MainWindow::action(const QString& objectName) const { return findChild<QAction*>(objectName); }

void MainWindow::createActions()
{
    addAction("new", tr("&New"), QKeySequence::New, "new", &MainWindow::newDesign);
    addAction("open", tr("&Open…"), QKeySequence::Open, "open", &MainWindow::open);
    addAction("examples", tr("&Examples…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), "examples",
              &MainWindow::showExamples);
    addAction("lessons", tr("&Lessons…"), {}, {}, &MainWindow::showLessons);
    addAction("challenges", tr("&Challenges…"), {}, {}, &MainWindow::showChallenges);
    addAction("save", tr("&Save"), QKeySequence::Save, "save", nullptr);
    connect(action("save"), &QAction::triggered, this, [this] { save(); });
    addAction("saveAs", tr("Save &As…"), QKeySequence::SaveAs, {}, nullptr);
    connect(action("saveAs"), &QAction::triggered, this, [this] { saveAs(); });
    addAction("exportImage", tr("&Export Image…"), QKeySequence(Qt::CTRL | Qt::Key_E), "export",
              &MainWindow::exportImage);
    addAction("exportReport", tr("Export &Report…"), QKeySequence(Qt::CTRL | Qt::Key_P), {}, &MainWindow::exportReport);
    action("exportReport")->setToolTip(tr("Write a PDF with the design, its blocks, the last run's plots and figures, "
                                          "and the advisor's findings"));
    addAction("quit", tr("&Quit"), QKeySequence::Quit, {}, nullptr);
    connect(action("quit"), &QAction::triggered, this, &QWidget::close);

    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName("undo");
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(QIcon(":/actions/undo.svg"));
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName("redo");
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIcon(QIcon(":/actions/redo.svg"));
    QMainWindow::addActions({undo, redo});

    addAction("cut", tr("Cu&t"), QKeySequence::Cut, "cut", &MainWindow::cutSelection);
    addAction("copy", tr("&Copy"), QKeySequence::Copy, "copy", &MainWindow::copySelection);
    addAction("paste", tr("&Paste"), QKeySequence::Paste, "paste", &MainWindow::paste);
    addAction("duplicate", tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), "duplicate", &MainWindow::duplicate);
    addAction("delete", tr("&Delete"), QKeySequence::Delete, "delete", nullptr);
    action("delete")->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(action("delete"), &QAction::triggered, m_scene, &widgets::CanvasScene::deleteSelection);
    addAction("selectAll", tr("Select &All"), QKeySequence::SelectAll, {}, &MainWindow::selectAll);
    addAction("arrange", tr("Arrange &Automatically"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), {}, nullptr);
    connect(action("arrange"), &QAction::triggered, this, [this] {
        if (const QString error = m_scene->arrangeAutomatically(); !error.isEmpty())
            statusBar()->showMessage(error, 10000);
        else
            m_view->fitToView();
    });

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
    QMenu* recentMenu = file->addMenu(tr("Open &Recent"));
    m_recent = new RecentFiles(recentMenu, this);
    connect(m_recent, &RecentFiles::fileChosen, this, [this](const QString& path) {
        if (maybeSave())
            openFile(path);
    });
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

// --- Title, status -----------------------------------------------------------------

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    QString name = path.isEmpty() ? toQString(m_document->architecture().name) : QFileInfo(path).fileName();
    if (name.isEmpty())
        name = tr("Untitled");
    setWindowTitle(tr("%1[*] — ScaleLab").arg(name));
    setWindowModified(m_document->isModified());
    setWindowFilePath(path);
}

void MainWindow::updateEditActions()
{
    const bool blocks = !m_scene->selectedBlockIds().empty();
    const bool any = blocks || !m_scene->selectedLinks().empty();
    action("cut")->setEnabled(blocks);
    action("copy")->setEnabled(blocks);
    action("duplicate")->setEnabled(blocks);
    action("delete")->setEnabled(any);
    const QMimeData* data = QApplication::clipboard()->mimeData();
    action("paste")->setEnabled(data && (data->hasFormat(widgets::DesignClipboard::kMimeType) || data->hasText()));
}

void MainWindow::showProblemCounts(int errors, int warnings)
{
    const int total = errors + warnings;
    m_problemsDock->setWindowTitle(total ? tr("Problems (%1)").arg(total) : tr("Problems"));
    m_countLabel->setText(tr("%n block(s)", nullptr, static_cast<int>(m_document->architecture().blocks.size()))
                          + (errors ? tr(" · %n error(s)", nullptr, errors) : QString())
                          + (warnings ? tr(" · %n warning(s)", nullptr, warnings) : QString()));
}

void MainWindow::reportError(const QString& title, const QString& message)
{
    statusBar()->showMessage(message, 10000);
    if (m_options.interactive)
        QMessageBox::critical(this, title, message);
}

// --- Files ---------------------------------------------------------------------------

bool MainWindow::allBlocksStacked(const model::Architecture& design)
{
    if (design.blocks.size() < 2)
        return false;
    const model::Block& first = design.blocks.front();
    return std::all_of(design.blocks.begin(), design.blocks.end(),
                       [&](const model::Block& block) { return block.x == first.x && block.y == first.y; });
}

void MainWindow::loadDesign(model::Architecture design, const QString& path)
{
    model::applyStatedTraffic(design); // Play runs what the grader grades; a missing block is the validator's to report
    const bool stacked = allBlocksStacked(design);
    m_document->reset(std::move(design), path);
    if (stacked) {
        // A file written by hand or by a script often gives no positions:
        // every block would sit on one spot. Lay it out as loaded, not as
        // an edit (nothing to save, nothing to undo).
        m_scene->arrangeAutomatically();
        m_document->undoStack()->clear();
    }
    m_pasteCount = 0;
    if (isVisible())
        m_view->fitToView();
    else
        m_fittedOnce = false; // fit once the view has its real size
}

void MainWindow::newDesign()
{
    if (!maybeSave())
        return;
    model::Architecture empty;
    empty.name = tr("Untitled").toStdString();
    loadDesign(std::move(empty), {});
    m_view->resetZoom();
    m_view->centerOn(QPointF(400, 200));
}

QString MainWindow::openFile(const QString& path)
{
    try {
        // Read into a local first: a file that fails leaves the open design untouched.
        model::Architecture design = io::readScenario(QFileInfo(path).absoluteFilePath().toStdString());
        loadDesign(std::move(design), QFileInfo(path).absoluteFilePath());
        m_recent->add(path);
        m_learning->setSource(path);
        if (m_recovery)
            m_recovery->discard();
        statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 4000);
        m_interview->offerInterview();
        return {};
    } catch (const std::exception& error) {
        const QString message = QString::fromUtf8(error.what());
        reportError(tr("Cannot open design"), message);
        return message;
    }
}

void MainWindow::openTradeoffCard(const QString& cardPath)
{
    m_compare->openCard(cardPath);
}

QString MainWindow::openExample(const QString& resourcePath)
{
    try {
        loadDesign(widgets::ExampleLibrary::load(resourcePath), {});
        m_learning->setSource(resourcePath);
        return {};
    } catch (const std::exception& error) {
        const QString message = QString::fromUtf8(error.what());
        reportError(tr("Cannot open example"), message);
        return message;
    }
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString dir = QFileInfo(m_recent->files().value(0)).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Design"), dir, kFileFilter);
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::showExamples()
{
    showGallery(widgets::ExampleLibrary::kExamplesFolder, tr("Examples"), tr("No examples are built in."));
}

void MainWindow::showLessons()
{
    showGallery(widgets::ExampleLibrary::kLessonsFolder, tr("Lessons"), tr("No lessons are built in yet."));
}

void MainWindow::showChallenges()
{
    showGallery(widgets::ExampleLibrary::kChallengesFolder, tr("Challenges"), tr("No challenges are built in yet."));
}

void MainWindow::openInterview(const QString& resourcePath)
{
    if (maybeSave() && openExample(resourcePath).isEmpty() && m_interview->startCurrent())
        m_interview->panel()->clock()->start();
}

void MainWindow::showGallery(const QString& folder, const QString& title, const QString& emptyText)
{
    if (!maybeSave())
        return;
    widgets::GalleryDialog dialog(folder, title, emptyText, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedPath().isEmpty())
        openExample(dialog.selectedPath());
}

QString MainWindow::saveTo(const QString& path)
{
    try {
        io::writeScenario(m_document->architecture(), path.toStdString());
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    m_document->setFilePath(QFileInfo(path).absoluteFilePath());
    m_document->markSaved();
    m_recent->add(path);
    if (m_recovery)
        m_recovery->discard();
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return {};
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    const QString error = saveTo(m_document->filePath());
    if (!error.isEmpty())
        reportError(tr("Cannot save design"), error);
    return error.isEmpty();
}

bool MainWindow::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty()) {
        const QString base = toQString(m_document->architecture().name).toLower().replace(' ', '-');
        suggestion = QFileInfo(m_recent->files().value(0)).path() + "/" + (base.isEmpty() ? "design" : base)
                     + ".scalelab";
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save Design As"), suggestion, kFileFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".scalelab";
    const QString error = saveTo(path);
    if (!error.isEmpty())
        reportError(tr("Cannot save design"), error);
    return error.isEmpty();
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified() || !m_options.interactive)
        return true;
    const QString name = windowTitle().section("[*]", 0, 0);
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"), tr("Save the changes to “%1” before closing it?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::offerRecovery(const QString& requestedFile)
{
    if (!m_recovery)
        return false;
    const auto left = m_recovery->leftBehind();
    if (!left)
        return false;
    const QString requested = requestedFile.isEmpty() ? QString() : QFileInfo(requestedFile).absoluteFilePath();
    const bool sameFile = !requested.isEmpty() && requested == QFileInfo(left->originalPath).absoluteFilePath();
    QString question =
        tr("ScaleLab did not close properly last time. A design with unsaved changes was kept%1.")
            .arg(left->originalPath.isEmpty() ? QString() : tr(" (from %1)").arg(QFileInfo(left->originalPath).fileName()));
    if (!requested.isEmpty() && !sameFile)
        question += "\n\n" + tr("Recovering it opens it instead of %1, which stays in File > Open Recent.")
                                  .arg(QFileInfo(requested).fileName());
    else if (sameFile)
        question += "\n\n" + tr("Recovering it opens it instead of the saved %1.").arg(QFileInfo(requested).fileName());
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved design?"), question + "\n\n" + tr("Recover it?"),
                    QMessageBox::NoButton, this);
    QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
    box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(recover);
    box.setEscapeButton(recover); // only an explicit Discard throws work away
    box.exec();
    if (box.clickedButton() != recover) {
        m_recovery->discard();
        return false;
    }
    try {
        loadDesign(io::readScenario(left->recoveryPath.toStdString()), left->originalPath);
        m_document->undoStack()->resetClean(); // recovered work is unsaved work
        if (!requested.isEmpty() && !sameFile)
            m_recent->add(requested);
        statusBar()->showMessage(tr("Recovered the unsaved design. Save it to keep it."), 8000);
        return true;
    } catch (const std::exception& error) {
        reportError(tr("Cannot recover design"), QString::fromUtf8(error.what()));
        m_recovery->discard();
        return false;
    }
}

void MainWindow::exportImage()
{
    const QString base = m_document->filePath().isEmpty()
                             ? toQString(m_document->architecture().name).toLower().replace(' ', '-')
                             : QFileInfo(m_document->filePath()).completeBaseName();
    const QString dir = m_document->filePath().isEmpty() ? QString() : QFileInfo(m_document->filePath()).path() + "/";
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Image"), dir + base + ".png",
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const bool svg = path.endsWith(".svg", Qt::CaseInsensitive) || (QFileInfo(path).suffix().isEmpty() && selectedFilter.contains("svg"));
    const QString error = svg ? widgets::CanvasExporter::exportSvg(m_scene, path, toQString(m_document->architecture().name))
                              : widgets::CanvasExporter::exportPng(m_scene, path);
    if (!error.isEmpty())
        reportError(tr("Cannot export image"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 4000);
}

void MainWindow::exportReport()
{
    const QString base = m_document->filePath().isEmpty()
                             ? toQString(m_document->architecture().name).toLower().replace(' ', '-')
                             : QFileInfo(m_document->filePath()).completeBaseName();
    const QString dir = m_document->filePath().isEmpty() ? QString() : QFileInfo(m_document->filePath()).path() + "/";
    QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), dir + base + "-report.pdf",
                                                tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".pdf";
    // A few pages of text and vector pictures: quick enough for the GUI thread.
    // The run it reports on was simulated on the run controller's worker.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = ReportExport::write(*this, path);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty())
        reportError(tr("Cannot export report"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 4000);
}

// --- Editing -------------------------------------------------------------------------

void MainWindow::copySelection()
{
    const model::Architecture fragment = m_scene->selectionFragment();
    if (fragment.blocks.empty())
        return;
    QApplication::clipboard()->setMimeData(widgets::DesignClipboard::toMimeData(fragment));
    m_pasteCount = 0;
}

void MainWindow::cutSelection()
{
    copySelection();
    m_scene->deleteSelection();
    m_pasteCount = -1; // the first paste after a cut goes back where the blocks were
}

void MainWindow::paste()
{
    const auto fragment = widgets::DesignClipboard::fromMimeData(QApplication::clipboard()->mimeData());
    if (!fragment || fragment->blocks.empty()) {
        statusBar()->showMessage(tr("The clipboard holds no ScaleLab blocks."), 4000);
        return;
    }
    ++m_pasteCount;
    m_scene->paste(*fragment, kPasteStep * m_pasteCount, tr("Paste"));
}

void MainWindow::duplicate()
{
    m_scene->paste(m_scene->selectionFragment(), kPasteStep, tr("Duplicate"));
}

void MainWindow::selectAll()
{
    for (QGraphicsItem* item : m_scene->items())
        if (item->flags() & QGraphicsItem::ItemIsSelectable)
            item->setSelected(true);
}

void MainWindow::addBlockAtCentre(const QString& kind)
{
    m_scene->addBlock(kind.toStdString(), m_view->visibleCentre());
    m_view->setFocus();
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
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_presenter->setActive(false); // the saved layout and the fonts are the everyday ones
    if (m_options.useSettings) {
        m_layout->save();
    }
    if (m_recovery)
        m_recovery->discard();
    event->accept();
}

} // namespace scalelab::app
