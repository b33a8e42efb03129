#include "CompareFaultBar.h"

#include "CompareRun.h"
#include "QtText.h"
#include "document/DesignDocument.h"
#include "faults/FaultsPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

namespace scalelab::widgets {

CompareFaultBar::CompareFaultBar(DesignDocument* a, DesignDocument* b, CompareRun* run, QWidget* parent)
    : QWidget(parent)
    , m_a(a)
    , m_b(b)
    , m_run(run)
    , m_action(new QComboBox(this))
    , m_target(new QComboBox(this))
    , m_value(new QDoubleSpinBox(this))
    , m_inject(new QPushButton(tr("Inject into both"), this))
    , m_recover(new QPushButton(tr("Recover both"), this))
    , m_status(new QLabel(this))
{
    m_action->setObjectName("compareFaultAction");
    m_target->setObjectName("compareFaultTarget");
    m_inject->setObjectName("compareInject");
    for (const auto& spec : model::faultSpecs()) {
        m_action->addItem(toQString(spec.label), toQString(spec.action));
        m_action->setItemData(m_action->count() - 1, toQString(spec.help), Qt::ToolTipRole);
    }
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_target->setPlaceholderText(tr("nothing in both"));
    m_target->setMinimumContentsLength(10);
    m_inject->setToolTip(tr("The same fault, on the same block, into both runs at the same moment"));
    m_recover->setToolTip(tr("End every fault on the target's blocks in both runs"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);
    row->addWidget(new QLabel(tr("Fault both:"), this));
    row->addWidget(m_action);
    row->addWidget(m_target);
    row->addWidget(m_value);
    row->addWidget(m_inject);
    row->addWidget(m_recover);
    row->addWidget(m_status, 1);

    connect(m_action, &QComboBox::currentIndexChanged, this, &CompareFaultBar::onActionChanged);
    connect(m_inject, &QPushButton::clicked, this, &CompareFaultBar::inject);
    connect(m_recover, &QPushButton::clicked, this, &CompareFaultBar::recover);
    for (DesignDocument* document : {a, b}) {
        connect(document, &DesignDocument::designReset, this, &CompareFaultBar::preferStrikableAction);
        connect(document, &DesignDocument::blockAdded, this, &CompareFaultBar::refreshTargets);
        connect(document, &DesignDocument::blockRemoved, this, &CompareFaultBar::refreshTargets);
        connect(document, &DesignDocument::blockIdChanged, this, &CompareFaultBar::refreshTargets);
        connect(document, &DesignDocument::linkAdded, this, &CompareFaultBar::refreshTargets);
        connect(document, &DesignDocument::linkRemoved, this, &CompareFaultBar::refreshTargets);
    }
    connect(run, &CompareRun::stateChanged, this, &CompareFaultBar::updateButtons);
    connect(run, &CompareRun::cleared, this, [this] {
        m_reports.clear();
        m_status->clear();
    });
    connect(run, &CompareRun::faultReport, this, [this](const QString& text, bool refused) {
        m_reports.append(text);
        while (m_reports.size() > 2)
            m_reports.removeFirst();
        m_status->setText(m_reports.join(QStringLiteral("   ")));
        m_status->setStyleSheet(refused ? QStringLiteral("color: #d1242f") : QString());
    });
    onActionChanged();
}

void CompareFaultBar::preferStrikableAction()
{
    refreshTargets();
    if (!m_targets.empty())
        return;
    // New designs in which the chosen action has nothing to strike: the
    // first action that has, so the bar offers something that works.
    const int kept = m_action->currentIndex();
    for (int index = 0; index < m_action->count(); ++index) {
        m_action->setCurrentIndex(index); // refreshes the targets
        if (!m_targets.empty())
            return;
    }
    m_action->setCurrentIndex(kept);
}

const model::FaultSpec& CompareFaultBar::spec() const
{
    return model::faultSpecs().at(static_cast<size_t>(std::max(0, m_action->currentIndex())));
}

bool CompareFaultBar::setAction(const QString& action)
{
    const int index = m_action->findData(action);
    if (index >= 0)
        m_action->setCurrentIndex(index);
    return index >= 0;
}

bool CompareFaultBar::setTarget(const QString& name)
{
    for (size_t i = 0; i < m_targets.size(); ++i)
        if (m_targets[i].label == name || toQString(m_targets[i].block) == name) {
            m_target->setCurrentIndex(static_cast<int>(i));
            return true;
        }
    return false;
}

model::Fault CompareFaultBar::currentFault() const
{
    const int index = m_target->currentIndex();
    const FaultTarget target = index >= 0 && index < static_cast<int>(m_targets.size())
                                   ? m_targets[static_cast<size_t>(index)]
                                   : FaultTarget{};
    return target.fault(spec(), m_value->value(), 0);
}

void CompareFaultBar::onActionChanged()
{
    const model::FaultSpec& s = spec();
    m_action->setToolTip(toQString(s.help));
    m_value->setVisible(s.hasValue);
    if (s.hasValue) {
        FaultsPanel::fitValueBox(m_value, s);
        m_value->setToolTip(toQString(s.valueLabel));
    }
    refreshTargets();
}

void CompareFaultBar::refreshTargets()
{
    const QString kept = m_target->currentText();
    const auto inA = FaultTarget::listFor(spec(), m_a->architecture());
    const auto inB = FaultTarget::listFor(spec(), m_b->architecture());
    m_targets.clear();
    for (const FaultTarget& target : inA)
        if (std::any_of(inB.begin(), inB.end(), [&](const FaultTarget& other) { return other.sameAs(target); }))
            m_targets.push_back(target);
    const QSignalBlocker blocker(m_target);
    m_target->clear();
    for (const FaultTarget& target : m_targets)
        m_target->addItem(target.label);
    m_target->setCurrentIndex(std::max(0, m_target->findText(kept)));
    if (m_targets.empty())
        m_target->setToolTip(tr("Nothing this action can strike is in both designs (%1)").arg(FaultTarget::noneReason(spec())));
    else
        m_target->setToolTip(tr("Only targets present in both designs, by id"));
    updateButtons();
}

void CompareFaultBar::updateButtons()
{
    const bool live = m_run->state() != RunController::State::Stopped;
    m_inject->setEnabled(live && !m_targets.empty());
    m_recover->setEnabled(live && !m_targets.empty());
    m_inject->setToolTip(live ? tr("The same fault, on the same block, into both runs at the same moment")
                              : tr("Start the runs first: a fault needs traffic to act on"));
}

void CompareFaultBar::inject()
{
    if (m_targets.empty())
        return;
    m_reports.clear();
    m_run->injectFault(currentFault());
}

void CompareFaultBar::recover()
{
    const int index = m_target->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_targets.size()))
        return;
    m_reports.clear();
    for (const std::string& block : m_targets[static_cast<size_t>(index)].blocks)
        m_run->recoverBlock(toQString(block));
}

} // namespace scalelab::widgets
