#include "FaultsPanel.h"

#include "QtText.h"
#include "ScheduledFaultsView.h"
#include "document/DesignDocument.h"
#include "properties/CompactDoubleSpinBox.h"
#include "run/RunController.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace scalelab::widgets {

namespace {

// Long enough for any experiment, short of "for ever", which 0 already means.
constexpr double kMaxDurationS = 24 * 3600;

QLabel* captionLabel()
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

FaultsPanel::FaultsPanel(DesignDocument* document, RunController* run, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_run(run)
    , m_form(new QFormLayout)
    , m_action(new QComboBox)
    , m_help(captionLabel())
    , m_targetLabel(new QLabel(tr("Block")))
    , m_target(new QComboBox)
    , m_valueRow(new QWidget)
    , m_value(new CompactDoubleSpinBox)
    , m_valueUnit(new QLabel)
    , m_duration(new CompactDoubleSpinBox)
    , m_inject(new QPushButton(tr("Inject")))
    , m_recover(new QPushButton(tr("Recover")))
    , m_status(captionLabel())
{
    m_action->setObjectName("faultAction");
    m_target->setObjectName("faultTarget");
    m_value->setObjectName("faultValue");
    m_duration->setObjectName("faultDuration");
    m_inject->setObjectName("injectFault");
    m_recover->setObjectName("recoverFault");
    for (const auto& spec : model::faultSpecs()) {
        m_action->addItem(toQString(spec.label), toQString(spec.action));
        m_action->setItemData(m_action->count() - 1, toQString(spec.help), Qt::ToolTipRole);
    }
    // A dock is narrow: no field may ask for the width of its longest entry.
    for (QComboBox* box : {m_action, m_target}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    for (QDoubleSpinBox* box : {m_value, m_duration})
        box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("0000.00")) + 30);
    m_value->setDecimals(2);
    auto* valueLayout = new QHBoxLayout(m_valueRow);
    valueLayout->setContentsMargins(0, 0, 0, 0);
    valueLayout->addWidget(m_value, 1);
    valueLayout->addWidget(m_valueUnit);
    m_duration->setRange(0, kMaxDurationS);
    m_duration->setDecimals(1);
    m_duration->setSingleStep(5);
    m_duration->setSuffix(tr(" s"));
    m_duration->setSpecialValueText(tr("until recovered"));
    m_duration->setToolTip(tr("The fault heals by itself after this long; at 0 it stays until you press Recover."));
    m_recover->setToolTip(tr("End every fault on the target's blocks now: crashed instances restart, slowness "
                             "and errors stop, cut links heal."));

    m_form->addRow(tr("Action"), m_action);
    m_form->addRow(m_targetLabel, m_target);
    m_form->addRow(tr("Value"), m_valueRow);
    m_form->addRow(tr("Duration"), m_duration);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_inject);
    buttons->addWidget(m_recover);
    buttons->addStretch();
    auto* live = new QGroupBox(tr("Inject into the running simulation"));
    auto* liveLayout = new QVBoxLayout(live);
    liveLayout->addLayout(m_form);
    liveLayout->addLayout(buttons);
    liveLayout->addWidget(m_status);
    // Below the buttons: in a short dock Inject stays in sight, and the combo's tooltip says the same.
    liveLayout->addWidget(m_help);

    auto* scheduledView = new ScheduledFaultsView(document);
    auto* scheduled = new QGroupBox(tr("Scheduled in the design's file"));
    auto* scheduledLayout = new QVBoxLayout(scheduled);
    scheduledLayout->addWidget(scheduledView);
    connect(scheduledView, &ScheduledFaultsView::blocksActivated, this, &FaultsPanel::blocksActivated);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(live);
    layout->addWidget(scheduled, 1);

    connect(m_action, &QComboBox::currentIndexChanged, this, &FaultsPanel::onActionChanged);
    connect(m_target, &QComboBox::currentIndexChanged, this, &FaultsPanel::updateButtons);
    connect(m_inject, &QPushButton::clicked, this, &FaultsPanel::inject);
    connect(m_recover, &QPushButton::clicked, this, &FaultsPanel::recover);

