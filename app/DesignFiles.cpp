#include "DesignFiles.h"

#include "InterviewMode.h"
#include "LearningPathMode.h"
#include "MainWindow.h"
#include "QtText.h"
#include "RecentFiles.h"
#include "RecoveryFile.h"
#include "ReportExport.h"
#include "WindowAction.h"
#include "canvas/CanvasExporter.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignDocument.h"
#include "examples/ExampleLibrary.h"
#include "examples/GalleryDialog.h"
#include "interview/InterviewClock.h"
#include "interview/InterviewPanel.h"
#include "io/ScenarioFile.h"
#include "model/StatedTraffic.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>
#include <exception>

namespace scalelab::app {

using widgets::toQString;

namespace {
const QString kFileFilter = QObject::tr("ScaleLab designs (*.scalelab);;All files (*)");
} // namespace

DesignFiles::DesignFiles(MainWindow* window, bool interactive)
    : QObject(window)
    , m_window(window)
    , m_document(window->document())
    , m_interactive(interactive)
{
}

void DesignFiles::createActions()
{
    using widgets::ExampleLibrary;
    addWindowAction(m_window, "new", tr("&New"), QKeySequence::New, "new", this, &DesignFiles::newDesign);
    addWindowAction(m_window, "open", tr("&Open…"), QKeySequence::Open, "open", this, &DesignFiles::open);
    const QKeySequence examplesKey(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    addWindowAction(m_window, "examples", tr("&Examples…"), examplesKey, "examples", this, [this] {
        showGallery(ExampleLibrary::kExamplesFolder, tr("Examples"), tr("No examples are built in."));
    });
    addWindowAction(m_window, "lessons", tr("&Lessons…"), {}, {}, this, [this] {
        showGallery(ExampleLibrary::kLessonsFolder, tr("Lessons"), tr("No lessons are built in yet."));
    });
    addWindowAction(m_window, "challenges", tr("&Challenges…"), {}, {}, this, [this] {
        showGallery(ExampleLibrary::kChallengesFolder, tr("Challenges"), tr("No challenges are built in yet."));
    });
    addWindowAction(m_window, "save", tr("&Save"), QKeySequence::Save, "save", this, [this] { save(); });
    addWindowAction(m_window, "saveAs", tr("Save &As…"), QKeySequence::SaveAs, {}, this, [this] { saveAs(); });
    addWindowAction(m_window, "exportImage", tr("&Export Image…"), QKeySequence(Qt::CTRL | Qt::Key_E), "export", this,
                    &DesignFiles::exportImage);
    addWindowAction(m_window, "exportReport", tr("Export &Report…"), QKeySequence(Qt::CTRL | Qt::Key_P), {}, this,
                    &DesignFiles::exportReport)
        ->setToolTip(tr("Write a PDF with the design, its blocks, the last run's plots and figures, "
                        "and the advisor's findings"));
}

void DesignFiles::setRecentMenu(QMenu* menu)
{
    m_recent = new RecentFiles(menu, m_window);
    connect(m_recent, &RecentFiles::fileChosen, this, [this](const QString& path) {
        if (maybeSave())
            openFile(path);
    });
}

void DesignFiles::enableRecovery()
{
    m_recovery = new RecoveryFile(m_document, {}, m_window);
}

void DesignFiles::discardRecovery()
{
    if (m_recovery)
        m_recovery->discard();
}

QString DesignFiles::exportPath(const QString& ending) const
{
    const QString base = m_document->filePath().isEmpty()
                             ? toQString(m_document->architecture().name).toLower().replace(' ', '-')
                             : QFileInfo(m_document->filePath()).completeBaseName();
    const QString dir = m_document->filePath().isEmpty() ? QString() : QFileInfo(m_document->filePath()).path() + "/";
    return dir + base + ending;
}

void DesignFiles::updateTitle()
{
    const QString path = m_document->filePath();
    QString name = path.isEmpty() ? toQString(m_document->architecture().name) : QFileInfo(path).fileName();
    if (name.isEmpty())
        name = tr("Untitled");
    m_window->setWindowTitle(tr("%1[*] — ScaleLab").arg(name));
    m_window->setWindowModified(m_document->isModified());
    m_window->setWindowFilePath(path);
}

void DesignFiles::reportError(const QString& title, const QString& message)
{
    m_window->statusBar()->showMessage(message, 10000);
    if (m_interactive)
        QMessageBox::critical(m_window, title, message);
}

bool DesignFiles::allBlocksStacked(const model::Architecture& design)
{
    if (design.blocks.size() < 2)
        return false;
    const model::Block& first = design.blocks.front();
    return std::all_of(design.blocks.begin(), design.blocks.end(),
                       [&](const model::Block& block) { return block.x == first.x && block.y == first.y; });
}

void DesignFiles::loadDesign(model::Architecture design, const QString& path)
{
    model::applyStatedTraffic(design); // Play runs what the grader grades; a missing block is the validator's to report
    const bool stacked = allBlocksStacked(design);
    m_document->reset(std::move(design), path);
    if (stacked) {
        // A file written by hand or by a script often gives no positions:
        // every block would sit on one spot. Lay it out as loaded, not as
        // an edit (nothing to save, nothing to undo).
        m_window->scene()->arrangeAutomatically();
        m_document->undoStack()->clear();
    }
    emit designLoaded(); // the window fits the view to it
}

void DesignFiles::newDesign()
{
    if (!maybeSave())
        return;
    model::Architecture empty;
    empty.name = tr("Untitled").toStdString();
    loadDesign(std::move(empty), {});
    m_window->view()->resetZoom();
    m_window->view()->centerOn(QPointF(400, 200));
}

QString DesignFiles::openFile(const QString& path)
{
    try {
        // Read into a local first: a file that fails leaves the open design untouched.
        model::Architecture design = io::readScenario(QFileInfo(path).absoluteFilePath().toStdString());
        loadDesign(std::move(design), QFileInfo(path).absoluteFilePath());
        m_recent->add(path);
        m_window->learningPath()->setSource(path);
        if (m_recovery)
            m_recovery->discard();
        m_window->statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 4000);
        m_window->interview()->offerInterview();
        return {};
    } catch (const std::exception& error) {
        const QString message = QString::fromUtf8(error.what());
        reportError(tr("Cannot open design"), message);
        return message;
    }
}

QString DesignFiles::openExample(const QString& resourcePath)
{
    try {
        loadDesign(widgets::ExampleLibrary::load(resourcePath), {});
        m_window->learningPath()->setSource(resourcePath);
        return {};
    } catch (const std::exception& error) {
        const QString message = QString::fromUtf8(error.what());
        reportError(tr("Cannot open example"), message);
        return message;
    }
}

void DesignFiles::open()
{
    if (!maybeSave())
        return;
    const QString dir = QFileInfo(m_recent->files().value(0)).path();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Design"), dir, kFileFilter);
    if (!path.isEmpty())
        openFile(path);
}

void DesignFiles::openInterview(const QString& resourcePath)
{
    if (maybeSave() && openExample(resourcePath).isEmpty() && m_window->interview()->startCurrent())
        m_window->interview()->panel()->clock()->start();
}

void DesignFiles::showGallery(const QString& folder, const QString& title, const QString& emptyText)
{
    if (!maybeSave())
        return;
    widgets::GalleryDialog dialog(folder, title, emptyText, m_window);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedPath().isEmpty())
        openExample(dialog.selectedPath());
}

