#pragma once
// The designs of one library folder as a two-level model for the gallery:
// a row per topic (in model::libraryTopics() order, unlisted topics after
// them by name) with the designs of that topic under it, by their library
// order and then by name. Designs without a library section go to "Other".
//
// A challenge's reference solution is not listed until the challenge has
// been passed (ChallengeProgress) or the user reveals it on purpose; then it
// goes to a "Reference solutions" topic at the end, never right under its
// challenge, where a glance would give the answer away.
#include "ExampleLibrary.h"

#include <QSet>
#include <QStandardItemModel>

#include <functional>

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

    // Whether a challenge has been passed (its solution may then be listed).
    using PassedCheck = std::function<bool(const model::Challenge&)>;

    explicit GalleryModel(std::vector<ExampleLibrary::Example> designs, QObject* parent = nullptr);
    GalleryModel(std::vector<ExampleLibrary::Example> designs, PassedCheck passed, QObject* parent = nullptr);

    static QString otherTopic();
    static QString solutionsTopic();
    // The reference solution of the design behind `index` when it is not listed yet, else null.
    const ExampleLibrary::Example* hiddenSolutionOf(const QModelIndex& index) const;
    // Lists the solution at `path` (the user asked for it); its row, or invalid.
    QModelIndex revealSolution(const QString& path);
    bool isListed(const QString& path) const;
    bool isTopic(const QModelIndex& index) const { return index.isValid() && !index.parent().isValid(); }
    // The design behind a design row (of this model or a proxy of it), or null.
    const ExampleLibrary::Example* example(const QModelIndex& index) const;
    int designCount() const { return static_cast<int>(m_designs.size()); }

private:
    void populate();
    bool solutionListed(const ExampleLibrary::Example& example) const;

    std::vector<ExampleLibrary::Example> m_designs;
    PassedCheck m_passed;
    QSet<QString> m_revealed;
};

} // namespace scalelab::widgets
