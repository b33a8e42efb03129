#include "PropertyEditor.h"

#include "ParamField.h"
#include "TrafficPreview.h"
#include "QtText.h"
#include "canvas/BlockIcons.h"
#include "canvas/CanvasStyle.h"
#include "commands/ChangeBlockIdCommand.h"
#include "commands/ChangeBlockRegionCommand.h"
#include "commands/ChangeParamCommand.h"
#include "commands/ChangeTextParamCommand.h"
#include "commands/RenameBlockCommand.h"
#include "document/DesignDocument.h"
#include "model/InstanceTypes.h"
#include "model/Architecture.h"
#include "model/Registry.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QUndoStack>
#include <QVBoxLayout>

namespace scalelab::widgets {

PropertyEditor::PropertyEditor(DesignDocument* document, QWidget* parent)
    : QScrollArea(parent)
    , m_document(document)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(document, &DesignDocument::designReset, this, [this] { showSelection({}, {}); });
    connect(document, &DesignDocument::blockChanged, this, [this](const QString& id) {
        if (toStdString(id) == m_blockId)
            refreshValues();
    });
    connect(document, &DesignDocument::linkChanged, this, [this](const QString& from, const QString& to) {
        if (m_link && *m_link == LinkKey{toStdString(from), toStdString(to)})
            refreshValues();
    });
    connect(document, &DesignDocument::blockRemoved, this, [this](const QString& id) {
        if (toStdString(id) == m_blockId || (m_link && (m_link->from == toStdString(id) || m_link->to == toStdString(id))))
            showSelection({}, {});
    });
    connect(document, &DesignDocument::linkRemoved, this, [this](const QString& from, const QString& to) {
        if (m_link && *m_link == LinkKey{toStdString(from), toStdString(to)})
            showSelection({}, {});
    });
    connect(document, &DesignDocument::blockIdChanged, this, &PropertyEditor::onBlockIdChanged);
    showSelection({}, {});
}

ParamField* PropertyEditor::field(const std::string& key) const
{
    auto it = m_fields.find(key);
    return it == m_fields.end() ? nullptr : it->second;
}

void PropertyEditor::clearForm()
{
    m_blockId.clear();
    m_link.reset();
    m_fields.clear();
    m_nameEdit = m_idEdit = nullptr;
    m_identityError = nullptr;
    m_trafficPreview = nullptr;
    delete takeWidget();
}

void PropertyEditor::showHint(const QString& text)
{
    clearForm();
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(16);
    label->setForegroundRole(QPalette::PlaceholderText);
    setWidget(label);
}

void PropertyEditor::showOverview()
{
    const model::Architecture& design = m_document->architecture();
    if (design.description.empty() && design.library.whatToTry.empty()) {
        showHint(tr("Select a block or a link to edit its properties."));
        return;
    }
    clearForm();
    // With nothing selected, the dock says what the open design is for and
    // what experiment to run with it (the example library's "what to try").
    // The experiment comes first: in a short dock it is what must not scroll away.
    QString html = QStringLiteral("<h3>%1</h3>").arg(toQString(design.name).toHtmlEscaped());
    if (!design.library.whatToTry.empty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(tr("What to try").toHtmlEscaped(), toQString(design.library.whatToTry).toHtmlEscaped());
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("About this design").toHtmlEscaped(), toQString(design.description).toHtmlEscaped());
    html += QStringLiteral("<p style='color:%1'>%2</p>")
                .arg(style::textSecondary().name(), tr("Select a block or a link to edit its properties.").toHtmlEscaped());
    auto* label = new QLabel(html);
    label->setObjectName("designOverview");
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setMargin(10);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setWidget(label);
}

void PropertyEditor::showSelection(const std::vector<std::string>& blockIds, const std::vector<LinkKey>& links)
{
    if (blockIds.size() == 1) { // a block with its links selected still edits the block
        if (blockIds.front() != m_blockId || !m_nameEdit)
            buildBlockForm(blockIds.front());
        return;
    }
    if (blockIds.empty() && links.size() == 1) {
        buildLinkForm(links.front());
        return;
    }
    if (blockIds.empty() && links.empty())
        showOverview();
    else
        showHint(tr("%n block(s) and %1 link(s) selected.\nSelect one to edit it.", nullptr,
                    static_cast<int>(blockIds.size()))
                     .arg(links.size()));
}

