#pragma once
// The gallery's search box: a design row stays when every word typed occurs
// (ignoring case) in its name, topic, description or what to try; a topic row
// stays while any of its designs does.
#include <QSortFilterProxyModel>
#include <QStringList>

namespace scalelab::widgets {

class GalleryFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit GalleryFilter(QObject* parent = nullptr);

    void setSearch(const QString& text);
    // Design rows left after filtering.
    int matchCount() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace scalelab::widgets
