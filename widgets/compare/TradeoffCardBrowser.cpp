#include "TradeoffCardBrowser.h"

#include "QtText.h"
#include "TradeoffCardFile.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scalelab::widgets {

namespace {
constexpr int kPathRole = Qt::UserRole;
} // namespace

TradeoffCardBrowser::TradeoffCardBrowser(QWidget* parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Trade-off cards"));
    setObjectName("TradeoffCardBrowser");
    m_filter->setPlaceholderText(tr("Filter by title, topic, tier or question"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Card"), tr("Tier"), tr("Question")});
    m_tree->setRootIsDecorated(true);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Close, this);
    connect(buttons->button(QDialogButtonBox::Open), &QPushButton::clicked, this, &TradeoffCardBrowser::openCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::itemActivated, this, &TradeoffCardBrowser::openCurrent);
    connect(m_filter, &QLineEdit::textChanged, this, &TradeoffCardBrowser::applyFilter);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(900, 560);
    fill();
}

void TradeoffCardBrowser::fill()
{
    QMap<QString, QTreeWidgetItem*> topics;
    for (const QString& path : TradeoffCardFile::bundled()) {
        model::TradeoffCard card;
        try {
            card = TradeoffCardFile::readCard(path);
        } catch (const std::exception&) {
            continue; // a broken card is the card tests' to report, not the browser's
        }
        const QString topic = toQString(card.topic);
        QTreeWidgetItem*& group = topics[topic];
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {topic});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto* item = new QTreeWidgetItem(group, {toQString(card.title), toQString(card.tier), toQString(card.question)});
        item->setData(0, kPathRole, path);
        item->setToolTip(2, toQString(card.question));
        ++m_cards;
    }
    m_tree->sortItems(0, Qt::AscendingOrder);
    m_tree->expandAll();
    if (m_cards == 0)
        new QTreeWidgetItem(m_tree, {tr("No trade-off cards are built in yet.")});
}

void TradeoffCardBrowser::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

void TradeoffCardBrowser::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        bool any = false;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const bool shown = text.isEmpty() || group->text(0).contains(text, Qt::CaseInsensitive) ||
                               item->text(0).contains(text, Qt::CaseInsensitive) ||
                               item->text(1).contains(text, Qt::CaseInsensitive) ||
                               item->text(2).contains(text, Qt::CaseInsensitive);
            item->setHidden(!shown);
            any = any || shown;
        }
        group->setHidden(group->childCount() > 0 && !any);
    }
}

void TradeoffCardBrowser::openCurrent()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    const QString path = item ? item->data(0, kPathRole).toString() : QString();
    if (path.isEmpty())
        return;
    emit cardChosen(path);
    accept();
}

} // namespace scalelab::widgets