QString DesignFiles::saveTo(const QString& path)
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
    m_window->statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return {};
}

bool DesignFiles::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    const QString error = saveTo(m_document->filePath());
    if (!error.isEmpty())
        reportError(tr("Cannot save design"), error);
    return error.isEmpty();
}

bool DesignFiles::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty()) {
        const QString base = toQString(m_document->architecture().name).toLower().replace(' ', '-');
        suggestion = QFileInfo(m_recent->files().value(0)).path() + "/" + (base.isEmpty() ? "design" : base)
                     + ".scalelab";
    }
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Design As"), suggestion, kFileFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".scalelab";
    const QString error = saveTo(path);
    if (!error.isEmpty())
        reportError(tr("Cannot save design"), error);
    return error.isEmpty();
}

bool DesignFiles::maybeSave()
{
    if (!m_document->isModified() || !m_interactive)
        return true;
    const QString name = m_window->windowTitle().section("[*]", 0, 0);
    const auto answer = QMessageBox::warning(
        m_window, tr("Unsaved changes"), tr("Save the changes to “%1” before closing it?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool DesignFiles::offerRecovery(const QString& requestedFile)
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
                    QMessageBox::NoButton, m_window);
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
        m_window->statusBar()->showMessage(tr("Recovered the unsaved design. Save it to keep it."), 8000);
        return true;
    } catch (const std::exception& error) {
        reportError(tr("Cannot recover design"), QString::fromUtf8(error.what()));
        m_recovery->discard();
        return false;
    }
}

void DesignFiles::exportImage()
{
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Image"), exportPath(".png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const bool svg = path.endsWith(".svg", Qt::CaseInsensitive) || (QFileInfo(path).suffix().isEmpty() && selectedFilter.contains("svg"));
    const QString error = svg ? widgets::CanvasExporter::exportSvg(m_window->scene(), path, toQString(m_document->architecture().name))
                              : widgets::CanvasExporter::exportPng(m_window->scene(), path);
    if (!error.isEmpty())
        reportError(tr("Cannot export image"), error);
    else
        m_window->statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 4000);
}

void DesignFiles::exportReport()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Report"), exportPath("-report.pdf"),
                                                tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".pdf";
    // A few pages of text and vector pictures: quick enough for the GUI thread.
    // The run it reports on was simulated on the run controller's worker.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = ReportExport::write(*m_window, path);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty())
        reportError(tr("Cannot export report"), error);
    else
        m_window->statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 4000);
}

} // namespace scalelab::app
