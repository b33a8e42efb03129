#pragma once
// The designs of one library folder as a two-level model for the gallery:
// a row per topic (in model::libraryTopics() order, unlisted topics after
// them by name) with the designs of that topic under it, by their library
// order and then by name. Designs without a library section go to "Other".
#include "ExampleLibrary.h"

#include <QStandardItemModel>

namespace scalelab::widgets {

class GalleryModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1, // resource path; empty on a topic row
        DesignIndexRole,             // index into designs(); -1 on a topic row
        DescriptionRole,
        WhatToTryRole,
        SearchTextRole, // name, topic, description and what to try, for the filter
    };

    explicit GalleryModel(std::vector<ExampleLibrary::Example> designs, QObject* parent = nullptr);

    static QString otherTopic();
    bool isTopic(const QModelIndex& index) const { return index.isValid() && !index.parent().isValid(); }
    // The design behind a design row (of this model or a proxy of it), or null.
    const ExampleLibrary::Example* example(const QModelIndex& index) const;
    int designCount() const { return static_cast<int>(m_designs.size()); }

private:
    std::vector<ExampleLibrary::Example> m_designs;
};

} // namespace scalelab::widgets