    connect(document, &DesignDocument::designReset, this, &FaultsPanel::refreshTargets);
    connect(document, &DesignDocument::blockAdded, this, &FaultsPanel::refreshTargets);
    connect(document, &DesignDocument::blockRemoved, this, &FaultsPanel::refreshTargets);
    connect(document, &DesignDocument::blockChanged, this, &FaultsPanel::refreshTargets); // names
    connect(document, &DesignDocument::linkAdded, this, &FaultsPanel::refreshTargets);
    connect(document, &DesignDocument::linkRemoved, this, &FaultsPanel::refreshTargets);
    connect(document, &DesignDocument::blockIdChanged, this, [this](const QString& oldId, const QString& newId) {
        // Carry the chosen target across the rename, so the form does not jump.
        const auto rename = [&](std::string& id) {
            if (id == toStdString(oldId))
                id = toStdString(newId);
        };
        for (auto& target : m_targets) {
            rename(target.block);
            rename(target.to);
            std::for_each(target.blocks.begin(), target.blocks.end(), rename);
        }
        rename(m_selected);
        refreshTargets();
    });
    connect(run, &RunController::stateChanged, this, &FaultsPanel::updateButtons);
    connect(run, &RunController::cleared, this, [this] { showResult({}, false); });
    connect(run, &RunController::faultApplied, this, [this](const QString& text, double at) {
        showResult(tr("At %1 s: %2").arg(at, 0, 'f', 1).arg(text), false);
    });
    connect(run, &RunController::faultRefused, this,
            [this](const QString& reason) { showResult(tr("Refused: %1").arg(reason), true); });
    onActionChanged();
}

void FaultsPanel::fitValueBox(QDoubleSpinBox* box, const model::FaultSpec& spec)
{
    box->setDecimals(spec.wholeNumber ? 0 : 2);
    box->setRange(spec.minValue, spec.maxValue);
    // Probabilities move in small steps, counts and factors in whole ones.
    box->setSingleStep(spec.maxValue <= 1 ? 0.05 : 1);
    box->setValue(spec.defaultValue);
}

const model::FaultSpec& FaultsPanel::spec() const
{
    return model::faultSpecs().at(static_cast<size_t>(std::max(0, m_action->currentIndex())));
}

const FaultTarget* FaultsPanel::currentTarget() const
{
    const int index = m_target->currentIndex();
    return index >= 0 && index < static_cast<int>(m_targets.size()) ? &m_targets[static_cast<size_t>(index)] : nullptr;
}

model::Fault FaultsPanel::currentFault() const
{
    if (const FaultTarget* target = currentTarget())
        return target->fault(spec(), m_value->value(), m_duration->value());
    return FaultTarget{}.fault(spec(), m_value->value(), m_duration->value());
}

bool FaultsPanel::setAction(const QString& action)
{
    const int index = m_action->findData(action);
    if (index >= 0)
        m_action->setCurrentIndex(index);
    return index >= 0;
}

void FaultsPanel::setSelectedBlock(const QString& id)
{
    m_selected = toStdString(id);
    const auto holdsSelection = [this](const FaultTarget& t) {
        return std::count(t.blocks.begin(), t.blocks.end(), m_selected) > 0;
    };
    const FaultTarget* current = currentTarget();
    if (m_selected.empty() || (current && holdsSelection(*current)))
        return;
    // A selection this action cannot strike leaves the user's choice alone.
    if (std::any_of(m_targets.begin(), m_targets.end(), holdsSelection))
        preferTarget(nullptr);
}

