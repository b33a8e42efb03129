#include "ExamplesDialog.h"

#include "QtText.h"
#include "canvas/CanvasExporter.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace scalelab::widgets {

namespace {

constexpr QSize kThumbnail(260, 130);

QImage renderThumbnail(const model::Architecture& design)
{
    DesignDocument document;
    document.reset(design);
    CanvasScene scene(&document);
    return CanvasExporter::thumbnail(&scene, kThumbnail);
}

} // namespace

ExamplesDialog::ExamplesDialog(QWidget* parent)
    : QDialog(parent)
    , m_examples(ExampleLibrary::all())
    , m_list(new QListWidget)
    , m_details(new QLabel)
{
    setWindowTitle(tr("Examples"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(kThumbnail);
    m_list->setGridSize(kThumbnail + QSize(24, 48));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    m_list->setSpacing(6);
    m_list->setUniformItemSizes(true);
    for (const auto& example : m_examples) {
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(renderThumbnail(example.design))),
                                         toQString(example.design.name), m_list);
        item->setToolTip(toQString(example.design.description));
    }
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumWidth(260);
    m_details->setMargin(8);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_list, &QListWidget::currentRowChanged, this, [this, buttons] {
        showDetails();
        buttons->button(QDialogButtonBox::Open)->setEnabled(m_list->currentRow() >= 0);
    });

    auto* body = new QHBoxLayout;
    body->addWidget(m_list, 3);
    body->addWidget(m_details, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(buttons);
    resize(1000, 620);
    m_list->setCurrentRow(m_examples.empty() ? -1 : 0);
    showDetails();
}

QString ExamplesDialog::selectedPath() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < static_cast<int>(m_examples.size()) ? m_examples[static_cast<size_t>(row)].path
                                                                 : QString();
}

int ExamplesDialog::count() const { return static_cast<int>(m_examples.size()); }

void ExamplesDialog::showDetails()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_examples.size())) {
        m_details->setText(tr("No example selected."));
        return;
    }
    const model::Architecture& design = m_examples[static_cast<size_t>(row)].design;
    m_details->setText(QStringLiteral("<h3>%1</h3><p>%2</p><p style='color:gray'>%3</p>")
                           .arg(toQString(design.name).toHtmlEscaped(),
                                toQString(design.description).toHtmlEscaped(),
                                tr("%n block(s), %1 link(s)", nullptr, static_cast<int>(design.blocks.size()))
                                    .arg(design.links.size())));
}

} // namespace scalelab::widgets
