#pragma once
// Draws the gallery's rows: a topic as a section heading, a design as a card
// with its thumbnail, name, the start of its description and what to try.
#include <QStyledItemDelegate>

namespace scalelab::widgets {

class GalleryModel;

class GalleryDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit GalleryDelegate(const GalleryModel* model, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    void paintTopic(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;
    void paintDesign(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;

    const GalleryModel* m_model;
};

} // namespace scalelab::widgets
