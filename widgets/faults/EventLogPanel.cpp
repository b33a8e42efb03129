#include "EventLogPanel.h"

#include "EventLogModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace scalelab::widgets {

EventLogPanel::EventLogPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new EventLogModel(this))
    , m_view(new QTableView)
    , m_stack(new QStackedWidget)
{
    m_view->setObjectName("eventLogView");
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    // Fixed row height: the view need not measure every row as the log grows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(EventLogModel::TimeColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(EventLogModel::KindColumn, QHeaderView::Fixed);
    header->resizeSection(EventLogModel::TimeColumn, m_view->fontMetrics().horizontalAdvance(tr("Time (s)")) + 12);
    header->resizeSection(EventLogModel::KindColumn, m_view->fontMetrics().horizontalAdvance(tr("recovery")) + 30);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);

    auto* hint = new QLabel(tr("No events yet. Faults, recoveries and the design's reactions to them (breakers "
                               "opening, autoscaling, failovers, dead letters) appear here as the simulation runs."));
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    hint->setMargin(12);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(hint);
    m_stack->addWidget(m_view);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] { m_follow = atBottom(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        showTableOrHint();
        if (m_follow)
            m_view->scrollToBottom();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_follow = true;
        showTableOrHint();
    });
    connect(m_view, &QAbstractItemView::clicked, this, [this](const QModelIndex& index) {
        const QStringList ids = m_model->blocks(index.row());
        if (!ids.isEmpty())
            emit blocksActivated(ids);
    });
    showTableOrHint();
}

void EventLogPanel::appendSnapshot(const stats::Snapshot& snapshot) { m_model->appendFrom(snapshot.eventLog); }

void EventLogPanel::clear() { m_model->clear(); }

bool EventLogPanel::atBottom() const
{
    const QScrollBar* bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void EventLogPanel::showTableOrHint() { m_stack->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0); }

} // namespace scalelab::widgets