void PropertyEditor::buildBlockForm(const std::string& id)
{
    const model::Block* block = m_document->architecture().findBlock(id);
    const model::BlockSpec* spec = block ? model::Registry::instance().find(block->kind) : nullptr;
    if (!spec) {
        showHint(tr("Unknown block kind."));
        return;
    }
    clearForm();
    m_blockId = id;
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);

    // Header: what this block is and which pattern it teaches.
    auto* header = new QHBoxLayout;
    auto* icon = new QLabel;
    icon->setPixmap(BlockIcons::icon(spec->icon).pixmap(36, 36));
    icon->setAlignment(Qt::AlignTop);
    header->addWidget(icon);
    auto* title = new QLabel(QStringLiteral("<b>%1</b><br><span style='color:%2'>%3</span>")
                                 .arg(toQString(spec->displayName).toHtmlEscaped(), style::textSecondary().name(),
                                      toQString(spec->summary).toHtmlEscaped()));
    title->setWordWrap(true);
    title->setToolTip(tr("Pattern: %1").arg(toQString(spec->pattern)));
    header->addWidget(title, 1);
    layout->addLayout(header);

    auto* identity = new QFormLayout;
    identity->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_nameEdit = new QLineEdit(toQString(block->name));
    m_nameEdit->setToolTip(tr("What the block is called on the canvas and in reports."));
    m_idEdit = new QLineEdit(toQString(block->id));
    m_idEdit->setToolTip(tr("Unique id used in the file and on the command line (--set %1.param=value).")
                             .arg(toQString(block->id)));
    identity->addRow(tr("Name"), m_nameEdit);
    identity->addRow(tr("Id"), m_idEdit);
    m_regionEdit = new QComboBox;
    m_regionEdit->setEditable(true);
    m_regionEdit->addItems(m_document->regions());
    m_regionEdit->setCurrentText(toQString(block->region));
    m_regionEdit->lineEdit()->setPlaceholderText(tr("none"));
    m_regionEdit->setToolTip(tr("The region (data centre) the block runs in, e.g. us-east. GeoDNS sends clients to "
                                "their nearest region; losing a region fails every block in it."));
    identity->addRow(tr("Region"), m_regionEdit);
    connect(m_regionEdit->lineEdit(), &QLineEdit::editingFinished, this, &PropertyEditor::commitRegion);
    connect(m_regionEdit, &QComboBox::activated, this, &PropertyEditor::commitRegion);
    layout->addLayout(identity);
    m_identityError = new QLabel;
    m_identityError->setWordWrap(true);
    m_identityError->setStyleSheet(QStringLiteral("color: %1").arg(style::error().name()));
    m_identityError->hide();
    layout->addWidget(m_identityError);
    connect(m_nameEdit, &QLineEdit::textEdited, this,
            [this](const QString& text) { checkIdentity(m_nameEdit, m_document->nameRefusal(text, m_blockId)); });
    connect(m_idEdit, &QLineEdit::textEdited, this,
            [this](const QString& text) { checkIdentity(m_idEdit, m_document->idRefusal(text, m_blockId)); });
    connect(m_nameEdit, &QLineEdit::editingFinished, this, &PropertyEditor::commitName);
    connect(m_idEdit, &QLineEdit::editingFinished, this, &PropertyEditor::commitId);

    if (TrafficPreview::appliesTo(*block)) {
        auto* traffic = new QGroupBox(tr("Traffic"));
        m_trafficPreview = new TrafficPreview;
        (new QVBoxLayout(traffic))->addWidget(m_trafficPreview);
        layout->addWidget(traffic);
    }

    auto* group = new QGroupBox(tr("Parameters"));
    auto* form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (const auto& param : spec->params) {
        auto* field = new ParamField(param, group);
        auto* label = new QLabel(toQString(param.label));
        label->setToolTip(field->toolTipText());
        form->addRow(label, field);
        m_fields[param.key] = field;
        const std::string key = param.key;
        connect(field, &ParamField::valueEdited, this, [this, key](double value) {
            m_document->undoStack()->push(new ChangeParamCommand(m_document, m_blockId, key, value));
        });
        connect(field, &ParamField::textEdited, this, [this, key](const QString& text) {
            const model::Block* current = m_document->architecture().findBlock(m_blockId);
            if (current && current->text(key) != toStdString(text))
                m_document->undoStack()->push(new ChangeTextParamCommand(m_document, m_blockId, key, toStdString(text)));
        });
    }
    layout->addWidget(group);
    layout->addStretch(1);
    setWidget(page);
    refreshValues();
}

