#include "GalleryDialog.h"

#include "GalleryDelegate.h"
#include "GalleryFilter.h"
#include "GalleryModel.h"
#include "QtText.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace scalelab::widgets {

GalleryDialog::GalleryDialog(const QString& folder, const QString& title, const QString& emptyText, QWidget* parent)
    : QDialog(parent)
    , m_model(new GalleryModel(ExampleLibrary::inFolder(folder), this))
    , m_filter(new GalleryFilter(this))
    , m_search(new QLineEdit)
    , m_view(new QTreeView)
    , m_details(new QTextBrowser)
    , m_empty(new QLabel)
    , m_stack(new QStackedWidget)
    , m_emptyText(emptyText)
{
    setWindowTitle(title);
    m_filter->setSourceModel(m_model);
    m_search->setPlaceholderText(tr("Filter by name, topic or text"));
    m_search->setClearButtonEnabled(true);

    m_view->setModel(m_filter);
    m_view->setItemDelegate(new GalleryDelegate(m_model, m_view));
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setIndentation(0);
    m_view->setItemsExpandable(false);
    m_view->setExpandsOnDoubleClick(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->expandAll();

    m_details->setOpenLinks(false);
    m_details->setMinimumWidth(280);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    m_open = buttons->button(QDialogButtonBox::Open);
    m_showSolution = buttons->addButton(tr("Show solution…"), QDialogButtonBox::ActionRole);
    m_showSolution->setObjectName("showSolution");
    m_showSolution->setToolTip(tr("List this challenge's reference solution (it is listed by itself once you pass)"));
    connect(m_showSolution, &QPushButton::clicked, this, [this] { showSolution(); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!selectedPath().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (index.parent().isValid())
            accept();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    connect(m_search, &QLineEdit::textChanged, this, &GalleryDialog::setFilterText);

    auto* body = new QHBoxLayout;
    body->addWidget(m_stack, 2);
    body->addWidget(m_details, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
    resize(1100, 720);
    selectFirstDesign();
    updateEmptyState();
    updateButtons();
}

void GalleryDialog::updateButtons()
{
    m_open->setEnabled(!selectedPath().isEmpty());
    m_showSolution->setVisible(m_model->hiddenSolutionOf(m_filter->mapToSource(m_view->currentIndex())) != nullptr);
}

bool GalleryDialog::select(const QString& path)
{
    for (int topic = 0; topic < m_filter->rowCount(); ++topic)
        for (int row = 0; row < m_filter->rowCount(m_filter->index(topic, 0)); ++row) {
            const QModelIndex index = m_filter->index(row, 0, m_filter->index(topic, 0));
            if (index.data(GalleryModel::PathRole).toString() == path) {
                m_view->setCurrentIndex(index);
                m_view->scrollTo(index);
                return true;
            }
        }
    return false;
}

bool GalleryDialog::showSolution(bool confirm)
{
    const ExampleLibrary::Example* solution = m_model->hiddenSolutionOf(m_filter->mapToSource(m_view->currentIndex()));
    if (!solution)
        return false;
    if (confirm) {
        const QString challenge = m_view->currentIndex().data().toString();
        const auto answer = QMessageBox::question(
            this, tr("Show the solution?"),
            tr("<p>Show the reference solution of <b>%1</b>?</p><p>Working it out is the point of a challenge: "
               "submit your own design first. Once it passes, the solution is listed by itself.</p>")
                .arg(challenge.toHtmlEscaped()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return false;
    }
    const QString path = solution->path; // populate() keeps m_designs, but be explicit
    m_model->revealSolution(path);
    m_view->expandAll();
    select(path);
    updateEmptyState();
    updateButtons();
    return true;
}

QString GalleryDialog::selectedPath() const
{
    return m_view->currentIndex().data(GalleryModel::PathRole).toString();
}

int GalleryDialog::count() const { return m_model->designCount(); }

int GalleryDialog::shownCount() const { return m_filter->matchCount(); }

void GalleryDialog::setFilterText(const QString& text)
{
    if (m_search->text() != text)
        m_search->setText(text); // comes back here through textChanged
    m_filter->setSearch(text);
    m_view->expandAll();
    if (!m_view->currentIndex().isValid() || !m_view->currentIndex().parent().isValid())
        selectFirstDesign();
    updateEmptyState();
    showDetails();
}

void GalleryDialog::selectFirstDesign()
{
    const QModelIndex first = m_filter->index(0, 0, m_filter->index(0, 0));
    m_view->setCurrentIndex(first);
    m_view->scrollToTop();
}

void GalleryDialog::updateEmptyState()
{
    if (count() == 0)
        m_empty->setText(m_emptyText);
    else if (shownCount() == 0)
        m_empty->setText(tr("Nothing matches \"%1\".").arg(m_search->text()));
    m_stack->setCurrentWidget(shownCount() == 0 ? static_cast<QWidget*>(m_empty) : m_view);
}

void GalleryDialog::showDetails()
{
    const ExampleLibrary::Example* example = m_model->example(m_filter->mapToSource(m_view->currentIndex()));
    if (!example) {
        m_details->setHtml(QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("Nothing selected.").toHtmlEscaped()));
        return;
    }
    const model::Architecture& design = example->design;
    QString html = QStringLiteral("<h3>%1</h3>").arg(toQString(design.name).toHtmlEscaped());
    if (!design.library.topic.empty())
        html += QStringLiteral("<p style='color:gray'>%1</p>").arg(toQString(design.library.topic).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(toQString(design.description).toHtmlEscaped());
    if (!design.library.whatToTry.empty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(tr("What to try").toHtmlEscaped(), toQString(design.library.whatToTry).toHtmlEscaped());
    html += QStringLiteral("<p style='color:gray'>%1</p>")
                .arg(tr("%n block(s), %1 link(s)", nullptr, static_cast<int>(design.blocks.size()))
                         .arg(design.links.size())
                         .toHtmlEscaped());
    m_details->setHtml(html);
}

} // namespace scalelab::widgets
