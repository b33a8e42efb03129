#pragma once
// The editor window: block palette (left), canvas (centre), properties
// (right), problems and undo history (bottom), with the File / Edit / View
// menus and toolbar. It wires the widgets library together; the file
// workflow (open, save, recent, recovery, export) is DesignFiles', the Edit
// actions are EditActions'; editing itself happens in the scene and the
// property editor through the document's undo stack.
#include "TeachingDocks.h"
#include "model/Architecture.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QUndoView;

namespace scalelab::widgets {
class ChallengePanel;
class BlockPalette;
class CanvasScene;
class CanvasView;
class DesignDocument;
class LessonPanel;
class ProblemsView;
class PropertyEditor;
} // namespace scalelab::widgets

namespace scalelab::app {

class ConceptDock;
class CompareMode;
class DesignFiles;
class DockLayout;
class EditActions;
class PresenterMode;
class InterviewMode;
class LearningPathMode;
class RunDocks;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool interactive = true; // false: never show a modal dialog (screenshots, tests)
        bool autosave = true;    // write a recovery file after edits (RecoveryFile)
        bool useSettings = true; // restore and keep window layout in QSettings

        // A window nobody sits at (tests, `scalelab report`, `bench --ui`): no
        // modal dialog to hang on, no recovery file, the user's settings untouched.
        static Options headless() { return {false, false, false}; }
    };

    MainWindow();
    explicit MainWindow(Options options);
    ~MainWindow() override;

    widgets::DesignDocument* document() const { return m_document; }
    widgets::CanvasScene* scene() const { return m_scene; }
    widgets::CanvasView* view() const { return m_view; }
    widgets::BlockPalette* palette() const { return m_palette; }
    widgets::PropertyEditor* propertyEditor() const { return m_properties; }
    widgets::ProblemsView* problemsView() const { return m_problems; }
    // The live simulation: controller, run toolbar and plot docks.
    RunDocks* run() const { return m_run; }
    // View > Presenter mode (large fonts, full screen, thick plot lines).
    PresenterMode* presenterMode() const { return m_presenter; }
    // The Challenge dock's panel (goals, Submit, results).
    widgets::ChallengePanel* challenge() const { return m_teaching->challenge(); }
    // The Lessons dock's panel: shown when the open design carries a lesson.
    widgets::LessonPanel* lessonPanel() const { return m_teaching->lessons(); }
    QDockWidget* lessonDock() const { return m_teaching->lessonDock(); }
    // Interview practice: the Interview dock and the Practice menu.
    InterviewMode* interview() const { return m_interview; }
    // Help > Learning Path: the tiers, the steps done and the next one.
    LearningPathMode* learningPath() const { return m_learning; }
    // Help > Concept Library (F1): the concepts dock.
    ConceptDock* concepts() const { return m_concepts; }
    // Compare mode: File > Compare With…, Design > Duplicate as Variant B, the compare window.
    CompareMode* compare() const { return m_compare; }
    QAction* action(const QString& objectName) const;
    // Default, saved and reset dock arrangement (View > Reset Layout).
    DockLayout* dockLayout() const { return m_layout; }

    // Opens a design file. On failure the current design is untouched and
    // the engine's message is returned (and shown in a dialog when interactive).
    QString openFile(const QString& path);
    // Opens a built-in example as a new, untitled design.
    QString openExample(const QString& resourcePath);
    // Saves to `path` (atomic); empty string on success, else the reason.
    QString saveTo(const QString& path);
    void newDesign();
    // Interactive start, before anything is opened: offer a design left
    // behind by a crash. True when it was recovered (the design is then that
    // one); `requestedFile`, the file the app was started with, if any, is
    // named in the question and, when not opened, kept in the recent files.
    bool offerRecovery(const QString& requestedFile = {});

public slots:
    // Opens a trade-off card (":/tradeoffs/NAME.tradeoff" or a file; its
    // designs are relative to it) in the compare window.
    void openTradeoffCard(const QString& cardPath);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createMenusAndToolbar();
    void restoreSettings();
    void addBlockAtCentre(const QString& kind);
    void showProblemCounts(int errors, int warnings);
    QAction* addAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                       const QString& iconName, void (MainWindow::*slot)());

    Options m_options;
    widgets::DesignDocument* m_document;
    widgets::CanvasScene* m_scene;
    widgets::CanvasView* m_view;
    widgets::BlockPalette* m_palette = nullptr;
    widgets::PropertyEditor* m_properties = nullptr;
    widgets::ProblemsView* m_problems = nullptr;
    QUndoView* m_history = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    DesignFiles* m_files = nullptr;
    EditActions* m_edit = nullptr;
    RunDocks* m_run = nullptr;
    PresenterMode* m_presenter = nullptr;
    TeachingDocks* m_teaching = nullptr;
    InterviewMode* m_interview = nullptr;
    LearningPathMode* m_learning = nullptr;
    ConceptDock* m_concepts = nullptr;
    CompareMode* m_compare = nullptr;
    DockLayout* m_layout = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    bool m_fittedOnce = false;
};

} // namespace scalelab::app
