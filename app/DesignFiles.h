#pragma once
// The main window's file workflow: File > New, Open, Open Recent, the
// example, lesson and challenge galleries, Save, Save As, Export Image and
// Export Report; the "save the changes?" question; crash recovery (the
// autosaved design offered back at start); and the window's title, which
// names the file and shows whether it has unsaved changes. Editing happens
// elsewhere (EditActions, the canvas, the property editor); this class
// decides which design the document holds and where it is written.
#include "model/Architecture.h"

#include <QObject>
#include <QString>

class QMenu;

namespace scalelab::widgets {
class DesignDocument;
}

namespace scalelab::app {

class MainWindow;
class RecentFiles;
class RecoveryFile;

class DesignFiles : public QObject {
    Q_OBJECT
public:
    // `interactive` false: never show a modal dialog (screenshots, tests).
    DesignFiles(MainWindow* window, bool interactive);

    // Creates the File actions (new, open, examples, lessons, challenges,
    // save, saveAs, exportImage, exportReport) on the window.
    void createActions();
    // File > Open Recent fills `menu`.
    void setRecentMenu(QMenu* menu);
    // Autosaves the design for crash recovery (RecoveryFile).
    void enableRecovery();
    // The window closes: its design is saved or given up, nothing to recover.
    void discardRecovery();

    // See MainWindow: openFile, openExample, saveTo, newDesign, offerRecovery.
    QString openFile(const QString& path);
    QString openExample(const QString& resourcePath);
    QString saveTo(const QString& path);
    void newDesign();
    bool offerRecovery(const QString& requestedFile);
    // Asks whether to save unsaved changes; false when the user cancelled (or saving failed).
    bool maybeSave();
    // Opens a bundled interview problem and starts its interview (clock running).
    void openInterview(const QString& resourcePath);

public slots:
    void updateTitle();

signals:
    // The document holds a design opened, recovered or new (not a saved one).
    void designLoaded();

private:
    void reportError(const QString& title, const QString& message);
    bool save();
    bool saveAs();
    void open();
    void showGallery(const QString& folder, const QString& title, const QString& emptyText);
    void exportImage();
    void exportReport();
    void loadDesign(model::Architecture design, const QString& path);
    // Whether every block of a design with several sits on one spot (a file without positions).
    static bool allBlocksStacked(const model::Architecture& design);
    // Where an export is first offered: beside the design's file, named
    // after it (else after the design), ending in `ending`.
    QString exportPath(const QString& ending) const;

    MainWindow* m_window;
    widgets::DesignDocument* m_document;
    bool m_interactive;
    RecentFiles* m_recent = nullptr;
    RecoveryFile* m_recovery = nullptr;
};

} // namespace scalelab::app