void PropertyEditor::buildLinkForm(const LinkKey& key)
{
    const model::Link* link = m_document->findLink(key);
    if (!link) {
        showHint(tr("Select a block or a link to edit its properties."));
        return;
    }
    clearForm();
    m_link = key;
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    const model::Block* from = m_document->architecture().findBlock(key.from);
    const model::Block* to = m_document->architecture().findBlock(key.to);
    auto* title = new QLabel(tr("<b>Link</b><br>%1 → %2")
                                 .arg(toQString(from ? from->name : key.from).toHtmlEscaped(),
                                      toQString(to ? to->name : key.to).toHtmlEscaped()));
    title->setWordWrap(true);
    layout->addWidget(title);
    auto* group = new QGroupBox(tr("Parameters"));
    auto* form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto& param : model::Registry::instance().linkParams()) {
        auto* field = new ParamField(param, group);
        auto* label = new QLabel(toQString(param.label));
        label->setToolTip(field->toolTipText());
        form->addRow(label, field);
        m_fields[param.key] = field;
        const std::string paramKey = param.key;
        connect(field, &ParamField::valueEdited, this, [this, paramKey](double value) {
            if (m_link)
                m_document->undoStack()->push(new ChangeParamCommand(m_document, *m_link, paramKey, value));
        });
    }
    layout->addWidget(group);
    layout->addStretch(1);
    setWidget(page);
    refreshValues();
}

void PropertyEditor::refreshValues()
{
    if (m_link) {
        if (const model::Link* link = m_document->findLink(*m_link))
            for (auto& [key, field] : m_fields)
                field->setValue(link->param(key));
        return;
    }
    const model::Block* block = m_document->architecture().findBlock(m_blockId);
    if (!block)
        return;
    // A chosen instance type sets the workers and the price: they show the
    // type's values, locked, so that what is shown is what runs.
    const model::Block shown = model::withInstanceType(*block);
    for (auto& [key, field] : m_fields) {
        if (field->spec().isText())
            field->setText(toQString(block->text(key)));
        else
            field->setValue(shown.param(key));
        field->setEnabled(!model::isSetByInstanceType(*block, key));
    }
    if (m_nameEdit && !m_nameEdit->hasFocus())
        m_nameEdit->setText(toQString(block->name));
    if (m_regionEdit && !m_regionEdit->hasFocus())
        m_regionEdit->setCurrentText(toQString(block->region));
    if (m_trafficPreview)
        m_trafficPreview->showBlock(*block);
}

void PropertyEditor::checkIdentity(QLineEdit* edit, const QString& refusal)
{
    edit->setStyleSheet(refusal.isEmpty() ? QString() : QStringLiteral("border: 1px solid %1").arg(style::error().name()));
    m_identityError->setText(refusal);
    m_identityError->setVisible(!refusal.isEmpty());
}

void PropertyEditor::commitName()
{
    const model::Block* block = m_document->architecture().findBlock(m_blockId);
    if (!block || !m_nameEdit)
        return;
    const QString text = m_nameEdit->text().trimmed();
    if (text == toQString(block->name))
        return checkIdentity(m_nameEdit, {});
    if (!m_document->nameRefusal(text, m_blockId).isEmpty()) {
        m_nameEdit->setText(toQString(block->name)); // refused: back to the valid name, the message stays
        return;
    }
    checkIdentity(m_nameEdit, {});
    m_document->undoStack()->push(new RenameBlockCommand(m_document, m_blockId, toStdString(text)));
}

void PropertyEditor::commitRegion()
{
    const model::Block* block = m_document->architecture().findBlock(m_blockId);
    if (!block || !m_regionEdit)
        return;
    const std::string region = toStdString(m_regionEdit->currentText().trimmed());
    if (region != block->region)
        m_document->undoStack()->push(new ChangeBlockRegionCommand(m_document, m_blockId, region));
}

void PropertyEditor::commitId()
{
    if (!m_idEdit || m_blockId.empty())
        return;
    const QString text = m_idEdit->text().trimmed();
    if (text == toQString(m_blockId))
        return checkIdentity(m_idEdit, {});
    if (!m_document->idRefusal(text, m_blockId).isEmpty()) {
        m_idEdit->setText(toQString(m_blockId));
        return;
    }
    checkIdentity(m_idEdit, {});
    m_document->undoStack()->push(new ChangeBlockIdCommand(m_document, m_blockId, toStdString(text)));
}

void PropertyEditor::onBlockIdChanged(const QString& oldId, const QString& newId)
{
    const std::string from = toStdString(oldId), to = toStdString(newId);
    if (m_blockId == from) {
        m_blockId = to;
        if (m_idEdit && !m_idEdit->hasFocus())
            m_idEdit->setText(newId);
    }
    if (m_link) {
        if (m_link->from == from)
            m_link->from = to;
        if (m_link->to == from)
            m_link->to = to;
    }
}

} // namespace scalelab::widgets