void FaultsPanel::onActionChanged()
{
    const model::FaultSpec& s = spec();
    m_help->setText(toQString(s.help));
    m_action->setToolTip(toQString(s.help));
    switch (s.target) {
    case model::FaultSpec::Target::Block: m_targetLabel->setText(tr("Block")); break;
    case model::FaultSpec::Target::Link: m_targetLabel->setText(tr("Link")); break;
    case model::FaultSpec::Target::Region: m_targetLabel->setText(tr("Region")); break;
    }
    m_form->setRowVisible(m_valueRow, s.hasValue);
    if (s.hasValue) {
        fitValueBox(m_value, s);
        m_valueUnit->setText(toQString(s.valueLabel));
        m_value->setToolTip(tr("%1, from %2 to %3").arg(toQString(s.valueLabel)).arg(s.minValue).arg(s.maxValue));
    }
    refreshTargets();
}

void FaultsPanel::refreshTargets()
{
    const FaultTarget* current = currentTarget();
    const FaultTarget keep = current ? *current : FaultTarget{};
    m_targets = FaultTarget::listFor(spec(), m_document->architecture());
    {
        const QSignalBlocker blocker(m_target);
        m_target->clear();
        for (const auto& target : m_targets)
            m_target->addItem(target.label);
        m_target->setPlaceholderText(tr("none in this design")); // the reason shows below, in full
    }
    preferTarget(current ? &keep : nullptr);
}

void FaultsPanel::preferTarget(const FaultTarget* keep)
{
    // The target the user had, else one holding the canvas selection, else the first.
    auto it = m_targets.end();
    if (keep)
        it = std::find_if(m_targets.begin(), m_targets.end(), [&](const FaultTarget& t) { return t.sameAs(*keep); });
    if (it == m_targets.end() && !m_selected.empty())
        it = std::find_if(m_targets.begin(), m_targets.end(), [this](const FaultTarget& t) {
            return std::count(t.blocks.begin(), t.blocks.end(), m_selected) > 0;
        });
    if (it == m_targets.end() && !m_targets.empty())
        it = m_targets.begin();
    {
        const QSignalBlocker blocker(m_target);
        m_target->setCurrentIndex(it == m_targets.end() ? -1 : static_cast<int>(it - m_targets.begin()));
    }
    updateButtons();
}

QString FaultsPanel::injectRefusal() const
{
    if (!currentTarget())
        return FaultTarget::noneReason(spec());
    if (m_run->state() == RunController::State::Stopped)
        return tr("Press Play first: faults strike a running simulation.");
    return toQString(model::faultRefusal(currentFault(), m_document->architecture()));
}

void FaultsPanel::updateButtons()
{
    const QString refusal = injectRefusal();
    m_inject->setEnabled(refusal.isEmpty());
    m_inject->setToolTip(refusal.isEmpty() ? tr("Apply the fault to the running simulation now") : refusal);
    m_recover->setEnabled(currentTarget() && m_run->state() != RunController::State::Stopped);
    // The reason Inject is off matters more than the outcome of the last action.
    const bool showRefusal = !refusal.isEmpty();
    m_status->setText(showRefusal ? refusal : m_result);
    m_status->setForegroundRole(showRefusal || !m_resultRefused ? QPalette::PlaceholderText : QPalette::WindowText);
    m_status->setStyleSheet(!showRefusal && m_resultRefused ? QStringLiteral("color: #c0392b;") : QString());
    m_status->setVisible(!m_status->text().isEmpty());
}

void FaultsPanel::showResult(const QString& text, bool refused)
{
    m_result = text;
    m_resultRefused = refused;
    updateButtons();
}

void FaultsPanel::inject()
{
    if (injectRefusal().isEmpty())
        m_run->injectFault(currentFault());
}

void FaultsPanel::recover()
{
    const FaultTarget* target = currentTarget();
    if (!target)
        return;
    // A link's faults live on its calling block; a region's on each of its blocks.
    const std::vector<std::string> ids =
        spec().target == model::FaultSpec::Target::Link ? std::vector<std::string>{target->block} : target->blocks;
    for (const auto& id : ids)
        m_run->recoverBlock(toQString(id));
}

} // namespace scalelab::widgets
