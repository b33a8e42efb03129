#include "AdvisorPanel.h"

#include "QtText.h"
#include "analysis/Advisor.h"
#include "canvas/CanvasStyle.h"
#include "document/DesignDocument.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace scalelab::widgets {

namespace {

QColor colourOf(analysis::Finding::Kind kind)
{
    switch (kind) {
    case analysis::Finding::Kind::Bottleneck:
        return style::error();
    case analysis::Finding::Kind::Symptom:
        return style::warning();
    case analysis::Finding::Kind::AntiPattern:
        return QColor(0x6f, 0x42, 0xc1);
    }
    return style::textPrimary();
}

} // namespace

AdvisorPanel::AdvisorPanel(DesignDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_list(new QListWidget)
    , m_hint(new QLabel(tr("Press Play: the advisor reads the running simulation, names the block that limits the "
                           "design and suggests the pattern that fixes it.")))
{
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_hint->setMargin(6);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    m_list->hide();
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            emit blocksActivated({id});
    });
}

void AdvisorPanel::appendSnapshot(const stats::Snapshot& snapshot, bool now)
{
    if (!now && m_sinceLast.isValid() && m_sinceLast.elapsed() < 1000)
        return;
    m_sinceLast.start();
    const auto findings = analysis::advise(m_document->architecture(), snapshot);
    m_list->clear();
    for (const auto& finding : findings) {
        auto* item = new QListWidgetItem(QStringLiteral("%1: %2\n→ %3: %4")
                                             .arg(toQString(analysis::findingKindName(finding.kind)),
                                                  toQString(finding.problem), toQString(finding.pattern),
                                                  toQString(finding.suggestion)));
        item->setForeground(colourOf(finding.kind).darker(110));
        item->setData(Qt::UserRole, toQString(finding.blockId));
        item->setToolTip(toQString(finding.suggestion));
        m_list->addItem(item);
    }
    if (findings.empty())
        m_hint->setText(tr("Nothing stands out at %1 s: every pool has headroom. Raise the load to find the "
                           "bottleneck.")
                            .arg(snapshot.simSeconds, 0, 'f', 0));
    m_hint->setVisible(findings.empty());
    m_list->setVisible(!findings.empty());
}

void AdvisorPanel::clear()
{
    m_list->clear();
    m_list->hide();
    m_hint->setText(tr("Press Play: the advisor reads the running simulation, names the block that limits the "
                       "design and suggests the pattern that fixes it."));
    m_hint->show();
    m_sinceLast.invalidate();
}

} // namespace scalelab::widgets
