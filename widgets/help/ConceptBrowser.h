#pragma once
// The Help dock's concept library: a search field, the concepts by category
// (or, while searching, the matches best first), and the selected concept's
// page (ConceptPage). Links on the page move to a related concept (with
// Back), or ask the window to open a lesson, an example or a trade-off card.
#include "model/ConceptLibrary.h"

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QUrl;

namespace scalelab::widgets {

class ConceptBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ConceptBrowser(model::ConceptLibrary library, QWidget* parent = nullptr);

    const model::ConceptLibrary& library() const { return m_library; }
    QLineEdit* searchField() const { return m_search; }
    QTreeWidget* tree() const { return m_tree; }
    QTextBrowser* page() const { return m_page; }
    // The concept on the page; empty before the first one.
    const QString& currentConcept() const { return m_current; }
    // The concept ids the list shows now, in order.
    QStringList listedConcepts() const;

public slots:
    // False for an unknown id (the page stays as it was).
    bool showConcept(const QString& id);
    // The concept that explains a block kind; false if none does.
    bool showKind(const QString& kind);
    void back();
    // Filters the list: every concept whose title, summary or bullets hold `query`.
    void filter(const QString& query);
    // Follows a page link (concept:, lesson:, example:, card:).
    void followLink(const QUrl& url);

signals:
    void lessonRequested(const QString& resourcePath);
    void exampleRequested(const QString& resourcePath);
    void tradeoffRequested(const QString& cardPath);

private:
    void fillTree(const std::vector<const model::Concept*>& concepts, bool byCategory);
    void selectInTree(const QString& id);
    bool display(const QString& id);

    model::ConceptLibrary m_library;
    QLineEdit* m_search;
    QPushButton* m_back;
    QTreeWidget* m_tree;
    QTextBrowser* m_page;
    QString m_current;
    QStringList m_history;
};

} // namespace scalelab::widgets
