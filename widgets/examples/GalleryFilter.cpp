#include "GalleryFilter.h"

#include "GalleryModel.h"

#include <QRegularExpression>

namespace scalelab::widgets {

GalleryFilter::GalleryFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true); // a topic row follows its designs
}

void GalleryFilter::setSearch(const QString& text)
{
    m_words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    invalidateFilter();
}

int GalleryFilter::matchCount() const
{
    int count = 0;
    for (int row = 0; row < rowCount(); ++row)
        count += rowCount(index(row, 0));
    return count;
}

bool GalleryFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!sourceParent.isValid())
        return false; // a topic row shows only through its designs
    const QString text = sourceModel()->index(sourceRow, 0, sourceParent).data(GalleryModel::SearchTextRole).toString();
    for (const QString& word : m_words)
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace scalelab::widgets
