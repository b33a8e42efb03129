#include "ConceptBrowser.h"

#include "ConceptPage.h"
#include "examples/ExampleLibrary.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>
#include <QVBoxLayout>


namespace scalelab::widgets {

namespace {
constexpr int kIdRole = Qt::UserRole;
QString text(const std::string& value) { return QString::fromStdString(value); }
} // namespace

ConceptBrowser::ConceptBrowser(model::ConceptLibrary library, QWidget* parent)
    : QWidget(parent)
    , m_library(std::move(library))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    m_back = new QPushButton(tr("Back"));
    m_back->setEnabled(false);
    connect(m_back, &QPushButton::clicked, this, &ConceptBrowser::back);
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search concepts…"));
    m_search->setToolTip(tr("Finds words in titles, summaries and every bullet, e.g. stampede or replica lag"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &ConceptBrowser::filter);
    top->addWidget(m_search, 1);
    top->addWidget(m_back);
    layout->addLayout(top);

    m_tree = new QTreeWidget;
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && !item->data(0, kIdRole).toString().isEmpty())
            showConcept(item->data(0, kIdRole).toString());
    });
    m_page = new QTextBrowser;
    m_page->setOpenLinks(false);
    m_page->setOpenExternalLinks(false);
    connect(m_page, &QTextBrowser::anchorClicked, this, &ConceptBrowser::followLink);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_tree);
    split->addWidget(m_page);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    m_tree->setMinimumHeight(fontMetrics().height() * 5);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    filter({});
    m_page->setHtml(tr("<p>Pick a concept from the list, search for one, or select a block on the canvas to read "
                       "about its pattern.</p>"));
}

QStringList ConceptBrowser::listedConcepts() const
{
    QStringList ids;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if (const QString id = (*it)->data(0, kIdRole).toString(); !id.isEmpty())
            ids << id;
    return ids;
}

void ConceptBrowser::fillTree(const std::vector<const model::Concept*>& concepts, bool byCategory)
{
    const QSignalBlocker quiet(m_tree); // filling is not choosing
    m_tree->clear();
    QHash<QString, QTreeWidgetItem*> categories;
    for (const model::Concept* entry : concepts) {
        QTreeWidgetItem* parent = nullptr;
        if (byCategory) {
            QTreeWidgetItem*& group = categories[text(entry->category)];
            if (!group) {
                group = new QTreeWidgetItem(m_tree, {text(entry->category)});
                group->setFlags(Qt::ItemIsEnabled);
                QFont bold = group->font(0);
                bold.setBold(true);
                group->setFont(0, bold);
            }
            parent = group;
        }
        auto* item = parent ? new QTreeWidgetItem(parent, {text(entry->title)})
                            : new QTreeWidgetItem(m_tree, {text(entry->title)});
        item->setData(0, kIdRole, text(entry->id));
        item->setToolTip(0, text(entry->summary));
    }
    m_tree->expandAll();
    selectInTree(m_current);
}

void ConceptBrowser::filter(const QString& query)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty()) {
        // Categories in the order they first appear in the library, concepts in file order within each.
        std::vector<const model::Concept*> all;
        for (const std::string& category : m_library.categories())
            for (const model::Concept& entry : m_library.concepts())
                if (entry.category == category)
                    all.push_back(&entry);
        fillTree(all, true);
        return;
    }
    const std::vector<const model::Concept*> matches = m_library.search(trimmed.toStdString());
    fillTree(matches, false);
    if (matches.empty()) {
        auto* none = new QTreeWidgetItem(m_tree, {tr("No concept mentions “%1”").arg(trimmed)});
        none->setFlags(Qt::NoItemFlags);
    }
}

void ConceptBrowser::selectInTree(const QString& id)
{
    const QSignalBlocker quiet(m_tree);
    m_tree->setCurrentItem(nullptr);
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, kIdRole).toString() == id) {
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it, QAbstractItemView::PositionAtCenter);
            return;
        }
}

bool ConceptBrowser::display(const QString& id)
{
    const model::Concept* entry = m_library.find(id.toStdString());
    if (!entry)
        return false;
    m_current = id;
    m_page->setHtml(ConceptPage::html(*entry, m_library));
    selectInTree(id);
    return true;
}

bool ConceptBrowser::showConcept(const QString& id)
{
    if (id == m_current)
        return m_library.find(id.toStdString()) != nullptr;
    const QString previous = m_current;
    if (!display(id))
        return false;
    if (!previous.isEmpty())
        m_history << previous;
    m_back->setEnabled(!m_history.isEmpty());
    return true;
}

bool ConceptBrowser::showKind(const QString& kind)
{
    const model::Concept* entry = m_library.forKind(kind.toStdString());
    return entry && showConcept(text(entry->id));
}

void ConceptBrowser::back()
{
    if (m_history.isEmpty())
        return;
    display(m_history.takeLast());
    m_back->setEnabled(!m_history.isEmpty());
}

void ConceptBrowser::followLink(const QUrl& url)
{
    const QString scheme = url.scheme();
    const QString target = url.path();
    if (scheme == ConceptPage::kConceptScheme)
        showConcept(target);
    else if (scheme == ConceptPage::kLessonScheme)
        emit lessonRequested(QString(ExampleLibrary::kLessonsFolder) + "/" + target + ".scalelab");
    else if (scheme == ConceptPage::kExampleScheme)
        emit exampleRequested(QString(ExampleLibrary::kExamplesFolder) + "/" + target + ".scalelab");
    else if (scheme == ConceptPage::kCardScheme)
        emit tradeoffRequested(":/tradeoffs/" + target + ".tradeoff");
}

} // namespace scalelab::widgets
