#pragma once
// The Problems dock: every finding of model::validate for the open design,
// errors first. Activating a row emits the block it is about, so the window
// can select and show it on the canvas.
#include <QTreeWidget>

namespace scalelab::widgets {

class DesignDocument;

class ProblemsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsView(DesignDocument* document, QWidget* parent = nullptr);

signals:
    void blockActivated(const QString& id);
    // Counts changed, for the dock title ("Problems (2)").
    void countsChanged(int errors, int warnings);

private:
    void refresh();

    DesignDocument* m_document;
};

} // namespace scalelab::widgets
