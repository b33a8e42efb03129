#pragma once
// Help > Trade-off cards…: every bundled card by topic, with its tier and
// question; filter by typing, open one (double-click or Open) to load its
// two designs into the compare window.
#include <QDialog>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace scalelab::widgets {

class TradeoffCardBrowser : public QDialog {
    Q_OBJECT
public:
    explicit TradeoffCardBrowser(QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    // Cards listed (those that parse), over all topics.
    int cardCount() const { return m_cards; }
    void setFilterText(const QString& text);

signals:
    void cardChosen(const QString& cardPath);

private:
    void fill();
    void applyFilter();
    void openCurrent();

    QLineEdit* m_filter;
    QTreeWidget* m_tree;
    int m_cards = 0;
};

} // namespace scalelab::widgets
