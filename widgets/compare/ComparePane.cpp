#include "ComparePane.h"

#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignDocument.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace scalelab::widgets {

ComparePane::ComparePane(const QString& side, const QString& lineStyle, DesignDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_side(side)
    , m_lineStyle(lineStyle)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_scene(new CanvasScene(document, this))
    , m_view(new CanvasView(m_scene, this))
{
    setObjectName("ComparePane" + side);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long labels wrap, never widen the pane

    auto* undo = new QToolButton(this);
    undo->setDefaultAction(document->undoStack()->createUndoAction(this, tr("Undo")));
    auto* redo = new QToolButton(this);
    redo->setDefaultAction(document->undoStack()->createRedoAction(this, tr("Redo")));
    auto* fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Fit the design to the view"));
    connect(fit, &QToolButton::clicked, m_view, &CanvasView::fitToView);
    for (QToolButton* button : {undo, redo, fit})
        button->setAutoRaise(true);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 2, 0);
    header->addWidget(m_title, 1);
    header->addWidget(undo);
    header->addWidget(redo);
    header->addWidget(fit);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    connect(document, &DesignDocument::modifiedChanged, this, &ComparePane::updateTitle);
    updateTitle();
}

void ComparePane::setLabel(const QString& label)
{
    m_label = label;
    updateTitle();
}

void ComparePane::updateTitle()
{
    const QString name = m_label.isEmpty() ? QString::fromStdString(m_document->architecture().name) : m_label;
    const QString edited = m_document->isModified() ? tr(" <i>(edited)</i>") : QString();
    m_title->setText(tr("<b>%1: %2</b>%3 &nbsp;<span style='color:#57606a'>%4 lines in the plots</span>")
                         .arg(m_side, name.toHtmlEscaped(), edited, m_lineStyle));
    m_title->setToolTip(name);
}

void ComparePane::showSnapshot(const stats::Snapshot& snapshot)
{
    m_scene->showLiveSnapshot(snapshot);
}

void ComparePane::clearLive()
{
    m_scene->clearLiveStats();
}

} // namespace scalelab::widgets
