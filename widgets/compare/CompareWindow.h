#pragma once
// Compare mode: watch two designs diverge on the same traffic.
//
// Design A and design B side by side, each on its own DesignDocument (B is
// there to be edited: "change one thing"), one run toolbar driving both runs
// with the same seed (CompareRun), the live figures overlaid (A solid, B
// dashed, one colour per figure), faults into both at once, and the
// difference table: B - A with its 95% interval from paired replications,
// computed on a worker thread. A trade-off card, when one is open, shows its
// question and what to look for above the canvases.
//
// The window owns its documents: it never edits the main window's design.
#include "model/Architecture.h"
#include "model/TradeoffCard.h"

#include <QMainWindow>

#include <optional>

class QDockWidget;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace scalelab::widgets {

class CompareFaultBar;
class CompareOverlayPlot;
class ComparePane;
class CompareRun;
class CompareToolBar;
class DifferenceTable;
class DesignDocument;
class PropertyEditor;

class CompareWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit CompareWindow(QWidget* parent = nullptr);
    ~CompareWindow() override;

    // Loads both designs (the runs stop); empty labels show the designs' names.
    // `pathA`/`pathB` are where they were read from, if anywhere (Save B as starts there).
    void setDesigns(model::Architecture a, const QString& labelA, model::Architecture b, const QString& labelB,
                    const QString& pathA = {}, const QString& pathB = {});
    // Both designs from files, labelled with their names. Empty on success,
    // else the reader's message (nothing changes then).
    QString openFiles(const QString& pathA, const QString& pathB);
    // Loads a trade-off card (bundled ":/tradeoffs/…" or on disk) with both
    // of its designs, shows its question and what to look for, and sets the
    // difference table to its run and figures. Empty on success, else why not.
    QString openCard(const QString& cardPath);
    // The trade-off card's title and question above the canvases (what to
    // look for and its claims go under the difference table); an empty name hides it.
    void showCard(const QString& name, const QString& title, const QString& question);
    QString cardName() const { return m_cardName; }

    DesignDocument* document(int side) const { return m_documents[side]; }
    ComparePane* pane(int side) const { return m_panes[side]; }
    CompareRun* run() const { return m_run; }
    CompareToolBar* toolBar() const { return m_toolBar; }
    CompareFaultBar* faultBar() const { return m_faults; }
    const std::vector<CompareOverlayPlot*>& plots() const { return m_plots; }
    QLabel* cardLabel() const { return m_card; }
    DifferenceTable* differenceTable() const { return m_difference; }

    // Fits both canvases to their views (after the window has its size).
    void fitDesigns();
    // Gives the difference table the width its columns want (at most half the window).
    void fitDifferenceTable();

signals:
    // The plots and canvases hold both runs' snapshots up to `seconds` (the
    // earlier of the two clocks).
    void viewsUpdated(double seconds);
    // The paired comparison of the open trade-off card finished.
    void comparisonFinished(const QString& cardName);

protected:
    void showEvent(QShowEvent* event) override;
    // Closing pauses both runs and cancels a comparison: a hidden window uses no CPU.
    void closeEvent(QCloseEvent* event) override;

private:
    void buildPlots(QWidget* row);
    void showSnapshots();
    void clearViews();
    void saveB();
    void designsChanged();
    // The card's claims (checked once a comparison finished) and when to choose which, under the table.
    void showClaims();

    DesignDocument* m_documents[2];
    CompareRun* m_run;
    CompareToolBar* m_toolBar;
    ComparePane* m_panes[2];
    std::vector<CompareOverlayPlot*> m_plots;
    CompareFaultBar* m_faults;
    QLabel* m_card;
    QStackedWidget* m_properties;
    QDockWidget* m_propertiesDock;
    DifferenceTable* m_difference;
    QSplitter* m_lower;
    PropertyEditor* m_editors[2];
    QString m_cardName;
    std::optional<model::TradeoffCard> m_openCard; // the card shown, if any
    QString m_pathB;
    bool m_fittedOnce = false;
};

} // namespace scalelab::widgets
