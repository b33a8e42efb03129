#include "ProblemsView.h"

#include "QtText.h"
#include "document/DesignDocument.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>

#include <algorithm>

namespace scalelab::widgets {

ProblemsView::ProblemsView(DesignDocument* document, QWidget* parent)
    : QTreeWidget(parent)
    , m_document(document)
{
    setColumnCount(2);
    setHeaderLabels({tr("Block"), tr("Problem")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setWordWrap(false);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    connect(document, &DesignDocument::problemsChanged, this, &ProblemsView::refresh);
    // One click is enough: the list is a navigation aid, not something to edit.
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (!id.isEmpty())
            emit blockActivated(id);
    });
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (!id.isEmpty())
            emit blockActivated(id);
    });
    refresh();
}

void ProblemsView::refresh()
{
    clear();
    auto problems = m_document->problems();
    std::stable_sort(problems.begin(), problems.end(),
                     [](const auto& a, const auto& b) { return a.isError() && !b.isError(); });
    int errors = 0, warnings = 0;
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const auto& problem : problems) {
        const model::Block* block = m_document->architecture().findBlock(problem.blockId);
        const QString where = block ? toQString(block->name) : problem.blockId.empty() ? tr("Design") : toQString(problem.blockId);
        auto* item = new QTreeWidgetItem(this, {where, toQString(problem.message)});
        item->setIcon(0, problem.isError() ? errorIcon : warningIcon);
        item->setData(0, Qt::UserRole, toQString(problem.blockId));
        item->setToolTip(1, toQString(problem.message));
        ++(problem.isError() ? errors : warnings);
    }
    if (problems.empty()) {
        // An empty list looks broken; say that the check ran and found nothing.
        auto* item = new QTreeWidgetItem(this, {tr("Design"), tr("No problems found.")});
        item->setIcon(0, style()->standardIcon(QStyle::SP_DialogApplyButton));
        item->setForeground(1, palette().color(QPalette::PlaceholderText));
    }
    emit countsChanged(errors, warnings);
}

} // namespace scalelab::widgets
