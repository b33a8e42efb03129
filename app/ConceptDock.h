#pragma once
// The Help dock: the concept library (widgets::ConceptBrowser over the
// bundled resources/concepts/concepts.json) in a dock of its own, opened by
// Help > Concept Library (F1) as a tab of the right-hand column. While it
// is in view, selecting a block on the canvas turns it to that block kind's
// concept, without taking the keyboard focus from the canvas.
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

namespace scalelab::widgets {
class CanvasScene;
class ConceptBrowser;
class DesignDocument;
} // namespace scalelab::widgets

namespace scalelab::app {

class ConceptDock : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kConceptsResource = ":/concepts/concepts.json";

    ConceptDock(QMainWindow* window, widgets::DesignDocument* document, widgets::CanvasScene* scene);

    // Null when the bundled library did not load (the dock then says why).
    widgets::ConceptBrowser* browser() const { return m_browser; }
    QDockWidget* dock() const { return m_dock; }
    QAction* showAction() const { return m_show; }

public slots:
    // Shows the dock as a tab beside Properties, raised, with the search field focused.
    void showLibrary();

signals:
    void lessonRequested(const QString& resourcePath);
    void exampleRequested(const QString& resourcePath);
    void tradeoffRequested(const QString& cardPath);

private:
    void followSelection();

    QMainWindow* m_window;
    widgets::DesignDocument* m_document;
    widgets::CanvasScene* m_scene;
    widgets::ConceptBrowser* m_browser = nullptr;
    QDockWidget* m_dock;
    QAction* m_show;
};

} // namespace scalelab::app
