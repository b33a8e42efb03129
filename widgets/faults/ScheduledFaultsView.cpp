#include "ScheduledFaultsView.h"

#include "QtText.h"
#include "document/DesignDocument.h"
#include "model/FaultCatalog.h"

#include <QHeaderView>
#include <QStyle>

namespace scalelab::widgets {

ScheduledFaultsView::ScheduledFaultsView(DesignDocument* document, QWidget* parent)
    : QTreeWidget(parent)
    , m_document(document)
{
    setObjectName("scheduledFaults");
    setColumnCount(2);
    setHeaderLabels({tr("At (s)"), tr("Scheduled fault")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setWordWrap(false);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    // Faults only change when a file is opened, but ids and kinds they refer to change with every edit.
    connect(document, &DesignDocument::problemsChanged, this, &ScheduledFaultsView::refresh);
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const QStringList ids = item->data(0, Qt::UserRole).toStringList();
        if (!ids.isEmpty())
            emit blocksActivated(ids);
    });
    refresh();
}

void ScheduledFaultsView::refresh()
{
    clear();
    const model::Architecture& design = m_document->architecture();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const model::Fault& fault : design.faults) {
        auto* item = new QTreeWidgetItem(this, {QString::number(fault.atS, 'f', 1), toQString(model::describeFault(fault))});
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        QStringList ids;
        if (!fault.region.empty()) {
            for (const auto& block : design.blocks)
                if (block.region == fault.region)
                    ids << toQString(block.id);
        } else {
            ids << toQString(fault.block);
            if (!fault.to.empty())
                ids << toQString(fault.to);
        }
        item->setData(0, Qt::UserRole, ids);
        const std::string refusal = model::faultRefusal(fault, design);
        if (!refusal.empty()) {
            item->setIcon(1, warning);
            item->setToolTip(1, tr("Will be skipped: %1").arg(toQString(refusal)));
        }
    }
    if (design.faults.empty()) {
        // An empty list looks broken; say what would appear here.
        auto* item = new QTreeWidgetItem(this, {QString(), tr("None: this design's file schedules no faults.")});
        item->setForeground(1, palette().color(QPalette::PlaceholderText));
        item->setFlags(Qt::ItemIsEnabled);
    }
}

} // namespace scalelab::widgets
