#pragma once
// Compare mode in the main window: File > Compare with… (the open design as
// A, a chosen file as B), Design > Duplicate as variant B (A and B both the
// open design, B to change), Help > Trade-off cards… (a bundled card's two
// designs), and the one CompareWindow they open. The
// window is created on first use and kept, so a second comparison reuses it.
#include <QObject>
#include <QString>

class QAction;
class QMainWindow;

namespace scalelab::widgets {
class CompareWindow;
class DesignDocument;
} // namespace scalelab::widgets

namespace scalelab::app {

class CompareMode : public QObject {
    Q_OBJECT
public:
    CompareMode(QMainWindow* window, widgets::DesignDocument* document, bool interactive);
    ~CompareMode() override;

    QAction* compareWithAction() const { return m_compareWith; }
    QAction* duplicateAction() const { return m_duplicate; }
    QAction* cardsAction() const { return m_cards; }
    // The compare window (created on first call), not shown.
    widgets::CompareWindow* window();

    // The open design as A, the design in `path` as B; the window shown.
    // Empty on success, else the reason (the file's error).
    QString compareWith(const QString& path);
    // The open design as A and as B; the window shown.
    void duplicateAsVariant();
    // A trade-off card (":/tradeoffs/NAME.tradeoff" or a file) with both of
    // its designs; the window shown. Empty on success, else the reason.
    QString openCard(const QString& cardPath);
    // Help > Trade-off cards…: the browser of the bundled cards.
    void showCardBrowser();

signals:
    // Relayed from the window: a trade-off card's paired comparison finished.
    void comparisonFinished(const QString& cardName);

private:
    void chooseFile();
    void present();

    QMainWindow* m_main;
    widgets::DesignDocument* m_document;
    bool m_interactive;
    widgets::CompareWindow* m_window = nullptr;
    QAction* m_compareWith;
    QAction* m_duplicate;
    QAction* m_cards;
};

} // namespace scalelab::app
