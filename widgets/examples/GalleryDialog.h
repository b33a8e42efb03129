#pragma once
// File > Examples, Lessons and Challenges: the designs of one resource folder
// grouped by library topic, each with a thumbnail, name, description and what
// to try, a filter box, and the full text of the chosen one beside the list.
#include "ExampleLibrary.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTreeView;

namespace scalelab::widgets {

class GalleryFilter;
class GalleryModel;

class GalleryDialog : public QDialog {
    Q_OBJECT
public:
    // `emptyText` is shown when the folder holds no designs.
    GalleryDialog(const QString& folder, const QString& title, const QString& emptyText, QWidget* parent = nullptr);

    // The chosen design's resource path; empty when none.
    QString selectedPath() const;
    // Designs in the folder, and those the filter leaves.
    int count() const;
    int shownCount() const;
    void setFilterText(const QString& text);
    // Selects the design at `path` when it is listed.
    bool select(const QString& path);
    // Lists and selects the chosen challenge's reference solution, after the
    // user confirms (unless `confirm` is false). False when there is none to show.
    bool showSolution(bool confirm = true);
    QPushButton* showSolutionButton() const { return m_showSolution; }

private:
    void selectFirstDesign();
    void showDetails();
    void updateEmptyState();
    void updateButtons();

    GalleryModel* m_model;
    GalleryFilter* m_filter;
    QLineEdit* m_search;
    QTreeView* m_view;
    QTextBrowser* m_details;
    QLabel* m_empty;
    QStackedWidget* m_stack;
    QString m_emptyText;
    QPushButton* m_open = nullptr;
    QPushButton* m_showSolution = nullptr;
};

} // namespace scalelab::widgets
